"""Keep prefixed words whole in spaCy's tokenizer ("re-elected", "co-sponsored").

spaCy splits every hyphen between letters, and the small English model then misreads the
pieces ("re/VBD - elected/amod"), losing the verb, its subject and its objects.  A word
made of a bound prefix listed in ``data/hyphen_prefixes.txt``, a hyphen and a word of
letters stays one token; the text and character offsets do not change.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterator

from .datafiles import example_pairs

if TYPE_CHECKING:  # pragma: no cover
    from re import Match

    from spacy.language import Language

_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_MIN_REST = 3  # "co-op" stays split: too short to be a prefixed word


def _data_text() -> str:
    return resources.files("dateline").joinpath("data").joinpath("hyphen_prefixes.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def hyphen_prefixes() -> frozenset[str]:
    """The bound prefixes whose hyphen does not split a word (from the data file)."""
    lines = (ln.strip() for ln in _data_text().splitlines())
    return frozenset(ln.lower() for ln in lines if ln and not ln.startswith("#"))


def data_examples() -> list[tuple[str, str]]:
    """The ``# example: SENTENCE => TOKEN`` lines of the data file's header."""
    return example_pairs(_data_text())


def is_prefixed_word(left: str, right: str) -> bool:
    """Whether ``left`` + hyphen + ``right`` is one prefixed word ("re" + "elected")."""
    word = right.split("-")[0]
    return left.lower() in hyphen_prefixes() and word.isalpha() and len(word) >= _MIN_REST


def _keeping(finditer: Callable[[str], Iterator["Match"]]) -> Callable[[str], list["Match"]]:
    """An infix finder that drops the hyphen matches of prefixed words."""
    def find(text: str) -> list["Match"]:
        return [m for m in finditer(text)
                if not (m.group() in _HYPHENS and is_prefixed_word(text[:m.start()], text[m.end():]))]
    return find


def keep_prefixed_words(nlp: "Language") -> "Language":
    """Make ``nlp``'s tokenizer keep prefixed hyphenated words whole (in place; returns it)."""
    tokenizer = nlp.tokenizer
    if getattr(tokenizer, "infix_finditer", None) is not None:
        tokenizer.infix_finditer = _keeping(tokenizer.infix_finditer)
    return nlp
