//! The browser's side of an import: reading the chosen file, and following the server's
//! progress stream line by line into the page's phase.

use leptos::prelude::*;

use super::import::Phase;
use crate::features::import::types::{ImportEvent, ImportKind};

/// Why the chosen file could not be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileError {
    NoFile,
    TooLarge,
    Unreadable,
}

/// The text of the file chosen in `input`, read by the browser as UTF-8.
pub async fn read_chosen_file(
    input: Option<web_sys::HtmlInputElement>,
) -> Result<String, FileError> {
    #[cfg(feature = "hydrate")]
    {
        use crate::features::import::types::MAX_FILE_BYTES;
        let file = input
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
            .ok_or(FileError::NoFile)?;
        if file.size() > MAX_FILE_BYTES as f64 {
            return Err(FileError::TooLarge);
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .map_err(|_| FileError::Unreadable)?;
        text.as_string().ok_or(FileError::Unreadable)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = input;
        Err(FileError::NoFile)
    }
}

/// Runs the import of `text` and moves `phase` along with each line the server sends.
pub async fn stream_import(kind: ImportKind, text: String, phase: RwSignal<Phase>) {
    use futures::StreamExt;

    let stream = match crate::features::import::api::run_import(kind, text).await {
        Ok(stream) => stream,
        Err(error) => return phase.set(Phase::Failed(error)),
    };
    let mut chunks = stream.into_inner();
    let mut buffer = String::new();
    while let Some(chunk) = chunks.next().await {
        let Ok(chunk) = chunk else {
            break;
        };
        buffer.push_str(&chunk);
        for event in ImportEvent::take_lines(&mut buffer) {
            let next = match event {
                ImportEvent::Started { total } => Phase::Importing {
                    written: 0,
                    total: Some(total),
                },
                ImportEvent::Progress { written, total } => Phase::Importing {
                    written,
                    total: Some(total),
                },
                ImportEvent::Done(summary) => Phase::Done(summary),
                ImportEvent::Refused(report) => Phase::Refused(report),
                ImportEvent::Failed(error) => Phase::Failed(error),
            };
            phase.set(next);
        }
    }
    if matches!(phase.get_untracked(), Phase::Importing { .. }) {
        phase.set(Phase::Interrupted);
    }
}
