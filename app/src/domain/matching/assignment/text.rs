//! The plain-text matrix format and the plain-text result format.

use super::Assignment;
use super::graph::{CsrBuilder, ScoreGraph, check_dimensions};
use std::fmt;
use std::io::{self, Write};

/// Why a score matrix text could not be read. Lines are numbered from 1 and
/// values within a line from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatrixTextError {
    /// The text holds no `rows cols` line.
    MissingHeader,
    /// The first line is not two non-negative integers `rows cols`.
    InvalidHeader { line: usize },
    /// The header announces a matrix too large to hold.
    TooLarge { line: usize, rows: u64, cols: u64 },
    /// A value that is not an integer, or does not fit in 64 bits.
    InvalidValue { line: usize, field: usize },
    /// A score above [`ScoreGraph::score_limit`] for this matrix size.
    ScoreTooLarge {
        line: usize,
        field: usize,
        limit: i64,
    },
    /// A row line with fewer values than the header's `cols`.
    TooFewValues {
        line: usize,
        expected: u32,
        found: usize,
    },
    /// A row line with more values than the header's `cols`.
    TooManyValues { line: usize, expected: u32 },
    /// The text ends before the header's `rows` lines.
    MissingRows { expected: u32, found: u32 },
    /// Something other than blank lines after the last row.
    TrailingData { line: usize },
}

impl fmt::Display for MatrixTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingHeader => {
                write!(f, "the matrix text is empty: expected a `rows cols` line")
            }
            Self::InvalidHeader { line } => {
                write!(
                    f,
                    "line {line}: expected `rows cols` (two non-negative integers)"
                )
            }
            Self::TooLarge { line, rows, cols } => {
                write!(f, "line {line}: a {rows} × {cols} matrix is too large")
            }
            Self::InvalidValue { line, field } => {
                write!(
                    f,
                    "line {line}, value {field}: not an integer in the 64-bit range"
                )
            }
            Self::ScoreTooLarge { line, field, limit } => write!(
                f,
                "line {line}, value {field}: score above the limit {limit} for this matrix size"
            ),
            Self::TooFewValues {
                line,
                expected,
                found,
            } => write!(
                f,
                "line {line}: {found} values where {expected} were expected"
            ),
            Self::TooManyValues { line, expected } => {
                write!(f, "line {line}: more than the {expected} expected values")
            }
            Self::MissingRows { expected, found } => write!(
                f,
                "the text ends after {found} matrix rows where {expected} were expected"
            ),
            Self::TrailingData { line } => {
                write!(f, "line {line}: unexpected text after the last matrix row")
            }
        }
    }
}

impl std::error::Error for MatrixTextError {}

/// A byte cursor over the text that counts lines.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Number of the line holding `pos`, from 1.
    line: usize,
}

/// The result of reading one whitespace-separated token on the current line.
enum Token {
    /// An integer.
    Int(i64),
    /// The end of the line (or of the text) was reached first.
    EndOfLine,
    /// Not an integer, or out of range.
    Invalid,
}

impl Cursor<'_> {
    /// Skips blank and whitespace-only lines; false at the end of the text.
    fn next_content_line(&mut self) -> bool {
        let bytes = self.bytes;
        let mut pos = self.pos;
        loop {
            match bytes.get(pos) {
                None => {
                    self.pos = pos;
                    return false;
                }
                Some(b'\n') => {
                    self.line += 1;
                    pos += 1;
                    self.pos = pos;
                }
                Some(b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c') => pos += 1,
                Some(_) => {
                    return true;
                }
            }
        }
    }

    /// Reads the next integer on the current line.
    #[inline]
    fn token(&mut self) -> Token {
        let bytes = self.bytes;
        let mut pos = self.pos;
        while let Some(b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c') = bytes.get(pos) {
            pos += 1;
        }
        let negative = match bytes.get(pos) {
            None | Some(b'\n') => {
                self.pos = pos;
                return Token::EndOfLine;
            }
            Some(b'-') => {
                pos += 1;
                true
            }
            Some(b'+') => {
                pos += 1;
                false
            }
            Some(_) => false,
        };
        let start = pos;
        let mut value: u64 = 0;
        let mut overflow = false;
        while let Some(&b) = bytes.get(pos) {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(digit)))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
            pos += 1;
        }
        let ends_cleanly = matches!(
            bytes.get(pos),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'\x0b' | b'\x0c')
        );
        self.pos = pos;
        if pos == start || !ends_cleanly || overflow {
            return Token::Invalid;
        }
        if negative {
            if value > i64::MAX as u64 + 1 {
                return Token::Invalid;
            }
            Token::Int((value as i64).wrapping_neg())
        } else if value > i64::MAX as u64 {
            Token::Invalid
        } else {
            Token::Int(value as i64)
        }
    }

    /// Expects the end of the current line and moves past it.
    fn end_line(&mut self) -> bool {
        if let Token::EndOfLine = self.token() {
            if self.pos < self.bytes.len() {
                self.pos += 1;
                self.line += 1;
            }
            true
        } else {
            false
        }
    }
}

/// Reads a score matrix in the text format:
///
/// ```text
/// rows cols
/// s11 s12 … s1cols
/// …
/// ```
///
/// The first line holds the dimensions, then come `rows` lines of `cols`
/// whitespace-separated integers. A negative value (conventionally `-1`)
/// marks a forbidden pair. Blank lines are ignored, `\r\n` line ends are
/// accepted. Errors name the line (and value) at fault.
///
/// Parsing works on bytes in one pass and builds the sparse graph directly,
/// so inputs of hundreds of megabytes need no dense intermediate matrix.
pub fn parse_matrix_text(text: &str) -> Result<ScoreGraph, MatrixTextError> {
    let mut cursor = Cursor {
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    if !cursor.next_content_line() {
        return Err(MatrixTextError::MissingHeader);
    }
    let header_line = cursor.line;
    let invalid_header = MatrixTextError::InvalidHeader { line: header_line };
    let (Token::Int(rows), Token::Int(cols)) = (cursor.token(), cursor.token()) else {
        return Err(invalid_header);
    };
    if rows < 0 || cols < 0 || !cursor.end_line() {
        return Err(invalid_header);
    }
    let too_large = MatrixTextError::TooLarge {
        line: header_line,
        rows: rows as u64,
        cols: cols as u64,
    };
    let (Ok(rows), Ok(cols)) = (u32::try_from(rows), u32::try_from(cols)) else {
        return Err(too_large);
    };
    let cells = check_dimensions(rows, cols).map_err(|_| too_large)?;
    let limit = ScoreGraph::score_limit(rows, cols);
    let mut builder = CsrBuilder::new(rows, cols, cells.min(1 << 20));

    for r in 0..rows {
        if cols == 0 {
            // Rows of no values are blank lines, which are skipped anyway.
            builder.end_row();
            continue;
        }
        if !cursor.next_content_line() {
            return Err(MatrixTextError::MissingRows {
                expected: rows,
                found: r,
            });
        }
        let line = cursor.line;
        for c in 0..cols {
            match cursor.token() {
                Token::Int(score) if score < 0 => {}
                Token::Int(score) if score <= limit => builder.push(c, score),
                Token::Int(_) => {
                    return Err(MatrixTextError::ScoreTooLarge {
                        line,
                        field: c as usize + 1,
                        limit,
                    });
                }
                Token::EndOfLine => {
                    return Err(MatrixTextError::TooFewValues {
                        line,
                        expected: cols,
                        found: c as usize,
                    });
                }
                Token::Invalid => {
                    return Err(MatrixTextError::InvalidValue {
                        line,
                        field: c as usize + 1,
                    });
                }
            }
        }
        if !cursor.end_line() {
            return Err(MatrixTextError::TooManyValues {
                line,
                expected: cols,
            });
        }
        builder.end_row();
    }
    if cursor.next_content_line() {
        return Err(MatrixTextError::TrailingData { line: cursor.line });
    }
    Ok(builder.finish())
}

/// Writes an assignment as text: the total on the first line, then one line
/// `row col` per matched pair, in the order of `assignment.pairs`. Output is
/// buffered internally, so `out` need not be.
pub fn write_assignment_text(assignment: &Assignment, out: &mut impl Write) -> io::Result<()> {
    let mut buffer = Vec::with_capacity(1 << 16);
    writeln!(buffer, "{}", assignment.total)?;
    for &(row, col) in &assignment.pairs {
        push_number(&mut buffer, row);
        buffer.push(b' ');
        push_number(&mut buffer, col);
        buffer.push(b'\n');
        if buffer.len() > (1 << 16) - 32 {
            out.write_all(&buffer)?;
            buffer.clear();
        }
    }
    out.write_all(&buffer)
}

fn push_number(buffer: &mut Vec<u8>, mut value: u32) {
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    buffer.extend_from_slice(&digits[start..]);
}
