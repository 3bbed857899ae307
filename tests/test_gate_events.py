"""CI accuracy gate for the events layer: scores on the development data must not fall
below the floors recorded in tests/floors.json under "events" (raise a floor in its own
commit).  Both corpora are parsed once per session; the same figures come from
``python bench/events.py``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import require_data
from dateline.errors import InputError
from dateline.evaluation.events import (read_cat_folder, read_timelines, run_articles, score_timelines,
                                        score_triggers)
from dateline.evaluation.timeml import read_corpus
from dateline.types import Article

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))["events"]


@pytest.fixture(scope="session")
def te3_scores():
    folder = require_data("te3-train")
    docs = [d for d in read_corpus(folder) if not isinstance(d, InputError)]
    articles = [Article(id=d.docid, text=d.text, published=d.publication_date) for d in docs]
    records, _ = run_articles(articles, ["events"], with_requirements=False)  # triggers need no other layer
    return score_triggers(records, [[(e.start, e.end) for e in d.events] for d in docs])


@pytest.fixture(scope="session")
def timeline_scores():
    folder = require_data("semeval2015-task4-timeline")
    docs = read_cat_folder(folder / "Corpus-trial-data_task4")
    records, _ = run_articles([Article(id=d.doc_id, text=d.text, published=d.published) for d in docs])
    triggers = score_triggers(records, [[(m.start, m.end) for m in d.of_kind("EVENT_MENTION")] for d in docs])
    timelines = score_timelines({r.article.id: r for r in records}, {d.doc_id: d for d in docs},
                                read_timelines(folder / "TimeLines_trial_data_task4_v1.2"))
    return triggers, timelines


def test_te3_trigger_f1(te3_scores):
    assert te3_scores.f1 >= FLOORS["te3_trigger_f1"], te3_scores


def test_te3_trigger_precision_and_recall(te3_scores):
    assert te3_scores.precision >= FLOORS["te3_trigger_precision"]
    assert te3_scores.recall >= FLOORS["te3_trigger_recall"]


def test_timeline_trigger_f1(timeline_scores):
    triggers, _ = timeline_scores
    assert triggers.f1 >= FLOORS["timeline_trigger_f1"], triggers


def test_timeline_anchoring(timeline_scores):
    _, scores = timeline_scores
    a = scores.anchoring
    assert a.correct / a.gold >= FLOORS["timeline_anchoring_accuracy"], a
    assert a.bounded_correct / a.gold >= FLOORS["timeline_anchoring_bounded_accuracy"], a


def test_timeline_entity_participation(timeline_scores):
    _, scores = timeline_scores
    assert scores.with_participant / scores.entries >= FLOORS["timeline_entity_participation"], scores.entries
