"""The tense of the clause around a time expression: past, present or future.

With a spaCy Doc the governing verb's morphology decides; without one, the nearest
tense marker in the sentence does (data/tense.tsv lists the markers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import DATA
from .resolve import FUTURE, PAST, PRESENT

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"“'A-Z])|\n\s*\n")


@dataclass(frozen=True)
class Markers:
    """The compiled markers of data/tense.tsv."""

    by_tense: tuple[tuple[re.Pattern, int], ...]  # (regex, tense) for future, present, past
    cue: re.Pattern  # future cues that override the verb's tense


CUE_REACH = 60
SENTENCE_REACH = 400  # characters searched for a sentence boundary on each side  # characters before the expression in which a future cue counts
_TENSES = {"future": FUTURE, "present": PRESENT, "past": PAST}


@lru_cache(maxsize=1)
def markers() -> Markers:
    """The tense markers and future cues of data/tense.tsv, compiled once."""
    found: dict[str, list[str]] = {"future": [], "present": [], "past": [], "cue": []}
    for line in (DATA / "tense.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tense, pattern = line.split("\t")
        found[tense].append(pattern)

    def compile_(patterns: list[str]) -> re.Pattern:
        return re.compile(r"\b(?:%s)\b" % "|".join(patterns), re.I)

    by_tense = tuple((compile_(found[name]), tense) for name, tense in _TENSES.items())
    return Markers(by_tense, compile_(found["cue"]))


def future_cue(text: str, start: int) -> bool:
    """True when a future cue ('payable', 'as soon as', 'scheduled to') shortly precedes ``start``."""
    left, _ = sentence_bounds(text, start, start)
    window = text[max(left, start - CUE_REACH):start]
    return bool(markers().cue.search(window))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (approximate) sentence around text[start:end]."""
    left = max(0, start - SENTENCE_REACH)  # no sentence end in reach: look this far only
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    right = m.start() + 1 if m else min(len(text), end + SENTENCE_REACH)
    return left, right


def tense_from_text(text: str, start: int, end: int) -> int:
    """The tense of the nearest marker (verb form, 'will', 'ago'...) in the sentence."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[tuple[int, int], int] | None = None
    for regex, tense in markers().by_tense:
        for m in regex.finditer(text, left, right):
            if start <= m.start() < end:
                continue  # the expression's own words ("last", "ago") are not the clause's tense
            gap = start - m.end() if m.end() <= start else m.start() - end
            key = (gap, -(m.end() - m.start()))  # on a tie the longer marker: "will be announced"
            if best is None or key < best[0]:
                best = (key, tense)
    return best[1] if best else PRESENT


def tense_from_doc(doc: "Doc", start: int, end: int) -> int | None:
    """The tense of the verb governing the token at ``start`` (None if no verb found)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    words = [token] + [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(w.lower_ in ("will", "'ll", "shall", "wo") for w in words):
        return FUTURE
    if any(w.tag_ in ("VBD",) or "Past" in w.morph.get("Tense") and w.tag_ != "VBN" for w in words):
        return PAST
    if token.tag_ == "VBN" and any(c.lower_ in ("had",) for c in token.children):
        return PAST
    return PRESENT


def tense_at(text: str, start: int, end: int, doc: "Doc | None" = None) -> int:
    """Past, present or future for the expression at text[start:end]."""
    if future_cue(text, start):
        return FUTURE
    if doc is not None:
        found = tense_from_doc(doc, start, end)
        if found is not None:
            return found
    return tense_from_text(text, start, end)
