//! Share adapter: the Web Share API (`navigator.share`, with a file where
//! `navigator.canShare` accepts one) and the clipboard
//! (`navigator.clipboard.writeText`). Both are feature-detected; callers
//! show their buttons only where they work and always offer a download or
//! selectable text besides.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

fn method(target: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// The share data for a text file.
fn file_data(name: &str, mime: &str, text: &str, title: &str) -> Option<JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::FilePropertyBag::new();
    opts.set_type(mime);
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &opts).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
    Some(data.into())
}

/// Whether this browser can share a file of this kind (phones, mostly).
pub fn can_share_file(mime: &str) -> bool {
    let Some(nav) = navigator() else { return false };
    let (Some(_), Some(can)) = (method(&nav, "share"), method(&nav, "canShare")) else {
        return false;
    };
    file_data("x.json", mime, "{}", "")
        .and_then(|d| can.call1(&nav, &d).ok())
        .is_some_and(|v| v.as_bool() == Some(true))
}

/// Whether this browser can share a link.
pub fn can_share_url() -> bool {
    navigator().is_some_and(|nav| method(&nav, "share").is_some())
}

/// Why sharing did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    NotSupported,
    /// The user closed the share sheet.
    Cancelled,
    Failed(String),
}

async fn share(data: JsValue) -> Result<(), ShareError> {
    let nav = navigator().ok_or(ShareError::NotSupported)?;
    let share = method(&nav, "share").ok_or(ShareError::NotSupported)?;
    let promise: js_sys::Promise = share
        .call1(&nav, &data)
        .map_err(|e| ShareError::Failed(format!("{e:?}")))?
        .dyn_into()
        .map_err(|_| ShareError::NotSupported)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        match name.as_deref() {
            Some("AbortError") => ShareError::Cancelled,
            _ => ShareError::Failed(format!("{e:?}")),
        }
    })
}

/// Opens the share sheet with a text file.
pub async fn share_file(name: &str, mime: &str, text: &str, title: &str) -> Result<(), ShareError> {
    share(file_data(name, mime, text, title).ok_or(ShareError::NotSupported)?).await
}

/// Opens the share sheet with a link.
pub async fn share_url(url: &str, title: &str) -> Result<(), ShareError> {
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"url".into(), &url.into())
        .map_err(|_| ShareError::NotSupported)?;
    js_sys::Reflect::set(&data, &"title".into(), &title.into())
        .map_err(|_| ShareError::NotSupported)?;
    share(data.into()).await
}

/// Copies text to the clipboard; `false` where the clipboard is missing or
/// refused (the caller then asks the user to copy by hand).
pub async fn copy_text(text: &str) -> bool {
    let Some(nav) = navigator() else { return false };
    let Ok(clipboard) = js_sys::Reflect::get(&nav, &"clipboard".into()) else {
        return false;
    };
    let Some(write) = method(&clipboard, "writeText") else {
        return false;
    };
    let Ok(p) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    match p.dyn_into::<js_sys::Promise>() {
        Ok(p) => JsFuture::from(p).await.is_ok(),
        Err(_) => false,
    }
}
