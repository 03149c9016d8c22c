//! The emergency number in the curriculum's texts (`content::call`): a
//! text says `{call}` and the app fills in the learner's number; the
//! validator finds a number to call written out, but not the compression
//! rate's 120 or a longer number; and no shipped text writes one outside
//! the questions about the numbers themselves.

use firstaid::content::call::{self, fill, numbers_in, pieces, CALL};
use firstaid::content::plain::items;
use firstaid::content::Curriculum;
use firstaid::settings::Lang;

#[test]
fn the_number_goes_where_the_text_says() {
    let cases = [
        ("Call {call} now.", "999", "Call 999 now."),
        ("拨打{call}，开免提", "120", "拨打120，开免提"),
        ("{call}; {call}", "112", "112; 112"),
        ("No number here.", "911", "No number here."),
        ("", "911", ""),
    ];
    for (text, number, want) in cases {
        assert_eq!(fill(text, number), want, "{text}");
        let joined = pieces(text).collect::<Vec<_>>().join(number);
        assert_eq!(joined, want, "the pieces of {text}");
    }
}

#[test]
fn numbers_to_call_are_found_and_the_rate_is_not() {
    let cases: [(&str, &[&str]); 16] = [
        ("Make sure someone calls 911.", &["911"]),
        ("Call 112.", &["112"]),
        ("120.5 cm", &[]),
        ("(999)", &["999"]),
        ("Call 911 now.", &["911"]),
        ("拨打120。", &["120"]),
        ("现在就拨打112（在英国也可以拨999）。", &["112", "999"]),
        ("Make sure 112 has been called.", &["112"]),
        ("Push 100 to 120 times a minute.", &[]),
        ("每分钟100到120次", &[]),
        ("100–120 a minute", &[]),
        ("Call 1120 or 9110.", &[]),
        ("2.120 cm", &[]),
        ("Call {call} now.", &[]),
        ("120 people", &["120"]),
        ("", &[]),
    ];
    for (text, want) in cases {
        assert_eq!(numbers_in(text), want, "{text}");
    }
}

#[test]
fn shipped_texts_write_no_number_to_call_but_the_number_questions() {
    let c = Curriculum::embedded().unwrap();
    let mut calls = 0;
    for item in items(&c) {
        for lang in [Lang::ZhCn, Lang::En] {
            let t = item.text.get(lang);
            calls += t.matches(CALL).count();
            if !item
                .at
                .starts_with(&format!("question {}", call::NUMBER_QUESTIONS))
            {
                assert_eq!(numbers_in(t), Vec::<&str>::new(), "{}: {t}", item.at);
            }
        }
    }
    // The lessons and questions that say to call do say {call}.
    assert!(calls >= 60, "{calls} places say {CALL}");
}

#[test]
fn a_number_written_out_or_a_misspelt_placeholder_is_a_problem() {
    let base = Curriculum::embedded().unwrap();
    assert!(firstaid::content::plain::problems(&base).is_empty());
    type Break = Box<dyn Fn(&mut Curriculum)>;
    fn step(c: &mut Curriculum) -> &mut firstaid::content::Step {
        c.lessons
            .iter_mut()
            .flat_map(|l| l.steps.iter_mut())
            .find(|s| s.id == "when-to-call")
            .unwrap()
    }
    let cases: Vec<(&str, &str, Break)> = vec![
        (
            "recognise-and-call/when-to-call [rcsc] (en)",
            "writes the emergency number 120",
            Box::new(|c| step(c).text.en = "Call 120 at once.".into()),
        ),
        (
            "recognise-and-call/when-to-call [aha] (zh)",
            "writes the emergency number 911",
            Box::new(|c| step(c).variants[0].text.zh = "马上拨打911。".into()),
        ),
        (
            "question recognise-and-call.order-aha option call (en)",
            "writes the emergency number 911",
            Box::new(|c| {
                let q = c
                    .questions
                    .iter_mut()
                    .find(|q| q.id == "recognise-and-call.order-aha");
                let o = q
                    .unwrap()
                    .options
                    .iter_mut()
                    .find(|o| o.id == "call")
                    .unwrap();
                o.text.en = "Call 911 on speaker".into();
            }),
        ),
        (
            "recognise-and-call/when-to-call [rcsc] (zh)",
            "has braces that are not {call}",
            Box::new(|c| step(c).text.zh = "马上拨打{cal}。".into()),
        ),
        (
            "recognise-and-call title (en)",
            "says {call} where the app does not fill it in",
            Box::new(|c| c.lessons[0].title.en = "Call {call}".into()),
        ),
    ];
    for (at, what, break_it) in cases {
        let mut c = base.clone();
        break_it(&mut c);
        let found = firstaid::content::plain::problems(&c);
        assert!(
            found.iter().any(|p| p.starts_with(at) && p.contains(what)),
            "{at}: {found:?}"
        );
    }
}
