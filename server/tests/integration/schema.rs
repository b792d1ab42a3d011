//! The migrations on both backends: up, down and up again; and the rules the
//! database itself enforces (one open duo per person, CHECKs, foreign keys).

use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, duo, mentee, mentor, migrate, set_duo_status};
use app::db::entities::{availability_slots, duos, mentors};
use app::db::migration::Migrator;
use app::db::migration::values::OPEN_DUO_STATUSES;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Set, SqlErr,
    Statement,
};
use sea_orm_migration::MigratorTrait;

on_both_backends!(
    migrations_go_up_down_and_up_again,
    a_mentor_is_in_at_most_one_open_duo,
    a_mentee_is_in_at_most_one_open_duo,
    two_concurrent_proposals_for_one_mentor_have_one_winner,
    a_write_transaction_starts_immediate_on_sqlite_and_plain_on_postgres,
    foreign_keys_refuse_missing_rows_and_protect_duos,
    availability_slots_belong_to_exactly_one_person,
);

async fn table_names(db: &DatabaseConnection) -> Vec<String> {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        }
        _ => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
              AND name NOT LIKE 'sqlite_%' ORDER BY 1"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("list tables");
    rows.iter()
        .map(|row| row.try_get::<String>("", "name").expect("table name"))
        .collect()
}

async fn migrations_go_up_down_and_up_again(db: DatabaseConnection) {
    migrate(&db).await;
    let tables = table_names(&db).await;
    assert_eq!(
        tables.len(),
        51,
        "50 tables and seaql_migrations: {tables:?}"
    );
    for table in ["duos", "mentors", "outbox", "audit_log", "follow_ups"] {
        assert!(tables.iter().any(|t| t == table), "{table} missing");
    }

    Migrator::down(&db, None)
        .await
        .expect("migrations roll back");
    assert_eq!(table_names(&db).await, ["seaql_migrations"]);

    migrate(&db).await;
    assert_eq!(table_names(&db).await, tables);
    assert!(
        Migrator::get_pending_migrations(&db)
            .await
            .unwrap()
            .is_empty()
    );
}

/// Which side of the duo the competing proposals share.
#[derive(Clone, Copy)]
enum Shared {
    Mentor,
    Mentee,
}

fn is_unique_violation(err: &sea_orm::DbErr) -> bool {
    matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

async fn one_open_duo_per(db: DatabaseConnection, shared: Shared) {
    migrate(&db).await;
    let city = city(&db, "brussels").await;
    let mut mentors = vec![mentor(&db, city, 0).await];
    let mut mentees = vec![mentee(&db, city, 0).await];
    for n in 1..=3 {
        match shared {
            Shared::Mentor => mentees.push(mentee(&db, city, n).await),
            Shared::Mentee => mentors.push(mentor(&db, city, n).await),
        }
    }
    // The i-th proposal: the shared person with the i-th person of the other side.
    let pair = |i: usize| match shared {
        Shared::Mentor => (mentors[0], mentees[i]),
        Shared::Mentee => (mentors[i], mentees[0]),
    };

    let (m, e) = pair(0);
    let mut first = duo(&db, m, e, city, "proposed").await.expect("first duo");
    for status in OPEN_DUO_STATUSES {
        first = set_duo_status(&db, first, status).await;
        let (m, e) = pair(1);
        let err = duo(&db, m, e, city, "proposed")
            .await
            .expect_err("a second open duo is refused");
        assert!(is_unique_violation(&err), "while {status}: {err}");
    }

    // Every way a duo ends frees the person for the next one.
    let mut current = first;
    let mut ended_duos = Vec::new();
    for (i, ended) in ["closed", "declined", "stopped_early"]
        .into_iter()
        .enumerate()
    {
        ended_duos.push(set_duo_status(&db, current, ended).await);
        let (m, e) = pair(i + 1);
        current = duo(&db, m, e, city, "proposed")
            .await
            .unwrap_or_else(|err| panic!("a new duo after one {ended}: {err}"));
    }

    // Reopening an ended duo while another is open is refused as well.
    let reopened = duos::ActiveModel {
        id: Set(ended_duos[0].id),
        status: Set("active".to_owned()),
        ..Default::default()
    }
    .update(&db)
    .await
    .expect_err("reopening collides with the open duo");
    assert!(is_unique_violation(&reopened), "{reopened}");
}

async fn a_mentor_is_in_at_most_one_open_duo(db: DatabaseConnection) {
    one_open_duo_per(db, Shared::Mentor).await;
}

async fn a_mentee_is_in_at_most_one_open_duo(db: DatabaseConnection) {
    one_open_duo_per(db, Shared::Mentee).await;
}

async fn two_concurrent_proposals_for_one_mentor_have_one_winner(db: DatabaseConnection) {
    migrate(&db).await;
    let city = city(&db, "ghent").await;
    let mentor = mentor(&db, city, 1).await;
    let (a, b) = (mentee(&db, city, 1).await, mentee(&db, city, 2).await);
    let propose = |mentee: i32| {
        let db = db.clone();
        tokio::spawn(async move { duo(&db, mentor, mentee, city, "proposed").await })
    };
    let (first, second) = (propose(a), propose(b));
    let results = [first.await.unwrap(), second.await.unwrap()];
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    let loser = results.into_iter().find_map(Result::err).unwrap();
    assert!(is_unique_violation(&loser), "{loser}");
}

fn is_fk_violation<T: std::fmt::Debug>(result: Result<T, sea_orm::DbErr>) -> bool {
    matches!(
        result.expect_err("a foreign key refuses this").sql_err(),
        Some(SqlErr::ForeignKeyConstraintViolation(_))
    )
}

async fn foreign_keys_refuse_missing_rows_and_protect_duos(db: DatabaseConnection) {
    migrate(&db).await;
    let city = city(&db, "liege").await;
    let mentor = mentor(&db, city, 1).await;
    let mentee = mentee(&db, city, 1).await;

    let homeless = crate::support::fixtures::mentor_row(city + 100, 2);
    assert!(is_fk_violation(
        crate::support::fixtures::insert_mentor(&db, homeless).await
    ));
    assert!(is_fk_violation(
        duo(&db, mentor, mentee + 100, city, "proposed").await
    ));

    // NO ACTION (not RESTRICT: see `refers_to`): a mentor with a duo stays.
    duo(&db, mentor, mentee, city, "active").await.expect("duo");
    assert!(is_fk_violation(
        mentors::Entity::delete_by_id(mentor).exec(&db).await
    ));

    // CASCADE: a mentor's slots go with the mentor.
    let free = crate::support::fixtures::mentor(&db, city, 3).await;
    availability_slots::ActiveModel {
        mentor_id: Set(Some(free)),
        weekday: Set(2),
        day_part: Set("evening".to_owned()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("slot");
    mentors::Entity::delete_by_id(free)
        .exec(&db)
        .await
        .expect("delete mentor");
    let left = availability_slots::Entity::find().all(&db).await.unwrap();
    assert!(left.is_empty(), "{left:?}");
}

fn slot(
    mentor: Option<i32>,
    mentee: Option<i32>,
    weekday: i32,
    part: &str,
) -> availability_slots::ActiveModel {
    availability_slots::ActiveModel {
        mentor_id: Set(mentor),
        mentee_id: Set(mentee),
        weekday: Set(weekday),
        day_part: Set(part.to_owned()),
        ..Default::default()
    }
}

async fn availability_slots_belong_to_exactly_one_person(db: DatabaseConnection) {
    use crate::support::fixtures::assert_refused_by;
    migrate(&db).await;
    let city = city(&db, "antwerp").await;
    let (m, e) = (mentor(&db, city, 1).await, mentee(&db, city, 1).await);

    let one_person = "ck_availability_slots_one_person";
    assert_refused_by(
        slot(Some(m), Some(e), 1, "morning").insert(&db).await,
        one_person,
    );
    assert_refused_by(slot(None, None, 1, "morning").insert(&db).await, one_person);
    assert_refused_by(
        slot(Some(m), None, 7, "morning").insert(&db).await,
        "ck_availability_slots_weekday",
    );
    assert_refused_by(
        slot(Some(m), None, 1, "night").insert(&db).await,
        "ck_availability_slots_day_part",
    );

    slot(Some(m), None, 1, "morning")
        .insert(&db)
        .await
        .expect("mentor slot");
    slot(None, Some(e), 1, "morning")
        .insert(&db)
        .await
        .expect("mentee slot, same time");
    slot(Some(m), None, 1, "evening")
        .insert(&db)
        .await
        .expect("mentor, other part");
    let twice = slot(Some(m), None, 1, "morning")
        .insert(&db)
        .await
        .expect_err("same slot twice");
    assert!(is_unique_violation(&twice), "{twice}");
    let twice = slot(None, Some(e), 1, "morning")
        .insert(&db)
        .await
        .expect_err("same slot twice");
    assert!(is_unique_violation(&twice), "{twice}");
}

/// The server's write path: `BEGIN IMMEDIATE` on SQLite (so read-then-write
/// does not hit SQLITE_BUSY), the same call is a plain `BEGIN` on PostgreSQL.
async fn a_write_transaction_starts_immediate_on_sqlite_and_plain_on_postgres(
    db: DatabaseConnection,
) {
    use sea_orm::{
        ColumnTrait, PaginatorTrait, QueryFilter, SqliteTransactionMode, TransactionOptions,
        TransactionTrait,
    };
    migrate(&db).await;
    let city = city(&db, "mechelen").await;
    let (m, e) = (mentor(&db, city, 1).await, mentee(&db, city, 1).await);
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    };
    let txn = db.begin_with_options(options).await.expect("begin");
    let open = duos::Entity::find()
        .filter(duos::Column::MentorId.eq(m))
        .filter(duos::Column::Status.is_in(OPEN_DUO_STATUSES.iter().copied()))
        .count(&txn)
        .await
        .expect("count open duos");
    assert_eq!(open, 0);
    let row = crate::support::fixtures::duo_row(m, e, city, "proposed");
    crate::support::fixtures::insert_duo(&txn, row)
        .await
        .expect("propose");
    txn.commit().await.expect("commit");
    assert_eq!(duos::Entity::find().count(&db).await.unwrap(), 1);
}
