"""Time expressions: TimeML TIMEX3 recognition and normalization for English news.

``tag(text, published, doc=None)`` is the library entry point; ``TimeComponent`` is
the pipeline layer; ``render_text(record)`` is the layer's section of the text view.
"""

from __future__ import annotations

from ..types import Record
from .tagger import tag

__all__ = ["TimeComponent", "render_text", "tag"]


class TimeComponent:
    """Pipeline layer 'time': appends the article's Timex objects (T1, T2...)."""

    name = "time"
    requires: tuple[str, ...] = ()
    provides = "time"

    def __call__(self, document) -> None:
        timexes = tag(document.text, document.article.published, document.doc)
        document.timexes.extend(timexes)
        document.scratch["time"] = {
            "published": document.article.published,
            "story": [(t.id, t.interval) for t in timexes if t.type in ("DATE", "TIME") and t.interval],
        }


def _interval_text(interval) -> str:
    if not interval:
        return "-"
    first, last = interval
    return f"[{first or 'open'} .. {last or 'open'}]"


def render_text(record: Record) -> list[str]:
    """The text view's section: each expression with type, value, interval and rule."""
    if not record.timexes:
        return []
    lines = [f"Time expressions ({len(record.timexes)}):"]
    for t in record.timexes:
        mod = f" mod={t.mod}" if t.mod else ""
        anchor = f" anchor={t.anchor}" if t.anchor else ""
        lines.append(f"  {t.id} \"{t.text}\" {t.type} {t.value}{mod} {_interval_text(t.interval)}"
                     f" rule={t.rule}{anchor}")
    return lines
