//! A mentor and a mentee paired for up to six months. A partial unique index
//! keeps each of them in at most one open duo (proposed … closing).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "duos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentor_id: i32,
    pub mentee_id: i32,
    pub city_id: i32,
    pub status: String,
    /// A decline reason or a stop reason.
    pub reason_code: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub reason_note: Option<String>,
    /// The 0–100 score when the duo was proposed.
    pub match_score: Option<i32>,
    pub proposed_by: Option<i32>,
    pub proposed_at: DateTimeUtc,
    pub introduced_at: Option<DateTimeUtc>,
    pub started_on: Option<Date>,
    pub planned_end_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub status_changed_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::mentors::Entity",
        from = "Column::MentorId",
        to = "super::mentors::Column::Id",
        on_delete = "NoAction"
    )]
    Mentor,
    #[sea_orm(
        belongs_to = "super::mentees::Entity",
        from = "Column::MenteeId",
        to = "super::mentees::Column::Id",
        on_delete = "NoAction"
    )]
    Mentee,
    #[sea_orm(
        belongs_to = "super::cities::Entity",
        from = "Column::CityId",
        to = "super::cities::Column::Id",
        on_delete = "NoAction"
    )]
    City,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::ProposedBy",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    ProposedBy,
    #[sea_orm(has_many = "super::duo_status_changes::Entity")]
    StatusChanges,
    #[sea_orm(has_one = "super::duo_agreements::Entity")]
    Agreement,
    #[sea_orm(has_many = "super::meetings::Entity")]
    Meetings,
    #[sea_orm(has_many = "super::goals::Entity")]
    Goals,
    #[sea_orm(has_many = "super::coordinator_contacts::Entity")]
    CoordinatorContacts,
    #[sea_orm(has_many = "super::evaluations::Entity")]
    Evaluations,
    #[sea_orm(has_one = "super::closures::Entity")]
    Closure,
    #[sea_orm(has_many = "super::follow_ups::Entity")]
    FollowUps,
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentor.def()
    }
}

impl Related<super::mentees::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentee.def()
    }
}

impl Related<super::cities::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::City.def()
    }
}

impl Related<super::duo_status_changes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StatusChanges.def()
    }
}

impl Related<super::duo_agreements::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Agreement.def()
    }
}

impl Related<super::meetings::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Meetings.def()
    }
}

impl Related<super::goals::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Goals.def()
    }
}

impl Related<super::coordinator_contacts::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CoordinatorContacts.def()
    }
}

impl Related<super::evaluations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Evaluations.def()
    }
}

impl Related<super::closures::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Closure.def()
    }
}

impl Related<super::follow_ups::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::FollowUps.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
