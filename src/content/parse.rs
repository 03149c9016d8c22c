//! Parsing the content bundle in steps: the bundle is read once into a
//! JSON value per file, then every file is typed — one file per
//! [`Parsing::step`] (then [`Bank::step`]), so the app can give the
//! browser back its main thread between files (a long task blocks taps)
//! while the CLI and the tests parse at once
//! ([`super::Curriculum::parse`], which runs the same steps).
//!
//! The lessons (with their sources and pictures) and the question bank
//! (questions, exam blueprints, skills checklists) are typed apart: the
//! app's first page needs only the lessons, so its main module types those
//! ([`Parsing::finish_lessons`]) and keeps the [`Bank`] untyped; the pages
//! that ask questions, loaded on demand, type it (issue 16: the code that
//! types the bank is then not in the first load).

use std::collections::{BTreeMap, VecDeque};

use serde::Deserialize;
use serde_json::Value;

use super::{blueprint, checklist, glossary, lesson_file_name, Curriculum};
use super::{Lesson, Question, Scenario, Source};

/// The bundle with each file's JSON as a value (typing a file from its
/// text instead, with `RawValue`, made the main wasm module 12 KiB brotli
/// bigger: serde's code for each content type read from text).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBundle {
    sources: Value,
    lessons: BTreeMap<String, Value>,
    questions: BTreeMap<String, Value>,
    #[serde(default)]
    blueprints: BTreeMap<String, Value>,
    #[serde(default)]
    checklists: BTreeMap<String, Value>,
    illustrations: BTreeMap<String, String>,
    #[serde(default)]
    glossary: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    #[serde(default)]
    questions: Vec<Question>,
    #[serde(default)]
    scenarios: Vec<Scenario>,
}

/// One file of the lessons still to type.
enum Part {
    Sources(Value),
    Lesson(String, Value),
}

/// One file of the question bank still to type.
enum BankPart {
    Questions(String, Value),
    Blueprint(String, Value),
    Checklist(String, Value),
}

/// The question bank, blueprints and checklists of a bundle, read but not
/// yet typed: [`Bank::step`] types a file into a curriculum,
/// [`Bank::finish`] the files left.
pub struct Bank {
    left: VecDeque<BankPart>,
    problems: Vec<String>,
}

/// A file's JSON, typed.
fn typed<T: serde::de::DeserializeOwned>(v: Value) -> serde_json::Result<T> {
    serde_json::from_value(v)
}

/// A bundle being parsed: what is typed so far, what is left, and every
/// problem found (with the name of its file).
pub struct Parsing<'a> {
    left: VecDeque<Part>,
    bank: Bank,
    text: std::marker::PhantomData<&'a str>,
    problems: Vec<String>,
    done: Curriculum,
    /// The glossary, untyped until [`Parsing::finish_with_glossary`].
    glossary: Value,
}

impl<'a> Parsing<'a> {
    /// Reads the bundle's outline (each file's text is only checked to be
    /// JSON). An error when the bundle is not JSON or not a bundle.
    pub fn new(bundle: &'a str) -> Result<Parsing<'a>, Vec<String>> {
        let raw: RawBundle =
            serde_json::from_str(bundle).map_err(|e| vec![format!("bundle: {e}")])?;
        let mut left = VecDeque::new();
        left.push_back(Part::Sources(raw.sources));
        left.extend(raw.lessons.into_iter().map(|(f, v)| Part::Lesson(f, v)));
        let mut bank = VecDeque::new();
        bank.extend(
            raw.questions
                .into_iter()
                .map(|(f, v)| BankPart::Questions(f, v)),
        );
        bank.extend(
            raw.blueprints
                .into_iter()
                .map(|(f, v)| BankPart::Blueprint(f, v)),
        );
        bank.extend(
            raw.checklists
                .into_iter()
                .map(|(f, v)| BankPart::Checklist(f, v)),
        );
        Ok(Parsing {
            left,
            bank: Bank {
                left: bank,
                problems: Vec::new(),
            },
            text: std::marker::PhantomData,
            problems: Vec::new(),
            done: Curriculum {
                sources: Vec::new(),
                lessons: Vec::new(),
                questions: Vec::new(),
                scenarios: Vec::new(),
                blueprints: Vec::new(),
                checklists: Vec::new(),
                illustrations: raw.illustrations,
                glossary: glossary::Glossary::default(),
            },
            glossary: raw.glossary,
        })
    }

    /// Types the next file of the lessons (sources, then lessons); false
    /// when none was left.
    pub fn step(&mut self) -> bool {
        let Some(part) = self.left.pop_front() else {
            return false;
        };
        let (c, problems) = (&mut self.done, &mut self.problems);
        match part {
            Part::Sources(v) => match typed::<SourcesFile>(v) {
                Ok(f) => c.sources = f.sources,
                Err(e) => problems.push(format!("sources.toml: {e}")),
            },
            Part::Lesson(file, v) => match typed::<Lesson>(v) {
                Ok(l) => {
                    let want = lesson_file_name(&l);
                    if file != want {
                        problems.push(format!(
                            "{file}: lesson {} with order {} must be in {want}",
                            l.id, l.order
                        ));
                    }
                    c.lessons.push(l)
                }
                Err(e) => problems.push(format!("{file}: {e}")),
            },
        }
        true
    }

    /// The curriculum with its glossary ([`Parsing::finish`] and the
    /// glossary typed), or every problem found: what the validator and the
    /// CLI read.
    pub fn finish_with_glossary(mut self) -> Result<Curriculum, Vec<String>> {
        let glossary = std::mem::take(&mut self.glossary);
        let typed_glossary = if glossary.is_null() {
            Ok(glossary::Glossary::default())
        } else {
            typed::<glossary::Glossary>(glossary).map_err(|e| format!("glossary.toml: {e}"))
        };
        match (self.finish(), typed_glossary) {
            (Ok(mut c), Ok(g)) => {
                c.glossary = g;
                Ok(c)
            }
            (Ok(_), Err(e)) => Err(vec![e]),
            (Err(problems), Ok(_)) => Err(problems),
            (Err(mut problems), Err(e)) => {
                problems.push(e);
                Err(problems)
            }
        }
    }

    /// The curriculum, once every file is typed (the files left are typed
    /// now), or every problem found. The glossary is left out (empty): only
    /// the validator reads it, and the app would otherwise carry the code
    /// that types it in its first load.
    pub fn finish(self) -> Result<Curriculum, Vec<String>> {
        let (mut c, bank, mut problems) = self.lessons_typed();
        if let Err(more) = bank.finish(&mut c) {
            problems.extend(more);
        }
        if problems.is_empty() {
            Ok(c)
        } else {
            Err(problems)
        }
    }

    /// The lessons, once their files are typed (the files left are typed
    /// now), with the question bank, blueprints and checklists still
    /// untyped ([`Bank`]; the curriculum's are empty until it is typed into
    /// it), or every problem found in the lessons: what the app's first
    /// page needs. The glossary is left out, as by [`Parsing::finish`].
    pub fn finish_lessons(self) -> Result<(Curriculum, Bank), Vec<String>> {
        let (c, bank, problems) = self.lessons_typed();
        if problems.is_empty() {
            Ok((c, bank))
        } else {
            Err(problems)
        }
    }

    fn lessons_typed(mut self) -> (Curriculum, Bank, Vec<String>) {
        while self.step() {}
        let mut c = self.done;
        c.lessons.sort_by_key(|l| l.order);
        (c, self.bank, self.problems)
    }
}

impl Bank {
    /// Types the next file (question files, then blueprints, then
    /// checklists) into `c`; false when none was left.
    pub fn step(&mut self, c: &mut Curriculum) -> bool {
        let Some(part) = self.left.pop_front() else {
            return false;
        };
        let problems = &mut self.problems;
        match part {
            BankPart::Questions(file, v) => match typed::<QuestionFile>(v) {
                Ok(f) => {
                    c.questions.extend(f.questions);
                    c.scenarios.extend(f.scenarios);
                }
                Err(e) => problems.push(format!("{file}: {e}")),
            },
            BankPart::Blueprint(file, v) => match typed::<blueprint::Blueprint>(v) {
                Ok(b) => c.blueprints.push(b),
                Err(e) => problems.push(format!("{file}: {e}")),
            },
            BankPart::Checklist(file, v) => match typed::<checklist::Checklist>(v) {
                Ok(l) => c.checklists.push(l),
                Err(e) => problems.push(format!("{file}: {e}")),
            },
        }
        true
    }

    /// Types the files left into `c` (whose question bank, blueprints and
    /// checklists are then whole, checklists in `order`), or every problem
    /// found in the bank.
    pub fn finish(mut self, c: &mut Curriculum) -> Result<(), Vec<String>> {
        while self.step(c) {}
        c.checklists.sort_by_key(|l| l.order);
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(self.problems)
        }
    }
}
