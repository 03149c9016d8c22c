//! The choking coach's script per profile and person: first see whether
//! the cough works, then cycles of 5 back blows and 5 thrusts — abdominal
//! thrusts over 1 year, chest thrusts for a baby (AHA: the heel of one hand;
//! ERC, and RCSC following it: two thumbs) or for someone pregnant or too
//! big to reach round — until the object comes out or the person stops
//! responding, which leads into CPR.

use super::{by_profile, follows, own, Line, Said, Spoken, Who};
use crate::profile::ProfileId;

/// Blows or thrusts in one half of a cycle.
pub const PER_ACTION: u8 = 5;

/// What the helper does in one half of a cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    BackBlows,
    AbdominalThrusts,
    ChestThrusts,
}

impl Action {
    /// What the coach says when this action starts.
    pub fn spoken(self) -> Spoken {
        match self {
            Action::BackBlows => Spoken::BackBlows,
            Action::AbdominalThrusts => Spoken::AbdominalThrusts,
            Action::ChestThrusts => Spoken::ChestThrusts,
        }
    }
}

/// One half of the cycle: the action, how many, and how to do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub action: Action,
    /// Up to this many, checking after each.
    pub count: u8,
    pub how: Vec<Said>,
}

/// The choking script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// Before any blow: is the cough working? Call.
    pub first: Vec<Said>,
    /// The two halves of the cycle, repeated.
    pub cycle: [Step; 2],
    /// When they stop responding (then the CPR coach).
    pub collapse: Vec<Said>,
    /// Afterwards.
    pub after: Vec<Said>,
}

fn said(line: Line, p: ProfileId, who: Who) -> Said {
    use Line::*;
    let cite = match line {
        AskChoking | CoughWell => {
            by_profile(p, follows(&["A1", "E4"]), own(&["A1", "A2"]), own(&["E4"]))
        }
        // ERC: the call after the first round of blows and thrusts; for a
        // baby too, as lesson 7 teaches it (its adult and child choking,
        // E4; the infant row gives only the blows and the thrusts: flagged).
        CallChokingAfter if who == Who::Baby => follows(&["E4"]),
        CallChokingAfter => own(&["E4"]),
        CallChoking | Collapse | NoSweep => {
            by_profile(p, follows(&["A1", "E4"]), own(&["A1"]), own(&["E4"]))
        }
        // A baby: the infant sources beside the adult ones.
        BabyCollapse => by_profile(
            p,
            follows(&["A2", "E3", "A1", "E4"]),
            own(&["A2", "A1"]),
            own(&["E3", "E4"]),
        ),
        // A baby cannot say whether it is choking: AHA's split (a cough
        // that works and sounds, or a weak or absent cough), which ERC's
        // and RCSC's sources give for adults only: flagged for them.
        BabySigns | BabyCall => by_profile(
            p,
            follows(&["A2", "A1"]),
            own(&["A2", "A1"]),
            follows(&["A2", "A1"]),
        ),
        // RCSC: back blows first is IFRC 2020's order, unverified for RCSC.
        BackBlowsStance | BackBlowsHit => {
            by_profile(p, follows(&["C4", "C1"]), own(&["A1", "A3"]), own(&["E4"]))
        }
        // RCSC: the fist and the direction are the lecturer's (C3); the
        // stance and the grip ("grab it") follow IFRC 2020 (C4; lesson 6
        // flags it).
        AbdominalStance | AbdominalFist => {
            by_profile(p, follows(&["C3", "C4"]), own(&["A1"]), own(&["E4"]))
        }
        // ERC 2025 does not cover it: the AHA/IFRC action, flagged.
        ChestThrustsLarge => by_profile(p, follows(&["A1"]), own(&["A1"]), follows(&["A1"])),
        BabyBackHold | BabyBackHit => {
            by_profile(p, follows(&["E3", "A2"]), own(&["A2"]), own(&["E3"]))
        }
        BabyChestHeel => own(&["A2", "A3"]),
        BabyChestThumbs => by_profile(p, follows(&["E3"]), own(&["A2"]), own(&["E3"])),
        CollapseChildBreaths | CollapseBabyBreaths => own(&["E3"]),
        SeeDoctor => by_profile(p, follows(&["E4"]), follows(&["E4"]), own(&["E4"])),
        other => panic!("{other:?} is not a choking line"),
    };
    Said { line, cite }
}

/// The choking script for `profile` and `who`: [`Who::Adult`] stands for
/// anyone over 1 year (adults and children), [`Who::Baby`] under 1 year,
/// [`Who::Large`] pregnant or too big to reach round.
pub fn script(profile: ProfileId, who: Who) -> Script {
    use Line::*;
    let s =
        |lines: &[Line]| -> Vec<Said> { lines.iter().map(|&l| said(l, profile, who)).collect() };
    let step = |action, lines: &[Line]| Step {
        action,
        count: PER_ACTION,
        how: s(lines),
    };
    let cycle = match who {
        Who::Baby => [
            step(Action::BackBlows, &[BabyBackHold, BabyBackHit]),
            if profile == ProfileId::Aha {
                step(Action::ChestThrusts, &[BabyChestHeel])
            } else {
                step(Action::ChestThrusts, &[BabyChestThumbs])
            },
        ],
        Who::Large => [
            step(Action::BackBlows, &[BackBlowsStance, BackBlowsHit]),
            step(Action::ChestThrusts, &[ChestThrustsLarge]),
        ],
        Who::Adult | Who::Child => [
            step(Action::BackBlows, &[BackBlowsStance, BackBlowsHit]),
            step(Action::AbdominalThrusts, &[AbdominalStance, AbdominalFist]),
        ],
    };
    // A baby is laid down, not lowered to the floor; ERC starts a child's
    // or a baby's CPR with 5 breaths (a baby's: mouth over mouth and nose).
    let erc = profile == ProfileId::Erc;
    let collapse = match who {
        // Look in the mouth (take out only what is seen) before breaths.
        Who::Baby if erc => s(&[BabyCollapse, NoSweep, CollapseBabyBreaths]),
        Who::Baby => s(&[BabyCollapse, NoSweep]),
        Who::Adult | Who::Child if erc => s(&[Collapse, NoSweep, CollapseChildBreaths]),
        _ => s(&[Collapse, NoSweep]),
    };
    let first = if who == Who::Baby && erc {
        // ERC's order for a baby too: the call once the first blows and
        // thrusts have not worked.
        s(&[BabySigns, CoughWell, CallChokingAfter])
    } else if who == Who::Baby {
        s(&[BabySigns, CoughWell, BabyCall])
    } else if erc {
        // ERC calls once the first 5 blows and 5 thrusts have not worked.
        s(&[AskChoking, CoughWell, CallChokingAfter])
    } else {
        s(&[AskChoking, CoughWell, CallChoking])
    };
    Script {
        first,
        cycle,
        collapse,
        after: s(&[SeeDoctor]),
    }
}
