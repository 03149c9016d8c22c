//! `/emergency/cpr`: the CPR coach. The beat starts at once, even opened
//! from a link (by the page's clock until the browser lets sound play, with
//! a large "tap for sound" meanwhile) — but for ERC's child or baby, whose
//! CPR starts with 5 breaths, it waits for "breaths given: start pushing"
//! (or "pushes only"). The script follows the profile's
//! order and the person (adult, child, baby: `?who=`); 30:2 or compressions
//! only; a prompt to swap every two minutes; spoken prompts in the breath
//! pauses (30:2) or every half minute (compressions only), never over the
//! count.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::lines::{SaidList, SourcesLayer};
use super::voice::{Voice, VoiceToggle};
use super::EmergencyFrame;
use crate::adapters::platform;
use crate::app::focus::focus_id_later;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::app::trainer::beat::Beat;
use crate::coach::{cpr, Line, Spoken, Who, PUSH_REMINDER_S, SWAP_EVERY_S};
use crate::trainer::metronome::{Cue, Mode, DEFAULT_BPM, DEFAULT_PAUSE_S};

/// What the beat shows and whether its sound is held.
#[derive(Clone, Copy)]
struct BeatState {
    thirty_two: RwSignal<bool>,
    /// The rescuer chose the rhythm: changing the person keeps it.
    rhythm_chosen: RwSignal<bool>,
    muted: RwSignal<bool>,
    cue: RwSignal<Option<Cue>>,
    beats: RwSignal<u64>,
    held: RwSignal<bool>,
    has_sound: RwSignal<bool>,
    /// Shown for a while after each two minutes.
    swap: RwSignal<bool>,
    /// ERC, a child or a baby: the beat waits while the rescuer gives the
    /// first 5 breaths.
    breaths_first: RwSignal<bool>,
}

impl BeatState {
    /// The rescuer's choice of rhythm: 30:2 or compressions only.
    fn choose(self, thirty_two: bool) {
        self.rhythm_chosen.set(true);
        if self.thirty_two.get_untracked() != thirty_two {
            self.thirty_two.set(thirty_two);
        }
        // Pushes only: no breaths to wait for.
        if !thirty_two && self.breaths_first.get_untracked() {
            self.breaths_first.set(false);
        }
    }

    /// Whether the beat should wait for the first 5 breaths: the script
    /// starts with them and the rescuer has not chosen pushes only.
    fn waits(self, script: &cpr::Script) -> bool {
        let pushes_only = self.rhythm_chosen.get_untracked() && !self.thirty_two.get_untracked();
        !pushes_only
            && script
                .hands
                .first()
                .is_some_and(|s| s.line == Line::FiveBreathsFirst)
    }
}

#[component]
pub fn CprPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let query = use_query_map();
    let who = RwSignal::new(
        query
            .with_untracked(|q| q.get("who").and_then(|w| Who::from_slug(&w)))
            .filter(|w| *w != Who::Large)
            .unwrap_or(Who::Adult),
    );
    let script = Memo::new(move |_| cpr::script(state.settings.get().profile, who.get()));
    let b = BeatState {
        thirty_two: RwSignal::new(cpr::young(who.get_untracked())),
        rhythm_chosen: RwSignal::new(false),
        muted: RwSignal::new(false),
        cue: RwSignal::new(None),
        beats: RwSignal::new(0),
        held: RwSignal::new(false),
        has_sound: RwSignal::new(true),
        swap: RwSignal::new(false),
        breaths_first: RwSignal::new(false),
    };
    b.breaths_first.set(script.with_untracked(|s| b.waits(s)));
    // A child's or a baby's CPR has breaths in every guideline: their
    // rhythm starts on 30:2 (compressions only stays a tap away); an
    // adult's on compressions only, as every lay rescuer can — unless
    // the rescuer chose a rhythm (a trained rescuer's 30:2 stays when
    // they change the person). Set only when it changes: a set restarts
    // the beat.
    Effect::new(move |prev: Option<Who>| {
        let w = who.get();
        let young = cpr::young(w);
        if !b.rhythm_chosen.get_untracked() && b.thirty_two.get_untracked() != young {
            b.thirty_two.set(young);
        }
        // Another person (ERC's child or baby) waits for their 5 breaths
        // again; the same person tapped again, or a profile changed in
        // another tab, never stops a running beat (it may end a wait).
        let waits = script.with(|s| b.waits(s));
        let other = prev.is_some_and(|p| p != w);
        if b.breaths_first.get_untracked() != waits && (other || !waits) {
            b.breaths_first.set(waits);
        }
        w
    });
    let voice = Voice::for_page();
    run_beat(b, voice);
    let all = Signal::derive(move || {
        let s = script.get();
        [
            s.before,
            s.hands,
            s.thirty_two,
            s.hands_only,
            s.aed,
            s.keep_going,
        ]
        .concat()
    });
    let title = Signal::derive(move || t_string!(i18n, coach.need_cpr).to_owned());
    view! {
        <EmergencyFrame title=title back=true>
            <BeatPanel b=b voice=voice />
            <WhoPicker who=who choices=&[Who::Adult, Who::Child, Who::Baby] />
            <h2>{t!(i18n, coach.before)}</h2>
            <SaidList lines=Signal::derive(move || script.get().before) class="emergency-steps" />
            <h2>{t!(i18n, coach.hands)}</h2>
            <SaidList lines=Signal::derive(move || script.get().hands) class="emergency-steps" />
            <SaidList class="emergency-steps" lines=Signal::derive(move || {
                let s = script.get();
                if b.thirty_two.get() { s.thirty_two } else { s.hands_only }
            }) />
            <h2>{t!(i18n, coach.aed)}</h2>
            <SaidList lines=Signal::derive(move || script.get().aed) class="emergency-steps" />
            <h2>{t!(i18n, coach.keep_going)}</h2>
            <SaidList lines=Signal::derive(move || script.get().keep_going) class="emergency-steps" />
            <SourcesLayer lines=all />
        </EmergencyFrame>
    }
}

/// Starts the beat (again whenever the rhythm changes), counts the two
/// minutes and speaks; everything stops when the page goes.
fn run_beat(b: BeatState, voice: Voice) {
    let beat = StoredValue::new_local(None::<Beat>);
    Effect::new(move |_| {
        let thirty_two = b.thirty_two.get();
        if b.breaths_first.get() {
            beat.set_value(None);
            b.cue.set(None);
            b.beats.set(0);
            b.held.set(false);
            b.swap.set(false);
            // Untracked: the words' language is not a reason to restart.
            untrack(|| voice.say(Spoken::FiveBreaths));
            return;
        }
        let mode = if thirty_two {
            Mode::ThirtyTwo {
                pause_s: DEFAULT_PAUSE_S,
            }
        } else {
            Mode::Continuous
        };
        beat.set_value(None);
        b.cue.set(None);
        let started = platform::monotonic_ms();
        // The last half minute reminded and the last two minutes prompted.
        let last = std::cell::Cell::new((0u32, 0u32));
        let pending_swap = std::cell::Cell::new(false);
        let on_cue = move |c: Cue| {
            b.cue.set(Some(c));
            let elapsed_s = ((platform::monotonic_ms() - started) / 1000.0) as u32;
            let (mut reminded, mut swapped) = last.get();
            if elapsed_s / SWAP_EVERY_S > swapped {
                swapped = elapsed_s / SWAP_EVERY_S;
                b.swap.set(true);
                pending_swap.set(true);
            } else if elapsed_s % SWAP_EVERY_S > 15 {
                b.swap.set(false);
            }
            match c {
                Cue::Compression { .. } => {
                    b.beats.update(|n| *n += 1);
                    // Compressions only: speak between the clicks' count.
                    if !thirty_two && pending_swap.replace(false) {
                        voice.say(Spoken::Swap);
                    } else if !thirty_two && elapsed_s / PUSH_REMINDER_S > reminded {
                        reminded = elapsed_s / PUSH_REMINDER_S;
                        voice.say(Spoken::Push);
                    }
                }
                // 30:2: speak only in the breath pause.
                Cue::Breath { number: 1 } => {
                    if pending_swap.replace(false) {
                        voice.say(Spoken::Swap);
                    } else {
                        voice.say(Spoken::Breaths);
                    }
                }
                Cue::Breath { .. } => {}
            }
            last.set((reminded, swapped));
        };
        let held = b.held;
        let started_beat = Beat::start(DEFAULT_BPM, mode, on_cue, move |running| {
            let _ = held.try_set(!running);
        });
        started_beat.set_muted(b.muted.get_untracked());
        b.has_sound.set(started_beat.has_sound());
        beat.set_value(Some(started_beat));
        if !thirty_two {
            untrack(|| voice.say(Spoken::Push));
        }
    });
    Effect::new(move |_| {
        let m = b.muted.get();
        beat.with_value(|x| {
            if let Some(x) = x {
                x.set_muted(m);
            }
        });
    });
    on_cleanup(move || {
        let _ = beat.try_set_value(None);
    });
    // A tap anywhere on "tap for sound" resumes the held sound.
    provide_context(beat);
}

/// The beat circle, "tap for sound", the swap prompt and the controls.
///
/// Props: `b` — the beat's state; `voice` — the page's spoken prompts.
#[component]
fn BeatPanel(b: BeatState, voice: Voice) -> impl IntoView {
    let i18n = use_i18n();
    let beat = use_context::<StoredValue<Option<Beat>, LocalStorage>>().expect("run_beat");
    let resume = move |_| {
        beat.with_value(|x| {
            if let Some(x) = x {
                x.resume();
            }
        });
        voice.say(Spoken::Push);
    };
    let beat_text = move || match b.cue.get() {
        Some(Cue::Compression { count }) if b.thirty_two.get() => count.to_string(),
        Some(Cue::Breath { number }) => {
            t_string!(i18n, emergency.breath_n).replace("%n%", &number.to_string())
        }
        _ if b.breaths_first.get() => t_string!(i18n, emergency.five_breaths).to_owned(),
        _ => t_string!(i18n, emergency.push_word).to_owned(),
    };
    view! {
        <div role="status" class="banner-slot">
            <Show when=move || b.held.get()>
                <button type="button" class="button emergency-sound" data-testid="tap-for-sound" on:click=resume>
                    {t!(i18n, coach.tap_for_sound)}
                </button>
            </Show>
        </div>
        <div class="emergency-beat" class:odd=move || b.beats.get() % 2 == 1
            class:breath=move || b.breaths_first.get() || matches!(b.cue.get(), Some(Cue::Breath { .. }))
            aria-hidden="true" data-testid="emergency-beat">
            {beat_text}
        </div>
        <div role="status" class="banner-slot">
            <Show when=move || b.swap.get()>
                <p class="coach-swap" data-testid="swap-prompt">{t!(i18n, coach.swap_now)}</p>
            </Show>
            // ERC: a child's or a baby's CPR starts with 5 breaths, said
            // here under the beat (the line in the hands' list is screens
            // below at large text).
            {move || b.breaths_first.get().then(|| view! {
                <p class="coach-swap" data-testid="breaths-first">{t!(i18n, coach.five_breaths_first)}</p>
            })}
        </div>
        // The tap that ends them starts the beat (and, a tap being what a
        // browser waits for, its sound); focus goes on to the rhythm.
        {move || b.breaths_first.get().then(|| view! {
            <button type="button" class="button emergency-sound" data-testid="breaths-done"
                on:click=move |_| {
                    b.breaths_first.set(false);
                    focus_id_later("rhythm-thirty-two");
                }>{t!(i18n, coach.breaths_done)}</button>
        })}
        // Two rows: the rhythm's two choices, then the sound's switches
        // (side by side, "Sound" read as a third rhythm).
        <div class="emergency-controls" role="group" aria-label=move || t_string!(i18n, emergency.rhythm)>
            <div class="control-row">
                <button type="button" class="button" aria-pressed=move || (!b.thirty_two.get()).to_string()
                    on:click=move |_| b.choose(false)>{t!(i18n, emergency.hands_only)}</button>
                <button type="button" class="button" id="rhythm-thirty-two" aria-pressed=move || b.thirty_two.get().to_string()
                    on:click=move |_| b.choose(true)>{t!(i18n, emergency.thirty_two)}</button>
            </div>
            <div class="control-row">
                <button type="button" class="button" aria-pressed=move || (!b.muted.get()).to_string()
                    disabled=move || !b.has_sound.get() data-testid="emergency-sound-toggle"
                    on:click=move |_| b.muted.update(|m| *m = !*m)>{t!(i18n, emergency.sound)}</button>
                <VoiceToggle voice=voice />
            </div>
        </div>
    }
}

/// Who needs help: large buttons, one pressed.
///
/// Props: `who` — the choice; `choices` — the people offered.
#[component]
pub fn WhoPicker(who: RwSignal<Who>, choices: &'static [Who]) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |w: Who| match w {
        // Without a child to choose, "adult" stands for anyone over 1.
        Who::Adult if !choices.contains(&Who::Child) => t_string!(i18n, coach.who_over_one),
        w => who_name(i18n, w),
    };
    view! {
        <div class="emergency-who-picker" role="group" aria-label=move || t_string!(i18n, coach.who)>
            {choices.iter().map(|&w| view! {
                <button type="button" class="button" data-testid=format!("who-{}", w.slug())
                    aria-pressed=move || (who.get() == w).to_string()
                    on:click=move |_| who.set(w)>{move || label(w)}</button>
            }).collect_view()}
        </div>
    }
}

/// The way into the CPR coach from another emergency page: a door per
/// person the rescuer may have in front of them, so that a child's rescuer
/// lands on a child's CPR (its depth, one hand or two, its breaths), not
/// an adult's by default.
///
/// Props: `label` — what each door says ("Stopped responding: start CPR");
/// `people` — one door each, named when there is more than one; `testid`
/// — the doors' test id, followed by `-` and the person (`-child`).
#[component]
pub fn CprDoors(
    label: Signal<String>,
    people: Signal<Vec<Who>>,
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let people = people.get();
        let named = people.len() > 1;
        people
            .into_iter()
            .map(|w| {
                let who = if w == Who::Large { Who::Adult } else { w };
                view! {
                    <A href=format!("/emergency/cpr?who={}", who.slug())
                        attr:class="emergency-door door-cpr"
                        attr:data-testid=format!("{testid}-{}", w.slug())>
                        <strong>{move || label.get()}</strong>
                        {named.then(|| view! { <span class="door-who">{who_name(i18n, who)}</span> })}
                    </A>
                }
            })
            .collect_view()
    }
}

/// A person's name in the coach's words ("Adult", "Child", "Baby under 1",
/// "Pregnant or too big").
fn who_name(i18n: leptos_i18n::I18nContext<crate::app::i18n::Locale>, w: Who) -> &'static str {
    match w {
        Who::Adult => t_string!(i18n, coach.who_adult),
        Who::Child => t_string!(i18n, coach.who_child),
        Who::Baby => t_string!(i18n, coach.who_baby),
        Who::Large => t_string!(i18n, coach.who_large),
    }
}
