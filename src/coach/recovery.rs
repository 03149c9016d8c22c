//! The recovery-position coach: for someone who does not respond but
//! breathes normally — the call (anyone who does not respond gets one),
//! not if they may be seriously injured (ERC; RCSC follows), how to
//! turn them onto their side (a baby: held on its side), keep
//! checking breathing, and CPR as soon as breathing stops being normal.

use super::{by_profile, follows, own, Line, Said};
use crate::profile::ProfileId;

fn said(line: Line, p: ProfileId, baby: bool) -> Said {
    let cite = match line {
        // Call for anyone who does not respond: AHA's and RCUK's adult
        // BLS; RCSC's source says to call for one who does not breathe
        // (C2), and no source says it for a baby who breathes.
        Line::RecoveryCall if baby => follows(&["A1", "E2"]),
        Line::RecoveryCall => by_profile(p, follows(&["A1", "E2"]), own(&["A1"]), own(&["E2"])),
        Line::RecoveryToCpr => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E1"])),
        // Not for trauma: ERC First Aid; RCSC's lessons follow ERC. AHA's
        // script leaves the line out (its sources do not say it).
        Line::RecoveryInjured => by_profile(p, follows(&["E4"]), follows(&["E4"]), own(&["E4"])),
        // "A child at least every minute" is ERC's; AHA gives no interval.
        Line::RecoveryCheck => by_profile(p, follows(&["E4"]), follows(&["E4"]), own(&["E4"])),
        // How to turn: ERC First Aid and AHA First Aid; RCSC unverified.
        _ => by_profile(p, follows(&["E4", "A7"]), own(&["A7", "A9"]), own(&["E4"])),
    };
    Said { line, cite }
}

/// The recovery-position script; `baby` for a baby under 1 year.
pub fn script(profile: ProfileId, baby: bool) -> Vec<Said> {
    use Line::*;
    let lines: &[Line] = if baby {
        &[
            RecoveryWhen,
            RecoveryCall,
            RecoveryInjured,
            RecoveryBaby,
            RecoveryCheck,
            RecoveryToCpr,
        ]
    } else {
        &[
            RecoveryWhen,
            RecoveryCall,
            RecoveryInjured,
            RecoveryArm,
            RecoveryHand,
            RecoveryKnee,
            RecoveryRoll,
            RecoveryHead,
            RecoveryCheck,
            RecoveryToCpr,
        ]
    };
    lines
        .iter()
        .filter(|&&l| !(l == RecoveryInjured && profile == ProfileId::Aha))
        .map(|&l| said(l, profile, baby))
        .collect()
}
