"""The medium that relays words: an outlet or a platform named by the cue's prepositions.

"said Thursday on Twitter", "said in an interview with host X on WIBC radio", "wrote on
Facebook", "Asked on Fox News who leads the party, he said": the outlet (data/outlets.txt,
data/outlet_nouns.txt) or platform (data/platforms.txt) the words were given on goes into the
attribution's ``via``, as an outlet told the words does ("told Reuters").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from . import lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..types import Attribution

MEDIUM_PREPS = frozenset({"on", "with", "to", "in", "during", "via"})  # "on Twitter", "in an interview with"
MAX_DEPTH = 3  # prep -> noun -> prep chains this deep ("in an interview with host X on WIBC radio")


@lru_cache(maxsize=1)
def platforms() -> frozenset[str]:
    """Online platforms (lower case) whose posts relay words: "twitter", "truth social"."""
    return frozenset(row[0].lower() for row in lexicon._rows("platforms.txt"))


def medium_vias(verb: "Token", exclude: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Token ranges of the outlets or platforms the cue ``verb`` names through its prepositions,
    or through those of a participle clause hung on it ("Asked on CNN ..., she said").
    ``exclude`` holds character ranges (the words said) where a name is not the medium."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBG")
                      and not any(g.dep_.startswith("nsubj") for g in c.children)]
    found: list[tuple[int, int]] = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in MEDIUM_PREPS:
                _walk(prep, 1, exclude, found)
    return found


def _walk(prep: "Token", depth: int, exclude: Sequence[tuple[int, int]],
          found: list[tuple[int, int]]) -> None:
    """Follow a prepositional chain down to the first outlet or platform on each branch."""
    for obj in prep.children:
        if obj.dep_ != "pobj" or any(a <= obj.idx < b for a, b in exclude):
            continue
        span = outlet_span(obj)
        if span is not None:
            if span not in found:
                found.append(span)
            continue
        if depth < MAX_DEPTH:
            for sub in obj.children:
                if sub.dep_ == "prep" and sub.lower_ in MEDIUM_PREPS:
                    _walk(sub, depth + 1, exclude, found)


def outlet_span(noun: "Token") -> tuple[int, int] | None:
    """The token range of the outlet or platform a noun names: "Twitter", "the Orlando Sentinel",
    "Fox News", "WIBC" in "WIBC radio"; None for any other noun."""
    doc = noun.doc
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "det", "poss", "nmod")]
    start = min([noun.i] + [c.left_edge.i for c in left])
    while start < noun.i and doc[start].dep_ in ("det", "punct"):
        start += 1
    words = doc[start:noun.i + 1]
    if not noun.text[:1].isupper() and noun.lower_ not in _noun_words():
        return None  # "on twitter feeds", "in an interview": no name
    if words.text.lower() in platforms():
        return start, noun.i + 1
    if noun.lower_ in platforms():
        return noun.i, noun.i + 1  # "conservative Twitter" keeps the platform's own word
    if lexicon.is_outlet(words.text):
        return start, noun.i + 1
    name = lexicon.described_outlet(words.text)
    if name is None:
        return None
    first = name.split()[0]
    for tok in words:
        if tok.text == first:
            return tok.i, tok.i + len(name.split())
    return None


@lru_cache(maxsize=1)
def _noun_words() -> frozenset[str]:
    """Last words of outlet nouns ("radio", "newspaper") that end a described outlet's phrase."""
    return frozenset(noun[-1] for noun in lexicon.outlet_nouns())


def carry_medium_via(attributions: Sequence["Attribution"], doc: "Doc") -> list["Attribution"]:
    """A source's next words, in the sentence after words given on a medium, keep that medium:
    "Asked on Fox News who leads, he said Ryan. '...,' he said." (both answers are on Fox)."""
    from dataclasses import replace

    out = list(attributions)
    order = sorted(range(len(out)), key=lambda n: out[n].cue.start if out[n].cue else -1)
    for prev_n, n in zip(order, order[1:]):
        prev, att = out[prev_n], out[n]
        if att.via or not prev.via or att.cue is None or prev.cue is None:
            continue
        if att.source is None or prev.source is None or source_key(att) != source_key(prev):
            continue
        if not _next_sentence(doc, prev.cue.start, att.cue.start):
            continue
        verb = _cue_token(doc, prev.cue.start)
        if verb is None or not medium_vias(verb):
            continue  # the earlier via was not a medium ("told X", "according to")
        out[n] = replace(att, via=prev.via)
    return out


def source_key(att: "Attribution") -> str | None:
    """Who spoke: the canonical entity when known, else the resolved name."""
    if att.source is None:
        return None
    return att.source.entity or att.source.name.lower()


def _cue_token(doc: "Doc", offset: int) -> "Token | None":
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _next_sentence(doc: "Doc", first: int, second: int) -> bool:
    """``second`` lies in the same sentence as ``first`` or in the one right after it."""
    a, b = _cue_token(doc, first), _cue_token(doc, second)
    if a is None or b is None:
        return False
    return b.sent.start == a.sent.start or b.sent.start == a.sent.end
