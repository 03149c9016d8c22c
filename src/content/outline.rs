//! The content bundle's outline: where the text of each member of a JSON
//! object is, found by scanning, without building anything.
//!
//! Why not serde_json's `RawValue`, which does the same: its cargo feature
//! (`raw_value`) adds a branch to serde_json's code for every field of
//! every struct written into a `serde_json::Value` — which the app's saves
//! do — and made the main wasm module 3.9 KB brotli bigger (11.7 KB of code
//! before optimising), for the few lines below. Only the outline is read
//! here: each member's text is handed on as it is, and its reader
//! (`serde_json::from_str`) checks that it is JSON.

/// What is wrong in a text, and where (a byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub what: String,
    pub at: usize,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

fn problem(what: impl Into<String>, at: usize) -> Problem {
    Problem {
        what: what.into(),
        at,
    }
}

/// The members of the JSON object that is `text` (with whitespace around
/// it): each key, decoded, with its value's text, in the order written. An
/// error (saying where) when `text` is not one object, or a member is not
/// `"key": value`.
pub fn members(text: &str) -> Result<Vec<(String, &str)>, Problem> {
    let b = text.as_bytes();
    let mut i = blank(b, 0);
    expect(b, i, b'{')?;
    i = blank(b, i + 1);
    let mut found = Vec::new();
    if b.get(i) == Some(&b'}') {
        return end(b, i + 1).map(|()| found);
    }
    loop {
        expect(b, i, b'"')?;
        let key_end = string_end(b, i)?;
        let key = key_text(&text[i..key_end]).map_err(|e| problem(e, i))?;
        i = blank(b, key_end);
        expect(b, i, b':')?;
        let start = blank(b, i + 1);
        let value_end = value_end(b, start)?;
        found.push((key, &text[start..value_end]));
        i = blank(b, value_end);
        match b.get(i) {
            Some(b',') => i = blank(b, i + 1),
            Some(b'}') => return end(b, i + 1).map(|()| found),
            _ => return Err(problem("expected `,` or `}`", i)),
        }
    }
}

/// A key's text (with its quotes), decoded (by serde_json, which also
/// refuses a control character, where there is an escape or one).
fn key_text(quoted: &str) -> Result<String, String> {
    let inner = &quoted[1..quoted.len() - 1];
    if inner.bytes().any(|c| c == b'\\' || c < 0x20) {
        serde_json::from_str(quoted).map_err(|e| format!("a key that does not read ({e})"))
    } else {
        Ok(inner.to_owned())
    }
}

/// The first byte from `i` on that is not JSON whitespace.
fn blank(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

fn expect(b: &[u8], i: usize, want: u8) -> Result<(), Problem> {
    if b.get(i) == Some(&want) {
        Ok(())
    } else {
        Err(problem(format!("expected `{}`", want as char), i))
    }
}

/// Nothing but whitespace from `i` on.
fn end(b: &[u8], i: usize) -> Result<(), Problem> {
    let i = blank(b, i);
    if i == b.len() {
        Ok(())
    } else {
        Err(problem("text after the end", i))
    }
}

/// Just past the string that starts (with its quote) at `i`. (A byte of a
/// character of more than one byte is never a quote or a backslash, so the
/// bytes can be read one by one.)
fn string_end(b: &[u8], i: usize) -> Result<usize, Problem> {
    let mut j = i + 1;
    while let Some(&c) = b.get(j) {
        match c {
            b'\\' => j += 2,
            b'"' => return Ok(j + 1),
            _ => j += 1,
        }
    }
    Err(problem("an unclosed string", i))
}

/// Just past the value that starts at `i`: a string, an object or an array
/// (to its closing bracket, strings within skipped), or else a number or a
/// word (to the next delimiter).
fn value_end(b: &[u8], i: usize) -> Result<usize, Problem> {
    match b.get(i) {
        None => Err(problem("expected a value", i)),
        Some(b'"') => string_end(b, i),
        Some(b'{' | b'[') => {
            let (mut depth, mut j) = (0usize, i);
            while let Some(&c) = b.get(j) {
                match c {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            Err(problem("an unclosed object or array", i))
        }
        Some(_) => {
            let mut j = i;
            while !matches!(
                b.get(j),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                j += 1;
            }
            if j == i {
                Err(problem("expected a value", i))
            } else {
                Ok(j)
            }
        }
    }
}
