"""Raw entity mentions from spaCy, trimmed to names.

spaCy's entity spans are cleaned before merging: a trailing possessive ("Imran Khan's")
is dropped, a lowercase "the" is dropped, a title ("Prime Minister") is split off into
the mention's role and the mention span is widened to include it, and a capitalized
"The" in the middle of a sentence ("published by The Intercept") is taken as part of
the name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from . import data

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan

# Entity types that name things (dates and numbers belong to other layers).
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                        "WORK_OF_ART", "LAW", "LANGUAGE"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_WHICH = re.compile(r",\s+which\b")
_SCORE = re.compile(r"^\d+[-–]\d+$")
_EDGE_PUNCT = frozenset("\"“”'‘’()[]{},;:.!?-–—")


@dataclass(frozen=True)
class Mention:
    """One mention of a name: where it is, what it names, and how it was found."""

    start: int  # character offsets of the whole mention (title and "The" included)
    end: int
    name: str  # the name itself: no title, no possessive, no lowercase "the"
    label: str  # spaCy type, or the type of the entity it was linked to
    sentence: int  # index of the sentence it is in
    role: str | None = None  # title or role description found with it
    has_the: bool = False  # a capitalized mid-sentence "The" belongs to the name
    kind: str = "name"  # name | demonym | string | role
    place_cue: bool = False  # a one-word name written after "in", "near"... (data/place_prepositions.txt)
    person_cue: bool = False  # the subject of a verb of people ("Melania said"; data/person_verbs.txt)
    team_cue: bool = False  # written as a sports team's ("Lakemont coach"; data/team_cues.txt)
    type_cue: bool = False  # typed by a cue word ("town of X", "X neighborhood"; data/type_*.tsv)

    @cached_property
    def key(self) -> str:
        """The name's matching key (see ``data.name_key``)."""
        return data.name_key(self.name)


# spaCy types a rare town gets after "in" ("in Harlow" PERSON, "in Harlow" PRODUCT)
PLACE_SLIPS = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART"})
# spaCy types a cue may override (not dates, numbers, nationalities)
_RETYPABLE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def _punct(token) -> bool:
    """Quote marks and other punctuation at a name's edge (but not "Jr." or "U.S.")."""
    return token.is_punct or all(ch in _EDGE_PUNCT for ch in token.text)


def _trim(ent: "SpacySpan") -> tuple[int, int] | None:
    """Token bounds of the entity without possessives, edge punctuation and a lowercase "the"."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].tag_ == "POS"
                           or _punct(doc[end - 1])):
        end -= 1
    for i in range(start + 1, end):  # a score is never part of a name ("held off [Lakemont 24-17]")
        if any(_SCORE.match(doc[i:i + width].text.replace(" ", "")) for width in (1, 3) if i + width <= end):
            end = i
            break
    while start < end and _punct(doc[start]):
        start += 1
    if start < end and doc[start].lower_ == "the" and not _name_the(doc, start):
        start += 1
        while start < end and _punct(doc[start]):  # 'the "Republic of Texas': no quote mark in a name
            start += 1
    return (start, end) if start < end else None


_ORG_LIKE = frozenset({"ORG", "FAC"})


def _name_start(doc: "Doc", first: int, last: int, text: str) -> int:
    """The first token of an organization's name inside spaCy's span: lowercase words and
    dashes run into its front ("publications - Army Times") and a "the website of the"
    (data/org_prefixes.txt) are cut.  Short particles ("al", "de") may begin a name."""
    i = first
    while i < last - 1 and ((doc[i].is_lower and doc[i].is_alpha and len(doc[i]) > 3 and doc[i].lower_ != "the")
                            or doc[i].text in ("-", "–", "—")):
        i += 1
    if i > first and not doc[i].text[:1].isupper():
        i = first  # nothing capitalized follows: keep spaCy's span
    start, end = doc[i].idx, doc[last - 1].idx + len(doc[last - 1].text)
    name = text[start:end]
    stripped = data.strip_org_prefix(name)
    if stripped != name:
        cut = doc.char_span(end - len(stripped), end, alignment_mode="expand")
        if cut is not None and cut.start < last:
            return cut.start
    return i


def _name_the(doc: "Doc", i: int) -> bool:
    """Whether token ``i`` is a capitalized "The" in running text (so part of a name):
    after a lowercase word or a comma ("published by The Intercept", ", The Intercept
    reported"), not at a sentence start, after a colon or in a title-case headline."""
    token = doc[i]
    if token.text != "The" or token.is_sent_start or i == 0:
        return False
    before = doc[i - 1]
    return before.is_lower or before.text == ","


def _title_before(text: str, start: int) -> str | None:
    """A title written directly before ``start`` ("Prime Minister " + name), or None."""
    for title in data.titles():
        begin = start - len(title) - 1
        if begin < 0 or text[begin:start - 1].casefold() != title.casefold() or text[start - 1] != " ":
            continue
        if begin == 0 or not (text[begin - 1].isalnum()):
            if title[0].isupper() == text[begin].isupper():  # "minister" alone is a word, not a title
                return title
    return None


def _given_name_after_title(doc: "Doc", first: int, text: str) -> bool:
    """Whether the token before a person's name is a capitalized given name that follows a
    title ("Mayor Taras Dovbush" tagged as "Dovbush")."""
    if first == 0 or doc[first].is_sent_start:
        return False
    before = doc[first - 1]
    if not (before.is_alpha and before.is_title and before.pos_ == "PROPN"):
        return False
    return _title_before(text, before.idx) is not None and data.split_title(before.text + " x")[1] is None


def without_epithet(name: str, text: str) -> str:
    """A person's name without a nickname glued before it ("Lyin Ted Cruz" -> "Ted Cruz"): a
    first word that is no first name, before a common English first name or before a name
    the article also writes on its own.  Titles are split off before this (data/titles.txt).
    Glued nicknames are an English-language habit; a capitalized word before a name of
    another tradition is more often an honorific that belongs to it ("Qari Mohammad
    Yousuf Ahmadi"), so only the "en" names of the coref list count there, and growing the
    list with other traditions does not cut more words."""
    from ..coref.pronouns import given_names  # the first names of the coref data

    words = name.split()
    if len(words) < 3 or words[0].lower() in given_names() or not words[0][:1].isupper() \
            or words[0].endswith("."):
        return name
    rest = name[len(words[0]):].strip()
    if words[1].lower() in given_names("en") or text.count(rest) > text.count(name):
        return rest
    return name


def mention_of(ent: "SpacySpan", sentence: int, text: str) -> Mention | None:
    """The cleaned mention of one spaCy entity (None when nothing of a name is left);
    ``text`` is ``doc.text``, passed in because spaCy rebuilds it on every access."""
    bounds = _trim(ent)
    if bounds is None:
        return None
    doc = ent.doc
    first, last = bounds
    if ent.label_ in _ORG_LIKE:
        first = _name_start(doc, first, last, text)
    opening = next((t.i for t in doc[first:last] if t.text == "("), None)
    if opening is not None and opening > first:  # "The World Health Organization (WHO": no bracket in a name
        first, last = _trim(doc[first:opening]) or (first, opening)
    if ent.label_ == "PERSON" and _given_name_after_title(doc, first, text):
        first -= 1  # "Mayor [Taras] Dovbush": the small model often tags the surname only
    has_the = _name_the(doc, first) or (first > 0 and _name_the(doc, first - 1) and ent.label_ != "PERSON")
    if has_the and doc[first].text != "The":
        first -= 1
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    name = text[start:end]
    if has_the:
        name = name[4:]
    role = None
    label = ent.label_
    if label in _RETYPABLE:  # "Frenchman Philippe Troussier" typed ORG: a person with a role
        name, role = data.split_nationality(name)
        label = "PERSON" if role else label
    if ent.label_ == "PERSON" and role is None:
        if data.is_epithet(name):
            return None  # "Lyin'" tagged apart from "Ted Cruz"
        name, cut = data.strip_epithet(name)  # "Crooked Hillary Clinton": no part of the name
        start += cut
        if start > 0 and text[start - 1] == "-" and " " in name:
            # "Secretary-[Treasurer Gary Casteel]": the tagger began inside a compound title
            begin = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
            whole, role = data.split_title(text[begin:start] + name)
            if role is not None:
                name, start = whole, begin
        if role is None:
            name, role = data.split_title(name)
        if role is None:  # "Defender Łukasz Piszczek": a position, kept as the role
            name, role = _split_position(name)
        if role is None:  # an epithet no list holds ("Lyin Ted Cruz")
            name = without_epithet(name, text)
        before = _title_before(text, start) if role is None else None
        if before:
            role, start = before, start - len(before) - 1
        nation = _nationality_before(text, start) if role is None else None
        if nation:  # "Frenchman [Philippe Troussier]": the noun is a role, as a title is
            role, start = nation, start - len(nation) - 1
        tail = _untagged_tail(doc, last) if role else last
        if tail > last:  # "President Ali Akbar [Hashemi Rafsanjani]": the tagger cut the name
            name, end = name + text[end:doc[tail - 1].idx + len(doc[tail - 1].text)], doc[tail - 1].idx + len(doc[tail - 1].text)
    if not name.strip() or not any(ch.isalpha() for ch in name) or name.startswith(("@", "#")):
        return None  # no letters, or a social media handle ("@plish516"): not a name
    if start > 0 and text[start - 1] in "#@":
        return None  # a hashtag ("#Trump2016") or handle whose sign the tagger left out
    type_cue = None
    if role is None and label in _RETYPABLE:
        # "the town of X", "power company X", "a densely packed X neighborhood"
        type_cue = data.type_before(text, start, end) or data.type_after(text, end)
        label = type_cue or label
    if label in _RETYPABLE and data.platform_type(name):
        label = "ORG"  # "said on Twitter" typed PERSON: an online platform is a company
    if label in _RETYPABLE and _NICKNAMED.match(name):
        label = "PERSON"  # 'Marcus "Iron" Delaney' typed ORG: a quoted nickname is a person's
    if label == "PERSON" and role is None and _WHICH.match(text, end):
        label = "ORG"  # "According to Harbour Ledger, which cited ...": people take "who"
    if label in _RETYPABLE and label != "PERSON" and _person_shaped(name) and data.person_appositive(text, end):
        label = "PERSON"  # "Nikola Mijailovic, the Serbian defender" typed ORG
    place_cue = (role is None and label in PLACE_SLIPS and " " not in name
                 and data.place_preposition_before(text, start, end))
    root = ent.root
    person_cue = root.dep_ == "nsubj" and root.head.lemma_.casefold() in data.person_verbs()
    if " " not in name and start > 0:  # "his wife Ivana" typed GPE: a person noun before one word
        before = text[max(0, start - 20):start].split()
        person_cue = person_cue or bool(before and before[-1] in data.person_nouns())
    if label in _RETYPABLE and label != "PERSON" and role is None and after_person_noun(text, start, name):
        label = "PERSON"  # "interior ministry spokesman Yousuf Stanizai" typed ORG
    if label in _RETYPABLE and label != "PERSON" and role is None and _accented_person(name, text, start, end, person_cue):
        label = "PERSON"  # "Ingrid Sørvik told Reuters" typed WORK_OF_ART
    team_cue = role is None and label in ("PERSON", "GPE", "LOC", "FAC", "ORG") and data.team_cue(text, start, end)
    return Mention(start, end, name, label, sentence, role=role, has_the=has_the, place_cue=place_cue,
                   person_cue=person_cue, team_cue=team_cue, type_cue=type_cue is not None)


def _nationality_before(text: str, start: int) -> str | None:
    """A nationality noun (data/nationality_nouns.txt) written right before ``start``, or None."""
    before = text[max(0, start - 20):start]
    words = before.split()
    if before.endswith(" ") and words and words[-1] in data.nationality_nouns():
        return words[-1]
    return None


_TAIL_WORDS = 2  # at most this many untagged words continue a titled name


def _untagged_tail(doc: "Doc", last: int) -> int:
    """The end of a titled person's name the tagger cut short: up to ``_TAIL_WORDS``
    capitalized proper nouns right after it that no entity covers ("President Ali Akbar"
    tagged in "President Ali Akbar Hashemi Rafsanjani"); ``last`` when there are none."""
    j = last
    while (j < len(doc) and j - last < _TAIL_WORDS and doc[j].is_alpha and doc[j].is_title
           and doc[j].pos_ == "PROPN" and doc[j].ent_iob_ == "O" and not doc[j].is_sent_start
           and doc[j - 1].whitespace_ and doc[j].lower_ not in _NOT_NAME_WORDS):
        j += 1
    return j


# capitalized words after a name that do not continue it (weekdays, months are tagged DATE)
_NOT_NAME_WORDS = frozenset({"jr", "sr", "said", "says", "told", "the"})


def _accented_person(name: str, text: str, start: int, end: int, subject_of_person_verb: bool) -> bool:
    """Whether a name with letters outside ASCII is a person's by its context: the subject
    of a verb of people, after a person noun ("forward Ines Albarrán"), or before ", who"."""
    if name.isascii() or not _person_shaped(name):
        return False
    before = text[max(0, start - 30):start].split()
    return (subject_of_person_verb or bool(_WHO.match(text, end))
            or bool(before and (before[-1].casefold() in data.person_nouns() or _title_before(text, start))))


_WHO = re.compile(r",\s+who\b")


def after_person_noun(text: str, start: int, name: str) -> bool:
    """Whether a name of two or three capitalized words follows a lowercase noun for a person
    ("interior ministry spokesman Yousuf Stanizai", "former technology executive Carly
    Fiorina"; data/person_nouns.txt, data/role_nouns.txt), and is not a company's name."""
    if not _person_shaped(name) or data.company_short_name(name) or data.canonical_alias(name):
        return False
    before = text[max(0, start - 30):start]
    if not before.endswith(" "):
        return False
    words = before.split()
    noun = words[-1] if words else ""
    return noun.islower() and (noun in data.person_nouns() or noun in data.role_nouns())


def _split_position(name: str) -> tuple[str, str | None]:
    """("Defender Łukasz Piszczek") -> ("Łukasz Piszczek", "Defender"), when a capitalized
    person noun (data/person_nouns.txt) leads a name of two more words."""
    first, _, rest = name.partition(" ")
    if first[:1].isupper() and first.casefold() in data.person_nouns() and len(rest.split()) >= 2:
        return rest.strip(), first
    return name, None


def _person_shaped(name: str) -> bool:
    """Two or three capitalized words, as a person's name is written ("Nikola Mijailovic")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)


def _demonym(ent: "SpacySpan", mention: Mention) -> Mention:
    """An adjectival nationality ("Pakistani government") as a mention of the place."""
    place = data.demonyms().get(mention.key)
    adjective = all(t.tag_ in ("JJ", "NNP") for t in ent)  # "Pakistanis" (NNPS) are people
    if ent.label_ == "GPE":  # "Ukrainian officials" typed GPE: an adjective, not a place name
        adjective = all(t.tag_ == "JJ" for t in ent)
    if ent.label_ in ("ORG", "PERSON", "GPE") and not adjective:
        # "A Ugandan court", "Ugandan trial" typed ORG or GPE: an adjective before a common noun
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        adjective = (all(t.tag_ in ("JJ", "NNP") for t in ent) and nxt is not None
                     and (nxt.is_lower or nxt.text in ("-", "–")))
    if place and adjective and ent.label_ in ("NORP", "GPE", "ORG", "PERSON"):
        return Mention(mention.start, mention.end, place, "GPE", mention.sentence, kind="demonym")
    return mention


def doc_mentions(doc: "Doc") -> list[Mention]:
    """Every cleaned name mention of spaCy's entities, in text order; names on headline
    lines are checked against the body first (see ``headline_pieces``)."""
    starts, text = sentence_starts(doc), doc.text
    ents = [piece for ent in joined_ents(doc) if ent.label_ in NAME_TYPES for piece in line_pieces(ent)]
    headlines = headline_spans(doc, text)
    body = [e for e in ents if not _on_lines(headlines, e.start_char)]
    found = []
    for ent in body:
        mention = mention_of(ent, sentence_of(starts, ent.start_char), text)
        if mention is not None:
            found.append(_demonym(ent, mention))
    evidence = BodyNames(found)
    lower_words = {t.text for t in doc if t.is_lower} if headlines else set()
    for ent in ents:
        if not _on_lines(headlines, ent.start_char):
            continue
        pieces = headline_pieces(ent, evidence) if evidence else [ent]
        for piece in pieces or ([ent] if _name_on_its_own(ent, lower_words) else []):
            mention = mention_of(piece, sentence_of(starts, piece.start_char), text)
            if mention is not None:
                found.append(_demonym(piece, mention))
    found.extend(accented_names(doc, text, starts))
    return _outermost(sorted(found, key=lambda m: (m.start, -m.end)))


def accented_names(doc: "Doc", text: str, starts: list[int]) -> list[Mention]:
    """People spaCy left untagged whose names have letters outside ASCII ("Forward Ines
    Albarrán scored"): a run of two or three capitalized words, one of them not ASCII, outside
    spaCy's names, after a person noun or title, before ", who" or a verb of people."""
    named = {i for e in doc.ents if e.label_ in NAME_TYPES for i in range(e.start, e.end)}
    found, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 4 and j not in named and doc[j].is_alpha and doc[j].is_title:
            j += 1
        if j == i:
            i += 1
            continue
        first = i + 1 if doc[i].lower_ in data.person_nouns() else i  # "Forward Ines Albarrán"
        mention = _accented_run(doc, text, first, j, starts) if 2 <= j - first <= 3 else None
        if mention is not None:
            found.append(mention)
        i = j
    return found


def _accented_run(doc: "Doc", text: str, first: int, last: int, starts: list[int]) -> Mention | None:
    """The person mention of tokens ``first``..``last`` when their context says so."""
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
    name = text[start:end]
    nxt = doc[last] if last < len(doc) else None
    verb = nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.lemma_.casefold() in data.person_verbs()
    if not _accented_person(name, text, start, end, verb):
        return None
    return Mention(start, end, name, "PERSON", sentence_of(starts, start))


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside a longer one (sorted by start, longest first): the title of
    "Secretary of State John Kerry" is part of that mention, not a "State" of its own."""
    kept: list[Mention] = []
    reach = -1
    for m in mentions:
        if m.end <= reach and kept and not (m.start == kept[-1].start and m.end == kept[-1].end):
            continue
        kept.append(m)
        reach = max(reach, m.end)
    return sorted(kept, key=lambda m: (m.start, m.end))


def joined_ents(doc: "Doc") -> list["SpacySpan"]:
    """spaCy's entities, with a place written right before an organization joined to it
    ("U.S." + "District Court" -> "U.S. District Court": the small model splits such names)."""
    from spacy.tokens import Span as SpacySpan

    ents, out = list(doc.ents), []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if nxt is not None and _and_country(ent, nxt):
            out.append(SpacySpan(doc, ent.start, nxt.end, label="GPE"))  # "Serbia and Montenegro"
            i += 2
            continue
        if nxt is not None and _nicknamed(ent, nxt):
            out.append(SpacySpan(doc, ent.start, nxt.end, label="PERSON"))  # 'Stanley "Tookie" Williams'
            i += 2
            continue
        if nxt is not None and _place_then_org(ent, nxt):
            out.append(SpacySpan(doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        out.append(_place_then_untagged_org(ent, nxt))
        i += 1
    return out


# A given name, a nickname in quotes, a surname: 'Stanley "Tookie" Williams'
_NICKNAMED = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)? [\"“][A-Z][\w.'-]*[\"”] [A-Z][\w.'-]*$")


def _nicknamed(first: "SpacySpan", second: "SpacySpan") -> bool:
    """Whether two person names are one name cut at a quoted nickname (the small model tags
    'Stanley "Tookie' and 'Williams' apart)."""
    if "PERSON" not in (first.label_, second.label_) or second.start - first.end > 3:
        return False
    return bool(_NICKNAMED.match(first.doc[first.start:second.end].text))


def _and_country(first: "SpacySpan", second: "SpacySpan") -> bool:
    """Whether two names with "and" between them are one country of the alias table
    ("Serbia" + "and" + "Montenegro")."""
    doc = first.doc
    if second.start - first.end not in (1, 2) or doc[first.end].lower_ != "and":
        return False
    joined = doc[first.start:second.end].text
    return data.canonical_alias(joined) is not None and " and " in data.canonical_alias(joined)


def _place_then_untagged_org(place: "SpacySpan", nxt: "SpacySpan | None") -> "SpacySpan":
    """The place widened into the institution named after it when the tagger left the rest
    untagged ("the US [Border Patrol]" -> ORG "US Border Patrol"; data/org_heads.txt)."""
    from spacy.tokens import Span as SpacySpan

    if place.label_ != "GPE" or place[-1].tag_ == "POS":
        return place
    doc = place.doc
    words = data.org_after_place(doc.text, place.end_char)
    if not words:
        return place
    end = doc.char_span(place.end_char, place.end_char + len(words), alignment_mode="expand")
    if end is None or (nxt is not None and nxt.start < end.end) or "\n" in words:
        return place
    return SpacySpan(doc, place.start, end.end, label="ORG")


def _place_then_org(place: "SpacySpan", org: "SpacySpan") -> bool:
    """Whether two adjacent entities are one organization named after its place."""
    if org.label_ != "ORG" or place.end != org.start or "\n" in place.doc[place.start:org.end].text:
        return False
    if place[-1].text in _POSSESSIVE or place[-1].tag_ == "POS" or not org[0].text[:1].isupper():
        return False
    words = [t.text for t in place if t.lower_ != "the"]
    return place.label_ == "GPE" or (place.label_ == "ORG" and data.canonical_alias(" ".join(words)) is not None)


def line_pieces(ent: "SpacySpan") -> list["SpacySpan"]:
    """The entity cut at line breaks: a name never runs across lines (the small model runs
    a headline or a time stamp into the next line)."""
    from spacy.tokens import Span as SpacySpan

    pieces, begin = [], ent.start
    for token in ent:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if "\n" in token.text else token.i + 1
            if end > begin:
                pieces.append(SpacySpan(ent.doc, begin, end, label=ent.label_))
            begin = token.i + 1
    if ent.end > begin:
        pieces.append(SpacySpan(ent.doc, begin, ent.end, label=ent.label_))
    return pieces


def headline_spans(doc: "Doc", text: str) -> list[tuple[int, int]]:
    """Character spans of the title-case lines (headlines, subheads) of an article that also
    has a body; a line counts when it has a capitalized word outside spaCy's names (a body
    sentence listing names, "Hillary Clinton, Donald Trump and Bernie Sanders met", does not)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    titled = [(a, b) for a, b, line in lines if data.is_title_case(line)]
    body_words = sum(len(line.split()) for a, b, line in lines if (a, b) not in titled)
    if not titled or body_words < 10:
        return []
    named = sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_TYPES)
    return [(a, b) for a, b in titled if _free_capitals(text, a, b, named) >= 1]


def _free_capitals(text: str, start: int, end: int, named: list[tuple[int, int]]) -> int:
    """Capitalized words of ``text[start:end]`` outside the given (sorted) name spans,
    function words aside."""
    near = named[bisect.bisect_left(named, (start, -1)):bisect.bisect_left(named, (end, -1))]
    count = 0
    for m in data._WORD.finditer(text, start, end):
        inside = any(a <= m.start() < b for a, b in near)
        if not inside and m.group()[0].isupper() and m.group().casefold() not in data.headline_words():
            count += 1
    return count


def _on_lines(spans: list[tuple[int, int]], char: int) -> bool:
    return any(a <= char < b for a, b in spans)


class BodyNames:
    """Names the body of an article writes: evidence for the words of a headline name."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.keys = {data.name_key(data.canonical_alias(m.name) or m.name) for m in mentions}
        self.keys |= {data.name_key(m.name) for m in mentions}
        self.people = [data.name_key(m.name).split() for m in mentions if m.label == "PERSON"]
        self.surfaces = {w for m in mentions for w in m.name.split()}  # as written, case kept

    def __bool__(self) -> bool:
        return bool(self.keys)

    def knows(self, words: list[str], written: str) -> bool:
        """Whether the body names these words: the same name, or part of a person's name."""
        key = " ".join(words)
        if len(words) == 1 and not (written.isupper() or written in self.surfaces):
            return False  # "That Got Us Thinking": "Us" is no "US" the body writes
        if key in self.keys or data.name_key(data.canonical_alias(key) or key) in self.keys:
            return True
        n = len(words)
        return any(name[i:i + n] == words for name in self.people for i in range(len(name) - n + 1))


def _name_on_its_own(ent: "SpacySpan", lower_words: set[str]) -> bool:
    """Whether a title-case-line name the body never writes is still a name: a known first
    name and a surname ("How Paul Ryan Thinks About ..."), a table name ("U.S."), a
    nationality, or a person name none of whose words the article writes in lower case
    ("Editing by Will Dunham"; not "Email Server", "Turnout Numbers")."""
    words = [t for t in ent if t.text not in _POSSESSIVE and not _punct(t)]
    if not words:
        return False
    if ent.label_ == "NORP" or data.canonical_alias(" ".join(t.text for t in words)):
        return True
    if ent.label_ != "PERSON" or len(words) > 3:
        return False
    if _first_name(words[0]):
        return True
    return len(words) >= 2 and all(t.is_title and t.lower_ not in lower_words for t in words)


def _first_name(token) -> bool:
    """Whether a token is a listed first name (the coreference layer's list)."""
    from ..coref.pronouns import given_names

    return token.lower_ in given_names()


def headline_pieces(ent: "SpacySpan", body: BodyNames) -> list["SpacySpan"]:
    """The parts of a headline entity that the body names ("Rip Donald Trump" -> "Donald
    Trump", "Obama Claims Hillary" -> "Obama", "Hillary"), longest first, not overlapping;
    nothing when the body names none of it ("Avoid Bad Optics")."""
    from spacy.tokens import Span as SpacySpan

    tokens = [t for t in ent]
    runs = [(i, j) for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1)]
    runs.sort(key=lambda r: (r[0] - r[1], r[0]))
    used: set[int] = set()
    pieces = []
    for i, j in runs:
        if used & set(range(i, j)):
            continue
        written = " ".join(t.text for t in tokens[i:j] if t.text not in _POSSESSIVE)
        words = data.name_key(written).split()
        if words and not _punct(tokens[i]) and not _punct(tokens[j - 1]) and body.knows(words, written):
            while i > 0 and i - 1 not in used and _first_name(tokens[i - 1]):
                i -= 1  # "Hillary Clinton" where the body writes only "Clinton"
            used |= set(range(i, j))
            pieces.append(SpacySpan(ent.doc, ent.start + i, ent.start + j, label=ent.label_))
    return sorted(pieces, key=lambda p: p.start)


def sentence_starts(doc: "Doc") -> list[int]:
    """Character offsets where sentences start ([0] when the doc has no sentence bounds)."""
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [0]
    return [sent.start_char for sent in doc.sents] or [0]


def sentence_of(starts: list[int], char: int) -> int:
    """The number of the sentence holding character ``char``."""
    return max(bisect.bisect_right(starts, char) - 1, 0)
