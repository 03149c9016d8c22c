//! The stylesheet as shipped: the files under `style/` joined, without
//! their comments, blank lines and indentation.
//!
//! The comments explain the design to whoever edits it; every first visit
//! paid for them, a quarter of the stylesheet: 17.3 → 12.5 KB brotli.
//! Written here rather than taken from a CSS minifier crate: removing
//! comments needs only to know where strings are, and a full minifier
//! (lightningcss and its parser stack) would add to every build of xtask
//! for the last 0.7 KB, which rewriting whitespace between tokens saves.

/// `source` without `/* … */` comments (a `/*` inside a quoted string is
/// kept; one between two words leaves `/**/`), lines left empty, and each
/// line's leading and trailing spaces.
/// Line breaks between the remaining lines stay, so no two tokens meet.
pub fn shipped(source: &str) -> String {
    let mut text = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                text.push(c);
                if c == '\\' {
                    if let Some(escaped) = chars.next() {
                        text.push(escaped);
                    }
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                text.push(c);
            }
            None if c == '/' && chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                // A comment is not a space (`.a/**/.b` is `.a.b`), but it
                // keeps two words apart (`1px/**/solid`): then an empty one.
                let word = |c: Option<char>| {
                    c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
                };
                if word(text.chars().last()) && word(chars.peek().copied()) {
                    text.push_str("/**/");
                }
            }
            None => text.push(c),
        }
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shipped;

    #[test]
    fn comments_blank_lines_and_indentation_go() {
        for (source, want) in [
            ("/* a */\n.a { color: red; }\n", ".a { color: red; }\n"),
            (
                "/* one\n * two\n */\n\n.a {\n  color: red; /* why */\n}\n",
                ".a {\ncolor: red;\n}\n",
            ),
            // A comment is not a space, but two words stay apart.
            (".a/* x */.b { x: 1 }", ".a.b { x: 1 }\n"),
            (
                ".a { border: 1px/* x */solid }",
                ".a { border: 1px/**/solid }\n",
            ),
            // The descendant combinator's space stays.
            (
                ".emergency :is(.a, .b) .button { x: 1 }",
                ".emergency :is(.a, .b) .button { x: 1 }\n",
            ),
            // "/*" in a string is text, not a comment; escaped quotes too.
            (
                "a::after { content: \"/* no */\" / \"\"; }",
                "a::after { content: \"/* no */\" / \"\"; }\n",
            ),
            (
                "a::after { content: 'it\\'s /* */'; } /* gone */",
                "a::after { content: 'it\\'s /* */'; }\n",
            ),
            // An unclosed comment ends the text.
            (".a { x: 1 }\n/* open", ".a { x: 1 }\n"),
        ] {
            assert_eq!(shipped(source), want, "{source:?}");
        }
    }

    /// Every file under `style/`: nothing but its comments and spacing
    /// is dropped. (Our files never write `/*` inside a string, so cutting
    /// from each `/*` to the next `*/` finds exactly their comments.)
    #[test]
    fn the_stylesheets_keep_everything_but_comments_and_spacing() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    files(&path, out);
                } else if path.extension().is_some_and(|e| e == "css") {
                    out.push(path);
                }
            }
        }
        fn cut_comments(mut s: &str) -> String {
            let mut out = String::new();
            while let Some(start) = s.find("/*") {
                out.push_str(&s[..start]);
                let end = s[start..].find("*/").expect("every comment is closed");
                s = &s[start + end + 2..];
            }
            out + s
        }
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let mut paths = Vec::new();
        files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../style"),
            &mut paths,
        );
        assert!(paths.len() > 5, "the stylesheets are found: {paths:?}");
        let (mut before, mut after) = (0, 0);
        for path in paths {
            let source = std::fs::read_to_string(&path).unwrap();
            let out = shipped(&source);
            assert_eq!(
                squeeze(&out),
                squeeze(&cut_comments(&source)),
                "{}",
                path.display()
            );
            assert!(!out.contains("/*"), "{}", path.display());
            before += source.len();
            after += out.len();
        }
        assert!(after < before * 9 / 10, "{before} → {after} bytes");
    }
}
