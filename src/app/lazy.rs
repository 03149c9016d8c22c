//! Pages loaded on demand (issue 16). Each area's pages sit behind a split
//! point (`wasm_split`, what Leptos's `#[lazy]` is built on); `cargo xtask
//! dist` builds with `--cfg firstaid_split` and cuts the code only they
//! reach into a wasm chunk of its own, fetched the first time one of the
//! area's routes is shown. While a chunk loads, the page shows a short
//! placeholder (`role="status"`, its text the page's heading); when it
//! cannot load (offline before it was cached, a network error, still
//! after two more tries of its own), a translated message with a retry
//! button — never a panic: the split points are `fallible`, and a failed
//! load is not kept, so "Try again" fetches again. A page opened at a
//! place on it (`#fragment`) is scrolled there once it is drawn.
//!
//! Without `--cfg firstaid_split` (the browser component tests, `cargo
//! check`), the same functions call the pages directly.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use crate::adapters::{idle, network, platform};
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::{pages, quiz, records, trainer};
use crate::content::{Curriculum, Lesson};

/// A page (or a part of one) of the chunk `$chunk`: `$name(args…)` loads
/// the chunk (once) and returns the view, or the error when the chunk did
/// not load. When the chunk has to be fetched, its instantiation and the
/// view's first drawing are two tasks, not one long one (on a lesson's
/// first visit, about 80 ms at 4× CPU): see [`loaded`].
macro_rules! split_page {
    ($chunk:ident, $name:ident, $page:expr) => {
        split_page!($chunk, $name(), $page);
    };
    ($chunk:ident, $name:ident($($arg:ident: $ty:ty),*), $page:expr) => {
        #[cfg(firstaid_split)]
        mod $name {
            use super::*;
            // The split point is named after the page: the splitter's
            // symbol for it is made from the name and where it is written.
            #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload(load))]
            pub fn $name($($arg: $ty),*) -> Result<AnyView, SplitLoaderError> {
                Ok($page.into_any())
            }
        }
        #[cfg(firstaid_split)]
        async fn $name($($arg: $ty),*) -> Result<AnyView, SplitLoaderError> {
            loaded(stringify!($chunk), $name::load()).await?;
            $name::$name($($arg),*).await
        }
        #[cfg(not(firstaid_split))]
        async fn $name($($arg: $ty),*) -> Result<AnyView, SplitLoaderError> {
            Ok($page.into_any())
        }
    };
}

/// A page that reads the quiz's or the trainer's data or the records,
/// with them typed first (`AppState::parts`): called inside the page's chunk, so the
/// code that types it is there, not in the main module.
fn typed<V>(page: impl FnOnce() -> V) -> V {
    crate::app::state::use_state().parts();
    page()
}

#[cfg(firstaid_split)]
thread_local! {
    /// The chunks instantiated so far, by name.
    static INSTANTIATED: std::cell::RefCell<Vec<&'static str>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Awaits `load`, a split point's preload of the chunk `chunk`. The first
/// time the chunk comes, the caller goes on a task later: the chunk's
/// instantiation and the page's first drawing are then two tasks. Once it
/// is there, nothing is added: another page of the chunk is drawn at once,
/// without its placeholder (a split point's own first load waits for a
/// promise even when its chunk is there, so that cannot tell).
#[cfg(firstaid_split)]
async fn loaded(
    chunk: &'static str,
    load: impl Future<Output = Result<(), SplitLoaderError>>,
) -> Result<(), SplitLoaderError> {
    let first = INSTANTIATED.with(|c| !c.borrow().contains(&chunk));
    load.await?;
    if first {
        INSTANTIATED.with(|c| c.borrow_mut().push(chunk));
        crate::adapters::idle::next_task().await;
    }
    Ok(())
}

split_page!(lessons, learn_page, view! { <pages::LearnPage /> });
split_page!(lessons, lesson_page, view! { <pages::LessonPage /> });
split_page!(print, print_page, view! { <pages::PrintPage /> });
split_page!(quiz, quiz_page, typed(|| view! { <quiz::QuizPage /> }));
// Practice, the exam and its results are a chunk apart from the quiz
// page: its first visit fetches no question view and no scoring; the
// quiz page fetches them while it is read (`preload_quiz_play`).
split_page!(
    quiz_play,
    practice_page,
    typed(|| view! { <quiz::PracticePage /> })
);
split_page!(quiz_play, exam_page, typed(|| view! { <quiz::ExamPage /> }));
split_page!(
    quiz_play,
    quiz_results_page,
    typed(|| view! { <quiz::ResultsPage /> })
);
split_page!(
    trainer,
    trainer_page,
    typed(|| view! { <trainer::TrainerPage /> })
);
split_page!(
    trainer,
    trainer_results_page,
    typed(|| view! { <trainer::ResultsPage /> })
);
split_page!(
    trainer,
    scoring_page,
    typed(|| view! { <trainer::ScoringPage /> })
);
split_page!(
    records,
    record_page,
    typed(|| view! { <records::RecordPage /> })
);
split_page!(
    records,
    assignment_page,
    typed(|| view! { <records::AssignmentPage /> })
);
split_page!(
    instructor,
    instructor_page,
    typed(|| view! { <records::InstructorPage /> })
);
split_page!(
    instructor,
    class_page,
    typed(|| view! { <records::ClassPage /> })
);
split_page!(
    certificate,
    certificate_page,
    typed(|| view! { <records::CertificatePage /> })
);
split_page!(settings, settings_page, view! { <pages::SettingsPage /> });

// Parts of the home page, which is in the main module, loaded on demand
// too: what they need is their own, and a first visitor never sees them —
// the class assignments (signing and checking records, deflate, QR codes)
// a learner with a class assignment, today's reviews (the question bank,
// typed only here: `state::whole_curriculum`) a learner who has practised
// or trained.

split_page!(
    records,
    assignments_card(curriculum: Arc<Curriculum>),
    typed(|| pages::with_whole(&curriculum, |curriculum| view! { <records::Assignments curriculum actions=false /> }))
);
split_page!(
    today,
    today_card(curriculum: Arc<Curriculum>),
    typed(|| pages::with_whole(&curriculum, |curriculum| view! { <pages::Today curriculum /> }))
);

// A lesson's knowledge check, loaded on demand too: the lessons' chunk
// then holds no question, no scoring and no typing of the question bank,
// so a first tap to the lessons fetches less. The check's chunk is fetched
// while the lesson is read (`preload_check`, from the learner's first
// step on).
split_page!(
    check,
    knowledge_check(curriculum: Arc<Curriculum>, lesson: Arc<Lesson>),
    view! { <pages::KnowledgeCheck curriculum lesson /> }
);

/// A lesson's knowledge check, loaded on demand (fetched beforehand by
/// [`preload_check`]).
///
/// Props: `curriculum` — the loaded lessons; `lesson` — the lesson checked.
#[component]
pub fn CheckPart(curriculum: Arc<Curriculum>, lesson: Arc<Lesson>) -> impl IntoView {
    let args = StoredValue::new((curriculum, lesson));
    view! {
        <Lazy load=move || {
            let (curriculum, lesson) = args.get_value();
            knowledge_check(curriculum, lesson)
        } part=true />
    }
}

/// Fetches the knowledge check's chunk while a lesson is read, so that a
/// learner who reaches its end finds the check there at once, offline too.
pub fn preload_check() {
    #[cfg(firstaid_split)]
    preload("check", knowledge_check::load);
}

/// Fetches the chunk of practice, the exam and its results while the quiz
/// page is read, so that Start opens them at once.
pub fn preload_quiz_play() {
    #[cfg(firstaid_split)]
    preload("quiz_play", practice_page::load);
}

/// Fetches and instantiates the chunk `chunk` through its split point's
/// `load` once the browser is idle (at the latest after 2 s). A fetch that
/// fails is not kept: the page or part fetches again when it is shown.
#[cfg(firstaid_split)]
fn preload<F>(chunk: &'static str, load: fn() -> F)
where
    F: Future<Output = Result<(), SplitLoaderError>> + 'static,
{
    leptos::task::spawn_local(async move {
        idle::idle(2000).await;
        let _ = loaded(chunk, load()).await;
    });
}

/// The home page's card of the learner's class assignments (with their
/// progress), loaded on demand.
///
/// Props: `curriculum` — the loaded lessons.
#[component]
pub fn AssignmentsCard(curriculum: Arc<Curriculum>) -> impl IntoView {
    let curriculum = StoredValue::new(curriculum);
    view! { <Lazy load=move || assignments_card(curriculum.get_value()) part=true /> }
}

/// The home page's card of today's reviews and the last training, loaded
/// on demand.
///
/// Props: `curriculum` — the loaded lessons.
#[component]
pub fn TodayCard(curriculum: Arc<Curriculum>) -> impl IntoView {
    let curriculum = StoredValue::new(curriculum);
    view! { <Lazy load=move || today_card(curriculum.get_value()) part=true /> }
}

/// The routes' views, one per page loaded on demand.
pub mod route {
    use super::*;

    macro_rules! route {
        ($($name:ident),*) => {$(
            pub fn $name() -> impl IntoView {
                view! { <Lazy load=super::$name /> }
            }
        )*};
    }
    route!(
        learn_page,
        lesson_page,
        print_page,
        quiz_page,
        practice_page,
        exam_page,
        quiz_results_page,
        trainer_page,
        trainer_results_page,
        scoring_page,
        record_page,
        assignment_page,
        instructor_page,
        class_page,
        certificate_page,
        settings_page
    );
}

/// How long a page whose chunk did not load waits before fetching it again
/// by itself, each time: where the network dropped a request (a train, a
/// lift), the page comes, not the error — on a first visit the error would
/// take the place of the lesson in the HTML the visitor is reading. Offline,
/// the message comes at once; "Try again" is the visitor's from then.
const RETRY_AFTER_MS: [i32; 2] = [500, 2000];

/// Scrolls to the element the address's `#fragment` names, if any: a page
/// loaded on demand is drawn after the router has looked for it (an
/// address such as `/settings#where` opened directly). Called a frame
/// after the page's view is made, when it is in the document; a page
/// drawn out of sight (before the app has taken the page: `data-app`) is
/// scrolled by the takeover when it takes the page's place. True when it
/// scrolled.
pub fn scroll_to_fragment() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let hash = window.location().hash().unwrap_or_default();
    let id = hash.trim_start_matches('#');
    if id.is_empty() {
        return false;
    }
    match window.document().and_then(|d| d.get_element_by_id(id)) {
        Some(el) => {
            el.scroll_into_view();
            true
        }
        None => false,
    }
}

/// Shows the page `load` returns: a placeholder while its chunk loads, the
/// page, or a message with a retry when the chunk did not load.
///
/// Props: `load` — loads the chunk and makes the view; `part` — the view is
/// a part of a page (a card, a section), not a page: its placeholder is a
/// line of text, not the page's heading.
#[component]
pub fn Lazy<F, Fut>(load: F, #[prop(optional)] part: bool) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    lazy_view(Rc::new(move || Box::pin(load())), part)
}

/// A page's loader, boxed, so that what [`Lazy`] does with it (the
/// placeholder, the tries, the message) is compiled once, not once per page.
type Load = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>>;

fn lazy_view(load: Load, part: bool) -> AnyView {
    let load = SendWrapper::new(load);
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    let placeholder = move || {
        if part {
            return view! {
                <div class="lazy-loading" role="status" data-testid="lazy-loading">
                    <p>{t!(i18n, lazy.loading_part)}</p>
                </div>
            }
            .into_any();
        }
        view! {
            // The page's heading while it loads, where the page's own will be
            // (a page needs a level-1 heading, and the layout barely moves).
            <div class="lazy-loading" role="status" data-testid="lazy-loading">
                <h1>{t!(i18n, lazy.loading)}</h1>
            </div>
        }
        .into_any()
    };
    view! {
        <Suspense fallback=placeholder>
            {move || {
                attempt.track();
                let load = load.clone();
                Suspend::new(SendWrapper::new(async move {
                    let mut loaded = load().await;
                    for wait in RETRY_AFTER_MS {
                        if loaded.is_ok() || !network::is_online() {
                            break;
                        }
                        idle::after(wait).await;
                        loaded = load().await;
                    }
                    match loaded {
                        Ok(page) => {
                            // Drawn out of sight, the takeover scrolls.
                            if !part && platform::root_attribute("data-app").is_some() {
                                request_animation_frame(|| {
                                    scroll_to_fragment();
                                });
                            }
                            page
                        }
                        Err(_) => view! {
                            <div class="error" role="alert" data-testid="lazy-failed">
                                <p>{move || if part {
                                    t_string!(i18n, lazy.failed_part)
                                } else {
                                    t_string!(i18n, lazy.failed)
                                }}</p>
                                <button type="button" on:click=move |_| {
                                    attempt.update(|n| *n += 1)
                                }>{t!(i18n, lazy.retry)}</button>
                            </div>
                        }
                        .into_any(),
                    }
                }))
            }}
        </Suspense>
    }
    .into_any()
}
