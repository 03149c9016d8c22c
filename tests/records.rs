//! Records' building blocks: base45 (RFC 9285's examples), Ed25519 keys
//! (RFC 8032's test vector), QR payloads and codes.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::records::base45::{self, Base45Error};
use firstaid::records::keys::{KeyPair, PublicKey, SignatureError};
use firstaid::records::payload::{self, PayloadError, Qr, MAX_INFLATED};
use proptest::prelude::*;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn base45_matches_the_rfc_examples() {
    for (bytes, text) in [
        (&b"AB"[..], "BB8"),
        (b"Hello!!", "%69 VD92EX0"),
        (b"base-45", "UJCLQE7W581"),
        (b"ietf!", "QED8WEX0"),
        (b"", ""),
    ] {
        assert_eq!(base45::encode(bytes), text);
        assert_eq!(base45::decode(text).unwrap(), bytes);
    }
    // RFC 9285 §4.2: "GGW" is 65536, one too many for two bytes.
    assert_eq!(base45::decode("GGW"), Err(Base45Error::Value(0)));
    assert_eq!(base45::decode("BB8a"), Err(Base45Error::Length(4)));
    assert_eq!(base45::decode("BB8ab"), Err(Base45Error::Character(3)));
    // Two characters hold at most 255.
    assert_eq!(base45::decode(":5"), Err(Base45Error::Value(0)));
}

proptest! {
    #[test]
    fn base45_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = base45::encode(&bytes);
        prop_assert!(text.bytes().all(|c| base45::ALPHABET.contains(&c)));
        prop_assert_eq!(base45::decode(&text).unwrap(), bytes);
    }

    #[test]
    fn base45_decoding_is_exact_and_never_panics(text in "[0-9A-Z $%*+./:a-z-]{0,60}") {
        if let Ok(bytes) = base45::decode(&text) {
            prop_assert_eq!(base45::encode(&bytes), text);
        }
    }

    #[test]
    fn payloads_round_trip_and_garbage_is_refused(bytes in prop::collection::vec(any::<u8>(), 0..2000),
                                                 junk in ".{0,80}") {
        let text = payload::wrap("FAR1:", &bytes);
        prop_assert!(Qr::new(&text).is_some() || text.len() > 3000);
        prop_assert_eq!(payload::unwrap("FAR1:", &text).unwrap(), bytes);
        let _ = payload::unwrap("FAR1:", &junk);
        let _ = payload::unwrap("FAR1:", &format!("FAR1:{junk}"));
    }
}

#[test]
fn ed25519_matches_rfc_8032_test_1() {
    let seed: [u8; 32] = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        .try_into()
        .unwrap();
    let key = KeyPair::from_seed(seed);
    assert_eq!(
        key.public().0.to_vec(),
        hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    );
    let sig = key.sign(b"");
    assert_eq!(
        sig.to_vec(),
        hex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
    );
    assert_eq!(key.public().verify(b"", &sig), Ok(()));
    assert_eq!(key.seed(), seed);
}

#[test]
fn signatures_bind_message_key_and_every_bit() {
    let key = KeyPair::from_seed([7; 32]);
    let other = KeyPair::from_seed([8; 32]);
    let msg = b"firstaid record";
    let sig = key.sign(msg);
    assert_eq!(key.public().verify(msg, &sig), Ok(()));
    assert_eq!(
        other.public().verify(msg, &sig),
        Err(SignatureError::Mismatch)
    );
    assert_eq!(
        key.public().verify(b"firstaid recorD", &sig),
        Err(SignatureError::Mismatch)
    );
    for bit in 0..512 {
        let mut bad = sig;
        bad[bit / 8] ^= 1 << (bit % 8);
        assert!(key.public().verify(msg, &bad).is_err(), "bit {bit}");
    }
    // The identity point is a weak key: refused whatever the signature.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    assert_eq!(
        PublicKey(identity).verify(msg, &[0; 64]),
        Err(SignatureError::BadKey)
    );
}

#[test]
fn fingerprints_are_short_grouped_and_stable() {
    let fp = KeyPair::from_seed([7; 32]).public().fingerprint();
    assert_eq!(fp.len(), 19);
    let groups: Vec<&str> = fp.split('-').collect();
    assert_eq!(groups.len(), 4);
    assert!(groups.iter().all(|g| g.len() == 4
        && g.bytes()
            .all(|c| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&c))));
    assert_eq!(fp, KeyPair::from_seed([7; 32]).public().fingerprint());
    assert_ne!(fp, KeyPair::from_seed([8; 32]).public().fingerprint());
    // Debug output names the key by fingerprint and never shows the seed.
    let debug = format!("{:?}", KeyPair::from_seed([7; 32]));
    assert_eq!(debug, format!("KeyPair({fp})"));
}

#[test]
fn payloads_check_their_prefix_and_refuse_bombs() {
    let text = payload::wrap("FAR1:", b"hello");
    assert!(text.starts_with("FAR1:"));
    assert_eq!(
        payload::unwrap("FAR1:", &format!("  {text}\n")).unwrap(),
        b"hello"
    );
    assert!(matches!(
        payload::unwrap("FAA1:", &text),
        Err(PayloadError::Prefix { .. })
    ));
    assert!(matches!(
        payload::unwrap("FAR1:", "FAR1:BB8a"),
        Err(PayloadError::Base45(Base45Error::Length(4)))
    ));
    // Valid base45 that is not deflate.
    assert_eq!(
        payload::unwrap("FAR1:", &format!("FAR1:{}", base45::encode(&[0xff; 10]))),
        Err(PayloadError::Deflate)
    );
    // A small payload that would inflate beyond the limit is refused.
    let bomb = payload::wrap("FAR1:", &vec![0u8; MAX_INFLATED + 1]);
    assert!(bomb.len() < 1000);
    assert_eq!(payload::unwrap("FAR1:", &bomb), Err(PayloadError::Deflate));
}

#[test]
fn qr_codes_pick_the_smallest_version_at_level_m() {
    // Alphanumeric capacity at level M (ISO/IEC 18004 table 7): version 1
    // holds 20 characters, version 2 38, version 10 311, version 25 1451.
    for (len, version) in [
        (20, 1),
        (21, 2),
        (38, 2),
        (311, 10),
        (312, 11),
        (1451, 25),
        (1452, 26),
    ] {
        let text = "A".repeat(len);
        assert_eq!(Qr::new(&text).unwrap().version(), version, "{len} chars");
    }
    // Version 40 at M holds 3391 alphanumeric characters.
    assert!(Qr::new(&"A".repeat(3391)).is_some());
    assert!(Qr::new(&"A".repeat(3392)).is_none());
    let qr = Qr::new("FAR1:HELLO").unwrap();
    assert_eq!(qr.size(), 21);
    let svg = qr.svg();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\""));
    // The three finder patterns: top-left corner module dark, quiet zone light.
    assert!(qr.dark(0, 0) && qr.dark(20, 0) && qr.dark(0, 20));
    assert!(svg.contains("M4,4h1v1h-1z"));
}

#[test]
fn csv_quotes_what_needs_it_and_defuses_formulas() {
    use firstaid::records::csv::{row, BOM};
    assert_eq!(BOM, "\u{feff}");
    assert_eq!(row(&["a", "王小明", "初二(3)班"]), "a,王小明,初二(3)班\r\n");
    assert_eq!(
        row(&["a,b", "say \"hi\"", "two\nlines"]),
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
    );
    // A learner's name that a spreadsheet would run as a formula.
    assert_eq!(
        row(&["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"]),
        "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1)\r\n"
    );
    assert_eq!(row::<&str>(&[]), "\r\n");
}
