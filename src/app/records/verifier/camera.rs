//! The verifier's camera: scanning until stopped, the button that starts or
//! stops it, its picture and why it could not start.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::CheckText;
use crate::adapters::{audio, camera};
use crate::app::i18n::{t, t_string, use_i18n};

/// Why the camera is not scanning.
#[derive(Clone, PartialEq, Eq)]
enum CameraState {
    Off,
    Starting,
    On,
    /// Why it could not start (translated when shown, so the message
    /// follows a change of language).
    Failed(camera::CameraError),
}

/// The camera: scanning goes on until stopped; the same code seen again in
/// the next frames is read once. Dropping the scan stops the camera.
#[derive(Clone, Copy)]
pub(super) struct Camera {
    video: NodeRef<leptos::html::Video>,
    scan: StoredValue<Option<camera::CameraScan>, LocalStorage>,
    state: RwSignal<CameraState>,
    seen: StoredValue<String, LocalStorage>,
    /// Bumped by every stop, so a start still waiting for the camera knows.
    generation: StoredValue<u64>,
}

impl Camera {
    pub(super) fn new() -> Self {
        Camera {
            video: NodeRef::new(),
            scan: StoredValue::new_local(None),
            state: RwSignal::new(CameraState::Off),
            seen: StoredValue::new_local(String::new()),
            generation: StoredValue::new(0u64),
        }
    }

    pub(super) fn start(self, check: CheckText) {
        let Camera {
            video,
            scan: cam,
            state: cam_state,
            seen,
            generation: cam_generation,
        } = self;
        let Some(v) = video.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlVideoElement = v.unchecked_into();
        // Inside the tap: the beep's audio may start (iOS).
        audio::prime_beep();
        cam_state.set(CameraState::Starting);
        let generation = cam_generation.get_value();
        leptos::task::spawn_local(async move {
            let on_text = move |text: String| {
                if seen.with_value(|s| *s != text) {
                    seen.set_value(text.clone());
                    check(&text);
                }
            };
            let started = camera::start(el, on_text).await;
            // Stopped (or started again) while the camera was coming
            // up: this scan is not wanted; dropping it stops the camera.
            if cam_generation.try_get_value() != Some(generation) {
                return;
            }
            match started {
                Ok(scan) => {
                    cam.set_value(Some(scan));
                    cam_state.set(CameraState::On);
                }
                Err(e) => {
                    if let camera::CameraError::Other(why) = &e {
                        web_sys::console::warn_1(&why.into());
                    }
                    cam_state.set(CameraState::Failed(e));
                }
            }
        });
    }

    pub(super) fn stop(self) {
        self.generation.update_value(|g| *g += 1);
        self.scan.update_value(|c| drop(c.take()));
        self.seen.set_value(String::new());
        self.state.set(CameraState::Off);
    }
}

/// The button that starts the camera, or stops it while it is starting or
/// on.
///
/// Props: `camera` — the scan; `check` — reads each code seen.
#[component]
pub(super) fn CameraButton(camera: Camera, check: CheckText) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match camera.state.get() {
        CameraState::On | CameraState::Starting => view! {
            <button type="button" data-testid="stop-camera" on:click=move |_| camera.stop()>{t!(i18n, verifier.stop)}</button>
        }.into_any(),
        _ => {
            let check = check.clone();
            view! {
                <button type="button" class="primary" data-testid="start-camera" on:click=move |_| camera.start(check.clone())>{t!(i18n, verifier.scan)}</button>
            }.into_any()
        }
    }
    }
}

/// The camera's picture while it scans, and why it could not start.
///
/// Props: `camera` — the scan.
#[component]
pub(super) fn CameraView(camera: Camera) -> impl IntoView {
    let i18n = use_i18n();
    let cam_state = camera.state;
    view! {
        <video node_ref=camera.video class="camera" muted=true playsinline=true
            aria-label=move || t_string!(i18n, verifier.camera_label)
            hidden=move || cam_state.get() != CameraState::On></video>
        {move || match cam_state.get() {
            CameraState::Failed(e) => Some(view! { <p class="error" role="alert">{match e {
                camera::CameraError::NotSupported => t_string!(i18n, verifier.no_camera),
                camera::CameraError::Denied => t_string!(i18n, verifier.denied),
                camera::CameraError::NoCamera => t_string!(i18n, verifier.no_camera_found),
                camera::CameraError::Other(_) => t_string!(i18n, verifier.camera_failed),
            }}</p> }),
            _ => None,
        }}
    }
}
