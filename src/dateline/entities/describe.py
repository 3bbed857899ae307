"""Definite descriptions of a person the article has described the same way before.

"Sen. Bernie Sanders ... the Vermont senator", "Justice Ruth Bader Ginsburg ... the
83-year-old justice", "Nikola Mijailovic, the Serbian defender, ... the defender",
"Aggrey Kiyingi, 51, ... the 51-year-old", "his divorce from wife Ivana ... His ex-wife":
the later description is a mention of that person (kind "role", in place).

What the article says of a person (its *descriptors*), each with where it is written:

- the nouns of its titles: "Sen." gives "senator" (data/title_nouns.tsv), "House Speaker"
  gives "speaker" (the title's last word, when data/person_nouns.txt lists it);
- the person noun of an appositive: "X, the Serbian defender," / "X, a senator from Vermont,";
- a lowercase person noun written right before the name: "manager Mark Hughes", "wife Ivana";
- an age: "X, 29," or "29-year-old X".

A description is "the/this/that [modifiers] <noun>" (or "his/her [ex-]<noun>" for a family
noun, data/kin_nouns.txt; or "the 29-year-old" alone) with no name after it, not a predicate
("is now the acting secretary") and no "of" after it.  It is linked to the person whose
descriptors hold its noun (and its age, if it gives one), written before it, when exactly
one person fits.  With several, a capitalized modifier ("the Serbian defender") must be
among the words written with the descriptor; still several: no link.  A place, party or
nationality modifier that clashes with the descriptor's own ("the Ohio governor", "New York
Gov. X") rules the person out.  A subject opening a paragraph with no such person before it
(also "a/an" and with a relative clause: "The US lawmaker who ... said") may be the one person
named and described with its noun in the next ``FORWARD_SENTENCES`` sentences.
Nearness alone never decides.  No link when the person is named earlier under the same verb
("Sanders met the senator"), or when someone else was named since the person was last named,
more than ``RECENT_SENTENCES`` sentences before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from . import data
from .mentions import Mention, sentence_of, sentence_starts

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .merge import Cluster

AGE_WORD = re.compile(r"^(\d{1,3})-year-old$")
_AGE_AFTER = re.compile(r",\s*(\d{1,3}),")
_DEFINITE = frozenset({"the", "this", "that"})
_POSSESSIVE = frozenset({"his", "her"})
_INDEFINITE = frozenset({"a", "an"})
_KINDS = frozenset({"GPE", "NORP", "LOC"})  # kinds of capitalized modifiers that can clash
# "X, head of the German central bank," is that bank's chief ("the German central bank chief")
_ORG_HEAD = re.compile(r",\s+(?:the\s+)?(?:head|chief|boss)\s+of\s+([^,.;:()\n]{1,60})")
ORG_CHIEF = "chief"
RECENT_SENTENCES = 2  # a person named this recently is not passed over by a later name
FORWARD_SENTENCES = 3  # a description opening a paragraph may be named up to this many sentences later


@dataclass(frozen=True)
class Descriptor:
    """One thing the article says of a person: a noun or an age, where, and nearby words."""

    noun: str | None
    age: int | None
    start: int
    words: frozenset[str]  # capitalized words written with it ("Serbian", "Vermont")
    sentence: int
    title_words: frozenset[str] = frozenset()  # the capitalized words of the title itself ("Gov.")
    owned: bool = False  # written after a possessive ("her daughter Esther"): someone's kin
    context: frozenset[str] = frozenset()  # lowercase words of the organisation a "chief" heads


@dataclass(frozen=True)
class Description:
    """A definite description in the text: span, head noun, age, capitalized modifiers."""

    start: int
    end: int
    noun: str | None
    age: int | None
    words: frozenset[str]
    sentence: int
    forward_only: bool = False  # a new description: only a person named after it may fit
    opens: bool = False  # the subject opening a paragraph
    possessive: bool = False  # "his wife": whose wife depends on "his"
    modifiers: frozenset[str] = frozenset()  # lowercase nouns before the head ("central bank")


def _title_nouns(title: str) -> set[str]:
    """The lowercase nouns a title gives its bearer ("Sen." -> senator; "House Speaker" -> speaker)."""
    nouns = set(data.title_noun_list(title))
    last = title.split()[-1].lower().rstrip(".") if title.split() else ""
    if last in data.person_nouns():
        nouns.add(last)
    return nouns


def _capitals(text: str) -> frozenset[str]:
    """The capitalized words of a stretch of text."""
    return frozenset(re.findall(r"\b[A-Z][\w.-]*", text))


def _words_before(doc: "Doc", start: int) -> frozenset[str]:
    """Capitalized words of the (up to 3) tokens before ``start``, back to punctuation ("Vermont Sen.")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    i, words = (span.start if span is not None else 0), []
    while i > 0 and len(words) < 3 and not doc[i - 1].is_punct:
        i -= 1
        words.append(doc[i].text)
    return _capitals(" ".join(words))


def _name_descriptors(doc: "Doc", text: str, m: Mention) -> Iterator[Descriptor]:
    """What the text says of a person at one of its name mentions."""
    before_words, n = _words_before(doc, m.start), m.sentence
    for noun in _title_nouns(m.role) if m.role and m.kind != "role" else ():
        yield Descriptor(noun, None, m.start, before_words | _capitals(m.role), n, _capitals(m.role.split()[-1]))
    age = _AGE_AFTER.match(text, m.end)
    if age is not None:
        yield Descriptor(None, int(age.group(1)), m.start, frozenset(), n)
    after = age.end() - 1 if age is not None else m.end  # "Kiyingi, 51, a Sydney cardiologist"
    head = _ORG_HEAD.match(text, after)
    if head is not None:
        yield Descriptor(ORG_CHIEF, None, m.start, _capitals(head.group(1)), n, context=_lower_words(head.group(1)))
    noun = data.person_appositive(text, after)
    if noun is not None:
        appositive = re.match(r"[^.;:()\n]*?" + re.escape(noun), text[after:after + 80])
        yield Descriptor(noun, None, m.start, _capitals(appositive.group(0) if appositive else ""), n)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    before = doc[span.start - 1] if span is not None and span.start > 0 else None
    if before is None:
        return
    if before.is_lower and before.lower_ in data.person_nouns() and before.dep_ == "compound" \
            and span.start <= before.head.i < span.end:  # "manager Mark Hughes", "wife Ivana"
        owned = before.i > 0 and doc[before.i - 1].tag_ in ("PRP$", "POS")  # "her daughter Esther"
        words = _words_before(doc, before.idx)
        yield Descriptor(before.lower_, None, before.idx, words, n, owned=owned,
                         context=_org_context(text, words) if before.lower_ == ORG_CHIEF else frozenset())
    elif (age_before := AGE_WORD.match(_hyphen_word(doc, before.i)[0])) is not None:  # "29-year-old X"
        yield Descriptor(None, int(age_before.group(1)), m.start, frozenset(), n)


def _lower_words(text: str) -> frozenset[str]:
    """The words of a stretch of text, lowercased."""
    return frozenset(w.lower() for w in re.findall(r"[\w'’]+", text))


def _org_context(text: str, words: frozenset[str]) -> frozenset[str]:
    """What the article says an organisation is ("Bundesbank chief X" and "the Bundesbank,
    Germany's central bank,"): its name's words and those of its appositives, lowercased."""
    found = set(_lower_words(" ".join(words)))
    for word in words:
        for m in re.finditer(r"\b" + re.escape(word) + r",\s+(?:the\s+)?([^,.;:()\n]{1,50})", text):
            found |= _lower_words(m.group(1))
    return frozenset(found)


def _same_noun(noun: str | None, said: str | None) -> bool:
    """Whether a description's noun is the descriptor's ("the colonel" after "lieutenant-colonel")."""
    return noun is not None and said is not None and (noun == said or said.endswith("-" + noun))


def _hyphen_word(doc: "Doc", last: int) -> tuple[str, int]:
    """The hyphenated word ending at token ``last`` ("29-year-old") and its first token."""
    first = last
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
            and not doc[first - 2].whitespace_:
        first -= 2
    return doc[first:last + 1].text, first


def _surname(name: str) -> str | None:
    """The last word of a name of two or more capitalized words ("Axel Weber" -> "Weber")."""
    words = name.split()
    return words[-1] if len(words) >= 2 and all(w[:1].isupper() for w in words) else None


def person_clusters(clusters: list["Cluster"]) -> list["Cluster"]:
    """The person clusters, and those of another type named in full with a person's surname
    ("Maple Grove, 44," typed GPE, and "Grove" a PERSON): spaCy's type is wrong there."""
    persons = [c for c in clusters if c.label == "PERSON"]
    surnames = {w for c in persons for m in c.mentions if m.kind != "role" for w in m.name.split()[-1:]}
    return persons + [c for c in clusters if c.label != "PERSON" and _named_as_person(c, surnames)]


def _named_as_person(cluster: "Cluster", surnames: set[str]) -> bool:
    """Whether a cluster's full name ends with a person's surname, or with its own surname
    mention typed PERSON ("Brooklyn Marsh" ORG ... "Marsh" PERSON)."""
    own = {m.name for m in cluster.mentions if m.label == "PERSON" and len(m.name.split()) == 1}
    return any(m.kind in ("name", "string") and _surname(m.name) in surnames | own for m in cluster.mentions)


def descriptors(doc: "Doc", people: list["Cluster"]) -> dict[int, list[Descriptor]]:
    """Person cluster id -> what the article says of that person (``people``: the
    ``person_clusters``; see the module docstring)."""
    text = doc.text
    found: dict[int, list[Descriptor]] = {}
    for c in people:
        found[id(c)] = [d for m in c.mentions if m.kind in ("name", "string") for d in _name_descriptors(doc, text, m)]
    return found


def _determiner(head: "Token") -> "Token | None":
    """The definite or possessive determiner opening the head's phrase, if any."""
    first = head.doc[head.left_edge.i]
    if first.lower_ in _DEFINITE | _INDEFINITE and first.dep_ == "det":
        return first
    if first.lower_ in _POSSESSIVE and first.dep_ == "poss":
        return first
    return None


def _description_at(doc: "Doc", text: str, tok: "Token", starts: list[int]) -> Description | None:
    """The description whose head (or age word) is ``tok``, or None."""
    word, first = _hyphen_word(doc, tok.i)
    age = AGE_WORD.match(word)
    # a lowercase head tagged NNP is a mis-tag ("the former lieutenant-colonel")
    if not tok.is_lower or (tok.tag_ not in ("NN", "NNP") and not age) or (age is None and tok.lower_ not in data.person_nouns()):
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or (nxt.pos_ == "NOUN" and nxt.is_lower) or nxt.text == "-"):
        return None  # a name follows ("the senator Bernie Sanders"), or the phrase goes on
    if tok.dep_ in ("attr", "oprd", "compound") or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "X is now the acting secretary", "the secretary of the Army": says something new
        # (a head parsed as a compound belongs to a longer phrase: "the only candidate running")
    det = _determiner(tok) or (_determiner(doc[first]) if first != tok.i else None)
    if det is None or (det.lower_ in _POSSESSIVE and age is None and tok.lower_ not in data.kin_nouns()):
        return None
    # "the lawmaker who unleashed ...", "A New York judge": a new description, of someone
    # named later if anyone (only a paragraph's opening subject is looked up forward)
    forward = det.lower_ in _INDEFINITE or any(c.dep_ in ("relcl", "acl", "appos") for c in tok.children)
    opens = _opens_paragraph(text, det, tok)
    if forward and not opens:
        return None
    if det.lower_ in _POSSESSIVE and age is not None:
        return None
    phrase = doc[det.i:tok.i + 1]
    if any(t.dep_ == "poss" and t.i not in (det.i, tok.i) for t in phrase) or any(t.ent_type_ == "PERSON" for t in phrase):
        return None  # "the company's spokesman", "the Smith lawyer": someone else's
    ages = [int(a.group(1)) for t in phrase if (a := re.match(r"^(\d{1,3})$", t.text))
            and t.i + 2 < len(doc) and doc[t.i + 2].lower_ == "year"]
    words = frozenset(t.text for t in phrase[1:] if t.text[:1].isupper())
    modifiers = frozenset(t.lower_ for t in doc[det.i + 1:first] if t.pos_ == "NOUN" and t.is_lower)
    noun = word.lower() if "-" in word else tok.lower_
    noun = noun[3:] if noun.startswith("ex-") else noun  # "her ex-husband" is the husband named before
    return Description(phrase.start_char, phrase.end_char, None if age else noun, ages[0] if ages else None,
                       words, sentence_of(starts, phrase.start_char), forward, opens,
                       det.lower_ in _POSSESSIVE, modifiers)


def _opens_paragraph(text: str, det: "Token", head: "Token") -> bool:
    """Whether the phrase is the subject opening a paragraph ("The lawmaker who ... said")."""
    j = det.idx  # step back over spaces and tabs (no copy of the text before the phrase)
    while j and text[j - 1] in " \t":
        j -= 1
    return head.dep_ in ("nsubj", "nsubjpass") and (j == 0 or text[j - 1] == "\n")


def descriptions(doc: "Doc") -> list[Description]:
    """The definite descriptions of people in the text (see the module docstring)."""
    starts, text = sentence_starts(doc), doc.text  # spaCy rebuilds doc.text on every access
    found = (_description_at(doc, text, tok, starts) for tok in doc if tok.is_alpha or "-" in tok.text)
    return [d for d in found if d is not None]


def _fits(description: Description, described: list[Descriptor], kinds: dict[str, str]) -> bool:
    """Whether a person's earlier descriptors hold the description's noun and age."""
    before = [d for d in described if d.start < description.start]
    if description.age is not None and any(d.age not in (None, description.age) for d in before):
        return False  # "Kiyingi, 51," is not "the 29-year-old"
    if description.noun is None:
        return any(d.age == description.age for d in before)
    return any(_same_noun(description.noun, d.noun) and _agrees(description, d, kinds)
               and not (d.owned and description.possessive) for d in before)


def _agrees(description: Description, descriptor: Descriptor, kinds: dict[str, str]) -> bool:
    """No capitalized modifier of the description clashes with a word of the same kind (a
    place, a party or nationality) the descriptor has: "the Ohio governor" is not "New York
    Gov. George Pataki", "The Democratic nominee" not "Republican nominee Donald Trump"; "the
    Vermont senator" may be "Sen. X", and "The US lawmaker" "Democratic Representative X"."""
    if description.noun == ORG_CHIEF and not all(any(w.endswith(m) for w in descriptor.context)
                                                 for m in description.modifiers):
        return False  # "the police chief" is not "Bundesbank chief X"; "the central bank chief" may be
            # ("Bundesbank" ends with "bank")
    missing = description.words - descriptor.words
    own = descriptor.words - descriptor.title_words
    return not any(kinds.get(a) is not None and kinds.get(a) == kinds.get(b) for a in missing for b in own)


def _named_after(person: "Cluster", described: list[Descriptor], description: Description,
                 kinds: dict[str, str]) -> bool:
    """Whether a paragraph's opening description is of a person first named, and described with
    its noun, within the next ``FORWARD_SENTENCES`` sentences ("The US lawmaker who ... said
    Sunday ... said Democratic Representative John Murtha")."""
    named = [m for m in person.mentions if m.kind != "role"]
    if not description.opens or not named or min(m.start for m in named) < description.end:
        return False
    return any(_same_noun(description.noun, d.noun) and 0 <= d.sentence - description.sentence <= FORWARD_SENTENCES
               and _agrees(description, d, kinds) for d in described)


def _carries(description: Description, described: list[Descriptor]) -> bool:
    """Whether the description's capitalized modifiers are written near one of its descriptors."""
    return any(description.words <= d.words for d in described if _same_noun(description.noun, d.noun))


def _clause_verb(doc: "Doc", char: int) -> int | None:
    """The index of the verb governing the token at ``char`` (None outside any clause)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    tok = span[0] if span is not None and len(span) else None
    while tok is not None and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head if tok.head.i != tok.i else None
    return tok.i if tok is not None else None


def named_in_clause(doc: "Doc", person: "Cluster", start: int, sentence: int) -> bool:
    """Whether the person is named before ``start`` under the same verb ("Sanders met the
    senator": another senator)."""
    verb = _clause_verb(doc, start)
    return any(m.kind != "role" and m.sentence == sentence and m.start < start
               and _clause_verb(doc, m.start) == verb for m in person.mentions)


def _passed_over(person: "Cluster", people, description: Description) -> bool:
    """Whether another person was named since the person was last named, which was more than
    ``RECENT_SENTENCES`` sentences before ("... Ferrera ... 'Orange' star Selenis Leyva opened
    up. The actress explained": not Ferrera)."""
    last = max((m.start for m in person.mentions if m.kind != "role" and m.start < description.start), default=None)
    if last is None:  # named only after it (a paragraph's opening description)
        return False
    sentence = max(m.sentence for m in person.mentions if m.start == last)
    if description.sentence - sentence <= RECENT_SENTENCES:
        return False
    return any(m.kind != "role" and last < m.start < description.start
               for other in people if other is not person for m in other.mentions)


def described_person_mentions(doc: "Doc", clusters: list["Cluster"]) -> None:
    """Add each description of one person described the same way before as that person's
    mention (in place; see the module docstring)."""
    persons = person_clusters(clusters)
    people = {id(c): c for c in persons}
    said = descriptors(doc, persons)
    text = doc.text
    kinds = {t.text: e.label_ for e in doc.ents if e.label_ in _KINDS for t in e}
    for description in descriptions(doc):
        if any(m.start < description.end and description.start < m.end for c in people.values() for m in c.mentions):
            continue  # already a person's mention ("the Serbian defender" after the name)
        fit = [] if description.forward_only else [people[k] for k, d in said.items() if _fits(description, d, kinds)]
        if not fit and description.noun is not None:
            fit = [c for c in people.values() if _named_after(c, said[id(c)], description, kinds)]
        if len(fit) > 1 and description.words:
            fit = [c for c in fit if _carries(description, said[id(c)])]
        if len(fit) != 1 or named_in_clause(doc, fit[0], description.start, description.sentence) \
                or _passed_over(fit[0], people.values(), description):
            continue
        phrase = text[description.start:description.end]
        fit[0].mentions.append(Mention(description.start, description.end, phrase, "PERSON",
                                       description.sentence, role=phrase, kind="role"))
