//! The conditions a coordinator recorded for a mentee's mentor: hard constraints of matching.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentee_musts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub mentee_id: i32,
    pub same_sector: bool,
    pub shared_slot: bool,
    pub within_km: Option<i32>,
    pub updated_by: Option<i32>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::mentees::Entity",
        from = "Column::MenteeId",
        to = "super::mentees::Column::Id",
        on_delete = "Cascade"
    )]
    Mentee,
}

impl ActiveModelBehavior for ActiveModel {}
