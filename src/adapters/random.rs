//! Random numbers from the browser's CSPRNG (`crypto.getRandomValues`),
//! feature-detected: where it is missing (very old browsers), `Math.random`
//! and the clock are mixed instead — good enough for exam seeds, which need
//! to differ, not to be secret. Signing keys take [`key_seed`], which has
//! no such fallback.

use wasm_bindgen::JsCast;

/// 64 random bits.
pub fn u64() -> u64 {
    let mut bytes = [0u8; 8];
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Crypto>().ok());
    if let Some(c) = crypto {
        if c.get_random_values_with_u8_array(&mut bytes).is_ok() {
            return u64::from_le_bytes(bytes);
        }
    }
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (a << 32 | b) ^ (js_sys::Date::now() as u64)
}

/// 32 bytes from the CSPRNG for a signing key; `None` where the browser has
/// no `crypto.getRandomValues` (a key must never come from `Math.random`).
pub fn key_seed() -> Option<[u8; 32]> {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()?
        .dyn_into::<web_sys::Crypto>()
        .ok()?;
    let mut seed = [0u8; 32];
    crypto.get_random_values_with_u8_array(&mut seed).ok()?;
    // All zeros would mean the call silently did nothing.
    (seed != [0; 32]).then_some(seed)
}
