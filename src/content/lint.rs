//! Plain words: how long the sentences a learner reads are
//! (`firstaid content --lint`).
//!
//! The guideline reference's "plain words" rule asks for about 25 Chinese
//! characters or 15 English words a sentence at most. This module measures
//! every sentence of the texts [`super::plain::items`] lists, in two parts
//! — the lessons (titles, subtitles, summaries, objectives and every
//! profile's wording of every step) and the questions (scenarios, prompts,
//! options, explanations, hotspot labels) — and reports, per language and
//! part, how many are over that soft limit and which are over the hard
//! limit (40 characters, 25 words). A native test keeps the hard limit at
//! zero everywhere and each part's soft-limit count at or below its budget
//! ([`SOFT_BUDGET_ZH`], [`SOFT_BUDGET_EN`], [`SOFT_BUDGET_QUESTIONS_ZH`],
//! [`SOFT_BUDGET_QUESTIONS_EN`]), the counts measured after the last
//! plain-words rewrite, so the text can only get plainer.
//!
//! What is not measured: the instructor layer (`differs`, `review`,
//! sources) and illustration descriptions (`alt`).
//!
//! Counting: a Chinese sentence ends at `。`, `！` or `？` (closing quotes
//! and brackets stay with it); its length is its letters and digits
//! ([`char::is_alphanumeric`]: every Han character, every Latin letter and
//! digit), not punctuation or spaces. An English sentence ends at `.`, `!`
//! or `?` (closing quotes and brackets stay with it) followed by a space or
//! the end; its length is its words, runs of non-space characters with at
//! least one letter or digit. A semicolon does not end a sentence.

use std::fmt::Write as _;

use super::plain::{items, Field};
use super::Curriculum;
use crate::settings::Lang;

/// About 25 Chinese characters a sentence at most (guideline reference, §9).
pub const SOFT_ZH: usize = 25;
/// About 15 English words a sentence at most (guideline reference, §9).
pub const SOFT_EN: usize = 15;
/// No sentence may be longer than this many Chinese characters.
pub const HARD_ZH: usize = 40;
/// No sentence may be longer than this many English words.
pub const HARD_EN: usize = 25;
/// The most Chinese sentences of the lessons over the soft limit the
/// test allows: the count measured after the last plain-words rewrite (111
/// before the first, 29 before the second; the five left are objectives,
/// which only instructors read, and one step's emergency numbers).
pub const SOFT_BUDGET_ZH: usize = 5;
/// The most English sentences of the lessons over the soft limit the test
/// allows (138 before the first rewrite, 35 before the second; the five
/// left are objectives).
pub const SOFT_BUDGET_EN: usize = 5;
/// The most Chinese sentences of the questions over the soft limit the
/// test allows (77 before their rewrite).
pub const SOFT_BUDGET_QUESTIONS_ZH: usize = 0;
/// The most English sentences of the questions over the soft limit the
/// test allows (92 before their rewrite).
pub const SOFT_BUDGET_QUESTIONS_EN: usize = 0;

/// The two parts measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Titles, subtitles, summaries, objectives, steps.
    Lessons,
    /// Scenarios, prompts, options, explanations, hotspot labels.
    Questions,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Lessons => "lessons",
            Part::Questions => "questions",
        }
    }
}

/// One learner-facing sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is, e.g. `adult-cpr/breaths [rcsc]` or `adult-cpr summary`.
    pub at: String,
    pub text: String,
    /// Characters (Chinese) or words (English).
    pub length: usize,
}

/// The findings for one language and part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangReport {
    pub lang: Lang,
    pub part: Part,
    /// Sentences measured.
    pub sentences: usize,
    /// Sentences over the soft limit (those over the hard limit included).
    pub over_soft: usize,
    /// Every sentence over the hard limit.
    pub over_hard: Vec<Sentence>,
}

impl LangReport {
    pub fn soft_limit(&self) -> usize {
        soft_limit(self.lang)
    }

    pub fn hard_limit(&self) -> usize {
        hard_limit(self.lang)
    }

    /// The most sentences over the soft limit the test allows.
    pub fn budget(&self) -> usize {
        match (self.lang, self.part) {
            (Lang::ZhCn, Part::Lessons) => SOFT_BUDGET_ZH,
            (Lang::En, Part::Lessons) => SOFT_BUDGET_EN,
            (Lang::ZhCn, Part::Questions) => SOFT_BUDGET_QUESTIONS_ZH,
            (Lang::En, Part::Questions) => SOFT_BUDGET_QUESTIONS_EN,
        }
    }
}

/// The findings: Chinese lessons, Chinese questions, English lessons,
/// English questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub parts: Vec<LangReport>,
}

impl Report {
    pub fn get(&self, lang: Lang, part: Part) -> &LangReport {
        self.parts
            .iter()
            .find(|r| r.lang == lang && r.part == part)
            .expect("every language and part is measured")
    }
}

pub fn soft_limit(lang: Lang) -> usize {
    match lang {
        Lang::ZhCn => SOFT_ZH,
        Lang::En => SOFT_EN,
    }
}

pub fn hard_limit(lang: Lang) -> usize {
    match lang {
        Lang::ZhCn => HARD_ZH,
        Lang::En => HARD_EN,
    }
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | '）' | '」' | '』' | ']')
}

/// The sentences of a text in `lang` (trimmed, empty ones left out).
pub fn sentences(lang: Lang, text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        let ends = match lang {
            Lang::ZhCn => matches!(c, '。' | '！' | '？'),
            Lang::En => matches!(c, '.' | '!' | '?'),
        };
        if ends {
            let mut j = i + 1;
            while j < chars.len() && closes(chars[j].1) {
                j += 1;
            }
            let boundary = match lang {
                Lang::ZhCn => true,
                Lang::En => j == chars.len() || chars[j].1.is_whitespace(),
            };
            if boundary {
                let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
                out.push(&text[start..end]);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.push(&text[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The length of a sentence: letters and digits (Chinese), words (English).
pub fn length(lang: Lang, sentence: &str) -> usize {
    match lang {
        Lang::ZhCn => sentence.chars().filter(|c| c.is_alphanumeric()).count(),
        Lang::En => sentence
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count(),
    }
}

fn report(c: &Curriculum, lang: Lang, part: Part) -> LangReport {
    let mut r = LangReport {
        lang,
        part,
        sentences: 0,
        over_soft: 0,
        over_hard: Vec::new(),
    };
    let in_part = |f: Field| f.in_question() == (part == Part::Questions);
    for item in items(c)
        .into_iter()
        .filter(|i| i.field.measured() && in_part(i.field))
    {
        // Measured as read: `{call}` is a three-digit number.
        let text = super::call::fill(item.text.get(lang), "120");
        for s in sentences(lang, &text) {
            let n = length(lang, s);
            r.sentences += 1;
            if n > soft_limit(lang) {
                r.over_soft += 1;
            }
            if n > hard_limit(lang) {
                r.over_hard.push(Sentence {
                    at: item.at.clone(),
                    text: s.to_owned(),
                    length: n,
                });
            }
        }
    }
    r
}

/// Measures every learner-facing sentence of the lessons and questions.
pub fn lint(c: &Curriculum) -> Report {
    let mut parts = Vec::new();
    for lang in [Lang::ZhCn, Lang::En] {
        for part in [Part::Lessons, Part::Questions] {
            parts.push(report(c, lang, part));
        }
    }
    Report { parts }
}

/// The report as the CLI prints it.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    for lr in &r.parts {
        let (name, unit) = match lr.lang {
            Lang::ZhCn => ("zh", "characters"),
            Lang::En => ("en", "words"),
        };
        let _ = writeln!(
            out,
            "{name} {}: {} sentences; {} over {} {unit} (soft limit, budget {}); {} over {} {unit} (hard limit)",
            lr.part.name(),
            lr.sentences,
            lr.over_soft,
            lr.soft_limit(),
            lr.budget(),
            lr.over_hard.len(),
            lr.hard_limit(),
        );
        for s in &lr.over_hard {
            let _ = writeln!(out, "  {} ({} {unit}): {}", s.at, s.length, s.text);
        }
    }
    out
}
