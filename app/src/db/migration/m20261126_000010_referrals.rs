//! Partner referrals: a link a coordinator gives a partner organisation (a job centre, a
//! social service) to register young people for one city, and which mentee came through which
//! link. Only the link's token hash is stored; a link expires and can be revoked.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{create_indexes, drop_tables, id, index, owned_by, refers_to};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn referral_links() -> TableCreateStatement {
    let table = "referral_links";
    Table::create()
        .table(table)
        .col(id())
        .col(integer("city_id"))
        .col(string("partner_name"))
        .col(string_uniq("token_hash"))
        .col(integer_null("created_by"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .col(timestamp_with_time_zone_null("revoked_at"))
        .foreign_key(&mut refers_to(table, "city_id", "cities"))
        .foreign_key(&mut refers_to(table, "created_by", "users"))
        .check(Check::named(
            "ck_referral_links_expiry",
            Expr::col("expires_at").gt(Expr::col("created_at")),
        ))
        .take()
}

fn mentee_referrals() -> TableCreateStatement {
    let table = "mentee_referrals";
    Table::create()
        .table(table)
        .col(integer("mentee_id").primary_key())
        .col(integer("referral_link_id"))
        .foreign_key(&mut owned_by(table, "mentee_id", "mentees"))
        .foreign_key(&mut refers_to(table, "referral_link_id", "referral_links"))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(referral_links()).await?;
        manager.create_table(mentee_referrals()).await?;
        create_indexes(
            manager,
            vec![
                index("referral_links", "city", &["city_id"]),
                index("mentee_referrals", "link", &["referral_link_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(manager, &["mentee_referrals", "referral_links"]).await
    }
}
