"""Descriptions of a person no earlier descriptor announces, linked by where they stand.

Two shapes of news writing, each a mention of kind "role" (in place):

- a retrospective description, "the former|one-time|erstwhile [modifiers] <person noun>"
  (data/person_nouns.txt), outside any quote ("The one-time Newcastle, Spurs and Rangers
  midfielder admitted ...", '"...," said the former World Cup hero, who ...'): the one person
  named outside quotes in the nearest sentence before it that names anyone (at most
  ``BACK_SENTENCES`` back). Its capitalized words (clubs, places) are never the link.
- a delayed-identification lede: "a/an [former] <person noun>", not the subject, in the
  article's first sentence ("Police detained Thursday a former defence secretary who ..."),
  when the subject of
  the second sentence is a person named there for the first time ("Retired general X, 80, was
  ..."): that person.

No link when two people fit, or the person is named in the description's own clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import data
from .describe import named_in_clause
from .kinds import inside, quoted_spans
from .merge import Cluster
from .mentions import Mention, sentence_of, sentence_starts

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan, Token

BACK_SENTENCES = 3
_RETRO = ("former", "one-time", "onetime", "erstwhile")


_WALK = 14  # at most this many tokens between the determiner and the head


def _determiner_before(tok: "Token", determiners: frozenset[str]) -> "Token | None":
    """The determiner opening the head's phrase, walking back over modifiers: words,
    capitalized names, list commas and "and", hyphens, numbers ("The one-time Newcastle,
    Spurs and Rangers midfielder"; the parser often breaks such lists)."""
    doc = tok.doc
    for i in range(tok.i - 1, max(-1, tok.i - _WALK - 1), -1):
        t = doc[i]
        if t.lower_ in determiners and t.tag_ == "DT":
            return t
        if t.is_sent_start or not (t.text in (",", "-", "&") or t.lower_ == "and"
                                   or t.tag_ in ("NNP", "NNPS", "NN", "JJ", "CD", "VBN", "HYPH")):
            return None
    return None


def _phrase(tok: "Token", determiners: frozenset[str]) -> "SpacySpan | None":
    """The noun phrase from its determiner to the person-noun head ``tok``, or None when it
    is not a plain description (a name follows, a possessive inside, a predicate)."""
    if not (tok.is_lower and tok.tag_ in ("NN", "NNP") and tok.lower_ in data.person_nouns()):
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or (nxt.pos_ == "NOUN" and nxt.is_lower) or nxt.text == "-"):
        return None  # "the former star Paul X": the name is there
    if tok.dep_ in ("attr", "oprd", "compound") or any(c.lower_ == "of" for c in tok.children):
        return None  # "he is the former coach", "the former head of X"
    det = _determiner_before(tok, determiners)
    if det is None or (det.i > 0 and doc[det.i - 1].lower_ in ("is", "was", "as", "be", "been")):
        return None
    phrase = doc[det.i:tok.i + 1]
    if any(t.tag_ == "POS" or t.dep_ == "poss" for t in phrase):
        return None  # "the club's former coach": someone else's
    return phrase


def _people_in(clusters: list[Cluster], sentence: int, before: int, quotes) -> list[Cluster]:
    """Persons named (not described) outside quotes in ``sentence`` before char ``before``."""
    return [c for c in clusters if c.label == "PERSON" and any(
        m.kind != "role" and m.sentence == sentence and m.start < before and not inside(quotes, m.start)
        for m in c.mentions)]


def _other_name_shaped(clusters: list[Cluster], sentence: int, before: int, quotes) -> bool:
    """Whether a name of a person's shape (a known first name, then one or two capitalized
    words) typed otherwise stands in the sentence ("Pedro Almeida" typed ORG beside "Martin
    Kovac"): two people may be meant."""
    from ..coref.pronouns import given_names
    from .mentions import _person_shaped

    return any(c.label != "PERSON" and _person_shaped(m.name) and m.name.split()[0].casefold() in given_names()
               and m.kind == "name" and m.sentence == sentence and m.start < before and not inside(quotes, m.start)
               for c in clusters for m in c.mentions)


def _last_named(clusters: list[Cluster], sentence: int, start: int, quotes) -> Cluster | None:
    """The one person of the nearest sentence (this one, then up to ``BACK_SENTENCES`` back)
    that names anyone outside quotes; None when that sentence names several."""
    for n in range(sentence, max(-1, sentence - BACK_SENTENCES - 1), -1):
        people = _people_in(clusters, n, start, quotes)
        if people:
            return people[0] if len(people) == 1 and not _other_name_shaped(clusters, n, start, quotes) else None
    return None


def _add(person: Cluster, phrase: "SpacySpan", sentence: int) -> None:
    person.mentions.append(Mention(phrase.start_char, phrase.end_char, phrase.text, "PERSON",
                                   sentence, role=phrase.text, kind="role"))


def _taken(clusters: list[Cluster], phrase: "SpacySpan") -> bool:
    """Whether a person mention already overlaps the phrase."""
    return any(m.start < phrase.end_char and phrase.start_char < m.end
               for c in clusters if c.label == "PERSON" for m in c.mentions)


def retrospective_mentions(doc: "Doc", clusters: list[Cluster]) -> None:
    """Link retrospective descriptions (see the module docstring)."""
    text, starts = doc.text, sentence_starts(doc)
    quotes = quoted_spans(text)
    for tok in doc:
        phrase = _phrase(tok, frozenset({"the"}))
        if phrase is None or not any(r in phrase.text.lower().split() for r in _RETRO) \
                or inside(quotes, phrase.start_char) or _taken(clusters, phrase):
            continue
        sentence = sentence_of(starts, phrase.start_char)
        person = _last_named(clusters, sentence, phrase.start_char, quotes)
        if person is None or named_in_clause(doc, person, phrase.start_char, sentence):
            continue
        _add(person, phrase, sentence)


def lede_mentions(doc: "Doc", clusters: list[Cluster]) -> None:
    """Link a first sentence's "a former secretary" to the second sentence's new subject."""
    sents = list(doc.sents)
    if len(sents) < 2:
        return
    first, second = sents[0], sents[1]
    subjects = [t for t in second if t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "PERSON"]
    if not subjects:
        return
    head = subjects[0]
    person = next((c for c in clusters if c.label == "PERSON" and any(
        m.kind != "role" and m.start <= head.idx < m.end for m in c.mentions)), None)
    if person is None or min(m.start for m in person.mentions) < second.start_char:
        return  # named before: the lede's description may be someone else
    # only an object or a phrase's complement: a subject opening the article ("A judge
    # rejected ...") is left to describe.py, which asks for the same noun later
    phrases = [p for tok in first if tok.dep_ not in ("nsubj", "nsubjpass")
               and (p := _phrase(tok, frozenset({"a", "an"}))) is not None and not _taken(clusters, p)]
    if len(phrases) == 1:
        _add(person, phrases[0], sentence_of(sentence_starts(doc), phrases[0].start_char))
