"""Polarity and modality of event mentions: "did not meet", "may visit", "plans to
resign", "allegedly bribed", "if they win".

Cues come from ``negation_cues.txt`` and ``modality_cues.txt``.  A cue counts when it
modifies the trigger (or the light verb supporting it), or, for cue verbs ("failed to",
"plans to"), when the trigger is the cue verb's infinitive complement.  Complements of
modal or negated verbs inherit their modality ("could be forced to resign").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Lexicon, lexicon
from .triggers import Mention, event_class

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

_NEG_DEPS = frozenset({"neg", "det", "advmod", "preconj", "cc"})
_MODAL_DEPS = frozenset({"aux", "advmod", "auxpass"})
_NEGATING_PREPS = frozenset({"without"})


def _anchor_tokens(mention: Mention, doc: "Doc") -> list["Token"]:
    tokens = [doc[mention.head]]
    if mention.support is not None:
        tokens.append(doc[mention.support])
    if mention.pos == "adj":
        tokens.append(doc[mention.head].head)  # "was not able": the copula carries "not"
    return tokens


def polarity(mention: Mention, doc: "Doc", lex: Lexicon | None = None) -> str:
    """NEG when a negation cue governs the mention, else POS."""
    lex = lex or lexicon()
    for tok in _anchor_tokens(mention, doc):
        for child in tok.children:
            if child.dep_ in _NEG_DEPS and child.lower_ in lex.negation and child.lower_ not in ("fail", "refuse"):
                return "NEG"
        if _complement_of(tok, lex.negation):
            return "NEG"
        if tok.dep_ == "pobj" and tok.head.lower_ in _NEGATING_PREPS:
            return "NEG"
        if tok.dep_ == "pcomp" and tok.head.lower_ in _NEGATING_PREPS:
            return "NEG"
    return "POS"


def _complement_of(token: "Token", cues: frozenset[str] | dict[str, str]) -> bool:
    """Whether ``token`` is the infinitive complement of a verb listed in ``cues``."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in cues and token.head.pos_ == "VERB"


def modality(mention: Mention, doc: "Doc", lex: Lexicon | None = None) -> str | None:
    """The mention's modality label (future, hypothetical, conditional, intended,
    reported) or None when it is asserted."""
    lex = lex or lexicon()
    for tok in _anchor_tokens(mention, doc):
        label = _own_modality(tok, lex)
        if label:
            return label
    head = doc[mention.head]
    if head.dep_ in ("xcomp", "acl") and head.head.i != head.i:
        gov = head.head
        gov_lemma = gov.lemma_.lower()
        if lex.modality.get(gov_lemma) == "intended":
            return "intended"  # "plans to visit" ("the decision to leave" is not listed)
        if head.dep_ == "xcomp" and gov.pos_ == "VERB" and event_class(gov_lemma, lex) in ("I_ACTION", "I_STATE"):
            return "intended"  # "urged them to resign": the resignation is asked for, not asserted
        if head.dep_ == "xcomp":
            return _own_modality(gov, lex)
    return None


def _own_modality(token: "Token", lex: Lexicon) -> str | None:
    """Modality from the token's own auxiliaries, adverbs and "if" clause."""
    for child in token.children:
        word = child.lower_
        if child.dep_ in _MODAL_DEPS and word in lex.modality and lex.modality[word] != "intended":
            return lex.modality[word]
        if child.dep_ == "mark" and lex.modality.get(word) == "conditional":
            return "conditional"
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        return _own_modality(token.head, lex)  # "will meet and sign": shares the auxiliary
    return None
