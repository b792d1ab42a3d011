//! The duo agreement; a duo becomes active once both sides signed it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "duo_agreements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub duo_id: i32,
    /// The version of the agreement text that was signed.
    pub version: String,
    pub mentor_signed_at: Option<DateTimeUtc>,
    pub mentee_signed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
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
