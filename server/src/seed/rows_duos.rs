//! Rows for duos: the duo itself, its status history, the signed agreement,
//! the start and end evaluations, and for closed duos the closure and the
//! follow-ups that are due.

use chrono::{DateTime, Datelike, Duration, Utc};
use sea_orm::{ActiveValue::NotSet, Set};

use app::db::entities::{closures, duo_agreements, duo_status_changes, duos, follow_ups};
use app::domain::duo::{DuoStatus, planned_end};
use app::domain::evaluation::{EvaluationKind, Respondent};
use app::domain::locale::Locale;
use app::domain::outcome::{ContractType, Outcome};

use super::city_profile::PROFILES;
use super::insert::{Ids, Rows};
use super::outcomes::plan_outcomes;
use super::refs::Refs;
use super::rng::Rng;
use super::scores::{end_scores, evaluation, start_scores};
use super::text_duo::{CLOSURE_NOTES, MENTEE_COMMENTS, MENTOR_COMMENTS};
use super::text_people::tr;
use super::world::{DuoPlan, World, at, days};

/// The moment a duo became active: both had signed by then.
pub fn active_at(duo: &DuoPlan) -> Option<DateTime<Utc>> {
    duo.started_on.map(|d| at(d, 10, 0))
}

/// `(status, when)` for every step the duo went through.
fn steps(duo: &DuoPlan) -> Vec<(DuoStatus, DateTime<Utc>)> {
    let mut list = vec![(DuoStatus::Proposed, duo.proposed_at)];
    list.extend(duo.introduced_at.map(|t| (DuoStatus::Introduced, t)));
    list.extend(active_at(duo).map(|t| (DuoStatus::Active, t)));
    list.extend(duo.closing_at.map(|t| (DuoStatus::Closing, t)));
    if matches!(
        duo.status,
        DuoStatus::Closed | DuoStatus::Declined | DuoStatus::StoppedEarly
    ) {
        list.extend(duo.ended_at.map(|t| (duo.status, t)));
    }
    list
}

pub fn duo_rows(world: &World, refs: &Refs, ids: &Ids, rows: &mut Rows) {
    let today = world.today;
    let outcomes = plan_outcomes(world);
    for (d, duo) in world.duos.iter().enumerate() {
        let mut rng = Rng::stream("duo-rows", d as u64);
        let id = ids.duo + d as i32;
        let steps = steps(duo);
        let changed_at = steps.last().map_or(duo.proposed_at, |s| s.1);
        rows.duos.push(duos::ActiveModel {
            id: Set(id),
            mentor_id: Set(ids.mentor + duo.mentor as i32),
            mentee_id: Set(ids.mentee + duo.mentee as i32),
            city_id: Set(refs.cities[duo.city]),
            status: Set(duo.status.as_str().to_owned()),
            reason_code: Set(duo.reason.map(str::to_owned)),
            reason_note: Set(None),
            match_score: Set(Some(duo.match_score)),
            proposed_by: Set(Some(duo.coordinator)),
            proposed_at: Set(duo.proposed_at),
            introduced_at: Set(duo.introduced_at),
            started_on: Set(duo.started_on),
            planned_end_on: Set(duo.started_on.map(planned_end)),
            ended_on: Set(duo.ended_on()),
            status_changed_at: Set(changed_at),
            created_at: Set(duo.proposed_at),
        });
        let mut from: Option<DuoStatus> = None;
        for &(status, when) in &steps {
            let reason = (status == duo.status).then_some(duo.reason).flatten();
            rows.duo_changes.push(duo_status_changes::ActiveModel {
                id: NotSet,
                duo_id: Set(id),
                from_status: Set(from.map(|s| s.as_str().to_owned())),
                to_status: Set(status.as_str().to_owned()),
                reason: Set(reason.map(str::to_owned)),
                note: Set(None),
                changed_by: Set(Some(duo.coordinator)),
                changed_at: Set(when),
            });
            from = Some(status);
        }
        let (Some(started), Some(active)) = (duo.started_on, active_at(duo)) else {
            continue;
        };
        rows.agreements.push(duo_agreements::ActiveModel {
            id: NotSet,
            duo_id: Set(id),
            version: Set(format!("{}-01", started.year())),
            mentor_signed_at: Set(Some(active - days(rng.range(0, 2)))),
            mentee_signed_at: Set(Some(active)),
            created_at: Set(duo.introduced_at.unwrap_or(active) + Duration::hours(1)),
        });
        let mentor_locale = world.mentors[duo.mentor].person.locale;
        let mentee_locale = world.mentees[duo.mentee].person.locale;
        let start = start_scores(&mut rng);
        let start_at = active + days(rng.range(1, 10));
        if start_at.date_naive() < today {
            rows.evaluations.push(evaluation(
                id,
                EvaluationKind::Start,
                Respondent::Mentee,
                start,
                None,
                None,
                start_at,
            ));
        }
        let Some(closing) = duo.closing_at else {
            continue;
        };
        let end = end_scores(start, &mut rng);
        let comment = |list: &[[&'static str; 3]], locale: Locale, rng: &mut Rng| {
            Some(tr(rng.pick(list), locale).to_owned())
        };
        let mentee_done = closing + days(rng.range(1, 4));
        if duo.status == DuoStatus::Closed || (mentee_done.date_naive() < today && rng.chance(0.5))
        {
            let satisfaction = Some(*rng.weighted(&[(3, 1), (4, 4), (5, 5)]));
            let text = comment(MENTEE_COMMENTS, mentee_locale, &mut rng);
            rows.evaluations.push(evaluation(
                id,
                EvaluationKind::End,
                Respondent::Mentee,
                end,
                satisfaction,
                text,
                mentee_done,
            ));
        }
        if duo.status != DuoStatus::Closed {
            continue;
        }
        let seen = end.map(|s| (s + rng.weighted(&[(-1, 2), (0, 6), (1, 2)])).clamp(1, 5));
        let satisfaction = Some(*rng.weighted(&[(3, 2), (4, 5), (5, 4)]));
        let text = comment(MENTOR_COMMENTS, mentor_locale, &mut rng);
        let mentor_done = closing + days(rng.range(2, 6));
        rows.evaluations.push(evaluation(
            id,
            EvaluationKind::End,
            Respondent::Mentor,
            seen,
            satisfaction,
            text,
            mentor_done,
        ));
        let Some(plan) = outcomes.get(&d) else {
            continue;
        };
        let office = PROFILES[duo.city].office_locale;
        let note_index = Outcome::ALL
            .iter()
            .position(|o| *o == plan.closure)
            .unwrap_or(0);
        rows.closures.push(closures::ActiveModel {
            duo_id: Set(id),
            outcome: Set(plan.closure.as_str().to_owned()),
            contract_type: Set(job_contract(plan.closure, id)),
            lasts_three_months: Set(job_lasts(plan.closure, id)),
            self_reported: Set(true),
            closed_by: Set(Some(duo.coordinator)),
            closed_on: Set(duo.ended_on().unwrap_or(today)),
            note: Set(Some(tr(&CLOSURE_NOTES[note_index], office).to_owned())),
        });
        for f in &plan.follow_ups {
            rows.follow_ups.push(follow_ups::ActiveModel {
                id: NotSet,
                duo_id: Set(id),
                month: Set(f.month.months() as i32),
                due_on: Set(f.due_on),
                done_on: Set(f.done.map(|(on, _)| on)),
                outcome: Set(f.done.map(|(_, o)| o.as_str().to_owned())),
                contract_type: Set(f.done.and_then(|(_, o)| job_contract(o, id))),
                lasts_three_months: Set(f.done.and_then(|(_, o)| job_lasts(o, id))),
                self_reported: Set(true),
            });
        }
    }
}

/// A job's contract, spread over the kinds by duo: mostly fixed-term and agency work, as
/// first jobs are.
fn job_contract(outcome: Outcome, duo_id: i32) -> Option<String> {
    const SPREAD: [ContractType; 5] = [
        ContractType::FixedTerm,
        ContractType::TemporaryAgency,
        ContractType::Permanent,
        ContractType::FixedTerm,
        ContractType::SocialEmployment,
    ];
    (outcome == Outcome::Job).then(|| {
        SPREAD[duo_id.unsigned_abs() as usize % SPREAD.len()]
            .as_str()
            .to_owned()
    })
}

/// Whether a job lasts three months: four jobs in five.
fn job_lasts(outcome: Outcome, duo_id: i32) -> Option<bool> {
    (outcome == Outcome::Job).then_some(duo_id % 5 != 0)
}
