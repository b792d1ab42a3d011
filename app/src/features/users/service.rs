//! User administration against the database.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;

use super::types::{UserForCreate, UserList, UserRow};
use crate::db::entities::{sessions, user_cities, users};
use crate::domain::email::Email;
use crate::domain::password::Password;
use crate::domain::person::PersonName;
use crate::domain::role::Role;
use crate::error::{AppError, ConflictCode, ErrorCode, FieldError};
use crate::features::auth::SessionUser;
use crate::features::reference::queries;
use crate::platform::audit;
use crate::platform::database::begin_write;
use crate::platform::errors::{db, db_internal};
use crate::platform::passwords::hash_password;

pub async fn list(conn: &DatabaseConnection) -> Result<UserList, AppError> {
    let mut scopes: HashMap<i32, Vec<i32>> = HashMap::new();
    for scope in user_cities::Entity::find()
        .all(conn)
        .await
        .map_err(db_internal("user cities"))?
    {
        scopes.entry(scope.user_id).or_default().push(scope.city_id);
    }
    let users = users::Entity::find()
        .filter(users::Column::Role.ne(Role::Mentor.as_str()))
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await
        .map_err(db_internal("list users"))?
        .into_iter()
        .map(|u| row(u, &mut scopes))
        .collect();
    let cities = queries::cities(conn, None)
        .await
        .map_err(db_internal("cities"))?;
    Ok(UserList { users, cities })
}

fn row(user: users::Model, scopes: &mut HashMap<i32, Vec<i32>>) -> UserRow {
    let mut city_ids = scopes.remove(&user.id).unwrap_or_default();
    city_ids.sort_unstable();
    UserRow {
        id: user.id,
        display_name: user.display_name,
        email: user.email,
        role: Role::parse(&user.role).unwrap_or(Role::Mentor),
        city_ids,
        disabled: user.disabled_at.is_some(),
        last_sign_in_at: user.last_sign_in_at,
    }
}

/// Checks every field and reports all problems at once.
fn parse(input: &UserForCreate) -> Result<(PersonName, Email, Password), AppError> {
    let name = PersonName::parse(&input.display_name);
    let email = Email::parse(&input.email);
    let password = Password::parse(&input.password)
        .and_then(|p| crate::platform::passwords::refuse_common(&p).map(|()| p));
    let mut errors: Vec<FieldError> = Vec::new();
    if let Err(code) = &name {
        errors.push(code.clone().at("display_name"));
    }
    if let Err(code) = &email {
        errors.push(code.clone().at("email"));
    }
    if let Err(code) = &password {
        errors.push(code.clone().at("password"));
    }
    if input.role == Role::Mentor {
        errors.push(ErrorCode::InvalidChoice.at("role"));
    }
    if input.role == Role::Coordinator && input.city_ids.is_empty() {
        errors.push(ErrorCode::Required.at("city_ids"));
    }
    match (name, email, password) {
        (Ok(n), Ok(e), Ok(p)) if errors.is_empty() => Ok((n, e, p)),
        _ => Err(AppError::Validation(errors)),
    }
}

pub async fn create(
    conn: &DatabaseConnection,
    admin: &SessionUser,
    input: UserForCreate,
) -> Result<UserRow, AppError> {
    let (name, email, password) = parse(&input)?;
    let hash = hash_password(password.expose().to_owned()).await?;
    let tx = begin_write(conn)
        .await
        .map_err(db_internal("begin create user"))?;
    let user = users::ActiveModel {
        email: Set(email.as_str().to_owned()),
        display_name: Set(name.as_str().to_owned()),
        role: Set(input.role.as_str().to_owned()),
        locale: Set(admin.locale.as_str().to_owned()),
        password_hash: Set(Some(hash)),
        disabled_at: Set(None),
        created_at: Set(Utc::now()),
        last_sign_in_at: Set(None),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .map_err(db("insert user", ConflictCode::EmailTaken))?;
    replace_cities(&tx, user.id, &input.city_ids).await?;
    audit::record(&tx, Some(admin.user_id), "create", "user", Some(user.id))
        .await
        .map_err(db_internal("audit create user"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit create user"))?;
    let mut scopes = HashMap::from([(user.id, input.city_ids.clone())]);
    Ok(row(user, &mut scopes))
}

async fn replace_cities(
    conn: &impl sea_orm::ConnectionTrait,
    user_id: i32,
    city_ids: &[i32],
) -> Result<(), AppError> {
    user_cities::Entity::delete_many()
        .filter(user_cities::Column::UserId.eq(user_id))
        .exec(conn)
        .await
        .map_err(db_internal("clear user cities"))?;
    let mut ids = city_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for city_id in ids {
        user_cities::ActiveModel {
            user_id: Set(user_id),
            city_id: Set(city_id),
        }
        .insert(conn)
        .await
        .map_err(|_| AppError::field("city_ids", ErrorCode::InvalidChoice))?;
    }
    Ok(())
}

pub async fn set_cities(
    conn: &DatabaseConnection,
    admin: &SessionUser,
    user_id: i32,
    city_ids: Vec<i32>,
) -> Result<(), AppError> {
    let tx = begin_write(conn)
        .await
        .map_err(db_internal("begin set cities"))?;
    users::Entity::find_by_id(user_id)
        .one(&tx)
        .await
        .map_err(db_internal("load user"))?
        .ok_or(AppError::NotFound)?;
    replace_cities(&tx, user_id, &city_ids).await?;
    audit::record(
        &tx,
        Some(admin.user_id),
        "update_scope",
        "user",
        Some(user_id),
    )
    .await
    .map_err(db_internal("audit set cities"))?;
    tx.commit().await.map_err(db_internal("commit set cities"))
}

pub async fn set_disabled(
    conn: &DatabaseConnection,
    admin: &SessionUser,
    user_id: i32,
    disabled: bool,
) -> Result<(), AppError> {
    let tx = begin_write(conn)
        .await
        .map_err(db_internal("begin disable user"))?;
    let changed = users::Entity::update_many()
        .col_expr(
            users::Column::DisabledAt,
            Expr::value(disabled.then(Utc::now)),
        )
        .filter(users::Column::Id.eq(user_id))
        .exec(&tx)
        .await
        .map_err(db_internal("disable user"))?;
    if changed.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    if disabled {
        sessions::Entity::delete_many()
            .filter(sessions::Column::UserId.eq(user_id))
            .exec(&tx)
            .await
            .map_err(db_internal("end sessions of disabled user"))?;
    }
    let action = if disabled { "disable" } else { "enable" };
    audit::record(&tx, Some(admin.user_id), action, "user", Some(user_id))
        .await
        .map_err(db_internal("audit disable user"))?;
    tx.commit()
        .await
        .map_err(db_internal("commit disable user"))
}
