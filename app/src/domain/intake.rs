//! The intake interview's conclusion. Its criteria are scored with `evaluation::Score`.

pub use super::evaluation::Score;
use super::string_enum::string_enum;

string_enum! {
    pub enum IntakeRecommendation {
        /// Go on to training (mentor) or the waiting pool (mentee).
        Proceed = "proceed",
        /// Not yet: to be seen again later.
        Hold = "hold",
        NotSuitable = "not_suitable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;

    #[test]
    fn strings() {
        let expected = ["proceed", "hold", "not_suitable"];
        let all = IntakeRecommendation::ALL;
        let (as_str, parse) = (IntakeRecommendation::as_str, IntakeRecommendation::parse);
        assert_string_enum(all, as_str, parse, &expected);
    }
}
