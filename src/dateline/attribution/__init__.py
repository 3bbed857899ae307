"""Who said what: quotes, reported speech and sourced claims (the ``attributions`` layer).

``AttributionComponent`` fills ``document.attributions`` from the spaCy parse, the quote
marks and the article's canonical entities (``requires=("entities",)``); when the time
layer has run, ``said_on`` is resolved from its timexes.  ``render_text`` lists the
quotes for ``dateline extract --format text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import Record
from .build import extract_attributions
from .media import carry_medium_via
from .said_on import infer_said_on

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import Document

__all__ = ["AttributionComponent", "extract_attributions", "render_text"]


class AttributionComponent:
    """Pipeline stage: adds the ``attributions`` layer."""

    name = "attributions"
    requires = ("entities",)
    provides = "attributions"

    def __call__(self, document: "Document") -> None:
        """Find every attribution of the document and append it to its layer."""
        if document.doc is None or not document.text.strip():
            return
        found = extract_attributions(document.doc, document.text, document.entities, document.timexes)
        found = carry_medium_via(found, document.doc)
        document.attributions.extend(infer_said_on(found, document.doc, document.text, document.timexes,
                                                   document.article.published))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_line(att) -> str:
    """One attribution as ``Speaker (via X), cue: "content"``."""
    speaker = att.source.name if att.source else "(unattributed)"
    via = f" (via {', '.join(v.name for v in att.via)})" if att.via else ""
    cue = att.cue.text if att.cue else "-"
    content = " … ".join(_short(c.text).strip('"“”') for c in att.content)
    when = f" [said on {att.said_on}]" if att.said_on else ""
    return f"  {speaker}{via}, {cue}: \"{content}\"{when}"


def render_text(record: Record) -> list[str]:
    """The readable section of the layer: quotes first, then other attributions."""
    if not record.attributions:
        return []
    quotes = [a for a in record.attributions if a.kind in ("direct", "mixed")]
    others = [a for a in record.attributions if a.kind not in ("direct", "mixed")]
    lines = [f"quotes ({len(quotes)}):"] + [render_line(a) for a in quotes]
    lines += [f"attributions ({len(others)}):"] + [render_line(a) for a in others]
    return lines
