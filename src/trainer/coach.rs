//! The emergency coach's steps and their sources per guideline profile.
//!
//! The coach's wording lives in the locale files (it must show before the
//! curriculum has loaded); which sources back each step, and whether the
//! profile's own guideline is verified for it, lives here so that a native
//! test can check every key against the curriculum's source list.

use crate::profile::ProfileId;

/// A step of the emergency coach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Unresponsive and not breathing normally: start.
    Recognise,
    /// Shout for help, call on speaker, send for an AED.
    Call,
    /// Adult compressions: centre of the chest, 5–6 cm, 100–120/min, recoil.
    Push,
    /// Children and babies: a third of the chest's depth.
    Child,
    /// 30:2 with breaths for the trained; compressions only otherwise.
    Breaths,
    /// The AED: on, pads, stand clear, restart compressions.
    Aed,
}

pub const STEPS: [Step; 6] = [
    Step::Recognise,
    Step::Call,
    Step::Push,
    Step::Child,
    Step::Breaths,
    Step::Aed,
];

/// The sources of a step for a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    /// Keys of `content/sources.toml`.
    pub keys: &'static [&'static str],
    /// False when the profile's own guideline is not verified for the step,
    /// so the keys are another guideline's (the app says so).
    pub verified: bool,
}

const fn c(keys: &'static [&'static str], verified: bool) -> Citation {
    Citation { keys, verified }
}

/// The citation of `step` under `profile` (see `guidelines.md` in the
/// project's reference material: sections 1–4).
pub fn citation(step: Step, profile: ProfileId) -> Citation {
    use ProfileId::*;
    use Step::*;
    match (step, profile) {
        (Recognise, Aha) => c(&["A1"], true),
        (Recognise, Erc) => c(&["E1"], true),
        (Recognise, Rcsc) => c(&["C2"], true),
        (Call, Aha) => c(&["A1"], true),
        (Call, Erc) => c(&["E2"], true),
        (Call, Rcsc) => c(&["C2"], true),
        (Push, Aha) => c(&["A1", "A4"], true),
        (Push, Erc) => c(&["E1"], true),
        (Push, Rcsc) => c(&["A1", "E1"], false),
        (Child, Aha) => c(&["A2"], true),
        (Child, Erc) => c(&["E3"], true),
        (Child, Rcsc) => c(&["A2", "E3"], false),
        (Breaths, Aha) => c(&["A1", "A4"], true),
        (Breaths, Erc) => c(&["E1"], true),
        (Breaths, Rcsc) => c(&["A1", "E1"], false),
        (Aed, Aha) => c(&["A1", "A5"], true),
        (Aed, Erc) => c(&["E1", "E7"], true),
        // Switching on, pads and nobody touching: C2; restarting at once
        // after a shock or a no-shock advice (every profile: the AHA BLS
        // algorithm and ERC) is not verified for RCSC.
        (Aed, Rcsc) => c(&["C2", "E1"], false),
    }
}
