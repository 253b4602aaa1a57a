//! The CAMEO verb dictionary (PETRARCH's CAMEO.2.0, compiled to data/lexicon/verbs.txt):
//! verbs grouped in blocks with a default code, and patterns that refine the code from the
//! words around the verb ("hack * into computer" → 176, "sign * treaty" → 057).

use rustc_hash::FxHashMap;

/// One element of a pattern: a word, or any word of a synonym set (`&MILITARY`), by its
/// index in [`VerbDictionary::set_words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    Word(String),
    Set(u32),
}

/// The words of a synonym set, with the first three bytes of each hashed to one bit of 2048
/// (see [`Block::prefix_bit`]): a word whose bit is clear matches none of them (a match is
/// the word itself or a prefix of it longer than three bytes), and costs no scan of the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetWords {
    pub words: Vec<String>,
    prefixes: [u64; 32],
}

impl SetWords {
    fn new(words: Vec<String>) -> SetWords {
        let mut prefixes = [0; 32];
        for w in &words {
            if let Some(bit) = Block::prefix_bit(w.as_bytes()) {
                prefixes[bit / 64] |= 1 << (bit % 64);
            }
        }
        SetWords { words, prefixes }
    }

    /// True when `word` (lower case) is one of the words or starts with one of more than
    /// three bytes, at most three bytes longer.
    fn matches(&self, word: &str) -> bool {
        // An empty word has no bit: it is asked of the words themselves.
        let may = Block::prefix_bit(word.as_bytes()).is_none_or(|i| self.prefixes[i / 64] >> (i % 64) & 1 == 1);
        may && self.words.iter().any(|w| word_matches(w, word))
    }
}

/// True when `word` (lower case) is the pattern's word `w`, or an inflection of it: `w`
/// followed by up to three bytes, when `w` is longer than three bytes.
fn word_matches(w: &str, word: &str) -> bool {
    w == word || (w.len() > 3 && word.len() > w.len() && word.starts_with(w) && word.len() - w.len() <= 3)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// `None` when the pattern marks a non-event use ("---").
    pub code: Option<String>,
    /// Words before the verb, nearest last.
    pub pre: Vec<Elem>,
    /// Words after the verb, in order.
    pub post: Vec<Elem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub name: String,
    pub code: Option<String>,
    pub patterns: Vec<Pattern>,
    /// Patterns by one of their words, so a verb is only tested against patterns whose words
    /// occur near it (the dictionary has thousands).
    anchors: FxHashMap<String, Vec<u32>>,
    /// The first three bytes of the anchor words (all of a shorter one), hashed to one bit
    /// each of 2048 (see [`Block::prefix_bit`]): a word whose bit is clear has no prefix among
    /// them, and costs no lookup. Nearly every word near a verb is rejected so.
    anchor_prefixes: [u64; 32],
}

impl Block {
    /// Indices of the patterns that may match given the words around the verb (lower case).
    pub fn candidates<'a>(&self, words: impl Iterator<Item = &'a str>) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for w in words {
            if !self.may_anchor(w) {
                continue;
            }
            // Patterns match word prefixes too ("exercise" matches "exercises").
            for cut in 0..=3usize.min(w.len().saturating_sub(4)) {
                let Some(key) = w.get(..w.len() - cut) else { continue };
                if let Some(ps) = self.anchors.get(key) {
                    out.extend(ps.iter().map(|&p| p as usize));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// False when no anchor word starts with the first three bytes of `w` (all of it when it
    /// is shorter). Every key `candidates` looks up for `w` starts with them: keys are `w` cut
    /// by at most three bytes and never below four, so a key shorter than three bytes is only
    /// ever a whole word of that length.
    fn may_anchor(&self, w: &str) -> bool {
        Self::prefix_bit(w.as_bytes()).is_some_and(|i| self.anchor_prefixes[i / 64] >> (i % 64) & 1 == 1)
    }

    /// The bit of `anchor_prefixes` standing for the first three bytes of `word` (with the
    /// length when it is shorter, so "us" and "use" differ).
    fn prefix_bit(word: &[u8]) -> Option<usize> {
        if word.is_empty() {
            return None;
        }
        let n = word.len().min(3);
        let prefix = word[..n].iter().rev().fold(n as u32, |p, &b| p << 8 | u32::from(b));
        // A multiplicative hash: its top eleven bits.
        Some((prefix.wrapping_mul(0x9E37_79B1) >> 21) as usize)
    }

    fn index(&mut self, set_words: &[SetWords]) {
        for (i, p) in self.patterns.iter().enumerate() {
            // Anchor on the first element after the verb, else before it.
            let Some(elem) = p.post.first().or(p.pre.last()) else {
                continue;
            };
            let words: Vec<String> = match elem {
                Elem::Word(w) => vec![w.clone()],
                Elem::Set(s) => set_words[*s as usize].words.clone(),
            };
            for w in words {
                for part in w.split_whitespace().take(1) {
                    self.anchors.entry(part.to_string()).or_default().push(i as u32);
                    let bit = Self::prefix_bit(part.as_bytes()).expect("words are not empty");
                    self.anchor_prefixes[bit / 64] |= 1 << (bit % 64);
                }
            }
        }
    }
}

/// One reading of a verb form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sense {
    pub block: u32,
    pub lemma: String,
    /// The verb's own code, else the block's; `None` when neither gives one.
    pub code: Option<String>,
    /// A particle that must follow ("ask for", "bridle at").
    pub particle: Option<String>,
    /// True when the code is the verb's own, not inherited from its block.
    pub own_code: bool,
}

#[derive(Debug, Default)]
pub struct VerbDictionary {
    /// The sets patterns name, by the index an [`Elem::Set`] holds (empty for a name no set
    /// line defines).
    pub set_words: Vec<SetWords>,
    /// The index of each set name patterns use.
    set_ids: FxHashMap<String, u32>,
    pub blocks: Vec<Block>,
    forms: FxHashMap<String, Vec<Sense>>,
}

fn code_of(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "---" && s.chars().all(|c| c.is_ascii_digit())).then(|| s.to_string())
}

/// Past tense and past participle of irregular English verbs (lemma, past, participle).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("be", "was", "been"),
    ("have", "had", "had"),
    ("do", "did", "done"),
    ("say", "said", "said"),
    ("make", "made", "made"),
    ("go", "went", "gone"),
    ("take", "took", "taken"),
    ("come", "came", "come"),
    ("see", "saw", "seen"),
    ("know", "knew", "known"),
    ("get", "got", "gotten"),
    ("give", "gave", "given"),
    ("find", "found", "found"),
    ("think", "thought", "thought"),
    ("tell", "told", "told"),
    ("become", "became", "become"),
    ("show", "showed", "shown"),
    ("leave", "left", "left"),
    ("feel", "felt", "felt"),
    ("put", "put", "put"),
    ("bring", "brought", "brought"),
    ("begin", "began", "begun"),
    ("keep", "kept", "kept"),
    ("hold", "held", "held"),
    ("write", "wrote", "written"),
    ("stand", "stood", "stood"),
    ("hear", "heard", "heard"),
    ("let", "let", "let"),
    ("mean", "meant", "meant"),
    ("set", "set", "set"),
    ("meet", "met", "met"),
    ("run", "ran", "run"),
    ("pay", "paid", "paid"),
    ("sit", "sat", "sat"),
    ("speak", "spoke", "spoken"),
    ("lead", "led", "led"),
    ("read", "read", "read"),
    ("grow", "grew", "grown"),
    ("lose", "lost", "lost"),
    ("fall", "fell", "fallen"),
    ("send", "sent", "sent"),
    ("build", "built", "built"),
    ("draw", "drew", "drawn"),
    ("break", "broke", "broken"),
    ("spend", "spent", "spent"),
    ("cut", "cut", "cut"),
    ("rise", "rose", "risen"),
    ("drive", "drove", "driven"),
    ("buy", "bought", "bought"),
    ("choose", "chose", "chosen"),
    ("seek", "sought", "sought"),
    ("throw", "threw", "thrown"),
    ("catch", "caught", "caught"),
    ("deal", "dealt", "dealt"),
    ("win", "won", "won"),
    ("shoot", "shot", "shot"),
    ("fight", "fought", "fought"),
    ("teach", "taught", "taught"),
    ("sell", "sold", "sold"),
    ("strike", "struck", "struck"),
    ("hide", "hid", "hidden"),
    ("steal", "stole", "stolen"),
    ("swear", "swore", "sworn"),
    ("withdraw", "withdrew", "withdrawn"),
    ("undertake", "undertook", "undertaken"),
    ("forbid", "forbade", "forbidden"),
    ("beat", "beat", "beaten"),
    ("freeze", "froze", "frozen"),
    ("hang", "hung", "hung"),
    ("shake", "shook", "shaken"),
    ("tear", "tore", "torn"),
    ("withhold", "withheld", "withheld"),
    ("uphold", "upheld", "upheld"),
    ("overthrow", "overthrew", "overthrown"),
    ("broadcast", "broadcast", "broadcast"),
    ("mislead", "misled", "misled"),
    ("foresee", "foresaw", "foreseen"),
    ("bear", "bore", "borne"),
    ("blow", "blew", "blown"),
    ("forgive", "forgave", "forgiven"),
    ("lend", "lent", "lent"),
    ("sink", "sank", "sunk"),
    ("spread", "spread", "spread"),
    ("split", "split", "split"),
    ("shut", "shut", "shut"),
    ("hit", "hit", "hit"),
    ("hurt", "hurt", "hurt"),
    ("quit", "quit", "quit"),
    ("bid", "bid", "bid"),
    ("fly", "flew", "flown"),
    ("feed", "fed", "fed"),
    ("flee", "fled", "fled"),
    ("arise", "arose", "arisen"),
    ("bind", "bound", "bound"),
    ("forecast", "forecast", "forecast"),
    ("overtake", "overtook", "overtaken"),
    ("rebuild", "rebuilt", "rebuilt"),
];

/// Regular English inflections of a verb: base, -s, -ed, -ing (with consonant doubling both ways,
/// since the dictionary does not say which verbs double).
pub fn inflections(lemma: &str) -> Vec<String> {
    let w = lemma.to_lowercase();
    let mut out = vec![w.clone()];
    if let Some((_, past, participle)) = IRREGULAR.iter().find(|(lemma, _, _)| *lemma == w) {
        out.push(past.to_string());
        out.push(participle.to_string());
    }
    let ends = |s: &str| w.ends_with(s);
    let vowel = |c: char| "aeiou".contains(c);
    let last = w.chars().last().unwrap_or(' ');
    let before_last = w.chars().rev().nth(1).unwrap_or(' ');
    let consonant_y = last == 'y' && !vowel(before_last);
    out.push(
        if ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh") || ends("o") {
            format!("{w}es")
        } else if consonant_y {
            format!("{}ies", &w[..w.len() - 1])
        } else {
            format!("{w}s")
        },
    );
    if ends("e") {
        out.push(format!("{w}d"));
        if ends("ie") {
            out.push(format!("{}ying", &w[..w.len() - 2]));
        } else if ends("ee") {
            out.push(format!("{w}ing"));
        } else {
            out.push(format!("{}ing", &w[..w.len() - 1]));
        }
    } else if consonant_y {
        out.push(format!("{}ied", &w[..w.len() - 1]));
        out.push(format!("{w}ing"));
    } else {
        out.push(format!("{w}ed"));
        out.push(format!("{w}ing"));
        let cvc = !vowel(last)
            && !"wxy".contains(last)
            && vowel(before_last)
            && w.len() >= 3
            && !vowel(w.chars().rev().nth(2).unwrap_or('a'));
        if cvc {
            out.push(format!("{w}{last}ed"));
            out.push(format!("{w}{last}ing"));
        }
    }
    out
}

impl VerbDictionary {
    pub fn parse(text: &str) -> VerbDictionary {
        let mut dict = VerbDictionary::default();
        // The words of each set by name, as its line defines them.
        let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut parts = line.splitn(3, ' ');
            let (Some(tag), Some(a)) = (parts.next(), parts.next()) else {
                continue;
            };
            let rest = parts.next().unwrap_or("");
            match tag {
                "S" => {
                    sets.insert(a.to_lowercase(), rest.split('|').map(|w| w.to_lowercase()).collect());
                }
                "B" => dict.blocks.push(Block {
                    name: a.to_string(),
                    code: code_of(rest),
                    patterns: Vec::new(),
                    anchors: FxHashMap::default(),
                    anchor_prefixes: [0; 32],
                }),
                "V" => {
                    let Some(block_idx) = dict.blocks.len().checked_sub(1) else {
                        continue;
                    };
                    let (head, irregular) = match rest.split_once(" [") {
                        Some((h, irr)) => (
                            h,
                            irr.trim_end_matches(']')
                                .split('|')
                                .map(|f| f.to_lowercase())
                                .collect::<Vec<_>>(),
                        ),
                        None => (rest, Vec::new()),
                    };
                    let mut words = head.split_whitespace();
                    let Some(verb) = words.next() else { continue };
                    let particle = words.next().map(str::to_lowercase);
                    let own_code = code_of(a).is_some();
                    let code = code_of(a).or_else(|| dict.blocks[block_idx].code.clone());
                    let sense = Sense {
                        block: block_idx as u32,
                        lemma: verb.to_lowercase(),
                        code,
                        particle: particle.clone(),
                        own_code,
                    };
                    let mut forms = inflections(verb);
                    for f in irregular {
                        // Irregular forms of phrasal verbs repeat the particle ("asked for").
                        let f = f.split_whitespace().next().unwrap_or("").to_string();
                        if !f.is_empty() && !forms.contains(&f) {
                            forms.push(f);
                        }
                    }
                    for f in forms {
                        let senses = dict.forms.entry(f).or_default();
                        if !senses.contains(&sense) {
                            senses.push(sense.clone());
                        }
                    }
                }
                "P" => {
                    let Some(block) = dict.blocks.last_mut() else { continue };
                    let words: Vec<&str> = rest.split_whitespace().collect();
                    let Some(star) = words.iter().position(|w| *w == "*") else {
                        continue;
                    };
                    let set_ids = &mut dict.set_ids;
                    let mut elem = |w: &&str| match w.strip_prefix('&') {
                        Some(set) => {
                            let next = set_ids.len() as u32;
                            Elem::Set(*set_ids.entry(set.to_lowercase()).or_insert(next))
                        }
                        None => Elem::Word(w.to_lowercase()),
                    };
                    let pre = words[..star].iter().map(&mut elem).collect();
                    let post = words[star + 1..].iter().map(&mut elem).collect();
                    block.patterns.push(Pattern {
                        code: code_of(a),
                        pre,
                        post,
                    });
                }
                _ => {}
            }
        }
        // Sets may be defined after the patterns that name them: resolved once all are read.
        let mut by_id: Vec<(&String, u32)> = dict.set_ids.iter().map(|(name, &id)| (name, id)).collect();
        by_id.sort_by_key(|&(_, id)| id);
        dict.set_words = by_id
            .into_iter()
            .map(|(name, _)| SetWords::new(sets.remove(name).unwrap_or_default()))
            .collect();
        for b in &mut dict.blocks {
            b.index(&dict.set_words);
        }
        dict
    }

    /// Every inflected form that has a reading.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.forms
            .iter()
            .filter(|(_, senses)| !senses.is_empty())
            .map(|(f, _)| f.as_str())
    }

    /// The readings of an inflected verb form (lower case).
    pub fn senses(&self, form: &str) -> &[Sense] {
        self.forms.get(form).map_or(&[], Vec::as_slice)
    }

    /// True when `word` (lower case) is `elem`.
    pub fn elem_matches(&self, elem: &Elem, word: &str) -> bool {
        match elem {
            Elem::Word(w) => word_matches(w, word),
            Elem::Set(s) => self.set_words[*s as usize].matches(word),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_anchor_and_its_inflections_pass_the_prefix_filter() {
        let dict = VerbDictionary::parse(include_str!("../../../data/lexicon/verbs.txt"));
        for block in &dict.blocks {
            for key in block.anchors.keys() {
                assert!(block.may_anchor(key), "{} {key}", block.name);
                // Inflections find a key of four bytes or more (see `candidates`).
                if key.len() >= 4 {
                    for w in [format!("{key}s"), format!("{key}ing"), format!("{key}ed")] {
                        assert!(block.may_anchor(&w), "{} {w}", block.name);
                    }
                }
            }
        }
    }

    #[test]
    fn set_prefix_filter_agrees_with_scanning_the_set() {
        let dict = VerbDictionary::parse(include_str!("../../../data/lexicon/verbs.txt"));
        let scan = |set: &SetWords, word: &str| {
            set.words
                .iter()
                .any(|w| w == word || (word.starts_with(w.as_str()) && word.len() - w.len() <= 3 && w.len() > 3))
        };
        for set in &dict.set_words {
            for w in set.words.iter().chain(dict.set_words[0].words.iter()) {
                for word in [
                    w.clone(),
                    format!("{w}s"),
                    format!("{w}ing"),
                    format!("{w}ment"),
                    w.chars().take(3).collect(),
                    String::new(),
                ] {
                    assert_eq!(set.matches(&word), scan(set, &word), "{word}");
                }
            }
        }
    }

    #[test]
    fn regular_inflections() {
        assert!(inflections("JOIN").contains(&"joined".to_string()));
        assert!(inflections("ADMIT").contains(&"admitted".to_string()));
        assert!(inflections("PROVIDE").contains(&"provided".to_string()));
        assert!(inflections("PROVIDE").contains(&"providing".to_string()));
        assert!(inflections("ACCUSE").contains(&"accuses".to_string()));
        assert!(inflections("RATIFY").contains(&"ratified".to_string()));
        assert!(inflections("PUSH").contains(&"pushes".to_string()));
    }

    #[test]
    fn embedded_dictionary_knows_common_verbs() {
        let dict = VerbDictionary::parse(include_str!("../../../data/lexicon/verbs.txt"));
        assert!(dict.blocks.len() > 300);
        let threaten = dict.senses("threatened");
        assert!(threaten.iter().any(|s| s.code.as_deref() == Some("130")), "{threaten:?}");
        let accuse = dict.senses("accused");
        assert!(accuse.iter().any(|s| s.code.as_deref() == Some("112")));
        assert!(!dict.senses("hacked").is_empty());
        assert!(
            dict.set_ids
                .get("military")
                .is_some_and(|&i| !dict.set_words[i as usize].words.is_empty())
        );
    }
}
