//! A mentor registered for a training session; `attended` is NULL until it took place.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_attendance")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub training_session_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub mentor_id: i32,
    pub attended: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::training_sessions::Entity",
        from = "Column::TrainingSessionId",
        to = "super::training_sessions::Column::Id",
        on_delete = "Cascade"
    )]
    TrainingSession,
    #[sea_orm(
        belongs_to = "super::mentors::Entity",
        from = "Column::MentorId",
        to = "super::mentors::Column::Id",
        on_delete = "Cascade"
    )]
    Mentor,
}

impl Related<super::training_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::TrainingSession.def()
    }
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
