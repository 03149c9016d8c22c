//! CPR scenes (guideline reference §8).

use super::Scene;

pub(super) fn scenes() -> Vec<Scene> {
    Vec::new()
}
