//! The curriculum export for medical review (`firstaid content`): a separate,
//! versioned wire format, never the internal model serialized as is.
//!
//! JSON (`format: "firstaid-curriculum"`, `version: 1`):
//!
//! ```text
//! { "format", "version", "content_version", "languages": ["zh", "en"],
//!   "profiles": [ {
//!     "profile": "aha", "emergency_number": "911",
//!     "lessons": [ { "id", "group", "order", "minutes", "title", "subtitle"?, "summary",
//!       "objectives": [ { "id", "text" } ],
//!       "steps": [ { "id", "objective", "text", "profile_specific",
//!         "sources": [ { "key", "title", "url", "section"? } ],
//!         "illustration"?, "alt"?, "shows"?, "differs"?, "review"?, "technique"? } ] } ],
//!     "questions": [ { "id", "lesson", "objective", "check", "type",
//!       "prompt", "explanation", "sources", "review"?, "exam_hold"?, "scenario"?,
//!       "options"?: [ { "id", "text", "correct"? } ], "answer"?,
//!       "image"?, "regions"?: [ { "id", "label", "correct" } ] } ],
//!     "checklists": [ { "id", "order", "title", "lessons",
//!       "items": [ { "id", "text", "sources", "evidence"?, "review"? } ] } ] } ] }
//! ```
//!
//! Every text is an object keyed by language (`zh`, `en`) holding the
//! languages asked for. Steps are resolved for each profile (its variant or
//! the default wording); `review` is present exactly where an instructor
//! must check the wording. `technique: true` marks a step that shows what to
//! do with your hands on a person; `exam_hold: true` a question no exam
//! draws until its review is cleared. `checklists` are the practical exam's
//! skills checklists, their items resolved for the profile like steps
//! (added in version 1 without a version step: a reader that does not know
//! them can ignore them). Fields marked `?` are omitted when empty (or
//! false).

use serde_json::{json, Map, Value};

use super::model::*;
use super::{Curriculum, CONTENT_VERSION};
use crate::profile::ProfileId;
use crate::settings::Lang;

/// Format name and version of the JSON export.
pub const FORMAT: &str = "firstaid-curriculum";
pub const VERSION: u32 = 1;

/// What to export.
#[derive(Debug, Clone)]
pub struct Selection {
    pub langs: Vec<Lang>,
    pub profiles: Vec<ProfileId>,
}

fn lang_key(l: Lang) -> &'static str {
    match l {
        Lang::ZhCn => "zh",
        Lang::En => "en",
    }
}

fn text(t: &Text, sel: &Selection) -> Value {
    let mut m = Map::new();
    for l in &sel.langs {
        m.insert(lang_key(*l).into(), Value::String(t.get(*l).to_owned()));
    }
    Value::Object(m)
}

fn put(m: &mut Map<String, Value>, k: &str, v: Option<Value>) {
    if let Some(v) = v {
        m.insert(k.into(), v);
    }
}

fn sources(c: &Curriculum, refs: &[&SourceRef]) -> Value {
    Value::Array(
        refs.iter()
            .map(|r| {
                let s = c.source(&r.key);
                let mut m = Map::new();
                m.insert("key".into(), json!(r.key));
                m.insert(
                    "title".into(),
                    json!(s.map(|s| s.title.as_str()).unwrap_or("")),
                );
                m.insert("url".into(), json!(s.map(|s| s.url.as_str()).unwrap_or("")));
                put(&mut m, "section", r.section.as_ref().map(|x| json!(x)));
                put(&mut m, "note", r.note.as_ref().map(|x| json!(x)));
                Value::Object(m)
            })
            .collect(),
    )
}

fn type_name(t: QuestionType) -> Value {
    serde_json::to_value(t).expect("enum serializes")
}

/// The JSON export.
pub fn to_json(c: &Curriculum, sel: &Selection) -> Value {
    let profiles: Vec<Value> = sel
        .profiles
        .iter()
        .map(|&p| {
            let lessons: Vec<Value> = c
                .lessons
                .iter()
                .map(|l| {
                    let steps: Vec<Value> = l
                        .steps
                        .iter()
                        .map(|s| {
                            let r = s.for_profile(p);
                            let mut m = Map::new();
                            m.insert("id".into(), json!(s.id));
                            m.insert("objective".into(), json!(s.objective));
                            m.insert("text".into(), text(r.text, sel));
                            m.insert("profile_specific".into(), json!(r.is_variant));
                            m.insert("sources".into(), sources(c, &r.sources));
                            put(&mut m, "illustration", r.illustration.map(|x| json!(x)));
                            put(&mut m, "alt", r.alt.map(|t| text(t, sel)));
                            put(&mut m, "shows", r.shows.map(|x| json!(x)));
                            put(&mut m, "differs", s.differs.as_ref().map(|t| text(t, sel)));
                            put(&mut m, "review", r.review.map(|t| text(t, sel)));
                            put(&mut m, "technique", s.technique.then_some(json!(true)));
                            Value::Object(m)
                        })
                        .collect();
                    let mut lesson = json!({
                        "id": l.id, "group": l.group.as_str(), "order": l.order, "minutes": l.minutes,
                        "title": text(&l.title, sel), "summary": text(&l.summary, sel),
                        "objectives": l.objectives.iter().map(|o| json!({"id": o.id, "text": text(&o.text, sel)})).collect::<Vec<_>>(),
                        "steps": steps,
                    });
                    if let (Some(sub), Some(m)) = (&l.subtitle, lesson.as_object_mut()) {
                        m.insert("subtitle".into(), text(sub, sel));
                    }
                    lesson
                })
                .collect();
            let questions: Vec<Value> = c
                .questions
                .iter()
                .filter(|q| q.profiles.contains(&p))
                .map(|q| {
                    let mut m = Map::new();
                    m.insert("id".into(), json!(q.id));
                    m.insert("lesson".into(), json!(q.lesson));
                    m.insert("objective".into(), json!(q.objective));
                    m.insert("check".into(), json!(q.check));
                    m.insert("type".into(), type_name(q.kind));
                    m.insert("prompt".into(), text(&q.prompt, sel));
                    m.insert("explanation".into(), text(&q.explanation, sel));
                    m.insert("sources".into(), sources(c, &q.sources.iter().collect::<Vec<_>>()));
                    put(&mut m, "review", q.review.as_ref().map(|t| text(t, sel)));
                    put(&mut m, "exam_hold", q.exam_hold.then_some(json!(true)));
                    put(&mut m, "scenario", q.scenario.as_ref().map(|x| json!(x)));
                    if !q.options.is_empty() {
                        let opts: Vec<Value> = q
                            .options
                            .iter()
                            .map(|o| {
                                let mut om = Map::new();
                                om.insert("id".into(), json!(o.id));
                                om.insert("text".into(), text(&o.text, sel));
                                put(&mut om, "correct", o.correct.map(|b| json!(b)));
                                Value::Object(om)
                            })
                            .collect();
                        m.insert("options".into(), Value::Array(opts));
                    }
                    put(&mut m, "answer", q.answer.map(|b| json!(b)));
                    put(&mut m, "image", q.image.as_ref().map(|x| json!(x)));
                    if !q.regions.is_empty() {
                        let regions: Vec<Value> = q
                            .regions
                            .iter()
                            .map(|r| json!({"id": r.id, "label": text(&r.label, sel), "correct": r.correct}))
                            .collect();
                        m.insert("regions".into(), Value::Array(regions));
                    }
                    Value::Object(m)
                })
                .collect();
            let checklists: Vec<Value> = c
                .checklists
                .iter()
                .map(|l| {
                    let items: Vec<Value> = l
                        .items
                        .iter()
                        .map(|i| {
                            let r = i.for_profile(p);
                            let mut m = Map::new();
                            m.insert("id".into(), json!(i.id));
                            m.insert("text".into(), text(r.text, sel));
                            m.insert("sources".into(), sources(c, &r.sources));
                            put(&mut m, "evidence", i.evidence.map(|e| json!(e)));
                            put(&mut m, "review", r.review.map(|t| text(t, sel)));
                            Value::Object(m)
                        })
                        .collect();
                    json!({
                        "id": l.id,
                        "order": l.order,
                        "title": text(&l.title, sel),
                        "lessons": l.lessons,
                        "items": items,
                    })
                })
                .collect();
            json!({
                "profile": p.as_str(),
                "emergency_number": p.profile().emergency_number,
                "lessons": lessons,
                "questions": questions,
                "checklists": checklists,
            })
        })
        .collect();
    json!({
        "format": FORMAT,
        "version": VERSION,
        "content_version": CONTENT_VERSION,
        "languages": sel.langs.iter().map(|l| lang_key(*l)).collect::<Vec<_>>(),
        "profiles": profiles,
    })
}

/// The Markdown export: one document a qualified instructor can review.
pub fn to_markdown(c: &Curriculum, sel: &Selection) -> String {
    use std::fmt::Write as _;
    let mut md = String::new();
    let t = |t: &Text| -> String {
        sel.langs
            .iter()
            .map(|l| t.get(*l).to_owned())
            .collect::<Vec<_>>()
            .join(" / ")
    };
    let cite = |refs: &[&SourceRef]| -> String {
        refs.iter()
            .map(|r| match &r.section {
                Some(s) => format!("[{}: {s}]", r.key),
                None => format!("[{}]", r.key),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(
        md,
        "# First Aid Hero curriculum\n\nContent version `{CONTENT_VERSION}`.\n\n\
         Where a text says `{}`, the app shows the emergency number where the \
         learner is, the number its call buttons dial: in the profile's own \
         country, the number in the profile's heading.\n",
        super::call::CALL
    );
    for &p in &sel.profiles {
        let _ = writeln!(
            md,
            "## Profile `{}` — emergency number {}\n",
            p.as_str(),
            p.profile().emergency_number
        );
        for l in &c.lessons {
            let _ = writeln!(
                md,
                "### {}. {}{} (`{}`, {} min)\n\n{}\n",
                l.order,
                t(&l.title),
                l.subtitle
                    .as_ref()
                    .map(|s| format!(" — {}", t(s)))
                    .unwrap_or_default(),
                l.id,
                l.minutes,
                t(&l.summary)
            );
            for (i, s) in l.steps.iter().enumerate() {
                let r = s.for_profile(p);
                let _ = writeln!(
                    md,
                    "{}. **`{}`**{} {} {}",
                    i + 1,
                    s.id,
                    if s.technique { " (technique)" } else { "" },
                    t(r.text),
                    cite(&r.sources)
                );
                if let Some(d) = &s.differs {
                    let _ = writeln!(md, "   - Guidelines differ: {}", t(d));
                }
                if let Some(rv) = r.review {
                    let _ = writeln!(md, "   - ⚠ REVIEW: {}", t(rv));
                }
                if let (Some(img), Some(alt)) = (r.illustration, r.alt) {
                    let shown = c
                        .illustrations
                        .get(img)
                        .and_then(|svg| super::validate::technique_of(svg));
                    let _ = writeln!(
                        md,
                        "   - Illustration `illustrations/{img}.svg`{}: {}",
                        match (shown, r.shows) {
                            (Some(d), _) => format!(" (shows technique `{d}`)"),
                            (None, Some(t)) => format!(" (teaches `{t}`; no picture of it)"),
                            (None, None) => String::new(),
                        },
                        t(alt)
                    );
                } else if s.technique {
                    let _ = writeln!(md, "   - Illustration: none yet");
                }
            }
            md.push('\n');
            let qs: Vec<&Question> = c.questions_for(&l.id, p).collect();
            if !qs.is_empty() {
                let _ = writeln!(md, "#### Questions\n");
            }
            for q in qs {
                let kind = type_name(q.kind);
                let _ = writeln!(
                    md,
                    "- **`{}`** ({}{}{}) {} {}",
                    q.id,
                    kind.as_str().unwrap_or(""),
                    if q.check { ", knowledge check" } else { "" },
                    if q.exam_hold {
                        ", held out of exams until reviewed"
                    } else {
                        ""
                    },
                    t(&q.prompt),
                    cite(&q.sources.iter().collect::<Vec<_>>())
                );
                for (i, o) in q.options.iter().enumerate() {
                    let mark = match (q.kind, o.correct) {
                        (QuestionType::Order, _) => format!("{}.", i + 1),
                        (_, Some(true)) => "✔".into(),
                        _ => "✘".into(),
                    };
                    let _ = writeln!(md, "  - {mark} `{}` {}", o.id, t(&o.text));
                }
                if let Some(a) = q.answer {
                    let _ = writeln!(md, "  - Answer: {a}");
                }
                for r in &q.regions {
                    let _ = writeln!(
                        md,
                        "  - {} region `{}` {}",
                        if r.correct { "✔" } else { "✘" },
                        r.id,
                        t(&r.label)
                    );
                }
                let _ = writeln!(md, "  - Explanation: {}", t(&q.explanation));
                if let Some(rv) = &q.review {
                    let _ = writeln!(md, "  - ⚠ REVIEW: {}", t(rv));
                }
            }
            md.push('\n');
        }
        for l in &c.checklists {
            let _ = writeln!(
                md,
                "### Practical exam checklist: {} (`{}`)\n",
                t(&l.title),
                l.id
            );
            for (n, i) in l.items.iter().enumerate() {
                let r = i.for_profile(p);
                let _ = writeln!(
                    md,
                    "{}. **`{}`** {} {}",
                    n + 1,
                    i.id,
                    t(r.text),
                    cite(&r.sources)
                );
                if let Some(rv) = r.review {
                    let _ = writeln!(md, "   - ⚠ REVIEW: {}", t(rv));
                }
            }
            md.push('\n');
        }
    }
    let _ = writeln!(md, "## Sources\n");
    for s in &c.sources {
        let _ = writeln!(
            md,
            "- **{}** ({}) {} — {}",
            s.key, s.profile, s.title, s.url
        );
    }
    md
}
