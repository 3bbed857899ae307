"""Time-expression rules (data/rules.tsv): loading, compiling once, and matching.

A rule is a regular expression over the lexicon's word classes plus a SPEC of the
underspecified value it produces (see ``under.py``).  Matching is pure regex work:
every rule scans the text, then the longest non-overlapping matches are kept.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DATA, Lexicon, load_lexicon

_MACRO = re.compile(r"\{([a-z_]+)(?::([a-z_0-9]+))?\}")
TYPES = ("DATE", "TIME", "DURATION", "SET")
CONTEXT_WINDOW = 60


@dataclass(frozen=True)
class Example:
    """A rule's example line: input text, publication date, expected text and value."""

    rule: str
    text: str
    published: str | None
    expression: str
    value: str


@dataclass(frozen=True)
class Rule:
    """One compiled rule with its spec, context checks and group categories."""

    name: str
    type: str
    priority: int
    regex: re.Pattern
    spec: tuple[tuple[str, str], ...]
    checks: tuple[tuple[str, bool, re.Pattern], ...]
    categories: tuple[tuple[str, str], ...]  # group name -> lexicon category
    proper_name_check: int = 0  # spec 'proper=1' (strict) or '2' (weekdays): skip matches inside names

    def category_of(self, group: str) -> str | None:
        """The lexicon category a named group was built from, if any."""
        for name, category in self.categories:
            if name == group:
                return category
        return None

    def context_ok(self, text: str, start: int, end: int) -> bool:
        """True when every context check of the rule holds around text[start:end]."""
        for where, negate, regex in self.checks:
            window = text[max(0, start - CONTEXT_WINDOW):start] if where == "pre" else text[end:end + CONTEXT_WINDOW]
            if bool(regex.search(window)) == negate:
                return False
        return True


@dataclass(frozen=True)
class Candidate:
    """A rule match in the text, before overlaps are settled."""

    start: int
    end: int
    rule: Rule
    groups: tuple[tuple[str, str], ...]  # (group name, matched text) for groups that matched


def _spaces(pattern: str) -> str:
    """Turn literal spaces outside character classes into runs of white space."""
    out, depth, i = [], 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
        if ch == " " and depth == 0 and pattern[i + 1:i + 2] in ("?", "*"):
            out.append(r"\s*")  # an optional space
            i += 2
            continue
        out.append(r"\s+" if ch == " " and depth == 0 else ch)
        i += 1
    return "".join(out)


def expand(pattern: str, lexicon: Lexicon, named: bool = True) -> tuple[str, list[tuple[str, str]]]:
    """Replace {category} macros with (named) alternations; return regex and group categories."""
    groups: list[tuple[str, str]] = []

    def sub(m: re.Match) -> str:
        category, name = m.group(1), m.group(2) or m.group(1)
        alternation = lexicon.pattern(category)
        if not named:
            return f"(?:{alternation})"
        groups.append((name, category))
        return f"(?P<{name}>{alternation})"

    return _MACRO.sub(sub, _spaces(pattern)), groups


def _compile_checks(field: str, lexicon: Lexicon) -> tuple[tuple[str, bool, re.Pattern], ...]:
    checks = []
    for part in filter(None, (p.strip() for p in field.split(" && "))):
        negate = part.startswith("!")
        where, _, regex = part.lstrip("!").partition(":")
        if where not in ("pre", "post"):
            raise ValueError(f"bad context check {part!r}")
        checks.append((where, negate, re.compile(expand(regex, lexicon, named=False)[0], re.I)))
    return tuple(checks)


def parse_spec(spec: str) -> tuple[tuple[str, str], ...]:
    """Split 'k=v;k=v' into pairs."""
    pairs = []
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        key, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"bad spec field {part!r} (expected key=value)")
        pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


def compile_rule(fields: list[str], priority: int, lexicon: Lexicon) -> Rule:
    """Compile one rules.tsv line (already split on tabs)."""
    name, type_, pattern, spec = fields[:4]
    if type_ not in TYPES:
        raise ValueError(f"rule {name}: unknown type {type_!r}")
    body, groups = expand(pattern, lexicon)
    regex = re.compile(r"(?<![\w$£€])(?:" + body + r")(?![\w])", re.I)
    checks = _compile_checks(fields[4] if len(fields) > 4 else "", lexicon)
    pairs = parse_spec(spec)
    proper = max([int(v) for k, v in pairs if k == "proper"] or [0])
    pairs = tuple(p for p in pairs if p[0] != "proper")
    return Rule(name, type_, priority, regex, pairs, checks, tuple(groups), proper)


def _example(rule: str, line: str) -> Example:
    parts = [p.strip() for p in line[2:].split("||")]
    if len(parts) != 4:
        raise ValueError(f"bad example line for rule {rule}: {line!r}")
    text, published, expression, value = parts
    return Example(rule, text, published if published not in ("", "-") else None, expression, value)


@lru_cache(maxsize=1)
def load_rules() -> tuple[tuple[Rule, ...], tuple[Example, ...]]:
    """All rules of data/rules.tsv, compiled once, and their example lines."""
    lexicon = load_lexicon()
    rules: list[Rule] = []
    examples: list[Example] = []
    lines = (DATA / "rules.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if line.startswith("#>"):
            examples.append(_example(rules[-1].name if rules else "?", line))
            continue
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            raise ValueError(f"rules.tsv line {number}: expected 4 or 5 tab-separated fields")
        try:
            rules.append(compile_rule(fields, len(rules), lexicon))
        except (re.error, KeyError, ValueError) as err:
            raise ValueError(f"rules.tsv line {number}: {err}") from None
    return tuple(rules), tuple(examples)


def _blocked(text: str, lexicon: Lexicon) -> bool:
    """A bare ambiguous word in lower case ('may', 'march', 'fall') is not a time."""
    if lexicon.value("bare_blocked", text) is not None or lexicon.value("blocked_phrase", text) is not None:
        return True
    return text.islower() and lexicon.value("lowercase_blocked", text) is not None


# The word before a match, past any opening quotation marks ('the ``March of the ...'', 'the "May Day"').
_WORD_BEFORE = re.compile(r"([\w'’.]+)[ \t]+(?:``|[\"“‘'])?$")
_WORD_AFTER = re.compile(r"^[ \t]+([\w'’]+)")


def looks_like_name(text: str, start: int, end: int, lexicon: Lexicon, strict: bool = True) -> bool:
    """A bare month, weekday or holiday inside a name: 'Theresa May', 'April Ryan', 'The Sunday Times'.

    ``strict`` False (weekdays): only 'the' + day + a capitalized word counts, because
    news writes weekdays right after names ("the Czech Republic Friday formally joined").
    """
    before = _WORD_BEFORE.search(text[max(0, start - 30):start])
    after = _WORD_AFTER.match(text[end:end + 30])
    prev = before.group(1) if before else ""
    if prev.endswith("."):
        prev = ""  # a sentence boundary (or an abbreviation): no evidence either way
    capital_after = bool(after and after.group(1)[:1].isupper())
    if not strict:
        return prev.lower() == "the" and capital_after
    if prev.lower() == "the":  # "The March of Dimes", "the Sunday Times"; not "the October slaying"
        return not after or after.group(1)[:1].isupper() or after.group(1).lower() in ("of", "on")
    if lexicon.value("time_preposition", prev) is not None:
        return False
    if prev[:1].isupper():
        return True
    return capital_after


# Word classes whose words every rule match contains (plus the 'trigger' class and digits).
TRIGGER_CLASSES = ("month", "weekday", "weekdays", "season", "seasons", "pod", "clockword", "unit",
                   "holiday", "every", "trigger")
WINDOW_BEFORE, WINDOW_AFTER = 60, 80  # characters of text around a trigger that rules scan


@lru_cache(maxsize=1)
def trigger_regex() -> re.Pattern:
    """Words that any time expression contains: rules only scan the text around them."""
    lexicon = load_lexicon()
    words = set()
    for category in TRIGGER_CLASSES:
        words.update(lexicon.classes.get(category, {}))
    alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(r"\d|(?<!\w)(?:%s)(?!\w)" % alternation, re.I)


def windows(text: str) -> list[tuple[int, int]]:
    """Merged stretches of text around trigger words, cut at white space."""
    spans: list[list[int]] = []
    for m in trigger_regex().finditer(text):
        start, end = max(0, m.start() - WINDOW_BEFORE), min(len(text), m.end() + WINDOW_AFTER)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    out = []
    for start, end in spans:
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, end))
    return out


def _matches(rule: Rule, text: str, spans: list[tuple[int, int]]):
    last = -1
    for start, end in spans:
        for m in rule.regex.finditer(text, start, end):
            if m.start() >= last:  # windows cut at white space can touch: keep matches once
                last = m.end()
                yield m


def candidates(text: str) -> list[Candidate]:
    """Every rule match in ``text`` whose context checks hold."""
    rules, _ = load_rules()
    lexicon = load_lexicon()
    found: list[Candidate] = []
    spans = windows(text)
    for rule in rules:
        for m in _matches(rule, text, spans):
            start, end = m.span()
            if start == end or not rule.context_ok(text, start, end) or _blocked(m.group(0), lexicon):
                continue
            if rule.proper_name_check and looks_like_name(text, start, end, lexicon, rule.proper_name_check == 1):
                continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            found.append(Candidate(start, end, rule, groups))
    return found


def select(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest matches that do not overlap (earlier rule wins a tie), in text order."""
    ordered = sorted(found, key=lambda c: (c.start - c.end, c.rule.priority, c.start))
    starts: list[int] = []  # kept spans, sorted by start (they never overlap)
    ends: list[int] = []
    kept: dict[int, Candidate] = {}
    for cand in ordered:
        i = bisect.bisect_right(starts, cand.start)
        if i > 0 and ends[i - 1] > cand.start:
            continue  # overlaps the kept span that starts before it
        if i < len(starts) and starts[i] < cand.end:
            continue  # overlaps the kept span that starts after it
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        kept[cand.start] = cand
    return [kept[s] for s in starts]
