//! A volunteer over fifty. Life cycle in `status` (see `migration::values`);
//! `user_id` is set once the mentor can sign in.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub user_id: Option<i32>,
    pub first_name: String,
    pub last_name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub phone: Option<String>,
    pub birth_year: i32,
    pub postcode: i32,
    pub city_id: i32,
    pub locale: String,
    pub status: String,
    /// A mentor exit reason, set with `paused` or `left`.
    pub status_reason: Option<String>,
    pub status_changed_at: DateTimeUtc,
    #[sea_orm(column_type = "Text")]
    pub motivation: Option<String>,
    pub heard_from: Option<String>,
    pub completed_duos: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set when the personal values were overwritten (erasure or retention); the row stays
    /// for the programme's figures.
    pub anonymised_at: Option<DateTimeUtc>,
    /// When the address was confirmed through the sign-up's link; staff-made mentors count as
    /// confirmed. A sign-up never confirmed is removed after 30 days.
    pub email_confirmed_at: Option<DateTimeUtc>,
    /// A hash of the confirmation link's token, until it is used.
    pub confirm_token_hash: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::UserId",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    User,
    #[sea_orm(
        belongs_to = "super::cities::Entity",
        from = "Column::CityId",
        to = "super::cities::Column::Id",
        on_delete = "NoAction"
    )]
    City,
    #[sea_orm(has_many = "super::mentor_sectors::Entity")]
    Sectors,
    #[sea_orm(has_many = "super::mentor_languages::Entity")]
    Languages,
    #[sea_orm(has_many = "super::availability_slots::Entity")]
    AvailabilitySlots,
    #[sea_orm(has_many = "super::mentor_status_changes::Entity")]
    StatusChanges,
    #[sea_orm(has_many = "super::intake_interviews::Entity")]
    IntakeInterviews,
    #[sea_orm(has_many = "super::training_attendance::Entity")]
    TrainingAttendance,
    #[sea_orm(has_many = "super::peer_attendance::Entity")]
    PeerAttendance,
    #[sea_orm(has_many = "super::duos::Entity")]
    Duos,
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::User.def()
    }
}

impl Related<super::cities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::City.def()
    }
}

impl Related<super::mentor_sectors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sectors.def()
    }
}

impl Related<super::mentor_languages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Languages.def()
    }
}

impl Related<super::availability_slots::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AvailabilitySlots.def()
    }
}

impl Related<super::mentor_status_changes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusChanges.def()
    }
}

impl Related<super::intake_interviews::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IntakeInterviews.def()
    }
}

impl Related<super::training_attendance::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TrainingAttendance.def()
    }
}

impl Related<super::peer_attendance::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PeerAttendance.def()
    }
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duos.def()
    }
}

impl Related<super::sectors::Entity> for Entity {
    fn to() -> RelationDef {
        super::mentor_sectors::Relation::Sector.def()
    }

    fn via() -> Option<RelationDef> {
        Some(super::mentor_sectors::Relation::Mentor.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
