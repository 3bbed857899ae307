"""Find quoted stretches of text by their marks, robust to the mess of real news.

Works on characters, not on the parse, because spaCy splits a long quote into several
sentences and a stray mark must not swallow the rest of the article.  Conventions:

- double marks (straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``) quote; a
  straight mark opens when it follows a space, a bracket or a dash and closes otherwise,
  so the mixed ``“Secret"`` pairs up;
- single marks quote only inside a paragraph that has no double marks (British style
  and headlines) and only where they cannot be apostrophes ('90s, rock 'n' roll, Jones');
- a quote never crosses a paragraph break, except in the news convention for quotes
  that run over several paragraphs: no closing mark at the end of a paragraph and an
  opening mark at the start of the next;
- a mark that opens and never closes ends its quote at the end of its paragraph (the
  quote is flagged ``closed=False``); a closing mark that opened nothing is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
_OPEN_CONTEXT = set(" \t\n\xa0([{—–-/")  # characters after which a straight mark opens

# Apostrophes that look like opening single marks: '90s, 'n', 'em, 'til, 'cause.
_APOSTROPHE_WORD = re.compile(r"['‘’](?:\d0s|\d\d\b|n['’]|em\b|til\b|cause\b|tis\b|twas\b)", re.I)


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: its marks included (``start``/``end``) and its words (``inner_*``)."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    paragraphs: int = 1  # > 1 for a quote that runs over several paragraphs

    def words(self, text: str) -> int:
        """How many words the quote holds."""
        return len(text[self.inner_start:self.inner_end].split())


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line block; a newline ends a paragraph."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def _role(text: str, i: int, single: bool) -> str | None:
    """'open', 'close' or None for the mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if single:
        if ch in SINGLE_OPEN + STRAIGHT_SINGLE + SINGLE_CLOSE and _APOSTROPHE_WORD.match(text, i):
            return None
        if prev.isalnum() and nxt.isalnum():  # don't, O'Brien
            return None
        if ch == SINGLE_OPEN or (ch == STRAIGHT_SINGLE and prev in _OPEN_CONTEXT):
            return "open" if not nxt.isspace() else None
        if ch in SINGLE_CLOSE + STRAIGHT_SINGLE and not prev.isspace():
            return "close"
        return None
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch == STRAIGHT_DOUBLE:
        if nxt.isspace() or nxt in ".,;:!?)]}—" or i + 1 >= len(text):
            return "close"
        return "open" if prev in _OPEN_CONTEXT else "either"  # 'said,"We' or 'x"y': by state
    return None


def _marks(text: str, start: int, end: int, single: bool) -> list[tuple[int, str]]:
    """The quote marks of one paragraph with their roles."""
    chars = (SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE) if single else (
        DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE)
    out = []
    for i in range(start, end):
        if text[i] in chars:
            role = _role(text, i, single)
            if role:
                out.append((i, role))
    return out


def _uses_double(text: str, start: int, end: int) -> bool:
    segment = text[start:end]
    return any(c in segment for c in DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE)


def _pair(marks: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks at the outer level: (opening, closing) pairs and an unclosed opening.

    Nested quotes of the same mark family cannot be told from an end-and-restart, so the
    first closing mark ends the outer quote; quotes inside quotes use the other family.
    """
    pairs, open_at = [], None
    for i, role in marks:
        if role in ("open", "either") and open_at is None:
            open_at = i
        elif role in ("close", "either") and open_at is not None:
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] == "\x00"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == "\x00"):
        b -= 1
    return a, b


def _starts_with_open(text: str, start: int, end: int) -> bool:
    a, _ = _trim(text, start, end)
    return a < end and (text[a] in DOUBLE_OPEN or text[a] == STRAIGHT_DOUBLE)


@lru_cache(maxsize=8)
def article_quotes(text: str) -> tuple[Quote, ...]:
    """The quotations of an article's ``text`` (``find_quotes``), found once: the attribution
    builder, ``said_on`` and the pronoun resolver all read them."""
    return tuple(find_quotes(text))


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of ``text``, in order, with offsets into ``text``."""
    # Typewriter-style doubled marks (``...'' and ''...'') are one double mark each; the
    # second character becomes a neutral filler so every offset stays the same.
    text = text.replace("``", '"\x00').replace("''", '"\x00')
    quotes: list[Quote] = []
    paras = paragraphs(text)
    carry: int | None = None  # start of a quote continued from earlier paragraphs
    carried = 0
    for n, (pstart, pend) in enumerate(paras):
        single = not _uses_double(text, pstart, pend)
        marks = _marks(text, pstart, pend, single)
        if carry is not None:
            marks = [(i, r) for i, r in marks if i != _trim(text, pstart, pend)[0]]
            marks = [(carry, "open")] + marks
        pairs, open_at = _pair(marks)
        for a, b in pairs:
            quotes.append(_make(text, a, b + 1, True, carried + 1 if a == carry else 1))
        if open_at is None:
            carry, carried = None, 0
            continue
        carried = carried + 1 if open_at == carry else 1  # paragraphs the open quote has run over
        carry = None
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        if not single and nxt and _starts_with_open(text, *nxt):
            carry = open_at  # news convention: the quote goes on
            continue
        quotes.append(_make(text, open_at, _trim(text, pstart, pend)[1], False, carried))
        carried = 0
    return _outer_single_quotes(text, quotes)


def _make(text: str, start: int, end: int, closed: bool, paragraphs_: int) -> Quote:
    if closed and end < len(text) and text[end] == "\x00":
        end += 1  # the second character of a doubled closing mark
    inner_start, inner_end = _trim(text, start + 1, end - (1 + (text[end - 1] == "\x00")) if closed else end)
    if inner_start < inner_end and text[inner_start] == "\x00":
        inner_start += 1
    return Quote(start, end, inner_start, max(inner_start, inner_end), closed, paragraphs_)


def _outer_single_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """British style with inner double marks ('He said "no" and left,' she said): a pair of
    single marks around a double-quoted quote of the same paragraph is the outer quote."""
    out = list(quotes)
    for pstart, pend in paragraphs(text):
        inside = [q for q in out if pstart <= q.start and q.end <= pend]
        if not inside or not _uses_double(text, pstart, pend):
            continue
        pairs, _ = _pair(_marks(text, pstart, pend, single=True))
        for a, b in pairs:
            held = [q for q in inside if a < q.start and q.end <= b]
            if held and not any(q.start < a < q.end or q.start < b < q.end for q in inside):
                out = [q for q in out if q not in held] + [_make(text, a, b + 1, True, 1)]
    return sorted(out, key=lambda q: q.start)


def nested_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """Quotes inside double-quoted quotes, by single marks ('"Malik told me, 'Give me the
    ball.' So I did."'); apostrophes are left out as everywhere."""
    out = []
    for q in quotes:
        if text[q.start] not in DOUBLE_OPEN + STRAIGHT_DOUBLE or q.inner_end <= q.inner_start:
            continue
        pairs, _ = _pair(_marks(text, q.inner_start, q.inner_end, single=True))
        out += [_make(text, a, b + 1, True, 1) for a, b in pairs if b > a + 1]
    return out
