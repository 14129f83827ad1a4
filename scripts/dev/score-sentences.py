#!/usr/bin/env python3
"""Scores the sentence splitter on an external list of cases, such as the English "Golden Rules"
of the pragmatic_segmenter project (their text is not part of this repository: gather it yourself).

usage: scripts/dev/score-sentences.py CASES.json [--bin PATH] [--verbose]

CASES.json is a list of {"n": number, "name": str, "input": str, "expected": [sentence, ...]}.
A case passes when the sentences' texts, stripped, equal "expected" exactly. The CLI is run once
with --jsonl (build it first: cargo build --release).
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv):
    args = list(argv)
    binary = str(ROOT / "target" / "release" / "article-analyzer")
    verbose = False
    cases_path = None
    while args:
        a = args.pop(0)
        if a == "--bin":
            binary = args.pop(0)
        elif a in ("-v", "--verbose"):
            verbose = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            cases_path = a
    if cases_path is None:
        print(__doc__, file=sys.stderr)
        return 2
    cases = json.loads(Path(cases_path).read_text(encoding="utf-8"))
    stdin = "".join(json.dumps({"id": i, "text": c["input"]}, ensure_ascii=False) + "\n"
                    for i, c in enumerate(cases))
    proc = subprocess.run([binary, "--jsonl"], input=stdin.encode("utf-8"),
                          capture_output=True, check=True, timeout=300)
    results = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            results[obj["id"]] = obj
    passed = 0
    for i, case in enumerate(cases):
        obj = results.get(i, {})
        got = [s["text"].strip() for s in obj.get("result", {}).get("sentences", [])]
        if got == case["expected"]:
            passed += 1
            continue
        print(f"FAIL #{case.get('n', i)} {case.get('name', '')}")
        if verbose:
            print(f"    input:    {case['input']!r}")
        print(f"    expected: {case['expected']!r}")
        print(f"    got:      {got!r}")
    print(f"{passed} passed, {len(cases) - passed} failed")
    return 0 if passed == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
