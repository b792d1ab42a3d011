//! Pages for administrators.

pub mod audit;
pub mod import;
mod import_layouts;
mod import_report;
mod import_run;
pub mod outbox;
pub mod retention;
pub mod settings;
mod user_form;
pub mod users;
pub mod weights;

lazy_page!(UsersRoute, users::UsersPage);
lazy_page!(OutboxRoute, outbox::OutboxPage);
lazy_page!(AuditRoute, audit::AuditPage);
lazy_page!(WeightsRoute, weights::WeightsPage);
lazy_page!(SettingsRoute, settings::SettingsPage);
lazy_page!(RetentionRoute, retention::RetentionPage);
lazy_page!(ImportRoute, import::ImportPage);
