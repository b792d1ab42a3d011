//! A young jobseeker (18–33), registered by a coordinator or a referral.
//! Life cycle in `status`; waiting time counts from `waiting_since`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentees")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub birth_year: i32,
    pub postcode: i32,
    pub city_id: i32,
    pub locale: String,
    pub status: String,
    /// A mentee withdraw reason, set with `withdrawn`.
    pub status_reason: Option<String>,
    pub status_changed_at: DateTimeUtc,
    /// Required (CHECK) while `status` is `waiting`.
    pub waiting_since: Option<Date>,
    pub education_level: String,
    #[sea_orm(column_type = "Text")]
    pub goal: Option<String>,
    pub referred_by: Option<String>,
    /// Special-category data: visible only to coordinators of the mentee's city.
    pub migrant_background: Option<bool>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Set when the personal values were overwritten (erasure or retention); the row stays
    /// for the programme's figures.
    pub anonymised_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cities::Entity",
        from = "Column::CityId",
        to = "super::cities::Column::Id",
        on_delete = "NoAction"
    )]
    City,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::CreatedBy",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    CreatedBy,
    #[sea_orm(has_many = "super::mentee_sectors::Entity")]
    Sectors,
    #[sea_orm(has_many = "super::mentee_languages::Entity")]
    Languages,
    #[sea_orm(has_many = "super::availability_slots::Entity")]
    AvailabilitySlots,
    #[sea_orm(has_many = "super::mentee_status_changes::Entity")]
    StatusChanges,
    #[sea_orm(has_many = "super::intake_interviews::Entity")]
    IntakeInterviews,
    #[sea_orm(has_many = "super::duos::Entity")]
    Duos,
}

impl Related<super::cities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::City.def()
    }
}

impl Related<super::mentee_sectors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sectors.def()
    }
}

impl Related<super::mentee_languages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Languages.def()
    }
}

impl Related<super::availability_slots::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AvailabilitySlots.def()
    }
}

impl Related<super::mentee_status_changes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusChanges.def()
    }
}

impl Related<super::intake_interviews::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::IntakeInterviews.def()
    }
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duos.def()
    }
}

/// The mentee's goal sectors.
impl Related<super::sectors::Entity> for Entity {
    fn to() -> RelationDef {
        super::mentee_sectors::Relation::Sector.def()
    }

    fn via() -> Option<RelationDef> {
        Some(super::mentee_sectors::Relation::Mentee.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
