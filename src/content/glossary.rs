//! One term per idea (`content/glossary.toml`): for each idea the lessons,
//! the questions and the emergency coach name, the one term a learner
//! meets in each language, the words for the same idea they must not meet
//! instead, and the clinical term, which only a lesson's subtitle shows.
//!
//! The validator ([`super::validate`]) rejects an avoided word in any
//! learner-facing field of the curriculum ([`super::plain`]); a native test
//! does the same for the coach's lines (`locales/*.json`, `coach.*`).
//!
//! Matching: an avoided word inside an occurrence of a term (胸部 in
//! 胸部冲击, 喘息 in 濒死喘息) is not a finding; a term inside an avoided
//! word (按压 in 胸外按压) does not excuse it. Chinese words match anywhere; English
//! words match case-insensitively as whole words, with an optional plural
//! `s` (`compression` also finds `compressions`, but not `decompression`).

use serde::{Deserialize, Serialize};

use super::model::Text;
use crate::settings::Lang;

/// Words per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default)]
    pub zh: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

impl Words {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::ZhCn => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// One idea and its one term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable, kebab-case.
    pub id: String,
    /// What the idea is, for authors and reviewers.
    pub idea: String,
    /// The term a learner meets.
    pub term: Text,
    /// Words for the same idea that no learner-facing text may use.
    #[serde(default)]
    pub avoid: Words,
    /// The clinical term: only a lesson title's subtitle shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical: Option<Text>,
}

/// The glossary file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default)]
    pub terms: Vec<Term>,
}

/// An avoided word found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misuse<'a> {
    pub term: &'a Term,
    /// The avoided word as the glossary spells it.
    pub word: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Where `word` occurs in `text` as a whole English word (optionally with a
/// plural `s`), case-insensitively: byte ranges into `text`.
fn find_en(text: &str, word: &str) -> Vec<(usize, usize)> {
    let hay = text.to_lowercase();
    let needle = word.to_lowercase();
    // Lower-casing keeps byte offsets for the ASCII the English texts use;
    // where it would not, give up rather than misreport.
    if hay.len() != text.len() || needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(&needle) {
        let start = from + i;
        let mut end = start + needle.len();
        let before = hay[..start].chars().next_back();
        if hay[end..].starts_with('s') && !hay[end + 1..].starts_with(is_word_char) {
            end += 1;
        }
        let after = hay[end..].chars().next();
        if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
            out.push((start, end));
        }
        from = start + needle.len().max(1);
    }
    out
}

fn find(lang: Lang, text: &str, word: &str) -> Vec<(usize, usize)> {
    match lang {
        Lang::ZhCn => text
            .match_indices(word)
            .map(|(i, w)| (i, i + w.len()))
            .collect(),
        Lang::En => find_en(text, word),
    }
}

impl Glossary {
    /// The avoided words `text` (in `lang`) uses: every occurrence that is
    /// not inside an occurrence of a term.
    pub fn misuses(&self, lang: Lang, text: &str) -> Vec<Misuse<'_>> {
        let terms: Vec<(usize, usize)> = self
            .terms
            .iter()
            .flat_map(|t| find(lang, text, t.term.get(lang)))
            .collect();
        let mut out = Vec::new();
        for t in &self.terms {
            for w in t.avoid.get(lang) {
                let outside = find(lang, text, w)
                    .into_iter()
                    .any(|(a, b)| !terms.iter().any(|&(ta, tb)| ta <= a && b <= tb));
                if outside {
                    out.push(Misuse { term: t, word: w });
                }
            }
        }
        out
    }

    /// The entry whose term a title uses and whose clinical term is
    /// `subtitle`, in both languages.
    pub fn subtitle_of(&self, title: &Text, subtitle: &Text) -> Option<&Term> {
        self.terms.iter().find(|t| {
            t.clinical.as_ref() == Some(subtitle)
                && [Lang::ZhCn, Lang::En]
                    .into_iter()
                    .all(|l| !find(l, title.get(l), t.term.get(l)).is_empty())
        })
    }

    /// Problems with the glossary itself: ids, empty words, an avoided word
    /// that is some entry's term, the same avoided word twice.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut ids = std::collections::BTreeSet::new();
        let mut avoided = std::collections::BTreeSet::new();
        for t in &self.terms {
            let at = format!("glossary term {}", t.id);
            if !ids.insert(t.id.as_str()) {
                out.push(format!("{at}: id used twice"));
            }
            for l in [Lang::ZhCn, Lang::En] {
                if t.term.get(l).trim().is_empty() {
                    out.push(format!("{at}: empty term"));
                }
                for w in t.avoid.get(l) {
                    if w.trim().is_empty() {
                        out.push(format!("{at}: empty avoided word"));
                    }
                    if self.terms.iter().any(|o| o.term.get(l) == w) {
                        out.push(format!("{at}: avoids {w:?}, which is a term"));
                    }
                    if !avoided.insert((l.tag(), w.as_str())) {
                        out.push(format!("{at}: {w:?} is avoided twice"));
                    }
                }
            }
        }
        out
    }
}
