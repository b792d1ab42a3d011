//! Screening a mentor before a first duo: an intake interview, then training. Only a mentor
//! with both becomes `available`; the database holds the same rule with a trigger.

use serde::{Deserialize, Serialize};

use super::error::TransitionError;
use super::mentor::MentorStatus;

/// What the records say a mentor has done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Screening {
    /// An intake interview with its conclusion recorded.
    pub intake_done: bool,
    /// Attendance confirmed at a training session.
    pub trained: bool,
}

/// A step of screening a mentor still lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreeningStep {
    Intake,
    Training,
}

/// Why a mentor's status cannot change as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentorChangeError {
    /// The life cycle has no such step.
    Transition(TransitionError),
    /// `available` (or a duo) before the intake and training are done.
    NotScreened(Vec<ScreeningStep>),
}

impl Screening {
    /// The steps still missing before this mentor may be matched.
    pub fn missing(self) -> Vec<ScreeningStep> {
        let mut missing = Vec::new();
        if !self.intake_done {
            missing.push(ScreeningStep::Intake);
        }
        if !self.trained {
            missing.push(ScreeningStep::Training);
        }
        missing
    }
}

/// The life cycle's rule and, for becoming available, the screening rule.
pub fn change_mentor(
    from: MentorStatus,
    to: MentorStatus,
    screening: Screening,
) -> Result<MentorStatus, MentorChangeError> {
    let next = from.transition(to).map_err(MentorChangeError::Transition)?;
    if matches!(next, MentorStatus::Available | MentorStatus::InDuo) {
        let missing = screening.missing();
        if !missing.is_empty() {
            return Err(MentorChangeError::NotScreened(missing));
        }
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use MentorStatus::*;

    const DONE: Screening = Screening {
        intake_done: true,
        trained: true,
    };

    #[test]
    fn available_needs_intake_and_training() {
        assert_eq!(change_mentor(InTraining, Available, DONE), Ok(Available));
        let untrained = Screening {
            intake_done: true,
            trained: false,
        };
        assert_eq!(
            change_mentor(InTraining, Available, untrained),
            Err(MentorChangeError::NotScreened(vec![
                ScreeningStep::Training
            ]))
        );
        assert_eq!(
            change_mentor(Paused, Available, Screening::default()),
            Err(MentorChangeError::NotScreened(vec![
                ScreeningStep::Intake,
                ScreeningStep::Training
            ]))
        );
    }

    #[test]
    fn the_life_cycle_still_decides_first() {
        assert!(matches!(
            change_mentor(Applied, Available, DONE),
            Err(MentorChangeError::Transition(_))
        ));
        // Earlier steps need nothing from screening.
        assert_eq!(
            change_mentor(Applied, IntakeScheduled, Screening::default()),
            Ok(IntakeScheduled)
        );
        assert_eq!(change_mentor(Applied, Left, Screening::default()), Ok(Left));
    }
}
