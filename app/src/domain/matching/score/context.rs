//! Everything besides the two people that a score depends on: one city's settings.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::weights::Weights;

/// The city's weights, which sectors count as related, and the pairs banned on the board.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    pub weights: Weights,
    /// Unordered: stored smaller id first, looked up both ways.
    related_sectors: BTreeSet<(i32, i32)>,
    /// `(mentor_id, mentee_id)`.
    banned: BTreeSet<(i32, i32)>,
}

impl Context {
    pub fn new(weights: Weights) -> Context {
        Context {
            weights,
            ..Context::default()
        }
    }

    /// Adds `sector_relations` rows; `(a, b)` and `(b, a)` mean the same.
    pub fn with_related_sectors<I: IntoIterator<Item = (i32, i32)>>(mut self, pairs: I) -> Self {
        let ordered = |(a, b): (i32, i32)| (a.min(b), a.max(b));
        self.related_sectors.extend(pairs.into_iter().map(ordered));
        self
    }

    /// Adds `(mentor_id, mentee_id)` pairs a coordinator banned.
    pub fn with_bans<I: IntoIterator<Item = (i32, i32)>>(mut self, pairs: I) -> Self {
        self.banned.extend(pairs);
        self
    }

    pub fn are_related(&self, a: i32, b: i32) -> bool {
        self.related_sectors.contains(&(a, b)) || self.related_sectors.contains(&(b, a))
    }

    pub fn is_banned(&self, mentor_id: i32, mentee_id: i32) -> bool {
        self.banned.contains(&(mentor_id, mentee_id))
    }

    /// The banned `(mentor_id, mentee_id)` pairs, in ascending order.
    pub fn bans(&self) -> impl Iterator<Item = (i32, i32)> + '_ {
        self.banned.iter().copied()
    }
}
