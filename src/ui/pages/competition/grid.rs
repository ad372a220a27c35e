//! The activity grid of the chosen period: executives × KPIs, made for fast keyboard entry — Tab,
//! Enter (down), Shift+Enter (up), arrow keys — numbers only, with an error under a cell that holds
//! anything else, and each executive's points updating as they type.

use super::scoreboard::points_text;
use super::{Ctx, PageControls, Paging, GRID_PAGE, LONG};
use crate::model::numbers::parse_count;
use leptos::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use uuid::Uuid;
use wasm_bindgen::JsCast;

/// What a cell's text means: blank clears it, a whole number ≥ 0 is recorded, anything else is an
/// error to show under the cell.
fn read_cell(text: &str, kpi: &str) -> Result<Option<u32>, String> {
    let trimmed = text.trim();
    if trimmed.starts_with('-') || trimmed.starts_with('−') {
        return Err(format!(
            "{kpi}: “{trimmed}” is negative — counts start at 0."
        ));
    }
    match parse_count(trimmed) {
        Ok(None) => Ok(None),
        Ok(Some(n)) => u32::try_from(n)
            .map(Some)
            .map_err(|_| format!("{kpi}: “{trimmed}” is too large.")),
        Err(_) => Err(format!(
            "{kpi}: “{trimmed}” is not a whole number — type digits only (e.g. 12)."
        )),
    }
}

/// Focuses a grid cell and selects its content, so that typing replaces it.
fn focus_cell(id: &str) {
    let Some(input) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let _ = input.focus();
    input.select();
}

fn cell_id(executive: Uuid, k: usize) -> String {
    format!("cell-{executive}-{k}")
}

#[component]
pub(super) fn ActivityGrid(ctx: Ctx) -> impl IntoView {
    // The period's KPIs (the rules it is scored under).
    let kpis = Memo::new(move |_| {
        let Some(period) = ctx.period.get() else {
            return Vec::new();
        };
        ctx.with_rules(|_, c| {
            c.rules_for(period.start)
                .kpis
                .iter()
                .map(|k| (k.id.clone(), k.label.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // The league members on the roster, by name (a grid must not re-sort while someone types).
    let members = Memo::new(move |_| {
        let Some(period) = ctx.period.get() else {
            return Vec::new();
        };
        let league = ctx
            .with_rules(|_, c| c.rules_for(period.start).league.clone())
            .unwrap_or_default();
        ctx.people.with(|people| {
            let mut members: Vec<(Uuid, String)> = league
                .into_iter()
                .filter_map(|id| people.get(&id).map(|(name, _)| (id, name.clone())))
                .collect();
            members.sort_by_cached_key(|(id, name)| (name.to_lowercase(), *id));
            members.dedup_by_key(|(id, _)| *id);
            members
        })
    });
    let filter = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let needle = filter.get().trim().to_lowercase();
        members.with(|members| {
            members
                .iter()
                .filter(|(_, name)| needle.is_empty() || name.to_lowercase().contains(&needle))
                .map(|(id, _)| *id)
                .collect::<Vec<_>>()
        })
    });
    let paging = Paging::new(Signal::derive(move || shown.with(Vec::len)), GRID_PAGE);
    let page_rows = Memo::new(move |_| {
        let first = paging.first();
        shown.with(|s| {
            s.iter()
                .skip(first)
                .take(GRID_PAGE)
                .copied()
                .collect::<Vec<_>>()
        })
    });
    // The points of the executives on this page, from the scoreboard: one reader of the board for
    // the page, not one per row.
    let points = Memo::new(move |_| {
        page_rows.with(|rows| {
            ctx.board.with(|b| {
                rows.iter()
                    .map(|id| {
                        let raw = b
                            .as_ref()
                            .and_then(|b| b.standing(*id))
                            .map(|s| s.score.raw);
                        (*id, raw)
                    })
                    .collect::<HashMap<_, _>>()
            })
        })
    });
    // The recorded values of the executives on this page.
    let values = Memo::new(move |_| {
        let Some(period) = ctx.period.get() else {
            return Arc::new(HashMap::new());
        };
        page_rows.with(|rows| {
            let on_page: std::collections::HashSet<&Uuid> = rows.iter().collect();
            Arc::new(
                ctx.with(|_, c| {
                    c.activity
                        .iter()
                        .filter(|r| r.period == period.start && on_page.contains(&r.executive))
                        .map(|r| (r.executive, r.values.clone()))
                        .collect::<HashMap<Uuid, BTreeMap<String, u32>>>()
                })
                .unwrap_or_default(),
            )
        })
    });
    let locked_reason = Memo::new(move |_| {
        let period = ctx.period.get()?;
        if ctx.closed.get() {
            Some(format!(
                "{} is closed, so its activity is locked. Reopen the period (above) to change it — reopening is recorded.",
                period.label()
            ))
        } else if !period.has_started(ctx.today) {
            Some(format!(
                "{} has not started yet: activity can be recorded from {}.",
                period.label(),
                crate::model::dates::long_date(period.start)
            ))
        } else {
            None
        }
    });
    // Moving between cells: the row above or below on this page.
    let neighbour = move |executive: Uuid, step: isize| -> Option<Uuid> {
        page_rows.with_untracked(|rows| {
            let at = rows.iter().position(|id| *id == executive)?;
            let to = at.checked_add_signed(step)?;
            rows.get(to).copied()
        })
    };
    let kpi_count = move || kpis.with_untracked(Vec::len);

    view! {
        <section class="panel grid-panel no-print" class:long=move || page_rows.with(|r| r.len() > LONG) aria-labelledby="grid-heading">
            <h2 id="grid-heading">
                {move || ctx.period.get().map(|p| format!("Activity — {}", p.label())).unwrap_or_else(|| "Activity".into())}
            </h2>
            <p class="hint">
                "Type each executive's numbers for the period. Enter moves down, Shift+Enter up, the arrow keys move between cells; a blank cell means nothing recorded. Points update as you type."
            </p>
            {move || locked_reason.get().map(|reason| view! { <p class="locked-note" role="note" data-testid="grid-locked">{reason}</p> })}
            {move || (members.with(Vec::len) > 15).then(|| view! {
                <div class="grid-tools">
                    <div class="field">
                        <label for="grid-filter">"Find an executive"</label>
                        <input
                            id="grid-filter"
                            type="search"
                            prop:value=move || filter.get()
                            on:input=move |ev| {
                                filter.set(event_target_value(&ev));
                                paging.page.set(0);
                            }
                        />
                    </div>
                    <PageControls paging=paging label="Rows" empty="No executive matches."/>
                </div>
            })}
            {move || if members.with(Vec::is_empty) {
                view! { <p class="empty">"Nobody is in this period's league. Edit the set-up to choose the executives who take part."</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table id="activity-grid" class="activity-grid">
                            <caption class="visually-hidden">"Activity per executive and KPI"</caption>
                            <thead>
                                <tr>
                                    <th scope="col" class="name-col">"Executive"</th>
                                    {move || kpis.get().into_iter().enumerate().map(|(k, (_, label))| view! {
                                        <th scope="col" class="kpi-col" id=format!("kpi-h-{k}")>{label}</th>
                                    }).collect_view()}
                                    <th scope="col" class="points-col">"Points"</th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || page_rows.get() key=|id| *id let:executive>
                                    <GridRow ctx=ctx executive=executive kpis=kpis values=values points=points locked=locked_reason neighbour=neighbour kpi_count=kpi_count/>
                                </For>
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn GridRow(
    ctx: Ctx,
    executive: Uuid,
    kpis: Memo<Vec<(String, String)>>,
    values: Memo<Arc<HashMap<Uuid, BTreeMap<String, u32>>>>,
    /// Raw points of the executives on the page.
    points: Memo<HashMap<Uuid, Option<f64>>>,
    locked: Memo<Option<String>>,
    neighbour: impl Fn(Uuid, isize) -> Option<Uuid> + Copy + Send + Sync + 'static,
    kpi_count: impl Fn() -> usize + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let name = Memo::new(move |_| ctx.name(executive));
    let points = Memo::new(move |_| points.with(|p| p.get(&executive).copied().flatten()));
    // This row's values: a cell reads its row, not the page's map, so that an edit wakes the 50
    // rows and then one row's cells, not every cell of the page.
    let row_values = Memo::new(move |_| values.with(|m| m.get(&executive).cloned()));
    let row_header = format!("row-h-{executive}");
    view! {
        <tr data-executive=executive.to_string()>
            <th scope="row" id=row_header.clone()>{move || name.get()}</th>
            {move || kpis.get().into_iter().enumerate().map(|(k, (kpi, label))| view! {
                <GridCell ctx=ctx executive=executive k=k kpi=kpi label=label values=row_values locked=locked neighbour=neighbour kpi_count=kpi_count/>
            }).collect_view()}
            <td class="row-points">{move || points.get().map(points_text).unwrap_or_else(|| "0".into())}</td>
        </tr>
    }
}

#[component]
fn GridCell(
    ctx: Ctx,
    executive: Uuid,
    k: usize,
    kpi: String,
    label: String,
    /// The row's recorded values.
    values: Memo<Option<BTreeMap<String, u32>>>,
    locked: Memo<Option<String>>,
    neighbour: impl Fn(Uuid, isize) -> Option<Uuid> + Copy + Send + Sync + 'static,
    kpi_count: impl Fn() -> usize + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let kpi_key = kpi.clone();
    let stored =
        Memo::new(move |_| values.with(|v| v.as_ref().and_then(|v| v.get(&kpi_key)).copied()));
    let error = RwSignal::new(None::<String>);
    let node = NodeRef::<leptos::html::Input>::new();
    let text_of = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
    // Keep the cell in step with the stored value when it changes elsewhere (import, another tab),
    // but never under the user's fingers.
    Effect::new(move |_| {
        let value = stored.get();
        // Once the period is locked, a rejected entry still in the cell is dropped with its error.
        if locked.with(Option::is_some) && error.get_untracked().is_some() {
            error.set(None);
        }
        let Some(input) = node.get() else {
            return;
        };
        let focused = document()
            .active_element()
            .is_some_and(|active| input.is_same_node(Some(&active)));
        if !focused && error.get_untracked().is_none() {
            input.set_value(&text_of(value));
        }
    });
    let id = cell_id(executive, k);
    let error_id = format!("err-{executive}-{k}");
    let labelled_by = format!("row-h-{executive} kpi-h-{k}");
    let label_for_errors = label.clone();
    let kpi_attr = kpi.clone();
    // The value when the cell got the focus: a refused entry puts it back, so that what counts
    // is never a half-typed number ("2" of "2.5") the cell no longer shows.
    let before_edit = StoredValue::new(None::<u32>);
    let record = move |value: Option<u32>| {
        let Some(period) = ctx.period.get_untracked() else {
            return;
        };
        if stored.get_untracked() == value {
            return;
        }
        let kpi = kpi.clone();
        ctx.edit(move |c, _, at| c.set_value(&period, executive, &kpi, value, at));
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match read_cell(&text, &label_for_errors) {
            Err(message) => {
                error.set(Some(message));
                record(before_edit.get_value());
            }
            Ok(value) => {
                error.set(None);
                record(value);
            }
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if let Some(reason) = locked.get_untracked() {
            if key.chars().count() == 1 || key == "Backspace" || key == "Delete" {
                ev.prevent_default();
                ctx.state.notify(reason);
                return;
            }
        }
        let input = node.get_untracked();
        let caret = input
            .as_ref()
            .map(|i| {
                let len = i.value().chars().count() as u32;
                let start = i.selection_start().ok().flatten().unwrap_or(0);
                let end = i.selection_end().ok().flatten().unwrap_or(len);
                (start, end, len)
            })
            .unwrap_or((0, 0, 0));
        let target = match key.as_str() {
            "Enter" if ev.shift_key() => neighbour(executive, -1).map(|e| cell_id(e, k)),
            "Enter" | "ArrowDown" => neighbour(executive, 1).map(|e| cell_id(e, k)),
            "ArrowUp" => neighbour(executive, -1).map(|e| cell_id(e, k)),
            "ArrowLeft" if caret.0 == 0 && caret.1 == 0 && k > 0 => Some(cell_id(executive, k - 1)),
            "ArrowRight" if caret.0 == caret.2 && caret.1 == caret.2 && k + 1 < kpi_count() => {
                Some(cell_id(executive, k + 1))
            }
            _ => None,
        };
        if key == "Enter" || key == "ArrowDown" || key == "ArrowUp" {
            ev.prevent_default();
        }
        if let Some(target) = target {
            ev.prevent_default();
            focus_cell(&target);
        }
    };
    view! {
        <td class:invalid=move || error.with(Option::is_some)>
            <input
                node_ref=node
                id=id
                type="text"
                inputmode="numeric"
                autocomplete="off"
                data-executive=executive.to_string()
                data-kpi=kpi_attr
                aria-labelledby=labelled_by
                aria-describedby=error_id.clone()
                aria-invalid=move || error.with(Option::is_some).to_string()
                readonly=move || locked.with(Option::is_some)
                value=text_of(stored.get_untracked())
                on:focus=move |_| before_edit.set_value(stored.get_untracked())
                on:input=on_input
                on:keydown=on_keydown
            />
            <span class="cell-error" id=error_id role="alert">{move || error.get()}</span>
        </td>
    }
}
