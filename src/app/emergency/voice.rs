//! Spoken prompts for the coach: on by default in emergency mode, with a
//! visible toggle; where the phone has no voice for the app's language,
//! nothing is spoken and the page says so once.

use leptos::prelude::*;

use crate::adapters::speech;
use crate::app::emergency::lines::spoken_text;
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::{use_state, AppState};
use crate::coach::Spoken;
use leptos_i18n::I18nContext;

/// Whether to speak, and whether this phone can. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Voice {
    /// The learner's toggle (on by default).
    pub on: RwSignal<bool>,
    /// False where the browser has no speech synthesis or no voice for the
    /// app's language.
    pub available: bool,
    i18n: I18nContext<Locale>,
    state: AppState,
}

impl Voice {
    /// A voice for the current page; speaking stops when the page goes.
    pub fn for_page() -> Voice {
        let state = use_state();
        let lang = state.settings.get_untracked().lang.tag();
        on_cleanup(speech::stop);
        Voice {
            on: RwSignal::new(true),
            available: speech::is_supported() && speech::has_voice(lang) != Some(false),
            i18n: use_i18n(),
            state,
        }
    }

    /// Says a phrase in the app's language, if speaking is on.
    pub fn say(&self, what: Spoken) {
        if !self.available || !self.on.get_untracked() {
            return;
        }
        let lang = self.state.settings.get_untracked().lang.tag();
        speech::speak(spoken_text(self.i18n, what), lang);
    }
}

/// The toggle, and the one note where no voice exists.
///
/// Props: `voice` — the page's [`Voice`].
#[component]
pub fn VoiceToggle(voice: Voice) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button" data-testid="voice-toggle"
            aria-pressed=move || (voice.available && voice.on.get()).to_string()
            disabled=!voice.available
            on:click=move |_| {
                voice.on.update(|o| *o = !*o);
                if !voice.on.get_untracked() {
                    speech::stop();
                }
            }>
            {t!(i18n, coach.speech)}
        </button>
        {(!voice.available).then(|| view! {
            <p class="coach-note" data-testid="no-voice">{t_string!(i18n, coach.no_voice)}</p>
        })}
    }
}
