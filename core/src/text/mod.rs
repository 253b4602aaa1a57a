//! Text analysis below the level of meaning: tokens and sentences.

pub mod sentences;
pub mod tokens;

pub use sentences::{Sentence, split_sentences};
pub use tokens::{Token, TokenKind, tokenize};
