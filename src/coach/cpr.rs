//! The CPR coach's script per profile and age: the order each guideline
//! teaches before the pushing (RCSC checks breathing, then calls; AHA and
//! ERC call on speaker as soon as the person does not respond and check
//! breathing while the call connects), the hands for an adult, a child or
//! a baby (ERC: five rescue breaths first for a child or baby), breaths or
//! compressions only, the AED, swapping and when to stop.

use super::{by_profile, follows, own, Line, Said, Who};
use crate::profile::ProfileId;

/// The CPR script, by section (the page shows them in this order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// Safety, response, the call, breathing: in the profile's order.
    pub before: Vec<Said>,
    /// Where the hands go and how to push.
    pub hands: Vec<Said>,
    /// For a rescuer trained in breaths (30:2).
    pub thirty_two: Vec<Said>,
    /// For everyone else: compressions only.
    pub hands_only: Vec<Said>,
    pub aed: Vec<Said>,
    /// Swapping and when to stop.
    pub keep_going: Vec<Said>,
}

fn said(line: Line, p: ProfileId, who: Who) -> Said {
    use Line::*;
    let young = matches!(who, Who::Child | Who::Baby);
    let cite = match line {
        Safe => by_profile(p, own(&["C2"]), own(&["A6"]), own(&["E1"])),
        CheckResponse | CheckBreathing => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E1"])),
        CheckResponseBaby | HandsChild | PushChild | BabySpot | PushBaby | BreathBaby => {
            by_profile(p, follows(&["A2", "E3"]), own(&["A2"]), own(&["E3"]))
        }
        CallSpeaker => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E2"])),
        FollowCallTaker => by_profile(p, follows(&["A1", "E1"]), own(&["A1", "A6"]), own(&["E1"])),
        HandsAdult => by_profile(p, follows(&["A1", "E1"]), own(&["A1"]), own(&["E1"])),
        Posture => by_profile(p, follows(&["E1"]), follows(&["E1"]), own(&["E1"])),
        PushAdult => by_profile(p, follows(&["A1", "E1"]), own(&["A1", "A4"]), own(&["E1"])),
        Recoil => by_profile(p, follows(&["A4", "E1"]), own(&["A4"]), own(&["E1"])),
        BabyHandsHeelOrThumbs => own(&["A2"]),
        BabyHandsThumbs => by_profile(p, follows(&["A2", "E3"]), own(&["A2"]), own(&["E3", "E5"])),
        FiveBreathsFirst => own(&["E3", "E5"]),
        ThirtyTwo | HandsOnly if young => {
            by_profile(p, follows(&["A2", "E3"]), own(&["A2"]), own(&["E3"]))
        }
        ThirtyTwo => by_profile(p, follows(&["A1", "E1"]), own(&["A1"]), own(&["E1", "E7"])),
        HandsOnly => by_profile(p, follows(&["A1", "E1"]), own(&["A1"]), own(&["E1"])),
        BreathHow => by_profile(
            p,
            follows(&["A1", "E1"]),
            own(&["A1", "A4"]),
            own(&["E1", "E2"]),
        ),
        AedOn | AedClear => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E1"])),
        AedPads => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E1", "E7"])),
        AedPadsChild => by_profile(p, own(&["C2"]), follows(&["A2", "E3"]), own(&["E3"])),
        // "No shock advised: resume CPR immediately" in every profile.
        AedRestart => by_profile(p, follows(&["A1", "E1"]), own(&["A1", "A5"]), own(&["E1"])),
        Swap => by_profile(p, follows(&["A1"]), own(&["A1"]), follows(&["A1"])),
        WhenStop => by_profile(
            p,
            follows(&["E1", "E2"]),
            follows(&["E1", "E2"]),
            own(&["E1", "E2"]),
        ),
        other => panic!("{other:?} is not a CPR line"),
    };
    Said { line, cite }
}

/// The CPR script for `profile` and `who` (adult, child or baby; a choking
/// person "too big to reach round" gets the adult script).
pub fn script(profile: ProfileId, who: Who) -> Script {
    use Line::*;
    let s =
        |lines: &[Line]| -> Vec<Said> { lines.iter().map(|&l| said(l, profile, who)).collect() };
    let response = if who == Who::Baby {
        CheckResponseBaby
    } else {
        CheckResponse
    };
    let before = match profile {
        // Breathing is checked before the call (C2).
        ProfileId::Rcsc => s(&[Safe, response, CheckBreathing, CallSpeaker, FollowCallTaker]),
        // The call first, on speaker; breathing while it connects (A1, E2).
        ProfileId::Aha | ProfileId::Erc => {
            s(&[Safe, response, CallSpeaker, FollowCallTaker, CheckBreathing])
        }
    };
    let erc_breaths_first = profile == ProfileId::Erc && who != Who::Adult && who != Who::Large;
    let mut hands = if erc_breaths_first {
        s(&[FiveBreathsFirst])
    } else {
        Vec::new()
    };
    hands.extend(match who {
        Who::Adult | Who::Large => s(&[HandsAdult, Posture, PushAdult, Recoil]),
        Who::Child => s(&[HandsChild, PushChild, Recoil]),
        Who::Baby if profile == ProfileId::Aha => {
            s(&[BabySpot, BabyHandsHeelOrThumbs, PushBaby, Recoil])
        }
        Who::Baby => s(&[BabySpot, BabyHandsThumbs, PushBaby, Recoil]),
    });
    let breath = if who == Who::Baby {
        BreathBaby
    } else {
        BreathHow
    };
    let aed = if who == Who::Adult || who == Who::Large {
        s(&[AedOn, AedPads, AedClear, AedRestart])
    } else {
        s(&[AedOn, AedPads, AedPadsChild, AedClear, AedRestart])
    };
    Script {
        before,
        hands,
        thirty_two: s(&[ThirtyTwo, breath]),
        hands_only: s(&[HandsOnly]),
        aed,
        keep_going: s(&[Swap, WhenStop]),
    }
}
