"""He/she pronouns to the canonical PERSON entity they refer to, by general rules.

A person's gender comes from evidence in the article, weighed in this order:

- an honorific written before a mention or kept in the entity's roles (data/honorifics.tsv);
- a very common first name (data/first_names.tsv);
- pronouns that can only refer to them: "X said ... he" in a sentence naming one person.

Unknown gender is compatible with either pronoun.  A pronoun takes the nearest compatible
PERSON mentioned before it: first in its own sentence, then in the preceding sentences
(up to ``MAX_DISTANCE`` characters back); among the candidates of one sentence a
grammatical subject wins over a nearer non-subject ("Mary met Ann. She ...": Mary).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..types import Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

DATA = Path(__file__).parent / "data"
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
GENDERED_PRONOUNS = MALE | FEMALE
MAX_DISTANCE = 2500  # characters: a pronoun this far from any name is left unresolved
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Honorific evidence outweighs a first name, which outweighs one co-referring pronoun.
_WEIGHTS = {"honorific": 3, "first_name": 2, "pronoun": 1}


def _rows(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, gender = line.split("\t")
            rows.append((key.strip().lower(), gender.strip()))
    return rows


@functools.cache
def honorifics() -> dict[str, str]:
    """Honorific (lower case) -> "m" | "f"."""
    return dict(_rows("honorifics.tsv"))


@functools.cache
def first_names() -> dict[str, str]:
    """Common first name (lower case) -> "m" | "f"."""
    return dict(_rows("first_names.tsv"))


def examples(name: str) -> list[tuple[str, str]]:
    """The ``# example: sentence => gender`` lines of a data file."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# example:"):
            sentence, gender = line.removeprefix("# example:").split("=>")
            out.append((sentence.strip(), gender.strip()))
    return out


def pronoun_gender(word: str) -> str | None:
    """"m" for he/him/his/himself, "f" for she/her/hers/herself, else None."""
    low = word.lower()
    return "m" if low in MALE else "f" if low in FEMALE else None


def _name_evidence(entity: Entity, text: str) -> Counter:
    """Honorific and first-name votes for one PERSON entity."""
    votes: Counter = Counter()
    titles = honorifics()
    for role in entity.roles:
        if role.lower() in titles:
            votes[titles[role.lower()]] += _WEIGHTS["honorific"]
    for m in entity.mentions:
        # the word before the mention ("Mr. Lee") or the mention's own first word ("Mr. Lee" kept whole)
        before = text[max(0, m.start - 12):m.start].split()[-1:]
        inside = m.text.split()[:1] if len(m.text.split()) > 1 else []
        for word in before + inside:
            # capitalized only: "I will miss Steve" is not "Miss Steve"
            if word[:1].isupper() and word.lower() in titles:
                votes[titles[word.lower()]] += _WEIGHTS["honorific"]
    first = entity.name.split()[0].lower() if entity.name.split() else ""
    if len(entity.name.split()) > 1 and first in first_names():
        votes[first_names()[first]] += _WEIGHTS["first_name"]
    return votes


class PronounResolver:
    """Resolves he/she pronouns of one parsed article to its PERSON entities."""

    def __init__(self, doc: "Doc", text: str, entities: Sequence[Entity]) -> None:
        self.doc, self.text = doc, text
        self.people = {e.id: e for e in entities if e.type == "PERSON"}
        # every PERSON mention, by start offset: (start, end, entity id)
        self.mentions = sorted((m.start, m.end, e.id) for e in self.people.values() for m in e.mentions)
        self._starts = [m[0] for m in self.mentions]
        self._sent_starts = [s.start_char for s in doc.sents]
        self.genders = self._genders()

    def gender(self, entity_id: str) -> str | None:
        """The gender the article gives a PERSON entity ("m", "f"), or None if unknown."""
        return self.genders.get(entity_id)

    def antecedent(self, token: "Token") -> Entity | None:
        """The PERSON entity a he/she-type pronoun refers to, or None."""
        want = pronoun_gender(token.text)
        if want is None:
            return None
        sent = bisect.bisect_right(self._sent_starts, token.idx) - 1
        limit = token.idx - MAX_DISTANCE
        while sent >= 0:
            start = self._sent_starts[sent]
            end = self._sent_starts[sent + 1] if sent + 1 < len(self._sent_starts) else len(self.text)
            found = self._best_in(max(start, limit), min(end, token.idx), want)
            if found is not None:
                return self.people[found]
            if start <= limit:
                return None
            sent -= 1
        return None

    def _best_in(self, start: int, end: int, want: str) -> str | None:
        """The compatible person mentioned in [start, end): subjects first, then the latest."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        found = [(self._is_subject(s, e), s, eid) for s, e, eid in self.mentions[lo:hi]
                 if e <= end and self.genders.get(eid, want) == want]
        return max(found)[2] if found else None

    def _is_subject(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        while root.dep_ in ("compound", "flat", "appos", "conj") and root.head != root:
            root = root.head
        return root.dep_ in _SUBJECT_DEPS

    def _genders(self) -> dict[str, str]:
        """Each person's gender from names, honorifics and unambiguous pronouns."""
        votes = {eid: _name_evidence(e, self.text) for eid, e in self.people.items()}
        for sent in self.doc.sents:
            lo = bisect.bisect_left(self._starts, sent.start_char)
            hi = bisect.bisect_left(self._starts, sent.end_char)
            named = {eid for _s, _e, eid in self.mentions[lo:hi]}
            others = [e for e in sent.ents if e.label_ == "PERSON"]
            if len(named) != 1 or len({e.text for e in others}) > 1:
                continue
            first = self.mentions[lo][1]
            kinds = {pronoun_gender(t.text) for t in sent if t.idx >= first} - {None}
            if len(kinds) == 1:  # "Smith said he ...": one person, one kind of pronoun
                votes[next(iter(named))][kinds.pop()] += _WEIGHTS["pronoun"]
        return {eid: max("mf", key=lambda g: v[g]) for eid, v in votes.items() if v["m"] != v["f"]}
