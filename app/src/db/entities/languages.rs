//! A language people speak, by code (`fr`, `nl`, `en`, `ar`, …).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "languages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub name_fr: String,
    pub name_nl: String,
    pub name_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::mentor_languages::Entity")]
    MentorLanguages,
    #[sea_orm(has_many = "super::mentee_languages::Entity")]
    MenteeLanguages,
}

impl Related<super::mentor_languages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MentorLanguages.def()
    }
}

impl Related<super::mentee_languages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::MenteeLanguages.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
