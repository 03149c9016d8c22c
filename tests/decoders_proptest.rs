//! Property tests of the decoders a user can feed (backup files) and of the
//! stored document: arbitrary and mutated input never panics, and every
//! valid document round-trips. Native only (proptest is a native dev-dependency).
#![cfg(not(target_arch = "wasm32"))]

use firstaid::backup;
use firstaid::profile::ProfileId;
use firstaid::settings::{EmergencyNumber, Lang, Settings, TextSize, Theme};
use firstaid::store::{schema, Document};
use proptest::prelude::*;

fn any_settings() -> impl Strategy<Value = Settings> {
    (
        prop::sample::select(Lang::ALL.to_vec()),
        prop::sample::select(ProfileId::ALL.to_vec()),
        prop::sample::select(Theme::ALL.to_vec()),
        prop::sample::select(TextSize::ALL.to_vec()),
        prop::option::of("[0-9]{2,8}"),
        prop::option::of(prop::sample::select(
            firstaid::region::RegionId::ALL.to_vec(),
        )),
        prop::sample::select(firstaid::settings::Motion::ALL.to_vec()),
    )
        .prop_map(
            |(lang, profile, theme, text_size, number, region, motion)| Settings {
                lang,
                profile,
                theme,
                text_size,
                emergency_number: number.map(|n| EmergencyNumber::parse(&n).unwrap()),
                region,
                motion,
            },
        )
}

fn valid_backup() -> String {
    backup::export(
        &Document::with_settings(Settings::default()),
        vec![],
        "0.1.0",
        "2026-11-29T00:00:00.000Z",
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        let _ = backup::import(&text);
        let _ = schema::read_document(&text);
    }

    #[test]
    fn mutated_backups_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = valid_backup().into_bytes();
        for (i, b) in edits {
            let i = i.index(bytes.len());
            bytes[i] = b;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(b) = backup::import(&text) {
            // Whatever is accepted is a fully valid document.
            prop_assert_eq!(schema::read_document(&schema::write_document(&b.document)).unwrap(), b.document);
        }
    }

    #[test]
    fn every_document_round_trips(settings in any_settings()) {
        let doc = Document::with_settings(settings);
        prop_assert_eq!(schema::read_document(&schema::write_document(&doc)).unwrap(), doc.clone());
        let file = backup::export(&doc, vec![], "0.1.0", "t");
        prop_assert_eq!(backup::import(&file).unwrap().document, doc);
    }
}
