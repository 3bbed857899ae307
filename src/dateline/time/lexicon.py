"""The time lexicon (data/lexicon.tsv): word classes and their normalized values.

Rules name a class as ``{category}``; this module turns a class into a regular
expression alternation and maps a matched surface back to its value.  A few classes
are built in because they are patterns rather than word lists (numbers, years...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = "# example:"

_UNITS_WORDS = "one two three four five six seven eight nine".split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

# Patterns that are not word lists.  Every one is anchored by the rule's word boundaries.
BUILTINS: dict[str, str] = {
    "num": (
        r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
        r"|(?:%s)(?:[- ](?:%s))?" % ("|".join(_TENS_WORDS), "|".join(_UNITS_WORDS))
    ),
    "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
    "year": r"(?:1[6-9]\d\d|20\d\d|21\d\d|['’]\d\d)(?!\d)",
    "decade": (
        r"(?:1[0-9]|20)\d0['’]?s|['’]\d0s|(?:nineteen[- ])?"
        r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
    ),
    "clock": (
        r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
        r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
    ),
    "hhmm": r"(?:[01]\d|2[0-3])[0-5]\d(?!\d)",  # '0140 GMT', '1400 UTC': four digits, only with a zone
    "cardinalyear": r"two thousand(?: and (?:%s|ten))?" % "|".join(_UNITS_WORDS),
    "spokenyear": r"nineteen[- ](?:%s)(?:[- ](?:%s))?" % ("|".join(_TENS_WORDS + ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]), "|".join(_UNITS_WORDS)),
}


@dataclass(frozen=True)
class Lexicon:
    """Word classes: category -> {surface (lower case) -> value}."""

    classes: dict[str, dict[str, str]]

    def value(self, category: str, surface: str) -> str | None:
        """The value of ``surface`` in ``category`` (white space normalized), or None."""
        key = " ".join(surface.lower().replace("’", "'").split())
        return self.classes.get(category, {}).get(key)

    def find(self, categories: tuple[str, ...], surface: str) -> tuple[str, str] | None:
        """The first (category, value) among ``categories`` that knows ``surface``."""
        for category in categories:
            value = self.value(category, surface)
            if value is not None:
                return category, value
        return None

    def pattern(self, category: str) -> str:
        """A regular expression matching any surface of ``category`` (longest first)."""
        if category == "num":  # digits, compounds ('twenty-four'), then the number words
            return BUILTINS["num"] + "|" + self.pattern("number")
        if category in BUILTINS:
            return BUILTINS[category]
        if category not in self.classes:
            raise KeyError(f"unknown lexicon category {category!r}")
        return trie_regex(self.classes[category])


def _char_regex(ch: str) -> str:
    """One surface character as a regex: a space matches any white space, ' either apostrophe."""
    if ch == " ":
        return r"\s+"
    if ch in "'’":
        return "['’]"
    return re.escape(ch)


def trie_regex(words) -> str:
    """An alternation of ``words`` factored by common prefixes (much faster for re to try).

    Longer words are tried before their prefixes ("a few" before "a"), as an ordered
    alternation of the words would.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    branches = [_char_regex(ch) + _trie_node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def parse_lexicon(lines: list[str]) -> dict[str, dict[str, str]]:
    """Parse lexicon lines (CATEGORY<TAB>SURFACE<TAB>VALUE, '#' comments)."""
    classes: dict[str, dict[str, str]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 3:
            raise ValueError(f"lexicon.tsv line {number}: expected 3 tab-separated fields: {line!r}")
        category, surface, value = fields
        classes.setdefault(category, {})[" ".join(surface.lower().split())] = value
    return classes


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The package lexicon, read once."""
    lines = (DATA / "lexicon.tsv").read_text(encoding="utf-8").splitlines()
    classes = parse_lexicon(lines)
    classes["game"] = {w: "-" for w in load_word_list("game_words.txt")}
    return Lexicon(classes)


def load_word_list(name: str) -> tuple[str, ...]:
    """The words of a one-word-or-phrase-per-line data file ('#' starts a comment line)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(" ".join(line.lower().split()) for line in lines if line.strip() and not line.startswith("#"))


def lexicon_examples() -> list[tuple[str, str, str]]:
    """The header's example lines as (category, surface, value)."""
    lines = (DATA / "lexicon.tsv").read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith(EXAMPLE):
            category, surface, value = line[len(EXAMPLE):].strip().split("\t")
            out.append((category, surface, value))
    return out
