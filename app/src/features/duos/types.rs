//! Wire types for duos.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::duo::{DuoStatus, IntroductionAnswer};
use crate::domain::evaluation::{DimensionScores, EvaluationKind, Score};
use crate::domain::meeting::MeetingTopic;
use crate::domain::monitoring::Alert;
use crate::domain::outcome::{FollowUpMonth, ReportedOutcome};
use crate::domain::plan::Goal;
use crate::domain::support::{ContactKind, ContactPerson};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyDuo {
    pub mentor_first_name: String,
    pub duo: Option<DuoSummary>,
    /// After a closed duo and its rest: the invitation to start another one.
    pub return_invitation: Option<ReturnInvitation>,
}

/// The invitation to a mentor to start another duo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnInvitation {
    pub id: i32,
    /// The first name of the mentee of the duo that closed.
    pub last_mentee_first_name: String,
}

/// What a mentor sees of their open duo: the mentee's first name only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuoSummary {
    pub id: i32,
    pub status: DuoStatus,
    pub mentee_first_name: String,
    pub goal: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub planned_end_on: Option<NaiveDate>,
    /// Whole weeks since the start, and the weeks planned in all.
    pub weeks_done: Option<u32>,
    pub weeks_planned: Option<u32>,
    /// The latest meetings, newest first.
    pub meetings: Vec<MeetingView>,
    /// Whether the mentee's start self-assessment is recorded.
    pub start_assessed: bool,
    /// While closing: whether the mentee's end self-assessment and the mentor's evaluation
    /// are recorded.
    pub end_assessed: bool,
    pub mentor_evaluated: bool,
    /// The agreement once the duo is introduced: the mentor signs their side here.
    pub agreement: Option<Agreement>,
    /// The action plan: goals and their steps.
    pub plan: Vec<Goal>,
    /// The server's today: the meeting form's default date.
    pub today: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedDuo {
    pub id: i32,
    pub mentor_id: i32,
    pub mentee_id: i32,
    /// The pair's score when proposed, 0–100.
    pub score: u8,
}

/// One line of a coordinator's duo list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuoRow {
    pub id: i32,
    pub status: DuoStatus,
    pub mentor_name: String,
    pub mentee_name: String,
    pub started_on: Option<NaiveDate>,
    pub planned_end_on: Option<NaiveDate>,
    pub last_meeting: Option<NaiveDate>,
    /// What needs the coordinator, most pressing first; empty when all is well.
    pub alerts: Vec<Alert>,
}

/// Someone in a duo, for links to their page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: i32,
    pub name: String,
}

/// The introduction meeting, and both answers once it took place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Introduction {
    pub at: DateTime<Utc>,
    pub place: String,
    pub mentor_answer: Option<IntroductionAnswer>,
    pub mentee_answer: Option<IntroductionAnswer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub version: String,
    pub mentor_signed_at: Option<DateTime<Utc>>,
    pub mentee_signed_at: Option<DateTime<Utc>>,
}

impl Agreement {
    pub fn signed_by_both(&self) -> bool {
        self.mentor_signed_at.is_some() && self.mentee_signed_at.is_some()
    }
}

/// A logged meeting, as the timeline and the mentor's phone show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    pub id: i32,
    pub held_on: NaiveDate,
    pub minutes: u32,
    pub topics: Vec<MeetingTopic>,
    pub note: Option<String>,
    pub next_steps: Option<String>,
    /// Whether its mentor may still change it (seven days after logging).
    pub editable: bool,
}

/// One step of the duo's life cycle, for its timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusLine {
    pub to: DuoStatus,
    pub reason: Option<String>,
    pub at: DateTime<Utc>,
}

/// The mentee's self-assessment, as filled in on the phone: one answer 1–5 per dimension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfAssessmentForm {
    pub duo_id: i32,
    pub kind: EvaluationKind,
    #[serde(default)]
    pub self_confidence: String,
    #[serde(default)]
    pub career_plan: String,
    #[serde(default)]
    pub job_search_tools: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub network: String,
}

/// A recorded self-assessment of the mentee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentView {
    pub kind: EvaluationKind,
    pub scores: DimensionScores,
    pub completed_at: DateTime<Utc>,
}

/// A coordinator's check-in as the form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactForm {
    pub duo_id: i32,
    pub contacted_on: String,
    pub kind: String,
    pub person: String,
    #[serde(default)]
    pub note: String,
}

/// A logged check-in, with who logged it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactView {
    pub contacted_on: NaiveDate,
    pub kind: ContactKind,
    pub person: ContactPerson,
    pub note: Option<String>,
    pub by: String,
}

/// Everything a coordinator sees of one duo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuoDetail {
    pub id: i32,
    pub status: DuoStatus,
    pub mentor: Member,
    pub mentee: Member,
    pub goal: Option<String>,
    pub score: Option<u8>,
    pub introduction: Option<Introduction>,
    pub agreement: Option<Agreement>,
    pub started_on: Option<NaiveDate>,
    pub planned_end_on: Option<NaiveDate>,
    pub meetings: Vec<MeetingView>,
    pub assessments: Vec<AssessmentView>,
    pub alerts: Vec<Alert>,
    pub contacts: Vec<ContactView>,
    pub history: Vec<StatusLine>,
    /// The last day of mentoring, once closing began.
    pub ended_on: Option<NaiveDate>,
    pub mentor_evaluation: Option<MentorEvaluationView>,
    pub closure: Option<ClosureView>,
    pub follow_ups: Vec<FollowUpView>,
    pub plan: Vec<Goal>,
    /// Peer sessions the mentor attended while the duo ran.
    pub peer_sessions: u32,
    /// The server's today, so forms can default to it.
    pub today: NaiveDate,
}

/// A goal for the action plan, or a step of goal `goal_id`; the target date is optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItemForm {
    pub duo_id: i32,
    #[serde(default)]
    pub goal_id: Option<i32>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub target_on: String,
}

/// The mentor's end evaluation: the mentee's progress as the mentor saw it, and how the duo
/// went for them (1–5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorEvaluationView {
    pub scores: DimensionScores,
    pub satisfaction: Option<Score>,
    pub comment: Option<String>,
    pub completed_at: DateTime<Utc>,
}

/// How the duo ended, as the mentee reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureView {
    pub reported: ReportedOutcome,
    pub closed_on: NaiveDate,
    pub note: Option<String>,
}

/// A follow-up after the end: due, and once done what the mentee reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpView {
    pub id: i32,
    pub month: FollowUpMonth,
    pub due_on: NaiveDate,
    pub done_on: Option<NaiveDate>,
    pub reported: Option<ReportedOutcome>,
}

/// Starts closing an active duo. Before the planned end it ends early and needs a
/// `StopReason`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosingForm {
    pub duo_id: i32,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
}

/// An outcome as the coordinator types it: at the closure (`target` is the duo) or at a
/// follow-up (`target` is the follow-up). `lasts_three_months` is "yes" or "no".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeForm {
    pub target: i32,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub contract_type: String,
    #[serde(default)]
    pub lasts_three_months: String,
    #[serde(default)]
    pub note: String,
}

/// The mentor's end evaluation as the phone sends it: one answer 1–5 per dimension, and for
/// how the duo went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentorEvaluationForm {
    pub duo_id: i32,
    #[serde(default)]
    pub self_confidence: String,
    #[serde(default)]
    pub career_plan: String,
    #[serde(default)]
    pub job_search_tools: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub network: String,
    #[serde(default)]
    pub satisfaction: String,
    #[serde(default)]
    pub comment: String,
}

/// Plans the introduction meeting: a local date and time, and a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntroductionPlan {
    pub duo_id: i32,
    pub at: String,
    pub place: String,
}

/// What mentor and mentee answered at their introduction; a reason when one of them declined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntroductionReport {
    pub duo_id: i32,
    pub mentor: String,
    pub mentee: String,
    #[serde(default)]
    pub reason: String,
}

/// The start of active mentoring; the planned end defaults to six months later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuoStart {
    pub duo_id: i32,
    pub started_on: String,
    #[serde(default)]
    pub planned_end_on: String,
}

/// A meeting as the mentor's form sends it. `idempotency_key` is made on the phone when the
/// form is filled in, so sending it again (after a lost answer, or from the offline queue)
/// stores it once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingLog {
    pub duo_id: i32,
    pub held_on: String,
    pub minutes: String,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub next_steps: String,
    pub idempotency_key: String,
}

/// A stored meeting: the same id however many times its log was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoggedMeeting {
    pub meeting_id: i32,
}
