"""TempEval-3 Task A scoring of time expressions (TIMEX3), as the official TE3 scorer does it.

Conventions (UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3"):

* Only time expressions of the document text are scored: the document creation
  time (DCT) is input, not output, so callers pass the TEXT's timexes only.
* **Strict** extent match: same start and same end.  **Relaxed** match: the spans
  overlap by at least one character.  Precision counts the predicted expressions
  that match some gold one; recall counts the gold expressions that some predicted
  one matches (a long prediction covering two gold expressions is one correct
  prediction and gives recall for both).
* **Attribute accuracy** (type, value) is measured over relaxed matches: each gold
  expression with a relaxed match is paired with one prediction (the exact-span
  one if there is one, else the one with the largest overlap, then the earliest)
  and the attribute counts as correct when the strings are equal.
* **Attribute F1** = relaxed F1 x attribute accuracy (how TE3 reports "value F1").
* Micro-averaging: counts are summed over all documents, then turned into scores.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Iterable, Protocol, Sequence


class Annotation(Protocol):
    """Anything with a span and TIMEX3 type and value (dateline.types.Timex fits)."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class DocumentCounts:
    """The raw counts of one or more documents; add them up to micro-average."""

    gold: int = 0
    predicted: int = 0
    strict_gold: int = 0  # gold expressions with an exact-span prediction
    strict_predicted: int = 0  # predictions with an exact-span gold expression
    relaxed_gold: int = 0  # gold expressions overlapped by some prediction
    relaxed_predicted: int = 0  # predictions overlapping some gold expression
    type_correct: int = 0  # among the relaxed_gold pairs
    value_correct: int = 0  # among the relaxed_gold pairs

    def __add__(self, other: "DocumentCounts") -> "DocumentCounts":
        """Field-wise sum (micro-averaging adds the counts of documents)."""
        return DocumentCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class TimexScores:
    """TempEval-3 Task A figures computed from summed counts."""

    counts: DocumentCounts

    @property
    def strict_precision(self) -> float:
        """Share of predictions with an exact-span gold expression."""
        return _ratio(self.counts.strict_predicted, self.counts.predicted)

    @property
    def strict_recall(self) -> float:
        """Share of gold expressions with an exact-span prediction."""
        return _ratio(self.counts.strict_gold, self.counts.gold)

    @property
    def strict_f1(self) -> float:
        """Harmonic mean of strict precision and recall."""
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_precision(self) -> float:
        """Share of predictions overlapping a gold expression."""
        return _ratio(self.counts.relaxed_predicted, self.counts.predicted)

    @property
    def relaxed_recall(self) -> float:
        """Share of gold expressions overlapped by a prediction."""
        return _ratio(self.counts.relaxed_gold, self.counts.gold)

    @property
    def relaxed_f1(self) -> float:
        """Harmonic mean of relaxed precision and recall."""
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        """Share of relaxed-matched gold expressions whose partner has the same type."""
        return _ratio(self.counts.type_correct, self.counts.relaxed_gold)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed-matched gold expressions whose partner has the same value."""
        return _ratio(self.counts.value_correct, self.counts.relaxed_gold)

    @property
    def type_f1(self) -> float:
        """Relaxed F1 x type accuracy (TempEval-3's type F1)."""
        return self.relaxed_f1 * self.type_accuracy

    @property
    def value_f1(self) -> float:
        """Relaxed F1 x value accuracy (TempEval-3's value F1)."""
        return self.relaxed_f1 * self.value_accuracy

    def as_dict(self) -> dict[str, float | int]:
        """All figures and counts as a flat dict (for JSON output and floors)."""
        names = ("strict_precision", "strict_recall", "strict_f1", "relaxed_precision",
                 "relaxed_recall", "relaxed_f1", "type_accuracy", "value_accuracy", "type_f1", "value_f1")
        out: dict[str, float | int] = {name: round(getattr(self, name), 4) for name in names}
        out.update({f"n_{f.name}": getattr(self.counts, f.name) for f in fields(self.counts)})
        return out


def overlaps(a: Annotation, b: Annotation) -> bool:
    """True when the two spans share at least one character."""
    return max(a.start, b.start) < min(a.end, b.end)


def _same_span(a: Annotation, b: Annotation) -> bool:
    return a.start == b.start and a.end == b.end


def _partner(gold: Annotation, predicted: Sequence[Annotation]) -> Annotation | None:
    """The prediction paired with ``gold`` for attribute scoring, or None."""
    best: Annotation | None = None
    best_key: tuple[int, int, int] | None = None
    for p in predicted:
        if not overlaps(gold, p):
            continue
        shared = min(gold.end, p.end) - max(gold.start, p.start)
        key = (1 if _same_span(gold, p) else 0, shared, -p.start)
        if best_key is None or key > best_key:
            best, best_key = p, key
    return best


def pair_up(gold: Sequence[Annotation], predicted: Sequence[Annotation]
            ) -> tuple[list[tuple[Annotation, Annotation | None]], list[Annotation]]:
    """Each gold expression with its partner prediction (or None), and the predictions matching no gold.

    For error analysis: the pairs are the ones the attribute accuracies are computed on.
    """
    pairs = [(g, _partner(g, predicted)) for g in gold]
    spurious = [p for p in predicted if not any(overlaps(g, p) for g in gold)]
    return pairs, spurious


def count_document(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> DocumentCounts:
    """The TempEval-3 counts of one document's gold and predicted (non-DCT) timexes."""
    pairs, _ = pair_up(gold, predicted)
    matched = [(g, p) for g, p in pairs if p is not None]
    return DocumentCounts(
        gold=len(gold),
        predicted=len(predicted),
        strict_gold=sum(1 for g in gold if any(_same_span(g, p) for p in predicted)),
        strict_predicted=sum(1 for p in predicted if any(_same_span(g, p) for g in gold)),
        relaxed_gold=len(matched),
        relaxed_predicted=sum(1 for p in predicted if any(overlaps(g, p) for g in gold)),
        type_correct=sum(1 for g, p in matched if g.type == p.type),
        value_correct=sum(1 for g, p in matched if g.value == p.value),
    )


def score_document(gold: Sequence[Annotation], predicted: Sequence[Annotation]) -> TimexScores:
    """TempEval-3 scores of one document."""
    return TimexScores(count_document(gold, predicted))


def score_corpus(pairs: Iterable[tuple[Sequence[Annotation], Sequence[Annotation]]]) -> TimexScores:
    """Micro-averaged TempEval-3 scores over (gold, predicted) pairs, one per document."""
    total = DocumentCounts()
    for gold, predicted in pairs:
        total = total + count_document(gold, predicted)
    return TimexScores(total)
