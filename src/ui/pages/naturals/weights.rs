//! The natural score's weights, editable and resettable, with the tier thresholds shown.

use crate::model::naturals::{Component, NaturalWeights, NATURAL_THRESHOLD, WARM_THRESHOLD};
use crate::ui::state::AppState;
use leptos::prelude::*;
use uuid::Uuid;

#[component]
pub(super) fn WeightsPanel(programme_id: Uuid) -> impl IntoView {
    let state = AppState::expect();
    let weights = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.get(programme_id)
                .map(|p| p.settings.natural_weights)
                .unwrap_or_default()
        })
    });
    let set_weights = move |change: &dyn Fn(&mut NaturalWeights)| {
        state.edit_programme(programme_id, |programme, at| {
            programme.edit_settings(at, |s| change(&mut s.natural_weights));
        });
    };
    let is_default = move || weights.get() == NaturalWeights::default();

    view! {
        <details class="panel weights">
            <summary>"Score weights and tiers"</summary>
            <p>
                "The natural score (0–100) combines five components. A weight of 0 leaves a component out; the weights are relative, so only their proportions matter."
            </p>
            <div class="weights-grid">
                {Component::ALL.into_iter().map(|component| {
                    let input_id = format!("weight-{}", component.label().to_lowercase().replace(' ', "-"));
                    view! {
                        <div class="field small">
                            <label for=input_id.clone()>{component.label()}</label>
                            <input
                                id=input_id
                                type="number"
                                min="0"
                                max="10"
                                step="1"
                                prop:value=move || weights.get().get(component).to_string()
                                on:input=move |ev| {
                                    if let Ok(value) = event_target_value(&ev).trim().parse::<u8>() {
                                        set_weights(&|w| w.set(component, value.min(10)));
                                    }
                                }
                            />
                        </div>
                    }
                }).collect_view()}
            </div>
            <div class="actions">
                <button type="button" on:click=move |_| set_weights(&|w| *w = NaturalWeights::default()) disabled=is_default>
                    "Reset weights to defaults"
                </button>
            </div>
            <p class="hint">
                {format!("Tiers: Natural from {NATURAL_THRESHOLD} points, Warm from {WARM_THRESHOLD}, below that Needs convincing.")}
            </p>
        </details>
    }
}
