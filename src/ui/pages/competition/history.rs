//! Every period of the competition with its state, its winners and the record of closing and
//! reopening it.

use super::Ctx;
use crate::model::competition::PeriodAction;
use crate::model::dates::long_date;
use crate::model::templates::join_and;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct Line {
    index: usize,
    label: String,
    status: &'static str,
    most_social: String,
    most_improved: String,
    log: String,
}

#[component]
pub(super) fn History(ctx: Ctx) -> impl IntoView {
    let lines = Memo::new(move |_| {
        ctx.periods.with(|periods| {
            ctx.with_rules(|_, c| {
                let names = |ids: &[uuid::Uuid]| -> String {
                    let names: Vec<String> = ids.iter().map(|id| ctx.name(*id)).collect();
                    if names.is_empty() {
                        "—".to_string()
                    } else {
                        join_and(&names)
                    }
                };
                periods
                    .iter()
                    .rev()
                    .map(|p| {
                        let record = c.record(p.start);
                        let closed = record.is_some_and(|r| r.closed);
                        let status = if closed {
                            "Closed"
                        } else if record.is_some() {
                            "Reopened"
                        } else if p.contains(ctx.today) {
                            "Running"
                        } else if !p.has_started(ctx.today) {
                            "Not started"
                        } else {
                            "Ended — not closed"
                        };
                        let log = record
                            .map(|r| {
                                r.log
                                    .iter()
                                    .map(|e| {
                                        format!(
                                            "{} {}",
                                            match e.action {
                                                PeriodAction::Closed => "closed",
                                                PeriodAction::Reopened => "reopened",
                                            },
                                            long_date(e.at.date_naive())
                                        )
                                    })
                                    .collect::<Vec<_>>()
                                    .join("; ")
                            })
                            .unwrap_or_default();
                        let (social, improved) = match record {
                            Some(r) if closed => (names(&r.most_social), names(&r.most_improved)),
                            _ => ("—".to_string(), "—".to_string()),
                        };
                        Line {
                            index: p.index,
                            label: p.label(),
                            status,
                            most_social: social,
                            most_improved: improved,
                            log,
                        }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    view! {
        <section class="panel history-panel no-print" aria-labelledby="history-heading">
            <h2 id="history-heading">"History of periods"</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-heading">
                <table class="history" data-testid="history">
                    <thead>
                        <tr>
                            <th scope="col">"Period"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Most social"</th>
                            <th scope="col">"Most improved"</th>
                            <th scope="col">"Closing record"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || lines.get().into_iter().map(|line| {
                            let index = line.index;
                            let selected = move || ctx.index.get() == Some(index);
                            view! {
                                <tr class:selected=selected>
                                    <th scope="row">{line.label.clone()}</th>
                                    <td>{line.status}</td>
                                    <td>{line.most_social}</td>
                                    <td>{line.most_improved}</td>
                                    <td>{line.log}</td>
                                    <td>
                                        <button
                                            type="button"
                                            class="link-button"
                                            disabled=selected
                                            on:click=move |_| {
                                                ctx.chosen.set(Some(index));
                                                request_animation_frame(|| crate::platform::focus_by_id("period-select"));
                                            }
                                        >
                                            "Show"<span class="visually-hidden">{format!(" {}", line.label)}</span>
                                        </button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
