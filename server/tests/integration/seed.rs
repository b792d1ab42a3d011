//! The demo data: loads on both backends, is deterministic, covers every
//! status, and gives the programme's headline figures roughly as the seed
//! text reports them (71 % positive outcomes, 53 % in a job within 12 months,
//! 9 in 10 mentors starting another duo).

use std::collections::{HashMap, HashSet};

use app::db::entities::{closures, duos, follow_ups, mentees, mentors};
use app::domain::duo::DuoStatus;
use app::domain::mentee::MenteeStatus;
use app::domain::mentor::MentorStatus;
use chrono::{Months, NaiveDate};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait, QueryOrder};
use server::seed::{load_demo, load_reference};

use crate::support::db::on_both_backends;
use crate::support::fixtures::migrate;

on_both_backends!(demo_data_is_complete_and_plausible);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
}

async fn demo_data_is_complete_and_plausible(db: DatabaseConnection) {
    migrate(&db).await;
    load_reference(&db).await.expect("reference");
    load_reference(&db)
        .await
        .expect("reference again is a no-op");
    let summary = load_demo(&db, today()).await.expect("demo");
    assert!(
        (250..=350).contains(&summary.mentors),
        "mentors: {}",
        summary.mentors
    );
    assert!(
        (350..=450).contains(&summary.mentees),
        "mentees: {}",
        summary.mentees
    );
    assert!(
        (200..=300).contains(&summary.duos),
        "duos: {}",
        summary.duos
    );
    assert_eq!(
        mentors::Entity::find().count(&db).await.expect("count") as usize,
        summary.mentors
    );

    let mentor_statuses: HashSet<String> = mentors::Entity::find()
        .all(&db)
        .await
        .expect("mentors")
        .into_iter()
        .map(|m| m.status)
        .collect();
    for status in MentorStatus::ALL {
        assert!(
            mentor_statuses.contains(status.as_str()),
            "no mentor is {status}"
        );
    }
    let mentee_statuses: HashSet<String> = mentees::Entity::find()
        .all(&db)
        .await
        .expect("mentees")
        .into_iter()
        .map(|m| m.status)
        .collect();
    for status in MenteeStatus::ALL {
        assert!(
            mentee_statuses.contains(status.as_str()),
            "no mentee is {status}"
        );
    }
    let all_duos = duos::Entity::find()
        .order_by_asc(duos::Column::Id)
        .all(&db)
        .await
        .expect("duos");
    let duo_statuses: HashSet<&str> = all_duos.iter().map(|d| d.status.as_str()).collect();
    for status in DuoStatus::ALL {
        assert!(duo_statuses.contains(status.as_str()), "no duo is {status}");
    }

    // 71 %: closed duos with a job, internship or training, of those with a known outcome.
    let outcomes: Vec<String> = closures::Entity::find()
        .all(&db)
        .await
        .expect("closures")
        .into_iter()
        .map(|c| c.outcome)
        .collect();
    let known = outcomes.iter().filter(|o| *o != "unknown").count() as f64;
    let positive = outcomes
        .iter()
        .filter(|o| ["job", "internship", "training"].contains(&o.as_str()))
        .count() as f64;
    let rate = positive / known;
    assert!(
        (0.66..=0.76).contains(&rate),
        "positive outcome rate {rate:.3}"
    );

    // 53 %: of mentees whose 12 months after the end have passed, a job on a follow-up at or before 12 months.
    let ended: HashMap<i32, NaiveDate> = all_duos
        .iter()
        .filter(|d| d.status == "closed")
        .filter_map(|d| Some((d.id, d.ended_on?)))
        .filter(|(_, end)| {
            end.checked_add_months(Months::new(12))
                .is_some_and(|due| due <= today())
        })
        .collect();
    let mut in_job: HashSet<i32> = HashSet::new();
    for follow_up in follow_ups::Entity::find()
        .all(&db)
        .await
        .expect("follow-ups")
    {
        if ended.contains_key(&follow_up.duo_id)
            && follow_up.month <= 12
            && follow_up.outcome.as_deref() == Some("job")
        {
            in_job.insert(follow_up.duo_id);
        }
    }
    let share = in_job.len() as f64 / ended.len() as f64;
    assert!(
        ended.len() >= 20,
        "enough duos past their 12 months: {}",
        ended.len()
    );
    assert!(
        (0.45..=0.60).contains(&share),
        "job within 12 months {share:.3}"
    );

    // 9 in 10: mentors whose first duo closed at least three months ago and who started another.
    let mut by_mentor: HashMap<i32, Vec<&duos::Model>> = HashMap::new();
    for duo in &all_duos {
        by_mentor.entry(duo.mentor_id).or_default().push(duo);
    }
    let cutoff = today().checked_sub_months(Months::new(3)).expect("date");
    let (mut eligible, mut returned) = (0, 0);
    for duos in by_mentor.values() {
        let Some(first_closed) = duos
            .iter()
            .filter(|d| d.status == "closed")
            .filter_map(|d| d.ended_on)
            .min()
        else {
            continue;
        };
        if first_closed > cutoff {
            continue;
        }
        eligible += 1;
        if duos
            .iter()
            .any(|d| d.proposed_at.date_naive() > first_closed)
        {
            returned += 1;
        }
    }
    let return_rate = f64::from(returned) / f64::from(eligible);
    assert!(
        (0.80..=0.95).contains(&return_rate),
        "mentor return rate {return_rate:.3} of {eligible}"
    );
}
