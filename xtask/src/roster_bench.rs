//! `cargo xtask bench --roster [--browser [--dir DIR]]`: an instructor's
//! training day. For rosters of 10, 50 and 200 learners (each with a
//! verified record, the practical exam marked on every checklist and a
//! certificate issued), the time to take one more learner — read and
//! verify their record, put it on the roster, work out every row as the
//! verifier shows it (records already read come from its cache, so only
//! the new one is verified) and save, through the app's own [`Store`] —
//! the bytes that save writes and the size of everything stored. Native
//! timings on this machine's CPU, not a phone's: the browser's
//! re-rendering is not in them; `--browser` adds the phone's figure
//! ([`crate::roster_browser`]). Figures, never pass/fail.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::{Context, Result};

use firstaid::content::{Curriculum, CONTENT_VERSION};
use firstaid::credentials::badge;
use firstaid::credentials::roster::{certificate_input, RosterLearner};
use firstaid::profile::ProfileId;
use firstaid::records::assess::{Assessments, Mark};
use firstaid::records::assignment::Assignment;
use firstaid::records::example::{self, T0};
use firstaid::records::keys::KeyPair;
use firstaid::records::record::Record;
use firstaid::records::stored::{key_to_hex, Issued};
use firstaid::records::verify::{verify, Verdict};
use firstaid::settings::Settings;
use firstaid::store::{Document, KeyValue, KvError, MemoryKv, Store};

/// The roster sizes measured.
pub const SIZES: [usize; 3] = [10, 50, 200];

/// The target on a mid-range phone (the issue's): scan to roster shown.
pub const TARGET_MS: f64 = 300.0;

/// The learner `i`'s record (a device key of their own).
fn record(c: &Curriculum, i: usize) -> Result<Record> {
    let mut seed = [7u8; 32];
    seed[..8].copy_from_slice(&(i as u64).to_le_bytes());
    example::learner_record(
        c,
        CONTENT_VERSION,
        &KeyPair::from_seed(seed),
        &format!("学员 {i}"),
        &format!("2026-{i:04}"),
    )
    .context("the shipped content has course-rcsc")
}

/// A training day with `n - 1` learners taken: the document (the roster
/// is its first assignment's), each record's verdict by its QR text (what
/// the verifier's page keeps), and the `n`th learner's record as QR text.
pub struct Day {
    pub doc: Document,
    pub assignment: Assignment,
    pub checked: HashMap<String, Verdict>,
    pub next: String,
}

/// Builds the [`Day`] of `n` rows.
pub fn day(c: &Curriculum, n: usize) -> Result<Day> {
    let a = example::assignment(c, CONTENT_VERSION);
    let key = example::instructor_key();
    let mut doc = Document::with_settings(Settings::default());
    let records = doc.records.typed().map_err(anyhow::Error::msg)?;
    records.instructor.key = Some(key_to_hex(&key));
    records.instructor.name = "李老师".into();
    records.instructor.assignments.push(Issued {
        assignment: a.to_qr_text(),
        roster: Default::default(),
    });
    let verdict_of = |r: &Record| verify(r, c, CONTENT_VERSION, Some(&a));
    let mut checked = HashMap::new();
    for i in 0..n - 1 {
        let r = record(c, i)?;
        let roster = &mut records.instructor.assignments[0].roster;
        roster.add_verified(&r, T0 as i64, &verdict_of);
        let mut marks = Assessments::default();
        for list in &c.checklists {
            for item in &list.items {
                marks.set_mark(&list.id, &item.id, Some(Mark::Passed), T0 as i64);
            }
        }
        roster.assess(&r.body.key, |m| *m = marks.clone());
        let verdict = verdict_of(&r);
        let learner = RosterLearner {
            record: &r,
            exam_percents: &verdict.exam_percents,
            assessments: &marks,
        };
        let input = certificate_input(
            &learner,
            &a,
            c,
            "李老师",
            ProfileId::Rcsc,
            T0 as i64,
            [i as u8; 32],
        );
        let cert = badge::issue(&input, &key).map_err(|e| anyhow::anyhow!("{e:?}"))?;
        roster.set_certificate(&r.body.key, badge::to_qr_text(&cert)?);
        checked.insert(r.to_qr_text(), verdict);
    }
    let next = record(c, n - 1)?.to_qr_text();
    Ok(Day {
        doc,
        assignment: a,
        checked,
        next,
    })
}

/// A [`KeyValue`] that counts the bytes (UTF-8) of the values written.
#[derive(Default)]
pub struct Counting {
    pub kv: MemoryKv,
    pub written: usize,
}

impl KeyValue for Counting {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.kv.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.written += value.len();
        self.kv.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.kv.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.kv.keys()
    }
}

/// What the store holds for `doc`: every key and its text, as the app
/// writes them (the browser figure seeds `localStorage` with this).
pub fn stored(doc: &Document) -> Result<std::collections::BTreeMap<String, String>> {
    let mut store = Store::open(MemoryKv::new(), || doc.clone()).store;
    store.replace(doc.clone())?;
    Ok(store.into_kv().map)
}

/// Runs [`run`] in an optimised build of xtask (the app's code at the
/// release profile, like the CLI's): a debug build's figures would be
/// those of unoptimised code.
pub fn run_optimised() -> Result<()> {
    if cfg!(debug_assertions) {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        return crate::sh::run(std::process::Command::new(cargo).args([
            "run",
            "--quiet",
            "--release",
            "--package",
            "xtask",
            "--",
            "bench",
            "--roster",
        ]));
    }
    run()
}

pub fn run() -> Result<()> {
    let c = Curriculum::embedded().map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!("\n== Roster of a training day (native, this machine; the browser's rendering not included) ==");
    println!(
        "{:>6} {:>16} {:>16} {:>16} {:>14} {:>12}   target",
        "rows", "take one more", "of which save", "bytes written", "stored", "per row"
    );
    for n in SIZES {
        let Day {
            mut doc,
            assignment: a,
            mut checked,
            next,
        } = day(&c, n)?;
        let mut store = Store::open(
            Counting {
                kv: MemoryKv::new(),
                written: 0,
            },
            || doc.clone(),
        )
        .store;
        store.replace(doc.clone())?;
        let verdict_of = |r: &Record| verify(r, &c, CONTENT_VERSION, Some(&a));

        // One more learner's QR code, from the text to the saved document.
        let t = Instant::now();
        let r = Record::parse(&next).context("the record reads")?;
        let v = verdict_of(&r);
        let roster = &mut doc
            .records
            .typed()
            .map_err(anyhow::Error::msg)?
            .instructor
            .assignments[0]
            .roster;
        roster.add_verified(&r, T0 as i64 + 1, &verdict_of);
        checked.insert(next.clone(), v);
        let mut passed = 0;
        for e in &roster.entries {
            let rec = e.record().context("a stored record reads")?;
            let v = checked
                .get(&e.record)
                .cloned()
                .unwrap_or_else(|| verdict_of(&rec));
            let status = e.status(&rec, v);
            let practical = e
                .assessments
                .practical(&c.checklists, e.practical_passed_at_ms);
            passed += usize::from(status.ok() && practical.done());
        }
        let before = store.kv().written;
        let saved = Instant::now();
        store.update(|d| d.records = doc.records.clone())?;
        let save = saved.elapsed();
        let total = t.elapsed();
        let written = store.kv().written - before;
        assert_eq!(passed, n - 1, "every earlier learner passed");
        let size: usize = store.kv().kv.map.values().map(String::len).sum();
        println!(
            "{n:>6} {:>13.1} ms {:>13.1} ms {:>13} KB {:>11} KB {:>9.2} KB   ≤ {TARGET_MS} ms on a mid-range phone",
            total.as_secs_f64() * 1000.0,
            save.as_secs_f64() * 1000.0,
            written / 1000,
            size / 1000,
            size as f64 / n as f64 / 1000.0,
        );
    }
    Ok(())
}
