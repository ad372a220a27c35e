//! Step 3 — Provide the proof: the evidence library (with the starter library of published figures),
//! evidence matched to each executive, and the printable proof pack (pitch + matched evidence).

use crate::model::evidence::{
    evidence_for_pack, evidence_for_pitch, is_stale, library_tags, load_starter, matched_evidence,
    matches_filter, parse_published, Evidence, Origin, Scope,
};
use crate::model::goals::{Audience, GoalKind};
use crate::model::templates::pitch;
use crate::platform::{focus_by_id, now, print_page};
use crate::ui::components::{focused_executive, ExecutivePicker, PrintableText};
use crate::ui::href;
use crate::ui::pages::for_current_programme;
use crate::ui::state::{AppState, UndoAction};
use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

#[component]
pub fn ProofPage() -> impl IntoView {
    for_current_programme(|id| view! { <Proof programme_id=id/> }.into_any())
}

#[component]
fn Proof(programme_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let focused = focused_executive(state, programme_id);
    view! {
        <section class="proof-page">
            <div class="no-print">
                <p class="step-number">"Step 3"</p>
                <h1>"Provide the proof"</h1>
                <p class="lead">
                    "Case studies and concrete figures on the impact of social — and of the executive's own role in it. Each executive gets the evidence that matches their goals, ready to hand over as a proof pack."
                </p>
            </div>
            <section class="panel proof-pack" aria-labelledby="pack-heading">
                <h2 id="pack-heading" class="no-print">"Proof pack"</h2>
                {move || match focused.get() {
                    None => view! {
                        <p class="empty">
                            "No executives on the roster yet. "
                            <A href=href("/naturals")>"Add them in Step 1"</A>" first."
                        </p>
                    }.into_any(),
                    Some(id) => view! {
                        <div class="no-print"><ExecutivePicker programme_id=programme_id select_id="proof-executive"/></div>
                        <ProofPack programme_id=programme_id id=id/>
                    }.into_any(),
                }}
            </section>
            <Library programme_id=programme_id/>
        </section>
    }
}

/// One executive's matched evidence (pin, exclude) and the printable pack.
#[component]
fn ProofPack(programme_id: Uuid, id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    /// What the pack shows: the pitch, and each matched item with its reasons, pinned and stale flags.
    #[derive(PartialEq)]
    struct Pack {
        name: String,
        /// "Prepared by … for …, 26 November 2026": who hands the pack over, and when.
        prepared: String,
        pitch: String,
        items: Vec<(Evidence, Vec<String>, bool, bool)>,
        excluded: Vec<(Uuid, String)>,
    }
    let pack = Memo::new(move |_| {
        let today = now().date_naive();
        state.workspace.with(|ws| {
            let programme = ws.get(programme_id)?;
            let executive = programme.roster().find(|e| e.id == id)?;
            let library = &programme.evidence;
            let stale_after = programme.settings.stale_after_years;
            let matches = matched_evidence(executive, library, today, stale_after);
            // The pack holds the evidence that speaks to this executive — pinned items, then matches
            // on a goal or an audience, stale ones last and flagged — not matches on scope alone. The
            // pitch cites only the pinned and current ones.
            let packed = evidence_for_pack(executive, library, today, stale_after);
            let cited = evidence_for_pitch(executive, library, today, stale_after);
            let items: Vec<_> = packed
                .iter()
                .filter_map(|e| {
                    matches
                        .iter()
                        .find(|m| m.id == e.id)
                        .map(|m| ((*e).clone(), m.reasons.clone(), m.pinned, m.stale))
                })
                .collect();
            let pitch_text = executive
                .pitch
                .clone()
                .unwrap_or_else(|| pitch(executive, &programme.settings.company, &cited));
            let excluded = executive
                .excluded_evidence
                .iter()
                .filter_map(|x| {
                    library
                        .iter()
                        .find(|e| e.id == *x && !e.deleted)
                        .map(|e| (e.id, e.title.clone()))
                })
                .collect();
            Some(Pack {
                prepared: prepared_line(
                    &programme.settings.owner,
                    &programme.settings.company,
                    today,
                ),
                name: executive.name.clone(),
                pitch: pitch_text,
                items,
                excluded,
            })
        })
    });
    let toggle_pin = move |evidence: Uuid| {
        state.edit_executive(programme_id, id, |e| {
            if e.pinned_evidence.contains(&evidence) {
                e.pinned_evidence.retain(|x| *x != evidence);
            } else {
                e.pinned_evidence.push(evidence);
                e.excluded_evidence.retain(|x| *x != evidence);
            }
        });
    };
    let exclude = move |evidence: Uuid| {
        state.edit_executive(programme_id, id, |e| {
            e.pinned_evidence.retain(|x| *x != evidence);
            if !e.excluded_evidence.contains(&evidence) {
                e.excluded_evidence.push(evidence);
            }
        });
    };
    let include = move |evidence: Uuid| {
        state.edit_executive(programme_id, id, |e| {
            e.excluded_evidence.retain(|x| *x != evidence)
        });
        // The button goes with the "Left out" entry, and the pack is redrawn: once it is, keep
        // keyboard users in it.
        request_animation_frame(|| focus_by_id("pack-list-heading"));
    };

    move || {
        pack.with(|pack| {
            let Some(pack) = pack else {
                return ().into_any();
            };
            let screen_items = pack
                .items
                .iter()
                .map(|(evidence, reasons, pinned, stale)| {
                    let evidence_id = evidence.id;
                    let title = evidence.title.clone();
                    let pinned = *pinned;
                    view! {
                        <li class="match" class:pinned=pinned>
                            <EvidenceSummary evidence=evidence.clone() stale=*stale/>
                            <p class="reasons">{reasons.join(" · ")}</p>
                            <div class="actions">
                                <button type="button" aria-pressed=pinned.to_string() on:click=move |_| toggle_pin(evidence_id)>
                                    {if pinned { "Unpin" } else { "Pin to the top" }}
                                    <span class="visually-hidden">{format!(" ({title})")}</span>
                                </button>
                                <button type="button" on:click=move |_| exclude(evidence_id)>
                                    "Leave out"<span class="visually-hidden">{format!(" ({})", evidence.title)}</span>
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            let print_items = pack
                .items
                .iter()
                .map(|(evidence, _, _, stale)| view! { <li><EvidenceSummary evidence=evidence.clone() stale=*stale/></li> })
                .collect_view();
            let excluded = pack
                .excluded
                .iter()
                .map(|(evidence_id, title)| {
                    let evidence_id = *evidence_id;
                    view! {
                        <li>
                            {title.clone()}" "
                            <button type="button" on:click=move |_| include(evidence_id)>
                                "Include again"<span class="visually-hidden">{format!(" ({title})")}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let empty = pack.items.is_empty();
            view! {
                <div class="no-print">
                    <h3 id="pack-list-heading" tabindex="-1">{format!("Evidence for {}", pack.name)}</h3>
                    {empty.then(|| view! {
                        <p class="empty">
                            "Nothing matches yet. Set the executive's goals and audiences in "
                            <A href=href("/goals")>"Step 2"</A>
                            ", and add evidence below — or load the starter library."
                        </p>
                    })}
                    <ol class="matches" data-testid="matched-evidence">{screen_items}</ol>
                    {(!pack.excluded.is_empty()).then(|| view! {
                        <h4>"Left out"</h4>
                        <ul class="excluded">{excluded}</ul>
                    })}
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| print_page()>"Print proof pack"</button>
                    </div>
                </div>
                <article class="print-only proof-print" data-testid="proof-pack-print">
                    <p class="prepared">{pack.prepared.clone()}</p>
                    <PrintableText text=pack.pitch.clone()/>
                    <h2>"The evidence in full, with sources"</h2>
                    {if empty {
                        view! { <p>"No evidence matched yet."</p> }.into_any()
                    } else {
                        view! { <ol class="evidence-print">{print_items}</ol> }.into_any()
                    }}
                </article>
            }
            .into_any()
        })
    }
}

/// A piece of evidence as a reader sees it: figure, claim, source, date, origin and caveats.
#[component]
fn EvidenceSummary(evidence: Evidence, stale: bool) -> impl IntoView {
    let source = if evidence.source_name.is_empty() {
        None
    } else {
        Some(evidence.source_name.clone())
    };
    let link = (evidence.source_url.starts_with("https://")
        || evidence.source_url.starts_with("http://"))
    .then(|| evidence.source_url.clone());
    view! {
        <div class="evidence-summary">
            <p class="evidence-title">
                {(!evidence.figure.is_empty()).then(|| view! { <strong class="figure">{evidence.figure.clone()}</strong>" — " })}
                {evidence.title.clone()}
            </p>
            {(!evidence.claim.is_empty()).then(|| view! { <p class="claim">{evidence.claim.clone()}</p> })}
            <p class="source">
                {source.map(|s| view! { <span>{s}</span> })}
                {(!evidence.published.is_empty()).then(|| format!(" ({})", evidence.published))}
                {link.map(|url| view! {
                    " · "<a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a>
                })}
            </p>
            <p class="badges">
                <span class="badge">{evidence.origin.label()}</span>
                {stale.then(|| view! { <span class="badge stale">"Stale — check for newer figures"</span> })}
            </p>
            {(!evidence.caveats.is_empty()).then(|| view! { <p class="caveats">"Caveats: "{evidence.caveats.clone()}</p> })}
        </div>
    }
}

/// The evidence library: search, filter by tag, add/edit/delete, the stale age and the starter library.
#[component]
fn Library(programme_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let query = RwSignal::new(String::new());
    let tag = RwSignal::new(String::new());
    let adding = RwSignal::new(false);
    let editing = RwSignal::new(None::<Uuid>);
    let tags = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map(|p| library_tags(&p.evidence))
                .unwrap_or_default()
        })
    });
    let visible = Memo::new(move |_| {
        let query = query.get();
        let tag = tag.get();
        let tag = (!tag.is_empty()).then_some(tag.as_str());
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map(|p| {
                    p.library()
                        .filter(|e| matches_filter(e, &query, tag))
                        .map(|e| e.id)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let total = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.get(programme_id).map_or(0, |p| p.library().count()))
    });
    let stale_years = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map_or(3, |p| p.settings.stale_after_years)
        })
    });
    let load_starter_library = move |_| {
        let mut added = 0;
        state.edit_programme(programme_id, |programme, at| {
            added = load_starter(programme, at)
        });
        state.notify(match added {
            0 => "The starter library is already loaded.".to_string(),
            1 => {
                "1 published figure added. Open its source to check it before using it.".to_string()
            }
            n => format!(
                "{n} published figures added. Open each source to check it before using it."
            ),
        });
    };

    view! {
        <section class="panel library no-print" aria-labelledby="library-heading">
            <div class="page-head">
                <h2 id="library-heading" tabindex="-1">"Evidence library"</h2>
                <div class="actions">
                    <button
                        type="button"
                        id="add-evidence"
                        class="primary"
                        on:click=move |_| {
                            adding.set(true);
                            request_animation_frame(|| focus_by_id("evidence-new-title"));
                        }
                    >
                        "Add evidence"
                    </button>
                    <button type="button" on:click=load_starter_library>"Load starter library"</button>
                </div>
            </div>
            <p class="hint">
                "The starter library holds 15 published figures, each traced to its source's own words, with caveats. They are marked “verify before use”: open each source before you quote it. Add your own results as in-house evidence — they persuade best."
            </p>
            <div class="toolbar">
                <div class="field inline">
                    <label for="library-search">"Search evidence"</label>
                    <input id="library-search" type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
                </div>
                <div class="field inline">
                    <label for="library-tag">"Filter by tag"</label>
                    <select id="library-tag" on:change=move |ev| tag.set(event_target_value(&ev))>
                        <option value="" selected=move || tag.with(String::is_empty)>"All tags"</option>
                        {move || tags.get().into_iter().map(|t| {
                            let value = t.clone();
                            view! { <option value=t.clone() selected=move || tag.get() == value>{t.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field inline small">
                    <label for="stale-years">"Stale after (years; 0 = never)"</label>
                    <input
                        id="stale-years"
                        type="number"
                        min="0"
                        max="20"
                        prop:value=move || stale_years.get().to_string()
                        on:input=move |ev| {
                            if let Ok(years) = event_target_value(&ev).trim().parse::<u8>() {
                                if years <= 20 {
                                    state.edit_programme(programme_id, |p, at| p.edit_settings(at, |s| s.stale_after_years = years));
                                }
                            }
                        }
                    />
                </div>
            </div>
            <Show when=move || adding.get()>
                <EvidenceForm
                    programme_id=programme_id
                    editing=None
                    done=Callback::new(move |_| {
                        // Focus moves before the form disappears, so it never falls to the page.
                        focus_by_id("add-evidence");
                        adding.set(false);
                    })
                />
            </Show>
            <p class="hint" data-testid="library-count">
                {move || format!("{} of {} items shown.", visible.with(Vec::len), total.get())}
            </p>
            <ul class="evidence-list">
                <For
                    each=move || visible.get()
                    key=|id| *id
                    children=move |evidence_id| view! { <LibraryItem programme_id=programme_id id=evidence_id editing=editing/> }
                />
            </ul>
        </section>
    }
}

#[component]
fn LibraryItem(programme_id: Uuid, id: Uuid, editing: RwSignal<Option<Uuid>>) -> impl IntoView {
    let state = AppState::expect();
    let item = Memo::new(move |_| {
        let today = now().date_naive();
        state.workspace.with(|ws| {
            let programme = ws.get(programme_id)?;
            let evidence = programme.library().find(|e| e.id == id)?.clone();
            let stale = is_stale(&evidence, today, programme.settings.stale_after_years);
            Some((evidence, stale))
        })
    });
    let delete = move |_| {
        let mut before = None;
        state.edit_programme(programme_id, |p, at| before = p.delete_evidence(id, at));
        if let Some(before) = before {
            focus_by_id("library-heading");
            state.offer_undo(
                format!("“{}” deleted from the library.", before.title),
                UndoAction::RestoreEvidence {
                    programme: programme_id,
                    before: Box::new(before),
                },
            );
        }
    };
    view! {
        <li class="evidence-item" data-testid="evidence-item">
            {move || item.get().map(|(evidence, stale)| {
                let title = evidence.title.clone();
                let tags: Vec<String> = evidence
                    .scopes
                    .iter()
                    .map(|s| s.label().to_string())
                    .chain(evidence.goals.iter().map(|g| g.label().to_string()))
                    .chain(evidence.audiences.iter().map(|a| a.label().to_string()))
                    .chain(evidence.tags.iter().cloned())
                    .collect();
                view! {
                    <EvidenceSummary evidence=evidence stale=stale/>
                    {(!tags.is_empty()).then(|| view! { <p class="tags">"Tags: "{tags.join(", ")}</p> })}
                    <div class="actions">
                        <button type="button" id=format!("evidence-{id}-edit") on:click=move |_| editing.set(Some(id))>
                            "Edit"<span class="visually-hidden">{format!(" ({title})")}</span>
                        </button>
                        <button type="button" class="danger" on:click=delete>
                            "Delete"<span class="visually-hidden">{format!(" ({title})")}</span>
                        </button>
                    </div>
                }
            })}
            <Show when=move || editing.get() == Some(id)>
                <EvidenceForm
                    programme_id=programme_id
                    editing=Some(id)
                    done=Callback::new(move |_| {
                        focus_by_id(&format!("evidence-{id}-edit"));
                        editing.set(None);
                    })
                />
            </Show>
        </li>
    }
}

/// Adds a piece of evidence, or edits one (`editing`).
#[component]
fn EvidenceForm(programme_id: Uuid, editing: Option<Uuid>, done: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let existing = editing.and_then(|id| {
        state.workspace.with_untracked(|ws| {
            ws.get(programme_id)
                .and_then(|p| p.library().find(|e| e.id == id).cloned())
        })
    });
    let prefix = match editing {
        Some(id) => format!("evidence-{id}"),
        None => "evidence-new".to_string(),
    };
    let field_id = {
        let prefix = prefix.clone();
        move |name: &str| format!("{prefix}-{name}")
    };
    let text = |value: &str| RwSignal::new(value.to_string());
    let base = existing.clone();
    let title = text(base.as_ref().map_or("", |e| &e.title));
    let claim = text(base.as_ref().map_or("", |e| &e.claim));
    let figure = text(base.as_ref().map_or("", |e| &e.figure));
    let source_name = text(base.as_ref().map_or("", |e| &e.source_name));
    let source_url = text(base.as_ref().map_or("", |e| &e.source_url));
    let published = text(base.as_ref().map_or("", |e| &e.published));
    let tags = RwSignal::new(base.as_ref().map(|e| e.tags.join(", ")).unwrap_or_default());
    let quote = text(base.as_ref().map_or("", |e| &e.quote));
    let caveats = text(base.as_ref().map_or("", |e| &e.caveats));
    let in_house = RwSignal::new(matches!(
        base.as_ref().map(|e| &e.origin),
        Some(Origin::InHouse)
    ));
    let scopes = RwSignal::new(base.as_ref().map(|e| e.scopes.clone()).unwrap_or_default());
    let goals = RwSignal::new(base.as_ref().map(|e| e.goals.clone()).unwrap_or_default());
    let audiences = RwSignal::new(
        base.as_ref()
            .map(|e| e.audiences.clone())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<String>);
    let is_starter = matches!(
        existing.as_ref().map(|e| &e.origin),
        Some(Origin::Starter { .. })
    );

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title_value = title.get_untracked().trim().to_string();
        if title_value.is_empty() {
            error.set(Some("Give the evidence a title.".into()));
            return;
        }
        let url = source_url.get_untracked().trim().to_string();
        let is_web_address = url.starts_with("https://") || url.starts_with("http://");
        if !url.is_empty() && !is_web_address {
            error.set(Some(
                "The source URL must start with https:// (or http://).".into(),
            ));
            return;
        }
        let published_value = published.get_untracked().trim().to_string();
        let mut item = existing
            .clone()
            .unwrap_or_else(|| Evidence::new("", Origin::Published, now()));
        if let Err(message) = parse_published(&published_value) {
            error.set(Some(message));
            return;
        }
        item.published = published_value;
        error.set(None);
        item.title = title_value;
        item.claim = claim.get_untracked().trim().to_string();
        item.figure = figure.get_untracked().trim().to_string();
        item.source_name = source_name.get_untracked().trim().to_string();
        item.source_url = url;
        item.quote = quote.get_untracked().trim().to_string();
        item.caveats = caveats.get_untracked().trim().to_string();
        item.tags = tags
            .get_untracked()
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        item.scopes = scopes.get_untracked();
        item.goals = goals.get_untracked();
        item.audiences = audiences.get_untracked();
        if !matches!(item.origin, Origin::Starter { .. }) {
            item.origin = if in_house.get_untracked() {
                Origin::InHouse
            } else {
                Origin::Published
            };
        }
        let saved = match editing {
            Some(id) => state.edit_programme(programme_id, |p, at| {
                p.edit_evidence(id, at, |e| {
                    *e = Evidence {
                        id: e.id,
                        created_at: e.created_at,
                        updated_at: e.updated_at,
                        deleted: false,
                        ..item
                    }
                });
            }),
            None => state.edit_programme(programme_id, |p, _| p.evidence.push(item)),
        };
        if saved {
            state.notify(if editing.is_some() {
                "Evidence updated."
            } else {
                "Evidence added to the library."
            });
            done.run(());
        }
    };

    let text_field = {
        let field_id = field_id.clone();
        move |name: &'static str, label: &'static str, value: RwSignal<String>| {
            let input_id = field_id(name);
            view! {
                <div class="field">
                    <label for=input_id.clone()>{label}</label>
                    <input id=input_id type="text" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                </div>
            }
        }
    };
    let area_field = {
        let field_id = field_id.clone();
        move |name: &'static str, label: &'static str, value: RwSignal<String>| {
            let input_id = field_id(name);
            view! {
                <div class="field wide">
                    <label for=input_id.clone()>{label}</label>
                    <textarea id=input_id rows="2" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
                </div>
            }
        }
    };
    fn choices<T: Copy + PartialEq + Ord + Send + Sync + 'static>(
        legend: &'static str,
        prefix: String,
        all: Vec<(T, &'static str, &'static str)>,
        chosen: RwSignal<Vec<T>>,
    ) -> impl IntoView {
        view! {
            <fieldset class="choice-grid wide">
                <legend>{legend}</legend>
                {all.into_iter().map(|(value, key, label)| {
                    let box_id = format!("{prefix}-{key}");
                    view! {
                        <div class="check">
                            <input
                                id=box_id.clone()
                                type="checkbox"
                                prop:checked=move || chosen.with(|c| c.contains(&value))
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != value);
                                        if checked {
                                            c.push(value);
                                            c.sort();
                                        }
                                    });
                                }
                            />
                            <label for=box_id>{label}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    }
    let heading_id = field_id("heading");
    let labelled_by = heading_id.clone();
    let in_house_id = field_id("in-house");
    view! {
        <section class="evidence-form" aria-labelledby=labelled_by>
            <h3 id=heading_id>{if editing.is_some() { "Edit evidence" } else { "New evidence" }}</h3>
            <form class="grid-form" on:submit=submit novalidate>
                {text_field("title", "Title (required)", title)}
                {text_field("figure", "Figure", figure)}
                {area_field("claim", "Claim", claim)}
                {text_field("source-name", "Source name", source_name)}
                {text_field("source-url", "Source URL", source_url)}
                {text_field("published", "Published (2016, 2016-03 or 2016-03-14)", published)}
                {text_field("tags", "Other tags (comma-separated, e.g. an industry)", tags)}
                {(!is_starter).then(|| view! {
                    <div class="check wide">
                        <input id=in_house_id.clone() type="checkbox" prop:checked=move || in_house.get() on:change=move |ev| in_house.set(event_target_checked(&ev))/>
                        <label for=in_house_id.clone()>"In-house result (from our own programme)"</label>
                    </div>
                })}
                {choices("Speaks to", format!("{prefix}-scope"), Scope::ALL.into_iter().map(|s| (s, s.key(), s.label())).collect(), scopes)}
                {choices("Goals it supports", format!("{prefix}-goal"), GoalKind::CATALOGUE.into_iter().map(|g| (g, g.key(), g.label())).collect(), goals)}
                {choices("Audiences", format!("{prefix}-audience"), Audience::ALL.into_iter().map(|a| (a, a.key(), a.label())).collect(), audiences)}
                {area_field("quote", "The source's own words", quote)}
                {area_field("caveats", "Caveats", caveats)}
                {move || error.get().map(|e| view! { <p class="form-error wide" role="alert">{e}</p> })}
                <div class="actions wide">
                    <button type="submit" class="primary">{if editing.is_some() { "Save evidence" } else { "Add to library" }}</button>
                    <button type="button" on:click=move |_| done.run(())>"Cancel"</button>
                </div>
            </form>
        </section>
    }
}

/// "Prepared by Jordan Reyes, Northwind — 26 November 2026", leaving out what is not known.
fn prepared_line(owner: &str, company: &str, today: chrono::NaiveDate) -> String {
    let who: Vec<&str> = [owner.trim(), company.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    let date = crate::model::dates::long_date(today);
    if who.is_empty() {
        format!("Prepared {date}")
    } else {
        format!("Prepared by {} — {date}", who.join(", "))
    }
}
