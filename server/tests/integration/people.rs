//! The coordinator's lists: filters, search and pages are applied in SQL and
//! give the same answers on both backends.

use app::db::entities::{mentor_sectors, sectors};
use app::features::people::service::list;
use app::features::people::types::{PeopleQuery, PersonKind};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};

use crate::support::db::on_both_backends;
use crate::support::fixtures::{city, coordinator, insert_mentor, mentee, mentor_row, migrate};

on_both_backends!(filters_search_and_pages_are_exact);

async fn filters_search_and_pages_are_exact(db: DatabaseConnection) {
    migrate(&db).await;
    let ghent = city(&db, "ghent").await;
    let liege = city(&db, "liege").await;
    let it = sectors::ActiveModel {
        slug: Set("it".into()),
        name_fr: Set("Informatique".into()),
        name_nl: Set("IT".into()),
        name_en: Set("IT".into()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("sector")
    .id;
    for n in 0..30 {
        let mut row = mentor_row(ghent, n);
        row.last_name = format!("Peeters{n:02}");
        row.status = if n % 3 == 0 {
            "paused".into()
        } else {
            "available".into()
        };
        row.status_reason = (n % 3 == 0).then(|| "health".into());
        let id = insert_mentor(&db, row).await.expect("mentor");
        if n < 7 {
            mentor_sectors::ActiveModel {
                mentor_id: Set(id),
                sector_id: Set(it),
                years_experience: Set(20),
            }
            .insert(&db)
            .await
            .expect("mentor sector");
        }
    }
    let mut other = mentor_row(liege, 99);
    other.last_name = "Peeters99".into();
    insert_mentor(&db, other)
        .await
        .expect("mentor in another city");
    mentee(&db, ghent, 1).await;

    let user = coordinator(vec![ghent]);
    let query = |f: &dyn Fn(&mut PeopleQuery)| {
        let mut q = PeopleQuery {
            kind: PersonKind::Mentors,
            page: 1,
            ..Default::default()
        };
        f(&mut q);
        q
    };
    let all = list(&db, &user, query(&|_| {})).await.expect("list");
    assert_eq!((all.total, all.pages, all.rows.len()), (30, 2, 25));
    assert_eq!(all.rows[0].name, "Marc Peeters00", "sorted by family name");
    let second = list(&db, &user, query(&|q| q.page = 2))
        .await
        .expect("page 2");
    assert_eq!(second.rows.len(), 5);

    let paused = list(&db, &user, query(&|q| q.status = Some("paused".into())))
        .await
        .expect("status");
    assert_eq!(paused.total, 10);
    let in_it = list(&db, &user, query(&|q| q.sector_id = Some(it)))
        .await
        .expect("sector");
    assert_eq!(in_it.total, 7);
    assert!(in_it.rows.iter().all(|r| r.sector_ids == vec![it]));

    let search = list(&db, &user, query(&|q| q.search = Some("  peeters1".into())))
        .await
        .expect("search");
    assert_eq!(search.total, 10, "case-insensitive, trimmed, Peeters10–19");
    let full_name = list(
        &db,
        &user,
        query(&|q| q.search = Some("MARC peeters2".into())),
    )
    .await
    .expect("words");
    assert_eq!(full_name.total, 10, "every word matches some column");
    let literal = list(&db, &user, query(&|q| q.search = Some("%".into())))
        .await
        .expect("literal");
    assert_eq!(literal.total, 0, "a typed % is not a wildcard");

    let mentees = list(&db, &user, query(&|q| q.kind = PersonKind::Mentees))
        .await
        .expect("mentees");
    assert_eq!(mentees.total, 1);
    let bad = list(
        &db,
        &user,
        query(&|q| q.status = Some("in_training_typo".into())),
    )
    .await;
    assert!(bad.is_err());
}
