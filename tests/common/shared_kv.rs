//! Two tabs of the app over the same storage: a [`KeyValue`] whose clones
//! share one [`MemoryKv`] (for the store tests, included with `#[path]`).

use firstaid::store::{KeyValue, KvError, MemoryKv};

#[derive(Clone, Default)]
pub struct SharedKv(pub std::rc::Rc<std::cell::RefCell<MemoryKv>>);

impl KeyValue for SharedKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.0.borrow().keys()
    }
}
