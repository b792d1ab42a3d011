//! The impact figures on a small data set whose every figure was worked out by hand (not the demo
//! data), on both databases: totals, per city, per cohort, a narrower period, and a
//! coordinator's scope.
//!
//! Two cities. Seven duos started, every one on a Monday and, once ended, on a Sunday, so each
//! ran whole weeks:
//!
//! | duo | city | mentor | started    | weeks | status        | outcome    | follow-ups        |
//! |-----|------|--------|------------|-------|---------------|------------|-------------------|
//! | D1  | A    | M1     | 2025-01-06 | 26    | closed        | job        | 3 m job           |
//! | D2  | A    | M2     | 2025-02-03 | 26    | closed        | none       | 3 m none, 6 m job |
//! | D3  | A    | M1     | 2025-09-01 | 26    | closed        | training   | 3 m job           |
//! | D4  | A    | M3     | 2025-03-03 | 6     | stopped early (mentee found work)              |
//! | D5  | A    | M2     | 2026-10-05 | (7)   | active        |            |                   |
//! | D6  | B    | M4     | 2025-04-07 | 26    | closed        | unknown    |                   |
//! | D7  | B    | M5     | 2026-01-05 | 15    | closed early (mentee unreachable), internship  |
//!
//! and D8 (B, M4) declined, which never counts. Today is 2026-11-26.

use std::collections::HashMap;

use app::db::entities::{closures, duos, evaluations, follow_ups, meetings, mentee_status_changes};
use app::domain::impact::{EarlyStop, Figures, Period, Quarter, Ratio};
use app::error::AppError;
use app::features::impact::queries::{self, Grouping, Scope};
use app::features::impact::service;
use app::features::impact::types::ImpactQuery;
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use crate::support::db::on_both_backends;
use crate::support::fixtures::{self, coordinator, duo_row, insert_duo, migrate};

on_both_backends!(
    figures_match_the_hand_count,
    figures_per_city_and_cohort,
    figures_of_a_period,
    coordinators_see_their_cities
);

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn ten_o_clock(text: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date(text).and_hms_opt(10, 0, 0).expect("time"))
}

fn today() -> NaiveDate {
    date("2026-11-26")
}

struct Fixture {
    city_a: i32,
    city_b: i32,
}

struct Spec {
    city: i32,
    mentor: i32,
    mentee: i32,
    status: &'static str,
    start: &'static str,
    /// Whole weeks run, for a duo that ended.
    weeks: Option<u64>,
    planned_weeks: u64,
    reason: Option<&'static str>,
    proposed: &'static str,
    /// The weeks (from 0) with a meeting.
    met: Vec<u64>,
}

async fn duo(db: &DatabaseConnection, spec: Spec) -> duos::Model {
    let start = date(spec.start);
    let mut row = duo_row(spec.mentor, spec.mentee, spec.city, spec.status);
    row.proposed_at = ten_o_clock(spec.proposed);
    row.started_on = Some(start);
    row.planned_end_on = start.checked_add_days(Days::new(spec.planned_weeks * 7 - 1));
    row.ended_on = spec
        .weeks
        .and_then(|w| start.checked_add_days(Days::new(w * 7 - 1)));
    row.reason_code = spec.reason.map(str::to_owned);
    let duo = insert_duo(db, row).await.expect("duo");
    for week in spec.met {
        meeting(db, duo.id, start + Days::new(week * 7 + 1)).await;
    }
    duo
}

async fn meeting(db: &DatabaseConnection, duo_id: i32, held_on: NaiveDate) {
    meetings::ActiveModel {
        duo_id: Set(duo_id),
        held_on: Set(held_on),
        duration_minutes: Set(120),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("meeting");
}

async fn closure(db: &DatabaseConnection, duo: &duos::Model, outcome: &str, closed_on: &str) {
    closures::ActiveModel {
        duo_id: Set(duo.id),
        outcome: Set(outcome.to_owned()),
        self_reported: Set(true),
        closed_on: Set(date(closed_on)),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("closure");
}

async fn follow_up(db: &DatabaseConnection, duo: &duos::Model, month: i32, outcome: Option<&str>) {
    let end = duo.ended_on.expect("ended");
    let due = end
        .checked_add_months(chrono::Months::new(month as u32))
        .expect("due");
    follow_ups::ActiveModel {
        duo_id: Set(duo.id),
        month: Set(month),
        due_on: Set(due),
        done_on: Set(outcome.map(|_| due)),
        outcome: Set(outcome.map(str::to_owned)),
        self_reported: Set(true),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("follow-up");
}

async fn waiting(db: &DatabaseConnection, mentee_id: i32, on: &str) {
    mentee_status_changes::ActiveModel {
        mentee_id: Set(mentee_id),
        from_status: Set(Some("intake_done".to_owned())),
        to_status: Set("waiting".to_owned()),
        changed_at: Set(ten_o_clock(on)),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("status change");
}

async fn evaluation(
    db: &DatabaseConnection,
    duo_id: i32,
    kind: &str,
    respondent: &str,
    s: [i32; 5],
) {
    evaluations::ActiveModel {
        duo_id: Set(duo_id),
        kind: Set(kind.to_owned()),
        respondent: Set(respondent.to_owned()),
        self_confidence: Set(s[0]),
        career_plan: Set(s[1]),
        job_search_tools: Set(s[2]),
        language: Set(s[3]),
        network: Set(s[4]),
        completed_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("evaluation");
}

async fn fixture(db: &DatabaseConnection) -> Fixture {
    migrate(db).await;
    let (a, b) = (
        fixtures::city(db, "city-a").await,
        fixtures::city(db, "city-b").await,
    );
    let mut m = Vec::new();
    for (n, city) in [(1, a), (2, a), (3, a), (4, b), (5, b)] {
        m.push(fixtures::mentor(db, city, n).await);
    }
    let mut e = Vec::new();
    for (n, city) in [
        (1, a),
        (2, a),
        (3, a),
        (4, a),
        (5, a),
        (6, b),
        (7, b),
        (8, b),
    ] {
        e.push(fixtures::mentee(db, city, n).await);
    }
    let spec = |city, mentor, mentee, status, start, weeks, proposed, met| Spec {
        city,
        mentor,
        mentee,
        status,
        start,
        weeks,
        planned_weeks: 26,
        reason: None,
        proposed,
        met,
    };
    let mut d1_weeks: Vec<u64> = (0..20).collect();
    d1_weeks.push(0); // a second meeting in the first week counts once
    let d1 = duo(
        db,
        spec(
            a,
            m[0],
            e[0],
            "closed",
            "2025-01-06",
            Some(26),
            "2024-12-21",
            d1_weeks,
        ),
    )
    .await;
    let d2 = duo(
        db,
        spec(
            a,
            m[1],
            e[1],
            "closed",
            "2025-02-03",
            Some(26),
            "2025-01-31",
            (0..10).collect(),
        ),
    )
    .await;
    let d3 = duo(
        db,
        spec(
            a,
            m[0],
            e[2],
            "closed",
            "2025-09-01",
            Some(26),
            "2025-08-10",
            (0..26).collect(),
        ),
    )
    .await;
    let _d4 = duo(
        db,
        Spec {
            reason: Some("mentee_found_work"),
            ..spec(
                a,
                m[2],
                e[3],
                "stopped_early",
                "2025-03-03",
                Some(6),
                "2025-02-11",
                (0..3).collect(),
            )
        },
    )
    .await;
    let _d5 = duo(
        db,
        spec(
            a,
            m[1],
            e[4],
            "active",
            "2026-10-05",
            None,
            "2026-09-10",
            (0..5).collect(),
        ),
    )
    .await;
    let d6 = duo(
        db,
        spec(
            b,
            m[3],
            e[5],
            "closed",
            "2025-04-07",
            Some(26),
            "2025-03-20",
            Vec::new(),
        ),
    )
    .await;
    let d7 = duo(
        db,
        Spec {
            reason: Some("mentee_unreachable"),
            ..spec(
                b,
                m[4],
                e[6],
                "closed",
                "2026-01-05",
                Some(15),
                "2025-12-21",
                (0..12).collect(),
            )
        },
    )
    .await;
    // Declined: never started, so it counts nowhere (not even as M4's return).
    let mut declined = duo_row(m[3], e[7], b, "declined");
    declined.reason_code = Some("mentor_declined".to_owned());
    declined.proposed_at = ten_o_clock("2025-12-01");
    insert_duo(db, declined).await.expect("declined duo");

    closure(db, &d1, "job", "2025-07-10").await;
    closure(db, &d2, "none", "2025-08-05").await;
    closure(db, &d3, "training", "2026-03-02").await;
    closure(db, &d6, "unknown", "2025-10-06").await;
    closure(db, &d7, "internship", "2026-04-22").await;
    follow_up(db, &d1, 3, Some("job")).await;
    follow_up(db, &d1, 6, None).await;
    follow_up(db, &d2, 3, Some("none")).await;
    follow_up(db, &d2, 6, Some("job")).await;
    follow_up(db, &d2, 12, Some("training")).await;
    follow_up(db, &d3, 3, Some("job")).await;
    follow_up(db, &d6, 3, None).await;

    // Waits: D1 20 days, D2 30, D3 70, D4 10, D5 40 (from the later of two entries), D7 50;
    // E6 has no entry, so D6 has no wait.
    for (mentee, on) in [
        (e[0], "2024-12-01"),
        (e[1], "2025-01-01"),
        (e[2], "2025-06-01"),
        (e[3], "2025-02-01"),
        (e[4], "2026-01-01"),
        (e[4], "2026-08-01"),
        (e[6], "2025-11-01"),
    ] {
        waiting(db, mentee, on).await;
    }
    // A waiting entry after the proposal does not count.
    waiting(db, e[6], "2026-06-01").await;

    evaluation(db, d1.id, "start", "mentee", [2, 1, 2, 3, 1]).await;
    evaluation(db, d1.id, "end", "mentee", [4, 3, 3, 4, 3]).await;
    evaluation(db, d1.id, "end", "mentor", [5, 5, 5, 5, 5]).await;
    evaluation(db, d2.id, "start", "mentee", [3, 2, 2, 2, 2]).await;
    evaluation(db, d2.id, "end", "mentee", [3, 4, 3, 3, 2]).await;
    evaluation(db, d3.id, "start", "mentee", [2, 2, 2, 2, 2]).await;
    evaluation(db, d7.id, "start", "mentee", [1, 1, 1, 2, 1]).await;
    evaluation(db, d7.id, "end", "mentee", [2, 2, 3, 2, 2]).await;
    Fixture {
        city_a: a,
        city_b: b,
    }
}

fn r(part: u32, whole: u32) -> Ratio {
    Ratio { part, whole }
}

fn all_time() -> Scope {
    Scope {
        cities: None,
        cohort: None,
        period: Period::until(today()),
        today: today(),
    }
}

/// (duos, before sums, after sums) of the five dimensions.
fn assert_dimensions(f: &Figures, duos: u32, before: [u32; 5], after: [u32; 5]) {
    let got: Vec<(u32, u32, u32)> = f
        .dimensions
        .iter()
        .map(|c| (c.duos, c.before_sum, c.after_sum))
        .collect();
    let want: Vec<(u32, u32, u32)> = (0..5).map(|i| (duos, before[i], after[i])).collect();
    assert_eq!(got, want);
}

fn stops(list: &[(&str, u32)]) -> Vec<EarlyStop> {
    list.iter()
        .map(|(reason, duos)| EarlyStop {
            reason: (*reason).to_owned(),
            duos: *duos,
        })
        .collect()
}

async fn figures_match_the_hand_count(db: DatabaseConnection) {
    fixture(&db).await;
    let mut all = queries::figures(&db, &all_time(), &Grouping::Total)
        .await
        .expect("figures");
    let f = all.remove(&0).expect("total");
    assert_eq!(f.duos_created, 7);
    assert_eq!(f.duos_active, 1);
    assert_eq!(f.active_mentors, 5);
    // job (D1), training (D3), internship (D7) of D1, D2, D3, D7; D6 is unknown.
    assert_eq!(f.positive_outcomes, r(3, 4));
    // D1, D2, D6 ended at least 12 months ago; D1 and D2 reported a job.
    assert_eq!(f.job_within_12_months, r(2, 3));
    // First closed duos at least 3 months ago: M1 (D1), M2 (D2), M4 (D6), M5 (D7); M1 and M2
    // started another, M4 only had one declined.
    assert_eq!(f.mentor_return, r(2, 4));
    // 10, 20, 30, 40, 50, 70.
    assert_eq!((f.median_wait_days, f.waits), (Some(35.0), 6));
    // Weeks 26 + 26 + 26 + 6 + 7 + 26 + 15, with a meeting in 20 + 10 + 26 + 3 + 5 + 0 + 12.
    assert_eq!(f.meeting_regularity, r(76, 132));
    // D1, D2 and D7 have both self-assessments.
    assert_dimensions(&f, 3, [6, 4, 5, 7, 4], [9, 9, 9, 9, 7]);
    assert_eq!(f.dimensions[0].change(), Some(1.0));
    assert_eq!(
        f.early_stops,
        stops(&[("mentee_found_work", 1), ("mentee_unreachable", 1)])
    );
}

async fn figures_per_city_and_cohort(db: DatabaseConnection) {
    let fx = fixture(&db).await;
    let by_city = queries::figures(&db, &all_time(), &Grouping::City)
        .await
        .expect("per city");
    let a = &by_city[&i64::from(fx.city_a)];
    assert_eq!((a.duos_created, a.duos_active, a.active_mentors), (5, 1, 3));
    assert_eq!(a.positive_outcomes, r(2, 3));
    assert_eq!(a.job_within_12_months, r(2, 2));
    assert_eq!(a.mentor_return, r(2, 2));
    assert_eq!((a.median_wait_days, a.waits), (Some(30.0), 5));
    assert_eq!(a.meeting_regularity, r(64, 91));
    assert_dimensions(a, 2, [5, 3, 4, 5, 3], [7, 7, 6, 7, 5]);
    assert_eq!(a.early_stops, stops(&[("mentee_found_work", 1)]));
    let b = &by_city[&i64::from(fx.city_b)];
    assert_eq!((b.duos_created, b.duos_active, b.active_mentors), (2, 0, 2));
    assert_eq!(b.positive_outcomes, r(1, 1));
    assert_eq!(b.job_within_12_months, r(0, 1));
    assert_eq!(b.mentor_return, r(0, 2));
    assert_eq!((b.median_wait_days, b.waits), (Some(50.0), 1));
    assert_eq!(b.meeting_regularity, r(12, 41));
    assert_eq!(b.early_stops, stops(&[("mentee_unreachable", 1)]));

    let quarters = Quarter::last(8, today());
    let by_cohort = queries::figures(&db, &all_time(), &Grouping::Cohort(quarters.clone()))
        .await
        .expect("per cohort");
    let key = |q: &str| {
        let q = Quarter::parse(q).expect("quarter");
        quarters.iter().position(|x| *x == q).expect("in range") as i64
    };
    let created: HashMap<String, u32> = quarters
        .iter()
        .map(|q| {
            let n = by_cohort
                .get(&key(&q.to_string()))
                .map_or(0, |f| f.duos_created);
            (q.to_string(), n)
        })
        .collect();
    let expected: HashMap<String, u32> = [
        ("2025-Q1", 3),
        ("2025-Q2", 1),
        ("2025-Q3", 1),
        ("2025-Q4", 0),
        ("2026-Q1", 1),
        ("2026-Q2", 0),
        ("2026-Q3", 0),
        ("2026-Q4", 1),
    ]
    .into_iter()
    .map(|(q, n)| (q.to_owned(), n))
    .collect();
    assert_eq!(created, expected);
    let q1 = &by_cohort[&key("2025-Q1")];
    assert_eq!(q1.positive_outcomes, r(1, 2));
    assert_eq!(q1.job_within_12_months, r(2, 2));
    assert_eq!(q1.mentor_return, r(2, 2));
    assert_eq!(q1.median_wait_days, Some(20.0));

    // One cohort as a filter gives the same figures as its group.
    let only_q1 = Scope {
        cohort: Quarter::parse("2025-Q1"),
        ..all_time()
    };
    let filtered = queries::figures(&db, &only_q1, &Grouping::Total)
        .await
        .expect("cohort filter")
        .remove(&0)
        .expect("total");
    assert_eq!(&filtered, q1);
}

async fn figures_of_a_period(db: DatabaseConnection) {
    fixture(&db).await;
    let in_2026 = Scope {
        period: Period {
            from: date("2026-01-01"),
            to: today(),
        },
        ..all_time()
    };
    let f = queries::figures(&db, &in_2026, &Grouping::Total)
        .await
        .expect("figures")
        .remove(&0)
        .expect("total");
    // Started in 2026: D5 and D7.
    assert_eq!(f.duos_created, 2);
    // Running in 2026: D3 (M1) until March, D5 (M2), D7 (M5).
    assert_eq!(f.active_mentors, 3);
    // Closed in 2026: D3 training, D7 internship.
    assert_eq!(f.positive_outcomes, r(2, 2));
    // Nothing that ended in 2026 is 12 months old yet.
    assert_eq!(f.job_within_12_months, r(0, 0));
    // D7 closed in April, more than 3 months ago, as M5's first closed duo; D3 is M1's second.
    assert_eq!(f.mentor_return, r(0, 1));
    assert_eq!((f.median_wait_days, f.waits), (Some(45.0), 2));
    // Weeks beginning in 2026: D3's last 8 (all met), D5's 7 (5 met), D7's 15 (12 met).
    assert_eq!(f.meeting_regularity, r(25, 30));
    assert_dimensions(&f, 1, [1, 1, 1, 2, 1], [2, 2, 3, 2, 2]);
    assert_eq!(f.early_stops, stops(&[("mentee_unreachable", 1)]));
}

async fn coordinators_see_their_cities(db: DatabaseConnection) {
    let fx = fixture(&db).await;
    let user = coordinator(vec![fx.city_b]);
    let report = service::report(&db, &user, &ImpactQuery::default(), today())
        .await
        .expect("report");
    assert_eq!(report.total.duos_created, 2);
    assert_eq!(report.total.positive_outcomes, r(1, 1));
    let cities: Vec<i32> = report.by_city.iter().map(|c| c.city.id).collect();
    assert_eq!(cities, [fx.city_b]);
    let trend: u32 = report
        .by_cohort
        .iter()
        .map(|c| c.figures.duos_created)
        .sum();
    assert_eq!(trend, 2);

    let other_city = ImpactQuery {
        city: Some(fx.city_a),
        ..ImpactQuery::default()
    };
    let refused = service::report(&db, &user, &other_city, today()).await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");

    let wrong = ImpactQuery {
        cohort: Some("2025-Q7".into()),
        from: Some("2026-02-30".into()),
        to: Some("2026-01-01".into()),
        city: None,
    };
    let refused = service::report(&db, &user, &wrong, today()).await;
    let Err(AppError::Validation(errors)) = refused else {
        panic!("expected a validation error: {refused:?}");
    };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["cohort", "from"]);
}

mod export {
    use app::db::entities::cities;
    use app::domain::role::Role;
    use reqwest::StatusCode;
    use sea_orm::{ActiveModelTrait, DatabaseConnection, IntoActiveModel, Set};

    use super::fixture;
    use crate::support::app::TestApp;
    use crate::support::db::on_both_backends;

    on_both_backends!(funders_download_the_tables_as_csv);

    async fn funders_download_the_tables_as_csv(db: DatabaseConnection) {
        let fx = fixture(&db).await;
        // A city name a spreadsheet would run as a formula.
        let city = cities::Entity::find_by_id(fx.city_b)
            .one(&db)
            .await
            .expect("city")
            .expect("city b");
        let mut city = city.into_active_model();
        city.name_en = Set("=HYPERLINK(\"http://evil.example\")".to_owned());
        city.update(&db).await.expect("rename city");
        use sea_orm::EntityTrait;

        let app = TestApp::spawn(db).await;
        let manager = app.session(Role::Manager, &[]).await;
        let (status, kind, body) = app
            .download(Some(&manager), "/impact/export/figures.csv")
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(kind, "text/csv; charset=utf-8 attachment");
        let body = body.trim_start_matches('\u{feff}');
        let lines: Vec<&str> = body.lines().collect();
        assert_eq!(lines[0], "indicator,label,value,part,whole,definition");
        let positive = lines
            .iter()
            .find(|l| l.starts_with("positive_outcome_rate,"))
            .expect("positive outcome line");
        assert!(positive.contains(",0.750,3,4,"), "{positive}");

        let (_, _, cities_csv) = app
            .download(Some(&manager), "/impact/export/cities.csv")
            .await;
        assert!(
            cities_csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""),
            "{cities_csv}"
        );

        let (status, _, duos) = app
            .download(Some(&manager), "/impact/export/duos.csv?cohort=2025-Q1")
            .await;
        assert_eq!(status, StatusCode::OK);
        let rows: Vec<&str> = duos.lines().skip(1).collect();
        assert_eq!(rows.len(), 3, "{duos}");
        assert!(rows.iter().all(|r| r.contains(",2025-Q1,")), "{duos}");
        for personal in [
            "Mentor",
            "Mentee",
            "Marc",
            "Amina",
            "@example",
            "2025-01-06",
        ] {
            assert!(!duos.contains(personal), "{personal} in {duos}");
        }

        let coordinator = app.session(Role::Coordinator, &[fx.city_a]).await;
        let (status, _, _) = app
            .download(
                Some(&coordinator),
                &format!("/impact/export/duos.csv?city={}", fx.city_b),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (_, _, own) = app
            .download(Some(&coordinator), "/impact/export/duos.csv")
            .await;
        assert_eq!(own.lines().count(), 1 + 5, "{own}");

        let mentor = app.session(Role::Mentor, &[]).await;
        let (status, _, _) = app
            .download(Some(&mentor), "/impact/export/figures.csv")
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _, _) = app.download(None, "/impact/export/figures.csv").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, _, _) = app
            .download(Some(&manager), "/impact/export/secrets.csv")
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, body) = app
            .download(Some(&manager), "/impact/export/figures.csv?from=yesterday")
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
}
