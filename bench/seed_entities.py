"""How many of the seed gold file's entities the entity layer finds, aliases merged.

    .venv/bin/python bench/seed_entities.py

Prints one line per gold entity (our id and name, or MISSING) and the total. The same
matching rule as tests/entities/test_seed_entities.py (which requires at least 14 of 15).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "entities"))

from test_seed_entities import _match  # noqa: E402

from dateline.pipeline import Pipeline  # noqa: E402
from dateline.sources import ReadOptions, read_file  # noqa: E402


def main() -> int:
    """Score the seed's entities and print the figures."""
    seed = ROOT / "examples" / "000_e064e57b220f2e4f.txt"
    gold = json.loads(seed.with_suffix(".gold.json").read_text(encoding="utf-8"))["entities"]
    (article,) = list(read_file(seed, ReadOptions()))
    record = Pipeline(["entities"]).run(article)
    found = 0
    for g in gold:
        e = _match(g, record.entities)
        found += e is not None
        print(f"{g['type']:7} {g['name']:36} -> {f'{e.id} {e.name}' if e else 'MISSING'}")
    print(f"gold entities found with their aliases merged: {found}/{len(gold)}")
    print(f"entities in our record: {len(record.entities)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
