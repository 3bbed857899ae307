"""Precision scan of the description links (entities/describe.py) on unseen news.

usage: python bench/description_links.py [--data ../shared/data] [--split train] [--limit 250]

Prints every description the rule makes a mention of a person, with its context, so a reader
can judge each link, and the count.  There is no gold for these links: the figure is a count
to read through, not an accuracy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dateline import entities
from dateline.entities import describe
from dateline.nlp import load


def _links(doc, clusters, found: list[tuple[str, str, str]]) -> None:
    before = {id(c): len(c.mentions) for c in clusters}
    describe.described_person_mentions(doc, clusters)
    for c in clusters:
        for m in c.mentions[before.get(id(c), 0):]:
            start = max(doc.text.rfind("\n", 0, m.start) + 1, m.start - 150)
            found.append((m.name, c.name(), doc.text[start:m.end + 60].replace("\n", " ")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=250)
    args = parser.parse_args()
    folder = Path(args.data) / "polnear" / args.split / "text"
    files = sorted(folder.glob("*.txt"))[:args.limit]
    if not files:
        print(f"no PolNeAR texts in {folder}", file=sys.stderr)
        return 1
    found: list[tuple[str, str, str]] = []
    entities.described_person_mentions = lambda doc, clusters: _links(doc, clusters, found)
    nlp = load()
    for f in files:
        entities.entities_of(nlp(f.read_text(encoding="utf-8")))
    for phrase, name, context in found:
        print(f"{phrase!r} -> {name}\n    {context}")
    print(f"{len(found)} description links in {len(files)} PolNeAR {args.split} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
