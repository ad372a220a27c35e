//! Small browser services the UI needs: the clock, file downloads, reading a chosen file, the
//! clipboard. Each returns a `Result` with words the UI can show.

use crate::model::{timestamp_from_millis, Timestamp};
use wasm_bindgen::JsCast;

/// Now, from the browser's clock.
pub fn now() -> Timestamp {
    timestamp_from_millis(js_sys::Date::now() as i64)
}

pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// Leaves a named mark on the page's performance timeline (`performance.mark`), for the
/// performance script's account of where a load's time goes. Does nothing where marks are missing.
pub fn mark(name: &str) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let _ = performance.mark(name);
}

/// Offers a CSV file for download, with a byte order mark first: without it Excel reads the UTF-8
/// file as a legacy code page ("ChloÃ©").
pub fn download_csv(file_name: &str, text: &str) -> Result<(), String> {
    download_text(
        file_name,
        "text/csv;charset=utf-8",
        &format!("\u{feff}{text}"),
    )
}

/// Offers `text` to the user as a file download.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "The browser could not prepare the file.".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "The browser could not prepare the download.".to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document to download from.")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "The browser could not start the download.".to_string())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    // Revoke after the click has been handled, so the download is not cut short.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// The file chosen in the `<input type="file">` that fired `event`, if any.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    input.files()?.get(0)
}

/// Reads a chosen file as text.
pub async fn read_file_text(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    text.as_string()
        .ok_or_else(|| "The file is not text.".to_string())
}

/// Copies text to the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("No window.")?
        .navigator()
        .clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "The browser did not allow copying; select the text and copy it instead.".to_string()
        })
}

/// Opens the browser's print dialog (the print stylesheet shows only the document on the page).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Moves keyboard focus to the element with this id (which must be focusable, e.g. `tabindex="-1"`).
pub fn focus_by_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Asks the browser to keep this site's storage even under storage pressure.
pub fn request_persistent_storage() {
    if let Some(window) = web_sys::window() {
        if let Ok(storage) = window.navigator().storage().persist() {
            // The answer only matters to the browser; a refusal changes nothing for the app.
            drop(storage);
        }
    }
}
