//! Where the learner is: the region's name, the picker, and the home page's
//! first-visit confirmation ("You are in: Hong Kong — ambulance 999").

use leptos::prelude::*;

use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::use_state;
use crate::region::RegionId;
use leptos_i18n::I18nContext;

/// A region's name in the app's language.
pub fn region_name(i18n: I18nContext<Locale>, id: RegionId) -> &'static str {
    match id {
        RegionId::Cn => t_string!(i18n, region.cn),
        RegionId::Hk => t_string!(i18n, region.hk),
        RegionId::Mo => t_string!(i18n, region.mo),
        RegionId::Tw => t_string!(i18n, region.tw),
        RegionId::Us => t_string!(i18n, region.us),
        RegionId::Ca => t_string!(i18n, region.ca),
        RegionId::Eu => t_string!(i18n, region.eu),
        RegionId::Gb => t_string!(i18n, region.gb),
        RegionId::Au => t_string!(i18n, region.au),
        RegionId::Nz => t_string!(i18n, region.nz),
        RegionId::Jp => t_string!(i18n, region.jp),
        RegionId::Kr => t_string!(i18n, region.kr),
        RegionId::Sg => t_string!(i18n, region.sg),
        RegionId::In => t_string!(i18n, region.india),
        RegionId::Other => t_string!(i18n, region.other),
    }
}

/// A `<select>` of every region with its number; choosing one confirms it.
///
/// Props: `id` — the element id (for its `<label for>`); `on_pick` — called
/// after the choice is saved.
#[component]
pub fn RegionSelect(
    id: &'static str,
    #[prop(optional, into)] on_pick: Option<Callback<RegionId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let options = RegionId::ALL.map(|r| {
        view! {
            <option value=r.as_str() selected=move || state.region() == r>
                {move || format!("{} · {}", region_name(i18n, r), r.number())}
            </option>
        }
    });
    let pick = move |ev: leptos::ev::Event| {
        if let Some(r) = RegionId::from_id(&event_target_value(&ev)) {
            state.update_settings(|s| s.region = Some(r));
            if let Some(f) = on_pick {
                f.run(r);
            }
        }
    };
    view! {
        <select id=id class="region-select" data-testid="region-select"
            prop:value=move || state.region().as_str() on:change=pick>
            {options}
        </select>
    }
}

/// What the region says beside its number: the UK's other number, or for
/// "somewhere else", to check the local number.
#[component]
pub fn RegionNote() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    move || {
        let region = state.region().region();
        if region.id == RegionId::Other {
            Some(view! { <p class="help" data-place="" data-testid="check-local">{t!(i18n, place.check_local)}</p> }.into_any())
        } else {
            region.also.map(|n| {
                view! { <p class="help" data-place="">{t!(i18n, place.also, number = move || n)}</p> }.into_any()
            })
        }
    }
}

/// The home page's card: where the app thinks the learner is, the number to
/// call there, and — until they confirm — "Yes, that's right" and "Change".
#[component]
pub fn WhereCard() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let changing = RwSignal::new(false);
    let name = move || region_name(i18n, state.region());
    let number = move || state.region().number();
    view! {
        <section class="card where-card" aria-labelledby="where-heading" data-testid="where-card">
            <h2 id="where-heading">{t!(i18n, place.title)}</h2>
            // `data-place`: text about where the phone is, which the home
            // page rendered at build time leaves blank (xtask prerender).
            <p class="where-line" data-place="" data-testid="where-line">
                <strong>{t!(i18n, place.you_are_in, region = name)}</strong>
                " · "
                {t!(i18n, place.ambulance, number = number)}
            </p>
            <RegionNote />
            <Show when=move || !changing.get()
                fallback=move || view! {
                    <label class="text-field" for="home-region">{t!(i18n, place.pick)}</label>
                    <RegionSelect id="home-region" on_pick=move |_| changing.set(false) />
                }>
                // Confirming or changing the place waits for the place to be
                // shown: blank in the home page rendered at build time.
                <div class="actions" data-place="">
                    <Show when=move || state.region_unconfirmed()>
                        <button type="button" data-testid="region-confirm"
                            on:click=move |_| {
                                let r = state.region();
                                state.update_settings(|s| s.region = Some(r));
                            }>{t!(i18n, place.confirm)}</button>
                    </Show>
                    <button type="button" data-testid="region-change" on:click=move |_| changing.set(true)>
                        {t!(i18n, place.change)}
                    </button>
                </div>
            </Show>
        </section>
    }
}
