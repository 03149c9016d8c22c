//! The instructor area: `/instructor` (name, key, new assignments, the
//! list) and `/instructor/:id` (sharing one assignment; its verifier and
//! roster live in [`super::verifier`]).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::contents::{local_time, QrImage};
use crate::adapters::{platform, random, share};
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::pages::with_curriculum;
use crate::app::state::{use_state, AppState};
use crate::content::{Curriculum, CONTENT_VERSION};
use crate::records::assignment::{Assignment, AssignmentBody, ExamRequirement};
use crate::records::stored::{assignment_id, Issued, MAX_FIELD_CHARS};
use leptos_i18n::I18nContext;

/// `/instructor`.
#[component]
pub fn InstructorPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, instructor.title));
    let state = use_state();
    view! {
        <section class="page instructor-page">
            <h1>{t!(i18n, instructor.title)}</h1>
            <p class="lead">{t!(i18n, instructor.intro)}</p>
            <InstructorCard />
            // What follows the new assignment's form comes with it, once the
            // lessons are read (shown before, it would be pushed down).
            {with_curriculum(state, move |c| view! {
                <NewAssignment curriculum=c.clone() />
                <AssignmentList />
                <super::held::HeldQuestions curriculum=c />
            })}
        </section>
    }
}

/// The instructor's name and key fingerprint.
#[component]
fn InstructorCard() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let name = RwSignal::new(state.records.with_untracked(|r| r.instructor.name.clone()));
    let saved = RwSignal::new(false);
    let fingerprint = state.instructor_key().map(|k| k.public().fingerprint());
    // Kept as soon as the field is left (`change`), not only on "Save":
    // a name typed and not saved would keep "Create" asking for it.
    let keep = move || {
        let n: String = name
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_FIELD_CHARS)
            .collect();
        name.set(n.clone());
        if state.records.with_untracked(|r| r.instructor.name != n) {
            state.update_records(|r| r.instructor.name = n);
        }
        saved.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        keep();
    };
    view! {
        <form class="card" aria-labelledby="you-heading" on:submit=save>
            <h2 id="you-heading">{t!(i18n, instructor.you_heading)}</h2>
            <label class="field">
                <span>{t!(i18n, instructor.name)}</span>
                <input type="text" maxlength="80" required data-testid="instructor-name" autocomplete="off"
                    prop:value=move || name.get()
                    on:input=move |ev| { name.set(event_target_value(&ev)); saved.set(false); }
                    on:change=move |_| if !name.get_untracked().trim().is_empty() { keep() } />
            </label>
            <button type="submit" data-testid="save-instructor">{t!(i18n, instructor.save)}</button>
            <p role="status" class="status">{move || saved.get().then(|| t_string!(i18n, records.saved))}</p>
            <p class="help">{t!(i18n, instructor.key_help)}</p>
            <p>{t!(i18n, records.fingerprint)}{t!(i18n, records.colon)}
                <strong class="fingerprint" data-testid="instructor-own-fingerprint">{fingerprint}</strong></p>
        </form>
    }
}

/// The end of a chosen day (`YYYY-MM-DD`) in the phone's time zone, in ms.
fn end_of_day_ms(date: &str) -> Option<u64> {
    let mut parts = date.split('-').map(|p| p.parse::<i32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let t =
        js_sys::Date::new_with_year_month_day_hr_min_sec_milli(y as u32, m - 1, d, 23, 59, 59, 999)
            .get_time();
    (t.is_finite() && t >= 0.0).then_some(t as u64)
}

/// The new-assignment form's fields and its error, shared by its parts.
#[derive(Clone, Copy)]
struct Draft {
    class: RwSignal<String>,
    /// The lessons ticked (ids).
    lessons: RwSignal<std::collections::BTreeSet<String>>,
    /// The exam's blueprint id (empty: no exam).
    exam: RwSignal<String>,
    pass: RwSignal<String>,
    min_trainer: RwSignal<String>,
    due: RwSignal<String>,
    error: RwSignal<Option<&'static str>>,
}

impl Draft {
    /// The assignment as filled in, signed with the instructor's key (with
    /// its id), or why it cannot be made.
    fn sign(
        self,
        c: &Curriculum,
        state: AppState,
        i18n: I18nContext<Locale>,
    ) -> Result<(String, Assignment), &'static str> {
        let Draft {
            class,
            lessons,
            exam,
            pass,
            min_trainer,
            due,
            ..
        } = self;
        let name = state.records.with_untracked(|r| r.instructor.name.clone());
        let class_name: String = class
            .get_untracked()
            .trim()
            .chars()
            .take(MAX_FIELD_CHARS)
            .collect();
        if name.trim().is_empty() {
            return Err(t_string!(i18n, instructor.name_first));
        }
        if class_name.is_empty() {
            return Err(t_string!(i18n, instructor.class_needed));
        }
        let exam_id = exam.get_untracked();
        let exam_req = if exam_id.is_empty() {
            None
        } else {
            match pass.get_untracked().trim().parse::<u32>() {
                Ok(p) if (1..=100).contains(&p) => Some(ExamRequirement {
                    blueprint: exam_id,
                    pass_percent: p,
                }),
                _ => return Err(t_string!(i18n, instructor.bad_pass)),
            }
        };
        let min = min_trainer.get_untracked();
        let min = match min.trim() {
            "" => None,
            m => match m.parse::<u32>() {
                Ok(v) if v <= 100 => Some(v),
                _ => return Err(t_string!(i18n, instructor.bad_min)),
            },
        };
        // Lessons in the curriculum's order.
        let chosen: Vec<String> = lessons.with_untracked(|set| {
            c.lessons
                .iter()
                .filter(|l| set.contains(&l.id))
                .map(|l| l.id.clone())
                .collect()
        });
        if chosen.is_empty() && exam_req.is_none() && min.is_none() {
            return Err(t_string!(i18n, instructor.nothing));
        }
        let Some(key) = state.instructor_key() else {
            return Err(t_string!(i18n, records.no_key));
        };
        let id = assignment_id(random::u64());
        let signed = AssignmentBody {
            id: id.clone(),
            class: class_name,
            instructor_name: name,
            content_version: CONTENT_VERSION.to_owned(),
            created_at_ms: platform::now_ms().max(0) as u64,
            due_at_ms: end_of_day_ms(&due.get_untracked()),
            lessons: chosen,
            exam: exam_req,
            min_trainer_score: min,
            key: key.public(),
        }
        .sign(&key);
        Ok((id, signed))
    }
}

/// The new-assignment form.
///
/// Props: `curriculum` — its lessons and exam blueprints are offered.
#[component]
fn NewAssignment(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_navigate();
    let c = curriculum.clone();
    let profile = state.settings.get_untracked().profile;
    let default_bp = c.blueprints.iter().find(|b| b.profile == profile).cloned();
    let draft = Draft {
        class: RwSignal::new(String::new()),
        lessons: RwSignal::new(
            c.lessons
                .iter()
                .map(|l| l.id.clone())
                .collect::<std::collections::BTreeSet<_>>(),
        ),
        exam: RwSignal::new(
            default_bp
                .as_ref()
                .map(|b| b.id.clone())
                .unwrap_or_default(),
        ),
        pass: RwSignal::new(
            default_bp
                .as_ref()
                .map_or_else(|| "80".to_owned(), |b| b.pass_percent.to_string()),
        ),
        min_trainer: RwSignal::new(String::new()),
        due: RwSignal::new(String::new()),
        error: RwSignal::new(None::<&'static str>),
    };
    let Draft {
        class,
        min_trainer,
        due,
        error,
        ..
    } = draft;
    let c2 = c.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        match draft.sign(&c2, state, i18n) {
            Err(e) => error.set(Some(e)),
            Ok((id, signed)) => {
                state.update_records(|r| {
                    r.instructor.assignments.push(Issued {
                        assignment: signed.to_qr_text(),
                        roster: Default::default(),
                    })
                });
                navigate(&format!("/instructor/{id}"), Default::default());
            }
        }
    };
    view! {
        <form class="card" aria-labelledby="new-heading" on:submit=create data-testid="new-assignment">
            <h2 id="new-heading">{t!(i18n, instructor.new_heading)}</h2>
            <label class="field">
                <span>{t!(i18n, instructor.class)}</span>
                <input type="text" maxlength="80" required data-testid="assignment-class" autocomplete="off"
                    prop:value=move || class.get() on:input=move |ev| class.set(event_target_value(&ev)) />
            </label>
            <LessonChoices draft curriculum=c.clone() />
            <ExamChoice draft curriculum=c />
            <label class="field">
                <span>{t!(i18n, instructor.min_trainer)}</span>
                <input type="number" min="0" max="100" inputmode="numeric" data-testid="assignment-min-trainer"
                    prop:value=move || min_trainer.get() on:input=move |ev| min_trainer.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{t!(i18n, instructor.due)}</span>
                <input type="date" data-testid="assignment-due"
                    prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
            </label>
            <button type="submit" class="primary" data-testid="create-assignment">{t!(i18n, instructor.create)}</button>
            <p role="alert" class="status error">{move || error.get()}</p>
        </form>
    }
}

/// The lessons an assignment asks for, one checkbox each (all ticked at
/// first).
///
/// Props: `draft` — the form's fields; `curriculum` — its lessons.
#[component]
fn LessonChoices(draft: Draft, curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let lessons = draft.lessons;
    let lesson_boxes = curriculum
        .lessons
        .iter()
        .map(|l| {
            let id = l.id.clone();
            let id2 = id.clone();
            let title = l.title.clone();
            view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=move || lessons.with(|s| s.contains(&id))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            lessons.update(|s| { if on { s.insert(id2.clone()); } else { s.remove(&id2); } });
                        } />
                    <span>{move || title.get(lang()).to_owned()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{t!(i18n, instructor.lessons)}</legend>
            {lesson_boxes}
        </fieldset>
    }
}

/// The exam an assignment asks for (or none), and its pass mark once one
/// is chosen.
///
/// Props: `draft` — the form's fields; `curriculum` — its exam blueprints.
#[component]
fn ExamChoice(draft: Draft, curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let Draft { exam, pass, .. } = draft;
    let bps: Vec<(String, crate::content::Text)> = curriculum
        .blueprints
        .iter()
        .map(|b| {
            (
                b.id.clone(),
                b.title.clone().unwrap_or_else(|| crate::content::Text {
                    zh: b.id.clone(),
                    en: b.id.clone(),
                }),
            )
        })
        .collect();
    let c3 = curriculum;
    view! {
        <label class="field">
            <span>{t!(i18n, instructor.exam)}</span>
            <select data-testid="assignment-exam-select" prop:value=move || exam.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(b) = c3.blueprint(&v) { pass.set(b.pass_percent.to_string()); }
                    exam.set(v);
                }>
                <option value="">{t!(i18n, instructor.no_exam)}</option>
                {bps.into_iter().map(|(id, title)| view! {
                    <option value=id.clone()>{move || title.get(lang()).to_owned()}</option>
                }).collect_view()}
            </select>
        </label>
        <Show when=move || !exam.get().is_empty()>
            <label class="field">
                <span>{t!(i18n, instructor.pass)}</span>
                <input type="number" min="1" max="100" inputmode="numeric" data-testid="assignment-pass"
                    prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) />
            </label>
        </Show>
    }
}

/// The instructor's assignments, newest first.
#[component]
fn AssignmentList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let items = move || {
        state.records.with(|r| {
            r.instructor
                .assignments
                .iter()
                .rev()
                .filter_map(|e| e.get().map(|a| (a, e.roster.entries.len())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="list-heading">
            <h2 id="list-heading">{t!(i18n, instructor.assignments_heading)}</h2>
            <Show when=move || !items().is_empty() fallback=move || view! { <p class="help">{t!(i18n, instructor.none)}</p> }>
                <ul class="results-list">
                    {move || items().into_iter().map(|(a, n)| {
                        let (class, id) = (a.body.class.clone(), a.body.id.clone());
                        let href = format!("/instructor/{id}");
                        view! { <li><A href=href>{t!(i18n, instructor.open, class = move || class.clone(), id = move || id.clone(), n = move || n)}</A></li> }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// `/instructor/:id`: one assignment — share it, check records, the roster.
#[component]
pub fn ClassPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    // Rows stored before schema 13 gain the device keys their records name
    // (read here, in this chunk: the first load has no record decoder).
    let lacks = state.records.with_untracked(|r| {
        r.instructor
            .assignments
            .iter()
            .any(|a| a.roster.lacks_keys())
    });
    if lacks {
        state.update_records(|r| {
            for a in &mut r.instructor.assignments {
                a.roster.fill_keys();
            }
        });
    }
    // A memo: the roster's changes (every scan) must not rebuild the page,
    // which would stop the camera and forget the last result.
    let found = Memo::new(move |_| {
        state
            .records
            .with(|r| r.instructor.issued(&id()).map(|(_, a)| a))
    });
    crate::app::page_title(move || t_string!(i18n, instructor.title));
    view! {
        <section class="page class-page">
            <p><A href="/instructor" attr:class="inline-link">{t!(i18n, instructor.back)}</A></p>
            {move || match found.get() {
                None => view! { <h1>{t!(i18n, instructor.title)}</h1><p role="alert">{t!(i18n, instructor.not_found)}</p> }.into_any(),
                Some(a) => {
                    let a2 = a.clone();
                    view! {
                        <h1 class="keep-words" data-testid="class-title">{a.body.class.clone()}" · "{a.body.id.clone()}</h1>
                        <ShareAssignment assignment=a />
                        // The export comes with the roster (one placeholder,
                        // nothing pushed down when the lessons are read).
                        {with_curriculum(state, move |c| view! {
                            <super::verifier::Verifier assignment=a2.clone() curriculum=c.clone() />
                            <super::xapi::ClassXapi assignment=a2.clone() curriculum=c />
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The assignment's link, its QR code, and copy and share.
///
/// Props: `assignment`.
#[component]
fn ShareAssignment(assignment: Assignment) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let link = assignment.link(&origin);
    let status = RwSignal::new(None::<&'static str>);
    let class = assignment.body.class.clone();
    let (l1, l2) = (link.clone(), link.clone());
    let copy = move |_| super::contents::copy_reporting(i18n, l1.clone(), status);
    let share_link = move |_| {
        let l = l2.clone();
        leptos::task::spawn_local(async move {
            let _ = share::share_url(&l, t_string!(i18n, assignment.title)).await;
        });
    };
    let label =
        move || crate::app::fill(t_string!(i18n, instructor.qr_label), &[("class", &class)]);
    let created = assignment.body.created_at_ms;
    view! {
        <section class="card" aria-labelledby="share-heading">
            <h2 id="share-heading">{t!(i18n, instructor.share_heading)}</h2>
            <p class="help">{t!(i18n, instructor.share_help)}</p>
            <p class="help">{move || local_time(created, state.settings.get().lang.tag())}</p>
            <QrImage text=link.clone() label=label testid="assignment-qr" />
            <label class="field">
                <span>{t!(i18n, instructor.link)}</span>
                <input type="text" readonly class="mono" data-testid="assignment-link" prop:value=link.clone() />
            </label>
            <div class="actions">
                <button type="button" on:click=copy>{t!(i18n, instructor.copy_link)}</button>
                {share::can_share_url().then(|| view! { <button type="button" on:click=share_link>{t!(i18n, instructor.share_link)}</button> })}
            </div>
            <p role="status" class="status">{move || status.get()}</p>
        </section>
    }
}
