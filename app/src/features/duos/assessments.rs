//! The mentee's self-assessment on the five dimensions, filled in with the mentor: at the
//! start of the duo, and again at its end, so the change shows.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set,
};

use super::life::load_duo;
use super::types::{AssessmentView, SelfAssessmentForm};
use crate::db::entities::evaluations;
use crate::domain::duo::DuoStatus;
use crate::domain::evaluation::{Dimension, DimensionScores, EvaluationKind, Respondent, Score};
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

/// The five answers, each named by its dimension when refused.
fn parse_scores(form: &SelfAssessmentForm) -> Result<DimensionScores, AppError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let mut score = |dimension: Dimension, value: &str| {
        let parsed = match value.trim() {
            "" => Err(ErrorCode::Required),
            written => written
                .parse::<i64>()
                .map_err(|_| ErrorCode::OutOfRange {
                    min: Score::MIN.into(),
                    max: Score::MAX.into(),
                })
                .and_then(Score::parse),
        };
        parsed
            .map_err(|code| errors.push(code.at(dimension.as_str())))
            .ok()
    };
    let scores = (
        score(Dimension::SelfConfidence, &form.self_confidence),
        score(Dimension::CareerPlan, &form.career_plan),
        score(Dimension::JobSearchTools, &form.job_search_tools),
        score(Dimension::Language, &form.language),
        score(Dimension::Network, &form.network),
    );
    match scores {
        (
            Some(self_confidence),
            Some(career_plan),
            Some(job_search_tools),
            Some(language),
            Some(network),
        ) => Ok(DimensionScores {
            self_confidence,
            career_plan,
            job_search_tools,
            language,
            network,
        }),
        _ => Err(AppError::Validation(errors)),
    }
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
    let scores = parse_scores(&form)?;
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin self-assessment"))?;
    let duo = load_duo(&tx, user, form.duo_id).await?;
    if DuoStatus::parse(&duo.status) != Some(status_for(form.kind)) {
        return Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: duo.status.clone(),
            to: format!("{}_assessment", form.kind.as_str()),
        }));
    }
    let existing = evaluations::Entity::find()
        .filter(evaluations::Column::DuoId.eq(duo.id))
        .filter(evaluations::Column::Kind.eq(form.kind.as_str()))
        .filter(evaluations::Column::Respondent.eq(Respondent::Mentee.as_str()))
        .one(&tx)
        .await
        .map_err(db_internal("find self-assessment"))?;
    let mut row = match existing {
        Some(row) => row.into_active_model(),
        None => evaluations::ActiveModel {
            duo_id: Set(duo.id),
            kind: Set(form.kind.as_str().to_owned()),
            respondent: Set(Respondent::Mentee.as_str().to_owned()),
            satisfaction: Set(None),
            comment: Set(None),
            ..Default::default()
        },
    };
    row.self_confidence = Set(value(scores.self_confidence));
    row.career_plan = Set(value(scores.career_plan));
    row.job_search_tools = Set(value(scores.job_search_tools));
    row.language = Set(value(scores.language));
    row.network = Set(value(scores.network));
    row.completed_at = Set(now);
    row.save(&tx)
        .await
        .map_err(db_internal("save self-assessment"))?;
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
            let score = |v: i32| Score::parse(i64::from(v)).ok();
            Some(AssessmentView {
                kind: EvaluationKind::parse(&row.kind)?,
                scores: DimensionScores {
                    self_confidence: score(row.self_confidence)?,
                    career_plan: score(row.career_plan)?,
                    job_search_tools: score(row.job_search_tools)?,
                    language: score(row.language)?,
                    network: score(row.network)?,
                },
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
        let scores =
            parse_scores(&form(["1", "2", "3", "4", "5"])).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(scores.self_confidence.get(), 1);
        assert_eq!(scores.network.get(), 5);
    }

    #[test]
    fn each_missing_or_wrong_answer_is_named_by_its_dimension() {
        let out = ErrorCode::OutOfRange { min: 1, max: 5 };
        match parse_scores(&form(["", "6", "x", "3", "0"])) {
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
