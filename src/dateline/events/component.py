"""The events pipeline component: mentions, participants, modality, dates, sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import replace

from ..types import Attribution, Event, Participant, Span
from .anchoring import EventNode, anchor_events
from .lexicon import lexicon
from .modality import modality, polarity
from .participants import EntityIndex, participants_for
from .triggers import Mention, find_mentions

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..pipeline import Document


def trigger_span(doc: "Doc", text: str, mention: Mention) -> Span:
    """The character span of a mention's trigger words (``text`` is ``doc.text``, passed
    in because spaCy rebuilds ``Doc.text`` from every token on each access)."""
    first, last = doc[mention.start], doc[mention.end - 1]
    start, end = first.idx, last.idx + len(last.text)
    return Span(start, end, text[start:end])


def reporting_attribution(span: Span, attributions: list[Attribution]) -> str | None:
    """The id of the attribution whose content holds ``span`` (the innermost one)."""
    best: tuple[int, str] | None = None
    for a in attributions:
        for c in a.content:
            if c.start <= span.start and span.end <= c.end:
                size = c.end - c.start
                if best is None or size < best[0]:
                    best = (size, a.id)
    return best[1] if best else None


def extract_events(document: "Document") -> list[Event]:
    """All events of a parsed document (needs ``document.doc``)."""
    doc = document.doc
    if doc is None:
        return []
    lex = lexicon()
    mentions = find_mentions(doc, lex)
    index = EntityIndex(doc, document.entities)
    nodes: list[EventNode] = []
    spans: dict[str, Span] = {}
    for n, mention in enumerate(mentions, start=1):
        span = trigger_span(doc, document.text, mention)
        node = EventNode(f"V{n}", mention, modality(mention, doc, lex),
                         reporting_attribution(span, document.attributions))
        nodes.append(node)
        spans[node.id] = span
    speakers = {a.id: a.source.entity for a in document.attributions if a.source and a.source.entity}
    whens, coref = anchor_events(doc, nodes, document.timexes, document.article.published,
                                 document.attributions, lex)
    return [Event(id=node.id, trigger=spans[node.id], lemma=node.mention.lemma,
                  participants=_speaker_pronouns(participants_for(node.mention, doc, index),
                                                 speakers.get(node.reported_by or "")),
                  when=whens[node.id],
                  reported_by=node.reported_by, polarity=polarity(node.mention, doc, lex),
                  modality=node.modality, cls=node.mention.cls, coref=coref.get(node.id),
                  rule=node.mention.rule)
            for node in nodes]


_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})


def _speaker_pronouns(participants: tuple[Participant, ...], speaker: str | None) -> tuple[Participant, ...]:
    """In reported words, "I"/"me"/"my" is the speaker of the attribution."""
    if speaker is None:
        return participants
    return tuple(replace(p, entity=speaker) if p.span.text.lower() in _FIRST_PERSON and p.entity is None else p
                 for p in participants)


class EventComponent:
    """Adds ``document.events``: every event mention, with participants and dates."""

    name = "events"
    requires = ("entities", "time", "attributions")
    provides = "events"

    def __call__(self, document: "Document") -> None:
        document.events.extend(extract_events(document))
