use leptos::prelude::*;

use super::data::DataSection;
use super::guideline::GuidelineNote;
use super::profile_name;
use super::region::{RegionNote, RegionSelect};
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::profile::ProfileId;
use crate::settings::{EmergencyNumber, Lang, Motion, Settings, TextSize, Theme};

/// Settings: language, guideline profile, colours, text size, moving
/// pictures, and the data section (backup file, restore, erase).
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, settings.title));

    let languages = Lang::ALL.map(|lang| {
        let label = match lang {
            Lang::ZhCn => t_string!(i18n, lang_zh),
            Lang::En => t_string!(i18n, lang_en),
        };
        view! {
            <Choice name="lang" value=lang.tag() this=lang lang=lang.tag()
                field=|s| s.lang pick=|s, v| s.lang = v>
                {label}
            </Choice>
        }
    });
    let profiles = ProfileId::ALL.map(|id| {
        view! {
            <Choice name="profile" value=id.as_str() this=id
                field=|s| s.profile pick=|s, v| s.profile = v>
                {move || profile_name(i18n, id)}
            </Choice>
        }
    });
    let themes = Theme::ALL.map(|theme| {
        let label = move || match theme {
            Theme::System => t_string!(i18n, settings.theme_system),
            Theme::Light => t_string!(i18n, settings.theme_light),
            Theme::Dark => t_string!(i18n, settings.theme_dark),
        };
        view! {
            <Choice name="theme" value=theme.attr() this=theme
                field=|s| s.theme pick=|s, v| s.theme = v>
                {label}
            </Choice>
        }
    });
    let size_box = NodeRef::<leptos::html::Fieldset>::new();
    let sizes = TextSize::ALL.map(|size| {
        view! {
            <Choice name="text_size" value=size.percent().to_string() this=size
                field=|s| s.text_size pick=|s, v| s.text_size = v>
                {size.percent()}" %"
            </Choice>
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
            // The choice stays in view as the page grows or shrinks under
            // it (at 200 % it was left behind, another paragraph on screen).
            <fieldset node_ref=size_box on:change=move |_| crate::app::focus::reveal_later(size_box)>
                <legend>{t!(i18n, settings.text_size)}</legend>
                {sizes}
                <p class="help">{t!(i18n, settings.text_size_sample)}</p>
            </fieldset>
            <MotionSetting />
            <DataSection />
        </section>
    }
}

/// One option of a group of radio buttons bound to a setting: checked
/// while the setting is `this`, and stores `this` when picked.
///
/// Props: `name` — the group's name; `value` — this option's form value;
/// `this` — the option; `field` — reads the setting; `pick` — stores an
/// option in the settings; `lang` — the label's language, when it is not
/// the page's (a language's own name); children — the label.
#[component]
fn Choice<T>(
    name: &'static str,
    #[prop(into)] value: String,
    this: T,
    field: fn(&Settings) -> T,
    pick: fn(&mut Settings, T),
    #[prop(optional)] lang: Option<&'static str>,
    children: Children,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let state = use_state();
    let settings = state.settings;
    view! {
        <label class="choice" lang=lang>
            <input type="radio" name=name value=value
                prop:checked=move || settings.with(|s| field(s) == this)
                on:change=move |_| state.update_settings(|s| pick(s, this)) />
            <span>{children()}</span>
        </label>
    }
}

/// Moving pictures: as the phone says (reduced motion), on, or off (still
/// pictures and no movement for show); mirrored onto `<html data-motion>`.
#[component]
fn MotionSetting() -> impl IntoView {
    let i18n = use_i18n();
    let choices = Motion::ALL.map(|motion| {
        let label = move || match motion {
            Motion::System => t_string!(i18n, settings.motion_system),
            Motion::On => t_string!(i18n, settings.motion_on),
            Motion::Off => t_string!(i18n, settings.motion_off),
        };
        view! {
            <Choice name="motion" value=motion.attr() this=motion
                field=|s| s.motion pick=|s, v| s.motion = v>
                {label}
            </Choice>
        }
    });
    view! {
        <fieldset>
            <legend>{t!(i18n, settings.motion)}</legend>
            <p class="help">{t!(i18n, settings.motion_help)}</p>
            {choices}
        </fieldset>
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
