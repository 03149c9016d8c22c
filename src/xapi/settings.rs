//! The instructor's xAPI settings as the app stores them (a versionless
//! part of the stored document, store schema 7), and the export options
//! they give.

use serde::{Deserialize, Serialize};

use super::convert::{AccountName, ActorConfig, ActorId, ExportOptions, DEFAULT_ACTIVITY_BASE};

/// How the instructor's exports name learners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XapiSettings {
    /// The school's system the learners' accounts belong to (an http(s)
    /// address, e.g. the LRS's or the school's home page).
    pub home_page: String,
    /// Name each account by the learner's number (else by their device
    /// key's fingerprint, which every record has).
    #[serde(default)]
    pub by_number: bool,
    /// Put learners' chosen names into the statements.
    #[serde(default)]
    pub include_names: bool,
}

impl XapiSettings {
    /// The export options: the app's activity IRIs, accounts on
    /// `home_page`.
    pub fn options(&self) -> ExportOptions {
        ExportOptions {
            activity_base: DEFAULT_ACTIVITY_BASE.to_owned(),
            actor: ActorConfig {
                id: ActorId::Account {
                    home_page: self.home_page.trim().to_owned(),
                    name_from: if self.by_number {
                        AccountName::LearnerNumber
                    } else {
                        AccountName::Fingerprint
                    },
                },
                include_name: self.include_names,
            },
        }
    }
}
