//! The practical exam on the instructor's phone: one learner at a time,
//! marked against a skills checklist (`content::checklist`) with two large
//! buttons per item, a note where needed, the learner's trainer figures
//! beside the items they are evidence for, and "Next learner" in one tap
//! (the next not yet assessed on every checklist; when there is none, the
//! card says everyone is).
//! Every mark is saved at once (the roster row's `assessments`).

use leptos::prelude::*;

use super::{Row, Verify};
use crate::adapters::platform;
use crate::app::fill;
use crate::app::focus::focus_id_later;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::content::checklist::{Checklist, Evidence, Item};
use crate::records::assess::{next_to_assess, Assessments, Mark, Outcome};
use crate::records::keys::PublicKey;
use crate::records::record::TrainerSummary;
use crate::settings::Lang;

impl Verify {
    /// The checklists, in order.
    fn checklists(self) -> Vec<Checklist> {
        self.curriculum.with_value(|c| c.checklists.clone())
    }

    /// Changes the marks of the learner with this key, saved at once.
    fn change_marks(self, key: PublicKey, change: impl FnOnce(&mut Assessments)) {
        let id = self.id();
        self.state.update_records(|r| {
            if let Some(e) = r
                .instructor
                .assignments
                .iter_mut()
                .find(|e| e.get().is_some_and(|x| x.body.id == id))
            {
                e.roster.assess(&key, change);
            }
        });
    }

    /// Opens the practical exam for a learner and moves focus to it.
    pub(super) fn assess(self, key: PublicKey) {
        self.assessing.set(Some(key));
        focus_id_later("practical-heading");
    }
}

/// The learner's name as the roster shows it ("Name (number)").
pub(super) fn who(row: &Row) -> String {
    let l = &row.rec.body.learner;
    match &l.number {
        Some(n) => format!("{} ({n})", l.name),
        None => l.name.clone(),
    }
}

/// The practical exam of the learner being assessed (nothing when none is).
///
/// Props: `verify` — the verifier's shared state.
#[component]
pub(super) fn PracticalCard(verify: Verify) -> impl IntoView {
    move || {
        verify
            .assessing
            .get()
            .map(|key| view! { <LearnerPractical verify key /> })
    }
}

/// One learner's practical exam. Built once per learner: marks change
/// only what shows them, so focus stays on the button just pressed.
///
/// Props: `verify` — the verifier's shared state; `key` — the learner's
/// device key.
#[component]
fn LearnerPractical(verify: Verify, key: PublicKey) -> impl IntoView {
    let i18n = use_i18n();
    let row = verify
        .rows
        .with_untracked(|rows| rows.iter().find(|r| r.rec.body.key == key).cloned());
    let row = row?;
    let marks = Memo::new(move |_| {
        verify.rows.with(|rows| {
            rows.iter()
                .find(|r| r.rec.body.key == key)
                .map(|r| r.assessments.clone())
                .unwrap_or_default()
        })
    });
    let lists = verify.checklists();
    let chosen = RwSignal::new(lists.first().map(|c| c.id.clone()));
    let name = who(&row);
    let trainer = row.rec.body.trainer.clone();
    let l = verify.lang();
    let tabs = lists
        .iter()
        .map(|c| {
            let (id, id2, list) = (c.id.clone(), c.id.clone(), c.clone());
            let pressed = move || (chosen.get().as_deref() == Some(id.as_str())).to_string();
            let badge = move || outcome_badge(verify, &marks.with(|m| m.outcome(&list)));
            view! {
                <button type="button" class="checklist-tab" aria-pressed=pressed
                    data-testid="checklist-tab" on:click=move |_| chosen.set(Some(id2.clone()))>
                    <span>{c.title.get(l).to_owned()}</span>
                    <span class="checklist-badge">{badge}</span>
                </button>
            }
        })
        .collect_view();
    let lists = StoredValue::new(lists);
    let body = move || {
        let list = chosen
            .get()
            .and_then(|id| lists.with_value(|ls| ls.iter().find(|c| c.id == id).cloned()))?;
        Some(view! { <ChecklistMarks verify key list marks trainer=trainer.clone() /> })
    };
    // The next learner not yet done, in the roster's order (wrapping);
    // none when everyone else is.
    let after = Memo::new(move |_| {
        lists.with_value(|lists| {
            verify.rows.with(|rows| {
                let order: Vec<(PublicKey, bool)> = rows
                    .iter()
                    .map(|r| (r.rec.body.key, r.assessments.is_done(lists)))
                    .collect();
                next_to_assess(&order, key)
            })
        })
    });
    let this_done = move || lists.with_value(|l| marks.with(|m| m.is_done(l)));
    let next_or_done = move || match after.get() {
        Some(k) => view! {
            <button type="button" class="primary" data-testid="next-learner"
                on:click=move |_| verify.assess(k)>{t!(i18n, practical.next)}</button>
        }
        .into_any(),
        None => view! {
            <p class="all-assessed" role="status" data-testid="all-assessed">
                {move || if this_done() {
                    t_string!(i18n, practical.all_done)
                } else {
                    t_string!(i18n, practical.others_done)
                }}
            </p>
        }
        .into_any(),
    };
    let close = move |_| {
        verify.assessing.set(None);
        focus_id_later(format!("assess-{}", key.fingerprint()));
    };
    Some(view! {
        <section class="card practical" aria-labelledby="practical-heading" data-testid="practical">
            <h2 id="practical-heading" class="keep-words" tabindex="-1">{fill(t_string!(i18n, practical.heading), &[("name", &name)])}</h2>
            <div class="checklist-tabs" role="group" aria-label=t_string!(i18n, practical.checklist)>{tabs}</div>
            {body}
            <div class="actions practical-actions">
                {next_or_done}
                <button type="button" data-testid="close-practical" on:click=close>{t!(i18n, practical.close)}</button>
            </div>
        </section>
    })
}

/// A checklist's outcome in a few words.
fn outcome_badge(verify: Verify, o: &Outcome) -> String {
    let i18n = verify.i18n;
    match o {
        Outcome::Passed { .. } => format!("✓ {}", t_string!(i18n, practical.passed)),
        Outcome::NeedsPractice(_) => t_string!(i18n, practical.practice).to_owned(),
        Outcome::InProgress { marked, total } => fill(
            t_string!(i18n, practical.marked),
            &[("marked", marked), ("total", total)],
        ),
    }
}

/// One checklist's items with their marks, and the outcome.
///
/// Props: `verify` — the verifier's state; `key` — the learner's device
/// key; `list` — the checklist; `marks` — the learner's marks, live;
/// `trainer` — their trainer session, if their record has one.
#[component]
fn ChecklistMarks(
    verify: Verify,
    key: PublicKey,
    list: Checklist,
    marks: Memo<Assessments>,
    trainer: Option<TrainerSummary>,
) -> impl IntoView {
    let i18n = verify.i18n;
    let l = verify.lang();
    let profile = verify.state.settings.with_untracked(|s| s.profile);
    let items = list
        .items
        .iter()
        .map(|item| {
            let note = marks.with_untracked(|m| {
                m.of(&list.id)
                    .and_then(|a| a.note(&item.id))
                    .unwrap_or_default()
                    .to_owned()
            });
            item_view(
                verify,
                key,
                &list.id,
                item,
                marks,
                note,
                trainer.as_ref(),
                l,
            )
        })
        .collect_view();
    let outcome = move || match marks.with(|m| m.outcome(&list)) {
        Outcome::NeedsPractice(ids) => {
            let names: Vec<String> = ids
                .iter()
                .filter_map(|id| list.item(id))
                .map(|i| short(i.for_profile(profile).text.get(l)))
                .collect();
            fill(
                t_string!(i18n, practical.outcome_practice),
                &[("items", &names.join("; "))],
            )
        }
        Outcome::Passed { .. } => t_string!(i18n, practical.outcome_passed).to_owned(),
        o => outcome_badge(verify, &o),
    };
    view! {
        <ol class="checklist-items">{items}</ol>
        <p class="checklist-outcome" role="status" data-testid="checklist-outcome">{outcome}</p>
    }
}

/// The first sentence or clause of an item, for the outcome line.
fn short(text: &str) -> String {
    let end = text.find(['；', ';', '：', ':']).unwrap_or(text.len());
    text[..end].trim_end_matches(['。', '.']).to_owned()
}

/// One item: its words, the trainer's figure if it is evidence, the two
/// mark buttons (pressing the pressed one clears it) and a note.
#[allow(clippy::too_many_arguments)]
fn item_view(
    verify: Verify,
    key: PublicKey,
    list: &str,
    item: &Item,
    marks: Memo<Assessments>,
    note: String,
    trainer: Option<&TrainerSummary>,
    l: Lang,
) -> impl IntoView {
    let i18n = verify.i18n;
    let profile = verify.state.settings.with_untracked(|s| s.profile);
    let resolved = item.for_profile(profile);
    let text = resolved.text.get(l).to_owned();
    let review = resolved.review.map(|r| r.get(l).to_owned());
    let evidence = item.evidence.map(|e| evidence_text(verify, e, trainer));
    let id = format!("item-{}-{}", list, item.id);
    let (list, item_id) = (list.to_owned(), item.id.clone());
    let save_note = {
        let (list, item_id) = (list.clone(), item_id.clone());
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            verify.change_marks(key, |a| a.set_note(&list, &item_id, &v, platform::now_ms()));
        }
    };
    let mark = {
        let (list, item_id) = (list.clone(), item_id.clone());
        move || marks.with(|m| m.of(&list).and_then(|a| a.mark(&item_id)))
    };
    let mark2 = mark.clone();
    let set = move |m: Mark| {
        let (list, item_id, mark) = (list.clone(), item_id.clone(), mark.clone());
        move |_| {
            let new = (untrack(&mark) != Some(m)).then_some(m);
            verify.change_marks(key, |a| {
                a.set_mark(&list, &item_id, new, platform::now_ms())
            });
        }
    };
    let pressed = move |m: Mark| {
        let mark = mark2.clone();
        move || (mark() == Some(m)).to_string()
    };
    let has_note = !note.is_empty();
    view! {
        <li class="checklist-item" data-testid="checklist-item" data-item=item.id.clone()>
            <p id=id.clone()>{text}</p>
            {evidence.map(|e| view! { <p class="evidence" data-testid="evidence">{e}</p> })}
            <div class="mark-buttons" role="group" aria-labelledby=id>
                <button type="button" class="mark-pass" aria-pressed=pressed(Mark::Passed)
                    data-testid="mark-passed" on:click=set(Mark::Passed)>
                    <span aria-hidden="true">"✓ "</span>{t!(i18n, practical.passed)}
                </button>
                <button type="button" class="mark-practice" aria-pressed=pressed(Mark::Practice)
                    data-testid="mark-practice" on:click=set(Mark::Practice)>
                    {t!(i18n, practical.practice)}
                </button>
            </div>
            <details class="item-note" open=has_note>
                <summary>{t!(i18n, practical.note)}</summary>
                <label class="field">
                    <span class="visually-hidden">{t!(i18n, practical.note)}</span>
                    <textarea rows="2" data-testid="item-note" prop:value=note on:change=save_note></textarea>
                </label>
            </details>
            {review.map(|r| view! { <details class="item-review"><summary>{t!(i18n, practical.review)}</summary><p>{r}</p></details> })}
        </li>
    }
}

/// The learner's trainer figure behind an item, in words.
fn evidence_text(verify: Verify, e: Evidence, trainer: Option<&TrainerSummary>) -> String {
    let i18n = verify.i18n;
    let figures = trainer.and_then(|t| match e {
        Evidence::Rate => t.mean_rate_dpm.zip(t.rate_in_range_pct).map(|(r, p)| {
            fill(
                t_string!(i18n, practical.evidence_rate),
                &[("rate", &((r + 5) / 10)), ("pct", &p)],
            )
        }),
        Evidence::Depth => t.mean_depth_dmm.zip(t.depth_in_range_pct).map(|(d, p)| {
            fill(
                t_string!(i18n, practical.evidence_depth),
                &[
                    ("depth", &format!("{:.1}", f64::from(d) / 100.0)),
                    ("pct", &p),
                ],
            )
        }),
    });
    figures.unwrap_or_else(|| t_string!(i18n, practical.evidence_none).to_owned())
}
