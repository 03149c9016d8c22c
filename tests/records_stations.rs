//! A practical session's class plan: groups of up to ten, stations of up to
//! five, as even as can be, in the roster's order; the rotation timer.

use firstaid::records::stations::{plan, Rotation, Turn};

/// The sizes of a plan: per group, its stations' sizes.
fn sizes(n: usize, group: usize, station: usize) -> Vec<Vec<usize>> {
    plan(n, group, station)
        .iter()
        .map(|g| g.stations.iter().map(|s| s.len()).collect())
        .collect()
}

#[test]
fn groups_and_stations_are_as_even_as_they_can_be() {
    let cases: &[(usize, usize, usize, &[&[usize]])] = &[
        (0, 10, 5, &[]),
        (1, 10, 5, &[&[1]]),
        (10, 10, 5, &[&[5, 5]]),
        (11, 10, 5, &[&[3, 3], &[5]]),
        (12, 10, 5, &[&[3, 3], &[3, 3]]),
        (23, 10, 5, &[&[4, 4], &[4, 4], &[4, 3]]),
        (7, 10, 5, &[&[4, 3]]),
        (20, 10, 5, &[&[5, 5], &[5, 5]]),
        (9, 10, 4, &[&[3, 3, 3]]),
        // Sizes out of range are clamped (a station of at least one).
        (3, 10, 0, &[&[1, 1, 1]]),
        (4, 0, 5, &[&[1], &[1], &[1], &[1]]),
    ];
    for &(n, group, station, want) in cases {
        assert_eq!(
            sizes(n, group, station),
            want,
            "{n} learners, groups of {group}, stations of {station}"
        );
    }
}

#[test]
fn every_learner_is_in_one_station_in_roster_order() {
    for n in 0..=205 {
        for (group, station) in [(10, 5), (8, 4), (30, 10), (1, 1)] {
            let p = plan(n, group, station);
            let all: Vec<usize> = p
                .iter()
                .flat_map(|g| g.stations.iter().flat_map(|s| s.clone()))
                .collect();
            assert_eq!(all, (0..n).collect::<Vec<_>>(), "{n}, {group}, {station}");
            for g in &p {
                assert!(g.learners().len() <= group && !g.learners().is_empty());
                let (min, max) = (
                    g.stations.iter().map(|s| s.len()).min().unwrap(),
                    g.stations.iter().map(|s| s.len()).max().unwrap(),
                );
                assert!(
                    max <= station && max - min <= 1,
                    "{n}, {group}, {station}: {g:?}"
                );
            }
            let gs: Vec<usize> = p.iter().map(|g| g.learners().len()).collect();
            if let (Some(min), Some(max)) = (gs.iter().min(), gs.iter().max()) {
                assert!(max - min <= 1, "{n}, {group}: {gs:?}");
            }
        }
    }
}

#[test]
fn the_rotation_moves_on_each_round_and_pauses() {
    let cases = [
        (
            0,
            Turn {
                round: 0,
                remaining_ms: 120_000,
            },
            Some(0),
        ),
        (
            119_999,
            Turn {
                round: 0,
                remaining_ms: 1,
            },
            Some(0),
        ),
        (
            120_000,
            Turn {
                round: 1,
                remaining_ms: 120_000,
            },
            Some(1),
        ),
        (
            610_000,
            Turn {
                round: 5,
                remaining_ms: 110_000,
            },
            Some(0),
        ),
    ];
    for (elapsed, want, first_station) in cases {
        let t = Turn::at(elapsed, 120_000);
        assert_eq!(t, want, "{elapsed} ms");
        assert_eq!(t.on_manikin(5), first_station, "{elapsed} ms");
    }
    assert_eq!(Turn::at(5, 120_000).on_manikin(0), None);

    let mut r = Rotation::default();
    assert_eq!(r.elapsed_ms(1_000), 0);
    r.start(1_000);
    r.start(2_000); // a second start changes nothing
    assert_eq!(r.elapsed_ms(31_000), 30_000);
    r.pause(31_000);
    assert_eq!(r.elapsed_ms(99_000), 30_000);
    r.start(100_000);
    assert_eq!(r.elapsed_ms(110_000), 40_000);
    // A clock set back does not run the timer backwards.
    assert_eq!(r.elapsed_ms(50_000), 30_000);
}
