//! UI pieces shared by several pages.

pub mod errors;
pub mod form;
pub mod labels;
pub mod language_switcher;
pub mod layout;
pub mod session;
