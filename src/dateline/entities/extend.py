"""Mentions spaCy missed: known names found again in the text, and role descriptions.

* A name already known for an entity ("The Intercept", a person's surname) that occurs
  elsewhere at word boundaries, outside other mentions and not glued to a longer
  capitalized name, is one more mention of that entity.
* "the <ORG> <role noun>" ("the PTI chief") describes a person: the person named right
  after it; else the most mentioned person named within a few words of that organization
  elsewhere; else the one person named in the previous sentence; else the only person
  of the article, if named at most three sentences before.  A person named in the same sentence is never chosen (as with
  pronouns, that is someone else), and no person comes from a word list.
* "the <title>" ("the Prime Minister") is the one person of the article who bears that
  title, when exactly one does.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from . import data
from .describe import named_in_clause
from .kinds import only_quoted_before, role_holder
from .merge import Cluster
from .mentions import Mention, sentence_of, sentence_starts, _title_before

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token


class Taken:
    """Character ranges already used, with a fast overlap test (articles may be long)."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._ranges: list[tuple[int, int]] = sorted(ranges)
        self._longest = max((e - s for s, e in self._ranges), default=0)

    def add(self, start: int, end: int) -> None:
        """Mark ``start``..``end`` as used."""
        bisect.insort(self._ranges, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start``..``end`` shares a character with a used range."""
        lo = bisect.bisect_left(self._ranges, (start - self._longest, -1))
        hi = bisect.bisect_left(self._ranges, (end, -1))
        return any(s < end and start < e for s, e in self._ranges[lo:hi])


def _search_forms(cluster: Cluster, surnames: dict[str, int]) -> set[str]:
    """Written forms of a cluster's names worth finding again."""
    forms = {m.name for m in cluster.mentions if m.kind in ("name", "string")}
    forms.add(cluster.base_name())
    if cluster.label == "PERSON":
        last = cluster.base_name().split()[-1]
        if surnames.get(last, 0) == 1:
            forms.add(last)
    forms |= _party_short_forms(cluster)
    return {f for f in forms if len(f) >= 2 and f[0].isupper()}


def _party_short_forms(cluster: Cluster) -> set[str]:
    """A party's word written alone ("Bloc" of "Bloc Quebecois": "the Bloc said"), when it is
    capitalized in the name and not its last word ("Liberal Party" is not "the Party")."""
    words = cluster.base_name().split()
    if cluster.label != "ORG" or len(words) < 2:
        return set()
    word = data.party_word(cluster.base_name())
    return {w for w in words[:-1] if w.casefold() == word and w[:1].isupper()}


def _glued(doc: "Doc", text: str, start: int, end: int) -> bool:
    """Whether the match is part of a longer capitalized name ("Khan Academy")."""
    span = doc.char_span(start, end)
    if span is None:
        return True  # not on token bounds: inside a word
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.is_alpha and not after.is_sent_start:
        return True
    if before is not None and before.text[:1].isupper() and before.is_alpha and not span[0].is_sent_start:
        return before.text != "The" and _title_before(text, start) is None
    return False


def widen_partial_mentions(text: str, clusters: list[Cluster]) -> None:
    """Widen a mention to the full name written around it ("Imran [Khan]'s" -> "[Imran Khan]'s"),
    since the tagger sometimes marks only part of a known name."""
    for cluster in clusters:
        forms = {m.name for m in cluster.mentions if len(m.name.split()) > 1}
        for i, m in enumerate(cluster.mentions):
            for form in sorted(forms, key=len, reverse=True):
                head = form[:len(form) - len(m.name)]
                if head.endswith(" ") and form.endswith(m.name) and text[max(m.start - len(head), 0):m.start] == head:
                    if m.start - len(head) == 0 or not text[m.start - len(head) - 1].isalnum():
                        cluster.mentions[i] = replace(m, start=m.start - len(head), name=form)
                        break


def widen_into_longer_names(text: str, clusters: list[Cluster]) -> None:
    """Move a mention whose words end a longer name of another entity, written in full
    around it, to that entity ("Paris-based Reporters [Sans Frontieres]" tagged PERSON while
    "Reporters Sans Frontieres" is an ORG elsewhere); an entity left empty goes."""
    forms = sorted({(m.name, id(c)) for c in clusters for m in c.mentions if m.kind == "name"
                    and len(m.name.split()) > 1}, key=lambda f: -len(f[0]))
    by_id = {id(c): c for c in clusters}
    for cluster in clusters:
        for m in list(cluster.mentions):
            for form, owner in forms:
                head = form[:len(form) - len(m.name)]
                if (owner == id(cluster) or not head.endswith(" ") or not form.endswith(m.name)
                        or text[max(m.start - len(head), 0):m.start] != head):
                    continue
                if m.start - len(head) > 0 and text[m.start - len(head) - 1].isalnum():
                    continue
                host = by_id[owner]
                cluster.mentions.remove(m)
                host.mentions.append(replace(m, start=m.start - len(head), name=form, label=host.label))
                break
    clusters[:] = [c for c in clusters if c.mentions]


def _forms_by_prefix(clusters: list[Cluster]) -> dict[str, list[tuple[str, Cluster]]]:
    """Known names by their first two characters, longest first; a name two entities
    share is left out (which one it means is unknown)."""
    surnames: dict[str, int] = {}
    for c in clusters:
        if c.label == "PERSON":
            last = c.base_name().split()[-1]
            surnames[last] = surnames.get(last, 0) + 1
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        for form in _search_forms(cluster, surnames):
            owners.setdefault(form, []).append(cluster)
    table: dict[str, list[tuple[str, Cluster]]] = {}
    for form, found in owners.items():
        if len(found) == 1:
            table.setdefault(form[:2], []).append((form, found[0]))
    for forms in table.values():
        forms.sort(key=lambda pair: -len(pair[0]))
    return table


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as a whole name (not inside a word or a hyphenation)."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_.'’-"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return False
    return not (text[end:end + 1] == "-" and text[end + 1:end + 2].isalnum())


def string_mentions(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """Add each known name's other occurrences to its cluster (in place): one pass over the
    tokens, trying the names that start like each token."""
    text, starts = doc.text, sentence_starts(doc)
    table = _forms_by_prefix(clusters)
    for token in doc:
        start = token.idx
        for form, cluster in table.get(text[start:start + 2], ()):
            end = start + len(form)
            if not text.startswith(form, start) or not _bounded(text, start, end):
                continue
            if taken.overlaps(start, end) or _glued(doc, text, start, end):
                break  # a longer name here was refused: shorter ones inside it are too
            has_the = cluster.has_the and text[max(start - 4, 0):start] == "The "
            begin = start - 4 if has_the else start
            cluster.mentions.append(Mention(begin, end, form, cluster.label, sentence_of(starts, start),
                                            has_the=has_the, kind="string"))
            taken.add(begin, end)
            break


def first_name_mentions(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """A person's first name written alone as the subject of a verb ("Meles Zenawi ...
    Meles said": Ethiopian, Icelandic usage, or a first-name reference) joins the person (in
    place), when it is the first word of exactly one person's name of several words, a word
    of no other name of the article, and no known place or nationality."""
    text, starts = doc.text, sentence_starts(doc)
    owners: dict[str, list[Cluster]] = {}
    for c in clusters:
        for i, word in enumerate(c.base_name().split()):
            owners.setdefault(word, []).append(c if i == 0 and c.label == "PERSON" else None)
    forms: dict[str, Cluster] = {}
    for c in clusters:
        words = c.base_name().split()
        if c.label != "PERSON" or len(words) < 2:
            continue
        first = words[0]
        if (len(first) < 2 or not first.isalpha() or not first[0].isupper() or first.isupper()
                or len(owners.get(first, [])) != 1 or data.canonical_alias(first)
                or first.casefold() in data.demonyms() or first in data.demonyms().values()):
            continue
        forms[first] = c
    if not forms:
        return
    for token in doc:
        cluster = forms.get(token.text)
        start, end = token.idx, token.idx + len(token.text)
        if cluster is None or token.dep_ not in ("nsubj", "nsubjpass") or token.head.pos_ not in ("VERB", "AUX"):
            continue
        if not _bounded(text, start, end) or taken.overlaps(start, end) or _glued(doc, text, start, end):
            continue
        cluster.mentions.append(Mention(start, end, token.text, "PERSON", sentence_of(starts, start), kind="string"))
        taken.add(start, end)


# A wire dateline at the start of a line: "KYIV, Ukraine (AP) —", "WASHINGTON ―".
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})(?=,| \(| [—―–-])", re.M)


def in_wire_dateline(text: str, start: int) -> bool:
    """Whether the character at ``start`` lies in the capitalized wire dateline opening its
    line ("WASHINGTON" in "WASHINGTON (AP) — Donald Trump ...")."""
    found = _DATELINE.match(text, text.rfind("\n", 0, start) + 1)
    return found is not None and found.start(1) <= start < found.end(1)


def dateline_mentions(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """A capitalized wire dateline at a line start ("KYIV, Ukraine (AP) —") names a place: it
    joins the entity of that name (typed GPE if spaCy took a one-word name for a person), or,
    when followed by a region or an agency ("KYIV, Ukraine", "BEIRUT (Reuters)"), starts one."""
    text, starts = doc.text, sentence_starts(doc)
    for m in _DATELINE.finditer(text):
        start, end = m.span(1)
        if taken.overlaps(start, end):
            _retype_tagged_dateline(clusters, start, end)
            continue
        name = _as_written(m.group(1))
        mention = Mention(start, end, name, "GPE", sentence_of(starts, start), kind="string")
        cluster = _place_named(clusters, data.name_key(name))
        if cluster is not None:
            if cluster.label != "GPE" and cluster.label != "LOC":
                cluster.mentions[:] = [replace(x, label="GPE") for x in cluster.mentions]
            cluster.mentions.append(replace(mention, label=cluster.label))
        elif re.match(r",\s+[A-Z]|\s+\(", text[end:end + 3]):
            clusters.append(Cluster(mentions=[mention]))
        else:
            continue
        taken.add(start, end)


def _as_written(name: str) -> str:
    """A dateline in capitals as usually written ("NEW YORK" -> "New York")."""
    return " ".join(w.capitalize() for w in name.split())


def _retype_tagged_dateline(clusters: list[Cluster], start: int, end: int) -> None:
    """A one-word dateline spaCy tagged as something else ("BEIRUT" ORG) is a place; a
    dateline in capitals is named as usually written ("WASHINGTON" -> "Washington")."""
    for c in clusters:
        for i, m in enumerate(c.mentions):
            if m.start == start and m.end == end and m.name.isupper() and len(m.name) >= 4:
                c.mentions[i] = replace(m, name=_as_written(m.name))
        if c.label in ("GPE", "LOC") or any(m.role for m in c.mentions):
            continue
        if any(m.start == start and m.end == end and " " not in m.name for m in c.mentions):
            c.mentions[:] = [replace(x, label="GPE") for x in c.mentions]


def _place_named(clusters: list[Cluster], key: str) -> Cluster | None:
    """The entity a dateline names: a place of that name, or a one-word name spaCy typed as a
    person, product or work without any title (a rare city: "Kyiv" PERSON)."""
    for c in clusters:
        if data.name_key(c.base_name()) != key:
            continue
        if c.label in ("GPE", "LOC"):
            return c
        if c.label in ("PERSON", "PRODUCT", "WORK_OF_ART") and " " not in key and not any(m.role for m in c.mentions):
            return c
    return None


def _role_noun_end(doc: "Doc", i: int) -> int | None:
    """Index after the role noun that follows token ``i`` ("chief"; "party chief"), or None."""
    for j in (i, i + 1):
        if j >= len(doc):
            return None
        token = doc[j]
        if token.lower_ in data.role_nouns():
            return j + 1
        if not (token.is_lower and token.pos_ in ("NOUN", "ADJ")):
            return None
    return None


def _person_at(clusters: list[Cluster], char: int) -> Cluster | None:
    for c in clusters:
        if c.label == "PERSON" and any(m.start == char and m.kind != "role" for m in c.mentions):
            return c
    return None


def _named_after(doc: "Doc", end_token: int, clusters: list[Cluster]) -> Cluster | None:
    """The person named right after a role phrase ("the PTI chief Imran Khan", "..., Imran Khan")."""
    j = end_token
    if j < len(doc) and doc[j].text == ",":
        j += 1
    return _person_at(clusters, doc[j].idx) if j < len(doc) else None


def _described_with(doc: "Doc", org: Cluster, clusters: list[Cluster], skip: Mention) -> Cluster | None:
    """The most mentioned person named right beside the organization elsewhere
    ("PTI chairman Imran Khan", "Imran Khan, the PTI's leader"): within a few words."""
    best: Cluster | None = None
    for c in clusters:
        if c.label != "PERSON":
            continue
        near = any(m.kind != "role" and o is not skip and m.sentence == o.sentence
                   and _gap(m, o) <= _NEAR_CHARS for m in c.mentions for o in org.mentions)
        if near and (best is None or len(c.mentions) > len(best.mentions)):
            best = c
    return best


_NEAR_CHARS = 16  # "X, the PTI's leader": a comma, an article and a role word apart


def _gap(a: Mention, b: Mention) -> int:
    return max(a.start, b.start) - min(a.end, b.end)


def _recent_person(clusters: list[Cluster], sentence: int) -> Cluster | None:
    """The one person named in the previous sentence, when no person is named in this one
    (a description and a name in one sentence are, as with pronouns, usually different
    people: "The FBI director chastised Clinton")."""
    window: list[Cluster] = []
    for c in clusters:
        if c.label != "PERSON":
            continue
        named = [m for m in c.mentions if m.kind != "role"]
        if any(m.sentence == sentence for m in named):
            return None
        if any(m.sentence == sentence - 1 for m in named):
            window.append(c)
    return window[0] if len(window) == 1 else None


def _role_target(doc: "Doc", org: Cluster, mention: Mention, end_token: int,
                 clusters: list[Cluster]) -> Cluster | None:
    """The person a "the <ORG> <role>" phrase describes (see the module docstring)."""
    named = _named_after(doc, end_token, clusters)
    if named is not None:
        return named
    holder = role_holder(doc, clusters, org.base_name(), doc[end_token - 1].lower_, mention.start)
    if holder is not None:
        return holder
    # A person named elsewhere in the same sentence is someone else ("The FBI director
    # chastised Clinton"), as with pronouns.
    here = {id(c) for c in clusters for m in c.mentions if m.sentence == mention.sentence and m.kind != "role"}
    candidates = [c for c in clusters if id(c) not in here]
    people = [c for c in candidates if c.label == "PERSON"]
    if not people:
        return None
    found = _described_with(doc, org, candidates, mention)
    if found is None:
        found = _recent_person(clusters, mention.sentence)
        if found is not None and only_quoted_before(doc.text, found, mention.sentence, mention.start):
            found = None  # named only inside the quote before it: not the role's holder
    if found is None and len([c for c in clusters if c.label == "PERSON"]) == 1 and _near(people[0], mention, 3):
        found = people[0]  # the article's only person, named at most 3 sentences before
    return found


def _near(person: Cluster, mention: Mention, sentences: int) -> bool:
    """Whether the person is named (not described) within ``sentences`` sentences before the mention."""
    return any(m.kind != "role" and 0 <= mention.sentence - m.sentence <= sentences for m in person.mentions)


def org_role_mentions(doc: "Doc", clusters: list[Cluster]) -> None:
    """Link "the <ORG> <role noun>" descriptions to a person (in place); then the possessive
    ones (see ``possessive_role_mentions``)."""
    text = doc.text
    for org in [c for c in clusters if c.label == "ORG"]:
        for mention in list(org.mentions):
            span = doc.char_span(mention.start, mention.end)
            if span is None or span.start == 0 or doc[span.start - 1].lower_ != "the":
                continue
            end_token = _role_noun_end(doc, span.end)
            if end_token is None:
                continue
            person = _role_target(doc, org, mention, end_token, clusters)
            if person is None:
                continue
            start, end = doc[span.start - 1].idx, doc[end_token - 1].idx + len(doc[end_token - 1].text)
            phrase = text[start:end]
            person.mentions.append(Mention(start, end, phrase, "PERSON", mention.sentence,
                                           role=phrase[4:], kind="role"))
    possessive_role_mentions(doc, clusters)


def possessive_role_mentions(doc: "Doc", clusters: list[Cluster]) -> None:
    """"<ORG>'s [Words] <role noun>" is the person named right after it, or, with the same
    capitalized words, the one person such a phrase names elsewhere ("Blackburn's South
    African forward said" after "Blackburn's South African striker Benni McCarthy"). Without
    such words no person is guessed: "Apple's spokeswoman" is rarely its named chief."""
    text = doc.text
    phrases = []  # (org, middle words, mention, end token, person named after)
    for org in [c for c in clusters if c.label == "ORG"]:
        for mention in org.mentions:
            span = doc.char_span(mention.start, mention.end)
            found = _possessive_role_end(doc, span.end) if span is not None else None
            if found is not None:
                middle, end_token = found
                phrases.append((org, middle, mention, end_token, _named_after(doc, end_token, clusters)))
    for org, middle, mention, end_token, person in phrases:
        if person is None and middle:
            named = {id(p): p for o, mid, _, _, p in phrases if o is org and mid == middle and p is not None}
            person = next(iter(named.values())) if len(named) == 1 else None
        if person is None:
            continue
        end = doc[end_token - 1].idx + len(doc[end_token - 1].text)
        phrase = text[mention.start:end]
        person.mentions.append(Mention(mention.start, end, phrase, "PERSON", mention.sentence,
                                       role=phrase, kind="role"))


def _possessive_role_end(doc: "Doc", j: int) -> tuple[tuple[str, ...], int] | None:
    """The capitalized words and the index after "'s [up to two capitalized words] <role or
    person noun>" starting at token ``j`` ("Blackburn['s South African forward]"), when the
    noun ends the noun phrase."""
    if j >= len(doc) or doc[j].text not in ("'s", "’s"):
        return None
    j += 1
    middle = []
    for _ in range(2):
        if j < len(doc) and doc[j].is_title and doc[j].is_alpha and doc[j].lower_ not in data.person_nouns():
            middle.append(doc[j].text)
            j += 1
    if j >= len(doc) or not (doc[j].lower_ in data.role_nouns() or doc[j].lower_ in data.person_nouns()):
        return None
    if j + 1 < len(doc) and doc[j + 1].is_lower and doc[j + 1].pos_ == "NOUN":
        return None  # "Apple's chief executive": the phrase goes on
    return tuple(middle), j + 1


_AGE = re.compile(r",\s*\d{1,3},")


def appositive_mentions(doc: "Doc", clusters: list[Cluster]) -> None:
    """"<person>, the Serbian defender," (or "<person>, 51, a Sydney cardiologist,"): the
    appositive is a mention of that person (in place)."""
    text = doc.text
    for cluster in [c for c in clusters if c.label == "PERSON"]:
        for m in [x for x in cluster.mentions if x.kind in ("name", "string")]:
            age = _AGE.match(text, m.end)  # "Aggrey Kiyingi, 51, a Sydney cardiologist"
            after = age.end() - 1 if age else m.end
            noun = data.person_appositive(text, after)
            found = re.match(r",\s+", text[after:after + 4]) if noun else None
            if found is None:
                continue
            start = after + found.end()
            # the noun as written: a whole word, in any case ("a former Lieutenant-Colonel")
            hit = re.compile(r"\b" + re.escape(noun) + r"\b", re.I).search(text, start, start + 80)
            if hit is None:
                continue
            end = hit.end()
            if any(x.start == start for x in cluster.mentions):
                continue
            cluster.mentions.append(Mention(start, end, text[start:end], "PERSON", m.sentence,
                                            role=text[start:end], kind="role"))


_LEADING_DESCRIPTION = re.compile(r"(?:The|A|An) ([^,.;:()\n\"“”]{1,90}), $")


def leading_description_mentions(doc: "Doc", clusters: list[Cluster]) -> None:
    """"The prosecutor who secured the conviction, Robert Martin, said": a description that
    opens a sentence, then a person's name between commas, is a mention of that person (in
    place); a person noun (data/person_nouns.txt) must be among its first four words."""
    text = doc.text
    starts = sentence_starts(doc)
    for cluster in [c for c in clusters if c.label == "PERSON"]:
        for m in [x for x in cluster.mentions if x.kind in ("name", "string")]:
            if not text.startswith(",", m.end):
                continue
            begin = starts[sentence_of(starts, m.start)]
            found = _LEADING_DESCRIPTION.fullmatch(text, begin, m.start)
            words = found.group(1).split()[:4] if found else []
            if not any(w in data.person_nouns() for w in words) or any(w.endswith(("'s", "’s")) for w in words):
                continue
            end = m.start - 2
            if not any(x.start == begin for x in cluster.mentions):
                cluster.mentions.append(Mention(begin, end, text[begin:end], "PERSON", m.sentence,
                                                role=text[begin:end], kind="role"))


def title_role_mentions(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """Link "the <title>" to the one person of the article who bears that title (in place)."""
    holders: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.label == "PERSON":
            for title in {m.role for m in c.mentions if m.role and m.kind != "role"}:
                holders.setdefault(title, []).append(c)
    starts, text = sentence_starts(doc), doc.text
    for title, people in holders.items():
        if len(people) != 1:
            continue
        # capitalized as in the person's title ("the president" is often someone else),
        # and not followed by a name ("the Prime Minister Imran Khan")
        pattern = r"\b[Tt]he (" + re.escape(title) + r")\b(?!\s+[A-Z])"
        for m in re.finditer(pattern, text):
            if taken.overlaps(m.start(), m.end()) or _modifies_noun(doc, text, m.end()):
                continue
            people[0].mentions.append(Mention(m.start(), m.end(), m.group(0), "PERSON",
                                              sentence_of(starts, m.start()), role=m.group(1), kind="role"))
            taken.add(m.start(), m.end())
    _title_noun_mentions(doc, clusters, holders, taken)


def _title_noun_mentions(doc: "Doc", clusters: list[Cluster], holders: dict[str, list[Cluster]],
                         taken: Taken) -> None:
    """"the senator" for the one person of the article titled "Sen." or "Senator" before it
    (in place; data/title_nouns.tsv); not when another person is named before it in its
    sentence ("Warren met the senator"), nor that person under the same verb."""
    bearers: dict[str, set[int]] = {}
    people: dict[int, Cluster] = {}
    for title, titled in holders.items():
        noun = data.title_nouns().get(title)
        for c in titled if noun else ():
            bearers.setdefault(noun, set()).add(id(c))
            people[id(c)] = c
    starts, text = sentence_starts(doc), doc.text
    for noun, ids in bearers.items():
        if len(ids) != 1:
            continue
        person = people[next(iter(ids))]
        for m in re.finditer(r"\b[Tt]he (" + re.escape(noun) + r")\b(?!\s+[A-Z])", text):
            if taken.overlaps(m.start(), m.end()) or _modifies_noun(doc, text, m.end()):
                continue
            here = sentence_of(starts, m.start())
            if any(x.start <= m.start() and x.sentence == here and x.kind != "role"
                   for c in clusters if c is not person and c.label == "PERSON" for x in c.mentions):
                continue
            if not any(x.role and x.start < m.start() for x in person.mentions) or \
                    named_in_clause(doc, person, m.start(), here):
                continue  # titled only later, or named under the same verb ("Quill thanked the senator")
            person.mentions.append(Mention(m.start(), m.end(), m.group(0), "PERSON",
                                           sentence_of(starts, m.start()), role=m.group(1), kind="role"))
            taken.add(m.start(), m.end())


def _modifies_noun(doc: "Doc", text: str, end: int) -> bool:
    """Whether the words end right before a noun they modify ("the Prime Minister position")."""
    rest = text[end:end + 40]
    if not rest.startswith(" "):
        return False
    span = doc.char_span(end + 1, end + 1 + len(rest[1:].split(" ")[0]), alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ in ("NOUN", "PROPN") and span[0].is_alpha


def taken_spans(doc: "Doc", clusters: Iterable[Cluster]) -> Taken:
    """Character ranges already used by an entity of any type (names, dates, numbers); a
    one-word "date" or "number" without a digit is left free, as the small model gives
    such types to surnames ("Murtha lobbed ..." DATE)."""
    from .mentions import NAME_TYPES

    ranges = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NAME_TYPES or not _wordlike(e)]
    ranges.extend((m.start, m.end) for c in clusters for m in c.mentions)
    return Taken(ranges)


def _wordlike(ent) -> bool:
    """One capitalized word without digits that no time word list knows (a name the tagger
    typed as a date or number: "Murtha"; "May" and "Monday" stay dates)."""
    from ..time.lexicon import load_lexicon

    if not (len(ent) == 1 and ent[0].is_alpha and ent[0].is_title):
        return False
    word = ent[0].lower_
    return not any(word in surfaces or word + "." in surfaces for surfaces in load_lexicon().classes.values())


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,11})\)")


def bracketed_aliases(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """An acronym in brackets right after a name ("the World Health Organization (WHO)",
    "North Korea (DPRK)") is another name of it (in place): a separate entity of that name
    joins it, else the acronym becomes one of its mentions (so its later uses are found)."""
    starts, text = sentence_starts(doc), doc.text  # spaCy rebuilds doc.text on every access
    for cluster in [c for c in clusters if c.label != "PERSON"]:
        for m in list(cluster.mentions):
            found = _BRACKETED.match(text, m.end)
            if not found or not (_abbreviates(found.group(1), m.name) or _initials_of(found.group(1), m.name)):
                continue
            start, end = found.span(1)
            key = data.name_key(found.group(1))
            other = next((c for c in clusters if c is not cluster and any(x.key == key for x in c.mentions)), None)
            if other is not None:
                cluster.mentions.extend(replace(x, label=cluster.label) for x in other.mentions)
                cluster.canonical = cluster.canonical or other.canonical  # "DPRK" -> "North Korea"
                other.mentions.clear()
            elif not any(x.start == start for x in cluster.mentions):
                cluster.mentions.append(Mention(start, end, found.group(1), cluster.label,
                                                sentence_of(starts, start), kind="string"))
                taken.add(start, end)
    clusters[:] = [c for c in clusters if c.mentions]


def _initials_of(short: str, name: str) -> bool:
    """Whether ``short`` is in capitals, one letter per capitalized word of ``name`` and starts
    with its first letter: an acronym of the name in another language ("Federal Security
    Service (FSB)")."""
    words = [w for w in name.split() if w[:1].isupper()]
    return short.isalpha() and short.isupper() and len(short) == len(words) >= 2 and short[0] == words[0][0]


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short``'s letters are, in order, letters of ``name``, the first one first."""
    letters, words = short.replace(".", "").replace("&", "").casefold(), name.casefold()
    if len(letters) < 2 or not words or letters[0] != words[0]:
        return False
    pos = 0
    for ch in letters:
        pos = words.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def pattern_mentions(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """Organizations the tagger misses that their shape tells (in place): a company named by
    its web address ("GunBroker.com") and a broadcaster's call letters ("on WIBC radio"); a
    span already taken by a name is left alone, and one name found twice is one entity."""
    text, starts = doc.text, sentence_starts(doc)
    for start, end in sorted(data.web_names(text) + data.call_letters(text)):
        if taken.overlaps(start, end):
            _retype_as_org(clusters, start, end)
            continue
        _add_org(clusters, Mention(start, end, text[start:end], "ORG", sentence_of(starts, start), kind="name"))
        taken.add(start, end)


def outlet_mentions(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """News outlets and platforms the tagger missed ("told the Mail on Sunday", "on Facebook";
    see ``data.outlet_names``) become organizations (in place); a span any name already
    covers is left alone, a date inside ("Sunday") is not a name, and one outlet named twice
    is one entity."""
    text, starts = doc.text, sentence_starts(doc)
    names = Taken((m.start, m.end) for c in clusters for m in c.mentions)
    for start, end in data.outlet_names(text):
        pieces = _cut_pieces(doc, clusters, start, end, adjectives=False)  # not "the Christian-run X Daily"
        if pieces is None:
            continue
        if not pieces and (names.overlaps(start, end) or taken.overlaps(start, end) and not _only_times_inside(doc, start, end)):
            continue
        for cluster, piece in pieces:  # "Mail" of "the Mail on Sunday" is no name of its own
            cluster.mentions.remove(piece)
        _add_org(clusters, Mention(start, end, text[start:end], "ORG", sentence_of(starts, start), kind="name"))
        names.add(start, end)
        taken.add(start, end)
    clusters[:] = [c for c in clusters if c.mentions]


def outlets_not_persons(clusters: list[Cluster]) -> None:
    """A person-typed name that is a listed outlet's or platform's as a whole ("a report by
    Politico", spaCy: PERSON) is an organization (in place)."""
    for c in clusters:
        if c.label == "PERSON" and not any(m.role for m in c.mentions) and data.is_outlet_name(c.base_name()):
            c.mentions[:] = [replace(m, label="ORG") for m in c.mentions]


def _is_outlet(name: str) -> bool:
    """Whether a name of several words is a news outlet's ("Mail on Sunday", "The New York Times")."""
    written = name if name.startswith("The ") else "the " + name
    return " " in name and any(written[s:e] == name.removeprefix("The ") for s, e in data.outlet_names(written))


def outlet_short_names(clusters: list[Cluster]) -> list[Cluster]:
    """A one-word organization that is a head word of news outlets' names (the attribution
    layer's data/outlets.txt: "Mail", "Telegraph", "Post") and a word of exactly one outlet
    named in the article joins that outlet ("the Mail" after "the Mail on Sunday", "the
    Telegraph" after "the Sunday Telegraph"); with two such outlets ("the Sunday Times", "The
    New York Times") "the Times" joins neither, and "Yale" never joins "Yale Daily News"."""
    outlets = [c for c in clusters if c.label == "ORG" and _is_outlet(c.base_name())]
    heads = data.outlet_heads()
    merged: set[int] = set()
    for short in clusters:
        words = short.tokens()
        if len(words) != 1 or words[0] not in heads or short.label != "ORG" or short in outlets:
            continue
        hosts = [c for c in outlets if words[0] in c.tokens()]
        if len(hosts) == 1:
            hosts[0].mentions.extend(short.mentions)
            merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


def headed_org_mentions(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """Organisations the tagger missed that a head noun names ("The Islamic State said",
    "Britain's Parliament"; see ``data.headed_org_names``) become organizations (in place),
    taking over pieces of them the tagger cut out; a span that another name runs out of or a
    date or number overlaps is left alone."""
    text, starts = doc.text, sentence_starts(doc)
    for start, end in data.headed_org_names(text):
        # "the Republican Senate" is a description, "the Islamic State" a name
        adjectives = data.org_name_heads().get(text[start:end].split()[-1]) != "alone"
        pieces = _cut_pieces(doc, clusters, start, end, adjectives)
        if pieces is None or not pieces and taken.overlaps(start, end):
            continue
        for cluster, piece in pieces:
            cluster.mentions.remove(piece)
        _add_org(clusters, Mention(start, end, text[start:end], "ORG", sentence_of(starts, start), kind="name"))
        taken.add(start, end)
    clusters[:] = [c for c in clusters if c.mentions]


def _cut_pieces(doc: "Doc", clusters: list[Cluster], start: int, end: int,
                adjectives: bool) -> list[tuple[Cluster, Mention]] | None:
    """The mentions the tagger cut out of an outlet's name ("Mail" ORG of "the Mail on
    Sunday", "Telegraph" of "the Sunday Telegraph"), to give way to the whole name; None when
    a mention covers the whole name already, runs out of it or is a person's, or a tagged
    entity runs out of it; a nationality or creed only when ``adjectives``."""
    from .mentions import NAME_TYPES

    pieces = []
    for c in clusters:
        for m in c.mentions:
            if m.end <= start or end <= m.start:
                continue
            if m.start < start or end < m.end or (m.start, m.end) == (start, end) or c.label == "PERSON":
                return None
            if not adjectives and (m.label == "NORP" or m.kind == "demonym"):
                return None
            if data.outlet_names(m.name) == [(0, len(m.name))]:
                return None  # "NBC-Wall Street Journal poll": two outlets, not one
            pieces.append((c, m))
    if len({id(c) for c, _ in pieces}) > 1:
        return None  # two names side by side are not one cut name
    spill = any(e.start_char < end and start < e.end_char and (e.start_char < start or end < e.end_char)
                for e in doc.ents if e.label_ in NAME_TYPES)
    return None if pieces and spill else pieces


def _add_org(clusters: list[Cluster], mention: Mention) -> None:
    """Add a found organization name (in place): to the cluster that already has this name
    (taking its label), else as a cluster of its own, so one name found twice is one entity."""
    same = next((c for c in clusters if any(m.key == mention.key for m in c.mentions)), None)
    if same is None:
        clusters.append(Cluster(mentions=[mention]))
    else:
        same.mentions.append(replace(mention, label=same.label))


def _only_times_inside(doc: "Doc", start: int, end: int) -> bool:
    """Whether every tagged entity touching ``start``..``end`` is a time or number inside it
    ("Sunday" DATE in "the Mail on Sunday")."""
    from .mentions import NAME_TYPES

    touching = [e for e in doc.ents if e.start_char < end and start < e.end_char]
    return all(e.label_ not in NAME_TYPES and start <= e.start_char and e.end_char <= end for e in touching)


# types a tagger gives a person's full name by mistake ("Marina Litvinenko" NORP); not ORG,
# as firms bear founders' names ("Goldman Sachs" beside a person named Sachs)
_PERSON_SLIPS = frozenset({"NORP", "PRODUCT", "WORK_OF_ART"})


def kin_name_persons(clusters: list[Cluster]) -> None:
    """A full name of two or three capitalized words typed as a group or a thing, whose last
    word is the surname of a person of the article ("Marina Litvinenko" NORP beside the
    PERSON "Alexander Litvinenko"), is a person too (in place).  A name written with "the",
    from the alias table, or of one word is left alone."""
    surnames = {c.tokens()[-1] for c in clusters if c.label == "PERSON" and len(c.tokens()) >= 2}
    for c in clusters:
        words = c.base_name().split()
        if (c.label not in _PERSON_SLIPS or c.canonical or c.has_the or not 2 <= len(words) <= 3
                or not all(w[:1].isupper() and w[1:].islower() for w in words)):
            continue
        if c.tokens()[-1] in surnames:
            c.mentions[:] = [replace(m, label="PERSON") for m in c.mentions]


_CAPITAL_WORDS = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|the|and|for|on|in|de|&)[ \t]+)*[A-Z][\w'’-]*)+")


def _long_forms(text: str) -> dict[str, set[tuple[int, int]]]:
    """Spans of capitalized word runs by their initials (case folded): "isaf" ->
    {span of "International Security Assistance Force"}; built once per article."""
    from .merge import acronym

    found: dict[str, set[tuple[int, int]]] = {}
    for run in _CAPITAL_WORDS.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start()) for m in re.finditer(r"\S+", run.group())]
        for i, (start, _) in enumerate(words):
            for _, end in words[i + 1:i + 8]:
                span = text[start:end]
                if span.split()[-1][:1].isupper():
                    found.setdefault(acronym(data.name_key(span).split()), set()).add((start, end))
    return found


def acronym_long_forms(doc: "Doc", clusters: list[Cluster], taken: Taken) -> None:
    """An acronym not introduced in brackets ("the NATO-led International Security Assistance
    Force ... ISAF said"): a name of three to six capitals whose letters are the initials of
    one capitalized name the tagger missed gets that name as a mention (in place), so the long
    form names the entity; an entity of the long form joins it."""
    text, starts = doc.text, sentence_starts(doc)
    index: dict[str, set[tuple[int, int]]] | None = None
    for cluster in [c for c in clusters if c.label != "PERSON"]:
        name = cluster.base_name()
        if not (name.isalpha() and name.isupper() and 3 <= len(name) <= 6) or cluster.canonical:
            continue
        index = _long_forms(text) if index is None else index
        spans = {(s, e) for s, e in index.get(name.casefold(), ()) if not taken.overlaps(s, e)}
        if len({data.name_key(text[s:e]) for s, e in spans}) != 1:
            continue
        for start, end in sorted(spans):
            cluster.mentions.append(Mention(start, end, text[start:end], cluster.label,
                                            sentence_of(starts, start), kind="name"))
            taken.add(start, end)


def _retype_as_org(clusters: list[Cluster], start: int, end: int) -> None:
    """A web address or call letters the tagger typed as something else ("KXLA" GPE) is an
    organization, when a mention is exactly that name."""
    for c in clusters:
        if c.label != "ORG" and not c.canonical and any(m.start == start and m.end == end for m in c.mentions):
            c.mentions[:] = [replace(m, label="ORG") for m in c.mentions]
