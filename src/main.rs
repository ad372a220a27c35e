//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    exec_social_playbook::platform::mark("esp:start");
    leptos::mount::mount_to_body(exec_social_playbook::App);
    exec_social_playbook::platform::mark("esp:mounted");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Exec Social Playbook runs in the browser: use `make serve`.");
}
