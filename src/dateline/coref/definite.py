"""Definite descriptions to the named entity they refer back to (bridging co-reference).

"The company" is the nearest ORG named before it; "the judge" the nearest PERSON named
before it whose title ends with that word ("Judge Marisol Okafor").  The nouns and what
they refer to are in data/definite_nouns.tsv.  Only a singular "the/this/that" + noun with
no compound before it ("the parent company" is another company) and no relative clause
("the company that bought it") is resolved, and only within ``MAX_DISTANCE`` characters.
"""

from __future__ import annotations

import bisect
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..datafiles import example_pairs
from ..types import Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

DATA = Path(__file__).parent / "data" / "definite_nouns.tsv"
MAX_DISTANCE = 2500  # characters, as for pronouns
_DETERMINERS = frozenset({"the", "this", "that"})
_BLOCKING_DEPS = frozenset({"compound", "relcl", "acl", "nummod"})


def _lines() -> list[str]:
    return DATA.read_text(encoding="utf-8").splitlines()


@functools.cache
def definite_nouns() -> dict[str, str]:
    """Noun lemma -> "ORG" | "TITLE"."""
    rows = (ln.split("\t") for ln in _lines() if ln.strip() and not ln.startswith("#"))
    return {noun.strip().lower(): kind.strip() for noun, kind in rows}


def examples() -> list[tuple[str, str]]:
    """The ``# example: text => antecedent name`` lines of the data file."""
    return example_pairs(DATA.read_text(encoding="utf-8"))


def is_definite_description(token: "Token") -> bool:
    """A singular listed noun after the/this/that, not a compound's head, no clause after it."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in definite_nouns():
        return False
    children = list(token.children)
    if any(c.dep_ in _BLOCKING_DEPS for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in children)


class DefiniteResolver:
    """Resolves "the company", "the judge" ... of one article to its named entities."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = {e.id: e for e in entities if e.type in ("ORG", "PERSON")}
        self.mentions = sorted((m.start, m.end, e.id) for e in self.entities.values() for m in e.mentions)
        self._starts = [m[0] for m in self.mentions]

    def antecedent(self, token: "Token") -> Entity | None:
        """The entity a definite description refers to, or None."""
        if not is_definite_description(token):
            return None
        kind, word = definite_nouns()[token.lemma_.lower()], token.lemma_.lower()
        phrase_start = token.left_edge.idx
        hi = bisect.bisect_left(self._starts, phrase_start)
        for start, end, eid in reversed(self.mentions[:hi]):
            if start < phrase_start - MAX_DISTANCE:
                return None
            entity = self.entities[eid]
            if end <= phrase_start and self._fits(entity, kind, word):
                return entity
        return None

    @staticmethod
    def _fits(entity: Entity, kind: str, word: str) -> bool:
        if kind == "ORG":
            return entity.type == "ORG"
        return entity.type == "PERSON" and any(r.lower().split()[-1:] == [word] for r in entity.roles)
