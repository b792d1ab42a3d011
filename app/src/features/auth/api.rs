//! Auth server functions, one per file.

mod get_session_user;
mod redeem_magic_link;
mod request_magic_link;
mod set_locale;
mod sign_in;
mod sign_out;

pub use get_session_user::*;
pub use redeem_magic_link::*;
pub use request_magic_link::*;
pub use set_locale::*;
pub use sign_in::*;
pub use sign_out::*;
