//! Writes starting inputs for the fuzz targets to fuzz/seeds/<target>/ (not kept in the repo):
//! the seed articles, an HTML page and a Markdown article, a few URL fragments, a bundle of the
//! default corpus, and the embedded basemap. Run from the repository root:
//! `cargo run --manifest-path fuzz/Cargo.toml --example seeds`.

use entente_core::corpus::default_corpus;
use entente_core::export::bundle;
use entente_core::extract::extract;
use entente_core::geo::basemap::BASEMAP_BYTES;
use std::fs;
use std::path::Path;

const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Spy agency joins NATO centre | News</title>
<meta property="og:title" content="Spy agency joins NATO centre"><meta property="article:published_time" content="2022-05-05T06:12:00+09:00">
<link rel="canonical" href="https://news.example.com/a"><style>p{}</style><script>var a = "<p>";</script></head>
<body><div class="cookie-banner"><p>We use cookies.</p><button>OK</button></div><nav><a href="/">Home</a></nav>
<article><h1>Spy agency joins NATO centre</h1><p>By Jane Doe &middot; <time datetime="2022-05-05">May 5</time></p>
<figure><img src="x.jpg" alt=""><figcaption>The centre in Tallinn. Photo: Reuters</figcaption></figure>
<p>SEOUL &mdash; South Korea&rsquo;s spy agency said on Thursday it had joined the <a href="https://ccdcoe.org">CCDCOE</a>.</p>
<h2>Reaction</h2><p>North Korea condemned the move.<br>China said nothing.</p><!-- comment --><![CDATA[ cdata ]]></article>
<footer>&copy; News</footer></body></html>"#;

const MARKDOWN: &str = "---\ntitle: Spy agency joins NATO centre\ndate: 2022-05-05\nsource: Yonhap\n---\n\n# Spy agency joins NATO centre\n\n\
![The centre in Tallinn. Photo: Reuters](x.jpg)\n\nSEOUL -- South Korea's **spy agency** said it had joined the\n[CCDCOE][c], the first Asian country to do so.\n\n\
## Reaction\n\n- North Korea *condemned* the move.\n- China said `nothing`.\n\n> \"A milestone,\" an official said.\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n\n[c]: https://ccdcoe.org\n";

const FRAGMENTS: &[&str] = &[
    "v=1&sel=a:KOR&text=cyber%20defence",
    "v=1&map=0,0,1e9",
    "v=1&sel=e:0&from=2022-01-01&to=2022-12-31",
    "v=1",
    "",
];

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::create_dir_all(dir).expect("create the seed directory");
    fs::write(dir.join(name), bytes).expect("write a seed");
}

fn main() {
    let root = Path::new("fuzz/seeds");
    let ingest = root.join("ingest");
    for entry in fs::read_dir("data/corpus").expect("run from the repository root") {
        let path = entry.expect("list data/corpus").path();
        let bytes = fs::read(&path).expect("read a corpus file");
        write(&ingest, &path.file_name().unwrap().to_string_lossy(), &bytes);
    }
    write(&ingest, "page.html", PAGE.as_bytes());
    write(&ingest, "article.md", MARKDOWN.as_bytes());
    for (i, f) in FRAGMENTS.iter().enumerate() {
        write(&root.join("view_state"), &format!("fragment-{i}"), f.as_bytes());
    }
    let corpus = default_corpus();
    let model = extract(&corpus);
    write(
        &root.join("bundle"),
        "default-corpus.json",
        bundle(&model, &corpus).as_bytes(),
    );
    write(&root.join("basemap"), "countries-50m.bin", BASEMAP_BYTES);
    println!("seeds written to {}", root.display());
}
