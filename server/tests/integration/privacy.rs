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
