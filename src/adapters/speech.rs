//! Speech adapter: reads text aloud with the browser's speech synthesis,
//! in the language asked for, where the browser has it.

use wasm_bindgen::JsCast;

/// The browser's speech synthesis, if any.
fn synth() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    if !js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false) {
        return None;
    }
    window.speech_synthesis().ok()
}

/// Whether read-aloud can be offered at all.
pub fn is_supported() -> bool {
    synth().is_some()
        && web_sys::window()
            .map(|w| js_sys::Reflect::has(&w, &"SpeechSynthesisUtterance".into()).unwrap_or(false))
            .unwrap_or(false)
}

/// Speaks `text` in `lang` (a BCP 47 tag such as `zh-CN`), replacing
/// anything being spoken. Picks a voice of that language where one exists.
pub fn speak(text: &str, lang: &str) {
    let Some(synth) = synth() else { return };
    synth.cancel();
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_lang(lang);
    let primary = lang.split('-').next().unwrap_or(lang).to_ascii_lowercase();
    let voice = synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|v| {
            v.lang()
                .to_ascii_lowercase()
                .replace('_', "-")
                .starts_with(&primary)
        });
    if let Some(v) = voice {
        utterance.set_voice(Some(&v));
    }
    synth.speak(&utterance);
}

/// Whether the phone has a voice for `lang`: `None` while the browser has
/// not listed its voices yet (some load them late), or has none listed.
pub fn has_voice(lang: &str) -> Option<bool> {
    let voices = synth()?.get_voices();
    if voices.length() == 0 {
        return None;
    }
    let primary = lang.split('-').next().unwrap_or(lang).to_ascii_lowercase();
    Some(
        voices
            .iter()
            .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .any(|v| v.lang().to_ascii_lowercase().starts_with(&primary)),
    )
}

/// Stops speaking.
pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}
