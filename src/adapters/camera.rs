//! Camera adapter: reading QR codes with the camera (`getUserMedia`) or
//! from a chosen photo.
//!
//! Where the browser has `BarcodeDetector` (Android Chrome, Safari on recent
//! iOS/macOS) it reads the frames; elsewhere, or when it fails, each frame
//! is drawn downscaled to a canvas and its pixels read by the QR decoder in
//! its worker ([`super::qr_worker`]). [`CameraScan`] polls the frames
//! while it lives; dropping it stops the polling and every camera track,
//! also when the [`start`] future is dropped while the permission prompt is
//! still open.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Interval;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

use super::qr_worker::{self, DecodeError};

/// How often a camera frame is read (ms).
const POLL_MS: u32 = 200;
/// Camera frames are read with their long side at most this (pixels).
const FRAME_LONG_SIDE: u32 = 640;
/// Photos are read with their long side at most this (pixels).
const PHOTO_LONG_SIDE: u32 = 1600;

fn media_devices() -> Option<web_sys::MediaDevices> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside secure contexts, so look before calling the getter.
    let devices = js_sys::Reflect::get(&navigator, &"mediaDevices".into()).ok()?;
    if devices.is_undefined() || devices.is_null() {
        return None;
    }
    let devices: web_sys::MediaDevices = devices.dyn_into().ok()?;
    let gum = js_sys::Reflect::get(&devices, &"getUserMedia".into()).ok()?;
    gum.is_function().then_some(devices)
}

/// Whether the browser can open a camera (`navigator.mediaDevices.getUserMedia`
/// exists: a secure context and a browser that has it). Whether there is a
/// camera, and whether the user allows it, is known only on [`start`].
pub fn camera_available() -> bool {
    media_devices().is_some()
}

fn detector_constructor() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &"BarcodeDetector".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Whether the browser has `BarcodeDetector` (the Shape Detection API),
/// which reads codes faster and more robustly than the fallback decoder.
pub fn barcode_detector_available() -> bool {
    detector_constructor().is_some()
}

/// A `BarcodeDetector` for QR codes, or `None` (absent, or refusing
/// `qr_code` on this platform).
fn qr_detector() -> Option<JsValue> {
    let constructor = detector_constructor()?;
    let options = js_sys::Object::new();
    let formats = js_sys::Array::of1(&"qr_code".into());
    js_sys::Reflect::set(&options, &"formats".into(), &formats).ok()?;
    js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&options)).ok()
}

/// The texts `detector.detect(source)` finds; `Err` when it fails (the
/// caller then falls back to the pure decoder).
async fn detect(detector: &JsValue, source: &JsValue) -> Result<Vec<String>, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(detector, &"detect".into())?.dyn_into()?;
    let promise: js_sys::Promise = f.call1(detector, source)?.dyn_into()?;
    let found: js_sys::Array = JsFuture::from(promise).await?.dyn_into()?;
    Ok(found
        .iter()
        .filter_map(|code| js_sys::Reflect::get(&code, &"rawValue".into()).ok())
        .filter_map(|v| v.as_string())
        .collect())
}

/// `(width, height)` scaled down so the long side is at most `max`, never
/// below one pixel.
fn fit(width: u32, height: u32, max: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= max {
        return (width, height);
    }
    let scale = |v: u32| ((u64::from(v) * u64::from(max) / u64::from(long)) as u32).max(1);
    (scale(width), scale(height))
}

/// A canvas (not in the document) and its 2D context, for reading pixels.
struct Canvas {
    canvas: web_sys::HtmlCanvasElement,
    context: web_sys::CanvasRenderingContext2d,
}

impl Canvas {
    fn new() -> Result<Canvas, String> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let canvas: web_sys::HtmlCanvasElement = document
            .create_element("canvas")
            .map_err(js_error)?
            .dyn_into()
            .map_err(|_| "not a canvas")?;
        // Pixels are read back every frame: ask for a CPU-side canvas.
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
        let context = canvas
            .get_context_with_context_options("2d", &options)
            .map_err(js_error)?
            .ok_or("no 2D canvas")?
            .dyn_into()
            .map_err(|_| "not a 2D context")?;
        Ok(Canvas { canvas, context })
    }

    /// Sizes the canvas to `width` × `height`, lets `draw` paint it (on
    /// white, so transparent images read as on paper) and returns its RGBA
    /// pixels with their size.
    fn pixels(
        &self,
        width: u32,
        height: u32,
        draw: impl FnOnce(&web_sys::CanvasRenderingContext2d) -> Result<(), JsValue>,
    ) -> Result<(u32, u32, Vec<u8>), String> {
        if self.canvas.width() != width || self.canvas.height() != height {
            self.canvas.set_width(width);
            self.canvas.set_height(height);
        }
        let (w, h) = (f64::from(width), f64::from(height));
        self.context.set_fill_style_str("#fff");
        self.context.fill_rect(0.0, 0.0, w, h);
        draw(&self.context).map_err(js_error)?;
        let data = self
            .context
            .get_image_data(0.0, 0.0, w, h)
            .map_err(js_error)?;
        Ok((data.width(), data.height(), data.data().0))
    }
}

fn js_error(e: JsValue) -> String {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|v| v.as_string());
    let message = js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|v| v.as_string());
    match (name, message) {
        (Some(n), Some(m)) if !m.is_empty() => format!("{n}: {m}"),
        (Some(n), _) => n,
        (None, Some(m)) => m,
        (None, None) => format!("{e:?}"),
    }
}

/// Why the camera could not be started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CameraError {
    /// The browser cannot open a camera (no `getUserMedia`; also an
    /// insecure context), or nothing here could read its frames (neither
    /// `BarcodeDetector` nor the decoder's worker).
    NotSupported,
    /// The user or a policy refused the camera (`NotAllowedError`,
    /// `SecurityError`).
    Denied,
    /// There is no camera (`NotFoundError`, `OverconstrainedError`).
    NoCamera,
    /// Anything else (camera in use by another app: `NotReadableError`),
    /// with the browser's name and message.
    Other(String),
}

impl CameraError {
    fn from_js(e: JsValue) -> CameraError {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => CameraError::Denied,
            "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => {
                CameraError::NoCamera
            }
            _ => CameraError::Other(js_error(e)),
        }
    }
}

impl std::fmt::Display for CameraError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CameraError::NotSupported => write!(f, "this browser cannot open a camera"),
            CameraError::Denied => write!(f, "the camera was not allowed"),
            CameraError::NoCamera => write!(f, "no camera was found"),
            CameraError::Other(e) => write!(f, "the camera could not start: {e}"),
        }
    }
}

impl std::error::Error for CameraError {}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// Stops a stream's tracks when dropped, unless taken.
struct StreamGuard(Option<web_sys::MediaStream>);

impl Drop for StreamGuard {
    fn drop(&mut self) {
        if let Some(s) = self.0.take() {
            stop_tracks(&s);
        }
    }
}

/// A `getUserMedia` request in flight, shared by `start` and a watcher
/// task, so that a stream granted after `start` was dropped is stopped.
#[derive(Default)]
struct Pending {
    /// Granted, seen by the watcher first, not yet taken by `start`.
    stream: Option<web_sys::MediaStream>,
    /// `start` was dropped before it took the stream.
    abandoned: bool,
    /// `start` has taken the stream (its own guard owns it now).
    claimed: bool,
}

/// Held by `start` until it takes the stream; dropping it earlier marks
/// the request abandoned and stops any stream already granted.
struct PendingGuard(Rc<RefCell<Pending>>);

impl Drop for PendingGuard {
    fn drop(&mut self) {
        let mut p = self.0.borrow_mut();
        if !p.claimed {
            p.abandoned = true;
            if let Some(s) = p.stream.take() {
                stop_tracks(&s);
            }
        }
    }
}

/// What the polling shares with [`CameraScan`].
struct Scanner {
    video: web_sys::HtmlVideoElement,
    stream: web_sys::MediaStream,
    /// `None` once it has failed (then the pure decoder reads the frames).
    detector: RefCell<Option<JsValue>>,
    canvas: Canvas,
    /// A frame is being read (the detector is asynchronous).
    busy: Cell<bool>,
    stopped: Cell<bool>,
    on_text: Box<dyn Fn(String)>,
}

impl Scanner {
    fn tick(self: &Rc<Self>) {
        if self.stopped.get() || self.busy.get() {
            return;
        }
        // HAVE_CURRENT_DATA: a frame to read.
        let (w, h) = (self.video.video_width(), self.video.video_height());
        if self.video.ready_state() < 2 || w == 0 || h == 0 {
            return;
        }
        let detector = self.detector.borrow().clone();
        match detector {
            Some(detector) => {
                self.busy.set(true);
                let this = self.clone();
                spawn_local(async move {
                    let result = detect(&detector, &this.video).await;
                    this.busy.set(false);
                    match result {
                        Ok(texts) => this.emit(texts),
                        // Never again: the canvas path reads the next frame.
                        Err(_) => *this.detector.borrow_mut() = None,
                    }
                });
            }
            None => {
                let (dw, dh) = fit(w, h, FRAME_LONG_SIDE);
                let video = &self.video;
                let Ok((pw, ph, pixels)) = self.canvas.pixels(dw, dh, |c| {
                    c.draw_image_with_html_video_element_and_dw_and_dh(
                        video,
                        0.0,
                        0.0,
                        f64::from(dw),
                        f64::from(dh),
                    )
                }) else {
                    return;
                };
                self.busy.set(true);
                let this = self.clone();
                spawn_local(async move {
                    // A frame the decoder stops on is skipped: the next one
                    // goes to a fresh worker.
                    let result = qr_worker::decode(pw, ph, pixels).await;
                    this.busy.set(false);
                    if let Ok(texts) = result {
                        this.emit(texts);
                    }
                });
            }
        }
    }

    fn emit(&self, texts: Vec<String>) {
        for text in texts {
            if self.stopped.get() {
                return;
            }
            (self.on_text)(text);
        }
    }
}

/// A running camera scan: the camera shows in the caller's `<video>` and
/// every text read from its frames goes to `on_text`. Dropping it stops
/// the polling and the camera, and detaches the stream from the video.
pub struct CameraScan {
    scanner: Rc<Scanner>,
    _poll: Interval,
}

impl CameraScan {
    /// Whether frames are read by `BarcodeDetector` (rather than the
    /// decoder in its worker); it can change to false once, if it fails.
    pub fn uses_barcode_detector(&self) -> bool {
        self.scanner.detector.borrow().is_some()
    }
}

/// Opens the camera (the back one where there is a choice), shows it in
/// `video` (muted, inline) and reads a frame every 200 ms, calling
/// `on_text` with every text found — again for every frame that shows it,
/// so the caller removes repeats.
pub async fn start(
    video: web_sys::HtmlVideoElement,
    on_text: impl Fn(String) + 'static,
) -> Result<CameraScan, CameraError> {
    let devices = media_devices().ok_or(CameraError::NotSupported)?;
    // Nothing could read the frames: do not open the camera for nothing.
    if !barcode_detector_available() && !qr_worker::available() {
        return Err(CameraError::NotSupported);
    }
    let constraints = web_sys::MediaStreamConstraints::new();
    let video_constraints = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &video_constraints,
        &"facingMode".into(),
        &"environment".into(),
    );
    constraints.set_video(&video_constraints);
    constraints.set_audio(&false.into());
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(CameraError::from_js)?;

    // If this future is dropped while the user decides, the stream that
    // comes later must not keep the camera on: a watcher task sees it too.
    let pending = PendingGuard(Rc::default());
    let watched = pending.0.clone();
    let watch = promise.clone();
    spawn_local(async move {
        if let Ok(Ok(stream)) = JsFuture::from(watch)
            .await
            .map(|s| s.dyn_into::<web_sys::MediaStream>())
        {
            let mut p = watched.borrow_mut();
            if p.abandoned {
                stop_tracks(&stream);
            } else if !p.claimed {
                p.stream = Some(stream);
            }
        }
    });

    let stream: web_sys::MediaStream = JsFuture::from(promise)
        .await
        .map_err(CameraError::from_js)?
        .dyn_into()
        .map_err(|_| CameraError::Other("not a media stream".into()))?;
    // From here this guard stops the tracks on any early return or drop.
    let mut guard = StreamGuard(Some(stream.clone()));
    {
        let mut p = pending.0.borrow_mut();
        p.claimed = true;
        p.stream = None;
    }
    drop(pending);

    video.set_muted(true);
    let _ = video.set_attribute("playsinline", "");
    let _ = video.set_attribute("muted", "");
    video.set_src_object(Some(&stream));
    if let Ok(play) = video.play() {
        if let Err(e) = JsFuture::from(play).await {
            video.set_src_object(None);
            return Err(CameraError::Other(js_error(e)));
        }
    }

    let canvas = Canvas::new().map_err(CameraError::Other)?;
    guard.0 = None;
    let scanner = Rc::new(Scanner {
        video,
        stream,
        detector: RefCell::new(qr_detector()),
        canvas,
        busy: Cell::new(false),
        stopped: Cell::new(false),
        on_text: Box::new(on_text),
    });
    let polled = scanner.clone();
    let poll = Interval::new(POLL_MS, move || polled.tick());
    Ok(CameraScan {
        scanner,
        _poll: poll,
    })
}

impl Drop for CameraScan {
    fn drop(&mut self) {
        // The interval is cancelled when `_poll` drops, after this; a
        // detection still running sees `stopped` and reports nothing.
        self.scanner.stopped.set(true);
        stop_tracks(&self.scanner.stream);
        // Detach only our own stream: a newer scan may already show its own.
        let ours = self
            .scanner
            .video
            .src_object()
            .is_some_and(|s| JsValue::from(s) == JsValue::from(self.scanner.stream.clone()));
        if ours {
            self.scanner.video.set_src_object(None);
        }
    }
}

/// The texts of the QR codes in an image file (a photo or a screenshot):
/// `BarcodeDetector` first where there is one, then the decoder in its
/// worker on the image drawn with its long side at most 1600 px. `Err` when
/// the file is not an image the browser can open or there is no decoder;
/// `Ok(vec![])` when no code is read (also when the decoder stopped on this
/// picture: its worker is replaced).
pub async fn decode_image_file(file: web_sys::File) -> Result<Vec<String>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window
        .create_image_bitmap_with_blob(&file)
        .map_err(js_error)?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "not an image bitmap")?;
    let result = decode_bitmap(&bitmap).await;
    bitmap.close();
    result
}

async fn decode_bitmap(bitmap: &web_sys::ImageBitmap) -> Result<Vec<String>, String> {
    if let Some(detector) = qr_detector() {
        if let Ok(texts) = detect(&detector, bitmap).await {
            if !texts.is_empty() {
                return Ok(texts);
            }
        }
    }
    let (w, h) = (bitmap.width(), bitmap.height());
    if w == 0 || h == 0 {
        return Ok(Vec::new());
    }
    let (dw, dh) = fit(w, h, PHOTO_LONG_SIDE);
    let (pw, ph, pixels) = Canvas::new()?.pixels(dw, dh, |c| {
        // Downscaled smoothly: averaging pixels also evens out sensor noise.
        c.set_image_smoothing_enabled(true);
        c.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, f64::from(dw), f64::from(dh))
    })?;
    match qr_worker::decode(pw, ph, pixels).await {
        Ok(texts) => Ok(texts),
        Err(DecodeError::Crashed(_)) => Ok(Vec::new()),
        Err(e) => Err(e.to_string()),
    }
}
