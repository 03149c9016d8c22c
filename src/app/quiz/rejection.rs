//! Why a transcript does not check out, in the learner's language (the
//! engine's `Display` is English, for the CLI and logs).

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::app::fill;
use crate::app::i18n::{t_string, use_i18n, Locale};
use crate::quiz::transcript::Rejection;

/// The translated reason for a rejection, as text (the records verifier
/// puts it into its roster file too).
pub fn rejection_text(i18n: I18nContext<Locale>, r: &Rejection) -> String {
    match r {
        Rejection::Malformed(_) => t_string!(i18n, rejection.malformed).to_string(),
        Rejection::Format { .. } => t_string!(i18n, rejection.format).to_string(),
        Rejection::ContentVersion { .. } => t_string!(i18n, rejection.content_version).to_string(),
        Rejection::Seed(_) => t_string!(i18n, rejection.seed).to_string(),
        Rejection::Blueprint(_) => t_string!(i18n, rejection.blueprint).to_string(),
        Rejection::BlueprintChanged(_) => t_string!(i18n, rejection.blueprint_changed).to_string(),
        Rejection::QuestionCount { .. } => t_string!(i18n, rejection.question_count).to_string(),
        Rejection::Question { item, .. } => {
            fill(t_string!(i18n, rejection.question), &[("item", item)])
        }
        Rejection::Options { item } => fill(t_string!(i18n, rejection.options), &[("item", item)]),
        Rejection::Answer { item, .. } => {
            fill(t_string!(i18n, rejection.answer), &[("item", item)])
        }
        Rejection::ItemPoints {
            item,
            claimed,
            actual,
        } => fill(
            t_string!(i18n, rejection.item_points),
            &[("item", item), ("claimed", claimed), ("actual", actual)],
        ),
        Rejection::Points { claimed, actual } => fill(
            t_string!(i18n, rejection.points),
            &[("claimed", claimed), ("actual", actual)],
        ),
        Rejection::MaxPoints { .. } => t_string!(i18n, rejection.max_points).to_string(),
        Rejection::Percent { claimed, actual } => fill(
            t_string!(i18n, rejection.percent),
            &[("claimed", claimed), ("actual", actual)],
        ),
        Rejection::Passed { .. } => t_string!(i18n, rejection.passed).to_string(),
        Rejection::Time(_) => t_string!(i18n, rejection.time).to_string(),
    }
}

/// The translated reason for a rejection (follows the language).
pub fn rejection_view(r: &Rejection) -> AnyView {
    let i18n = use_i18n();
    let r = r.clone();
    (move || rejection_text(i18n, &r)).into_any()
}
