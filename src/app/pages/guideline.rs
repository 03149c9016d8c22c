//! What the guideline the learner follows means for the lessons, in plain
//! words, under the choice on the settings page. This is the one place the
//! app says that some steps follow another guideline until an instructor
//! has checked them (for the Red Cross Society of China, most steps: its
//! current textbook could not be read yet); the steps themselves say only
//! what to do, and each step's "Why? Sources" layer names its sources.

use leptos::prelude::*;

use super::profile_name;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::profile::ProfileId;

/// The chosen guideline, explained.
#[component]
pub fn GuidelineNote() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let profile = move || state.settings.get().profile;
    let status = move || match profile() {
        ProfileId::Rcsc => t_string!(i18n, guideline.rcsc),
        ProfileId::Aha => t_string!(i18n, guideline.aha),
        ProfileId::Erc => t_string!(i18n, guideline.erc),
    };
    view! {
        <section class="card guideline-note" id="guideline" aria-labelledby="guideline-heading" data-testid="guideline-note">
            <h2 id="guideline-heading">{t!(i18n, guideline.heading)}</h2>
            <p class="profile-name">{move || profile_name(i18n, profile())}</p>
            <p data-testid="guideline-status" data-profile=move || profile().as_str()>{status}</p>
            <p>{t!(i18n, guideline.why)}</p>
            <p>{t!(i18n, guideline.class)}</p>
        </section>
    }
}
