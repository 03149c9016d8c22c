//! Files adapter: save text as a download, read a chosen file as text.

use wasm_bindgen::JsCast;

/// Offers `text` as a file download named `name`.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let blob = gloo_file::Blob::new_with_options(text, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).map_err(|e| format!("{e:?}"))?;
    a.click();
    a.remove();
    // `url` is revoked when dropped; the click has started the download by then.
    Ok(())
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Larger than the caller's limit (bytes): not read at all.
    TooLarge(u64),
    /// The browser could not read it.
    Failed(String),
}

/// Reads the first file chosen in a file input as text, refusing files over
/// `max_bytes` before reading them. `None` when no file is chosen.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: u64,
) -> Option<Result<String, ReadError>> {
    let file = gloo_file::File::from(input.files()?.get(0)?);
    if file.size() > max_bytes {
        return Some(Err(ReadError::TooLarge(file.size())));
    }
    Some(
        gloo_file::futures::read_as_text(&file)
            .await
            .map_err(|e| ReadError::Failed(e.to_string())),
    )
}
