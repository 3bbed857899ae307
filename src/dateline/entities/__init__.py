"""Entities of one article: spaCy's names merged into canonical entities.

"Prime Minister Imran Khan", "Imran Khan", "Imran Khan's", "Khan" and "the PTI chief"
become one PERSON named "Imran Khan" with role "Prime Minister"; "US", "U.S." and "the
United States" one GPE.  Adjectives of nationality ("the Pakistani government") are
mentions of their country (see data/demonyms.tsv); nouns for people ("Pakistanis") stay
NORP.  Ids are E1, E2... in order of first mention.

Other layers use ``entity_for_span`` to link a span of text to its canonical entity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from ..types import Entity, Record, Span
from .extend import (acronym_long_forms, appositive_mentions, leading_description_mentions, bracketed_aliases, dateline_mentions, headed_org_mentions, outlet_short_names, outlets_not_persons, first_name_mentions, kin_name_persons, org_role_mentions, outlet_mentions, pattern_mentions, string_mentions, taken_spans,
                     title_role_mentions, widen_into_longer_names, widen_partial_mentions)
from .backrefs import lede_mentions, retrospective_mentions
from .describe import described_person_mentions
from .kinds import companies_not_places, titled_persons
from .merge import Cluster, cluster_mentions
from .mentions import Mention, doc_mentions

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..pipeline import Document

__all__ = ["EntityComponent", "entities_of", "entity_for_span", "render_text"]


def _unique_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions in text order, one per span (the earliest-found kind wins)."""
    seen: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        seen.setdefault((m.start, m.end), m)
    return sorted(seen.values(), key=lambda m: (m.start, m.end))


def _to_entity(number: int, cluster: Cluster, text: str) -> Entity:
    mentions = _unique_mentions(cluster.mentions)
    name = cluster.name()
    aliases: list[str] = []
    for m in mentions:
        surface = text[m.start:m.end]
        if surface.casefold() != name.casefold() and surface not in aliases:
            aliases.append(surface)
    roles: list[str] = []
    for m in mentions:
        if m.role and m.role not in roles:
            roles.append(m.role)
    return Entity(id=f"E{number}", name=name, type=cluster.label,
                  mentions=tuple(Span.of(text, m.start, m.end) for m in mentions),
                  aliases=tuple(aliases), roles=tuple(roles))


def entities_of(doc: "Doc") -> list[Entity]:
    """The canonical entities of a parsed article, E1... in order of first mention."""
    text = doc.text  # spaCy rebuilds doc.text on every access: read it once
    clusters = cluster_mentions(doc_mentions(doc))
    widen_partial_mentions(text, clusters)
    widen_into_longer_names(text, clusters)
    companies_not_places(text, clusters)
    taken = taken_spans(doc, clusters)
    pattern_mentions(doc, clusters, taken)
    titled_persons(doc, clusters, taken)
    bracketed_aliases(doc, clusters, taken)
    acronym_long_forms(doc, clusters, taken)
    string_mentions(doc, clusters, taken)
    first_name_mentions(doc, clusters, taken)
    dateline_mentions(doc, clusters, taken)
    outlet_mentions(doc, clusters, taken)
    headed_org_mentions(doc, clusters, taken)
    outlets_not_persons(clusters)
    clusters = outlet_short_names(clusters)
    org_role_mentions(doc, clusters)
    appositive_mentions(doc, clusters)
    leading_description_mentions(doc, clusters)
    title_role_mentions(doc, clusters, taken_spans(doc, clusters))
    described_person_mentions(doc, clusters)
    retrospective_mentions(doc, clusters)
    lede_mentions(doc, clusters)
    kin_name_persons(clusters)
    clusters.sort(key=lambda c: c.first)
    return [_to_entity(n, c, text) for n, c in enumerate(clusters, 1)]


class EntityComponent:
    """Pipeline component: adds the canonical entities of the article."""

    name = "entities"
    requires: tuple[str, ...] = ()
    provides = "entities"

    def __call__(self, document: "Document") -> None:
        if document.doc is None:
            return
        document.entities.extend(entities_of(document.doc))


def entity_for_span(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``start``..``end``; the tightest fit wins.

    Preference: the largest overlap, then the shortest mention, then the earlier entity.
    """
    best: tuple[int, int, int] | None = None
    found: Entity | None = None
    for rank, entity in enumerate(entities):
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0 and not (start == end and m.start <= start < m.end):
                continue
            score = (-max(overlap, 0), m.end - m.start, rank)
            if best is None or score < best:
                best, found = score, entity
    return found


def render_text(record: Record) -> list[str]:
    """The entities section of the text view: grouped by type, with aliases and roles."""
    if not record.entities:
        return []
    lines = ["## Entities"]
    for kind in sorted({e.type for e in record.entities}):
        lines.append(f"{kind}:")
        for e in (x for x in record.entities if x.type == kind):
            extra = []
            if e.aliases:
                extra.append("also " + ", ".join(f'"{a}"' for a in e.aliases))
            if e.roles:
                extra.append("roles " + ", ".join(e.roles))
            note = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"  {e.id} {e.name} x{len(e.mentions)}{note}")
    return lines
