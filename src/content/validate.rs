//! Everything about the curriculum the types cannot check, reported all at
//! once: each problem is one line naming the item.

use std::collections::{BTreeMap, BTreeSet};

use super::model::*;
use super::Curriculum;
use crate::profile::ProfileId;

/// Minimum size of the exam bank (questions, each in both languages).
pub const MIN_BANK: usize = 60;

/// The words of a question's English `review` that hold it out of exams
/// until an instructor has checked it (with `exam_hold = true`).
pub const EXAM_HOLD_PHRASE: &str = "before it is used in an exam";

/// The technique a picture of people declares (`data-technique` on its
/// `<svg>`, written by the figure library, `src/figures`).
pub fn technique_of(svg: &str) -> Option<&str> {
    let head = &svg[..svg.find('>')?];
    let at = head.find(" data-technique=\"")? + " data-technique=\"".len();
    let len = head[at..].find('"')?;
    Some(&head[at..at + len])
}

/// Checks everything about the curriculum that `content` alone can; an
/// empty list means it is valid as content. The full check, with every
/// shipped blueprint drawn, is [`crate::quiz::validate_curriculum`].
pub fn validate(c: &Curriculum) -> Vec<String> {
    let mut v = Validator {
        problems: Vec::new(),
    };
    v.sources(c);
    v.lessons(c);
    v.questions(c);
    v.illustrations(c);
    v.blueprints(c);
    v.problems.extend(super::checklist::problems(c));
    v.problems.extend(super::plain::problems(c));
    v.problems
}

struct Validator {
    problems: Vec<String>,
}

pub(super) fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty()
                && !part.starts_with('-')
                && !part.ends_with('-')
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

impl Validator {
    /// Blueprint ids unique, titled, at least one per profile. (That each
    /// can be drawn needs the exam algorithm, which sits above `content`:
    /// [`crate::quiz::validate_curriculum`] adds that check.)
    fn blueprints(&mut self, c: &Curriculum) {
        self.unique("blueprint", c.blueprints.iter().map(|b| b.id.as_str()));
        for b in &c.blueprints {
            if b.title.is_none() {
                self.problem(format!("blueprint {}: has no title", b.id));
            }
            if let Some(t) = &b.title {
                self.text(&format!("blueprint {}", b.id), "title", t);
            }
        }
        for p in ProfileId::ALL {
            if !c.blueprints.iter().any(|b| b.profile == p) {
                self.problem(format!("no exam blueprint for profile {}", p.as_str()));
            }
        }
    }

    fn problem(&mut self, what: impl std::fmt::Display) {
        self.problems.push(what.to_string());
    }

    fn text(&mut self, at: &str, field: &str, t: &Text) {
        if t.zh.trim().is_empty() {
            self.problem(format!("{at}: {field}.zh is empty"));
        }
        if t.en.trim().is_empty() {
            self.problem(format!("{at}: {field}.en is empty"));
        }
    }

    fn unique<'a>(&mut self, what: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !is_kebab(id) {
                self.problem(format!("{what} id {id:?} is not kebab-case"));
            }
            if !seen.insert(id) {
                self.problem(format!("{what} id {id:?} is used twice"));
            }
        }
    }

    fn refs(&mut self, at: &str, c: &Curriculum, refs: &[SourceRef]) {
        for r in refs {
            if c.source(&r.key).is_none() {
                self.problem(format!("{at}: cites unknown source {:?}", r.key));
            }
        }
    }

    fn sources(&mut self, c: &Curriculum) {
        let mut seen = BTreeSet::new();
        for s in &c.sources {
            if !seen.insert(&s.key) {
                self.problem(format!("source {:?} is listed twice", s.key));
            }
            if !["rcsc", "aha", "erc", "ilcor", "other"].contains(&s.profile.as_str()) {
                self.problem(format!(
                    "source {:?}: unknown profile {:?}",
                    s.key, s.profile
                ));
            }
            // The address is a link a learner taps: one web address, no
            // notes beside it (a source with no address of its own has none).
            let web = s.url.starts_with("https://") || s.url.starts_with("http://");
            if !s.url.is_empty() && (!web || s.url.contains(char::is_whitespace)) {
                self.problem(format!(
                    "source {:?}: the address {:?} is not one web address",
                    s.key, s.url
                ));
            }
        }
    }

    fn lessons(&mut self, c: &Curriculum) {
        self.unique("lesson", c.lessons.iter().map(|l| l.id.as_str()));
        let orders: Vec<u32> = c.lessons.iter().map(|l| l.order).collect();
        let want: Vec<u32> = (1..=c.lessons.len() as u32).collect();
        if orders != want {
            self.problem(format!("lesson orders are {orders:?}, expected {want:?}"));
        }
        for g in Group::ALL {
            if !c.lessons.iter().any(|l| l.group == g) {
                self.problem(format!("no lesson in group {}", g.as_str()));
            }
        }
        // The learn page lists the lessons group after group: read that
        // way, they must still be in suggested order.
        let grouped: Vec<u32> = Group::ALL
            .into_iter()
            .flat_map(|g| c.lessons_in(g).map(|l| l.order))
            .collect();
        if grouped != orders {
            self.problem(format!(
                "lessons read group by group are in order {grouped:?}, not {orders:?}: \
                 a group's lessons must follow each other"
            ));
        }
        self.unique(
            "objective",
            c.lessons
                .iter()
                .flat_map(|l| l.objectives.iter().map(|o| o.id.as_str())),
        );
        for l in &c.lessons {
            let at = format!("lesson {}", l.id);
            self.text(&at, "title", &l.title);
            self.text(&at, "summary", &l.summary);
            if l.minutes == 0 {
                self.problem(format!("{at}: minutes is 0"));
            }
            if l.steps.is_empty() {
                self.problem(format!("{at}: has no steps"));
            }
            for o in &l.objectives {
                if !o.id.starts_with(&format!("{}.", l.id)) {
                    self.problem(format!(
                        "{at}: objective {} must start with \"{}.\"",
                        o.id, l.id
                    ));
                }
                self.text(&format!("{at} objective {}", o.id), "text", &o.text);
            }
            self.unique(&format!("{at} step"), l.steps.iter().map(|s| s.id.as_str()));
            for s in &l.steps {
                self.step(c, l, s);
            }
            for o in &l.objectives {
                if !l.steps.iter().any(|s| s.objective == o.id) {
                    self.problem(format!("{at}: objective {} has no step", o.id));
                }
            }
        }
    }

    fn step(&mut self, c: &Curriculum, l: &Lesson, s: &Step) {
        let at = format!("lesson {} step {}", l.id, s.id);
        self.text(&at, "text", &s.text);
        if !l.objectives.iter().any(|o| o.id == s.objective) {
            self.problem(format!("{at}: unknown objective {}", s.objective));
        }
        self.refs(&at, c, &s.sources);
        for (field, t) in [("differs", &s.differs), ("review", &s.review)] {
            if let Some(t) = t {
                self.text(&at, field, t);
            }
        }
        self.picture(c, &at, &s.illustration, &s.alt);
        for p in ProfileId::ALL {
            let r = s.for_profile(p);
            let drawn = r
                .illustration
                .and_then(|i| c.illustrations.get(i))
                .and_then(|svg| technique_of(svg));
            match (drawn, r.shows) {
                (Some(d), Some(t)) if d != t => self.problem(format!(
                    "{at}: the {} picture shows {d:?} but the wording teaches {t:?}",
                    p.as_str()
                )),
                (Some(d), None) => self.problem(format!(
                    "{at}: the {} picture shows {d:?}; say what the wording teaches (`shows`)",
                    p.as_str()
                )),
                (None, Some(t)) => self.problem(format!(
                    "{at}: the {} wording teaches {t:?} but no picture shows it",
                    p.as_str()
                )),
                _ => {}
            }
        }
        let pictured = ProfileId::ALL.iter().all(|p| {
            let r = s.for_profile(*p);
            r.alt.is_some()
                && r.illustration
                    .and_then(|i| c.illustrations.get(i))
                    .and_then(|svg| technique_of(svg))
                    .is_some()
        });
        // Every technique step shows people doing it, for every profile.
        if s.technique && !pictured {
            self.problem(format!(
                "{at}: a technique step needs a picture of people (one with a \
                 data-technique) and alt text for every profile"
            ));
        }
        let mut covered = BTreeSet::new();
        for (i, var) in s.variants.iter().enumerate() {
            let vat = format!("{at} variant {}", i + 1);
            self.text(&vat, "text", &var.text);
            if let Some(r) = &var.review {
                self.text(&vat, "review", r);
            }
            self.refs(&vat, c, &var.sources);
            self.picture(c, &vat, &var.illustration, &var.alt);
            if var.profiles.is_empty() {
                self.problem(format!("{vat}: names no profile"));
            }
            for p in &var.profiles {
                if !covered.insert(*p) {
                    self.problem(format!("{at}: profile {} has two variants", p.as_str()));
                }
            }
        }
        for p in ProfileId::ALL {
            if s.for_profile(p).sources.is_empty() {
                self.problem(format!("{at}: no source backs the {} wording", p.as_str()));
            }
        }
    }

    /// An illustration and its alt text come together, and it exists.
    fn picture(&mut self, c: &Curriculum, at: &str, img: &Option<String>, alt: &Option<Text>) {
        match (img, alt) {
            (Some(name), Some(alt)) => {
                self.text(at, "alt", alt);
                if !c.illustrations.contains_key(name) {
                    self.problem(format!("{at}: illustration {name:?} does not exist"));
                }
            }
            (Some(_), None) => self.problem(format!("{at}: illustration without alt text")),
            (None, Some(_)) => self.problem(format!("{at}: alt text without an illustration")),
            (None, None) => {}
        }
    }

    fn questions(&mut self, c: &Curriculum) {
        self.unique("question", c.questions.iter().map(|q| q.id.as_str()));
        self.unique("scenario", c.scenarios.iter().map(|s| s.id.as_str()));
        if c.questions.len() < MIN_BANK {
            self.problem(format!(
                "the bank has {} questions, at least {MIN_BANK} are needed",
                c.questions.len()
            ));
        }
        for t in QuestionType::ALL {
            if !c.questions.iter().any(|q| q.kind == t) {
                self.problem(format!("no question of type {t:?}"));
            }
        }
        for s in &c.scenarios {
            self.text(&format!("scenario {}", s.id), "text", &s.text);
            if c.lesson(&s.lesson).is_none() {
                self.problem(format!("scenario {}: unknown lesson {}", s.id, s.lesson));
            }
        }
        for q in &c.questions {
            self.question(c, q);
        }
        for l in &c.lessons {
            let checks: Vec<&Question> = c
                .questions
                .iter()
                .filter(|q| q.lesson == l.id && q.check)
                .collect();
            for p in ProfileId::ALL {
                let n = checks.iter().filter(|q| q.profiles.contains(&p)).count();
                if !(2..=4).contains(&n) {
                    self.problem(format!(
                        "lesson {}: {n} knowledge-check questions for {}, expected 2 to 4",
                        l.id,
                        p.as_str()
                    ));
                }
            }
            for o in &l.objectives {
                if !c.questions.iter().any(|q| q.objective == o.id) {
                    self.problem(format!("objective {}: no question covers it", o.id));
                }
            }
        }
    }

    fn question(&mut self, c: &Curriculum, q: &Question) {
        let at = format!("question {}", q.id);
        self.text(&at, "prompt", &q.prompt);
        self.text(&at, "explanation", &q.explanation);
        if let Some(r) = &q.review {
            self.text(&at, "review", r);
        }
        // A review that asks for a check before exam use holds the question
        // out of exams, and only such a review does.
        let asks_hold = q
            .review
            .as_ref()
            .is_some_and(|r| r.en.contains(EXAM_HOLD_PHRASE));
        if asks_hold && !q.exam_hold {
            self.problem(format!(
                "{at}: its review says {EXAM_HOLD_PHRASE:?}, so it needs exam_hold = true"
            ));
        }
        if q.exam_hold && !asks_hold {
            self.problem(format!(
                "{at}: exam_hold needs a review that says {EXAM_HOLD_PHRASE:?}"
            ));
        }
        if q.sources.is_empty() {
            self.problem(format!("{at}: has no source"));
        }
        self.refs(&at, c, &q.sources);
        match c.lesson(&q.lesson) {
            None => self.problem(format!("{at}: unknown lesson {}", q.lesson)),
            Some(l) => {
                if !l.objectives.iter().any(|o| o.id == q.objective) {
                    self.problem(format!(
                        "{at}: objective {} is not one of lesson {}",
                        q.objective, l.id
                    ));
                }
                if !q.id.starts_with(&format!("{}.", l.id)) {
                    self.problem(format!("{at}: id must start with \"{}.\"", l.id));
                }
            }
        }
        if q.profiles.is_empty() {
            self.problem(format!("{at}: applies to no profile"));
        }
        if let Some(s) = &q.scenario {
            if !c.scenarios.iter().any(|x| &x.id == s) {
                self.problem(format!("{at}: unknown scenario {s}"));
            }
        }
        let mut option_ids = BTreeSet::new();
        for o in &q.options {
            self.text(&format!("{at} option {}", o.id), "text", &o.text);
            if !option_ids.insert(&o.id) {
                self.problem(format!("{at}: option {} is listed twice", o.id));
            }
        }
        let correct = q.options.iter().filter(|o| o.correct == Some(true)).count();
        let marked = q.options.iter().filter(|o| o.correct.is_some()).count();
        let only = |v: &mut Self, ok: bool, what: &str| {
            if !ok {
                v.problem(format!("{at}: {:?} {what}", q.kind));
            }
        };
        let no_hotspot = q.image.is_none() && q.regions.is_empty();
        match q.kind {
            QuestionType::Single => {
                only(self, q.options.len() >= 2, "needs at least 2 options");
                only(self, correct == 1, "needs exactly one correct option");
                only(self, q.answer.is_none() && no_hotspot, "takes only options");
            }
            QuestionType::Multiple => {
                only(self, q.options.len() >= 3, "needs at least 3 options");
                only(self, correct >= 1, "needs at least one correct option");
                only(self, q.answer.is_none() && no_hotspot, "takes only options");
            }
            QuestionType::Order => {
                only(
                    self,
                    q.options.len() >= 3,
                    "needs at least 3 steps to order",
                );
                only(
                    self,
                    marked == 0,
                    "options are listed in order and carry no `correct`",
                );
                only(self, q.answer.is_none() && no_hotspot, "takes only options");
            }
            QuestionType::TrueFalse => {
                only(self, q.answer.is_some(), "needs `answer`");
                only(
                    self,
                    q.options.is_empty() && no_hotspot,
                    "takes only `answer`",
                );
            }
            QuestionType::Hotspot => {
                only(
                    self,
                    q.options.is_empty() && q.answer.is_none(),
                    "takes only `image` and `regions`",
                );
                only(self, q.regions.len() >= 2, "needs at least 2 regions");
                only(
                    self,
                    q.regions.iter().any(|r| r.correct),
                    "needs a correct region",
                );
                let mut ids = BTreeSet::new();
                for r in &q.regions {
                    self.text(&format!("{at} region {}", r.id), "label", &r.label);
                    if !ids.insert(&r.id) {
                        self.problem(format!("{at}: region {} is listed twice", r.id));
                    }
                }
                match q.image.as_ref().map(|i| (i, c.illustrations.get(i))) {
                    None => self.problem(format!("{at}: hotspot without `image`")),
                    Some((name, None)) => {
                        self.problem(format!("{at}: image {name:?} does not exist"))
                    }
                    Some((name, Some(svg))) => {
                        for r in &q.regions {
                            if !svg.contains(&format!("id=\"{}\"", r.id)) {
                                self.problem(format!(
                                    "{at}: region {} is not a shape in {name}.svg",
                                    r.id
                                ));
                            }
                        }
                    }
                }
            }
        }
    }

    fn illustrations(&mut self, c: &Curriculum) {
        let mut used: BTreeMap<&str, usize> =
            c.illustrations.keys().map(|k| (k.as_str(), 0)).collect();
        for l in &c.lessons {
            for s in &l.steps {
                let own = s.variants.iter().map(|v| v.illustration.as_deref());
                for name in own.chain([s.illustration.as_deref()]).flatten() {
                    if let Some(n) = used.get_mut(name) {
                        *n += 1;
                    }
                }
            }
        }
        for q in &c.questions {
            if let Some(n) = q.image.as_deref().and_then(|n| used.get_mut(n)) {
                *n += 1;
            }
        }
        for (name, svg) in &c.illustrations {
            let at = format!("illustration {name}.svg");
            if used.get(name.as_str()) == Some(&0) {
                self.problem(format!("{at}: is not used"));
            }
            let lower = svg.to_ascii_lowercase();
            if !lower.contains("<svg") || !lower.contains("viewbox=") {
                self.problem(format!("{at}: needs an <svg> with a viewBox"));
            }
            for (bad, why) in [
                ("style=", "style attributes are blocked by the CSP"),
                ("<style", "<style> is blocked by the CSP"),
                ("<script", "no scripts"),
                ("href=\"http", "no external references"),
                ("url(http", "no external references"),
                ("<image", "no embedded images"),
            ] {
                if lower.contains(bad) {
                    self.problem(format!("{at}: {why}"));
                }
            }
            let head = &lower[..lower.find('>').unwrap_or(lower.len())];
            if head.contains(" width=") || head.contains(" height=") {
                self.problem(format!(
                    "{at}: no width or height on <svg> (it scales with the text)"
                ));
            }
        }
    }
}
