//! Closing and reopening a period; once closed, its winners, the congratulation note (editable,
//! copyable, as an e-mail draft) and a printable certificate.

use super::scoreboard::{points_text, signed_text};
use super::Ctx;
use crate::model::competition::{
    certificates, congratulation_note, mailto_link, note_subject, Certificate,
};
use crate::platform::{copy_text, focus_by_id, print_page};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Names and points of a list of winners: "Ana Silva (412 points) and Tom Berg (412 points)".
fn winners_text(ctx: Ctx, ids: &[uuid::Uuid], improved: bool) -> String {
    let parts: Vec<String> = ids
        .iter()
        .map(|id| {
            let detail = ctx.board.with_untracked(|b| {
                b.as_ref().and_then(|b| b.standing(*id)).map(|s| {
                    if improved {
                        s.score
                            .improvement
                            .map(|v| format!("{} points", signed_text(v)))
                            .unwrap_or_default()
                    } else {
                        format!("{} points", points_text(s.score.points))
                    }
                })
            });
            match detail.filter(|d| !d.is_empty()) {
                Some(detail) => format!("{} ({detail})", ctx.name(*id)),
                None => ctx.name(*id),
            }
        })
        .collect();
    crate::model::templates::join_and(&parts)
}

#[component]
pub(super) fn ClosingPanel(ctx: Ctx) -> impl IntoView {
    let confirming = RwSignal::new(None::<&'static str>);
    // The chosen period's winners (stored when closed; the current leaders when open).
    let winners = Memo::new(move |_| {
        ctx.board.with(|b| {
            b.as_ref()
                .map(|b| (b.board.most_social.clone(), b.board.most_improved.clone()))
                .unwrap_or_default()
        })
    });
    let period = ctx.period;
    let label = move || period.get().map(|p| p.label()).unwrap_or_default();

    let close = move |_| {
        confirming.set(None);
        let (Some(index), periods) = (ctx.index.get_untracked(), ctx.periods.get_untracked())
        else {
            return;
        };
        let done = ctx.edit(|c, executives, at| c.close_period(executives, &periods, index, at));
        if done.is_some() {
            let (social, improved) = winners.get_untracked();
            let message = if social.is_empty() {
                format!("{} closed. Nobody scored, so there is no winner.", label())
            } else {
                format!(
                    "{} closed. Most social: {}.{}",
                    label(),
                    winners_text(ctx, &social, false),
                    if improved.is_empty() {
                        String::new()
                    } else {
                        format!(" Most improved: {}.", winners_text(ctx, &improved, true))
                    }
                )
            };
            ctx.state.notify(message);
            request_animation_frame(|| focus_by_id("winners-heading"));
        }
    };
    let reopen = move |_| {
        confirming.set(None);
        let Some(p) = period.get_untracked() else {
            return;
        };
        if ctx.edit(|c, _, at| c.reopen_period(&p, at)).is_some() {
            ctx.state.notify(format!(
                "{} reopened — recorded with today's date. Close it again when the corrections are in.",
                p.label()
            ));
            request_animation_frame(|| focus_by_id("close-heading"));
        }
    };

    view! {
        {move || {
            let p = period.get()?;
            if ctx.closed.get() {
                Some(view! { <ClosedPeriod ctx=ctx winners=winners confirming=confirming reopen=reopen/> }.into_any())
            } else if p.has_started(ctx.today) {
                let running = !p.has_ended(ctx.today);
                Some(view! {
                    <section class="panel close-panel no-print" aria-labelledby="close-heading">
                        <h2 id="close-heading" tabindex="-1">"Close the period"</h2>
                        <p>
                            {move || {
                                let (social, _) = winners.get();
                                if social.is_empty() {
                                    "Nobody has scored yet.".to_string()
                                } else {
                                    format!("Leading now: {}.", winners_text(ctx, &social, false))
                                }
                            }}
                        </p>
                        <p class="hint">"Closing locks the period's activity and the rules it was scored under, names the most social executive and the most improved, and writes a congratulation note. Reopening later is possible and is recorded."</p>
                        {move || if confirming.get() == Some("close") {
                            view! {
                                <div class="confirm" role="group" aria-labelledby="close-q">
                                    <p id="close-q">
                                        {format!("Close {}? Its activity becomes locked.", p.label())}
                                        {running.then(|| format!(
                                            " It runs until {} — closing now ends it early.",
                                            crate::model::dates::long_date(p.end)
                                        ))}
                                    </p>
                                    <button type="button" class="primary" id="confirm-close" on:click=close>"Close period"</button>
                                    <button type="button" on:click=move |_| { confirming.set(None); focus_by_id("start-close"); }>"Cancel"</button>
                                </div>
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="primary" id="start-close" on:click=move |_| {
                                    confirming.set(Some("close"));
                                    request_animation_frame(|| focus_by_id("confirm-close"));
                                }>
                                    {format!("Close {}…", p.label())}
                                </button>
                            }.into_any()
                        }}
                    </section>
                }.into_any())
            } else {
                None
            }
        }}
    }
}

#[component]
fn ClosedPeriod(
    ctx: Ctx,
    winners: Memo<(Vec<uuid::Uuid>, Vec<uuid::Uuid>)>,
    confirming: RwSignal<Option<&'static str>>,
    reopen: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let period = ctx.period;
    let edited = Memo::new(move |_| {
        let p = period.get()?;
        ctx.with_rules(|_, c| c.record(p.start).and_then(|r| r.note.clone()))
            .flatten()
    });
    let generated = Memo::new(move |_| {
        ctx.board.with(|b| {
            let b = b.as_ref()?;
            ctx.with(|p, c| {
                (
                    note_subject(c, &b.board, &p.executives),
                    congratulation_note(c, &b.board, &p.executives, &p.settings.company),
                )
            })
        })
    });
    let subject = move || generated.with(|g| g.as_ref().map(|g| g.0.clone()).unwrap_or_default());
    let body = move || {
        edited
            .get()
            .or_else(|| generated.with(|g| g.as_ref().map(|g| g.1.clone())))
            .unwrap_or_default()
    };
    let certs = Memo::new(move |_| {
        ctx.board
            .with(|b| {
                let b = b.as_ref()?;
                ctx.with(|p, c| certificates(c, &b.board, &p.executives, &p.settings.company))
            })
            .unwrap_or_default()
    });
    let set_note = move |note: Option<String>| {
        let Some(p) = period.get_untracked() else {
            return;
        };
        ctx.edit(move |c, _, at| c.set_note(&p, note, at));
    };
    let copy = move |_| {
        let text = format!("{}\n\n{}", subject(), body());
        spawn_local(async move {
            match copy_text(&text).await {
                Ok(()) => ctx
                    .state
                    .notify("Note copied — paste it into your e-mail or chat."),
                Err(message) => ctx.state.notify(message),
            }
        });
    };
    view! {
        <section class="panel winners-panel no-print" aria-labelledby="winners-heading">
            <h2 id="winners-heading" tabindex="-1">{move || format!("Winners — {}", period.get().map(|p| p.label()).unwrap_or_default())}</h2>
            {move || {
                let (social, improved) = winners.get();
                view! {
                    <dl class="winners" data-testid="winners">
                        <div>
                            <dt>"Most social executive"</dt>
                            <dd>{if social.is_empty() { "Nobody scored in this period.".to_string() } else { winners_text(ctx, &social, false) }}</dd>
                        </div>
                        <div>
                            <dt>"Most improved"</dt>
                            <dd>{if improved.is_empty() { "Nobody improved on the previous period (or there is none).".to_string() } else { winners_text(ctx, &improved, true) }}</dd>
                        </div>
                    </dl>
                }
            }}
            <h3>"Congratulation note"</h3>
            <p class="note-subject"><span class="label">"Subject: "</span>{subject}</p>
            <div class="field">
                <label for="congratulation-note">"Note (edit freely — your changes are kept)"</label>
                <textarea
                    id="congratulation-note"
                    rows="12"
                    prop:value=body
                    on:input=move |ev| set_note(Some(event_target_value(&ev)))
                ></textarea>
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=copy>"Copy note"</button>
                <a class="button" href=move || mailto_link(&subject(), &body())>"Open as e-mail draft"</a>
                <Show when=move || edited.with(Option::is_some)>
                    <button type="button" on:click=move |_| set_note(None)>"Back to the generated note"</button>
                </Show>
                <button type="button" on:click=move |_| print_page() disabled=move || certs.with(Vec::is_empty)>"Print certificate"</button>
            </div>
            <h3>"Reopen"</h3>
            {move || if confirming.get() == Some("reopen") {
                view! {
                    <div class="confirm" role="group" aria-labelledby="reopen-q">
                        <p id="reopen-q">"Reopen this period? Its activity can be changed again and the winners are named anew when you close it. The reopening is recorded with today's date."</p>
                        <button type="button" class="danger" id="confirm-reopen" on:click=reopen>"Reopen period"</button>
                        <button type="button" on:click=move |_| { confirming.set(None); focus_by_id("start-reopen"); }>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p class="hint">"Found a mistake? Reopen the period to correct its activity."</p>
                    <button type="button" id="start-reopen" on:click=move |_| {
                        confirming.set(Some("reopen"));
                        request_animation_frame(|| focus_by_id("confirm-reopen"));
                    }>"Reopen period…"</button>
                }.into_any()
            }}
        </section>
        <div class="print-only certificates" data-testid="certificates">
            {move || certs.get().into_iter().map(certificate_view).collect_view()}
        </div>
    }
}

fn certificate_view(cert: Certificate) -> impl IntoView {
    view! {
        <article class="certificate">
            <p class="cert-kicker">{cert.competition}</p>
            <h1 class="cert-title">{cert.title}</h1>
            <p class="cert-presented">"presented to"</p>
            <p class="cert-name">{cert.name}</p>
            <p class="cert-citation">{cert.citation}</p>
            <p class="cert-period">{cert.period}</p>
        </article>
    }
}
