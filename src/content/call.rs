//! The emergency number in the curriculum's texts. A step or a question
//! never writes a number to call: it writes [`CALL`], and the app puts
//! the number where the learner is (`Settings::call_number`: the region's,
//! or their own), the same number every call button dials. A guideline
//! names its own country's number (120, 911, 112): taught as written, a
//! learner who follows AHA in Shanghai would learn to dial 911.
//!
//! Only the questions that teach the numbers themselves
//! ([`NUMBER_QUESTIONS`]) write them; the validator refuses a number to
//! call anywhere else in a learner-facing text ([`numbers_in`]).

use std::borrow::Cow;

/// Where a text says the emergency number.
pub const CALL: &str = "{call}";

/// The questions about which number is which (ids start with this): the
/// only learner-facing texts that write emergency numbers.
pub const NUMBER_QUESTIONS: &str = "recognise-and-call.number-";

/// The emergency numbers the guidelines name.
const NUMBERS: [&str; 4] = ["120", "911", "112", "999"];

/// `text` with `number` for every [`CALL`].
pub fn fill<'a>(text: &'a str, number: &str) -> Cow<'a, str> {
    if text.contains(CALL) {
        Cow::Owned(text.replace(CALL, number))
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` cut at every [`CALL`]: the number goes between two pieces.
pub fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(CALL)
}

/// The emergency numbers written in `text` as numbers: 120, 911, 112 or
/// 999 standing alone (not inside a longer number), except 120 as the top
/// of the compression rate ("100 to 120", "100到120", "100–120").
pub fn numbers_in(text: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for n in NUMBERS {
        for (at, _) in text.match_indices(n) {
            let before = &text[..at];
            let after = &text[at + n.len()..];
            // Inside a longer number: a digit next to it, or a decimal
            // point with a digit beyond ("2.120", "120.5"; not the full
            // stop of "Call 911.").
            let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let mut back = before.chars().rev();
            let mut on = after.chars();
            let (b1, b2) = (back.next(), back.next());
            let (a1, a2) = (on.next(), on.next());
            if digit(b1)
                || digit(a1)
                || (b1 == Some('.') && digit(b2))
                || (a1 == Some('.') && digit(a2))
            {
                continue;
            }
            let rate = n == "120"
                && ["100 to ", "100到", "100至", "100–", "100-", "100 – "]
                    .iter()
                    .any(|p| before.ends_with(p));
            if !rate {
                out.push(n);
            }
        }
    }
    out
}
