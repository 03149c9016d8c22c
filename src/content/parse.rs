//! Parsing the content bundle in steps: the bundle is read once with each
//! file's JSON left as text ([`RawValue`], borrowed), then every file is
//! typed straight from its text — one file per [`Parsing::step`], so the
//! app can give the browser back its main thread between files (a long
//! task blocks taps) while the CLI and the tests parse at once
//! ([`super::Curriculum::parse`], which runs the same steps).

use std::collections::{BTreeMap, VecDeque};

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{blueprint, checklist, glossary, lesson_file_name, Curriculum};
use super::{Lesson, Question, Scenario, Source};

/// The bundle with each file's JSON left as text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBundle<'a> {
    #[serde(borrow)]
    sources: &'a RawValue,
    #[serde(borrow)]
    lessons: BTreeMap<String, &'a RawValue>,
    #[serde(borrow)]
    questions: BTreeMap<String, &'a RawValue>,
    #[serde(default, borrow)]
    blueprints: BTreeMap<String, &'a RawValue>,
    #[serde(default, borrow)]
    checklists: BTreeMap<String, &'a RawValue>,
    #[serde(borrow)]
    illustrations: BTreeMap<String, &'a RawValue>,
    #[serde(default, borrow)]
    glossary: Option<&'a RawValue>,
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

/// One file of the bundle still to type.
enum Part<'a> {
    Sources(&'a RawValue),
    Lesson(String, &'a RawValue),
    Questions(String, &'a RawValue),
    Glossary(&'a RawValue),
    Blueprint(String, &'a RawValue),
    Checklist(String, &'a RawValue),
    Illustration(String, &'a RawValue),
}

/// A file's JSON, typed.
fn typed<'a, T: Deserialize<'a>>(raw: &'a RawValue) -> serde_json::Result<T> {
    serde_json::from_str(raw.get())
}

/// A bundle being parsed: what is typed so far, what is left, and every
/// problem found (with the name of its file).
pub struct Parsing<'a> {
    left: VecDeque<Part<'a>>,
    problems: Vec<String>,
    done: Curriculum,
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
        left.extend(
            raw.questions
                .into_iter()
                .map(|(f, v)| Part::Questions(f, v)),
        );
        left.extend(raw.glossary.map(Part::Glossary));
        left.extend(
            raw.blueprints
                .into_iter()
                .map(|(f, v)| Part::Blueprint(f, v)),
        );
        left.extend(
            raw.checklists
                .into_iter()
                .map(|(f, v)| Part::Checklist(f, v)),
        );
        left.extend(
            raw.illustrations
                .into_iter()
                .map(|(f, v)| Part::Illustration(f, v)),
        );
        Ok(Parsing {
            left,
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
        })
    }

    /// Types the next file; false when none was left.
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
            Part::Questions(file, v) => match typed::<QuestionFile>(v) {
                Ok(f) => {
                    c.questions.extend(f.questions);
                    c.scenarios.extend(f.scenarios);
                }
                Err(e) => problems.push(format!("{file}: {e}")),
            },
            Part::Glossary(v) => match typed::<Option<glossary::Glossary>>(v) {
                Ok(g) => c.glossary = g.unwrap_or_default(),
                Err(e) => problems.push(format!("glossary.toml: {e}")),
            },
            Part::Blueprint(file, v) => match typed::<blueprint::Blueprint>(v) {
                Ok(b) => c.blueprints.push(b),
                Err(e) => problems.push(format!("{file}: {e}")),
            },
            Part::Checklist(file, v) => match typed::<checklist::Checklist>(v) {
                Ok(l) => c.checklists.push(l),
                Err(e) => problems.push(format!("{file}: {e}")),
            },
            Part::Illustration(name, v) => match typed::<String>(v) {
                Ok(svg) => {
                    c.illustrations.insert(name, svg);
                }
                Err(e) => problems.push(format!("illustrations/{name}: {e}")),
            },
        }
        true
    }

    /// The curriculum, once every file is typed (the files left are typed
    /// now), or every problem found.
    pub fn finish(mut self) -> Result<Curriculum, Vec<String>> {
        while self.step() {}
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let mut c = self.done;
        c.lessons.sort_by_key(|l| l.order);
        c.checklists.sort_by_key(|l| l.order);
        Ok(c)
    }
}
