//! Logs through `tracing`: human-readable by default, JSON with
//! `LOG_FORMAT=json`, filtered by `RUST_LOG` (default `info`).
//!
//! A value with a line break inside could forge a log line of its own: the writer turns every
//! CR and LF inside an event into `\r` and `\n`, so each event stays one line.

use std::io::{self, IsTerminal, Write};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    // Colours only on a terminal: a log file or collector gets plain text.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(OneLine(io::stdout))
        .with_ansi(io::stdout().is_terminal());
    let result = if std::env::var("LOG_FORMAT").is_ok_and(|v| v == "json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
    // A second init (tests start several apps in one process) is harmless.
    drop(result);
}

/// Makes writers that keep each event on one line.
pub struct OneLine<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for OneLine<M> {
    type Writer = OneLineWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        OneLineWriter {
            inner: self.0.make_writer(),
            event: Vec::new(),
        }
    }
}

/// Gathers one event, then writes it with its inner line breaks escaped and its last one kept.
pub struct OneLineWriter<W: Write> {
    inner: W,
    event: Vec<u8>,
}

impl<W: Write> Write for OneLineWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.event.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let ends_line = self.event.last() == Some(&b'\n');
        let body = if ends_line {
            &self.event[..self.event.len() - 1]
        } else {
            &self.event[..]
        };
        let mut line = Vec::with_capacity(self.event.len() + 8);
        for &byte in body {
            match byte {
                b'\n' => line.extend_from_slice(b"\\n"),
                b'\r' => line.extend_from_slice(b"\\r"),
                other => line.push(other),
            }
        }
        if ends_line {
            line.push(b'\n');
        }
        self.event.clear();
        self.inner.write_all(&line)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for OneLineWriter<W> {
    fn drop(&mut self) {
        if !self.event.is_empty() {
            let _ = self.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().expect("sink").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_line_break_in_a_value_cannot_start_a_forged_line() {
        let sink = Sink::default();
        let writer = {
            let sink = sink.clone();
            OneLine(move || sink.clone())
        };
        let subscriber = tracing_subscriber::fmt()
            .with_writer(writer)
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            let name = "Eve\r\n2026-12-05T10:00:00Z  INFO signed in user_id=1";
            tracing::info!(%name, "first");
            tracing::info!("second");
        });
        let text = String::from_utf8(sink.0.lock().expect("sink").clone()).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines[0].contains(r"Eve\r\n2026-12-05"), "{text}");
        assert!(lines[1].contains("second"), "{text}");
    }
}
