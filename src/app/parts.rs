//! The quiz's and the trainer's stored data and the records, typed when a
//! page first reads them (`store::Lazy`): the home page, in the main wasm
//! module, reads none of them (it asks only whether there are any:
//! `Document::has_history`, `Document::has_assignments`), so their
//! reading code is in the chunks of the pages that do.
//!
//! Every page that reads `AppState::quiz`, `AppState::trainer` or
//! `AppState::records` calls [`AppState::parts`] before it draws
//! (`app::lazy`), and so do `update_quiz`, `update_trainer`,
//! `update_records` and the backup's import. Until then those signals hold
//! their defaults. Once a page has typed them, a document read again
//! (another tab saved) is typed again at once ([`again`]), through a
//! function this module leaves for the main module to call: the main
//! module itself never names the code that types them.

use std::cell::Cell;

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::store::LoadNotice;

thread_local! {
    /// Set once a page has typed the parts: how to type them again.
    static RETYPE: Cell<Option<fn(&AppState)>> = const { Cell::new(None) };
}

impl AppState {
    /// Types the quiz's and the trainer's stored data and the records and
    /// shows them in their signals; data that does not match its type is kept as a
    /// recovery copy and starts again empty, with the notice of unreadable
    /// data. Cheap once done.
    pub fn parts(&self) {
        if RETYPE.with(Cell::get).is_some() && self.parts_typed() {
            return;
        }
        let notice = Self::with_store(|s| s.type_parts());
        if let Some(n) = notice {
            web_sys::console::warn_1(&format!("stored data: {n:?}").into());
            self.notice.set(Some(match n {
                LoadNotice::StorageUnavailable { .. } => Notice::Unavailable,
                _ => Notice::Unreadable,
            }));
        }
        Self::with_store(|s| {
            let d = s.doc();
            // Each part that is typed; one left as read (damaged, its
            // copy not kept: `Store::type_parts`) keeps its defaults here
            // and refuses changes (`AppState::save_typed_part`).
            if let Some(q) = d.quiz.get() {
                self.quiz.set(q.clone());
            }
            if let Some(t) = d.trainer.get() {
                self.trainer.set(t.clone());
            }
            if let Some(r) = d.records.get() {
                self.records.set(r.clone());
            }
            // A damaged part starts again empty: what the home page shows.
            self.history.set(d.has_history());
            self.assigned.set(d.has_assignments());
        });
        RETYPE.with(|r| r.set(Some(|state: &AppState| state.parts())));
    }

    /// Whether the document in memory has every part typed.
    fn parts_typed(&self) -> bool {
        Self::with_store(|s| {
            let d = s.doc();
            d.quiz.get().is_some() && d.trainer.get().is_some() && d.records.get().is_some()
        })
    }
}

/// Types the parts again after the document was read again, if a page
/// typed them before (else they wait for the first page that reads them).
pub(super) fn again(state: &AppState) {
    if let Some(retype) = RETYPE.with(Cell::get) {
        retype(state);
    }
}
