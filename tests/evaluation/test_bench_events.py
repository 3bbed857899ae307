"""bench/events.py picks documents as bench/tempeval.py does: the half first, then --limit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "events.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_events", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_subset_then_limit():
    pick = _bench()._subset
    docs = list(range(10))
    assert pick(docs, 3, "odd") == [1, 3, 5]  # the first three of the odd half, not the odd of the first three
    assert pick(docs, 3, "even") == [0, 2, 4]
    assert pick(docs, None, "odd") == [1, 3, 5, 7, 9]
    assert pick(docs, 4, None) == [0, 1, 2, 3]
    assert pick(docs, None, None) == docs
