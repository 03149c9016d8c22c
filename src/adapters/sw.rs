//! Service worker adapter: registration, "update available", and the reload
//! that activates the waiting version.
//!
//! The worker (`public/sw.js`, completed by the build) precaches every build
//! output and waits after installing an update; this module notices the
//! waiting worker and, when the user asks, tells it to take over
//! (`skip-waiting`) and reloads once it controls the page. The store is
//! written on every change, so the reload loses nothing.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// Keeps the listeners of a registered worker alive; dropping it removes them.
pub struct SwWatch {
    _updatefound: EventListener,
    _installing: Rc<Cell<Option<EventListener>>>,
    registration: ServiceWorkerRegistration,
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return None;
    }
    Some(navigator.service_worker())
}

/// Registers `/sw.js` and calls `on_update` when a new version is installed
/// and waiting. Returns `None` where service workers are unsupported or
/// registration failed (e.g. not a secure context).
pub async fn register(on_update: impl Fn() + Clone + 'static) -> Option<SwWatch> {
    let container = container()?;
    let reg: ServiceWorkerRegistration = JsFuture::from(container.register("/sw.js"))
        .await
        .map_err(|e| web_sys::console::warn_2(&"service worker registration failed".into(), &e))
        .ok()?
        .dyn_into()
        .ok()?;

    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    // Calls `on_update` once `worker` has installed, if a version already
    // controls the page (otherwise this is the first install, not an update).
    let installing: Rc<Cell<Option<EventListener>>> = Rc::new(Cell::new(None));
    let watch_worker = {
        let slot = installing.clone();
        move |worker: ServiceWorker| {
            let on_update = on_update.clone();
            let has_controller = has_controller.clone();
            let w = worker.clone();
            let check = move || {
                if w.state() == ServiceWorkerState::Installed && has_controller() {
                    on_update();
                }
            };
            check();
            slot.set(Some(EventListener::new(
                &worker,
                "statechange",
                move |_| check(),
            )));
        }
    };
    // An update that finished installing before this page loaded, or one
    // that is installing right now (found during this navigation).
    if let Some(w) = reg.waiting() {
        watch_worker(w);
    } else if let Some(w) = reg.installing() {
        watch_worker(w);
    }
    // Updates found from now on.
    let reg2 = reg.clone();
    let updatefound = EventListener::new(&reg, "updatefound", move |_| {
        if let Some(w) = reg2.installing() {
            watch_worker(w.clone());
        }
    });
    Some(SwWatch {
        _updatefound: updatefound,
        _installing: installing,
        registration: reg,
    })
}

impl SwWatch {
    /// Activates the waiting version and reloads when it has taken over.
    pub fn activate_update(&self) {
        let Some(container) = container() else { return };
        let Some(waiting): Option<ServiceWorker> = self.registration.waiting() else {
            reload();
            return;
        };
        EventListener::once(&container, "controllerchange", |_| reload()).forget();
        let _ = waiting.post_message(&"skip-waiting".into());
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
