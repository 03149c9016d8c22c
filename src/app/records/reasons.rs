//! Why a record or an assignment was rejected, in the user's language (the
//! pure modules' `Display` is English, for the CLI and logs). Text, not
//! views, so the same words go into the roster's CSV file.

use leptos_i18n::I18nContext;

use crate::app::fill;
use crate::app::i18n::{t_string, Locale};
use crate::content::Curriculum;
use crate::pasted::{is_damaged_record_file, other_than_record, Other};
use crate::records::assignment::AssignmentError;
use crate::records::payload::PayloadError;
use crate::records::record::RecordError;
use crate::records::verify::{Check, Failure};
use crate::settings::Lang;

/// A lesson's title in `lang`, or its id where the content has no such
/// lesson.
pub fn lesson_title(c: Option<&Curriculum>, id: &str, lang: Lang) -> String {
    c.and_then(|c| c.lesson(id))
        .map_or_else(|| id.to_owned(), |l| l.title.get(lang).to_owned())
}

/// A blueprint's title in `lang`, or its id.
pub fn blueprint_title(c: Option<&Curriculum>, id: &str, lang: Lang) -> String {
    c.and_then(|c| c.blueprint(id))
        .and_then(|b| b.title.as_ref())
        .map_or_else(|| id.to_owned(), |t| t.get(lang).to_owned())
}

/// The reason a check failed.
pub fn failure_text(
    i18n: I18nContext<Locale>,
    c: Option<&Curriculum>,
    lang: Lang,
    check: &Check,
    f: &Failure,
) -> String {
    let text = match f {
        Failure::Signature => t_string!(i18n, reason.signature).to_string(),
        Failure::ContentVersion { record, ours } => fill(
            t_string!(i18n, reason.content_version),
            &[("record", &record.as_str()), ("ours", &ours.as_str())],
        ),
        Failure::UnknownBlueprint(b) => fill(
            t_string!(i18n, reason.unknown_blueprint),
            &[("blueprint", &b.as_str())],
        ),
        Failure::Seed => t_string!(i18n, reason.seed).to_string(),
        Failure::AfterIssue => t_string!(i18n, reason.after_issue).to_string(),
        Failure::AssignmentSignature => t_string!(i18n, reason.assignment_signature).to_string(),
        Failure::Rescore(r) => crate::app::quiz::rejection::rejection_text(i18n, r),
        Failure::Claim {
            claimed_percent,
            actual_percent,
            ..
        } if claimed_percent != actual_percent => fill(
            t_string!(i18n, reason.claim),
            &[("claimed", claimed_percent), ("actual", actual_percent)],
        ),
        Failure::Claim { .. } => t_string!(i18n, reason.claim_pass).to_string(),
        Failure::OtherAssignment(None) => t_string!(i18n, reason.no_assignment).to_string(),
        Failure::OtherAssignment(Some(id)) => fill(
            t_string!(i18n, reason.other_assignment),
            &[("id", &id.as_str())],
        ),
        Failure::OtherInstructor => t_string!(i18n, reason.other_instructor).to_string(),
        Failure::MissingLessons(ids) => {
            let sep = if lang == Lang::ZhCn { "、" } else { ", " };
            let names: Vec<String> = ids.iter().map(|id| lesson_title(c, id, lang)).collect();
            fill(
                t_string!(i18n, reason.missing_lessons),
                &[("lessons", &names.join(sep))],
            )
        }
        Failure::NoPassingExam { best: None, .. } => t_string!(i18n, reason.no_exam).to_string(),
        Failure::NoPassingExam {
            best: Some(best),
            pass_percent,
            ..
        } => fill(
            t_string!(i18n, reason.exam_below),
            &[("best", best), ("pass", pass_percent)],
        ),
        Failure::TrainerMissing { min } => {
            fill(t_string!(i18n, reason.trainer_missing), &[("min", min)])
        }
        Failure::TrainerBelow { min, score } => fill(
            t_string!(i18n, reason.trainer_below),
            &[("min", min), ("score", score)],
        ),
        Failure::Late { .. } => t_string!(i18n, reason.late).to_string(),
    };
    match check {
        Check::Exam(n) => format!(
            "{}: {text}",
            fill(
                t_string!(i18n, reason.exam_n),
                &[("n", n as &dyn std::fmt::Display)]
            )
        ),
        _ => text,
    }
}

/// Why a pasted, scanned or chosen text (`text`) is not a readable
/// record: what it is instead, where it is another of the app's files or
/// codes.
pub fn record_error_text(i18n: I18nContext<Locale>, text: &str, e: &RecordError) -> String {
    if let Some(version) = e.unsupported_version() {
        return fill(
            t_string!(i18n, reason.newer_version),
            &[("version", &version)],
        );
    }
    match e {
        RecordError::Json(_) if is_damaged_record_file(text) => {
            t_string!(i18n, reason.damaged).to_string()
        }
        RecordError::Payload(PayloadError::Prefix { .. })
        | RecordError::Format { .. }
        | RecordError::Json(_) => match other_than_record(text) {
            Some(Other::Empty) => t_string!(i18n, reason.empty_text),
            Some(Other::Transcript) => t_string!(i18n, reason.is_transcript),
            Some(Other::Assignment) => t_string!(i18n, reason.is_assignment),
            Some(Other::Certificate) => t_string!(i18n, reason.is_certificate),
            None => t_string!(i18n, reason.not_record),
        }
        .to_string(),
        RecordError::Payload(_) | RecordError::Decode(_) => {
            t_string!(i18n, reason.damaged).to_string()
        }
        RecordError::Field { field, .. } => {
            fill(t_string!(i18n, reason.field), &[("field", &field.as_str())])
        }
    }
}

/// Why a link or text is not a readable assignment.
pub fn assignment_error_text(i18n: I18nContext<Locale>, e: &AssignmentError) -> String {
    match e {
        AssignmentError::Payload(PayloadError::Prefix { .. }) => {
            t_string!(i18n, reason.not_assignment).to_string()
        }
        AssignmentError::Payload(_) | AssignmentError::Decode(_) => {
            t_string!(i18n, reason.assignment_damaged).to_string()
        }
        AssignmentError::Signature(_) => t_string!(i18n, reason.assignment_forged).to_string(),
    }
}
