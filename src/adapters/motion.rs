//! Motion adapter: the accelerometer, through `devicemotion` events
//! (`accelerationIncludingGravity`, m/s² on the device's axes, with the
//! event's time stamp in ms).
//!
//! iOS asks the user first: [`needs_permission`] tells whether
//! `DeviceMotionEvent.requestPermission` exists, and
//! [`request_permission`] must be called from a tap. Desktop browsers often
//! have the event but no sensor: they send no samples, or samples without
//! values, which [`MotionListener`] drops — the UI says "no motion sensor"
//! when nothing arrives.

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::trainer::csv::MotionSample;

fn constructor() -> Option<JsValue> {
    let window = web_sys::window()?;
    let c = js_sys::Reflect::get(&window, &"DeviceMotionEvent".into()).ok()?;
    (!c.is_undefined()).then_some(c)
}

/// Whether the browser has motion events at all.
pub fn is_supported() -> bool {
    constructor().is_some()
}

fn permission_function() -> Option<js_sys::Function> {
    js_sys::Reflect::get(&constructor()?, &"requestPermission".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Whether the user must allow motion first (iOS Safari).
pub fn needs_permission() -> bool {
    permission_function().is_some()
}

/// Asks the user. Call it from a tap: the request is made at once (iOS
/// accepts it only inside the tap's handler); the future resolves to true
/// when motion may be read.
pub fn request_permission() -> impl std::future::Future<Output = bool> {
    let promise = match (permission_function(), constructor()) {
        (None, _) => None,
        (Some(f), Some(c)) => f
            .call0(&c)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok()),
        (Some(_), None) => None,
    };
    let needed = needs_permission();
    async move {
        match promise {
            Some(p) => matches!(
                JsFuture::from(p).await,
                Ok(v) if v.as_string().as_deref() == Some("granted")
            ),
            None => !needed && is_supported(),
        }
    }
}

/// Delivers samples while it lives.
pub struct MotionListener {
    _listener: EventListener,
}

impl MotionListener {
    /// Calls `on_sample` with every event that has all three values.
    pub fn start(on_sample: impl Fn(MotionSample) + 'static) -> Option<Self> {
        is_supported().then_some(())?;
        let window = web_sys::window()?;
        let listener = EventListener::new(&window, "devicemotion", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::DeviceMotionEvent>() else {
                return;
            };
            let Some(a) = e.acceleration_including_gravity() else {
                return;
            };
            if let (Some(x), Some(y), Some(z)) = (a.x(), a.y(), a.z()) {
                on_sample(MotionSample {
                    t_ms: e.time_stamp(),
                    a: [x, y, z],
                });
            }
        });
        Some(MotionListener {
            _listener: listener,
        })
    }
}
