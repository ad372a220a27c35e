use crate::model::{Network, NewProgramme, ProgrammeSettings};
use chrono::NaiveDate;
use leptos::prelude::*;

/// What the programme form edits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgrammeFormValues {
    pub name: String,
    pub company: String,
    pub owner: String,
    pub start_date: Option<NaiveDate>,
    pub networks: Vec<Network>,
}

impl ProgrammeFormValues {
    pub fn from_settings(settings: &ProgrammeSettings) -> Self {
        ProgrammeFormValues {
            name: settings.name.clone(),
            company: settings.company.clone(),
            owner: settings.owner.clone(),
            start_date: settings.start_date,
            networks: settings.networks.clone(),
        }
    }

    pub fn into_new_programme(self) -> NewProgramme {
        NewProgramme {
            name: self.name,
            company: self.company,
            owner: self.owner,
            start_date: self.start_date,
            networks: self.networks,
        }
    }

    /// Writes into `settings` only the fields the user changed since the form opened with `initial`,
    /// so that a change saved meanwhile by another tab to another field is not overwritten with the
    /// form's stale copy. Returns whether anything changed.
    pub fn apply_changes(
        self,
        initial: &ProgrammeFormValues,
        settings: &mut ProgrammeSettings,
    ) -> bool {
        let mut changed = false;
        let mut set_text = |field: &mut String, new: &str, old: &str| {
            if new.trim() != old.trim() {
                *field = new.trim().to_string();
                changed = true;
            }
        };
        set_text(&mut settings.name, &self.name, &initial.name);
        set_text(&mut settings.company, &self.company, &initial.company);
        set_text(&mut settings.owner, &self.owner, &initial.owner);
        if self.start_date != initial.start_date {
            settings.start_date = self.start_date;
            changed = true;
        }
        let mut before = initial.networks.clone();
        before.sort();
        if self.networks != before {
            settings.networks = self.networks;
            changed = true;
        }
        changed
    }
}

/// The form to create a programme or change its settings.
#[component]
pub fn ProgrammeForm(
    /// Makes the fields' ids unique on the page.
    id_prefix: String,
    /// The values the form starts with.
    initial: ProgrammeFormValues,
    /// The text of the submit button.
    submit_label: &'static str,
    /// Called with the values when they are valid.
    #[prop(into)]
    on_submit: Callback<ProgrammeFormValues>,
    /// Shows a Cancel button that calls this.
    #[prop(optional, into)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let name = RwSignal::new(initial.name.clone());
    let company = RwSignal::new(initial.company.clone());
    let owner = RwSignal::new(initial.owner.clone());
    let start = RwSignal::new(
        initial
            .start_date
            .map(crate::model::dates::iso_date)
            .unwrap_or_default(),
    );
    let networks = RwSignal::new(initial.networks.clone());
    let error = RwSignal::new(None::<String>);

    let field = move |suffix: &str| format!("{id_prefix}-{suffix}");
    let (name_id, company_id, owner_id, start_id, error_id) = (
        field("name"),
        field("company"),
        field("owner"),
        field("start"),
        field("error"),
    );
    let networks_prefix = field("network");

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name_value = name.get_untracked();
        let company_value = company.get_untracked();
        if name_value.trim().is_empty() && company_value.trim().is_empty() {
            error.set(Some("Give the programme a name or a company name.".into()));
            return;
        }
        let start_value = start.get_untracked();
        let start_date = if start_value.trim().is_empty() {
            None
        } else {
            match crate::model::dates::parse_iso_date(&start_value) {
                Some(date) => Some(date),
                None => {
                    error.set(Some("The start date is not a valid date.".into()));
                    return;
                }
            }
        };
        error.set(None);
        let mut chosen = networks.get_untracked();
        chosen.sort();
        on_submit.run(ProgrammeFormValues {
            name: name_value,
            company: company_value,
            owner: owner.get_untracked(),
            start_date,
            networks: chosen,
        });
    };

    let text_input =
        move |id: String, label: &'static str, value: RwSignal<String>, hint: &'static str| {
            view! {
                <div class="field">
                    <label for=id.clone()>{label}</label>
                    <input
                        id=id
                        type="text"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))
                        placeholder=hint
                    />
                </div>
            }
        };

    view! {
        <form class="programme-form" on:submit=submit novalidate>
            {text_input(name_id, "Programme name", name, "e.g. Executive social programme 2027")}
            {text_input(company_id, "Company", company, "e.g. Northwind Analytics")}
            {text_input(owner_id, "Owner", owner, "Who runs the programme")}
            <div class="field">
                <label for=start_id.clone()>"Start date"</label>
                <input
                    id=start_id
                    type="date"
                    prop:value=move || start.get()
                    on:input=move |ev| start.set(event_target_value(&ev))
                />
            </div>
            <fieldset class="field networks">
                <legend>"Networks in use"</legend>
                {Network::ALL
                    .into_iter()
                    .map(|network| {
                        let id = format!("{networks_prefix}-{}", network.key());
                        view! {
                            <div class="check">
                                <input
                                    id=id.clone()
                                    type="checkbox"
                                    prop:checked=move || networks.with(|n| n.contains(&network))
                                    on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        networks.update(|n| {
                                            n.retain(|x| *x != network);
                                            if checked {
                                                n.push(network);
                                            }
                                        });
                                    }
                                />
                                <label for=id>{network.label()}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" id=error_id.clone()>{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" on:click=move |_| cancel.run(())>"Cancel"</button>
                })}
            </div>
        </form>
    }
}
