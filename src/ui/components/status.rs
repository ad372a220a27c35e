use super::days_ago;
use crate::model::progress::BACKUP_DUE_DAYS;
use crate::platform::now;
use crate::ui::href;
use crate::ui::state::{AppState, SaveStatus};
use leptos::prelude::*;
use leptos_router::components::A;

/// Says plainly when data is not being saved, and reminds about old backups.
#[component]
pub fn StatusBanner() -> impl IntoView {
    let state = AppState::expect();
    let problem = move || {
        match state.status.get() {
        SaveStatus::NotSaved(reason) => Some((
            "Not saved",
            format!("Your latest changes are not saved: {reason}. They are kept in this tab, and saving resumes by itself as soon as it can. To be safe, download a backup now."),
        )),
        SaveStatus::MemoryOnly(reason) => Some(("Not saved — storage blocked", reason)),
        SaveStatus::ReadOnly(reason) => Some(("Read-only", reason)),
        SaveStatus::Saved | SaveStatus::Saving => None,
    }
    };
    let backup_reminder = move || {
        let has_data = state
            .workspace
            .with(|ws| ws.live_programmes().next().is_some());
        match state.last_backup_at.get() {
            Some(at) if has_data && (now() - at).num_days() >= BACKUP_DUE_DAYS => {
                Some(format!("Your last backup was {}.", days_ago(at, now())))
            }
            _ => None,
        }
    };
    view! {
        {move || problem().map(|(title, text)| view! {
            <div class="banner banner-problem" role="alert" data-testid="problem-banner">
                <p><strong>{title}</strong>" — "{text}</p>
                <A href=href("/data")>"Go to backups"</A>
            </div>
        })}
        {move || backup_reminder().map(|text| view! {
            <div class="banner banner-reminder" data-testid="backup-reminder">
                <p>{text}" Data lives only in this browser."</p>
                <A href=href("/data")>"Download a backup"</A>
            </div>
        })}
    }
}
