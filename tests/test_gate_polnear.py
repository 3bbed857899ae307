"""CI accuracy gate: attributions on PolNeAR dev must not fall below tests/floors.json["polnear"].

The dev split is parsed once per session (nlp.pipe) and scored with
``dateline.evaluation.attribution``, the scorer of ``bench/polnear.py``.  Raise a floor
in its own commit when the figures improve (floors sit 0.01-0.02 under the measured ones).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, require_data

FLOORS = ROOT / "tests" / "floors.json"


@pytest.fixture(scope="session")
def polnear_scores():
    from dateline.evaluation.attribution import read_split, relations_from_record, score_corpus, summary
    from dateline.pipeline import Pipeline
    from dateline.types import Article

    folder = require_data("polnear", "dev")
    gold = read_split(folder)
    pipeline = Pipeline(layers=["attributions"])
    articles = [Article(id=g.name, text=g.text) for g in gold]
    preds = {r.article.id: relations_from_record(r) for r in pipeline.run_many(articles)}
    return summary(score_corpus(gold, preds))


def _floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))["polnear"]


def test_floors_cover_the_headline_figures():
    assert {"attribution_f1", "content_overlap_f1", "cue_overlap_f1", "source_accuracy"} <= set(_floors())


@pytest.mark.data
def test_polnear_dev_above_floors(polnear_scores):
    # one test, not one per metric: under pytest -n 2 a session fixture is per worker,
    # and the dev set should be parsed once
    low = {m: (polnear_scores[m], floor) for m, floor in _floors().items() if polnear_scores[m] < floor}
    assert not low, "PolNeAR dev below floors: " + ", ".join(
        f"{m} = {got:.4f} < {floor}" for m, (got, floor) in sorted(low.items()))
