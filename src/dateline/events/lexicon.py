"""The events layer's language knowledge, read from the data files beside this module.

Every file in ``data/`` opens with a ``#`` header that states its format and gives
example lines (``# example: SENTENCE => EXPECTED``); the tests run those examples.
Entries are lower-case; a line's fields are separated by a tab or by ``|``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..datafiles import example_pairs

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA_FILES = (
    "event_nouns.txt", "non_event_nouns.txt", "multiword_triggers.txt", "light_verbs.txt",
    "reporting_verbs.txt", "event_classes.txt", "non_event_verbs.txt", "state_adjectives.txt",
    "modality_cues.txt", "negation_cues.txt", "temporal_signals.txt", "change_words.txt",
    "narrative_offsets.txt", "offset_words.txt", "event_families.txt", "place_nouns.txt",
    "expletive_verbs.txt", "gathering_nouns.txt", "programme_nouns.txt",
)


def data_lines(name: str) -> list[str]:
    """The non-comment, non-blank lines of data file ``name`` (stripped)."""
    text = resources.files("dateline.events").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def data_examples(name: str) -> list[tuple[str, str]]:
    """The ``# example: SENTENCE => EXPECTED`` lines of a data file's header."""
    return example_pairs(resources.files("dateline.events").joinpath("data").joinpath(name).read_text(encoding="utf-8"))


def fields_of(line: str) -> list[str]:
    """The fields of a data line, split by tab or by ``|``."""
    sep = "\t" if "\t" in line else "|"
    return [f.strip() for f in line.split(sep)]


def _table(name: str) -> dict[str, str]:
    """A two-column file as a dict (first column lower-cased)."""
    table = {}
    for line in data_lines(name):
        parts = fields_of(line)
        table[parts[0].lower()] = parts[1] if len(parts) > 1 else ""
    return table


def _words(name: str) -> frozenset[str]:
    return frozenset(fields_of(line)[0].lower() for line in data_lines(name))


@dataclass(frozen=True)
class Lexicon:
    """All word lists the events layer uses, loaded once."""

    event_nouns: frozenset[str]
    non_event_nouns: frozenset[str]
    multiword: tuple[tuple[str, ...], ...]  # token sequences, longest first
    light_verbs: dict[str, str]  # verb lemma -> "object" | "subject" | "both"
    reporting_verbs: frozenset[str]
    event_classes: dict[str, str]  # lemma -> TimeML class
    non_event_verbs: frozenset[str]
    state_adjectives: frozenset[str]
    modality: dict[str, str]  # cue -> modality label
    negation: frozenset[str]
    signals: dict[str, str]  # signal phrase -> BEFORE | AFTER | SINCE | UNTIL | DURING | BASELINE | SCOPE
    change_words: dict[str, str]  # lemma -> "change" (verb) | "measure" (noun)
    narrative_offsets: dict[str, str]  # word -> OFFSET | AGE | BIRTH
    offset_words: dict[str, tuple[str, str]]  # word -> (SHIFT | WITHIN, ISO duration)
    place_nouns: frozenset[str]  # "neighborhood": a place when a place name modifies it
    expletive_verbs: frozenset[str]  # "seem": its subject "it" is a dummy
    families: dict[str, frozenset[str]]  # lemma -> the other lemmas naming the same kind of event
    gathering_nouns: frozenset[str]  # "meeting": the subject of the verb it frames takes part
    programme_nouns: frozenset[str]  # "show": its day is the day of the verb it is the object of


def _multiword() -> tuple[tuple[str, ...], ...]:
    seqs = {tuple(_split_words(fields_of(line)[0].lower())) for line in data_lines("multiword_triggers.txt")}
    return tuple(sorted(seqs, key=lambda s: (-len(s), s)))


def _split_words(phrase: str) -> list[str]:
    """Words of a phrase as spaCy splits hyphens: "no-confidence" -> no - confidence."""
    return phrase.replace("-", " - ").split()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The events lexicon (read once per process)."""
    return Lexicon(
        event_nouns=_words("event_nouns.txt"),
        non_event_nouns=_words("non_event_nouns.txt"),
        multiword=_multiword(),
        light_verbs=_table("light_verbs.txt"),
        reporting_verbs=_words("reporting_verbs.txt"),
        event_classes=_table("event_classes.txt"),
        non_event_verbs=_words("non_event_verbs.txt"),
        state_adjectives=_words("state_adjectives.txt"),
        modality=_table("modality_cues.txt"),
        negation=_words("negation_cues.txt"),
        signals=_table("temporal_signals.txt"),
        change_words=_table("change_words.txt"),
        narrative_offsets=_table("narrative_offsets.txt"),
        offset_words={f[0].lower(): (f[1], f[2]) for f in map(fields_of, data_lines("offset_words.txt"))
                      if len(f) >= 3},
        place_nouns=_words("place_nouns.txt"),
        expletive_verbs=_words("expletive_verbs.txt"),
        families=_families(),
        gathering_nouns=_words("gathering_nouns.txt"),
        programme_nouns=_words("programme_nouns.txt"),
    )


def _families() -> dict[str, frozenset[str]]:
    """Each lemma of event_families.txt -> every other lemma of the lines it is on."""
    kin: dict[str, set[str]] = {}
    for line in data_lines("event_families.txt"):
        words = [w.lower() for w in fields_of(line) if w]
        for word in words:
            kin.setdefault(word, set()).update(w for w in words if w != word)
    return {word: frozenset(others) for word, others in kin.items()}


def signal_relation(prep: "Token", lex: Lexicon) -> str | None:
    """The relation a preposition or subordinator signals ("after" -> AFTER, "prior to" -> BEFORE)."""
    word = prep.lower_
    if prep.i > 0 and f"{prep.doc[prep.i - 1].lower_} {word}" in lex.signals:
        return lex.signals[f"{prep.doc[prep.i - 1].lower_} {word}"]  # "prior to", "compared with"
    return lex.signals.get(word)
