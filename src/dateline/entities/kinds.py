"""Entity types and name extents decided by the words around a name (run after merging).

- A short name the alias table expands to a place ("Emirates" -> "United Arab Emirates") is
  a company when it is listed with companies only ("rivals such as Singapore Airlines and
  Emirates"): it keeps its own name and is an ORG.
- A person spaCy missed, written after a capitalized title of data/titles.txt ("army chief
  Lieutenant General Hermogenes Esperon"): the two or three capitalized words after the title
  are a PERSON with that title as role; a one-word mention of the surname joins it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from . import data
from .merge import Cluster
from .mentions import Mention, sentence_of, sentence_starts

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from .extend import Taken

_LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s+$")
_LIST_AFTER = re.compile(r"^(?:,|\s+and\b|\s+or\b)\s+")
_PLACE_KINDS = frozenset({"GPE", "LOC"})


def _org_ends(clusters: list[Cluster]) -> tuple[set[int], set[int]]:
    """The start and end offsets of every organization name mention."""
    orgs = [m for c in clusters if c.label == "ORG" for m in c.mentions if m.kind == "name"]
    return {m.start for m in orgs}, {m.end for m in orgs}


def _listed_with_orgs(text: str, m: Mention, starts: set[int], ends: set[int]) -> bool:
    """Whether a list joins the mention to an organization name right beside it."""
    before = _LIST_BEFORE.search(text, max(0, m.start - 6), m.start)
    if before and before.end() == m.start and text[:before.start()].rstrip() and \
            len(text[:before.start()].rstrip()) in ends:
        return True
    after = _LIST_AFTER.match(text, m.end)
    return bool(after and after.end() in starts)


def companies_not_places(text: str, clusters: list[Cluster]) -> None:
    """Move expanded place-alias mentions listed with companies only into an ORG of their own
    name (in place; see the module docstring)."""
    starts, ends = _org_ends(clusters)
    for c in list(clusters):
        if not c.canonical or c.label not in _PLACE_KINDS:
            continue
        listed = [m for m in c.mentions if m.kind == "name" and m.name != c.canonical
                  and _listed_with_orgs(text, m, starts, ends)]
        if not listed:
            continue
        c.mentions[:] = [m for m in c.mentions if m not in listed]
        clusters.append(Cluster(mentions=[replace(m, label="ORG") for m in listed]))
        if not c.mentions:
            clusters.remove(c)


_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"


@lru_cache(maxsize=1)
def _titled_name() -> re.Pattern[str]:
    """Capitalized titles of data/titles.txt ("Lieutenant General"; a hyphenated compound with
    a listed part, "Secretary-Treasurer"), then two or three capitalized words, then no
    further capitalized word."""
    titles = "|".join(re.escape(t) for t in data.titles() if t[:1].isupper())
    # a compound title joined by a hyphen, one part listed: "Secretary-Treasurer", "Vice-President"
    titles = rf"(?:[A-Z][a-z]+-)?(?:{titles})|(?:{titles})-[A-Z][a-z]+"
    return re.compile(rf"(?<![\w.-])((?:(?:{titles})[ \t]+)+)({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})(?![\w'’-]|[ \t]+[A-Z])")


def _plain_words(name: str) -> bool:
    """Whether no word of the name ends a company's or organization's name or is a title."""
    heads = data.company_words() | data.org_heads()
    titles = {t.casefold() for t in data.titles()}
    return not any(w.casefold() in heads or w.casefold() in titles for w in name.split())


def titled_persons(doc: "Doc", clusters: list[Cluster], taken: "Taken") -> None:
    """People the tagger missed after a title (in place; see the module docstring)."""
    text, starts = doc.text, sentence_starts(doc)
    for found in _titled_name().finditer(text):
        start, end = found.span()
        name = found.group(2)
        if taken.overlaps(start, end) or not _plain_words(name):
            continue
        mention = Mention(start, end, name, "PERSON", sentence_of(starts, start), role=found.group(1).strip())
        surname = data.name_key(name.split()[-1])
        same = [c for c in clusters if c.tokens() in (data.name_key(name).split(), [surname])
                and not c.canonical and c.label in ("PERSON", "ORG", "GPE", "NORP")]
        host = Cluster(mentions=[mention])
        for c in same:  # "Esperon said" tagged on its own (any type): the same person
            host.mentions.extend(replace(m, label="PERSON") for m in c.mentions)
            clusters.remove(c)
        clusters.append(host)
        taken.add(start, end)


_QUOTED = re.compile(r"“[^”\n]*”?|\"[^\"\n]*\"?")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks; a quote left open runs to the paragraph's end
    (a quote that goes on into the next paragraph opens it again)."""
    return [m.span() for m in _QUOTED.finditer(text)]


def inside(spans: list[tuple[int, int]], char: int) -> bool:
    """Whether ``char`` lies in one of ``spans``."""
    return any(a < char < b for a, b in spans)


def _names_org(org: str, words: frozenset[str]) -> bool:
    """Whether capitalized words written with a descriptor name the organization: all its
    words ("Football Association"), or an acronym of theirs ("FA")."""
    if org.isupper() and len(org) >= 2:
        initials = {w[0] for w in words if w[:1].isupper()}
        return len(words) >= len(org) and all(ch in initials for ch in org)
    return bool(org.split()) and set(org.split()) <= words


def _role_before(doc: "Doc", m: Mention) -> tuple[str, int] | None:
    """The lowercase noun written right before a name mention and where ("president Saburo
    Kawabuchi"), or None."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0 or not doc[span.start - 1].is_lower:
        return None
    return doc[span.start - 1].lower_, doc[span.start - 1].idx


def role_holder(doc: "Doc", clusters: list[Cluster], org: str, noun: str, char: int) -> Cluster | None:
    """The one person named before ``char`` right after the role noun and the organization's
    name ("Japanese Football Association president Saburo Kawabuchi ... the FA president")."""
    from .describe import _words_before

    fit = []
    for c in clusters:
        if c.label != "PERSON":
            continue
        for m in c.mentions:
            role = _role_before(doc, m) if m.kind == "name" and m.start < char else None
            if role is not None and role[0] == noun and _names_org(org, _words_before(doc, role[1])):
                fit.append(c)
                break
    return fit[0] if len(fit) == 1 else None


def only_quoted_before(text: str, person: Cluster, sentence: int, char: int) -> bool:
    """Whether every name mention of the person in the previous sentence is inside a quote
    while ``char`` is not ("'Coach Zico told me ...' the FA president said": Zico is not the
    speaker's evidence)."""
    spans = quoted_spans(text)
    if inside(spans, char):
        return False
    near = [m for m in person.mentions if m.kind != "role" and m.sentence == sentence - 1]
    return bool(near) and all(inside(spans, m.start) for m in near)
