//! The hard constraints: a pair that breaks one is never scored nor proposed.

use serde::{Deserialize, Serialize};

use crate::domain::reference::LanguageLevel;

use super::context::Context;
use super::profile::{MenteeProfile, MentorProfile, Must};

/// Why a pair may not be matched: every reason that applies, in the order of [`Reason`]
/// (the mentee's musts in the order recorded). Never empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[error("forbidden pair: {reasons:?}")]
pub struct Forbidden {
    pub reasons: Vec<Reason>,
}

/// One hard constraint a pair breaks; the UI words it. Serialised as e.g. `"banned"`,
/// `{"must":{"within_km":5}}` or `{"other_city":{"mentor_city_id":1,"mentee_city_id":2}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    OtherCity {
        mentor_city_id: i32,
        mentee_city_id: i32,
    },
    MentorUnavailable,
    MenteeNotWaiting,
    /// No language that both speak at working level or better.
    NoWorkingLanguage,
    /// A must of the mentee that this mentor does not meet.
    Must(Must),
    /// A coordinator ruled this pair out on the board.
    Banned,
}

/// Every reason that applies; `km` and `language` are the pair's distance and best shared
/// language, worked out once by the caller.
pub(super) fn reasons(
    ctx: &Context,
    mentor: &MentorProfile,
    mentee: &MenteeProfile,
    km: Option<u32>,
    language: Option<(i32, LanguageLevel)>,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if mentor.city_id != mentee.city_id {
        reasons.push(Reason::OtherCity {
            mentor_city_id: mentor.city_id,
            mentee_city_id: mentee.city_id,
        });
    }
    if !mentor.available {
        reasons.push(Reason::MentorUnavailable);
    }
    if !mentee.waiting {
        reasons.push(Reason::MenteeNotWaiting);
    }
    if !language.is_some_and(|(_, level)| level.is_working_level()) {
        reasons.push(Reason::NoWorkingLanguage);
    }
    for &must in &mentee.musts {
        let reason = Reason::Must(must);
        if !holds(must, mentor, mentee, km) && !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    if ctx.is_banned(mentor.id, mentee.id) {
        reasons.push(Reason::Banned);
    }
    reasons
}

fn holds(must: Must, mentor: &MentorProfile, mentee: &MenteeProfile, km: Option<u32>) -> bool {
    match must {
        Must::SameSector => mentor
            .sectors
            .iter()
            .any(|(sector, _)| mentee.goal_sectors.contains(sector)),
        Must::SharedSlot => mentor.slots.overlap(&mentee.slots) > 0,
        Must::WithinKm(max) => km.is_some_and(|km| km <= u32::from(max)),
    }
}
