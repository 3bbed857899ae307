"""Table tests of the TempEval-3 scorer; every expected figure is worked out by hand."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dateline.evaluation.tempeval import DocumentCounts, count_document, pair_up, score_corpus, score_document


@dataclass(frozen=True)
class T:
    start: int
    end: int
    type: str = "DATE"
    value: str = "1998-01-08"


# (name, gold, predicted, expected {metric: value})
CASES = [
    ("perfect", [T(0, 5)], [T(0, 5)],
     dict(strict_f1=1.0, relaxed_f1=1.0, type_accuracy=1.0, value_accuracy=1.0, value_f1=1.0)),
    ("nothing predicted", [T(0, 5)], [],
     dict(strict_precision=0.0, strict_recall=0.0, relaxed_f1=0.0, value_accuracy=0.0, value_f1=0.0)),
    ("nothing in gold, one predicted", [], [T(0, 5)],
     dict(strict_precision=0.0, relaxed_precision=0.0, relaxed_recall=0.0, relaxed_f1=0.0)),
    # prediction shorter than gold: no strict match, but a relaxed one with right attributes
    ("partial extent", [T(10, 20)], [T(10, 15)],
     dict(strict_precision=0.0, strict_recall=0.0, strict_f1=0.0, relaxed_precision=1.0,
          relaxed_recall=1.0, relaxed_f1=1.0, type_accuracy=1.0, value_accuracy=1.0, value_f1=1.0)),
    # 2 gold, 3 predicted, 2 exact: P=2/3 R=1 F1=0.8; A has the wrong value, B the wrong type:
    # type acc 1/2, value acc 1/2, type F1 = value F1 = 0.8 * 0.5
    ("wrong value, wrong type, one spurious",
     [T(0, 4, "DATE", "1998"), T(10, 14, "DURATION", "P1W")],
     [T(0, 4, "DATE", "1999"), T(10, 14, "DATE", "P1W"), T(20, 25, "DATE", "XXXX")],
     dict(strict_precision=2 / 3, strict_recall=1.0, strict_f1=0.8, relaxed_f1=0.8,
          type_accuracy=0.5, value_accuracy=0.5, type_f1=0.4, value_f1=0.4)),
    # one long prediction over two gold expressions: 1 correct prediction, 2 recalled gold;
    # both gold pair with it, only the first has its value: value acc 1/2
    ("one prediction covers two gold",
     [T(0, 5, "DATE", "1998-03"), T(6, 10, "DATE", "1997")],
     [T(0, 10, "DATE", "1998-03")],
     dict(strict_precision=0.0, strict_recall=0.0, relaxed_precision=1.0, relaxed_recall=1.0,
          relaxed_f1=1.0, type_accuracy=1.0, value_accuracy=0.5, value_f1=0.5)),
    # two predictions inside one gold: both count for precision; the larger overlap (5 > 4)
    # is the partner, and it has the right value
    ("two predictions inside one gold",
     [T(0, 10, "DATE", "V")],
     [T(0, 4, "DATE", "W"), T(5, 10, "DATE", "V")],
     dict(relaxed_precision=1.0, relaxed_recall=1.0, strict_f1=0.0, value_accuracy=1.0)),
    # an exact match beats a larger overlap as partner
    ("exact partner preferred",
     [T(5, 10, "DATE", "V")],
     [T(5, 10, "DATE", "V"), T(0, 12, "DATE", "W")],
     dict(strict_precision=0.5, strict_recall=1.0, relaxed_precision=1.0, value_accuracy=1.0)),
    ("adjacent spans do not overlap", [T(0, 5)], [T(5, 9)],
     dict(relaxed_precision=0.0, relaxed_recall=0.0, relaxed_f1=0.0)),
    # gold 4, predicted 2, 1 exact + 1 partial: strict P=1/2 R=1/4 F1=1/3;
    # relaxed P=2/2 R=2/4 F1=2/3; value acc 2/2; value F1 = 2/3
    ("mixed",
     [T(0, 5), T(10, 15), T(20, 25), T(30, 35)],
     [T(0, 5), T(12, 18)],
     dict(strict_precision=0.5, strict_recall=0.25, strict_f1=1 / 3, relaxed_precision=1.0,
          relaxed_recall=0.5, relaxed_f1=2 / 3, value_accuracy=1.0, value_f1=2 / 3)),
]


@pytest.mark.parametrize("name,gold,predicted,expected", CASES, ids=[c[0] for c in CASES])
def test_document_scores(name, gold, predicted, expected):
    scores = score_document(gold, predicted)
    for metric, value in expected.items():
        assert getattr(scores, metric) == pytest.approx(value), metric


def test_counts_of_mixed_case():
    counts = count_document([T(0, 5), T(10, 15)], [T(0, 5), T(12, 18, "TIME"), T(40, 44)])
    assert counts == DocumentCounts(gold=2, predicted=3, strict_gold=1, strict_predicted=1,
                                    relaxed_gold=2, relaxed_predicted=2, type_correct=1, value_correct=2)


def test_micro_average_sums_counts_over_documents():
    # doc 1: 1 gold, 1 exact; doc 2: 3 gold, nothing predicted.
    # micro: P = 1/1, R = 1/4, F1 = 0.4 (a macro average of the document F1s would be 0.5)
    scores = score_corpus([([T(0, 5)], [T(0, 5)]), ([T(0, 3), T(5, 8), T(9, 12)], [])])
    assert scores.strict_precision == pytest.approx(1.0)
    assert scores.strict_recall == pytest.approx(0.25)
    assert scores.strict_f1 == pytest.approx(0.4)
    assert scores.counts.gold == 4 and scores.counts.predicted == 1


def test_empty_corpus_scores_zero_without_dividing_by_zero():
    scores = score_corpus([])
    assert scores.strict_f1 == 0.0 and scores.value_f1 == 0.0 and scores.type_accuracy == 0.0


def test_as_dict_has_figures_and_counts():
    d = score_document([T(0, 5)], [T(0, 5, "DATE", "1999")]).as_dict()
    assert d["relaxed_f1"] == 1.0 and d["value_accuracy"] == 0.0 and d["n_gold"] == 1


def test_pair_up_for_error_analysis():
    a, b = T(0, 5), T(10, 15)
    p1, p2 = T(0, 5, "DATE", "X"), T(30, 34)
    pairs, spurious = pair_up([a, b], [p1, p2])
    assert pairs == [(a, p1), (b, None)] and spurious == [p2]
