//! Browser adapters: one capability each, each feature-detected, each
//! cleaning up what it registers. Only this module and `app` touch web-sys.

pub mod audio;
pub mod camera;
pub mod fetch;
pub mod files;
pub mod haptics;
pub mod idle;
pub mod install;
pub mod motion;
pub mod network;
pub mod platform;
pub mod preload;
pub mod qr_worker;
pub mod random;
pub mod share;
pub mod speech;
pub mod storage;
pub mod sw;
pub mod visible_time;
pub mod wake_lock;
