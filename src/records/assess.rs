//! The practical exam: a learner's marks against the skills checklists
//! (`content::checklist`), kept with their roster row.
//!
//! Each item is marked passed or "needs practice", with an optional note;
//! a checklist is passed when every one of its items is marked passed. The
//! practical exam is passed when every checklist of the course is. Rosters
//! from before checklists existed kept a single tick ("practical exam
//! passed"): it stays, shown as "assessed before checklists existed", and
//! still lets the instructor issue the certificate.

use serde::{Deserialize, Serialize};

use crate::content::checklist::Checklist;

/// How one item went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Passed,
    /// Needs practice.
    Practice,
}

/// One item's mark and note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemMark {
    /// The item's id in its checklist.
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Mark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When it was last changed.
    pub at_ms: i64,
}

/// A learner's marks on one checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The checklist's id.
    pub checklist: String,
    pub marks: Vec<ItemMark>,
}

/// Where a learner stands on one checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Some items are not marked yet (`marked` of `total`).
    InProgress { marked: usize, total: usize },
    /// Every item marked passed; when the last mark was made.
    Passed { at_ms: i64 },
    /// Every item marked; these (ids, in checklist order) need practice.
    NeedsPractice(Vec<String>),
}

/// Where a learner stands on the practical exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Practical {
    /// Not (yet) passed.
    Pending,
    /// Every checklist passed; when the last of them was.
    Passed { at_ms: i64 },
    /// Ticked "passed" on a roster from before checklists existed.
    Before { at_ms: i64 },
}

impl Practical {
    /// Whether the instructor may issue the certificate.
    pub fn done(self) -> bool {
        !matches!(self, Practical::Pending)
    }

    /// When it was passed.
    pub fn at_ms(self) -> Option<i64> {
        match self {
            Practical::Pending => None,
            Practical::Passed { at_ms } | Practical::Before { at_ms } => Some(at_ms),
        }
    }
}

impl Assessment {
    /// The mark of an item, if it has one.
    pub fn mark(&self, item: &str) -> Option<Mark> {
        self.get(item).and_then(|m| m.mark)
    }

    /// The note on an item, if any.
    pub fn note(&self, item: &str) -> Option<&str> {
        self.get(item).and_then(|m| m.note.as_deref())
    }

    fn get(&self, item: &str) -> Option<&ItemMark> {
        self.marks.iter().find(|m| m.item == item)
    }

    fn entry(&mut self, item: &str, at_ms: i64) -> &mut ItemMark {
        let i = match self.marks.iter().position(|m| m.item == item) {
            Some(i) => i,
            None => {
                self.marks.push(ItemMark {
                    item: item.to_owned(),
                    mark: None,
                    note: None,
                    at_ms,
                });
                self.marks.len() - 1
            }
        };
        let m = &mut self.marks[i];
        m.at_ms = at_ms;
        m
    }

    /// How the learner stands against `list` (marks of items the
    /// checklist no longer has do not count).
    pub fn outcome(&self, list: &Checklist) -> Outcome {
        let marks: Vec<Option<Mark>> = list.items.iter().map(|i| self.mark(&i.id)).collect();
        let marked = marks.iter().filter(|m| m.is_some()).count();
        if marked < marks.len() {
            return Outcome::InProgress {
                marked,
                total: marks.len(),
            };
        }
        let practice: Vec<String> = list
            .items
            .iter()
            .zip(&marks)
            .filter(|(_, m)| **m == Some(Mark::Practice))
            .map(|(i, _)| i.id.clone())
            .collect();
        if practice.is_empty() {
            let at_ms = list
                .items
                .iter()
                .filter_map(|i| self.get(&i.id).map(|m| m.at_ms))
                .max()
                .unwrap_or(0);
            Outcome::Passed { at_ms }
        } else {
            Outcome::NeedsPractice(practice)
        }
    }
}

/// A roster row's marks, on every checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Assessments(pub Vec<Assessment>);

impl Assessments {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The marks on one checklist.
    pub fn of(&self, checklist: &str) -> Option<&Assessment> {
        self.0.iter().find(|a| a.checklist == checklist)
    }

    fn of_mut(&mut self, checklist: &str) -> &mut Assessment {
        let i = match self.0.iter().position(|a| a.checklist == checklist) {
            Some(i) => i,
            None => {
                self.0.push(Assessment {
                    checklist: checklist.to_owned(),
                    marks: Vec::new(),
                });
                self.0.len() - 1
            }
        };
        &mut self.0[i]
    }

    /// Marks an item (`None` clears the mark, keeping any note).
    pub fn set_mark(&mut self, checklist: &str, item: &str, mark: Option<Mark>, at_ms: i64) {
        self.of_mut(checklist).entry(item, at_ms).mark = mark;
    }

    /// Sets the note on an item (blank clears it).
    pub fn set_note(&mut self, checklist: &str, item: &str, note: &str, at_ms: i64) {
        let note = note.trim();
        self.of_mut(checklist).entry(item, at_ms).note =
            (!note.is_empty()).then(|| note.to_owned());
    }

    /// How the learner stands against `list`.
    pub fn outcome(&self, list: &Checklist) -> Outcome {
        match self.of(&list.id) {
            Some(a) => a.outcome(list),
            None => Outcome::InProgress {
                marked: 0,
                total: list.items.len(),
            },
        }
    }

    /// Whether every item of every checklist of `lists` is marked, passed
    /// or not (there is at least one): nothing is left to assess.
    pub fn is_done(&self, lists: &[Checklist]) -> bool {
        !lists.is_empty()
            && lists
                .iter()
                .all(|l| !matches!(self.outcome(l), Outcome::InProgress { .. }))
    }

    /// The practical exam: passed when every checklist of `lists` is (and
    /// there is at least one); else the roster's tick from before checklists
    /// (`ticked_at_ms`), if any.
    pub fn practical(&self, lists: &[Checklist], ticked_at_ms: Option<i64>) -> Practical {
        let mut last = None::<i64>;
        for list in lists {
            match self.outcome(list) {
                Outcome::Passed { at_ms } => last = Some(last.map_or(at_ms, |l| l.max(at_ms))),
                _ => {
                    last = None;
                    break;
                }
            }
        }
        match (last, ticked_at_ms) {
            (Some(at_ms), _) => Practical::Passed { at_ms },
            (None, Some(at_ms)) => Practical::Before { at_ms },
            (None, None) => Practical::Pending,
        }
    }
}

/// Who to assess after `current`: the next learner in the roster's order
/// (`order`: each learner and whether they are done, see
/// [`Assessments::is_done`]), going round from the end to the start, who
/// is not done; `None` when every other learner is.
pub fn next_to_assess<K: Copy + PartialEq>(order: &[(K, bool)], current: K) -> Option<K> {
    let at = order.iter().position(|(k, _)| *k == current)?;
    (1..order.len())
        .map(|i| order[(at + i) % order.len()])
        .find(|(_, done)| !done)
        .map(|(k, _)| k)
}

/// The words of [`summary`] (the app passes its translations).
pub struct SummaryWords<'a> {
    pub passed: &'a str,
    /// Followed by the items' ids.
    pub practice: &'a str,
    /// The tick from before checklists existed.
    pub before: &'a str,
}

/// One line per roster row for the CSV file: each checklist's title and
/// outcome ("passed", "needs practice: depth rate", "3/14"), then the tick
/// from before checklists if there is one.
pub fn summary(
    marks: &Assessments,
    lists: &[Checklist],
    title: &dyn Fn(&Checklist) -> String,
    ticked: bool,
    words: &SummaryWords,
) -> String {
    let mut parts: Vec<String> = lists
        .iter()
        .filter(|l| marks.of(&l.id).is_some())
        .map(|l| {
            let outcome = match marks.outcome(l) {
                Outcome::Passed { .. } => words.passed.to_owned(),
                Outcome::NeedsPractice(items) => format!("{} {}", words.practice, items.join(" ")),
                Outcome::InProgress { marked, total } => format!("{marked}/{total}"),
            };
            format!("{}: {outcome}", title(l))
        })
        .collect();
    if ticked {
        parts.push(words.before.to_owned());
    }
    parts.join("; ")
}
