"""Step one of normalization: a rule match becomes an underspecified value.

``Under`` says what the words fix ("month 3, day 7, the year before the anchor's")
and leaves the rest to the resolver.  Building it needs only the match and the
lexicon, never the publication date, so it is the same in every article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, load_lexicon
from .rules import Candidate

UNKNOWN = "X"
_FALLBACK = ("unit", "after", "anarel", "rel", "dayword", "pod", "month", "weekday", "number", "clockword", "every")
_INT_KEYS = ("y", "m", "d", "wd", "q", "half", "dec", "cen", "dayword", "day_offset")


@dataclass(frozen=True)
class Under:
    """An underspecified TIMEX3 value: calendar fields, a shift, or a duration/set/ref."""

    kind: str  # point | ref | duration | set
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO 1 = Monday
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 18 for the 19th century
    holiday: str | None = None
    dayword: int | None = None  # -1 yesterday, 0 today, 1 tomorrow
    pod: str | None = None  # MO AF EV NI DT
    clock: str | None = None  # HH:MM
    zone: str | None = None  # +HH:MM
    shift_unit: str | None = None
    shift_n: float | None = None  # None with shift_unit: an unknown count ("a few")
    shift_sign: int | None = None  # the direction of a shift whose count is unknown
    gran: str | None = None  # day week month quarter half season year decade century time | unit | ref
    anchor: str = "dct"  # dct | story
    direction: int | None = None  # -1 last, 0 this, 1 next, None: from the tense
    ref: str | None = None  # PAST_REF | PRESENT_REF | FUTURE_REF
    dur_n: float | None = None  # None: unknown count
    dur_unit: str | None = None
    span: int | None = None  # -1 "the past N", 1 "the next N": anchored durations
    set_value: str | None = None
    quant: str | None = None
    freq: str | None = None
    mod: str | None = None
    moves: bool = True  # spec 'moves=0': a comparison that does not move the story's time
    in_year: int | None = None  # "the 1988 quarter": the story's period, in that year
    completed: str | None = None  # 'Q': told in the past with no quarter in the story, the last completed one
    fiscal: bool = False  # 'fiscal 2024', 'FY2024': the fiscal year named 2024, value FY2024
    ended: bool = False  # 'the quarter ended Sept. 30': month and day are the quarter's last day
    day_offset: int | None = None  # 'the day before last Tuesday': days added to the day resolved


def parse_number(text: str, lexicon: Lexicon) -> float | None:
    """'12', '1,000', 'twenty-four', 'a couple of' -> a number; 'several' -> None (unknown)."""
    t = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", ""))
    known = lexicon.value("number", t)
    if known is not None:
        return None if known == UNKNOWN else float(known)
    total = 0.0
    for word in t.split():
        value = lexicon.value("number", word)
        if value is None or value == UNKNOWN:
            return None
        total += float(value)
    return total


def parse_year(text: str) -> int:
    """'1998' -> 1998; "'98" -> 1998; "'05" -> 2005 (two digits: 1930-2029)."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 2:
        n = int(digits)
        return 1900 + n if n >= 30 else 2000 + n
    return int(digits)


def parse_decade(text: str) -> int:
    """'1990s' -> 199, "'80s" -> 198, 'the nineties' -> 199."""
    digits = re.sub(r"\D", "", text)
    if len(digits) >= 3:
        return int(digits[:3])
    if len(digits) == 2:
        return 190 + int(digits[0]) if int(digits[0]) >= 3 else 200 + int(digits[0])
    words = "twenties thirties forties fifties sixties seventies eighties nineties".split()
    for i, word in enumerate(words):
        if word in text.lower():
            return 192 + i
    raise ValueError(f"not a decade: {text!r}")


def parse_clock(text: str) -> str:
    """'10:30 a.m.' -> '10:30'; '6 p.m' -> '18:00'; '12 a.m.' -> '00:00'; '14:05' -> '14:05'."""
    t = text.lower()
    m = re.match(r"(\d{1,2})(?::(\d\d))?", t)
    if not m:
        raise ValueError(f"not a clock time: {text!r}")
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if re.search(r"p\.?\s?m", t) and hour < 12:
        hour += 12
    elif re.search(r"a\.?\s?m", t) and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def parse_cardinal_year(text: str, lexicon: Lexicon) -> int:
    """'two thousand' -> 2000, 'two thousand and one' -> 2001."""
    rest = text.lower().split("thousand", 1)[1].replace("and", " ").strip()
    return 2000 + int(parse_number(rest, lexicon) or 0) if rest else 2000


def _builtin(category: str, text: str, lexicon: Lexicon):
    if category == "num":
        number = parse_number(text, lexicon)
        return UNKNOWN if number is None else number  # "several": matched, count unknown
    if category == "day":
        digits = re.sub(r"\D", "", text)
        return int(digits) if digits else int(lexicon.value("ordinal", text) or 0)
    if category == "year":
        return parse_year(text)
    if category == "decade":
        return parse_decade(text)
    if category == "clock":
        return parse_clock(text)
    if category == "hhmm":
        return f"{text[:2]}:{text[2:4]}"
    if category == "cardinalyear":
        return parse_cardinal_year(text, lexicon)
    if category == "spokenyear":  # "nineteen ninety-six" -> 1996
        rest = text.lower().split(None, 1)[1] if " " in text.strip() else text.lower().split("-", 1)[1]
        return 1900 + int(parse_number(rest, lexicon) or 0)
    return lexicon.value(category, text)


def group_value(cand: Candidate, name: str, lexicon: Lexicon):
    """The normalized value of a matched group (None when the group did not match)."""
    text = dict(cand.groups).get(name)
    if text is None:
        return None
    category = cand.rule.category_of(name)
    if category is not None:
        if category == "number":
            number = parse_number(text, lexicon)
            return UNKNOWN if number is None else number
        return _builtin(category, text, lexicon)
    if re.fullmatch(r"\d+", text):
        return int(text)
    found = lexicon.find(_FALLBACK, text)
    return found[1] if found else text.lower()


def _factor(token: str, cand: Candidate, lexicon: Lexicon):
    negative = token.startswith("-")
    token = token.lstrip("-")
    if token.startswith("@"):
        value = group_value(cand, token[1:], lexicon)
    else:
        value = token
    if value is None or value == UNKNOWN:
        return value
    if negative:
        return -_num(value)
    return value


def _num(value) -> float:
    if isinstance(value, (int, float)):
        return float(value)
    if value == "half":
        return 0.5
    if re.fullmatch(r"\d+/\d+", str(value)):
        a, b = str(value).split("/")
        return int(a) / int(b)
    return float(value)


def evaluate(expr: str, cand: Candidate, lexicon: Lexicon):
    """Evaluate a spec expression: a literal, @group, -@group, A*B or A+B."""
    terms = expr.split("+")
    if len(terms) == 1 and "*" not in expr:
        return _factor(expr, cand, lexicon)
    total, matched = 0.0, False
    for term in terms:
        product, present = 1.0, False
        for token in term.split("*"):
            value = _factor(token, cand, lexicon)
            if value is None and token.startswith(("@", "-@")):
                continue  # an optional group that did not match: 1 in a product, 0 as a whole term
            if value is None or value == UNKNOWN:
                return UNKNOWN
            product *= _num(value)
            present = True
        if present:
            total += product
            matched = True
    return total if matched else None


def _sign(expr: str, cand: Candidate, lexicon: Lexicon) -> int | None:
    """The direction of a shift whose count is unknown ("several years ago" -> -1)."""
    sign = 1
    for token in expr.split("*"):
        negative = token.startswith("-")
        value = _factor(token.lstrip("-"), cand, lexicon)
        if value not in (None, UNKNOWN):
            try:
                sign *= -1 if _num(value) < 0 else 1
            except ValueError:
                return None
        if negative:
            sign = -sign
    return sign


def _freq(text: str, lexicon: Lexicon) -> str | None:
    words = {"once": 1, "twice": 2, "thrice": 3}
    t = text.lower()
    if t in words:
        return f"{words[t]}X"
    n = parse_number(t.split()[0], lexicon)
    return f"{int(n)}X" if n else None


def _as_int(value) -> int | None:
    if value is None or value == UNKNOWN:
        return None
    return int(_num(value))


def _direction(value) -> int | None:
    if value in (None, "tense", UNKNOWN):
        return None
    if value == "past":
        return -1
    if value == "future":
        return 1
    try:
        n = _num(value)
    except ValueError:  # a word with no direction ("the first nine months")
        return None
    return -1 if n < 0 else (1 if n > 0 else 0)


def _duration(expr: str, cand: Candidate, lexicon: Lexicon) -> tuple[float | None, str]:
    """'@num:@unit[:half]' -> (count or None, unit code)."""
    parts = expr.split(":")
    count = evaluate(parts[0], cand, lexicon)
    unit = str(evaluate(parts[1], cand, lexicon))
    n = None if count in (None, UNKNOWN) else _num(count)
    if len(parts) > 2 and parts[2] == "half" and n is not None:
        n += 0.5
    return _fortnights_as_weeks(n, unit)


def _fortnights_as_weeks(n: float | None, unit: str) -> tuple[float | None, str]:
    """A count of fortnights (unit '2W') as twice as many weeks; any other unit as it is."""
    if unit == "2W":
        return (None if n is None else 2 * n), "W"
    return n, unit


def _shift(expr: str, cand: Candidate, lexicon: Lexicon) -> dict:
    """'@unit:@count' -> the shift fields; an unknown count ('a few days later') keeps its sign."""
    unit_expr, _, count_expr = expr.partition(":")
    unit = str(evaluate(unit_expr, cand, lexicon))
    count = evaluate(count_expr, cand, lexicon)
    n, unit = _fortnights_as_weeks(None if count in (None, UNKNOWN) else _num(count), unit)
    sign = _sign(count_expr, cand, lexicon) if n is None else None
    return {"shift_unit": unit, "shift_n": n, "shift_sign": sign}


def build(cand: Candidate) -> Under:
    """Turn a rule match into its underspecified value."""
    lexicon = load_lexicon()
    fields: dict = {}
    kind = {"DURATION": "duration", "SET": "set"}.get(cand.rule.type, "point")
    for key, expr in cand.rule.spec:
        fields.update(_field(key, expr, cand, lexicon, fields))
    if "ref" in fields:
        kind = "ref"
    return Under(kind=kind, **fields)


def _field(key: str, expr: str, cand: Candidate, lexicon: Lexicon, sofar: dict) -> dict:
    """One spec key=value as Under field(s)."""
    if key == "shift":
        return _shift(expr, cand, lexicon)
    if key == "set" and not re.match(r"[^:]+:", expr):  # a whole value ('daily': P1D), not count:unit
        return {"set_value": evaluate(expr, cand, lexicon), "quant": sofar.get("quant")}
    if key in ("dur", "set"):
        n, unit = _duration(expr, cand, lexicon)
        return {"dur_n": n, "dur_unit": unit}
    value = evaluate(expr, cand, lexicon)
    if key == "setpod_of" and value and sofar.get("set_value"):  # 'Tuesday nights': XXXX-WXX-2TNI
        return {"set_value": f"{sofar['set_value']}T{value}"}
    return _simple_field(key, value, cand, lexicon)


def _simple_field(key: str, value, cand: Candidate, lexicon: Lexicon) -> dict:
    """One spec key with its evaluated value as Under field(s)."""
    if key == "y" and isinstance(value, (int, float)) and 0 <= value < 100:
        value = parse_year(f"{int(value):02d}")  # "FY24"
    if key in _INT_KEYS:
        names = {"y": "year", "m": "month", "d": "day", "wd": "weekday", "q": "quarter",
                 "dec": "decade", "cen": "century"}
        return {names.get(key, key): _as_int(value)}
    if key in ("dir", "span"):
        return {"direction" if key == "dir" else "span": _direction(value)}
    if key == "s":
        return {"season": value}
    if key == "ampm":
        return {}  # read by _clock_value from the rule's 'pp' group
    if key == "freq":
        return {"freq": _freq(str(value), lexicon) if value else None}
    if key == "setwd":
        return {"set_value": f"XXXX-WXX-{value}"} if value else {}
    if key == "setpod":
        return {"set_value": f"XXXX-XX-XXT{value}"} if value else {}
    if key == "setseason":
        return {"set_value": f"XXXX-{value}"} if value else {}
    if key == "setm":
        return {"set_value": f"XXXX-{int(value):02d}"} if value else {}
    if key == "clock":
        return {"clock": _clock_value(value, cand, lexicon)}
    if key == "tz":
        return {"zone": value}
    if key == "completed":
        return {"completed": value}
    if key == "inyear":
        return {"in_year": _as_int(value)}
    if key == "fiscal":
        return {"fiscal": value not in ("0", 0)}
    if key == "ended":
        return {"ended": value not in ("0", 0)}
    if key == "moves":
        return {"moves": value not in ("0", 0)}
    if key == "named" and value:  # a named day of history, 'YYYY-MM-DD' in the lexicon
        year, month, day = (int(x) for x in str(value).split("-"))
        return {"year": year, "month": month, "day": day}
    if key in ("pod", "holiday", "gran", "anchor", "ref", "quant", "mod"):
        return {key: value}
    raise ValueError(f"rule {cand.rule.name}: unknown spec key {key!r}")


def _clock_value(value, cand: Candidate, lexicon: Lexicon) -> str | None:
    """Clock value, completing a bare hour with the rule's am/pm group ('4 in the morning')."""
    if value is None:
        return None
    if isinstance(value, str) and ":" in value:
        return value
    hour = _as_int(value if not isinstance(value, str) else parse_number(value, lexicon))
    if hour is None:
        return None
    part = dict(cand.groups).get("pp", "").lower()
    if part in ("afternoon", "evening") and hour < 12:
        hour += 12
    return f"{hour:02d}:00"
