"""Personal pronouns to what they refer to, by general rules (shared by the attribution
and events layers).

A person's gender comes from evidence in the article, weighed in this order:

- an honorific written before a mention or kept in the entity's roles (data/honorifics.tsv);
- a very common first name (data/first_names.tsv);
- pronouns that can only refer to them: "X said ... he" in a sentence naming one person.

Unknown gender is compatible with either pronoun.  A pronoun takes the nearest compatible
candidate mentioned before it: first in its own sentence, then in the preceding sentences
(up to ``MAX_DISTANCE`` characters back); among the candidates of one sentence a
grammatical subject wins over a nearer non-subject ("Mary met Ann. She ...": Mary).
Compatible means: he/she a person of a compatible gender, I/me a person, they/we a group
or an organisation, it an organisation, a state or a document.  He/she pronouns already resolved
are candidates too (a chain of "she" stays with its subject).  I/me/we/us outside quoted
words are the writer and stay unresolved.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..datafiles import example_pairs
from ..types import Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

DATA = Path(__file__).parent / "data"
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
GENDERED_PRONOUNS = MALE | FEMALE
GROUP_PRONOUNS = frozenset({"they", "them", "we", "us"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# what an entity type can be referred to as: "they" is a group or an organisation, "it" an
# organisation or a state ("Russia said it"; a document only among the attribution layer's
# candidates); a state is rarely "they" in news
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}
COORDINATION = re.compile(r"\s*(?:,|and|,\s*and)\s+")  # between two names of one group
GROUP_JOIN = "+"  # a group candidate's key: its members' entity ids joined by this
MAX_DISTANCE = 2500  # characters: a pronoun this far from any name is left unresolved
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Honorific evidence outweighs a first name, which outweighs one co-referring pronoun.
_WEIGHTS = {"honorific": 3, "first_name": 2, "pronoun": 1}


def _rows(name: str) -> list[tuple[str, ...]]:
    """The tab-separated rows of a data file, stripped, the first field in lower case."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, *rest = line.split("\t")
            rows.append((key.strip().lower(), *(field.strip() for field in rest)))
    return rows


@functools.cache
def honorifics() -> dict[str, str]:
    """Honorific (lower case) -> "m" | "f"."""
    return dict(_rows("honorifics.tsv"))


@functools.cache
def first_names() -> dict[str, str]:
    """Common first name (lower case) -> "m" | "f" (names of either gender left out)."""
    return {name: gender for name, gender, _origin in _rows("first_names.tsv") if gender in ("m", "f")}


@functools.cache
def given_names(origin: str | None = None) -> frozenset[str]:
    """Every listed first name (lower case), of any gender; only those of one naming
    tradition ("en", "ar"...) when ``origin`` is given."""
    return frozenset(name for name, _gender, where in _rows("first_names.tsv") if origin in (None, where))


@functools.cache
def modifier_heads() -> frozenset[str]:
    """Singular nouns for a person a name can modify ("a Trump supporter"): data/modifier_heads.txt."""
    return frozenset(row[0] for row in _rows("modifier_heads.txt"))


def first_name_gender(name: str) -> str | None:
    """The gender a common first name gives a name of two words or more ("Mary Smith" -> "f"), if any."""
    words = name.split()
    return first_names().get(words[0].lower()) if len(words) > 1 else None


def examples(name: str) -> list[tuple[str, str]]:
    """The ``# example: sentence => gender`` lines of a data file."""
    return example_pairs((DATA / name).read_text(encoding="utf-8"))


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
    gender = first_name_gender(entity.name)
    if gender is not None:
        votes[gender] += _WEIGHTS["first_name"]
    return votes


@dataclass(frozen=True, slots=True)
class Candidate:
    """An earlier mention a pronoun may refer to: an entity mention, a resolved pronoun,
    or a phrase another layer found (an attribution source such as "officials")."""

    start: int
    end: int
    key: str  # the entity id, or the name when no entity is known
    name: str
    kind: str  # person | group | organisation | state | document | other
    gender: str | None = None


def pronoun_want(word: str) -> str | None:
    """What a personal pronoun can refer to: "person", "group", "thing", or None."""
    low = word.lower()
    if low in GENDERED_PRONOUNS or low in ("i", "me"):
        return "person"
    if low in GROUP_PRONOUNS:
        return "group"
    return "thing" if low in THING_PRONOUNS else None


def compatible(want: str, gender: str | None, candidate: Candidate) -> bool:
    """Number and gender agreement of a pronoun (``want``, ``gender``) with a candidate."""
    if want == "person":
        return candidate.kind == "person" and (gender is None or candidate.gender in (None, gender))
    if want == "group":
        return candidate.kind in ("group", "organisation")
    return candidate.kind in ("organisation", "document", "state")


class PronounResolver:
    """Resolves the personal pronouns of one parsed article to their antecedents.

    He/she pronouns resolved on the way count as mentions of their person ("She said she
    had called Pratt, and she urged": the last "she" is the subject's, not Pratt's).
    """

    def __init__(self, doc: "Doc", text: str, entities: Sequence[Entity]) -> None:
        self.doc, self.text = doc, text
        self.entities = {e.id: e for e in entities}
        self.people = {e.id: e for e in entities if e.type == "PERSON"}
        # every PERSON mention, by start offset: (start, end, entity id)
        self.mentions = sorted((m.start, m.end, e.id) for e in self.people.values() for m in e.mentions)
        self._starts = [m[0] for m in self.mentions]
        self._sent_starts = [s.start_char for s in doc.sents]
        self._gendered = [t for t in doc if t.lower_ in GENDERED_PRONOUNS]
        self._subject: dict[tuple[int, int], bool] = {}
        self._main_subject: dict[tuple[int, int], bool] = {}
        self._modifier: dict[tuple[int, int], bool] = {}
        self._quotes: list[tuple[int, int]] | None = None
        self.genders = self._genders()
        # candidates that no resolved pronoun changes: groups and unnamed described people
        self._fixed = [*self._groups(), *self._described()]
        self._restart()
        self.genders.update(self._chain_genders())  # a second pass with what the first one learnt
        self._restart()

    def _restart(self) -> None:
        """Candidates from the entity mentions only (no pronoun resolved yet)."""
        self._base = sorted([*(Candidate(m.start, m.end, e.id, e.name, ENTITY_KINDS.get(e.type, "other"),
                                         self.genders.get(e.id)) for e in self.entities.values() for m in e.mentions),
                             *self._fixed], key=_order)
        self._base_starts = [c.start for c in self._base]  # kept beside ``_base`` for _search's bisects
        self._chained = 0  # how many of ``_gendered`` are resolved into ``_base``

    def _described(self) -> list[Candidate]:
        """Unnamed people who are the subject of a clause: "a spokesman", "a Trump supporter"
        (an indefinite article, or a name modifying the noun).  They are candidates of no
        entity (key ""), so a later he/she stops at them and resolves to no name."""
        out = []
        for tok in self.doc:
            if tok.tag_ != "NN" or tok.dep_ not in _SUBJECT_DEPS or tok.lemma_.lower() not in modifier_heads():
                continue
            marks = [c for c in tok.children if (c.dep_ == "det" and c.lower_ in ("a", "an"))
                     or (c.dep_ == "compound" and c.ent_type_ == "PERSON")]
            if marks:
                last = tok.right_edge
                phrase = self.text[tok.left_edge.idx:last.idx + len(last.text)]
                out.append(Candidate(tok.left_edge.idx, last.idx + len(last.text), "", phrase, "person"))
        return out

    def _groups(self) -> list[Candidate]:
        """People named together ("Ann Lee and Tom Baker", "Lee, Baker and Ruiz") as one group
        candidate for they/we; its key joins the members' entity ids with GROUP_JOIN."""
        out, run = [], self.mentions[:1]
        for mention in self.mentions[1:] + [None]:
            if mention is not None and COORDINATION.fullmatch(self.text[run[-1][1]:mention[0]]) \
                    and mention[2] not in {m[2] for m in run}:
                run.append(mention)
                continue
            if len(run) > 1 and " and " in self.text[run[0][0]:run[-1][1]]:
                names = [self.people[m[2]].name for m in run]
                name = ", ".join(names[:-1]) + " and " + names[-1]
                out.append(Candidate(run[0][0], run[-1][1], GROUP_JOIN.join(m[2] for m in run), name, "group"))
            run = [mention] if mention is not None else []
        return out

    def _chain_genders(self) -> dict[str, str]:
        """Genders of persons with none yet, from the he/she of the narration resolved to them
        (one kind at least twice as often as the other); pronouns inside quotes are left out,
        as a quote's "he" is rarely its speaker."""
        self._chain_until(len(self.text) + 1)
        votes: dict[str, Counter] = {}
        for c in self._base:
            word = self.text[c.start:c.end]
            if c.key in self.people and c.key not in self.genders and pronoun_gender(word) \
                    and not self._quoted(c.start):
                votes.setdefault(c.key, Counter())[pronoun_gender(word)] += 1
        return {k: g for k, v in votes.items() for g in "mf" if v[g] >= 1 and v[g] >= 2 * v["mf".replace(g, "")]}

    def gender(self, entity_id: str) -> str | None:
        """The gender the article gives a PERSON entity ("m", "f"), or None if unknown."""
        return self.genders.get(entity_id)

    def antecedent(self, token: "Token", exclude: frozenset[str] = frozenset()) -> Entity | None:
        """The PERSON entity a he/she-type pronoun refers to, or None; ``exclude`` holds
        entity ids it cannot be (the subject of the clause "him" is the object of)."""
        if pronoun_gender(token.text) is None:
            return None
        found = self.resolve(token, exclude=exclude)
        return self.people.get(found.key) if found else None

    def resolve(self, token: "Token", extra: Sequence[Candidate] = (),
                exclude: frozenset[str] = frozenset()) -> Candidate | None:
        """The nearest compatible antecedent of a personal pronoun, among the article's
        entity mentions, its resolved he/she pronouns and ``extra`` candidates, other than
        the entities in ``exclude``."""
        want = pronoun_want(token.text)
        if want is None or (token.lower_ in FIRST_PERSON and not self._quoted(token.idx)):
            return None  # I/we in the narration is the writer, not someone named before
        self._chain_until(token.idx)
        cands, starts = self._base, self._base_starts
        if extra:
            cands = sorted([*self._base, *extra], key=_order)
            starts = [c.start for c in cands]
        gender = pronoun_gender(token.text)
        # an earlier speaker ranks as a subject: after 'According to Ham, many disagreed with
        # Obama's policies.' the next '"...," he said' is Ham's
        speakers = {(c.start, c.end) for c in extra}
        if self._quoted(token.idx):
            return self._search(token.idx, cands, starts,
                                lambda c: compatible(want, gender, c) and c.key not in exclude, speakers)
        # a pronoun of the narration is nobody named inside quoted words
        # ('"... the Obama-Clinton disaster," he said': not Obama)
        return self._search(token.idx, cands, starts, lambda c: compatible(want, gender, c)
                            and not self._quoted(c.start) and c.key not in exclude, speakers)

    def _quoted(self, idx: int) -> bool:
        """Whether a character offset lies inside quoted words."""
        if self._quotes is None:
            from ..attribution.quotes import article_quotes  # here: attribution imports this module

            self._quotes = [(q.inner_start, q.inner_end) for q in article_quotes(self.text)]
        return any(a <= idx < b for a, b in self._quotes)

    def _chain_until(self, idx: int) -> None:
        """Resolve, in text order, the he/she pronouns before ``idx`` and keep them as mentions."""
        while self._chained < len(self._gendered) and self._gendered[self._chained].idx < idx:
            tok = self._gendered[self._chained]
            self._chained += 1
            gender = pronoun_gender(tok.text)
            found = self._search(tok.idx, self._base, self._base_starts, lambda c: compatible("person", gender, c))
            if found is not None:
                cand = Candidate(tok.idx, tok.idx + len(tok.text), found.key, found.name, "person",
                                 found.gender or gender)
                at = bisect.bisect_right(self._base, _order(cand), key=_order)  # where bisect.insort puts it
                self._base.insert(at, cand)
                self._base_starts.insert(at, cand.start)

    def _search(self, idx: int, cands: Sequence[Candidate], starts: Sequence[int], ok,
                speakers: frozenset | set = frozenset()) -> Candidate | None:
        """The compatible candidate ending before ``idx``: first in its own sentence, then in
        the sentences before (up to MAX_DISTANCE); in one sentence, subjects (and ``speakers``)
        first, the main clause's subject before a subordinate one, then the latest.
        ``starts`` holds the start offset of each of ``cands`` (built once by the caller)."""
        sent = bisect.bisect_right(self._sent_starts, idx) - 1
        limit = idx - MAX_DISTANCE
        while sent >= 0:
            start = self._sent_starts[sent]
            end = self._sent_starts[sent + 1] if sent + 1 < len(self._sent_starts) else len(self.text)
            lo, hi = bisect.bisect_left(starts, max(start, limit)), bisect.bisect_left(starts, min(end, idx))
            found = [(self._is_subject(c.start, c.end) or (c.start, c.end) in speakers,
                      self._is_main_subject(c.start, c.end), c.start, n)
                     for n, c in enumerate(cands[lo:hi], lo)
                     if c.end <= idx and ok(c) and not (c.kind == "person" and self._is_modifier(c.start, c.end))]
            if found:
                return cands[max(found)[3]]
            if start <= limit:
                return None
            sent -= 1
        return None

    def _is_modifier(self, start: int, end: int) -> bool:
        """Whether a name only modifies a singular noun for a person ('a Trump supporter said
        he ...': the supporter, not Trump, is who the pronoun can be); memoized."""
        if (start, end) not in self._modifier:
            self._modifier[start, end] = self._modifier_at(start, end)
        return self._modifier[start, end]

    def _modifier_at(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root, head = span.root, span.root.head
        return root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end and head.tag_ == "NN" \
            and head.lemma_.lower() in modifier_heads()

    def _is_subject(self, start: int, end: int) -> bool:
        if (start, end) not in self._subject:
            self._subject[start, end] = self._subject_at(start, end)
        return self._subject[start, end]

    def _is_main_subject(self, start: int, end: int) -> bool:
        """Whether the mention is the subject of its sentence's main verb ('Nehlen responded
        to reports that Trump planned ...': Nehlen, not Trump); memoized, as it runs in the search."""
        if (start, end) not in self._main_subject:
            self._main_subject[start, end] = self._is_subject(start, end) and self._main_subject_at(start, end)
        return self._main_subject[start, end]

    def _main_subject_at(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        while root.dep_ in ("compound", "flat", "appos", "conj") and root.head != root:
            root = root.head
        return root.head.dep_ == "ROOT"

    def _subject_at(self, start: int, end: int) -> bool:
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
            named = {eid for s, e, eid in self.mentions[lo:hi] if not self._is_modifier(s, e)}
            others = [e for e in sent.ents if e.label_ == "PERSON"]
            if len(named) != 1 or len({e.text for e in others}) > 1:
                continue
            first = self.mentions[lo][1]
            kinds = {pronoun_gender(t.text) for t in sent if t.idx >= first} - {None}
            if len(kinds) == 1:  # "Smith said he ...": one person, one kind of pronoun
                votes[next(iter(named))][kinds.pop()] += _WEIGHTS["pronoun"]
        return {eid: max("mf", key=lambda g: v[g]) for eid, v in votes.items() if v["m"] != v["f"]}


def _order(c: Candidate) -> tuple[int, int]:
    return c.start, c.end
