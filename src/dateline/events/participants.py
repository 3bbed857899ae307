"""Participants of event mentions from the dependency parse, linked to canonical entities.

Roles: agent, patient, recipient, location, other.  Verbs give subjects (agent, or
patient when passive), objects (patient; recipient for the person asked, urged or told
to do something), "by" agents and prepositional objects by ``participant_roles.txt``.
Nouns give possessors and nationality adjectives as agents ("Russia's invasion", "the
Russian invasion") and prepositional objects.  Controlled complements ("urged X to
oust Y") get their understood subject; a nominal event inside a verb's phrase ("X, in
a meeting, urged") shares the verb's subject.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..coref import GENDERED_PRONOUNS, PronounResolver
from ..coref.definite import DefiniteResolver
from ..entities.extend import in_wire_dateline
from ..types import Entity, Participant, Span
from .lexicon import data_lines, fields_of, lexicon
from .triggers import Mention, is_event_noun

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_AGENTIVE_ENT_TYPES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_CONTAINER_PREPS = frozenset({"in", "at", "during", "amid"})
_PLACE_OR_GROUP = frozenset({"GPE", "LOC", "NORP"})
_NAMED_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


@lru_cache(maxsize=1)
def support_verbs() -> frozenset[str]:
    """Verbs whose subject takes part in their event-noun object, from ``support_verbs.txt``."""
    return frozenset(fields_of(line)[0].lower() for line in data_lines("support_verbs.txt"))


@lru_cache(maxsize=1)
def role_prepositions() -> dict[str, str]:
    """Preposition -> role, from ``participant_roles.txt``."""
    return {f[0].lower(): f[1] for f in map(fields_of, data_lines("participant_roles.txt"))}


@lru_cache(maxsize=1)
def named_only_prepositions() -> frozenset[str]:
    """Prepositions whose object takes part only when it is a name ("for Smith", not "for
    years"), the ones marked "named" in ``participant_roles.txt``."""
    return frozenset(f[0].lower() for f in map(fields_of, data_lines("participant_roles.txt"))
                     if len(f) > 2 and f[2].lower() == "named")


def phrase_span(token: "Token") -> tuple[int, int]:
    """Token range of the noun phrase headed by ``token``: its left modifiers, the head,
    and a short trailing "of/to" phrase ("the ambassador to the US"), no clauses."""
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "to") and len(list(child.subtree)) <= 5:
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ in ("compound", "flat", "appos") and child.i == end:
            end = child.i + 1
        elif child.dep_ == "nummod" and child.i == end and token.pos_ == "PROPN" and child.ent_type_ not in ("DATE", "TIME"):
            end = child.i + 1  # "iPhone 4", "Windows 7": the number is part of the name
    for name in left_conjuncts(token):  # "Trump and House Speaker Ryan": Ryan's phrase starts after "and"
        if any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in name.children):  # not "US and Pakistani officials"
            start = max([start] + [c.i + 1 for c in name.children if c.dep_ == "cc"])
    while start < token.i and (token.doc[start].is_punct or _in_dateline(token.doc[start])):
        start += 1  # "DENVER - Ann Lee, who ...": the dateline is not part of the name
    return start, end


def left_conjuncts(token: "Token") -> list["Token"]:
    """Names the parser hung, coordinated, among the left modifiers of ``token``: "Donald
    Trump and House Speaker Paul Ryan" read as Ryan modified by "Trump and House"."""
    found: list["Token"] = []
    for child in token.lefts:
        if child.dep_ not in ("nmod", "compound") or child.pos_ != "PROPN":
            continue
        if any(c.dep_ == "cc" for c in child.children):
            found.append(child)
        else:
            found += left_conjuncts(child)
    return found


_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})


class EntityIndex:
    """Finds the canonical entity of a token range; pronouns go through the attribution
    layer's resolver (nearest compatible earlier entity) when that layer is installed."""

    def __init__(self, doc: "Doc", entities: Iterable[Entity]) -> None:
        self.doc = doc
        self.entities = list(entities)
        self.types = {e.id: e.type for e in self.entities}
        self.by_char: list[tuple[int, int, str]] = sorted(
            (m.start, m.end, e.id) for e in self.entities for m in e.mentions)
        self._resolver = None
        self._people: PronounResolver | None = None
        self._definite: DefiniteResolver | None = None
        self._quotes: list[tuple[int, int]] | None = None

    def _pronoun_entity(self, token: "Token") -> str | None:
        if not self.entities:
            return None
        if self._people is None:
            self._people = PronounResolver(self.doc, self.doc.text, self.entities)
        if token.lower_ in GENDERED_PRONOUNS:  # he/she: the same rule as attribution sources
            person = self._people.antecedent(token, self._clause_subject(token))
            return person.id if person else None
        if token.lower_ in ("it", "its") and self._quoted(token.idx):
            return None  # quoted words often say "it" of things no entity names
        if token.lower_ in ("it", "its") and (reporter := _reporting_subject(token)) is not None:
            return self.entity_for(reporter)  # "the team says it ...": the team, named or not
        if token.lower_ == "its":  # "its plan" refers as "it" would
            found = self._people.resolve(_PronounAs("it", token.idx))
            return found.key if found is not None and found.key in self.types else None
        if self._resolver is None:
            try:
                from ..attribution.speakers import SpeakerResolver
            except ImportError:
                return None
            self._resolver = SpeakerResolver(self.doc, self.doc.text, self.entities)
        try:
            return self._resolver.resolve(token.i, token.i + 1).source.entity
        except Exception:  # noqa: BLE001 - another layer's resolver must not break events
            return None

    def _clause_subject(self, pronoun: "Token") -> frozenset[str]:
        """The entity of the subject of the verb whose object ``pronoun`` is: "Ballmer
        described him" (him is not Ballmer; a reflexive would be)."""
        verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
        if pronoun.dep_ not in ("dobj", "dative", "pobj") or verb.pos_ not in ("VERB", "AUX") \
                or pronoun.lower_.endswith("self"):
            return frozenset()
        found = _subject(verb)
        eid = self.entity_for(found[1]) if found is not None and found[1].i != pronoun.i else None
        return frozenset({eid}) if eid else frozenset()

    def entity_at(self, token: "Token") -> str | None:
        """The id of the entity one of whose mentions covers ``token``."""
        for start, end, eid in self.by_char:
            if start <= token.idx < end:
                return eid
        return None

    def entity_for(self, head: "Token") -> str | None:
        """The entity of a participant headed by ``head``: the head's own entity, else
        its possessor's ("Khan's leadership" -> Khan)."""
        if head.pos_ == "PRON" and head.lower_ in _PRONOUNS:
            return self._pronoun_entity(head)
        if head.lower_ in _REFLEXIVES:  # "Lee shot himself": the subject of its clause
            verb = head.head.head if head.dep_ == "pobj" else head.head
            found = _subject(verb)
            return self.entity_for(found[1]) if found is not None and found[1].i != head.i else None
        eid = self.entity_at(head)
        if eid is None or self.types.get(eid) == "NORP" or head.pos_ == "NOUN":
            # "Her husband, Thomas Ellison", "the top Democrat, Nancy Pelosi", "One of the
            # justices, Antonin Scalia": the name in apposition
            eid = self._apposed_entity(head) or eid
        if eid is None and head.pos_ == "NOUN":
            eid = self._organisation_named_by(head) or self._closing_name(head)
        for dep in ("poss", "compound"):  # "Khan's leadership", "State Department officials"
            for child in head.children:
                if eid is None and child.dep_ == dep:
                    eid = self.entity_for(child) if child.pos_ == "PRON" else self.entity_at(child)
                    if dep == "compound" and self.types.get(eid or "") in _PLACE_OR_GROUP \
                            and head.lemma_.lower() not in place_nouns():
                        eid = None  # "a Ugandan court", "US lawmakers": not the country ("a Lagos suburb" is)
                if eid is None and child.dep_ == "poss" and child.lower_ == "whose":
                    owner = _relative_owner(child)  # "Williams, whose sentence": Williams
                    eid = self.entity_for(owner) if owner is not None else None
        if eid is None and head.pos_ == "NOUN":  # "the company", "the judge": the entity named before
            if self._definite is None:
                self._definite = DefiniteResolver(self.entities)
            found = self._definite.antecedent(head)
            eid = found.id if found else None
        return eid


    def _quoted(self, idx: int) -> bool:
        """Whether a character offset lies inside quoted words (the attribution layer's quotes)."""
        if self._quotes is None:
            try:
                from ..attribution.quotes import article_quotes
            except ImportError:  # pragma: no cover - the attribution layer is optional
                self._quotes = []
            else:  # the same cached quotes the attribution layer and the pronoun resolver read
                self._quotes = [(q.inner_start, q.inner_end) for q in article_quotes(self.doc.text)]
        return any(a <= idx < b for a, b in self._quotes)

    def _organisation_named_by(self, head: "Token") -> str | None:
        """The one organisation of the article whose name ends with the head noun and holds
        its noun modifiers: "the main press union" -> "Gambian Press Union", "a Ugandan
        court" -> "Kampala High Court"."""
        if head.tag_ != "NN":
            return None
        words = {head.lemma_.lower()} | {c.lower_ for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        found = {e.id for e in self.entities if e.type == "ORG" and e.name.split()
                 and e.name.split()[-1].lower() == head.lemma_.lower()
                 and words <= {w.lower() for w in e.name.split()}}
        return found.pop() if len(found) == 1 else None

    def _closing_name(self, head: "Token") -> str | None:
        """A person's name set off by commas at the end of a subject the parser split up:
        "the head of the mission to Albania, Franz Vranitzky, said" (the name hung on
        "Albania")."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        last = head.right_edge
        while last.i > head.i and last.is_punct:
            last = last.doc[last.i - 1]
        if last.i == head.i or last.dep_ != "appos" or last.pos_ != "PROPN" or last.left_edge.i == 0 \
                or last.doc[last.left_edge.i - 1].text != ",":
            return None
        eid = self.entity_at(last)
        return eid if self.types.get(eid or "") == "PERSON" else None

    def _apposed_entity(self, head: "Token") -> str | None:
        """The entity of a name in apposition to ``head``, or to the noun of its "of"
        phrase when ``head`` is "one" ("one of the founders, Ann Lee")."""
        heads = [head]
        if head.lower_ == "one":
            heads += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.subtree if g.pos_ in ("NOUN", "PROPN")]
        for noun in heads:
            for child in noun.children:
                if child.dep_ == "appos" and child.pos_ == "PROPN":
                    eid = self.entity_at(child)
                    if eid is not None and self.types.get(eid) != "NORP":
                        return eid
        return None


@dataclass(frozen=True)
class _PronounAs:
    """A possessive pronoun read as its subject form ("its" as "it"), for the resolver."""

    text: str
    idx: int

    @property
    def lower_(self) -> str:
        return self.text


def _reporting_subject(pronoun: "Token") -> "Token | None":
    """The common-noun subject of the verb whose clause holds "it": "The defense team says it
    has ..." (the team, whether or not an entity names it)."""
    verb = pronoun.head if pronoun.dep_ in ("nsubj", "nsubjpass") else pronoun.head.head
    if verb.dep_ != "ccomp":
        return None
    found = _subject(verb.head)
    return found[1] if found is not None and found[1].pos_ == "NOUN" else None


def _relative_owner(whose: "Token") -> "Token | None":
    """The noun a relative clause opened by "whose" modifies."""
    token = whose.head
    for _ in range(4):
        if token.dep_ == "relcl":
            return token.head
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _participant(role: str, token: "Token", index: EntityIndex) -> Participant:
    start, end = phrase_span(token)
    doc = token.doc
    span = Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), doc[start:end].text)
    return Participant(role=role, span=span, entity=index.entity_for(token))


def place_nouns() -> frozenset[str]:
    """Common nouns naming a place when a place name modifies them, from ``place_nouns.txt``."""
    return lexicon().place_nouns


def _is_place(token: "Token") -> bool:
    """A place name, or a place noun modified by one ("a Chelsea neighborhood")."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in place_nouns() \
            and any(c.dep_ in ("compound", "poss", "nmod") and _is_place(c) for c in token.children):
        return True
    return token.ent_type_ in _PLACE_TYPES or (token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "DATE", "TIME"))


def _prep_arguments(head: "Token") -> Iterable[tuple[str, "Token"]]:
    """(role, object) for the prepositional phrases under ``head`` that name participants."""
    roles = role_prepositions()
    for prep in head.children:
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in roles:
            continue
        role = roles[prep.lower_]
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.ent_type_ in ("DATE", "TIME"):
                # "held on Aug. 30 in Chicago": the parser hangs the place on the date
                yield from ((r, o) for r, o in _prep_arguments(obj) if r == "location")
            if obj.dep_ != "pobj" or obj.pos_ not in _NOMINAL_POS or obj.ent_type_ in ("DATE", "TIME"):
                continue
            if role == "location" and not _is_place(obj):
                continue
            if prep.lower_ in named_only_prepositions() and not (obj.pos_ == "PROPN" and obj.ent_type_ in _NAMED_TYPES):
                continue
            yield from coordinated(role, obj)


def coordinated(role: str, token: "Token") -> list[tuple[str, "Token"]]:
    """A participant with the ones coordinated with it, in the same role: conjuncts ("Egypt
    and Israel"), a list in apposition ("the four papers - A, B and C"), and a first name the
    parser hung on the second as a modifier ("Republican Smith and Democrat Jones")."""
    out = [(role, token)] + [(role, c) for c in token.conjuncts if c.pos_ in _NOMINAL_POS]
    if token.tag_ in ("NNS", "NNPS"):  # "teams like Spain and Italy": the examples named
        out += [(role, t) for p in token.children if p.dep_ == "prep" and _introduces_examples(p)
                for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN" for t in (g, *g.conjuncts)]
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and any(c.dep_ == "conj" for c in child.children):
            out += [(role, child)] + [(role, c) for c in child.conjuncts if c.pos_ in _NOMINAL_POS]
        elif child.dep_ == "appos" and _names_a_description(token, child):
            out.append((role, child))  # "The newest model, the X200, was introduced": the name too
    return out + [(role, name) for name in left_conjuncts(token)]


def _names_a_description(head: "Token", appos: "Token") -> bool:
    """Whether an apposition names, with a name no entity links, what its head only
    describes: "the newest model, the X200" (not "Green Bay, Wisconsin", "Pence (R)"; a
    typed name, "Her husband, Thomas Lee", is the head's entity already)."""
    if appos.pos_ != "PROPN" or appos.ent_type_ or head.ent_type_:
        return False
    return not _after_bracket(appos)


def _after_bracket(token: "Token") -> bool:
    """Whether the phrase of ``token`` follows a bracket (nothing precedes the document's first word)."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].is_bracket


def _principals(agent: "Token") -> list["Token"]:
    """Whom a representative acts for: "lawyers for Ann and Tom Lee", "a spokesman for
    Acme" (the attribution layer's spokesperson nouns)."""
    try:
        from ..attribution.lexicon import spokesperson_nouns
    except ImportError:  # pragma: no cover - the attribution layer is optional
        return []
    if agent.lemma_.lower() not in spokesperson_nouns():
        return []
    return [t for p in agent.children if p.dep_ == "prep" and p.lower_ == "for"
            for g in p.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") for t in (g, *g.conjuncts)]


def _affiliations(noun: "Token") -> list["Token"]:
    """The named bodies a common-noun subject comes from: "officers from the State Police,
    the FBI and ...", "officials of the IMF" (with conjuncts and a list in apposition)."""
    if noun.pos_ != "NOUN":
        return []
    found = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
             for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ in ("ORG", "GPE", "NORP")]
    return [t for g in found for _, t in coordinated("other", g)]


def _introduces_examples(prep: "Token") -> bool:
    """ "like", "including", "such as": a preposition that lists members of a plural noun."""
    return prep.lower_ in ("like", "including") or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children))


def _subject(verb: "Token") -> tuple[str, "Token"] | None:
    """The verb's own subject with its role, or the subject of the verb it is conjoined to;
    a relative pronoun stands for the noun its clause modifies ("Baptiste, who left" -> Baptiste)."""
    for cand in (verb, verb.head if verb.dep_ == "conj" else None):
        if cand is None:
            continue
        for child in cand.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                role = "agent" if child.dep_ == "nsubj" else "patient"
                if _in_dateline(child):  # "WASHINGTON (AP) - X pledged": X, not the dateline
                    child = _after_dateline(child)
                    if child is None:
                        continue
                return role, _relative_antecedent(cand, child) or child
    return _noun_joined_subject(verb)


def _noun_joined_subject(verb: "Token") -> tuple[str, "Token"] | None:
    """The subject of a finite verb the parser joined to the subject itself: "Zimmerman,
    then a volunteer, shot and killed X" (with "shot" a conjunct of "volunteer")."""
    token = verb
    for _ in range(3):
        if token.dep_ != "conj" or token.tag_ not in ("VBD", "VBZ", "VBP", "VB") \
                or any(c.dep_ in ("aux", "auxpass", "mark") for c in token.children):
            return None  # (the small model tags some finite pasts VB: "shot")
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and token.i < verb.i:
            if token.dep_ == "appos":
                token = token.head
            if token.dep_ not in ("ROOT", "nsubj") or token.pos_ != "PROPN":
                return None
            return "agent", token
    return None


def _in_dateline(token: "Token") -> bool:
    """A word of the capitalized wire dateline opening a line ("WASHINGTON (AP) -")."""
    return token.is_upper and in_wire_dateline(token.doc.text, token.idx)


def _after_dateline(dateline: "Token") -> "Token | None":
    """The subject the parser hung on a dateline it took for the subject: "INDIANAPOLIS -
    Ted Cruz, who ..., received" (Cruz in apposition; "(AP)" in brackets is the agency)."""
    for child in dateline.children:
        if child.dep_ in ("appos", "conj") and child.pos_ in _NOMINAL_POS and child.i > 0 \
                and not _after_bracket(child):
            return child
    return None


def _relative_antecedent(verb: "Token", pronoun: "Token") -> "Token | None":
    """The noun a relative pronoun ("who", "which", "that") refers to, when ``verb`` heads
    the relative clause."""
    if verb.dep_ == "relcl" and pronoun.tag_ in ("WP", "WDT") and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if noun.pos_ == "NOUN" and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return noun.head  # "Jane Roe, a reporter who was ...": the name, not the description
        return noun
    return None


def _relative_place(verb: "Token") -> list[tuple[str, "Token"]]:
    """The place a relative "where" clause is about ("Pinecrest, where an ordinance was
    suspended" -> Pinecrest, location)."""
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        if _is_place(verb.head):
            return [("location", verb.head)]
    return []


def _possessor(noun: "Token") -> "Token | None":
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)


def _controller(verb: "Token") -> "Token | None":
    """The understood subject of an xcomp: the governing verb's object, else its subject."""
    if verb.dep_ != "xcomp":
        return None
    gov = verb.head
    for child in gov.children:
        if child.dep_ in ("dobj", "dative"):
            return child
    found = _subject(gov)
    return found[1] if found else None


def _inherited_subject(verb: "Token") -> tuple[str, "Token"] | None:
    """The subject a non-finite clause takes from the verb it hangs on: a participle
    ("unveiled it, saying ..."), a purpose clause ("returned to the stage to reveal ..."), a
    gerund after a preposition ("rounded it off by unveiling ..."); and a name the parser
    took for the head of a reduced relative ("Donald Trump called Wednesday for ..." with
    "called" a finite past under the name)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.ent_type_ in _AGENTIVE_ENT_TYPES \
            and verb.head.pos_ == "PROPN":
        return "agent", verb.head
    if verb.tag_ not in ("VBG", "VB") or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children):
        return None
    gov = verb.head
    if verb.dep_ == "pcomp" and gov.pos_ == "ADP" and gov.lower_ in ("of", "for"):
        return _charged_with(gov)
    if verb.dep_ == "pcomp" and gov.pos_ == "ADP" and gov.lower_ in ("by", "after", "before", "while", "in"):
        gov = gov.head
    elif verb.dep_ not in ("advcl", "xcomp"):
        return None
    if gov.pos_ not in ("VERB", "AUX") or gov.i == verb.i:
        return None
    found = _subject(gov)
    return ("agent", found[1]) if found and found[0] == "agent" else None


def _charged_with(prep: "Token") -> tuple[str, "Token"] | None:
    """Who does what an "of"/"for" gerund names: the object of an active verb ("praised the
    club for fining X", "acquitted Y of murdering"), the subject of a passive one ("was
    accused of killing") or of an adjective ("was found guilty of abusing", "is proud of
    winning")."""
    head = prep.head
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd"):
        head = head.head
    elif head.pos_ != "VERB":
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if obj is not None and prep.head.pos_ == "VERB":
        return "agent", obj
    found = _subject(head)
    if found is None or (found[0] == "agent" and prep.head.pos_ == "VERB"):
        return None  # "X paid for building it": too loose to say who built
    return "agent", found[1]


def _participle_head(verb: "Token") -> tuple[str, "Token"] | None:
    """The noun a participle modifies: "Jobs, born in 1955" and "phones sold in France" (the
    patient), "people living near the plant" (the agent)."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.ent_type_ in ("DATE", "TIME"):
        return None
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    return {"VBN": ("patient", verb.head), "VBG": ("agent", verb.head)}.get(verb.tag_)


def _object_event_arguments(obj: "Token") -> list[tuple[str, "Token"]]:
    """Who an event object is about also takes part in the verb: "endorsed the re-election
    of Ryan, McCain and Ayotte", "approved the acquisition of Beats" (the "of" phrase of an
    event noun, with its conjuncts)."""
    if not _is_event_noun(obj):
        return []
    found = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")]
    return [("other", t) for g in found for t in (g, *g.conjuncts)]


def verb_arguments(verb: "Token") -> list[tuple[str, "Token"]]:
    """(role, token) pairs of a verb's participants."""
    args: list[tuple[str, "Token"]] = []
    subj = _subject(verb)
    if subj:
        args.extend(coordinated(*subj))
        args.extend(("other", p) for p in _principals(subj[1]))
        args.extend(("other", p) for p in _affiliations(subj[1]))
        # "Voters in X re-elected", "the talks in London collapsed": where the subject is, it acts
        args.extend(p for p in _prep_arguments(subj[1]) if p[0] == "location")
    elif (ctrl := _controller(verb)) is not None:
        args.extend(coordinated("agent", ctrl))
    elif verb.dep_ == "acl" and (owner := _possessor(verb.head)) is not None:
        args.append(("agent", owner))  # "Pakistan's decision to abstain": Pakistan abstains
    elif (inherited := _inherited_subject(verb)) is not None:
        args.append(inherited)
    elif (modified := _participle_head(verb)) is not None:
        args.append(modified)
    has_xcomp = any(c.dep_ == "xcomp" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in _NOMINAL_POS:
            role = "recipient" if has_xcomp else ("location" if child.ent_type_ in _PLACE_TYPES else "patient")
            # "Fiorina, whom he named ...": the relative pronoun stands for the name
            args.extend(coordinated(role, _relative_antecedent(verb, child) or child))
            # "told a crowd in Green Bay", "arrested a man in Lyon": where the object is, it happens
            args.extend(p for p in _prep_arguments(child) if p[0] == "location")
            args.extend(_object_event_arguments(child))
        elif child.dep_ == "dative" and child.pos_ == "ADP":  # "gave a speech to the graduates"
            args.extend(("recipient", g) for g in child.children if g.dep_ == "pobj" and g.pos_ in _NOMINAL_POS)
        elif child.dep_ == "dative":
            args.append(("recipient", child))
        elif child.dep_ in ("oprd", "attr") and child.pos_ == "NOUN":
            # "named managing editor of The Chicago Ledger": the organisation of the new role
            args.extend(_role_noun_arguments(child))
        elif child.dep_ == "prep" and child.lower_ == "as":  # "was elected as mayor of London"
            args.extend(p for noun in child.children if noun.dep_ == "pobj" and noun.pos_ == "NOUN"
                        for p in _role_noun_arguments(noun))
    args.extend(_prep_arguments(verb))
    args.extend(_framing_event_places(verb))
    args.extend(_relative_place(verb))
    args.extend(_framing_partners(verb))
    for conj in verb.children:  # "was beaten and robbed in Lagos": the place of both
        if conj.dep_ == "conj" and shares_trailing_modifiers(conj, verb):
            args.extend(p for p in _prep_arguments(conj) if p[0] == "location")
    return args


def _framing_event_places(verb: "Token") -> list[tuple[str, "Token"]]:
    """Where the event that frames a verb happened and the names it involves: "killed 14
    people in a mass shooting in San Bernardino", "joined the club in a transfer from
    Porto", "was injured in an attack by rebels of the FNL" (the event noun's place, and
    the names of its other phrases)."""
    return [p if p[0] == "location" else ("other", p[1])
            for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in _CONTAINER_PREPS
            for noun in prep.children if noun.dep_ == "pobj" and _is_event_noun(noun)
            for p in _prep_arguments(noun) if p[0] == "location" or p[1].pos_ == "PROPN"]


def _role_noun_arguments(role_noun: "Token") -> list[tuple[str, "Token"]]:
    """The organisation or place of a role a verb gives or takes: "named editor of The
    Ledger", "elected as mayor of London", "stepped down as member of Parliament for Leeds"
    (the names in the role's "of"/"in"/"for" phrases, and in theirs)."""
    found: list[tuple[str, "Token"]] = []
    for role, obj in _prep_arguments(role_noun):
        if role in ("patient", "location") or (role == "other" and obj.pos_ == "PROPN"):
            found.append(("other", obj))
            found += [("other", o) for _, o in _prep_arguments(obj) if o.pos_ == "PROPN"]
    return found


def _framing_partners(verb: "Token") -> list[tuple[str, "Token"]]:
    """Who the verb's framing event was with: "In an interview with The Times, she joked"
    (The Times); "During talks with Iran, the envoy said" (Iran)."""
    return [("other", g) for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in _CONTAINER_PREPS
            for noun in prep.children if noun.dep_ == "pobj" and _is_event_noun(noun)
            for w in noun.children if w.dep_ == "prep" and w.lower_ == "with"
            for obj in w.children if obj.dep_ == "pobj" and obj.pos_ == "PROPN"
            for g in (obj, *obj.conjuncts)]


def _is_event_noun(token: "Token") -> bool:
    """A noun the events layer counts as an event ("the acquisition")."""
    return token.pos_ == "NOUN" and is_event_noun(token, lexicon())


def shares_trailing_modifiers(conjunct: "Token", first: "Token") -> bool:
    """Whether two conjoined verbs form one predicate that later modifiers scope over: the
    second has no subject or auxiliary of its own, both have the same tag, and the first has
    no object or modifier after it ("shot and burned", not "arrived, met X and left Friday")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conjunct.children):
        return False
    if first.pos_ != "VERB" or conjunct.pos_ != "VERB" or first.tag_ != conjunct.tag_:
        return False
    return not any(c.i > first.i and c.dep_ not in ("cc", "punct", "conj", "prt") for c in first.children)


def noun_arguments(noun: "Token") -> list[tuple[str, "Token"]]:
    """(role, token) pairs of a nominal event's participants."""
    args: list[tuple[str, "Token"]] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME"):
            continue  # "last week's primary": a time, not an agent
        if child.dep_ == "poss" and (child.pos_ in ("PROPN", "NOUN") or child.lower_ in _POSSESSIVE_PRONOUNS):
            args.append(("agent", child))  # "Apple's launch", "his resignation" (resolved like "he")
        elif child.dep_ in ("amod", "compound") and child.ent_type_ in _AGENTIVE_ENT_TYPES:
            args.append(("agent", child))
    args.extend(_prep_arguments(noun))
    args.extend(_relative_clause_places(noun))
    verb = framing_verb(noun)
    if verb is not None and (subj := _subject(verb)):  # "X, in a meeting on Monday, urged ..."
        args.extend(coordinated("agent" if subj[0] == "agent" else "other", subj[1]))
    elif (gov := _gathering_verb(noun)) is not None and (subj := _acting_subject(gov)):
        args.extend(coordinated("agent", subj[1]))  # "X and Y pledged ... after a meeting"
    if verb is not None:  # "will face Paul Reed in a primary": Reed takes part in the primary
        args.extend(("agent", c) for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN")
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in support_verbs():
        # "X filed a lawsuit": X brings the lawsuit; "praised X for handing out a ban": X
        subj = _subject(noun.head) or _inherited_subject(noun.head)
        if subj and subj[0] == "agent":
            args.append(subj)
    return args


def _relative_clause_places(noun: "Token") -> list[tuple[str, "Token"]]:
    """Where a nominal event happened, said in a relative clause of which it is the subject
    ("explosions that went off in Madrid", "the strike, which began in Lyon")."""
    return [p for clause in noun.children if clause.dep_ == "relcl"
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in clause.children)
            for p in _prep_arguments(clause) if p[0] == "location"]


_GATHERING_PREPS = frozenset({"after", "before", "following", "since", "until", "to", "from", "into", "of"})


def _gathering_verb(noun: "Token") -> "Token | None":
    """The verb an encounter noun (``gathering_nouns.txt``) hangs on through a preposition
    of time or movement: "pledged ... after a meeting", "was held to a draw", "said ahead of
    talks"; its subject is one of the parties."""
    if noun.lemma_.lower() not in lexicon().gathering_nouns:
        return None
    if noun.dep_ != "pobj" or noun.head.lower_ not in _GATHERING_PREPS:
        return None
    head = noun.head.head
    if noun.head.lower_ == "of" and head.lower_ in ("ahead", "out"):
        head = head.head  # "ahead of talks", "walked out of the talks"
    elif noun.head.lower_ == "of":
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _acting_subject(verb: "Token") -> tuple[str, "Token"] | None:
    """Who does what ``verb`` says, named by the verb's active subject, by the verb a
    non-finite clause hangs on ("Fino, speaking after ..."), or by the noun a present
    participle modifies; not an event ("after the meeting, a motion was held")."""
    found = _subject(verb) or _inherited_subject(verb) or _participle_head(verb)
    if found is None or found[0] != "agent" or _is_event_noun(found[1]):
        return None
    return found


def framing_verb(noun: "Token") -> "Token | None":
    """The verb a nominal event frames: "X, in a meeting, urged" -> urged.  "during" and
    "amid" are unambiguous, so they may climb over a misattached noun to the verb."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _CONTAINER_PREPS:
        return None
    token = noun.head.head
    for _ in range(3 if noun.head.lower_ in ("during", "amid") else 1):
        if token.pos_ == "VERB":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def participants_for(mention: Mention, doc: "Doc", index: EntityIndex) -> tuple[Participant, ...]:
    """The participants of one mention, without duplicates, in text order."""
    head = doc[mention.head]
    pairs = verb_arguments(head) if mention.pos == "verb" else noun_arguments(head)
    if mention.pos == "adj":
        pairs = [p for p in verb_arguments(head.head) if p[0] != "patient"]
    if mention.support is not None:  # the light verb's arguments, minus "place" of "take place"
        pairs += [p for p in verb_arguments(doc[mention.support])
                  if p[1].i != mention.head and not (p[0] == "patient" and p[1].lower_ == "place")]
    if mention.cls in ("I_ACTION", "I_STATE") and mention.pos == "verb":
        pairs += _complement_themes(head)
    if mention.pos == "verb":
        pairs += _gerund_themes(head)
    seen: set[int] = set()
    out: list[Participant] = []
    for role, token in pairs:
        if token.i in seen or mention.start <= token.i < mention.end or _not_a_participant(token):
            continue
        seen.add(token.i)
        found = _participant(role, token, index)
        if token.lower_ == "it" and found.entity is None:
            continue  # an "it" that refers to nothing named is no participant worth listing
        out.append(found)
    return tuple(sorted(out, key=lambda p: p.span.start))


def expletive_verbs() -> frozenset[str]:
    """Verbs whose subject "it" is a dummy, from ``expletive_verbs.txt``."""
    return lexicon().expletive_verbs


def _not_a_participant(token: "Token") -> bool:
    """Relative and dummy pronouns: "which", "what", "that", and an "it" that is not the
    active subject of a verb, or the subject of "it seems", "it takes" (expletive_verbs.txt)."""
    if token.pos_ != "PRON" or token.lower_ not in ("it", "that", "which", "what"):
        return False
    if token.lower_ != "it" or token.dep_ != "nsubj" or token.head.pos_ != "VERB":
        return True
    verb = token.head
    if verb.tag_ == "VBG" and not any(c.dep_ == "dobj" for c in verb.children):
        return True  # "it was demoralizing (to work there)": a state, not an act of anyone's
    return verb.lemma_.lower() in expletive_verbs() or any(c.dep_ in ("csubj", "acomp") for c in verb.children)


def _complement_themes(verb: "Token") -> list[tuple[str, "Token"]]:
    """What an intention or request is about: the object of its xcomp ("urged X to oust Y": Y),
    and the one called on in "called for X to resign" (X)."""
    themes = [("other", c) for x in verb.children if x.dep_ == "xcomp"
              for c in x.children if c.dep_ == "dobj" and c.pos_ in _NOMINAL_POS]
    # "recommended that Kiyingi be acquitted", "decide whether to spare Williams": the named
    # people and bodies the intended event is about
    themes += [("other", c) for x in verb.children if x.dep_ == "ccomp"
               for c in x.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "PROPN"]
    return themes + [("other", c) for x in verb.children if x.dep_ == "advcl"
                     and any(m.dep_ == "mark" and m.lower_ == "for" for m in x.children)
                     for c in x.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]


def _gerund_themes(verb: "Token") -> list[tuple[str, "Token"]]:
    """Arguments of a gerund complement ("abstain from voting on a resolution": resolution)."""
    return [("other", obj) for prep in verb.children if prep.dep_ == "prep"
            for g in prep.children if g.dep_ == "pcomp" and g.pos_ == "VERB"
            for _, obj in _prep_arguments(g)]
