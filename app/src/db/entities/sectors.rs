//! A professional sector: what a mentor knows and what a mentee aims for.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sectors")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name_fr: String,
    pub name_nl: String,
    pub name_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::mentor_sectors::Entity")]
    MentorSectors,
    #[sea_orm(has_many = "super::mentee_sectors::Entity")]
    MenteeSectors,
    #[sea_orm(has_many = "super::sector_relations::Entity")]
    SectorRelations,
}

impl Related<super::mentor_sectors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MentorSectors.def()
    }
}

impl Related<super::mentee_sectors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MenteeSectors.def()
    }
}

impl Related<super::sector_relations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SectorRelations.def()
    }
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        super::mentor_sectors::Relation::Mentor.def()
    }

    fn via() -> Option<RelationDef> {
        Some(super::mentor_sectors::Relation::Sector.def().rev())
    }
}

impl Related<super::mentees::Entity> for Entity {
    fn to() -> RelationDef {
        super::mentee_sectors::Relation::Mentee.def()
    }

    fn via() -> Option<RelationDef> {
        Some(super::mentee_sectors::Relation::Sector.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
