//! The key-value backend the store is written to.

use std::collections::BTreeMap;
use std::fmt;

/// A failed read or write of the backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KvError {
    /// Storage is switched off or not available (e.g. some private modes).
    Unavailable(String),
    /// The write did not fit (quota exceeded).
    Full(String),
    /// The stored document was written by a newer version of the app (its
    /// schema), e.g. in another tab since this one loaded: this version
    /// must not write its older schema over it.
    Newer(u64),
}

impl fmt::Display for KvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KvError::Unavailable(m) => write!(f, "storage unavailable: {m}"),
            KvError::Full(m) => write!(f, "storage full: {m}"),
            KvError::Newer(v) => write!(f, "the stored data is from a newer app (schema {v})"),
        }
    }
}

impl std::error::Error for KvError {}

/// A string-to-string store. The browser adapter implements it on
/// `localStorage`; [`MemoryKv`] is the in-memory double for native tests.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&mut self, key: &str) -> Result<(), KvError>;
    fn keys(&self) -> Result<Vec<String>, KvError>;
}

/// In-memory [`KeyValue`], with switches to simulate a full or missing backend.
#[derive(Debug, Clone, Default)]
pub struct MemoryKv {
    pub map: BTreeMap<String, String>,
    /// When set, every call fails with [`KvError::Unavailable`].
    pub unavailable: bool,
    /// When set, writes larger than this many bytes fail with [`KvError::Full`].
    pub max_value_len: Option<usize>,
}

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    fn check(&self) -> Result<(), KvError> {
        if self.unavailable {
            Err(KvError::Unavailable("simulated".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.check()?;
        Ok(self.map.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.check()?;
        if self.max_value_len.is_some_and(|max| value.len() > max) {
            return Err(KvError::Full(format!("{} bytes", value.len())));
        }
        self.map.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.check()?;
        self.map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.check()?;
        Ok(self.map.keys().cloned().collect())
    }
}
