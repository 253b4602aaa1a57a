//! Just enough XML writing for GEXF and GraphML: escaping and attribute lists.

/// Appends `s` escaped for XML text or a double-quoted attribute value: the five special
/// characters become entities; tab, newline and carriage return become character references
/// (so attribute-value normalisation keeps them); characters XML 1.0 forbids (most C0
/// controls, U+FFFE, U+FFFF) become U+FFFD.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
}

/// XML 1.0's `Char` production (tab, newline and CR are handled before).
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Appends ` name="value"`, escaped.
pub(crate) fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value);
    out.push('"');
}

/// Appends `<name a="1" b="2"/>` or, with `close` false, `<name a="1" b="2">`.
pub(crate) fn tag(out: &mut String, indent: usize, name: &str, attrs: &[(&str, &str)], close: bool) {
    for _ in 0..indent {
        out.push_str("  ");
    }
    out.push('<');
    out.push_str(name);
    for (k, v) in attrs {
        attr(out, k, v);
    }
    out.push_str(if close { "/>\n" } else { ">\n" });
}

pub(crate) fn end(out: &mut String, indent: usize, name: &str) {
    for _ in 0..indent {
        out.push_str("  ");
    }
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_specials_and_replaces_forbidden_characters() {
        let mut out = String::new();
        escape_into(&mut out, "a&b<c>d\"e'f\tg\nh\ri\u{1}j\u{FFFE}k é 🙂");
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i\u{FFFD}j\u{FFFD}k é 🙂");
    }
}
