//! `server solve-assignment`: the text format in and out, through the real binary.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("solve-assignment")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start server solve-assignment");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write matrix");
    let out = child.wait_with_output().expect("solve-assignment output");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Worked by hand: row 0 would like column 0 (9), but row 1 can only take column 0, and
/// 5 + 8 beats 9 + 0; row 2 stays unmatched because both its pairs are forbidden.
const MATRIX: &str = "3 2\n9 5\n8 -1\n-1 -1\n";

#[test]
fn solves_a_matrix_from_standard_input() {
    let (ok, out, err) = run(&[], MATRIX);
    assert!(ok, "{err}");
    assert_eq!(out, "13\n0 1\n1 0\n");
}

#[test]
fn reads_a_file_too() {
    let path = std::env::temp_dir().join(format!("solve-{}.txt", std::process::id()));
    std::fs::write(&path, MATRIX).expect("write matrix file");
    let (ok, out, err) = run(&[path.to_str().expect("utf-8 path")], "");
    std::fs::remove_file(&path).ok();
    assert!(ok, "{err}");
    assert_eq!(out, "13\n0 1\n1 0\n");
}

#[test]
fn a_malformed_matrix_names_its_line_and_fails() {
    let (ok, out, err) = run(&[], "2 2\n1 2\n3 x\n");
    assert!(!ok);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("line 3"), "{err}");
}
