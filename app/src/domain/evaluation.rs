//! Self-assessments at the start, middle and end of a duo, on the programme's five dimensions.

use serde::{Deserialize, Serialize};

use super::error::ErrorCode;
use super::string_enum::string_enum;

string_enum! {
    /// What the self-assessment measures; the order is the order of the questionnaire.
    #[derive(PartialOrd, Ord)]
    pub enum Dimension {
        SelfConfidence = "self_confidence",
        CareerPlan = "career_plan",
        JobSearchTools = "job_search_tools",
        Language = "language",
        Network = "network",
    }
}

string_enum! {
    /// When in the duo an evaluation is taken.
    #[derive(PartialOrd, Ord)]
    pub enum EvaluationKind {
        Start = "start",
        Mid = "mid",
        End = "end",
    }
}

string_enum! {
    /// Who answered: the mentee about themselves, or the mentor about the duo.
    pub enum Respondent {
        Mentee = "mentee",
        Mentor = "mentor",
    }
}

/// An answer on a five-point scale, 1 (low) to 5 (high). Also used by intake interviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn parse(value: i64) -> Result<Score, ErrorCode> {
        u8::try_from(value)
            .ok()
            .filter(|v| (Self::MIN..=Self::MAX).contains(v))
            .map(Score)
            .ok_or(ErrorCode::OutOfRange {
                min: Self::MIN.into(),
                max: Self::MAX.into(),
            })
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Score {
    type Error = ErrorCode;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Score::parse(value)
    }
}

impl From<Score> for u8 {
    fn from(score: Score) -> u8 {
        score.0
    }
}

/// One score per dimension: a complete self-assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DimensionScores {
    pub self_confidence: Score,
    pub career_plan: Score,
    pub job_search_tools: Score,
    pub language: Score,
    pub network: Score,
}

impl DimensionScores {
    pub fn get(&self, dimension: Dimension) -> Score {
        match dimension {
            Dimension::SelfConfidence => self.self_confidence,
            Dimension::CareerPlan => self.career_plan,
            Dimension::JobSearchTools => self.job_search_tools,
            Dimension::Language => self.language,
            Dimension::Network => self.network,
        }
    }

    /// The change from `start` to `end` per dimension, in questionnaire order; -4 to +4.
    pub fn change(start: &DimensionScores, end: &DimensionScores) -> [(Dimension, i8); 5] {
        [
            Dimension::SelfConfidence,
            Dimension::CareerPlan,
            Dimension::JobSearchTools,
            Dimension::Language,
            Dimension::Network,
        ]
        .map(|d| (d, end.get(d).get() as i8 - start.get(d).get() as i8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::string_enum::assert_string_enum;
    use proptest::prelude::*;

    #[test]
    fn strings() {
        let expected = [
            "self_confidence",
            "career_plan",
            "job_search_tools",
            "language",
            "network",
        ];
        assert_string_enum(
            Dimension::ALL,
            Dimension::as_str,
            Dimension::parse,
            &expected,
        );
        let all = EvaluationKind::ALL;
        let expected = ["start", "mid", "end"];
        assert_string_enum(
            all,
            EvaluationKind::as_str,
            EvaluationKind::parse,
            &expected,
        );
        let expected = ["mentee", "mentor"];
        assert_string_enum(
            Respondent::ALL,
            Respondent::as_str,
            Respondent::parse,
            &expected,
        );
    }

    #[test]
    fn score_boundaries() {
        let out = Err(ErrorCode::OutOfRange { min: 1, max: 5 });
        let cases = [
            (0, out.clone()),
            (1, Ok(1)),
            (5, Ok(5)),
            (6, out.clone()),
            (256, out),
        ];
        for (value, expected) in cases {
            assert_eq!(Score::parse(value).map(Score::get), expected, "{value}");
        }
        assert!(serde_json::from_str::<Score>("0").is_err());
        assert_eq!(serde_json::from_str::<Score>("4").unwrap().get(), 4);
    }

    fn scores(values: [i64; 5]) -> DimensionScores {
        let [a, b, c, d, e] = values.map(|v| Score::parse(v).unwrap());
        DimensionScores {
            self_confidence: a,
            career_plan: b,
            job_search_tools: c,
            language: d,
            network: e,
        }
    }

    #[test]
    fn change_per_dimension() {
        let change = DimensionScores::change(&scores([1, 2, 3, 4, 5]), &scores([5, 2, 4, 3, 1]));
        let expected = [
            (Dimension::SelfConfidence, 4),
            (Dimension::CareerPlan, 0),
            (Dimension::JobSearchTools, 1),
            (Dimension::Language, -1),
            (Dimension::Network, -4),
        ];
        assert_eq!(change, expected);
        assert_eq!(change.map(|(d, _)| d), Dimension::ALL);
    }

    proptest! {
        #[test]
        fn score_accepts_exactly_one_to_five(value in any::<i64>()) {
            prop_assert_eq!(Score::parse(value).is_ok(), (1..=5).contains(&value));
        }
    }
}
