//! One thing a coordinator did on the matching board, with who and when: the board's history.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "match_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub city_id: i32,
    pub action: String,
    pub mentor_id: Option<i32>,
    pub mentee_id: Option<i32>,
    /// The pair's score at the time, 0–100.
    pub score: Option<i32>,
    /// For `ran`: how many pairs the solver proposed.
    pub pairs: Option<i32>,
    pub duo_id: Option<i32>,
    pub done_by: Option<i32>,
    pub done_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
