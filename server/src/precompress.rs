//! `server precompress DIR`: writes a brotli copy (`.br`, quality 11) and a gzip copy (`.gz`,
//! level 9) beside each compressible file under DIR. The static file handler (leptos_axum's,
//! tower-http's `ServeDir`) sends the smallest copy the browser accepts, so the WASM is neither
//! sent at on-the-fly brotli 4 (2.2 MB instead of 1.6 MB) nor compressed again on every request.
//!
//! cargo-leptos has `--precompress`, but with it the browser and server crates are built one
//! after the other instead of side by side; run after the build, this keeps the build parallel.

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub const USAGE: &str =
    "server precompress DIR   (writes .br and .gz copies of the site's static files)";

/// Kinds of file worth compressing; images and fonts are compressed already.
const COMPRESSIBLE: &[&str] = &[
    "wasm",
    "js",
    "css",
    "html",
    "svg",
    "json",
    "webmanifest",
    "txt",
];

pub fn run(args: &[String]) -> Result<(), String> {
    let [dir] = args else {
        return Err(format!("usage: {USAGE}"));
    };
    let mut files = Vec::new();
    collect(Path::new(dir), &mut files).map_err(|e| format!("cannot read {dir}: {e}"))?;
    if files.is_empty() {
        return Err(format!(
            "nothing to compress under {dir}: build the site first"
        ));
    }
    for file in files {
        let raw = size(&file)?;
        let br = write_copy(&file, "br", compress_brotli)?;
        let gz = write_copy(&file, "gz", compress_gzip)?;
        println!(
            "{}: {}, brotli {}, gzip {}",
            file.display(),
            shown(raw),
            shown(br),
            shown(gz)
        );
    }
    Ok(())
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e))
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(())
}

/// A size as people read it: bytes below 10 KB, then whole KB.
fn shown(bytes: u64) -> String {
    if bytes < 10 * 1024 {
        format!("{bytes} B")
    } else {
        format!("{} KB", bytes / 1024)
    }
}

fn size(path: &Path) -> Result<u64, String> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Writes `file.<suffix>` unless it is newer than `file`, and returns its size. The copy is
/// written under a temporary name and renamed, so a server never sends half of one.
fn write_copy(
    file: &Path,
    suffix: &str,
    compress: fn(&mut BufReader<File>, &mut BufWriter<File>) -> io::Result<()>,
) -> Result<u64, String> {
    let mut copy = file.as_os_str().to_owned();
    copy.push(format!(".{suffix}"));
    let copy = PathBuf::from(copy);
    if modified(&copy).is_some_and(|c| modified(file).is_some_and(|f| c >= f)) {
        return size(&copy);
    }
    let partial = copy.with_extension(format!("{suffix}.partial"));
    let written = File::open(file).and_then(|input| {
        let mut input = BufReader::new(input);
        let mut output = BufWriter::new(File::create(&partial)?);
        compress(&mut input, &mut output)?;
        output.into_inner().map_err(|e| e.into_error())?.sync_all()
    });
    written
        .and_then(|()| fs::rename(&partial, &copy))
        .map_err(|e| {
            let _ = fs::remove_file(&partial);
            format!("cannot write {}: {e}", copy.display())
        })?;
    size(&copy)
}

fn compress_brotli(input: &mut BufReader<File>, output: &mut BufWriter<File>) -> io::Result<()> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(input, output, &params).map(|_| ())
}

fn compress_gzip(input: &mut BufReader<File>, output: &mut BufWriter<File>) -> io::Result<()> {
    let mut encoder = flate2::write::GzEncoder::new(output, flate2::Compression::best());
    io::copy(input, &mut encoder)?;
    encoder.finish()?.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_copies_that_decompress_to_the_file_and_skips_other_kinds() {
        let dir = std::env::temp_dir().join(format!("duo_precompress_{}", std::process::id()));
        fs::create_dir_all(dir.join("pkg")).unwrap();
        let text = "<p>Bonjour, Hallo, Hello</p>\n".repeat(500);
        fs::write(dir.join("pkg/page.html"), &text).unwrap();
        fs::write(dir.join("photo.png"), b"not compressible").unwrap();

        run(&[dir.display().to_string()]).expect("precompress");

        let mut from_brotli = String::new();
        brotli::Decompressor::new(File::open(dir.join("pkg/page.html.br")).unwrap(), 4096)
            .read_to_string(&mut from_brotli)
            .unwrap();
        assert_eq!(from_brotli, text);
        let mut from_gzip = String::new();
        flate2::read::GzDecoder::new(File::open(dir.join("pkg/page.html.gz")).unwrap())
            .read_to_string(&mut from_gzip)
            .unwrap();
        assert_eq!(from_gzip, text);
        assert!(size(&dir.join("pkg/page.html.br")).unwrap() < text.len() as u64 / 10);
        assert!(!dir.join("photo.png.br").exists());
        assert!(!dir.join("pkg/page.html.br.partial").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_empty_site_is_an_error_not_a_silent_success() {
        let dir =
            std::env::temp_dir().join(format!("duo_precompress_empty_{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let error = run(&[dir.display().to_string()]).unwrap_err();
        assert!(error.contains("build the site first"), "{error}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
