//! # entente-core
//!
//! The pure core of Entente: it turns news articles into documents with metadata, and (as the
//! extractor grows) into actors, places and coded events tied to the sentences behind them.
//! It has no web or I/O dependencies, so the browser app and the command line drive the same code.
//!
//! ```
//! use entente_core::{corpus, ingest::{ingest, Format, Source}};
//!
//! let doc = ingest(Source { name: "note.txt", bytes: b"Friday, June 2, 2023\n\nSeoul said so." }, Format::Text)
//!     .expect("plain text ingests");
//! assert_eq!(doc.meta.published.unwrap().date.to_string(), "2023-06-02");
//! assert_eq!(corpus::default_corpus().documents.len(), 2);
//! ```

pub mod corpus;
pub mod corrections;
pub mod document;
pub mod export;
pub mod extract;
pub mod geo;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod library;
pub mod model;
pub mod share;
pub mod text;
pub mod time;
pub mod view_state;
