//! Insert a row through its entity, read the table back, and check the row
//! came back equal: column names, types and NULLs agree with the migrations.

/// For tables with a database-assigned `id`; evaluates to the stored model.
macro_rules! insert_auto {
    ($db:expr, $table:ident { $($field:ident : $value:expr),* $(,)? }) => {{
        use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, NotSet};
        let written = $table::Model { id: 0, $($field: $value),* };
        let mut active = written.clone().into_active_model();
        active.id = NotSet;
        let saved = active
            .insert($db)
            .await
            .unwrap_or_else(|e| panic!("insert into {}: {e}", stringify!($table)));
        let expected = $table::Model { id: saved.id, ..written };
        assert_eq!(saved, expected, "{} as returned", stringify!($table));
        let stored = $table::Entity::find().all($db).await.expect("read back");
        assert!(stored.contains(&expected), "{} as stored: {stored:?}", stringify!($table));
        saved
    }};
}
pub(crate) use insert_auto;

/// For tables keyed by their own columns; evaluates to the stored model.
macro_rules! insert_keyed {
    ($db:expr, $table:ident { $($field:ident : $value:expr),* $(,)? }) => {{
        use sea_orm::{EntityTrait, IntoActiveModel};
        let written = $table::Model { $($field: $value),* };
        $table::Entity::insert(written.clone().into_active_model())
            .exec_without_returning($db)
            .await
            .unwrap_or_else(|e| panic!("insert into {}: {e}", stringify!($table)));
        let stored = $table::Entity::find().all($db).await.expect("read back");
        assert!(stored.contains(&written), "{} as stored: {stored:?}", stringify!($table));
        written
    }};
}
pub(crate) use insert_keyed;
