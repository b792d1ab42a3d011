//! A person who signs in: a mentor, coordinator, manager or admin.
//! `password_hash` stays on the server; it never reaches a wire type.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    /// `mentor`, `coordinator`, `manager` or `admin`.
    pub role: String,
    /// `fr`, `nl` or `en`.
    pub locale: String,
    /// NULL for mentors, who sign in by magic link.
    pub password_hash: Option<String>,
    pub disabled_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub last_sign_in_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::user_cities::Entity")]
    UserCities,
    #[sea_orm(has_many = "super::sessions::Entity")]
    Sessions,
    #[sea_orm(has_many = "super::magic_links::Entity")]
    MagicLinks,
    #[sea_orm(has_one = "super::mentors::Entity")]
    Mentor,
}

impl Related<super::user_cities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UserCities.def()
    }
}

impl Related<super::sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sessions.def()
    }
}

impl Related<super::magic_links::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MagicLinks.def()
    }
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentor.def()
    }
}

/// The cities a coordinator works in.
impl Related<super::cities::Entity> for Entity {
    fn to() -> RelationDef {
        super::user_cities::Relation::City.def()
    }

    fn via() -> Option<RelationDef> {
        Some(super::user_cities::Relation::User.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
