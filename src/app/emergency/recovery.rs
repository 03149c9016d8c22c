//! `/emergency/recovery`: someone who does not respond but breathes
//! normally — how to turn them onto their side (a baby: held on its side),
//! a spoken reminder to keep checking breathing every minute, and one tap
//! into CPR if breathing stops being normal.

use leptos::prelude::*;

use super::cpr::CprDoors;
use super::lines::{SaidList, SourcesLayer};
use super::voice::{Voice, VoiceToggle};
use super::EmergencyFrame;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::coach::{recovery, Spoken, Who};

/// How often the coach reminds to check breathing (ms): a child at least
/// every minute [E4].
const CHECK_EVERY_MS: u32 = 60_000;

#[component]
pub fn RecoveryPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let baby = RwSignal::new(false);
    let script = Signal::derive(move || recovery::script(state.settings.get().profile, baby.get()));
    let voice = Voice::for_page();
    voice.say(Spoken::KeepChecking);
    let timer = StoredValue::new_local(Some(gloo_timers::callback::Interval::new(
        CHECK_EVERY_MS,
        move || voice.say(Spoken::KeepChecking),
    )));
    on_cleanup(move || {
        let _ = timer.try_set_value(None);
    });
    let title = Signal::derive(move || t_string!(i18n, coach.need_recovery).to_owned());
    view! {
        <EmergencyFrame title=title back=true>
            <div class="emergency-controls">
                <button type="button" class="button" data-testid="recovery-baby"
                    aria-pressed=move || baby.get().to_string()
                    on:click=move |_| baby.update(|b| *b = !*b)>{t!(i18n, coach.baby_toggle)}</button>
                <VoiceToggle voice=voice />
            </div>
            <SaidList lines=script class="emergency-steps emergency-numbered" />
            <CprDoors label=Signal::derive(move || t_string!(i18n, coach.to_cpr).to_owned())
                people=Signal::derive(move || if baby.get() { vec![Who::Baby] } else { vec![Who::Adult, Who::Child] })
                testid="recovery-to-cpr" />
            <SourcesLayer lines=script />
        </EmergencyFrame>
    }
}
