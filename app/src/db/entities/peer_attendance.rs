//! A mentor who attended a peer-exchange session.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "peer_attendance")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub peer_session_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub mentor_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::peer_sessions::Entity",
        from = "Column::PeerSessionId",
        to = "super::peer_sessions::Column::Id",
        on_delete = "Cascade"
    )]
    PeerSession,
    #[sea_orm(
        belongs_to = "super::mentors::Entity",
        from = "Column::MentorId",
        to = "super::mentors::Column::Id",
        on_delete = "Cascade"
    )]
    Mentor,
}

impl Related<super::peer_sessions::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PeerSession.def()
    }
}

impl Related<super::mentors::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Mentor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
