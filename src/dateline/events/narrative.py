"""A clause's own time in a narrative: explicit offsets and ages.

A simple-past verb with no time of its own is dated around the narrative's reference time
(the last day-dated event told before it).  A clause that says it is at another time must
not be: "At age 12, she started ...", "Two decades later, ...", "She later moved ...", or
any time expression of the clause, dated or not ("the following year").  An age counts
from a birth told before it: "born on March 3, 1938 ... At age 12" is 1950-03-03 to
1951-03-02 (data/narrative_offsets.txt lists the words).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..time.lexicon import load_lexicon
from ..time.under import parse_number
from .graph import Edge
from .lexicon import Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .anchoring import EventNode, Structure

_NOT_CLAUSE_HEAD = frozenset({"aux", "auxpass", "amod", "compound"})
_MAX_AGE = 125


def clause_head(token: "Token") -> "Token":
    """The verb heading the clause ``token`` is in (the token itself if it is one)."""
    for _ in range(len(token.doc)):
        if (token.pos_ in ("VERB", "AUX") and token.dep_ not in _NOT_CLAUSE_HEAD) or token.head.i == token.i:
            return token
        token = token.head
    return token


def _offset_kind(token: "Token", lex: Lexicon) -> str | None:
    """OFFSET or AGE when ``token`` says its clause is at a time of its own."""
    kind = lex.narrative_offsets.get(token.lower_) or lex.narrative_offsets.get(token.lemma_.lower())
    if kind == "OFFSET" and token.dep_ in ("advmod", "npadvmod"):
        return kind  # "She later moved" (not the conjunction "once the vote was held")
    if kind == "AGE" and age_years(token) is not None:
        return kind
    return None


def age_years(token: "Token") -> int | None:
    """N in "age N", "the age of N", "aged N" (``token`` is "age"/"aged"), else None."""
    numbers = [c for c in token.children if c.dep_ == "nummod"]
    numbers += [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for number in numbers:
        value = parse_number(number.text, load_lexicon()) if number.like_num else None
        if value is not None and value == int(value) and 0 < value <= _MAX_AGE:
            return int(value)
    return None


def own_time_nodes(struct: "Structure", time_roots: Iterable["Token"], lex: Lexicon) -> set[str]:
    """Ids of the events whose clause carries a time of its own: an offset word, an age,
    or one of ``time_roots`` (root tokens of the time expressions that date events)."""
    markers = list(time_roots) + [t for t in struct.doc if _offset_kind(t, lex) is not None]
    heads = {clause_head(token).i for token in markers}
    own: set[str] = set()
    for node in struct.nodes:
        head = struct.doc[node.mention.head]
        # conjoined verbs share the clause's time: "One year later he was fired and founded X"
        if head.i in heads or (node.mention.support in heads) or (head.dep_ == "conj" and head.head.i in heads):
            own.add(node.id)
    return own


def births(struct: "Structure", lex: Lexicon) -> list["EventNode"]:
    """The events that are a person's birth ("born"): background, not the story's time."""
    return [n for n in struct.nodes if lex.narrative_offsets.get(n.mention.lemma) == "BIRTH"]


def age_edges(struct: "Structure", lex: Lexicon) -> list[Edge]:
    """An event at a person's age is that many years after the birth told before it."""
    edges: list[Edge] = []
    birth: "EventNode | None" = None
    ages = {clause_head(t).i: t for t in struct.doc if _offset_kind(t, lex) == "AGE"}
    for node in struct.nodes:
        if lex.narrative_offsets.get(node.mention.lemma) == "BIRTH":  # the latest birth told
            birth = node
            continue
        phrase = ages.get(node.mention.head)
        if birth is not None and phrase is not None:
            years = age_years(phrase)
            edges.append(Edge(birth.id, node.id, "AGE", rule=f"at age {years}", amount=years or 0))
    return edges
