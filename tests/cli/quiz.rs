//! `firstaid quiz sample` and `firstaid quiz score`: the app's exam, text and
//! JSON, blueprint files, transcripts re-scored, usage errors.

use super::*;

fn curriculum() -> Curriculum {
    Curriculum::embedded().unwrap()
}

fn sample_items(out: &str) -> Vec<(String, Vec<String>)> {
    let v: serde_json::Value = serde_json::from_str(out).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["question"].as_str().unwrap().to_owned(),
                i["options"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|o| o.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

fn drawn(
    c: &Curriculum,
    bp: &firstaid::quiz::blueprint::Blueprint,
    seed: u64,
) -> Vec<(String, Vec<String>)> {
    exam::draw(c, CONTENT_VERSION, bp, seed)
        .unwrap()
        .into_iter()
        .map(|e| (e.question, e.options))
        .collect()
}

#[test]
fn quiz_sample_json_is_the_apps_exam() {
    let args = [
        "quiz",
        "sample",
        "--blueprint",
        "course-aha",
        "--seed",
        "7",
        "--format",
        "json",
    ];
    let (code, out, err) = firstaid(&args);
    assert_eq!(code, 0, "{err}");
    let (_, again, _) = firstaid(&args);
    assert_eq!(out, again, "deterministic");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["content_version"], CONTENT_VERSION);
    assert_eq!(v["seed"], "7");
    assert_eq!(v["blueprint"]["id"], "course-aha");
    let c = curriculum();
    let bp = c.blueprint("course-aha").unwrap();
    assert_eq!(
        v["blueprint"],
        serde_json::to_value(bp).unwrap(),
        "the whole blueprint"
    );
    assert_eq!(sample_items(&out), drawn(&c, bp, 7));
    let (_, other, _) = firstaid(&[
        "quiz",
        "sample",
        "--blueprint",
        "course-aha",
        "--seed",
        "8",
        "--format",
        "json",
    ]);
    assert_ne!(sample_items(&other), sample_items(&out));
}

#[test]
fn quiz_sample_text_lists_the_questions_with_the_key() {
    let (code, out, err) = firstaid(&[
        "quiz",
        "sample",
        "--blueprint",
        "course-rcsc",
        "--seed",
        "2026",
        "--lang",
        "zh",
    ]);
    assert_eq!(code, 0, "{err}");
    let c = curriculum();
    let bp = c.blueprint("course-rcsc").unwrap();
    assert!(out.starts_with(&format!("{}\n", bp.title.as_ref().unwrap().zh)));
    assert!(out.contains(&format!(
        "blueprint course-rcsc · profile rcsc · content {CONTENT_VERSION} · seed 2026"
    )));
    assert!(out.contains("20 questions · pass mark 80% · 30 minutes"));
    let numbered: Vec<&str> = out
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && t[digits..].starts_with(". [")
        })
        .collect();
    assert_eq!(numbered.len(), 20, "{out}");
    for (i, (line, (id, _))) in numbered.iter().zip(drawn(&c, bp, 2026)).enumerate() {
        assert!(
            line.trim_start().starts_with(&format!("{}. [", i + 1)),
            "{line}"
        );
        assert!(line.ends_with(&format!("({id})")), "{line} should be {id}");
        let q = c.question(&id).unwrap();
        assert!(line.contains(&q.prompt.zh), "{line}");
    }
    assert!(out.contains('✓'), "the answer key is shown");
}

#[test]
fn quiz_sample_reads_blueprint_files_in_json_and_toml() {
    let c = curriculum();
    let json = TempFile::new(
        "bp.json",
        r#"{"format": "firstaid-blueprint", "version": 1, "id": "mine", "profile": "erc",
            "pass_percent": 70,
            "sections": [{"lessons": ["aed"], "count": 2},
                         {"objectives": ["adult-cpr.rate-depth"], "count": 1}]}"#,
    );
    let toml = TempFile::new(
        "bp.toml",
        "format = \"firstaid-blueprint\"\nversion = 1\nid = \"mine\"\nprofile = \"erc\"\n\
         pass_percent = 70\n\n[[sections]]\nlessons = [\"aed\"]\ncount = 2\n\n\
         [[sections]]\nobjectives = [\"adult-cpr.rate-depth\"]\ncount = 1\n",
    );
    let mut outs = Vec::new();
    for f in [&json, &toml] {
        let (code, out, err) = firstaid(&[
            "quiz",
            "sample",
            "--blueprint",
            f.arg(),
            "--seed",
            "12",
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{}: {err}", f.arg());
        outs.push(sample_items(&out));
        let (code, text, _) = firstaid(&["quiz", "sample", "--blueprint", f.arg(), "--seed", "12"]);
        assert_eq!(code, 0);
        assert!(text.starts_with("mine\n"), "no title: the id");
        assert!(text.contains("3 questions · pass mark 70%\n"), "{text}");
    }
    assert_eq!(outs[0], outs[1], "the same blueprint in either syntax");
    let bp =
        firstaid::quiz::blueprint::Blueprint::from_json(&std::fs::read_to_string(&json.0).unwrap())
            .unwrap();
    assert_eq!(outs[0], drawn(&c, &bp, 12));
}

#[test]
fn quiz_sample_usage_errors_exit_2() {
    let zero = TempFile::new(
        "zero.json",
        r#"{"format": "firstaid-blueprint", "version": 1, "id": "z", "profile": "aha",
            "sections": [{"lessons": ["aed"], "count": 0}]}"#,
    );
    let big = TempFile::new(
        "big.toml",
        "format = \"firstaid-blueprint\"\nversion = 1\nid = \"big\"\nprofile = \"rcsc\"\n\
         [[sections]]\nlessons = [\"recognise-and-call\"]\ncount = 99\n",
    );
    let foreign = TempFile::new(
        "foreign.json",
        r#"{"format": "firstaid-transcript", "version": 1, "id": "z", "profile": "aha", "sections": []}"#,
    );
    let broken = TempFile::new("broken.toml", "format = [");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--blueprint", "course-aha", "--seed", "-1"],
            "--seed must be a number",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed", "abc"],
            "--seed must be a number",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed", "007"],
            "--seed must be a number",
        ),
        (
            vec![
                "--blueprint",
                "course-aha",
                "--seed",
                "18446744073709551616",
            ],
            "--seed must be a number",
        ),
        (
            vec!["--blueprint", "course-aha"],
            "not provided:\n  --seed <N>",
        ),
        (
            vec!["--seed", "1"],
            "not provided:\n  --blueprint <FILE|ID>",
        ),
        (
            vec!["--blueprint", "course-xyz", "--seed", "1"],
            "neither a file nor a shipped blueprint",
        ),
        (
            vec!["--blueprint", zero.arg(), "--seed", "1"],
            "section 1 asks for no questions",
        ),
        (
            vec!["--blueprint", big.arg(), "--seed", "1"],
            "section 1 asks for 99 questions but only 9",
        ),
        (
            vec!["--blueprint", foreign.arg(), "--seed", "1"],
            "not a firstaid-blueprint",
        ),
        (
            vec!["--blueprint", broken.arg(), "--seed", "1"],
            broken.arg(),
        ),
        (
            vec![
                "--blueprint",
                "course-aha",
                "--seed",
                "1",
                "--format",
                "pdf",
            ],
            "possible values: text, json",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed", "1", "--lang", "fr"],
            "zh or en",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed"],
            "a value is required",
        ),
        (
            vec!["--blueprint", "course-aha", "--seed", "1", "--pretty"],
            "unexpected argument '--pretty'",
        ),
    ];
    for (rest, words) in cases {
        let args: Vec<&str> = ["quiz", "sample"].into_iter().chain(rest).collect();
        let (code, out, err) = firstaid(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

/// A finished exam of the shipped content, as the app would export it.
fn transcript_json() -> serde_json::Value {
    let c = curriculum();
    let bp = c.blueprint("course-erc").unwrap().clone();
    let start = 1_795_928_400_000;
    let (mut a, exam) = ExamAttempt::start(&c, CONTENT_VERSION, bp, 31, start).unwrap();
    let mut right = 0;
    for (i, e) in exam.iter().enumerate() {
        let q = c.question(&e.question).unwrap();
        // Answer the true/false questions correctly, nothing else.
        if let Some(b) = q.answer {
            a.answer(
                &c,
                &exam,
                i,
                Response::TrueFalse(b),
                start + 1000 * (i as i64 + 1),
            )
            .unwrap();
            right += 1;
        }
    }
    assert!(right > 0);
    let t = a.finish(&c, &exam, start + 20 * 60_000).unwrap();
    assert_eq!(t.points, 1000 * right);
    serde_json::to_value(t).unwrap()
}

#[test]
fn quiz_score_accepts_a_genuine_transcript_and_rejects_a_tampered_one() {
    let good = transcript_json();
    let points = good["points"].as_u64().unwrap();
    let percent = good["percent"].as_u64().unwrap();
    let verdict = if good["passed"].as_bool().unwrap() {
        "passed"
    } else {
        "failed"
    };
    let good_file = TempFile::new("good.json", &serde_json::to_string_pretty(&good).unwrap());
    let (code, out, err) = firstaid(&["quiz", "score", good_file.arg()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.starts_with(&format!(
            "{}: OK — {points} of 20000 points, {percent}%, {verdict} (",
            good_file.arg()
        )),
        "{out}"
    );
    // What the instructor must see to judge the result: which blueprint,
    // pass mark, time limit and seed.
    let seed = good["seed"].as_str().unwrap();
    assert!(
        out.contains(&format!(
            "(blueprint course-erc, profile erc, 20 questions, pass mark 80%, 30 minutes, seed {seed}, finished "
        )),
        "{out}"
    );
    // A byte-order mark, as some editors save, is fine.
    let bom = TempFile::new("bom.json", &format!("\u{feff}{good}"));
    assert_eq!(firstaid(&["quiz", "score", bom.arg()]).0, 0);

    let mut tampered = good.clone();
    tampered["points"] = serde_json::json!(points + 1000);
    let bad_file = TempFile::new("bad.json", &tampered.to_string());
    let (code, out, _) = firstaid(&["quiz", "score", bad_file.arg()]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{}: REJECTED — claims {} points in all, the answers earn {points}\n",
            bad_file.arg(),
            points + 1000
        )
    );

    // Several files: each reported, the status is the worst.
    let (code, out, _) = firstaid(&["quiz", "score", good_file.arg(), bad_file.arg()]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2);
    assert!(out.lines().next().unwrap().contains(": OK — "));
    assert!(out.lines().nth(1).unwrap().contains(": REJECTED — "));

    let mut foreign = good.clone();
    foreign["content_version"] = serde_json::json!("sha256:0000000000000000");
    let foreign_file = TempFile::new("foreign-transcript.json", &foreign.to_string());
    let (code, out, _) = firstaid(&["quiz", "score", foreign_file.arg()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("REJECTED") && out.contains("content version"),
        "{out}"
    );

    let missing = std::env::temp_dir().join("firstaid-cli-no-such-file.json");
    let (code, out, _) = firstaid(&["quiz", "score", missing.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("REJECTED"), "{out}");
}

#[test]
fn quiz_score_without_files_is_a_usage_error() {
    let (code, out, err) = firstaid(&["quiz", "score"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("not provided:\n  <TRANSCRIPT.json>..."),
        "{err}"
    );
    let (code, _, err) = firstaid(&["quiz"]);
    assert_eq!(code, 2);
    assert!(err.contains("Usage: firstaid quiz"), "{err}");
}
