//! Skills checklists: what an instructor watches for in the practical exam
//! (`content/checklists/<id>.toml`, format in `content/README.md`).
//!
//! Each item is one observable action ("compressions at 100–120 a
//! minute"), cited per guideline profile like a lesson step; a profile
//! whose wording differs has a variant. Items are for instructors, so they
//! may use the words of the guidelines. An item may name the trainer
//! measure that is evidence for it ([`Evidence`]): the verifier shows the
//! learner's trainer session beside it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::model::{SourceRef, Text};
use super::validate::is_kebab;
use super::Curriculum;
use crate::profile::ProfileId;

/// The fewest and most items a checklist has: enough to be a checklist,
/// few enough to mark one learner in a couple of minutes.
pub const ITEMS: std::ops::RangeInclusive<usize> = 3..=16;

/// A skills checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Stable, kebab-case; a roster's marks are kept under it.
    pub id: String,
    /// Where it is listed (1, 2, 3…).
    pub order: u32,
    pub title: Text,
    /// The lessons whose skills it assesses.
    pub lessons: Vec<String>,
    pub items: Vec<Item>,
}

/// One observable action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable, kebab-case, unique in its checklist.
    pub id: String,
    /// The wording for every profile without a variant.
    pub text: Text,
    pub sources: Vec<SourceRef>,
    /// Why an instructor must check this item, for every profile without
    /// a variant of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Text>,
    /// The trainer measure shown beside the item as evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<ItemVariant>,
}

/// An item as some profiles see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemVariant {
    pub profiles: Vec<ProfileId>,
    /// Its own wording (omitted: the item's, with other sources or review).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    pub sources: Vec<SourceRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Text>,
}

/// A figure of the learner's trainer session (kept in their record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    /// The mean rate and the share of compressions in 100–120 a minute.
    Rate,
    /// The mean depth and the share in 5–6 cm (measured by motion only).
    Depth,
}

/// An item as one profile sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub item: &'a Item,
    pub text: &'a Text,
    /// The citations backing this profile's wording.
    pub sources: Vec<&'a SourceRef>,
    pub review: Option<&'a Text>,
}

impl Item {
    /// The item as `profile` sees it.
    pub fn for_profile(&self, profile: ProfileId) -> Resolved<'_> {
        match self.variants.iter().find(|v| v.profiles.contains(&profile)) {
            Some(v) => Resolved {
                item: self,
                text: v.text.as_ref().unwrap_or(&self.text),
                sources: v.sources.iter().filter(|s| s.backs(profile)).collect(),
                review: v.review.as_ref().or(self.review.as_ref()),
            },
            None => Resolved {
                item: self,
                text: &self.text,
                sources: self.sources.iter().filter(|s| s.backs(profile)).collect(),
                review: self.review.as_ref(),
            },
        }
    }
}

impl Checklist {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// Everything wrong with the curriculum's checklists, one line each.
pub fn problems(c: &Curriculum) -> Vec<String> {
    let mut out = Vec::new();
    let mut ids = BTreeSet::new();
    let mut orders = BTreeSet::new();
    for list in &c.checklists {
        let at = format!("checklist {}", list.id);
        if !is_kebab(&list.id) || list.id.contains('.') {
            out.push(format!("{at}: the id must be kebab-case"));
        }
        if !ids.insert(list.id.as_str()) {
            out.push(format!("{at}: the id is used twice"));
        }
        if !orders.insert(list.order) {
            out.push(format!("{at}: order {} is used twice", list.order));
        }
        text_problems(&mut out, &at, "title", &list.title);
        if list.lessons.is_empty() {
            out.push(format!("{at}: names no lesson"));
        }
        for l in &list.lessons {
            if c.lesson(l).is_none() {
                out.push(format!("{at}: unknown lesson {l}"));
            }
        }
        if !ITEMS.contains(&list.items.len()) {
            out.push(format!(
                "{at}: {} items (a checklist has {} to {})",
                list.items.len(),
                ITEMS.start(),
                ITEMS.end()
            ));
        }
        let mut item_ids = BTreeSet::new();
        for item in &list.items {
            item_problems(&mut out, c, &at, item);
            if !item_ids.insert(item.id.as_str()) {
                out.push(format!("{at}, item {}: the id is used twice", item.id));
            }
        }
    }
    out
}

fn item_problems(out: &mut Vec<String>, c: &Curriculum, list: &str, item: &Item) {
    let at = format!("{list}, item {}", item.id);
    if !is_kebab(&item.id) || item.id.contains('.') {
        out.push(format!("{at}: the id must be kebab-case"));
    }
    text_problems(out, &at, "text", &item.text);
    let mut seen = BTreeSet::new();
    for v in &item.variants {
        if v.profiles.is_empty() {
            out.push(format!("{at}: a variant names no profile"));
        }
        for p in &v.profiles {
            if !seen.insert(*p) {
                out.push(format!("{at}: two variants for {}", p.as_str()));
            }
        }
        if let Some(t) = &v.text {
            text_problems(out, &at, "variant text", t);
        }
    }
    let all = item
        .sources
        .iter()
        .chain(item.variants.iter().flat_map(|v| &v.sources));
    for s in all {
        if c.source(&s.key).is_none() {
            out.push(format!("{at}: unknown source {}", s.key));
        }
    }
    for p in ProfileId::ALL {
        if item.for_profile(p).sources.is_empty() {
            out.push(format!("{at}: no source backs it for {}", p.as_str()));
        }
    }
}

fn text_problems(out: &mut Vec<String>, at: &str, field: &str, t: &Text) {
    if t.zh.trim().is_empty() || t.en.trim().is_empty() {
        out.push(format!("{at}: the {field} must be in both languages"));
    }
}
