//! The instructor's verifier for one assignment: records read by camera,
//! from a photo or file, or pasted; each checked by `records::verify` and
//! put on the class roster (one row per learner's device), which is saved at
//! once and exported as CSV.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

mod camera;
mod practical;
mod roster;
mod session;

use super::contents::{read_picked, take_picked_file, Picked};
use super::reasons::{failure_text, record_error_text};
use crate::adapters::{audio, haptics, platform};
use crate::app::fill;
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::{use_state, AppState};
use crate::content::{Curriculum, CONTENT_VERSION};
use crate::records::assess::{Assessments, Practical};
use crate::records::assignment::Assignment;
use crate::records::keys::PublicKey;
use crate::records::record::Record;
use crate::records::roster::{Added, Entry, Status};
use crate::records::verify::{verify, Verdict};
use crate::settings::Lang;
use camera::{Camera, CameraButton, CameraView};
use leptos_i18n::I18nContext;
use practical::PracticalCard;
use roster::RosterCard;
use session::ClassSession;

/// The largest record file read (a record is a few kilobytes).
const MAX_FILE_BYTES: u64 = 256 * 1024;

/// What the last read did.
#[derive(Clone)]
enum Last {
    Read {
        name: String,
        /// The learner's device key (to open their practical exam).
        key: PublicKey,
        verdict: Verdict,
        /// What happened to the roster (`None`: the record answers another
        /// assignment or none, so it is not this class's business).
        added: Option<Added>,
    },
    Error(String),
}

/// A roster row as shown.
#[derive(Clone, PartialEq)]
struct Row {
    rec: Record,
    status: Status,
    /// When it was read.
    at: i64,
    /// The learner's marks on the skills checklists.
    assessments: Assessments,
    /// Where they stand on the practical exam (the checklists, or the tick
    /// of a roster from before them).
    practical: Practical,
    /// The certificate issued (its QR text).
    certificate: Option<String>,
    /// The fingerprint of the learner's device key.
    fp: String,
    /// Changes whenever anything above does: the roster redraws only the
    /// rows whose stamp changed, not 200 rows for one scan or one mark.
    stamp: u64,
}

/// A roster row as the roster's memo holds it: shared, and equal only to
/// itself (a row is made again only when its stored entry changed, so the
/// memo compares 200 pointers, not 200 records).
#[derive(Clone)]
struct Shown(Arc<Row>);

impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shown {
    type Target = Row;

    fn deref(&self) -> &Row {
        &self.0
    }
}

/// What the roster's memo keeps of a row between changes: the stored entry
/// it was made from, its record's verdict by this build and the row.
struct Kept {
    entry: Entry,
    verdict: Verdict,
    row: Shown,
}

/// Reads one text: a record is verified and put on the roster. A closure
/// holding the assignment and curriculum itself, so a file still being read
/// when the page goes away is checked as it always was.
type CheckText = Arc<dyn Fn(&str) + Send + Sync>;

/// What the verifier's parts share: the assignment and curriculum records
/// are checked against, what the last read did, and the roster as shown.
#[derive(Clone, Copy)]
struct Verify {
    i18n: I18nContext<Locale>,
    state: AppState,
    /// This instructor's assignment.
    assignment: StoredValue<Arc<Assignment>>,
    /// The curriculum records are re-scored with.
    curriculum: StoredValue<Arc<Curriculum>>,
    /// What the last read did.
    last: RwSignal<Option<Last>>,
    /// The roster: verdicts computed again where this build can re-score
    /// (else the one kept from when each record was read).
    rows: Memo<Vec<Shown>>,
    /// The learner last issued a certificate on this page: their key's
    /// fingerprint and name as the roster shows it (for the confirmation).
    issued: RwSignal<Option<(String, String)>>,
    /// The learner whose practical exam is open.
    assessing: RwSignal<Option<PublicKey>>,
}

impl Verify {
    fn lang(self) -> Lang {
        self.state.settings.get().lang
    }

    fn id(self) -> String {
        self.assignment.with_value(|a| a.body.id.clone())
    }

    fn reasons_of(self, v: &Verdict) -> Vec<String> {
        let c = self.curriculum.get_value();
        v.failures()
            .map(|(ch, f)| failure_text(self.i18n, Some(&c), self.lang(), ch, f))
            .collect()
    }

    fn status_reasons(self, s: &Status) -> Vec<String> {
        let i18n = self.i18n;
        match s {
            Status::Now(v) => self.reasons_of(v),
            Status::Earlier(c) => vec![fill(
                t_string!(i18n, verifier.checked_earlier),
                &[("version", &c.content_version)],
            )],
        }
    }
}

/// Verifier and roster of one assignment.
///
/// Props: `assignment` — this instructor's; `curriculum` — to re-score.
#[component]
pub fn Verifier(assignment: Assignment, curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let last = RwSignal::new(None::<Last>);
    let id = assignment.body.id.clone();
    let a = Arc::new(assignment);
    let c = curriculum;

    // The record just read and its verdict, for the roster's memo to show
    // without checking it again (taken by the memo's next run).
    let fresh = StoredValue::new(None::<(String, Verdict)>);
    // Reads one text: a record is verified and put on the roster.
    let (a1, c1, id1) = (a.clone(), c.clone(), id.clone());
    let check: CheckText = Arc::new(move |text: &str| match Record::parse(text) {
        Err(e) => last.set(Some(Last::Error(record_error_text(i18n, text, &e)))),
        Ok(record) => {
            let verdict = verify(&record, &c1, CONTENT_VERSION, Some(&a1));
            let answers_this = record
                .body
                .assignment
                .as_ref()
                .is_some_and(|r| r.id == a1.body.id && r.instructor == a1.body.key);
            // The record just checked is not checked again.
            let verdict_of = |r: &Record| {
                if r == &record {
                    verdict.clone()
                } else {
                    verify(r, &c1, CONTENT_VERSION, Some(&a1))
                }
            };
            if answers_this {
                fresh.set_value(Some((record.to_qr_text(), verdict.clone())));
            }
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
                key: record.body.key,
                verdict,
                added,
            }));
        }
    });

    let (a2, c2, id2) = (a.clone(), c.clone(), id);
    // Each record read and checked once, not again on every change to the
    // roster (a scan, a mark in the practical exam, a certificate), and
    // each row made again only when its stored entry changed: kept by
    // device key, for the rows on the roster only, with the verdict and the
    // row last shown. A scan compares each row with what was kept and makes
    // one new row.
    let cache = StoredValue::new(HashMap::<PublicKey, Kept>::new());
    let stamps = StoredValue::new(0u64);
    let rows = Memo::new(move |_| {
        let mut before = cache.try_update_value(std::mem::take).unwrap_or_default();
        let mut now = HashMap::with_capacity(before.len() + 1);
        let rows = state.records.with(|r| {
            let Some((i, _)) = r.instructor.issued(&id2) else {
                return Vec::new();
            };
            r.instructor.assignments[i]
                .roster
                .entries
                .iter()
                .filter_map(|e| {
                    // A row without its key yet (one restored, or stored
                    // before schema 13, until the class page fills it in)
                    // is found by its record.
                    let key = e.key.or_else(|| e.record().map(|r| r.body.key))?;
                    let kept = match before.remove(&key) {
                        Some(k) if k.entry == *e => k,
                        other => {
                            let (rec, verdict) = match other {
                                Some(k) if k.entry.record == e.record => {
                                    (k.row.rec.clone(), k.verdict)
                                }
                                _ => {
                                    let rec = e.record()?;
                                    let v = fresh
                                        .try_update_value(|f| f.take())
                                        .flatten()
                                        .filter(|(text, _)| *text == e.record)
                                        .map_or_else(
                                            || verify(&rec, &c2, CONTENT_VERSION, Some(&a2)),
                                            |(_, v)| v,
                                        );
                                    (rec, v)
                                }
                            };
                            stamps.update_value(|n| *n += 1);
                            let row = Row {
                                status: e.status(&rec, verdict.clone()),
                                at: e.verified_at_ms,
                                practical: e
                                    .assessments
                                    .practical(&c2.checklists, e.practical_passed_at_ms),
                                assessments: e.assessments.clone(),
                                certificate: e.certificate.clone(),
                                fp: key.fingerprint(),
                                rec,
                                stamp: stamps.get_value(),
                            };
                            Kept {
                                entry: e.clone(),
                                verdict,
                                row: Shown(Arc::new(row)),
                            }
                        }
                    };
                    let shown = kept.row.clone();
                    now.insert(key, kept);
                    Some(shown)
                })
                .collect::<Vec<_>>()
        });
        cache.set_value(now);
        rows
    });
    let verify = Verify {
        i18n,
        state,
        assignment: StoredValue::new(a),
        curriculum: StoredValue::new(c),
        last,
        rows,
        issued: RwSignal::new(None),
        assessing: RwSignal::new(None),
    };

    view! {
        <ReadCard verify check />
        <PracticalCard verify />
        <ClassSession verify />
        <RosterCard verify />
    }
}

/// The first card: a record read by camera, from a photo or file, or
/// pasted, and what the last read did. The camera stops when the page goes.
///
/// Props: `verify` — the verifier's shared state; `check` — reads one text.
#[component]
fn ReadCard(verify: Verify, check: CheckText) -> impl IntoView {
    let i18n = use_i18n();
    let last = verify.last;
    let pasted = RwSignal::new(String::new());

    let check_paste = {
        let check = check.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            audio::prime_beep();
            check(&pasted.get_untracked());
            // A record read: the box is ready for the next learner's.
            if matches!(last.get_untracked(), Some(Last::Read { .. })) {
                pasted.set(String::new());
            }
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

    let camera = Camera::new();
    on_cleanup(move || camera.stop());

    view! {
        <section class="card" aria-labelledby="verify-heading">
            <h2 id="verify-heading">{t!(i18n, verifier.heading)}</h2>
            <p class="help">{t!(i18n, verifier.help)}</p>
            <div class="actions">
                <CameraButton camera check />
                <label class="button file-button">
                    <input type="file" accept="image/*,application/json,.json,.txt,text/plain" class="visually-hidden"
                        data-testid="verify-file" on:change=check_file />
                    {t!(i18n, verifier.file)}
                </label>
            </div>
            <CameraView camera />
            <form on:submit=check_paste>
                <label class="field">
                    <span>{t!(i18n, verifier.paste)}</span>
                    <textarea rows="3" class="mono" data-testid="verify-paste" prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </label>
                <button type="submit" data-testid="verify-check">{t!(i18n, verifier.check)}</button>
            </form>
            <LastRead verify />
        </section>
    }
}

/// What the last read did: the learner's name and verdict with its
/// reasons and what happened to the roster, or why nothing could be read.
///
/// Props: `verify` — the verifier's shared state.
#[component]
fn LastRead(verify: Verify) -> impl IntoView {
    let i18n = use_i18n();
    let last = verify.last;
    let last_view = move || {
        last.get().map(|l| match l {
            Last::Error(e) => view! { <p class="error" data-testid="verify-error">{e}</p> }.into_any(),
            Last::Read { name, key, verdict, added } => {
                // On the roster: their practical exam is one tap away.
                let on_roster = matches!(added, Some(Added::New | Added::Updated | Added::Older | Added::KeptPassing));
                let assess_label = fill(t_string!(i18n, practical.assess_label), &[("name", &name)]);
                let ok = verdict.ok();
                let reasons = verify.reasons_of(&verdict);
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
                        {on_roster.then(|| view! {
                            <button type="button" class="primary" aria-label=assess_label data-testid="assess-last"
                                on:click=move |_| verify.assess(key)>{t!(i18n, practical.assess)}</button>
                        })}
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <div aria-live="polite" data-testid="verify-last">
            {move || last.get().is_some().then(|| view! { <h3>{t!(i18n, verifier.last)}</h3> })}
            {last_view}
        </div>
    }
}
