//! A link a coordinator gave a partner organisation to register young people in one city.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "referral_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub city_id: i32,
    /// The organisation the link was given to, as the coordinator wrote it.
    pub partner_name: String,
    /// SHA-256 of the token in the link, hex; the token itself is shown once.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::cities::Entity",
        from = "Column::CityId",
        to = "super::cities::Column::Id",
        on_delete = "NoAction"
    )]
    City,
    #[sea_orm(
        belongs_to = "super::users::Entity",
        from = "Column::CreatedBy",
        to = "super::users::Column::Id",
        on_delete = "NoAction"
    )]
    CreatedBy,
    #[sea_orm(has_many = "super::mentee_referrals::Entity")]
    Referrals,
}

impl Related<super::mentee_referrals::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Referrals.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
