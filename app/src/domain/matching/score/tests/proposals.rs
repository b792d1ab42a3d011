//! Scenarios for the "match with…" lists and the whole-city proposals.

use super::*;

fn ids(ranking: &Ranking) -> (Vec<i32>, Vec<i32>) {
    let allowed = ranking.allowed.iter().map(|c| c.id).collect();
    let forbidden = ranking.forbidden.iter().map(|e| e.id).collect();
    (allowed, forbidden)
}

#[test]
fn a_mentees_list_ranks_allowed_mentors_and_explains_the_others() {
    let mentors = [
        mentor(5),
        MentorProfile {
            city_id: 2,
            available: false,
            ..mentor(4)
        },
        mentor(3),
        MentorProfile {
            sectors: vec![(SALES, 10)],
            ..mentor(8)
        },
        MentorProfile {
            languages: vec![(NL, Native)],
            ..mentor(6)
        },
    ];
    let ranking = top_mentors(&context(), &mentee(100), &mentors, 10);
    // 3 and 5 tie: the lower id first. Forbidden: fewest reasons first.
    assert_eq!(ids(&ranking), (vec![8, 3, 5], vec![6, 4]));
    assert_eq!(
        ranking.allowed[1].score,
        score(&context(), &(mentor(3), mentee(100)))
    );
    let reasons = &ranking.forbidden[0].forbidden.reasons;
    assert_eq!(reasons, &[Reason::NoWorkingLanguage]);

    let top_two = top_mentors(&context(), &mentee(100), &mentors, 2);
    assert_eq!(ids(&top_two), (vec![8, 3], vec![6, 4]));
    let none = top_mentors(&context(), &mentee(100), &mentors, 0);
    assert_eq!(ids(&none), (vec![], vec![6, 4]));
}

#[test]
fn weights_change_the_ranking() {
    let far_same_sector = MentorProfile {
        location: km_north(-17.0),
        ..mentor(1)
    };
    let near_related_sector = MentorProfile {
        sectors: vec![(MARKETING, 5)],
        location: km_north(2.0),
        ..mentor(2)
    };
    let mentors = [near_related_sector, far_same_sector];
    let ranking = top_mentors(&context(), &mentee(100), &mentors, 5);
    assert_eq!(
        ids(&ranking).0,
        [1, 2],
        "by default the sector matters most"
    );
    let distance_first = Context::new(weights([10, 20, 100, 10, 15, 5, 5]))
        .with_related_sectors([(SALES, MARKETING)]);
    let ranking = top_mentors(&distance_first, &mentee(100), &mentors, 5);
    assert_eq!(
        ids(&ranking).0,
        [2, 1],
        "a city weighting distance prefers the near one"
    );
}

#[test]
fn a_mentors_list_puts_long_waiters_first() {
    let mentees = [
        MenteeProfile {
            days_waiting: 10,
            ..mentee(100)
        },
        MenteeProfile {
            days_waiting: 150,
            ..mentee(101)
        },
        MenteeProfile {
            waiting: false,
            ..mentee(102)
        },
    ];
    let ranking = top_mentees(&context(), &mentor(1), &mentees, 5);
    assert_eq!(ids(&ranking), (vec![101, 100], vec![102]));
}

/// Mentor 1 speaks French and Dutch; mentor 2 French only and works in care. Mentee 100
/// (sales, French) fits mentor 1 best; mentee 101 (care, Dutch only) can only have mentor 1.
fn city() -> (Vec<MentorProfile>, Vec<MenteeProfile>) {
    let mentors = vec![
        MentorProfile {
            languages: vec![(FR, Native), (NL, Fluent)],
            ..mentor(1)
        },
        MentorProfile {
            sectors: vec![(CARE, 5)],
            ..mentor(2)
        },
    ];
    let mentees = vec![
        mentee(100),
        MenteeProfile {
            goal_sectors: vec![CARE],
            languages: vec![(NL, Native)],
            ..mentee(101)
        },
    ];
    (mentors, mentees)
}

fn pairs(proposals: &[Proposal]) -> Vec<(i32, i32, bool)> {
    (proposals.iter())
        .map(|p| (p.mentor_id, p.mentee_id, p.locked))
        .collect()
}

#[test]
fn the_whole_city_beats_taking_the_best_pair_first() {
    let (mentors, mentees) = city();
    let ctx = context();
    let best_pair = score(&ctx, &(mentors[0].clone(), mentees[0].clone())).total;
    let proposals = propose(&ctx, &mentors, &mentees, &[]).unwrap();
    let mut found = pairs(&proposals);
    found.sort();
    assert_eq!(found, [(1, 101, false), (2, 100, false)]);
    let sum: u32 = proposals.iter().map(|p| u32::from(p.score.total)).sum();
    assert!(sum > u32::from(best_pair));
    assert!(
        proposals
            .windows(2)
            .all(|w| w[0].score.total >= w[1].score.total)
    );
    for proposal in &proposals {
        let mentor = mentors.iter().find(|m| m.id == proposal.mentor_id).unwrap();
        let mentee = mentees.iter().find(|m| m.id == proposal.mentee_id).unwrap();
        assert_eq!(
            proposal.score,
            score(&ctx, &(mentor.clone(), mentee.clone()))
        );
    }
}

#[test]
fn banned_pair_is_never_proposed() {
    let (mentors, mentees) = city();
    let ctx = context().with_bans([(1, 101)]);
    let proposals = propose(&ctx, &mentors, &mentees, &[]).unwrap();
    // Mentee 101 has nobody left and is simply absent, as is mentor 2.
    assert_eq!(pairs(&proposals), [(1, 100, false)]);
}

#[test]
fn a_lock_is_kept_even_when_it_costs() {
    let (mentors, mentees) = city();
    let proposals = propose(&context(), &mentors, &mentees, &[(1, 100)]).unwrap();
    assert_eq!(pairs(&proposals), [(1, 100, true)]);
    let both = propose(&context(), &mentors, &mentees, &[(2, 100), (1, 101)]).unwrap();
    let mut found = pairs(&both);
    found.sort();
    assert_eq!(found, [(1, 101, true), (2, 100, true)]);
}

#[test]
fn refused_locks_name_the_people() {
    let (mentors, mentees) = city();
    let ctx = context().with_bans([(1, 101)]);
    let forbidden = |mentor_id, mentee_id, reasons| {
        Err(ProposeError::LockedPairForbidden {
            mentor_id,
            mentee_id,
            forbidden: Forbidden { reasons },
        })
    };
    let table = [
        (
            "a forbidden pair",
            vec![(2, 101)],
            forbidden(2, 101, vec![Reason::NoWorkingLanguage]),
        ),
        (
            "a banned pair",
            vec![(1, 101)],
            forbidden(1, 101, vec![Reason::Banned]),
        ),
        (
            "two locks on one mentee",
            vec![(1, 100), (2, 100)],
            Err(ProposeError::ConflictingLocks {
                first: (1, 100),
                second: (2, 100),
            }),
        ),
        (
            "one lock twice",
            vec![(2, 100), (2, 100)],
            Err(ProposeError::ConflictingLocks {
                first: (2, 100),
                second: (2, 100),
            }),
        ),
        (
            "an unknown mentor",
            vec![(9, 100)],
            Err(ProposeError::UnknownMentor { mentor_id: 9 }),
        ),
        (
            "an unknown mentee",
            vec![(1, 999)],
            Err(ProposeError::UnknownMentee { mentee_id: 999 }),
        ),
    ];
    for (name, locks, expected) in table {
        assert_eq!(
            propose(&ctx, &mentors, &mentees, &locks),
            expected,
            "{name}"
        );
    }
    let twice = [mentor(1), mentor(1)];
    let result = propose(&ctx, &twice, &mentees, &[]);
    assert_eq!(result, Err(ProposeError::DuplicateMentor { mentor_id: 1 }));
    let twice = [mentee(7), mentee(7)];
    let result = propose(&ctx, &mentors, &twice, &[]);
    assert_eq!(result, Err(ProposeError::DuplicateMentee { mentee_id: 7 }));
}

#[test]
fn nobody_gives_no_proposals() {
    let (mentors, mentees) = city();
    assert_eq!(propose(&context(), &[], &mentees, &[]), Ok(vec![]));
    assert_eq!(propose(&context(), &mentors, &[], &[]), Ok(vec![]));
}

#[test]
fn the_graph_has_mentees_as_rows_and_allowed_pairs_only() {
    let (mentors, mentees) = city();
    let ctx = context();
    let graph = proposal_graph(&ctx, &mentors, &mentees).unwrap();
    assert_eq!((graph.rows(), graph.cols()), (2, 2));
    assert_eq!(graph.allowed_pairs(), 3);
    let total = |mentor: usize, mentee: usize| {
        let pair = (mentors[mentor].clone(), mentees[mentee].clone());
        Some(i64::from(score(&ctx, &pair).total))
    };
    assert_eq!(graph.score(0, 0), total(0, 0));
    assert_eq!(graph.score(0, 1), total(1, 0));
    assert_eq!(graph.score(1, 0), total(0, 1));
    assert_eq!(graph.score(1, 1), None);
    let empty = proposal_graph(&ctx, &[], &[]).unwrap();
    assert_eq!(
        (empty.rows(), empty.cols(), empty.allowed_pairs()),
        (0, 0, 0)
    );
}
