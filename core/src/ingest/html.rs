//! HTML to plain text: a small, forgiving tag stripper, not a browser.
//!
//! Text is read in document order and cut into blocks at block elements (`p`, `div`, `h1`–`h6`,
//! `li`, `br`, ...). The content of scripts, styles, navigation, footers, hidden elements and
//! the like is never text. What looks like boilerplate by its class, id or role (cookie
//! banners, share bars, "related" lists) is dropped unless that would drop most of the page,
//! and when an `<article>` (or `<main>`) holds a good part of the text, only its text is kept.
//! Metadata comes from `<meta>` tags (Open Graph, `article:published_time`, `author`, ...),
//! `<link rel="canonical">`, `<title>`, `<h1>` and `<time datetime>`.
//!
//! Malformed markup never fails: a `<` that does not open a tag is text, an unclosed comment
//! ends at the next `>`, a quote-aware attribute reader lets `>` appear inside values, and
//! end tags close the nearest open element of their name or are ignored.

use super::convert::{Converted, Hints, Piece, clean_line, find_url, is_http_url, is_source_line};
use super::entities;
use crate::document::BlockKind;

/// Open elements kept at most; deeper ones still cut blocks but are not tracked.
const MAX_DEPTH: usize = 256;
/// Attributes kept per tag; more are read past.
const MAX_ATTRS: usize = 32;

pub(super) fn convert(html: &str) -> Converted {
    let mut w = Walker::default();
    let mut lexer = Lexer::new(html);
    while let Some(token) = lexer.next_token() {
        w.token(token);
    }
    w.flush();
    w.finish()
}

// ---------------------------------------------------------------------------------------------
// Lexer

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tag {
    /// Lower-cased.
    pub name: String,
    /// Lower-cased names, values with character references decoded.
    pub attrs: Vec<(String, String)>,
    pub self_closing: bool,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token<'a> {
    /// Text with character references still to decode.
    Text(&'a str),
    /// CDATA content: text as written.
    Literal(&'a str),
    Start(Tag),
    End(String),
    /// The content of a raw-text element (`script`, `style`, `title`, `textarea`, ...).
    Raw {
        name: String,
        content: &'a str,
    },
    Comment,
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
    raw: Option<String>,
    ends: Ends,
    /// Raw-text elements whose end tag is known to be missing after a position.
    missing_ends: Vec<(String, usize)>,
}

/// Where the last `>`, quotes and `-->` of a text are. A search for one of them that starts
/// past it fails at once instead of running to the end of the text, so that markup which never
/// closes (`<a<a<a...`) costs linear time, not quadratic.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ends {
    gt: Option<usize>,
    double_quote: Option<usize>,
    single_quote: Option<usize>,
    comment: Option<usize>,
}

impl Ends {
    pub(super) fn of(s: &str) -> Ends {
        Ends {
            gt: s.rfind('>'),
            double_quote: s.rfind('"'),
            single_quote: s.rfind('\''),
            comment: s.rfind("-->"),
        }
    }

    fn has(last: Option<usize>, from: usize) -> bool {
        last.is_some_and(|l| l >= from)
    }
}

impl<'a> Lexer<'a> {
    fn new(s: &'a str) -> Lexer<'a> {
        Lexer {
            s,
            pos: 0,
            raw: None,
            ends: Ends::of(s),
            missing_ends: Vec::new(),
        }
    }

    fn next_token(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        if let Some(name) = self.raw.take() {
            let from = self.pos;
            let known_missing = self.missing_ends.iter().any(|(n, p)| *n == name && *p <= from);
            let found = if known_missing { None } else { raw_content(s, from, &name) };
            let (content, after) = match found {
                Some(found) => found,
                None => {
                    if !known_missing {
                        self.missing_ends.push((name.clone(), from));
                    }
                    // Without its end tag a raw-text element runs to the end, as in a browser;
                    // but an unclosed title ends at the next tag rather than take the page.
                    let end = if name == "title" {
                        s[from..].find('<').map_or(s.len(), |i| from + i)
                    } else {
                        s.len()
                    };
                    (&s[from..end], end)
                }
            };
            self.pos = after;
            return Some(Token::Raw { name, content });
        }
        if self.pos >= s.len() {
            return None;
        }
        let start = self.pos;
        if s.as_bytes()[start] == b'<'
            && let Some((token, end)) = markup_at(s, start, self.ends)
        {
            self.pos = end;
            if let Token::Start(tag) = &token
                && !tag.self_closing
                && is_raw_text(&tag.name)
            {
                self.raw = Some(tag.name.clone());
            }
            return Some(token);
        }
        // Text up to the next `<` (a `<` that opens no markup is text too).
        let from = if s.as_bytes()[start] == b'<' { start + 1 } else { start };
        let end = s[from..].find('<').map_or(s.len(), |i| from + i);
        self.pos = end;
        Some(Token::Text(&s[start..end]))
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// The markup that starts at `i` (where `s` has a `<`) and where it ends, or `None` when the
/// `<` is just a character of the text.
fn markup_at(s: &str, i: usize, ends: Ends) -> Option<(Token<'_>, usize)> {
    let b = s.as_bytes();
    let rest = &b[i..];
    let after = |from: usize, pat: &str| {
        let last = match pat {
            ">" => ends.gt,
            "-->" => ends.comment,
            _ => Some(usize::MAX),
        };
        if !Ends::has(last, from) {
            return None;
        }
        s.get(from..).and_then(|t| t.find(pat)).map(|k| from + k)
    };
    if rest.starts_with(b"<!--") {
        // An unclosed comment ends at the next `>` rather than swallowing the page.
        let end = after(i + 2, "-->")
            .map(|k| k + 3)
            .or_else(|| after(i + 4, ">").map(|k| k + 1))
            .unwrap_or(s.len());
        return Some((Token::Comment, end));
    }
    if rest.starts_with(b"<![CDATA[") {
        return Some(match after(i + 9, "]]>") {
            Some(k) => (Token::Literal(&s[i + 9..k]), k + 3),
            None => (Token::Literal(&s[i + 9..]), s.len()),
        });
    }
    match rest.get(1) {
        Some(b'!' | b'?') => Some((Token::Comment, after(i + 2, ">").map_or(s.len(), |k| k + 1))),
        Some(b'/') => match rest.get(2) {
            Some(c) if c.is_ascii_alphabetic() => {
                if !Ends::has(ends.gt, i) {
                    return None;
                }
                let name_end = (i + 2..b.len())
                    .find(|&j| is_space(b[j]) || b[j] == b'/' || b[j] == b'>')
                    .unwrap_or(b.len());
                let close = after(name_end, ">")?;
                Some((Token::End(s[i + 2..name_end].to_ascii_lowercase()), close + 1))
            }
            Some(b'>') => Some((Token::Comment, i + 3)),
            Some(_) => Some((Token::Comment, after(i + 2, ">")? + 1)),
            None => None,
        },
        Some(c) if c.is_ascii_alphabetic() => start_tag(s, i, ends).map(|(tag, end)| (Token::Start(tag), end)),
        _ => None,
    }
}

/// A start tag at `i`, read attribute by attribute so that a `>` inside a quoted value does not
/// end it. A tag that never ends is not a tag.
fn start_tag(s: &str, i: usize, ends: Ends) -> Option<(Tag, usize)> {
    if !Ends::has(ends.gt, i) {
        return None;
    }
    let b = s.as_bytes();
    let n = b.len();
    let mut j = i + 1;
    while j < n && !is_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    let name = s[i + 1..j].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while j < n && (is_space(b[j]) || b[j] == b'/') {
            j += 1;
        }
        if j >= n {
            return None;
        }
        if b[j] == b'>' {
            j += 1;
            break;
        }
        let name_start = j;
        j += 1;
        while j < n && !is_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let attr_name = &s[name_start..j];
        while j < n && is_space(b[j]) {
            j += 1;
        }
        let mut value = "";
        if j < n && b[j] == b'=' {
            j += 1;
            while j < n && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                None => return None,
                Some(&q @ (b'"' | b'\'')) => {
                    let last = if q == b'"' { ends.double_quote } else { ends.single_quote };
                    if !Ends::has(last, j + 1) {
                        return None;
                    }
                    let close = j + 1 + b[j + 1..].iter().position(|&c| c == q)?;
                    value = &s[j + 1..close];
                    j = close + 1;
                }
                Some(_) => {
                    let v = j;
                    while j < n && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    value = &s[v..j];
                }
            }
        }
        if attrs.len() < MAX_ATTRS {
            attrs.push((attr_name.to_ascii_lowercase(), entities::decode(value)));
        }
    }
    let self_closing = j >= i + 3 && b[j - 2] == b'/';
    Some((
        Tag {
            name,
            attrs,
            self_closing,
        },
        j,
    ))
}

/// The content of a raw-text element that starts at `from`, and where its end tag ends; `None`
/// when it has no end tag.
fn raw_content<'a>(s: &'a str, from: usize, name: &str) -> Option<(&'a str, usize)> {
    let b = s.as_bytes();
    let mut at = from;
    while let Some(k) = s.get(at..).and_then(|t| t.find("</")).map(|k| at + k) {
        let name_end = k + 2 + name.len();
        let matches_name = b
            .get(k + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        if matches_name && b.get(name_end).is_none_or(|&c| is_space(c) || c == b'/' || c == b'>') {
            let end = s[name_end..].find('>').map_or(s.len(), |e| name_end + e + 1);
            return Some((&s[from..k], end));
        }
        at = k + 2;
    }
    None
}

fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "title" | "textarea" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
    )
}

/// Markup at `i` in text that is otherwise not HTML (Markdown): where it ends (a raw-text
/// element is skipped with its content) and whether it breaks the line. `None` when the `<`
/// is text.
pub(super) fn skip_markup_at(s: &str, i: usize, ends: Ends) -> Option<(usize, bool)> {
    let (token, end) = markup_at(s, i, ends)?;
    Some(match token {
        Token::Start(tag) if !tag.self_closing && is_raw_text(&tag.name) => {
            (raw_content(s, end, &tag.name).map_or(s.len(), |r| r.1), true)
        }
        Token::Start(tag) => (end, is_block(&tag.name) || tag.name == "br"),
        Token::End(name) => (end, is_block(&name)),
        _ => (end, false),
    })
}

// ---------------------------------------------------------------------------------------------
// Elements

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements that end a block where they start and where they end.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
            | "option"
            | "head"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose content is never article text.
fn is_hard_skip(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "applet"
            | "canvas"
            | "audio"
            | "video"
            | "select"
            | "textarea"
            | "button"
            | "nav"
            | "footer"
            | "dialog"
            | "frameset"
            | "map"
    )
}

fn allowed_in_head(name: &str) -> bool {
    matches!(
        name,
        "base" | "link" | "meta" | "noscript" | "script" | "style" | "template" | "title" | "head" | "html"
    )
}

/// Hidden by an attribute, or a navigation landmark.
fn hidden_by_attributes(tag: &Tag) -> bool {
    if tag.attr("hidden").is_some() || tag.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return true;
    }
    if let Some(style) = tag.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    let role = tag.attr("role").unwrap_or("").trim().to_ascii_lowercase();
    if matches!(role.as_str(), "navigation" | "menu" | "menubar" | "search" | "contentinfo") {
        return true;
    }
    tag.attr("class").is_some_and(|c| {
        c.split_whitespace().any(|class| {
            matches!(
                class.to_ascii_lowercase().as_str(),
                "hidden"
                    | "d-none"
                    | "is-hidden"
                    | "sr-only"
                    | "visually-hidden"
                    | "visuallyhidden"
                    | "screen-reader-text"
                    | "screen-reader-only"
                    | "a11y-hidden"
                    | "skip-link"
            )
        })
    })
}

/// Words of class names and ids that mark boilerplate: banners, share bars, related links.
const BOILERPLATE_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "paywall",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsor",
    "sponsored",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recommendations",
    "trending",
    "popular",
    "breadcrumb",
    "breadcrumbs",
    "popup",
    "modal",
    "overlay",
    "sidebar",
    "navbar",
    "menu",
    "comments",
    "outbrain",
    "taboola",
    "toolbar",
];

/// Looks like boilerplate by its role, class or id. Only a guess: see [`Walker::finish`].
fn looks_like_boilerplate(tag: &Tag) -> bool {
    if matches!(tag.name.as_str(), "html" | "body" | "main" | "article") {
        return false;
    }
    let role = tag.attr("role").unwrap_or("").trim().to_ascii_lowercase();
    if matches!(role.as_str(), "banner" | "complementary" | "dialog" | "alertdialog") || tag.name == "aside" {
        return true;
    }
    [tag.attr("class"), tag.attr("id")].into_iter().flatten().any(|v| {
        v.split(|c: char| c.is_whitespace() || matches!(c, '-' | '_' | ':'))
            .any(|word| BOILERPLATE_WORDS.iter().any(|b| word.eq_ignore_ascii_case(b)))
    })
}

/// `<meta>` properties and names read, by what they give, best first.
const TITLE_KEYS: [&str; 2] = ["og:title", "twitter:title"];
const SITE_KEYS: [&str; 2] = ["og:site_name", "application-name"];
const URL_KEYS: [&str; 1] = ["og:url"];
const DATE_KEYS: [&str; 14] = [
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "og:published_time",
];

// ---------------------------------------------------------------------------------------------
// Walker

/// What the enclosing elements say a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Hint {
    #[default]
    None,
    Paragraph,
    Heading,
    H1,
    Caption,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Context {
    hint: Hint,
    /// Inside something that looks like boilerplate.
    soft: bool,
    /// The outermost `<article>` (or `itemprop="articleBody"`) around, by number.
    article: Option<u32>,
    /// The outermost `<main>` (or `role="main"`) around.
    main: Option<u32>,
}

#[derive(Debug)]
struct Open {
    name: String,
    hard: bool,
    head: bool,
    breaks: bool,
    ctx: Context,
}

#[derive(Debug)]
struct RawPiece {
    text: String,
    ctx: Context,
    /// The URL of a "Source: ..." line.
    source_url: Option<String>,
}

#[derive(Debug, Default)]
struct Walker {
    stack: Vec<Open>,
    hard: usize,
    heads: usize,
    containers: u32,
    pieces: Vec<RawPiece>,
    cur: String,
    cur_ctx: Option<Context>,
    cur_href: Option<String>,
    /// `<meta>` values by property or name, first one wins.
    meta: Vec<(String, String)>,
    canonical: Option<String>,
    title_tag: Option<String>,
    /// `<time datetime>` values with the article they are in.
    times: Vec<(String, Option<u32>, Option<u32>)>,
}

impl Walker {
    fn ctx(&self) -> Context {
        self.stack.last().map(|o| o.ctx).unwrap_or_default()
    }

    fn token(&mut self, token: Token<'_>) {
        match token {
            Token::Text(t) => {
                if self.heads > 0 && !t.trim().is_empty() {
                    self.close_head();
                }
                if self.hard == 0 {
                    self.append(&entities::decode(t));
                }
            }
            Token::Literal(t) => {
                if self.hard == 0 {
                    self.append(t);
                }
            }
            Token::Raw { name, content } => {
                if name == "title" && self.title_tag.is_none() && self.hard == self.heads {
                    self.title_tag = Some(entities::decode(content));
                }
            }
            Token::Start(tag) => self.start(tag),
            Token::End(name) => self.end(&name),
            Token::Comment => {}
        }
    }

    fn append(&mut self, text: &str) {
        if self.cur_ctx.is_none() {
            if text.trim().is_empty() {
                return;
            }
            self.cur_ctx = Some(self.ctx());
        }
        self.cur.push_str(text);
    }

    fn start(&mut self, tag: Tag) {
        let name = tag.name.as_str();
        if self.heads > 0 && !allowed_in_head(name) {
            self.close_head();
        }
        match name {
            "meta" => self.read_meta(&tag),
            "link" => {
                let rel = tag.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && self.canonical.is_none() {
                    self.canonical = tag.attr("href").map(|h| h.trim().to_string());
                }
            }
            "time" if self.hard == 0 => {
                if let Some(dt) = tag.attr("datetime") {
                    let ctx = self.ctx();
                    self.times.push((dt.to_string(), ctx.article, ctx.main));
                }
            }
            "a" if self.hard == 0 && self.cur_href.is_none() => {
                self.cur_href = tag.attr("href").map(str::trim).filter(|h| is_http_url(h)).map(str::to_string);
            }
            "td" | "th" if self.hard == 0 && !self.cur.is_empty() => self.cur.push(' '),
            _ => {}
        }
        let breaks = is_block(name);
        if is_void(name) || tag.self_closing || is_raw_text(name) {
            // Raw-text elements are read whole by the lexer; their end tag never comes here.
            if breaks {
                self.flush();
            }
            return;
        }
        // Elements that close an open one of their kind: `<p>a<p>b`, `<li>a<li>b`.
        if matches!(name, "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option")
            && self.stack.last().is_some_and(|o| o.name == name)
        {
            self.pop_to(self.stack.len() - 1);
        }
        if breaks && name != "p" && self.stack.last().is_some_and(|o| o.name == "p") {
            self.pop_to(self.stack.len() - 1);
        }
        // A heading closes an unclosed heading before it, so one `<h1>` does not swallow the page.
        if is_heading(name) && self.stack.last().is_some_and(|o| is_heading(&o.name)) {
            self.pop_to(self.stack.len() - 1);
        }
        let parent = self.ctx();
        let hard = is_hard_skip(name) || hidden_by_attributes(&tag);
        let header_outside_article = name == "header" && parent.article.is_none() && parent.main.is_none();
        let soft = parent.soft || header_outside_article || looks_like_boilerplate(&tag);
        let hint = match name {
            _ if matches!(parent.hint, Hint::H1 | Hint::Heading | Hint::Caption) => parent.hint,
            "h1" => Hint::H1,
            _ if is_heading(name) => Hint::Heading,
            "figcaption" => Hint::Caption,
            "p" | "li" | "blockquote" | "dd" | "dt" | "td" | "th" | "pre" | "caption" => Hint::Paragraph,
            _ => parent.hint,
        };
        let is_article = name == "article" || tag.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        let is_main = name == "main" || tag.attr("role").is_some_and(|v| v.trim().eq_ignore_ascii_case("main"));
        let mut ctx = Context { hint, soft, ..parent };
        if is_article && parent.article.is_none() {
            self.containers += 1;
            ctx.article = Some(self.containers);
        }
        if is_main && parent.main.is_none() {
            self.containers += 1;
            ctx.main = Some(self.containers);
        }
        let breaks = breaks || soft != parent.soft || ctx.article != parent.article || ctx.main != parent.main;
        if breaks {
            self.flush();
        }
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let head = name == "head";
        self.hard += usize::from(hard);
        self.heads += usize::from(head);
        self.stack.push(Open {
            name: tag.name,
            hard,
            head,
            breaks,
            ctx,
        });
    }

    fn end(&mut self, name: &str) {
        if is_block(name) {
            self.flush();
        }
        if let Some(i) = self.stack.iter().rposition(|o| o.name == name) {
            self.pop_to(i);
        }
    }

    /// Closes the element at `i` and everything opened inside it.
    fn pop_to(&mut self, i: usize) {
        let mut breaks = false;
        for o in self.stack.drain(i..) {
            self.hard -= usize::from(o.hard);
            self.heads -= usize::from(o.head);
            breaks |= o.breaks;
        }
        if breaks {
            self.flush();
        }
    }

    /// Content in `<head>` that belongs in `<body>` opens it, as in a browser.
    fn close_head(&mut self) {
        if let Some(i) = self.stack.iter().rposition(|o| o.head) {
            self.pop_to(i);
        }
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.cur);
        let href = self.cur_href.take();
        if let Some(ctx) = self.cur_ctx.take() {
            let source_url = is_source_line(&text)
                .then(|| href.or_else(|| find_url(&text).map(str::to_string)))
                .flatten();
            self.pieces.push(RawPiece { text, ctx, source_url });
        }
    }

    fn read_meta(&mut self, tag: &Tag) {
        let Some(content) = tag.attr("content").or_else(|| tag.attr("datetime")) else {
            return;
        };
        for key in [tag.attr("property"), tag.attr("name"), tag.attr("itemprop")]
            .into_iter()
            .flatten()
        {
            let key = key.trim().to_ascii_lowercase();
            let read = TITLE_KEYS
                .iter()
                .chain(&SITE_KEYS)
                .chain(&URL_KEYS)
                .chain(&DATE_KEYS)
                .any(|k| *k == key);
            if read && !self.meta.iter().any(|(k, _)| *k == key) {
                self.meta.push((key, content.trim().to_string()));
            }
        }
    }

    fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.meta
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    }

    fn finish(self) -> Converted {
        let len = |p: &RawPiece| p.text.trim().len();
        let total: usize = self.pieces.iter().map(len).sum();
        let soft: usize = self.pieces.iter().filter(|p| p.ctx.soft).map(len).sum();
        // The boilerplate guess is wrong when it would take most of the page.
        let keep_soft = soft * 3 > total * 2;
        let mut kept: Vec<&RawPiece> = self.pieces.iter().filter(|p| keep_soft || !p.ctx.soft).collect();
        let kept_total: usize = kept.iter().map(|p| len(p)).sum();
        let article = largest(&kept, |c| c.article)
            .filter(|&(_, n)| n * 4 >= kept_total)
            .map(|(id, _)| id);
        let main = largest(&kept, |c| c.main)
            .filter(|&(_, n)| n * 4 >= kept_total)
            .map(|(id, _)| id);
        if let Some(a) = article {
            kept.retain(|p| p.ctx.article == Some(a));
        } else if let Some(m) = main {
            kept.retain(|p| p.ctx.main == Some(m));
        }

        let site = self.meta(&SITE_KEYS).map(clean_line);
        let h1 = |pred: &dyn Fn(&Context) -> bool| {
            self.pieces
                .iter()
                .find(|p| p.ctx.hint == Hint::H1 && pred(&p.ctx))
                .map(|p| p.text.clone())
        };
        let title = h1(&|c| c.article.is_some() && (article.is_none() || c.article == article))
            .or_else(|| self.meta(&TITLE_KEYS).map(|t| strip_site(&clean_line(t), site.as_deref())))
            .or_else(|| h1(&|c| !c.soft))
            .or_else(|| self.title_tag.as_deref().map(|t| strip_site(&clean_line(t), site.as_deref())))
            .or_else(|| h1(&|_| true));
        let date = self.meta(&DATE_KEYS).map(str::to_string).or_else(|| {
            let inside = |t: &&(String, Option<u32>, Option<u32>)| {
                (article.is_some() && t.1 == article) || (article.is_none() && main.is_some() && t.2 == main)
            };
            self.times.iter().find(inside).or(self.times.first()).map(|t| t.0.clone())
        });
        let url = [self.meta(&URL_KEYS), self.canonical.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|u| is_http_url(u))
            .map(str::to_string)
            .or_else(|| kept.iter().find_map(|p| p.source_url.clone()));
        let publisher = site.filter(|s| !s.is_empty() && !is_http_url(s));
        let pieces = kept
            .into_iter()
            .map(|p| {
                let kind = match p.ctx.hint {
                    Hint::None => None,
                    Hint::Paragraph => Some(BlockKind::Paragraph),
                    Hint::Heading | Hint::H1 => Some(BlockKind::Heading),
                    Hint::Caption => Some(BlockKind::Caption),
                };
                Piece::new(kind, p.text.clone())
            })
            .collect();
        Converted {
            pieces,
            hints: Hints {
                title,
                date,
                publisher,
                url,
            },
        }
    }
}

/// The container (by `key`) holding the most text, with that amount.
fn largest(pieces: &[&RawPiece], key: impl Fn(&Context) -> Option<u32>) -> Option<(u32, usize)> {
    let mut sizes: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for p in pieces {
        if let Some(id) = key(&p.ctx) {
            *sizes.entry(id).or_default() += p.text.trim().len();
        }
    }
    sizes.into_iter().max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
}

/// "Spy agency joins NATO centre | Reuters" → "Spy agency joins NATO centre".
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
            let short_tail = sep == " | " && tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2;
            if is_site || short_tail {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep)
            && site.is_some_and(|s| head.trim().eq_ignore_ascii_case(s.trim()))
        {
            return tail.trim().to_string();
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(Option<BlockKind>, String)> {
        convert(html)
            .pieces
            .into_iter()
            .map(|p| (p.kind, clean_line(&p.text)))
            .collect()
    }

    fn joined(html: &str) -> String {
        texts(html).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn tags_attributes_and_quotes() {
        let t = texts(r#"<div data-x="a > b" title='c>d'>Seoul <b>said</b> so.</div><p>Tokyo<br>agreed</p>"#);
        assert_eq!(
            t,
            vec![
                (None, "Seoul said so.".to_string()),
                (Some(BlockKind::Paragraph), "Tokyo".to_string()),
                (Some(BlockKind::Paragraph), "agreed".to_string())
            ]
        );
    }

    #[test]
    fn scripts_styles_and_comments_are_not_text() {
        let html =
            "<p>One<script>var x = '<p>no</p>';</script> two</p><style>p{}</style><!-- hidden --><p>three<![CDATA[ four]]></p>";
        assert_eq!(joined(html), "One two\nthree four");
        assert_eq!(joined("<p>a</p><script>never closed <p>b</p>"), "a");
        assert_eq!(joined("<p>a</p><SCRIPT type=x>x</ScRiPt >b"), "a\nb");
    }

    #[test]
    fn malformed_markup_still_reads() {
        assert_eq!(joined("<p>1 < 2 and 3 > 2</p>"), "1 < 2 and 3 > 2");
        assert_eq!(
            joined("<p>unclosed <b>bold <i>italic</p><p>next"),
            "unclosed bold italic\nnext"
        );
        assert_eq!(joined("<p>comment <!-- not closed > after</p>"), "comment after");
        assert_eq!(joined("text then <a href=\"x"), "text then <a href=\"x");
        assert_eq!(joined("<p>stray </ and </> and <! and <? here</p>"), "stray and");
        assert_eq!(joined("a</p>b</div>c"), "a\nb\nc");
        assert_eq!(joined("<<<>>>&&&;;"), "<<<>>>&&&;;");
        assert_eq!(joined("<p title=\"x\"/>y"), "y");
    }

    #[test]
    fn an_unclosed_heading_ends_at_the_next_heading() {
        assert_eq!(
            texts("<h1>Title<h2>Section</h2><p>Body.</p>"),
            vec![
                (Some(BlockKind::Heading), "Title".to_string()),
                (Some(BlockKind::Heading), "Section".to_string()),
                (Some(BlockKind::Paragraph), "Body.".to_string())
            ]
        );
    }

    #[test]
    fn entities_in_text_and_attributes() {
        let c = convert(
            r#"<meta property="og:title" content="Seoul &amp; Tallinn"><p>NATO&rsquo;s &ldquo;centre&rdquo; &bogus; &#8212;</p>"#,
        );
        assert_eq!(c.hints.title.as_deref(), Some("Seoul & Tallinn"));
        assert_eq!(clean_line(&c.pieces[0].text), "NATO’s “centre” &bogus; —");
    }

    #[test]
    fn an_unclosed_title_does_not_take_the_page() {
        let c = convert("<html><head><title>Seoul joins NATO centre<body><p>It joined.</p>");
        assert_eq!(c.hints.title.as_deref(), Some("Seoul joins NATO centre"));
        assert_eq!(c.pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["It joined."]);
    }

    #[test]
    fn head_without_end_and_text_in_head() {
        assert_eq!(
            joined("<html><head><title>T</title><meta charset=utf-8><p>Body text"),
            "Body text"
        );
        assert_eq!(joined("<head><title>T</title>Loose text</head>"), "Loose text");
    }

    #[test]
    fn site_names_are_stripped_from_titles() {
        assert_eq!(
            strip_site("Spy agency joins NATO centre | Reuters", None),
            "Spy agency joins NATO centre"
        );
        assert_eq!(
            strip_site("Spy agency joins NATO centre - The Korea Herald", Some("The Korea Herald")),
            "Spy agency joins NATO centre"
        );
        assert_eq!(
            strip_site("Yonhap - Seoul joins NATO centre", Some("yonhap")),
            "Seoul joins NATO centre"
        );
        assert_eq!(strip_site("Korea - Japan talks resume", None), "Korea - Japan talks resume");
    }

    #[test]
    fn markup_skipping_for_markdown() {
        assert_eq!(skip_markup_at("<b>x", 0, Ends::of("<b>x")), Some((3, false)));
        assert_eq!(skip_markup_at("<br/>x", 0, Ends::of("<br/>x")), Some((5, true)));
        assert_eq!(
            skip_markup_at("<script>a</script>x", 0, Ends::of("<script>a</script>x")),
            Some((18, true))
        );
        assert_eq!(skip_markup_at("< b", 0, Ends::of("< b")), None);
        assert_eq!(skip_markup_at("<a href='x", 0, Ends::of("<a href='x")), None);
    }
}
