"""CI accuracy gate: dateline's time expressions on te3-train must not fall below the floors.

Floors live in tests/floors.json under "tempeval" (measured figures minus about 0.01);
raise a floor in a commit of its own when the tagger improves.  The figures are the
TempEval-3 Task A ones that bench/tempeval.py prints (same reader, tagger call and scorer).
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, require_data
from dateline.errors import InputError
from dateline.evaluation import read_corpus, score_corpus

FLOORS_FILE = ROOT / "tests" / "floors.json"
METRICS = ("strict_f1", "relaxed_f1", "value_f1", "type_accuracy")


def _floors() -> dict[str, float]:
    return json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["tempeval"]


def test_floors_file_has_every_metric():
    floors = _floors()
    assert set(METRICS) <= set(floors)
    assert all(0.0 < floors[m] <= 1.0 for m in METRICS)


def test_tempeval_floors():
    root = require_data("te3-train")
    time_layer = pytest.importorskip("dateline.time", reason="the time layer is not on this branch")
    from dateline import nlp

    docs = list(read_corpus(root))
    assert not [d for d in docs if isinstance(d, InputError)]
    assert len(docs) == 256
    # one nlp.pipe pass over the corpus, as the pipeline and the bench parse it
    parsed = nlp.load().pipe((d.text for d in docs), batch_size=16)
    predictions = [time_layer.tag(d.text, d.publication_date, doc=p) for d, p in zip(docs, parsed)]
    scores = score_corpus((d.timexes, p) for d, p in zip(docs, predictions))
    floors = _floors()
    below = {m: (round(getattr(scores, m), 4), floors[m]) for m in METRICS if getattr(scores, m) < floors[m]}
    assert not below, f"below the floors in tests/floors.json (measured, floor): {below}"
