//! Registration server functions, one per file. Staff register mentees and manage referral
//! links in their own cities; a valid referral link lets anyone holding it register a mentee.

mod create_referral_link;
mod get_referral_page;
mod get_registration_page;
mod list_referral_links;
mod register_by_referral;
mod register_mentee;
mod revoke_referral_link;

pub use create_referral_link::*;
pub use get_referral_page::*;
pub use get_registration_page::*;
pub use list_referral_links::*;
pub use register_by_referral::*;
pub use register_mentee::*;
pub use revoke_referral_link::*;
