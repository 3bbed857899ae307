"""Raw entity mentions from spaCy, trimmed to names.

spaCy's entity spans are cleaned before merging: a trailing possessive ("Imran Khan's")
is dropped, a lowercase "the" is dropped, a title ("Prime Minister") is split off into
the mention's role and the mention span is widened to include it, and a capitalized
"The" in the middle of a sentence ("published by The Intercept") is taken as part of
the name.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from . import data

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan

# Entity types that name things (dates and numbers belong to other layers).
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                        "WORK_OF_ART", "LAW", "LANGUAGE"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_EDGE_PUNCT = frozenset("\"“”'‘’()[]{},;:.!?-–—")


@dataclass(frozen=True)
class Mention:
    """One mention of a name: where it is, what it names, and how it was found."""

    start: int  # character offsets of the whole mention (title and "The" included)
    end: int
    name: str  # the name itself: no title, no possessive, no lowercase "the"
    label: str  # spaCy type, or the type of the entity it was linked to
    sentence: int  # index of the sentence it is in
    role: str | None = None  # title or role description found with it
    has_the: bool = False  # a capitalized mid-sentence "The" belongs to the name
    kind: str = "name"  # name | demonym | string | role

    @cached_property
    def key(self) -> str:
        """The name's matching key (see ``data.name_key``)."""
        return data.name_key(self.name)


# spaCy types a cue may override (not dates, numbers, nationalities)
_RETYPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def _punct(token) -> bool:
    """Quote marks and other punctuation at a name's edge (but not "Jr." or "U.S.")."""
    return token.is_punct or all(ch in _EDGE_PUNCT for ch in token.text)


def _trim(ent: "SpacySpan") -> tuple[int, int] | None:
    """Token bounds of the entity without possessives, edge punctuation and a lowercase "the"."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].tag_ == "POS"
                           or _punct(doc[end - 1])):
        end -= 1
    while start < end and _punct(doc[start]):
        start += 1
    if start < end and doc[start].lower_ == "the" and not _name_the(doc, start):
        start += 1
    return (start, end) if start < end else None


def _name_the(doc: "Doc", i: int) -> bool:
    """Whether token ``i`` is a capitalized "The" in running text (so part of a name):
    after a lowercase word or a comma ("published by The Intercept", ", The Intercept
    reported"), not at a sentence start, after a colon or in a title-case headline."""
    token = doc[i]
    if token.text != "The" or token.is_sent_start or i == 0:
        return False
    before = doc[i - 1]
    return before.is_lower or before.text == ","


def _title_before(text: str, start: int) -> str | None:
    """A title written directly before ``start`` ("Prime Minister " + name), or None."""
    for title in data.titles():
        begin = start - len(title) - 1
        if begin < 0 or text[begin:start - 1].casefold() != title.casefold() or text[start - 1] != " ":
            continue
        if begin == 0 or not (text[begin - 1].isalnum()):
            if title[0].isupper() == text[begin].isupper():  # "minister" alone is a word, not a title
                return title
    return None


def mention_of(ent: "SpacySpan", sentence: int, text: str) -> Mention | None:
    """The cleaned mention of one spaCy entity (None when nothing of a name is left);
    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access."""
    bounds = _trim(ent)
    if bounds is None:
        return None
    doc = ent.doc
    first, last = bounds
    has_the = _name_the(doc, first) or (first > 0 and _name_the(doc, first - 1) and ent.label_ != "PERSON")
    if has_the and doc[first].text != "The":
        first -= 1
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    name = text[start:end]
    if has_the:
        name = name[4:]
    role = None
    if ent.label_ == "PERSON":
        name, role = data.split_title(name)
        before = _title_before(text, start) if role is None else None
        if before:
            role, start = before, start - len(before) - 1
    if not name.strip() or not any(ch.isalpha() for ch in name):
        return None
    label = ent.label_
    if role is None and label in _RETYPABLE:
        label = data.type_before(text, start) or label  # "the town of X", "power company X"
    return Mention(start, end, name, label, sentence, role=role, has_the=has_the)


def _demonym(ent: "SpacySpan", mention: Mention) -> Mention:
    """An adjectival nationality ("Pakistani government") as a mention of the place."""
    place = data.demonyms().get(mention.key)
    adjective = all(t.tag_ in ("JJ", "NNP") for t in ent)  # "Pakistanis" (NNPS) are people
    if place and adjective and ent.label_ == "NORP":
        return Mention(mention.start, mention.end, place, "GPE", mention.sentence, kind="demonym")
    return mention


def doc_mentions(doc: "Doc") -> list[Mention]:
    """Every cleaned name mention of spaCy's entities, in text order."""
    starts, text = sentence_starts(doc), doc.text
    found = []
    for ent in doc.ents:
        if ent.label_ not in NAME_TYPES:
            continue
        mention = mention_of(ent, sentence_of(starts, ent.start_char), text)
        if mention is not None:
            found.append(_demonym(ent, mention))
    return found


def sentence_starts(doc: "Doc") -> list[int]:
    """Character offsets where sentences start ([0] when the doc has no sentence bounds)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0]
    return [sent.start_char for sent in doc.sents] or [0]


def sentence_of(starts: list[int], char: int) -> int:
    """The number of the sentence holding character ``char``."""
    return max(bisect.bisect_right(starts, char) - 1, 0)
