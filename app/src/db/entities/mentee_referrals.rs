//! Which referral link a mentee was registered through.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mentee_referrals")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub mentee_id: i32,
    pub referral_link_id: i32,
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
        belongs_to = "super::referral_links::Entity",
        from = "Column::ReferralLinkId",
        to = "super::referral_links::Column::Id",
        on_delete = "NoAction"
    )]
    Link,
}

impl Related<super::referral_links::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Link.def()
    }
}

impl Related<super::mentees::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentee.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
