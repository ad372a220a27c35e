use super::Welcome;
use crate::model::competition::running_summary;
use crate::model::dates::long_date;
use crate::model::demo::DEMO_COMPANY;
use crate::model::numbers::format_decimal;
use crate::model::progress::{next_actions, step_status, Step};
use crate::model::templates::join_and;
use crate::model::Programme;
use crate::platform::now;
use crate::ui::href;
use crate::ui::state::AppState;
use leptos::prelude::*;
use leptos_router::components::A;

/// The current programme at a glance: its facts, what to do next, and each executive × each step.
#[component]
pub fn Dashboard() -> impl IntoView {
    let state = AppState::expect();
    let programme = Memo::new(move |_| state.workspace.with(|ws| ws.current_programme().cloned()));
    view! {
        {move || match programme.get() {
            None => view! { <Welcome/> }.into_any(),
            Some(programme) => {
                let settings = programme.settings.clone();
                let is_demo = settings.company == DEMO_COMPANY;
                let actions = next_actions(&programme, state.last_backup_at.get(), now());
                let executives: Vec<_> = programme.roster().cloned().collect();
                let consented = executives.iter().filter(|e| e.consent).count();
                let rows = executives
                    .iter()
                    .map(|executive| {
                        let cells = Step::ALL
                            .into_iter()
                            .map(|step| {
                                let status = step_status(&programme, executive, step, now().date_naive());
                                view! {
                                    <td class=format!("status status-{}", status.key())>
                                        {status.label()}
                                    </td>
                                }
                            })
                            .collect_view();
                        view! {
                            <tr>
                                <th scope="row">
                                    <span class="exec-name">{executive.name.clone()}</span>
                                    <span class="exec-title">{executive.title.clone()}</span>
                                </th>
                                {cells}
                            </tr>
                        }
                    })
                    .collect_view();
                let running = running_competitions(&programme, now().date_naive());
                let networks = if settings.networks.is_empty() {
                    "None chosen yet".to_string()
                } else {
                    settings.networks.iter().map(|n| n.label()).collect::<Vec<_>>().join(", ")
                };
                view! {
                    <section class="dashboard">
                        <h1>{settings.name.clone()}</h1>
                        {is_demo.then(|| view! {
                            <p class="demo-note">"Demo programme — fictional people and data, for exploring and workshops."</p>
                        })}
                        <dl class="facts">
                            <div><dt>"Company"</dt><dd>{or_dash(&settings.company)}</dd></div>
                            <div><dt>"Owner"</dt><dd>{or_dash(&settings.owner)}</dd></div>
                            <div>
                                <dt>"Start date"</dt>
                                <dd>{settings.start_date.map(long_date).unwrap_or_else(|| "—".into())}</dd>
                            </div>
                            <div><dt>"Networks"</dt><dd>{networks}</dd></div>
                            <div>
                                <dt>"Executives"</dt>
                                <dd>{format!("{} on the roster, {} consented", executives.len(), consented)}</dd>
                            </div>
                        </dl>

                        {(!running.is_empty()).then(|| view! {
                            <section class="panel running" aria-labelledby="running-heading">
                                <h2 id="running-heading">"Competition"</h2>
                                <ul class="running-list" data-testid="running-period">
                                    {running.into_iter().map(|line| view! { <li><A href=href("/competition")>{line}</A></li> }).collect_view()}
                                </ul>
                            </section>
                        })}

                        <section aria-labelledby="next-actions-heading">
                            <h2 id="next-actions-heading">"Next actions"</h2>
                            {if actions.is_empty() {
                                view! { <p class="empty">"Nothing due. Well done."</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="next-actions">
                                        {actions.into_iter().map(|action| view! {
                                            <li class:urgent=action.urgent>
                                                <A href=href(action.path)>{action.text}</A>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>

                        <section aria-labelledby="progress-heading">
                            <h2 id="progress-heading">"Progress by executive"</h2>
                            {if executives.is_empty() {
                                view! {
                                    <p class="empty">
                                        "No executives on the roster yet. "
                                        <A href=href("/naturals")>"Start Step 1: list the executives you want to reach"</A>
                                        ", with their profiles."
                                    </p>
                                }.into_any()
                            } else {
                                view! {
                                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="progress-heading">
                                        <table class="progress">
                                            <thead>
                                                <tr>
                                                    <th scope="col">"Executive"</th>
                                                    {Step::ALL.into_iter().map(|step| view! {
                                                        <th scope="col">
                                                            <span class="step-number">{step.number()}</span>
                                                            {step.title()}
                                                        </th>
                                                    }).collect_view()}
                                                </tr>
                                            </thead>
                                            <tbody>{rows}</tbody>
                                        </table>
                                    </div>
                                }.into_any()
                            }}
                        </section>

                        <section aria-labelledby="method-heading">
                            <h2 id="method-heading">"The method"</h2>
                            <ol class="method compact">
                                {Step::ALL.into_iter().map(|step| view! {
                                    <li>
                                        <span class="step-number">{step.number()}</span>
                                        {match step_page(step) {
                                            Some(path) => view! { <A href=href(path)><strong>{step.title()}</strong></A> }.into_any(),
                                            None => view! { <strong>{step.title()}</strong> }.into_any(),
                                        }}
                                        <span class="step-summary">{step.summary()}</span>
                                    </li>
                                }).collect_view()}
                            </ol>
                        </section>
                    </section>
                }.into_any()
            }
        }}
    }
}

/// The page where a step is worked on, for the steps that have one.
fn step_page(step: Step) -> Option<&'static str> {
    match step {
        Step::Naturals => Some("/naturals"),
        Step::Goals => Some("/goals"),
        Step::Proof => Some("/proof"),
        Step::Competition => Some("/competition"),
        _ => None,
    }
}

/// One line per running competition period: "Northwind social league — November 2026: 4 days
/// left. Leading: Ana Silva (412 points)."
fn running_competitions(programme: &Programme, today: chrono::NaiveDate) -> Vec<String> {
    programme
        .live_competitions()
        .filter_map(|c| running_summary(c, &programme.executives, today))
        .map(|summary| {
            let left = match summary.days_left {
                0 => "last day".to_string(),
                1 => "1 day left".to_string(),
                n => format!("{n} days left"),
            };
            let names: Vec<String> = summary
                .leaders
                .iter()
                .filter_map(|id| programme.roster().find(|e| e.id == *id))
                .map(|e| e.name.clone())
                .collect();
            let leader = if names.is_empty() {
                "Nobody has scored yet.".to_string()
            } else {
                format!(
                    "{}: {} ({} points).",
                    if names.len() == 1 {
                        "Leading"
                    } else {
                        "Leading, tied"
                    },
                    join_and(&names),
                    format_decimal(summary.points)
                )
            };
            format!(
                "{} — {}: {left}. {leader}",
                summary.name,
                summary.period.label()
            )
        })
        .collect()
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}
