//! Storage adapter: the store's [`KeyValue`] backend on `localStorage`, and
//! the request for persistent storage.
//!
//! Why `localStorage` and not IndexedDB (see ARCHITECTURE.md): `setItem` is
//! synchronous and atomic, so a change is on disk before the next event, a
//! crash can never leave half a key, and start-up reads the store without
//! waiting; the store keeps each roster row under a key of its own, so a
//! save writes kilobytes, not the whole document.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::store::{KeyValue, KvError};

/// `localStorage`, or the reason it cannot be used.
#[derive(Clone)]
pub struct LocalStorageKv {
    storage: Option<web_sys::Storage>,
    reason: String,
}

impl LocalStorageKv {
    /// Feature-detects `localStorage` (it throws in some private modes).
    pub fn open() -> Self {
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(storage))) => LocalStorageKv {
                storage: Some(storage),
                reason: String::new(),
            },
            Some(Err(e)) => LocalStorageKv {
                storage: None,
                reason: format!("{e:?}"),
            },
            _ => LocalStorageKv {
                storage: None,
                reason: "no localStorage".into(),
            },
        }
    }

    fn storage(&self) -> Result<&web_sys::Storage, KvError> {
        self.storage
            .as_ref()
            .ok_or_else(|| KvError::Unavailable(self.reason.clone()))
    }
}

fn describe(e: wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{e:?}"))
}

impl KeyValue for LocalStorageKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.storage()?
            .get_item(key)
            .map_err(|e| KvError::Unavailable(describe(e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        // The only way setItem fails on a working storage is the quota.
        self.storage()?
            .set_item(key, value)
            .map_err(|e| KvError::Full(describe(e)))
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.storage()?
            .remove_item(key)
            .map_err(|e| KvError::Unavailable(describe(e)))
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let s = self.storage()?;
        let n = s.length().map_err(|e| KvError::Unavailable(describe(e)))?;
        Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}

/// Asks the browser to keep the app's data under storage pressure.
/// Returns whether storage is persisted (`None` where the API is missing).
pub async fn request_persistence() -> Option<bool> {
    let navigator = web_sys::window()?.navigator();
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return None;
    }
    let manager = navigator.storage();
    let already = JsFuture::from(manager.persisted().ok()?)
        .await
        .ok()?
        .as_bool()?;
    if already {
        return Some(true);
    }
    JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

/// Calls `on_change` when another tab of the app changes the stored
/// document (`storage` events fire in every other same-origin tab). The
/// listener is removed when the watch is dropped.
pub struct OtherTabsWatch {
    _listener: gloo_events::EventListener,
}

impl OtherTabsWatch {
    pub fn start(on_change: impl Fn() + 'static) -> Option<OtherTabsWatch> {
        let window = web_sys::window()?;
        let listener = gloo_events::EventListener::new(&window, "storage", move |ev| {
            let key = ev.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key());
            // `key` is null when another tab cleared the whole storage; a
            // mark in another tab changes only its roster row's key.
            let ours = |k: &str| {
                k.starts_with(crate::store::PREFIX)
                    && !k.starts_with(crate::store::RECOVERED_PREFIX)
            };
            if key.as_deref().is_none_or(ours) {
                on_change();
            }
        });
        Some(OtherTabsWatch {
            _listener: listener,
        })
    }
}
