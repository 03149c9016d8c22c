//! Parsing the content bundle in steps: the bundle's outline is read once
//! (where each file's text is: nothing is built),
//! then every file is typed — one file (or one picture) per
//! [`Parsing::step`], then [`Bank::step`] — so the app can give the browser
//! back its main thread between files (a long task blocks taps) while the
//! CLI and the tests parse at once ([`super::Curriculum::parse`], which runs
//! the same steps).
//!
//! The lessons (with their sources and pictures) and the question bank
//! (questions, exam blueprints, skills checklists) are typed apart: the
//! app's first page needs only the lessons, so its main module types those
//! ([`Parsing::finish_lessons`]) and keeps the [`Bank`] as text; the pages
//! that ask questions, loaded on demand, type it (issue 16: the code that
//! types the bank is then not in the first load).

use std::collections::{BTreeMap, VecDeque};

use serde::Deserialize;
use serde_json::Value;

use super::outline::members;
use super::{blueprint, checklist, glossary, lesson_file_name, Curriculum};
use super::{Lesson, Question, Scenario, Source};

/// The bundle's outline: each file's text, borrowed from the bundle.
/// Building every file's JSON value at once, as the bundle was read, was
/// the longest task of the app's start (30 to 47 ms with the CPU slowed
/// four times, for the 700 KB bundle, most of it pictures and questions the
/// first page does not read); finding the files' text only scans it
/// ([`super::outline`]). Each file is then read into a value and typed from
/// the value in a step of its own (typing a file straight from its text,
/// with serde's code for each content type read from text, made the main
/// wasm module 12 KiB brotli bigger).
struct Outline<'a> {
    sources: &'a str,
    lessons: Vec<(String, &'a str)>,
    questions: Vec<(String, &'a str)>,
    blueprints: Vec<(String, &'a str)>,
    checklists: Vec<(String, &'a str)>,
    illustrations: Vec<(String, &'a str)>,
    glossary: Option<&'a str>,
}

impl<'a> Outline<'a> {
    /// The outline of `bundle`, or why it is not a bundle: an object with
    /// the sources, and the lessons, questions and pictures by file (exam
    /// blueprints, checklists and the glossary may be left out); no other
    /// member, none twice.
    fn read(bundle: &'a str) -> Result<Outline<'a>, String> {
        let mut sources = None;
        let (mut lessons, mut questions, mut illustrations) = (None, None, None);
        let (mut blueprints, mut checklists, mut glossary) = (None, None, None);
        for (key, text) in members(bundle).map_err(|e| e.to_string())? {
            // Where in the bundle (the member's offset in it, plus where in
            // the member).
            let offset = text.as_ptr() as usize - bundle.as_ptr() as usize;
            let by_file = || by_name(text, offset).map_err(|e| format!("{key}: {e}"));
            match key.as_str() {
                "sources" => once(&mut sources, text, &key)?,
                "glossary" => once(&mut glossary, text, &key)?,
                "lessons" => once(&mut lessons, by_file()?, &key)?,
                "questions" => once(&mut questions, by_file()?, &key)?,
                "blueprints" => once(&mut blueprints, by_file()?, &key)?,
                "checklists" => once(&mut checklists, by_file()?, &key)?,
                "illustrations" => once(&mut illustrations, by_file()?, &key)?,
                _ => return Err(format!("unknown field `{key}`")),
            }
        }
        let missing = |name: &str| format!("missing field `{name}`");
        Ok(Outline {
            sources: sources.ok_or_else(|| missing("sources"))?,
            lessons: lessons.ok_or_else(|| missing("lessons"))?,
            questions: questions.ok_or_else(|| missing("questions"))?,
            illustrations: illustrations.ok_or_else(|| missing("illustrations"))?,
            blueprints: blueprints.unwrap_or_default(),
            checklists: checklists.unwrap_or_default(),
            glossary: glossary.filter(|g| g.trim() != "null"),
        })
    }
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

/// The members of a map of files by name, in the order of their names
/// (whatever order they were written in: the order of the question files
/// is the order of the bank, which draws exams), or why not.
/// `offset`: where `text` starts in the bundle, for the problem's place.
fn by_name(text: &str, offset: usize) -> Result<Vec<(String, &str)>, String> {
    let mut files = members(text).map_err(|mut e| {
        e.at += offset;
        e.to_string()
    })?;
    files.sort_by(|a, b| a.0.cmp(&b.0));
    match files.windows(2).find(|w| w[0].0 == w[1].0) {
        Some(w) => Err(format!("`{}` twice", w[0].0)),
        None => Ok(files),
    }
}

/// Fills `slot` with a member's `value`, or says the member came twice.
fn once<T>(slot: &mut Option<T>, value: T, key: &str) -> Result<(), String> {
    match slot.replace(value) {
        None => Ok(()),
        Some(_) => Err(format!("duplicate field `{key}`")),
    }
}

/// One file of the lessons still to type, as its text in the bundle.
enum Part<'a> {
    Sources(&'a str),
    Lesson(String, &'a str),
    /// A picture (SVG markup as a JSON string), by its name.
    Picture(String, &'a str),
}

/// One file of the question bank still to type, as its text (a copy: the
/// bank outlives the bundle's text).
enum BankPart {
    Questions(String, Box<str>),
    Blueprint(String, Box<str>),
    Checklist(String, Box<str>),
}

/// The question bank, blueprints and checklists of a bundle, as text, not
/// yet typed: [`Bank::step`] types a file into a curriculum,
/// [`Bank::finish`] the files left.
pub struct Bank {
    left: VecDeque<BankPart>,
    problems: Vec<String>,
}

/// A file's text, read into a JSON value and typed from it.
fn typed<T: serde::de::DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_str::<Value>(text).and_then(serde_json::from_value)
}

/// A bundle being parsed: what is typed so far, what is left (borrowed
/// from the bundle's text), and every problem found (with the name of its
/// file).
pub struct Parsing<'a> {
    left: VecDeque<Part<'a>>,
    bank: Bank,
    problems: Vec<String>,
    done: Curriculum,
    /// The glossary's text, untyped until [`Parsing::finish_with_glossary`].
    glossary: Option<&'a str>,
}

impl<'a> Parsing<'a> {
    /// Reads the bundle's outline (each file's text is only found: a file
    /// that is not JSON is a problem of its step). An error when the bundle
    /// is not an object of files.
    pub fn new(bundle: &'a str) -> Result<Parsing<'a>, Vec<String>> {
        let raw = Outline::read(bundle).map_err(|e| vec![format!("bundle: {e}")])?;
        let mut left = VecDeque::new();
        left.push_back(Part::Sources(raw.sources));
        left.extend(raw.lessons.into_iter().map(|(f, v)| Part::Lesson(f, v)));
        left.extend(
            raw.illustrations
                .into_iter()
                .map(|(name, v)| Part::Picture(name, v)),
        );
        // The bank outlives the bundle's text: its files' text is copied.
        let mut bank = VecDeque::new();
        for (file, text) in raw.questions {
            bank.push_back(BankPart::Questions(file, text.into()));
        }
        for (file, text) in raw.blueprints {
            bank.push_back(BankPart::Blueprint(file, text.into()));
        }
        for (file, text) in raw.checklists {
            bank.push_back(BankPart::Checklist(file, text.into()));
        }
        Ok(Parsing {
            left,
            bank: Bank {
                left: bank,
                problems: Vec::new(),
            },
            problems: Vec::new(),
            done: Curriculum {
                sources: Vec::new(),
                lessons: Vec::new(),
                questions: Vec::new(),
                scenarios: Vec::new(),
                blueprints: Vec::new(),
                checklists: Vec::new(),
                illustrations: BTreeMap::new(),
                glossary: glossary::Glossary::default(),
            },
            glossary: raw.glossary,
        })
    }

    /// Types the next file of the lessons (sources, then lessons, then the
    /// pictures one by one); false when none was left.
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
            Part::Picture(name, v) => match serde_json::from_str::<String>(v) {
                Ok(svg) => {
                    c.illustrations.insert(name, svg);
                }
                Err(e) => problems.push(format!("illustrations/{name}: {e}")),
            },
        }
        true
    }

    /// The curriculum with its glossary ([`Parsing::finish`] and the
    /// glossary typed), or every problem found: what the validator and the
    /// CLI read.
    pub fn finish_with_glossary(mut self) -> Result<Curriculum, Vec<String>> {
        let typed_glossary = match self.glossary.take() {
            None => Ok(glossary::Glossary::default()),
            Some(text) => {
                typed::<glossary::Glossary>(text).map_err(|e| format!("glossary.toml: {e}"))
            }
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
            BankPart::Questions(file, v) => match typed::<QuestionFile>(&v) {
                Ok(f) => {
                    c.questions.extend(f.questions);
                    c.scenarios.extend(f.scenarios);
                }
                Err(e) => problems.push(format!("{file}: {e}")),
            },
            BankPart::Blueprint(file, v) => match typed::<blueprint::Blueprint>(&v) {
                Ok(b) => c.blueprints.push(b),
                Err(e) => problems.push(format!("{file}: {e}")),
            },
            BankPart::Checklist(file, v) => match typed::<checklist::Checklist>(&v) {
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
