//! People queries. Lists are filtered in SQL, never in memory, so a city of
//! thousands pages as fast as a small one.

mod detail;
mod list;

pub use detail::detail;
pub use list::{escape_like, list};
