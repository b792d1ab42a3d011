//! A programme city. Coordinators, duos and matching weights are scoped by city.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cities")]
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
    #[sea_orm(has_many = "super::postcodes::Entity")]
    Postcodes,
    #[sea_orm(has_many = "super::mentors::Entity")]
    Mentors,
    #[sea_orm(has_many = "super::mentees::Entity")]
    Mentees,
    #[sea_orm(has_many = "super::duos::Entity")]
    Duos,
}

impl Related<super::postcodes::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Postcodes.def()
    }
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentors.def()
    }
}

impl Related<super::mentees::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentees.def()
    }
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duos.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
