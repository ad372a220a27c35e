//! The scoreboard of the chosen period: rank (ties share a rank), points, a bar, movement against
//! the previous period, the trend over all periods, and "why this score" per executive.

use super::{Ctx, PageControls, Paging, BOARD_PAGE, LONG};
use crate::io::activity_csv::scoreboard_csv;
use crate::io::envelope::slug;
use crate::model::competition::{Movement, ScoringMode, Standing};
use crate::model::numbers::format_decimal;
use crate::platform::download_csv;
use crate::ui::components::keyed_rows;
use leptos::prelude::*;
use uuid::Uuid;

/// Points as shown: one decimal at most, thousands grouped.
pub(crate) fn points_text(points: f64) -> String {
    format_decimal(points.max(0.0))
}

/// An improvement with its sign: "+12.5", "−3", "0".
pub(crate) fn signed_text(value: f64) -> String {
    if value > 0.05 {
        format!("+{}", format_decimal(value))
    } else if value < -0.05 {
        format!("−{}", format_decimal(-value))
    } else {
        "0".to_string()
    }
}

/// How a movement is shown: CSS class, the visible mark, and the words a screen reader says.
fn movement_parts(movement: Movement) -> (&'static str, String, String) {
    match movement {
        Movement::Up(n) => ("up", format!("▲ {n}"), format!("up {n} place{}", plural(n))),
        Movement::Down(n) => (
            "down",
            format!("▼ {n}"),
            format!("down {n} place{}", plural(n)),
        ),
        Movement::Same => ("same", "=".to_string(), "same place".to_string()),
        Movement::New => (
            "new",
            "new".to_string(),
            "not ranked last period".to_string(),
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[component]
pub(super) fn ScoreboardPanel(ctx: Ctx) -> impl IntoView {
    let total = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().map_or(0, |b| b.board.standings.len()))
    });
    let paging = Paging::new(total.into(), BOARD_PAGE);
    // Back to the top when another period is chosen.
    ctx.on_period_change(move || paging.page.set(0));
    // What the rows show, read from the board by this one memo (and `best`): each row reading
    // the board itself would make every edit re-link as many more readers of it.
    let page = Memo::new(move |_| {
        let first = paging.first();
        ctx.board.with(|b| {
            b.as_ref()
                .map(|b| {
                    b.board
                        .standings
                        .iter()
                        .skip(first)
                        .take(BOARD_PAGE)
                        .map(|s| (s.executive, RowFigures::of(s)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let order = Memo::new(move |_| page.with(|p| p.iter().map(|(id, _)| *id).collect::<Vec<_>>()));
    let best = Memo::new(move |_| ctx.board.with(|b| b.as_ref().map_or(0.0, |b| b.board.best)));
    let mode = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().map(|b| b.board.rules.scoring))
            .unwrap_or_default()
    });
    let any_activity = Memo::new(move |_| {
        ctx.board
            .with(|b| b.as_ref().is_some_and(|b| b.board.any_activity))
    });
    // Keyed by executive; a re-rank moves only the rows whose place changed.
    let rows = NodeRef::new();
    keyed_rows(
        rows,
        order,
        move |id| view! { <ScoreRow ctx=ctx id=id page=page best=best mode=mode/> },
    );
    let heading = move || {
        ctx.period
            .get()
            .map(|p| format!("Scoreboard — {}", p.label()))
            .unwrap_or_else(|| "Scoreboard".into())
    };
    let mode_hint = move || {
        match mode.get() {
        ScoringMode::Raw => "Points = what each executive did × the points each KPI is worth, up to each KPI's cap.",
        ScoringMode::Normalised => "Points per network are scaled so that the league's best on each network gets 100 — strong on the intranet counts as much as strong on LinkedIn.",
        ScoringMode::MostImproved => "Ranked on the change in points against the previous period; executives with nothing recorded last period are listed after the others.",
    }
    };
    let export = move |_| {
        let Some((name, text)) = ctx.board.with_untracked(|b| {
            let b = b.as_ref()?;
            ctx.with_untracked(|p, c| {
                (
                    format!(
                        "scoreboard-{}-{}.csv",
                        slug(&c.settings.name),
                        crate::model::dates::iso_date(b.board.period.start)
                    ),
                    scoreboard_csv(&b.board, &p.executives),
                )
            })
        }) else {
            return;
        };
        if let Err(message) = download_csv(&name, &text) {
            ctx.state.notify(message);
        }
    };
    // Printed when the page has no certificate to print (a running or open period): see the print
    // rules in style/main.css.
    view! {
        <section class="panel scoreboard-panel" class:long=move || order.with(|o| o.len() > LONG) aria-labelledby="scoreboard-heading">
            <p class="print-only print-kicker">{move || ctx.with_rules(|_, c| c.settings.name.clone()).unwrap_or_default()}</p>
            <h2 id="scoreboard-heading">{heading}</h2>
            <p class="hint">{mode_hint}</p>
            {move || (!any_activity.get()).then(|| view! {
                <p class="empty" data-testid="scoreboard-empty">
                    "Nothing is recorded for this period yet. Fill in the activity grid below (or import a CSV file) — the ranking updates as you type."
                </p>
            })}
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="scoreboard-heading">
                <table id="scoreboard" class="scoreboard">
                    <thead>
                        <tr>
                            <th scope="col">"Rank"</th>
                            <th scope="col">"Executive"</th>
                            <th scope="col">"Points"</th>
                            {move || (mode.get() == ScoringMode::MostImproved).then(|| view! { <th scope="col" class="change-col">"Change"</th> })}
                            <th scope="col"><span class="visually-hidden">"Points as a "</span>"Bar"</th>
                            <th scope="col" class="movement-col">"Movement"</th>
                            <th scope="col" class="trend-col">"Trend"</th>
                            <th scope="col" class="why-col">"Why this score"</th>
                        </tr>
                    </thead>
                    <tbody node_ref=rows></tbody>
                </table>
            </div>
            <Show when=move || paging.several()>
                <div class="grid-tools">
                    <PageControls paging=paging label="Places" empty=""/>
                </div>
            </Show>
            <div class="actions">
                <button type="button" on:click=export>"Export scoreboard (CSV)"</button>
            </div>
        </section>
    }
}

/// What a scoreboard row shows of a standing: small and cheap to compare, since every row's memo
/// runs again on each keystroke in the grid (the breakdown reads the full standing only when open).
#[derive(Clone, Copy, Debug, PartialEq)]
struct RowFigures {
    rank: usize,
    points: f64,
    improvement: Option<f64>,
    ranked_on: Option<f64>,
    movement: Movement,
}

impl RowFigures {
    fn of(standing: &Standing) -> RowFigures {
        RowFigures {
            rank: standing.rank,
            points: standing.score.points,
            improvement: standing.score.improvement,
            ranked_on: standing.ranked_on,
            movement: standing.movement,
        }
    }

    fn leads(&self) -> bool {
        self.rank == 1 && self.ranked_on.is_some_and(|v| v > 0.0)
    }
}

#[component]
fn ScoreRow(
    ctx: Ctx,
    id: Uuid,
    /// The figures of the executives on the page.
    page: Memo<Vec<(Uuid, RowFigures)>>,
    /// The board's best value (a full bar).
    best: Memo<f64>,
    mode: Memo<ScoringMode>,
) -> impl IntoView {
    let figures =
        Memo::new(move |_| page.with(|p| p.iter().find(|(e, _)| *e == id).map(|(_, f)| *f)));
    let show =
        move |f: fn(&RowFigures) -> String| figures.with(|x| x.as_ref().map(f).unwrap_or_default());
    let name = Memo::new(move |_| ctx.name(id));
    let title = Memo::new(move |_| {
        ctx.people
            .with(|p| p.get(&id).map(|(_, t)| t.clone()).unwrap_or_default())
    });
    let open = RwSignal::new(false);
    // A breakdown belongs to one period: choosing another closes it.
    ctx.on_period_change(move || open.set(false));
    let why_id = format!("why-{id}");
    let bar_width = move || {
        let value = figures.with(|f| f.and_then(|f| f.ranked_on).unwrap_or(0.0));
        let best = best.get();
        if best > 0.0 && value > 0.0 {
            ((value / best * 100.0).clamp(0.0, 100.0).round() as i64).to_string()
        } else {
            "0".into()
        }
    };
    let movement = Memo::new(move |_| {
        movement_parts(figures.with(|f| f.map_or(Movement::New, |f| f.movement)))
    });
    let trend = Memo::new(move |_| ctx.trend(id, figures.with(|f| f.map(|f| f.points))));
    view! {
        <tr data-executive=id.to_string() class:leader=move || figures.with(|f| f.is_some_and(|f| f.leads()))>
            <td class="rank">{move || show(|f| f.rank.to_string())}</td>
            <th scope="row" class="name">
                <span class="exec-name">{move || name.get()}</span>
                <span class="exec-title">{move || title.get()}</span>
            </th>
            <td class="points">{move || show(|f| points_text(f.points))}</td>
            {move || (mode.get() == ScoringMode::MostImproved).then(|| view! {
                <td class="change">{move || show(|f| f.improvement.map(signed_text).unwrap_or_else(|| "—".into()))}</td>
            })}
            <td class="bar">
                <svg class="bar-chart" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect x="0" y="0" height="10" width=bar_width></rect>
                </svg>
            </td>
            <td class="movement-cell">
                <span class=move || format!("movement {}", movement.get().0)>
                    <span aria-hidden="true">{move || movement.get().1}</span>
                    <span class="visually-hidden">{move || movement.get().2}</span>
                </span>
            </td>
            <td class="trend"><Sparkline values=trend/></td>
            <td>
                <button
                    type="button"
                    class="link-button"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=why_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { "Hide" } else { "Why" }}
                    <span class="visually-hidden">{move || format!(" — {}’s score", name.get())}</span>
                </button>
            </td>
        </tr>
        <Show when=move || open.get()>
            <tr class="why-row" id=why_id.clone()>
                <td colspan=move || if mode.get() == ScoringMode::MostImproved { "8" } else { "7" }>
                    {move || ctx.board.with(|b| b.as_ref().and_then(|b| b.standing(id)).map(|s| why_view(s, mode.get_untracked())))}
                </td>
            </tr>
        </Show>
    }
}

/// The "why this score" breakdown: every KPI line with value, cap, points; in normalised mode the
/// per-network scaling; in most-improved mode last period's points.
fn why_view(standing: &Standing, mode: ScoringMode) -> impl IntoView {
    let score = &standing.score;
    let lines = score
        .lines
        .iter()
        .map(|line| {
            let counted = if line.capped {
                format!(
                    "{} (capped from {})",
                    crate::model::numbers::format_count(u64::from(line.counted)),
                    crate::model::numbers::format_count(u64::from(line.value))
                )
            } else {
                crate::model::numbers::format_count(u64::from(line.counted))
            };
            view! {
                <tr>
                    <th scope="row">{line.label.clone()}</th>
                    <td>{counted}</td>
                    <td>{format!("× {}", format_decimal(line.points_per_unit))}</td>
                    <td>{points_text(line.points)}</td>
                </tr>
            }
        })
        .collect_view();
    let networks = (mode == ScoringMode::Normalised && !score.networks.is_empty()).then(|| {
        let items = score
            .networks
            .iter()
            .map(|n| {
                let label = n.network.map_or("All networks", |n| n.label());
                view! {
                    <li>
                        {format!(
                            "{label}: {} raw points; the league's best on it: {} → {} points",
                            points_text(n.raw),
                            points_text(n.best),
                            points_text(n.points)
                        )}
                    </li>
                }
            })
            .collect_view();
        view! { <p>"Normalised per network (best in the league = 100):"</p><ul>{items}</ul> }
    });
    let improvement = (mode == ScoringMode::MostImproved).then(|| {
        let text = match (score.previous_raw, score.improvement) {
            (Some(previous), Some(change)) => format!(
                "Last period: {} points; this period: {} points; change: {}.",
                points_text(previous),
                points_text(score.raw),
                signed_text(change)
            ),
            _ => "Nothing was recorded for this executive last period, so there is no change to rank on yet.".to_string(),
        };
        view! { <p>{text}</p> }
    });
    view! {
        <div class="why">
            <table class="why-table">
                <caption class="visually-hidden">"Points per KPI"</caption>
                <thead>
                    <tr>
                        <th scope="col">"KPI"</th>
                        <th scope="col">"Counted"</th>
                        <th scope="col">"Points per unit"</th>
                        <th scope="col">"Points"</th>
                    </tr>
                </thead>
                <tbody>{lines}</tbody>
                <tfoot>
                    <tr><th scope="row" colspan="3">"Total"</th><td>{points_text(score.raw)}</td></tr>
                </tfoot>
            </table>
            {networks}
            {improvement}
        </div>
    }
}

/// A small line chart of an executive's points over all periods; gaps where they were not in the
/// league.
#[component]
fn Sparkline(values: Memo<Vec<Option<f64>>>) -> impl IntoView {
    let shape = Memo::new(move |_| {
        values.with(|values| {
            let known: Vec<f64> = values.iter().flatten().copied().collect();
            let max = known.iter().copied().fold(0.0_f64, f64::max);
            let n = values.len();
            let step = if n > 1 { 100.0 / (n - 1) as f64 } else { 0.0 };
            let points: Vec<String> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    v.map(|v| {
                        let x = i as f64 * step;
                        let y = if max > 0.0 {
                            22.0 - v / max * 20.0
                        } else {
                            22.0
                        };
                        format!("{},{}", x.round() as i64, y.round() as i64)
                    })
                })
                .collect();
            let label = match (known.first(), known.last()) {
                (Some(first), Some(last)) if known.len() > 1 => format!(
                    "{} periods: from {} to {} points",
                    known.len(),
                    points_text(*first),
                    points_text(*last)
                ),
                (Some(only), _) => format!("One period: {} points", points_text(*only)),
                _ => "No periods yet".to_string(),
            };
            (points.join(" "), label)
        })
    });
    view! {
        <svg class="sparkline" viewBox="-2 0 104 24" role="img" focusable="false">
            <title>{move || shape.with(|s| s.1.clone())}</title>
            <polyline points=move || shape.with(|s| s.0.clone()) fill="none"></polyline>
        </svg>
    }
}
