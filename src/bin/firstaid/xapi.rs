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

use clap::ValueEnum;
use firstaid::content::CONTENT_VERSION;
use firstaid::records::record::Record;
use firstaid::xapi::{
    class_export, export_file, validate_export, AccountName, ActorConfig, ActorId, ExportOptions,
    DEFAULT_HOME_PAGE,
};

/// Print verified records as xAPI statements (one JSON array); exit status 1
/// when any record is left out.
#[derive(clap::Args)]
pub struct Args {
    /// Completion records: JSON files or QR text.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// The home page of the learners' accounts (default
    /// https://firstaid.example).
    #[arg(long, value_name = "IRI")]
    home_page: Option<String>,
    /// Name the account by the device key's fingerprint (default) or the
    /// learner number.
    #[arg(long, value_enum, value_name = "number|fingerprint")]
    account_from: Option<AccountFrom>,
    /// Name the learner by a mailto: IRI made from a template ({number} and
    /// {fingerprint} are filled in) instead of an account.
    #[arg(long, value_name = "TEMPLATE", conflicts_with_all = ["home_page", "account_from"])]
    mbox: Option<String>,
    /// Leave out the learners' names.
    #[arg(long)]
    no_name: bool,
    /// The base of the activity ids (default https://firstaid.example/xapi).
    #[arg(long, value_name = "IRI")]
    activity_base: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum AccountFrom {
    Number,
    Fingerprint,
}

fn options(args: &Args) -> ExportOptions {
    let mut opts = ExportOptions::default();
    if let Some(b) = &args.activity_base {
        opts.activity_base = b.clone();
    }
    opts.actor = ActorConfig {
        id: match &args.mbox {
            Some(template) => ActorId::Mbox {
                template: template.clone(),
            },
            None => ActorId::Account {
                home_page: args
                    .home_page
                    .clone()
                    .unwrap_or_else(|| DEFAULT_HOME_PAGE.to_owned()),
                name_from: match args.account_from {
                    Some(AccountFrom::Number) => AccountName::LearnerNumber,
                    Some(AccountFrom::Fingerprint) | None => AccountName::Fingerprint,
                },
            },
        },
        include_name: !args.no_name,
    };
    opts
}

/// Runs `firstaid xapi`.
pub fn run(args: &Args) -> Result<(String, bool), String> {
    let (files, opts) = (&args.files, options(args));
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
