//! Delivers outbox messages: over SMTP when `SMTP_URL` is set; otherwise a bare `make run`
//! keeps them, and admins read them on the outbox page.

use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use app::db::entities::outbox;

use crate::config::Config;
use crate::startup::BoxError;

#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        from: Mailbox,
    },
    Log,
}

impl Mailer {
    pub fn from_config(config: &Config) -> Result<Mailer, BoxError> {
        match &config.smtp_url {
            Some(url) => Mailer::smtp(url, &config.mail_from),
            None => Ok(Mailer::Log),
        }
    }

    /// An SMTP mailer for `url` (`smtp://host:port`, `smtps://…`,
    /// `…?tls=required`), sending as `from`.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, BoxError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP_URL is not usable: {e}"))?
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("MAIL_FROM is not an address: {e}"))?;
        Ok(Mailer::Smtp {
            transport: Box::new(transport),
            from,
        })
    }

    /// Sends one message. The error text is kept on the outbox row for
    /// admins; it never reaches a browser.
    pub async fn send(&self, message: &outbox::Model) -> Result<(), String> {
        match self {
            Mailer::Log => {
                // The body holds sign-in links and the subject may hold a name: neither is
                // logged. Admins read the message on the outbox page.
                tracing::info!(
                    id = message.id,
                    kind = %message.kind,
                    "no SMTP_URL: e-mail kept on the outbox page instead of sent"
                );
                Ok(())
            }
            Mailer::Smtp { transport, from } => {
                let to: Mailbox = match &message.to_name {
                    Some(name) => format!("{name} <{}>", message.to_address).parse(),
                    None => message.to_address.parse(),
                }
                .map_err(|e| format!("bad recipient: {e}"))?;
                let builder = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(message.subject.clone());
                let email = match &message.calendar {
                    None => builder
                        .header(ContentType::TEXT_PLAIN)
                        .body(message.body_text.clone()),
                    Some(ics) => builder.multipart(
                        MultiPart::mixed()
                            .singlepart(SinglePart::plain(message.body_text.clone()))
                            .singlepart(
                                Attachment::new("invitation.ics".to_owned()).body(
                                    ics.clone(),
                                    ContentType::parse(
                                        "text/calendar; charset=utf-8; method=PUBLISH",
                                    )
                                    .map_err(|e| format!("calendar content type: {e}"))?,
                                ),
                            ),
                    ),
                }
                .map_err(|e| format!("cannot build message: {e}"))?;
                transport
                    .send(email)
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("SMTP: {e}"))
            }
        }
    }
}
