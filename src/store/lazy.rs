//! A part of the stored document that is read as JSON and typed only when
//! a page needs it ([`Lazy`]).
//!
//! Why: the app's main wasm module opens the store for the first page, and
//! every type it reads there brings its serde code into the first load.
//! The home page needs the settings and the progress; the quiz's data (the
//! review schedule, a running exam, finished exams), the trainer's
//! sessions and the records (the learner's profile, keys, assignments and
//! certificates, the instructor's classes) are read by pages loaded on
//! demand. Kept as JSON until then, their reading code leaves the main
//! module (measured 2026-12-06: main wasm 363,0 → 351,3 KB brotli with the
//! quiz's and the trainer's parts; 2026-12-07 with the records too: see
//! ARCHITECTURE.md).
//!
//! Nothing is lost either way: an untyped part is written back exactly as
//! it was read, and a part that turns out not to match its type when a
//! page types it is kept as a recovery copy first ([`super::Store::type_parts`]).

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A document part: as read (`Raw`), or typed.
#[derive(Debug, Clone)]
pub enum Lazy<T> {
    /// The part's JSON as stored, not yet typed.
    Raw(Value),
    Typed(T),
}

impl<T: Default> Default for Lazy<T> {
    fn default() -> Self {
        Lazy::Typed(T::default())
    }
}

impl<T> From<T> for Lazy<T> {
    fn from(t: T) -> Self {
        Lazy::Typed(t)
    }
}

impl<T> Lazy<T> {
    /// The typed part, if it has been typed.
    pub fn get(&self) -> Option<&T> {
        match self {
            Lazy::Typed(t) => Some(t),
            Lazy::Raw(_) => None,
        }
    }

    /// The part's JSON while it is untyped.
    pub fn raw(&self) -> Option<&Value> {
        match self {
            Lazy::Raw(v) => Some(v),
            Lazy::Typed(_) => None,
        }
    }
}

impl<T: DeserializeOwned> Lazy<T> {
    /// Types the part in place (once) and returns it; an error, and the
    /// part left as it was, when its JSON does not match the type.
    pub fn typed(&mut self) -> Result<&mut T, String> {
        if let Lazy::Raw(v) = self {
            let t = T::deserialize(&*v).map_err(|e| e.to_string())?;
            *self = Lazy::Typed(t);
        }
        match self {
            Lazy::Typed(t) => Ok(t),
            Lazy::Raw(_) => unreachable!("typed just above"),
        }
    }

    /// The typed part without changing this one: borrowed when it is
    /// typed, else typed from its JSON.
    pub fn to_typed(&self) -> Result<Cow<'_, T>, String>
    where
        T: Clone,
    {
        match self {
            Lazy::Typed(t) => Ok(Cow::Borrowed(t)),
            Lazy::Raw(v) => T::deserialize(v).map(Cow::Owned).map_err(|e| e.to_string()),
        }
    }

    /// The typed part, typing it if needed.
    pub fn into_typed(mut self) -> Result<T, String> {
        self.typed()?;
        match self {
            Lazy::Typed(t) => Ok(t),
            Lazy::Raw(_) => unreachable!("typed just above"),
        }
    }
}

impl<T: Serialize> Serialize for Lazy<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Lazy::Raw(v) => v.serialize(s),
            Lazy::Typed(t) => t.serialize(s),
        }
    }
}

impl<'de, T> Deserialize<'de> for Lazy<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(Lazy::Raw)
    }
}

/// Equal when they hold the same data, typed or not (a part as read
/// equals the same part typed; an untyped part that does not match its
/// type equals no typed one).
impl<T: DeserializeOwned + PartialEq> PartialEq for Lazy<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Lazy::Typed(a), Lazy::Typed(b)) => a == b,
            (Lazy::Raw(a), Lazy::Raw(b)) => a == b,
            (Lazy::Raw(v), Lazy::Typed(t)) | (Lazy::Typed(t), Lazy::Raw(v)) => {
                T::deserialize(v).is_ok_and(|read| &read == t)
            }
        }
    }
}

impl<T: DeserializeOwned + Eq> Eq for Lazy<T> {}
