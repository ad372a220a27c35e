//! Step 2 — Link to business goals: each executive's goals, audiences, emphasis and themes, and the
//! generated "Why social, for you" pitch (editable, copyable, printable).

use crate::model::evidence::evidence_for_pitch;
use crate::model::goals::{
    goals_status, missing_for_pitch, Audience, Emphasis, Goal, GoalKind, GoalsReadiness,
    MAX_THEMES, MIN_THEMES,
};
use crate::model::templates::pitch;
use crate::model::Executive;
use crate::platform::{copy_text, focus_by_id, now, print_page};
use crate::ui::components::{focused_executive, ExecutivePicker, PrintableText};
use crate::ui::href;
use crate::ui::pages::for_current_programme;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use uuid::Uuid;

#[component]
pub fn GoalsPage() -> impl IntoView {
    for_current_programme(|id| view! { <Goals programme_id=id/> }.into_any())
}

#[component]
fn Goals(programme_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let focused = focused_executive(state, programme_id);
    view! {
        <section class="goals-page">
            <div class="no-print">
                <p class="step-number">"Step 2"</p>
                <h1>"Link to business goals"</h1>
                <p class="lead">
                    "Explain, concisely, how social helps each executive reach their own business goals — outside (loyalty, awareness, thought leadership: people want to talk to people, not faceless brands) and inside the company."
                </p>
            </div>
            {move || match focused.get() {
                None => view! {
                    <p class="empty">
                        "No executives on the roster yet. "
                        <A href=href("/naturals")>"Add them in Step 1"</A>
                        " first."
                    </p>
                }.into_any(),
                Some(_) => view! {
                    <div class="no-print"><ExecutivePicker programme_id=programme_id select_id="goals-executive"/></div>
                }.into_any(),
            }}
            // Rebuilt only when another executive is chosen, so typing never loses focus.
            {move || focused.get().map(|id| view! {
                <GoalsEditor programme_id=programme_id id=id/>
                <PitchPanel programme_id=programme_id id=id/>
            })}
        </section>
    }
}

/// Reads one executive of one programme.
fn executive_memo(state: AppState, programme_id: Uuid, id: Uuid) -> Memo<Option<Executive>> {
    Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .and_then(|p| p.roster().find(|e| e.id == id).cloned())
        })
    })
}

#[component]
fn GoalsEditor(programme_id: Uuid, id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let executive = executive_memo(state, programme_id, id);
    let edit = move |change: &dyn Fn(&mut Executive)| {
        state.edit_executive(programme_id, id, change);
    };
    let has_goal = move |kind: GoalKind| {
        executive.with(|e| {
            e.as_ref()
                .is_some_and(|e| e.goals.iter().any(|g| g.kind == kind))
        })
    };
    let custom_count = Memo::new(move |_| {
        executive.with(|e| {
            e.as_ref().map_or(0, |e| {
                e.goals
                    .iter()
                    .filter(|g| g.kind == GoalKind::Custom)
                    .count()
            })
        })
    });
    let readiness = Memo::new(move |_| {
        executive.with(|e| e.as_ref().map(|e| (goals_status(e), missing_for_pitch(e))))
    });

    let catalogue = GoalKind::CATALOGUE
        .into_iter()
        .map(|kind| {
            let box_id = format!("goal-{}", kind.key());
            let detail_id = format!("goal-{}-detail", kind.key());
            view! {
                <div class="goal-choice">
                    <div class="check">
                        <input
                            id=box_id.clone()
                            type="checkbox"
                            prop:checked=move || has_goal(kind)
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                edit(&|e| {
                                    e.goals.retain(|g| g.kind != kind);
                                    if checked {
                                        e.goals.push(Goal { kind, detail: String::new() });
                                    }
                                });
                            }
                        />
                        <label for=box_id>{kind.label()}</label>
                    </div>
                    {kind.detail_label().map(|label| view! {
                        <Show when=move || has_goal(kind)>
                            <div class="field detail">
                                <label for=detail_id.clone()>{label}</label>
                                <input
                                    id=detail_id.clone()
                                    type="text"
                                    prop:value=move || executive.with(|e| {
                                        e.as_ref()
                                            .and_then(|e| e.goals.iter().find(|g| g.kind == kind))
                                            .map(|g| g.detail.clone())
                                            .unwrap_or_default()
                                    })
                                    on:input=move |ev| {
                                        let value = event_target_value(&ev);
                                        edit(&|e| {
                                            if let Some(goal) = e.goals.iter_mut().find(|g| g.kind == kind) {
                                                goal.detail = value.clone();
                                            }
                                        });
                                    }
                                />
                            </div>
                        </Show>
                    })}
                </div>
            }
        })
        .collect_view();

    // The n-th goal of the executive's own (custom) goals.
    let custom_goal = move |n: usize| {
        let input_id = format!("goal-own-{n}");
        view! {
            <div class="field own-goal">
                <label for=input_id.clone()>{format!("Own goal {}", n + 1)}</label>
                <div class="inline-form">
                    <input
                        id=input_id
                        type="text"
                        prop:value=move || executive.with(|e| {
                            e.as_ref()
                                .and_then(|e| e.goals.iter().filter(|g| g.kind == GoalKind::Custom).nth(n))
                                .map(|g| g.detail.clone())
                                .unwrap_or_default()
                        })
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|e| {
                                if let Some(goal) = e.goals.iter_mut().filter(|g| g.kind == GoalKind::Custom).nth(n) {
                                    goal.detail = value.clone();
                                }
                            });
                        }
                    />
                    <button
                        type="button"
                        on:click=move |_| {
                            edit(&|e| {
                                let position = e
                                    .goals
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, g)| g.kind == GoalKind::Custom)
                                    .nth(n)
                                    .map(|(i, _)| i);
                                if let Some(i) = position {
                                    e.goals.remove(i);
                                }
                            });
                            // The removed field had the focus: hand it to "Add an own goal".
                            request_animation_frame(|| focus_by_id("add-own-goal"));
                        }
                    >
                        "Remove"<span class="visually-hidden">{format!(" own goal {}", n + 1)}</span>
                    </button>
                </div>
            </div>
        }
    };

    let theme_inputs = (0..MAX_THEMES)
        .map(|slot| {
            let input_id = format!("theme-{}", slot + 1);
            view! {
                <div class="field">
                    <label for=input_id.clone()>{format!("Theme {}", slot + 1)}</label>
                    <input
                        id=input_id
                        type="text"
                        prop:value=move || executive.with(|e| {
                            e.as_ref().and_then(|e| e.themes.get(slot).cloned()).unwrap_or_default()
                        })
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            edit(&|e| {
                                if e.themes.len() <= slot {
                                    e.themes.resize(slot + 1, String::new());
                                }
                                e.themes[slot] = value.clone();
                                while e.themes.last().is_some_and(|t| t.trim().is_empty()) {
                                    e.themes.pop();
                                }
                            });
                        }
                    />
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="panel no-print" aria-labelledby="goals-heading">
            <h2 id="goals-heading">
                {move || executive.with(|e| e.as_ref().map(|e| format!("Goals of {}", e.name)).unwrap_or_default())}
            </h2>
            <p
                class="readiness"
                class:ready=move || matches!(readiness.get(), Some((GoalsReadiness::Ready, _)))
                data-testid="goals-readiness"
            >
                {move || match readiness.get() {
                    Some((GoalsReadiness::Ready, _)) => "Ready: the pitch below uses all of this.".to_string(),
                    Some((_, missing)) if !missing.is_empty() => format!("For a complete pitch, add {}.", missing.join(", ")),
                    _ => String::new(),
                }}
            </p>
            <fieldset class="goal-list">
                <legend>"Business goals"</legend>
                {catalogue}
                {move || (0..custom_count.get()).map(custom_goal).collect_view()}
                <button
                    type="button"
                    id="add-own-goal"
                    on:click=move |_| {
                        edit(&|e| e.goals.push(Goal { kind: GoalKind::Custom, detail: String::new() }));
                        let n = custom_count.get_untracked();
                        request_animation_frame(move || focus_by_id(&format!("goal-own-{}", n.saturating_sub(1))));
                    }
                >
                    "Add an own goal"
                </button>
            </fieldset>
            <fieldset class="choice-grid">
                <legend>"Target audiences"</legend>
                {Audience::ALL.into_iter().map(|audience| {
                    let box_id = format!("audience-{}", audience.key());
                    view! {
                        <div class="check">
                            <input
                                id=box_id.clone()
                                type="checkbox"
                                prop:checked=move || executive.with(|e| e.as_ref().is_some_and(|e| e.audiences.contains(&audience)))
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    edit(&|e| {
                                        e.audiences.retain(|a| *a != audience);
                                        if checked {
                                            e.audiences.push(audience);
                                            e.audiences.sort();
                                        }
                                    });
                                }
                            />
                            <label for=box_id>{audience.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="choice-grid">
                <legend>"Emphasis"</legend>
                {Emphasis::ALL.into_iter().map(|emphasis| {
                    let radio_id = format!("emphasis-{}", emphasis.key());
                    view! {
                        <div class="check">
                            <input
                                id=radio_id.clone()
                                type="radio"
                                name="emphasis"
                                prop:checked=move || executive.with(|e| e.as_ref().and_then(|e| e.emphasis) == Some(emphasis))
                                on:change=move |_| edit(&|e| e.emphasis = Some(emphasis))
                            />
                            <label for=radio_id>{emphasis.label()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="themes">
                <legend>{format!("Content themes ({MIN_THEMES} to {MAX_THEMES})")}</legend>
                <div class="grid-form">{theme_inputs}</div>
            </fieldset>
        </section>
    }
}

#[component]
fn PitchPanel(programme_id: Uuid, id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let executive = executive_memo(state, programme_id, id);
    let generated = Memo::new(move |_| {
        let today = now().date_naive();
        state.workspace.with(|ws| {
            let programme = ws.get(programme_id)?;
            let executive = programme.roster().find(|e| e.id == id)?;
            let cited = evidence_for_pitch(
                executive,
                &programme.evidence,
                today,
                programme.settings.stale_after_years,
            );
            Some(pitch(executive, &programme.settings.company, &cited))
        })
    });
    let edited = move || executive.with(|e| e.as_ref().is_some_and(|e| e.pitch.is_some()));
    let text = move || {
        executive
            .with(|e| e.as_ref().and_then(|e| e.pitch.clone()))
            .or_else(|| generated.get())
            .unwrap_or_default()
    };
    let confirming = RwSignal::new(false);
    let regenerate = move || {
        state.edit_executive(programme_id, id, |e| e.pitch = None);
        confirming.set(false);
        state.notify("The pitch was regenerated from the goals and the evidence.");
    };
    let copy = move |_| {
        let value = untrack(text);
        spawn_local(async move {
            match copy_text(&value).await {
                Ok(()) => state.notify("Pitch copied to the clipboard."),
                Err(message) => state.notify(message),
            }
        });
    };

    view! {
        <section class="panel pitch" aria-labelledby="pitch-heading">
            <div class="no-print">
                <h2 id="pitch-heading">"Why social, for you"</h2>
                <p class="hint">
                    {move || if edited() {
                        "You have edited this pitch; it no longer follows changes to the goals. Regenerate it to start again from them."
                    } else {
                        "Generated from the goals, audiences and themes above and the best-matching evidence (Step 3). Edit it freely: your edits are kept."
                    }}
                </p>
                <div class="field wide">
                    <label for="pitch-text">"Pitch (editable)"</label>
                    <textarea
                        id="pitch-text"
                        rows="18"
                        prop:value=text
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            state.edit_executive(programme_id, id, |e| e.pitch = Some(value));
                        }
                    ></textarea>
                </div>
                <div class="actions">
                    <button type="button" on:click=copy>"Copy pitch"</button>
                    <button type="button" on:click=move |_| print_page()>"Print pitch"</button>
                    <button
                        type="button"
                        id="regenerate-pitch"
                        on:click=move |_| if edited() { confirming.set(true) } else { regenerate() }
                    >
                        "Regenerate"
                    </button>
                </div>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="alertdialog" aria-labelledby="regenerate-warning">
                        <p id="regenerate-warning">"Regenerating replaces your edits to this pitch. They cannot be recovered."</p>
                        <div class="actions">
                            <button
                                type="button"
                                class="danger"
                                on:click=move |_| {
                                    regenerate();
                                    focus_by_id("pitch-text");
                                }
                            >
                                "Replace my edits"
                            </button>
                            <button
                                type="button"
                                on:click=move |_| {
                                    // Focus moves before this button disappears, so it never falls to the page.
                                    focus_by_id("regenerate-pitch");
                                    confirming.set(false);
                                }
                            >
                                "Keep my edits"
                            </button>
                        </div>
                    </div>
                </Show>
            </div>
            <div class="print-only" data-testid="pitch-print">
                {move || view! { <PrintableText text=text()/> }}
            </div>
        </section>
    }
}
