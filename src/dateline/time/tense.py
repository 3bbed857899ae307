"""The tense of the clause around a time expression: past, present or future.

With a spaCy Doc the governing verb's morphology decides; without one, the nearest
tense marker in the sentence does (data/tense.tsv lists the markers).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import DATA
from .resolve import FUTURE, PAST, PRESENT

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"“'A-Z])|\n\s*\n")
_PARAGRAPH = re.compile(r"\n\s*\n")
# Opening and closing quotation marks: curly, PTB-style (`` ''), and the straight mark, which
# opens and closes in turn.  Single quotes are left out: they are mostly apostrophes.
_QUOTE_MARK = re.compile(r"[“”\"]|``|''")


@dataclass(frozen=True)
class Markers:
    """The compiled markers of data/tense.tsv."""

    by_tense: tuple[tuple[re.Pattern, int], ...]  # (regex, tense) for future, present, past
    cue: re.Pattern  # future cues that override the verb's tense
    perfect: re.Pattern  # past-perfect markers that cancel a future cue
    since: re.Pattern  # markers right before the expression that make it past
    clause: re.Pattern  # finite verbs: a future cue before one belongs to another clause
    report: re.Pattern  # lemmas of reporting verbs ('say'): their present tense tells the recent past
    ahead: re.Pattern  # right before the expression in a present clause: it lies ahead ('ahead of Tuesday's vote')
    compared: re.Pattern  # right before the expression: an earlier estimate it is compared with ('than forecast in July')
    span_end: re.Pattern  # right before the expression: it ends a span ('through January')
    deadline: re.Pattern  # right before a clock time: a state reached by then ('by noon')
    period_end: re.Pattern  # right before the expression: the last day of a period ('the quarter ended')
    happened: re.Pattern  # lemmas of event nouns that are never scheduled ('attack'): a date on them is past
    scheduled: re.Pattern  # lemmas of event nouns that are scheduled ('primary'): ahead in a clause not past
    expected: re.Pattern  # words on an event noun that put it ahead of its clause ('a possible verdict Thursday')


CUE_REACH = 60  # characters before the expression in which a future cue counts
SENTENCE_REACH = 400  # characters searched for a sentence boundary on each side
PERFECT_REACH = 40  # characters around the expression in which 'had' cancels a future cue
SINCE_REACH = 70  # characters before the expression searched for 'since' ('since taking over as speaker in')
_TENSES = {"future": FUTURE, "present": PRESENT, "past": PAST}
# Auxiliaries that make a verb group future ('wo' is the tagger's token for "won't").
FUTURE_AUXILIARIES = frozenset(("will", "'ll", "shall", "wo", "would"))


@lru_cache(maxsize=1)
def markers() -> Markers:
    """The tense markers and future cues of data/tense.tsv, compiled once."""
    return compile_markers((DATA / "tense.tsv").read_text(encoding="utf-8"))


def _alternation(patterns: list[str]) -> str:
    """The patterns as one regex alternative; with none, one that matches nothing (an empty
    alternative would match everywhere)."""
    return "|".join(patterns) if patterns else "(?!)"


def compile_markers(tsv: str) -> Markers:
    """The markers of a tense.tsv text (format in its header); a kind with no lines matches nothing."""
    found: dict[str, list[str]] = {"future": [], "present": [], "past": [], "cue": [], "perfect": [],
                                   "since": [], "clause": [], "report": [], "ahead": [], "compared": [],
                                   "span_end": [], "deadline": [], "period_end": [],
                                   "happened": [], "scheduled": [], "expected": []}
    for line in tsv.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tense, pattern = line.split("\t")
        found[tense].append(pattern)

    def compile_(patterns: list[str]) -> re.Pattern:
        return re.compile(r"\b(?:%s)\b" % _alternation(patterns), re.I)

    def before(kind: str) -> re.Pattern:  # a marker right before the expression
        return re.compile(r"\b(?:%s)\s+$" % _alternation(found[kind]), re.I)

    def lemmas(kind: str) -> re.Pattern:  # a whole lemma, matched with fullmatch
        return re.compile(r"(?:%s)" % _alternation(found[kind]), re.I)

    by_tense = tuple((compile_(found[name]), tense) for name, tense in _TENSES.items())
    return Markers(by_tense, compile_(found["cue"]), compile_(found["perfect"]), before("since"),
                   compile_(found["clause"]), lemmas("report"), before("ahead"), before("compared"),
                   before("span_end"), before("deadline"), before("period_end"),
                   lemmas("happened"), lemmas("scheduled"), lemmas("expected"))


@lru_cache(maxsize=8)
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) spans of the quotations in ``text``, marks included.

    Marks pair up within a paragraph; a quotation left open runs to the paragraph's end
    (news convention for quotes that continue in the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    paragraph_start = 0
    for boundary in [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
        opened: int | None = None
        for m in _QUOTE_MARK.finditer(text, paragraph_start, boundary):
            mark = m.group(0)
            if opened is None and mark in ("“", '"', "``"):
                opened = m.start()
            elif opened is not None and mark in ("”", '"', "''"):
                spans.append((opened, m.end()))
                opened = None
        if opened is not None:
            spans.append((opened, boundary))
        paragraph_start = boundary
    return tuple(spans)


def in_other_quote(text: str, position: int, start: int) -> bool:
    """True when ``position`` lies inside a quotation that does not contain the expression at ``start``.

    The tense of words someone is quoted as saying ('"We will live under it," he said in
    July') is not the tense of the clause around a date outside the quotation.
    """
    spans = quote_spans(text)
    i = bisect.bisect_right(spans, (position, len(text) + 1)) - 1  # the last quotation opened at or before it
    if i < 0:
        return False
    first, last = spans[i]
    return first <= position < last and not first <= start < last


def future_cue(text: str, start: int) -> bool:
    """True when a future cue ('payable', 'as soon as', 'scheduled to') shortly precedes ``start``."""
    left, _ = sentence_bounds(text, start, start)
    offset = max(left, start - CUE_REACH)
    window = text[offset:start]
    cues = [m for m in markers().cue.finditer(window) if not in_other_quote(text, offset + m.start(), start)]
    # a finite verb after the last cue: the expression is in another clause ("whose plan
    # to cap taxes was rejected in March"), so the cue says nothing about its tense; a
    # semicolon ends the cue's clause too ("Italy is expected to send 2,000; France said Tuesday")
    return bool(cues) and not markers().clause.search(window, cues[-1].end()) \
        and ";" not in window[cues[-1].end():]


def past_perfect_near(text: str, start: int, end: int) -> bool:
    """True when a past-perfect marker ('had') lies close to the expression, in its sentence."""
    left, right = sentence_bounds(text, start, end)
    window = text[max(left, start - CUE_REACH):min(right, end + PERFECT_REACH)]
    return bool(markers().perfect.search(window))


def since_cue(text: str, start: int) -> bool:
    """True when 'since' directly precedes the expression ('since November')."""
    return bool(markers().since.search(text, max(0, start - SINCE_REACH), start))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (approximate) sentence around text[start:end]."""
    left = max(0, start - SENTENCE_REACH)  # no sentence end in reach: look this far only
    # one character past ``start``: the boundary's look-ahead must see the expression's first
    # letter, or a sentence that opens with the expression ("Two days later, ...") is missed
    for m in _SENTENCE_END.finditer(text, left, min(len(text), start + 1)):
        if m.end() <= start:
            left = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + SENTENCE_REACH))
    right = m.start() + 1 if m else min(len(text), end + SENTENCE_REACH)
    return left, right


def tense_from_text(text: str, start: int, end: int) -> int:
    """The tense of the nearest marker (verb form, 'will', 'ago'...) in the sentence."""
    left, right = sentence_bounds(text, start, end)
    best: tuple[tuple[int, int], int] | None = None
    for regex, tense in markers().by_tense:
        for m in regex.finditer(text, left, right):
            if start <= m.start() < end:
                continue  # the expression's own words ("last", "ago") are not the clause's tense
            if in_other_quote(text, m.start(), start):
                continue
            gap = start - m.end() if m.end() <= start else m.start() - end
            key = (gap, -(m.end() - m.start()))  # on a tie the longer marker: "will be announced"
            if best is None or key < best[0]:
                best = (key, tense)
    return best[1] if best else PRESENT


@dataclass(frozen=True)
class Governor:
    """An expression's tokens in the parse and the verb they hang from, looked up once per
    expression and shared by the tense helpers below."""

    span: "Span | None"  # None without a parse or when the offsets cover no token
    verb: "Token | None"  # None when no verb governs the expression


NO_PARSE = Governor(None, None)


def governor_of(doc: "Doc | None", start: int, end: int) -> Governor:
    """The tokens of the expression at text[start:end] and its governing verb (NO_PARSE without a doc)."""
    if doc is None:
        return NO_PARSE
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return NO_PARSE
    return Governor(span, _verb_above(span.root))


def _verb_above(token: "Token") -> "Token | None":
    """The first verb or auxiliary at or above ``token`` (six steps at most)."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


# Dependencies of a verb that modifies a noun ("results [released] early Wednesday", "a record
# high [set] on Aug. 6"): a date there describes the noun, not a step of the story.
NOUN_MODIFIER_DEPS = ("acl", "relcl")


def modifies_noun(doc: "Doc | None", start: int, end: int) -> bool:
    """True when the expression's verb is a reduced clause modifying a noun (a background date)."""
    return verb_modifies_noun(governor_of(doc, start, end).verb)


def verb_modifies_noun(verb: "Token | None") -> bool:
    """True when an expression's governing ``verb`` is a reduced clause modifying a noun."""
    return verb is not None and verb.dep_ in NOUN_MODIFIER_DEPS


def participle_host(token: "Token", first: int) -> "Token":
    """A participle clause that opens its sentence has no tense of its own: "Speaking at a rally
    on Saturday, she said" and "Asked on Monday about the deal, he said" take the tense of the
    verb they lead to. Only when the date follows the participle inside its clause and the
    clause comes first: "the decision, announced Wednesday" keeps its own reading."""
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in token.children)
    if (token.tag_ in ("VBG", "VBN") and not own_aux and token.dep_ == "advcl"
            and token.i < first and token.i < token.head.i and token.left_edge.i == token.i == token.sent.start
            and token.head.pos_ in ("VERB", "AUX")):
        return token.head
    if trailing_gerund(token):
        return token.head
    return _reduced_relative_host(token)


def _reduced_relative_host(token: "Token") -> "Token":
    """A present participle modifying a noun ('unions representing most members back in
    October', 'a company operating there since May') has no tense of its own: it takes the
    tense of the clause its noun stands in ('locked up endorsements from unions representing
    ... in October' is a past October)."""
    if token.tag_ != "VBG" or token.dep_ != "acl" or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return token
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for") for c in token.children):
        return token  # 'a plan calling for elections in October', 'a bill aiming to cut taxes by May': ahead
    head = token.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head == head.head:
            return token
        head = head.head
    return token


def trailing_gerund(token: "Token") -> bool:
    """A gerund clause after its verb tells more of the same event and has that verb's tense:
    "the stock has fluctuated sharply, rising to a high in June from $29.75 in March" (a past
    March, as the present perfect says), "shares fell Monday, dropping to $9 in March"."""
    return (token.tag_ == "VBG" and token.dep_ == "advcl" and token.i > token.head.i
            and token.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children))


def _hangs_from_to_infinitive(token: "Token", root: "Token | None") -> bool:
    """True when ``token`` is a to-infinitive ('to leave') and the expression whose root is
    ``root`` hangs from it, directly ('to meet Monday') or through a preposition ('to leave
    by the end of March'); not through a noun ('to get around Wednesday's ruling')."""
    if token.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    return root is not None and (root.head == token or (root.head.dep_ == "prep" and root.head.head == token))


def infinitive_ahead(token: "Token", root: "Token | None") -> bool:
    """A bare infinitive has no tense of its own; it lies ahead of a future or plain present
    verb its clause hangs from, climbing through the nouns between: "would declare its
    intention to leave by the end of March", "we stand a chance to win it on Tuesday".
    Not after a past verb ('agreed to buy the line in February' may lie either side), and
    only when the expression hangs from the infinitive itself ('to get around Wednesday's
    ruling' hangs from 'ruling')."""
    if not _hangs_from_to_infinitive(token, root):
        return False
    head = token.head
    for _ in range(3):
        if head == head.head:
            return False
        if head.pos_ in ("VERB", "AUX"):
            auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if any(c.lower_ in FUTURE_AUXILIARIES for c in auxes):
                return True
            return not auxes and head.tag_ in ("VBP", "VBZ")
        head = head.head
    return False


def for_infinitive_ahead(token: "Token", root: "Token | None") -> bool:
    """An infinitive with its own subject after 'for' ('the election for the parliament to
    meet on Monday', 'time for the board to decide by Friday') tells what is still to come,
    unless the frame it hangs from is past ('it was time for him to leave on Monday' may lie
    either side). Tenseless participles between ('a key step being the election for ...')
    are climbed through to the first verb with a tense."""
    if not _hangs_from_to_infinitive(token, root):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children):
        return False
    head = token.head
    for _ in range(6):
        if head == head.head and head.pos_ not in ("VERB", "AUX"):
            return True  # no verb above: a headline or a fragment, nothing says past
        if head.pos_ in ("VERB", "AUX"):
            auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return False
            if auxes or head.tag_ not in ("VBG", "VBN"):
                return True
        if head == head.head:
            return True
        head = head.head
    return False


def noun_named_by(gov: Governor) -> str | None:
    """The lemma of the noun a date modifies ('Tuesday's primary', 'the September 11 attacks'),
    or None when the date is not a modifier of a noun (or there is no parse)."""
    span = gov.span
    if span is None:
        return None
    root = span.root
    head = root.head
    if root.dep_ not in ("poss", "compound", "nmod", "npadvmod", "amod") or head.i in range(span.start, span.end):
        return None
    return head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") else None


# Prepositions that hang a date on an event noun: 'a possible verdict on Thursday', 'the strike planned for Friday'.
_DATE_ON_NOUN = ("on", "for")


def _expected_word(token: "Token") -> bool:
    return bool(markers().expected.fullmatch(token.lemma_.lower()) or markers().expected.fullmatch(token.lower_))


def expected_event(gov: Governor) -> bool:
    """True when the date names the day of an event its words put ahead of the clause: an
    adjective on the noun ('anxiety over a possible verdict Thursday', 'the expected vote on
    Friday', 'the upcoming summit Monday') or a participle ('a ruling expected Thursday',
    'the strike planned for Saturday'); 'expected' lines of data/tense.tsv."""
    span = gov.span
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _DATE_ON_NOUN:
        head = head.head
    elif root.dep_ not in ("poss", "compound", "nmod", "npadvmod", "amod"):
        return False
    if head.i in range(span.start, span.end):
        return False
    if head.pos_ in ("NOUN", "PROPN"):
        # the adjective comes before the date ('a possible verdict Thursday'), or the date is a
        # possessive ('Thursday's expected vote'): not 'took effect Aug. 9 pending ratification'
        return any(c.dep_ == "amod" and _expected_word(c) and (c.i < span.start or root.dep_ == "poss")
                   for c in head.children)
    return head.tag_ == "VBN" and head.dep_ == "acl" and _expected_word(head)


def clause_is_past(gov: Governor) -> bool:
    """True when the clause a date belongs to is in the simple past, looked up through a
    participle on a noun ('the vote expected Thursday [was postponed]')."""
    verb = gov.verb
    for _ in range(2):
        if verb is None:
            return False
        if verb.tag_ == "VBN" and verb.dep_ in NOUN_MODIFIER_DEPS:
            verb = _verb_above(verb.head) if verb.head != verb else None
            continue
        words = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return any(w.tag_ == "VBD" for w in words)
    return False


def happened_noun(noun: str | None) -> bool:
    """True when the event noun a date modifies is never scheduled, so the date is past
    whatever the clause's tense: 'Friday's attack', 'the September 11 attacks'."""
    return noun is not None and markers().happened.fullmatch(noun) is not None


def scheduled_noun(noun: str | None) -> bool:
    """True when the event noun a date modifies is scheduled: told in a clause that is not
    past, it is still to come ('needs a win in Tuesday's primary')."""
    return noun is not None and markers().scheduled.fullmatch(noun) is not None


def tense_from_doc(gov: Governor, start: int, text: str | None = None) -> int | None:
    """The tense of the verb governing the expression at ``start`` (None if no verb found)."""
    token, span = gov.verb, gov.span
    if token is None or span is None:
        return None
    if text is not None and in_other_quote(text, token.idx, start):
        return None  # the parse hangs the date on a quoted verb: read the narration's markers
    token = participle_host(token, span.start)
    if infinitive_ahead(token, span.root) or for_infinitive_ahead(token, span.root):
        return FUTURE
    words = [token] + [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(w.lower_ in FUTURE_AUXILIARIES for w in words):
        return FUTURE
    if any(w.tag_ == "VBD" or ("Past" in w.morph.get("Tense") and w.tag_ != "VBN") for w in words):
        return PAST
    if token.tag_ == "VBN" and any(c.lower_ == "had" for c in token.children):
        return PAST
    if token.tag_ == "VBN" and token.dep_ in NOUN_MODIFIER_DEPS and not any(
            c.dep_ in ("aux", "auxpass") for c in token.children):
        return PAST  # 'a record high set on Aug. 6': a reduced passive clause tells what was done
    return PRESENT


def present_perfect(verb: "Token | None", text: str, start: int) -> bool:
    """True when the expression at ``start`` hangs from ``verb``, a present-perfect verb ('they
    have gathered evidence in the October slaying', 'has been searching since'): what it tells
    is already done. Not the end of a span ('has extended the loans through January'), which
    may lie ahead."""
    if verb is None or markers().span_end.search(text, max(0, start - 10), start):
        return False
    if trailing_gerund(verb):
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lemma_ == "have" and a.tag_ in ("VBP", "VBZ") for a in auxes) and verb.tag_ in ("VBN", "VBG")


def compared_cue(text: str, start: int) -> bool:
    """True for 'less than forecast in July', 'as expected in March': the estimate compared with
    was made before the figures now told, so the month is a past one."""
    return markers().compared.search(text, max(0, start - 40), start) is not None


def tense_at(text: str, start: int, end: int, gov: Governor = NO_PARSE) -> int:
    """Past, present or future for the expression at text[start:end] (``gov``: its parse, if any)."""
    if since_cue(text, start) or compared_cue(text, start):
        return PAST
    noun = noun_named_by(gov)
    if happened_noun(noun):
        return PAST  # 'to discuss Friday's attack': the attack is past whatever the verb's tense
    if expected_event(gov):
        # 'anxiety over a possible verdict Thursday': still to come, unless the story has passed it
        return PAST if past_perfect_near(text, start, end) else FUTURE
    if future_cue(text, start):
        # "had been due to expire Friday": a deadline the story has already passed
        return PAST if past_perfect_near(text, start, end) else FUTURE
    found = tense_from_doc(gov, start, text)
    if found is None:
        found = tense_from_text(text, start, end)
    if found == PRESENT and (markers().ahead.search(text, max(0, start - 30), start) or scheduled_noun(noun)):
        # 'as he campaigns there ahead of Tuesday's vote', 'needs a win in Tuesday's primary': the coming Tuesday
        return FUTURE
    return found


# Verbs whose past tense is their base form: a 'VBP' of these may be a past the tagger misread.
SAME_PAST = frozenset("hurt cut set put hit let quit shut spread cost bet bid burst cast broadcast forecast "
                      "upset split shed rid thrust beat read".split())


def scheduled_present(gov: Governor) -> bool:
    """True when the expression hangs from a present-simple verb that does not report
    ('The team closes the season on Thursday night'): a schedule, so a bare weekday is the
    coming one. Reporting verbs ('says Thursday') tell the recent past in the present.
    Third person singular ('closes', 'plays') or a plural present ('they meet Monday') whose
    past is not the same word ('they cut taxes Monday' may be a past the tagger misread)."""
    if gov.span is None:
        return False
    root, verb = gov.span.root, gov.verb
    head = root.head.head if root.head.dep_ == "prep" else root.head  # 'on Thursday' or bare 'Thursday'
    # a base form like 'hurt', 'cut', 'set' is often a past tense the tagger misreads
    if verb is None or head != verb or not (verb.tag_ == "VBZ" or (verb.tag_ == "VBP" and verb.lemma_ not in SAME_PAST)):
        return False  # also 'follows Tuesday's declaration': the weekday describes a noun
    if any(child.dep_ in ("aux", "auxpass", "neg") for child in verb.children):
        return False  # 'has closed', 'does not play': not a plain schedule
    return not markers().report.fullmatch(verb.lemma_)


def reported_deadline(verb: "Token | None", text: str, start: int) -> bool:
    """True for 'by noon' at ``start``, governed by ``verb``, in a clause reported by a speech
    verb ('She said crews had restored power by noon'): a state reached by the time of the
    statement, so the clock time is on the day of the statement, not on the day the story told
    last ('Monday night')."""
    if verb is None or not markers().deadline.search(text, max(0, start - 20), start):
        return False
    for _ in range(4):
        if verb is None or verb.head == verb:
            return False
        verb = verb.head
        if verb.pos_ == "VERB" and markers().report.fullmatch(verb.lemma_) and verb.tag_ in ("VBD", "VBZ", "VBP"):
            return True
    return False
