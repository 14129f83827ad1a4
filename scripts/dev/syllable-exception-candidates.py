#!/usr/bin/env python3
"""Lists the words of a reference file that the syllable rules get wrong, in the file's order, as
candidate lines for data/syllable_exceptions.txt.

usage: scripts/dev/syllable-exception-candidates.py FREQUENT.tsv [LIMIT]

FREQUENT.tsv is the --frequent output of make-syllable-sample.py: dictionary words in order of
frequency, without the words of the test files. Runs the counter (with the current exception list)
through the ignored development test in src/syllables.rs and prints "word count" for up to LIMIT
(default 100) misses, most frequent first, with the dictionary's first pronunciation's count.
Skips acronyms that are right when written in capitals (words of four letters or fewer whose count
is their spelled-out length), since text writes them so.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MISS = re.compile(r"^  (\S+): (\d+) \(CMU \[([\d, ]+)\]\)$")


def spelled(word):
    return sum(3 if c == "w" else 1 for c in word if c.isalpha())


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    limit = int(argv[1]) if len(argv) > 1 else 100
    env = dict(os.environ, SYLLABLE_TSV=str(Path(argv[0]).resolve()))
    out = subprocess.run(
        ["cargo", "test", "--quiet", "--lib", "syllables::tests::development_file", "--",
         "--ignored", "--nocapture"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    shown = 0
    for line in out.splitlines():
        m = MISS.match(line)
        if not m:
            continue
        word, counts = m[1], [int(c) for c in m[3].split(",")]
        if len(word) <= 4 and spelled(word) == counts[0]:
            continue
        print(f"{word} {counts[0]}")
        shown += 1
        if shown == limit:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
