//! First Aid Hero (急救英雄): learn CPR, AED use and choking relief on your
//! own phone, offline.
//!
//! The crate has two halves (see ARCHITECTURE.md):
//! - the pure core — [`settings`], [`profile`], [`store`], [`backup`],
//!   [`content`], [`records`], [`credentials`] (certificates as verifiable
//!   credentials: JCS, did:key, eddsa-jcs-2022 proofs), [`xapi`] (xAPI
//!   statements shaped as cmi5, for a school's LRS) — which
//!   has no browser dependency and is tested natively with `cargo test`;
//! - the browser half — `app` (Leptos UI) and `adapters` (one browser
//!   capability each) — compiled for `wasm32` only.

pub mod backup;
pub mod coach;
pub mod content;
pub mod credentials;
#[cfg(not(target_arch = "wasm32"))]
pub mod figures;
pub mod pasted;
pub mod profile;
pub mod progress;
pub mod quiz;
pub mod records;
pub mod region;
pub mod settings;
pub mod store;
pub mod time;
pub mod trainer;
pub mod uuid;
pub mod xapi;

#[cfg(target_arch = "wasm32")]
pub mod adapters;
#[cfg(target_arch = "wasm32")]
pub mod app;

/// The app's version, as shown on the about page and written into backups.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
