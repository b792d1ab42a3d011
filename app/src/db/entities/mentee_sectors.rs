//! A sector a mentee wants to work in.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentee_sectors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub mentee_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub sector_id: i32,
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
    #[sea_orm(
        belongs_to = "super::sectors::Entity",
        from = "Column::SectorId",
        to = "super::sectors::Column::Id",
        on_delete = "NoAction"
    )]
    Sector,
}

impl Related<super::mentees::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentee.def()
    }
}

impl Related<super::sectors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sector.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
