//! Data protection as the database enforces it: the audit log is append-only on both backends.

use app::db::entities::audit_log;
use app::db::migration::m20261127_000014_audit_trail::APPEND_ONLY;
use app::platform::audit;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter,
};

use crate::support::db::on_both_backends;
use crate::support::fixtures::migrate;

on_both_backends!(the_audit_log_cannot_be_rewritten);

fn refused<T: std::fmt::Debug>(result: Result<T, sea_orm::DbErr>, what: &str) {
    let error = result.expect_err(&format!("{what} should be refused"));
    assert!(error.to_string().contains(APPEND_ONLY), "{what}: {error}");
}

async fn the_audit_log_cannot_be_rewritten(db: DatabaseConnection) {
    migrate(&db).await;
    audit::record(&db, None, "read", "mentee", Some(7))
        .await
        .expect("append");
    audit::record(&db, None, "export", "mentee", Some(7))
        .await
        .expect("append again");

    refused(
        audit_log::Entity::update_many()
            .col_expr(audit_log::Column::Action, Expr::value("nothing"))
            .filter(audit_log::Column::SubjectId.eq(7))
            .exec(&db)
            .await,
        "UPDATE",
    );
    refused(audit_log::Entity::delete_many().exec(&db).await, "DELETE");
    refused(
        db.execute_unprepared("DELETE FROM audit_log WHERE action = 'read'")
            .await,
        "DELETE in plain SQL",
    );
    if db.get_database_backend() == DbBackend::Postgres {
        refused(
            db.execute_unprepared("TRUNCATE audit_log").await,
            "TRUNCATE",
        );
    }
    let entries = audit_log::Entity::find().count(&db).await.expect("count");
    assert_eq!(entries, 2, "both entries are still there");
    let actions: Vec<String> = audit_log::Entity::find()
        .all(&db)
        .await
        .expect("read")
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["read", "export"]);
}

mod register {
    use app::db::purposes::{REGISTER, table};
    use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

    use crate::support::db::on_both_backends;
    use crate::support::fixtures::migrate;

    on_both_backends!(every_column_has_a_documented_purpose);

    /// Every (table, column) of the live schema.
    async fn columns(db: &DatabaseConnection) -> Vec<(String, String)> {
        let backend = db.get_database_backend();
        let sql = match backend {
            DbBackend::Postgres => {
                "SELECT CAST(table_name AS TEXT) AS t, CAST(column_name AS TEXT) AS c \
                 FROM information_schema.columns \
                 WHERE table_schema = 'public' ORDER BY 1, 2"
            }
            _ => {
                "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
            }
        };
        db.query_all_raw(Statement::from_string(backend, sql))
            .await
            .expect("schema")
            .into_iter()
            .map(|row| {
                (
                    row.try_get::<String>("", "t").expect("table"),
                    row.try_get::<String>("", "c").expect("column"),
                )
            })
            .collect()
    }

    async fn every_column_has_a_documented_purpose(db: DatabaseConnection) {
        migrate(&db).await;
        let schema = columns(&db).await;
        let undocumented: Vec<String> = schema
            .iter()
            .filter(|(t, c)| table(t).and_then(|t| t.purpose_of(c)).is_none())
            .map(|(t, c)| format!("{t}.{c}"))
            .collect();
        assert!(
            undocumented.is_empty(),
            "columns without a purpose in app/src/db/purposes.rs: {undocumented:?}"
        );
        let stale: Vec<String> = REGISTER
            .iter()
            .flat_map(|t| t.columns.iter().map(move |(c, _)| (t.name, *c)))
            .filter(|(t, c)| !schema.iter().any(|(st, sc)| st == t && sc == c))
            .map(|(t, c)| format!("{t}.{c}"))
            .collect();
        assert!(
            stale.is_empty(),
            "documented columns the schema does not have: {stale:?}"
        );
        for t in REGISTER {
            assert!(!t.purpose.trim().is_empty(), "{} has no purpose", t.name);
        }
        let special = table("mentees")
            .and_then(|t| t.purpose_of("migrant_background"))
            .expect("migrant background documented");
        assert!(special.contains("Art. 9(2)(a)"), "{special}");
    }
}

mod search {
    use app::db::entities::audit_log;
    use app::domain::role::Role;
    use reqwest::StatusCode;
    use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
    use serde_json::Value;

    use crate::support::app::TestApp;
    use crate::support::db::on_both_backends;
    use crate::support::fixtures::{at, migrate};

    on_both_backends!(admins_search_the_audit_log);

    async fn entry(
        db: &DatabaseConnection,
        actor: Option<i32>,
        action: &str,
        subject: (&str, i32),
        day: u32,
    ) {
        audit_log::ActiveModel {
            actor_user_id: Set(actor),
            action: Set(action.to_owned()),
            subject_kind: Set(subject.0.to_owned()),
            subject_id: Set(Some(subject.1)),
            detail: Set(None),
            at: Set(at(day, 10)),
            from_address: Set(Some("10.0.0.7".to_owned())),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("entry");
    }

    /// The (action, subject, id) of each entry of a page, in its order.
    fn seen(page: &Value) -> Vec<(String, String, i64)> {
        page["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| {
                (
                    e["action"].as_str().unwrap_or_default().to_owned(),
                    e["subject"].as_str().unwrap_or_default().to_owned(),
                    e["subject_id"].as_i64().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn row(action: &str, subject: &str, id: i64) -> (String, String, i64) {
        (action.to_owned(), subject.to_owned(), id)
    }

    async fn admins_search_the_audit_log(db: DatabaseConnection) {
        migrate(&db).await;
        let app = TestApp::spawn(db).await;
        let (nadia, _) = app.user(Role::Coordinator, &[]).await;
        let (other, _) = app.user(Role::Manager, &[]).await;
        entry(&app.db, Some(nadia), "read", ("mentee", 7), 2).await;
        entry(&app.db, Some(other), "read", ("mentee", 8), 3).await;
        entry(&app.db, Some(nadia), "export", ("mentee", 7), 4).await;
        entry(&app.db, None, "read", ("duo", 7), 5).await;
        let admin = app.session(Role::Admin, &[]).await;
        let search = |form: &'static str| {
            let app = &app;
            let admin = admin.clone();
            async move {
                let (status, body) = app.call(Some(&admin), "search_audit", form).await;
                assert_eq!(status, StatusCode::OK, "{form}: {body}");
                body
            }
        };

        let everything = search("").await;
        assert_eq!(
            seen(&everything),
            [
                row("read", "duo", 7),
                row("export", "mentee", 7),
                row("read", "mentee", 8),
                row("read", "mentee", 7),
            ],
            "newest first"
        );
        assert_eq!(everything["actions"], serde_json::json!(["export", "read"]));
        assert_eq!(everything["entries"][0]["actor"], Value::Null, "the system");
        assert_eq!(everything["entries"][0]["from_address"], "10.0.0.7");

        let about = search("query[subject]=mentee&query[subject_id]=7").await;
        assert_eq!(
            seen(&about),
            [row("export", "mentee", 7), row("read", "mentee", 7)]
        );
        let exports = search("query[action]=export").await;
        assert_eq!(seen(&exports), [row("export", "mentee", 7)]);
        let by_manager = app
            .call(Some(&admin), "search_audit", "query[actor]=MANAGER")
            .await
            .1;
        assert_eq!(
            seen(&by_manager),
            [row("read", "mentee", 8)],
            "by a part of the e-mail, any case"
        );
        let days = search("query[from]=2026-11-03&query[to]=2026-11-04").await;
        assert_eq!(
            seen(&days),
            [row("export", "mentee", 7), row("read", "mentee", 8)]
        );
        let older = search("query[before]=3").await;
        assert_eq!(
            seen(&older),
            [row("read", "mentee", 8), row("read", "mentee", 7)]
        );
        assert_eq!(older["more"], false);

        let (status, body) = app
            .call(
                Some(&admin),
                "search_audit",
                "query[subject]=planet&query[from]=someday",
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let refused: Vec<&str> = crate::support::app::refused_fields(&body);
        assert_eq!(refused, ["subject", "from"]);
    }
}
