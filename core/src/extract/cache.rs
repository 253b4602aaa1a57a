//! Analyses kept between extractions of a growing library. Each request to the extraction
//! worker carries the whole library (the articles added before and the new ones); with the
//! analyses of the last request at hand, only documents not seen before go through the map
//! step, and the reduce step ([`merge::build_model`]) runs over all of them as before. The
//! model is the same as [`super::extract`]'s: the map step depends on nothing but the document.

use super::{DocAnalysis, analyze_document, merge};
use crate::corpus::Corpus;
use crate::document::Block;
use crate::lexicon::lexicon;
use crate::model::Model;
use std::collections::HashMap;

/// What an analysis was made from: the document's id (a hash of its text), its text length and
/// its blocks (the same text read as HTML or as plain text has other blocks).
#[derive(PartialEq)]
struct Source {
    text_len: usize,
    blocks: Vec<Block>,
}

/// The analyses of the documents of the last extraction, by document id.
#[derive(Default)]
pub struct AnalysisCache {
    by_id: HashMap<String, (Source, DocAnalysis)>,
}

impl AnalysisCache {
    /// How many documents' analyses are kept.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// [`super::extract`] that analyses only the documents `cache` does not hold,
/// then keeps the analyses of `corpus` (and only those) for the next call. `on_each(done, fresh)`
/// follows the map step; `fresh` is whether that document was analysed now.
pub fn extract_cached(corpus: &Corpus, cache: &mut AnalysisCache, mut on_each: impl FnMut(usize, bool)) -> Model {
    let lex = lexicon();
    let (sources, analyses): (Vec<Source>, Vec<DocAnalysis>) = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let source = Source {
                text_len: d.text.len(),
                blocks: d.blocks.clone(),
            };
            let kept = cache.by_id.remove(&d.id).filter(|(s, _)| *s == source);
            let fresh = kept.is_none();
            let analysis = kept.map_or_else(|| analyze_document(d, lex), |(_, a)| a);
            on_each(i + 1, fresh);
            (source, analysis)
        })
        .unzip();
    let model = merge::build_model(corpus, &analyses, lex);
    cache.by_id = corpus
        .documents
        .iter()
        .map(|d| d.id.clone())
        .zip(sources.into_iter().zip(analyses))
        .collect();
    model
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::bundle;
    use crate::ingest::{Format, Source as Input, ingest};

    fn doc(name: &str, text: &str) -> crate::document::Document {
        ingest(
            Input {
                name,
                bytes: text.as_bytes(),
            },
            Format::Text,
        )
        .unwrap()
    }

    /// The model from the cache is the model extracted from scratch, as the library grows and
    /// shrinks, and only new documents are analysed.
    #[test]
    fn cached_extraction_equals_extraction_from_scratch() {
        let a = doc("a.txt", "Japan signed a trade agreement with Vietnam in Hanoi on Monday.");
        let b = doc(
            "b.txt",
            "China criticised Japan on Tuesday. Beijing said the deal was a provocation.",
        );
        let c = doc("c.txt", "NATO invited South Korea to its summit in Madrid in June.");
        let mut cache = AnalysisCache::default();
        let steps = [
            vec![a.clone()],
            vec![a.clone(), b.clone()],
            vec![a.clone(), b, c.clone()],
            vec![a, c],
        ];
        let expected_fresh = [1, 1, 1, 0];
        for (documents, expected) in steps.into_iter().zip(expected_fresh) {
            let corpus = Corpus { documents };
            let mut fresh = 0;
            let cached = extract_cached(&corpus, &mut cache, |_, f| fresh += usize::from(f));
            let scratch = super::super::extract(&corpus);
            assert_eq!(bundle(&cached, &corpus), bundle(&scratch, &corpus));
            assert_eq!(fresh, expected, "documents analysed anew");
            assert_eq!(
                cache.len(),
                corpus.documents.len(),
                "the cache keeps only the current library"
            );
        }
    }

    /// The same text with other blocks (read as another format) is analysed again.
    #[test]
    fn other_blocks_are_analysed_again() {
        let text = "Talks in Geneva\n\nIran and the United States met in Geneva on Monday.";
        let plain = doc("t.txt", text);
        let mut other = plain.clone();
        other.blocks.truncate(1);
        let mut cache = AnalysisCache::default();
        extract_cached(&Corpus { documents: vec![plain] }, &mut cache, |_, _| {});
        let mut fresh = 0;
        extract_cached(&Corpus { documents: vec![other] }, &mut cache, |_, f| fresh += usize::from(f));
        assert_eq!(fresh, 1);
    }
}
