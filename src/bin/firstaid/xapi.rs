//! `firstaid xapi`: an instructor's records as xAPI statements.
//!
//! ```text
//! firstaid xapi FILE... [--home-page IRI] [--account-from number|fingerprint]
//!               [--mbox TEMPLATE] [--no-name] [--activity-base IRI]
//! ```
//!
//! Reads completion records (JSON files or QR text, as `firstaid verify`
//! does), verifies each against this build's content, and prints the
//! statements of those that verify as one JSON array — the body of an
//! LRS's `POST /statements` (`firstaid::xapi` documents the statements),
//! each statement once (`firstaid::xapi::class_export`).
//! Records that cannot be read or do not verify are named on stderr with
//! the reason and left out.
//!
//! The actor is an account on `--home-page` (default
//! `https://firstaid.example`) named by the device key's fingerprint
//! (default) or by the learner number (`--account-from number`; a record
//! without a number is then left out), or, with `--mbox`, a `mailto:` IRI
//! from a template where `{number}` and `{fingerprint}` are filled in.
//! `--no-name` leaves out the learner's name. `--activity-base` sets the
//! base of the activity ids (default `https://firstaid.example/xapi`).
//!
//! The output is checked with `firstaid::xapi::validate_export` before it
//! is printed. Exit status 0 when every record was exported, 1 when any
//! was left out, 2 on a usage error.

use std::process::ExitCode;

use firstaid::content::CONTENT_VERSION;
use firstaid::records::record::Record;
use firstaid::xapi::{
    class_export, export_file, validate_export, AccountName, ActorConfig, ActorId, ExportOptions,
    DEFAULT_HOME_PAGE,
};

/// Runs `firstaid xapi` with the arguments after `xapi`.
pub fn main(args: &[String]) -> ExitCode {
    super::report(run(args))
}

fn options(args: &[String]) -> Result<(Vec<String>, ExportOptions), String> {
    let usage = super::USAGE;
    let mut opts = ExportOptions::default();
    let (mut files, mut home_page, mut account_from, mut mbox, mut base) =
        (Vec::new(), None, None, None::<String>, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{a} needs a value\n{usage}"))
        };
        match a.as_str() {
            "--home-page" if home_page.is_none() => home_page = Some(value()?),
            "--account-from" if account_from.is_none() => {
                account_from = Some(match value()?.as_str() {
                    "number" => AccountName::LearnerNumber,
                    "fingerprint" => AccountName::Fingerprint,
                    other => {
                        return Err(format!(
                            "--account-from must be number or fingerprint, not {other:?}"
                        ))
                    }
                })
            }
            "--mbox" if mbox.is_none() => mbox = Some(value()?),
            "--activity-base" if base.is_none() => base = Some(value()?),
            "--no-name" => opts.actor.include_name = false,
            "--home-page" | "--account-from" | "--mbox" | "--activity-base" => {
                return Err(format!("{a} given twice\n{usage}"))
            }
            other if other.starts_with("--") => {
                return Err(format!("unknown argument {other:?}\n{usage}"))
            }
            file => files.push(file.to_owned()),
        }
    }
    if files.is_empty() {
        return Err(format!("xapi needs at least one record file\n{usage}"));
    }
    if let Some(b) = base {
        opts.activity_base = b;
    }
    opts.actor = ActorConfig {
        id: match (mbox, home_page, account_from) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
                return Err(
                    "--mbox names the learner by e-mail: it goes without --home-page and \
                     --account-from"
                        .into(),
                )
            }
            (Some(template), None, None) => ActorId::Mbox { template },
            (None, home_page, account_from) => ActorId::Account {
                home_page: home_page.unwrap_or_else(|| DEFAULT_HOME_PAGE.to_owned()),
                name_from: account_from.unwrap_or(AccountName::Fingerprint),
            },
        },
        include_name: opts.actor.include_name,
    };
    Ok((files, opts))
}

fn run(args: &[String]) -> Result<(String, bool), String> {
    let (files, opts) = options(args)?;
    // Settings every record would fail on are usage errors, found before
    // any file is read.
    if !firstaid::xapi::validate::is_irl(opts.activity_base.trim_end_matches('/')) {
        return Err(format!(
            "--activity-base {:?} is not an absolute http(s) IRI",
            opts.activity_base
        ));
    }
    if let ActorId::Account { home_page, .. } = &opts.actor.id {
        if !firstaid::xapi::validate::is_irl(home_page) {
            return Err(format!("--home-page {home_page:?} is not an http(s) IRL"));
        }
    }
    let c = super::curriculum()?;
    // (file index, reason) of every file left out, reported in file order.
    let mut left_out: Vec<(usize, String)> = Vec::new();
    let mut records = Vec::new();
    let mut record_file = Vec::new();
    for (i, f) in files.iter().enumerate() {
        match std::fs::read_to_string(f)
            .map_err(|e| e.to_string())
            .and_then(|t| Record::parse(&t).map_err(|e| e.to_string()))
        {
            Ok(r) => {
                records.push(r);
                record_file.push(i);
            }
            Err(e) => left_out.push((i, e)),
        }
    }
    let export = class_export(&records, &c, CONTENT_VERSION, None, &opts);
    left_out.extend(
        export
            .refused
            .iter()
            .map(|(k, e)| (record_file[*k], e.to_string())),
    );
    left_out.sort_by_key(|(i, _)| *i);
    for (i, e) in &left_out {
        eprintln!("{}: NOT EXPORTED: {e}", files[*i]);
    }
    let (statements, all_ok) = (export.statements, left_out.is_empty());
    let out = export_file(&statements);
    let problems = validate_export(&out);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(format!(
            "the statements made are not valid xAPI (a bug):\n{}",
            list.join("\n")
        ));
    }
    Ok((out, all_ok))
}
