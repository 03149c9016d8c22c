//! Emergency mode (`/emergency`, one tap from every page): a full-screen,
//! high-contrast coach. It helps before it asks anything: the beat starts at
//! once (compressions only, what every guideline asks of a lay rescuer), the
//! call button shows the number to call, and the next steps — the AED's
//! included — are listed with their sources. Works offline (it is part of
//! the app shell) and keeps the screen on.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::wake_lock::ScreenAwake;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::pages::profile_name;
use crate::app::state::use_state;
use crate::app::trainer::beat::Beat;
use crate::trainer::coach::{citation, Step};
use crate::trainer::metronome::{Cue, Mode, DEFAULT_BPM, DEFAULT_PAUSE_S};

#[component]
pub fn EmergencyPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, emergency.title));
    let state = use_state();
    let number = move || state.settings.get().emergency_number().to_owned();
    let profile = move || state.settings.get().profile;
    let thirty_two = RwSignal::new(false);
    let muted = RwSignal::new(false);
    let cue = RwSignal::new(None::<Cue>);
    let beats = RwSignal::new(0u64);
    let held = RwSignal::new(false);
    let has_sound = RwSignal::new(true);
    let beat = StoredValue::new_local(None::<Beat>);
    let _awake = StoredValue::new_local(ScreenAwake::request());

    // (Re)start the beat whenever the rhythm changes. Sound off only mutes
    // it: the visual beat and the vibration go on.
    Effect::new(move |_| {
        let mode = if thirty_two.get() {
            Mode::ThirtyTwo {
                pause_s: DEFAULT_PAUSE_S,
            }
        } else {
            Mode::Continuous
        };
        beat.set_value(None);
        cue.set(None);
        let b = Beat::start(
            DEFAULT_BPM,
            mode,
            move |c| {
                cue.set(Some(c));
                if matches!(c, Cue::Compression { .. }) {
                    beats.update(|b| *b += 1);
                }
            },
            move |running| {
                let _ = held.try_set(!running);
            },
        );
        b.set_muted(muted.get_untracked());
        has_sound.set(b.has_sound());
        beat.set_value(Some(b));
    });
    Effect::new(move |_| {
        let m = muted.get();
        beat.with_value(|b| {
            if let Some(b) = b {
                b.set_muted(m);
            }
        });
    });
    on_cleanup(move || {
        let _ = beat.try_set_value(None);
    });
    let resume = move |_| {
        beat.with_value(|b| {
            if let Some(b) = b {
                b.resume();
            }
        });
    };
    let beat_text = move || match cue.get() {
        Some(Cue::Compression { count }) if thirty_two.get() => count.to_string(),
        Some(Cue::Compression { .. }) => t_string!(i18n, emergency.push_word).to_owned(),
        Some(Cue::Breath { number }) => {
            t_string!(i18n, emergency.breath_n).replace("%n%", &number.to_string())
        }
        None => t_string!(i18n, emergency.push_word).to_owned(),
    };
    // "Red Cross Society of China [C2]", or for a step its guideline is not
    // verified for: "Red Cross Society of China: not verified; follows [A1, E1]".
    let src = move |step: Step| {
        let p = profile();
        let c = citation(step, p);
        let keys = c.keys.join(", ");
        if c.verified {
            format!("{} [{keys}]", profile_name(i18n, p))
        } else {
            t_string!(i18n, emergency.follows)
                .replace("%profile%", profile_name(i18n, p))
                .replace("%keys%", &keys)
        }
    };
    view! {
        <section class="emergency" aria-labelledby="emergency-title" data-testid="emergency">
            <h1 id="emergency-title">{t!(i18n, emergency.title)}</h1>
            <p class="emergency-who">{t!(i18n, emergency.who)}</p>
            <a class="emergency-call" href=move || format!("tel:{}", number()) data-testid="emergency-call">
                {t!(i18n, emergency.call, number = number)}
            </a>
            <p class="emergency-speaker">{t!(i18n, emergency.speaker)}</p>
            <div role="status" class="banner-slot">
                <Show when=move || held.get()>
                    <button type="button" class="button emergency-sound" on:click=resume>
                        {t!(i18n, emergency.start_sound)}
                    </button>
                </Show>
            </div>
            <div class="emergency-beat" class:odd=move || beats.get() % 2 == 1
                class:breath=move || matches!(cue.get(), Some(Cue::Breath { .. }))
                aria-hidden="true" data-testid="emergency-beat">
                {beat_text}
            </div>
            <div class="emergency-controls" role="group" aria-label=move || t_string!(i18n, emergency.rhythm)>
                <button type="button" class="button" aria-pressed=move || (!thirty_two.get()).to_string()
                    on:click=move |_| thirty_two.set(false)>{t!(i18n, emergency.hands_only)}</button>
                <button type="button" class="button" aria-pressed=move || thirty_two.get().to_string()
                    on:click=move |_| thirty_two.set(true)>{t!(i18n, emergency.thirty_two)}</button>
                <button type="button" class="button" aria-pressed=move || (!muted.get()).to_string()
                    disabled=move || !has_sound.get() data-testid="emergency-sound-toggle"
                    on:click=move |_| muted.update(|m| *m = !*m)>{t!(i18n, emergency.sound)}</button>
            </div>
            <ol class="emergency-steps">
                <li>
                    <p>{t!(i18n, emergency.step_recognise)}</p>
                    <p class="cite">{move || src(Step::Recognise)}</p>
                </li>
                <li>
                    <p>{t!(i18n, emergency.step_call, number = number)}</p>
                    <p class="cite">{move || src(Step::Call)}</p>
                </li>
                <li>
                    <p><strong>{t!(i18n, emergency.adult)}</strong>" "{t!(i18n, emergency.step_push)}</p>
                    <p class="cite">{move || src(Step::Push)}</p>
                    <p>{t!(i18n, emergency.step_child)}</p>
                    <p class="cite">{move || src(Step::Child)}</p>
                    <p>{move || if thirty_two.get() {
                        t_string!(i18n, emergency.step_breaths)
                    } else {
                        t_string!(i18n, emergency.step_hands_only)
                    }}</p>
                    <p class="cite">{move || src(Step::Breaths)}</p>
                </li>
                <li>
                    <p>{t!(i18n, emergency.step_aed)}</p>
                    <ol class="aed-steps">
                        <li>{t!(i18n, emergency.aed_on)}</li>
                        <li>{t!(i18n, emergency.aed_pads)}</li>
                        <li>{t!(i18n, emergency.aed_clear)}</li>
                        <li>{t!(i18n, emergency.aed_restart)}</li>
                    </ol>
                    <p class="cite">{move || src(Step::Aed)}</p>
                </li>
            </ol>
            <p class="emergency-leave">
                <A href="/" attr:class="button emergency-exit">{t!(i18n, emergency.exit)}</A>
            </p>
        </section>
    }
}
