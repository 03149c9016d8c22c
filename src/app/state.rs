//! App state: the settings signal and the notices, backed by the store.
//!
//! The store itself is not `Send`, so it lives in a thread-local (the browser
//! is single-threaded); signals carry only plain data.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::adapters::{idle, network, platform, storage::LocalStorageKv, sw};
use std::sync::{Arc, Weak};

use crate::backup::summary::{relation, Relation, Summary};
use crate::backup::{self, BackupError};
use crate::content::parse::{Bank, Parsing};
use crate::content::Curriculum;
use crate::progress::Progress;
use crate::quiz::attempt::QuizData;
use crate::records::keys::KeyPair;
use crate::records::stored::{self, RecordsData};
use crate::region::RegionId;
use crate::settings::Settings;
use crate::store::{Document, KvError, LoadNotice, Opened, Store};
use crate::trainer::session::TrainerData;

thread_local! {
    static STORE: RefCell<Option<Store<LocalStorageKv>>> = const { RefCell::new(None) };
    static SW: RefCell<Option<sw::SwWatch>> = const { RefCell::new(None) };
    static ONLINE: RefCell<Option<network::OnlineWatch>> = const { RefCell::new(None) };
    static OTHER_TABS: RefCell<Option<crate::adapters::storage::OtherTabsWatch>> = const { RefCell::new(None) };
    static INSTALL: RefCell<Option<crate::adapters::install::InstallWatch>> = const { RefCell::new(None) };
}

/// Something the app must tell the user about their data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Stored data was unreadable; a copy was kept.
    Unreadable,
    /// Stored data came from a newer app; a copy was kept.
    Newer,
    /// Storage cannot be used at all.
    Unavailable,
    /// The last change could not be saved (the phone may be full): the app
    /// keeps working in memory and offers the backup file.
    SaveFailed,
    /// A newer version of the app saved in another tab: this one must not
    /// write over it and asks to be reloaded.
    NewerTab,
}

/// What choosing a backup file leads to.
#[derive(Debug, Clone)]
pub enum Restore {
    /// The phone held no person's data: the file's data is in place.
    Done,
    /// The phone holds a person: the two are shown and the person decides
    /// ([`AppState::confirm_restore`]).
    Confirm(Arc<PendingRestore>),
}

/// A valid backup waiting for the person's decision, with what each side
/// holds.
#[derive(Debug)]
pub struct PendingRestore {
    pub backup: backup::Backup,
    pub phone: Summary,
    pub file: Summary,
    pub relation: Relation,
}

/// Reactive state shared by every page (provided as context).
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub settings: RwSignal<Settings>,
    pub notice: RwSignal<Option<Notice>>,
    pub online: RwSignal<bool>,
    pub update_ready: RwSignal<bool>,
    /// The browser offers to install the app (`beforeinstallprompt`).
    pub installable: RwSignal<bool>,
    /// `Some(true)` when the browser promised to keep the data.
    pub persisted: RwSignal<Option<bool>>,
    pub progress: RwSignal<Progress>,
    /// Spaced repetition, attempts in progress and exam results.
    pub quiz: RwSignal<QuizData>,
    /// The compression trainer's stored sessions.
    pub trainer: RwSignal<TrainerData>,
    /// The learner's profile, keys, assignments and the instructor's
    /// rosters (once typed: [`AppState::parts`]).
    pub records: RwSignal<RecordsData>,
    /// Whether the learner has practised or trained ([`Document::has_history`]).
    pub history: RwSignal<bool>,
    /// Whether the learner has accepted a class assignment
    /// ([`Document::has_assignments`]).
    pub assigned: RwSignal<bool>,
    /// The curriculum's lessons (with their sources and pictures), once
    /// fetched (`None` while loading); its question bank, blueprints and
    /// checklists are empty here: [`whole_curriculum`] types them.
    pub curriculum: RwSignal<Option<Result<Arc<Curriculum>, String>>>,
    /// Where the device probably is (language tags and time zone), used
    /// until the learner confirms a region.
    pub region_guess: RegionId,
}

fn defaults() -> Document {
    Document::with_settings(Settings::first_visit(
        &platform::preferred_languages(),
        platform::region_guess(),
    ))
}

impl AppState {
    /// Opens the store (reporting unreadable data) and starts the adapters.
    pub fn init() -> AppState {
        let opened = match OPENED.take() {
            // Opened a task earlier (`open_store_before_start`): another
            // tab may have saved since, before this tab listened.
            Some(mut opened) => {
                opened.store.catch_up();
                opened
            }
            None => Store::open(LocalStorageKv::open(), defaults),
        };
        let notice = opened.notice.as_ref().map(|n| match n {
            LoadNotice::Unreadable { .. } => Notice::Unreadable,
            LoadNotice::FromNewerVersion { .. } => Notice::Newer,
            LoadNotice::StorageUnavailable { .. } => Notice::Unavailable,
        });
        if let Some(n) = &opened.notice {
            web_sys::console::warn_1(&format!("stored data: {n:?}").into());
        }
        let state = AppState {
            settings: RwSignal::new(Settings::default()),
            notice: RwSignal::new(notice),
            online: RwSignal::new(network::is_online()),
            update_ready: RwSignal::new(false),
            installable: RwSignal::new(false),
            persisted: RwSignal::new(None),
            progress: RwSignal::new(Progress::default()),
            quiz: RwSignal::new(QuizData::default()),
            trainer: RwSignal::new(TrainerData::default()),
            records: RwSignal::new(RecordsData::default()),
            history: RwSignal::new(false),
            assigned: RwSignal::new(false),
            // Ready at once when the boot script waited for it (a first
            // visit of a prerendered page, which shows the lessons):
            // `start` parsed it before drawing.
            curriculum: RwSignal::new(PARSED.take().map(Ok)),
            region_guess: platform::region_guess(),
        };
        state.show(opened.store.doc());
        STORE.with(|s| *s.borrow_mut() = Some(opened.store));
        let installable = state.installable;
        INSTALL.with(|i| {
            *i.borrow_mut() =
                crate::adapters::install::InstallWatch::start(move |can| installable.set(can))
        });
        let online = state.online;
        ONLINE.with(|o| *o.borrow_mut() = network::OnlineWatch::start(move |up| online.set(up)));
        // Another tab saved: take its document, so this tab's pages show
        // it. (A save made here catches up first on its own, in case this
        // event has not come yet: `save_part`.)
        OTHER_TABS.with(|o| {
            *o.borrow_mut() = crate::adapters::storage::OtherTabsWatch::start(move || {
                if Self::with_store(|s| s.reload()) {
                    state.reshow();
                }
            })
        });
        let (update_ready, persisted) = (state.update_ready, state.persisted);
        leptos::task::spawn_local(async move {
            persisted.set(crate::adapters::storage::request_persistence().await);
            // The worker precaches the whole build (every page's chunks):
            // that waits until the first page is drawn and the browser is
            // idle, so it does not compete with what the page still needs.
            crate::adapters::idle::idle(3000).await;
            let watch = sw::register(move || update_ready.set(true)).await;
            SW.with(|s| *s.borrow_mut() = watch);
        });
        state
    }

    /// Sets every data signal from a document: the quiz's, the trainer's
    /// and the records once they are typed ([`AppState::parts`]).
    fn show(&self, doc: &Document) {
        self.settings.set(doc.settings);
        self.progress.set(doc.progress.clone());
        if let Some(q) = doc.quiz.get() {
            self.quiz.set(q.clone());
        }
        if let Some(t) = doc.trainer.get() {
            self.trainer.set(t.clone());
        }
        if let Some(r) = doc.records.get() {
            self.records.set(r.clone());
        }
        self.history.set(doc.has_history());
        self.assigned.set(doc.has_assignments());
    }

    /// Shows the document in memory again, after it was read again or
    /// replaced, typing its parts again if a page typed them before.
    fn reshow(&self) {
        Self::with_store(|s| self.show(s.doc()));
        super::parts::again(self);
    }

    pub(super) fn with_store<R>(f: impl FnOnce(&mut Store<LocalStorageKv>) -> R) -> R {
        STORE.with(|s| {
            f(s.borrow_mut()
                .as_mut()
                .expect("AppState::init opened the store"))
        })
    }

    /// The region the app uses: the confirmed one, else the guess (tracked).
    pub fn region(&self) -> RegionId {
        self.settings.get().region_or(self.region_guess)
    }

    /// The number every call button dials (tracked): the learner's own, or
    /// the region's.
    pub fn call_number(&self) -> String {
        self.settings
            .get()
            .call_number(self.region_guess)
            .to_owned()
    }

    /// A text of the curriculum as the learner reads it: the number every
    /// call button dials where it says `{call}` ([`crate::content::call`];
    /// tracked).
    pub fn say(&self, text: &str) -> String {
        crate::content::call::fill(text, &self.call_number()).into_owned()
    }

    /// Whether the learner has yet to confirm where they are (tracked).
    pub fn region_unconfirmed(&self) -> bool {
        self.settings.with(|s| s.region.is_none())
    }

    /// Changes the settings and saves them at once.
    pub fn update_settings(&self, f: impl FnOnce(&mut Settings)) {
        self.save_part(self.settings, |d, v| d.settings = v, f)
    }

    /// Changes the learning progress and saves it at once.
    pub fn update_progress(&self, f: impl FnOnce(&mut Progress)) {
        self.save_part(self.progress, |d, v| d.progress = v, f)
    }

    /// Changes the quiz data and saves it at once (after every answer).
    pub fn update_quiz<R>(&self, f: impl FnOnce(&mut QuizData) -> R) -> R {
        let typed = |d: &Document| d.quiz.get().is_some();
        self.save_typed_part(self.quiz, typed, |d, v| d.quiz = v.into(), f)
    }

    /// Changes the trainer's sessions and saves them at once.
    pub fn update_trainer(&self, f: impl FnOnce(&mut TrainerData)) {
        let typed = |d: &Document| d.trainer.get().is_some();
        self.save_typed_part(self.trainer, typed, |d, v| d.trainer = v.into(), f)
    }

    /// Changes the records data and saves it at once.
    pub fn update_records<R>(&self, f: impl FnOnce(&mut RecordsData) -> R) -> R {
        let typed = |d: &Document| d.records.get().is_some();
        self.save_typed_part(self.records, typed, |d, v| d.records = v.into(), f)
    }

    /// [`Self::save_part`] for a part typed on demand (the quiz's, the
    /// trainer's, the records: [`Self::parts`] types them first). A part
    /// that could not be typed and whose recovery copy could not be kept
    /// (storage full: [`Store::type_parts`]) is not `typed`: a change would
    /// be made to the part's defaults and written over the stored data, so
    /// it is not made; the notice says the change was not saved and offers
    /// the backup file, which carries the part as it is.
    fn save_typed_part<T: Clone + Send + Sync + 'static, R>(
        &self,
        signal: RwSignal<T>,
        typed: fn(&Document) -> bool,
        put: fn(&mut Document, T),
        f: impl FnOnce(&mut T) -> R,
    ) -> R {
        self.parts();
        if Self::with_store(|s| typed(s.doc())) {
            return self.save_part(signal, put, f);
        }
        let r = f(&mut signal.get_untracked());
        self.notice.set(Some(Notice::SaveFailed));
        r
    }

    /// Takes what another tab saved, if its storage event has not come
    /// yet ([`Store::catch_up`]). Every change does this first
    /// (`save_part`); a caller that reads the data to decide on a change
    /// (whether an exam is running, whether a key exists) calls it before.
    pub fn catch_up(&self) {
        if Self::with_store(|s| s.catch_up()) {
            self.reshow();
        }
    }

    /// Changes one part of the document (`part`, shown by `signal`) with
    /// `f` and saves it at once. What another tab saved is taken first,
    /// even when its storage event has not come yet
    /// ([`Store::catch_up`]): `f` changes that tab's data, not an older
    /// copy that would put it back.
    fn save_part<T: Clone + Send + Sync + 'static, R>(
        &self,
        signal: RwSignal<T>,
        put: fn(&mut Document, T),
        f: impl FnOnce(&mut T) -> R,
    ) -> R {
        self.catch_up();
        let mut next = signal.get_untracked();
        let r = f(&mut next);
        let (saved, history, assigned) = Self::with_store(|s| {
            let saved = s.update(|d| put(d, next.clone()));
            (saved, s.doc().has_history(), s.doc().has_assignments())
        });
        signal.set(next);
        self.history.set(history);
        self.assigned.set(assigned);
        self.report_save(saved);
        r
    }

    /// This device's signing key for records, made from the CSPRNG and
    /// saved the first time it is needed (`None` only where the browser has
    /// no CSPRNG).
    pub fn device_key(&self) -> Option<KeyPair> {
        self.stored_key(|r| r.learner.key.as_deref(), |r, k| r.learner.key = Some(k))
    }

    /// The instructor's signing key, made like [`Self::device_key`]. It is
    /// a separate key: an instructor who also learns on this phone signs
    /// assignments and their own records with different keys.
    pub fn instructor_key(&self) -> Option<KeyPair> {
        self.stored_key(
            |r| r.instructor.key.as_deref(),
            |r, k| r.instructor.key = Some(k),
        )
    }

    /// The key `get` finds, or a new one saved by `set` if there is none
    /// (or the stored text is damaged).
    fn stored_key(
        &self,
        get: fn(&RecordsData) -> Option<&str>,
        set: fn(&mut RecordsData, String),
    ) -> Option<KeyPair> {
        // A key another tab made a moment ago is this device's key too;
        // and the stored one is read typed: a key read from records not
        // typed yet (their default, no key) would be replaced by a new one.
        self.catch_up();
        self.parts();
        let stored = self
            .records
            .with_untracked(|r| get(r).and_then(stored::key_from_hex));
        if stored.is_some() {
            return stored;
        }
        let key = KeyPair::from_seed(crate::adapters::random::key_seed()?);
        self.update_records(|r| set(r, stored::key_to_hex(&key)));
        Some(key)
    }

    /// Starts fetching the curriculum unless it is loaded or loading.
    pub fn load_curriculum(&self) {
        thread_local! { static LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) }; }
        if self.curriculum.get_untracked().is_some() || LOADING.with(|l| l.replace(true)) {
            return;
        }
        let target = self.curriculum;
        leptos::task::spawn_local(async move {
            // The boot script's fetch if it is still under way, else ours.
            let text = match crate::adapters::preload::take_pending().await {
                Some(text) => Ok(text),
                None => {
                    let path = format!("/{}", crate::content::bundle_file_name());
                    crate::adapters::fetch::fetch_text(&path).await
                }
            };
            let result = match text {
                Ok(t) => parse_curriculum(&t).await,
                Err(e) => Err(e),
            };
            if let Err(e) = &result {
                web_sys::console::warn_1(&format!("curriculum: {e}").into());
            }
            // The pages waiting for it are drawn in a task of their own,
            // not at the end of the last file's.
            idle::next_task().await;
            LOADING.with(|l| l.set(false));
            target.set(Some(result));
        });
    }

    fn report_save(&self, saved: Result<(), KvError>) {
        if let Err(e) = saved {
            web_sys::console::warn_1(&format!("save failed: {e}").into());
            self.notice.set(Some(match e {
                KvError::Newer(_) => Notice::NewerTab,
                _ => Notice::SaveFailed,
            }));
        }
    }

    /// The backup file's text.
    pub fn export_backup(&self) -> String {
        self.catch_up();
        Self::with_store(|s| {
            let recovered = s
                .recovered()
                .unwrap_or_default()
                .into_iter()
                .map(|(key, text)| backup::RecoveredCopy { key, text })
                .collect();
            backup::export(s.doc(), recovered, crate::APP_VERSION, &platform::now_iso())
        })
    }

    /// Downloads the backup file (what the data section and the "could not
    /// save" notice offer). Returns false when the browser refused.
    pub fn download_backup(&self) -> bool {
        let text = self.export_backup();
        let date = platform::now_iso();
        let name = format!("firstaid-backup-{}.json", &date[..10.min(date.len())]);
        match crate::adapters::files::download_text(&name, "application/json", &text) {
            Ok(()) => true,
            Err(e) => {
                web_sys::console::warn_1(&e.into());
                false
            }
        }
    }

    /// Validates a backup file. Only a valid one goes further: onto a phone
    /// that holds no person's data it is restored at once; otherwise the
    /// person sees both sides first ([`Restore::Confirm`]).
    pub fn import_backup(&self, text: &str) -> Result<Restore, BackupError> {
        let imported = backup::import(text)?;
        self.catch_up();
        // The phone's side is summed up typed (a damaged part is kept as
        // a copy first, as on any page that reads it).
        self.parts();
        let phone = Self::with_store(|s| Summary::of(s.doc()));
        let file = Summary::of(&imported.document);
        match relation(&phone, &file) {
            Relation::PhoneEmpty => {
                self.show(&imported.document);
                let saved = Self::with_store(|s| s.replace(imported.document));
                self.report_save(saved);
                Ok(Restore::Done)
            }
            relation => Ok(Restore::Confirm(Arc::new(PendingRestore {
                backup: imported,
                phone,
                file,
                relation,
            }))),
        }
    }

    /// Restores a confirmed backup, keeping what the phone holds as a
    /// recovery copy first. On an error nothing changed.
    pub fn confirm_restore(&self, pending: &PendingRestore) -> Result<(), KvError> {
        // The copy kept holds what another tab saved a moment ago too.
        self.catch_up();
        let doc = pending.backup.document.clone();
        Self::with_store(|s| s.replace_keeping_copy(doc.clone())).map(|_| self.show(&doc))
    }

    /// Erases every key the app wrote, keeping only the current language.
    pub fn erase_all(&self) {
        let keep_lang = self.settings.get_untracked().lang;
        let mut fresh = defaults();
        fresh.settings.lang = keep_lang;
        self.show(&fresh);
        let saved = Self::with_store(|s| s.erase_all(fresh));
        self.notice.set(None);
        self.report_save(saved);
    }

    /// Activates a waiting update (reloads the page).
    pub fn apply_update(&self) {
        SW.with(|s| {
            if let Some(w) = s.borrow().as_ref() {
                w.activate_update();
            }
        });
    }
}

/// The state provided by [`crate::app::Providers`].
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

thread_local! {
    /// The curriculum `start` parsed before the app was drawn.
    static PARSED: RefCell<Option<Arc<Curriculum>>> = const { RefCell::new(None) };
    /// The store `start` opened before the app was drawn.
    static OPENED: RefCell<Option<Opened<LocalStorageKv>>> = const { RefCell::new(None) };
}

/// Opens the store (reads and checks the stored document) in the task
/// before the app is drawn, for [`AppState::init`]: the app's first render
/// is the longest task of the start, and this was a fifth of it.
pub fn open_store_before_start() {
    let opened = Store::open(LocalStorageKv::open(), defaults);
    OPENED.with(|o| *o.borrow_mut() = Some(opened));
}

/// Parses the curriculum the boot script waited for (`text`) before the
/// app is drawn, so the app's first frame shows it; kept for
/// [`AppState::init`] when it parses.
pub async fn parse_before_start(text: &str) {
    let parsed = parse_curriculum(text).await.ok();
    PARSED.with(|p| *p.borrow_mut() = parsed);
}

/// The whole curriculum (or why not), with the lessons it was made from.
type Whole = (Arc<Curriculum>, Result<Arc<Curriculum>, String>);

thread_local! {
    /// The question bank of the lessons last parsed, not yet typed.
    static BANK: RefCell<Option<(Weak<Curriculum>, Bank)>> = const { RefCell::new(None) };
    /// The whole curriculum last typed.
    static WHOLE: RefCell<Option<Whole>> = const { RefCell::new(None) };
}

/// The whole curriculum — `lessons` (what [`AppState::curriculum`] holds:
/// the lessons, their sources and pictures) with the question bank, exam
/// blueprints and skills checklists typed — or why the bank did not type.
/// Typed the first time a page asks for it and kept: only pages loaded on
/// demand call this, so the code that types the bank is not in the first
/// load (issue 16). Lessons with no bank kept aside are taken as whole.
pub fn whole_curriculum(lessons: &Arc<Curriculum>) -> Result<Arc<Curriculum>, String> {
    let kept = WHOLE.with(|w| {
        w.borrow()
            .as_ref()
            .filter(|(from, whole)| {
                // The lessons it was made from, or itself.
                Arc::ptr_eq(from, lessons) || whole.as_ref().is_ok_and(|w| Arc::ptr_eq(w, lessons))
            })
            .map(|(_, whole)| whole.clone())
    });
    if let Some(whole) = kept {
        return whole;
    }
    let bank = BANK.with(|b| {
        let mut b = b.borrow_mut();
        match b.as_ref() {
            Some((from, _)) if std::ptr::eq(from.as_ptr(), Arc::as_ptr(lessons)) => b.take(),
            _ => None,
        }
    });
    let whole = match bank {
        Some((_, bank)) => {
            let mut whole = Curriculum::clone(lessons);
            bank.finish(&mut whole)
                .map(|()| Arc::new(whole))
                .map_err(|e| e.join("; "))
        }
        // No bank kept aside: the curriculum was set whole (the browser
        // component tests do). Not kept, so the lessons' own stays.
        None => return Ok(lessons.clone()),
    };
    if let Err(e) = &whole {
        web_sys::console::warn_1(&format!("curriculum: {e}").into());
    }
    WHOLE.with(|w| *w.borrow_mut() = Some((lessons.clone(), whole.clone())));
    whole
}

/// The curriculum bundle's text, parsed (or why not), a file at a time in
/// tasks of at most about [`idle::SLICE_MS`]: parsing the whole bundle in
/// one go was one long task that held up taps. Only the lessons are typed;
/// the question bank waits for [`whole_curriculum`].
async fn parse_curriculum(text: &str) -> Result<Arc<Curriculum>, String> {
    // Not in the task that called (the wasm module's start, which compiles
    // and instantiates it): reading the bundle's outline is a task's work of
    // its own.
    idle::next_task().await;
    let mut slices = idle::Slices::start();
    let mut parsing = Parsing::new(text).map_err(|e| e.join("; "))?;
    slices.pause().await;
    while parsing.step() {
        slices.pause().await;
    }
    let (lessons, bank) = parsing.finish_lessons().map_err(|e| e.join("; "))?;
    let lessons = Arc::new(lessons);
    BANK.with(|b| *b.borrow_mut() = Some((Arc::downgrade(&lessons), bank)));
    Ok(lessons)
}
