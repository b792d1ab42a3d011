//! Self-assessment scores on the five dimensions (self-confidence, career
//! plan, job-search tools, language, network) and the evaluation rows.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::NotSet, Set};

use app::db::entities::evaluations;
use app::domain::evaluation::{EvaluationKind, Respondent};

use super::rng::Rng;

/// Start scores are low on purpose: people join because they need help on these.
pub fn start_scores(rng: &mut Rng) -> [i32; 5] {
    [
        *rng.weighted(&[(1, 2), (2, 4), (3, 3), (4, 1)]),
        *rng.weighted(&[(1, 3), (2, 4), (3, 2), (4, 1)]),
        *rng.weighted(&[(1, 3), (2, 4), (3, 2), (4, 1)]),
        *rng.weighted(&[(1, 1), (2, 3), (3, 4), (4, 2)]),
        *rng.weighted(&[(1, 5), (2, 4), (3, 1)]),
    ]
}

/// Six months later: about one point higher on average, rarely lower.
pub fn end_scores(start: [i32; 5], rng: &mut Rng) -> [i32; 5] {
    start.map(|s| (s + rng.weighted(&[(-1, 4), (0, 18), (1, 50), (2, 24), (3, 4)])).clamp(1, 5))
}

pub fn evaluation(
    duo_id: i32,
    kind: EvaluationKind,
    who: Respondent,
    s: [i32; 5],
    satisfaction: Option<i32>,
    comment: Option<String>,
    at: DateTime<Utc>,
) -> evaluations::ActiveModel {
    evaluations::ActiveModel {
        id: NotSet,
        duo_id: Set(duo_id),
        kind: Set(kind.as_str().to_owned()),
        respondent: Set(who.as_str().to_owned()),
        self_confidence: Set(s[0]),
        career_plan: Set(s[1]),
        job_search_tools: Set(s[2]),
        language: Set(s[3]),
        network: Set(s[4]),
        satisfaction: Set(satisfaction),
        comment: Set(comment),
        completed_at: Set(at),
    }
}
