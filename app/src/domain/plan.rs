//! A duo's action plan: goals, each with steps, both with an optional target date. The mentor
//! ticks steps off; the next steps the mentor's home shows come from here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{ErrorCode, FieldError};
use super::text::ShortText;

/// The longest title of a goal or a step.
pub const TITLE_MAX: usize = 200;

/// A goal or a step as typed: its title, and the date it should be done by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub title: ShortText,
    pub target_on: Option<NaiveDate>,
}

/// Reads a goal or a step; the target date, when given, is not before the duo's start.
pub fn parse_item(
    title: &str,
    target_on: &str,
    started_on: NaiveDate,
) -> Result<PlanItem, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = ShortText::parse(title, TITLE_MAX)
        .map_err(|code| errors.push(code.at("title")))
        .ok();
    let target_on = match target_on.trim() {
        "" => Ok(None),
        written => NaiveDate::parse_from_str(written, "%Y-%m-%d")
            .map_err(|_| ErrorCode::InvalidDate)
            .and_then(|date| {
                if date < started_on {
                    Err(ErrorCode::DateBeforeStart { start: started_on })
                } else {
                    Ok(Some(date))
                }
            }),
    }
    .map_err(|code| errors.push(code.at("target_on")))
    .ok();
    match (title, target_on) {
        (Some(title), Some(target_on)) => Ok(PlanItem { title, target_on }),
        _ => Err(errors),
    }
}

/// A step towards a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub id: i32,
    pub title: String,
    pub target_on: Option<NaiveDate>,
    pub done: bool,
}

/// A goal and its steps, in their order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: i32,
    pub title: String,
    pub target_on: Option<NaiveDate>,
    pub steps: Vec<Step>,
}

impl Goal {
    /// A goal is reached when it has steps and all of them are done.
    pub fn reached(&self) -> bool {
        !self.steps.is_empty() && self.steps.iter().all(|s| s.done)
    }
}

/// The `n` open steps to do next: the dated ones soonest first, then the undated ones in plan
/// order (goal by goal, step by step).
pub fn next_steps(goals: &[Goal], n: usize) -> Vec<Step> {
    let mut open: Vec<(Option<NaiveDate>, usize, usize, &Step)> = goals
        .iter()
        .enumerate()
        .flat_map(|(g, goal)| {
            goal.steps
                .iter()
                .enumerate()
                .filter(|(_, step)| !step.done)
                .map(move |(s, step)| (step.target_on, g, s, step))
        })
        .collect();
    // `None` sorts first for `Option`; undated steps come after the dated ones.
    open.sort_by_key(|(date, g, s, _)| (date.is_none(), *date, *g, *s));
    open.into_iter()
        .take(n)
        .map(|(.., step)| step.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn step(id: i32, target_on: Option<NaiveDate>, done: bool) -> Step {
        Step {
            id,
            title: format!("step {id}"),
            target_on,
            done,
        }
    }

    #[test]
    fn a_title_is_needed_and_a_target_is_not_before_the_start() {
        let start = day(3, 1);
        let item = parse_item(" Update the CV ", "2026-04-01", start).unwrap();
        assert_eq!(
            (item.title.as_str(), item.target_on),
            ("Update the CV", Some(day(4, 1)))
        );
        assert_eq!(parse_item("Network", "", start).unwrap().target_on, None);
        assert_eq!(
            parse_item("", "2026-02-28", start),
            Err(vec![
                ErrorCode::Required.at("title"),
                ErrorCode::DateBeforeStart { start }.at("target_on"),
            ])
        );
        assert_eq!(
            parse_item(&"x".repeat(TITLE_MAX + 1), "1/4/2026", start),
            Err(vec![
                ErrorCode::TooLong { max: 200 }.at("title"),
                ErrorCode::InvalidDate.at("target_on"),
            ])
        );
    }

    #[test]
    fn next_steps_are_the_open_ones_soonest_first_then_undated() {
        let goals = vec![
            Goal {
                id: 1,
                title: "CV".into(),
                target_on: None,
                steps: vec![
                    step(1, Some(day(3, 10)), true),
                    step(2, None, false),
                    step(3, Some(day(4, 1)), false),
                ],
            },
            Goal {
                id: 2,
                title: "Network".into(),
                target_on: None,
                steps: vec![step(4, None, false), step(5, Some(day(3, 20)), false)],
            },
        ];
        let ids: Vec<i32> = next_steps(&goals, 10).iter().map(|s| s.id).collect();
        assert_eq!(ids, [5, 3, 2, 4]);
        assert_eq!(next_steps(&goals, 2).len(), 2);
        assert!(!goals[0].reached());
        let done = Goal {
            steps: vec![step(6, None, true)],
            ..goals[1].clone()
        };
        assert!(done.reached());
        assert!(
            !Goal {
                steps: vec![],
                ..done
            }
            .reached()
        );
    }
}
