//! Showing a record before it leaves the phone, and handing it over: the
//! QR code, the file (download or share) and the text.

use std::sync::Arc;

use leptos::prelude::*;

use super::reasons::{blueprint_title, lesson_title};
use crate::adapters::{files, platform, share};
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::content::Curriculum;
use crate::records::payload::Qr;
use crate::records::record::Record;

/// A time in ms as a local date and time in the app's language.
pub fn local_time(ms: u64, lang_tag: &str) -> String {
    platform::local_date_time_ms(ms.min(i64::MAX as u64) as i64, lang_tag)
}

/// A QR code of `text` as an SVG image, or `fallback` when the text does not
/// fit in one code.
///
/// Props: `text` — what the code holds; `label` — its accessible name (a
/// signal, so it follows a change of language); `testid` — the
/// `data-testid` of the image.
#[component]
pub fn QrImage(
    text: String,
    #[prop(into)] label: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    match Qr::new(&text) {
        Some(qr) => view! {
            <div class="qr" role="img" aria-label=label data-testid=testid
                data-qr-version=qr.version().to_string() inner_html=qr.svg()></div>
        }
        .into_any(),
        None => view! { <p class="help">{t!(i18n, records.qr_too_big)}</p> }.into_any(),
    }
}

/// What a file chosen in an `<input type="file">` holds, for pages that
/// read QR text: the codes in a picture, or a text file's text.
pub enum Picked {
    /// The texts of the QR codes in a picture (at least one).
    Codes(Vec<String>),
    /// A picture with no readable code (or not a picture the browser opens).
    NoCode,
    /// A text file's contents.
    Text(String),
    /// A text file larger than the page reads.
    TooLarge,
    /// The file could not be read.
    Unreadable,
}

/// Takes the file chosen in the input that fired `ev` (clearing the input,
/// so the same file can be chosen again); `None` when there is none.
pub fn take_picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// Reads a chosen file: pictures by their QR codes
/// ([`crate::adapters::camera::decode_image_file`]), anything else as text
/// of at most `max_bytes`.
pub async fn read_picked(file: web_sys::File, max_bytes: u64) -> Picked {
    if file.type_().starts_with("image/") {
        match crate::adapters::camera::decode_image_file(file).await {
            Ok(texts) if !texts.is_empty() => Picked::Codes(texts),
            Ok(_) => Picked::NoCode,
            Err(e) => {
                web_sys::console::warn_1(&e.into());
                Picked::NoCode
            }
        }
    } else if file.size() > max_bytes as f64 {
        Picked::TooLarge
    } else {
        match gloo_file::futures::read_as_text(&gloo_file::File::from(file)).await {
            Ok(text) => Picked::Text(text),
            Err(e) => {
                web_sys::console::warn_1(&e.to_string().into());
                Picked::Unreadable
            }
        }
    }
}

/// Copies `text` to the clipboard and says in `status` whether it worked
/// (or that the user should copy by hand).
pub fn copy_reporting(
    i18n: leptos_i18n::I18nContext<crate::app::i18n::Locale>,
    text: String,
    status: RwSignal<Option<&'static str>>,
) {
    leptos::task::spawn_local(async move {
        let ok = share::copy_text(&text).await;
        status.set(Some(if ok {
            t_string!(i18n, records.copied)
        } else {
            t_string!(i18n, records.copy_failed)
        }));
    });
}

/// Everything a record says, in plain words.
///
/// Props: `record`; `curriculum` (for lesson and exam titles);
/// `assignment_name` — the class and instructor of the assignment it
/// answers, if known.
#[component]
pub fn RecordContents(
    record: Record,
    curriculum: Arc<Curriculum>,
    assignment_name: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let b = record.body.clone();
    let c = curriculum;
    let none = move || t_string!(i18n, records.none);
    let lessons = {
        let c = c.clone();
        let lessons = b.lessons.clone();
        move || {
            let l = lang();
            lessons
                .iter()
                .map(|d| {
                    let when = local_time(d.completed_at_ms, l.tag());
                    view! { <li>{lesson_title(Some(&c), &d.lesson, l)}" · "{when}</li> }
                })
                .collect_view()
        }
    };
    let exams = {
        let c = c.clone();
        let exams = b.exams.clone();
        move || {
            let l = lang();
            exams
                .iter()
                .map(|e| {
                    let answered = e.answers.iter().filter(|a| a.is_some()).count();
                    let total = e.answers.len();
                    let verdict = if e.passed {
                        t_string!(i18n, quiz.passed)
                    } else {
                        t_string!(i18n, quiz.failed)
                    };
                    let bp = blueprint_title(Some(&c), &e.blueprint, l);
                    let date = local_time(e.started_at_ms, l.tag());
                    let percent = e.percent;
                    view! {
                        <li>{t!(i18n, records.exam_line, blueprint = move || bp.clone(), percent = move || percent,
                            verdict = move || verdict, answered = move || answered, total = move || total,
                            date = move || date.clone())}</li>
                    }
                })
                .collect_view()
        }
    };
    let trainer = b.trainer.clone().map(|t| {
        let score = t.score.map_or_else(
            || t_string!(i18n, records.no_score).to_string(),
            |s| s.to_string(),
        );
        let compressions = t.compressions;
        move || {
            let date = local_time(t.at_ms, lang().tag());
            let score = score.clone();
            t!(
                i18n,
                records.trainer_line,
                score = move || score.clone(),
                compressions = move || compressions,
                date = move || date.clone()
            )
        }
    });
    let issued = b.issued_at_ms;
    let number = b.learner.number.clone();
    let class = b.learner.class.clone();
    let versions = format!("{} · {}", b.app_version, b.content_version);
    view! {
        <dl class="record-contents" data-testid="record-contents">
            <dt>{t!(i18n, records.f_name)}</dt><dd data-testid="record-name">{b.learner.name.clone()}</dd>
            <dt>{t!(i18n, records.f_number)}</dt><dd>{number.unwrap_or_else(|| none().to_owned())}</dd>
            <dt>{t!(i18n, records.f_class)}</dt><dd>{class.unwrap_or_else(|| none().to_owned())}</dd>
            <dt>{t!(i18n, records.f_assignment)}</dt>
            <dd>{match (&b.assignment, assignment_name) {
                (Some(a), Some(n)) => format!("{n} ({})", a.id),
                (Some(a), None) => a.id.clone(),
                (None, _) => none().to_owned(),
            }}</dd>
            <dt>{t!(i18n, records.f_lessons)}</dt>
            <dd>{if b.lessons.is_empty() { none().into_any() } else { view! { <ul>{lessons}</ul> }.into_any() }}</dd>
            <dt>{t!(i18n, records.f_exams)}</dt>
            <dd data-testid="record-exams">{if b.exams.is_empty() { none().into_any() } else { view! { <ul>{exams}</ul> }.into_any() }}</dd>
            <dt>{t!(i18n, records.f_trainer)}</dt>
            <dd>{match trainer { Some(t) => t.into_any(), None => none().into_any() }}</dd>
            <dt>{t!(i18n, records.f_issued)}</dt><dd>{move || local_time(issued, lang().tag())}</dd>
            <dt>{t!(i18n, records.f_key)}</dt><dd class="fingerprint">{b.key.fingerprint()}</dd>
            <dt>{t!(i18n, records.f_versions)}</dt><dd class="mono">{versions}</dd>
        </dl>
    }
}

/// The ways to hand a record over: its QR code, the file (download, and
/// share where the browser can), and its text to copy.
///
/// Props: `record`.
#[component]
pub fn Handover(record: Record) -> impl IntoView {
    let i18n = use_i18n();
    let qr_text = record.to_qr_text();
    let json = record.to_json();
    let name = format!(
        "firstaid-record-{}.json",
        record
            .body
            .key
            .fingerprint()
            .replace('-', "")
            .to_lowercase()[..8]
            .to_owned()
    );
    let status = RwSignal::new(None::<&'static str>);
    let can_share = share::can_share_file("application/json");
    let (json2, name2) = (json.clone(), name.clone());
    let download = move |_| {
        if let Err(e) = files::download_text(&name2, "application/json", &json2) {
            web_sys::console::warn_1(&e.into());
        }
    };
    let share_file = move |_| {
        let (json, name) = (json.clone(), name.clone());
        leptos::task::spawn_local(async move {
            let title = t_string!(i18n, records.record_heading);
            if let Err(e) = share::share_file(&name, "application/json", &json, title).await {
                web_sys::console::warn_1(&format!("share: {e:?}").into());
            }
        });
    };
    let qr_text2 = qr_text.clone();
    let copy = move |_| copy_reporting(i18n, qr_text2.clone(), status);
    view! {
        <QrImage text=qr_text.clone() label=move || t_string!(i18n, records.qr_label).to_owned() testid="record-qr" />
        <div class="actions">
            <button type="button" class="primary" data-testid="download-record" on:click=download>
                {t!(i18n, records.download)}
            </button>
            {can_share.then(|| view! {
                <button type="button" data-testid="share-record" on:click=share_file>{t!(i18n, records.share)}</button>
            })}
            <button type="button" data-testid="copy-record" on:click=copy>{t!(i18n, records.copy)}</button>
        </div>
        <p role="status" class="status">{move || status.get()}</p>
        <label class="field">
            <span>{t!(i18n, records.text_label)}</span>
            <textarea readonly rows="4" class="mono" data-testid="record-text">{qr_text}</textarea>
        </label>
    }
}
