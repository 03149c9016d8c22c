//! Drawing an exam from a blueprint: a pure function of
//! (content version, blueprint, seed), so the same inputs give the same
//! questions in the same order with the same answer order on every device,
//! in every version of the app that has the same content, and in the CLI.
//!
//! ## The algorithm (version 1)
//!
//! 1. **Generator state.** The UTF-8 text below, lines joined by `\n` (no
//!    final newline), is hashed with SHA-256; the first 8 bytes of the
//!    digest, read big-endian, are the initial state of the
//!    [`SplitMix64`](super::prng) generator.
//!
//!    ```text
//!    firstaid-exam-v1
//!    content=<content version, e.g. sha256:0123456789abcdef>
//!    profile=<rcsc|aha|erc>
//!    section=<lesson ids joined by ','>;<objective ids joined by ','>;<count>
//!    …one section= line per section, in blueprint order…
//!    seed=<the seed in decimal>
//!    ```
//!
//!    Pass mark, time limit, id and title do not change which questions
//!    are drawn, so they are not part of it.
//! 2. **Drawing.** For each section in order: its pool is every question
//!    for the profile in the section's lessons or objectives that is not
//!    held out of exams (`exam_hold`, see [`Question::exam_hold`]) and that
//!    no earlier section drew, sorted by question id (byte order). `count`
//!    questions are drawn by a partial Fisher–Yates shuffle: for `i` in
//!    `0..count`, swap `pool[i]` with `pool[i + below(len − i)]`; the first
//!    `count` are drawn.
//! 3. **Question order.** All drawn questions, in drawing order, are
//!    shuffled ([`SplitMix64::shuffle`]). Then the questions of a scenario
//!    are brought together: walking the shuffled list, the first question
//!    of a scenario pulls every later question of the same scenario up
//!    behind it, keeping their relative order.
//! 4. **Answer order**, for each question in exam order: single and
//!    multiple choice — the option ids in authored order, shuffled;
//!    ordering — the option ids (authored in the correct order) shuffled,
//!    and if that leaves them in the correct order, rotated left by one;
//!    true/false and hotspot — no options (empty).

use sha2::{Digest, Sha256};

use super::prng::SplitMix64;
use crate::content::blueprint::{Blueprint, BlueprintError};
use crate::content::{Curriculum, Question, QuestionType};

/// One question of an exam as presented.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamItem {
    pub question: String,
    /// Option ids in the order shown (empty for true/false and hotspot).
    pub options: Vec<String>,
}

/// The text hashed into the generator's initial state (step 1).
pub fn seed_material(content_version: &str, bp: &Blueprint, seed: u64) -> String {
    let mut lines = vec![
        "firstaid-exam-v1".to_owned(),
        format!("content={content_version}"),
        format!("profile={}", bp.profile.as_str()),
    ];
    for s in &bp.sections {
        lines.push(format!(
            "section={};{};{}",
            s.lessons.join(","),
            s.objectives.join(","),
            s.count
        ));
    }
    lines.push(format!("seed={seed}"));
    lines.join("\n")
}

/// The generator's initial state (step 1).
pub fn initial_state(content_version: &str, bp: &Blueprint, seed: u64) -> u64 {
    let digest = Sha256::digest(seed_material(content_version, bp, seed).as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// The answer order of one question (step 4).
fn option_order(q: &Question, rng: &mut SplitMix64) -> Vec<String> {
    let authored: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
    match q.kind {
        QuestionType::Single | QuestionType::Multiple => {
            let mut ids = authored;
            rng.shuffle(&mut ids);
            ids
        }
        QuestionType::Order => {
            let mut ids = authored.clone();
            rng.shuffle(&mut ids);
            if ids.len() > 1 && ids == authored {
                ids.rotate_left(1);
            }
            ids
        }
        QuestionType::TrueFalse | QuestionType::Hotspot => Vec::new(),
    }
}

/// Draws the exam of `(content_version, bp, seed)` from the curriculum.
pub fn draw(
    c: &Curriculum,
    content_version: &str,
    bp: &Blueprint,
    seed: u64,
) -> Result<Vec<ExamItem>, BlueprintError> {
    bp.check(c)?;
    let mut rng = SplitMix64::new(initial_state(content_version, bp, seed));
    let mut drawn: Vec<&Question> = Vec::new();
    for (i, s) in bp.sections.iter().enumerate() {
        let mut pool: Vec<&Question> = c
            .questions
            .iter()
            .filter(|q| q.profiles.contains(&bp.profile))
            .filter(|q| !q.exam_hold)
            .filter(|q| s.lessons.contains(&q.lesson) || s.objectives.contains(&q.objective))
            .filter(|q| !drawn.iter().any(|d| d.id == q.id))
            .collect();
        pool.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
        let count = s.count as usize;
        if pool.len() < count {
            return Err(BlueprintError::PoolTooSmall {
                section: i + 1,
                wanted: s.count,
                available: pool.len() as u32,
            });
        }
        for k in 0..count {
            let j = k + rng.below((pool.len() - k) as u64) as usize;
            pool.swap(k, j);
        }
        drawn.extend_from_slice(&pool[..count]);
    }
    rng.shuffle(&mut drawn);
    // Bring each scenario's questions together behind its first one.
    let mut ordered: Vec<&Question> = Vec::with_capacity(drawn.len());
    for (i, q) in drawn.iter().enumerate() {
        if ordered.iter().any(|o| o.id == q.id) {
            continue;
        }
        ordered.push(q);
        if let Some(sc) = &q.scenario {
            for later in &drawn[i + 1..] {
                if later.scenario.as_ref() == Some(sc) {
                    ordered.push(later);
                }
            }
        }
    }
    Ok(ordered
        .into_iter()
        .map(|q| ExamItem {
            question: q.id.clone(),
            options: option_order(q, &mut rng),
        })
        .collect())
}
