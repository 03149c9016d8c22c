//! The emergency coach's scripts: what it shows and says, in order, for
//! each guideline profile and person — CPR ([`cpr`]), choking ([`choking`])
//! and the recovery position ([`recovery`]).
//!
//! A script is data: a list of [`Said`] lines, each a [`Line`] (whose
//! wording lives in the locale files under `coach.*`, because the coach
//! must work before the curriculum has loaded) with its sources for the
//! profile. `tests/coach.rs` checks every citation against the
//! curriculum's sources, and the order each guideline teaches. The facts
//! come from the project's guideline reference (sections 1–6 and 8).

pub mod choking;
pub mod cpr;
pub mod recovery;

use crate::profile::ProfileId;

/// What the rescuer meets: the three doors of the emergency page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Need {
    /// Not responding and not breathing normally.
    Cpr,
    /// Choking.
    Choking,
    /// Not responding but breathing normally.
    Recovery,
}

impl Need {
    pub const ALL: [Need; 3] = [Need::Cpr, Need::Choking, Need::Recovery];

    /// The path segment (`/emergency/cpr`, …).
    pub fn slug(self) -> &'static str {
        match self {
            Need::Cpr => "cpr",
            Need::Choking => "choking",
            Need::Recovery => "recovery",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Need> {
        Need::ALL.into_iter().find(|n| n.slug() == slug)
    }
}

/// Who needs help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Who {
    Adult,
    /// From 1 year to puberty.
    Child,
    /// Under 1 year.
    Baby,
    /// Choking only: pregnant, or too big to reach round.
    Large,
}

impl Who {
    /// The query value (`?who=baby`).
    pub fn slug(self) -> &'static str {
        match self {
            Who::Adult => "adult",
            Who::Child => "child",
            Who::Baby => "baby",
            Who::Large => "large",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Who> {
        [Who::Adult, Who::Child, Who::Baby, Who::Large]
            .into_iter()
            .find(|w| w.slug() == slug)
    }
}

/// The sources of a line for a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    /// Keys of `content/sources.toml`.
    pub keys: &'static [&'static str],
    /// False when the profile's own guideline is not verified for the line,
    /// so the keys are another guideline's (shown in the sources layer).
    pub verified: bool,
}

/// One line of a script with its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said {
    pub line: Line,
    pub cite: Citation,
}

/// Picks a profile's citation: its own when verified (`own`), else the
/// nearest verified guidelines' (`follows`, flagged).
pub(crate) fn by_profile(
    profile: ProfileId,
    rcsc: Citation,
    aha: Citation,
    erc: Citation,
) -> Citation {
    match profile {
        ProfileId::Rcsc => rcsc,
        ProfileId::Aha => aha,
        ProfileId::Erc => erc,
    }
}

/// A verified citation.
pub(crate) const fn own(keys: &'static [&'static str]) -> Citation {
    Citation {
        keys,
        verified: true,
    }
}

/// An unverified one: the profile follows these sources.
pub(crate) const fn follows(keys: &'static [&'static str]) -> Citation {
    Citation {
        keys,
        verified: false,
    }
}

/// Every line the coach can show. Each has a locale key `coach.<key>`;
/// lines with a spoken form also have `coach.say_<key>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Line {
    // CPR: before the pushing.
    Safe,
    CheckResponse,
    CheckResponseBaby,
    CallSpeaker,
    FollowCallTaker,
    CheckBreathing,
    /// RCSC, who check breathing before the call: not breathing normally,
    /// so call for help now (the call line follows; the pushing starts
    /// with it, not before it).
    CheckBreathingCall,
    // CPR: the hands.
    HandsAdult,
    Posture,
    PushAdult,
    Recoil,
    HandsChild,
    PushChild,
    PushYoung,
    BabySpot,
    BabyHandsHeelOrThumbs,
    BabyHandsThumbs,
    PushBaby,
    FiveBreathsFirst,
    // CPR: breaths.
    ThirtyTwo,
    ThirtyTwoYoung,
    HandsOnly,
    HandsOnlyYoung,
    BreathHow,
    BreathChild,
    BreathBaby,
    // CPR: the AED, swapping and stopping.
    AedOn,
    AedPads,
    AedPadsChild,
    AedPadsBack,
    /// A child or a baby: the AED's child pads or child setting, else
    /// the adult pads.
    AedChildPads,
    AedClear,
    AedRestart,
    Swap,
    WhenStop,
    // Choking.
    AskChoking,
    CoughWell,
    CallChoking,
    CallChokingAfter,
    BabySigns,
    BabyCall,
    BackBlowsStance,
    BackBlowsHit,
    AbdominalStance,
    AbdominalFist,
    ChestThrustsLarge,
    BabyBackHold,
    BabyBackHit,
    BabyChestHeel,
    BabyChestThumbs,
    Collapse,
    CollapseChildBreaths,
    BabyCollapse,
    CollapseBabyBreaths,
    NoSweep,
    SeeDoctor,
    // Recovery position.
    RecoveryWhen,
    RecoveryCall,
    /// Not for someone who may be seriously injured (ERC; RCSC follows).
    RecoveryInjured,
    RecoveryArm,
    RecoveryHand,
    RecoveryKnee,
    RecoveryRoll,
    RecoveryHead,
    RecoveryCheck,
    RecoveryBaby,
    RecoveryToCpr,
}

impl Line {
    /// Every line, in declaration order.
    pub const ALL: [Line; 67] = [
        Line::Safe,
        Line::CheckResponse,
        Line::CheckResponseBaby,
        Line::CallSpeaker,
        Line::FollowCallTaker,
        Line::CheckBreathing,
        Line::CheckBreathingCall,
        Line::HandsAdult,
        Line::Posture,
        Line::PushAdult,
        Line::Recoil,
        Line::HandsChild,
        Line::PushChild,
        Line::PushYoung,
        Line::BabySpot,
        Line::BabyHandsHeelOrThumbs,
        Line::BabyHandsThumbs,
        Line::PushBaby,
        Line::FiveBreathsFirst,
        Line::ThirtyTwo,
        Line::ThirtyTwoYoung,
        Line::HandsOnly,
        Line::HandsOnlyYoung,
        Line::BreathHow,
        Line::BreathChild,
        Line::BreathBaby,
        Line::AedOn,
        Line::AedPads,
        Line::AedPadsChild,
        Line::AedPadsBack,
        Line::AedChildPads,
        Line::AedClear,
        Line::AedRestart,
        Line::Swap,
        Line::WhenStop,
        Line::AskChoking,
        Line::CoughWell,
        Line::CallChoking,
        Line::CallChokingAfter,
        Line::BabySigns,
        Line::BabyCall,
        Line::BackBlowsStance,
        Line::BackBlowsHit,
        Line::AbdominalStance,
        Line::AbdominalFist,
        Line::ChestThrustsLarge,
        Line::BabyBackHold,
        Line::BabyBackHit,
        Line::BabyChestHeel,
        Line::BabyChestThumbs,
        Line::Collapse,
        Line::CollapseChildBreaths,
        Line::BabyCollapse,
        Line::CollapseBabyBreaths,
        Line::NoSweep,
        Line::SeeDoctor,
        Line::RecoveryWhen,
        Line::RecoveryCall,
        Line::RecoveryInjured,
        Line::RecoveryArm,
        Line::RecoveryHand,
        Line::RecoveryKnee,
        Line::RecoveryRoll,
        Line::RecoveryHead,
        Line::RecoveryCheck,
        Line::RecoveryBaby,
        Line::RecoveryToCpr,
    ];
}

impl Line {
    /// The locale key under `coach.` (snake case of the variant).
    pub fn key(self) -> &'static str {
        use Line::*;
        match self {
            Safe => "safe",
            CheckResponse => "check_response",
            CheckResponseBaby => "check_response_baby",
            CallSpeaker => "call_speaker",
            FollowCallTaker => "follow_call_taker",
            CheckBreathing => "check_breathing",
            CheckBreathingCall => "check_breathing_call",
            HandsAdult => "hands_adult",
            Posture => "posture",
            PushAdult => "push_adult",
            Recoil => "recoil",
            HandsChild => "hands_child",
            PushChild => "push_child",
            PushYoung => "push_young",
            BabySpot => "baby_spot",
            BabyHandsHeelOrThumbs => "baby_hands_heel_or_thumbs",
            BabyHandsThumbs => "baby_hands_thumbs",
            PushBaby => "push_baby",
            FiveBreathsFirst => "five_breaths_first",
            ThirtyTwo => "thirty_two",
            ThirtyTwoYoung => "thirty_two_young",
            HandsOnly => "hands_only",
            HandsOnlyYoung => "hands_only_young",
            BreathHow => "breath_how",
            BreathChild => "breath_child",
            BreathBaby => "breath_baby",
            AedOn => "aed_on",
            AedPads => "aed_pads",
            AedPadsChild => "aed_pads_child",
            AedPadsBack => "aed_pads_back",
            AedChildPads => "aed_child_pads",
            AedClear => "aed_clear",
            AedRestart => "aed_restart",
            Swap => "swap",
            WhenStop => "when_stop",
            AskChoking => "ask_choking",
            CoughWell => "cough_well",
            CallChoking => "call_choking",
            CallChokingAfter => "call_choking_after",
            BabySigns => "baby_signs",
            BabyCall => "baby_call",
            BackBlowsStance => "back_blows_stance",
            BackBlowsHit => "back_blows_hit",
            AbdominalStance => "abdominal_stance",
            AbdominalFist => "abdominal_fist",
            ChestThrustsLarge => "chest_thrusts_large",
            BabyBackHold => "baby_back_hold",
            BabyBackHit => "baby_back_hit",
            BabyChestHeel => "baby_chest_heel",
            BabyChestThumbs => "baby_chest_thumbs",
            Collapse => "collapse",
            CollapseChildBreaths => "collapse_child_breaths",
            BabyCollapse => "baby_collapse",
            CollapseBabyBreaths => "collapse_baby_breaths",
            NoSweep => "no_sweep",
            SeeDoctor => "see_doctor",
            RecoveryWhen => "recovery_when",
            RecoveryCall => "recovery_call",
            RecoveryInjured => "recovery_injured",
            RecoveryArm => "recovery_arm",
            RecoveryHand => "recovery_hand",
            RecoveryKnee => "recovery_knee",
            RecoveryRoll => "recovery_roll",
            RecoveryHead => "recovery_head",
            RecoveryCheck => "recovery_check",
            RecoveryBaby => "recovery_baby",
            RecoveryToCpr => "recovery_to_cpr",
        }
    }
}

impl Line {
    /// The lessons' picture of people doing this line's technique, if there
    /// is one: `(illustration name, the technique it declares)`. The coach
    /// shows the same pictures as the course; `tests/coach.rs` checks each
    /// exists and declares this technique.
    pub fn picture(self) -> Option<(&'static str, &'static str)> {
        use Line::*;
        Some(match self {
            HandsAdult => ("cpr-adult-hands", "adult-hand-position"),
            Posture => ("cpr-adult-compressions", "adult-compressions"),
            HandsChild => ("cpr-child-one-hand", "child-one-hand"),
            BabyHandsHeelOrThumbs => ("cpr-infant-heel", "infant-cpr-heel"),
            BabyHandsThumbs => ("cpr-infant-two-thumbs", "infant-cpr-two-thumbs"),
            AedPadsChild | AedPadsBack => ("aed-child-pads-front-back", "aed-pads-front-back"),
            BackBlowsStance => ("choking-back-blows", "back-blows"),
            AbdominalStance => ("choking-abdominal-thrusts", "abdominal-thrusts"),
            ChestThrustsLarge => ("choking-chest-thrusts-standing", "chest-thrusts-standing"),
            BabyBackHold => ("choking-infant-back-blows", "infant-back-blows"),
            BabyChestHeel => ("choking-infant-chest-thrusts-heel", "infant-heel-of-hand"),
            BabyChestThumbs => (
                "choking-infant-chest-thrusts-two-thumbs",
                "infant-two-thumbs",
            ),
            CheckResponse => ("check-response-tap-shout", "tap-and-shout"),
            CheckResponseBaby => ("check-baby-tap-foot", "tap-baby-foot"),
            PushAdult => ("cpr-adult-depth", "adult-depth"),
            BabySpot => ("cpr-infant-spot", "infant-spot"),
            AbdominalFist => ("choking-fist-position", "abdominal-fist-position"),
            // One picture for the four lines that get ready and turn.
            RecoveryRoll => ("recovery-turn", "recovery-turn"),
            RecoveryHead => ("recovery-settled", "recovery-settled"),
            RecoveryBaby => ("recovery-baby-held", "recovery-baby"),
            _ => return None,
        })
    }
}

/// What the coach says aloud (never the sources): short, calm phrases,
/// each with a locale key `coach.say.<key>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spoken {
    /// On entering CPR and about every 30 s while pushing.
    Push,
    /// At each breath pause in 30:2.
    Breaths,
    /// Every 2 minutes of CPR.
    Swap,
    BackBlows,
    AbdominalThrusts,
    ChestThrusts,
    /// The recovery position: keep checking breathing.
    KeepChecking,
    /// Choking, when the second round begins: call for help now, then
    /// the back blows again.
    CallNow,
    /// ERC, a child's or a baby's CPR: the first 5 breaths, before the
    /// beat starts.
    FiveBreaths,
}

impl Spoken {
    pub const ALL: [Spoken; 9] = [
        Spoken::Push,
        Spoken::Breaths,
        Spoken::Swap,
        Spoken::BackBlows,
        Spoken::AbdominalThrusts,
        Spoken::ChestThrusts,
        Spoken::KeepChecking,
        Spoken::CallNow,
        Spoken::FiveBreaths,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Spoken::Push => "push",
            Spoken::Breaths => "breaths",
            Spoken::Swap => "swap",
            Spoken::BackBlows => "back_blows",
            Spoken::AbdominalThrusts => "abdominal_thrusts",
            Spoken::ChestThrusts => "chest_thrusts",
            Spoken::KeepChecking => "keep_checking",
            Spoken::CallNow => "call_now",
            Spoken::FiveBreaths => "five_breaths",
        }
    }
}

/// How often the coach repeats "push hard and fast" while pushing.
pub const PUSH_REMINDER_S: u32 = 30;
/// When the coach prompts to swap rescuers (about every 2 minutes: AHA
/// 2025 [A1]; ERC and RCSC follow it, unverified for 2025).
pub const SWAP_EVERY_S: u32 = 120;
