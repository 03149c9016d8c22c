//! The class session on practical-exam day: the roster split into groups
//! (one instructor each) and stations (one manikin and AED each) by
//! `records::stations`, a rotation timer with a swap prompt at the end of
//! each round (a beep, a buzz and a polite announcement), the metronome at
//! the station's rate, and who has been assessed on which checklist; a
//! learner's name opens their practical exam.

use leptos::prelude::*;

use super::practical::who;
use super::{Shown, Verify};
use crate::adapters::audio::LiveMetronome;
use crate::adapters::wake_lock::ScreenAwake;
use crate::adapters::{audio, haptics, platform};
use crate::app::fill;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::records::assess::Outcome;
use crate::records::stations::{self, Rotation, Turn};
use crate::trainer::metronome::Mode;

/// The class session card.
///
/// Props: `verify` — the verifier's shared state.
#[component]
pub(super) fn ClassSession(verify: Verify) -> impl IntoView {
    let i18n = use_i18n();
    let group = RwSignal::new(stations::DEFAULT_GROUP);
    let station = RwSignal::new(stations::DEFAULT_STATION);
    let minutes = RwSignal::new((stations::DEFAULT_ROUND_MS / 60_000) as u32);
    let rotation = RwSignal::new(Rotation::default());
    let now = RwSignal::new(platform::now_ms());
    let swap = RwSignal::new(None::<u64>);
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Interval>);
    let beat = StoredValue::new_local(None::<LiveMetronome>);
    let awake = StoredValue::new_local(None::<ScreenAwake>);
    let beating = RwSignal::new(false);
    let round_ms = move || u64::from(minutes.get().max(1)) * 60_000;
    let turn = move || Turn::at(rotation.get().elapsed_ms(now.get()), round_ms());
    let running = move || rotation.with(|r| r.running_since_ms.is_some());

    // Each tick: the time, and a swap prompt when a new round starts.
    let tick = move || {
        let t = platform::now_ms();
        let before = Turn::at(
            rotation.get_untracked().elapsed_ms(now.get_untracked()),
            round_ms(),
        );
        now.set(t);
        let after = Turn::at(rotation.get_untracked().elapsed_ms(t), round_ms());
        if after.round > before.round {
            swap.set(Some(after.round));
            audio::beep();
            haptics::pulse(400);
        }
    };
    let start = move |_| {
        audio::prime_beep();
        rotation.update(|r| r.start(platform::now_ms()));
        now.set(platform::now_ms());
        timer.set_value(Some(gloo_timers::callback::Interval::new(500, tick)));
        awake.set_value(ScreenAwake::request());
    };
    let pause = move |_| {
        rotation.update(|r| r.pause(platform::now_ms()));
        timer.set_value(None);
        awake.set_value(None);
    };
    let reset = move |_| {
        rotation.set(Rotation::default());
        timer.set_value(None);
        awake.set_value(None);
        swap.set(None);
        now.set(platform::now_ms());
    };
    let toggle_beat = move |_| {
        if beat.with_value(|b| b.is_some()) {
            beat.set_value(None);
            beating.set(false);
        } else if let Ok(m) = LiveMetronome::start(stations::STATION_BPM, Mode::Continuous, |_| {})
        {
            beat.set_value(Some(m));
            beating.set(true);
        }
    };
    on_cleanup(move || {
        timer.set_value(None);
        beat.set_value(None);
        awake.set_value(None);
    });

    let clock = move || {
        let t = turn();
        let s = t.remaining_ms.div_ceil(1000);
        fill(
            t_string!(i18n, session.clock),
            &[
                ("round", &(t.round + 1)),
                ("time", &format!("{}:{:02}", s / 60, s % 60)),
            ],
        )
    };
    let swap_text = move || {
        swap.get()
            .map(|r| fill(t_string!(i18n, session.swap), &[("round", &(r + 1))]))
    };
    // Each group drawn again only when its learners or their rows changed
    // (keyed by language, place and the rows' stamps): a scan redraws the
    // last group, a mark the learner's, not 200 learners.
    let groups = move || {
        let l = verify.lang();
        let rows = verify.rows.get();
        stations::plan(rows.len(), group.get(), station.get())
            .into_iter()
            .enumerate()
            .map(|(gi, g)| {
                let members: Vec<Vec<Shown>> = g
                    .stations
                    .iter()
                    .map(|s| rows[s.clone()].to_vec())
                    .collect();
                let stamps: Vec<Vec<u64>> = members
                    .iter()
                    .map(|s| s.iter().map(|r| r.stamp).collect())
                    .collect();
                ((l, gi, stamps), members)
            })
            .collect::<Vec<_>>()
    };
    let group_view = move |gi: usize, members: Vec<Vec<Shown>>| {
        let lists = verify.curriculum.with_value(|c| c.checklists.clone());
        let count: usize = members.iter().map(Vec::len).sum();
        let stations_view = members
            .into_iter()
            .enumerate()
            .map(|(si, s)| {
                let size = s.len();
                let learners = s
                    .into_iter()
                    .enumerate()
                    .map(|(place, row)| {
                        let key = row.rec.body.key;
                        let passed = lists
                            .iter()
                            .filter(|l| matches!(row.assessments.outcome(l), Outcome::Passed { .. }))
                            .count();
                        let progress = fill(
                            t_string!(i18n, practical.progress),
                            &[("n", &passed), ("total", &lists.len())],
                        );
                        let active = move || turn().on_manikin(size) == Some(place);
                        view! {
                            <li class:on-manikin=active data-testid="station-learner">
                                <button type="button" class="link-button" on:click=move |_| verify.assess(key)>{who(&row)}</button>
                                {move || active().then(|| view! { <strong class="on-manikin-label">{t!(i18n, session.on_manikin)}</strong> })}
                                <span class="help">{progress}</span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="station" data-testid="station">
                        <h4>{fill(t_string!(i18n, session.station), &[("n", &(si + 1))])}</h4>
                        <ol>{learners}</ol>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class="group" data-testid="group">
                <h3>{fill(t_string!(i18n, session.group), &[("n", &(gi + 1)), ("count", &count)])}</h3>
                {stations_view}
            </div>
        }
    };
    let number = move |sig: RwSignal<usize>, range: std::ops::RangeInclusive<usize>| {
        move |ev: leptos::ev::Event| {
            if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                sig.set(v.clamp(*range.start(), *range.end()));
            }
        }
    };

    let set_minutes = move |ev: leptos::ev::Event| {
        if let Ok(v) = event_target_value(&ev).parse::<u32>() {
            minutes.set(v.clamp(1, 10));
        }
    };

    view! {
        <section class="card class-session" aria-labelledby="session-heading" data-testid="class-session">
            <h2 id="session-heading">{t!(i18n, session.heading)}</h2>
            <p class="help">{t!(i18n, session.help)}</p>
            <details class="session-sizes">
                <summary>{t!(i18n, session.sizes)}</summary>
                <label class="field"><span>{t!(i18n, session.group_size)}</span>
                    <input type="number" inputmode="numeric" min="1" max="30" data-testid="group-size"
                        prop:value=move || group.get().to_string() on:change=number(group, stations::GROUP_SIZES) /></label>
                <label class="field"><span>{t!(i18n, session.station_size)}</span>
                    <input type="number" inputmode="numeric" min="1" max="10" data-testid="station-size"
                        prop:value=move || station.get().to_string() on:change=number(station, stations::STATION_SIZES) /></label>
                <label class="field"><span>{t!(i18n, session.minutes)}</span>
                    <input type="number" inputmode="numeric" min="1" max="10" data-testid="round-minutes"
                        prop:value=move || minutes.get().to_string()
                        on:change=set_minutes /></label>
            </details>
            <p class="rotation-clock" role="timer" data-testid="rotation-clock">{clock}</p>
            <p class="rotation-swap" role="status" data-testid="rotation-swap">{swap_text}</p>
            <div class="actions">
                {move || if running() {
                    view! { <button type="button" class="primary" data-testid="rotation-pause" on:click=pause>{t!(i18n, session.pause)}</button> }.into_any()
                } else {
                    let label = if rotation.with(|r| r.banked_ms) > 0 { t_string!(i18n, session.resume) } else { t_string!(i18n, session.start) };
                    view! { <button type="button" class="primary" data-testid="rotation-start" on:click=start>{label}</button> }.into_any()
                }}
                <button type="button" data-testid="rotation-reset" on:click=reset>{t!(i18n, session.reset)}</button>
                <button type="button" aria-pressed=move || beating.get().to_string() data-testid="station-metronome"
                    on:click=toggle_beat>{t!(i18n, session.metronome)}</button>
            </div>
            <div class="groups">
                <For each=groups key=|(k, _)| k.clone() children=move |((_, gi, _), members)| group_view(gi, members) />
            </div>
        </section>
    }
}
