//! Why a transcript does not check out, in the learner's language (the
//! engine's `Display` is English, for the CLI and logs).

use leptos::prelude::*;

use crate::app::i18n::{t, use_i18n};
use crate::quiz::transcript::Rejection;

/// The translated reason for a rejection.
pub fn rejection_view(r: &Rejection) -> AnyView {
    let i18n = use_i18n();
    match r.clone() {
        Rejection::Malformed(_) => t!(i18n, rejection.malformed).into_any(),
        Rejection::Format { .. } => t!(i18n, rejection.format).into_any(),
        Rejection::ContentVersion { .. } => t!(i18n, rejection.content_version).into_any(),
        Rejection::Seed(_) => t!(i18n, rejection.seed).into_any(),
        Rejection::Blueprint(_) => t!(i18n, rejection.blueprint).into_any(),
        Rejection::BlueprintChanged(_) => t!(i18n, rejection.blueprint_changed).into_any(),
        Rejection::QuestionCount { .. } => t!(i18n, rejection.question_count).into_any(),
        Rejection::Question { item, .. } => {
            t!(i18n, rejection.question, item = move || item).into_any()
        }
        Rejection::Options { item } => t!(i18n, rejection.options, item = move || item).into_any(),
        Rejection::Answer { item, .. } => {
            t!(i18n, rejection.answer, item = move || item).into_any()
        }
        Rejection::ItemPoints {
            item,
            claimed,
            actual,
        } => t!(
            i18n,
            rejection.item_points,
            item = move || item,
            claimed = move || claimed,
            actual = move || actual
        )
        .into_any(),
        Rejection::Points { claimed, actual } => t!(
            i18n,
            rejection.points,
            claimed = move || claimed,
            actual = move || actual
        )
        .into_any(),
        Rejection::MaxPoints { .. } => t!(i18n, rejection.max_points).into_any(),
        Rejection::Percent { claimed, actual } => t!(
            i18n,
            rejection.percent,
            claimed = move || claimed,
            actual = move || actual
        )
        .into_any(),
        Rejection::Passed { .. } => t!(i18n, rejection.passed).into_any(),
        Rejection::Time(_) => t!(i18n, rejection.time).into_any(),
    }
}
