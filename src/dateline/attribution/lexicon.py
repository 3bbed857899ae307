"""The attribution layer's word lists, read from the data files beside this module.

Every file opens with a header of ``#`` lines stating its format; header lines that
start with ``# example:`` are worked examples that the tests run.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class CueVerb:
    """A cue verb: its class and the dependents that may hold its content."""

    lemma: str
    cls: str
    complements: frozenset[str]


def _rows(name: str) -> list[list[str]]:
    """The tab-separated data rows of a data file, comments and blanks skipped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def examples(name: str) -> list[tuple[str, list[str]]]:
    """The ``# example: INPUT => A | B ...`` lines of a data file, parsed."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("# example:"):
            given, _, expected = line[len("# example:"):].partition("=>")
            out.append((given.strip(), [part.strip() for part in expected.split("|")]))
    return out


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, CueVerb]:
    """Cue verbs by lemma: the hand-made list plus the list mined from PolNeAR train.

    The mined list (``cue_verbs_mined.txt``, made by ``bench/mine_polnear_cues.py``) adds
    verbs and complements; where both list a verb, the hand-made class wins.
    """
    table = dict(hand_cue_verbs())
    for lemma, mined in _cue_table("cue_verbs_mined.txt").items():
        own = table.get(lemma)
        table[lemma] = mined if own is None else CueVerb(lemma, own.cls, own.complements | mined.complements)
    return table


@lru_cache(maxsize=1)
def hand_cue_verbs() -> dict[str, CueVerb]:
    """The hand-made cue verbs (``cue_verbs.txt``) by lemma."""
    return _cue_table("cue_verbs.txt")


def _cue_table(name: str) -> dict[str, CueVerb]:
    """The cue verbs of one data file by lemma (none when the file is absent)."""
    if not (DATA / name).exists():
        return {}
    return {lemma: CueVerb(lemma, cls, frozenset(c for c in comps.split(",") if c))
            for lemma, cls, comps in _rows(name)}


@lru_cache(maxsize=1)
def source_nouns() -> dict[str, str]:
    """Source nouns by lemma -> class (document, group, role)."""
    table: dict[str, str] = {}
    for lemma, cls in _rows("source_nouns.txt"):
        table.setdefault(lemma, cls)
    return table


@lru_cache(maxsize=8)
def nouns_of_class(cls: str) -> frozenset[str]:
    """The source nouns of one class (a noun may be listed under several)."""
    return frozenset(row[0] for row in _rows("source_nouns.txt") if row[1] == cls)


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """News organization names and name-final head words (lower case) -> 'name' or 'head'."""
    return {words: kind for words, kind in _rows("outlets.txt")}


def is_outlet(name: str) -> bool:
    """Whether a noun phrase names a news organization ("Reuters", "the Harbour Ledger")."""
    words = name.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    table = outlets()
    return table.get(" ".join(words).lower()) == "name" or table.get(words[-1].lower()) == "head"


@lru_cache(maxsize=1)
def outlet_nouns() -> tuple[tuple[str, ...], ...]:
    """Nouns that make a name beside them an outlet's ("news agency", "newspaper"), as word tuples."""
    return tuple(tuple(row[0].lower().split()) for row in _rows("outlet_nouns.txt"))


def described_outlet(name: str) -> str | None:
    """The outlet's name in "the state news agency Tass" / "the Kommersant newspaper", else None.

    The name is the capitalised words after the noun, or (when none follow) just before it.
    """
    words = [w for w in name.replace("’", "'").split() if any(ch.isalnum() for ch in w)]
    lower = [w.lower().strip(",") for w in words]
    for noun in outlet_nouns():
        for i in range(len(words) - len(noun) + 1):
            if tuple(lower[i:i + len(noun)]) != noun:
                continue
            after = [w.strip(",") for w in words[i + len(noun):]]
            if after and all(w[:1].isupper() for w in after):
                return " ".join(after)
            start = i
            while start > 0 and words[start - 1][:1].isupper() and words[start - 1] != "The":
                start -= 1
            if not after and start < i:
                return " ".join(words[start:i])
    return None


@lru_cache(maxsize=1)
def relay_phrases() -> dict[str, str]:
    """Credit and relay phrases (lower case) -> role."""
    return {phrase: role for phrase, role in _rows("relay_phrases.txt")}


@lru_cache(maxsize=1)
def cue_nouns() -> dict[str, frozenset[str]]:
    """Cue nouns by lemma -> the complements that may hold their content."""
    return {lemma: frozenset(c for c in comps.split(",") if c) for lemma, comps in _rows("cue_nouns.txt")}


@lru_cache(maxsize=1)
def speech_events() -> frozenset[str]:
    """Nouns of occasions where words are said ("a hearing", "a briefing"): their date dates the words."""
    return frozenset(row[0].lower() for row in _rows("speech_events.txt"))


@lru_cache(maxsize=1)
def speech_settings() -> frozenset[str]:
    """Nouns of a statement's occasion or medium ("in a statement", "in an interview")."""
    return frozenset(row[0].lower() for row in _rows("speech_settings.txt"))


@lru_cache(maxsize=1)
def spokesperson_nouns() -> frozenset[str]:
    """Nouns of people who speak on behalf of someone ("spokeswoman", "lawyer", "envoy")."""
    return frozenset(row[0].lower() for row in _rows("spokesperson_nouns.txt"))


@lru_cache(maxsize=1)
def editorial_labels() -> frozenset[str]:
    """Paragraph labels of the newsroom ("Correction:", "Update:"), not speakers."""
    return frozenset(row[0].lower() for row in _rows("editorial_labels.txt"))


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Abbreviations (lower case, final period dropped) whose period ends no sentence."""
    return frozenset(row[0].lower()[:-1] if row[0].endswith(".") else row[0].lower()
                     for row in _rows("abbreviations.txt"))
