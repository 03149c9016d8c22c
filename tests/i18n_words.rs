//! One word per idea in the app's own words too (guideline reference §9):
//! every translation a learner reads keeps the glossary's terms
//! (`content/glossary.toml`), as the lessons do — "push", not
//! "compression"; 按压, not 胸外按压. The instructor's screens (the
//! instructor area, the verifier and its reasons, the practical exam and
//! its session) may use the clinical words.

mod common;

use common::locales::load;
use firstaid::content::Curriculum;
use firstaid::settings::Lang;

/// Sections of the translations only instructors read.
const INSTRUCTORS: &[&str] = &["instructor", "verifier", "reason", "practical", "session"];

/// `text` without its placeholders (`{{ name }}`, `{name}`, `%name%`):
/// their names are code, not words a learner reads. A `%` that opens no
/// `%name%` (a percent sign) stays.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '%']) {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let skip = if rest[i..].starts_with('{') {
            after.find('}').map(|j| j + 1)
        } else {
            let name = after
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .unwrap_or(after.len());
            (name > 0 && after[name..].starts_with('%')).then_some(name + 1)
        };
        match skip {
            Some(j) => rest = after[j..].trim_start_matches('}'),
            None => {
                out.push_str(&rest[i..i + 1]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn placeholders_are_not_words() {
    assert_eq!(
        without_placeholders("Score {{ score }}, {{ n }} pushes"),
        "Score ,  pushes"
    );
    assert_eq!(without_placeholders("Call {number} now"), "Call  now");
    assert_eq!(
        without_placeholders("rate %w_rate%%, depth"),
        "rate %, depth"
    );
    assert_eq!(without_placeholders("100 % sure"), "100 % sure");
}

#[test]
fn what_a_learner_reads_keeps_the_glossary() {
    let c = Curriculum::embedded().unwrap();
    let mut found = Vec::new();
    for (file, lang) in [("en", Lang::En), ("zh-CN", Lang::ZhCn)] {
        for (key, text) in load(file) {
            let section = key.split('.').next().unwrap_or_default();
            if INSTRUCTORS.contains(&section) {
                continue;
            }
            for m in c.glossary.misuses(lang, &without_placeholders(&text)) {
                found.push(format!(
                    "{file} {key}: uses {:?}; the glossary's term is {:?}",
                    m.word,
                    m.term.term.get(lang)
                ));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
