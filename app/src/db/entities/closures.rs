//! How a duo ended: the outcome at the end (job, internship, training, studies,
//! none, unknown), self-reported by the mentee.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "closures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub duo_id: i32,
    pub outcome: String,
    /// For a job: `domain::outcome::ContractType`.
    pub contract_type: Option<String>,
    /// For a job: whether it lasts at least three months.
    pub lasts_three_months: Option<bool>,
    pub self_reported: bool,
    pub closed_by: Option<i32>,
    pub closed_on: Date,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
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
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::ClosedBy",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    ClosedBy,
}

impl Related<super::duos::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Duo.def()
    }
}

impl Related<super::users::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ClosedBy.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
