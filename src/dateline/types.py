"""The data types of a dateline record (see SCHEMA.md, ``dateline/1``).

Every annotation is stand-off: it points into ``Record.text`` by character offsets
(Python code points, end exclusive).  All types are frozen dataclasses that convert
to and from the plain JSON shape with ``to_dict``/``from_dict``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, Iterable

SCHEMA_VERSION = "dateline/1"


def _drop_none_extras(d: dict[str, Any], optional: Iterable[str]) -> dict[str, Any]:
    """Remove optional extension fields that are None, so records stay compact."""
    for key in optional:
        if key in d and d[key] is None:
            del d[key]
    return d


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == record.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span of ``text[start:end]``."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        """Read back the plain JSON shape written by ``to_dict``."""
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


def _span_or_none(d: Any) -> Span | None:
    return Span.from_dict(d) if d is not None else None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a source, before any analysis."""

    id: str
    text: str
    published: str | None = None  # ISO date YYYY-MM-DD, never guessed from the clock
    published_from: str | None = None  # header | metadata | html | option | feed | json
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "en"
    source_path: str | None = None  # where it was read from (not serialized)

    def meta_dict(self) -> dict[str, Any]:
        """The ``article`` object of a record (the text is stored once, beside it)."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "published_from": self.published_from,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity of one article with all its mentions."""

    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # titles stripped from names: "Prime Minister"

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        d: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.aliases:
            d["aliases"] = list(self.aliases)
        if self.roles:
            d["roles"] = list(self.roles)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        """Read back the plain JSON shape written by ``to_dict``."""
        return cls(
            id=d["id"],
            name=d["name"],
            type=d["type"],
            mentions=tuple(Span.from_dict(m) for m in d.get("mentions", [])),
            aliases=tuple(d.get("aliases", [])),
            roles=tuple(d.get("roles", [])),
        )


@dataclass(frozen=True, slots=True)
class Timex:
    """A TimeML TIMEX3 time expression with its resolved value and day interval."""

    id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    interval: tuple[str, str] | None = None
    anchor: str | None = None  # "DCT", a timex id, an event id, or None
    rule: str | None = None
    granularity: str | None = None  # day | week | month | quarter | season | year | decade | century | time | None
    quant: str | None = None  # SET: "EACH" ...
    freq: str | None = None  # SET: "1W" ...

    @property
    def span(self) -> Span:
        """The span of the expression's text."""
        return Span(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        d = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "interval": list(self.interval) if self.interval else None,
            "anchor": self.anchor,
            "rule": self.rule,
            "granularity": self.granularity,
            "quant": self.quant,
            "freq": self.freq,
        }
        return _drop_none_extras(d, ("granularity", "quant", "freq"))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Timex":
        """Read back the plain JSON shape written by ``to_dict``."""
        interval = d.get("interval")
        return cls(
            id=d["id"],
            start=int(d["start"]),
            end=int(d["end"]),
            text=d["text"],
            type=d["type"],
            value=d["value"],
            mod=d.get("mod"),
            interval=(interval[0], interval[1]) if interval else None,
            anchor=d.get("anchor"),
            rule=d.get("rule"),
            granularity=d.get("granularity"),
            quant=d.get("quant"),
            freq=d.get("freq"),
        )


@dataclass(frozen=True, slots=True)
class Participant:
    """A participant of an event: its role, span and canonical entity (if known)."""

    role: str  # agent | patient | recipient | location | time | other
    span: Span
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        return {"role": self.role, "entity": self.entity, "span": self.span.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Participant":
        """Read back the plain JSON shape written by ``to_dict``."""
        return cls(role=d["role"], span=Span.from_dict(d["span"]), entity=d.get("entity"))


@dataclass(frozen=True, slots=True)
class When:
    """The days an event can have happened on, and how that was found."""

    how: str  # timex | event | tense | publication | none
    value: str | None = None
    interval: tuple[str, str] | None = None
    via: str | None = None
    note: str | None = None  # e.g. "P1M after V3", or a reported contradiction

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        d = {
            "value": self.value,
            "interval": list(self.interval) if self.interval else None,
            "how": self.how,
            "via": self.via,
            "note": self.note,
        }
        return _drop_none_extras(d, ("note",))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "When":
        """Read back the plain JSON shape written by ``to_dict``."""
        interval = d.get("interval")
        return cls(
            how=d["how"],
            value=d.get("value"),
            interval=(interval[0], interval[1]) if interval else None,
            via=d.get("via"),
            note=d.get("note"),
        )


@dataclass(frozen=True, slots=True)
class Event:
    """An event mention with its trigger, participants, modality and date range."""

    id: str
    trigger: Span
    lemma: str
    participants: tuple[Participant, ...] = ()
    when: When = field(default_factory=lambda: When(how="none"))
    reported_by: str | None = None
    polarity: str = "POS"  # POS | NEG
    modality: str | None = None  # None (asserted) | "hypothetical" | "future" | "reported" ...
    cls: str | None = None  # TimeML class: OCCURRENCE, REPORTING, STATE, ...
    coref: str | None = None  # id of an earlier mention of the same event
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        d = {
            "id": self.id,
            "trigger": self.trigger.to_dict(),
            "lemma": self.lemma,
            "participants": [p.to_dict() for p in self.participants],
            "when": self.when.to_dict(),
            "reported_by": self.reported_by,
            "polarity": self.polarity,
            "modality": self.modality,
            "class": self.cls,
            "coref": self.coref,
            "rule": self.rule,
        }
        return _drop_none_extras(d, ("class", "coref", "rule"))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        """Read back the plain JSON shape written by ``to_dict``."""
        return cls(
            id=d["id"],
            trigger=Span.from_dict(d["trigger"]),
            lemma=d["lemma"],
            participants=tuple(Participant.from_dict(p) for p in d.get("participants", [])),
            when=When.from_dict(d["when"]) if d.get("when") else When(how="none"),
            reported_by=d.get("reported_by"),
            polarity=d.get("polarity", "POS"),
            modality=d.get("modality"),
            cls=d.get("class"),
            coref=d.get("coref"),
            rule=d.get("rule"),
        )


@dataclass(frozen=True, slots=True)
class Source:
    """Who an attribution is credited to (or an outlet that relays it)."""

    name: str
    span: Span | None = None
    entity: str | None = None
    # several people as one source ("Smith and Jones ... they said"): each one's entity id
    members: tuple[str, ...] = ()
    # whom a spokesperson speaks for ("a spokeswoman for Acme": Acme)
    on_behalf_of: "Source | None" = None

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md); ``members`` and ``on_behalf_of`` only when known."""
        d = {
            "name": self.name,
            "entity": self.entity,
            "span": self.span.to_dict() if self.span else None,
        }
        if self.members:
            d["members"] = list(self.members)
        if self.on_behalf_of is not None:
            d["on_behalf_of"] = self.on_behalf_of.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Source":
        """Read back the plain JSON shape written by ``to_dict``."""
        behalf = d.get("on_behalf_of")
        return cls(name=d["name"], span=_span_or_none(d.get("span")), entity=d.get("entity"),
                   members=tuple(d.get("members") or ()),
                   on_behalf_of=cls.from_dict(behalf) if behalf else None)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote, reported speech or sourced claim: content, cue, source, relays."""

    id: str
    kind: str  # direct | indirect | mixed | according_to
    content: tuple[Span, ...]
    cue: Span | None
    source: Source | None
    via: tuple[Source, ...] = ()
    said_on: str | None = None  # value of the time the words were said, if stated
    said_on_via: str | None = None  # timex id for said_on
    rule: str | None = None
    said_on_interval: tuple[str | None, str | None] | None = None  # first and last day said_on can mean
    said_on_basis: str | None = None  # stated | same_source | story_day (attribution/said_on.py)

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        d = {
            "id": self.id,
            "kind": self.kind,
            "content": [c.to_dict() for c in self.content],
            "cue": self.cue.to_dict() if self.cue else None,
            "source": self.source.to_dict() if self.source else None,
            "via": [v.to_dict() for v in self.via],
            "said_on": self.said_on,
            "said_on_via": self.said_on_via,
            "said_on_interval": list(self.said_on_interval) if self.said_on_interval else None,
            "said_on_basis": self.said_on_basis,
            "rule": self.rule,
        }
        return _drop_none_extras(d, ("said_on", "said_on_via", "said_on_interval", "said_on_basis", "rule"))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Attribution":
        """Read back the plain JSON shape written by ``to_dict``."""
        return cls(
            id=d["id"],
            kind=d["kind"],
            content=tuple(Span.from_dict(c) for c in d.get("content", [])),
            cue=_span_or_none(d.get("cue")),
            source=Source.from_dict(d["source"]) if d.get("source") else None,
            via=tuple(Source.from_dict(v) for v in d.get("via", [])),
            said_on=d.get("said_on"),
            said_on_via=d.get("said_on_via"),
            rule=d.get("rule"),
            said_on_interval=tuple(d["said_on_interval"]) if d.get("said_on_interval") else None,
            said_on_basis=d.get("said_on_basis"),
        )


@dataclass(frozen=True, slots=True)
class Record:
    """The stand-off record of one article: text once, every layer pointing into it."""

    article: Article
    text: str
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    attributions: tuple[Attribution, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The plain JSON shape (SCHEMA.md)."""
        return {
            "schema": SCHEMA_VERSION,
            "article": self.article.meta_dict(),
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
            "attributions": [a.to_dict() for a in self.attributions],
        }

    def to_json(self, indent: int | None = None) -> str:
        """Serialize deterministically (same record, same bytes)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        """Read back the plain JSON shape written by ``to_dict``."""
        if d.get("schema") != SCHEMA_VERSION:
            raise ValueError(f"not a {SCHEMA_VERSION} record: schema={d.get('schema')!r}")
        meta = d["article"]
        article = Article(
            id=meta["id"],
            text=d["text"],
            published=meta.get("published"),
            published_from=meta.get("published_from"),
            title=meta.get("title"),
            url=meta.get("url"),
            outlet=meta.get("outlet"),
            language=meta.get("language", "en"),
        )
        return cls(
            article=article,
            text=d["text"],
            entities=tuple(Entity.from_dict(e) for e in d.get("entities", [])),
            timexes=tuple(Timex.from_dict(t) for t in d.get("timexes", [])),
            events=tuple(Event.from_dict(e) for e in d.get("events", [])),
            attributions=tuple(Attribution.from_dict(a) for a in d.get("attributions", [])),
        )

    @classmethod
    def from_json(cls, s: str) -> "Record":
        """Parse a record written by ``to_json`` (exact round trip)."""
        return cls.from_dict(json.loads(s))

    def spans(self) -> Iterable[Span]:
        """Every span in the record (for checking offsets)."""
        for e in self.entities:
            yield from e.mentions
        for t in self.timexes:
            yield t.span
        for ev in self.events:
            yield ev.trigger
            for p in ev.participants:
                yield p.span
        for a in self.attributions:
            yield from a.content
            if a.cue:
                yield a.cue
            for s in ((a.source,) if a.source else ()) + a.via:
                if s.span:
                    yield s.span


def dataclass_field_names(cls: type) -> list[str]:
    """Names of a dataclass's fields (used by tests that check round trips)."""
    return [f.name for f in fields(cls)]
