//! Setting up a competition: name, periods, KPIs with points and caps, scoring mode and league.
//! Changes are made in a draft and applied by "Save"; open periods take the new rules at once,
//! closed periods keep the rules they were closed under.

use crate::model::competition::{
    new_kpi, Competition, CompetitionError, Kpi, KpiKind, PeriodKind, ScoringMode,
    DEFAULT_CUSTOM_DAYS,
};
use crate::model::dates::{iso_date, parse_iso_date};
use crate::model::numbers::{format_decimal, parse_count, parse_decimal};
use crate::model::Network;
use crate::platform::{focus_by_id, now};
use crate::ui::state::AppState;
use leptos::prelude::*;
use std::collections::BTreeSet;
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq)]
struct KpiDraft {
    id: String,
    kind: KpiKind,
    label: String,
    points: String,
    cap: String,
    network: Option<Network>,
}

#[derive(Clone, Debug, PartialEq)]
struct Draft {
    name: String,
    kind: PeriodKind,
    start: String,
    end: String,
    custom_days: String,
    scoring: ScoringMode,
    kpis: Vec<KpiDraft>,
    league: BTreeSet<Uuid>,
}

fn kpi_draft(kpi: &Kpi) -> KpiDraft {
    KpiDraft {
        id: kpi.id.clone(),
        kind: kpi.kind,
        label: kpi.label.clone(),
        points: format_decimal(kpi.points),
        cap: kpi.cap.map(|c| c.to_string()).unwrap_or_default(),
        network: kpi.network,
    }
}

impl Draft {
    fn from_competition(c: &Competition) -> Draft {
        let s = &c.settings;
        Draft {
            name: s.name.clone(),
            kind: s.period_kind,
            start: iso_date(s.start),
            end: s.end.map(iso_date).unwrap_or_default(),
            custom_days: s.custom_days.to_string(),
            scoring: s.rules.scoring,
            kpis: s.rules.kpis.iter().map(kpi_draft).collect(),
            league: s.rules.league.iter().copied().collect(),
        }
    }

    fn new_for(league: BTreeSet<Uuid>, today: chrono::NaiveDate, company: &str) -> Draft {
        let template = Competition::new("", today, Vec::new(), now());
        let first_of_month = chrono::NaiveDate::from_ymd_opt(
            chrono::Datelike::year(&today),
            chrono::Datelike::month(&today),
            1,
        )
        .unwrap_or(today);
        Draft {
            name: if company.trim().is_empty() {
                "Social league".to_string()
            } else {
                format!("{} social league", company.trim())
            },
            kind: PeriodKind::Monthly,
            start: iso_date(first_of_month),
            end: String::new(),
            custom_days: DEFAULT_CUSTOM_DAYS.to_string(),
            scoring: ScoringMode::Raw,
            kpis: template.settings.rules.kpis.iter().map(kpi_draft).collect(),
            league,
        }
    }

    /// The checked values, or the list of problems (each naming its field).
    fn validate(&self) -> Result<Valid, Vec<String>> {
        let mut problems = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            problems.push("Name: give the competition a name.".to_string());
        }
        let start = parse_iso_date(&self.start);
        if start.is_none() {
            problems.push("Start date: choose the first day of the first period.".to_string());
        }
        let end = if self.end.trim().is_empty() {
            None
        } else {
            match parse_iso_date(&self.end) {
                Some(end) if start.is_none_or(|s| end >= s) => Some(end),
                Some(_) => {
                    problems.push("End date: it must not be before the start date.".to_string());
                    None
                }
                None => {
                    problems.push("End date: not a valid date.".to_string());
                    None
                }
            }
        };
        let custom_days = match parse_count(&self.custom_days) {
            Ok(Some(n)) if (1..=366).contains(&n) => n as u16,
            _ if self.kind != PeriodKind::Custom => DEFAULT_CUSTOM_DAYS,
            _ => {
                problems.push("Days per period: a whole number from 1 to 366.".to_string());
                DEFAULT_CUSTOM_DAYS
            }
        };
        let mut kpis = Vec::new();
        for (i, k) in self.kpis.iter().enumerate() {
            let label = if k.label.trim().is_empty() {
                k.kind.label().to_string()
            } else {
                k.label.trim().to_string()
            };
            let points = match parse_decimal(&k.points) {
                Ok(Some(p)) => p,
                Ok(None) => {
                    problems.push(format!(
                        "KPI {} ({label}): points per unit are missing.",
                        i + 1
                    ));
                    0.0
                }
                Err(message) => {
                    problems.push(format!("KPI {} ({label}) points: {message}", i + 1));
                    0.0
                }
            };
            let cap = match parse_count(&k.cap) {
                Ok(cap) => cap.map(|c| u32::try_from(c).unwrap_or(u32::MAX)),
                Err(message) => {
                    problems.push(format!("KPI {} ({label}) cap: {message}", i + 1));
                    None
                }
            };
            kpis.push(Kpi {
                id: k.id.clone(),
                kind: k.kind,
                label,
                points,
                cap,
                network: k.network,
            });
        }
        if kpis.is_empty() {
            problems.push("KPIs: count at least one thing (posts, for example).".to_string());
        }
        if self.league.is_empty() {
            problems.push("League: choose at least one executive.".to_string());
        }
        match (problems.is_empty(), start) {
            (true, Some(start)) => Ok(Valid {
                name,
                start,
                end,
                custom_days,
                kpis,
            }),
            _ => Err(problems),
        }
    }
}

struct Valid {
    name: String,
    start: chrono::NaiveDate,
    end: Option<chrono::NaiveDate>,
    custom_days: u16,
    kpis: Vec<Kpi>,
}

#[component]
pub(super) fn SetupForm(
    programme_id: Uuid,
    existing: Option<Competition>,
    on_saved: Callback<Uuid>,
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let state = AppState::expect();
    let today = now().date_naive();
    let roster = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map(|p| {
                    p.roster()
                        .map(|e| (e.id, e.name.clone(), e.title.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let existing_id = existing.as_ref().map(Competition::id);
    let periods_fixed = existing.as_ref().is_some_and(Competition::has_history);
    let initial = match &existing {
        Some(c) => Draft::from_competition(c),
        None => {
            let (league, company) = state.workspace.with_untracked(|ws| {
                ws.get(programme_id)
                    .map(|p| {
                        (
                            p.roster().map(|e| e.id).collect(),
                            p.settings.company.clone(),
                        )
                    })
                    .unwrap_or_default()
            });
            Draft::new_for(league, today, &company)
        }
    };
    let draft = RwSignal::new(initial);
    let problems = RwSignal::new(Vec::<String>::new());
    let prefix = if existing.is_some() { "edit" } else { "new" };
    let fid = move |name: &str| format!("{prefix}-{name}");
    // The kind "Add KPI" offers: the first one not counted yet.
    let first_unused = move |kpis: &[KpiDraft]| {
        KpiKind::ALL
            .into_iter()
            .find(|kind| *kind == KpiKind::Custom || !kpis.iter().any(|k| k.kind == *kind))
            .unwrap_or(KpiKind::Custom)
    };
    let add_kind = RwSignal::new(draft.with_untracked(|d| first_unused(&d.kpis)));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = draft.get_untracked();
        let valid = match d.validate() {
            Ok(valid) => valid,
            Err(list) => {
                problems.set(list);
                request_animation_frame(move || focus_by_id(&format!("{prefix}-problems")));
                return;
            }
        };
        problems.set(Vec::new());
        let league: Vec<Uuid> = roster
            .get_untracked()
            .iter()
            .map(|(id, _, _)| *id)
            .filter(|id| d.league.contains(id))
            .collect();
        let mut refused = None;
        let mut saved_id = None;
        state.edit_programme(programme_id, |programme, at| match existing_id {
            None => {
                let mut c = Competition::new(valid.name.clone(), valid.start, league.clone(), at);
                c.settings.period_kind = d.kind;
                c.settings.end = valid.end;
                c.settings.custom_days = valid.custom_days;
                c.settings.rules.kpis = valid.kpis.clone();
                c.settings.rules.scoring = d.scoring;
                saved_id = Some(c.id());
                programme.add_competition(c);
            }
            Some(id) => {
                let outcome = programme.edit_competition(id, |c| {
                    c.set_period_settings(d.kind, valid.start, valid.custom_days, valid.end, at)?;
                    // Stamped only if something changed.
                    c.edit_settings(at, |s| {
                        s.name = valid.name.clone();
                        s.rules.kpis = valid.kpis.clone();
                        s.rules.scoring = d.scoring;
                        s.rules.league = league.clone();
                    });
                    Ok::<(), CompetitionError>(())
                });
                match outcome {
                    Some(Ok(())) => saved_id = Some(id),
                    Some(Err(error)) => refused = Some(error.to_string()),
                    None => {}
                }
            }
        });
        if let Some(reason) = refused {
            problems.set(vec![reason]);
            request_animation_frame(move || focus_by_id(&format!("{prefix}-problems")));
            return;
        }
        if let Some(id) = saved_id {
            state.notify(if existing_id.is_some() {
                "Set-up saved. Open periods use the new rules; closed periods keep theirs."
            } else {
                "Competition created. Fill in the activity grid for the running period."
            });
            on_saved.run(id);
        }
    };

    // Rebuilt only when KPIs are added or removed, so that editing one never moves the focus.
    let kpi_keys =
        Memo::new(move |_| draft.with(|d| d.kpis.iter().map(|k| k.id.clone()).collect::<Vec<_>>()));
    let kpi_rows = move || {
        kpi_keys.with(|_| ());
        draft
            .with_untracked(|d| d.kpis.clone())
            .into_iter()
            .enumerate()
            .map(|(i, k)| {
                let label_id = fid(&format!("kpi-{i}-label"));
                let points_id = fid(&format!("kpi-{i}-points"));
                let cap_id = fid(&format!("kpi-{i}-cap"));
                let network_id = fid(&format!("kpi-{i}-network"));
                let update = move |f: &dyn Fn(&mut KpiDraft)| {
                    draft.update(|d| {
                        if let Some(k) = d.kpis.get_mut(i) {
                            f(k);
                        }
                    })
                };
                view! {
                    <fieldset class="kpi-row">
                        <legend>{format!("KPI {}: {}", i + 1, k.kind.label())}</legend>
                        <div class="field">
                            <label for=label_id.clone()>"Name"</label>
                            <input id=label_id type="text" value=k.label.clone()
                                on:change=move |ev| { let v = event_target_value(&ev); update(&|k| k.label = v.clone()); }/>
                        </div>
                        <div class="field narrow">
                            <label for=points_id.clone()>"Points per unit"</label>
                            <input id=points_id type="text" inputmode="decimal" value=k.points.clone()
                                on:change=move |ev| { let v = event_target_value(&ev); update(&|k| k.points = v.clone()); }/>
                        </div>
                        <div class="field narrow">
                            <label for=cap_id.clone()>"Cap per period (optional)"</label>
                            <input id=cap_id type="text" inputmode="numeric" value=k.cap.clone()
                                on:change=move |ev| { let v = event_target_value(&ev); update(&|k| k.cap = v.clone()); }/>
                        </div>
                        <div class="field">
                            <label for=network_id.clone()>"Network"</label>
                            <select id=network_id on:change=move |ev| {
                                let v = Network::from_key(&event_target_value(&ev));
                                update(&|k| k.network = v);
                            }>
                                <option value="" selected=k.network.is_none()>"All networks"</option>
                                {Network::ALL.into_iter().map(|n| view! {
                                    <option value=n.key() selected=k.network == Some(n)>{n.label()}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="button" class="link-button" on:click=move |_| {
                            draft.update(|d| { if i < d.kpis.len() { d.kpis.remove(i); } });
                            request_animation_frame(move || focus_by_id(&format!("{prefix}-add-kpi-kind")));
                        }>
                            "Remove"<span class="visually-hidden">{format!(" KPI {}", i + 1)}</span>
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };

    view! {
        <form class="panel setup-form" on:submit=save novalidate=true aria-labelledby=fid("setup-heading")>
            <h2 id=fid("setup-heading")>{if existing_id.is_some() { "Edit the set-up" } else { "New competition" }}</h2>
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <div class="problems" id=fid("problems") tabindex="-1" role="alert">
                        <p>"Please check:"</p>
                        <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="field">
                <label for=fid("name")>"Name"</label>
                <input id=fid("name") type="text" required=true prop:value=move || draft.with(|d| d.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.name = v); }/>
            </div>

            <fieldset class="periods">
                <legend>"Periods"</legend>
                {periods_fixed.then(|| view! {
                    <p class="hint">"The period type, start and length are fixed: activity is recorded or a period was closed, and changing how periods are cut would move it. The end date can still move (not before a period with activity). Start a new competition to use other periods."</p>
                })}
                <div class="field">
                    <label for=fid("kind")>"Period"</label>
                    <select id=fid("kind") disabled=periods_fixed on:change=move |ev| {
                        if let Some(kind) = PeriodKind::from_key(&event_target_value(&ev)) { draft.update(|d| d.kind = kind); }
                    }>
                        {PeriodKind::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected=move || draft.with(|d| d.kind == k)>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=fid("start")>"Start date (first day of the first period)"</label>
                    <input id=fid("start") type="date" disabled=periods_fixed prop:value=move || draft.with(|d| d.start.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.start = v); }/>
                </div>
                <Show when=move || draft.with(|d| d.kind == PeriodKind::Custom)>
                    <div class="field narrow">
                        <label for=fid("days")>"Days per period"</label>
                        <input id=fid("days") type="text" inputmode="numeric" disabled=periods_fixed prop:value=move || draft.with(|d| d.custom_days.clone())
                            on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.custom_days = v); }/>
                    </div>
                </Show>
                <div class="field">
                    <label for=fid("end")>"End date (optional — leave empty to run on)"</label>
                    <input id=fid("end") type="date" prop:value=move || draft.with(|d| d.end.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.end = v); }/>
                </div>
                <p class="hint">"A single custom range: choose “Custom length”, the number of days, and the end date on the range's last day."</p>
            </fieldset>

            <fieldset class="kpis">
                <legend>"What counts (KPIs)"</legend>
                <p class="hint">"Points per unit say what each thing is worth; a cap limits how many units count per period, so that volume alone does not win."</p>
                {kpi_rows}
                <div class="inline-form">
                    <div class="field">
                        <label for=fid("add-kpi-kind")>"Add a KPI"</label>
                        <select id=fid("add-kpi-kind") on:change=move |ev| {
                            if let Some(kind) = KpiKind::from_key(&event_target_value(&ev)) { add_kind.set(kind); }
                        }>
                            {KpiKind::ALL.into_iter().map(|k| view! {
                                <option value=k.key() selected=move || add_kind.get() == k>{k.label()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="button" on:click=move |_| {
                        let kind = add_kind.get_untracked();
                        let existing_ids: Vec<Kpi> = draft.with_untracked(|d| d.kpis.iter().map(|k| Kpi {
                            id: k.id.clone(), kind: k.kind, label: k.label.clone(), points: 0.0, cap: None, network: k.network,
                        }).collect());
                        if kind != KpiKind::Custom && existing_ids.iter().any(|k| k.kind == kind) {
                            problems.set(vec![format!("{} is already counted.", kind.label())]);
                            return;
                        }
                        let kpi = new_kpi(kind, &existing_ids);
                        draft.update(|d| d.kpis.push(kpi_draft(&kpi)));
                        add_kind.set(draft.with_untracked(|d| first_unused(&d.kpis)));
                    }>"Add KPI"</button>
                </div>
            </fieldset>

            <fieldset class="scoring">
                <legend>"Scoring"</legend>
                {ScoringMode::ALL.into_iter().map(|mode| {
                    let id = fid(&format!("scoring-{}", mode.key()));
                    let help = match mode {
                        ScoringMode::Raw => "Everyone's points as counted — simple and transparent.",
                        ScoringMode::Normalised => "Each network's points are scaled so that the league's best on it gets 100 — fair between people strong on different networks.",
                        ScoringMode::MostImproved => "Ranked on progress against the previous period — encourages late starters.",
                    };
                    view! {
                        <div class="check">
                            <input type="radio" id=id.clone() name=fid("scoring") value=mode.key()
                                prop:checked=move || draft.with(|d| d.scoring == mode)
                                on:change=move |_| draft.update(|d| d.scoring = mode)/>
                            <label for=id>{mode.label()}<span class="hint">{format!(" — {help}")}</span></label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>

            <fieldset class="league">
                <legend>"League (who takes part)"</legend>
                <div class="actions">
                    <button type="button" on:click=move |_| {
                        let all = roster.get_untracked().iter().map(|(id, _, _)| *id).collect();
                        draft.update(|d| d.league = all);
                    }>"Select all"</button>
                    <button type="button" on:click=move |_| draft.update(|d| d.league.clear())>"Select none"</button>
                </div>
                <div class="league-list">
                    {move || roster.get().into_iter().map(|(id, name, title)| {
                        let box_id = fid(&format!("league-{id}"));
                        view! {
                            <div class="check">
                                <input type="checkbox" id=box_id.clone()
                                    prop:checked=move || draft.with(|d| d.league.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        draft.update(|d| { if on { d.league.insert(id); } else { d.league.remove(&id); } });
                                    }/>
                                <label for=box_id>{name}{(!title.is_empty()).then(|| view! { <span class="hint">{format!(" — {title}")}</span> })}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>

            <div class="actions">
                <button type="submit" class="primary">{if existing_id.is_some() { "Save set-up" } else { "Create competition" }}</button>
                {on_cancel.map(|cancel| view! { <button type="button" on:click=move |_| cancel.run(())>"Cancel"</button> })}
            </div>
        </form>
    }
}
