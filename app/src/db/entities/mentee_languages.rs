//! A language a mentee speaks, and how well.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentee_languages")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub mentee_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub language_id: i32,
    /// `basic`, `intermediate`, `working`, `fluent` or `native`.
    pub level: String,
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
        belongs_to = "super::languages::Entity",
        from = "Column::LanguageId",
        to = "super::languages::Column::Id",
        on_delete = "NoAction"
    )]
    Language,
}

impl Related<super::mentees::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentee.def()
    }
}

impl Related<super::languages::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Language.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
