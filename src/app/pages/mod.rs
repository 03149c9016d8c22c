//! One module per page.

mod about;
mod check;
mod data;
mod guideline;
mod home;
mod learn;
mod lesson;
mod lesson_clock;
mod not_found;
mod print;
pub mod region;
mod settings;
mod why;

pub use about::AboutPage;
pub use check::KnowledgeCheck;
pub use home::{HomePage, Today};
pub use learn::{with_curriculum, with_lessons, with_whole, LearnPage};
pub use lesson::LessonPage;
pub use not_found::NotFound;
pub use print::PrintPage;
pub use settings::SettingsPage;

use crate::profile::ProfileId;

use super::i18n::{t_string, Locale};
use leptos_i18n::I18nContext;

/// The translated full name of a guideline profile.
pub fn profile_name(i18n: I18nContext<Locale>, id: ProfileId) -> &'static str {
    match id {
        ProfileId::Rcsc => t_string!(i18n, profiles.rcsc),
        ProfileId::Aha => t_string!(i18n, profiles.aha),
        ProfileId::Erc => t_string!(i18n, profiles.erc),
    }
}

/// A citation as a readable line (`[key] title — section`) and the
/// source's address (empty when it has none).
pub fn source_label(
    c: &crate::content::Curriculum,
    s: &crate::content::SourceRef,
) -> (String, String) {
    let src = c.source(&s.key);
    let mut label = format!(
        "[{}] {}",
        s.key,
        src.map(|x| x.title.as_str()).unwrap_or("")
    );
    if let Some(sec) = &s.section {
        label.push_str(&format!(" — {sec}"));
    }
    (label, src.map(|x| x.url.clone()).unwrap_or_default())
}
