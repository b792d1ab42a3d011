//! The outbox: a failed send keeps the message for a later attempt, and a
//! working SMTP server receives it exactly once.

use app::db::entities::outbox;
use app::domain::locale::Locale;
use app::platform::outbox::{NewMail, enqueue};
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{DatabaseConnection, EntityTrait};
use server::jobs::outbox_sender::send_next;
use server::mailer::Mailer;

use crate::support::db::on_both_backends;
use crate::support::fixtures::migrate;
use crate::support::smtp;

on_both_backends!(a_failed_send_keeps_the_message_and_a_retry_delivers_it_once);

fn mail() -> NewMail {
    NewMail {
        kind: "test",
        to_address: "mentor@example.be".into(),
        to_name: Some("Marie Mentor".into()),
        locale: Locale::Fr,
        subject: "Bonjour".into(),
        body_text: "Le corps du message, avec un lien.".into(),
        calendar: Some("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".into()),
    }
}

async fn a_failed_send_keeps_the_message_and_a_retry_delivers_it_once(db: DatabaseConnection) {
    migrate(&db).await;
    let id = enqueue(&db, mail()).await.expect("enqueue");

    // Nothing listens on this port: the send fails.
    let closed_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let broken = Mailer::smtp(
        &format!("smtp://127.0.0.1:{closed_port}"),
        "Duo <no-reply@example.be>",
    )
    .expect("mailer");
    assert!(send_next(&db, &broken).await.expect("send_next"));
    let kept = outbox::Entity::find_by_id(id)
        .one(&db)
        .await
        .expect("q")
        .expect("still there");
    assert_eq!(kept.status, "pending");
    assert_eq!(kept.attempts, 1);
    assert!(kept.last_error.is_some());
    assert!(kept.next_attempt_at > Utc::now(), "the retry waits");
    // Not due yet: nothing to send.
    assert!(!send_next(&db, &broken).await.expect("send_next"));

    let mut sink = smtp::start().await;
    let working = Mailer::smtp(
        &format!("smtp://127.0.0.1:{}", sink.port),
        "Duo <no-reply@example.be>",
    )
    .expect("mailer");
    outbox::Entity::update_many()
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(Utc::now()))
        .exec(&db)
        .await
        .expect("make due");
    assert!(send_next(&db, &working).await.expect("send_next"));
    let sent = outbox::Entity::find_by_id(id)
        .one(&db)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(sent.status, "sent");
    assert_eq!(sent.attempts, 2);
    let received = sink.messages.recv().await.expect("a message");
    assert!(received.contains("Le corps du message"), "{received}");
    assert!(received.contains("mentor@example.be"), "{received}");
    // The invitation travels as an attachment a calendar app recognises.
    assert!(
        received.contains("Content-Type: text/calendar"),
        "{received}"
    );
    assert!(received.contains("invitation.ics"), "{received}");

    // Sent once: nothing left to send.
    assert!(!send_next(&db, &working).await.expect("send_next"));
    assert!(sink.messages.try_recv().is_err());
}
