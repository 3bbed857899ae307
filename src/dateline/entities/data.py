"""The entity layer's language knowledge, loaded from the data files beside this module.

Every file opens with ``#`` comment lines stating its format; lines of the form
``# example: INPUT => EXPECTED`` are examples that the tests run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..datafiles import example_pairs



@dataclass(frozen=True)
class Example:
    """One example line of a data file: its input and the expected output text."""

    file: str
    given: str
    expected: str


def _lines(name: str) -> list[str]:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8").splitlines()


def entries(name: str) -> list[str]:
    """The non-comment, non-blank lines of a data file."""
    return [line.rstrip("\n") for line in _lines(name) if line.strip() and not line.lstrip().startswith("#")]


def examples(name: str) -> list[Example]:
    """The ``# example: A => B`` lines of a data file (read by the package's one example parser)."""
    return [Example(name, given, expected) for given, expected in example_pairs("\n".join(_lines(name)))]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name's matching key: no leading "the", no dots, one space, case folded."""
    text = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
    text = text.replace("’", "'").replace(".", "")
    return " ".join(text.split()).casefold()


def _pairs(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in entries(name):
        alias, _, target = line.partition("\t")
        if target.strip():
            table[name_key(alias)] = target.strip()
    return table


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Titles written before names, longest first (so "Prime Minister" beats "Minister")."""
    return tuple(sorted((t.strip() for t in entries("titles.txt")), key=lambda t: (-len(t), t)))


@lru_cache(maxsize=1)
def role_nouns() -> frozenset[str]:
    """Nouns that describe a person by an organization: "chief", "leader"..."""
    return frozenset(t.strip().casefold() for t in entries("role_nouns.txt"))


@lru_cache(maxsize=1)
def type_cues() -> tuple[tuple[str, str], ...]:
    """(cue words, entity type) pairs of type_cues.tsv, longest cue first."""
    pairs = [tuple(part.strip() for part in line.split("\t")) for line in entries("type_cues.tsv")]
    return tuple(sorted(((c.casefold(), t) for c, t in pairs), key=lambda p: -len(p[0])))


def type_before(text: str, start: int, end: int | None = None) -> str | None:
    """The type a cue written right before ``start`` gives the name there ("town of" -> GPE).
    An appositive cue ("the grid operator, Ukrenergo.") counts only when the name (ending at
    ``end``, if given) closes the phrase: in "At a law firm, Loretta Lynch said" it does not."""
    before = text[max(0, start - 40):start].casefold()
    closed = end is None or end >= len(text) or text[end] in ",.;:)"
    for cue, kind in type_cues():
        if before.endswith(" " + cue + " ") or before == cue + " ":
            return kind
        if closed and not cue.endswith(" of") and before.endswith(" " + cue + ", "):
            return kind  # an appositive: "the national grid operator, Ukrenergo"
    return None


@lru_cache(maxsize=1)
def type_after_cues() -> tuple[tuple[str, str], ...]:
    """(cue words, entity type) pairs of type_after.tsv, longest cue first."""
    pairs = [tuple(part.strip() for part in line.split("\t")) for line in entries("type_after.tsv")]
    return tuple(sorted(((c.casefold(), t) for c, t in pairs), key=lambda p: -len(p[0])))


def type_after(text: str, end: int) -> str | None:
    """The type a noun written right after the name ending at ``end`` gives it
    ("Chelsea neighborhood" -> GPE); the noun must end there ("newspapers" is no cue)."""
    after = text[end:end + 40]
    for cue, kind in type_after_cues():
        if re.match(" " + re.escape(cue) + r"(?![\w-])", after):
            return kind
    return None


@lru_cache(maxsize=1)
def org_prefixes() -> tuple[str, ...]:
    """Phrases cut from the front of an organization's name ("website of"), longest first."""
    return tuple(sorted((t.strip().casefold() for t in entries("org_prefixes.txt")), key=lambda t: -len(t)))


def strip_org_prefix(name: str) -> str:
    """The organization's name without a leading "(the) website of (the)" (data/org_prefixes.txt)."""
    rest = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    for prefix in org_prefixes():
        if rest.casefold().startswith(prefix + " "):
            return re.sub(r"^the\s+", "", rest[len(prefix) + 1:].lstrip(), flags=re.IGNORECASE)
    return name


@lru_cache(maxsize=1)
def company_words() -> frozenset[str]:
    """Words that end a company's name ("Systems", "Logistics", "Inc")."""
    return frozenset(t.strip().casefold() for t in entries("company_words.txt"))


def company_short_name(name: str) -> str | None:
    """The first word a company is called by alone ("Norvale" of "Norvale Systems"), or None."""
    words = name.replace(",", " ").split()
    if len(words) < 2 or words[-1].rstrip(".").casefold() not in company_words():
        return None
    return words[0] if words[0][:1].isupper() and words[0].casefold() not in company_words() else None


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Alias key -> canonical name ("us" -> "United States")."""
    return _pairs("aliases.tsv")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective key -> place name ("pakistani" -> "Pakistan")."""
    return _pairs("demonyms.tsv")


def canonical_alias(name: str) -> str | None:
    """The canonical name the alias table gives for ``name``, or None."""
    return aliases().get(name_key(name))


def split_title(name: str) -> tuple[str, str | None]:
    """("Prime Minister Imran Khan") -> ("Imran Khan", "Prime Minister"); a first word
    joining a listed title by a hyphen is one too ("Vice-President Ana Ruiz"); no title ->
    (name, None)."""
    folded = name.casefold()
    for title in titles():
        if folded.startswith(title.casefold() + " ") and len(name) > len(title) + 1:
            return name[len(title) + 1:].strip(), title
    first, _, rest = name.partition(" ")
    listed = {t.casefold() for t in titles()}
    if "-" in first and rest and first[:1].isupper() and any(p.casefold() in listed for p in first.split("-")):
        return rest.strip(), first  # a compound title: "Secretary-Treasurer Gary Casteel"
    return name, None


def split_role_phrase(phrase: str) -> tuple[str, str] | None:
    """("the PTI chief") -> ("PTI", "chief"): an organization and a role noun, or None."""
    m = re.match(r"^[Tt]he\s+(.+?)\s+(\S+)$", phrase.strip())
    if not m or m.group(2).casefold() not in role_nouns():
        return None
    return m.group(1), m.group(2)


@lru_cache(maxsize=1)
def headline_words() -> frozenset[str]:
    """Short words that title-case headlines leave in lower case ("in", "of", "as")."""
    return frozenset(t.strip().casefold() for t in entries("headline_words.txt"))


_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def is_title_case(line: str) -> bool:
    """Whether a line is written in title case, as headlines are: at least 3 words that are
    not short function words, 80% of them capitalized (ALL CAPS counts)."""
    content = [w for w in _WORD.findall(line) if w.casefold() not in headline_words()]
    if len(content) < 3:
        return False
    capital = sum(1 for w in content if w[0].isupper())
    return capital >= 0.8 * len(content)


@lru_cache(maxsize=1)
def place_prepositions() -> tuple[str, ...]:
    """Prepositions that put a name in a place ("in", "near"), longest first."""
    return tuple(sorted((t.strip().casefold() for t in entries("place_prepositions.txt")), key=lambda t: -len(t)))


def place_preposition_before(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``..``end`` is written right after a place preposition
    ("in Harlow"), and is not a possessive ("in Harlow's view")."""
    if text[end:end + 2] in ("'s", "’s"):
        return False
    before = text[max(0, start - 20):start].casefold()
    return any(before.endswith(" " + p + " ") or before == p + " " for p in place_prepositions())


@lru_cache(maxsize=1)
def person_verbs() -> frozenset[str]:
    """Lemmas of verbs whose subject is a person ("say", "smile")."""
    return frozenset(t.strip().casefold() for t in entries("person_verbs.txt"))


@lru_cache(maxsize=1)
def team_cues() -> dict[str, tuple[str, ...]]:
    """Kind ("after", "before", "score", "name") -> the cue words of team_cues.txt."""
    table: dict[str, list[str]] = {}
    for line in entries("team_cues.txt"):
        kind, _, words = line.partition("\t")
        table.setdefault(kind.strip(), []).append(words.strip())
    return {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in table.items()}


_SCORE_AHEAD = re.compile(r"^[^.;!?\n]{0,40}?(?<![\d.,])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w.,-])")
_SCORE_NEXT = re.compile(r"^\s+\d{1,3}[-–]\d{1,3}(?![\w.,-])")


# the rest of a list of names after one of them, up to the lowercase noun after the list
# (", Spurs, Lazio and Rangers midfielder"): each name may be one or two capitalized words
_LISTED = re.compile(r"^(?:,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*,?\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+([a-z][\w-]*)")
# "Conference North side ", "Serie A club ": a capitalized word, then a team noun
_LEAGUE_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*\s+([a-z]+)\s+$")


def team_cue(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``..``end`` is written as a sports team's (see team_cues.txt)."""
    cues = team_cues()
    after = text[end:end + 60]
    if _SCORE_NEXT.match(after) or text[start:end].split()[-1] in cues.get("name", ()):
        return True
    for m in (re.match(r"^(?:['’]s)?(?:\s+[A-Z][\w-]*){0,2}\s+([a-z][\w-]*)", after), _LISTED.match(after)):
        if m and m.group(1) in cues.get("after", ()):
            return True
    before = text[max(0, start - 30):start]
    league = _LEAGUE_BEFORE.search(before)
    if league and league.group(1) in cues.get("league", ()):
        return True
    for cue in cues.get("before", ()):
        if before.endswith(" " + cue + " ") or before == cue + " ":
            return True
    for cue in cues.get("score", ()):
        if (before.endswith(" " + cue + " ") or before == cue + " ") and _SCORE_AHEAD.match(after):
            return True
        if after.startswith(" " + cue + " ") and _SCORE_AHEAD.match(after[len(cue) + 1:]):
            return True
    return False


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns for people (positions, jobs): "defender", "spokeswoman"."""
    return frozenset(t.strip().casefold() for t in entries("person_nouns.txt"))


def person_appositive(text: str, end: int) -> str | None:
    """The person noun of an appositive right after a name (", the Serbian defender"), or None."""
    m = re.match(r"^,\s+(?:the|a|an)\s+([^,.;:()\n]{1,60})", text[end:end + 80])
    if not m:
        return None
    for word in m.group(1).split()[:4]:
        if word.endswith(("'s", "’s")):
            return None  # "the company's spokesman" is someone else's spokesman
        if word in person_nouns():
            return word
        if "-" in word.strip("-") and word.lower().rsplit("-", 1)[1] in person_nouns():
            return word.lower()  # "a former lieutenant-colonel": the whole hyphenated noun
    return None


@lru_cache(maxsize=1)
def epithets() -> tuple[str, ...]:
    """Epithets written before a person's name ("Crooked"), longest first."""
    return tuple(sorted((t.strip() for t in entries("epithets.txt")), key=lambda t: -len(t)))


def strip_epithet(name: str) -> tuple[str, int]:
    """("Crooked Hillary Clinton") -> ("Hillary Clinton", 8): the name without a leading
    epithet and the number of characters cut; unchanged when fewer than two words remain."""
    for epithet in epithets():
        if name.startswith(epithet + " "):
            rest = name[len(epithet) + 1:].lstrip()
            if len(rest.split()) >= 2 and rest[:1].isupper():
                return rest, len(name) - len(rest)
    return name, 0


def is_epithet(name: str) -> bool:
    """Whether a name is only an epithet ("Lyin", "Crooked"), tagged apart from the name it goes with."""
    word = name.strip().rstrip("'’")
    return any(word == e.rstrip("'’") for e in epithets())


@lru_cache(maxsize=1)
def title_nouns() -> dict[str, str]:
    """Title (as written in titles.txt) -> the lowercase noun that describes its bearer ("Sen." -> "senator")."""
    table: dict[str, str] = {}
    for title, noun in _title_noun_rows():
        table.setdefault(title, noun)  # the first row of a title is its noun; later rows add others
    return table


@lru_cache(maxsize=1)
def given_name_variants() -> dict[str, frozenset[str]]:
    """Short given name -> its full forms ("ken" -> {"kenneth"}), from given_name_variants.tsv."""
    table: dict[str, set[str]] = {}
    for line in entries("given_name_variants.tsv"):
        short, _, full = line.partition("\t")
        table.setdefault(short.strip().casefold(), set()).add(full.strip().casefold())
    return {short: frozenset(fulls) for short, fulls in table.items()}


def given_name_forms(name: str) -> frozenset[str]:
    """A given name and the full forms it may stand for ("Bill" -> {"bill", "william"})."""
    word = name.casefold().rstrip(".")
    return frozenset({word}) | given_name_variants().get(word, frozenset())


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names may be one person's: equal, or sharing a full form
    ("Ken"/"Kenneth", "Bill"/"Will"); "Kenneth"/"Robert" may not."""
    return bool(given_name_forms(a) & given_name_forms(b))


@lru_cache(maxsize=1)
def platforms() -> frozenset[str]:
    """Matching keys of online platforms ("twitter"), which are organizations (data/platforms.txt)."""
    return frozenset(name_key(t) for t in entries("platforms.txt"))


def platform_type(name: str) -> str | None:
    """"ORG" for a known online platform ("Twitter"), else None."""
    return "ORG" if name_key(name) in platforms() else None


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Nouns that end an institution's name after its place ("Patrol", data/org_heads.txt)."""
    return frozenset(t.strip() for t in entries("org_heads.txt"))


_CAPITAL_RUN = re.compile(r"^((?: [A-Z][a-z]+){1,3})\b")


def org_after_place(text: str, end: int) -> str | None:
    """The capitalized words after a place name ending at ``end`` that close an institution's
    name (" Border Patrol" after "US"), or None; the last word is one of data/org_heads.txt."""
    m = _CAPITAL_RUN.match(text[end:end + 60])
    if not m:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):  # the longest run that ends in an institution noun
        if words[n - 1] in org_heads():
            return " " + " ".join(words[:n])
    return None


@lru_cache(maxsize=1)
def org_name_heads() -> dict[str, str]:
    """Head nouns of organisations' names -> "" or "alone" (the noun alone is a name) or
    "adjective" (it needs an adjective before it); data/org_name_heads.txt."""
    rows = (line.partition("\t") for line in entries("org_name_heads.txt"))
    return {noun.strip(): flag.strip() for noun, _, flag in rows}


_PEOPLE_ADJECTIVE = re.compile(r"(?:ic|ish|an|ese|ist)$")


_HEADED_RUN = re.compile(r"(?:(?<![\w-])[Tt]he|\w['’]s)[ \t]+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ \t]+){0,3}[A-Z][a-z]+)"
                         r"(?![\w'’-]|[ \t]+(?:[A-Z]|\d))")


def headed_org_names(text: str) -> list[tuple[int, int]]:
    """Spans of organisations named by a head noun after "the" or a possessive ("The Islamic
    State said", "Britain's Parliament"; data/org_name_heads.txt): the whole run of capitals
    must end in the noun, a noun alone counts only where the file says so, and after a
    possessive only a noun alone does (no "Liberation Front" of "the X People's Liberation Front")."""
    heads = org_name_heads()
    found = []
    for m in _HEADED_RUN.finditer(text):
        words = m.group(1).split()
        flag = heads.get(words[-1])
        if flag is None or len(words) == 1 and flag != "alone":
            continue
        if not m.group(0)[:3].casefold() == "the" and len(words) > 1:
            continue  # "the Tigrayan People's Liberation Front": after a possessive only "Parliament"
        if flag != "adjective" or _PEOPLE_ADJECTIVE.search(words[-2]):
            found.append(m.span(1))
    return found


@lru_cache(maxsize=1)
def broadcast_words() -> frozenset[str]:
    """Words beside call letters that show a broadcaster ("radio", "station"; data/broadcast_words.txt)."""
    return frozenset(t.strip().casefold() for t in entries("broadcast_words.txt"))


_CALL_LETTERS = re.compile(r"(?<![\w.-])([KWC][A-Z]{2,3})(-(?:AM|FM|TV|DT))?(?![\w-])")


def call_letters(text: str) -> list[tuple[int, int]]:
    """Spans of broadcasters' call letters ("WIBC" in "on WIBC radio"): the letters need a
    suffix ("KTLA-TV") or a broadcast word right after them or "station" right before."""
    found = []
    for m in _CALL_LETTERS.finditer(text):
        after = text[m.end():m.end() + 20].split()
        before = text[max(0, m.start() - 20):m.start()].split()
        if (m.group(2) or (after and after[0].casefold().strip(".,;:") in broadcast_words())
                or (before and before[-1].casefold() == "station")):
            found.append(m.span())
    return found


_WEB_NAME = re.compile(r"(?<![\w@/.-])([A-Z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|io|tv|co|info|biz|us))(?![\w/@-]|\.\w)")


def web_names(text: str) -> list[tuple[int, int]]:
    """Spans of companies named by their web address ("GunBroker.com", "Match.com"): a
    capitalized name ending in a common domain suffix, not inside a longer URL or an email."""
    return [m.span(1) for m in _WEB_NAME.finditer(text)]


@lru_cache(maxsize=1)
def party_words() -> frozenset[str]:
    """Words of political groups' names ("party", "bloc"; data/party_words.txt)."""
    return frozenset(t.strip().casefold() for t in entries("party_words.txt"))


_STREET_WORDS = frozenset({"street", "road", "avenue", "square", "lane", "boulevard", "drive"})


def party_word(name: str) -> str | None:
    """The party word of a group's name ("Bloc Quebecois" -> "bloc"), or None; a place's name
    ending in a street word ("Front Street") has none."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper() or w.islower()]
    if words and words[-1].casefold() in _STREET_WORDS:
        return None
    return next((w.casefold() for w in words if w.casefold() in party_words()), None)


def _title_noun_rows() -> list[tuple[str, str]]:
    rows = (line.partition("\t") for line in entries("title_nouns.tsv"))
    return [(title.strip(), noun.strip()) for title, _, noun in rows]


@lru_cache(maxsize=None)
def title_noun_list(title: str) -> tuple[str, ...]:
    """Every noun the table gives a title ("Sen." -> senator, lawmaker)."""
    return tuple(noun for t, noun in _title_noun_rows() if t == title)


@lru_cache(maxsize=1)
def kin_nouns() -> frozenset[str]:
    """Family nouns a possessive description may use for a person ("his wife", "her ex-husband")."""
    return frozenset(t.strip().casefold() for t in entries("kin_nouns.txt"))


@lru_cache(maxsize=1)
def _outlet_table() -> tuple[frozenset[str], frozenset[str]]:
    """(names, heads) of news outlets and platforms, lower case, read from the attribution
    layer's lists (its data/outlets.txt and data/platforms.txt) and data/platforms.txt here,
    so each list stays the one source of truth."""
    from ..attribution import lexicon, media  # imported late: attribution imports this package

    table = lexicon.outlets()
    names = {w for w, kind in table.items() if kind == "name"} | set(media.platforms())
    names |= {t.strip().casefold() for t in entries("platforms.txt")}
    return frozenset(names), frozenset(w for w, kind in table.items() if kind == "head")


def is_outlet_name(name: str) -> bool:
    """Whether a name is a listed news outlet's or platform's as a whole ("Politico", "the
    Guardian"; see ``_outlet_table``)."""
    words = name.casefold()
    names = _outlet_table()[0]
    return words in names or words.removeprefix("the ") in names or "the " + words in names


def outlet_heads() -> frozenset[str]:
    """Head words of outlets' names, lower case ("times", "post", "mail"; see ``_outlet_table``)."""
    return _outlet_table()[1]


_OUTLET_WORD = r"(?:[A-Z](?:[\w&'’-]|\.(?=\w))*|\d+)"  # "U.S." keeps its dots, "Sunday." does not
_OUTLET_RUN = re.compile(rf"(?<![\w.&'’-])(?:[Tt]he[ \t]+)?({_OUTLET_WORD}(?:[ \t]+(?:(?:on|of)[ \t]+)?{_OUTLET_WORD})*)")


def outlet_names(text: str) -> list[tuple[int, int]]:
    """Spans of news outlets and platforms named in capitals ("Facebook", "Channel 4", "the
    Mail on Sunday", "the Sunday Telegraph"): in each run of capitalized words, the longest
    part that is a listed name, or that ends in a listed head word after "the" ("the Daily
    Herald"); a name inside a longer run ("Reuters Institute") is no outlet's."""
    names, heads = _outlet_table()
    found = []
    for m in _OUTLET_RUN.finditer(text):
        start, end = m.span(1)
        run = text[start:end].rstrip(".")
        has_the = m.group(0)[:4].casefold() == "the "
        if not has_the and " " in run and _sentence_initial(text, start):
            # "On Facebook, she wrote": the first word is capitalized for the sentence only
            first = run.index(" ") + 1
            start, run = start + first, run[first:].lstrip()
        while re.match(r"[A-Z]\w*-[a-z]\S* ", run):  # "the Chinese-language Apple Daily": a modifier
            cut = run.index(" ") + 1
            start, run = start + cut, run[cut:]
        start, run = _after_demonyms(start, run, names)
        words = run.casefold()
        if words in names or (has_the and "the " + words in names):
            found.append((start, start + len(run)))
        elif has_the and words.split()[-1] in heads and not run.isupper():
            found.append((start, start + len(run)))
    return found


def _after_demonyms(start: int, run: str, names: frozenset[str]) -> tuple[int, str]:
    """The listed outlet name after nationality adjectives that open a run of capitals ("a
    British Channel 4 report" -> "Channel 4"), else the run unchanged."""
    words = run.split(" ")
    skip = 0
    while skip < len(words) - 1 and words[skip].casefold() in demonyms():
        skip += 1
        rest = " ".join(words[skip:])
        if rest.casefold() in names:
            return start + len(run) - len(rest), rest
    return start, run


def _sentence_initial(text: str, start: int) -> bool:
    """Whether ``start`` opens a line or follows the end of a sentence."""
    before = text[:start].rstrip(" \t\"“'‘")
    return not before or before[-1] in ".!?\n"


@lru_cache(maxsize=1)
def nationality_nouns() -> frozenset[str]:
    """Nouns for a person of a nation written before a name ("Frenchman", "Briton")."""
    return frozenset(entries("nationality_nouns.txt"))


def split_nationality(name: str) -> tuple[str, str | None]:
    """("Frenchman Philippe Troussier") -> ("Philippe Troussier", "Frenchman"): a nationality
    noun (data/nationality_nouns.txt) before two or three capitalized words; else (name, None)."""
    first, _, rest = name.partition(" ")
    words = rest.split()
    if first in nationality_nouns() and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        return rest.strip(), first
    return name, None

