//! One executive in the outreach order: a summary line, and on demand the details to edit —
//! contact facts, outreach stage, profiles with their audits, and why the score is what it is.

use super::Ranked;
use crate::model::dates::{iso_date, parse_iso_date, short_date};
use crate::model::naturals::{
    audit_items, completeness, current_stage, profile_on, profile_on_mut, set_audit_item,
    set_stage, stage_since, validate_address, validate_email, OutreachStage, Profile,
};
use crate::model::numbers::{format_count, format_decimal, parse_count, parse_decimal};
use crate::model::{Executive, Network};
use crate::platform::{focus_by_id, now};
use crate::ui::state::{AppState, UndoAction};
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub(super) fn ExecutiveCard(
    programme_id: Uuid,
    id: Uuid,
    ranked: Memo<Vec<(Uuid, Ranked)>>,
    open: RwSignal<Option<Uuid>>,
) -> impl IntoView {
    let state = AppState::expect();
    let executive = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id).and_then(|p| {
                p.executives
                    .iter()
                    .find(|e| e.id == id && !e.deleted)
                    .cloned()
            })
        })
    });
    let place = Memo::new(move |_| {
        ranked.with(|r| r.iter().find(|(x, _)| *x == id).map(|(_, r)| r.clone()))
    });
    let is_open = move || open.get() == Some(id);
    let text = move |f: fn(&Executive) -> String| {
        move || executive.with(|e| e.as_ref().map(f).unwrap_or_default())
    };
    let panel_id = format!("exec-{id}-details");
    let heading_id = format!("exec-{id}-heading");
    let toggle_id = format!("exec-{id}-toggle");

    view! {
        <li class="exec-card" class:open=is_open data-testid="exec-card">
            <div class="exec-summary">
                <span class="rank" aria-label=move || place.with(|p| p.as_ref().map(|p| format!("Rank {}", p.rank)).unwrap_or_default())>
                    {move || place.with(|p| p.as_ref().map(|p| format!("#{}", p.rank)).unwrap_or_default())}
                </span>
                <div class="who">
                    <h3 id=heading_id.clone() class="exec-name">{text(|e| e.name.clone())}</h3>
                    <p class="exec-title">
                        {text(|e| [e.title.as_str(), e.department.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · "))}
                    </p>
                </div>
                <p class="score" data-testid="natural-score">
                    <span class="score-value">{move || place.with(|p| p.as_ref().map_or(0, |p| p.score.total))}</span>
                    <span class="score-max">" / 100"</span>
                </p>
                <p class=move || place.with(|p| format!("tier tier-{}", p.as_ref().map_or("none", |p| tier_key(p.score.tier))))>
                    {move || place.with(|p| p.as_ref().map(|p| p.score.tier.label()).unwrap_or_default())}
                </p>
                <p class="stage">
                    {text(|e| current_stage(e).label().to_string())}
                    <span class="since">{text(|e| stage_since(e).map(|d| format!(" since {}", short_date(d))).unwrap_or_default())}</span>
                </p>
                <button
                    type="button"
                    id=toggle_id
                    aria-expanded=move || is_open().to_string()
                    aria-controls=panel_id.clone()
                    on:click=move |_| open.update(|o| *o = if *o == Some(id) { None } else { Some(id) })
                >
                    {move || if is_open() { "Close" } else { "Details" }}
                    <span class="visually-hidden">{text(|e| format!(" for {}", e.name))}</span>
                </button>
            </div>
            <Show when=is_open>
                <ExecutiveDetails programme_id=programme_id id=id executive=executive place=place panel_id=panel_id.clone() open=open/>
            </Show>
        </li>
    }
}

fn tier_key(tier: crate::model::naturals::Tier) -> &'static str {
    use crate::model::naturals::Tier;
    match tier {
        Tier::Natural => "natural",
        Tier::Warm => "warm",
        Tier::NeedsConvincing => "needs-convincing",
    }
}

#[component]
fn ExecutiveDetails(
    programme_id: Uuid,
    id: Uuid,
    executive: Memo<Option<Executive>>,
    place: Memo<Option<Ranked>>,
    panel_id: String,
    open: RwSignal<Option<Uuid>>,
) -> impl IntoView {
    let state = AppState::expect();
    let field_id = move |name: &str| format!("exec-{id}-{name}");
    let name_error = RwSignal::new(None::<String>);
    let email_error = Memo::new(move |_| {
        executive.with(|e| e.as_ref().and_then(|e| validate_email(&e.email).err()))
    });
    let networks = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let mut networks: Vec<Network> = ws
                .get(programme_id)
                .map(|p| p.settings.networks.clone())
                .unwrap_or_default();
            executive.with(|e| {
                for profile in e.iter().flat_map(|e| e.profiles.iter()) {
                    if !networks.contains(&profile.network) {
                        networks.push(profile.network);
                    }
                }
            });
            networks
        })
    });

    let text_field = move |name: &'static str,
                           label: &'static str,
                           get: fn(&Executive) -> String,
                           set: fn(&mut Executive, String)| {
        let input_id = field_id(name);
        view! {
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                <input
                    id=input_id
                    type="text"
                    prop:value=move || executive.with(|e| e.as_ref().map(get).unwrap_or_default())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit_executive(programme_id, id, |e| set(e, value));
                    }
                />
            </div>
        }
    };

    let delete = move |_| {
        let mut before = None;
        state.edit_programme(programme_id, |programme, at| {
            before = programme.delete_executive(id, at);
        });
        if let Some(before) = before {
            // The card is gone: keep keyboard users in the list rather than at the top of the page.
            focus_by_id("order-heading");
            state.offer_undo(
                format!("{} removed from the roster.", before.name),
                UndoAction::RestoreExecutive {
                    programme: programme_id,
                    before: Box::new(before),
                },
            );
        }
    };

    view! {
        <div class="exec-details" id=panel_id>
            <section class="detail-block" aria-labelledby=field_id("facts-heading")>
                <h4 id=field_id("facts-heading")>"About"</h4>
                <div class="grid-form">
                    <div class="field">
                        <label for=field_id("name")>"Name (required)"</label>
                        <input
                            id=field_id("name")
                            type="text"
                            required
                            aria-invalid=move || name_error.with(Option::is_some).to_string()
                            prop:value=move || executive.with(|e| e.as_ref().map(|e| e.name.clone()).unwrap_or_default())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                if value.trim().is_empty() {
                                    name_error.set(Some("A name is required; the previous name is kept until you enter one.".into()));
                                } else {
                                    name_error.set(None);
                                    state.edit_executive(programme_id, id, |e| e.name = value);
                                }
                            }
                        />
                        {move || name_error.get().map(|e| view! { <p class="form-error">{e}</p> })}
                    </div>
                    {text_field("title", "Title", |e| e.title.clone(), |e, v| e.title = v)}
                    {text_field("department", "Department", |e| e.department.clone(), |e, v| e.department = v)}
                    <div class="field">
                        <label for=field_id("email")>"Email (optional)"</label>
                        <input
                            id=field_id("email")
                            type="email"
                            aria-invalid=move || email_error.with(Option::is_some).to_string()
                            aria-describedby=field_id("email-error")
                            prop:value=move || executive.with(|e| e.as_ref().map(|e| e.email.clone()).unwrap_or_default())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                state.edit_executive(programme_id, id, |e| e.email = value.trim().to_string());
                            }
                        />
                        <p class="form-error" id=field_id("email-error")>{move || email_error.get()}</p>
                    </div>
                    <div class="field wide">
                        <label for=field_id("notes")>"Notes"</label>
                        <textarea
                            id=field_id("notes")
                            rows="2"
                            prop:value=move || executive.with(|e| e.as_ref().map(|e| e.notes.clone()).unwrap_or_default())
                            on:input=move |ev| {
                                let value = event_target_value(&ev);
                                state.edit_executive(programme_id, id, |e| e.notes = value);
                            }
                        ></textarea>
                    </div>
                    <div class="check">
                        <input
                            id=field_id("consent")
                            type="checkbox"
                            prop:checked=move || executive.with(|e| e.as_ref().is_some_and(|e| e.consent))
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                state.edit_executive(programme_id, id, |e| e.consent = checked);
                            }
                        />
                        <label for=field_id("consent")>"Has consented to take part"</label>
                    </div>
                    <div class="field">
                        <label for=field_id("willingness")>"Willingness to experiment"</label>
                        <select
                            id=field_id("willingness")
                            on:change=move |ev| {
                                let value = event_target_value(&ev).parse::<u8>().ok().filter(|v| (1..=5).contains(v));
                                state.edit_executive(programme_id, id, |e| e.willingness = value);
                            }
                        >
                            {(0u8..=5).map(|value| {
                                let label = match value {
                                    0 => "Not assessed yet",
                                    1 => "1 — reluctant",
                                    2 => "2 — hesitant",
                                    3 => "3 — open",
                                    4 => "4 — keen",
                                    _ => "5 — eager to experiment",
                                };
                                view! {
                                    <option
                                        value=value.to_string()
                                        selected=move || executive.with(|e| e.as_ref().and_then(|e| e.willingness).unwrap_or(0) == value)
                                    >
                                        {label}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            </section>

            <OutreachEditor programme_id=programme_id id=id executive=executive/>

            <section class="detail-block" aria-labelledby=field_id("profiles-heading")>
                <h4 id=field_id("profiles-heading")>"Profiles"</h4>
                {move || if networks.with(Vec::is_empty) {
                    Some(view! { <p class="empty">"Choose the networks in use in the programme settings (Programmes page) to review profiles."</p> })
                } else {
                    None
                }}
                <div class="profiles">
                    <For
                        each=move || networks.get()
                        key=|network| *network
                        children=move |network| view! {
                            <ProfileEditor programme_id=programme_id id=id network=network executive=executive/>
                        }
                    />
                </div>
            </section>

            <ScoreBreakdown place=place heading_id=field_id("why-heading")/>

            <div class="actions">
                <button
                    type="button"
                    on:click=move |_| {
                        open.set(None);
                        focus_by_id(&format!("exec-{id}-toggle"));
                    }
                >
                    "Close details"<span class="visually-hidden">{move || executive.with(|e| e.as_ref().map(|e| format!(" ({})", e.name)).unwrap_or_default())}</span>
                </button>
                <button type="button" class="danger" on:click=delete>
                    "Remove from roster"<span class="visually-hidden">{move || executive.with(|e| e.as_ref().map(|e| format!(" ({})", e.name)).unwrap_or_default())}</span>
                </button>
            </div>
        </div>
    }
}

#[component]
fn OutreachEditor(
    programme_id: Uuid,
    id: Uuid,
    executive: Memo<Option<Executive>>,
) -> impl IntoView {
    let state = AppState::expect();
    // The stage to record: what the user chose, or else the natural next step from the current one.
    let chosen_stage = RwSignal::new(None::<OutreachStage>);
    let current = Memo::new(move |_| executive.with(|e| e.as_ref().map(current_stage)));
    let next_stage = move || {
        chosen_stage
            .get()
            .unwrap_or_else(|| current.get().unwrap_or(OutreachStage::NotContacted).next())
    };
    let on_date = RwSignal::new(iso_date(now().date_naive()));
    let error = RwSignal::new(None::<String>);
    let field_id = move |name: &str| format!("exec-{id}-{name}");

    let record = move |_| {
        let Some(date) = parse_iso_date(&on_date.get_untracked()) else {
            error.set(Some("Enter the date of the change.".into()));
            return;
        };
        let stage = untrack(next_stage);
        if current.get_untracked() == Some(stage) {
            error.set(Some(format!(
                "Already “{}”: nothing to record.",
                stage.label()
            )));
            return;
        }
        error.set(None);
        if state.edit_programme(programme_id, |programme, at| {
            programme.edit_executive(id, at, |e| set_stage(e, stage, date));
        }) {
            chosen_stage.set(None);
            state.notify(format!(
                "Recorded: {} on {}.",
                stage.label(),
                short_date(date)
            ));
        }
    };
    let history = move || {
        executive.with(|e| {
            e.as_ref()
                .map(|e| {
                    e.outreach
                        .iter()
                        .rev()
                        .map(|c| (c.stage.label(), short_date(c.on)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    view! {
        <section class="detail-block" aria-labelledby=field_id("outreach-heading")>
            <h4 id=field_id("outreach-heading")>"Outreach"</h4>
            <p>
                "Now: "<strong>{move || executive.with(|e| e.as_ref().map(|e| current_stage(e).label()).unwrap_or_default())}</strong>
            </p>
            <div class="inline-form">
                <div class="field">
                    <label for=field_id("stage")>"Move to stage"</label>
                    <select
                        id=field_id("stage")
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            if let Some(stage) = OutreachStage::ALL.into_iter().find(|s| s.key() == key) {
                                chosen_stage.set(Some(stage));
                            }
                        }
                    >
                        {OutreachStage::ALL.into_iter().map(|stage| view! {
                            <option value=stage.key() selected=move || next_stage() == stage>{stage.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=field_id("stage-date")>"On"</label>
                    <input
                        id=field_id("stage-date")
                        type="date"
                        prop:value=move || on_date.get()
                        on:input=move |ev| on_date.set(event_target_value(&ev))
                    />
                </div>
                <button type="button" on:click=record>"Record stage"</button>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {move || {
                let changes = history();
                (!changes.is_empty()).then(|| view! {
                    <ul class="stage-history" aria-label="Outreach history, newest first">
                        {changes.into_iter().map(|(label, date)| view! { <li>{label}" — "{date}</li> }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

/// Changes (or creates) this executive's profile on one network.
fn edit_profile(
    state: AppState,
    programme_id: Uuid,
    id: Uuid,
    network: Network,
    change: impl FnOnce(&mut Profile),
) {
    state.edit_executive(programme_id, id, |e| change(profile_on_mut(e, network)));
}

#[component]
fn ProfileEditor(
    programme_id: Uuid,
    id: Uuid,
    network: Network,
    executive: Memo<Option<Executive>>,
) -> impl IntoView {
    let state = AppState::expect();
    let profile = Memo::new(move |_| {
        executive.with(|e| e.as_ref().and_then(|e| profile_on(e, network).cloned()))
    });
    let field_id = move |name: &str| format!("exec-{id}-{}-{name}", network.key());
    let address_error = Memo::new(move |_| {
        profile.with(|p| {
            p.as_ref()
                .and_then(|p| validate_address(network, &p.address).err())
        })
    });
    let percent = move || profile.with(|p| p.as_ref().map_or(0, completeness));

    // A number field keeps what was typed; a value that is not a number is explained, not saved.
    let number_field =
        move |name: &'static str,
              label: &'static str,
              current: fn(&Profile) -> String,
              parse_and_set: fn(&mut Profile, &str) -> Result<(), String>| {
            let error = RwSignal::new(None::<String>);
            // What the user is typing, shown as typed until they leave the field: re-displaying the
            // stored value mid-typing ("1000" as "1,000") would put separators under their cursor.
            let draft = RwSignal::new(None::<String>);
            let input_id = field_id(name);
            let error_id = field_id(&format!("{name}-error"));
            view! {
                <div class="field small">
                    <label for=input_id.clone()>{label}</label>
                    <input
                        id=input_id
                        type="text"
                        inputmode="decimal"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=error_id.clone()
                        prop:value=move || {
                            draft.get().unwrap_or_else(|| profile.with(|p| p.as_ref().map(current).unwrap_or_default()))
                        }
                        on:blur=move |_| {
                            if error.with_untracked(Option::is_none) {
                                draft.set(None);
                            }
                        }
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            draft.set(Some(value.clone()));
                            let mut probe = Profile::new(network);
                            match parse_and_set(&mut probe, &value) {
                                Ok(()) => {
                                    error.set(None);
                                    edit_profile(state, programme_id, id, network, |p| {
                                        let _ = parse_and_set(p, &value);
                                    });
                                }
                                Err(message) => error.set(Some(message)),
                            }
                        }
                    />
                    <p class="form-error" id=error_id>{move || error.get()}</p>
                </div>
            }
        };

    view! {
        <fieldset class="profile">
            <legend>{network.label()}</legend>
            <div class="grid-form">
                <div class="field wide">
                    <label for=field_id("address")>{format!("{} profile URL or handle", network.label())}</label>
                    <input
                        id=field_id("address")
                        type="text"
                        aria-invalid=move || address_error.with(Option::is_some).to_string()
                        aria-describedby=field_id("address-error")
                        prop:value=move || profile.with(|p| p.as_ref().map(|p| p.address.clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            edit_profile(state, programme_id, id, network, |p| p.address = value.trim().to_string());
                        }
                    />
                    <p class="form-error" id=field_id("address-error")>{move || address_error.get()}</p>
                </div>
                {number_field(
                    "followers",
                    "Followers / connections",
                    |p| p.followers.map(format_count).unwrap_or_default(),
                    |p, v| parse_count(v).map(|n| p.followers = n),
                )}
                {number_field(
                    "posts",
                    "Posts in the last 30 days",
                    |p| p.posts_30d.map(|n| n.to_string()).unwrap_or_default(),
                    |p, v| parse_count(v).and_then(|n| match n {
                        Some(n) if n > u64::from(u32::MAX) => Err("That is too many posts.".to_string()),
                        n => {
                            p.posts_30d = n.map(|n| n as u32);
                            Ok(())
                        }
                    }),
                )}
                {number_field(
                    "engagement",
                    "Average engagement per post",
                    |p| p.avg_engagement.map(format_decimal).unwrap_or_default(),
                    |p, v| parse_decimal(v).map(|n| p.avg_engagement = n),
                )}
            </div>
            <fieldset class="audit">
                <legend>"Profile audit — "<span data-testid="completeness">{move || format!("{}% complete", percent())}</span></legend>
                <div class="audit-items">
                    {audit_items(network).iter().map(|item| {
                        let key = item.key;
                        let input_id = field_id(&format!("audit-{key}"));
                        view! {
                            <div class="check">
                                <input
                                    id=input_id.clone()
                                    type="checkbox"
                                    prop:checked=move || profile.with(|p| p.as_ref().is_some_and(|p| p.audit.iter().any(|k| k == key)))
                                    on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        edit_profile(state, programme_id, id, network, |p| {
                                            set_audit_item(p, key, checked)
                                        });
                                    }
                                />
                                <label for=input_id>{item.label}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </fieldset>
    }
}

#[component]
fn ScoreBreakdown(place: Memo<Option<Ranked>>, heading_id: String) -> impl IntoView {
    let labelled_by = heading_id.clone();
    view! {
        <section class="detail-block" aria-labelledby=labelled_by>
            <h4 id=heading_id>"Why this score"</h4>
            {move || place.get().map(|ranked| {
                let score = ranked.score;
                view! {
                    <table class="breakdown" data-testid="score-breakdown">
                        <thead>
                            <tr>
                                <th scope="col">"Component"</th>
                                <th scope="col">"What counts"</th>
                                <th scope="col">"Weight"</th>
                                <th scope="col">"Points"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {score.components.into_iter().map(|c| view! {
                                <tr class:missing=c.value.is_none()>
                                    <th scope="row">{c.component.label()}</th>
                                    <td>{c.explanation}</td>
                                    <td>{c.weight}</td>
                                    <td>{format_decimal(c.points)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row" colspan="3">"Natural score"</th>
                                <td><strong>{score.total}" / 100 — "{score.tier.label()}</strong></td>
                            </tr>
                        </tfoot>
                    </table>
                }
            })}
        </section>
    }
}
