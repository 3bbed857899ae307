"""Build the time-constraint graph of an article from its parse, then date every event.

Edges come from the sentence structure:
- a time expression attached to an event by the parse ("a meeting on March 7",
  "on Tuesday", "since 2019", "before May") -> EQUAL / SINCE / BEFORE / AFTER / UNTIL;
- a temporal signal whose object is another event ("after the vote", "two weeks after
  the invasion", "since then") -> AFTER / BEFORE / SINCE, or SHIFT by the duration;
- coreferent mentions ("a meeting" ... "the meeting") -> EQUAL;
- a nominal event framing a verb ("X, in a meeting, urged") -> EQUAL;
- the topic of an event ("asked about the decision") and past-tense content of a
  report -> NOT_AFTER the report; the complement of an intention ("urged X to oust")
  -> AFTER it; conjoined verbs -> EQUAL (soft: only if nothing else dates them).
Tense bounds the rest against the publication date: past and perfect before it,
present (states that hold now) on it.  ``graph.propagate`` does the fixpoint.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterable

from ..types import Attribution, Timex, When
from .graph import PUBLICATION, Anchor, Edge, propagate
from .intervals import (OPEN, Interval, duration_offset, interval_value, is_open, mod_interval, parse_day, to_iso,
                        value_interval)
from .lexicon import Lexicon, lexicon, signal_relation
from .narrative import age_edges, births, own_time_nodes
from .participants import framing_verb, shares_trailing_modifiers
from .triggers import Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_CONTAINER_PREPS = frozenset({"in", "at", "during", "amid"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_TOPIC_PREPS = frozenset({"about", "over", "on", "regarding", "for"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_WHEN_WORDS = frozenset({"when", "while", "as", "whenever"})
_VERB_COREF_SENTENCES = 5  # how far back (sentences) a definite noun finds the verb it names ("the strikes")
_SIGNAL_KINDS = {"AFTER": "AFTER", "BEFORE": "BEFORE", "SINCE": "SINCE", "UNTIL": "UNTIL", "DURING": "EQUAL",
                 "DEADLINE": "EQUAL"}  # "by Dec. 2": a deadline only for a planned event (see timex_edges)


@dataclass(frozen=True, slots=True)
class EventNode:
    """An event mention with the id and modality the component gave it."""

    id: str
    mention: Mention
    modality: str | None
    reported_by: str | None


class Structure:
    """Token -> event lookups over one parsed document."""

    def __init__(self, doc: "Doc", nodes: list[EventNode]) -> None:
        self.doc = doc
        self.nodes = nodes
        self.by_token: dict[int, EventNode] = {}
        for node in nodes:
            m = node.mention
            for i in range(m.start, m.end):
                self.by_token[i] = node
            if m.support is not None:
                self.by_token.setdefault(m.support, node)
        self._timex_roots: dict[tuple[int, int], "Token | None"] = {}
        self._breaks: list[int] | None = None

    def paragraph_breaks(self) -> list[int]:
        """The indices, in order, of the tokens that hold a blank line (built on first use)."""
        if self._breaks is None:
            self._breaks = [t.i for t in self.doc if (t.is_space or "\n" in t.whitespace_)
                            and t.text_with_ws.count("\n") >= 2]
        return self._breaks

    def timex_root(self, timex: Timex) -> "Token | None":
        """The root token of a time expression's span (looked up once per expression: several
        edge finders read it)."""
        key = (timex.start, timex.end)
        if key not in self._timex_roots:
            self._timex_roots[key] = _timex_tokens(self.doc, timex)
        return self._timex_roots[key]

    def event_at(self, token: "Token", climb: int = 0) -> EventNode | None:
        """The event whose trigger or light verb is ``token`` (or, climbing up to ``climb``
        heads through prepositions and adverbs, the nearest one above it)."""
        for _ in range(climb + 1):
            node = self.by_token.get(token.i)
            if node is not None:
                return node
            if token.head.i == token.i or token.dep_ not in ("prep", "advmod", "npadvmod", "pobj", "pcomp"):
                return None
            token = token.head
        return None

    def sentence_root_event(self, token: "Token") -> EventNode | None:
        """The event at (or supported by) the root of ``token``'s sentence."""
        return self.by_token.get(token.sent.root.i)


def _is_not_event_time(prep: "Token", timex: Timex, lex: Lexicon) -> bool:
    """A time introduced by ``prep`` that does not date the event: a comparison baseline
    ("than a year earlier", "up 18% from a year earlier") or the scope of a plan, forecast or
    report ("raised its forecast for 2026"; but "For 1988, X earned" and "for now" are the
    event's time)."""
    signal, gov = signal_relation(prep, lex), prep.head
    if signal == "SCOPE":
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in gov.children):
            return False  # "a second round is scheduled for Thursday": the round's time
        words = [gov] + [c for c in gov.children if c.dep_ == "dobj"]
        return timex.value != "PRESENT_REF" and any(lex.change_words.get(w.lemma_.lower()) == "scope" for w in words)
    return signal == "BASELINE" or (prep.lower_ == "from" and lex.change_words.get(gov.lemma_.lower()) == "change")


def _timex_tokens(doc: "Doc", timex: Timex) -> "Token | None":
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _preceding_duration(doc: "Doc", token: "Token", durations: dict[int, Timex]) -> Timex | None:
    """A DURATION timex ending right before ``token`` ("two weeks| after")."""
    if token.i == 0:
        return None
    return durations.get(doc[token.i - 1].idx + len(doc[token.i - 1].text))


def timex_edges(struct: Structure, timexes: Iterable[Timex], lex: Lexicon,
                published: date | None = None) -> list[Edge]:
    """Edges from dated time expressions to the events the parse attaches them to
    (a conjunction of expressions, "in March and June", attaches as their union)."""
    timexes = list(timexes)
    unions = {u.split("|")[0]: u for u in _conjoined_timexes(struct, timexes)}
    joined = {u.split("|")[1] for u in unions.values()}
    edges: list[Edge] = []
    for timex in timexes:
        if timex.id in joined:
            continue
        if timex.type not in ("DATE", "TIME", "DURATION") or not timex.interval:
            continue
        root = struct.timex_root(timex)
        if root is None or (timex.type == "DURATION" and not _is_span_duration(root)):
            continue
        kind, target = "EQUAL", root.head
        if root.dep_ in ("pobj", "pcomp") and _is_not_event_time(root.head, timex, lex):
            continue
        if root.dep_ == "pobj":
            kind = _SIGNAL_KINDS.get(signal_relation(root.head, lex) or "DURING", "EQUAL")
            target = root.head.head
            if _is_name_word(target):
                target = target.head  # "told CBS' Face the Nation on Sunday": a title, not a verb
        node = struct.event_at(target, climb=2) if target.i != root.i else None
        if node is not None and (verb := _verb_of_programme(struct, timex, root, lex)) is not None and verb is not node:
            # "appeared on Sunday talk shows": the day of a programme is the appearance's
            edges.append(Edge(unions.get(timex.id, timex.id), verb.id, "EQUAL", rule="programme_day"))
        if root.dep_ == "pobj" and kind == "EQUAL" and (noun := _signal_object_before(struct, root.head, lex)):
            node = noun  # "hit the day after the election on Nov. 5": the election's date
        if node is not None and root.dep_ == "pobj" and signal_relation(root.head, lex) == "DEADLINE" and node.modality:
            kind = "UNTIL"  # "will complete it by Dec. 2": on or before; "had restored it by Wednesday": that day
        source = unions.get(timex.id, timex.id)
        if node is not None and root.dep_ == "pobj" and kind == "EQUAL" \
                and (noun := _event_object_of_present_verb(struct, timex, root, node, published)) is not None:
            # "mystery still shrouds the killings of A in 1992": a past time cannot be the
            # present state's, the parser hung it on the verb past the event noun it dates
            edges.append(Edge(source, noun.id, "EQUAL", rule="timex_of_object_noun"))
            continue
        noun = _event_noun_right_before(struct, timex, root, published)
        if noun is not None and noun is not node:
            # "his retirement two years ago", "the statement this week": a bare time right
            # after an event noun is the noun's, though the parser hangs it on the verb (which
            # keeps it softly: "attacked the statement this week" is most likely this week too)
            edges.append(Edge(source, noun.id, "EQUAL", rule="timex_after_noun"))
            if node is not None and not _ends_a_scope(struct.doc, timex, root, lex):
                edges.append(Edge(source, node.id, kind, rule="timex_attached", hard=False))
            continue
        if _ends_a_scope(struct.doc, timex, root, lex):
            continue
        if node is not None and (report := _report_right_before(struct, timex, root, node)) is not None:
            # "said on Monday it will withdraw", "said Tuesday it was sending": the parser hangs
            # the time on the reported verb, but next to the report it is the report's day (the
            # content is then placed by the report: after it if future, no later if past)
            node = report
        if node is not None:
            edges.append(Edge(source, node.id, kind, rule="timex_attached"))
        elif (clause := _infinitive_clause_above(target)) is not None:
            # "changed her plans to be in Berlin on Thursday": the time is the purpose's, and
            # the act aimed at it comes no later (soft: only if nothing else dates it)
            gov = struct.event_at(clause.head, climb=1)
            if gov is not None and kind == "EQUAL":
                edges.append(Edge(source, gov.id, "UNTIL", rule="purpose_clause_time", hard=False))
        elif (node := struct.sentence_root_event(root)) is not None:
            edges.append(Edge(source, node.id, kind, rule="timex_in_sentence", hard=False))
    return edges


def _verb_of_programme(struct: Structure, timex: Timex, root: "Token", lex: Lexicon) -> EventNode | None:
    """The event of the verb whose prepositional object is a programme a one-day time
    modifies ("appeared on Sunday talk shows", "said in his Monday interview")."""
    if root.dep_ not in ("compound", "nmod", "amod") or not timex.interval or timex.interval[0] != timex.interval[1]:
        return None
    noun = root.head
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    if noun.lemma_.lower() not in lex.programme_nouns or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return struct.by_token.get(verb.i)


def _is_name_word(token: "Token") -> bool:
    """A capitalized verb inside a sentence that is not written in title case: part of a
    name the parser read as a verb ("CBS' Face the Nation")."""
    if token.pos_ != "VERB" or not token.is_title or token.dep_ not in ("xcomp", "ccomp", "conj", "dobj") \
            or token.i == token.sent.start or token.head.i == token.i:
        return False
    before = token.doc[token.i - 1]
    if before.is_punct and before.text in ('"', "“", ":", "(", "-", "--"):
        return False
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.is_title for t in words) * 2 < len(words)


def _event_object_of_present_verb(struct: Structure, timex: Timex, root: "Token", node: EventNode,
                                  published: date | None) -> EventNode | None:
    """The nominal event (object, passive agent or subject) of a simple-present verb that a
    prepositional past time follows, when the parse gives the time to the verb."""
    verb = struct.doc[node.mention.head]
    if published is None or verb.pos_ not in ("VERB", "AUX") or root.head.head.i != verb.i or not timex.interval:
        return None
    last = parse_day(timex.interval[1])
    if last is None or last >= published:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present = verb.tag_ in ("VBZ", "VBP") if not auxes else (
        all(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes) and verb.tag_ == "VBN")
    if not present:
        return None
    for child in verb.children:
        noun = child
        if child.dep_ == "agent":
            noun = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in ("dobj", "nsubj"):
            continue
        if noun.i >= root.head.i:
            continue
        found = struct.by_token.get(noun.i)
        if found is not None and found is not node and found.mention.pos == "noun" and found.mention.head == noun.i:
            return found
    return None


def _report_right_before(struct: Structure, timex: Timex, root: "Token", node: EventNode) -> EventNode | None:
    """The reporting verb a time expression (or its preposition) directly follows when the
    parse attached the time to an event of the report's complement ("said on Monday it
    will withdraw"; also after the report's object: "told reporters Tuesday he had left")."""
    doc = struct.doc
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return None  # "said Monday's attack was ...": the attack's day
    first = root.head.i if root.dep_ == "pobj" and root.head.i == span.start - 1 else span.start
    if first == 0:
        return None
    before = doc[first - 1]
    if before.dep_ in ("dobj", "dative") and before.n_rights == 0:
        before = before.head  # "told reporters| Tuesday"
    report = struct.by_token.get(before.i)
    if report is None or report is node or report.mention.cls != "REPORTING" or before.pos_ != "VERB":
        return None
    head = doc[node.mention.head]
    return report if head.i > before.i and before in head.ancestors else None


def _ends_a_scope(doc: "Doc", timex: Timex, root: "Token", lex: Lexicon) -> bool:
    """Whether a bare time comes right after the object of a scope "for" ("cut its forecast
    for growth this year"): it is the forecast's period, not the time of the cut."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.start == 0 or root.dep_ in ("pobj", "pcomp", "prep"):
        return False
    before = doc[span.start - 1]
    return before.dep_ == "pobj" and before.head.lower_ == "for" and _is_not_event_time(before.head, timex, lex)


def _event_noun_right_before(struct: Structure, timex: Timex, root: "Token",
                             published: date | None) -> EventNode | None:
    """The nominal event ending right before a bare (not prepositional) past or present
    time expression that the parse does not attach to it ("the ruling last week")."""
    doc = struct.doc
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.start == 0 or root.dep_ in ("pobj", "pcomp", "prep") or not timex.interval:
        return None
    node = struct.by_token.get(span.start - 1)
    if node is None or node.mention.pos != "noun" or node.mention.head != span.start - 1:
        return None
    first = parse_day(timex.interval[0])
    if root.head.i == node.mention.head or first is None or (published is not None and first > published):
        return None  # ("will discuss the merger next week": the merger is not next week)
    return node


def _infinitive_clause_above(token: "Token") -> "Token | None":
    """The head of the "to"-infinitive clause (purpose or complement) that holds ``token``
    below its sentence's main verb ("to be in Berlin on Thursday"), if any."""
    for _ in range(8):
        if token.head.i == token.i:
            return None
        if (token.dep_ in ("advcl", "xcomp", "acl") and token.tag_ == "VB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
            return token
        token = token.head
    return None


def _signal_object_before(struct: Structure, prep: "Token", lex: Lexicon) -> EventNode | None:
    """The event noun ending right before a date phrase when it is the object of a temporal
    signal ("after the invasion of Ukraine| on Feb. 24"): the parser often hangs the date on
    the verb, but in news the date next to the other event names that event's day."""
    if prep.i == 0 or prep.lower_ not in ("on", "in"):
        return None
    token = struct.doc[prep.i - 1]
    for _ in range(4):
        node = struct.by_token.get(token.i)
        if (node is not None and node.mention.pos == "noun" and token.dep_ == "pobj"
                and (signal_relation(token.head, lex) in ("AFTER", "BEFORE", "SINCE", "UNTIL") or _within_of(token.head))
                and max(t.i for t in token.subtree) == prep.i - 1):
            return node
        if token.dep_ not in ("pobj", "prep", "compound") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _within_of(prep: "Token") -> bool:
    """Whether ``prep`` is the "of" of "within two weeks of"."""
    return prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.head.lower_ == "within"


def _event_time_roots(struct: Structure, timexes: Iterable[Timex], lex: Lexicon) -> list["Token"]:
    """Root tokens of the dates, times and sets that can date an event (dated or not:
    "Two decades later"), leaving out comparison baselines and scopes."""
    roots = []
    for timex in timexes:
        root = struct.timex_root(timex)
        if root is None or timex.type not in ("DATE", "TIME", "SET"):
            continue
        if not (root.dep_ in ("pobj", "pcomp") and _is_not_event_time(root.head, timex, lex)):
            roots.append(root)
    return roots


def _is_span_duration(root: "Token") -> bool:
    """A duration with an interval ("over the past year") dates an event only inside a PP."""
    return root.dep_ == "pobj" and root.head.lower_ in ("over", "during", "in", "within", "throughout")


def relation_edges(struct: Structure, timexes: Iterable[Timex], lex: Lexicon) -> list[Edge]:
    """Edges between events linked by a temporal signal, with durations as shifts and
    vague offsets ("days after", "shortly before", "the day after") as windows."""
    doc = struct.doc
    durations = {t.end: t for t in timexes if t.type == "DURATION" and duration_offset(t.value)}
    edges: list[Edge] = []
    for token in doc:
        relation = signal_relation(token, lex)
        if relation not in ("AFTER", "BEFORE", "SINCE", "UNTIL") or token.dep_ not in ("prep", "mark", "advmod"):
            continue
        other = _signal_object(token, struct)
        governed = _signal_governor(token, struct, lex)
        if token.dep_ == "mark":
            other = struct.by_token.get(token.head.i)
            if governed is None:  # "comes three days after X told ...", the clause hung on a ccomp
                governed = _clause_event_above(struct, token.head.head) or _left_clause_sibling(struct, token.head)
        if other is None or governed is None or other.id == governed.id:
            continue
        sign = 1 if relation == "AFTER" else -1
        duration = _preceding_duration(doc, token, durations)
        vague = _offset_word(doc[token.i - 1], lex) if token.i > 0 and duration is None else None
        if duration is not None and relation in ("AFTER", "BEFORE"):
            amount, unit = duration_offset(duration.value)  # type: ignore[misc]
            edges.append(Edge(other.id, governed.id, "SHIFT", rule=f"{duration.text} {token.lower_}",
                              amount=amount, unit=unit, sign=sign))
        elif vague is not None and relation in ("AFTER", "BEFORE"):
            kind, (amount, unit) = vague
            edges.append(Edge(other.id, governed.id, kind, rule=f"{doc[token.i - 1].lower_} {token.lower_}",
                              amount=amount, unit=unit, sign=sign))
        else:
            edges.append(Edge(other.id, governed.id, relation, rule=f"signal {token.lower_}"))
    return edges + within_edges(struct, durations, lex)


def _left_clause_sibling(struct: Structure, clause: "Token") -> EventNode | None:
    """The event of a clause the parser made a sibling of ``clause`` under a non-event head,
    to its left ("The vote comes [days after X said] he was ...": "comes" and "said" both
    hang on "was"); the clause a subordinator phrase follows is the one it modifies."""
    for sibling in reversed([c for c in clause.head.children if c.i < clause.i and c.dep_ in ("ccomp", "csubj")]):
        node = struct.by_token.get(sibling.i)
        if node is not None:
            return node
    return None


def _clause_event_above(struct: Structure, token: "Token") -> EventNode | None:
    """The nearest event at or above ``token`` through clausal complements (two steps at most)."""
    for _ in range(3):
        node = struct.by_token.get(token.i)
        if node is not None:
            return node
        if token.dep_ not in ("ccomp", "advcl", "conj") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _signal_governor(signal: "Token", struct: Structure, lex: Lexicon) -> EventNode | None:
    """The event a signal's phrase modifies; through a vague span it names ("in the days
    before the vote", "within days of the attack") up to the event the span dates."""
    head = signal.head if signal.dep_ != "mark" else signal.head.head
    governed = struct.event_at(head, climb=1)
    if governed is None and head.lower_ in lex.offset_words and head.dep_ == "pobj":
        governed = struct.event_at(head.head.head)
    return governed


def _offset_word(word: "Token", lex: Lexicon) -> tuple[str, tuple[float, str]] | None:
    """(SHIFT | WITHIN, (amount, unit)) for a vague offset word ("days", "shortly", "the day")."""
    entry = lex.offset_words.get(word.lower_)
    if entry is None or (entry[0] == "SHIFT" and not any(
            c.lower_ in ("the", "a", "that") for c in word.children if c.dep_ == "det")
            and (word.i == 0 or word.doc[word.i - 1].lower_ not in ("the", "a", "that"))):
        return None  # "the day after", not "day after day"
    offset = duration_offset(entry[1])
    return (entry[0], offset) if offset else None


def within_edges(struct: Structure, durations: dict[int, Timex], lex: Lexicon) -> list[Edge]:
    """"within two weeks of the vote", "within days of the attack": from the other event
    up to that long after it."""
    edges: list[Edge] = []
    for token in struct.doc:
        if token.lower_ != "within" or token.dep_ != "prep":
            continue
        span = next((c for c in token.children if c.dep_ == "pobj"), None)
        of = next((c for c in span.children if c.dep_ == "prep" and c.lower_ in ("of", "after")), None) if span else None
        other = next((struct.by_token.get(c.i) for c in of.children if c.dep_ == "pobj"), None) if of else None
        governed = struct.event_at(token.head)
        if other is None or governed is None or other.id == governed.id:
            continue
        duration = durations.get(span.idx + len(span.text))
        offset = duration_offset(duration.value) if duration else None
        if offset is None and span.lower_ in lex.offset_words:
            offset = duration_offset(lex.offset_words[span.lower_][1])
        if offset is not None:
            edges.append(Edge(other.id, governed.id, "WITHIN", rule=f"within {span.lower_} {of.lower_}",
                              amount=offset[0], unit=offset[1], sign=1))
    return edges


def aspectual_edges(struct: Structure, edges: list[Edge]) -> list[Edge]:
    """An aspectual verb is at the time given to its complement: "began enrolling patients in
    March 2019" -> "began" in March 2019 too (the time only flows up: the enrolling itself
    went on after its start, so "stopped building in May" does not put all the building in May)."""
    aspectual: dict[str, str] = {}
    for node in struct.nodes:
        head = struct.doc[node.mention.head]
        gov = struct.by_token.get(head.head.i) if head.dep_ == "xcomp" else None
        if gov is not None and gov.id != node.id and gov.mention.cls == "ASPECTUAL":
            aspectual[node.id] = gov.id
    return [Edge(e.src, aspectual[e.dst], e.kind, rule="aspectual_complement")
            for e in edges if e.hard and e.src.startswith("T") and e.dst in aspectual]


_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "dative", "prep", "appos", "conj"})


def reduced_relative_edges(struct: Structure) -> list[Edge]:
    """A past participle modifying a noun ("the drones launched Monday night") names a
    finished event that the clause about the noun follows: "shot down 31 of the 48 drones
    launched Monday night" -> the shooting is not before the launch; the launch is not after
    the shooting.  The participle keeps its own time, and the clause its own."""
    edges: list[Edge] = []
    for node in struct.nodes:
        head = struct.doc[node.mention.head]
        # (the tagger often reads the participle as a past tense: VBD under "acl")
        # and "with 1:48 left" (a number, not a noun) is an absolute phrase, not a relative
        if (head.dep_ != "acl" or head.tag_ not in _PAST_TAGS or struct.by_token.get(head.head.i) is not None
                or head.head.pos_ not in ("NOUN", "PROPN")
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)):
            continue  # (a noun that is an event itself, "the vote held Tuesday", is the same event)
        main = _clause_event_of_noun(struct, head.head)
        if main is not None and main.id != node.id:
            edges.append(Edge(node.id, main.id, "AFTER", rule="reduced_relative"))
    return edges


def _clause_event_of_noun(struct: Structure, noun: "Token") -> EventNode | None:
    """The event of the clause ``noun`` is an argument of, climbing through prepositions and
    quantities ("shot down 31 of the drones" -> "shot"); None past a clause boundary."""
    token = noun
    for _ in range(5):
        if token.dep_ not in _ARGUMENT_DEPS or token.head.i == token.i:
            return None
        token = token.head
        node = struct.by_token.get(token.i)
        if node is not None:
            return node
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def clause_edges(struct: Structure) -> list[Edge]:
    """A "when"/"while" clause happens at the time of the event it modifies."""
    edges: list[Edge] = []
    for node in struct.nodes:
        head = struct.doc[node.mention.head]
        if head.dep_ != "advcl" or not any(c.dep_ in ("advmod", "mark") and c.lower_ in _WHEN_WORDS
                                           for c in head.children):
            continue
        gov = struct.by_token.get(head.head.i)
        if gov is not None and gov.id != node.id:
            edges.append(Edge(gov.id, node.id, "EQUAL", rule="when_clause"))
    return edges


def measure_period_edges(struct: Structure, timexes: Iterable[Timex], lex: Lexicon) -> list[Edge]:
    """A period that modifies a measured quantity dates its change: "third-quarter profit
    climbed", "revenue for the quarter fell" (the subject is a measure noun, the verb a
    verb of change, both in change_words.txt)."""
    edges: list[Edge] = []
    for timex in timexes:
        root = struct.timex_root(timex)
        if root is None or timex.type not in ("DATE", "TIME") or not timex.interval:
            continue
        noun = root.head
        if root.dep_ == "pobj" and noun.lower_ in ("for", "in", "during"):
            noun = noun.head
        elif root.dep_ not in ("compound", "amod", "nmod", "npadvmod", "poss"):
            continue
        if lex.change_words.get(noun.lemma_.lower()) != "measure" or noun.dep_ not in ("nsubj", "nsubjpass"):
            continue
        node = struct.by_token.get(noun.head.i)
        if node is not None and lex.change_words.get(node.mention.lemma) == "change":
            edges.append(Edge(timex.id, node.id, "EQUAL", rule="measure_period"))
    return edges


def when_relative_edges(struct: Structure, timexes: Iterable[Timex]) -> list[Edge]:
    """A relative "when" clause happens at the time its head names: "dates to September 17,
    2024, when the alliance filed suit", "in 1998, when two engineers left"; or at the time
    of the event its head is ("the 2008 election, when Obama won")."""
    doc = struct.doc
    timex_at: dict[int, Timex] = {}
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and timex.type in ("DATE", "TIME") and timex.interval:
            timex_at.update((t.i, timex) for t in span)
    edges: list[Edge] = []
    for node in struct.nodes:
        head = doc[node.mention.head]
        if head.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in head.children):
            continue
        if (timex := timex_at.get(head.head.i)) is not None:
            edges.append(Edge(timex.id, node.id, "EQUAL", rule="when_relative"))
        elif (gov := struct.by_token.get(head.head.i)) is not None and gov.id != node.id:
            edges.append(Edge(gov.id, node.id, "EQUAL", rule="when_relative"))
    return edges


def _signal_object(signal: "Token", struct: Structure) -> EventNode | None:
    """The event a signal introduces: its object, or for "then"/"this"/"that" the main
    event of the previous sentence (the narrative's current reference)."""
    for child in signal.children:
        if child.dep_ in ("pobj", "pcomp"):
            if child.lower_ in ("then", "this", "that") and child.pos_ in ("ADV", "PRON", "DET"):
                return _previous_sentence_event(signal, struct)
            node = struct.by_token.get(child.i)
            return node if node is not None else _misparsed_clause_after(signal, child, struct)
    return None


def _misparsed_clause_after(signal: "Token", obj: "Token", struct: Structure) -> EventNode | None:
    """The verb of a clause the parser split at its subject: "comes two days after two unions,
    A and B, gave her the nod" makes "unions" the object of "after" and "gave" a subjectless
    conjunct of "comes"; the signal introduces that clause."""
    if signal.dep_ != "prep" or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    end = max(t.i for t in obj.subtree)
    head = signal.head
    candidates = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "ccomp" and head.head.i > end:
        candidates.append(head.head)  # or hung the first clause on the verb as its complement
    for verb in candidates:
        if verb.pos_ in ("VERB", "AUX") and verb.i > end \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in verb.children) \
                and not any(t.dep_ == "cc" and t.head.i == head.i and end < t.i < verb.i for t in struct.doc[end:verb.i]):
            return struct.by_token.get(verb.i)
    return None


def _previous_sentence_event(token: "Token", struct: Structure) -> EventNode | None:
    sent = token.sent
    if sent.start == 0:
        return None
    prev = struct.doc[sent.start - 1].sent
    return struct.by_token.get(prev.root.i) or next(
        (n for n in reversed(struct.nodes) if prev.start <= n.mention.head < prev.end), None)


def coreference(struct: Structure, timed: Iterable[str] = ()) -> dict[str, str]:
    """Later definite nominal mentions ("the", "this", a possessor: "Layton's speech") -> the
    first mention of the same event: the latest earlier noun of the same lemma and number with a
    time of its own ("an attack on Monday ... Friday's attack ... The attack": Friday's), or
    the first one ("a meeting" ... "the meeting"), else an event told up to 5 sentences
    before whose word names the same event: the same verb ("drones struck ... The strikes"),
    its nominalization ("endorsed ... The endorsement") or a word of its family in
    event_families.txt ("exploded ... the blast").  If that event has no time of its own but
    an earlier one of the same lemma has (``timed``), the earlier one: the news a definite
    noun sums up ("on Friday endorsed X ... went on to endorse Y ... The endorsement comes").
    A noun that a restrictive clause describes ("the attack that removed ...") introduces its
    event and links to none."""
    first: dict[tuple[str, bool], EventNode] = {}  # (lemma, plural) -> its first noun
    latest_dated: dict[tuple[str, bool], EventNode] = {}  # ... and its latest one with a time of its own
    recent: list[EventNode] = []  # earlier events a definite noun may rename (no reports)
    dated: dict[str, EventNode] = {}
    links: dict[str, str] = {}
    timed = set(timed)
    kin = lexicon().families
    for node in struct.nodes:
        m = node.mention
        head = struct.doc[m.head]
        if m.pos == "noun" and _is_definite(head) and not _has_restrictive_clause(head):
            key = (m.lemma, _plural(head))
            antecedent = latest_dated.get(key, first.get(key))
            if antecedent is not None:
                links[node.id] = links.get(antecedent.id, antecedent.id)  # the chain's first mention
            elif (m.lemma, not _plural(head)) not in first and (named := _event_named(m.lemma, recent, kin)) \
                    and _sentences_apart(struct, named, node) <= _VERB_COREF_SENTENCES:
                if named.id not in timed:
                    named = dated.get(named.mention.lemma, named)
                links[node.id] = links.get(named.id, named.id)
        if m.pos == "noun":
            first.setdefault((m.lemma, _plural(head)), node)
            if node.id in timed:
                latest_dated[(m.lemma, _plural(head))] = node
        if m.cls != "REPORTING" and m.pos in ("noun", "verb"):
            recent.append(node)
            if node.id in timed:
                dated.setdefault(m.lemma, node)
    return links


_NOMINAL_ENDINGS = ("ment", "ement", "al", "ion", "ation", "ing")


def _event_named(noun: str, recent: list[EventNode], kin: dict[str, frozenset[str]]) -> EventNode | None:
    """The latest earlier event a definite event noun renames: a verb of the same lemma
    ("struck ... the strikes") or its nominalization ("endorsed ... The endorsement",
    "arrived ... the arrival"), or a verb or noun of its family ("exploded ... the blast",
    "an earthquake ... the quake")."""
    family = kin.get(noun, frozenset())
    for node in reversed(recent):
        lemma = node.mention.lemma
        if lemma in family or (node.mention.pos == "verb" and _nominalizes(lemma, noun)):
            return node
    return None


def _nominalizes(verb: str, noun: str) -> bool:
    """Whether ``noun`` is ``verb`` or a regular nominalization of it ("arrive" -> "arrival")."""
    if noun == verb:
        return True
    stem = verb[:-1] if verb.endswith("e") else verb
    return len(stem) >= 4 and noun.startswith(stem) and noun[len(stem):] in _NOMINAL_ENDINGS


def _has_restrictive_clause(noun: "Token") -> bool:
    """Whether a relative clause or participle without a comma before it describes the noun
    ("the attack that removed the Taliban", "the vote held in May"): it names which event,
    so it is not a mention of one told before."""
    for child in noun.children:
        if child.dep_ in ("relcl", "acl") and child.i > noun.i:
            first = min(t.i for t in child.subtree)
            if first > 0 and noun.doc[first - 1].text != ",":
                return True
    return False


def _sentences_apart(struct: Structure, first: EventNode, second: EventNode) -> int:
    """How many sentence starts lie between two mentions (0: the same sentence)."""
    a, b = struct.doc[first.mention.head], struct.doc[second.mention.head]
    return sum(1 for s in struct.doc[a.i:b.i + 1].sents) - 1


def _plural(noun: "Token") -> bool:
    return noun.tag_ in ("NNS", "NNPS")


def _is_definite(noun: "Token") -> bool:
    """A noun with a definite determiner or a possessor that is not a time ("the meeting",
    "his speech", "Layton's speech"; not "Friday's attack", which its time dates)."""
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE)
               or (c.dep_ == "poss" and (c.lower_ in _DEFINITE or c.ent_type_ not in ("DATE", "TIME")))
               for c in noun.children)


def structure_edges(struct: Structure, own: frozenset[str] | set[str] = frozenset()) -> list[Edge]:
    """Edges from sentence structure: framing nominal events, topics, complements, conjuncts."""
    edges: list[Edge] = []
    for node in struct.nodes:
        head = struct.doc[node.mention.head]
        gov_token = head.head
        verb = framing_verb(head) if node.mention.pos == "noun" else None
        if verb is not None:
            framed = struct.event_at(verb)
            if framed is not None and framed.id != node.id:
                edges.append(Edge(node.id, framed.id, "EQUAL", rule="framing_event"))
        topic_of = _topic_of(struct, head)
        if topic_of is not None and topic_of.id != node.id and node.modality is None:
            edges.append(Edge(topic_of.id, node.id, "NOT_AFTER", rule="topic"))
        if head.dep_ in ("xcomp", "acl") and (gov := struct.by_token.get(gov_token.i)) is not None and gov.id != node.id:
            kind = "AFTER" if node.modality == "intended" else "EQUAL"
            edges.append(Edge(gov.id, node.id, kind, rule="complement", hard=kind == "AFTER"))
        if (head.dep_ in ("nsubj", "nsubjpass") and node.mention.pos == "noun"
                and (gov := struct.by_token.get(gov_token.i)) is not None and gov.id != node.id):
            if gov.mention.cls == "ASPECTUAL":
                edges.append(Edge(gov.id, node.id, "EQUAL", rule="aspectual_subject", hard=False))
            elif lexicon().light_verbs.get(gov.mention.lemma) == "time":  # "The strikes came N days after"
                edges.append(Edge(gov.id, node.id, "EQUAL", rule="timing_verb"))
            elif head.dep_ == "nsubjpass" and lexicon().light_verbs.get(gov.mention.lemma) in ("object", "both"):
                # "The attack was carried out by X": carrying it out is the attack itself
                edges.append(Edge(gov.id, node.id, "EQUAL", rule="light_verb_passive"))
            elif head.dep_ == "nsubj" and gov.mention.cls not in ("REPORTING", "I_STATE", "STATE"):
                # "In May, the rallies drew 160,000 people": what an event does, it does while on
                edges.append(Edge(gov.id, node.id, "EQUAL", rule="event_subject", hard=False))
        if (head.dep_ == "dobj" and node.mention.pos == "noun" and (gov := struct.by_token.get(gov_token.i))
                and gov.id != node.id and _object_time_verb(gov_token)):
            # "suffered four defeats this year", "attended the May 3 summit": at the same time
            edges += [Edge(gov.id, node.id, "EQUAL", rule="object_time", hard=False),
                      Edge(node.id, gov.id, "EQUAL", rule="object_time", hard=False)]
        if (rel := _subject_relative_event(struct, head)) is not None and rel.id != node.id:
            # "explosions that went off in the city today": the event noun is what went off;
            # "blasts on November 14 which killed a soldier": the killing is the blasts' doing
            edges += [Edge(rel.id, node.id, "EQUAL", rule="relative_subject", hard=False),
                      Edge(node.id, rel.id, "EQUAL", rule="relative_subject", hard=False)]
        if (agent_of := _agent_of(struct, head)) is not None and agent_of.id != node.id and node.mention.pos == "noun":
            # "patrols were hit by two blasts on November 14": the blasts are the hitting
            edges += [Edge(agent_of.id, node.id, "EQUAL", rule="event_agent", hard=False),
                      Edge(node.id, agent_of.id, "EQUAL", rule="event_agent", hard=False)]
        if (noun := _relative_occurrence_of(struct, head)) is not None and noun.id != node.id:
            edges.append(Edge(node.id, noun.id, "EQUAL", rule="relative_occurrence"))
        if head.dep_ == "conj" and (gov := struct.by_token.get(gov_token.i)) is not None and gov.id != node.id:
            edges.append(Edge(gov.id, node.id, "EQUAL", rule="conjunct", hard=False))
            if shares_trailing_modifiers(head, gov_token):
                # "was shot and burned in his car on Dec. 13": a time after the last verb
                # is the first one's too (soft: only when nothing else dates it)
                edges.append(Edge(node.id, gov.id, "EQUAL", rule="conjunct", hard=False))
        elif _is_dependent_clause(head) and node.modality is None:
            gov = struct.event_at(gov_token, climb=1)
            if gov is not None and gov.id != node.id:
                # "X raised its forecast, saying ...": a reporting participle is the same act
                # (unless it has a time of its own: "endorsed X in June, ... telling reporters in May")
                hard = (node.mention.cls == "REPORTING" and head.tag_ == "VBG" and head.dep_ == "advcl"
                        and node.id not in own)
                edges.append(Edge(gov.id, node.id, "EQUAL", rule="participle", hard=hard))
    return edges


def _object_time_verb(verb: "Token") -> bool:
    """Whether a verb's event-noun object happens when it does ("suffered a defeat", "set
    off a panic"; light_verbs.txt kind "object_time", with its particle if it has one)."""
    lemma = verb.lemma_.lower()
    names = [lemma] + [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
    return any(lexicon().light_verbs.get(name) == "object_time" for name in names)


def _agent_of(struct: Structure, noun: "Token") -> EventNode | None:
    """The passive verb whose "by" agent is ``noun`` ("were hit by two blasts")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "by" or prep.dep_ != "agent":
        return None
    return struct.by_token.get(prep.head.i)


def _subject_relative_event(struct: Structure, noun: "Token") -> EventNode | None:
    """The event of a relative clause whose subject is the event noun ``noun`` itself
    ("the blasts that shook the town on Monday"), not a report or a state."""
    if noun.pos_ != "NOUN":
        return None
    for rel in noun.children:
        if rel.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")
                                       for c in rel.children):
            node = struct.by_token.get(rel.i)
            if node is not None and node.mention.cls not in ("REPORTING", "I_STATE", "STATE"):
                return node
    return None


def _relative_occurrence_of(struct: Structure, verb: "Token") -> EventNode | None:
    """The event noun a relative clause of occurrence is about: "the robbery, which took
    place on March 1" / "the vote that happened Friday" (light verbs whose subject is the
    event, or "come", in light_verbs.txt) is the robbery's / the vote's time."""
    lemma = verb.lemma_.lower()
    kinds = {lexicon().light_verbs.get(lemma, "")} | {
        lexicon().light_verbs.get(f"{lemma} {c.lemma_.lower()}", "") for c in verb.children if c.dep_ in ("dobj", "prt")}
    if _is_passive_of_noun(verb):  # "the conference, (being) held Thursday": the noun is its object
        if not kinds & {"object", "both"}:
            return None
    elif verb.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
                                         for c in verb.children) or not kinds & {"subject", "both", "time"}:
        return None
    node = struct.by_token.get(verb.head.i)
    return node if node is not None and node.mention.pos == "noun" else None


def _is_passive_of_noun(verb: "Token") -> bool:
    """A passive participle modifying the noun it is about ("the talks held in Geneva", "the
    raid, which was carried out at dawn")."""
    if verb.dep_ == "acl":
        return verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)
    return verb.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in ("which", "that") for c in verb.children)


def _is_dependent_clause(token: "Token") -> bool:
    """A non-finite clause that takes its time from the clause it hangs on: "unveiled it,
    saying ...", "began by walking ...", "moved on to talk"."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBG", "VB", "VBN"):
        return False
    return token.dep_ in ("advcl", "pcomp", "xcomp", "acl") and not any(
        c.dep_ in ("aux", "auxpass") and c.lower_ not in ("to",) for c in token.children)


def _topic_of(struct: Structure, token: "Token") -> EventNode | None:
    """The event that ``token`` is the topic of ("asked about the decision [to abstain]"):
    climbs from complements of the topic noun to the preposition."""
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ in _TOPIC_PREPS:
            gov = struct.event_at(token.head.head)
            if gov is not None and (token.head.lower_ == "about" or gov.mention.cls == "REPORTING"):
                return gov
            return None
        if token.dep_ not in ("acl", "xcomp", "pcomp", "prep") or token.head.i == token.i:
            return None
        token = token.head
    return None


def report_edges(struct: Structure, attributions: Iterable[Attribution]) -> list[Edge]:
    """Past-tense events inside reported content happened no later than the report."""
    edges: list[Edge] = []
    by_cue = {}
    for a in attributions:
        if a.cue is not None:
            cue = struct.doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
            node = struct.by_token.get(cue.root.i) if cue is not None and len(cue) else None
            if node is not None:
                by_cue[a.id] = node
    for node in struct.nodes:
        report = by_cue.get(node.reported_by or "") or _reporting_governor(struct, node)
        if report is None or report.id == node.id:
            continue
        tense = _tense(struct.doc, node.mention)
        if tense == "past":
            edges.append(Edge(report.id, node.id, "NOT_AFTER", rule="reported_content"))
        elif node.modality in ("future", "intended") and node.mention.cls != "REPORTING":
            # "said on Tuesday that it will cut jobs": the cut comes after the saying
            edges.append(Edge(report.id, node.id, "AFTER", rule="reported_future"))
        elif tense == "present" and node.modality is None and node.mention.pos == "verb":
            # "said on Tuesday that it expects ...": the expecting holds when it is said
            edges.append(Edge(report.id, node.id, "EQUAL", rule="reported_present", hard=False))
    return edges


def _reporting_governor(struct: Structure, node: EventNode) -> EventNode | None:
    """The reporting verb whose clausal complement holds the event ("X said [he had left]")."""
    token = struct.doc[node.mention.head]
    for _ in range(6):
        if token.head.i == token.i:
            return None
        if token.dep_ in ("ccomp", "parataxis"):
            gov = struct.by_token.get(token.head.i)
            if gov is not None and gov.mention.cls == "REPORTING":
                return gov
        token = token.head
    return None


def report_now_edges(struct: Structure, timexes: Iterable[Timex], dated: set[str]) -> list[Edge]:
    """"now" in reported words is the time of the report ("saying it now expects ..."):
    the reporting verb governing the clause that "now" dates is on that day, unless a time
    expression of its own dates it (``dated``: "said on Monday that they now ...")."""
    edges: list[Edge] = []
    for timex in timexes:
        root = struct.timex_root(timex)
        if root is None or timex.value != "PRESENT_REF" or not timex.interval:
            continue
        node = struct.event_at(root.head)
        report = _reporting_governor(struct, node) if node is not None else None
        if report is not None and report.id not in dated:
            edges.append(Edge(timex.id, report.id, "EQUAL", rule="report_now"))
    return edges


def report_narrative_edges(struct: Structure, timed: dict[str, bool]) -> list[Edge]:
    """Soft: a past-tense report with no time of its own is made at the time of the day-dated
    main event of the sentence just before it ("On March 2, X was questioned. '...', X responded")."""
    edges: list[Edge] = []
    for node in struct.nodes:
        if node.mention.cls != "REPORTING" or node.id in timed or _tense(struct.doc, node.mention) != "past":
            continue
        prev = _previous_sentence_event(struct.doc[node.mention.head], struct)
        if prev is not None and timed.get(prev.id):
            edges.append(Edge(prev.id, node.id, "EQUAL", rule="narrative_report", hard=False))
    return edges


def narrative_edges(struct: Structure, timed: dict[str, bool], related: set[str], own: set[str],
                    past: frozenset[str] = frozenset()) -> list[Edge]:
    """Soft: a simple-past verb with no time of its own happens at the narrative's current
    reference time, the last day-dated event told before its sentence in the same paragraph
    ("On Monday Jobs gave a keynote. He announced ..."); a past perfect happened before it
    ("had been asked").  A clause with a time of its own (``own``: "At age 12", "later",
    "in 1959") takes no guess.  In the lede (the first paragraph, before any event with a
    time of its own is told) a simple past or present perfect is the news of the last days:
    around publication ("Apple has launched ...")."""
    edges: list[Edge] = []
    reference: EventNode | None = None
    lede_over = False
    pending: list[EventNode] = []
    sentence_start = -1
    for node in struct.nodes:
        start = struct.doc[node.mention.head].sent.start
        if start != sentence_start:  # the sentence's own dated events become the reference next
            sentence_start = start
            # (a sentence with a time of its own keeps the reference: the story often comes back
            # from a flashback, "In April, a blog obtained a prototype"; ending the reference
            # there lowered bench/events.py bounded-and-right anchoring from 0.600 to 0.456)
            reference = next((n for n in reversed(pending) if timed.get(n.id)), reference)
            # a past date was told ("was born in 1955"): the story has left the day's news
            lede_over = lede_over or any(n.id in past for n in pending)
            pending = []
        pending.append(node)
        if reference is not None and _paragraph_break(struct, reference, node):
            # a new paragraph may turn to background ("She was born in ...") that no recent
            # window should date.  (Only the next sentence, not the paragraph, was tried too:
            # bench/events.py bounded anchoring accuracy fell from 0.581 to 0.35.)
            reference = None
        lede = reference is None and not lede_over and not _paragraph_break(struct, struct.nodes[0], node)
        if ((reference is None and not lede) or node.id in timed or node.id in related
                or node.modality is not None or node.mention.pos != "verb"):
            continue  # explicitly related events ("before the vote") are not guessed
        if lede:  # before any dated event of the first paragraph: the news of the day
            kind = _lede_tense(struct.doc[node.mention.head])
            if kind is not None and node.id not in own and not _in_reported_clause(struct.doc, node.mention):
                edges.append(Edge(PUBLICATION, node.id, kind, rule="lede", hard=False))
            continue
        kind = _narrative_tense(struct.doc[node.mention.head])
        if kind == "AROUND" and node.id in own:
            continue  # a past perfect with its own time ("had once left") is still before it
        if kind is not None and not _in_reported_clause(struct.doc, node.mention):
            edges.append(Edge(reference.id, node.id, kind, rule="narrative", hard=False))
    return edges


def _dated_in_past(edges: list[Edge], timexes: Iterable[Timex], published: date | None) -> frozenset[str]:
    """Events a time expression ending before the publication day dates ("in 1955"), not
    a planned one ("scheduled for release in June")."""
    ends = {t.id: parse_day(t.interval[1]) for t in timexes if t.interval and t.interval[1]}
    return frozenset(e.dst for e in edges if e.hard and e.src in ends and published is not None
                     and ends[e.src] is not None and ends[e.src] < published)


def _paragraph_break(struct: Structure, first: EventNode, second: EventNode) -> bool:
    """Whether a blank line separates two events (they are in different paragraphs; a single
    line break may end a sentence in one-sentence-per-line text): a break token in the
    tokens from the first's head up to the second's, found by bisection."""
    breaks = struct.paragraph_breaks()
    at = bisect.bisect_left(breaks, first.mention.head)
    return at < len(breaks) and breaks[at] < second.mention.head


def _lede_tense(verb: "Token") -> str | None:
    """AROUND for a simple past or a present perfect told before any date ("Apple has
    launched", "X unveiled"): news reports what happened in the last days."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes or auxes & {"will", "would", "may", "might", "could", "should", "can", "to"}:
        return None
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxes & {"was", "were", "has", "have", "'s", "'ve"}):
        return "AROUND"
    return None


def _narrative_tense(verb: "Token") -> str | None:
    """AROUND for a simple past ("announced"), NOT_AFTER for a past perfect ("had left")."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "had" in auxes:
        return "NOT_AFTER"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxes & {"was", "were"}):
        return "AROUND"
    return None


def _tense(doc: "Doc", mention: Mention) -> str | None:
    """past | present | None for a mention (nominal ones take their verb's tense)."""
    token = doc[mention.support if mention.support is not None else mention.head]
    if token.tag_ == "VBN" and token.dep_ == "acl":
        if any(c.lower_ == "being" for c in token.children if c.dep_ in ("aux", "auxpass")):
            return None  # "the summit, being held Monday through Wednesday": under way, not done
        return "past"  # "a report published by X", "the document obtained by Y": done already
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            break
        token = token.head
    tags = {token.tag_} | {c.tag_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "would", "may", "might", "could", "should", "shall", "must", "can", "to", "'ll"}:
        return None
    if tags & {"VBD"} or (token.tag_ == "VBN" and auxes & {"was", "were"}):
        return "past"
    if auxes & {"has", "have", "had", "'ve", "'d"} or (token.tag_ == "VBN" and "'s" in auxes):
        return "past"  # perfect: it happened (or began) before the time of speaking
    if token.tag_ in _PRESENT_TAGS or tags & _PRESENT_TAGS:
        return "present"
    return None


def initial_anchors(struct: Structure, timexes: Iterable[Timex], attributions: Iterable[Attribution],
                    timed: Iterable[str] = (), published: date | None = None) -> tuple[dict[str, Anchor], set[str]]:
    """Start values: timexes fixed at their intervals (conjoined ones, "in March and June",
    also as their union), reports dated by the time they were made (``said_on``)."""
    anchors: dict[str, Anchor] = {}
    fixed: set[str] = set()
    for t in timexes:
        if t.interval:
            first, last = parse_day(t.interval[0]), parse_day(t.interval[1])
            # "mid-January" is its middle third; not the current month or year ("earlier this
            # month" is before today, which the time layer also marks START)
            current = published is not None and first is not None and last is not None and first <= published <= last
            anchors[t.id] = Anchor((first, last) if current else mod_interval((first, last), t.mod), "timex", t.id)
            fixed.add(t.id)
    for union_id in _conjoined_timexes(struct, list(timexes)):
        parts = [anchors[i].interval for i in union_id.split("|") if i in anchors]
        if len(parts) == len(union_id.split("|")) and all(p[0] and p[1] for p in parts):
            anchors[union_id] = Anchor((min(p[0] for p in parts), max(p[1] for p in parts)), "timex", union_id)
            fixed.add(union_id)
    # only a stated day: an inferred one (said_on_basis same_source / story_day) is a reading of
    # the article, weaker than the dates the event graph finds itself
    said = {a.id: a for a in attributions if a.said_on and a.said_on_basis in (None, "stated")}
    for node in struct.nodes:
        anchors[node.id] = Anchor()
    timed = set(timed)
    for a in said.values():
        cue_node = _cue_node(struct, a)
        day = value_interval(a.said_on)
        # a time expression attached to the cue itself dates it ("endorsed X in June, ...
        # telling reporters in May": May is the telling's, not the endorsing's)
        if cue_node is not None and day is not None and cue_node.id not in timed:
            anchors[cue_node.id] = Anchor(day, "timex", a.said_on_via or a.id)
    return anchors, fixed


def inferred_said_edges(struct: Structure, attributions: Iterable[Attribution]) -> tuple[dict[str, Anchor], list[Edge]]:
    """Soft edges from the day the attribution layer infers for undated words (``said_on_basis``
    same_source / story_day: "A court on Monday acquitted X. ... An official told Y") to their
    cue: a reading, so it only fills a report nothing else dates (as hard start values these
    days lowered Apple anchoring)."""
    anchors: dict[str, Anchor] = {}
    edges: list[Edge] = []
    for a in attributions:
        if not a.said_on or a.said_on_basis != "same_source":
            continue
        cue_node, day = _cue_node(struct, a), value_interval(a.said_on)
        if cue_node is not None and day is not None:
            anchors[f"S{a.id}"] = Anchor(day, "event", a.id)
            edges.append(Edge(f"S{a.id}", cue_node.id, "EQUAL", rule=f"said_on {a.said_on_basis}", hard=False))
    return anchors, edges


def _cue_node(struct: Structure, a: Attribution) -> EventNode | None:
    if a.cue is None:
        return None
    cue = struct.doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    return struct.by_token.get(cue.root.i) if cue is not None and len(cue) else None


def tense_bounds(struct: Structure, published: date | None) -> dict[str, Interval]:
    """Weak bounds from tense: past and perfect before publication; present on it."""
    bounds: dict[str, Interval] = {}
    for node in struct.nodes:
        if published is None or node.modality is not None:
            continue
        if node.mention.pos == "noun" and _has_occurrence_clause(struct, node):
            continue  # "the summit, being held Monday through Wednesday, was organized by": its own tense
        tense = _tense(struct.doc, node.mention)
        if tense == "past":
            bounds[node.id] = (None, published)
        elif (tense == "present" and node.mention.pos != "noun" and node.reported_by is None
              and not _in_reported_clause(struct.doc, node.mention)):
            bounds[node.id] = (published, published)  # holds (or is said) at publication
        elif tense == "present" and node.mention.pos == "verb" and _said_now(struct, node):
            bounds[node.id] = (published, published)  # "has stated that he owns": owns now
    return bounds


def _has_occurrence_clause(struct: Structure, node: EventNode) -> bool:
    """Whether an event noun has a clause of its own that places it ("the summit, being held
    Monday", "the vote, which took place Friday"): the tense of the verb the noun hangs on is
    not its own."""
    head = struct.doc[node.mention.head]
    return any(c.dep_ in ("acl", "relcl") and _relative_occurrence_of(struct, c) is node for c in head.children)


def _said_now(struct: Structure, node: EventNode) -> bool:
    """Whether the report governing a clause is in the present or present perfect ("says",
    "has said"), so a present tense in its content holds at publication."""
    report = _reporting_governor(struct, node)
    if report is None:
        return False
    verb = struct.doc[report.mention.head]
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ in _PRESENT_TAGS or (verb.tag_ == "VBN" and bool(auxes & {"has", "have", "'s", "'ve"}))


def _conjoined_timexes(struct: Structure, timexes: list[Timex]) -> list[str]:
    """Ids "T3|T4" of time expressions joined by "and"/"or" ("in March and June") or
    spanning a range ("Thursday through Saturday"): both stand for the days from the
    first's start to the second's end."""
    doc = struct.doc
    roots = {}
    for t in timexes:
        root = struct.timex_root(t)
        if root is not None and t.interval:
            roots[root.i] = t
    pairs = [f"{roots[r.head.i].id}|{t.id}" for i, t in roots.items()
             if (r := doc[i]).dep_ == "conj" and r.head.i in roots]
    return pairs + [f"{first.id}|{t.id}" for i, t in roots.items() if (first := _range_start(doc, doc[i], roots))]


def _range_start(doc: "Doc", root: "Token", roots: dict[int, Timex]) -> Timex | None:
    """The time expression a range signal before ``root`` starts from ("Thursday| through
    Saturday"): the signal's head, or the word right before the signal."""
    prep = root.head
    if root.dep_ != "pobj" or prep.i == 0 or signal_relation(prep, lexicon()) != "RANGE":
        return None
    if prep.head.i in roots:
        return roots[prep.head.i]
    before = doc[prep.i - 1]
    start = next((t for i, t in roots.items() if t.start <= before.idx < t.end), None)
    return start if start is not None and start.end <= prep.idx else None


def _in_reported_clause(doc: "Doc", mention: Mention) -> bool:
    """Whether the mention sits in a clausal complement or inside quotation marks."""
    token = doc[mention.head]
    sent = token.sent
    quotes = sum(1 for t in doc[sent.start:token.i] if t.tag_ in ("``", "''") or t.text in ('"', "“", "”"))
    return token.dep_ in ("ccomp", "parataxis") or quotes % 2 == 1


def when_from_anchor(anchor: Anchor, note_extra: str | None = None) -> When:
    """The record's ``When`` for a node's final anchor."""
    reason = [anchor.reason] if anchor.reason and anchor.how == "event" else []
    if reason and "(coreference)" in reason[0]:
        note_extra = None  # "equal V1 (coreference)" already says it
    via, *others = anchor.via.split("|") if anchor.via else [None]
    if others:  # "in 2008 and 2012": via names one id (the first), the note the others
        note_extra = "; ".join(filter(None, [f"also via {', '.join(others)}", note_extra]))
    notes = reason + list(anchor.notes) + ([note_extra] if note_extra else [])
    note = "; ".join(notes) or None
    if anchor.interval == OPEN:
        return When(how="none", note=note)
    how = anchor.how if anchor.how in ("timex", "event", "tense", "publication") else "tense"
    if is_open(anchor.interval) and how == "tense":
        first, last = anchor.interval
        note = "; ".join(filter(None, [f"before {last.isoformat()}" if last else f"after {first.isoformat()}", note]))
    return When(how=how, value=interval_value(anchor.interval), interval=to_iso(anchor.interval),
                via=via, note=note)


def anchor_events(doc: "Doc", nodes: list[EventNode], timexes: list[Timex], published: str | None,
                  attributions: list[Attribution], lex: Lexicon | None = None) -> tuple[dict[str, When], dict[str, str]]:
    """The ``When`` of every event id, and the coreference links (mention id -> first id)."""
    lex = lex or lexicon()
    struct = Structure(doc, nodes)
    pub = parse_day(published)
    edges = timex_edges(struct, timexes, lex, pub) + relation_edges(struct, timexes, lex) + clause_edges(struct)
    coref = coreference(struct, {e.dst for e in edges if e.src.startswith("T") and e.hard})
    edges += when_relative_edges(struct, timexes) + measure_period_edges(struct, timexes, lex)
    edges += aspectual_edges(struct, edges) + reduced_relative_edges(struct)
    edges += report_now_edges(struct, timexes, {e.dst for e in edges if e.src.startswith("T") and e.hard})
    day_timexes = {t.id for t in timexes if t.interval and t.interval[0] and t.interval[0] == t.interval[1]}
    timed: dict[str, bool] = {}
    for e in edges:
        if e.src.startswith("T") and e.hard:
            timed[e.dst] = timed.get(e.dst, False) or (e.src in day_timexes and e.kind == "EQUAL")
    edges += age_edges(struct, lex)
    timed.update((n.id, False) for n in births(struct, lex) if n.id in timed)  # background, not a reference
    related = {n for e in edges if e.hard for n in (e.src, e.dst)}
    edges += report_narrative_edges(struct, timed)
    own = own_time_nodes(struct, _event_time_roots(struct, timexes, lex), lex)
    narrative = narrative_edges(struct, timed, related, own, _dated_in_past(edges, timexes, pub))
    edges += [Edge(first, later, "EQUAL", rule="coreference") for later, first in coref.items()]
    edges += structure_edges(struct, own) + report_edges(struct, attributions) + narrative
    anchors, fixed = initial_anchors(struct, timexes, attributions, timed, pub)
    said_anchors, said_edges = inferred_said_edges(struct, attributions)
    anchors.update(said_anchors)
    fixed.update(said_anchors)
    edges += said_edges  # after the lede's and the narrative's guesses (first, they lowered Apple anchoring)
    if pub is not None:  # the publication day, for the lede's guesses
        anchors[PUBLICATION] = Anchor((pub, pub), "publication")
        fixed.add(PUBLICATION)
    propagate(anchors, edges, fixed, pub, tense_bounds(struct, pub))
    whens = {}
    for node in nodes:
        extra = f"coreferent with {coref[node.id]}" if node.id in coref else None
        whens[node.id] = when_from_anchor(anchors[node.id], extra)
    return whens, coref
