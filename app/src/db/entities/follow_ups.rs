//! The outcome asked again 3, 6 and 12 months after a duo ended.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "follow_ups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub duo_id: i32,
    /// 3, 6 or 12.
    pub month: i32,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub outcome: Option<String>,
    /// For a job: `domain::outcome::ContractType`.
    pub contract_type: Option<String>,
    /// For a job: whether it lasts at least three months.
    pub lasts_three_months: Option<bool>,
    pub self_reported: bool,
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
