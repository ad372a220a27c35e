//! Activity from a CSV file: a template for the chosen period, a preview with per-row errors and
//! unknown names, nothing applied until confirmed, and undo.

use super::Ctx;
use crate::io::activity_csv::{
    activity_template, apply_activity_import, parse_activity_csv, plan_activity_import,
    ActivityImport, ActivityPlan, MAX_ACTIVITY_BYTES,
};
use crate::io::envelope::slug;
use crate::model::dates::iso_date;
use crate::platform::{chosen_file, download_csv, focus_by_id, read_file_text};
use crate::ui::state::UndoAction;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Debug, PartialEq)]
struct Pending {
    file_name: String,
    period_label: String,
    import: ActivityImport,
    plan: ActivityPlan,
}

#[component]
pub(super) fn ActivityCsv(ctx: Ctx) -> impl IntoView {
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let reset_input = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };
    // A new period chosen: a preview made for another period must not be applied to this one.
    ctx.on_period_change(move || {
        pending.set(None);
        error.set(None);
    });

    let template = move |_| {
        let Some(period) = ctx.period.get_untracked() else {
            return;
        };
        let Some((name, text)) = ctx.with_untracked(|p, c| {
            (
                format!(
                    "activity-{}-{}.csv",
                    slug(&c.settings.name),
                    iso_date(period.start)
                ),
                activity_template(c, &p.executives, &period),
            )
        }) else {
            return;
        };
        if let Err(message) = download_csv(&name, &text) {
            error.set(Some(message));
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        pending.set(None);
        error.set(None);
        let name = file.name();
        if file.size() > MAX_ACTIVITY_BYTES as f64 {
            error.set(Some(format!(
                "“{name}” is larger than 2 MB; an activity file is much smaller. Nothing was changed."
            )));
            return;
        }
        let Some(period) = ctx.period.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let kpis = ctx
                .with_untracked(|_, c| c.rules_for(period.start).kpis.clone())
                .unwrap_or_default();
            let result = read_file_text(file)
                .await
                .and_then(|text| parse_activity_csv(&text, &kpis));
            match result {
                Ok(import) => {
                    let plan = ctx.with_untracked(|p, c| {
                        plan_activity_import(c, &p.executives, &period, &import)
                    });
                    if let Some(plan) = plan {
                        pending.set(Some(Pending {
                            file_name: name,
                            period_label: period.label(),
                            import,
                            plan,
                        }));
                        request_animation_frame(|| focus_by_id("activity-preview-heading"));
                    }
                }
                Err(message) => error.set(Some(format!(
                    "“{name}” could not be read: {message} Nothing was changed."
                ))),
            }
        });
    };

    let confirm = move |_| {
        let (Some(p), Some(period)) = (pending.get_untracked(), ctx.period.get_untracked()) else {
            return;
        };
        let before = ctx
            .state
            .workspace
            .with_untracked(|ws| ws.get(ctx.programme).cloned());
        let changed = ctx.edit(|c, _, at| apply_activity_import(c, &period, &p.plan, at));
        if let Some(changed) = changed {
            ctx.state.offer_undo(
                format!(
                    "Activity imported for {}: {changed} executive{} updated.",
                    p.period_label,
                    if changed == 1 { "" } else { "s" }
                ),
                UndoAction::RevertImport(vec![(ctx.programme, before)]),
            );
            pending.set(None);
            reset_input();
            // The preview (and its button) is gone: back to the file field, ready for the next one.
            request_animation_frame(|| focus_by_id("activity-file"));
        }
    };
    let cancel = move |_| {
        pending.set(None);
        reset_input();
        focus_by_id("activity-file");
    };

    view! {
        <section class="panel no-print" aria-labelledby="activity-csv-heading">
            <h2 id="activity-csv-heading">"Import activity from CSV"</h2>
            <p>
                "Download the template for this period, fill in each executive's numbers in a spreadsheet (or export them from your analytics), save as CSV and import it. Rows are matched by e-mail address, else by name. You will see every change and every problem before anything is applied; blank cells change nothing."
            </p>
            <div class="actions">
                <button type="button" on:click=template>
                    {move || format!("Download template for {}", ctx.period.get().map(|p| p.label()).unwrap_or_default())}
                </button>
            </div>
            <div class="field">
                <label for="activity-file">"Activity file (.csv)"</label>
                <input id="activity-file" node_ref=input_ref type="file" accept=".csv,text/csv,text/plain" on:change=on_file/>
            </div>
            {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            {move || pending.get().map(|p| {
                let plan = p.plan.clone();
                let problems: Vec<_> = p.import.errors.iter()
                    .chain(plan.unknown.iter())
                    .chain(plan.not_in_league.iter())
                    .chain(plan.skipped.iter())
                    .cloned()
                    .collect();
                let mut problems = problems;
                problems.sort_by_key(|e| e.line);
                let can_apply = plan.changes_anything();
                view! {
                    <div class="preview" data-testid="activity-preview">
                        <h3 id="activity-preview-heading" tabindex="-1">{format!("Preview of “{}” for {}", p.file_name, p.period_label)}</h3>
                        {plan.locked.clone().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                        <p>{format!(
                            "{} executive{} would be updated; {} row{} already match; {} row{} cannot be imported.",
                            plan.updates.len(), if plan.updates.len() == 1 { "" } else { "s" },
                            plan.unchanged, if plan.unchanged == 1 { "" } else { "s" },
                            problems.len(), if problems.len() == 1 { "" } else { "s" },
                        )}</p>
                        {(!p.import.warnings.is_empty()).then(|| view! {
                            <ul class="warnings">{p.import.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                        })}
                        {(!problems.is_empty()).then(|| view! {
                            <h4>"Rows that cannot be imported"</h4>
                            <ul class="row-errors" data-testid="activity-errors">
                                {problems.into_iter().map(|e| view! { <li>{format!("Line {}: {}", e.line, e.message)}</li> }).collect_view()}
                            </ul>
                        })}
                        {(!plan.updates.is_empty()).then(|| view! {
                            <h4>"Changes"</h4>
                            <ul class="changes">
                                {plan.updates.iter().map(|u| view! { <li><strong>{u.name.clone()}</strong>": "{u.describe()}</li> }).collect_view()}
                            </ul>
                        })}
                        <div class="actions">
                            <button type="button" class="primary" disabled=!can_apply on:click=confirm>
                                {if can_apply { "Apply these changes" } else { "Nothing to apply" }}
                            </button>
                            <button type="button" on:click=cancel>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}
