"""The article timeline: events ordered by date, with participants and their source."""

from __future__ import annotations

from ..types import Event, Record

# Left out of the timeline by default: reports are attributions, and what did not or
# may not happen is not a dated fact.
HIDDEN_CLASSES = frozenset({"REPORTING"})


def _chains(events: tuple[Event, ...]) -> list[list[Event]]:
    """Coreferent mentions grouped under their first mention, in text order."""
    chains: dict[str, list[Event]] = {}
    for e in events:
        chains.setdefault(e.coref or e.id, []).append(e)
    return list(chains.values())


def on_timeline(event: Event) -> bool:
    """Whether an event belongs on the timeline: asserted, positive, not a report, dated."""
    return (event.cls not in HIDDEN_CLASSES and event.polarity == "POS" and event.modality is None
            and event.when.interval is not None and event.when.how != "tense")


def _date_text(event: Event) -> str:
    first, last = event.when.interval or (None, None)
    if event.when.value:
        return event.when.value
    if first is None:
        return f"before {last}"
    if last is None:
        return f"after {first}"
    return f"{first}..{last}"


def _participants_text(chain: list[Event], entity_names: dict[str, str]) -> str:
    seen: dict[str, str] = {}
    for e in chain:
        for p in e.participants:
            name = entity_names.get(p.entity or "", p.span.text)
            seen.setdefault(name, p.role)
    return "; ".join(f"{role} {name}" for name, role in seen.items())


def _source_text(chain: list[Event], record: Record) -> str:
    names = {a.id: (a.source.name if a.source else a.id) for a in record.attributions}
    sources = sorted({names.get(e.reported_by, e.reported_by) for e in chain if e.reported_by})
    return ", ".join(s for s in sources if s)


def timeline(record: Record) -> list[tuple[Event, list[Event]]]:
    """(dated mention, its coreference chain) pairs on the timeline, by date."""
    rows = []
    for chain in _chains(record.events):
        dated = [e for e in chain if on_timeline(e)]
        if dated:
            rows.append((dated[0], chain))
    return sorted(rows, key=lambda r: (_sort_day(r[0]), r[0].trigger.start))


def _sort_day(event: Event) -> tuple[str, int, str]:
    """Events sort by their earliest day; "before X" ones just ahead of the events of day X."""
    first, last = event.when.interval or (None, None)
    # an open end sorts as the earliest / latest day there is
    first, last = first or "0000-00-00", last or "9999-99-99"
    return (last, 0, last) if first == "0000-00-00" else (first, 1, last)


def render_text(record: Record) -> list[str]:
    """The ``--format text`` section: the article timeline."""
    if not record.events:
        return []
    names = {e.id: e.name for e in record.entities}
    rows = timeline(record)
    lines = [f"timeline ({len(rows)} dated events of {len(record.events)} mentions; "
             "reports, negated, hypothetical and undated events left out):"]
    for event, chain in rows:
        parts = [f"  {_date_text(event):<24} {event.trigger.text}"]
        if (who := _participants_text(chain, names)):
            parts.append(f"[{who}]")
        how = event.when.how + (f" {event.when.via}" if event.when.via else "")
        parts.append(f"({how})")
        if (source := _source_text(chain, record)):
            parts.append(f"reported by {source}")
        lines.append(" ".join(parts))
    return lines
