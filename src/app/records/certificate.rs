//! Certificates in the app (issue #7): `/certificate#FAC3:…` (or
//! `FAC2:…`, `FAC1:…`) shows a certificate and checks it on the phone
//! (signature, issuer key, dates) with what was assessed (the theory
//! exam's percent, each skills checklist passed), whoever opens it — the learner keeping it, anyone it is shown to; a
//! certificate can also be pasted, or read from its file or a photo of its
//! QR code. The page prints as the certificate itself (A4 or a phone's
//! page), with the QR code that checks it. "My certificates" lists the
//! ones a learner kept. The rules live in the pure `crate::credentials`.

use leptos::prelude::*;
use serde_json::Value;

use super::contents::{copy_reporting, local_time, read_picked, take_picked_file, Picked, QrImage};
use crate::adapters::{files, platform, share};
use crate::app::fill;
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::pages::profile_name;
use crate::app::state::use_state;
use crate::credentials::badge::assessed::ResultRead;
use crate::credentials::badge::verify::{decode_qr_text, VerifiedCredential};
use crate::credentials::badge::{self, split_languages, CredentialError};
use crate::credentials::link::{credential_text, link, verify_on_this_phone};
use crate::records::payload::PayloadError;
use crate::settings::Lang;
use leptos_i18n::I18nContext;

/// The largest certificate file read.
const MAX_FILE_BYTES: u64 = badge::MAX_BYTES as u64;

/// Why a certificate is refused, in the app's language.
pub fn credential_error_text(i18n: I18nContext<Locale>, e: &CredentialError) -> String {
    let plain = |s: &str| s.to_owned();
    match e {
        CredentialError::TooLarge(_) => plain(t_string!(i18n, credential_error.too_large)),
        CredentialError::NotJson => plain(t_string!(i18n, credential_error.not_json)),
        CredentialError::Qr(PayloadError::Prefix { .. }) => {
            plain(t_string!(i18n, credential_error.not_json))
        }
        CredentialError::Qr(_) | CredentialError::NotCanonical => {
            plain(t_string!(i18n, credential_error.damaged))
        }
        CredentialError::RecordNotCredential => {
            plain(t_string!(i18n, credential_error.record_not_credential))
        }
        CredentialError::NotACredential => {
            plain(t_string!(i18n, credential_error.not_a_credential))
        }
        CredentialError::UnknownContext => plain(t_string!(i18n, credential_error.unknown_context)),
        CredentialError::Malformed(path) => fill(
            t_string!(i18n, credential_error.malformed),
            &[("path", path)],
        ),
        CredentialError::InvalidDate(name) => fill(
            t_string!(i18n, credential_error.invalid_date),
            &[("name", name)],
        ),
        CredentialError::Proof(crate::credentials::proof::ProofError::SignatureMismatch) => {
            plain(t_string!(i18n, credential_error.signature))
        }
        CredentialError::Proof(_) => plain(t_string!(i18n, credential_error.proof)),
        CredentialError::IssuerMismatch => plain(t_string!(i18n, credential_error.issuer_mismatch)),
        CredentialError::NotYetValid(from) => fill(
            t_string!(i18n, credential_error.not_yet_valid),
            &[("from", from)],
        ),
        CredentialError::Expired(until) => fill(
            t_string!(i18n, credential_error.expired),
            &[("until", until)],
        ),
    }
}

/// A text written `中文 · English` as `(in the app's language, in the
/// other)`; a text in one language as it is.
fn in_language(text: &str, lang: Lang) -> (String, Option<String>) {
    match split_languages(text) {
        Some((zh, en)) => match lang {
            Lang::ZhCn => (zh.to_owned(), Some(en.to_owned())),
            Lang::En => (en.to_owned(), Some(zh.to_owned())),
        },
        None => (text.to_owned(), None),
    }
}

/// What a result says, in the app's language: a percent with its pass
/// mark, "passed" for a checklist completed, else its value as written.
fn result_text(i18n: I18nContext<Locale>, r: &ResultRead) -> String {
    match (&r.value, &r.required_value) {
        _ if r.completed() => t_string!(i18n, certificate.result_passed).to_owned(),
        (Some(v), Some(req)) if r.percent() => fill(
            t_string!(i18n, certificate.result_percent),
            &[("value", v), ("required", req)],
        ),
        (Some(v), None) if r.percent() => format!("{v}%"),
        (Some(v), _) => v.clone(),
        (None, _) => r.status.clone().unwrap_or_default(),
    }
}

/// A checked certificate and the credential it came from.
#[derive(Clone, PartialEq)]
struct Checked {
    verified: VerifiedCredential,
    /// The QR text (`FAC3:…`, or `FAC2:…`, `FAC1:…` of older certificates),
    /// for its link and QR code.
    qr_text: String,
    /// The credential, for its file.
    credential: Value,
}

/// Checks a certificate given as text (link, QR text or JSON) now.
fn check(text: &str) -> Result<Checked, CredentialError> {
    let text = credential_text(text);
    let verified = verify_on_this_phone(&text, platform::now_ms())?;
    let credential = if text.starts_with('{') {
        serde_json::from_str(&text).map_err(|_| CredentialError::NotJson)?
    } else {
        decode_qr_text(&text)?
    };
    let qr_text = badge::to_qr_text(&credential).map_err(|_| CredentialError::NotJson)?;
    Ok(Checked {
        verified,
        qr_text,
        credential,
    })
}

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// `/certificate`.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, certificate.title));
    let from_hash = || {
        let h = location_hash();
        (!h.trim_start_matches('#').is_empty()).then_some(h)
    };
    let text = RwSignal::new(from_hash());
    // Reached by the app's own links (the router's navigation, no
    // `hashchange`): the router's location says when the fragment changes.
    let router_hash = leptos_router::hooks::use_location().hash;
    Effect::new(move |_| {
        let h = router_hash.get();
        let h = (!h.trim_start_matches('#').is_empty()).then_some(h);
        if h.is_some() && h != text.get_untracked() {
            text.set(h);
        }
    });
    // A link opened while the app is already on this page changes only the
    // fragment.
    let listener = gloo_events::EventListener::new(
        &web_sys::window().expect("window"),
        "hashchange",
        move |_| text.set(from_hash()),
    );
    let listener = StoredValue::new_local(Some(listener));
    on_cleanup(move || listener.update_value(|l| drop(l.take())));
    let result = Memo::new(move |_| text.get().map(|t| check(&t)));
    let picture_error = RwSignal::new(None::<&'static str>);

    let pasted = RwSignal::new(String::new());
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        picture_error.set(None);
        text.set(Some(pasted.get_untracked()));
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = take_picked_file(&ev) else {
            return;
        };
        picture_error.set(None);
        leptos::task::spawn_local(async move {
            match read_picked(file, MAX_FILE_BYTES).await {
                // The first code that is a certificate (a photo may show others).
                Picked::Codes(texts) => text.set(
                    texts
                        .iter()
                        .find(|t| check(t).is_ok())
                        .or(texts.first())
                        .cloned(),
                ),
                Picked::Text(t) => text.set(Some(t)),
                Picked::NoCode => picture_error.set(Some(t_string!(i18n, certificate.no_code))),
                Picked::TooLarge => {
                    picture_error.set(Some(t_string!(i18n, credential_error.too_large)))
                }
                Picked::Unreadable => {
                    picture_error.set(Some(t_string!(i18n, credential_error.not_json)))
                }
            }
        });
    };

    view! {
        <section class="page certificate-page">
            <h1 class="no-print">{t!(i18n, certificate.title)}</h1>
            {move || match result.get() {
                None => view! { <p class="no-print">{t!(i18n, certificate.missing)}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="result failed" role="alert" data-testid="certificate-error">
                        <p class="verdict">{t!(i18n, certificate.not_accepted)}</p>
                        <p>{move || credential_error_text(i18n, &e)}</p>
                    </div>
                }.into_any(),
                Some(Ok(c)) => view! { <CertificateView checked=c /> }.into_any(),
            }}
            <form class="card no-print" on:submit=open>
                <label class="field">
                    <span>{t!(i18n, certificate.paste_label)}</span>
                    <textarea rows="3" class="mono" data-testid="certificate-paste" prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </label>
                <div class="actions">
                    <button type="submit" data-testid="certificate-check">{t!(i18n, certificate.check)}</button>
                    <label class="button file-button">
                        <input type="file" accept="image/*,application/json,application/ld+json,.json,.txt,text/plain"
                            class="visually-hidden" data-testid="certificate-file" on:change=choose />
                        {t!(i18n, certificate.file)}
                    </label>
                </div>
                {move || picture_error.get().map(|e| view! { <p class="error" role="alert" data-testid="certificate-picture-error">{e}</p> })}
            </form>
        </section>
    }
}

/// A checked certificate: the certificate itself (what prints), then
/// keeping, printing, the file, the link.
///
/// Props: `checked` — a certificate that verified.
#[component]
fn CertificateView(checked: Checked) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let v = checked.verified.clone();
    let qr_text = checked.qr_text.clone();
    let url = link(&origin(), &qr_text);

    let kept = {
        let q = qr_text.clone();
        move || state.records.with(|r| r.learner.certificates.contains(&q))
    };
    let keep = {
        let q = qr_text.clone();
        move |_| {
            state.update_records(|r| r.learner.keep_certificate(&q));
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let file_name = format!(
        "certificate-{}.json",
        v.learner_name
            .clone()
            .unwrap_or_default()
            .replace(['/', '\\', ' '], "_")
    );
    let credential = checked.credential.clone();
    let download = move |_| {
        let json = serde_json::to_string_pretty(&credential).unwrap_or_default();
        if let Err(e) = files::download_text(&file_name, "application/json", &json) {
            web_sys::console::warn_1(&e.into());
        }
    };
    let status = RwSignal::new(None::<&'static str>);
    let (u1, u2) = (url.clone(), url.clone());
    let copy = move |_| copy_reporting(i18n, u1.clone(), status);
    let share_link = move |_| {
        let u = u2.clone();
        leptos::task::spawn_local(async move {
            let _ = share::share_url(&u, t_string!(i18n, certificate.title)).await;
        });
    };

    let achievement = v.achievement_name.clone();
    let titles = move || in_language(&achievement, lang());
    let titles2 = titles.clone();
    let learner = v.learner_name.clone().unwrap_or_default();
    let issuer = v.issuer_name.clone().unwrap_or_default();
    let fingerprint = v.issuer_fingerprint.clone();
    let profile = v.profile;
    // One of this app's achievements (a profile's); anything else is shown
    // as its issuer's word alone.
    let ours = profile.is_some();
    let results = v.results.clone();
    let results_view = (!results.is_empty()).then(|| {
        let items = move || {
            results
                .iter()
                .map(|r| {
                    let name = in_language(&r.name, lang()).0;
                    let value = result_text(i18n, r);
                    view! {
                        <dt>{name}</dt>
                        <dd data-testid="certificate-result" class:status-ok=r.completed()>{value}</dd>
                    }
                })
                .collect_view()
        };
        view! {
            <section class="certificate-results" aria-labelledby="certificate-results-heading" data-testid="certificate-results">
                <h3 id="certificate-results-heading">{t!(i18n, certificate.assessed_heading)}</h3>
                <dl class="record-contents">{items}</dl>
            </section>
        }
    });
    let (from, until) = (v.valid_from_ms, v.valid_until_ms);
    view! {
        <p class="result passed no-print" role="status" data-testid="certificate-status">
            <strong>{t!(i18n, certificate.genuine)}</strong>" "{t!(i18n, certificate.checked_now)}
        </p>
        <article class="certificate" data-testid="certificate" aria-labelledby="certificate-title">
            {if ours {
                view! { <p class="certificate-app">"急救英雄 · First Aid Hero"</p> }.into_any()
            } else {
                view! { <p class="review-flag" data-testid="certificate-other-issuer">{t!(i18n, certificate.other_issuer)}</p> }.into_any()
            }}
            <h2 id="certificate-title" data-testid="certificate-title">{move || titles().0}</h2>
            {move || titles2().1.map(|other| view! { <p class="certificate-other">{other}</p> })}
            <p class="certificate-awarded">{t!(i18n, certificate.awarded_to)}</p>
            <p class="certificate-name" data-testid="certificate-name">{learner}</p>
            {results_view}
            <dl class="record-contents">
                {profile.map(|p| view! {
                    <dt>{t!(i18n, certificate.guideline)}</dt>
                    <dd>{move || profile_name(i18n, p)}</dd>
                })}
                <dt>{t!(i18n, certificate.issued_by)}</dt>
                <dd data-testid="certificate-issuer">{issuer}
                    <br /><span class="fingerprint">{fingerprint}</span></dd>
                <dt>{t!(i18n, certificate.valid_from)}</dt>
                <dd>{move || local_time(from.max(0) as u64, lang().tag())}</dd>
                <dt>{t!(i18n, certificate.valid_until)}</dt>
                <dd>{move || match until {
                    Some(u) => local_time(u.max(0) as u64, lang().tag()),
                    None => t_string!(i18n, certificate.no_end).to_owned(),
                }}</dd>
            </dl>
            <QrImage text=url.clone() label=move || t_string!(i18n, certificate.qr_label).to_owned() testid="certificate-qr" />
            <p class="help">{t!(i18n, certificate.scan_note)}</p>
            <p class="help">{t!(i18n, certificate.fingerprint_help)}</p>
        </article>
        <div class="actions no-print">
            {move || if kept() {
                view! { <p role="status" class="status" data-testid="certificate-kept">{t!(i18n, certificate.kept)}</p> }.into_any()
            } else {
                view! { <button type="button" class="primary" data-testid="keep-certificate" on:click=keep.clone()>{t!(i18n, certificate.keep)}</button> }.into_any()
            }}
            <button type="button" data-testid="print-certificate" on:click=print>{t!(i18n, certificate.print)}</button>
            <button type="button" data-testid="download-certificate" on:click=download>{t!(i18n, certificate.download)}</button>
            <button type="button" on:click=copy>{t!(i18n, certificate.copy_link)}</button>
            {share::can_share_url().then(|| view! { <button type="button" on:click=share_link>{t!(i18n, certificate.share)}</button> })}
        </div>
        <label class="field no-print">
            <span>{t!(i18n, certificate.link)}</span>
            <input type="text" readonly class="mono" data-testid="certificate-link" prop:value=url />
        </label>
        <p role="status" class="status no-print">{move || status.get()}</p>
    }
}

/// "My certificates" on the learner's record page: each kept certificate
/// checked again now, with its state and a link to it.
#[component]
pub fn MyCertificates() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let items = move || {
        state.records.with(|r| {
            r.learner
                .certificates
                .iter()
                .map(|q| (q.clone(), verify_on_this_phone(q, platform::now_ms())))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="certificates-heading" data-testid="my-certificates">
            <h2 id="certificates-heading">{t!(i18n, certificate.my_heading)}</h2>
            {move || {
                let list = items();
                if list.is_empty() {
                    return view! { <p class="help">{t!(i18n, certificate.my_empty)}</p> }.into_any();
                }
                view! {
                    <ul class="certificate-list">
                        {list.into_iter().map(|(q, r)| {
                            let href = link("", &q);
                            let (title, state_text, ok) = match &r {
                                Ok(v) => (
                                    in_language(&v.achievement_name, lang()).0,
                                    t_string!(i18n, certificate.valid_short).to_owned(),
                                    true,
                                ),
                                Err(CredentialError::Expired(_)) => (
                                    String::new(),
                                    t_string!(i18n, certificate.expired_short).to_owned(),
                                    false,
                                ),
                                Err(CredentialError::NotYetValid(_)) => (
                                    String::new(),
                                    t_string!(i18n, certificate.not_yet).to_owned(),
                                    false,
                                ),
                                Err(e) => (String::new(), credential_error_text(i18n, e), false),
                            };
                            let issuer = r.as_ref().ok().and_then(|v| v.issuer_name.clone()).unwrap_or_default();
                            view! {
                                <li data-testid="my-certificate">
                                    <a href=href class="button">{t!(i18n, certificate.open)}</a>
                                    <span>
                                        <strong>{if title.is_empty() { t_string!(i18n, certificate.title).to_owned() } else { title }}</strong>
                                        {(!issuer.is_empty()).then(|| view! { <br /><span>{issuer}</span> })}
                                        <br /><span class=if ok { "status-ok" } else { "status-fail" }>{state_text}</span>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p><a href="/certificate" class="button" data-testid="add-certificate">{t!(i18n, certificate.add)}</a></p>
        </section>
    }
}
