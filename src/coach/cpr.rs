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

fn said(line: Line, p: ProfileId) -> Said {
    use Line::*;
    let cite = match line {
        Safe => by_profile(p, own(&["C2"]), own(&["A6"]), own(&["E1"])),
        // How to check a response (tap both shoulders, shout): AHA and
        // ERC say only "unresponsive", so theirs follows RCSC's method
        // (lesson 1 flags it).
        CheckResponse => by_profile(
            p,
            own(&["C2"]),
            follows(&["A1", "C2"]),
            follows(&["E1", "C2"]),
        ),
        CheckBreathing => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E1"])),
        // RCSC: no response, no normal breathing: call for help, call 120,
        // fetch the AED, and start CPR with them (C2).
        CheckBreathingCall => own(&["C2"]),
        // A baby's response (tap the foot, call loudly): confidence M in
        // the reference for AHA and ERC, unverified for RCSC (lesson 3
        // flags all three).
        CheckResponseBaby => by_profile(
            p,
            follows(&["A2", "E3"]),
            follows(&["A2"]),
            follows(&["E3"]),
        ),
        HandsChild | PushChild | BabySpot | PushBaby | BreathBaby => {
            by_profile(p, follows(&["A2", "E3"]), own(&["A2"]), own(&["E3"]))
        }
        // ERC's depth for a child or a baby: at least a third, no
        // centimetres (those are AHA's).
        PushYoung => own(&["E3"]),
        // RCSC's source does not mention the speaker: AHA's and ERC's.
        CallSpeaker => by_profile(p, follows(&["C2", "A1", "E2"]), own(&["A1"]), own(&["E2"])),
        FollowCallTaker => by_profile(p, follows(&["A1", "E1"]), own(&["A1", "A6"]), own(&["E1"])),
        HandsAdult => by_profile(p, follows(&["A1", "E1"]), own(&["A1"]), own(&["E1"])),
        // AHA: the posture of AHA Heartsaver (reference §8, confidence
        // H), cited through A1 as lesson 2 does.
        Posture => by_profile(p, follows(&["E1"]), own(&["A1"]), own(&["E1"])),
        PushAdult => by_profile(p, follows(&["A1", "E1"]), own(&["A1", "A4"]), own(&["E1"])),
        Recoil => by_profile(p, follows(&["A4", "E1"]), own(&["A4"]), own(&["E1"])),
        BabyHandsHeelOrThumbs => own(&["A2"]),
        BabyHandsThumbs => by_profile(p, follows(&["A2", "E3"]), own(&["A2"]), own(&["E3", "E5"])),
        FiveBreathsFirst => own(&["E3", "E5"]),
        // A child or a baby: breaths recommended (AHA: compressions only
        // if unable or unwilling; ERC: breaths at every age, 30:2 after
        // the 5 breaths).
        ThirtyTwoYoung => by_profile(p, follows(&["A2", "E3"]), own(&["A2"]), own(&["E3"])),
        // ERC says nothing of compressions only for a child: AHA's, flagged.
        HandsOnlyYoung => by_profile(p, follows(&["A2"]), own(&["A2"]), follows(&["A2"])),
        ThirtyTwo => by_profile(p, follows(&["A1", "E1"]), own(&["A1"]), own(&["E1", "E7"])),
        HandsOnly => by_profile(p, follows(&["A1", "E1"]), own(&["A1"]), own(&["E1"])),
        BreathHow | BreathChild => by_profile(
            p,
            follows(&["A1", "E1"]),
            own(&["A1", "A4"]),
            own(&["E1", "E2"]),
        ),
        AedOn => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E1"])),
        // Hands off for the analysis and the shock: ERC's words; RCSC's
        // source says it for the analysis only, AHA's not in the
        // reference (lesson 5 flags both).
        AedClear => by_profile(p, follows(&["C2", "E1"]), follows(&["E1"]), own(&["E1"])),
        AedPads => by_profile(p, own(&["C2"]), own(&["A1"]), own(&["E1", "E7"])),
        // AHA: the largest pads that fit; never touching is the lay rule
        // (ARC 2022, ERC/RCUK), AHA's own 1–2 cm unverified (front and
        // back when the chest is small; lesson 5 flags it).
        AedPadsChild => follows(&["A2", "E3"]),
        // RCSC and ERC: front and back is a child's placement.
        AedPadsBack => by_profile(p, own(&["C2"]), follows(&["E3"]), own(&["E3"])),
        // Child pads or a child setting, else the adult pads: AHA (an
        // attenuator as soon as possible; without one, an adult AED may be
        // considered), ERC (child mode under 25 kg, else adult mode),
        // RCSC (child pads preferred, adult pads if none).
        AedChildPads => by_profile(p, own(&["C2"]), own(&["A2"]), own(&["E3"])),
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

/// A child or a baby: breaths are part of their CPR in every guideline,
/// so the coach starts them on 30:2 (compressions only stays a choice).
pub fn young(who: Who) -> bool {
    matches!(who, Who::Child | Who::Baby)
}

/// The CPR script for `profile` and `who` (adult, child or baby; a choking
/// person "too big to reach round" gets the adult script).
pub fn script(profile: ProfileId, who: Who) -> Script {
    use Line::*;
    let s = |lines: &[Line]| -> Vec<Said> { lines.iter().map(|&l| said(l, profile)).collect() };
    let response = if who == Who::Baby {
        CheckResponseBaby
    } else {
        CheckResponse
    };
    let before = match profile {
        // Breathing is checked before the call (C2), and the call comes
        // before the pushing.
        ProfileId::Rcsc => s(&[
            Safe,
            response,
            CheckBreathingCall,
            CallSpeaker,
            FollowCallTaker,
        ]),
        // The call first, on speaker; breathing while it connects (A1, E2).
        ProfileId::Aha | ProfileId::Erc => {
            s(&[Safe, response, CallSpeaker, FollowCallTaker, CheckBreathing])
        }
    };
    let erc_breaths_first = profile == ProfileId::Erc && young(who);
    let mut hands = if erc_breaths_first {
        s(&[FiveBreathsFirst])
    } else {
        Vec::new()
    };
    let erc = profile == ProfileId::Erc;
    let (push_child, push_baby) = if erc {
        (PushYoung, PushYoung)
    } else {
        (PushChild, PushBaby)
    };
    hands.extend(match who {
        Who::Adult | Who::Large => s(&[HandsAdult, Posture, PushAdult, Recoil]),
        Who::Child => s(&[HandsChild, push_child, Recoil]),
        Who::Baby if profile == ProfileId::Aha => {
            s(&[BabySpot, BabyHandsHeelOrThumbs, push_baby, Recoil])
        }
        Who::Baby => s(&[BabySpot, BabyHandsThumbs, push_baby, Recoil]),
    });
    let young = young(who);
    let breath = match who {
        Who::Baby => BreathBaby,
        // Only a slight tilt for a child.
        Who::Child => BreathChild,
        Who::Adult | Who::Large => BreathHow,
    };
    let aed = if !young {
        s(&[AedOn, AedPads, AedClear, AedRestart])
    } else if profile == ProfileId::Aha {
        s(&[
            AedOn,
            AedChildPads,
            AedPads,
            AedPadsChild,
            AedClear,
            AedRestart,
        ])
    } else {
        s(&[
            AedOn,
            AedChildPads,
            AedPads,
            AedPadsBack,
            AedClear,
            AedRestart,
        ])
    };
    Script {
        before,
        hands,
        thirty_two: s(&[if young { ThirtyTwoYoung } else { ThirtyTwo }, breath]),
        hands_only: s(&[if young { HandsOnlyYoung } else { HandsOnly }]),
        aed,
        keep_going: s(&[Swap, WhenStop]),
    }
}
