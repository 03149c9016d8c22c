//! Haptics adapter: a short vibration with each beat where the device can
//! (`navigator.vibrate`; phones only, and not in every browser). Browsers
//! refuse (and log an error for) vibration before the person has tapped the
//! page — the beat now runs at once on a page opened from a link — so it
//! waits for the page's first activation.

use js_sys::Reflect;

/// Whether the browser offers vibration.
pub fn is_supported() -> bool {
    web_sys::window()
        .map(|w| Reflect::has(&w.navigator(), &"vibrate".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Whether the page has been tapped (sticky user activation); where the
/// browser does not say, assume it has.
fn has_been_active(navigator: &web_sys::Navigator) -> bool {
    match Reflect::get(navigator, &"userActivation".into()) {
        Ok(ua) if ua.is_object() => Reflect::get(&ua, &"hasBeenActive".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        _ => true,
    }
}

/// Vibrates for `ms` milliseconds (skipped where unsupported, before the
/// first tap, or refused).
pub fn pulse(ms: u32) {
    if !is_supported() {
        return;
    }
    if let Some(w) = web_sys::window() {
        let navigator = w.navigator();
        if has_been_active(&navigator) {
            let _ = navigator.vibrate_with_duration(ms);
        }
    }
}
