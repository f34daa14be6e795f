//! Bytes to text for the readers: which encodings are read, and the error for the rest.

use std::borrow::Cow;

/// Where and why bytes are not text: the 1-based line and column (in characters) of the
/// first byte that cannot be decoded, and a sentence naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Undecodable {
    pub line: usize,
    pub column: usize,
    /// The decoded start of the line that holds the bad byte.
    pub line_start: String,
    pub message: String,
}

impl Undecodable {
    /// The 1-based field of a delimited file (comma, semicolon or tab) that holds the bad byte.
    pub fn field(&self) -> usize {
        1 + self
            .line_start
            .chars()
            .filter(|c| matches!(c, ',' | ';' | '\t'))
            .count()
    }
}

/// Decodes a file's bytes: UTF-8 (with or without a byte-order mark), or UTF-16 little- or
/// big-endian with its byte-order mark (what Excel's "Unicode text" writes). Anything else —
/// Windows-1252, Latin-1, Mac Roman — is refused at the first byte that is not UTF-8, since
/// guessing a single-byte encoding can silently turn `é` into `Ã©` in a sector name.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Undecodable> {
    let utf16 = |be: bool| -> Result<Cow<'_, str>, Undecodable> {
        let body = &bytes[2..];
        let units = body.chunks(2).map(|c| match (c, be) {
            ([a, b], true) => u16::from_be_bytes([*a, *b]),
            ([a, b], false) => u16::from_le_bytes([*a, *b]),
            _ => 0xDC00, // a lone trailing byte: an unpaired surrogate, refused below
        });
        let mut text = String::with_capacity(body.len() / 2);
        for unit in char::decode_utf16(units) {
            match unit {
                Ok(c) => text.push(c),
                Err(e) => {
                    let (line, column) = position(&text);
                    return Err(Undecodable {
                        line,
                        column,
                        line_start: last_line(&text),
                        message: format!(
                            "the UTF-16 text holds the unpaired surrogate 0x{:04X} (or an odd number of bytes)",
                            e.unpaired_surrogate()
                        ),
                    });
                }
            }
        }
        Ok(Cow::Owned(text))
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        _ => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(body).map(Cow::Borrowed).map_err(|e| {
                let good = e.valid_up_to();
                let before = std::str::from_utf8(&body[..good]).unwrap_or_default();
                let (line, column) = position(before);
                Undecodable {
                    line,
                    column,
                    line_start: last_line(before),
                    message: format!(
                        "byte 0x{:02X} (offset {good}) is not UTF-8: the file is probably in a single-byte encoding such as Windows-1252 or Latin-1; save it as UTF-8 (or UTF-16 with a byte-order mark)",
                        body[good]
                    ),
                }
            })
        }
    }
}

fn last_line(text: &str) -> String {
    text.rsplit('\n').next().unwrap_or_default().to_string()
}

/// The 1-based line and column just after `text`.
fn position(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_a_bom() {
        assert_eq!(decode("kind,é".as_bytes()).unwrap(), "kind,é");
        assert_eq!(decode(b"\xEF\xBB\xBFkind").unwrap(), "kind");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "kind,café\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
        le.push(0x41); // an odd byte at the end
        let e = decode(&le).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
    }

    #[test]
    fn latin1_is_refused_at_its_first_byte() {
        let e = decode(b"kind,code\nsector,caf\xE9\n").unwrap_err();
        assert_eq!((e.line, e.column, e.field()), (2, 11, 2));
        assert!(
            e.message.starts_with("byte 0xE9 (offset 20) is not UTF-8"),
            "{}",
            e.message
        );
    }
}
