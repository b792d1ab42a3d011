//! Persistence: the SeaORM entities and the migrations that create their tables.
//! The same migrations run on SQLite (the embedded default) and PostgreSQL.

pub mod entities;
pub mod migration;
pub mod purposes;
