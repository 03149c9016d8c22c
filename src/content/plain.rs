//! Plain words (guideline reference §9): which fields of the curriculum a
//! learner reads, and the rules every one of them keeps.
//!
//! - **Instruction only.** The sentence a learner reads (and hears read
//!   aloud) says what to do. Which guideline a step follows, what the
//!   others say, and that an instructor must still check it belong in the
//!   layer the learner opens on purpose ("Why? Sources": `differs`,
//!   sources, `review`), never in a learner-facing field: [`attributions`]
//!   finds guideline and source names and review wording.
//! - **One term per idea** ([`super::glossary`]): no learner-facing field
//!   uses a word the glossary avoids.
//! - **Short sentences**: measured by [`super::lint`] over the same fields.
//!
//! Learner-facing: lesson titles, subtitles and summaries; every wording of
//! every step a profile sees; scenarios, question prompts, options,
//! explanations and hotspot labels, and the descriptions of the pictures
//! (`alt`, which a screen reader reads out). Lesson objectives are for
//! instructors and reviewers (the app does not show them): the lint
//! measures them, the attribution rule leaves them alone. Picture
//! descriptions keep every rule but the sentence lengths (they describe a
//! picture, a little longer). Exam titles name the guideline an exam is
//! for and are not checked.

use super::call;
use super::glossary::Glossary;
use super::model::Text;
use super::Curriculum;
use crate::profile::ProfileId;
use crate::settings::Lang;

/// What a learner-facing text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Subtitle,
    Summary,
    /// Shown to instructors and reviewers only.
    Objective,
    Step,
    Scenario,
    Prompt,
    Option,
    Explanation,
    /// A hotspot region's accessible name.
    Region,
    /// A picture's description (`alt`).
    Alt,
}

impl Field {
    /// Part of a question (or its scenario), not of a lesson.
    pub fn in_question(self) -> bool {
        matches!(
            self,
            Field::Scenario | Field::Prompt | Field::Option | Field::Explanation | Field::Region
        )
    }

    /// Shown to a learner in the app.
    pub fn learner_facing(self) -> bool {
        self != Field::Objective
    }

    /// Where the app shows [`call::CALL`] as the number to call: a step,
    /// a scenario and a question's prompt, options and explanation.
    pub fn fills_call(self) -> bool {
        matches!(
            self,
            Field::Step | Field::Scenario | Field::Prompt | Field::Option | Field::Explanation
        )
    }

    /// Measured by the sentence-length lint ([`super::lint`]): everything
    /// but a picture's description.
    pub fn measured(self) -> bool {
        self != Field::Alt
    }
}

/// One text of the curriculum, with where it is.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// e.g. `adult-cpr/breaths [rcsc]`, `adult-cpr title`, `question aed.x option b`.
    pub at: String,
    pub field: Field,
    pub text: &'a Text,
}

/// Every text the plain-words rules look at, lessons first.
pub fn items(c: &Curriculum) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    let mut push = |at: String, field, text| out.push(Item { at, field, text });
    for l in &c.lessons {
        push(format!("{} title", l.id), Field::Title, &l.title);
        if let Some(s) = &l.subtitle {
            push(format!("{} subtitle", l.id), Field::Subtitle, s);
        }
        push(format!("{} summary", l.id), Field::Summary, &l.summary);
        for o in &l.objectives {
            push(format!("objective {}", o.id), Field::Objective, &o.text);
        }
        for s in &l.steps {
            let covered: Vec<ProfileId> =
                s.variants.iter().flat_map(|v| v.profiles.clone()).collect();
            let rest: Vec<&str> = ProfileId::ALL
                .iter()
                .filter(|p| !covered.contains(p))
                .map(|p| p.as_str())
                .collect();
            if !rest.is_empty() {
                push(
                    format!("{}/{} [{}]", l.id, s.id, rest.join(",")),
                    Field::Step,
                    &s.text,
                );
            }
            if let Some(alt) = &s.alt {
                push(format!("{}/{} alt", l.id, s.id), Field::Alt, alt);
            }
            for v in &s.variants {
                let ps: Vec<&str> = v.profiles.iter().map(|p| p.as_str()).collect();
                push(
                    format!("{}/{} [{}]", l.id, s.id, ps.join(",")),
                    Field::Step,
                    &v.text,
                );
                if let Some(alt) = &v.alt {
                    push(
                        format!("{}/{} [{}] alt", l.id, s.id, ps.join(",")),
                        Field::Alt,
                        alt,
                    );
                }
            }
        }
    }
    for s in &c.scenarios {
        push(format!("scenario {}", s.id), Field::Scenario, &s.text);
    }
    for q in &c.questions {
        let at = format!("question {}", q.id);
        push(format!("{at} prompt"), Field::Prompt, &q.prompt);
        for o in &q.options {
            push(format!("{at} option {}", o.id), Field::Option, &o.text);
        }
        for r in &q.regions {
            push(format!("{at} region {}", r.id), Field::Region, &r.label);
        }
        push(
            format!("{at} explanation"),
            Field::Explanation,
            &q.explanation,
        );
    }
    out
}

/// Names of guidelines and their bodies (matched as whole words, case as
/// written): a learner-facing text never says which guideline it follows.
pub const GUIDELINE_NAMES: &[&str] = &["AHA", "ERC", "RCSC", "IFRC", "ILCOR", "RCUK"];

/// Words (matched case-insensitively, anywhere) that name a guideline or
/// its body, a source, or the review of the content: in Chinese and in
/// English, since either language's text may quote the other's names.
pub const ATTRIBUTION_WORDS: &[&str] = &[
    // Guidelines and their bodies.
    "指南",
    "红十字",
    "心脏协会",
    "复苏委员会",
    "guideline",
    "red cross",
    "heart association",
    "resuscitation council",
    // The reference table and the review of the content.
    "对照表",
    "核实",
    "审核",
    "救护师资",
    "reference table",
    "verified",
    "verify",
    "instructor must",
    "not yet checked",
];

fn whole_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    let wordy = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    !wordy(before) && !wordy(after)
}

fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(i, w)| whole_word_at(text, i, w.len()))
}

/// The attribution and review wording in `text`: guideline names, the
/// words of [`ATTRIBUTION_WORDS`], and the keys of `sources` (`A1`, `C4`…,
/// as whole words; one-letter keys are left out).
pub fn attributions(text: &str, sources: &[&str]) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out: Vec<String> = Vec::new();
    for n in GUIDELINE_NAMES {
        if has_word(text, n) {
            out.push((*n).to_owned());
        }
    }
    for w in ATTRIBUTION_WORDS {
        if lower.contains(w) {
            out.push((*w).to_owned());
        }
    }
    for k in sources.iter().filter(|k| k.len() > 1) {
        if has_word(text, k) {
            out.push(format!("source key {k}"));
        }
    }
    out
}

/// The plain-words problems of one text in both languages: attributions
/// (when `attribution` is set) and avoided words.
pub fn text_problems(
    at: &str,
    text: &Text,
    attribution: bool,
    glossary: &Glossary,
    sources: &[&str],
) -> Vec<String> {
    let mut out = Vec::new();
    for lang in [Lang::ZhCn, Lang::En] {
        let t = text.get(lang);
        let key = match lang {
            Lang::ZhCn => "zh",
            Lang::En => "en",
        };
        if attribution {
            let found = attributions(t, sources);
            if !found.is_empty() {
                out.push(format!(
                    "{at} ({key}): names a guideline, a source or the review ({}); \
                     move it to `differs`, `review` or the sources",
                    found.join(", ")
                ));
            }
        }
        for m in glossary.misuses(lang, t) {
            out.push(format!(
                "{at} ({key}): uses {:?}; the glossary's term for {} is {:?}",
                m.word,
                m.term.id,
                m.term.term.get(lang)
            ));
        }
    }
    out
}

/// Every plain-words problem of the curriculum: the glossary itself, each
/// subtitle (a glossary entry's clinical term for a term its title uses),
/// attributions in learner-facing fields, avoided words in any.
pub fn problems(c: &Curriculum) -> Vec<String> {
    let mut out = c.glossary.problems();
    let keys: Vec<&str> = c.sources.iter().map(|s| s.key.as_str()).collect();
    for l in &c.lessons {
        if let Some(s) = &l.subtitle {
            if c.glossary.subtitle_of(&l.title, s).is_none() {
                out.push(format!(
                    "lesson {}: its subtitle must be the clinical term of a glossary \
                     entry whose term its title uses",
                    l.id
                ));
            }
        }
    }
    for item in items(c) {
        out.extend(call_problems(&item));
        // A subtitle is where the clinical term belongs.
        if item.field == Field::Subtitle {
            continue;
        }
        out.extend(text_problems(
            &item.at,
            item.text,
            item.field.learner_facing(),
            &c.glossary,
            &keys,
        ));
    }
    out
}

/// A number to call written in a learner-facing text (it says
/// [`call::CALL`], which the app fills with the number where the learner
/// is), and braces that are not [`call::CALL`] (a misspelt placeholder
/// would be shown as written).
fn call_problems(item: &Item<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let teaches_numbers = item
        .at
        .starts_with(&format!("question {}", call::NUMBER_QUESTIONS));
    for lang in [Lang::ZhCn, Lang::En] {
        let t = item.text.get(lang);
        let key = match lang {
            Lang::ZhCn => "zh",
            Lang::En => "en",
        };
        let numbers = call::numbers_in(t);
        if item.field.learner_facing() && !teaches_numbers && !numbers.is_empty() {
            out.push(format!(
                "{} ({key}): writes the emergency number {}; write {} instead, which \
                 the app fills with the number where the learner is",
                item.at,
                numbers.join(", "),
                call::CALL
            ));
        }
        if t.contains(call::CALL) && !item.field.fills_call() {
            out.push(format!(
                "{} ({key}): says {} where the app does not fill it in (a step, a \
                 scenario and a question's prompt, options and explanation do)",
                item.at,
                call::CALL
            ));
        }
        if t.replace(call::CALL, "").contains(['{', '}']) {
            out.push(format!(
                "{} ({key}): has braces that are not {}",
                item.at,
                call::CALL
            ));
        }
    }
    out
}
