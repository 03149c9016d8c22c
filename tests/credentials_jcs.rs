//! JCS (RFC 8785, with its own examples), base58btc and multibase.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::credentials::jcs::{self, JcsError};
use firstaid::credentials::multibase::{self, MultibaseError};
use proptest::prelude::*;
use serde_json::{json, Value};

fn canonical(text: &str) -> String {
    jcs::canonicalize(&serde_json::from_str(text).unwrap()).unwrap()
}

#[test]
fn the_rfcs_example_is_canonicalized() {
    // RFC 8785 §3.2.2 (input) and §3.2.4 (output).
    let input = r#"{
  "numbers": [333333333.33333329, 1E30, 4.50,
              2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}"#;
    assert_eq!(
        canonical(input),
        r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
    );
}

#[test]
fn names_are_sorted_by_utf16_code_units() {
    // RFC 8785 §3.2.3.
    let input = r#"{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}"#;
    assert_eq!(
        canonical(input),
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u{80}\":\"Control\",\
         \"\u{f6}\":\"Latin Small Letter O With Diaeresis\",\"\u{20ac}\":\"Euro Sign\",\
         \"\u{1f600}\":\"Emoji: Grinning Face\",\"\u{fb33}\":\"Hebrew Letter Dalet With Dagesh\"}"
    );
    // UTF-16 order, not code point order: U+1F600 (D83D DE00) sorts before
    // U+FB33, though its code point is larger.
    assert_eq!(
        jcs::canonicalize(&json!({"\u{fb33}": 1, "\u{1f600}": 2})).unwrap(),
        "{\"\u{1f600}\":2,\"\u{fb33}\":1}"
    );
}

#[test]
fn nested_objects_and_arrays_are_canonical() {
    assert_eq!(
        canonical(r#" { "b" : [ 1 , { "z" : {}, "y" : [] } ], "a" : "x" } "#),
        r#"{"a":"x","b":[1,{"y":[],"z":{}}]}"#
    );
    assert_eq!(canonical("[]"), "[]");
    assert_eq!(canonical("\"\""), "\"\"");
}

#[test]
fn strings_are_escaped_as_json_stringify_does() {
    let s = "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}\u{2028}/é\"\\😀";
    assert_eq!(
        jcs::canonicalize(&json!(s)).unwrap(),
        "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\u{7f}\u{2028}/é\\\"\\\\😀\""
    );
}

#[test]
fn numbers_match_the_rfcs_appendix_b() {
    for (bits, text) in [
        (0x0000000000000000u64, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
        (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"),
        (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ] {
        let x = f64::from_bits(bits);
        assert_eq!(jcs::number_to_string(x).unwrap(), text, "{bits:016x}");
        // And the same through a JSON value.
        if let Some(n) = serde_json::Number::from_f64(x) {
            assert_eq!(jcs::canonicalize(&Value::Number(n)).unwrap(), text);
        }
    }
    // The table's NaN and Infinity rows: errors.
    for bits in [
        0x7fffffffffffffffu64,
        0x7ff0000000000000,
        0xfff0000000000000,
    ] {
        assert_eq!(
            jcs::number_to_string(f64::from_bits(bits)),
            Err(JcsError::NonFiniteNumber)
        );
    }
}

#[test]
fn number_layout_follows_ecmascript() {
    for (x, text) in [
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1e-7, "1e-7"),
        (1e-6, "0.000001"),
        (1.5e-7, "1.5e-7"),
        (123.456, "123.456"),
        (-0.5, "-0.5"),
        (2f64.powi(60), "1152921504606847000"),
        (5e-324, "5e-324"),
    ] {
        assert_eq!(jcs::number_to_string(x).unwrap(), text, "{x:e}");
    }
    // Exactly halfway between two shortest candidates: the even one, as in
    // ECMAScript (V8), not the one above.
    for (bits, exact, text) in [
        (
            0xc31a49aa3492c589u64,
            "-1849836192444770.2500",
            "-1849836192444770.2",
        ),
        (
            0x42a786cbc486d2a0,
            "12933855855465.3125",
            "12933855855465.312",
        ),
    ] {
        let x = f64::from_bits(bits);
        assert_eq!(format!("{x:.4}"), exact);
        assert_eq!(jcs::number_to_string(x).unwrap(), text);
    }
}

#[test]
fn integers_are_written_as_doubles_and_inexact_ones_refused() {
    assert_eq!(
        canonical("[0, -0, 1, -1, 100, 1.0, 1e2, -0.0]"),
        "[0,0,1,-1,100,1,100,0]"
    );
    assert_eq!(canonical("9007199254740992"), "9007199254740992");
    assert_eq!(canonical("-9007199254740992"), "-9007199254740992");
    // 2^60: exact as a double, but written 1152921504606847000 by JCS.
    assert_eq!(
        jcs::canonicalize(&json!(1152921504606846976u64)),
        Err(JcsError::InexactInteger("1152921504606846976".into()))
    );
    assert_eq!(canonical("1152921504606847000"), "1152921504606847000");
    // What JCS writes for a double reads back as an integer, and passes.
    assert_eq!(canonical("280861401798691700"), "280861401798691700");
    assert_eq!(canonical("-280861401798691700"), "-280861401798691700");
    assert_eq!(
        jcs::canonicalize(&json!(9007199254740993u64)),
        Err(JcsError::InexactInteger("9007199254740993".into()))
    );
    assert_eq!(
        jcs::canonicalize(&json!(-9007199254740993i64)),
        Err(JcsError::InexactInteger("-9007199254740993".into()))
    );
    assert_eq!(
        jcs::canonicalize(&json!(u64::MAX)),
        Err(JcsError::InexactInteger(u64::MAX.to_string()))
    );
    assert_eq!(
        jcs::canonicalize(&json!(i64::MAX)),
        Err(JcsError::InexactInteger(i64::MAX.to_string()))
    );
    assert_eq!(
        jcs::canonicalize(&json!(i64::MIN)),
        Err(JcsError::InexactInteger(i64::MIN.to_string()))
    );
    assert_eq!(canonical("-9223372036854776000"), "-9223372036854776000");
    // Beyond u64, serde_json reads a double, as ECMAScript does.
    assert_eq!(canonical("295147905179352825856"), "295147905179352830000");
}

#[test]
fn base58_matches_known_vectors() {
    for (bytes, text) in [
        (&b""[..], ""),
        (&[0u8][..], "1"),
        (&[0, 0, 0][..], "111"),
        (&[0, 0, 0x28, 0x7f, 0xb4, 0xcd][..], "11233QC4"),
        (&[0x61][..], "2g"),
        (&[0xff][..], "5Q"),
        (&b"Hello World!"[..], "2NEpo7TZRRrLZSi2U"),
        (
            &b"The quick brown fox jumps over the lazy dog."[..],
            "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
        ),
    ] {
        assert_eq!(multibase::base58_encode(bytes), text);
        assert_eq!(multibase::base58_decode(text).unwrap(), bytes);
    }
    for bad in ['0', 'O', 'I', 'l', '+', ' '] {
        assert_eq!(
            multibase::base58_decode(&format!("2N{bad}")),
            Err(MultibaseError::InvalidCharacter(bad))
        );
    }
}

#[test]
fn multibase_needs_the_z_prefix() {
    assert_eq!(
        multibase::encode_base58btc(b"Hello World!"),
        "z2NEpo7TZRRrLZSi2U"
    );
    assert_eq!(
        multibase::decode_base58btc("z2NEpo7TZRRrLZSi2U").unwrap(),
        b"Hello World!"
    );
    assert_eq!(
        multibase::decode_base58btc("2NEpo7TZRRrLZSi2U"),
        Err(MultibaseError::WrongPrefix)
    );
    assert_eq!(
        multibase::decode_base58btc(""),
        Err(MultibaseError::WrongPrefix)
    );
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(|n| json!(n)),
        (0u64..=(1u64 << 53)).prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(|x| json!(x)),
        any::<String>().prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Equal, numbers compared as the doubles they stand for (JCS writes 1.0
/// as `1` and -0 as `0`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

proptest! {
    #[test]
    fn canonical_json_reads_back_and_is_a_fixed_point(v in value()) {
        let text = jcs::canonicalize(&v).unwrap();
        let back: Value = serde_json::from_str(&text).unwrap();
        prop_assert!(same(&v, &back), "{v} became {back}");
        prop_assert_eq!(jcs::canonicalize(&back).unwrap(), text);
    }

    #[test]
    fn numbers_read_back_exactly(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let text = jcs::number_to_string(x).unwrap();
        let back: f64 = text.parse().unwrap();
        prop_assert!(back == x, "{x:e} became {text}");
        let parsed: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(parsed.as_f64(), Some(if x == 0.0 { 0.0 } else { x }));
        // Read back as serde_json reads it (an integer, if it looks like
        // one), it is canonical still.
        prop_assert_eq!(jcs::canonicalize(&parsed).unwrap(), text);
    }

    #[test]
    fn base58_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..80)) {
        let text = multibase::base58_encode(&bytes);
        let zeros = bytes.iter().take_while(|&&b| b == 0).count();
        prop_assert!(text.starts_with(&"1".repeat(zeros)));
        prop_assert_eq!(multibase::base58_decode(&text).unwrap(), bytes);
    }
}
