"""Events on the calendar: who did what to whom, where, and on which days.

``EventComponent`` fills ``document.events`` (see SCHEMA.md); ``render_text`` is the
article timeline of ``dateline extract --format text``.
"""

from __future__ import annotations

from .component import EventComponent, extract_events
from .render import render_text, timeline

__all__ = ["EventComponent", "extract_events", "render_text", "timeline"]
