//! Matching mentees with mentors: the exact city-wide assignment solver.

pub mod assignment;
