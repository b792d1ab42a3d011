//! Duo server functions.

mod cancel_proposal;
mod edit_meeting;
mod get_duo;
mod get_my_duo;
mod list_duos;
mod log_contact;
mod log_meeting;
mod propose_duo;
mod record_introduction;
mod remind_mentor;
mod save_self_assessment;
mod schedule_introduction;
mod sign_agreement;
mod start_duo;

pub use cancel_proposal::*;
pub use edit_meeting::*;
pub use get_duo::*;
pub use get_my_duo::*;
pub use list_duos::*;
pub use log_contact::*;
pub use log_meeting::*;
pub use propose_duo::*;
pub use record_introduction::*;
pub use remind_mentor::*;
pub use save_self_assessment::*;
pub use schedule_introduction::*;
pub use sign_agreement::*;
pub use start_duo::*;
