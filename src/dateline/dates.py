"""Calendar date checks shared by readers and options."""

from __future__ import annotations

import datetime as _dt
import re

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_iso_date(value: str) -> str:
    """Return ``value`` if it is a real calendar date ``YYYY-MM-DD``, else raise ValueError."""
    m = _ISO_DATE.match(value.strip())
    if not m:
        raise ValueError(f"invalid date {value!r} (expected YYYY-MM-DD)")
    try:
        _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"impossible date {value!r}") from None
    return value.strip()
