//! The instructor's verifier for one assignment: records read by camera,
//! from a photo or file, or pasted; each checked by `records::verify` and
//! put on the class roster (one row per learner's device), which is saved at
//! once and exported as CSV.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::contents::{local_time, read_picked, take_picked_file, Picked};
use super::reasons::{failure_text, record_error_text};
use crate::adapters::{audio, camera, files, haptics, platform, random};
use crate::app::fill;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::content::{Curriculum, CONTENT_VERSION};
use crate::credentials::badge;
use crate::credentials::link::link;
use crate::credentials::roster::certificate_input;
use crate::records::assignment::Assignment;
use crate::records::keys::PublicKey;
use crate::records::record::Record;
use crate::records::roster::{self, Added, CsvLabels, Status};
use crate::records::verify::{verify, Verdict};

/// The largest record file read (a record is a few kilobytes).
const MAX_FILE_BYTES: u64 = 256 * 1024;

/// What the last read did.
#[derive(Clone)]
enum Last {
    Read {
        name: String,
        verdict: Verdict,
        /// What happened to the roster (`None`: the record answers another
        /// assignment or none, so it is not this class's business).
        added: Option<Added>,
    },
    Error(String),
}

/// Focuses the element with this id once the page has rendered again (the
/// roster's rows are rebuilt when one changes: focus stays on the control
/// that was used, or on what replaced it).
fn focus_id_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// A roster row as shown.
#[derive(Clone, PartialEq)]
struct Row {
    rec: Record,
    status: Status,
    /// When it was read.
    at: i64,
    /// When the practical exam was marked passed.
    practical: Option<i64>,
    /// The certificate issued (its QR text).
    certificate: Option<String>,
}

/// Why the camera is not scanning.
#[derive(Clone, PartialEq, Eq)]
enum CameraState {
    Off,
    Starting,
    On,
    /// Why it could not start (translated when shown, so the message
    /// follows a change of language).
    Failed(camera::CameraError),
}

/// Verifier and roster of one assignment.
///
/// Props: `assignment` — this instructor's; `curriculum` — to re-score.
#[component]
pub fn Verifier(assignment: Assignment, curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let last = RwSignal::new(None::<Last>);
    let pasted = RwSignal::new(String::new());
    let id = assignment.body.id.clone();
    let a = Arc::new(assignment);
    let c = curriculum;

    // Reads one text: a record is verified and put on the roster.
    let (a1, c1, id1) = (a.clone(), c.clone(), id.clone());
    let check = Arc::new(move |text: &str| match Record::parse(text) {
        Err(e) => last.set(Some(Last::Error(record_error_text(i18n, &e)))),
        Ok(record) => {
            let verdict = verify(&record, &c1, CONTENT_VERSION, Some(&a1));
            let answers_this = record
                .body
                .assignment
                .as_ref()
                .is_some_and(|r| r.id == a1.body.id && r.instructor == a1.body.key);
            let verdict_of = |r: &Record| verify(r, &c1, CONTENT_VERSION, Some(&a1));
            let added = answers_this.then(|| {
                state.update_records(|r| {
                    r.instructor
                        .assignments
                        .iter_mut()
                        .find(|e| e.get().is_some_and(|x| x.body.id == id1))
                        .map_or(Added::Unsigned, |e| {
                            e.roster
                                .add_verified(&record, platform::now_ms(), &verdict_of)
                        })
                })
            });
            audio::beep();
            haptics::pulse(if verdict.ok() { 80 } else { 300 });
            last.set(Some(Last::Read {
                name: record.body.learner.name.clone(),
                verdict,
                added,
            }));
        }
    });

    let check_paste = {
        let check = check.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            audio::prime_beep();
            check(&pasted.get_untracked());
        }
    };

    let check_file = {
        let check = check.clone();
        move |ev: leptos::ev::Event| {
            let Some(file) = take_picked_file(&ev) else {
                return;
            };
            audio::prime_beep();
            let check = check.clone();
            leptos::task::spawn_local(async move {
                let error = |e: &'static str| last.set(Some(Last::Error(e.to_owned())));
                match read_picked(file, MAX_FILE_BYTES).await {
                    Picked::Codes(texts) => {
                        for t in texts {
                            check(&t);
                        }
                    }
                    Picked::Text(text) => check(&text),
                    Picked::NoCode => error(t_string!(i18n, verifier.no_code)),
                    Picked::TooLarge => error(t_string!(i18n, reason.not_record)),
                    Picked::Unreadable => error(t_string!(i18n, verifier.read_failed)),
                }
            });
        }
    };

    // The camera: scanning goes on until stopped; the same code seen again
    // in the next frames is read once.
    let video = NodeRef::<leptos::html::Video>::new();
    let cam = StoredValue::new_local(None::<camera::CameraScan>);
    let cam_state = RwSignal::new(CameraState::Off);
    let seen = StoredValue::new_local(String::new());
    // Bumped by every stop, so a start still waiting for the camera knows.
    let cam_generation = StoredValue::new(0u64);
    let start_camera = {
        let check = check.clone();
        move |_| {
            let Some(v) = video.get_untracked() else {
                return;
            };
            let el: web_sys::HtmlVideoElement = v.unchecked_into();
            // Inside the tap: the beep's audio may start (iOS).
            audio::prime_beep();
            cam_state.set(CameraState::Starting);
            let generation = cam_generation.get_value();
            let check = check.clone();
            leptos::task::spawn_local(async move {
                let on_text = move |text: String| {
                    if seen.with_value(|s| *s != text) {
                        seen.set_value(text.clone());
                        check(&text);
                    }
                };
                let started = camera::start(el, on_text).await;
                // Stopped (or started again) while the camera was coming
                // up: this scan is not wanted; dropping it stops the camera.
                if cam_generation.try_get_value() != Some(generation) {
                    return;
                }
                match started {
                    Ok(scan) => {
                        cam.set_value(Some(scan));
                        cam_state.set(CameraState::On);
                    }
                    Err(e) => {
                        if let camera::CameraError::Other(why) = &e {
                            web_sys::console::warn_1(&why.into());
                        }
                        cam_state.set(CameraState::Failed(e));
                    }
                }
            });
        }
    };
    let stop_camera = move || {
        cam_generation.update_value(|g| *g += 1);
        cam.update_value(|c| drop(c.take()));
        seen.set_value(String::new());
        cam_state.set(CameraState::Off);
    };
    on_cleanup(stop_camera);

    // The roster: verdicts computed again where this build can re-score
    // (else the one kept from when each record was read).
    let (a2, c2, id2) = (a.clone(), c.clone(), id.clone());
    let rows = Memo::new(move |_| {
        state.records.with(|r| {
            r.instructor
                .issued(&id2)
                .map(|(i, _)| r.instructor.assignments[i].roster.entries.clone())
                .unwrap_or_default()
                .into_iter()
                .filter_map(|e| {
                    let rec = e.record()?;
                    let status = e.status(&rec, verify(&rec, &c2, CONTENT_VERSION, Some(&a2)));
                    Some(Row {
                        status,
                        at: e.verified_at_ms,
                        practical: e.practical_passed_at_ms,
                        certificate: e.certificate.clone(),
                        rec,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let c3 = c.clone();
    let reasons_of = move |v: &Verdict| -> Vec<String> {
        v.failures()
            .map(|(ch, f)| failure_text(i18n, Some(&c3), lang(), ch, f))
            .collect()
    };
    let status_reasons = {
        let reasons_of = reasons_of.clone();
        move |s: &Status| -> Vec<String> {
            match s {
                Status::Now(v) => reasons_of(v),
                Status::Earlier(c) => vec![fill(
                    t_string!(i18n, verifier.checked_earlier),
                    &[("version", &c.content_version)],
                )],
            }
        }
    };
    // Marks a learner's practical exam passed (or not), saved at once.
    let id4 = id.clone();
    let set_practical = move |key: PublicKey, passed: bool| {
        focus_id_later(format!("practical-{}", key.fingerprint()));
        let at = passed.then(platform::now_ms);
        state.update_records(|r| {
            if let Some(e) = r
                .instructor
                .assignments
                .iter_mut()
                .find(|e| e.get().is_some_and(|x| x.body.id == id4))
            {
                e.roster.set_practical(&key, at);
            }
        });
    };
    let c4 = c.clone();
    let (class, id3) = (a.body.class.clone(), id.clone());
    let export = move |_| {
        let labels = CsvLabels {
            headers: [
                t_string!(i18n, verifier.col_name),
                t_string!(i18n, records.f_number),
                t_string!(i18n, records.f_class),
                t_string!(i18n, verifier.csv_device),
                t_string!(i18n, verifier.col_status),
                t_string!(i18n, verifier.csv_lessons),
                t_string!(i18n, verifier.col_exam),
                t_string!(i18n, verifier.col_trainer),
                t_string!(i18n, verifier.csv_practical),
                t_string!(i18n, verifier.col_time),
                t_string!(i18n, verifier.csv_reasons),
            ],
            ok: t_string!(i18n, verifier.ok),
            fail: t_string!(i18n, verifier.failed),
            earlier: t_string!(i18n, verifier.checked_earlier),
        };
        let mut csv = roster::csv_header(&labels);
        let l = lang();
        for row in rows.get_untracked() {
            csv.push_str(&roster::csv_row(
                &row.rec,
                &row.status,
                row.practical,
                row.at,
                &labels,
                &|ch, f| failure_text(i18n, Some(&c4), l, ch, f),
            ));
        }
        let name = format!(
            "firstaid-roster-{}-{}.csv",
            id3,
            class.replace(['/', '\\', ' '], "_")
        );
        if let Err(e) = files::download_text(&name, "text/csv;charset=utf-8", &csv) {
            web_sys::console::warn_1(&e.into());
        }
    };

    let last_view = {
        let reasons_of = reasons_of.clone();
        move || {
            last.get().map(|l| match l {
                Last::Error(e) => view! { <p class="error" data-testid="verify-error">{e}</p> }.into_any(),
                Last::Read { name, verdict, added } => {
                    let ok = verdict.ok();
                    let reasons = reasons_of(&verdict);
                    let added = match added {
                        None => t_string!(i18n, verifier.not_this_assignment),
                        Some(Added::New) => t_string!(i18n, verifier.added_new),
                        Some(Added::Updated) => t_string!(i18n, verifier.added_updated),
                        Some(Added::Older) => t_string!(i18n, verifier.added_older),
                        Some(Added::KeptPassing) => t_string!(i18n, verifier.added_kept_passing),
                        Some(Added::Unsigned) => t_string!(i18n, verifier.added_unsigned),
                    };
                    view! {
                        <div class="result" class:passed=ok class:failed=!ok data-testid="verify-result">
                            <p class="verdict">{name}{t!(i18n, records.colon)}{if ok { t_string!(i18n, verifier.ok) } else { t_string!(i18n, verifier.failed) }}</p>
                            <ul data-testid="verify-reasons">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                            <p>{added}</p>
                        </div>
                    }
                    .into_any()
                }
            })
        }
    };

    // Issues a certificate to a learner who passed (theory verified,
    // practical exam marked), signed with this phone's instructor key.
    let (a5, c5, id5) = (a.clone(), c.clone(), id.clone());
    let issue = move |rec: Record| {
        let (Some(key), Some(random)) = (state.instructor_key(), random::key_seed()) else {
            return;
        };
        let name = state.records.with_untracked(|r| r.instructor.name.clone());
        let profile = state.settings.with_untracked(|s| s.profile);
        let input = certificate_input(&rec, &a5, &c5, &name, profile, platform::now_ms(), random);
        match badge::issue(&input, &key).map(|v| badge::to_qr_text(&v)) {
            Ok(Ok(qr)) => {
                focus_id_later(format!("certificate-{}", rec.body.key.fingerprint()));
                state.update_records(|r| {
                    if let Some(e) = r
                        .instructor
                        .assignments
                        .iter_mut()
                        .find(|e| e.get().is_some_and(|x| x.body.id == id5))
                    {
                        e.roster.set_certificate(&rec.body.key, qr);
                    }
                })
            }
            Ok(Err(e)) => web_sys::console::warn_1(&format!("{e:?}").into()),
            Err(e) => web_sys::console::warn_1(&format!("{e:?}").into()),
        }
    };

    let roster_view = move || {
        let l = lang();
        rows.get()
            .into_iter()
            .map(|Row { rec, status, at, practical, certificate }| {
                let ok = status.ok();
                let exams = status
                    .exam_percents()
                    .iter()
                    .map(|p| p.map_or("?".to_owned(), |p| format!("{p}%")))
                    .collect::<Vec<_>>()
                    .join(" ");
                let trainer = rec.body.trainer.as_ref().and_then(|t| t.score).map(|s| s.to_string()).unwrap_or_default();
                let reasons = status_reasons(&status);
                let mut who = rec.body.learner.name.clone();
                if let Some(n) = &rec.body.learner.number {
                    who.push_str(&format!(" ({n})"));
                }
                let practical_label = fill(t_string!(i18n, verifier.practical_label), &[("name", &who)]);
                let key = rec.body.key;
                let set_practical = set_practical.clone();
                let certificate_view = match (certificate, ok && practical.is_some()) {
                    (Some(q), _) => {
                        let label = fill(t_string!(i18n, certificate.view_label), &[("name", &who)]);
                        Some(view! { <a class="button" href=link("", &q) aria-label=label id=format!("certificate-{}", key.fingerprint()) data-testid="open-certificate">{t!(i18n, certificate.view)}</a> }.into_any())
                    }
                    (None, true) => {
                        let label = fill(t_string!(i18n, certificate.issue_label), &[("name", &who)]);
                        let issue = issue.clone();
                        let rec = rec.clone();
                        Some(view! { <button type="button" aria-label=label data-testid="issue-certificate" on:click=move |_| issue(rec.clone())>{t!(i18n, certificate.issue)}</button> }.into_any())
                    }
                    (None, false) => None,
                };
                view! {
                    <tr data-testid="roster-row">
                        <th scope="row">{who}</th>
                        <td>
                            <span class=if ok { "status-ok" } else { "status-fail" }>{if ok { t_string!(i18n, verifier.ok) } else { t_string!(i18n, verifier.failed) }}</span>
                            {(!reasons.is_empty()).then(|| view! { <ul class="reasons">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> })}
                        </td>
                        <td>{exams}</td>
                        <td>{trainer}</td>
                        <td>
                            <label class="choice">
                                <input type="checkbox" data-testid="practical" aria-label=practical_label
                                    id=format!("practical-{}", key.fingerprint())
                                    prop:checked=practical.is_some()
                                    on:change=move |ev| set_practical(key, event_target_checked(&ev)) />
                                <span aria-hidden="true">{t!(i18n, verifier.practical_passed)}</span>
                            </label>
                            {certificate_view}
                        </td>
                        <td>{local_time(at.max(0) as u64, l.tag())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let counts = move || rows.with(|r| (r.iter().filter(|row| row.status.ok()).count(), r.len()));

    view! {
        <section class="card" aria-labelledby="verify-heading">
            <h2 id="verify-heading">{t!(i18n, verifier.heading)}</h2>
            <p class="help">{t!(i18n, verifier.help)}</p>
            <div class="actions">
                {move || match cam_state.get() {
                    CameraState::On | CameraState::Starting => view! {
                        <button type="button" data-testid="stop-camera" on:click=move |_| stop_camera()>{t!(i18n, verifier.stop)}</button>
                    }.into_any(),
                    _ => view! {
                        <button type="button" class="primary" data-testid="start-camera" on:click=start_camera.clone()>{t!(i18n, verifier.scan)}</button>
                    }.into_any(),
                }}
                <label class="button file-button">
                    <input type="file" accept="image/*,application/json,.json,.txt,text/plain" class="visually-hidden"
                        data-testid="verify-file" on:change=check_file />
                    {t!(i18n, verifier.file)}
                </label>
            </div>
            <video node_ref=video class="camera" muted=true playsinline=true
                aria-label=move || t_string!(i18n, verifier.camera_label)
                hidden=move || cam_state.get() != CameraState::On></video>
            {move || match cam_state.get() {
                CameraState::Failed(e) => Some(view! { <p class="error" role="alert">{match e {
                    camera::CameraError::NotSupported => t_string!(i18n, verifier.no_camera),
                    camera::CameraError::Denied => t_string!(i18n, verifier.denied),
                    camera::CameraError::NoCamera => t_string!(i18n, verifier.no_camera_found),
                    camera::CameraError::Other(_) => t_string!(i18n, verifier.camera_failed),
                }}</p> }),
                _ => None,
            }}
            <form on:submit=check_paste>
                <label class="field">
                    <span>{t!(i18n, verifier.paste)}</span>
                    <textarea rows="3" class="mono" data-testid="verify-paste" prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </label>
                <button type="submit" data-testid="verify-check">{t!(i18n, verifier.check)}</button>
            </form>
            <div aria-live="polite" data-testid="verify-last">
                {move || last.get().is_some().then(|| view! { <h3>{t!(i18n, verifier.last)}</h3> })}
                {last_view}
            </div>
        </section>
        <section class="card" aria-labelledby="roster-heading">
            <h2 id="roster-heading">{t!(i18n, verifier.roster_heading)}</h2>
            <p data-testid="roster-count">{move || { let (ok, n) = counts(); t!(i18n, verifier.roster_count, ok = move || ok, n = move || n) }}</p>
            <Show when=move || counts().1 != 0 fallback=move || view! { <p class="help">{t!(i18n, verifier.empty)}</p> }>
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || t_string!(i18n, verifier.table_label)>
                    <table class="roster">
                        <thead><tr>
                            <th scope="col">{t!(i18n, verifier.col_name)}</th>
                            <th scope="col">{t!(i18n, verifier.col_status)}</th>
                            <th scope="col">{t!(i18n, verifier.col_exam)}</th>
                            <th scope="col">{t!(i18n, verifier.col_trainer)}</th>
                            <th scope="col">{t!(i18n, verifier.col_practical)}</th>
                            <th scope="col">{t!(i18n, verifier.col_time)}</th>
                        </tr></thead>
                        <tbody>{roster_view.clone()}</tbody>
                    </table>
                </div>
                <button type="button" data-testid="export-roster" on:click=export.clone()>{t!(i18n, verifier.export_csv)}</button>
            </Show>
            <p class="help">{t!(i18n, certificate.valid_years)}</p>
            <p class="help">{t!(i18n, verifier.backup_note)}</p>
        </section>
    }
}
