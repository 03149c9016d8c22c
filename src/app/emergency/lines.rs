//! The coach's words: each [`Line`] and [`Spoken`] phrase in the app's
//! language (the locale files' `coach.*`), a script shown as a list, and
//! its sources in a layer the learner opens on purpose.

use leptos::prelude::*;

use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::{use_state, AppState};
use crate::coach::{Line, Said, Spoken};
use crate::content::svg::scoped_ids;
use crate::content::Curriculum;
use crate::settings::Lang;
use leptos_i18n::I18nContext;

/// A line's words, with `{number}` filled in.
pub fn line_text(i18n: I18nContext<Locale>, line: Line, number: &str) -> String {
    crate::app::fill(line_template(i18n, line), &[("number", &number)])
}

fn line_template(i18n: I18nContext<Locale>, line: Line) -> &'static str {
    match line {
        Line::Safe => t_string!(i18n, coach.safe),
        Line::CheckResponse => t_string!(i18n, coach.check_response),
        Line::CheckResponseBaby => t_string!(i18n, coach.check_response_baby),
        Line::CallSpeaker => t_string!(i18n, coach.call_speaker),
        Line::FollowCallTaker => t_string!(i18n, coach.follow_call_taker),
        Line::CheckBreathing => t_string!(i18n, coach.check_breathing),
        Line::CheckBreathingCall => t_string!(i18n, coach.check_breathing_call),
        Line::HandsAdult => t_string!(i18n, coach.hands_adult),
        Line::Posture => t_string!(i18n, coach.posture),
        Line::PushAdult => t_string!(i18n, coach.push_adult),
        Line::Recoil => t_string!(i18n, coach.recoil),
        Line::HandsChild => t_string!(i18n, coach.hands_child),
        Line::PushChild => t_string!(i18n, coach.push_child),
        Line::PushYoung => t_string!(i18n, coach.push_young),
        Line::BabySpot => t_string!(i18n, coach.baby_spot),
        Line::BabyHandsHeelOrThumbs => t_string!(i18n, coach.baby_hands_heel_or_thumbs),
        Line::BabyHandsThumbs => t_string!(i18n, coach.baby_hands_thumbs),
        Line::PushBaby => t_string!(i18n, coach.push_baby),
        Line::FiveBreathsFirst => t_string!(i18n, coach.five_breaths_first),
        Line::ThirtyTwo => t_string!(i18n, coach.thirty_two),
        Line::ThirtyTwoYoung => t_string!(i18n, coach.thirty_two_young),
        Line::HandsOnly => t_string!(i18n, coach.hands_only),
        Line::HandsOnlyYoung => t_string!(i18n, coach.hands_only_young),
        Line::BreathHow => t_string!(i18n, coach.breath_how),
        Line::BreathChild => t_string!(i18n, coach.breath_child),
        Line::BreathBaby => t_string!(i18n, coach.breath_baby),
        Line::AedOn => t_string!(i18n, coach.aed_on),
        Line::AedPads => t_string!(i18n, coach.aed_pads),
        Line::AedPadsChild => t_string!(i18n, coach.aed_pads_child),
        Line::AedPadsBack => t_string!(i18n, coach.aed_pads_back),
        Line::AedChildPads => t_string!(i18n, coach.aed_child_pads),
        Line::AedClear => t_string!(i18n, coach.aed_clear),
        Line::AedRestart => t_string!(i18n, coach.aed_restart),
        Line::Swap => t_string!(i18n, coach.swap),
        Line::WhenStop => t_string!(i18n, coach.when_stop),
        Line::AskChoking => t_string!(i18n, coach.ask_choking),
        Line::CoughWell => t_string!(i18n, coach.cough_well),
        Line::CallChoking => t_string!(i18n, coach.call_choking),
        Line::CallChokingAfter => t_string!(i18n, coach.call_choking_after),
        Line::BabySigns => t_string!(i18n, coach.baby_signs),
        Line::BabyCall => t_string!(i18n, coach.baby_call),
        Line::BackBlowsStance => t_string!(i18n, coach.back_blows_stance),
        Line::BackBlowsHit => t_string!(i18n, coach.back_blows_hit),
        Line::AbdominalStance => t_string!(i18n, coach.abdominal_stance),
        Line::AbdominalFist => t_string!(i18n, coach.abdominal_fist),
        Line::ChestThrustsLarge => t_string!(i18n, coach.chest_thrusts_large),
        Line::BabyBackHold => t_string!(i18n, coach.baby_back_hold),
        Line::BabyBackHit => t_string!(i18n, coach.baby_back_hit),
        Line::BabyChestHeel => t_string!(i18n, coach.baby_chest_heel),
        Line::BabyChestThumbs => t_string!(i18n, coach.baby_chest_thumbs),
        Line::Collapse => t_string!(i18n, coach.collapse),
        Line::CollapseChildBreaths => t_string!(i18n, coach.collapse_child_breaths),
        Line::BabyCollapse => t_string!(i18n, coach.baby_collapse),
        Line::CollapseBabyBreaths => t_string!(i18n, coach.collapse_baby_breaths),
        Line::NoSweep => t_string!(i18n, coach.no_sweep),
        Line::SeeDoctor => t_string!(i18n, coach.see_doctor),
        Line::RecoveryWhen => t_string!(i18n, coach.recovery_when),
        Line::RecoveryInjured => t_string!(i18n, coach.recovery_injured),
        Line::RecoveryCall => t_string!(i18n, coach.recovery_call),
        Line::RecoveryArm => t_string!(i18n, coach.recovery_arm),
        Line::RecoveryHand => t_string!(i18n, coach.recovery_hand),
        Line::RecoveryKnee => t_string!(i18n, coach.recovery_knee),
        Line::RecoveryRoll => t_string!(i18n, coach.recovery_roll),
        Line::RecoveryHead => t_string!(i18n, coach.recovery_head),
        Line::RecoveryCheck => t_string!(i18n, coach.recovery_check),
        Line::RecoveryBaby => t_string!(i18n, coach.recovery_baby),
        Line::RecoveryToCpr => t_string!(i18n, coach.recovery_to_cpr),
    }
}

/// A spoken phrase's words.
pub fn spoken_text(i18n: I18nContext<Locale>, s: Spoken) -> &'static str {
    match s {
        Spoken::Push => t_string!(i18n, coach.say.push),
        Spoken::Breaths => t_string!(i18n, coach.say.breaths),
        Spoken::Swap => t_string!(i18n, coach.say.swap),
        Spoken::BackBlows => t_string!(i18n, coach.say.back_blows),
        Spoken::AbdominalThrusts => t_string!(i18n, coach.say.abdominal_thrusts),
        Spoken::ChestThrusts => t_string!(i18n, coach.say.chest_thrusts),
        Spoken::KeepChecking => t_string!(i18n, coach.say.keep_checking),
        Spoken::CallNow => t_string!(i18n, coach.say.call_now),
        Spoken::FiveBreaths => t_string!(i18n, coach.say.five_breaths),
    }
}

/// The description (alt text) the lessons give a picture, in `lang`: the
/// first step or variant that shows it.
fn alt_of(c: &Curriculum, name: &str, lang: Lang) -> String {
    c.lessons
        .iter()
        .flat_map(|l| &l.steps)
        .flat_map(|s| {
            std::iter::once((s.illustration.as_deref(), s.alt.as_ref())).chain(
                s.variants
                    .iter()
                    .map(|v| (v.illustration.as_deref(), v.alt.as_ref())),
            )
        })
        .find_map(|(i, a)| (i == Some(name)).then_some(a).flatten())
        .map(|a| a.get(lang).to_owned())
        .unwrap_or_default()
}

/// A line's picture of people (the lessons' own), once the curriculum is
/// at hand; nothing while it loads or where it cannot (the words suffice).
fn picture(state: AppState, line: Line) -> Option<impl IntoView> {
    let (name, _) = line.picture()?;
    let c = state.curriculum.get()?.ok()?;
    // Several lines' pictures share the page: each copy's ids are its own.
    let svg = scoped_ids(c.illustrations.get(name)?, &format!("coach-{}", line.key()));
    let alt = alt_of(&c, name, state.settings.get().lang);
    Some(view! {
        <div class="illustration coach-picture" role="img" aria-label=alt inner_html=svg data-picture=name></div>
    })
}

/// A script's lines as a list, in the app's language, with the number to
/// call filled in, and the lessons' picture beside a technique.
///
/// Props: `lines` — the lines (reactive: they follow the profile and the
/// person); `class` — the list's class.
#[component]
pub fn SaidList(
    #[prop(into)] lines: Signal<Vec<Said>>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    state.load_curriculum();
    view! {
        <ul class=format!("coach-lines {class}")>
            {move || {
                let number = state.call_number();
                lines
                    .get()
                    .into_iter()
                    .map(|s| view! {
                        <li data-line=s.line.key()>
                            {line_text(i18n, s.line, &number)}
                            {picture(state, s.line)}
                        </li>
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// The sources of the lines shown, in a layer opened on purpose ("Why?
/// Sources"): each line's keys. Which lines a profile takes from another
/// guideline is said once, on the settings page (the guideline note), not
/// in an emergency.
///
/// Props: `lines` — every line the page shows.
#[component]
pub fn SourcesLayer(#[prop(into)] lines: Signal<Vec<Said>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    view! {
        <details class="coach-sources" data-testid="coach-sources">
            <summary>{t!(i18n, coach.sources)}</summary>
            <ul>
                {move || {
                    let number = state.call_number();
                    lines
                        .get()
                        .into_iter()
                        .map(|s| {
                            let text = line_text(i18n, s.line, &number);
                            view! { <li>{text}" — ["{s.cite.keys.join(", ")}"]"</li> }
                        })
                        .collect_view()
                }}
            </ul>
        </details>
    }
}
