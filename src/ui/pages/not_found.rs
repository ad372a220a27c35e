use crate::ui::href;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="panel">
            <h1>"Page not found"</h1>
            <p>"There is no page at this address. Your data is unaffected."</p>
            <p><A href=href("/")>"Go to the dashboard"</A></p>
        </section>
    }
}
