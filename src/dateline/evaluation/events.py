"""Event evaluation: the CAT XML reader (MEANTIME / SemEval-2015 TimeLine) and scorers.

CAT XML ("Content Annotation Tool") stores an article as ``<token t_id sentence number>``
elements and its annotations as ``<Markables>`` (EVENT_MENTION, TIMEX3, ENTITY_MENTION
...) that point to tokens, and ``<Relations>`` (TLINK, HAS_PARTICIPANT ...) that point to
markables.  ``read_cat`` rebuilds a plain text (tokens joined by spaces, except around
punctuation that attaches, one sentence per line) and turns every markable into a
character span of it.

The SemEval-2015 Task 4 trial data carries only EVENT_MENTION markables; its dates and
target entities are in the gold timelines (``<order> TAB <date> TAB <doc>-<sentence>-<word>``),
which ``read_timelines`` links back to event tokens.  Scoring functions are pure: they
take gold and predicted spans and return counts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import InputError
from ..types import Article, Event, Record
from .timeml import read_bytes, read_tml

_RELATION_TAGS = ("TLINK", "HAS_PARTICIPANT", "CLINK", "SLINK", "REFERS_TO")


@dataclass(frozen=True, slots=True)
class Markable:
    """An annotation over tokens: kind (EVENT_MENTION, TIMEX3...), id, character span, attributes."""

    kind: str
    m_id: str
    start: int
    end: int
    text: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str) -> str | None:
        """One attribute's value (None when absent)."""
        return dict(self.attrs).get(name)


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between markables (TLINK, HAS_PARTICIPANT ...)."""

    kind: str
    source: str
    target: str
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CatDocument:
    """One CAT XML article: its plain text, token spans, markables and relations."""

    doc_id: str
    name: str
    text: str
    tokens: dict[str, tuple[int, int, int]]  # t_id -> (start, end, sentence)
    markables: tuple[Markable, ...]
    relations: tuple[Relation, ...]
    published: str | None = None

    def of_kind(self, kind: str) -> list[Markable]:
        """The markables of one kind, in text order."""
        return sorted((m for m in self.markables if m.kind == kind), key=lambda m: (m.start, m.end))

    def token_at(self, sentence: int, word: str) -> tuple[int, int] | None:
        """The span of the first token sequence spelling ``word`` (``_`` joins tokens) in a sentence."""
        parts = word.split("_")
        toks = sorted((s, e) for s, e, sent in self.tokens.values() if sent == sentence)
        texts = [self.text[s:e] for s, e in toks]
        for i in range(len(toks) - len(parts) + 1):
            if [t.lower() for t in texts[i:i + len(parts)]] == [p.lower() for p in parts]:
                return toks[i][0], toks[i + len(parts) - 1][1]
        return None


# Tokens written without a space before them ("28, 2003", "Apple's") or after them ("($").
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"})
_NO_SPACE_AFTER = frozenset({"(", "[", "$"})


def _separator(previous: str | None, word: str, new_sentence: bool) -> str:
    """What goes between two tokens: a newline between sentences, else a space unless the
    punctuation attaches ("April 28, 2003" rather than "April 28 , 2003")."""
    if previous is None:
        return ""
    if new_sentence:
        return "\n"
    return "" if word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER else " "


def _text_and_tokens(root: ET.Element) -> tuple[str, dict[str, tuple[int, int, int]]]:
    pieces: list[str] = []
    spans: dict[str, tuple[int, int, int]] = {}
    length, last_sentence, previous = 0, None, None
    for tok in root.iter("token"):
        sentence = int(tok.get("sentence", "0"))
        word = (tok.text or "").strip() or "_"
        sep = _separator(previous, word, sentence != last_sentence)
        pieces.append(sep)
        length += len(sep)
        previous = word
        spans[tok.get("t_id", "")] = (length, length + len(word), sentence)
        pieces.append(word)
        length += len(word)
        last_sentence = sentence
    return "".join(pieces), spans


def _markables(root: ET.Element, text: str, tokens: dict) -> list[Markable]:
    found = []
    section = root.find("Markables")
    for node in section if section is not None else []:
        anchors = [tokens[a.get("t_id", "")] for a in node.iter("token_anchor") if a.get("t_id") in tokens]
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        attrs = tuple(sorted((k, v) for k, v in node.attrib.items() if k != "m_id"))
        found.append(Markable(node.tag, node.get("m_id", ""), start, end, text[start:end], attrs))
    return found


def _relations(root: ET.Element) -> list[Relation]:
    found = []
    section = root.find("Relations")
    for node in section if section is not None else []:
        source, target = node.find("source"), node.find("target")
        if node.tag in _RELATION_TAGS and source is not None and target is not None:
            attrs = tuple(sorted((k, v) for k, v in node.attrib.items() if k != "r_id"))
            found.append(Relation(node.tag, source.get("m_id", ""), target.get("m_id", ""), attrs))
    return found


def parse_cat(data: bytes | str, source: str = "<string>", published: str | None = None) -> CatDocument:
    """Parse one CAT XML document; InputError naming ``source`` when it is not CAT XML."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise InputError(source, f"not well-formed CAT XML: {err}") from None
    if root.tag != "Document":
        raise InputError(source, f"not a CAT document (root <{root.tag}>)")
    text, tokens = _text_and_tokens(root)
    if not tokens:
        raise InputError(source, "CAT document without tokens")
    return CatDocument(doc_id=root.get("doc_id", Path(source).stem), name=root.get("doc_name", Path(source).stem),
                       text=text, tokens=tokens, markables=tuple(_markables(root, text, tokens)),
                       relations=tuple(_relations(root)), published=published)


def _twin_dct(path: Path) -> str | None:
    """The DCT of the document's TimeML twin in ``<folder>_TimeML/``: same name, or
    (names are cut differently there) the same leading document number."""
    folder = path.parent.parent / f"{path.parent.name}_TimeML"
    stem = path.stem.removesuffix(".txt")
    candidates = [folder / f"{stem}.tml"]
    number = re.match(r"^(\d+)[_-]", stem)
    if number and folder.is_dir():
        candidates += sorted(p for p in folder.glob(f"{number.group(1)}*.tml")
                             if re.match(rf"^{number.group(1)}[_-]", p.name))
    for twin in candidates:
        if twin.exists():
            try:
                return read_tml(twin).publication_date
            except InputError:
                return None
    return None


def read_cat(path: str | Path) -> CatDocument:
    """Read one CAT XML file; its publication date comes from a TimeML twin when there is one."""
    path = Path(path)
    return parse_cat(read_bytes(path), str(path), _twin_dct(path))


def read_cat_folder(folder: str | Path) -> list[CatDocument]:
    """Every ``.xml`` CAT document in a folder, sorted by file name."""
    return [read_cat(p) for p in sorted(Path(folder).glob("*.xml"))]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One gold timeline line: target entity, order, date value and event reference."""

    entity: str
    order: int
    date: str
    doc_id: str
    sentence: int
    word: str


def read_timelines(folder: str | Path) -> list[TimelineEntry]:
    """Every entry of the gold timeline files in ``folder`` (one per event reference)."""
    entries = []
    for path in sorted(Path(folder).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        entity = lines[0].strip() if lines else path.stem
        for line in lines[1:]:
            fields = line.strip().split("\t")
            if len(fields) < 3 or not fields[0].isdigit():
                continue
            for ref in fields[2:]:
                match = re.match(r"^(\d+)-(\d+)-(.+)$", ref.strip())
                if match:
                    entries.append(TimelineEntry(entity, int(fields[0]), fields[1], match.group(1),
                                                 int(match.group(2)), match.group(3)))
    return entries


# ---- scoring -------------------------------------------------------------------------

@dataclass
class PRF:
    """Counts of a precision/recall/F1 measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "PRF") -> None:
        """Accumulate another document's counts."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open character ranges share a character."""
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]],
                strict: bool = False) -> PRF:
    """One-to-one matching of predicted to gold spans (exact if ``strict``, else overlap)."""
    used: set[int] = set()
    counts = PRF()
    for p in sorted(pred):
        hit = next((i for i, g in enumerate(gold) if i not in used and (g == p if strict else overlaps(g, p))), None)
        if hit is None:
            counts.fp += 1
        else:
            used.add(hit)
            counts.tp += 1
    counts.fn = len(gold) - len(used)
    return counts


def event_at(events: Iterable[Event], span: tuple[int, int]) -> Event | None:
    """The predicted event whose trigger overlaps a gold span (the first one)."""
    return next((e for e in events if overlaps((e.trigger.start, e.trigger.end), span)), None)


@dataclass
class AnchorCounts:
    """Anchoring of gold-dated events: how many got a date, and how many got it right."""

    gold: int = 0
    found: int = 0  # a predicted event overlaps the gold trigger
    dated: int = 0  # ... and has an interval
    correct: int = 0  # ... which holds the gold date (overlaps it, for a month or year)
    bounded: int = 0  # ... with both ends known
    bounded_correct: int = 0

    def add(self, other: "AnchorCounts") -> None:
        """Accumulate another document's counts."""
        for name in ("gold", "found", "dated", "correct", "bounded", "bounded_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def gold_interval(value: str) -> tuple[str, str] | None:
    """Days of a timeline date: ``2008-06-09``, ``2006-03``, ``2008-03-XX``, ``1968`` (None: undated)."""
    from ..events.intervals import value_interval

    cleaned = re.sub(r"-X+", "", value.strip())
    iv = value_interval(cleaned)
    return (iv[0].isoformat(), iv[1].isoformat()) if iv else None


def score_anchor(events: Sequence[Event], span: tuple[int, int], gold: tuple[str, str]) -> AnchorCounts:
    """Anchoring counts for one gold event dated ``gold`` (first, last day)."""
    counts = AnchorCounts(gold=1)
    event = event_at(events, span)
    if event is None:
        return counts
    counts.found = 1
    interval = event.when.interval
    if interval is None:
        return counts
    counts.dated = 1
    first, last = interval[0] or "0000-00-00", interval[1] or "9999-99-99"  # null: an open end
    ok = first <= gold[1] and gold[0] <= last
    if gold[0] == gold[1]:
        ok = first <= gold[0] <= last
    counts.correct = int(ok)
    if interval[0] is not None and interval[1] is not None:
        counts.bounded = 1
        counts.bounded_correct = int(ok)
    return counts


def entity_mentions(text: str, name: str) -> list[tuple[int, int]]:
    """Character spans of a target entity in a text: its full name, and for a multi-word
    name its capitalised last word ("Steve Jobs" -> "Jobs")."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text, re.IGNORECASE)]
    last = name.split()[-1]
    if " " in name and last[:1].isupper():
        spans += [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(last)}\b", text)]
    return spans


def participant_hit(events: Sequence[Event], span: tuple[int, int], mentions: Sequence[tuple[int, int]],
                    entity_ids: frozenset[str] = frozenset()) -> tuple[bool, bool]:
    """(event found, one of its participants overlaps a mention of the target entity or is
    linked to one of ``entity_ids``, the canonical entities named like the target)."""
    event = event_at(events, span)
    if event is None:
        return False, False
    return True, any(p.entity in entity_ids or any(overlaps((p.span.start, p.span.end), m) for m in mentions)
                     for p in event.participants)


def entities_named(record: Record, name: str) -> frozenset[str]:
    """Ids of the record's canonical entities whose name or alias contains the target's name."""
    want = name.lower()
    return frozenset(e.id for e in record.entities
                     if any(want in n.lower() for n in (e.name,) + tuple(e.aliases)))




# ---- running the pipeline over a corpus ----------------------------------------------

@dataclass
class RunTimes:
    """Seconds spent parsing (spaCy) and in each dateline layer over a corpus."""

    parse: float = 0.0
    layers: dict[str, float] = field(default_factory=dict)
    articles: int = 0
    docs: list = field(default_factory=list, repr=False)  # the spaCy parses, for baselines
    failures: dict[str, int] = field(default_factory=dict)  # layer -> articles it crashed on


def run_articles(articles: Sequence[Article], layers: Iterable[str] | None = None,
                 model: str | None = None, with_requirements: bool = True) -> tuple[list[Record], RunTimes]:
    """Analyse articles with the pipeline, parsing in batches once, timing each layer.
    ``with_requirements=False`` runs only the named ``layers`` (e.g. events triggers alone)."""
    import time

    from .. import nlp as nlp_layer
    from ..pipeline import Document, Pipeline

    pipeline = Pipeline(layers, model)
    if not with_requirements and layers is not None:
        pipeline.components = [c for c in pipeline.components if c.name in set(layers)]
    times = RunTimes(articles=len(articles))
    start = time.perf_counter()
    limit = min(nlp_layer.CHUNK_CHARS, pipeline.nlp.max_length)
    short = [a.text for a in articles if len(a.text) <= limit]
    parsed = iter(pipeline.nlp.pipe(short, batch_size=16))
    docs = [next(parsed) if len(a.text) <= limit else nlp_layer.parse(pipeline.nlp, a.text) for a in articles]
    times.parse = time.perf_counter() - start
    times.docs = docs
    records = []
    for article, doc in zip(articles, docs):
        document = Document(article=article, text=article.text, doc=doc)
        for component in pipeline.components:
            tick = time.perf_counter()
            try:
                component(document)
            except Exception:  # noqa: BLE001 - a scoring run reports a crashing layer, goes on
                times.failures[component.name] = times.failures.get(component.name, 0) + 1
            times.layers[component.name] = times.layers.get(component.name, 0.0) + time.perf_counter() - tick
        records.append(document.to_record())
    return records, times


def verb_baseline(doc) -> list[tuple[int, int]]:
    """The classic TempEval baseline: every main verb (spaCy VERB) is an event."""
    return [(t.idx, t.idx + len(t.text)) for t in doc if t.pos_ == "VERB"]


def score_triggers(records: Sequence[Record], golds: Sequence[Sequence[tuple[int, int]]],
                   strict: bool = False) -> PRF:
    """Trigger P/R/F1 of the records' events against gold spans, summed over documents."""
    total = PRF()
    for record, gold in zip(records, golds):
        total.add(match_spans(list(gold), [(e.trigger.start, e.trigger.end) for e in record.events], strict))
    return total


@dataclass
class TimelineScores:
    """Anchoring and participant counts over the gold timeline entries."""

    anchoring: AnchorCounts = field(default_factory=AnchorCounts)
    entries: int = 0  # entries whose event reference resolves to a token
    found: int = 0  # ... for which an event was predicted
    with_participant: int = 0  # ... whose participants include the timeline's entity
    misses: list[str] = field(default_factory=list)
    miss_kinds: dict[str, int] = field(default_factory=dict)  # why the entity was not found


def miss_kind(doc: CatDocument, record: Record, entry: TimelineEntry, span: tuple[int, int]) -> str:
    """Why a timeline entity is not among an event's participants (for the error analysis)."""
    event = event_at(record.events, span)
    if event is None:
        return "event not found"
    if not event.participants:
        return "event has no participants"
    bounds = [(s, e) for s, e, sent in doc.tokens.values() if sent == entry.sentence]
    first, last = min(b[0] for b in bounds), max(b[1] for b in bounds)
    if any(first <= m[0] < last for m in entity_mentions(record.text, entry.entity)):
        return "entity named in the sentence, not attached"
    return "entity not named in the sentence"


def score_timelines(records: dict[str, Record], docs: dict[str, CatDocument],
                    entries: Iterable[TimelineEntry]) -> TimelineScores:
    """Score anchoring (dated entries) and entity participation over timeline entries."""
    scores = TimelineScores()
    for entry in entries:
        doc, record = docs.get(entry.doc_id), records.get(entry.doc_id)
        span = doc.token_at(entry.sentence, entry.word) if doc else None
        if span is None or record is None:
            continue
        scores.entries += 1
        found, hit = participant_hit(record.events, span, entity_mentions(record.text, entry.entity),
                                     entities_named(record, entry.entity))
        scores.found += found
        scores.with_participant += hit
        if not hit:
            kind = miss_kind(doc, record, entry, span)
            scores.miss_kinds[kind] = scores.miss_kinds.get(kind, 0) + 1
        if found and not hit:
            scores.misses.append(f"{entry.doc_id}-{entry.sentence}-{entry.word} ({entry.entity})")
        gold = gold_interval(entry.date)
        if gold is not None:
            scores.anchoring.add(score_anchor(record.events, span, gold))
    return scores
