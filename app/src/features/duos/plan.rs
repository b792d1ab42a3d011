//! A duo's action plan: goals and their steps, added by its mentor or its coordinator while
//! the duo is active, and steps ticked off by the mentor.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::life::load_duo;
use super::types::PlanItemForm;
use crate::db::entities::{duos, goal_steps, goals};
use crate::domain::duo::DuoStatus;
use crate::domain::plan::{Goal, Step, parse_item};
use crate::error::{AppError, ConflictCode};
use crate::features::auth::SessionUser;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::db_internal;

/// The plan changes while mentoring: from the start to the closing.
fn expect_active(duo: &duos::Model) -> Result<chrono::NaiveDate, AppError> {
    match (DuoStatus::parse(&duo.status), duo.started_on) {
        (Some(DuoStatus::Active), Some(started_on)) => Ok(started_on),
        _ => Err(AppError::Conflict(ConflictCode::IllegalTransition {
            from: duo.status.clone(),
            to: "action_plan".to_owned(),
        })),
    }
}

/// The position after `last`, the highest one so far (0 for the first).
fn next_position(last: Option<i32>) -> i32 {
    last.map_or(0, |p| p + 1)
}

#[derive(Debug, sea_orm::FromQueryResult)]
struct Last {
    last: Option<i32>,
}

/// Adds a goal to the duo's plan, or a step to one of its goals (`form.goal_id`), last.
pub async fn add(
    db: &DatabaseConnection,
    user: &SessionUser,
    form: PlanItemForm,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    let tx = begin_write(db)
        .await
        .map_err(db_internal("begin plan item"))?;
    let duo = load_duo(&tx, user, form.duo_id).await?;
    let started_on = expect_active(&duo)?;
    let item =
        parse_item(&form.title, &form.target_on, started_on).map_err(AppError::Validation)?;
    let title = item.title.as_str().to_owned();
    let id = match form.goal_id {
        None => {
            let last = goals::Entity::find()
                .select_only()
                .column_as(
                    Expr::from(Func::max(Expr::col(goals::Column::Position))),
                    "last",
                )
                .filter(goals::Column::DuoId.eq(duo.id))
                .into_model::<Last>()
                .one(&tx)
                .await
                .map_err(db_internal("last goal"))?
                .and_then(|l| l.last);
            goals::ActiveModel {
                duo_id: Set(duo.id),
                title: Set(title),
                target_on: Set(item.target_on),
                done_at: Set(None),
                position: Set(next_position(last)),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&tx)
            .await
            .map_err(db_internal("insert goal"))?
            .id
        }
        Some(goal_id) => {
            // The goal must be this duo's: an id from another duo is not found here.
            goals::Entity::find_by_id(goal_id)
                .filter(goals::Column::DuoId.eq(duo.id))
                .one(&tx)
                .await
                .map_err(db_internal("load goal"))?
                .ok_or(AppError::NotFound)?;
            let last = goal_steps::Entity::find()
                .select_only()
                .column_as(
                    Expr::from(Func::max(Expr::col(goal_steps::Column::Position))),
                    "last",
                )
                .filter(goal_steps::Column::GoalId.eq(goal_id))
                .into_model::<Last>()
                .one(&tx)
                .await
                .map_err(db_internal("last step"))?
                .and_then(|l| l.last);
            goals::Entity::update_many()
                .col_expr(goals::Column::DoneAt, Expr::value(None::<DateTime<Utc>>))
                .filter(goals::Column::Id.eq(goal_id))
                .exec(&tx)
                .await
                .map_err(db_internal("reopen goal"))?;
            goal_steps::ActiveModel {
                goal_id: Set(goal_id),
                title: Set(title),
                target_on: Set(item.target_on),
                done_at: Set(None),
                position: Set(next_position(last)),
                ..Default::default()
            }
            .insert(&tx)
            .await
            .map_err(db_internal("insert step"))?
            .id
        }
    };
    audit::record(&tx, Some(user.user_id), "plan_item", "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit plan item"))?;
    tx.commit().await.map_err(db_internal("commit plan item"))?;
    Ok(id)
}

/// Ticks a step off (or back on). The goal is reached when all its steps are done.
pub async fn tick(
    db: &DatabaseConnection,
    user: &SessionUser,
    step_id: i32,
    done: bool,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let tx = begin_write(db).await.map_err(db_internal("begin tick"))?;
    let step = goal_steps::Entity::find_by_id(step_id)
        .one(&tx)
        .await
        .map_err(db_internal("load step"))?
        .ok_or(AppError::NotFound)?;
    let goal = goals::Entity::find_by_id(step.goal_id)
        .one(&tx)
        .await
        .map_err(db_internal("load goal"))?
        .ok_or(AppError::NotFound)?;
    let duo = load_duo(&tx, user, goal.duo_id).await?;
    expect_active(&duo)?;
    goal_steps::Entity::update_many()
        .col_expr(goal_steps::Column::DoneAt, Expr::value(done.then_some(now)))
        .filter(goal_steps::Column::Id.eq(step.id))
        .exec(&tx)
        .await
        .map_err(db_internal("tick step"))?;
    let open = goal_steps::Entity::find()
        .filter(goal_steps::Column::GoalId.eq(goal.id))
        .filter(goal_steps::Column::DoneAt.is_null())
        .count(&tx)
        .await
        .map_err(db_internal("count open steps"))?;
    goals::Entity::update_many()
        .col_expr(
            goals::Column::DoneAt,
            Expr::value((open == 0).then_some(now)),
        )
        .filter(goals::Column::Id.eq(goal.id))
        .exec(&tx)
        .await
        .map_err(db_internal("mark goal"))?;
    audit::record(&tx, Some(user.user_id), "plan_step", "duo", Some(duo.id))
        .await
        .map_err(db_internal("audit tick"))?;
    tx.commit().await.map_err(db_internal("commit tick"))
}

/// The plan of a duo: its goals in order, each with its steps in order.
pub async fn of(conn: &impl ConnectionTrait, duo_id: i32) -> Result<Vec<Goal>, AppError> {
    let rows = goals::Entity::find()
        .filter(goals::Column::DuoId.eq(duo_id))
        .order_by_asc(goals::Column::Position)
        .order_by_asc(goals::Column::Id)
        .all(conn)
        .await
        .map_err(db_internal("load goals"))?;
    let ids: Vec<i32> = rows.iter().map(|g| g.id).collect();
    let mut steps: HashMap<i32, Vec<Step>> = HashMap::new();
    for step in goal_steps::Entity::find()
        .filter(goal_steps::Column::GoalId.is_in(ids))
        .order_by_asc(goal_steps::Column::Position)
        .order_by_asc(goal_steps::Column::Id)
        .all(conn)
        .await
        .map_err(db_internal("load steps"))?
    {
        steps.entry(step.goal_id).or_default().push(Step {
            id: step.id,
            title: step.title,
            target_on: step.target_on,
            done: step.done_at.is_some(),
        });
    }
    Ok(rows
        .into_iter()
        .map(|goal| Goal {
            steps: steps.remove(&goal.id).unwrap_or_default(),
            id: goal.id,
            title: goal.title,
            target_on: goal.target_on,
        })
        .collect())
}
