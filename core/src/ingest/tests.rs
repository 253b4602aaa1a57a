//! Whole documents through `ingest`: a news page in HTML, an article in Markdown, format
//! detection, and plain text that merely looks like markup.

use super::*;
use crate::document::{BlockKind, TitleSource};

fn doc(name: &str, src: &str, format: Format) -> Document {
    ingest(
        Source {
            name,
            bytes: src.as_bytes(),
        },
        format,
    )
    .unwrap()
}

fn blocks(d: &Document) -> Vec<(BlockKind, &str)> {
    d.blocks.iter().map(|b| (b.kind, d.slice(b.span))).collect()
}

const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>South Korea's spy agency joins NATO cyber defence group | Example News</title>
  <meta property="og:title" content="South Korea&#39;s spy agency joins NATO cyber defence group">
  <meta property="og:site_name" content="Example News">
  <meta property="og:url" content="https://news.example.com/world/asia/korea-nato-cyber-2022-05-05/">
  <meta property="article:published_time" content="2022-05-05T06:12:00+09:00">
  <meta name="author" content="Jane Doe">
  <link rel="canonical" href="https://news.example.com/world/asia/korea-nato-cyber/">
  <link rel="stylesheet" href="/main.css">
  <style>.cookie-banner { position: fixed; } p > a { color: red; }</style>
  <script>window.dataLayer = [{"page": "<p>not text</p>"}];</script>
  <script type="application/ld+json">{"@type": "NewsArticle", "headline": "JSON-LD headline"}</script>
</head>
<body class="article-page cookie-consent-pending">
  <div class="cookie-banner" role="dialog">
    <p>We use cookies to improve your experience. By continuing you accept our policy.</p>
    <button>Accept all</button> <button>Manage settings</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">Example News</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/tech">Tech</a></li></ul></nav>
    <form role="search"><input name="q" placeholder="Search"></form>
  </header>
  <main id="content">
    <nav class="breadcrumbs"><a href="/world">World</a> &rsaquo; <a href="/world/asia">Asia</a></nav>
    <article class="story">
      <h1 class="headline">South Korea's spy agency joins NATO cyber defence group</h1>
      <p class="byline">By <a href="/authors/jane-doe">Jane Doe</a> &middot; <time datetime="2022-05-05T06:12:00+09:00">5 May 2022</time></p>
      <figure>
        <img src="/img/ccdcoe.jpg" alt="">
        <figcaption>The CCDCOE building in Tallinn, Estonia. Photo: Reuters</figcaption>
      </figure>
      <div class="share-tools"><a href="https://twitter.com/share">Share on Twitter</a> <a href="#">Copy link</a></div>
      <p>SEOUL &mdash; South Korea&rsquo;s National Intelligence Service (NIS) said on Thursday it had
         joined the <a href="https://ccdcoe.org/">NATO Cooperative Cyber Defence Centre of Excellence</a>,
         becoming the first Asian country to do so.</p>
      <p>The NIS said it was admitted as a &ldquo;contributing participant&rdquo; to the centre,
         which is based in Tallinn, alongside Canada and Luxembourg.</p>
      <aside class="related-stories"><h2>Related</h2><ul><li><a href="/x">North Korea fires missile</a></li></ul></aside>
      <h2>Growing cooperation</h2>
      <p>Seoul has been expanding its ties with NATO&hellip; the alliance&#8217;s secretary general
         welcomed the move.<script>trackParagraph(3)</script></p>
      <div class="ad-slot"><span>Advertisement</span></div>
      <p>Source: <a href="https://en.yna.co.kr/view/AEN20220505">Yonhap</a></p>
    </article>
    <section class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter.</p></section>
  </main>
  <footer><p>&copy; 2022 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script src="/app.js"></script>
  <script>document.querySelector('.cookie-banner').hidden = false;</script>
</body>
</html>
"##;

#[test]
fn news_page_html_keeps_the_article_and_drops_the_boilerplate() {
    let d = doc("korea-nato.html", NEWS_PAGE, Format::Html);
    let b = blocks(&d);
    assert_eq!(d.meta.title, "South Korea's spy agency joins NATO cyber defence group");
    assert_eq!(d.meta.title_source, TitleSource::Headline);
    assert_eq!(d.meta.published.unwrap().date.to_string(), "2022-05-05");
    assert_eq!(d.meta.publisher.as_deref(), Some("Example News"));
    assert_eq!(
        d.meta.url.as_deref(),
        Some("https://news.example.com/world/asia/korea-nato-cyber-2022-05-05/")
    );
    assert_eq!(d.meta.credits, vec!["Reuters".to_string()]);
    assert_eq!(
        b[0],
        (BlockKind::Title, "South Korea's spy agency joins NATO cyber defence group")
    );
    assert_eq!(b[1], (BlockKind::Dateline, "May 5, 2022"));
    assert!(b.contains(&(BlockKind::Caption, "The CCDCOE building in Tallinn, Estonia. Photo: Reuters")));
    assert!(b.contains(&(BlockKind::Heading, "Growing cooperation")));
    assert!(b.contains(&(
        BlockKind::Paragraph,
        "SEOUL — South Korea’s National Intelligence Service (NIS) said on Thursday it had joined the NATO Cooperative \
         Cyber Defence Centre of Excellence, becoming the first Asian country to do so."
    )));
    assert!(b.contains(&(
        BlockKind::Paragraph,
        "Seoul has been expanding its ties with NATO… the alliance’s secretary general welcomed the move."
    )));
    for junk in [
        "cookies",
        "Accept all",
        "World",
        "Business",
        "Search",
        "Share on Twitter",
        "Related",
        "North Korea fires",
        "Advertisement",
        "newsletter",
        "rights reserved",
        "Privacy",
        "dataLayer",
        "JSON-LD",
        "trackParagraph",
        "querySelector",
        "color: red",
        "Example News",
    ] {
        assert!(!d.text.contains(junk), "{junk:?} leaked into:\n{}", d.text);
    }
    // Laid out one block per line, the text reads back as the same blocks when ingested as text.
    let again = doc("korea-nato.txt", &d.text, Format::Text);
    assert_eq!(again.text, d.text);
    assert_eq!(
        again.blocks.iter().map(|b| b.span).collect::<Vec<_>>(),
        d.blocks.iter().map(|b| b.span).collect::<Vec<_>>()
    );
}

#[test]
fn html_without_article_element_uses_og_title_and_keeps_body_text() {
    let page = "<html><head><title>Tallinn talks | Wire</title></head><body>\
        <div id=\"menu\"><a href=\"/\">Home</a></div>\
        <div class=\"text\">Estonia hosted the talks on Friday.<br>Finland attended.</div>\
        <p>Photo: AFP</p></body></html>";
    let d = doc("talks.htm", page, Format::Html);
    assert_eq!(d.meta.title, "Tallinn talks");
    assert_eq!(
        blocks(&d),
        vec![
            (BlockKind::Title, "Tallinn talks"),
            (BlockKind::Paragraph, "Estonia hosted the talks on Friday."),
            (BlockKind::Paragraph, "Finland attended."),
            (BlockKind::Caption, "Photo: AFP"),
        ]
    );
    assert_eq!(d.meta.url, None);
}

#[test]
fn html_whose_article_has_a_boilerplate_looking_class_is_still_read() {
    // "comments" in the class would mark it as boilerplate; dropping it would drop the page.
    let page = "<div class=\"article-body comments-enabled\"><p>Seoul joined the centre.</p><p>Tokyo did not.</p></div>\
                <div class=\"cookie-note\">Cookies.</div>";
    let d = doc("x.html", page, Format::Html);
    assert!(
        d.text.contains("Seoul joined the centre.") && d.text.contains("Tokyo did not."),
        "{}",
        d.text
    );
}

#[test]
fn html_with_only_scripts_is_empty() {
    let r = ingest(
        Source {
            name: "x.html",
            bytes: b"<script>alert(1)</script><style>p{}</style><!-- x -->",
        },
        Format::Html,
    );
    assert_eq!(r.unwrap_err(), IngestError::Empty);
}

const MARKDOWN_ARTICLE: &str = "---
title: \"South Korea joins NATO cyber defence centre\"
date: 2022-05-05 09:00:00 +0900
source: Yonhap
url: https://en.yna.co.kr/view/AEN20220505
tags: [cyber, nato]
---

# South Korea joins NATO cyber defence centre

![The CCDCOE in Tallinn, Estonia. Photo: Reuters](https://example.com/ccdcoe.jpg)

SEOUL, May 5 (Yonhap) -- South Korea's **National Intelligence Service** (NIS)
said Thursday it has joined the [CCDCOE](https://ccdcoe.org/), becoming the
first Asian country to do so.

## What the centre does

The centre, set up in 2008, works on:

- cyber defence *research*;
- training and exercises such as `Locked Shields`;
- legal analysis, including the [Tallinn Manual][manual].

> \"This is a milestone,\" an NIS official said.

<div class=\"embed\"><script>load()</script>Embedded <b>tweet</b> text.</div>

See also [our earlier report](https://en.yna.co.kr/earlier).

[manual]: https://ccdcoe.org/research/tallinn-manual/
";

#[test]
fn markdown_article_with_front_matter() {
    let d = doc("korea.md", MARKDOWN_ARTICLE, Format::Markdown);
    assert_eq!(d.meta.title, "South Korea joins NATO cyber defence centre");
    assert_eq!(d.meta.title_source, TitleSource::Headline);
    assert_eq!(d.meta.published.unwrap().date.to_string(), "2022-05-05");
    assert_eq!(d.meta.publisher.as_deref(), Some("Yonhap"));
    assert_eq!(d.meta.url.as_deref(), Some("https://en.yna.co.kr/view/AEN20220505"));
    assert_eq!(d.meta.credits, vec!["Reuters".to_string()]);
    assert_eq!(
        blocks(&d),
        vec![
            (BlockKind::Title, "South Korea joins NATO cyber defence centre"),
            (BlockKind::Dateline, "May 5, 2022"),
            (BlockKind::Caption, "The CCDCOE in Tallinn, Estonia. Photo: Reuters"),
            (
                BlockKind::Paragraph,
                "SEOUL, May 5 (Yonhap) -- South Korea's National Intelligence Service (NIS) said Thursday it has joined the \
                 CCDCOE, becoming the first Asian country to do so."
            ),
            (BlockKind::Heading, "What the centre does"),
            (BlockKind::Paragraph, "The centre, set up in 2008, works on:"),
            (BlockKind::Paragraph, "cyber defence research;"),
            (BlockKind::Paragraph, "training and exercises such as Locked Shields;"),
            (BlockKind::Paragraph, "legal analysis, including the Tallinn Manual."),
            (BlockKind::Paragraph, "\"This is a milestone,\" an NIS official said."),
            (BlockKind::Paragraph, "Embedded tweet text."),
            (BlockKind::Paragraph, "See also our earlier report."),
        ]
    );
    assert!(!d.text.contains("http") && !d.text.contains("load()"), "{}", d.text);
}

#[test]
fn markdown_without_front_matter_takes_the_first_h1_and_no_inline_link_as_url() {
    let d = doc(
        "n.md",
        "Breaking\n\n# Seoul joins *NATO* centre\n\nIt joined the [centre](https://ccdcoe.org).\n\n# Second H1\n",
        Format::Markdown,
    );
    assert_eq!(d.meta.title, "Seoul joins NATO centre");
    assert_eq!(blocks(&d)[0], (BlockKind::Title, "Seoul joins NATO centre"));
    assert_eq!(blocks(&d)[3], (BlockKind::Heading, "Second H1"));
    assert_eq!(d.meta.url, None);
    let d = doc(
        "n.md",
        "# T\n\nText.\n\n*Source: [Yonhap](https://en.yna.co.kr/x)*\n",
        Format::Markdown,
    );
    assert_eq!(d.meta.url.as_deref(), Some("https://en.yna.co.kr/x"));
    assert_eq!(d.meta.publisher.as_deref(), Some("Yonhap"));
}

#[test]
fn markup_in_plain_text_is_just_text() {
    let src = "A <script>alert(1)</script> tag & an &amp; entity, # not a heading, **not bold**.";
    let d = doc("note.txt", src, Format::Text);
    assert_eq!(d.text, src);
}

#[test]
fn formats_by_name_and_by_content() {
    assert_eq!(Format::from_name("a/b/Story.MD"), Format::Markdown);
    assert_eq!(Format::from_name("x.markdown"), Format::Markdown);
    assert_eq!(Format::from_name("x.html"), Format::Html);
    assert_eq!(Format::from_name("x.HTM"), Format::Html);
    assert_eq!(Format::from_name("x.xhtml"), Format::Html);
    assert_eq!(Format::from_name("x.txt"), Format::Text);
    assert_eq!(Format::from_name("x"), Format::Text);
    assert_eq!(Format::from_name("x.md.txt"), Format::Text);

    assert_eq!(Format::sniff(b"  \n<!DOCTYPE html><html><body>x</body></html>"), Format::Html);
    assert_eq!(Format::sniff(b"\xEF\xBB\xBF<html lang=en><p>x</p></html>"), Format::Html);
    assert_eq!(Format::sniff(b"<p>Seoul said so.</p>"), Format::Html);
    assert_eq!(Format::sniff(b"---\ntitle: x\n---\nbody"), Format::Markdown);
    assert_eq!(Format::sniff(b"# Headline\n\nBody."), Format::Markdown);
    assert_eq!(Format::sniff(b"Seoul said <b> is a tag."), Format::Text);
    assert_eq!(Format::sniff(b"#hashtag\nbody"), Format::Text);
    assert_eq!(Format::sniff(b""), Format::Text);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("<html><p>x</p></html>".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(Format::sniff(&utf16), Format::Html);

    assert_eq!(Format::detect("pasted", b"<!doctype html><title>x</title>"), Format::Html);
    assert_eq!(Format::detect("note.txt", b"<!doctype html><title>x</title>"), Format::Text);
    assert_eq!(Format::detect("page.html", b"plain words"), Format::Html);
}

#[test]
fn text_documents_are_unchanged_by_the_new_formats() {
    // The seed corpus reads exactly as before: same blocks, same metadata.
    let src = "Friday, June 2, 2023\n\n1st Asian Country To Join NATO\n\nOn Thursday, it joined. Photo: AFP\n";
    let d = doc("x.txt", src, Format::Text);
    assert_eq!(d.text, src);
    assert_eq!(blocks(&d)[0], (BlockKind::Dateline, "Friday, June 2, 2023"));
    assert_eq!(blocks(&d)[1], (BlockKind::Title, "1st Asian Country To Join NATO"));
}

/// Adversarial markup is read in close to linear time: no construct looks for its end again
/// and again (a hang in the browser would be as bad as a crash).
#[test]
fn adversarial_markup_is_not_quadratic() {
    let n = 40_000;
    let mut meta = String::new();
    for i in 0..n / 4 {
        meta.push_str(&format!("<meta name=\"k{i}\" content=\"v\">"));
    }
    let cases: Vec<(&str, String, Format)> = vec![
        ("start tags without >", "<a".repeat(n), Format::Html),
        ("end tags without >", "</a".repeat(n), Format::Html),
        ("comments without end", "<!-- >".repeat(n) + "<p>x", Format::Html),
        ("unclosed quotes", "<a x='>".repeat(n), Format::Html),
        ("many meta names", meta, Format::Html),
        ("many articles", "<article>x</article>".repeat(n / 4), Format::Html),
        ("unclosed titles", "<title>x".repeat(n / 4), Format::Html),
        ("unclosed scripts in markdown", "a <script>".repeat(n / 4), Format::Markdown),
        ("open brackets", "[".repeat(n), Format::Markdown),
        ("links without targets", "[x](".repeat(n), Format::Markdown),
        ("reference openers", "[x][".repeat(n), Format::Markdown),
        ("backtick runs", "` `` ".repeat(n), Format::Markdown),
        ("tags in markdown", "a <b".repeat(n), Format::Markdown),
        ("emphasis", "*a _b ".repeat(n), Format::Markdown),
    ];
    for (what, input, format) in cases {
        let start = std::time::Instant::now();
        let _ = ingest(
            Source {
                name: "x",
                bytes: input.as_bytes(),
            },
            format,
        );
        let took = start.elapsed();
        assert!(took.as_secs_f64() < 3.0, "{what}: {} bytes took {took:?}", input.len());
    }
}
