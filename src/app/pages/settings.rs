use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::guideline::GuidelineNote;
use super::profile_name;
use super::region::{RegionNote, RegionSelect};
use crate::adapters::files::{self, ReadError};
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::use_state;
use crate::backup::{self, BackupError};
use crate::profile::ProfileId;
use crate::settings::{EmergencyNumber, Lang, TextSize, Theme};
use leptos_i18n::I18nContext;

/// Settings: language, guideline profile, colours, text size, and the data
/// section (backup file, restore, erase).
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, settings.title));
    let state = use_state();
    let settings = state.settings;

    let languages = Lang::ALL.map(|lang| {
        let label = match lang {
            Lang::ZhCn => t_string!(i18n, lang_zh),
            Lang::En => t_string!(i18n, lang_en),
        };
        view! {
            <label class="choice" lang=lang.tag()>
                <input type="radio" name="lang" value=lang.tag()
                    prop:checked=move || settings.get().lang == lang
                    on:change=move |_| state.update_settings(|s| s.lang = lang) />
                <span>{label}</span>
            </label>
        }
    });
    let profiles = ProfileId::ALL.map(|id| {
        view! {
            <label class="choice">
                <input type="radio" name="profile" value=id.as_str()
                    prop:checked=move || settings.get().profile == id
                    on:change=move |_| state.update_settings(|s| s.profile = id) />
                <span>{move || profile_name(i18n, id)}</span>
            </label>
        }
    });
    let themes = Theme::ALL.map(|theme| {
        let label = move || match theme {
            Theme::System => t_string!(i18n, settings.theme_system),
            Theme::Light => t_string!(i18n, settings.theme_light),
            Theme::Dark => t_string!(i18n, settings.theme_dark),
        };
        view! {
            <label class="choice">
                <input type="radio" name="theme" value=theme.attr()
                    prop:checked=move || settings.get().theme == theme
                    on:change=move |_| state.update_settings(|s| s.theme = theme) />
                <span>{label}</span>
            </label>
        }
    });
    let sizes = TextSize::ALL.map(|size| {
        view! {
            <label class="choice">
                <input type="radio" name="text_size" value=size.percent()
                    prop:checked=move || settings.get().text_size == size
                    on:change=move |_| state.update_settings(|s| s.text_size = size) />
                <span>{size.percent()}" %"</span>
            </label>
        }
    });

    view! {
        <section class="page settings">
            <h1>{t!(i18n, settings.title)}</h1>
            <fieldset>
                <legend>{t!(i18n, settings.language)}</legend>
                {languages}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, settings.profile)}</legend>
                <p class="help">{t!(i18n, settings.profile_help)}</p>
                {profiles}
            </fieldset>
            <GuidelineNote />
            <fieldset id="where">
                <legend>{t!(i18n, place.title)}</legend>
                <p class="help">{t!(i18n, place.help)}</p>
                <label class="text-field" for="settings-region">{t!(i18n, place.pick)}</label>
                <RegionSelect id="settings-region" />
                <RegionNote />
            </fieldset>
            <NumberSetting />
            <fieldset>
                <legend>{t!(i18n, settings.theme)}</legend>
                {themes}
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, settings.text_size)}</legend>
                {sizes}
                <p class="help">{t!(i18n, settings.text_size_sample)}</p>
            </fieldset>
            <DataSection />
        </section>
    }
}

/// The learner's own emergency number, overriding the region's.
#[component]
fn NumberSetting() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let typed = RwSignal::new(
        state
            .settings
            .get_untracked()
            .emergency_number
            .map(|n| n.as_str().to_owned())
            .unwrap_or_default(),
    );
    // None: nothing to say; Some(true): saved; Some(false): invalid.
    let status = RwSignal::new(None::<bool>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match EmergencyNumber::parse(&typed.get_untracked()) {
            Ok(n) => {
                state.update_settings(|s| s.emergency_number = Some(n));
                typed.set(n.as_str().to_owned());
                status.set(Some(true));
            }
            Err(_) => status.set(Some(false)),
        }
    };
    let reset = move |_| {
        state.update_settings(|s| s.emergency_number = None);
        typed.set(String::new());
        status.set(Some(true));
    };
    view! {
        <form class="fieldset-like" on:submit=save>
            <fieldset>
                <legend>{t!(i18n, settings.number)}</legend>
                <p class="help" id="number-help">{t!(i18n, settings.number_help)}</p>
                <label class="text-field" for="own-number">{t!(i18n, settings.number_label)}</label>
                <input id="own-number" type="text" inputmode="numeric" autocomplete="off" maxlength="12"
                    aria-describedby="number-help number-status"
                    aria-invalid=move || (status.get() == Some(false)).to_string()
                    placeholder=move || state.region().number()
                    prop:value=move || typed.get()
                    on:input=move |ev| { typed.set(event_target_value(&ev)); status.set(None); } />
                <div class="actions">
                    <button type="submit">{t!(i18n, settings.number_save)}</button>
                    <button type="button" on:click=reset>{t!(i18n, settings.number_reset)}</button>
                </div>
                <p id="number-status" role="status" class="status" class:error=move || status.get() == Some(false) data-testid="number-status">
                    {move || match status.get() {
                        Some(true) => Some(t_string!(i18n, settings.number_saved)),
                        Some(false) => Some(t_string!(i18n, settings.number_invalid)),
                        None => None,
                    }}
                </p>
            </fieldset>
        </form>
    }
}

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
    Erased,
    Rejected(BackupError),
    ReadFailed,
}

/// Backup file, restore and erase, with the persistence status.
#[component]
fn DataSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let status = RwSignal::new(None::<DataStatus>);
    let confirming = RwSignal::new(false);

    let export = move |_| {
        let text = state.export_backup();
        let date = crate::adapters::platform::now_iso();
        let name = format!("firstaid-backup-{}.json", &date[..10.min(date.len())]);
        match files::download_text(&name, "application/json", &text) {
            Ok(()) => status.set(Some(DataStatus::Exported)),
            Err(e) => {
                web_sys::console::warn_1(&e.into());
                status.set(Some(DataStatus::ReadFailed));
            }
        }
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
                    Ok(()) => DataStatus::Imported,
                    Err(e) => DataStatus::Rejected(e),
                },
            };
            status.set(Some(next));
        });
    };
    let status_text = move || {
        status.get().map(|s| match s {
            DataStatus::Exported => t_string!(i18n, settings.exported),
            DataStatus::Imported => t_string!(i18n, settings.imported),
            DataStatus::Erased => t_string!(i18n, settings.erased),
            DataStatus::Rejected(e) => backup_error_text(i18n, &e),
            DataStatus::ReadFailed => t_string!(i18n, backup_error.read_failed),
        })
    };
    let is_error = move || {
        matches!(
            status.get(),
            Some(DataStatus::Rejected(_) | DataStatus::ReadFailed)
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
