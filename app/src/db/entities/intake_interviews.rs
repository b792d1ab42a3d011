//! An intake interview with a mentor or a mentee (exactly one of the two),
//! with optional 1–5 scores that matching can use.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "intake_interviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentor_id: Option<i32>,
    pub mentee_id: Option<i32>,
    pub interviewer_id: Option<i32>,
    pub scheduled_at: DateTimeUtc,
    pub done_at: Option<DateTimeUtc>,
    pub motivation_score: Option<i32>,
    pub communication_score: Option<i32>,
    pub availability_score: Option<i32>,
    pub sector_knowledge_score: Option<i32>,
    pub place: Option<String>,
    /// `proceed`, `hold` or `not_suitable`.
    pub recommendation: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub notes: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::mentors::Entity",
        from = "Column::MentorId",
        to = "super::mentors::Column::Id",
        on_delete = "Cascade"
    )]
    Mentor,
    #[sea_orm(
        belongs_to = "super::mentees::Entity",
        from = "Column::MenteeId",
        to = "super::mentees::Column::Id",
        on_delete = "Cascade"
    )]
    Mentee,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::InterviewerId",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    Interviewer,
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

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Interviewer.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
