//! HTML character references: the named entities news pages use (the HTML 4 set, which holds
//! Latin-1, the typographic marks and Greek, plus `&apos;` and the Central European letters of
//! HTML 5), and numeric references. A reference that is not valid stays in the text as written.

/// Appends `s` to `out` with every valid character reference decoded.
pub(super) fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        match reference_at(&rest[amp..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[amp + len..];
            }
            None => {
                out.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    out.push_str(rest);
}

pub(super) fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    out
}

/// The character a reference at the start of `s` (which starts with `&`) stands for, and the
/// reference's length in bytes. Named references need their `;`; numeric ones may omit it.
pub(super) fn reference_at(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_at = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let digits = b[digits_at.min(b.len())..]
            .iter()
            .take_while(|c| (**c as char).is_digit(radix))
            .count();
        if digits == 0 || digits > 8 {
            return None;
        }
        let value = u32::from_str_radix(&s[digits_at..digits_at + digits], radix).ok()?;
        let end = digits_at + digits;
        let len = if b.get(end) == Some(&b';') { end + 1 } else { end };
        return numeric(value).map(|c| (c, len));
    }
    let name_len = b[1..].iter().take(32).take_while(|c| c.is_ascii_alphanumeric()).count();
    if name_len == 0 || b.get(1 + name_len) != Some(&b';') {
        return None;
    }
    named(&s[1..1 + name_len]).map(|c| (c, name_len + 2))
}

/// Code points 128–159 are read as Windows-1252, as browsers do; NUL, surrogates and values
/// beyond Unicode are not characters.
fn numeric(value: u32) -> Option<char> {
    match value {
        0 => None,
        0x80..=0x9F => Some(super::decode::windows_1252(value as u8)),
        _ => char::from_u32(value),
    }
}

fn named(name: &str) -> Option<char> {
    let c = match name {
        // Markup and ASCII punctuation.
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "excl" => '!',
        "num" => '#',
        "dollar" => '$',
        "percnt" => '%',
        "lpar" => '(',
        "rpar" => ')',
        "ast" => '*',
        "plus" => '+',
        "comma" => ',',
        "period" => '.',
        "sol" => '/',
        "colon" => ':',
        "semi" => ';',
        "equals" => '=',
        "quest" => '?',
        "commat" => '@',
        "lsqb" | "lbrack" => '[',
        "bsol" => '\\',
        "rsqb" | "rbrack" => ']',
        "Hat" => '^',
        "lowbar" => '_',
        "grave" => '`',
        "lcub" | "lbrace" => '{',
        "verbar" | "vert" => '|',
        "rcub" | "rbrace" => '}',
        // Latin-1.
        "nbsp" => '\u{A0}',
        "iexcl" => '¡',
        "cent" => '¢',
        "pound" => '£',
        "curren" => '¤',
        "yen" => '¥',
        "brvbar" => '¦',
        "sect" => '§',
        "uml" => '¨',
        "copy" | "COPY" => '©',
        "ordf" => 'ª',
        "laquo" => '«',
        "not" => '¬',
        "shy" => '\u{AD}',
        "reg" | "REG" => '®',
        "macr" => '¯',
        "deg" => '°',
        "plusmn" => '±',
        "sup2" => '²',
        "sup3" => '³',
        "acute" => '´',
        "micro" => 'µ',
        "para" => '¶',
        "middot" => '·',
        "cedil" => '¸',
        "sup1" => '¹',
        "ordm" => 'º',
        "raquo" => '»',
        "frac14" => '¼',
        "frac12" | "half" => '½',
        "frac34" => '¾',
        "iquest" => '¿',
        "Agrave" => 'À',
        "Aacute" => 'Á',
        "Acirc" => 'Â',
        "Atilde" => 'Ã',
        "Auml" => 'Ä',
        "Aring" => 'Å',
        "AElig" => 'Æ',
        "Ccedil" => 'Ç',
        "Egrave" => 'È',
        "Eacute" => 'É',
        "Ecirc" => 'Ê',
        "Euml" => 'Ë',
        "Igrave" => 'Ì',
        "Iacute" => 'Í',
        "Icirc" => 'Î',
        "Iuml" => 'Ï',
        "ETH" => 'Ð',
        "Ntilde" => 'Ñ',
        "Ograve" => 'Ò',
        "Oacute" => 'Ó',
        "Ocirc" => 'Ô',
        "Otilde" => 'Õ',
        "Ouml" => 'Ö',
        "times" => '×',
        "Oslash" => 'Ø',
        "Ugrave" => 'Ù',
        "Uacute" => 'Ú',
        "Ucirc" => 'Û',
        "Uuml" => 'Ü',
        "Yacute" => 'Ý',
        "THORN" => 'Þ',
        "szlig" => 'ß',
        "agrave" => 'à',
        "aacute" => 'á',
        "acirc" => 'â',
        "atilde" => 'ã',
        "auml" => 'ä',
        "aring" => 'å',
        "aelig" => 'æ',
        "ccedil" => 'ç',
        "egrave" => 'è',
        "eacute" => 'é',
        "ecirc" => 'ê',
        "euml" => 'ë',
        "igrave" => 'ì',
        "iacute" => 'í',
        "icirc" => 'î',
        "iuml" => 'ï',
        "eth" => 'ð',
        "ntilde" => 'ñ',
        "ograve" => 'ò',
        "oacute" => 'ó',
        "ocirc" => 'ô',
        "otilde" => 'õ',
        "ouml" => 'ö',
        "divide" => '÷',
        "oslash" => 'ø',
        "ugrave" => 'ù',
        "uacute" => 'ú',
        "ucirc" => 'û',
        "uuml" => 'ü',
        "yacute" => 'ý',
        "thorn" => 'þ',
        "yuml" => 'ÿ',
        // Latin Extended: names of people and places from Central Europe and Turkey.
        "Amacr" => 'Ā',
        "amacr" => 'ā',
        "Abreve" => 'Ă',
        "abreve" => 'ă',
        "Aogon" => 'Ą',
        "aogon" => 'ą',
        "Cacute" => 'Ć',
        "cacute" => 'ć',
        "Ccaron" => 'Č',
        "ccaron" => 'č',
        "Dcaron" => 'Ď',
        "dcaron" => 'ď',
        "Dstrok" => 'Đ',
        "dstrok" => 'đ',
        "Emacr" => 'Ē',
        "emacr" => 'ē',
        "Eogon" => 'Ę',
        "eogon" => 'ę',
        "Ecaron" => 'Ě',
        "ecaron" => 'ě',
        "Gbreve" => 'Ğ',
        "gbreve" => 'ğ',
        "Imacr" => 'Ī',
        "imacr" => 'ī',
        "Idot" => 'İ',
        "imath" | "inodot" => 'ı',
        "Lstrok" => 'Ł',
        "lstrok" => 'ł',
        "Nacute" => 'Ń',
        "nacute" => 'ń',
        "Ncaron" => 'Ň',
        "ncaron" => 'ň',
        "Omacr" => 'Ō',
        "omacr" => 'ō',
        "Odblac" => 'Ő',
        "odblac" => 'ő',
        "OElig" => 'Œ',
        "oelig" => 'œ',
        "Rcaron" => 'Ř',
        "rcaron" => 'ř',
        "Sacute" => 'Ś',
        "sacute" => 'ś',
        "Scedil" => 'Ş',
        "scedil" => 'ş',
        "Scaron" => 'Š',
        "scaron" => 'š',
        "Tcaron" => 'Ť',
        "tcaron" => 'ť',
        "Umacr" => 'Ū',
        "umacr" => 'ū',
        "Uring" => 'Ů',
        "uring" => 'ů',
        "Udblac" => 'Ű',
        "udblac" => 'ű',
        "Yuml" => 'Ÿ',
        "Zacute" => 'Ź',
        "zacute" => 'ź',
        "Zdot" => 'Ż',
        "zdot" => 'ż',
        "Zcaron" => 'Ž',
        "zcaron" => 'ž',
        "fnof" => 'ƒ',
        "circ" => 'ˆ',
        "caron" => 'ˇ',
        "tilde" => '˜',
        // Spaces, dashes, quotes and other typography.
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "numsp" => '\u{2007}',
        "puncsp" => '\u{2008}',
        "thinsp" => '\u{2009}',
        "hairsp" => '\u{200A}',
        "ZeroWidthSpace" => '\u{200B}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "hyphen" | "dash" => '‐',
        "ndash" => '–',
        "mdash" => '—',
        "horbar" => '―',
        "lsquo" => '‘',
        "rsquo" | "rsquor" => '’',
        "sbquo" | "lsquor" => '‚',
        "ldquo" => '“',
        "rdquo" | "rdquor" => '”',
        "bdquo" | "ldquor" => '„',
        "dagger" => '†',
        "Dagger" | "ddagger" => '‡',
        "bull" | "bullet" => '•',
        "hellip" | "mldr" => '…',
        "permil" => '‰',
        "prime" => '′',
        "Prime" => '″',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "oline" => '‾',
        "frasl" => '⁄',
        "euro" => '€',
        "image" => 'ℑ',
        "weierp" => '℘',
        "real" => 'ℜ',
        "trade" | "TRADE" => '™',
        "alefsym" => 'ℵ',
        "larr" => '←',
        "uarr" => '↑',
        "rarr" => '→',
        "darr" => '↓',
        "harr" => '↔',
        "crarr" => '↵',
        "lArr" => '⇐',
        "uArr" => '⇑',
        "rArr" => '⇒',
        "dArr" => '⇓',
        "hArr" => '⇔',
        "forall" => '∀',
        "part" => '∂',
        "exist" => '∃',
        "empty" => '∅',
        "nabla" => '∇',
        "isin" => '∈',
        "notin" => '∉',
        "ni" => '∋',
        "prod" => '∏',
        "sum" => '∑',
        "minus" => '−',
        "lowast" => '∗',
        "radic" => '√',
        "prop" => '∝',
        "infin" => '∞',
        "ang" => '∠',
        "and" => '∧',
        "or" => '∨',
        "cap" => '∩',
        "cup" => '∪',
        "int" => '∫',
        "there4" => '∴',
        "sim" => '∼',
        "cong" => '≅',
        "asymp" => '≈',
        "ne" => '≠',
        "equiv" => '≡',
        "le" => '≤',
        "ge" => '≥',
        "sub" => '⊂',
        "sup" => '⊃',
        "nsub" => '⊄',
        "sube" => '⊆',
        "supe" => '⊇',
        "oplus" => '⊕',
        "otimes" => '⊗',
        "perp" => '⊥',
        "sdot" => '⋅',
        "lceil" => '⌈',
        "rceil" => '⌉',
        "lfloor" => '⌊',
        "rfloor" => '⌋',
        "lang" => '⟨',
        "rang" => '⟩',
        "loz" => '◊',
        "spades" => '♠',
        "clubs" => '♣',
        "hearts" => '♥',
        "diams" => '♦',
        "check" | "checkmark" => '✓',
        "star" => '☆',
        "starf" => '★',
        _ => return greek(name),
    };
    Some(c)
}

fn greek(name: &str) -> Option<char> {
    const UPPER: [&str; 25] = [
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi",
        "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
    ];
    const LOWER: [&str; 25] = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
        "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    ];
    let at = |table: &[&str; 25], base: u32| {
        table
            .iter()
            .position(|n| !n.is_empty() && *n == name)
            .and_then(|i| char::from_u32(base + i as u32))
    };
    at(&UPPER, 0x391).or_else(|| at(&LOWER, 0x3B1)).or(match name {
        "thetasym" => Some('ϑ'),
        "upsih" => Some('ϒ'),
        "piv" => Some('ϖ'),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_numeric_and_invalid() {
        assert_eq!(decode("AT&amp;T &lt;b&gt; &quot;x&quot; &apos;y&apos;"), "AT&T <b> \"x\" 'y'");
        assert_eq!(
            decode("NATO&rsquo;s &ldquo;cyber&rdquo; centre &mdash; Tallinn&hellip;"),
            "NATO’s “cyber” centre — Tallinn…"
        );
        assert_eq!(
            decode("Mus&eacute;e, Mal&ccedil;, Wa&lstrok;&eogon;sa"),
            "Musée, Malç, Wałęsa"
        );
        assert_eq!(decode("&#8217; &#x2019; &#X2019; &#146; &#65"), "’ ’ ’ ’ A");
        assert_eq!(decode("&Omega;&omega;&sigmaf;&pi;"), "Ωωςπ");
        // Not references: kept as written.
        assert_eq!(
            decode("AT&T & Co; &nosuch; &amp &#0; &#xD800; &#x110000; &#; &"),
            "AT&T & Co; &nosuch; &amp &#0; &#xD800; &#x110000; &#; &"
        );
        assert_eq!(decode("&#999999999999;"), "&#999999999999;");
    }
}
