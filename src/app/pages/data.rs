//! The settings page's data section: the backup file, restoring one (with
//! both sides shown before a person's data is replaced), and erasing.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use wasm_bindgen::JsCast;

use crate::adapters::files::{self, ReadError};
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::{use_state, PendingRestore, Restore};
use crate::backup::summary::{Relation, Summary};
use crate::backup::{self, BackupError};

/// The translated message for a rejected backup file.
fn backup_error_text(i18n: I18nContext<Locale>, e: &BackupError) -> &'static str {
    match e {
        BackupError::TooLarge(_) => t_string!(i18n, backup_error.too_large),
        BackupError::NotJson(_) => t_string!(i18n, backup_error.not_json),
        BackupError::NotABackup => t_string!(i18n, backup_error.not_a_backup),
        BackupError::UnsupportedVersion(_) => t_string!(i18n, backup_error.unsupported_version),
        BackupError::Malformed(_) => t_string!(i18n, backup_error.malformed),
        BackupError::BadStore(_) => t_string!(i18n, backup_error.bad_store),
    }
}

/// What the data section last did, shown in its live region.
#[derive(Clone, Debug, PartialEq)]
enum DataStatus {
    Exported,
    Imported,
    /// Restored over a person's data, which was kept as a recovery copy.
    ImportedKeptCopy,
    /// The person chose not to replace their data.
    Kept,
    /// The restore could not be written: nothing changed.
    RestoreFailed,
    Erased,
    Rejected(BackupError),
    ReadFailed,
}

/// Backup file, restore and erase, with the persistence status.
#[component]
pub fn DataSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let status = RwSignal::new(None::<DataStatus>);
    let confirming = RwSignal::new(false);
    // A valid backup that would replace a person, waiting for a decision.
    let pending = RwSignal::new(None::<Arc<PendingRestore>>);

    let export = move |_| {
        // Typed first: a damaged part goes into the file as a recovery
        // copy, so the file itself can be restored. (Here, in the settings
        // page's chunk: the "could not save" notice exports the parts as
        // they are, without the typing code in the main module.)
        state.parts();
        status.set(Some(if state.download_backup() {
            DataStatus::Exported
        } else {
            DataStatus::ReadFailed
        }));
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = files::read_chosen_file(&input, backup::MAX_BYTES as u64).await;
            input.set_value("");
            let next = match result {
                None => return,
                Some(Err(ReadError::TooLarge(n))) => {
                    DataStatus::Rejected(BackupError::TooLarge(n as usize))
                }
                Some(Err(ReadError::Failed(e))) => {
                    web_sys::console::warn_1(&e.into());
                    DataStatus::ReadFailed
                }
                Some(Ok(text)) => match state.import_backup(&text) {
                    Ok(Restore::Done) => DataStatus::Imported,
                    Ok(Restore::Confirm(p)) => {
                        pending.set(Some(p));
                        status.set(None);
                        return;
                    }
                    Err(e) => DataStatus::Rejected(e),
                },
            };
            status.set(Some(next));
        });
    };
    let decide = Callback::new(move |replace: bool| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        pending.set(None);
        status.set(Some(if !replace {
            DataStatus::Kept
        } else {
            match state.confirm_restore(&p) {
                Ok(()) => DataStatus::ImportedKeptCopy,
                Err(e) => {
                    web_sys::console::warn_1(&format!("restore: {e}").into());
                    DataStatus::RestoreFailed
                }
            }
        }));
    });
    let status_text = move || {
        status.get().map(|s| match s {
            DataStatus::Exported => t_string!(i18n, settings.exported),
            DataStatus::Imported => t_string!(i18n, settings.imported),
            DataStatus::ImportedKeptCopy => t_string!(i18n, restore.done_kept_copy),
            DataStatus::Kept => t_string!(i18n, restore.cancelled),
            DataStatus::RestoreFailed => t_string!(i18n, restore.failed),
            DataStatus::Erased => t_string!(i18n, settings.erased),
            DataStatus::Rejected(e) => backup_error_text(i18n, &e),
            DataStatus::ReadFailed => t_string!(i18n, backup_error.read_failed),
        })
    };
    let is_error = move || {
        matches!(
            status.get(),
            Some(DataStatus::Rejected(_) | DataStatus::ReadFailed | DataStatus::RestoreFailed)
        )
    };

    view! {
        <section class="card data" aria-labelledby="data-heading">
            <h2 id="data-heading">{t!(i18n, settings.data)}</h2>
            <p class="help">{t!(i18n, settings.data_help)}</p>
            <p class="help" data-testid="persisted">
                {move || match state.persisted.get() {
                    Some(true) => Some(t_string!(i18n, settings.persisted)),
                    Some(false) => Some(t_string!(i18n, settings.not_persisted)),
                    None => None,
                }}
            </p>
            <div class="actions">
                <button type="button" on:click=export>{t!(i18n, settings.export)}</button>
                <label class="button file-button">
                    <input type="file" accept="application/json,.json" class="visually-hidden"
                        data-testid="import" on:change=import />
                    {t!(i18n, settings.import)}
                </label>
                <Show when=move || !confirming.get()>
                    <button type="button" class="danger" on:click=move |_| confirming.set(true)>
                        {t!(i18n, settings.erase)}
                    </button>
                </Show>
            </div>
            {move || pending.get().map(|p| view! { <RestoreChoice pending=p decide=decide /> })}
            <Show when=move || confirming.get()>
                <div class="confirm" role="group" aria-labelledby="erase-question">
                    <p id="erase-question">{t!(i18n, settings.erase_confirm)}</p>
                    <button type="button" class="danger" on:click=move |_| {
                        state.erase_all();
                        confirming.set(false);
                        status.set(Some(DataStatus::Erased));
                    }>{t!(i18n, settings.erase_yes)}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>
                        {t!(i18n, settings.erase_no)}
                    </button>
                </div>
            </Show>
            <p role="status" class="status" class:error=is_error data-testid="data-status">{status_text}</p>
        </section>
    }
}

/// The decision before a restore replaces a person: what is on the phone
/// and what is in the file, side by side, how the two relate, and the two
/// choices.
#[component]
fn RestoreChoice(
    /// The valid backup and both sides' summaries.
    pending: Arc<PendingRestore>,
    /// Called with `true` to replace (a recovery copy is kept first), `false`
    /// to keep the phone's data.
    decide: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let relation = match pending.relation {
        Relation::SamePerson => Some(t_string!(i18n, restore.same_person)),
        Relation::OtherPerson => Some(t_string!(i18n, restore.other_person)),
        Relation::Unknown | Relation::PhoneEmpty => None,
    };
    let other = pending.relation == Relation::OtherPerson;
    view! {
        <div class="confirm restore" role="group" aria-labelledby="restore-question" data-testid="restore-choice">
            <h3 id="restore-question">{t!(i18n, restore.question)}</h3>
            <div class="restore-sides">
                <SideSummary heading=t_string!(i18n, restore.phone) summary=pending.phone.clone() testid="restore-phone" />
                <SideSummary heading=t_string!(i18n, restore.file) summary=pending.file.clone() testid="restore-file" />
            </div>
            {relation.map(|r| view! {
                <p class="restore-relation" class:warning=other data-testid="restore-relation">{r}</p>
            })}
            <p class="help">{t!(i18n, restore.copy_note)}</p>
            <div class="actions">
                <button type="button" class="danger" data-testid="restore-replace" on:click=move |_| decide.run(true)>
                    {t!(i18n, restore.replace)}
                </button>
                <button type="button" data-testid="restore-cancel" on:click=move |_| decide.run(false)>
                    {t!(i18n, restore.cancel)}
                </button>
            </div>
        </div>
    }
}

/// One side of the comparison: a heading and what that side holds.
#[component]
fn SideSummary(
    /// "On this phone" or "In the file".
    heading: &'static str,
    summary: Summary,
    /// The test id of the list.
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = if summary.name.is_empty() {
        t_string!(i18n, restore.no_name).to_owned()
    } else {
        summary.name.clone()
    };
    let count = |label: &'static str, n: usize| {
        view! { <div class="restore-row"><dt>{label}</dt><dd>{n}</dd></div> }
    };
    let key = summary
        .learner_key
        .clone()
        .unwrap_or_else(|| t_string!(i18n, restore.no_key).to_owned());
    let teaching = (summary.classes > 0).then(|| {
        view! {
            <div class="restore-row"><dt>{t!(i18n, restore.classes)}</dt>
                <dd>{format!("{} · {}", summary.classes, summary.learners)}</dd></div>
        }
    });
    view! {
        <section class="restore-side" aria-label=heading>
            <h4>{heading}</h4>
            <dl data-testid=testid>
                <div class="restore-row"><dt>{t!(i18n, restore.name)}</dt><dd data-testid="restore-name">{name}</dd></div>
                {count(t_string!(i18n, restore.lessons), summary.lessons)}
                {count(t_string!(i18n, restore.started), summary.started)}
                {count(t_string!(i18n, restore.practised), summary.practised)}
                {count(t_string!(i18n, restore.exams), summary.exams)}
                {count(t_string!(i18n, restore.sessions), summary.sessions)}
                {count(t_string!(i18n, restore.certificates), summary.certificates)}
                {teaching}
                <div class="restore-row"><dt>{t!(i18n, restore.key)}</dt><dd class="fingerprint">{key}</dd></div>
            </dl>
        </section>
    }
}
