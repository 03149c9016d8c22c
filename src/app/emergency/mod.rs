//! Emergency mode (`/emergency`, one tap from every page): full-screen,
//! high-contrast help for what a lay rescuer meets. The call button (the
//! number where the learner is) stays on top; the page opens on three large
//! doors — not breathing normally ([`cpr`]), choking ([`choking`]),
//! breathing but not responding ([`recovery`]) — each one tap. What the
//! coach shows and says comes from the profile's script
//! ([`crate::coach`]); spoken prompts are on by default ([`voice`]).
//! Works offline (part of the app shell) and keeps the screen on.

pub mod choking;
pub mod cpr;
pub mod lines;
pub mod recovery;
pub mod voice;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::wake_lock::ScreenAwake;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::pages::region::{RegionNote, RegionSelect};
use crate::app::state::use_state;
use crate::coach::Need;

pub use choking::ChokingPage;
pub use cpr::CprPage;
pub use recovery::RecoveryPage;

/// The call button, always on top, with "change" beside it until the
/// learner has confirmed where they are.
#[component]
pub fn CallBar() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let number = move || state.call_number();
    let unconfirmed =
        move || state.region_unconfirmed() && state.settings.with(|s| s.emergency_number.is_none());
    view! {
        <div class="emergency-callbar">
            <a class="emergency-call" href=move || format!("tel:{}", number()) data-testid="emergency-call">
                {t!(i18n, emergency.call, number = number)}
            </a>
            // Changed here, not on the settings page: the beat, the round
            // and the page stay as they are, and the new number shows at
            // once (choosing a place confirms it, which closes this).
            <Show when=unconfirmed>
                <details class="emergency-change-box">
                    <summary class="emergency-change" data-testid="call-change">
                        {t!(i18n, coach.call_change)}
                    </summary>
                    <div class="emergency-where">
                        <label for="emergency-region">{t!(i18n, place.pick)}</label>
                        <RegionSelect id="emergency-region" />
                        <RegionNote />
                    </div>
                </details>
            </Show>
        </div>
    }
}

/// The frame of every emergency page: the screen kept on, the call bar,
/// the page, and the way out.
///
/// Props: `title` — the page's heading; `back` — whether to offer the other
/// kinds of help; `children` — the page.
#[component]
pub fn EmergencyFrame(
    title: Signal<String>,
    #[prop(optional)] back: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, emergency.title));
    let _awake = StoredValue::new_local(ScreenAwake::request());
    // Each page opens at its top, its heading just below the call bar
    // (coming from another emergency page, the scroll position must not
    // carry over and leave the heading under the bar).
    let frame = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |_| {
        if let Some(f) = frame.get() {
            f.set_scroll_top(0);
        }
    });
    view! {
        <section class="emergency" aria-labelledby="emergency-title" data-testid="emergency" node_ref=frame>
            <CallBar />
            <h1 id="emergency-title">{move || title.get()}</h1>
            {children()}
            <p class="emergency-leave">
                {back.then(|| view! {
                    <A href="/emergency" attr:class="button" attr:data-testid="emergency-back">{t!(i18n, coach.back)}</A>
                })}
                <A href="/" attr:class="button emergency-exit">{t!(i18n, emergency.exit)}</A>
            </p>
        </section>
    }
}

/// `/emergency`: the three doors.
#[component]
pub fn EmergencyPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, coach.choose).to_owned());
    let door = move |need: Need| {
        let (name, hint) = match need {
            Need::Cpr => (
                t_string!(i18n, coach.need_cpr),
                t_string!(i18n, coach.need_cpr_hint),
            ),
            Need::Choking => (
                t_string!(i18n, coach.need_choking),
                t_string!(i18n, coach.need_choking_hint),
            ),
            Need::Recovery => (
                t_string!(i18n, coach.need_recovery),
                t_string!(i18n, coach.need_recovery_hint),
            ),
        };
        view! {
            <li>
                <A href=format!("/emergency/{}", need.slug())
                    attr:class=format!("emergency-door door-{}", need.slug())
                    attr:data-testid=format!("need-{}", need.slug())>
                    <strong>{name}</strong>
                    <span>{hint}</span>
                </A>
            </li>
        }
    };
    view! {
        <EmergencyFrame title=title>
            <ul class="emergency-doors">{Need::ALL.map(door)}</ul>
            <p class="emergency-speaker">{t!(i18n, emergency.speaker)}</p>
        </EmergencyFrame>
    }
}
