//! Markdown to plain text: the CommonMark and GitHub constructs news articles are written
//! with, read line by line, not a full CommonMark parser.
//!
//! YAML (`---`) or TOML (`+++`) front matter gives the title, date, source and URL. `#` and
//! underlined headings become headings (the first `#` is the title when the front matter has
//! none); each list item and table row is a block; block quotes and code are paragraphs;
//! hard-wrapped lines are joined. Inline, the text of links stays and their targets go, images
//! go (an image alone on its line whose alt text reads as a caption becomes a caption),
//! emphasis and code markers go, character references are decoded and HTML tags are dropped.

use super::blocks::credit_of;
use super::convert::{Converted, Hints, Piece, find_url, is_http_url, is_source_line};
use super::{entities, html};
use crate::document::BlockKind;
use std::collections::HashMap;

/// How far ahead an autolink (`<https://...>`) looks for its `>`; beyond, the `<` is text.
const LOOKAHEAD: usize = 4096;

pub(super) fn convert(src: &str) -> Converted {
    let (mut hints, body) = front_matter(src);
    let body = strip_comments(body);
    let refs = reference_definitions(&body);
    let mut p = Parser {
        refs: &refs,
        pieces: Vec::new(),
        open: None,
        h1: None,
        source_url: None,
    };
    for line in body.lines() {
        p.line(line);
    }
    p.close();
    hints.title = hints.title.or(p.h1);
    hints.url = hints.url.or(p.source_url);
    Converted { pieces: p.pieces, hints }
}

// ---------------------------------------------------------------------------------------------
// Front matter

fn front_matter(src: &str) -> (Hints, &str) {
    let mut hints = Hints::default();
    let mut lines = src.split_inclusive('\n');
    let Some(first) = lines.next() else { return (hints, src) };
    let (fence, separator) = match first.trim_end() {
        "---" => ("---", ':'),
        "+++" => ("+++", '='),
        _ => return (hints, src),
    };
    let mut offset = first.len();
    let mut entries = Vec::new();
    let mut closed = false;
    for line in lines {
        offset += line.len();
        let t = line.trim_end();
        if t == fence || (fence == "---" && t == "...") {
            closed = true;
            break;
        }
        if line.starts_with([' ', '\t', '-', '#']) || t.is_empty() {
            continue;
        }
        let Some((key, value)) = t.split_once(separator) else {
            return (Hints::default(), src);
        };
        let key = key.trim();
        if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') {
            return (Hints::default(), src);
        }
        entries.push((key.to_ascii_lowercase(), unquote(value.trim())));
    }
    if !closed || entries.is_empty() {
        return (Hints::default(), src);
    }
    for (key, value) in entries {
        if value.is_empty() || value == "|" || value == ">" {
            continue;
        }
        let slot = match key.as_str() {
            "title" | "headline" => &mut hints.title,
            "date" | "published" | "pubdate" | "publishdate" | "publish_date" | "published_at" | "date_published" => {
                &mut hints.date
            }
            "source" | "publisher" | "site" | "site_name" | "outlet" | "publication" if is_http_url(&value) => &mut hints.url,
            "source" | "publisher" | "site" | "site_name" | "outlet" | "publication" => &mut hints.publisher,
            "url" | "link" | "canonical" | "canonical_url" | "permalink" | "source_url" | "original_url"
                if is_http_url(&value) =>
            {
                &mut hints.url
            }
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    (hints, &src[offset..])
}

fn unquote(v: &str) -> String {
    let inner = ['"', '\'']
        .iter()
        .find_map(|&q| v.strip_prefix(q).and_then(|r| r.strip_suffix(q)));
    match inner {
        Some(s) => s.replace("\\\"", "\"").replace("''", "'"),
        None => v.to_string(),
    }
}

/// HTML comments out, wherever they are; an unclosed one is left as text.
fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("<!--") {
        let Some(close) = rest[open + 2..].find("-->") else { break };
        out.push_str(&rest[..open]);
        rest = &rest[open + 2 + close + 3..];
    }
    out.push_str(rest);
    out
}

type Refs = HashMap<String, String>;

/// `[label]: url` lines, by normalised label.
fn reference_definitions(body: &str) -> Refs {
    body.lines().filter_map(reference_definition).collect()
}

fn reference_definition(line: &str) -> Option<(String, String)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let rest = t.strip_prefix('[')?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    if label.is_empty() || label.starts_with('^') || label.contains(['[', ']']) {
        return None;
    }
    let url = rest[close + 2..].split_whitespace().next()?;
    Some((normalize_label(label), url.trim_matches(['<', '>']).to_string()))
}

fn normalize_label(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

// ---------------------------------------------------------------------------------------------
// Blocks

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenKind {
    Paragraph,
    Item,
    Fence { ch: u8, len: usize },
}

#[derive(Debug)]
struct OpenBlock {
    kind: OpenKind,
    text: String,
    quote: bool,
}

struct Parser<'r> {
    refs: &'r Refs,
    pieces: Vec<Piece>,
    open: Option<OpenBlock>,
    h1: Option<String>,
    source_url: Option<String>,
}

impl Parser<'_> {
    fn line(&mut self, raw: &str) {
        if let Some(OpenBlock {
            kind: OpenKind::Fence { ch, len },
            quote,
            text,
        }) = &mut self.open
        {
            let content = if *quote { strip_quote_markers(raw).1 } else { raw };
            if is_fence_close(content, *ch, *len) {
                self.close();
            } else {
                text.push('\n');
                text.push_str(content);
            }
            return;
        }
        if reference_definition(raw).is_some() {
            self.close();
            return;
        }
        let (quote, rest) = strip_quote_markers(raw);
        if self.open.as_ref().is_some_and(|b| b.quote != quote) {
            self.close();
        }
        let t = rest.trim();
        if t.is_empty() {
            self.close();
            return;
        }
        if let Some((ch, len)) = fence_open(rest) {
            self.close();
            self.open = Some(OpenBlock {
                kind: OpenKind::Fence { ch, len },
                text: String::new(),
                quote,
            });
            return;
        }
        if let Some((level, text)) = atx_heading(rest) {
            self.close();
            self.heading(level, text);
            return;
        }
        if let Some(level) = setext_underline(t)
            && let Some(OpenBlock {
                kind: OpenKind::Paragraph,
                ..
            }) = &self.open
        {
            if let Some(block) = self.open.take() {
                self.heading(level, &block.text);
            }
            return;
        }
        if is_thematic_break(t) {
            self.close();
            return;
        }
        if let Some((number, item)) = list_item(rest) {
            // As in CommonMark, only "1." starts a numbered list inside a paragraph, so that a
            // wrapped line beginning "2019. The ..." stays in its paragraph.
            let in_paragraph = matches!(
                self.open,
                Some(OpenBlock {
                    kind: OpenKind::Paragraph,
                    ..
                })
            );
            if !in_paragraph || number.is_none_or(|n| n == 1) {
                self.close();
                self.open = Some(OpenBlock {
                    kind: OpenKind::Item,
                    text: strip_task(item).to_string(),
                    quote,
                });
                return;
            }
        }
        if t.starts_with('|') {
            self.close();
            self.table_row(t);
            return;
        }
        match &mut self.open {
            Some(b) => {
                b.text.push('\n');
                b.text.push_str(t);
            }
            None => {
                self.open = Some(OpenBlock {
                    kind: OpenKind::Paragraph,
                    text: t.to_string(),
                    quote,
                })
            }
        }
    }

    fn heading(&mut self, level: usize, raw: &str) {
        let text = inline(raw, self.refs);
        if level == 1 && self.h1.is_none() && !text.trim().is_empty() {
            self.h1 = Some(text.clone());
        }
        self.pieces.push(Piece::new(Some(BlockKind::Heading), text));
    }

    fn table_row(&mut self, row: &str) {
        let row = row.trim_start_matches('|');
        let row = row.strip_suffix('|').filter(|r| !r.ends_with('\\')).unwrap_or(row);
        let cells: Vec<&str> = split_cells(row).into_iter().map(str::trim).collect();
        let separator = cells.iter().all(|c| c.trim_matches(':').chars().all(|ch| ch == '-'));
        if !separator {
            let text = cells
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| inline(c, self.refs))
                .collect::<Vec<_>>()
                .join(" | ");
            self.pieces.push(Piece::new(Some(BlockKind::Paragraph), text));
        }
    }

    fn close(&mut self) {
        let Some(block) = self.open.take() else { return };
        if self.source_url.is_none() && is_source_line(&block.text) {
            self.source_url = find_url(&block.text).map(str::to_string);
        }
        let piece = match block.kind {
            OpenKind::Fence { .. } => Piece::new(Some(BlockKind::Paragraph), block.text),
            OpenKind::Item => Piece::new(Some(BlockKind::Paragraph), inline(&block.text, self.refs)),
            OpenKind::Paragraph => match image_alone(&block.text, self.refs) {
                Some(alt) if credit_of(alt).is_some() || alt.split_whitespace().count() >= 5 => {
                    Piece::new(Some(BlockKind::Caption), inline(alt, self.refs))
                }
                Some(_) => return,
                None => Piece::new(None, inline(&block.text, self.refs)),
            },
        };
        self.pieces.push(piece);
    }
}

/// `> > text` → (true, "text").
fn strip_quote_markers(line: &str) -> (bool, &str) {
    let mut rest = line;
    let mut quoted = false;
    loop {
        let t = rest.trim_start_matches([' ', '\t']);
        match t.strip_prefix('>') {
            Some(r) => {
                quoted = true;
                rest = r.strip_prefix(' ').unwrap_or(r);
            }
            None => return (quoted, if quoted { rest } else { line }),
        }
    }
}

fn fence_open(line: &str) -> Option<(u8, usize)> {
    let t = line.trim_start();
    let ch = *t.as_bytes().first().filter(|c| matches!(c, b'`' | b'~'))?;
    let len = t.bytes().take_while(|&c| c == ch).count();
    (len >= 3 && !(ch == b'`' && t[len..].contains('`'))).then_some((ch, len))
}

fn is_fence_close(line: &str, ch: u8, len: usize) -> bool {
    let t = line.trim();
    t.len() >= len && t.bytes().all(|c| c == ch)
}

/// `## Text ##` → (2, "Text").
fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    let level = t.bytes().take_while(|&c| c == b'#').count();
    if !(1..=6).contains(&level) || !t[level..].is_empty() && !t[level..].starts_with([' ', '\t']) {
        return None;
    }
    let content = t[level..].trim();
    let without_closing = content.trim_end_matches('#');
    let content = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        content
    };
    Some((level, content))
}

fn setext_underline(t: &str) -> Option<usize> {
    let level = match t.as_bytes().first()? {
        b'=' => 1,
        b'-' => 2,
        _ => return None,
    };
    let ch = t.as_bytes()[0];
    (t.len() >= 2 && t.bytes().all(|c| c == ch)).then_some(level)
}

fn is_thematic_break(t: &str) -> bool {
    let Some(&ch) = t.as_bytes().first().filter(|c| matches!(c, b'*' | b'-' | b'_')) else {
        return false;
    };
    t.bytes().all(|c| c == ch || c == b' ' || c == b'\t') && t.bytes().filter(|&c| c == ch).count() >= 3
}

/// `- text`, `* text`, `+ text`, `12. text`, `3) text` → (number, text).
fn list_item(line: &str) -> Option<(Option<u32>, &str)> {
    let t = line.trim_start();
    let b = t.as_bytes();
    let after_marker = |at: usize| match b.get(at) {
        None => Some(""),
        Some(b' ' | b'\t') => Some(t[at..].trim_start()),
        Some(_) => None,
    };
    match b.first()? {
        b'-' | b'*' | b'+' => after_marker(1).map(|rest| (None, rest)),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits > 9 || !matches!(b.get(digits), Some(b'.' | b')')) {
                return None;
            }
            let number = t[..digits].parse().ok()?;
            after_marker(digits + 1).map(|rest| (Some(number), rest))
        }
        _ => None,
    }
}

fn strip_task(item: &str) -> &str {
    ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|p| item.strip_prefix(p))
        .unwrap_or(item)
}

/// Cells of a table row, split at pipes that are not escaped or inside code.
fn split_cells(row: &str) -> Vec<&str> {
    let mut cells = Vec::new();
    let mut start = 0;
    let mut in_code = false;
    let mut escaped = false;
    for (i, c) in row.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => in_code = !in_code,
            '|' if !in_code => {
                cells.push(&row[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    cells.push(&row[start..]);
    cells
}

/// The alt text of a paragraph that is only an image (possibly inside a link).
fn image_alone<'a>(text: &'a str, refs: &Refs) -> Option<&'a str> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix('!') {
        let link = link_at(inner, 0, refs, &Pairs::of(inner))?;
        return (link.end == inner.len()).then(|| &inner[link.text.clone()]);
    }
    let link = link_at(t, 0, refs, &Pairs::of(t))?;
    if link.end != t.len() {
        return None;
    }
    let inner = t[link.text].trim().strip_prefix('!')?;
    let image = link_at(inner, 0, refs, &Pairs::of(inner))?;
    (image.end == inner.len()).then(|| &inner[image.text])
}

// ---------------------------------------------------------------------------------------------
// Inline

/// A link or image at `i` (where `s` has a `[`): where its text lies and where it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Link {
    text: std::ops::Range<usize>,
    end: usize,
    /// A footnote reference, `[^1]`: dropped whole.
    footnote: bool,
}

/// The brackets, parentheses and backtick runs of one paragraph, paired in one pass, so that
/// no construct searches for its end more than once (`[[[[...` stays linear).
struct Pairs {
    brackets: HashMap<usize, usize>,
    parens: HashMap<usize, usize>,
    /// The start of each backtick run → the start of the next run of the same length.
    ticks: HashMap<usize, usize>,
}

impl Pairs {
    fn of(s: &str) -> Pairs {
        let b = s.as_bytes();
        let (mut brackets, mut parens) = (HashMap::new(), HashMap::new());
        let (mut open_brackets, mut open_parens) = (Vec::new(), Vec::new());
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\\' if b.get(i + 1).is_some_and(|c| matches!(c, b'[' | b']' | b'(' | b')')) => i += 1,
                b'[' => open_brackets.push(i),
                b']' => {
                    if let Some(o) = open_brackets.pop() {
                        brackets.insert(o, i);
                    }
                }
                b'(' => open_parens.push(i),
                b')' => {
                    if let Some(o) = open_parens.pop() {
                        parens.insert(o, i);
                    }
                }
                b'`' => {
                    let n = b[i..].iter().take_while(|&&c| c == b'`').count();
                    runs.push((i, n));
                    i += n;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        let mut ticks = HashMap::new();
        let mut next_of_length: HashMap<usize, usize> = HashMap::new();
        for &(start, n) in runs.iter().rev() {
            if let Some(&next) = next_of_length.get(&n) {
                ticks.insert(start, next);
            }
            next_of_length.insert(n, start);
        }
        Pairs { brackets, parens, ticks }
    }
}

fn link_at(s: &str, i: usize, refs: &Refs, pairs: &Pairs) -> Option<Link> {
    let b = s.as_bytes();
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let close = *pairs.brackets.get(&i)?;
    let text = i + 1..close;
    match b.get(close + 1) {
        Some(b'(') => {
            if let Some(&end) = pairs.parens.get(&(close + 1)) {
                return Some(Link {
                    text,
                    end: end + 1,
                    footnote: false,
                });
            }
        }
        Some(b'[') => {
            if let Some(&label_end) = pairs.brackets.get(&(close + 1)) {
                let label = &s[close + 2..label_end];
                let label = if label.is_empty() { &s[text.clone()] } else { label };
                if refs.contains_key(&normalize_label(label)) {
                    return Some(Link {
                        text,
                        end: label_end + 1,
                        footnote: false,
                    });
                }
            }
        }
        _ => {}
    }
    let label = &s[text.clone()];
    if label.starts_with('^') && !label.contains(char::is_whitespace) {
        return Some(Link {
            text,
            end: close + 1,
            footnote: true,
        });
    }
    refs.contains_key(&normalize_label(label)).then_some(Link {
        text,
        end: close + 1,
        footnote: false,
    })
}

/// `<https://example.org>` or `<name@example.org>`: where it ends.
fn autolink_at(s: &str, i: usize) -> Option<usize> {
    let rest = &s[i + 1..];
    let end = rest
        .find(|c: char| c == '>' || c == '<' || c.is_whitespace())
        .filter(|&n| n < LOOKAHEAD)?;
    if rest.as_bytes()[end] != b'>' {
        return None;
    }
    let inner = &rest[..end];
    let scheme_ok = inner.split_once(':').is_some_and(|(scheme, _)| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    let email_ok = inner
        .split_once('@')
        .is_some_and(|(a, d)| !a.is_empty() && d.contains('.') && !inner.contains(':'));
    (scheme_ok || email_ok).then_some(i + 1 + end + 1)
}

#[derive(Debug)]
enum Segment {
    Text(String),
    Delimiter { run: String, open: bool, close: bool },
}

/// Inline Markdown to plain text.
fn inline(s: &str, refs: &Refs) -> String {
    let b = s.as_bytes();
    let pairs = Pairs::of(s);
    let ends = html::Ends::of(s);
    let mut segments: Vec<Segment> = Vec::new();
    let mut text = String::with_capacity(s.len());
    // Where the text of an open link ends, and where its `](target)` ends.
    let mut link_tails: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(k) = link_tails.iter().position(|&(at, _)| at == i) {
            i = link_tails.swap_remove(k).1;
            continue;
        }
        match b[i] {
            b'\\' => match b.get(i + 1) {
                Some(&n) if n.is_ascii_punctuation() => {
                    text.push(char::from(n));
                    i += 2;
                }
                Some(b'\n') => {
                    text.push(' ');
                    i += 2;
                }
                _ => {
                    text.push('\\');
                    i += 1;
                }
            },
            b'`' => {
                let run = b[i..].iter().take_while(|&&c| c == b'`').count();
                match pairs.ticks.get(&i).copied() {
                    Some(close) => {
                        let code = s[i + run..close].replace('\n', " ");
                        text.push_str(code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')).unwrap_or(&code));
                        i = close + run;
                    }
                    None => {
                        text.push_str(&s[i..i + run]);
                        i += run;
                    }
                }
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match link_at(s, i + 1, refs, &pairs) {
                Some(image) => i = image.end,
                None => {
                    text.push('!');
                    i += 1;
                }
            },
            b'[' => match link_at(s, i, refs, &pairs) {
                Some(link) if link.footnote => i = link.end,
                Some(link) => {
                    if link_tails.len() > 64 {
                        link_tails.retain(|&(at, _)| at > i);
                    }
                    link_tails.push((link.text.end, link.end));
                    i += 1;
                }
                None => {
                    text.push('[');
                    i += 1;
                }
            },
            b'<' => {
                if let Some(end) = autolink_at(s, i) {
                    text.push_str(&s[i + 1..end - 1]);
                    i = end;
                } else if let Some((end, breaks)) = html::skip_markup_at(s, i, ends) {
                    if breaks {
                        text.push(' ');
                    }
                    i = end;
                } else {
                    text.push('<');
                    i += 1;
                }
            }
            b'&' => match entities::reference_at(&s[i..]) {
                Some((c, len)) => {
                    text.push(c);
                    i += len;
                }
                None => {
                    text.push('&');
                    i += 1;
                }
            },
            ch @ (b'*' | b'_' | b'~') => {
                let run = b[i..].iter().take_while(|&&c| c == ch).count();
                let before = s[..i].chars().next_back();
                let after = s[i + run..].chars().next();
                let open = after.is_some_and(|c| !c.is_whitespace());
                let close = before.is_some_and(|c| !c.is_whitespace());
                let intraword =
                    ch == b'_' && before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
                if (open || close) && !intraword && (ch != b'~' || run == 2) {
                    segments.push(Segment::Text(std::mem::take(&mut text)));
                    segments.push(Segment::Delimiter {
                        run: s[i..i + run].to_string(),
                        open,
                        close,
                    });
                } else {
                    text.push_str(&s[i..i + run]);
                }
                i += run;
            }
            b'\n' => {
                text.push(' ');
                i += 1;
            }
            b']' => {
                text.push(']');
                i += 1;
            }
            _ => {
                let start = i;
                i += 1;
                while i < b.len()
                    && !matches!(
                        b[i],
                        b'\\' | b'`' | b'!' | b'[' | b']' | b'<' | b'&' | b'*' | b'_' | b'~' | b'\n'
                    )
                {
                    i += 1;
                }
                text.push_str(&s[start..i]);
            }
        }
    }
    segments.push(Segment::Text(text));
    resolve_emphasis(segments)
}

/// Drops the emphasis delimiters that pair up; the others are text.
fn resolve_emphasis(segments: Vec<Segment>) -> String {
    let mut used = vec![false; segments.len()];
    let mut openers: HashMap<char, Vec<usize>> = HashMap::new();
    for (i, seg) in segments.iter().enumerate() {
        if let Segment::Delimiter { run, open, close } = seg {
            let ch = run.chars().next().unwrap_or('*');
            let stack = openers.entry(ch).or_default();
            if *close && !stack.is_empty() {
                if let Some(o) = stack.pop() {
                    used[o] = true;
                    used[i] = true;
                }
            } else if *open {
                stack.push(i);
            }
        }
    }
    let mut out = String::new();
    for (seg, used) in segments.iter().zip(used) {
        match seg {
            Segment::Text(t) => out.push_str(t),
            Segment::Delimiter { run, .. } if !used => out.push_str(run),
            Segment::Delimiter { .. } => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::convert::clean_line;

    fn md(s: &str) -> String {
        inline(s, &Refs::new())
    }

    fn pieces(src: &str) -> Vec<(Option<BlockKind>, String)> {
        convert(src)
            .pieces
            .into_iter()
            .map(|p| (p.kind, clean_line(&p.text)))
            .collect()
    }

    #[test]
    fn inline_markup_goes_text_stays() {
        assert_eq!(md("**NATO**'s *cyber* centre"), "NATO's cyber centre");
        assert_eq!(
            md("the [CCDCOE](https://ccdcoe.org \"t\") in _Tallinn_"),
            "the CCDCOE in Tallinn"
        );
        assert_eq!(md("a ![logo](x.png) b"), "a  b");
        assert_eq!(md("`<script>` and `` a`b ``"), "<script> and a`b");
        assert_eq!(md("snake_case_name and 2 * 3 * 4"), "snake_case_name and 2 * 3 * 4");
        assert_eq!(md("AT&amp;T &mdash; <b>bold</b> <br>x"), "AT&T — bold  x");
        assert_eq!(md("\\*not emphasis\\* and ~~gone~~"), "*not emphasis* and gone");
        assert_eq!(md("see <https://example.org/a> now"), "see https://example.org/a now");
        assert_eq!(
            md("[unclosed link and [x] and ]( and *"),
            "[unclosed link and [x] and ]( and *"
        );
        assert_eq!(md("note[^1] here"), "note here");
        assert_eq!(md("[a [nested] b](u)"), "a [nested] b");
    }

    #[test]
    fn reference_links() {
        let refs: Refs = [("yonhap".to_string(), "https://en.yna.co.kr".to_string())].into();
        assert_eq!(
            inline("per [Yonhap][] and [the agency][yonhap] and [Yonhap]", &refs),
            "per Yonhap and the agency and Yonhap"
        );
    }

    #[test]
    fn blocks_lists_quotes_code_tables() {
        let src = "Intro line one\ncontinues here.\n\n- first item\n- second\n  wrapped\n1. numbered\n\n> quoted\n> text\n\n```rust\nlet x = 1;\n```\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n***\n\nSubtitle\n--------\n";
        assert_eq!(
            pieces(src),
            vec![
                (None, "Intro line one continues here.".to_string()),
                (Some(BlockKind::Paragraph), "first item".to_string()),
                (Some(BlockKind::Paragraph), "second wrapped".to_string()),
                (Some(BlockKind::Paragraph), "numbered".to_string()),
                (None, "quoted text".to_string()),
                (Some(BlockKind::Paragraph), "let x = 1;".to_string()),
                (Some(BlockKind::Paragraph), "a | b".to_string()),
                (Some(BlockKind::Paragraph), "1 | 2".to_string()),
                (Some(BlockKind::Heading), "Subtitle".to_string()),
            ]
        );
    }

    #[test]
    fn wrapped_year_is_not_a_list() {
        assert_eq!(
            pieces("It happened in\n2019. The end."),
            vec![(None, "It happened in 2019. The end.".to_string())]
        );
    }

    #[test]
    fn front_matter_yaml_and_toml() {
        let c = convert(
            "---\ntitle: \"Seoul joins\"\ndate: 2023-06-02\nsource: Yonhap\nurl: https://x.org/a\ntags:\n  - a\n---\nBody.\n",
        );
        assert_eq!(c.hints.title.as_deref(), Some("Seoul joins"));
        assert_eq!(c.hints.date.as_deref(), Some("2023-06-02"));
        assert_eq!(c.hints.publisher.as_deref(), Some("Yonhap"));
        assert_eq!(c.hints.url.as_deref(), Some("https://x.org/a"));
        let c = convert("+++\ntitle = 'T'\n+++\nBody.\n");
        assert_eq!(c.hints.title.as_deref(), Some("T"));
        // A thematic break that opens the text is not front matter.
        let c = convert("---\nJust text\n---\n");
        assert_eq!(c.hints, Hints::default());
    }

    #[test]
    fn images_alone_and_captions() {
        let p = pieces(
            "![Protesters in Seoul in 2019. Photo: AFP](p.jpg)\n\n![logo](l.png)\n\n[![Tanks fire live rounds near the border](t.jpg)](big.jpg)\n",
        );
        assert_eq!(
            p,
            vec![
                (
                    Some(BlockKind::Caption),
                    "Protesters in Seoul in 2019. Photo: AFP".to_string()
                ),
                (Some(BlockKind::Caption), "Tanks fire live rounds near the border".to_string()),
            ]
        );
    }

    #[test]
    fn unusual_input_does_not_break() {
        for s in [
            "",
            "#",
            "# ",
            "######## x",
            ">>>>>>",
            "```",
            "~~~\n",
            "- ",
            "1.",
            "|",
            "||",
            "[",
            "![",
            "<",
            "`",
            "\\",
            "---\n---\n",
            "[]()",
            "[x]:",
        ] {
            let _ = convert(s);
        }
    }
}
