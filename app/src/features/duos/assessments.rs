//! The mentee's self-assessment on the five dimensions, filled in with the mentor: at the
//! start of the duo, and again at its end, so the change shows. At the end the mentor also
//! evaluates the duo: the mentee's progress on the same dimensions, and how it went.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set,
};

use super::life::load_duo;
use super::types::{
    AssessmentView, MentorEvaluationForm, MentorEvaluationView, SelfAssessmentForm,
};
use crate::db::entities::{duos, evaluations};
use crate::domain::duo::DuoStatus;
use crate::domain::evaluation::{Dimension, DimensionScores, EvaluationKind, Respondent, Score};
use crate::domain::text::ShortText;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

/// One answer from 1 to 5, as typed or tapped.
fn parse_score(value: &str) -> Result<Score, ErrorCode> {
    match value.trim() {
        "" => Err(ErrorCode::Required),
        written => written
            .parse::<i64>()
            .map_err(|_| ErrorCode::OutOfRange {
                min: Score::MIN.into(),
                max: Score::MAX.into(),
            })
            .and_then(Score::parse),
    }
}

/// The five answers in questionnaire order, each named by its dimension when refused; the
/// refusals go to `errors`.
fn parse_scores(values: [&str; 5], errors: &mut Vec<FieldError>) -> Option<DimensionScores> {
    let mut score = |dimension: Dimension, value: &str| {
        parse_score(value)
            .map_err(|code| errors.push(code.at(dimension.as_str())))
            .ok()
    };
    let [
        self_confidence,
        career_plan,
        job_search_tools,
        language,
        network,
    ] = values;
    let scores = (
        score(Dimension::SelfConfidence, self_confidence),
        score(Dimension::CareerPlan, career_plan),
        score(Dimension::JobSearchTools, job_search_tools),
        score(Dimension::Language, language),
        score(Dimension::Network, network),
    );
    match scores {
        (
            Some(self_confidence),
            Some(career_plan),
            Some(job_search_tools),
            Some(language),
            Some(network),
        ) => Some(DimensionScores {
            self_confidence,
            career_plan,
            job_search_tools,
            language,
            network,
        }),
        _ => None,
    }
}

fn self_assessment_scores(form: &SelfAssessmentForm) -> Result<DimensionScores, AppError> {
    let mut errors = Vec::new();
    let values = [
        form.self_confidence.as_str(),
        form.career_plan.as_str(),
        form.job_search_tools.as_str(),
        form.language.as_str(),
        form.network.as_str(),
    ];
    parse_scores(values, &mut errors).ok_or(AppError::Validation(errors))
}

/// The duo status each assessment belongs to: the start and the middle while mentoring, the
/// end while closing.
fn status_for(kind: EvaluationKind) -> DuoStatus {
    match kind {
        EvaluationKind::Start | EvaluationKind::Mid => DuoStatus::Active,
        EvaluationKind::End => DuoStatus::Closing,
    }
}

fn value(score: Score) -> i32 {
    i32::from(score.get())
}

/// Records the mentee's self-assessment of `kind`; filling it in again replaces the answers.
pub async fn save(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: SelfAssessmentForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let scores = self_assessment_scores(&form)?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin self-assessment"))?;
    let duo = load_duo(&tx, user, form.duo_id).await?;
    expect_for(&duo, form.kind, "assessment")?;
    let answers = Answers {
        kind: form.kind,
        respondent: Respondent::Mentee,
        scores,
        satisfaction: None,
        comment: None,
    };
    upsert(&tx, duo.id, answers, now).await?;
    audit::record(
        &tx,
        Some(user.user_id),
        "self_assessment",
        "duo",
        Some(duo.id),
    )
    .await
    .map_err(db_internal("audit self-assessment"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit self-assessment"))
}

/// Refuses an evaluation of `kind` unless the duo is where that evaluation belongs.
fn expect_for(duo: &duos::Model, kind: EvaluationKind, what: &str) -> Result<(), AppError> {
    if DuoStatus::parse(&duo.status) == Some(status_for(kind)) {
        Ok(())
    } else {
        Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: duo.status.clone(),
            to: format!("{}_{what}", kind.as_str()),
        }))
    }
}

/// One evaluation's answers, whoever gave them.
struct Answers {
    kind: EvaluationKind,
    respondent: Respondent,
    scores: DimensionScores,
    satisfaction: Option<Score>,
    comment: Option<ShortText>,
}

/// Records an evaluation; answering again replaces the earlier answers.
async fn upsert(
    conn: &impl ConnectionTrait,
    duo_id: i32,
    answers: Answers,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let existing = evaluations::Entity::find()
        .filter(evaluations::Column::DuoId.eq(duo_id))
        .filter(evaluations::Column::Kind.eq(answers.kind.as_str()))
        .filter(evaluations::Column::Respondent.eq(answers.respondent.as_str()))
        .one(conn)
        .await
        .map_err(db_internal("find evaluation"))?;
    let mut row = match existing {
        Some(row) => row.into_active_model(),
        None => evaluations::ActiveModel {
            duo_id: Set(duo_id),
            kind: Set(answers.kind.as_str().to_owned()),
            respondent: Set(answers.respondent.as_str().to_owned()),
            ..Default::default()
        },
    };
    let scores = answers.scores;
    row.self_confidence = Set(value(scores.self_confidence));
    row.career_plan = Set(value(scores.career_plan));
    row.job_search_tools = Set(value(scores.job_search_tools));
    row.language = Set(value(scores.language));
    row.network = Set(value(scores.network));
    row.satisfaction = Set(answers.satisfaction.map(value));
    row.comment = Set(answers.comment.map(|c| c.as_str().to_owned()));
    row.completed_at = Set(now);
    row.save(conn)
        .await
        .map_err(db_internal("save evaluation"))?;
    Ok(())
}

/// The longest comment a mentor's evaluation keeps.
const COMMENT_MAX: usize = 2000;

/// The mentor's evaluation of a closing duo: the mentee's progress on the five dimensions,
/// how the duo went for them, and a comment. A mentor answers for their own duo; staff may
/// type in one given on paper.
pub async fn save_mentor_evaluation(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: MentorEvaluationForm,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    let values = [
        form.self_confidence.as_str(),
        form.career_plan.as_str(),
        form.job_search_tools.as_str(),
        form.language.as_str(),
        form.network.as_str(),
    ];
    let scores = parse_scores(values, &mut errors);
    let satisfaction = parse_score(&form.satisfaction)
        .map_err(|code| errors.push(code.at("satisfaction")))
        .ok();
    let comment = ShortText::parse_optional(&form.comment, COMMENT_MAX)
        .map_err(|code| errors.push(code.at("comment")))
        .ok()
        .flatten();
    let (Some(scores), Some(satisfaction), true) = (scores, satisfaction, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin mentor evaluation"))?;
    let duo = load_duo(&tx, user, form.duo_id).await?;
    expect_for(&duo, EvaluationKind::End, "evaluation")?;
    let answers = Answers {
        kind: EvaluationKind::End,
        respondent: Respondent::Mentor,
        scores,
        satisfaction: Some(satisfaction),
        comment,
    };
    upsert(&tx, duo.id, answers, now).await?;
    audit::record(
        &tx,
        Some(user.user_id),
        "mentor_evaluation",
        "duo",
        Some(duo.id),
    )
    .await
    .map_err(db_internal("audit mentor evaluation"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit mentor evaluation"))
}

/// Whether the two end evaluations a closure needs are in: the mentee's self-assessment and
/// the mentor's evaluation.
pub(super) async fn end_evaluations_done(
    conn: &impl ConnectionTrait,
    duo_id: i32,
) -> Result<bool, AppError> {
    let respondents: Vec<String> = evaluations::Entity::find()
        .filter(evaluations::Column::DuoId.eq(duo_id))
        .filter(evaluations::Column::Kind.eq(EvaluationKind::End.as_str()))
        .all(conn)
        .await
        .map_err(db_internal("end evaluations"))?
        .into_iter()
        .map(|row| row.respondent)
        .collect();
    Ok(Respondent::ALL
        .iter()
        .all(|r| respondents.iter().any(|done| done == r.as_str())))
}

/// The mentor's end evaluation of a duo, once given.
pub async fn mentor_evaluation(
    conn: &impl ConnectionTrait,
    duo_id: i32,
) -> Result<Option<MentorEvaluationView>, AppError> {
    let row = evaluations::Entity::find()
        .filter(evaluations::Column::DuoId.eq(duo_id))
        .filter(evaluations::Column::Kind.eq(EvaluationKind::End.as_str()))
        .filter(evaluations::Column::Respondent.eq(Respondent::Mentor.as_str()))
        .one(conn)
        .await
        .map_err(db_internal("mentor evaluation"))?;
    Ok(row.and_then(|row| {
        Some(MentorEvaluationView {
            scores: stored_scores(&row)?,
            satisfaction: row
                .satisfaction
                .and_then(|s| Score::parse(i64::from(s)).ok()),
            comment: row.comment,
            completed_at: row.completed_at,
        })
    }))
}

fn stored_scores(row: &evaluations::Model) -> Option<DimensionScores> {
    let score = |v: i32| Score::parse(i64::from(v)).ok();
    Some(DimensionScores {
        self_confidence: score(row.self_confidence)?,
        career_plan: score(row.career_plan)?,
        job_search_tools: score(row.job_search_tools)?,
        language: score(row.language)?,
        network: score(row.network)?,
    })
}

/// The mentee's self-assessments of a duo, in questionnaire order: start, middle, end.
pub async fn list(
    conn: &impl ConnectionTrait,
    duo_id: i32,
) -> Result<Vec<AssessmentView>, AppError> {
    let rows = evaluations::Entity::find()
        .filter(evaluations::Column::DuoId.eq(duo_id))
        .filter(evaluations::Column::Respondent.eq(Respondent::Mentee.as_str()))
        .order_by_asc(evaluations::Column::CompletedAt)
        .all(conn)
        .await
        .map_err(db_internal("list self-assessments"))?;
    let mut views: Vec<AssessmentView> = rows
        .iter()
        .filter_map(|row| {
            Some(AssessmentView {
                kind: EvaluationKind::parse(&row.kind)?,
                scores: stored_scores(row)?,
                completed_at: row.completed_at,
            })
        })
        .collect();
    views.sort_by_key(|v| v.kind);
    Ok(views)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(values: [&str; 5]) -> SelfAssessmentForm {
        let [
            self_confidence,
            career_plan,
            job_search_tools,
            language,
            network,
        ] = values.map(str::to_owned);
        SelfAssessmentForm {
            duo_id: 1,
            kind: EvaluationKind::Start,
            self_confidence,
            career_plan,
            job_search_tools,
            language,
            network,
        }
    }

    #[test]
    fn five_answers_from_one_to_five() {
        let scores = self_assessment_scores(&form(["1", "2", "3", "4", "5"]))
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(scores.self_confidence.get(), 1);
        assert_eq!(scores.network.get(), 5);
    }

    #[test]
    fn each_missing_or_wrong_answer_is_named_by_its_dimension() {
        let out = ErrorCode::OutOfRange { min: 1, max: 5 };
        match self_assessment_scores(&form(["", "6", "x", "3", "0"])) {
            Err(AppError::Validation(errors)) => assert_eq!(
                errors,
                vec![
                    ErrorCode::Required.at("self_confidence"),
                    out.clone().at("career_plan"),
                    out.clone().at("job_search_tools"),
                    out.at("network"),
                ]
            ),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn the_end_assessment_belongs_to_the_closing() {
        assert_eq!(status_for(EvaluationKind::Start), DuoStatus::Active);
        assert_eq!(status_for(EvaluationKind::End), DuoStatus::Closing);
    }
}
