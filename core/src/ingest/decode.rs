//! Bytes to text. Binary files are refused; text in an unexpected encoding is still read,
//! and the caller learns how (the Aleph ingest-file pattern: a status, never a crash).

use super::IngestError;
use crate::document::Decoding;

pub(super) fn decode(bytes: &[u8]) -> Result<(String, Decoding), IngestError> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(IngestError::Binary { what: kind });
    }
    if let Some(text) = decode_utf16(bytes) {
        // The same checks as for bytes: NUL characters or control codes mean it is not text.
        if text.contains('\0') {
            return Err(IngestError::Binary {
                what: "it contains NUL characters",
            });
        }
        if control_ratio(&text) > 0.01 {
            return Err(IngestError::Binary {
                what: "more than 1% of its characters are control codes",
            });
        }
        return Ok((normalize_newlines(text), Decoding::Utf16));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(IngestError::Binary {
            what: "it contains NUL bytes",
        });
    }
    let (text, decoding) = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Decoding::Utf8),
        Err(_) if looks_single_byte(bytes) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Decoding::Windows1252),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let replaced = s.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
            (s, Decoding::Utf8Lossy { replaced })
        }
    };
    if control_ratio(&text) > 0.01 {
        return Err(IngestError::Binary {
            what: "more than 1% of its characters are control codes",
        });
    }
    Ok((normalize_newlines(text), decoding))
}

/// Magic numbers of the binary files people most often drop by mistake.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 8] = [
        (b"\x89PNG", "it is a PNG image"),
        (b"\xFF\xD8\xFF", "it is a JPEG image"),
        (b"GIF8", "it is a GIF image"),
        (b"%PDF", "it is a PDF; copy its text into a .txt file"),
        (
            b"PK\x03\x04",
            "it is a ZIP archive (or a .docx/.xlsx); extract the text first",
        ),
        (b"\x1F\x8B", "it is gzip-compressed"),
        (b"\x00asm", "it is a WebAssembly module"),
        (b"\x7FELF", "it is an executable"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// True when the high bytes are almost never valid UTF-8 sequences: the file is in a
/// single-byte encoding such as Latin-1, not damaged UTF-8.
fn looks_single_byte(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let mut valid_multibyte = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let good = &rest[..e.valid_up_to()];
                valid_multibyte += std::str::from_utf8(good).map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                rest = &rest[e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to())..];
            }
        }
    }
    high > 0 && valid_multibyte * 10 < high
}

pub(super) fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“',
        '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The share of characters that are control codes (Unicode Cc: U+0000–U+001F and
/// U+007F–U+009F) other than line breaks, tabs and form feeds. Counted on the UTF-8 bytes, as
/// every file is read through here: a character starts at each byte that is not a
/// continuation byte, and U+0080–U+009F are encoded as 0xC2 0x80–0x9F.
fn control_ratio(text: &str) -> f64 {
    let bytes = text.as_bytes();
    // Counted in runs of 255 bytes with byte-wide counters, which the compiler vectorises.
    let (mut total, mut ascii) = (0usize, 0usize);
    for run in bytes.chunks(255) {
        let (mut t, mut a) = (0u8, 0u8);
        for &b in run {
            t += u8::from(b & 0xC0 != 0x80);
            a += u8::from((b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || b == 0x7F);
        }
        total += usize::from(t);
        ascii += usize::from(a);
    }
    // C1 controls: a 0xC2 lead byte and a second byte up to 0x9F, the pairs read in step.
    let mut c1 = 0usize;
    if let Some(last) = bytes.len().checked_sub(1) {
        for (leads, seconds) in bytes[..last].chunks(255).zip(bytes[1..].chunks(255)) {
            let mut k = 0u8;
            for (&lead, &second) in leads.iter().zip(seconds) {
                k += u8::from(lead == 0xC2 && (0x80..=0x9F).contains(&second));
            }
            c1 += usize::from(k);
        }
    }
    if total == 0 { 0.0 } else { (ascii + c1) as f64 / total as f64 }
}

/// CRLF and lone CR become LF. Most files have neither, and are returned as they are.
fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_with_bom_removed() {
        let (t, d) = decode("\u{FEFF}NATO’s group".as_bytes()).unwrap();
        assert_eq!(t, "NATO’s group");
        assert_eq!(d, Decoding::Utf8);
    }

    #[test]
    fn control_ratio_counts_characters_as_char_is_control_does() {
        let reference = |t: &str| {
            let total = t.chars().count();
            let control = t
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'))
                .count();
            control as f64 / total as f64
        };
        for t in [
            "plain words\n\tand a form feed\u{0C}",
            "bell\u{07} and delete\u{7F}",
            "C1: \u{80}\u{85}\u{9F}, not C1: \u{A0}\u{C2}\u{100}",
            "Moon Jae-in’s 문재인 \u{1F600}\u{1B}",
        ] {
            assert_eq!(control_ratio(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn latin1_reads_as_words() {
        let (t, d) = decode(b"gr\xF6\xDFter Verb\xFCndeter").unwrap();
        assert_eq!(t, "größter Verbündeter");
        assert_eq!(d, Decoding::Windows1252);
    }

    #[test]
    fn damaged_utf8_is_counted() {
        let mut bytes = "Seoul – Tallinn – Brussels".as_bytes().to_vec();
        bytes.extend_from_slice(b" \xE2\x80"); // a dash cut off inside its three bytes
        let (t, d) = decode(&bytes).unwrap();
        assert!(t.ends_with('\u{FFFD}'));
        assert_eq!(d, Decoding::Utf8Lossy { replaced: 1 });
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Seoul\r\nTokyo".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), ("Seoul\nTokyo".to_string(), Decoding::Utf16));
    }

    #[test]
    fn utf16_with_nul_or_controls_is_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Seoul\0Tokyo".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert!(matches!(decode(&bytes), Err(IngestError::Binary { .. })));
        // A BOM followed by binary: every other code unit a control character.
        let mut noise = vec![0xFE, 0xFF];
        noise.extend((0..200u8).flat_map(|i| [0, i % 31 + 1]));
        assert!(matches!(decode(&noise), Err(IngestError::Binary { .. })));
    }

    #[test]
    fn binary_is_refused_with_a_reason() {
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n...."), Err(IngestError::Binary { what }) if what.contains("PNG")));
        assert!(matches!(decode(b"abc\0def"), Err(IngestError::Binary { .. })));
        let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(decode(&noise).is_err(), "pseudo-random bytes must not pass as text");
    }
}
