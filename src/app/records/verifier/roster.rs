//! The verifier's roster: one row per learner's device, where each stands
//! on the practical exam, certificates issued, the CSV export.

use leptos::prelude::*;

use super::practical::who;
use super::{Row, Verify};
use crate::adapters::{files, platform, random};
use crate::app::fill;
use crate::app::focus::focus_id_later;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::records::contents::local_time;
use crate::app::records::reasons::failure_text;
use crate::credentials::badge;
use crate::credentials::link::link;
use crate::credentials::roster::{certificate_input, RosterLearner};
use crate::records::assess::{self, Practical};
use crate::records::roster::{self, CsvLabels};
use crate::settings::Lang;
use crate::time::format_iso_local;

impl Verify {
    /// The roster as a CSV file, downloaded.
    fn export(self) {
        let i18n = self.i18n;
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
                t_string!(i18n, verifier.csv_checklists),
                t_string!(i18n, verifier.col_time),
                t_string!(i18n, verifier.csv_reasons),
            ],
            ok: t_string!(i18n, verifier.ok),
            fail: t_string!(i18n, verifier.failed),
            earlier: t_string!(i18n, verifier.checked_earlier),
        };
        let mut csv = roster::csv_header(&labels);
        let l = self.lang();
        let c4 = self.curriculum.get_value();
        let words = assess::SummaryWords {
            passed: t_string!(i18n, practical.passed),
            practice: t_string!(i18n, practical.csv_practice),
            before: t_string!(i18n, practical.before),
        };
        for row in self.rows.get_untracked() {
            let ticked = matches!(row.practical, Practical::Before { .. });
            let checklists = assess::summary(
                &row.assessments,
                &c4.checklists,
                &|c| c.title.get(l).to_owned(),
                ticked,
                &words,
            );
            csv.push_str(&roster::csv_row(
                &row.rec,
                &row.status,
                row.practical.at_ms(),
                &checklists,
                row.at,
                &labels,
                &|ch, f| failure_text(i18n, Some(&c4), l, ch, f),
                &|ms| format_iso_local(ms, platform::local_offset_minutes(ms)),
            ));
        }
        let (class, id3) = self
            .assignment
            .with_value(|a| (a.body.class.clone(), a.body.id.clone()));
        let name = format!(
            "firstaid-roster-{}-{}.csv",
            id3,
            class.replace(['/', '\\', ' '], "_")
        );
        if let Err(e) = files::download_text(&name, "text/csv;charset=utf-8", &csv) {
            web_sys::console::warn_1(&e.into());
        }
    }

    /// Issues a certificate to a learner who passed (theory verified,
    /// practical exam passed), signed with this phone's instructor key,
    /// with their results (the row's exam percents and checklist marks);
    /// says so in the roster's live region and moves focus to the new
    /// "Open the certificate" link. `who` is the learner as the roster
    /// names them.
    fn issue(self, row: &Row, who: String) {
        let rec = &row.rec;
        let state = self.state;
        let (Some(key), Some(random)) = (state.instructor_key(), random::key_seed()) else {
            return;
        };
        let (a5, c5, id5) = (
            self.assignment.get_value(),
            self.curriculum.get_value(),
            self.id(),
        );
        let name = state.records.with_untracked(|r| r.instructor.name.clone());
        let profile = state.settings.with_untracked(|s| s.profile);
        let learner = RosterLearner {
            record: rec,
            exam_percents: row.status.exam_percents(),
            assessments: &row.assessments,
        };
        let input = certificate_input(
            &learner,
            &a5,
            &c5,
            &name,
            profile,
            platform::now_ms(),
            random,
        );
        match badge::issue(&input, &key).map(|v| badge::to_qr_text(&v)) {
            Ok(Ok(qr)) => {
                let fp = rec.body.key.fingerprint();
                focus_id_later(format!("certificate-{fp}"));
                self.issued.set(Some((fp, who)));
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
    }
}

/// The class roster: how many passed, one entry per learner's device (a
/// card on a phone, a table row where the roster has room: one table, laid
/// out by `style/components/roster.css`), the confirmation of a
/// certificate issued, the CSV export.
///
/// Props: `verify` — the verifier's shared state.
#[component]
pub(super) fn RosterCard(verify: Verify) -> impl IntoView {
    let i18n = use_i18n();
    let rows = verify.rows;
    // Keyed by learner, stamp, language and whether the row shows the
    // certificate just issued: a scan draws one new row and a mark or a
    // certificate redraws one, whatever the class's size.
    let each = move || {
        let l = verify.lang();
        let issued = verify.issued.with(|i| i.as_ref().map(|(fp, _)| fp.clone()));
        rows.get()
            .into_iter()
            .map(|row| {
                let fp = row.fp.clone();
                ((l, issued.as_ref() == Some(&fp), fp, row.stamp), row)
            })
            .collect::<Vec<_>>()
    };
    let counts = move || rows.with(|r| (r.iter().filter(|row| row.status.ok()).count(), r.len()));
    let issued = move || {
        verify.issued.with(|i| {
            i.as_ref()
                .map(|(_, who)| fill(t_string!(i18n, certificate.issued_to), &[("name", who)]))
        })
    };

    view! {
        <section class="card" aria-labelledby="roster-heading">
            <h2 id="roster-heading">{t!(i18n, verifier.roster_heading)}</h2>
            <p data-testid="roster-count">{move || { let (ok, n) = counts(); t!(i18n, verifier.roster_count, ok = move || ok, n = move || n) }}</p>
            <p role="status" class="status roster-status" data-testid="roster-status">{issued}</p>
            <Show when=move || counts().1 != 0 fallback=move || view! { <p class="help">{t!(i18n, verifier.empty)}</p> }>
                <div class="roster-wrap">
                    <table class="roster" aria-labelledby="roster-heading">
                        <thead><tr>
                            <th scope="col">{t!(i18n, verifier.col_name)}</th>
                            <th scope="col">{t!(i18n, verifier.col_status)}</th>
                            <th scope="col">{t!(i18n, verifier.col_exam)}</th>
                            <th scope="col">{t!(i18n, verifier.col_trainer)}</th>
                            <th scope="col">{t!(i18n, verifier.col_practical)}</th>
                            <th scope="col">{t!(i18n, verifier.col_time)}</th>
                        </tr></thead>
                        <tbody>
                            <For each key=|(k, _)| k.clone()
                                children=move |((l, ..), row)| roster_row(verify, Row::clone(&row), l) />
                        </tbody>
                    </table>
                </div>
                <button type="button" data-testid="export-roster" on:click=move |_| verify.export()>{t!(i18n, verifier.export_csv)}</button>
            </Show>
            <p class="help">{t!(i18n, certificate.valid_years)}</p>
            <p class="help">{t!(i18n, verifier.backup_note)}</p>
        </section>
    }
}

/// One roster entry: the learner, the verdict with its reasons, exam and
/// trainer figures, the practical exam (where they stand, "Assess") and the
/// certificate,
/// when it was read. Each cell starts with its column's name, shown only
/// where the entry is a card (the table's head names the columns where it
/// is a table). Drawn again only when the row, its stamp or the language
/// changes (the roster's `For` is keyed by them).
fn roster_row(verify: Verify, row: Row, l: Lang) -> impl IntoView {
    let i18n = verify.i18n;
    let who = who(&row);
    let checklists_passed = verify.curriculum.with_value(|c| {
        c.checklists
            .iter()
            .filter(|l| matches!(row.assessments.outcome(l), assess::Outcome::Passed { .. }))
            .count()
    });
    let checklists_total = verify.curriculum.with_value(|c| c.checklists.len());
    let issuing = row.clone();
    let Row {
        rec,
        status,
        at,
        practical,
        certificate,
        ..
    } = row;
    let ok = status.ok();
    // Each figure whole: "100%" never breaks between its digits and sign.
    let exams = status
        .exam_percents()
        .iter()
        .map(|p| p.map_or("?".to_owned(), |p| format!("{p}%")))
        .map(|p| view! { <span class="num">{p}</span>" " })
        .collect::<Vec<_>>();
    let exams = if exams.is_empty() { None } else { Some(exams) };
    let trainer = rec
        .body
        .trainer
        .as_ref()
        .and_then(|t| t.score)
        .map_or("–".to_owned(), |s| s.to_string());
    let reasons = verify.status_reasons(&status);
    let practical_text = match practical {
        Practical::Passed { .. } => t_string!(i18n, practical.all_passed).to_owned(),
        Practical::Before { .. } => t_string!(i18n, practical.before).to_owned(),
        Practical::Pending => fill(
            t_string!(i18n, practical.progress),
            &[("n", &checklists_passed), ("total", &checklists_total)],
        ),
    };
    let assess_label = fill(t_string!(i18n, practical.assess_label), &[("name", &who)]);
    let key = rec.body.key;
    let fp = key.fingerprint();
    let just_issued = verify
        .issued
        .with_untracked(|i| i.as_ref().is_some_and(|(f, _)| *f == fp));
    let certificate_view = match (certificate, ok && practical.done()) {
        (Some(q), _) => {
            let label = fill(t_string!(i18n, certificate.view_label), &[("name", &who)]);
            Some(view! {
                {just_issued.then(|| view! { <span class="issued" data-testid="certificate-issued">{t!(i18n, certificate.issued)}</span> })}
                <a class="button roster-action" href=link("", &q) aria-label=label id=format!("certificate-{fp}") data-testid="open-certificate">{t!(i18n, certificate.view)}</a>
            }.into_any())
        }
        (None, true) => {
            let label = fill(t_string!(i18n, certificate.issue_label), &[("name", &who)]);
            let who = who.clone();
            Some(view! { <button type="button" class="primary roster-action" aria-label=label data-testid="issue-certificate" on:click=move |_| verify.issue(&issuing, who.clone())>{t!(i18n, certificate.issue)}</button> }.into_any())
        }
        (None, false) => None,
    };
    let label = |text| view! { <span class="cell-label">{text}</span> };
    view! {
        <tr data-testid="roster-row">
            <th scope="row">{rec.body.learner.name.clone()}{rec.body.learner.number.clone().map(|n| view! { " "<span class="num">"("{n}")"</span> })}</th>
            <td>
                {label(t_string!(i18n, verifier.col_status))}
                <div>
                    <span class=if ok { "status-ok" } else { "status-fail" }>{if ok { t_string!(i18n, verifier.ok) } else { t_string!(i18n, verifier.failed) }}</span>
                    {(!reasons.is_empty()).then(|| view! { <ul class="reasons">{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> })}
                </div>
            </td>
            <td>{label(t_string!(i18n, verifier.col_exam))}<span>{exams.map_or_else(|| "–".into_any(), |e| e.collect_view().into_any())}</span></td>
            <td>{label(t_string!(i18n, verifier.col_trainer))}<span class="num">{trainer}</span></td>
            <td class="roster-practical">
                {label(t_string!(i18n, verifier.col_practical))}
                <span data-testid="practical-status" class:status-ok=practical.done()>{practical_text}</span>
                <button type="button" class="roster-action" id=format!("assess-{fp}") aria-label=assess_label
                    data-testid="assess" on:click=move |_| verify.assess(key)>{t!(i18n, practical.assess)}</button>
                {certificate_view}
            </td>
            <td>{label(t_string!(i18n, verifier.col_time))}<span>{local_time(at.max(0) as u64, l.tag())}</span></td>
        </tr>
    }
}
