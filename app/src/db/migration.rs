//! The schema, as one ordered list of migrations that runs unchanged on SQLite
//! and PostgreSQL. Each migration runs in a transaction on both backends, so a
//! failure leaves no half-created tables behind.

use sea_orm_migration::prelude::*;

mod columns;
mod m20261126_000001_reference;
mod m20261126_000002_people;
mod m20261126_000003_profiles;
mod m20261126_000004_screening;
mod m20261126_000005_duos;
mod m20261126_000006_support;
mod m20261126_000007_platform;
mod m20261126_000008_application_drafts;
mod m20261126_000009_screening_rules;
mod m20261126_000010_referrals;
mod m20261126_000011_board;
mod m20261126_000012_introductions;
mod m20261126_000013_closing;
pub mod m20261127_000014_audit_trail;
pub mod m20261204_000015_anonymisation;
mod m20261204_000016_sign_up_confirmation;
pub mod values;

pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_reference::Migration),
            Box::new(m20261126_000002_people::Migration),
            Box::new(m20261126_000003_profiles::Migration),
            Box::new(m20261126_000004_screening::Migration),
            Box::new(m20261126_000005_duos::Migration),
            Box::new(m20261126_000006_support::Migration),
            Box::new(m20261126_000007_platform::Migration),
            Box::new(m20261126_000008_application_drafts::Migration),
            Box::new(m20261126_000009_screening_rules::Migration),
            Box::new(m20261126_000010_referrals::Migration),
            Box::new(m20261126_000011_board::Migration),
            Box::new(m20261126_000012_introductions::Migration),
            Box::new(m20261126_000013_closing::Migration),
            Box::new(m20261127_000014_audit_trail::Migration),
            Box::new(m20261204_000015_anonymisation::Migration),
            Box::new(m20261204_000016_sign_up_confirmation::Migration),
        ]
    }
}
