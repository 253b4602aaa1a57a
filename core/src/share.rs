//! Articles carried in a share link: the user's added articles, byte for byte, deflated and
//! written as base64url in the fragment's `art` key, so a link alone can carry a small corpus.
//! Only an explicit "copy link with my articles" writes it (article text never enters the
//! address bar otherwise); opening such a link adds the articles, then drops the key.
//!
//! Packed form, before deflate: `EA1` then, per article, the name's length (u16 LE), the name
//! (UTF-8), the format (`Format::name`, one length byte then the token), the length of the bytes
//! (u32 LE) and the bytes.

use crate::ingest::Format;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::fmt;

/// Most compressed bytes a link carries: 32 KiB is about 44,000 characters of base64url, well
/// inside what browsers accept in a URL (Chromium 2 MiB), and still pasteable in most tools.
pub const MAX_LINK_BYTES: usize = 32 * 1024;
/// Most bytes the packed articles may inflate to, so a crafted link cannot exhaust memory.
pub const MAX_UNPACKED_BYTES: usize = 4 * 1024 * 1024;
/// The fragment key holding the articles.
pub const KEY: &str = "art";
const MAGIC: &[u8] = b"EA1";

/// An article as it travels in a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedArticle {
    pub name: String,
    pub format: Format,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The articles compress to more than a link carries.
    TooLarge { bytes: usize, limit: usize },
    /// The `art` value is not base64url.
    NotBase64,
    /// The value is not deflated data, or inflates past [`MAX_UNPACKED_BYTES`].
    NotDeflate,
    /// The inflated data is not packed articles.
    Malformed(&'static str),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ShareError::TooLarge { bytes, limit } => write!(
                f,
                "they take {} compressed, over the {} a link can carry",
                kilobytes(*bytes),
                kilobytes(*limit)
            ),
            ShareError::NotBase64 => f.write_str("the link's articles are not base64url text: was the link cut or edited?"),
            ShareError::NotDeflate => f.write_str("the link's articles do not decompress: was the link cut or edited?"),
            ShareError::Malformed(what) => write!(f, "the link's articles are damaged ({what})"),
        }
    }
}

impl std::error::Error for ShareError {}

/// "12.3 kB" (kB = 1,000 bytes, as the size is shown next to the limit's).
pub fn kilobytes(bytes: usize) -> String {
    format!("{:.1} kB", bytes as f64 / 1000.0)
}

/// The `art` value for `articles`, or why they do not fit in a link.
pub fn pack(articles: &[SharedArticle]) -> Result<String, ShareError> {
    let mut raw = MAGIC.to_vec();
    for a in articles {
        let name = truncate(&a.name, u16::MAX as usize);
        raw.extend_from_slice(&(name.len() as u16).to_le_bytes());
        raw.extend_from_slice(name.as_bytes());
        let format = a.format.name().as_bytes();
        raw.push(format.len() as u8);
        raw.extend_from_slice(format);
        raw.extend_from_slice(&(a.bytes.len() as u32).to_le_bytes());
        raw.extend_from_slice(&a.bytes);
    }
    let packed = miniz_oxide::deflate::compress_to_vec(&raw, 9);
    if packed.len() > MAX_LINK_BYTES {
        return Err(ShareError::TooLarge {
            bytes: packed.len(),
            limit: MAX_LINK_BYTES,
        });
    }
    Ok(URL_SAFE_NO_PAD.encode(packed))
}

/// The articles of an `art` value.
pub fn unpack(value: &str) -> Result<Vec<SharedArticle>, ShareError> {
    // Base64url of MAX_LINK_BYTES is at most 4/3 as long.
    if value.len() > MAX_LINK_BYTES.div_ceil(3) * 4 {
        return Err(ShareError::TooLarge {
            bytes: value.len() * 3 / 4,
            limit: MAX_LINK_BYTES,
        });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .map_err(|_| ShareError::NotBase64)?;
    let raw =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES).map_err(|_| ShareError::NotDeflate)?;
    let mut r = Reader(raw.strip_prefix(MAGIC).ok_or(ShareError::Malformed("no header"))?);
    let mut out = Vec::new();
    while !r.0.is_empty() {
        let name_len = u16::from_le_bytes(r.take(2, "a name's length")?.try_into().unwrap_or_default()) as usize;
        let name = std::str::from_utf8(r.take(name_len, "a name")?)
            .map_err(|_| ShareError::Malformed("a name is not UTF-8"))?
            .to_string();
        let format_len = r.take(1, "a format")?[0] as usize;
        let token = std::str::from_utf8(r.take(format_len, "a format")?).unwrap_or_default();
        let format = Format::from_token(token).ok_or(ShareError::Malformed("an unknown format"))?;
        let len = u32::from_le_bytes(r.take(4, "a length")?.try_into().unwrap_or_default()) as usize;
        let bytes = r.take(len, "an article's bytes")?.to_vec();
        out.push(SharedArticle { name, format, bytes });
    }
    Ok(out)
}

/// Splits a fragment (without `#`) into the rest and its `art` value, if any.
pub fn split_fragment(fragment: &str) -> (String, Option<&str>) {
    let mut rest = Vec::new();
    let mut art = None;
    for pair in fragment.split('&') {
        match pair.strip_prefix(KEY).and_then(|v| v.strip_prefix('=')) {
            Some(value) => art = Some(value),
            None => rest.push(pair),
        }
    }
    (rest.join("&"), art)
}

/// Appends the `art` value to a fragment (without `#`).
pub fn join_fragment(fragment: &str, art: &str) -> String {
    let (rest, _) = split_fragment(fragment);
    if rest.is_empty() {
        format!("{KEY}={art}")
    } else {
        format!("{rest}&{KEY}={art}")
    }
}

fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ShareError> {
        if n > self.0.len() {
            return Err(ShareError::Malformed(what));
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(name: &str, format: Format, bytes: &[u8]) -> SharedArticle {
        SharedArticle {
            name: name.into(),
            format,
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn articles_round_trip_byte_for_byte() {
        let articles = vec![
            article("note.md", Format::Markdown, "# Seoul\n\nSeoul said so ’today’.".as_bytes()),
            article("latin1.txt", Format::Text, &[0x53, 0xe9, 0x6f, 0x75, 0x6c]),
            article("empty-name", Format::Html, b"<p>x</p>"),
        ];
        let value = pack(&articles).unwrap();
        assert!(
            value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{value}"
        );
        assert_eq!(unpack(&value).unwrap(), articles);
    }

    #[test]
    fn too_much_for_a_link_is_refused_with_its_size() {
        // Incompressible bytes: a simple generator, so the test needs no randomness crate.
        let mut x: u32 = 2_463_534_242;
        let bytes: Vec<u8> = (0..40_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        let err = pack(&[article("noise.txt", Format::Text, &bytes)]).unwrap_err();
        assert!(
            matches!(err, ShareError::TooLarge { bytes, limit: MAX_LINK_BYTES } if bytes > MAX_LINK_BYTES),
            "{err:?}"
        );
        assert!(err.to_string().ends_with("over the 32.8 kB a link can carry"), "{err}");
    }

    #[test]
    fn damaged_values_give_typed_errors() {
        assert_eq!(unpack("not base64!"), Err(ShareError::NotBase64));
        assert_eq!(unpack("AAAA"), Err(ShareError::NotDeflate));
        let good = pack(&[article("a.txt", Format::Text, b"Seoul said so.")]).unwrap();
        let raw = miniz_oxide::inflate::decompress_to_vec(&URL_SAFE_NO_PAD.decode(&good).unwrap()).unwrap();
        let cut = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&raw[..raw.len() - 3], 9));
        assert_eq!(unpack(&cut), Err(ShareError::Malformed("an article's bytes")));
        let headless = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"XX", 9));
        assert_eq!(unpack(&headless), Err(ShareError::Malformed("no header")));
    }

    #[test]
    fn a_bomb_is_refused_not_inflated() {
        let zeros = vec![0u8; MAX_UNPACKED_BYTES + 1];
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&zeros, 9));
        assert!(bomb.len() < 10_000, "it is small in the link: {}", bomb.len());
        assert_eq!(unpack(&bomb), Err(ShareError::NotDeflate));
    }

    #[test]
    fn the_fragment_keeps_its_view_state_apart_from_the_articles() {
        assert_eq!(
            split_fragment("v=1&sel=a:org:nis&art=abc"),
            ("v=1&sel=a:org:nis".into(), Some("abc"))
        );
        assert_eq!(split_fragment("v=1&article=x"), ("v=1&article=x".into(), None));
        assert_eq!(join_fragment("v=1&art=old", "new"), "v=1&art=new");
        assert_eq!(join_fragment("", "new"), "art=new");
    }

    #[test]
    fn arbitrary_values_never_panic() {
        for s in ["", "=", "A", "AA", "_-_-", &"A".repeat(50_000)] {
            let _ = unpack(s);
        }
    }
}
