//! Two sectors close enough that a match across them still scores.
//! Stored in one direction; queries look both ways.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sector_relations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub sector_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub related_sector_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::sectors::Entity",
        from = "Column::SectorId",
        to = "super::sectors::Column::Id",
        on_delete = "Cascade"
    )]
    Sector,
    #[sea_orm(
        belongs_to = "super::sectors::Entity",
        from = "Column::RelatedSectorId",
        to = "super::sectors::Column::Id",
        on_delete = "Cascade"
    )]
    RelatedSector,
}

impl Related<super::sectors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sector.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
