"""The readable summary of a record: title, date, then one section per layer.

Each layer package may define ``render_text(record) -> list[str]``; sections appear
in pipeline order, so a new layer shows up here without changing this module.
"""

from __future__ import annotations

import importlib

from ..pipeline import REGISTRY
from ..types import Record


def header_lines(record: Record) -> list[str]:
    """Title, publication date (and where it came from), outlet and length."""
    a = record.article
    lines = [f"# {a.title or a.id}"]
    published = a.published or "unknown"
    source = f" (from {a.published_from})" if a.published_from else ""
    lines.append(f"published: {published}{source}")
    if a.outlet or a.url:
        lines.append("source: " + " ".join(x for x in (a.outlet, a.url) if x))
    words = len(record.text.split())
    lines.append(f"length: {words} words, {len(record.text)} characters")
    return lines


def section_lines(record: Record, only: set[str] | None = None) -> list[str]:
    """Each layer's ``render_text`` section, in pipeline order."""
    lines: list[str] = []
    for name, target in REGISTRY.items():
        if only is not None and name not in only:
            continue
        module_name = target.partition(":")[0]
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        render = getattr(module, "render_text", None)
        if render is not None:
            section = render(record)
            if section:
                lines.append("")
                lines.extend(section)
    return lines


def render(record: Record, only: set[str] | None = None) -> str:
    """The whole readable summary, ending with a newline."""
    return "\n".join(header_lines(record) + section_lines(record, only)) + "\n"
