//! Step 6 — Make a competition: set-up (KPIs, points, caps, periods, league, scoring mode), the
//! activity grid of a period, the scoreboard, closing a period (winners, note, certificate) and the
//! history of periods.
//!
//! Performance: the page never clones the programme. The scoreboard is one memo computed from the
//! stored activity by `model::competition::scoreboard`; rows and grid cells read their own slice of
//! it through memos, so an edit repaints only what changed.

mod closing;
mod grid;
mod history;
mod import;
mod scoreboard;
mod setup;

use crate::model::competition::{
    generate_periods, previous_ranks, scoreboard_with, trends, Competition, CompetitionError,
    Period, Scoreboard,
};
use crate::model::dates::long_date;
use crate::model::{Executive, Programme, Timestamp};
use crate::platform::now;
use crate::ui::href;
use crate::ui::pages::for_current_programme;
use crate::ui::settled::settled;
use crate::ui::state::{AppState, UndoAction};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use uuid::Uuid;

/// Rows per page of the grid: a big league is filled page by page, and an edit repaints one page,
/// not hundreds of rows.
pub(crate) const GRID_PAGE: usize = 50;

/// Places per page of the scoreboard: about what a projector shows; when someone jumps to the top
/// every row on the page changes its rank, movement and bar, so this bounds an edit's redraw.
pub(crate) const BOARD_PAGE: usize = 25;

/// More rows than a screen holds: the scoreboard or grid panel is then marked `long`, and the
/// browser skips its rendering while it is out of view (see `style/main.css`).
pub(crate) const LONG: usize = 15;

/// Which page of a long list (the scoreboard, the grid) is shown, `size` rows each.
#[derive(Clone, Copy)]
pub(crate) struct Paging {
    pub page: RwSignal<usize>,
    total: Signal<usize>,
    /// Rows per page.
    pub size: usize,
}

impl Paging {
    pub fn new(total: Signal<usize>, size: usize) -> Paging {
        Paging {
            page: RwSignal::new(0),
            total,
            size: size.max(1),
        }
    }

    fn count(&self) -> usize {
        self.total.get().div_ceil(self.size).max(1)
    }

    /// Whether the list takes more than one page.
    pub fn several(&self) -> bool {
        self.count() > 1
    }

    /// Whether a page follows the one shown. (A method, not `a >= b` inline: `view!` would read
    /// the `>` as the end of the tag.)
    fn has_next(&self) -> bool {
        self.page.get() + 1 < self.count()
    }

    /// The index of the first row on the page shown (the page is kept within the list).
    pub fn first(&self) -> usize {
        self.page.get().min(self.count() - 1) * self.size
    }
}

/// "Rows 1–50 of 500" and, when there is more than one page, Previous / Next.
#[component]
pub(crate) fn PageControls(
    paging: Paging,
    /// What the rows are: "Rows", "Places".
    label: &'static str,
    /// Said when the list is empty.
    empty: &'static str,
) -> impl IntoView {
    let range = move || {
        let total = paging.total.get();
        let first = paging.first() + 1;
        let last = (first + paging.size - 1).min(total);
        if total == 0 {
            empty.to_string()
        } else {
            format!("{label} {first}–{last} of {total}")
        }
    };
    let page = paging.page;
    view! {
        <p class="range" aria-live="polite">{range}</p>
        <Show when=move || paging.several()>
            <div class="actions">
                <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                    {format!("Previous {}", paging.size)}
                </button>
                <button type="button" disabled=move || !paging.has_next() on:click=move |_| page.update(|p| *p += 1)>
                    {format!("Next {}", paging.size)}
                </button>
            </div>
        </Show>
    }
}

#[component]
pub fn CompetitionPage() -> impl IntoView {
    for_current_programme(|id| view! { <CompetitionHome programme_id=id/> }.into_any())
}

/// The competition's settings stamp and each period record's stamp.
pub(crate) type RulesKey = (Timestamp, Vec<(NaiveDate, Timestamp)>);

/// A scoreboard with each executive's position in it.
#[derive(Debug, PartialEq)]
pub(crate) struct Board {
    pub board: Scoreboard,
    position: HashMap<Uuid, usize>,
}

impl Board {
    pub fn standing(&self, id: Uuid) -> Option<&crate::model::competition::Standing> {
        self.position
            .get(&id)
            .and_then(|&i| self.board.standings.get(i))
    }
}

/// What every part of the page reads: one competition of one programme and the chosen period.
#[derive(Clone, Copy)]
pub(crate) struct Ctx {
    pub state: AppState,
    pub programme: Uuid,
    pub competition: Uuid,
    pub today: NaiveDate,
    pub periods: ReadSignal<Vec<Period>>,
    /// The period chosen by the user; `None` = the latest (the running one).
    pub chosen: RwSignal<Option<usize>>,
    pub index: Memo<Option<usize>>,
    pub period: Memo<Option<Period>>,
    pub closed: Memo<bool>,
    pub board: Memo<Option<Arc<Board>>>,
    /// Changes when the settings or a period's record change — not on activity edits.
    pub rules_key: ReadSignal<Option<RulesKey>>,
    /// Each league member's points over all periods, worked out again only when something other
    /// than the chosen period's activity changes: the chosen period's points are the scoreboard's
    /// (see [`Ctx::trend`]).
    base_trends: Memo<Arc<BTreeMap<Uuid, Vec<Option<f64>>>>>,
    /// Names and titles of the programme's executives.
    pub people: Memo<Arc<HashMap<Uuid, (String, String)>>>,
}

impl Ctx {
    fn new(state: AppState, programme: Uuid, competition: Uuid) -> Ctx {
        let today = now().date_naive();
        // Settled, not memos: the settings, period records and roster do not change while
        // activity is typed, so what depends on them is not even visited then.
        let periods = settled(move || {
            state.workspace.with(|ws| {
                find(ws.get(programme), competition)
                    .map(|(_, c)| generate_periods(&c.settings, today))
                    .unwrap_or_default()
            })
        });
        let chosen = RwSignal::new(None::<usize>);
        let index = Memo::new(move |_| {
            let count = periods.with(Vec::len);
            match chosen.get() {
                _ if count == 0 => None,
                Some(i) if i < count => Some(i),
                _ => Some(count - 1),
            }
        });
        let period = Memo::new(move |_| {
            index
                .get()
                .and_then(|i| periods.with(|p| p.get(i).copied()))
        });
        let rules_key = settled(move || {
            state.workspace.with(|ws| {
                find(ws.get(programme), competition).map(|(_, c)| {
                    (
                        c.settings.updated_at,
                        c.periods.iter().map(|r| (r.period, r.updated_at)).collect(),
                    )
                })
            })
        });
        // Names change rarely: read them again only when an executive was edited, added or removed.
        let roster_key = settled(move || {
            state
                .workspace
                .with(|ws| ws.get(programme).map(roster_stamp))
        });
        // The trends over all periods and the previous period's ranks are worked out again only
        // when something other than the chosen period's activity changes (what an edit in the grid
        // touches): the rules, the roster, or activity in another period. The chosen period's
        // points come from its scoreboard. So typing costs one scoreboard, not 24.
        let other_rows = settled(move || {
            let chosen = period.get().map(|p| p.start);
            state.workspace.with(|ws| {
                find(ws.get(programme), competition).map(|(_, c)| {
                    let mut rows = (0usize, None);
                    for row in c.activity.iter().filter(|r| Some(r.period) != chosen) {
                        rows.0 += 1;
                        rows.1 = rows.1.max(Some(row.updated_at));
                    }
                    rows
                })
            })
        });
        let track_others = move || {
            rules_key.with(|_| ());
            roster_key.with(|_| ());
            other_rows.with(|_| ());
        };
        let previous = Memo::new(move |_| {
            track_others();
            let i = index.get()?;
            periods.with(|periods| {
                state.workspace.with_untracked(|ws| {
                    let (p, c) = find(ws.get(programme), competition)?;
                    Some(Arc::new(previous_ranks(c, &p.executives, periods, i)))
                })
            })
        });
        let board = Memo::new(move |_| {
            let i = index.get()?;
            // `previous` is there whenever a period is chosen and the competition exists.
            let ranks = previous.get()?;
            periods.with(|periods| {
                state.workspace.with(|ws| {
                    let (p, c) = find(ws.get(programme), competition)?;
                    let board = scoreboard_with(c, &p.executives, periods, i, &ranks);
                    let position = board
                        .standings
                        .iter()
                        .enumerate()
                        .map(|(i, s)| (s.executive, i))
                        .collect();
                    Some(Arc::new(Board { board, position }))
                })
            })
        });
        // From the period records (the rules key), not the board: read by every grid cell, it must
        // not be re-checked on each edit of activity.
        let closed = Memo::new(move |_| {
            rules_key.with(|_| ());
            period.get().is_some_and(|p| {
                state.workspace.with_untracked(|ws| {
                    find(ws.get(programme), competition).is_some_and(|(_, c)| c.is_closed(p.start))
                })
            })
        });
        let base_trends = Memo::new(move |_| {
            track_others();
            periods.with(|periods| {
                state.workspace.with_untracked(|ws| {
                    Arc::new(
                        find(ws.get(programme), competition)
                            .map(|(p, c)| trends(c, &p.executives, periods))
                            .unwrap_or_default(),
                    )
                })
            })
        });
        let people = Memo::new(move |_| {
            roster_key.with(|_| ());
            state.workspace.with_untracked(|ws| {
                Arc::new(
                    ws.get(programme)
                        .map(|p| {
                            p.roster()
                                .map(|e| (e.id, (e.name.clone(), e.title.clone())))
                                .collect()
                        })
                        .unwrap_or_default(),
                )
            })
        });
        Ctx {
            state,
            programme,
            competition,
            today,
            periods,
            chosen,
            index,
            period,
            closed,
            board,
            rules_key,
            base_trends,
            people,
        }
    }

    /// An executive's points over all periods, with the chosen period's `points` (its scoreboard's,
    /// up to date while the grid is typed in) in place of the value worked out with the others.
    pub fn trend(&self, id: Uuid, points: Option<f64>) -> Vec<Option<f64>> {
        let mut line = self
            .base_trends
            .with(|t| t.get(&id).cloned())
            .unwrap_or_default();
        if let (Some(i), Some(points)) = (self.index.get(), points) {
            if let Some(point) = line.get_mut(i) {
                *point = Some(points);
            }
        }
        line
    }

    /// Runs `f` whenever the user chooses another period (not when the page is built).
    pub fn on_period_change(&self, f: impl Fn() + 'static) {
        let index = self.index;
        Effect::new(move |previous: Option<Option<usize>>| {
            let now = index.get();
            if previous.is_some_and(|p| p != now) {
                f();
            }
            now
        });
    }

    /// An executive's name as shown ("Deleted executive" once removed from the roster).
    pub fn name(&self, id: Uuid) -> String {
        self.people.with(|p| {
            p.get(&id)
                .map(|(name, _)| name.clone())
                .unwrap_or_else(|| crate::model::programme::DELETED_EXECUTIVE_NAME.to_string())
        })
    }

    /// Reads the programme and the competition (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Programme, &Competition) -> R) -> Option<R> {
        let (programme, competition) = (self.programme, self.competition);
        self.state
            .workspace
            .with(|ws| find(ws.get(programme), competition).map(|(p, c)| f(p, c)))
    }

    /// Reads the programme and the competition for what depends only on the settings and the
    /// period records (KPIs, league, closings, notes): re-run when those change, not on every edit
    /// of activity. Names come from [`Ctx::people`].
    pub fn with_rules<R>(&self, f: impl FnOnce(&Programme, &Competition) -> R) -> Option<R> {
        self.rules_key.with(|_| ());
        self.with_untracked(f)
    }

    /// Reads the programme and the competition without subscribing.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Programme, &Competition) -> R) -> Option<R> {
        let (programme, competition) = (self.programme, self.competition);
        self.state
            .workspace
            .with_untracked(|ws| find(ws.get(programme), competition).map(|(p, c)| f(p, c)))
    }

    /// Changes the competition. A refusal (closed period, read-only data …) is told in the toast;
    /// returns whether the change was made.
    pub fn edit<R>(
        &self,
        change: impl FnOnce(&mut Competition, &[Executive], Timestamp) -> Result<R, CompetitionError>,
    ) -> Option<R> {
        let competition = self.competition;
        let mut outcome = None;
        let accepted = self.state.edit_programme(self.programme, |programme, at| {
            let Programme {
                executives,
                competitions,
                ..
            } = programme;
            if let Some(c) = competitions.iter_mut().find(|c| c.id() == competition) {
                outcome = Some(change(c, executives, at));
            }
        });
        match outcome {
            Some(Ok(value)) if accepted => Some(value),
            Some(Err(error)) => {
                self.state.notify(error.to_string());
                None
            }
            _ => None,
        }
    }
}

/// Changes whenever an executive is edited, added or removed (their latest edit time and count).
fn roster_stamp(programme: &Programme) -> (usize, Option<Timestamp>) {
    (
        programme.executives.len(),
        programme.executives.iter().map(|e| e.updated_at).max(),
    )
}

/// The programme and its live competition with this id.
fn find(programme: Option<&Programme>, id: Uuid) -> Option<(&Programme, &Competition)> {
    let programme = programme?;
    programme.competition(id).map(|c| (programme, c))
}

#[component]
fn CompetitionHome(programme_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let competitions = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map(|p| {
                    p.live_competitions()
                        .map(|c| (c.id(), c.settings.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let has_roster = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .is_some_and(|p| p.roster().next().is_some())
        })
    });
    let chosen = RwSignal::new(None::<Uuid>);
    let current = Memo::new(move |_| {
        let list = competitions.get();
        match chosen.get() {
            Some(id) if list.iter().any(|(c, _)| *c == id) => Some(id),
            _ => list.first().map(|(id, _)| *id),
        }
    });
    // "new" shows the set-up form for a new competition.
    let creating = RwSignal::new(false);
    let on_created = Callback::new(move |id: Uuid| {
        chosen.set(Some(id));
        creating.set(false);
        // The form (and its button) is gone: the new competition's heading takes the focus.
        request_animation_frame(|| crate::platform::focus_by_id("competition-name"));
    });

    view! {
        <section class="competition-page">
            <div class="no-print">
                <p class="step-number">"Step 6"</p>
                <h1>"Make a competition"</h1>
                <p class="lead">
                    "Nothing gets people fired up like a friendly competition. Decide what is measured and how many points it is worth, measure each period, and congratulate the most social executive when the period closes."
                </p>
            </div>
            {move || {
                if !has_roster.get() {
                    return view! {
                        <p class="empty">
                            "No executives on the roster yet. "
                            <A href=href("/naturals")>"Add them in Step 1"</A>
                            " first — the competition's league is made of them."
                        </p>
                    }.into_any();
                }
                let list = competitions.get();
                if creating.get() || list.is_empty() {
                    let first = list.is_empty();
                    return view! {
                        {first.then(|| view! {
                            <div class="panel intro">
                                <h2>"Set up your first competition"</h2>
                                <p>"Choose what counts (posts, comments, reactions, shares …) and how many points each is worth, with caps so that volume alone does not win; choose the period (a month by default) and the executives who take part. You fill in each executive's activity per period — by hand or from a CSV file — and the scoreboard ranks them."</p>
                            </div>
                        })}
                        <setup::SetupForm
                            programme_id=programme_id
                            existing=None
                            on_saved=on_created
                            on_cancel=(!first).then(|| Callback::new(move |_| creating.set(false)))
                        />
                    }.into_any();
                }
                view! {
                    <div class="competition-bar no-print">
                        {(list.len() > 1).then(|| view! {
                            <div class="field picker">
                                <label for="competition-select">"Competition"</label>
                                <select
                                    id="competition-select"
                                    on:change=move |ev| {
                                        if let Ok(id) = Uuid::parse_str(&event_target_value(&ev)) {
                                            chosen.set(Some(id));
                                        }
                                    }
                                >
                                    {list.iter().map(|(id, name)| view! {
                                        <option value=id.to_string() selected=current.get_untracked() == Some(*id)>{name.clone()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        })}
                        <button type="button" on:click=move |_| creating.set(true)>"New competition"</button>
                    </div>
                    {move || current.get().map(|id| view! { <CompetitionView programme_id=programme_id competition_id=id/> })}
                }.into_any()
            }}
        </section>
    }
}

/// One competition: its set-up, the chosen period's scoreboard and grid, closing, and history.
#[component]
fn CompetitionView(programme_id: Uuid, competition_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let ctx = Ctx::new(state, programme_id, competition_id);
    let editing = RwSignal::new(false);
    let summary = Memo::new(move |_| {
        ctx.with_rules(|_, c| {
            let s = &c.settings;
            let kpis = s
                .rules
                .kpis
                .iter()
                .map(|k| k.label.clone())
                .collect::<Vec<_>>()
                .join(", ");
            let live_league = s.rules.league.len();
            (
                s.name.clone(),
                format!(
                    "{} periods from {}{} · {} · scoring: {} · league: {} executive{}",
                    s.period_kind.label(),
                    long_date(s.start),
                    s.end
                        .map(|e| format!(" to {}", long_date(e)))
                        .unwrap_or_default(),
                    kpis,
                    s.rules.scoring.label(),
                    live_league,
                    if live_league == 1 { "" } else { "s" }
                ),
            )
        })
    });
    let delete = move |_| {
        let mut before = None;
        let done = state.edit_programme(programme_id, |p, at| {
            before = p.delete_competition(competition_id, at);
        });
        if let (true, Some(before)) = (done, before) {
            state.offer_undo(
                format!("Competition “{}” deleted.", before.settings.name),
                UndoAction::RestoreCompetition {
                    programme: programme_id,
                    before: Box::new(before),
                },
            );
        }
    };
    let confirm_delete = RwSignal::new(false);
    // The scoreboard is painted first; the grid, the import and the history (below it, and the
    // bulk of a big league's page) are built right after that first frame.
    let below_ready = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(move || below_ready.set(true), std::time::Duration::ZERO);
    });

    view! {
        <div class="competition">
            <section class="panel no-print" aria-labelledby="competition-name">
                <h2 id="competition-name" tabindex="-1">{move || summary.get().map(|s| s.0).unwrap_or_default()}</h2>
                <p class="hint">{move || summary.get().map(|s| s.1).unwrap_or_default()}</p>
                <div class="actions">
                    <button type="button" id="edit-setup" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|e| *e = !*e)>
                        {move || if editing.get() { "Close set-up" } else { "Edit set-up" }}
                    </button>
                    <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>"Delete competition"</button>
                </div>
                <Show when=move || confirm_delete.get()>
                    <div class="confirm" role="group" aria-labelledby="delete-competition-q">
                        <p id="delete-competition-q">"Delete this competition with all its periods and activity? You can undo right after."</p>
                        <button type="button" class="danger" on:click=move |ev| { confirm_delete.set(false); delete(ev); }>"Yes, delete"</button>
                        <button type="button" on:click=move |_| confirm_delete.set(false)>"Keep it"</button>
                    </div>
                </Show>
                <Show when=move || editing.get()>
                    {move || ctx.with_untracked(|_, c| c.clone()).map(|c| view! {
                        <setup::SetupForm
                            programme_id=programme_id
                            existing=Some(c)
                            on_saved=Callback::new(move |_| {
                                editing.set(false);
                                request_animation_frame(|| crate::platform::focus_by_id("edit-setup"));
                            })
                            on_cancel=Some(Callback::new(move |_| editing.set(false)))
                        />
                    })}
                </Show>
            </section>
            <PeriodBar ctx=ctx/>
            <scoreboard::ScoreboardPanel ctx=ctx/>
            <closing::ClosingPanel ctx=ctx/>
            <Show when=move || below_ready.get()>
                <grid::ActivityGrid ctx=ctx/>
                <import::ActivityCsv ctx=ctx/>
                <history::History ctx=ctx/>
            </Show>
        </div>
    }
}

/// The period picker and the chosen period's state.
#[component]
fn PeriodBar(ctx: Ctx) -> impl IntoView {
    let labels = Memo::new(move |_| {
        ctx.periods.with(|periods| {
            ctx.with_rules(|_, c| {
                periods
                    .iter()
                    .map(|p| {
                        let state = if c.is_closed(p.start) {
                            " — closed"
                        } else if p.contains(ctx.today) {
                            " — running"
                        } else if !p.has_started(ctx.today) {
                            " — not started"
                        } else {
                            " — open"
                        };
                        format!("{}{}", p.label(), state)
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
        })
    });
    let status = move || {
        let period = ctx.period.get()?;
        let text = if ctx.closed.get() {
            let closed_on = ctx.with_rules(|_, c| {
                c.record(period.start)
                    .and_then(|r| {
                        r.log
                            .iter()
                            .rev()
                            .find(|e| e.action == crate::model::competition::PeriodAction::Closed)
                    })
                    .map(|e| long_date(e.at.date_naive()))
            });
            format!(
                "Closed{} — activity is locked.",
                closed_on
                    .flatten()
                    .map(|d| format!(" on {d}"))
                    .unwrap_or_default()
            )
        } else if !period.has_started(ctx.today) {
            format!("Starts on {}.", long_date(period.start))
        } else if period.has_ended(ctx.today) {
            format!(
                "Ended on {} — close it to name the winners and lock the results.",
                long_date(period.end)
            )
        } else {
            let left = period.days_left(ctx.today);
            format!(
                "Running until {} — {}.",
                long_date(period.end),
                match left {
                    0 => "last day".to_string(),
                    1 => "1 day left".to_string(),
                    n => format!("{n} days left"),
                }
            )
        };
        Some(text)
    };
    view! {
        <section class="panel period-bar no-print" aria-labelledby="period-heading">
            <h2 id="period-heading" class="visually-hidden">"Period"</h2>
            <div class="field picker">
                <label for="period-select">"Period"</label>
                <select
                    id="period-select"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            ctx.chosen.set(Some(i));
                        }
                    }
                >
                    {move || {
                        let selected = ctx.index.get();
                        labels.get().into_iter().enumerate().rev().map(|(i, label)| view! {
                            <option value=i.to_string() selected=Some(i) == selected>{label}</option>
                        }).collect_view()
                    }}
                </select>
            </div>
            <p class="period-status" data-testid="period-status">{status}</p>
        </section>
    }
}
