//! The bundle's outline (`content::outline::members`): each member of a
//! JSON object found by scanning agrees with serde_json's reading of the
//! same object, and what is not an object is an error, or a member text
//! that is not JSON, never a panic.

use firstaid::content::outline::members;
use firstaid::content::BUNDLE;
use serde_json::{Map, Value};

/// Each member's key and value as serde_json reads them, in the order of
/// the keys.
fn by_serde(text: &str) -> Vec<(String, Value)> {
    let map: Map<String, Value> = serde_json::from_str(text).unwrap();
    map.into_iter().collect()
}

fn scanned(text: &str) -> Vec<(String, Value)> {
    let found = members(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    found
        .into_iter()
        .map(|(k, v)| {
            (
                k,
                serde_json::from_str(v).unwrap_or_else(|e| panic!("{v}: {e}")),
            )
        })
        .collect()
}

fn sorted(mut found: Vec<(String, Value)>) -> Vec<(String, Value)> {
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn every_kind_of_member_is_found_as_serde_json_reads_it() {
    for text in [
        "{}",
        " \n{ }\t",
        r#"{"a": 1}"#,
        r#"{"a":1,"b":-2.5e3,"c":true,"d":false,"e":null}"#,
        r#"{"s": "a \"quoted\" word, a } and a ]", "t": "\\"}"#,
        r#"{"k\"ey": 1, "k\\": 2, "\u00e9": 3, "急救": "英雄"}"#,
        r#"{"o": {"p": [1, {"q": "}"}, []], "r": {}}, "after": [[], [[]]]}"#,
        "{\r\n  \"a\" :\t[ 1 , 2 ] ,\n  \"b\" : { \"c\" : \"d\" }\n}\n",
        r#"{"svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg>"}"#,
    ] {
        assert_eq!(sorted(scanned(text)), by_serde(text), "{text}");
    }
}

#[test]
fn members_come_in_the_order_written() {
    let keys: Vec<String> = members(r#"{"b": 1, "a": 2, "c": 3}"#)
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["b", "a", "c"]);
}

#[test]
fn the_bundle_and_each_of_its_maps_read_as_serde_json_reads_them() {
    assert_eq!(sorted(scanned(BUNDLE)), by_serde(BUNDLE));
    for (key, text) in members(BUNDLE).unwrap() {
        if text.starts_with('{') {
            assert_eq!(sorted(scanned(text)), by_serde(text), "{key}");
        }
    }
}

#[test]
fn what_is_not_one_object_is_an_error_that_says_where() {
    for (text, says) in [
        ("", "expected `{` at byte 0"),
        ("[]", "expected `{` at byte 0"),
        ("{", "expected `\"` at byte 1"),
        (r#"{"a"}"#, "expected `:` at byte 4"),
        (r#"{"a":}"#, "expected a value at byte 5"),
        (r#"{"a":1,}"#, "expected `\"` at byte 7"),
        (r#"{"a":1"#, "expected `,` or `}` at byte 6"),
        (r#"{"a":1 "b":2}"#, "expected `,` or `}` at byte 7"),
        (r#"{"a":1} x"#, "text after the end at byte 8"),
        (r#"{"a":"b}"#, "an unclosed string at byte 5"),
        (
            r#"{"a":[1, {"b": 2]"#,
            "an unclosed object or array at byte 5",
        ),
        (r#"{"a\"}"#, "an unclosed string at byte 1"),
        (r#"{"a\u00":1}"#, "a key that does not read ("),
        ("{\"a\tb\":1}", "a key that does not read ("),
    ] {
        let e = members(text).expect_err(text).to_string();
        assert!(e.starts_with(says), "{text}: {e}");
    }
}

#[test]
fn a_cut_or_damaged_bundle_is_an_error_or_text_its_reader_checks_never_a_panic() {
    // Cut anywhere (at character boundaries), or with a byte replaced by
    // each character that means something to the scan.
    let cuts = (0..BUNDLE.len())
        .step_by(BUNDLE.len() / 150)
        .filter(|&i| BUNDLE.is_char_boundary(i))
        .map(|i| BUNDLE[..i].to_owned());
    let damaged = (0..BUNDLE.len()).step_by(BUNDLE.len() / 60).flat_map(|i| {
        ["\"", "\\", "{", "}", "[", "]", ",", ":"].map(|c| {
            let mut t = BUNDLE.as_bytes().to_vec();
            t[i] = c.as_bytes()[0];
            String::from_utf8_lossy(&t).into_owned()
        })
    });
    let (mut refused, mut read) = (0, 0);
    for text in cuts.chain(damaged) {
        let found = members(&text);
        match serde_json::from_str::<Map<String, Value>>(&text) {
            // What serde_json reads as an object, the scan reads the same.
            Ok(_) => {
                assert_eq!(sorted(scanned(&text)), by_serde(&text));
                read += 1;
            }
            // What it does not, the scan refuses, or one of the texts it
            // found is not JSON (its reader then names the file).
            Err(_) => {
                let bad = found.is_err()
                    || found
                        .unwrap()
                        .iter()
                        .any(|(_, v)| serde_json::from_str::<Value>(v).is_err());
                assert!(bad, "{}", &text[..text.len().min(200)]);
                refused += 1;
            }
        }
    }
    assert!(refused > 0 && read > 0, "{refused} refused, {read} read");
}
