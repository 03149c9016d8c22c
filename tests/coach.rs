//! The emergency coach's scripts: every line has its words in both
//! languages and a source of the right guideline, and each profile's
//! script keeps its guideline's order and techniques.

use std::collections::HashSet;

use firstaid::coach::choking::{self, Action};
use firstaid::coach::{cpr, recovery, Line, Said, Spoken, Who};
use firstaid::content::Curriculum;
use firstaid::profile::ProfileId;
use serde_json::Value;

const PROFILES: [ProfileId; 3] = [ProfileId::Rcsc, ProfileId::Aha, ProfileId::Erc];
const CPR_WHO: [Who; 3] = [Who::Adult, Who::Child, Who::Baby];
const CHOKING_WHO: [Who; 3] = [Who::Adult, Who::Baby, Who::Large];

fn locale(name: &str) -> Value {
    let path = format!("{}/locales/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every line of every script, with where it comes from.
fn every_said() -> Vec<(String, Said)> {
    let mut out = Vec::new();
    for p in PROFILES {
        for who in CPR_WHO {
            let s = cpr::script(p, who);
            for part in [
                &s.before,
                &s.hands,
                &s.thirty_two,
                &s.hands_only,
                &s.aed,
                &s.keep_going,
            ] {
                out.extend(part.iter().map(|x| (format!("cpr {p:?} {who:?}"), *x)));
            }
        }
        for who in CHOKING_WHO {
            let s = choking::script(p, who);
            let how = s.cycle.iter().flat_map(|step| step.how.iter());
            for x in s.first.iter().chain(how).chain(&s.collapse).chain(&s.after) {
                out.push((format!("choking {p:?} {who:?}"), *x));
            }
        }
        for baby in [false, true] {
            let s = recovery::script(p, baby);
            out.extend(
                s.into_iter()
                    .map(|x| (format!("recovery {p:?} baby={baby}"), x)),
            );
        }
    }
    out
}

fn lines(s: &[Said]) -> Vec<Line> {
    s.iter().map(|x| x.line).collect()
}

fn position(s: &[Said], line: Line) -> usize {
    s.iter()
        .position(|x| x.line == line)
        .unwrap_or_else(|| panic!("{line:?} missing"))
}

#[test]
fn every_line_and_phrase_has_words_in_both_languages() {
    for name in ["en", "zh-CN"] {
        let l = locale(name);
        for line in Line::ALL {
            let text = l["coach"][line.key()].as_str();
            assert!(
                text.is_some_and(|t| !t.is_empty()),
                "{name}: coach.{}",
                line.key()
            );
        }
        for s in Spoken::ALL {
            assert!(
                l["coach"]["say"][s.key()].as_str().is_some(),
                "{name}: coach.say.{}",
                s.key()
            );
        }
        // The lines that name the number carry its placeholder.
        for line in [
            Line::CallSpeaker,
            Line::CallChoking,
            Line::BabyCall,
            Line::Collapse,
            Line::BabyCollapse,
        ] {
            let text = l["coach"][line.key()].as_str().unwrap();
            assert!(text.contains("{number}"), "{name}: {}", line.key());
        }
    }
}

#[test]
fn every_line_is_used_by_some_script() {
    let used: HashSet<Line> = every_said().into_iter().map(|(_, s)| s.line).collect();
    for line in Line::ALL {
        assert!(used.contains(&line), "{line:?} is in no script");
    }
}

#[test]
fn every_citation_names_a_source_of_the_right_guideline() {
    let c = Curriculum::embedded().unwrap();
    for (p, who) in [
        (ProfileId::Rcsc, "rcsc"),
        (ProfileId::Aha, "aha"),
        (ProfileId::Erc, "erc"),
    ] {
        for (place, said) in every_said() {
            if !place.contains(&format!("{p:?}")) {
                continue;
            }
            let cite = said.cite;
            assert!(!cite.keys.is_empty(), "{place} {:?}", said.line);
            for key in cite.keys {
                let src = c
                    .source(key)
                    .unwrap_or_else(|| panic!("{place} {:?}: unknown source {key}", said.line));
                // A verified line cites the profile's own guideline first;
                // an unverified one says it follows others.
                if cite.verified && key == &cite.keys[0] {
                    assert_eq!(src.profile, who, "{place} {:?}: {key}", said.line);
                }
            }
        }
    }
}

#[test]
fn cpr_follows_each_guidelines_order() {
    for who in CPR_WHO {
        // ERC and AHA call first, on speaker, and check breathing while
        // the call connects; RCSC checks breathing, then calls.
        for p in [ProfileId::Erc, ProfileId::Aha] {
            let s = cpr::script(p, who);
            assert!(
                position(&s.before, Line::CallSpeaker) < position(&s.before, Line::CheckBreathing),
                "{p:?} {who:?}"
            );
        }
        // RCSC: breathing, then the call, and no "start now" before it.
        let s = cpr::script(ProfileId::Rcsc, who);
        assert!(
            position(&s.before, Line::CheckBreathingCall) < position(&s.before, Line::CallSpeaker)
        );
        assert!(!lines(&s.before).contains(&Line::CheckBreathing));
        for p in PROFILES {
            let s = cpr::script(p, who);
            assert_eq!(s.before[0].line, Line::Safe);
            // After a shock or a no-shock advice: push again at once.
            assert_eq!(
                s.aed.last().unwrap().line,
                Line::AedRestart,
                "{p:?} {who:?}"
            );
            assert_eq!(lines(&s.keep_going), [Line::Swap, Line::WhenStop]);
            let only = if cpr::young(who) {
                Line::HandsOnlyYoung
            } else {
                Line::HandsOnly
            };
            assert_eq!(lines(&s.hands_only), [only]);
        }
    }
}

#[test]
fn cpr_hands_follow_the_age_and_the_guideline() {
    for p in PROFILES {
        let adult = cpr::script(p, Who::Adult);
        assert_eq!(
            lines(&adult.hands),
            [
                Line::HandsAdult,
                Line::Posture,
                Line::PushAdult,
                Line::Recoil
            ]
        );
        assert!(!lines(&adult.aed).contains(&Line::AedPadsChild));
        assert!(!lines(&adult.aed).contains(&Line::AedPadsBack));
        assert!(!lines(&adult.aed).contains(&Line::AedChildPads));
        assert_eq!(lines(&adult.thirty_two), [Line::ThirtyTwo, Line::BreathHow]);
        // A child or a baby: breaths are part of CPR in every guideline
        // (not "if you are trained"); a child's head is tilted only a
        // little, a baby's kept level.
        let baby = cpr::script(p, Who::Baby);
        let child = cpr::script(p, Who::Child);
        assert_eq!(
            lines(&baby.thirty_two),
            [Line::ThirtyTwoYoung, Line::BreathBaby]
        );
        assert_eq!(
            lines(&child.thirty_two),
            [Line::ThirtyTwoYoung, Line::BreathChild]
        );
        assert!(lines(&baby.before).contains(&Line::CheckResponseBaby));
        // A child's pads: AHA the largest that fit, never touching; RCSC
        // and ERC front and back as the placement.
        let pads = if p == ProfileId::Aha {
            Line::AedPadsChild
        } else {
            Line::AedPadsBack
        };
        for young in [&baby, &child] {
            assert!(lines(&young.aed).contains(&pads), "{p:?}");
            // The AED's child pads or child setting come first, in every
            // guideline (the adult pads when it has none), cited verified.
            assert_eq!(
                lines(&young.aed)[..3],
                [Line::AedOn, Line::AedChildPads, Line::AedPads],
                "{p:?}"
            );
            assert!(young.aed[1].cite.verified, "{p:?}");
            // ERC gives no centimetres for a child or a baby (AHA does).
            let push: &[Line] = if p == ProfileId::Erc {
                &[Line::PushYoung]
            } else {
                &[Line::PushChild, Line::PushBaby]
            };
            assert!(
                lines(&young.hands).iter().any(|l| push.contains(l)),
                "{p:?}"
            );
        }
        // ERC: five rescue breaths first for a child or a baby; the others
        // start with compressions.
        for who in [Who::Child, Who::Baby] {
            let hands = cpr::script(p, who).hands;
            assert_eq!(
                hands[0].line == Line::FiveBreathsFirst,
                p == ProfileId::Erc,
                "{p:?} {who:?}"
            );
        }
        assert!(!lines(&adult.hands).contains(&Line::FiveBreathsFirst));
    }
    // A baby's hands: AHA the heel of one hand or two thumbs; ERC two
    // thumbs, which RCSC follows (unverified).
    let hands = |p| lines(&cpr::script(p, Who::Baby).hands);
    assert!(hands(ProfileId::Aha).contains(&Line::BabyHandsHeelOrThumbs));
    assert!(hands(ProfileId::Erc).contains(&Line::BabyHandsThumbs));
    assert!(hands(ProfileId::Rcsc).contains(&Line::BabyHandsThumbs));
    for p in PROFILES {
        assert!(hands(p).contains(&Line::BabySpot));
    }
    let rcsc = cpr::script(ProfileId::Rcsc, Who::Baby);
    assert!(
        !rcsc.hands[position(&rcsc.hands, Line::BabyHandsThumbs)]
            .cite
            .verified
    );
}

#[test]
fn choking_cycles_blows_and_the_right_thrusts() {
    for p in PROFILES {
        let actions = |who| choking::script(p, who).cycle.map(|s| (s.action, s.count));
        assert_eq!(
            actions(Who::Adult),
            [(Action::BackBlows, 5), (Action::AbdominalThrusts, 5)]
        );
        // Never abdominal thrusts for a baby; chest thrusts when pregnant
        // or too big to reach round.
        assert_eq!(
            actions(Who::Baby),
            [(Action::BackBlows, 5), (Action::ChestThrusts, 5)]
        );
        assert_eq!(
            actions(Who::Large),
            [(Action::BackBlows, 5), (Action::ChestThrusts, 5)]
        );
        let s = choking::script(p, Who::Adult);
        // ERC calls once the first 5 blows and 5 thrusts have not worked;
        // AHA and RCSC (following AHA) call at once.
        let call = if p == ProfileId::Erc {
            Line::CallChokingAfter
        } else {
            Line::CallChoking
        };
        assert_eq!(lines(&s.first), [Line::AskChoking, Line::CoughWell, call]);
        // A baby cannot be asked: what it can show (cough, cry, a sound).
        // ERC's call comes after the first round for a baby too, as its
        // lesson says (flagged: ERC's infant row does not say when).
        let baby = choking::script(p, Who::Baby).first;
        let baby_call = if p == ProfileId::Erc {
            Line::CallChokingAfter
        } else {
            Line::BabyCall
        };
        assert_eq!(lines(&baby), [Line::BabySigns, Line::CoughWell, baby_call]);
        if p == ProfileId::Erc {
            assert!(!baby[2].cite.verified);
        }
        assert_eq!(s.collapse[0].line, Line::Collapse);
        assert!(lines(&s.collapse).contains(&Line::NoSweep));
        // ERC: a child who collapses gets 5 breaths first.
        assert_eq!(
            lines(&s.collapse).contains(&Line::CollapseChildBreaths),
            p == ProfileId::Erc
        );
        // A baby is laid on its back, not lowered to the floor; ERC's 5
        // breaths cover its mouth and nose, and say nothing of a child.
        let baby = choking::script(p, Who::Baby).collapse;
        assert_eq!(baby[0].line, Line::BabyCollapse);
        assert!(!lines(&baby).contains(&Line::Collapse));
        assert!(!lines(&baby).contains(&Line::CollapseChildBreaths));
        assert_eq!(
            lines(&baby).contains(&Line::CollapseBabyBreaths),
            p == ProfileId::Erc
        );
        // Look in the mouth (take out only what is seen) before any breath.
        for collapse in [&s.collapse, &baby] {
            let l = lines(collapse);
            let breaths = l
                .iter()
                .position(|x| matches!(x, Line::CollapseChildBreaths | Line::CollapseBabyBreaths));
            if let Some(b) = breaths {
                assert!(
                    l.iter().position(|x| *x == Line::NoSweep) < Some(b),
                    "{p:?}: {l:?}"
                );
            }
        }
    }
    let baby_thrust = |p| lines(&choking::script(p, Who::Baby).cycle[1].how);
    assert_eq!(baby_thrust(ProfileId::Aha), [Line::BabyChestHeel]);
    assert_eq!(baby_thrust(ProfileId::Erc), [Line::BabyChestThumbs]);
    assert_eq!(baby_thrust(ProfileId::Rcsc), [Line::BabyChestThumbs]);
    // ERC does not cover the pregnant or large person: the AHA action,
    // flagged rather than left out.
    let large = choking::script(ProfileId::Erc, Who::Large);
    assert!(!large.cycle[1].how[0].cite.verified);
    assert_eq!(Action::BackBlows.spoken(), Spoken::BackBlows);
}

#[test]
fn recovery_turns_an_adult_and_holds_a_baby() {
    for p in PROFILES {
        let adult = recovery::script(p, false);
        assert_eq!(adult.first().unwrap().line, Line::RecoveryWhen);
        assert_eq!(adult.last().unwrap().line, Line::RecoveryToCpr);
        assert!(position(&adult, Line::RecoveryKnee) < position(&adult, Line::RecoveryRoll));
        let baby = lines(&recovery::script(p, true));
        assert!(baby.contains(&Line::RecoveryBaby) && !baby.contains(&Line::RecoveryRoll));
        // Anyone who does not respond gets a call, before the turn: as
        // their own guideline says for an adult (AHA, RCUK), flagged for
        // RCSC (its source calls for one who does not breathe) and for a
        // baby (no source says it).
        assert_eq!(adult[1].line, Line::RecoveryCall, "{p:?}");
        assert_eq!(adult[1].cite.verified, p != ProfileId::Rcsc, "{p:?}");
        assert_eq!(baby[1], Line::RecoveryCall, "{p:?}");
        assert!(!recovery::script(p, true)[1].cite.verified);
        // Not for someone who may be seriously injured: ERC's (RCSC's
        // lessons follow it, flagged), before the turn; AHA's sources do
        // not say it, so its script leaves it out.
        for script in [&adult, &recovery::script(p, true)] {
            let injured = script.iter().find(|s| s.line == Line::RecoveryInjured);
            match p {
                ProfileId::Aha => assert!(injured.is_none(), "{p:?}"),
                _ => {
                    assert_eq!(injured.unwrap().cite.verified, p == ProfileId::Erc, "{p:?}");
                    assert_eq!(script[2].line, Line::RecoveryInjured, "{p:?}");
                }
            }
        }
        // "A child at least every minute" is ERC's alone: flagged for the
        // others.
        let check = adult[position(&adult, Line::RecoveryCheck)].cite;
        assert_eq!(check.verified, p == ProfileId::Erc, "{p:?}");
    }
}

/// The words of the young's CPR and of a choking child's collapse say
/// what the guidelines say: breaths with no "if you are trained" (AHA and
/// ERC recommend them for every child; ERC's 5 come first), a depth of
/// "at least" a third, and for ERC no centimetres (those are AHA's).
#[test]
fn young_lines_say_at_least_a_third_and_breaths_without_conditions() {
    for name in ["en", "zh-CN"] {
        let coach = &locale(name)["coach"];
        let text = |l: Line| coach[l.key()].as_str().unwrap().to_owned();
        let (trained, at_least, cm) = if name == "en" {
            ("trained", "at least a third", "cm")
        } else {
            ("学过", "至少", "厘米")
        };
        for p in PROFILES {
            for who in [Who::Child, Who::Baby] {
                let s = cpr::script(p, who);
                for x in s.hands.iter().chain(&s.thirty_two) {
                    let t = text(x.line);
                    assert!(!t.contains(trained), "{name} {p:?} {who:?}: {t}");
                    if matches!(x.line, Line::PushChild | Line::PushBaby | Line::PushYoung) {
                        assert!(t.contains(at_least), "{name} {p:?} {who:?}: {t}");
                        assert_eq!(t.contains(cm), p != ProfileId::Erc, "{name} {p:?}: {t}");
                    }
                }
            }
            for who in [Who::Adult, Who::Baby] {
                for x in &choking::script(p, who).collapse {
                    let t = text(x.line);
                    assert!(!t.contains(trained), "{name} {p:?} {who:?}: {t}");
                }
            }
        }
    }
}

/// Plain words: what the coach shows is short enough to read at a glance
/// (no sentence over 40 Chinese characters or 25 English words).
#[test]
fn coach_sentences_are_short() {
    for name in ["en", "zh-CN"] {
        let l = locale(name);
        for (key, text) in l["coach"].as_object().unwrap() {
            let Some(text) = text.as_str() else { continue };
            for sentence in text.split(['.', '。', '?', '？', ';', '；', ':', '：']) {
                let long = if name == "en" {
                    sentence.split_whitespace().count() > 25
                } else {
                    sentence.chars().count() > 40
                };
                assert!(!long, "{name}: coach.{key}: {sentence:?}");
            }
        }
    }
}

/// The coach shows the course's pictures of people: each exists, declares
/// the technique the line teaches, and a thumbs line never shows a heel.
#[test]
fn coach_pictures_exist_and_show_the_lines_technique() {
    let c = Curriculum::embedded().unwrap();
    let mut shown = 0;
    for line in Line::ALL {
        let Some((name, technique)) = line.picture() else {
            continue;
        };
        shown += 1;
        let svg = c
            .illustrations
            .get(name)
            .unwrap_or_else(|| panic!("{line:?}: no illustration {name}"));
        assert_eq!(
            firstaid::content::validate::technique_of(svg),
            Some(technique),
            "{line:?}: {name}"
        );
        let key = line.key();
        if key.contains("thumbs") && !key.contains("heel") {
            assert!(technique.contains("thumbs"), "{line:?}: {technique}");
        }
        if key.contains("heel") {
            assert!(technique.contains("heel"), "{line:?}: {technique}");
        }
    }
    assert!(shown >= 12, "{shown} lines have pictures");
}

/// The coach flags a fact as borrowed (`follows`) for exactly the
/// profiles whose lesson step teaching the same fact carries a review
/// note, so the emergency coach and the course agree on what is verified
/// (the medical review found lines marked verified where the lesson flags
/// the fact).
#[test]
fn the_coach_flags_what_the_lessons_flag() {
    const SAME_FACT: &[(Line, &str, &str)] = &[
        (Line::CheckResponse, "recognise-and-call", "check-response"),
        (
            Line::CheckBreathing,
            "recognise-and-call",
            "check-breathing",
        ),
        (Line::CallSpeaker, "recognise-and-call", "call-and-aed"),
        (Line::CheckResponseBaby, "child-infant-cpr", "check-baby"),
        (Line::HandsAdult, "adult-cpr", "hand-position"),
        (Line::Posture, "adult-cpr", "posture"),
        (Line::PushAdult, "adult-cpr", "depth"),
        (Line::Recoil, "adult-cpr", "recoil"),
        (Line::BreathHow, "adult-cpr", "give-a-breath"),
        (Line::Swap, "adult-cpr", "swap"),
        (Line::AedClear, "aed", "stand-clear"),
        (Line::AedPadsChild, "aed", "child-pads-touching"),
        (
            Line::AbdominalStance,
            "choking-adult-child",
            "abdominal-thrusts",
        ),
    ];
    let c = Curriculum::embedded().unwrap();
    let said = every_said();
    for (line, lesson, id) in SAME_FACT {
        let step = c
            .lesson(lesson)
            .and_then(|l| l.steps.iter().find(|s| s.id == *id))
            .unwrap_or_else(|| panic!("no step {lesson}/{id}"));
        let mut checked = 0;
        for p in PROFILES {
            let flagged = step.for_profile(p).review.is_some();
            for (place, s) in &said {
                if s.line == *line && place.contains(&format!(" {p:?} ")) {
                    assert_eq!(
                        !s.cite.verified,
                        flagged,
                        "{place} {line:?}: the coach marks it {}, lesson step {lesson}/{id} {}",
                        if s.cite.verified {
                            "verified"
                        } else {
                            "borrowed"
                        },
                        if flagged { "flags it" } else { "does not" }
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "{line:?} is in no script");
    }
}

/// Two thumbs round a baby's chest take both hands, so the baby lies on
/// the thigh, as the picture shows, not along the other arm (a bystander
/// holding the baby on one arm has one hand left).
#[test]
fn two_thumb_chest_thrusts_lay_the_baby_on_the_thigh() {
    for (lang, thigh, arm) in [("en", "thigh", "arm"), ("zh-CN", "大腿", "手臂")] {
        let v = locale(lang);
        let line = v["coach"]["baby_chest_thumbs"].as_str().unwrap();
        assert!(
            line.contains(thigh) && !line.contains(arm),
            "{lang}: {line}"
        );
    }
}
