use leptos::prelude::*;
use leptos_router::components::A;

use super::profile_name;
use super::region::WhereCard;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::coach::Need;

mod dashboard;
mod install;

pub use dashboard::Today;
use dashboard::{LessonsProgress, NextCard};
use install::InstallHint;

/// Home as a dashboard: one "Start learning" action on a first visit, else
/// the lesson to continue; then help in an emergency (the number to call,
/// the three doors), high on the screen for a returning learner too; then
/// today's reviews, the last training score, the class assignments and
/// progress per lesson; where the learner is and the guideline followed.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, home.title));
    let state = use_state();
    let profile = move || state.settings.get().profile;
    let started = move || state.progress.with(|p| !p.lessons.is_empty());
    let has_assignments = move || state.assigned.get();
    // What today's card shows: reviews once the learner has practised, the
    // last training once they have trained.
    let has_history = move || state.history.get();
    view! {
        <section class="page home">
            <h1>{t!(i18n, home.title)}</h1>
            {crate::app::pages::with_lessons(state, move |c| view! {
                <NextCard curriculum=c.clone() />
                <Show when=move || !started()>
                    <p class="lead">{t!(i18n, home.intro)}</p>
                </Show>
            })}
            <EmergencyCard />
            // The rest of the learning, below the emergency doors (a long
            // lessons list pushed them off the screen). Nothing while the
            // lessons load or fail: the block above says so.
            {move || match state.curriculum.get() {
                Some(Ok(c)) => {
                    let (c1, c2) = (c.clone(), c.clone());
                    Some(view! {
                        <Show when=has_history>
                            <crate::app::lazy::TodayCard curriculum=c.clone() />
                        </Show>
                        <Show when=has_assignments>
                            <crate::app::lazy::AssignmentsCard curriculum=c1.clone() />
                        </Show>
                        <Show when=started>
                            <InstallHint />
                            <LessonsProgress curriculum=c2.clone() />
                        </Show>
                    })
                }
                _ => None,
            }}
            <WhereCard />
            <section class="card profile-card" aria-labelledby="profile-heading">
                <h2 id="profile-heading">{t!(i18n, home.guideline)}</h2>
                <p class="profile-name" data-testid="profile-name">{move || profile_name(i18n, profile())}</p>
                <p><A href="/settings" attr:class="inline-link">{t!(i18n, home.change)}</A></p>
            </section>
            <p class="privacy-note">{t!(i18n, home.privacy)}</p>
        </section>
    }
}

/// Help in an emergency: the number to call where the learner is (with
/// "change" until they confirm the place) and the coach's three doors.
#[component]
fn EmergencyCard() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let number = move || state.call_number();
    let own = move || state.settings.get().emergency_number.is_some();
    view! {
        <section class="home-emergency" aria-labelledby="emergency-heading">
            <h2 id="emergency-heading">{t!(i18n, home.emergency_heading)}</h2>
            <div class="call-row">
                <a class="button call" href=move || format!("tel:{}", number()) data-testid="home-call">
                    {t!(i18n, home.call, number = number)}
                </a>
                <Show when=move || state.region_unconfirmed() && !own()>
                    <a href="#where-heading" class="call-change" data-testid="call-change">{t!(i18n, place.change)}</a>
                </Show>
            </div>
            <EmergencyDoors />
            <Show when=own>
                <p class="help" data-testid="own-number">
                    {t!(i18n, home.own_number, number = move || state.region().number())}
                </p>
            </Show>
        </section>
    }
}

/// The emergency page's three doors on the home page too, so CPR, choking
/// and the recovery position are one tap from the first screen.
#[component]
fn EmergencyDoors() -> impl IntoView {
    let i18n = use_i18n();
    let door = move |need: Need| {
        let name = move || match need {
            Need::Cpr => t_string!(i18n, coach.need_cpr),
            Need::Choking => t_string!(i18n, coach.need_choking),
            Need::Recovery => t_string!(i18n, coach.need_recovery),
        };
        view! {
            <li>
                <A href=format!("/emergency/{}", need.slug())
                    attr:data-testid=format!("home-need-{}", need.slug())>{name}</A>
            </li>
        }
    };
    view! {
        <nav class="home-doors" aria-label=move || t_string!(i18n, coach.choose)>
            <ul>{Need::ALL.map(door)}</ul>
        </nav>
    }
}
