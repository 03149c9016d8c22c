use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::learn::with_lessons;
use super::lesson_clock::LessonClock;
use super::profile_name;
use super::why::{Cite, WhyLayer};
use crate::adapters::speech;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::content::{Curriculum, Lesson, ResolvedStep};
use crate::progress::Resume;

/// The lesson player at `/learn/:lesson`.
#[component]
pub fn LessonPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let params = use_params_map();
    let lesson_id = move || params.read().get("lesson").unwrap_or_default();
    view! {
        <section class="page player">
            {with_lessons(state, move |c: Arc<Curriculum>| {
                let id = lesson_id();
                match c.lesson(&id).cloned() {
                    Some(lesson) => view! { <Player curriculum=c.clone() lesson=lesson /> }.into_any(),
                    None => view! {
                        <h1>{t!(i18n, player.not_found)}</h1>
                        <p><A href="/learn" attr:class="inline-link">{t!(i18n, player.all_lessons)}</A></p>
                    }
                    .into_any(),
                }
            })}
        </section>
    }
}

/// One step per screen, with progress, navigation (buttons, arrow keys,
/// swipe), sources on demand, read-aloud, and the knowledge check at the end.
/// Resumes where the learner left off.
///
/// Props: `curriculum` — the loaded lessons (the knowledge check, loaded
/// on demand, types the questions); `lesson` — the lesson played.
#[component]
fn Player(curriculum: Arc<Curriculum>, lesson: Lesson) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let profile = move || state.settings.get().profile;
    let lesson = Arc::new(lesson);
    {
        let lesson = lesson.clone();
        crate::app::page_title(move || lesson.title.get(lang()).to_owned());
    }
    let total = lesson.steps.len();
    let step_ids: Vec<String> = lesson.steps.iter().map(|s| s.id.clone()).collect();

    // None: at the knowledge check.
    let start = match state
        .progress
        .with_untracked(|p| p.resume(&lesson.id, &step_ids))
    {
        Resume::Step(i) => Some(i.min(total.saturating_sub(1))),
        Resume::Check => None,
    };
    let pos = RwSignal::new(start);
    // The check at the end is loaded on demand: fetched once the learner
    // moves on from the first step shown, not while the lesson starts (its
    // compiling would hold up the start on a slow phone).
    let check_asked = StoredValue::new(false);
    // The time spent in the lesson, added to its progress at each step.
    let clock = LessonClock::start(state, &lesson.id);
    provide_context(clock.clone());
    {
        let lesson = lesson.clone();
        Effect::new(move |_| {
            let at = pos.get();
            speech::stop();
            state.update_progress(|p| {
                clock.add_to(p);
                match at {
                    Some(i) => p.visit_step(&lesson.id, &lesson.steps[i].id),
                    None => p.visit_check(&lesson.id),
                }
            });
        });
    }
    on_cleanup(speech::stop);

    let go = move |delta: i32| {
        if !check_asked.get_value() {
            check_asked.set_value(true);
            crate::app::lazy::preload_check();
        }
        pos.update(|p| {
            *p = match (*p, delta) {
                (Some(i), 1) if i + 1 >= total => None,
                (Some(i), 1) => Some(i + 1),
                (Some(i), -1) => Some(i.saturating_sub(1)),
                (None, -1) => Some(total - 1),
                (other, _) => other,
            }
        });
        bring_step_into_view();
    };
    let keys = gloo_events::EventListener::new(&document(), "keydown", move |ev| {
        let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(ev) else {
            return;
        };
        let typing = document()
            .active_element()
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" if pos.get_untracked().is_some() => go(1),
            "ArrowLeft" => go(-1),
            _ => {}
        }
    });
    // Owned by this component: the listener is removed when it unmounts.
    StoredValue::new_local(keys);
    let touch_x = RwSignal::new(None::<i32>);
    let on_touch_start = move |ev: web_sys::TouchEvent| {
        touch_x.set(ev.changed_touches().get(0).map(|t| t.client_x()));
    };
    let on_touch_end = move |ev: web_sys::TouchEvent| {
        let (Some(start), Some(end)) = (
            touch_x.get_untracked(),
            ev.changed_touches().get(0).map(|t| t.client_x()),
        ) else {
            return;
        };
        let dx = end - start;
        if dx <= -60 && pos.get_untracked().is_some() {
            go(1);
        } else if dx >= 60 {
            go(-1);
        }
    };

    let title = lesson.title.clone();
    let lesson_for_step = lesson.clone();
    let curriculum_for_step = curriculum.clone();
    let step_view = move || {
        let i = pos.get()?;
        let step = &lesson_for_step.steps[i];
        let r = step.for_profile(profile());
        Some(step_screen(&curriculum_for_step, r, lang(), i, total, i18n))
    };
    let lesson_for_why = lesson.clone();
    let curriculum_for_why = curriculum.clone();
    let why_view = move || {
        let step = &lesson_for_why.steps[pos.get()?];
        Some(step_why(
            &curriculum_for_why,
            step.for_profile(profile()),
            lang(),
        ))
    };
    let lesson_for_check = lesson.clone();
    let curriculum_for_check = curriculum.clone();

    view! {
        <article class="lesson" data-testid="player">
            <p><A href="/learn" attr:class="inline-link">{t!(i18n, player.all_lessons)}</A></p>
            <h1>{move || title.get(lang()).to_owned()}</h1>
            <p class="badge profile-badge" data-testid="profile-badge">
                {t!(i18n, player.following, profile = move || profile_name(i18n, profile()))}
            </p>
            <div class="step-area" on:touchstart=on_touch_start on:touchend=on_touch_end>
                {step_view}
                <Show when=move || pos.get().is_none()>
                    <crate::app::lazy::CheckPart curriculum=curriculum_for_check.clone() lesson=lesson_for_check.clone() />
                </Show>
            </div>
            <nav class="step-nav" aria-label=move || t_string!(i18n, player.step_nav)>
                // `data-tap-again`: a tap on these in the page in the HTML,
                // before the app runs, is tapped again by the app
                // (app/takeover.rs).
                <button type="button" data-tap-again="lesson-back" on:click=move |_| go(-1) disabled=move || pos.get() == Some(0)>
                    {t!(i18n, player.back)}
                </button>
                <Show when=move || pos.get().is_some()>
                    <button type="button" class="primary" data-tap-again="lesson-next" on:click=move |_| go(1)>
                        {move || if pos.get().is_some_and(|i| i + 1 >= total) {
                            t_string!(i18n, player.to_check)
                        } else {
                            t_string!(i18n, player.next)
                        }}
                    </button>
                </Show>
            </nav>
            // The layer opened on purpose comes after Back and Next, so
            // that Next is on the first screen more often.
            {why_view}
            // At the check or a finished lesson: back to step 1 in one tap
            // (it took Back once per step).
            <Show when=move || pos.get().is_none()>
                <p>
                    <button type="button" class="button" data-testid="lesson-restart"
                        on:click=move |_| {
                            pos.set(Some(0));
                            bring_step_into_view();
                        }>
                        {t!(i18n, player.restart)}
                    </button>
                </p>
            </Show>
            // Swiping on a touch screen, the arrow keys with a mouse (style:
            // `.hint-touch`, `.hint-keys`).
            <p class="help hint-touch" data-testid="swipe-hint">{t!(i18n, player.swipe_hint)}</p>
            <p class="help hint-keys" data-testid="keys-hint">{t!(i18n, player.keys_hint)}</p>
            <p><A href=format!("/print/{}", lesson.id) attr:class="inline-link">{t!(i18n, player.print)}</A></p>
        </article>
    }
}

/// After Next or Back, a learner who had scrolled down to the buttons
/// would see the middle of the new step: when the step's top is above the
/// top of the screen (or under the sticky top bar), it is scrolled into
/// view (the page's scroll-padding stops it below the bar). A step whose
/// top is already in view does not move.
fn bring_step_into_view() {
    let Some(area) = document().query_selector(".step-area").ok().flatten() else {
        return;
    };
    let bar = document()
        .query_selector(".app-header")
        .ok()
        .flatten()
        .map_or(0.0, |h| h.get_bounding_client_rect().bottom());
    if area.get_bounding_client_rect().top() < bar {
        area.scroll_into_view_with_bool(true);
    }
}

/// The screen of one step: its number and read-aloud on one row, the
/// progress, the illustration and the instruction. Read-aloud reads the
/// instruction only. A technique step carries `data-technique`. The layer
/// the learner opens on purpose is [`step_why`], below Back and Next.
fn step_screen(
    c: &Curriculum,
    r: ResolvedStep<'_>,
    lang: crate::settings::Lang,
    i: usize,
    total: usize,
    i18n: leptos_i18n::I18nContext<crate::app::i18n::Locale>,
) -> impl IntoView {
    let state = use_state();
    let text = r.text.get(lang).to_owned();
    // Read-aloud reads the instruction only, never the layer below it.
    let speak_text = state.say(&text);
    // The picture the profile resolves to: a variant may show its own
    // technique (two thumbs, not the heel of the hand).
    let svg = r.illustration.and_then(|n| c.illustrations.get(n)).cloned();
    let alt = r.alt.map(|a| a.get(lang).to_owned()).unwrap_or_default();
    let reading = RwSignal::new(false);
    view! {
        <section class="step" data-testid="step" data-step=r.step.id.clone()
            data-technique=r.step.technique.then_some("true") aria-live="polite">
            <div class="step-head">
                <p class="step-count" data-testid="step-count">
                    {t!(i18n, player.step_of, n = move || i + 1, total = move || total)}
                </p>
                {speech::is_supported().then(|| view! {
                    <button type="button" class="read-aloud" data-tap-again="read-aloud" aria-pressed=move || reading.get().to_string() on:click=move |_| {
                        if reading.get_untracked() {
                            speech::stop();
                            reading.set(false);
                        } else {
                            speech::speak(&speak_text, lang.tag());
                            reading.set(true);
                        }
                    }>
                        {move || if reading.get() { t_string!(i18n, player.stop_reading) } else { t_string!(i18n, player.read_aloud) }}
                    </button>
                })}
            </div>
            <progress class="step-progress" max=total value=i + 1 aria-hidden="true"></progress>
            {svg.map(|svg| view! { <div class="illustration" role="img" aria-label=alt inner_html=svg></div> })}
            <p class="step-text"><CallText text /></p>
        </section>
    }
}

/// A step's layer opened on purpose ("Why? Sources": how the guidelines
/// differ, the sources, the note for instructors).
fn step_why(c: &Curriculum, r: ResolvedStep<'_>, lang: crate::settings::Lang) -> impl IntoView {
    let differs = r.step.differs.as_ref().map(|d| d.get(lang).to_owned());
    let review = r.review.map(|d| d.get(lang).to_owned());
    let sources: Vec<Cite> = r
        .sources
        .iter()
        .map(|s| {
            let (label, url) = super::source_label(c, s);
            Cite {
                key: s.key.clone(),
                label,
                url,
            }
        })
        .collect();
    view! { <WhyLayer differs=differs sources=sources review=review /> }
}

/// A step's text with the number to call where it says `{call}`
/// ([`crate::content::call`]): the learner's (tracked), in a span that a
/// first visit's prerendered copy of the page sets to the visitor's number
/// before any wasm runs (`data-static-number`, public/first-paint.js).
///
/// Props: `text` — the step's text in the learner's language.
#[component]
fn CallText(text: String) -> impl IntoView {
    let state = use_state();
    let mut pieces: Vec<String> = crate::content::call::pieces(&text)
        .map(str::to_owned)
        .collect();
    let last = pieces.pop().unwrap_or_default();
    view! {
        {pieces.into_iter().map(|p| view! {
            {p}<span data-static-number>{move || state.call_number()}</span>
        }).collect_view()}
        {last}
    }
}
