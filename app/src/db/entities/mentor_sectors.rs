//! A sector a mentor worked in, with years of experience.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentor_sectors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub mentor_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub sector_id: i32,
    pub years_experience: i32,
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
        belongs_to = "super::sectors::Entity",
        from = "Column::SectorId",
        to = "super::sectors::Column::Id",
        on_delete = "NoAction"
    )]
    Sector,
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentor.def()
    }
}

impl Related<super::sectors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sector.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
