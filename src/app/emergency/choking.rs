//! `/emergency/choking`: the choking coach. It asks whether the cough
//! works, then shows the action now (5 back blows, then 5 abdominal or
//! chest thrusts, as the person and the profile need), how to do it, one
//! big button to the other half of the cycle when the five have not
//! worked (one tap per half: the helper's hands are on the person, not
//! on the phone, between blows), the cycle repeating, and — if the person
//! stops responding — one tap into CPR (a door for an adult and one for a
//! child: their CPR differs).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::cpr::{CprDoors, WhoPicker};
use super::lines::{spoken_text, SaidList, SourcesLayer};
use super::voice::{Voice, VoiceToggle};
use super::EmergencyFrame;
use crate::adapters::platform;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::coach::choking;
use crate::coach::{Spoken, Who};

/// Where the helper is in the cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Progress {
    /// 0: the blows; 1: the thrusts.
    half: usize,
    /// From 1.
    round: u32,
    /// When "next" last moved it (ms since the epoch).
    moved_ms: Option<i64>,
}

const START: Progress = Progress {
    half: 0,
    round: 1,
    moved_ms: None,
};

/// Taps on "next" closer together than this count once (ms).
const SAME_TAP_MS: i64 = 1000;

#[component]
pub fn ChokingPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let query = use_query_map();
    let who = RwSignal::new(
        query
            .with_untracked(|q| q.get("who").and_then(|w| Who::from_slug(&w)))
            .filter(|w| *w != Who::Child)
            .unwrap_or(Who::Adult),
    );
    let script = Memo::new(move |_| choking::script(state.settings.get().profile, who.get()));
    let at = RwSignal::new(START);
    let out = RwSignal::new(false);
    let voice = Voice::for_page();
    // A new person starts the cycle again, and says its first action.
    Effect::new(move |_| {
        let first = script.get().cycle[0].action;
        at.set(START);
        out.set(false);
        voice.say(first.spoken());
    });
    // The five of this half have not worked: on to the other half. A
    // second tap within a second is the same tap (a bounce, or a double
    // tap): five blows take longer, and skipping the thrusts must not
    // happen by accident.
    let next = move |_| {
        let now = platform::now_ms();
        let mut p = at.get_untracked();
        if p.moved_ms.is_some_and(|t| now - t < SAME_TAP_MS) {
            return;
        }
        let s = script.get_untracked();
        p.moved_ms = Some(now);
        p.half = 1 - p.half;
        if p.half == 0 {
            p.round += 1;
        }
        // A round of blows and thrusts has not worked: the call now
        // (ERC's moment for it; for the others a reminder), then the
        // back blows again.
        voice.say(if p.round == 2 && p.half == 0 {
            Spoken::CallNow
        } else {
            s.cycle[p.half].action.spoken()
        });
        at.set(p);
    };
    let all = Signal::derive(move || {
        let s = script.get();
        let how = s.cycle.iter().flat_map(|c| c.how.clone());
        s.first
            .iter()
            .copied()
            .chain(how)
            .chain(s.collapse)
            .chain(s.after)
            .collect()
    });
    let title = Signal::derive(move || t_string!(i18n, coach.need_choking).to_owned());
    // "Adult or child": a door for each, so a child gets a child's CPR.
    let to_cpr = Signal::derive(move || match who.get() {
        Who::Baby => vec![Who::Baby],
        Who::Large => vec![Who::Large],
        _ => vec![Who::Adult, Who::Child],
    });
    view! {
        <EmergencyFrame title=title back=true>
            <WhoPicker who=who choices=&[Who::Adult, Who::Baby, Who::Large] />
            <SaidList lines=Signal::derive(move || script.get().first) class="emergency-steps" />
            // Once it came out, the cycle steps aside (its "Still choking?
            // Next" said the opposite of "Well done"); a second tap on "It
            // came out" brings it back.
            <section class="coach-now" aria-labelledby="coach-now" data-testid="choking-now" hidden=move || out.get()>
                <p class="coach-round">{move || crate::app::fill(t_string!(i18n, coach.rounds), &[("n", &at.get().round)])}</p>
                // The other half's action, unseen, in the same place: the
                // heading is as tall as the taller of the two, so a change
                // of half never moves the button below it.
                <h2 id="coach-now" class="coach-action">
                    <span data-testid="choking-action" aria-live="polite">
                        {move || spoken_text(i18n, script.get().cycle[at.get().half].action.spoken())}
                    </span>
                    <span class="coach-action-other" aria-hidden="true">
                        {move || spoken_text(i18n, script.get().cycle[1 - at.get().half].action.spoken())}
                    </span>
                </h2>
                // The next half, named on the button: the same two lines
                // whichever half it names, so it stays under the finger.
                <button type="button" class="coach-tap" data-testid="choking-next" on:click=next>
                    <span>{t!(i18n, coach.still_choking_next)}</span>
                    <strong data-testid="choking-next-action">
                        {move || spoken_text(i18n, script.get().cycle[1 - at.get().half].action.spoken())}
                    </strong>
                </button>
                // From the second round on: has help been called? Below
                // the button, which must not move under the finger.
                {move || (at.get().round >= 2).then(|| view! {
                    <p class="coach-call-again" data-testid="choking-call-again">
                        {crate::app::fill(t_string!(i18n, coach.call_again), &[("number", &state.call_number())])}
                    </p>
                })}
                // How, below the button: the blows and the thrusts have
                // pictures of different heights, and the button must stay
                // under the finger when one half gives way to the other.
                <SaidList lines=Signal::derive(move || script.get().cycle[at.get().half].how.clone()) class="emergency-steps" />
            </section>
            <div class="emergency-controls">
                <button type="button" class="button" data-testid="came-out" aria-pressed=move || if out.get() { "true" } else { "false" }
                    on:click=move |_| out.update(|o| *o = !*o)>
                    {t!(i18n, coach.came_out)}
                </button>
                <VoiceToggle voice=voice />
            </div>
            <div role="status" class="banner-slot">
                {move || out.get().then(|| view! { <p class="coach-swap">{t!(i18n, coach.came_out_note)}</p> })}
            </div>
            <SaidList lines=Signal::derive(move || script.get().collapse) class="emergency-steps" />
            <CprDoors label=Signal::derive(move || t_string!(i18n, coach.stopped_responding).to_owned())
                people=to_cpr testid="choking-to-cpr" />
            <SaidList lines=Signal::derive(move || script.get().after) class="emergency-steps" />
            <SourcesLayer lines=all />
        </EmergencyFrame>
    }
}
