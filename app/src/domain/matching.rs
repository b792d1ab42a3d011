//! Matching mentees with mentors: the explained score of a pair, top-k suggestions, and the
//! exact city-wide assignment solver behind proposals.

pub mod assignment;
pub mod history;
pub mod score;
