//! Builders shared by the migrations. Every constraint and index gets a stable,
//! predictable name (`fk_`, `ck_`, `idx_`, `ux_` + table + column) so that a
//! database error can be traced back to the rule that refused the row.

use sea_orm_migration::{prelude::*, schema::*};

/// The auto-increment integer primary key every table has unless stated.
pub fn id() -> ColumnDef {
    ColumnDef::new("id")
        .integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .take()
}

/// A foreign key from `table.col` to `parent.id`.
pub fn fk(
    table: &'static str,
    col: &'static str,
    parent: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{col}"))
        .from(table, col)
        .to(parent, "id")
        .on_delete(on_delete)
        .take()
}

/// A child row that has no meaning without its parent: deleted with it.
pub fn owned_by(
    table: &'static str,
    col: &'static str,
    parent: &'static str,
) -> ForeignKeyCreateStatement {
    fk(table, col, parent, ForeignKeyAction::Cascade)
}

/// A reference that must not disappear under the row that holds it.
///
/// NO ACTION rather than RESTRICT: both refuse the delete (nothing here is
/// deferrable), but SQLite reports a RESTRICT violation with the extended code
/// SQLITE_CONSTRAINT_TRIGGER (1811), which `DbErr::sql_err()` does not
/// classify, while NO ACTION gives SQLITE_CONSTRAINT_FOREIGNKEY (787), which it
/// does, as on PostgreSQL.
pub fn refers_to(
    table: &'static str,
    col: &'static str,
    parent: &'static str,
) -> ForeignKeyCreateStatement {
    fk(table, col, parent, ForeignKeyAction::NoAction)
}

/// `col` holds one of `values` (a NULL passes: CHECK rejects only false).
pub fn one_of(table: &str, col: &'static str, values: &[&'static str]) -> Check {
    Check::named(
        format!("ck_{table}_{col}"),
        Expr::col(col).is_in(values.iter().copied()),
    )
}

/// `col` is NULL or holds one of `values`; written out so the DDL says so.
pub fn one_of_or_null(table: &str, col: &'static str, values: &[&'static str]) -> Check {
    Check::named(
        format!("ck_{table}_{col}"),
        Expr::col(col)
            .is_null()
            .or(Expr::col(col).is_in(values.iter().copied())),
    )
}

/// `lo <= col <= hi` (a NULL passes).
pub fn between(table: &str, col: &'static str, lo: i32, hi: i32) -> Check {
    Check::named(format!("ck_{table}_{col}"), Expr::col(col).between(lo, hi))
}

/// Exactly one of `cols` is set: the row belongs to one kind of owner.
/// Spelled as a disjunction of "this one set, the others NULL" because
/// `a IS NULL <> b IS NULL` parses differently across backends.
pub fn exactly_one_of(table: &str, name: &str, cols: &[&'static str]) -> Check {
    let mut any = Cond::any();
    for set in cols {
        let mut all = Cond::all();
        for col in cols {
            all = if col == set {
                all.add(Expr::col(*col).is_not_null())
            } else {
                all.add(Expr::col(*col).is_null())
            };
        }
        any = any.add(all);
    }
    Check::named(format!("ck_{table}_{name}"), any)
}

/// A plain lookup index named `idx_<table>_<suffix>`.
pub fn index(table: &'static str, suffix: &str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = Index::create();
    stmt.name(format!("idx_{table}_{suffix}")).table(table);
    for col in cols {
        stmt.col(*col);
    }
    stmt.take()
}

/// A unique index named `ux_<table>_<suffix>`.
pub fn unique(table: &'static str, suffix: &str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut stmt = index(table, suffix, cols);
    stmt.name(format!("ux_{table}_{suffix}")).unique();
    stmt
}

/// `<owner>_status_changes`: who moved a person or duo from which status to which, when.
pub fn status_changes(
    table: &'static str,
    owner: &'static str,
    parent: &'static str,
    statuses: &[&'static str],
    reasons: &[&'static str],
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(id())
        .col(integer(owner))
        .col(string_null("from_status"))
        .col(string("to_status"))
        .col(string_null("reason"))
        .col(text_null("note"))
        .col(integer_null("changed_by"))
        .col(timestamp_with_time_zone("changed_at"))
        .foreign_key(&mut owned_by(table, owner, parent))
        .foreign_key(&mut refers_to(table, "changed_by", "users"))
        .check(one_of_or_null(table, "from_status", statuses))
        .check(one_of(table, "to_status", statuses))
        .check(one_of_or_null(table, "reason", reasons))
        .take()
}

/// Creates the indexes of one table, in order.
pub async fn create_indexes(
    manager: &SchemaManager<'_>,
    indexes: Vec<IndexCreateStatement>,
) -> Result<(), DbErr> {
    for stmt in indexes {
        manager.create_index(stmt).await?;
    }
    Ok(())
}

/// Drops tables, children first (the caller lists them in that order).
pub async fn drop_tables(
    manager: &SchemaManager<'_>,
    tables: &[&'static str],
) -> Result<(), DbErr> {
    for table in tables {
        manager
            .drop_table(Table::drop().table(*table).to_owned())
            .await?;
    }
    Ok(())
}
