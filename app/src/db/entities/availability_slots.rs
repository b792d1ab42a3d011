//! A weekly slot (weekday 0 = Monday … 6 = Sunday, and a day part) when a
//! mentor or a mentee — exactly one of the two — can meet.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "availability_slots")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub mentor_id: Option<i32>,
    pub mentee_id: Option<i32>,
    pub weekday: i32,
    /// `morning`, `afternoon` or `evening`.
    pub day_part: String,
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

impl ActiveModelBehavior for ActiveModel {}
