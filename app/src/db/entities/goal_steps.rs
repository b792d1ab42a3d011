//! A step towards a goal, ordered by `position`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "goal_steps")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub goal_id: i32,
    pub title: String,
    pub target_on: Option<Date>,
    pub done_at: Option<DateTimeUtc>,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::goals::Entity",
        from = "Column::GoalId",
        to = "super::goals::Column::Id",
        on_delete = "Cascade"
    )]
    Goal,
}

impl Related<super::goals::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Goal.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
