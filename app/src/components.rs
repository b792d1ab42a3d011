//! UI pieces shared by several pages.

pub mod action_plan;
pub mod board_filters;
pub mod charts;
pub mod city_choice;
pub mod confirm;
pub mod consents;
pub mod errors;
pub mod form;
#[cfg(feature = "hydrate")]
pub mod form_data;
pub mod labels;
pub mod language_switcher;
pub mod layout;
pub mod match_explain;
pub mod meeting_queue;
pub mod mentee_fields;
pub mod page_title;
pub mod profile_fields;
pub mod session;
