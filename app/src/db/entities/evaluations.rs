//! A self-assessment on the five dimensions (each 1–5), by the mentee or the
//! mentor, at the start, mid-term or end of a duo. One per duo, kind and respondent.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub duo_id: i32,
    /// `start`, `mid` or `end`.
    pub kind: String,
    /// `mentee` or `mentor`.
    pub respondent: String,
    pub self_confidence: i32,
    pub career_plan: i32,
    pub job_search_tools: i32,
    pub language: i32,
    pub network: i32,
    pub satisfaction: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub comment: Option<String>,
    pub completed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::duos::Entity",
        from = "Column::DuoId",
        to = "super::duos::Column::Id",
        on_delete = "Cascade"
    )]
    Duo,
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duo.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
