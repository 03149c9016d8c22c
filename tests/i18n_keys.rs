//! Translation parity: the Chinese and English files have exactly the same
//! keys, every value is a non-empty string, and interpolations match.

mod common;

use common::locales::load;

/// The placeholders of a translation, sorted: `{{ name }}` (filled by
/// leptos_i18n in views) and `{name}` (filled by the app's `fill`, for
/// text such as rejection reasons that also goes into files).
fn placeholders(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let double = rest[i..].starts_with("{{");
        let (open, close) = if double { (2, "}}") } else { (1, "}") };
        let Some(j) = rest[i..].find(close) else {
            break;
        };
        let name = rest[i + open..i + j].trim();
        out.push(if double {
            format!("{{{{{name}}}}}")
        } else {
            format!("{{{name}}}")
        });
        rest = &rest[i + j + close.len()..];
    }
    out.sort();
    out
}

#[test]
fn chinese_and_english_have_the_same_keys_and_placeholders() {
    let zh = load("zh-CN");
    let en = load("en");
    let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    assert!(
        only_zh.is_empty() && only_en.is_empty(),
        "only in zh-CN: {only_zh:?}; only in en: {only_en:?}"
    );
    let mut problems = Vec::new();
    for (k, en_text) in &en {
        let zh_text = &zh[k];
        if en_text.trim().is_empty() || zh_text.trim().is_empty() {
            problems.push(format!("{k}: empty"));
        }
        if placeholders(en_text) != placeholders(zh_text) {
            problems.push(format!("{k}: placeholders differ"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn chinese_strings_are_chinese() {
    // Guards against an English string pasted into the Chinese file. Names
    // that are the same in both languages are listed here.
    let same_in_both = [
        "lang_zh",
        "lang_en",
        "profiles.aha_short",
        "profiles.erc_short",
    ];
    let zh = load("zh-CN");
    let untranslated: Vec<_> = zh
        .iter()
        .filter(|(k, _)| !same_in_both.contains(&k.as_str()))
        // Chinese characters, or (a lone colon) full-width punctuation.
        .filter(|(_, v)| {
            !v.chars().any(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{ff01}'..='\u{ff1f}').contains(&c)
            })
        })
        .map(|(k, _)| k.clone())
        .collect();
    assert!(
        untranslated.is_empty(),
        "no Chinese characters in: {untranslated:?}"
    );
}

#[test]
fn placeholder_parsing() {
    assert_eq!(
        placeholders("Call {{ number }} now {{x}}"),
        ["{{number}}", "{{x}}"]
    );
    assert_eq!(placeholders("a {{ n }} b {m} c"), ["{m}", "{{n}}"]);
    assert!(placeholders("no placeholders").is_empty());
}
