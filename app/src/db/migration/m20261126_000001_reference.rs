//! Reference data: cities, sectors and how they relate, languages, postcodes.
//! The rows themselves come from the seed command, never from here.

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{between, create_indexes, drop_tables, id, index, owned_by, refers_to};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A table with a unique slug or code and a name in each interface language.
fn named_reference(table: &'static str, key: &'static str) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(id())
        .col(string_uniq(key))
        .col(string("name_fr"))
        .col(string("name_nl"))
        .col(string("name_en"))
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(named_reference("cities", "slug"))
            .await?;
        manager
            .create_table(named_reference("sectors", "slug"))
            .await?;
        manager
            .create_table(named_reference("languages", "code"))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("sector_relations")
                    .col(integer("sector_id"))
                    .col(integer("related_sector_id"))
                    .primary_key(Index::create().col("sector_id").col("related_sector_id"))
                    .foreign_key(&mut owned_by("sector_relations", "sector_id", "sectors"))
                    .foreign_key(&mut owned_by(
                        "sector_relations",
                        "related_sector_id",
                        "sectors",
                    ))
                    .check(Check::named(
                        "ck_sector_relations_distinct",
                        Expr::col("sector_id").ne(Expr::col("related_sector_id")),
                    ))
                    .take(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("postcodes")
                    .col(integer("code").primary_key())
                    .col(integer("city_id"))
                    .col(string("name"))
                    .col(double("latitude"))
                    .col(double("longitude"))
                    .foreign_key(&mut refers_to("postcodes", "city_id", "cities"))
                    .check(between("postcodes", "code", 1000, 9999))
                    .check(between("postcodes", "latitude", -90, 90))
                    .check(between("postcodes", "longitude", -180, 180))
                    .take(),
            )
            .await?;
        create_indexes(
            manager,
            vec![
                index("sector_relations", "related", &["related_sector_id"]),
                index("postcodes", "city", &["city_id"]),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_tables(
            manager,
            &[
                "postcodes",
                "sector_relations",
                "languages",
                "sectors",
                "cities",
            ],
        )
        .await
    }
}
