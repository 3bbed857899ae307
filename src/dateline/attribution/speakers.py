"""Canonical speakers: from the words that name a source to who (or what) it is.

Rules over the spaCy parse and the article's canonical entities, applied in order:

- a name (or a phrase holding one) is the canonical entity with a mention there
  ("Khan" -> Imran Khan); an appositive keeps the name ("Hugh Hill, a doctor" ->
  Hugh Hill; "a doctor, Hugh Hill" -> Hugh Hill);
- every personal pronoun goes through dateline.coref (shared with the events layer):
  the nearest earlier entity mention, resolved he/she or earlier source of a compatible
  gender and number (he/she/I: a person; they/we: a group or an organisation; it: an
  organisation or a document), subjects first within a sentence;
- a definite role ("the ambassador", "the party chief") is the entity whose stripped
  titles hold that noun, else the person the previous sentence names, if only one;
- a document ("the report", "in the document") is its earlier, fuller mention; a
  document published by someone speaks for its publisher ("the report" of "a report
  published by X" is X), a document obtained or leaked is relayed by that party (``via``);
- anything else ("officials", "two senior aides") is named by its own words.

The events layer may import :class:`SpeakerResolver` to name agents the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Sequence

from ..coref import GENDERED_PRONOUNS, GROUP_JOIN, Candidate, PronounResolver, pronoun_gender, pronoun_want
from ..coref.definite import DefiniteResolver
from ..coref.pronouns import ENTITY_KINDS, first_name_gender, modifier_heads
from ..types import Entity, Source, Span
from . import lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "i", "me"}  # "his claim": the possessive owns the claim
GROUP_PRONOUNS = {"they", "them", "we", "us"}
THING_PRONOUNS = {"it"}
ALL_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS | GENDERED_PRONOUNS
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
TITLE_WORDS_TO_STRIP = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "rep.", "gov."}
AGE_NOUN = re.compile(r"^the \d+[- ]year[- ]old$", re.I)
PUBLISHING_VERBS = {"publish", "release", "issue", "write", "produce", "commission", "conduct", "file"}


def _fallback_entity_for_span(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end) (longest overlap first)."""
    best, best_overlap = None, 0
    for entity in entities:
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best


def _entity_lookup() -> Callable[[Sequence[Entity], int, int], Entity | None]:
    """The foundation's ``entity_for_span`` when it is installed, else a local equivalent."""
    try:
        from ..entities import entity_for_span  # type: ignore[attr-defined]
        return entity_for_span
    except ImportError:
        return _fallback_entity_for_span


@dataclass
class Resolved:
    """A resolved source: the Source record, its kind, and relays found on the way."""

    source: Source
    kind: str  # person | group | organisation | document | other
    via: list[Source] = field(default_factory=list)


@dataclass
class SpeakerResolver:
    """Resolves source phrases of one parsed article, remembering earlier speakers."""

    doc: "Doc"
    text: str
    entities: Sequence[Entity] = ()
    history: list[tuple[int, Resolved]] = field(default_factory=list)  # (char offset, resolved)

    def __post_init__(self) -> None:
        self._lookup = _entity_lookup()
        self._ents = list(self.doc.ents)  # doc.ents builds new spans on every access
        self._pronouns: PronounResolver | None = None
        self._by_id = {e.id: e for e in self.entities}
        self._via: dict[tuple[int, int], list[Source]] = {}
        self._definites: DefiniteResolver | None = None

    # -- public -----------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Resolved:
        """Resolve the source phrase of tokens [start, end) and remember it."""
        phrase = self.doc[start:_hyphen_end(self.doc, end)]
        head = phrase.root
        if len(phrase) == 1 and head.lower_ in ("who", "that", "which") and head.head.dep_ == "relcl":
            noun = head.head.head  # "Smith, who said": who is the noun the clause modifies
            while noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
                noun = noun.head  # "Aggrey Kiyingi, 51, a Sydney cardiologist, who denied": the name
            found = self.resolve(noun.left_edge.i, noun.i + 1)
            self.history.pop()
            found = Resolved(Source(found.source.name, self._span([head]), found.source.entity), found.kind, found.via)
            self.history.append((head.idx, found))
            return found
        if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS and len(phrase) == 1:
            found = self._pronoun(head)
        else:
            found = (self._whole_mention(phrase) or self._named(phrase) or self._mentioned(phrase) or self._document(phrase)
                     or self._role(phrase) or self._bridged(phrase) or self._outlet(phrase)
                     or self._plain(phrase))
            principal = self._principal(phrase)
            if principal is not None:
                found = Resolved(replace(found.source, on_behalf_of=principal), found.kind, found.via)
        self.history.append((phrase.start_char, found))
        return found

    def source_for_tokens(self, start: int, end: int) -> Source:
        """A Source for a relay phrase ("The Intercept", "the agency"), named canonically."""
        return self.resolve(start, end).source

    # -- rules -------------------------------------------------------------------
    def _principal(self, phrase) -> Source | None:
        """Whom a spokesperson speaks for (data/spokesperson_nouns.txt): "a spokeswoman for
        Acme", "Acme's lawyer", "the Pentagon spokesman" give Acme, Acme, Pentagon."""
        head = phrase.root
        if head.lemma_.lower() not in lexicon.spokesperson_nouns():
            return None
        for child in head.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her"):
                found = self._pronoun(child)  # "his lawyer": the person "his" refers to
                return found.source if found.source.entity else None
            if child.dep_ == "poss" and child.pos_ != "PRON":
                rng = (child.left_edge.i, child.i + 1)
            elif child.dep_ == "compound" and child.pos_ == "PROPN":
                rng = (child.left_edge.i, child.i + 1)
            elif child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                objs = [o for o in child.children if o.dep_ == "pobj"]
                if not objs:
                    continue
                rng = (objs[0].left_edge.i, objs[0].i + 1)
            else:
                continue
            if phrase.start <= rng[0] and rng[1] <= phrase.end:
                return self._name_of(self.doc[rng[0]:rng[1]])
        return None

    def _name_of(self, phrase) -> Source:
        """The canonical Source of a name phrase, not remembered as a speaker."""
        found = self._named(phrase) or self._outlet(phrase) or self._plain(phrase)
        return found.source


    def _span(self, tokens) -> Span:
        a, b = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return Span.of(self.text, a, b)

    def _entity(self, a: int, b: int) -> Entity | None:
        return self._lookup(self.entities, a, b) if self.entities else None

    def _name_tokens(self, phrase) -> list["Token"] | None:
        """The proper-name tokens of a phrase: the head's (or its appositive's) name."""
        head = phrase.root
        last = phrase[-1]
        first_try = [head] + [c for c in head.children if c.dep_ == "appos"]
        if head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and last.ent_type_ == "PERSON":
            first_try.insert(0, last)  # "Tulsa police Chief Chuck Jordan" parsed with Tulsa as head
        for tok in first_try:
            if tok.pos_ != "PROPN" and tok.ent_type_ not in NAME_LABELS:
                continue  # a name the tagger took for a noun ("Sanders" NNS) still names
            ent = next((e for e in self._ents if e.start <= tok.i < e.end and e.label_ in NAME_LABELS), None)
            if ent is not None and ent.start >= phrase.start and ent.end <= phrase.end:
                toks = list(ent)
            else:
                start = tok.i
                while start - 1 >= phrase.start and self.doc[start - 1].pos_ == "PROPN":
                    start -= 1
                toks = list(self.doc[start:tok.i + 1])
            toks = [t for t in toks if t.lower_ not in TITLE_WORDS_TO_STRIP] or toks
            first = toks[0]
            if first.i > first.sent.start and first.i - 1 >= phrase.start and self.doc[first.i - 1].text == "The":
                toks = [self.doc[first.i - 1]] + toks  # "by The Intercept": the article is in the name
            return toks
        return None

    def _named(self, phrase) -> Resolved | None:
        toks = self._name_tokens(phrase)
        if not toks:
            return None
        span = self._span(toks)
        entity = self._entity(span.start, span.end)
        label = entity.type if entity else _spacy_label(toks)
        kind = {"PERSON": "person"}.get(label, "organisation")
        name = entity.name if entity else self._full_name(span)
        return Resolved(Source(name=name, span=self._span(list(phrase)), entity=entity.id if entity else None), kind)

    def _whole_mention(self, phrase) -> Resolved | None:
        """A person mention the entity layer made of the whole phrase (a description it linked:
        "The one-time Newcastle and Rangers midfielder"): that person, not a name inside it."""
        a, b, head = phrase.start_char, phrase.end_char, phrase.root.idx
        for entity in self.entities:  # the mention may leave out a relative clause ("..., who ...")
            if entity.type == "PERSON" and any(m.start == a and m.end <= b and (m.end == b or m.start <= head < m.end)
                                               for m in entity.mentions):
                return Resolved(Source(name=entity.name, span=self._span(list(phrase)), entity=entity.id), "person")
        return None

    def _mentioned(self, phrase) -> Resolved | None:
        """A description the entity layer made a mention of an entity ("Blackburn's South
        African forward" of Benni McCarthy): the mention holds the phrase's head word and
        lies inside the phrase, or the phrase inside it."""
        head, a, b = phrase.root, phrase.start_char, phrase.end_char
        for entity in self.entities:
            for m in entity.mentions:
                holds_head = m.start <= head.idx < m.end
                nested = (a <= m.start and m.end <= b) or (m.start <= a and b <= m.end)
                if holds_head and nested:
                    kind = "person" if entity.type == "PERSON" else "organisation"
                    return Resolved(Source(name=entity.name, span=self._span(list(phrase)), entity=entity.id), kind)
        return None

    def _bridged(self, phrase) -> Resolved | None:
        """A singular definite description ("the group", "the company") is the organisation
        named nearest before it (dateline.coref.definite, data/definite_nouns.tsv)."""
        if self._definites is None:
            self._definites = DefiniteResolver(self.entities)
        entity = self._definites.antecedent(phrase.root)
        if entity is None or entity.type != "ORG":
            return None
        return Resolved(Source(name=entity.name, span=self._span(list(phrase)), entity=entity.id), "organisation")

    def _full_name(self, span: Span) -> str:
        """Without an entity layer: a surname alone takes the earlier full name it ends."""
        if " " in span.text or self.entities:
            return span.text
        for ent in self._ents:
            if ent.start_char >= span.start:
                break
            if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == span.text:
                return ent.text
        return span.text

    def _pronoun(self, tok: "Token") -> Resolved:
        """A pronoun source through dateline.coref: the nearest earlier entity or source of
        a compatible gender and number (he/she a person, they a group, it an organisation)."""
        want = pronoun_want(tok.text) or "thing"
        span = self._span([tok])
        found = self._coref().resolve(tok, self._candidates())
        if found is None:
            return Resolved(Source(name=tok.text, span=span), want)
        entity = self._by_id.get(found.key)
        earlier = self._via.get((found.start, found.end), [])
        members = tuple(found.key.split(GROUP_JOIN)) if GROUP_JOIN in found.key else ()
        return Resolved(Source(name=entity.name if entity else found.name, span=span,
                               entity=entity.id if entity else None, members=members), found.kind, list(earlier))

    def _coref(self) -> PronounResolver:
        """The shared pronoun resolver of this article (built on first use)."""
        if self._pronouns is None:
            self._pronouns = PronounResolver(self.doc, self.text, self.entities)
        return self._pronouns

    def _candidates(self) -> list[Candidate]:
        """Earlier sources as pronoun antecedents ("officials", "the report"), and spaCy's
        names when there is no entity layer."""
        out, self._via = [], {}
        for _offset, earlier in self.history:
            src = earlier.source
            if src.span is None or (src.entity is None and src.name.lower() in ALL_PRONOUNS):
                continue  # an unresolved pronoun names no one
            gender = pronoun_gender(src.span.text) or first_name_gender(src.name)
            key = GROUP_JOIN.join(src.members) if src.members else src.entity or src.name
            out.append(Candidate(src.span.start, src.span.end, key, src.name, earlier.kind, gender))
            self._via[src.span.start, src.span.end] = earlier.via
        if not self.entities:
            for ent in self._ents:
                kind = ENTITY_KINDS.get(ent.label_)
                if kind:
                    out.append(Candidate(ent.start_char, ent.end_char, ent.text, ent.text, kind,
                                         first_name_gender(ent.text)))
        return out

    def _role(self, phrase) -> Resolved | None:
        head = phrase.root
        age = AGE_NOUN.search(phrase.text) is not None  # "the 29-year-old"
        person_noun = head.tag_ == "NN" and lexicon.source_nouns().get(head.lemma_.lower()) == "group"
        if lexicon.source_nouns().get(head.lemma_.lower()) != "role" and head.lemma_.lower() not in \
                lexicon.nouns_of_class("role") and not age and not person_noun:
            return None
        if not any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det"):
            return None
        if age or person_noun:  # "the 29-year-old", "the lawmaker": the person just written of
            person = self._recent_person(head) or self._speaker_since(head)
            return None if person is None or self._kin(person.name, near=head) else Resolved(
                Source(name=person.name, span=self._span(list(phrase)), entity=person.key), "person")
        span = self._span(list(phrase))
        for entity in self.entities:  # an entity whose stripped title holds this noun
            if any(head.lower_ in role.lower().split() for role in entity.roles):
                return Resolved(Source(name=entity.name, span=span, entity=entity.id), "person")
        person = self._only_person_in_previous_sentence(head)
        if person is not None and not self._kin(person.name):
            return Resolved(Source(name=person.name, span=span, entity=person.id or None), "person")
        recent = self._recent_person(head)  # no entity's title holds the noun (checked above)
        if recent is not None and not self._kin(recent.name):  # "Trump ... . The presumptive nominee wrote"
            return Resolved(Source(name=recent.name, span=span, entity=recent.key), "person")
        return None

    def _kin(self, name: str, near: "Token | None" = None) -> bool:
        """Another person of the article has this person's surname ("Donald and Ivana Trump"):
        a description cannot tell which of them it means by nearness alone.  With ``near``,
        only a namesake named since the start of the sentence before counts ("Marina
        Litvinenko backed his claim ... the 44-year-old told": her husband is not named there)."""
        last = name.split()[-1].lower() if name.split() else ""
        floor = 0
        if near is not None and near.sent.start > 0:
            floor = self.doc[near.sent.start - 1].sent.start_char
        return any(e.type == "PERSON" and e.name.lower() != name.lower() and e.name.split()
                   and e.name.split()[-1].lower() == last
                   and (near is None or any(floor <= m.start < near.idx for m in e.mentions))
                   for e in self.entities)

    def _recent_person(self, head: "Token") -> Candidate | None:
        """The person entity last mentioned before ``head``, in its sentence or the one before
        (subjects first), outside quoted words."""
        sent = head.sent
        floor = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else 0
        found = self._last_person_before(head)
        return found if found is not None and found.start >= floor else None

    def _last_person_before(self, head: "Token") -> Candidate | None:
        """The person entity last mentioned before ``head`` outside quoted words (subjects first)."""
        coref = self._coref()
        return coref._search(head.idx, coref._base, coref._base_starts,
                             lambda c: c.kind == "person" and c.key in self._by_id and not coref._quoted(c.start))

    def _speaker_since(self, head: "Token") -> Candidate | None:
        """The last person quoted before ``head`` when the narrative has named no one else since
        (the sentences between are that person's quotes: '"...," he said. "..." The 29-year-old
        also revealed')."""
        last = next((r for at, r in reversed(self.history) if at < head.idx), None)
        if last is None or last.kind != "person" or last.source.entity is None or last.source.span is None:
            return None
        found = self._last_person_before(head)
        if found is None or found.key != last.source.entity:
            return None  # someone else was named since, or the speaker's name is out of reach
        return Candidate(last.source.span.start, last.source.span.end, last.source.entity,
                         last.source.name, "person", None)

    def _only_person_in_previous_sentence(self, head: "Token") -> Entity | None:
        sent = head.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        names = {}
        for ent in prev.ents:
            if ent.label_ == "PERSON":
                entity = self._entity(ent.start_char, ent.end_char)
                key = entity.id if entity else ent.text.split()[-1]
                names[key] = entity or Entity(id="", name=ent.text, type="PERSON", mentions=())
        return next(iter(names.values())) if len(names) == 1 else None

    def _document(self, phrase) -> Resolved | None:
        head = phrase.root
        if head.lemma_.lower() not in lexicon.nouns_of_class("document"):
            return None
        span = self._span(list(phrase))
        antecedent = self._document_antecedent(head) if _definite(head) else head
        described = describe_document(antecedent, self)
        if described.publisher is not None:
            pub = described.publisher
            return Resolved(Source(name=pub.name, span=span, entity=pub.entity), "document")
        name = described.name
        return Resolved(Source(name=name, span=span), "document", described.relays)

    def _document_antecedent(self, head: "Token") -> "Token":
        """The earlier mention of the same document noun ("a report ..." for "the report")."""
        lemma = head.lemma_.lower()
        for tok in reversed(self.doc[: head.i]):
            if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN":
                return tok
        return head

    def _outlet(self, phrase) -> Resolved | None:
        """"the Kommersant newspaper": the outlet's name, which the parse makes a modifier."""
        name = lexicon.described_outlet(phrase.text) or lexicon.described_outlet(_without_relative(phrase))
        if name is None:
            return None
        entity = self._outlet_entity(phrase, name)
        if entity is not None:  # "The Sun newspaper": the entity "The Sun", not a new name
            return Resolved(Source(name=entity.name, span=self._span(list(phrase)), entity=entity.id), "organisation")
        return Resolved(Source(name=name, span=self._span(list(phrase))), "organisation")

    def _outlet_entity(self, phrase, name: str) -> Entity | None:
        """The organisation named ``name`` (a leading "The" aside) by a mention inside the phrase."""
        key = name.casefold().removeprefix("the ")
        a, b = phrase.start_char, phrase.end_char
        for entity in self.entities:
            if entity.type == "ORG" and any(a <= m.start and m.end <= b and m.text.casefold().removeprefix("the ") == key
                                            for m in entity.mentions):
                return entity
        return None

    def _plain(self, phrase) -> Resolved:
        head = phrase.root
        kind = "group" if head.tag_ in ("NNS", "NNPS") else "other"
        if head.tag_ == "NN" and head.lemma_.lower() in modifier_heads() | lexicon.spokesperson_nouns():
            kind = "person"  # "A Trump supporter in Ohio said ... He said": he is the supporter
        return Resolved(Source(name=_without_relative(phrase), span=self._span(list(phrase))), kind)


def _hyphen_end(doc: "Doc", end: int) -> int:
    """The end of a phrase cut inside a hyphenated word ("His ex" of "His ex-wife": spaCy
    splits the word in three)."""
    while 0 < end < len(doc) - 1 and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end


def _without_relative(phrase) -> str:
    """The name of "a spokesman, who spoke on condition of anonymity": the noun phrase without
    its relative clause (the mention keeps the clause, which describes the source)."""
    clauses = [c.left_edge.i for c in phrase if c.dep_ == "relcl" and c.left_edge.i > phrase.start
               and (c.head.i == phrase.root.i or phrase.doc[c.left_edge.i - 1].text == ",")]
    if not clauses:
        return phrase.text
    end = min(clauses)
    while end > phrase.start + 1 and phrase.doc[end - 1].is_punct:
        end -= 1
    name = phrase.doc[phrase.start:end].text
    if name.count('"') % 2 or name.count("“") > name.count("”"):  # 'trial "assessors,"': keep the closing mark
        closing = next((t for t in phrase.doc[end:phrase.end] if t.text in ('"', "”")), None)
        if closing is not None:
            name = phrase.doc[phrase.start:closing.i + 1].text
            name = name[:len(name) - 1].rstrip(",; ") + name[-1]
    return name


@dataclass
class DocumentDescription:
    """What an article says of a document: its name, who published it, who relayed it."""

    name: str
    publisher: Source | None
    relays: list[Source]


def describe_document(noun: "Token", resolver: SpeakerResolver) -> DocumentDescription:
    """Name, publisher ("published by X", "X's report", "a X report") and relays of a document."""
    phrases = lexicon.relay_phrases()
    publisher, relays, cut = None, [], noun.right_edge.i + 1
    for child in noun.subtree:
        if child.dep_ in ("acl", "relcl", "prep") and child != noun:
            words = " ".join(t.lower_ for t in child.subtree if t.i <= _by_index(child))
            role = phrases.get(words) or phrases.get(words.removeprefix("as "))
            obj = _agent_object(child)
            if obj is not None and role in ("publisher", "relay"):
                src = resolver.resolve(obj.left_edge.i, obj.right_edge.i + 1).source
                if role == "publisher":
                    publisher = src
                else:
                    relays.append(src)
                cut = min(cut, child.left_edge.i)
                break
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN" and publisher is None:
            publisher = resolver.resolve(child.left_edge.i, child.i + 1).source
    if publisher is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in PUBLISHING_VERBS:
        author = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if author is not None:  # "The Ledger published a report": the report is the Ledger's
            publisher = resolver.resolve(author.left_edge.i, author.right_edge.i + 1).source
    toks = [t for t in resolver.doc[noun.left_edge.i:cut]]
    while toks and (toks[-1].is_punct and toks[-1].text not in '"”’'):
        toks.pop()
    name = resolver.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)] if toks else noun.text
    return DocumentDescription(name=name, publisher=publisher, relays=relays)


def _by_index(child: "Token") -> int:
    """Index of the 'by' (or 'to', 'in') that ends a relay phrase under ``child``."""
    for t in child.subtree:
        if t.lower_ in ("by", "to", "in") and t.i >= child.i:
            return t.i
    return child.i


def _agent_object(child: "Token") -> "Token | None":
    for t in child.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in ("by", "to", "in"):
            return t
    return None


def _definite(tok: "Token") -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _spacy_label(tokens) -> str:
    for t in tokens:
        if t.ent_type_:
            return t.ent_type_
    return "PERSON" if len(tokens) <= 3 else "ORG"
