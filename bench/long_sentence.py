"""Attribution layer on one enormous sentence (no full stop): time per size, to show it is linear.

    python bench/long_sentence.py [--sizes 15000,30000,60000] [--model NAME]

The text repeats a reported clause ("the minister said that prices would rise, the agency
reported, and ") up to each size in characters; spaCy parses it as one sentence.  Prints the
parse time and the attribution layer's time per size, and the layer's time per 1,000 tokens
(flat when the cost is linear).  Contents are token index ranges (reported.py), so no cue
walks the whole sentence.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.attribution import extract_attributions  # noqa: E402
from dateline.nlp import load  # noqa: E402

UNIT = "the minister said that prices would rise, the agency reported, and "


def main(argv=None) -> int:
    """Time the attribution layer on single-sentence inputs of growing size."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="15000,30000,60000")
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    nlp = load(args.model) if args.model else load()
    print(f"{'chars':>7}{'tokens':>8}{'longest sent':>14}{'parse s':>9}{'layer s':>9}{'layer ms/1k tok':>17}{'attributions':>14}")
    for size in (int(x) for x in args.sizes.split(",")):
        text = (UNIT * (size // len(UNIT) + 1))[:size]
        t0 = time.perf_counter()
        doc = nlp(text)
        t_parse = time.perf_counter() - t0
        t0 = time.perf_counter()
        atts = extract_attributions(doc, text)
        t_layer = time.perf_counter() - t0
        longest = max(len(s) for s in doc.sents)
        print(f"{size:>7}{len(doc):>8}{longest:>14}{t_parse:>9.1f}{t_layer:>9.2f}"
              f"{1000 * t_layer / len(doc) * 1000:>17.1f}{len(atts):>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
