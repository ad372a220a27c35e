//! Step 1 — Find the naturals: the roster, each executive's profiles and audit, the natural score,
//! the outreach order and pipeline, and roster CSV import/export.

mod card;
mod roster_csv;
mod weights;

use crate::model::naturals::{
    current_stage, outreach_order, pipeline_summary, ranks, validate_email, NaturalScore, Tier,
};
use crate::model::{Executive, Programme};
use crate::platform::{focus_by_id, now};
use crate::ui::pages::for_current_programme;
use crate::ui::state::AppState;
use card::ExecutiveCard;
use leptos::prelude::*;
use roster_csv::RosterCsv;
use uuid::Uuid;
use weights::WeightsPanel;

/// How the roster is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    Rank,
    Name,
    Department,
    Stage,
}

impl SortBy {
    const ALL: [SortBy; 4] = [
        SortBy::Rank,
        SortBy::Name,
        SortBy::Department,
        SortBy::Stage,
    ];

    fn key(self) -> &'static str {
        match self {
            SortBy::Rank => "rank",
            SortBy::Name => "name",
            SortBy::Department => "department",
            SortBy::Stage => "stage",
        }
    }

    fn label(self) -> &'static str {
        match self {
            SortBy::Rank => "Outreach order (score)",
            SortBy::Name => "Name",
            SortBy::Department => "Department",
            SortBy::Stage => "Outreach stage",
        }
    }
}

/// One executive's place in the outreach order: rank 1 is approached first; equal scores share a
/// rank.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ranked {
    pub rank: usize,
    pub score: NaturalScore,
}

/// The ranked outreach order of a programme, with shared ranks for equal scores.
fn ranking(programme: &Programme) -> Vec<(Uuid, Ranked)> {
    let order = outreach_order(&programme.executives, &programme.settings.natural_weights);
    let totals: Vec<u8> = order.iter().map(|(_, score)| score.total).collect();
    order
        .into_iter()
        .zip(ranks(&totals))
        .map(|((id, score), rank)| (id, Ranked { rank, score }))
        .collect()
}

#[component]
pub fn NaturalsPage() -> impl IntoView {
    for_current_programme(|id| view! { <Naturals programme_id=id/> }.into_any())
}

#[component]
fn Naturals(programme_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Rank);
    let adding = RwSignal::new(false);
    let open = RwSignal::new(None::<Uuid>);

    let ranked = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.get(programme_id).map(ranking).unwrap_or_default())
    });
    let roster_size = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.get(programme_id).map_or(0, |p| p.roster().count()))
    });
    // The ids to show, filtered by the search and in the chosen order. Only ids: each card reads
    // its own data, so typing in one card never rebuilds the others.
    let visible = Memo::new(move |_| {
        let needle = query.get().trim().to_lowercase();
        let order = sort.get();
        let ranked = ranked.get();
        state.workspace.with(|ws| {
            let Some(programme) = ws.get(programme_id) else {
                return Vec::new();
            };
            let mut rows: Vec<(&Executive, usize)> = ranked
                .iter()
                .filter_map(|(id, r)| {
                    programme
                        .executives
                        .iter()
                        .find(|e| e.id == *id)
                        .map(|e| (e, r.rank))
                })
                .filter(|(e, _)| needle.is_empty() || matches_query(e, &needle))
                .collect();
            match order {
                SortBy::Rank => {}
                SortBy::Name => rows.sort_by_key(|(e, _)| e.name.to_lowercase()),
                SortBy::Department => {
                    rows.sort_by_key(|(e, rank)| (e.department.to_lowercase(), *rank))
                }
                SortBy::Stage => rows.sort_by_key(|(e, rank)| (current_stage(e), *rank)),
            }
            rows.into_iter().map(|(e, _)| e.id).collect::<Vec<_>>()
        })
    });
    let pipeline = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map(|p| pipeline_summary(p.roster()))
                .unwrap_or_default()
        })
    });
    let tiers = Memo::new(move |_| {
        let ranked = ranked.get();
        [Tier::Natural, Tier::Warm, Tier::NeedsConvincing].map(|tier| {
            (
                tier,
                ranked.iter().filter(|(_, r)| r.score.tier == tier).count(),
            )
        })
    });

    view! {
        <section class="naturals">
            <div class="page-head">
                <div>
                    <p class="step-number">"Step 1"</p>
                    <h1>"Find the naturals"</h1>
                </div>
                <button
                    id="add-executive-button"
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        adding.set(true);
                        focus_by_id("new-exec-name");
                    }
                >
                    "Add executive"
                </button>
            </div>
            <p class="lead">
                "Look at each executive's profiles: the ones with the most developed profiles, the most activity and a willingness to experiment are the ones to approach first."
            </p>

            <Show when=move || adding.get()>
                <AddExecutiveForm programme_id=programme_id adding=adding open=open/>
            </Show>

            <section class="summary-strip" aria-labelledby="pipeline-heading">
                <h2 id="pipeline-heading" class="visually-hidden">"Summary"</h2>
                <div class="summary-block">
                    <h3>"Outreach pipeline"</h3>
                    <ul class="pipeline" data-testid="pipeline">
                        {move || pipeline.get().into_iter().map(|(stage, count)| view! {
                            <li><span class="count">{count}</span>" "{stage.label()}</li>
                        }).collect_view()}
                    </ul>
                </div>
                <div class="summary-block">
                    <h3>"Tiers"</h3>
                    <ul class="pipeline">
                        {move || tiers.get().into_iter().map(|(tier, count)| view! {
                            <li><span class="count">{count}</span>" "{tier.label()}</li>
                        }).collect_view()}
                    </ul>
                </div>
            </section>

            <WeightsPanel programme_id=programme_id/>

            <section aria-labelledby="order-heading">
                <h2 id="order-heading" tabindex="-1">"Outreach order"</h2>
                <div class="toolbar">
                    <div class="field inline">
                        <label for="roster-search">"Search roster"</label>
                        <input
                            id="roster-search"
                            type="search"
                            placeholder="Name, title, department…"
                            prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field inline">
                        <label for="roster-sort">"Sort by"</label>
                        <select
                            id="roster-sort"
                            on:change=move |ev| {
                                let key = event_target_value(&ev);
                                if let Some(s) = SortBy::ALL.into_iter().find(|s| s.key() == key) {
                                    sort.set(s);
                                }
                            }
                        >
                            {SortBy::ALL.into_iter().map(|s| view! {
                                <option value=s.key() selected=move || sort.get() == s>{s.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                {move || {
                    let total = roster_size.get();
                    let shown = visible.with(Vec::len);
                    if total == 0 {
                        Some(view! {
                            <p class="empty">
                                "No executives yet. Add the executives you want to reach — or import them from a CSV file below — then review each one's profiles."
                            </p>
                        }.into_any())
                    } else if shown == 0 {
                        Some(view! { <p class="empty">"No executive matches the search."</p> }.into_any())
                    } else {
                        None
                    }
                }}
                <ol class="outreach-list" aria-label="Executives in outreach order">
                    <For
                        each=move || visible.get()
                        key=|id| *id
                        children=move |id| view! {
                            <ExecutiveCard programme_id=programme_id id=id ranked=ranked open=open/>
                        }
                    />
                </ol>
            </section>

            <RosterCsv programme_id=programme_id/>
        </section>
    }
}

fn matches_query(executive: &Executive, needle: &str) -> bool {
    [
        &executive.name,
        &executive.title,
        &executive.department,
        &executive.email,
    ]
    .iter()
    .any(|field| field.to_lowercase().contains(needle))
}

/// The form that adds one executive to the roster.
#[component]
fn AddExecutiveForm(
    programme_id: Uuid,
    adding: RwSignal<bool>,
    open: RwSignal<Option<Uuid>>,
) -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let name_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = name_ref.get() {
            let _ = input.focus();
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name_value = name.get_untracked().trim().to_string();
        if name_value.is_empty() {
            error.set(Some("Enter the executive's name.".into()));
            return;
        }
        if let Err(message) = validate_email(&email.get_untracked()) {
            error.set(Some(message));
            return;
        }
        error.set(None);
        let mut executive = Executive::new(name_value.clone(), now());
        executive.title = title.get_untracked().trim().to_string();
        executive.department = department.get_untracked().trim().to_string();
        executive.email = email.get_untracked().trim().to_string();
        executive.notes = notes.get_untracked();
        executive.consent = consent.get_untracked();
        let id = executive.id;
        if !state.edit_programme(programme_id, |programme, _| {
            programme.add_executive(executive)
        }) {
            return;
        }
        state.notify(format!("{name_value} added to the roster."));
        for field in [name, title, department, email, notes] {
            field.set(String::new());
        }
        consent.set(false);
        if let Some(input) = name_ref.get_untracked() {
            let _ = input.focus();
        }
        open.set(Some(id));
    };

    let text = move |id: &'static str,
                     label: &'static str,
                     value: RwSignal<String>,
                     kind: &'static str| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type=kind prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };

    view! {
        <section class="panel" aria-labelledby="add-executive-heading">
            <h2 id="add-executive-heading">"Add executive"</h2>
            <form on:submit=submit novalidate class="grid-form">
                <div class="field">
                    <label for="new-exec-name">"Name (required)"</label>
                    <input
                        id="new-exec-name"
                        type="text"
                        node_ref=name_ref
                        required
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                {text("new-exec-title", "Title", title, "text")}
                {text("new-exec-department", "Department", department, "text")}
                {text("new-exec-email", "Email (optional)", email, "email")}
                <div class="field wide">
                    <label for="new-exec-notes">"Notes"</label>
                    <textarea id="new-exec-notes" rows="2" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </div>
                <div class="check wide">
                    <input id="new-exec-consent" type="checkbox" prop:checked=move || consent.get() on:change=move |ev| consent.set(event_target_checked(&ev))/>
                    <label for="new-exec-consent">"Has consented to take part"</label>
                </div>
                {move || error.get().map(|e| view! { <p class="form-error wide" role="alert">{e}</p> })}
                <div class="actions wide">
                    <button type="submit" class="primary">"Add to roster"</button>
                    <button
                        type="button"
                        on:click=move |_| {
                            adding.set(false);
                            focus_by_id("add-executive-button");
                        }
                    >
                        "Done"
                    </button>
                </div>
            </form>
        </section>
    }
}
