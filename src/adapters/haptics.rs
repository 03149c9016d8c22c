//! Haptics adapter: a short vibration with each beat where the device can
//! (`navigator.vibrate`; phones only, and not in every browser).

/// Whether the browser offers vibration.
pub fn is_supported() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"vibrate".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Vibrates for `ms` milliseconds (ignored where unsupported or refused).
pub fn pulse(ms: u32) {
    if is_supported() {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().vibrate_with_duration(ms);
        }
    }
}
