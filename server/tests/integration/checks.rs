//! CHECK constraints refuse values outside the domain's lists and ranges, on
//! both backends, and name themselves in the error.

use crate::support::db::on_both_backends;
use crate::support::fixtures::{
    assert_refused_by, at, city, day, duo, duo_row, insert_duo, insert_mentee, insert_mentor,
    mentee, mentee_row, mentor, mentor_row, migrate,
};
use app::db::entities::{
    closures, consents, evaluations, follow_ups, meeting_topics, meetings, mentor_returns,
    programme_settings, sector_relations, sectors,
};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};

on_both_backends!(
    people_statuses_and_reasons_are_checked,
    duo_status_reason_and_dates_are_checked,
    scores_and_durations_are_checked,
    owners_and_pairs_are_checked,
);

async fn people_statuses_and_reasons_are_checked(db: DatabaseConnection) {
    migrate(&db).await;
    let city = city(&db, "mechelen").await;

    let mut row = mentor_row(city, 1);
    row.status = "retired".to_owned();
    assert_refused_by(insert_mentor(&db, row).await, "ck_mentors_status");
    let mut row = mentor_row(city, 2);
    row.status = "left".to_owned();
    row.status_reason = Some("bored".to_owned());
    assert_refused_by(insert_mentor(&db, row).await, "ck_mentors_status_reason");
    let mut row = mentor_row(city, 3);
    row.birth_year = 1850;
    assert_refused_by(insert_mentor(&db, row).await, "ck_mentors_birth_year");
    let mut row = mentor_row(city, 4);
    row.locale = "de".to_owned();
    assert_refused_by(insert_mentor(&db, row).await, "ck_mentors_locale");
    let mut row = mentor_row(city, 5);
    row.status = "left".to_owned();
    row.status_reason = Some("found_work".to_owned());
    insert_mentor(&db, row).await.expect("a valid exit reason");

    let mut row = mentee_row(city, 1);
    row.waiting_since = None;
    assert_refused_by(insert_mentee(&db, row).await, "ck_mentees_waiting_since");
    let mut row = mentee_row(city, 2);
    row.education_level = "phd".to_owned();
    assert_refused_by(insert_mentee(&db, row).await, "ck_mentees_education_level");
    let mut row = mentee_row(city, 3);
    row.postcode = 999;
    assert_refused_by(insert_mentee(&db, row).await, "ck_mentees_postcode");
}

async fn duo_status_reason_and_dates_are_checked(db: DatabaseConnection) {
    migrate(&db).await;
    let city = city(&db, "brussels").await;
    let (m, e) = (mentor(&db, city, 1).await, mentee(&db, city, 1).await);

    assert_refused_by(duo(&db, m, e, city, "matched").await, "ck_duos_status");
    let mut row = duo_row(m, e, city, "declined");
    row.reason_code = Some("found_love".to_owned());
    assert_refused_by(insert_duo(&db, row).await, "ck_duos_reason_code");
    let mut row = duo_row(m, e, city, "active");
    row.started_on = Some(day(12, 1));
    row.planned_end_on = Some(day(11, 30));
    assert_refused_by(insert_duo(&db, row).await, "ck_duos_planned_end");
    let mut row = duo_row(m, e, city, "active");
    row.match_score = Some(101);
    assert_refused_by(insert_duo(&db, row).await, "ck_duos_match_score");

    let mut row = duo_row(m, e, city, "stopped_early");
    row.reason_code = Some("mentee_found_work".to_owned());
    row.started_on = Some(day(6, 1));
    row.planned_end_on = Some(day(12, 1));
    insert_duo(&db, row)
        .await
        .expect("a stop reason is a valid reason code");
}

fn evaluation(duo_id: i32, kind: &str, score: i32) -> evaluations::ActiveModel {
    evaluations::ActiveModel {
        duo_id: Set(duo_id),
        kind: Set(kind.to_owned()),
        respondent: Set("mentee".to_owned()),
        self_confidence: Set(3),
        career_plan: Set(3),
        job_search_tools: Set(score),
        language: Set(4),
        network: Set(2),
        completed_at: Set(at(3, 12)),
        ..Default::default()
    }
}

async fn scores_and_durations_are_checked(db: DatabaseConnection) {
    migrate(&db).await;
    let city = city(&db, "ghent").await;
    let (m, e) = (mentor(&db, city, 1).await, mentee(&db, city, 1).await);
    let duo = duo(&db, m, e, city, "active").await.expect("duo").id;

    let score = "ck_evaluations_job_search_tools";
    assert_refused_by(evaluation(duo, "start", 6).insert(&db).await, score);
    assert_refused_by(evaluation(duo, "start", 0).insert(&db).await, score);
    assert_refused_by(
        evaluation(duo, "final", 3).insert(&db).await,
        "ck_evaluations_kind",
    );
    evaluation(duo, "start", 5)
        .insert(&db)
        .await
        .expect("a valid evaluation");
    let twice = evaluation(duo, "start", 4).insert(&db).await;
    assert!(twice.is_err(), "one start evaluation per respondent");

    let meeting = |minutes: i32| meetings::ActiveModel {
        duo_id: Set(duo),
        held_on: Set(day(11, 20)),
        duration_minutes: Set(minutes),
        created_at: Set(at(20, 18)),
        updated_at: Set(at(20, 18)),
        ..Default::default()
    };
    let duration = "ck_meetings_duration_minutes";
    assert_refused_by(meeting(14).insert(&db).await, duration);
    assert_refused_by(meeting(481).insert(&db).await, duration);
    let held = meeting(120).insert(&db).await.expect("a two-hour meeting");
    let topic = |topic: &str| meeting_topics::ActiveModel {
        meeting_id: Set(held.id),
        topic: Set(topic.to_owned()),
    };
    assert_refused_by(
        meeting_topics::Entity::insert(topic("gossip"))
            .exec(&db)
            .await,
        "ck_meeting_topics_topic",
    );
    meeting_topics::Entity::insert(topic("cv"))
        .exec(&db)
        .await
        .expect("topic");

    let follow_up = follow_ups::ActiveModel {
        duo_id: Set(duo),
        month: Set(4),
        due_on: Set(day(12, 1)),
        self_reported: Set(true),
        ..Default::default()
    };
    assert_refused_by(follow_up.insert(&db).await, "ck_follow_ups_month");

    // Job details belong to a job only, and an open follow-up has none.
    let closure = |outcome: &str, contract: Option<&str>| closures::ActiveModel {
        duo_id: Set(duo),
        outcome: Set(outcome.to_owned()),
        contract_type: Set(contract.map(str::to_owned)),
        lasts_three_months: Set(None),
        self_reported: Set(true),
        closed_by: Set(None),
        closed_on: Set(day(12, 1)),
        note: Set(None),
    };
    let contract = "ck_closures_contract_type";
    assert_refused_by(
        closure("training", Some("permanent")).insert(&db).await,
        contract,
    );
    assert_refused_by(closure("job", Some("forever")).insert(&db).await, contract);
    let open = follow_ups::ActiveModel {
        duo_id: Set(duo),
        month: Set(3),
        due_on: Set(day(12, 1)),
        lasts_three_months: Set(Some(true)),
        self_reported: Set(true),
        ..Default::default()
    };
    assert_refused_by(open.insert(&db).await, "ck_follow_ups_lasts_three_months");
    closure("job", Some("permanent"))
        .insert(&db)
        .await
        .expect("a job with its contract");

    let unanswered = mentor_returns::ActiveModel {
        mentor_id: Set(m),
        duo_id: Set(duo),
        invite_on: Set(day(12, 20)),
        answer: Set(Some("accepted".to_owned())),
        answered_at: Set(None),
        created_at: Set(at(1, 12)),
        ..Default::default()
    };
    assert_refused_by(unanswered.insert(&db).await, "ck_mentor_returns_answer");
    let second = programme_settings::ActiveModel {
        id: Set(2),
        return_pause_weeks: Set(3),
        retention_months: Set(24),
        updated_at: Set(at(1, 12)),
        updated_by: Set(None),
    };
    assert_refused_by(second.insert(&db).await, "ck_programme_settings_single");
    let forever = programme_settings::ActiveModel {
        id: Set(1),
        return_pause_weeks: Set(3),
        retention_months: Set(0),
        updated_at: Set(at(1, 12)),
        updated_by: Set(None),
    };
    assert_refused_by(
        forever.insert(&db).await,
        "ck_programme_settings_retention_months",
    );
}

async fn owners_and_pairs_are_checked(db: DatabaseConnection) {
    migrate(&db).await;
    let city = city(&db, "liege").await;
    let mentor = mentor(&db, city, 1).await;
    let consent = |mentor_id: Option<i32>, mentee_id: Option<i32>| consents::ActiveModel {
        mentor_id: Set(mentor_id),
        mentee_id: Set(mentee_id),
        user_id: Set(None),
        purpose: Set("programme".to_owned()),
        text_version: Set("2026-11".to_owned()),
        text_hash: Set("ab12".to_owned()),
        channel: Set("web_form".to_owned()),
        given_at: Set(at(1, 8)),
        ..Default::default()
    };
    let one = "ck_consents_one_subject";
    assert_refused_by(consent(None, None).insert(&db).await, one);
    let mentee = crate::support::fixtures::mentee(&db, city, 1).await;
    assert_refused_by(consent(Some(mentor), Some(mentee)).insert(&db).await, one);
    consent(Some(mentor), None)
        .insert(&db)
        .await
        .expect("a mentor's consent");

    let sector = sectors::ActiveModel {
        slug: Set("care".to_owned()),
        name_fr: Set("Soins".to_owned()),
        name_nl: Set("Zorg".to_owned()),
        name_en: Set("Care".to_owned()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("sector");
    let itself = sector_relations::ActiveModel {
        sector_id: Set(sector.id),
        related_sector_id: Set(sector.id),
    };
    assert_refused_by(
        sector_relations::Entity::insert(itself).exec(&db).await,
        "ck_sector_relations_distinct",
    );
}
