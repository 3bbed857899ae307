"""Quotes set off by dashes between a speaker and the cue.

'Mitt Romney -- "I will not vote for him" -- said on Friday that he was done': the dashed
quote is the speaker's own words, an aside inside the sentence that reports something
else.  The parse often wrecks such a sentence (the quote's verb becomes the clause and the
name a modifier), so the pattern is found on the characters: a noun phrase, a dash, a
quote, a dash, then the cue verb (auxiliaries and adverbs may stand before it).  The
aside becomes a direct attribution of its own, with the same cue and speaker, and leaves
the content of the cue; a cue without a source takes the noun phrase before the dash.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .quotes import Quote
from .reported import Candidate, cue_verb, source_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

DASH_BEFORE = re.compile(r"(?:--|[—–])[ \t\xa0]*$")
DASH_AFTER = re.compile(r"[ \t\xa0]*[,]?[ \t\xa0]*(?:--|[—–])[ \t\xa0]*")
NAME_POS = ("PROPN", "NOUN", "DET", "ADJ", "NUM")
MAX_NAME_TOKENS = 8


def split_dashed_asides(doc: "Doc", text: str, quotes: list[Quote], cands: list[Candidate]) -> list[Candidate]:
    """Give each dashed quote between a speaker and a cue an attribution of its own."""
    out = list(cands)
    for cand in cands:
        verb = doc[min(cand.cue)]
        for q in quotes:
            held = any(a <= q.start and q.end <= b for a, b in cand.content)
            if q.end > verb.idx or not (held or _in_source(doc, cand, q)):
                continue
            name = _aside_speaker(doc, text, q, verb)
            if name is None:
                continue
            keep = cand.source is not None and not (_inside(doc, cand.source, q) or _in_source(doc, cand, q))
            source = cand.source if keep else name
            cand.source = source
            # the name, the dashes and the aside leave the content
            hole = (min(doc[name[0]].idx, q.start), DASH_AFTER.match(text, q.end).end())
            cand.content = _trimmed(text, [s for a, b in cand.content for s in _without(a, b, *hole)])
            out.append(Candidate(cue=list(cand.cue), head=cand.head, source=source,
                                 content=[(q.start, q.end)], rule="quote_dashed", via=list(cand.via)))
    return [c for c in out if c.content]


def _in_source(doc: "Doc", cand: Candidate, q: Quote) -> bool:
    """The parse took the aside into the subject phrase ("Ann Lee – “a sad day” – said")."""
    if cand.source is None:
        return False
    start, end = cand.source
    return doc[start].idx <= q.start and q.end <= doc[end - 1].idx + len(doc[end - 1].text) + 1


def _aside_speaker(doc: "Doc", text: str, q: Quote, verb: "Token") -> tuple[int, int] | None:
    """The token range of the noun phrase before 'NAME -- "..." -- VERB', if the text has that shape."""
    after = DASH_AFTER.match(text, q.end)
    if after is None or not DASH_BEFORE.search(text[:q.start]):
        return None
    from .build import tokens_between  # here: build imports this module

    between = [t for t in tokens_between(doc, after.end(), verb.idx) if not t.is_space]
    if any(t.pos_ not in ("AUX", "ADV", "PART") for t in between):
        return None  # something else than "has", "also", "not" stands before the cue
    dash_at = DASH_BEFORE.search(text[:q.start]).start()
    before = [t for t in tokens_between(doc, max(0, dash_at - 120), dash_at) if not t.is_space]
    name: list["Token"] = []
    for tok in reversed(before):
        if tok.pos_ not in NAME_POS or "\n" in tok.whitespace_ or len(name) >= MAX_NAME_TOKENS:
            break
        name.insert(0, tok)
    if not name or not any(t.pos_ in ("PROPN", "NOUN") for t in name):
        return None
    return name[0].i, name[-1].i + 1


def _inside(doc: "Doc", rng: tuple[int, int], q: Quote) -> bool:
    """Whether a token range lies in the quote (the parse took the quote's "I" as subject)."""
    return q.start <= doc[rng[0]].idx < q.end


def _without(a: int, b: int, hole_a: int, hole_b: int) -> list[tuple[int, int]]:
    """The span [a, b) without [hole_a, hole_b)."""
    if hole_b <= a or b <= hole_a:
        return [(a, b)]
    return [(x, y) for x, y in ((a, hole_a), (hole_b, b)) if y > x]


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans without edge spaces and dashes; empty ones dropped."""
    out = []
    for a, b in spans:
        while a < b and (text[a].isspace() or text[a] in "-—–,"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in "-—–,"):
            b -= 1
        if b > a:
            out.append((a, b))
    return out


MAX_SPEAKER_SENTENCE = 16  # tokens of a sentence that only names the speaker of the quote before it
QUOTE_END = re.compile(r"[.!?][\"'”’]*$")


def cue_in_next_sentence(doc: "Doc", text: str, q: Quote, quotes: list[Quote], by_head: dict) -> "Token | None":
    """'"We are not going anywhere."  So said Ann Lee, the mayor.': a quote that ends its
    sentence with no cue of its own takes the speech verb of the short sentence right after
    it (in its paragraph or opening the next), when that verb has no words of its own."""
    if not QUOTE_END.search(text[q.inner_start:q.inner_end].rstrip()):
        return None
    from .build import tokens_between  # here: build imports this module

    nxt = text[q.end:q.end + 3].lstrip(" \t\n")
    if not nxt[:1].isupper() or text[q.end:q.end + 3].count("\n") > 2:
        return None
    # the first letter after the quote is within 3 characters (checked above)
    first = next((t for t in tokens_between(doc, q.end, q.end + 3) if not t.is_space), None)
    if first is None:
        return None
    sent = first.sent
    if len(sent) > MAX_SPEAKER_SENTENCE or any(sent.start_char <= o.start < sent.end_char for o in quotes):
        return None
    for tok in sent:
        cue = cue_verb(tok)
        if cue is None or "quote" not in cue.complements or tok.i in by_head or source_of(tok) is None:
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children):
            return None  # the verb reports words of its own
        return tok
    return None
