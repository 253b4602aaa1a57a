//! Percent-encoding of fragment values, written here so the core needs no URL crate.
//!
//! A value keeps ASCII letters, digits and `-._~:/` as they are (readable, and legal in a
//! fragment per RFC 3986) and escapes every other byte as `%XX`, including the separators the
//! fragment grammar uses (`&`, `=`, `,`, `@`, `#`, `%`, `+`). So a value can be split on its
//! separators first and each piece unescaped after.

use std::borrow::Cow;
use std::fmt::Write;

fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':' | b'/')
}

/// Appends `s` to `out`, escaped.
pub(crate) fn encode_into(out: &mut String, s: &str) {
    for &b in s.as_bytes() {
        if is_plain(b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
}

/// Why a piece could not be unescaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unescape {
    /// A `%` not followed by two hex digits; holds the offending text (at most 3 chars).
    BadEscape(String),
    /// The escapes decode to bytes that are not UTF-8 (`%C3%28`).
    InvalidUtf8,
}

/// Unescapes one piece. `+` reads as a space (as forms write it); the encoder never emits it.
/// Linear in the length of `s`.
pub(crate) fn decode(s: &str) -> Result<Cow<'_, str>, Unescape> {
    if !s.bytes().any(|b| b == b'%' || b == b'+') {
        return Ok(Cow::Borrowed(s));
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let byte = bytes.get(i + 1..i + 3).and_then(|h| Some(hex(h[0])? << 4 | hex(h[1])?));
                match byte {
                    Some(b) => out.push(b),
                    None => {
                        // `i` is the index of an ASCII '%', so it is a char boundary.
                        return Err(Unescape::BadEscape(s[i..].chars().take(3).collect()));
                    }
                }
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map(Cow::Owned).map_err(|_| Unescape::InvalidUtf8)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: &str) -> String {
        let mut out = String::new();
        encode_into(&mut out, s);
        out
    }

    #[test]
    fn escapes_separators_and_non_ascii_only() {
        assert_eq!(enc("org:nis/KOR-1.2_~"), "org:nis/KOR-1.2_~");
        assert_eq!(enc("a b&c=d,e@f#g%h+i"), "a%20b%26c%3Dd%2Ce%40f%23g%25h%2Bi");
        assert_eq!(enc("Séoul"), "S%C3%A9oul");
    }

    #[test]
    fn decodes_what_it_encodes_and_rejects_broken_escapes() {
        for s in ["", "plain", "a b&c=d,e@f#g%h+i", "Séoul 日本 🙂", "%%%"] {
            assert_eq!(decode(&enc(s)).unwrap(), s);
        }
        assert_eq!(decode("a+b").unwrap(), "a b");
        assert_eq!(decode("%ZZ"), Err(Unescape::BadEscape("%ZZ".into())));
        assert_eq!(decode("ab%4"), Err(Unescape::BadEscape("%4".into())));
        assert_eq!(decode("%"), Err(Unescape::BadEscape("%".into())));
        assert_eq!(decode("%é1"), Err(Unescape::BadEscape("%é1".into())));
        assert_eq!(decode("%C3%28"), Err(Unescape::InvalidUtf8));
    }
}
