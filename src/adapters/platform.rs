//! Small facts about the browser and the document root.

/// `navigator.languages`, most preferred first (falls back to `navigator.language`).
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The device's IANA time zone (`Asia/Hong_Kong`), if the browser says:
/// `Temporal.Now.timeZoneId()` where the browser has Temporal (under a
/// millisecond), else `Intl.DateTimeFormat`'s, whose first formatter loads
/// the locale data (12 to 30 ms on a desktop, in the app's first task).
pub fn time_zone() -> Option<String> {
    temporal_time_zone()
        .ok()
        .or_else(|| {
            let options =
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                    .resolved_options();
            js_sys::Reflect::get(&options, &"timeZone".into())
                .ok()?
                .as_string()
        })
        .filter(|z| !z.is_empty())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Temporal.Now.timeZoneId()`; an error where the browser has no
    /// Temporal (the glue names it only when called).
    #[wasm_bindgen(catch, js_namespace = ["Temporal", "Now"], js_name = timeZoneId)]
    fn temporal_time_zone() -> Result<String, wasm_bindgen::JsValue>;
}

/// Where the device probably is, from its language tags and time zone
/// ([`crate::region::guess`]).
pub fn region_guess() -> crate::region::RegionId {
    crate::region::guess(&preferred_languages(), time_zone().as_deref())
}

/// Sets an attribute on `<html>` (language, theme, text size).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

/// Marks a moment on the page's performance timeline (`performance.mark`),
/// for the tests and benchmarks that time the app.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Reads an attribute of `<html>` and removes it (a message left for the
/// app once, like first-paint.js's tapped button).
pub fn take_root_attribute(name: &str) -> Option<String> {
    let root = web_sys::window()?.document()?.document_element()?;
    let value = root.get_attribute(name)?;
    let _ = root.remove_attribute(name);
    Some(value)
}

/// Reads an attribute of `<html>`.
pub fn root_attribute(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .document_element()?
        .get_attribute(name)
}

/// The current time as an ISO 8601 UTC string (`2026-11-29T03:00:00.000Z`).
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The current time in milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// An ISO 8601 time as local date and time in a language
/// (`toLocaleString`), or the text itself when it is not a time. English
/// is written as the learner's own English (`Lang::date_tag`).
pub fn local_date_time(iso: &str, lang_tag: &str) -> String {
    let d = js_sys::Date::new(&iso.into());
    if d.get_time().is_nan() {
        return iso.to_owned();
    }
    let lang_tag = crate::settings::Lang::from_tag(lang_tag).map_or_else(
        || lang_tag.to_owned(),
        |l| l.date_tag(&preferred_languages()),
    );
    let options = js_sys::Object::new();
    for (k, v) in [
        ("year", "numeric"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    String::from(d.to_locale_string(&lang_tag, &options))
}

/// A time in ms since the epoch as a local date and time in `lang_tag`.
pub fn local_date_time_ms(ms: i64, lang_tag: &str) -> String {
    local_date_time(&crate::time::format_iso(ms), lang_tag)
}

/// How many minutes the phone's local time is ahead of UTC at `ms` (the
/// offset of that moment, summer time included): `480` in Shanghai.
pub fn local_offset_minutes(ms: i64) -> i32 {
    let d = js_sys::Date::new(&(ms as f64).into());
    let west = d.get_timezone_offset();
    if west.is_finite() {
        -(west as i32)
    } else {
        0
    }
}

/// Milliseconds on the page's monotonic clock (`performance.now()`), the
/// clock event time stamps use.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
