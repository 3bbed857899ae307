"""Find event mentions in a parsed article: verbal, nominal, multi-word and light-verb.

Follows the TimeML notion of an EVENT as TimeBank/AQUAINT annotate it: main verbs
(not auxiliaries, not participles used as adjectives or prepositions), event nouns,
and state adjectives under a copula.  A light verb with an event noun ("held a
meeting", "the vote took place") is one event, the noun; the verb is kept as its
``support`` so its time and place modifiers still reach the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import Lexicon, lexicon, signal_relation

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

# Dependency labels under which a verb form is not an event: adjectival participles
# ("the proposed plan"), verbs used as prepositions ("following the vote"), compounds.
_NON_EVENT_VERB_DEPS = frozenset({"amod", "prep", "compound", "nmod", "advmod", "aux", "auxpass"})
# Noun endings of nominalizations ("invasion", "payment", "bombing", "closure").
_DEVERBAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "al", "ery")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One event mention: trigger tokens [start, end), head token, lemma and class."""

    head: int
    start: int
    end: int
    lemma: str
    pos: str  # verb | noun | adj
    cls: str  # TimeML class
    rule: str
    support: int | None = None  # light verb carrying the mention's modifiers


def event_class(lemma: str, lex: Lexicon) -> str:
    """The TimeML class of a trigger lemma (OCCURRENCE when no list names it)."""
    if lemma in lex.reporting_verbs:
        return "REPORTING"
    return lex.event_classes.get(lemma, "OCCURRENCE")


def is_event_noun(token: "Token", lex: Lexicon) -> bool:
    """Whether a common noun names an event: listed, or a nominalization used as one."""
    lemma = token.lemma_.lower()
    if token.lower_ != lemma and token.lower_ in lex.non_event_nouns:
        return False  # a listed plural: "sales rose" (amounts), but "the sale of the unit"
    if lemma in lex.event_nouns:
        return True
    base = lemma.rsplit("-", 1)[-1]  # "re-election", "by-election": the listed noun after the prefix
    if base != lemma and base in lex.event_nouns and lemma.replace("-", "").isalpha():
        return True
    if lemma in lex.non_event_nouns or not lemma.isalpha():
        return False
    if _after_signal(token, lex):
        return True  # "after the match", "before the kickoff": what a signal orders is an event
    if len(lemma) < 6:
        return False
    return lemma.endswith(_DEVERBAL_SUFFIXES) and _eventive_context(token, lex)


def _after_signal(token: "Token", lex: Lexicon) -> bool:
    """Whether a common noun is the object of a temporal signal and not itself a time or a
    named thing ("after the match", but not "after the weekend", "before the Senate")."""
    if token.dep_ != "pobj" or token.tag_ not in ("NN", "NNS") or token.ent_type_:
        return False
    return signal_relation(token.head, lex) in ("AFTER", "BEFORE", "SINCE", "UNTIL")  # "after", "prior to"


def _eventive_context(token: "Token", lex: Lexicon) -> bool:
    """A nominalization reads as an event when it takes an "of" argument ("the
    destruction of the city") or follows a temporal signal ("after the signing")."""
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return True
    if token.lemma_.lower().endswith(_ACT_SUFFIXES) and _time_follows(token):
        return True  # "his retirement two years ago", "a statement Friday": a dated act
    if token.dep_ in _SUBJECT_DEPS and lex.light_verbs.get(token.head.lemma_.lower()) in ("time", "subject", "both"):
        return True  # "The endorsement came three days after ...", "the signing took place"
    return token.dep_ == "pobj" and signal_relation(token.head, lex) in ("AFTER", "BEFORE", "SINCE", "UNTIL")


# Endings of nouns of acts that a time right after them dates ("-ing", "-ure", "-al" name
# things too often: "the building last year", "its structure this year").
_ACT_SUFFIXES = ("tion", "sion", "ment")


def _time_follows(token: "Token") -> bool:
    """Whether a date or time phrase starts right after ``token`` ("the statement this week")."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    return after.ent_iob_ == "B" and after.ent_type_ in ("DATE", "TIME")


def _light_support(verb: "Token", lex: Lexicon) -> "Token | None":
    """The event noun a light verb supports ("held a meeting" -> meeting), if any."""
    lemma = verb.lemma_.lower()
    kinds = {lex.light_verbs.get(lemma, "")}
    particles = [c for c in verb.children if c.dep_ in ("dobj", "prt")]
    for p in particles:  # "take place": the lemma with its particle or object word
        kinds.add(lex.light_verbs.get(f"{lemma} {p.lemma_.lower()}", ""))
    for child in verb.children:
        if child.pos_ != "NOUN" or not is_event_noun(child, lex):
            continue
        if child.dep_ == "dobj" and kinds & {"object", "both"}:
            return child
        if child.dep_ in _SUBJECT_DEPS and kinds & {"subject", "both"}:
            return child
    return None


def _is_event_verb(token: "Token", lex: Lexicon) -> bool:
    """Whether a verb token is a TimeML event (not an auxiliary-like or prepositional use)."""
    lemma = token.lemma_.lower()
    if token.dep_ in _NON_EVENT_VERB_DEPS or lemma in lex.non_event_verbs:
        return False
    if token.pos_ == "AUX" or lemma == "be":
        return False
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and token.text[:1].isupper() and token.i > token.sent.start:
        return False  # a name the tagger read as a verb
    if token.tag_ == "VB" and token.dep_ in _SUBJECT_DEPS:
        return False  # a base form cannot be a subject: a name read as a verb ("Trump on Friday endorsed")
    if (lemma == "have" or (lemma == "go" and token.tag_ == "VBG")) and _has_to_complement(token):
        return False  # "have to leave", "is going to leave": modal, the complement is the event
    return True


def _has_to_complement(token: "Token") -> bool:
    """Whether the verb has a "to"-infinitive xcomp ("have to go")."""
    return any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in token.children)


def _multiword_spans(doc: "Doc", lex: Lexicon) -> list[tuple[int, int]]:
    """Token ranges matching a multi-word trigger (last word compared by lemma)."""
    found: list[tuple[int, int]] = []
    taken: set[int] = set()
    words = [t.lower_ for t in doc]
    for i in range(len(doc)):
        for seq in lex.multiword:
            j = i + len(seq)
            if j > len(doc) or taken & set(range(i, j)):
                continue
            if words[i:j - 1] == list(seq[:-1]) and seq[-1] in (words[j - 1], doc[j - 1].lemma_.lower()):
                found.append((i, j))
                taken.update(range(i, j))
                break
    return found


def find_mentions(doc: "Doc", lex: Lexicon | None = None) -> list[Mention]:
    """All event mentions of a parsed document, in text order."""
    lex = lex or lexicon()
    mentions: dict[int, Mention] = {}
    covered: set[int] = set()
    for start, end in _multiword_spans(doc, lex):
        head = _span_head(doc, start, end)
        lemma = " ".join(t.lower_ for t in doc[start:end]).replace(" - ", "-")
        mentions[head] = Mention(head, start, end, lemma, "noun", "OCCURRENCE", "multiword")
        covered.update(range(start, end))
    supported: dict[int, int] = {}
    for token in doc:
        if token.pos_ == "VERB" and token.i not in covered:
            noun = _light_support(token, lex)
            if noun is not None:
                supported[noun.i] = token.i
                covered.add(token.i)
    for token in doc:
        if (token.i in covered and token.i not in supported) or token.i in mentions:
            continue
        mention = _mention_for(token, lex, supported.get(token.i))
        if mention is not None:
            mentions[token.i] = mention
    for head, verb in supported.items():  # multi-word nouns supported by a light verb
        if head in mentions and mentions[head].support is None:
            m = mentions[head]
            mentions[head] = Mention(m.head, m.start, m.end, m.lemma, m.pos, m.cls, m.rule, verb)
    return [mentions[k] for k in sorted(mentions)]


def _span_head(doc: "Doc", start: int, end: int) -> int:
    """The token of doc[start:end] whose head lies outside it (the last one if several)."""
    heads = [t.i for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
    return heads[-1] if heads else end - 1


def is_word(token: "Token") -> bool:
    """Whether a token is a word that can trigger an event: letters, maybe hyphen-joined.

    Contractions and possessives ("’s", "'re", "n't"), dashes and other punctuation are
    not, whatever the tagger calls them (the model tags "’s" VERB with lemma "’").
    """
    return token.text.replace("-", "").isalpha()


def _mention_for(token: "Token", lex: Lexicon, support: int | None) -> Mention | None:
    """The mention a single token triggers, or None."""
    if not is_word(token):
        return None
    lemma = token.lemma_.lower()
    i = token.i
    if token.pos_ == "VERB" and _is_event_verb(token, lex):
        return Mention(i, i, i + 1, lemma, "verb", event_class(lemma, lex), "verb")
    if token.pos_ == "NOUN" and is_event_noun(token, lex):
        rule = "light_verb" if support is not None else ("event_noun" if lemma in lex.event_nouns else "deverbal_noun")
        return Mention(i, i, i + 1, lemma, "noun", lex.event_classes.get(lemma, "OCCURRENCE"), rule, support)
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "oprd") and lemma in lex.state_adjectives:
        return Mention(i, i, i + 1, lemma, "adj", "STATE", "state_adjective")
    return None
