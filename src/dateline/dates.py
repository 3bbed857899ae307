"""Calendar date checks shared by readers and options."""

from __future__ import annotations

import datetime as _dt
import re

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

# Publication (and crawl) dates are news dates: a year outside this range is a typo or a
# placeholder (0001-01-01, 9999-12-31), and relative dates ("tomorrow", "next century")
# counted from it would fall off the calendar's ends.
MIN_YEAR, MAX_YEAR = 1000, 9000


def parse_iso_date(value: str) -> str:
    """Return ``value`` if it is a plausible calendar date ``YYYY-MM-DD``, else raise ValueError."""
    m = _ISO_DATE.match(value.strip())
    if not m:
        raise ValueError(f"invalid date {value!r} (expected YYYY-MM-DD)")
    try:
        _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"impossible date {value!r}") from None
    if not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        raise ValueError(f"implausible date {value!r}: the year must be within {MIN_YEAR}..{MAX_YEAR} "
                         "(relative dates are counted from it)")
    return value.strip()
