//! What a practice session shows as its position: "question n of N" keeps
//! N, the planned questions, when wrong answers come back at the end; the
//! questions that come back are "again", not "11 of 12".
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::tiny;
use firstaid::profile::ProfileId;
use firstaid::quiz::leitner::Schedule;
use firstaid::quiz::practice::{plan, Position, Scope, MAX_RETRIES};
use firstaid::quiz::scoring::{Response, FULL};

#[test]
fn the_total_stays_the_planned_count_when_wrong_answers_come_back() {
    let mut s = plan(
        &tiny(),
        ProfileId::Aha,
        &Scope::All,
        &Schedule::default(),
        0,
        3,
        5,
    );
    assert_eq!(s.planned(), 3);
    let mut shown = Vec::new();
    while s.current().is_some() {
        shown.push(s.position(s.index));
        // Every answer wrong: each question comes back MAX_RETRIES times.
        assert!(s.check(Response::TrueFalse(true), FULL / 4));
        assert_eq!(s.planned(), 3, "the total does not grow");
        s.advance();
    }
    let again = 3 * usize::from(MAX_RETRIES);
    assert_eq!(s.queue.len(), 3 + again, "the queue grew");
    let mut want: Vec<Position> = (1..=3).map(|n| Position::Planned { n, of: 3 }).collect();
    want.extend(std::iter::repeat_n(Position::Again, again));
    assert_eq!(shown, want);
}
