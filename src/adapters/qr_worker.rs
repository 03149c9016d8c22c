//! QR decoding in a Web Worker: the pixel decoder (the `firstaid-scan`
//! crate, rqrr) runs as its own small wasm module in a worker
//! (`public/scan-worker.js`), never in the app's module.
//!
//! Why: rqrr can panic on degenerate pictures, and a panic in wasm cannot
//! be caught — it traps and would end the app. In the worker it ends only
//! that worker: it reports `crashed` and closes, and the next [`decode`]
//! starts a fresh one. The decoder also stays out of the app's first load
//! and its work off the main thread.
//!
//! Feature detection: [`available`] — the browser has `Worker` and the page
//! names the worker's script (`<meta name="firstaid-scan-worker">`, written
//! by the build). Cleanup: the worker is terminated when it crashes or fails
//! to load; one worker lives per page otherwise (a few hundred KiB), and
//! its listeners go with it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the worker gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// No worker here (no `Worker`, or a page without the build's `<meta>`,
    /// as in component tests), or it failed to load too often.
    Unavailable,
    /// The decoder trapped on these pixels (a panic); the next call uses a
    /// fresh worker. The text is the browser's error.
    Crashed(String),
    /// The worker could not load its module or could not be reached.
    Failed(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Unavailable => write!(f, "the QR decoder is not available here"),
            DecodeError::Crashed(e) => write!(f, "the QR decoder stopped on this picture: {e}"),
            DecodeError::Failed(e) => write!(f, "the QR decoder could not run: {e}"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// How long a picture may take before its worker is taken for stuck (ms):
/// generous, so that only a decoder that hangs is ended.
const ANSWER_MS: u32 = 10_000;

/// After this many load failures in a row the worker is not tried again
/// on this page (each try would fetch and fail again).
const MAX_LOAD_FAILURES: u32 = 3;

/// The running worker and the answers it owes.
struct Running {
    worker: web_sys::Worker,
    /// Request id → the `resolve` of the promise its caller awaits.
    pending: Rc<RefCell<HashMap<u32, js_sys::Function>>>,
    _message: EventListener,
    _error: EventListener,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
        // Whoever still waits gets an answer (the worker is gone).
        answer_all(&self.pending, "stopped");
    }
}

/// Answers every waiting request with `{ <field>: "the worker stopped" }`.
fn answer_all(pending: &RefCell<HashMap<u32, js_sys::Function>>, field: &str) {
    let waiting: Vec<js_sys::Function> = pending.borrow_mut().drain().map(|(_, f)| f).collect();
    for resolve in waiting {
        let answer = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&answer, &field.into(), &"the worker stopped".into());
        let _ = resolve.call1(&JsValue::NULL, &answer);
    }
}

#[derive(Default)]
struct State {
    running: Option<Rc<Running>>,
    next_id: Cell<u32>,
    load_failures: Cell<u32>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// The worker script's URL, from `<meta name="firstaid-scan-worker">`.
fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name=firstaid-scan-worker]")
        .ok()??;
    let url = meta.get_attribute("content")?;
    // Still the template's placeholder: a page not made by the build.
    (!url.is_empty() && !url.contains("__")).then_some(url)
}

/// Whether pixels can be decoded here: the browser has `Worker`, the page
/// names the worker's script, and it has not failed to load repeatedly.
pub fn available() -> bool {
    let has_worker = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"Worker".into()).ok())
        .is_some_and(|w| w.is_function());
    has_worker
        && worker_url().is_some()
        && STATE.with(|s| s.borrow().load_failures.get() < MAX_LOAD_FAILURES)
}

/// Forgets the running worker (terminating it), if it is still `which`.
fn forget(which: &Rc<Running>) {
    let gone = STATE.with(|s| {
        let mut s = s.borrow_mut();
        match &s.running {
            Some(r) if Rc::ptr_eq(r, which) => s.running.take(),
            _ => None,
        }
    });
    drop(gone);
}

fn start_worker() -> Result<Rc<Running>, DecodeError> {
    let url = worker_url().ok_or(DecodeError::Unavailable)?;
    let worker = web_sys::Worker::new(&url).map_err(|e| {
        STATE.with(|s| {
            let s = s.borrow();
            s.load_failures.set(s.load_failures.get() + 1);
        });
        DecodeError::Failed(format!("{e:?}"))
    })?;
    let pending: Rc<RefCell<HashMap<u32, js_sys::Function>>> = Rc::default();
    let answers = pending.clone();
    let message = EventListener::new(&worker, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = event.data();
        let id = js_sys::Reflect::get(&data, &"id".into())
            .ok()
            .and_then(|v| v.as_f64());
        let resolve = id.and_then(|id| answers.borrow_mut().remove(&(id as u32)));
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
        // A worker that crashed or failed has closed: whoever else waits
        // gets an answer now (a photo chosen while the camera scans).
        let closed = ["crashed", "failed"]
            .iter()
            .any(|k| js_sys::Reflect::has(&data, &(*k).into()).unwrap_or(false));
        if closed {
            answer_all(&answers, "stopped");
        }
    });
    // The script itself failed (not found, offline without a cache, a
    // syntax error): answer everyone waiting, and drop this worker.
    let waiting = pending.clone();
    let error = EventListener::new(&worker, "error", move |_| {
        answer_all(&waiting, "failed");
        // Not dropped inside its own listener: after this event is done.
        let gone = STATE.with(|s| s.borrow_mut().running.take());
        wasm_bindgen_futures::spawn_local(async move { drop(gone) });
    });
    Ok(Rc::new(Running {
        worker,
        pending,
        _message: message,
        _error: error,
    }))
}

/// The texts of every QR code in RGBA pixels (`width` × `height`, 4 bytes
/// a pixel, as `getImageData` gives them), read by the worker; the pixels
/// are moved to it, not copied.
pub async fn decode(width: u32, height: u32, pixels: Vec<u8>) -> Result<Vec<String>, DecodeError> {
    if !available() {
        return Err(DecodeError::Unavailable);
    }
    let running = match STATE.with(|s| s.borrow().running.clone()) {
        Some(r) => r,
        None => {
            let r = start_worker()?;
            STATE.with(|s| s.borrow_mut().running = Some(r.clone()));
            r
        }
    };
    let id = STATE.with(|s| {
        let s = s.borrow();
        let id = s.next_id.get();
        s.next_id.set(id.wrapping_add(1));
        id
    });

    let buffer = js_sys::Uint8Array::from(pixels.as_slice()).buffer();
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&message, &k.into(), v);
    let _ = set("id", &id.into());
    let _ = set("width", &width.into());
    let _ = set("height", &height.into());
    let _ = set("pixels", &buffer);

    let mut resolver = None;
    let answer = js_sys::Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
    if let Some(resolve) = resolver {
        running.pending.borrow_mut().insert(id, resolve);
    }
    if let Err(e) = running
        .worker
        .post_message_with_transfer(&message, &js_sys::Array::of1(&buffer))
    {
        running.pending.borrow_mut().remove(&id);
        return Err(DecodeError::Failed(format!("{e:?}")));
    }
    // A decoder that never answers (stuck on a picture) is ended: the
    // caller hears "stopped", the next call gets a fresh worker.
    let stuck = Rc::downgrade(&running);
    let _deadline = gloo_timers::callback::Timeout::new(ANSWER_MS, move || {
        if let Some(r) = stuck.upgrade() {
            if r.pending.borrow().contains_key(&id) {
                r.worker.terminate();
                answer_all(&r.pending, "stopped");
                forget(&r);
            }
        }
    });
    let data = JsFuture::from(answer)
        .await
        .map_err(|e| DecodeError::Failed(format!("{e:?}")))?;

    let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
    if let Some(texts) = field("texts").and_then(|t| t.dyn_into::<js_sys::Array>().ok()) {
        STATE.with(|s| s.borrow().load_failures.set(0));
        return Ok(texts.iter().filter_map(|t| t.as_string()).collect());
    }
    // The worker has closed itself (or is gone): the next call starts anew.
    forget(&running);
    if let Some(e) = field("crashed").and_then(|v| v.as_string()) {
        STATE.with(|s| s.borrow().load_failures.set(0));
        web_sys::console::warn_1(
            &format!(
                "firstaid: the QR decoder stopped on a picture ({e}); a new one reads the next"
            )
            .into(),
        );
        return Err(DecodeError::Crashed(e));
    }
    if field("failed").is_some() {
        STATE.with(|s| {
            let s = s.borrow();
            s.load_failures.set(s.load_failures.get() + 1);
        });
    }
    let why = field("failed")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "the worker stopped".into());
    Err(DecodeError::Failed(why))
}
