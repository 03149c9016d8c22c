//! Plain words: how long the sentences a learner reads are
//! (`firstaid content --lint`).
//!
//! The guideline reference's "plain words" rule asks for about 25 Chinese
//! characters or 15 English words a sentence at most. This module measures
//! every learner-facing sentence of the lessons — titles, summaries,
//! objectives and every profile's wording of every step — and reports, per
//! language, how many are over that soft limit and which are over the hard
//! limit (40 characters, 25 words). A native test keeps the hard limit at
//! zero and the soft-limit count at or below [`SOFT_BUDGET_ZH`] and
//! [`SOFT_BUDGET_EN`], the counts measured after the plain-words rewrite, so
//! the text can only get plainer.
//!
//! What is not measured: the instructor layer (`differs`, `review`,
//! sources), illustration descriptions (`alt`), and the question bank.
//!
//! Counting: a Chinese sentence ends at `。`, `！` or `？` (closing quotes
//! and brackets stay with it); its length is its letters and digits
//! ([`char::is_alphanumeric`]: every Han character, every Latin letter and
//! digit), not punctuation or spaces. An English sentence ends at `.`, `!`
//! or `?` (closing quotes and brackets stay with it) followed by a space or
//! the end; its length is its words, runs of non-space characters with at
//! least one letter or digit.

use std::fmt::Write as _;

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
/// The most Chinese sentences over the soft limit the test allows: the
/// count measured after the plain-words rewrite (111 before it).
pub const SOFT_BUDGET_ZH: usize = 29;
/// The most English sentences over the soft limit the test allows: the
/// count measured after the plain-words rewrite (138 before it).
pub const SOFT_BUDGET_EN: usize = 35;

/// One learner-facing sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is, e.g. `adult-cpr/breaths [rcsc]` or `adult-cpr summary`.
    pub at: String,
    pub text: String,
    /// Characters (Chinese) or words (English).
    pub length: usize,
}

/// The findings for one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangReport {
    pub lang: Lang,
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
}

/// The findings for both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub zh: LangReport,
    pub en: LangReport,
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

/// Every learner-facing text of the lessons, with where it is.
fn texts(c: &Curriculum) -> Vec<(String, &super::Text)> {
    let mut out = Vec::new();
    for l in &c.lessons {
        out.push((format!("{} title", l.id), &l.title));
        out.push((format!("{} summary", l.id), &l.summary));
        for o in &l.objectives {
            out.push((format!("objective {}", o.id), &o.text));
        }
        for s in &l.steps {
            let covered: Vec<&str> = s
                .variants
                .iter()
                .flat_map(|v| v.profiles.iter().map(|p| p.as_str()))
                .collect();
            let rest: Vec<&str> = crate::profile::ProfileId::ALL
                .iter()
                .map(|p| p.as_str())
                .filter(|p| !covered.contains(p))
                .collect();
            if !rest.is_empty() {
                out.push((format!("{}/{} [{}]", l.id, s.id, rest.join(",")), &s.text));
            }
            for v in &s.variants {
                let ps: Vec<&str> = v.profiles.iter().map(|p| p.as_str()).collect();
                out.push((format!("{}/{} [{}]", l.id, s.id, ps.join(",")), &v.text));
            }
        }
    }
    out
}

fn report(c: &Curriculum, lang: Lang) -> LangReport {
    let mut r = LangReport {
        lang,
        sentences: 0,
        over_soft: 0,
        over_hard: Vec::new(),
    };
    for (at, t) in texts(c) {
        for s in sentences(lang, t.get(lang)) {
            let n = length(lang, s);
            r.sentences += 1;
            if n > soft_limit(lang) {
                r.over_soft += 1;
            }
            if n > hard_limit(lang) {
                r.over_hard.push(Sentence {
                    at: at.clone(),
                    text: s.to_owned(),
                    length: n,
                });
            }
        }
    }
    r
}

/// Measures every learner-facing sentence of the lessons.
pub fn lint(c: &Curriculum) -> Report {
    Report {
        zh: report(c, Lang::ZhCn),
        en: report(c, Lang::En),
    }
}

/// The report as the CLI prints it.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    for (name, unit, budget, lr) in [
        ("zh", "characters", SOFT_BUDGET_ZH, &r.zh),
        ("en", "words", SOFT_BUDGET_EN, &r.en),
    ] {
        let _ = writeln!(
            out,
            "{name}: {} sentences; {} over {} {unit} (soft limit, budget {budget}); {} over {} {unit} (hard limit)",
            lr.sentences,
            lr.over_soft,
            lr.soft_limit(),
            lr.over_hard.len(),
            lr.hard_limit(),
        );
        for s in &lr.over_hard {
            let _ = writeln!(out, "  {} ({} {unit}): {}", s.at, s.length, s.text);
        }
    }
    out
}
