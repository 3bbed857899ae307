"""Reported speech from the dependency parse: cue verbs, their sources and contents.

A cue is a verb of the cue list (``data/cue_verbs.txt``); its content is the clause or
phrase the list allows for it (a ``ccomp`` "said that ...", an ``xcomp`` "vowed to ...",
an object, a prepositional object "called for ..."), or, when the cue is a parenthetical
("..., he said."), the clause it interrupts.  Its source is the subject, the agent of a
passive, a document named by "in the report, it was said", or the subject inherited
from the verb it depends on ("..., adding that ...").  "according to X" is a cue of its
own: X is the source and the rest of its clause the content.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from . import lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = {"who", "that", "which", "whom"}
EXPLETIVE = {"it", "there"}
# Dependents of a cue verb that belong to the cue phrase ("has also said", "did not say"),
# besides adjacent adverbs.
CUE_PARTS = ("aux", "auxpass", "neg")
QUOTE_CHARS = set('"“”„«»‘’\'')


@dataclass
class Candidate:
    """A found attribution before speakers and relays are resolved (token-level)."""

    cue: list[int]  # token indices of the cue phrase
    head: int  # the cue's head token (verb, or "according")
    source: tuple[int, int] | None  # token range [start, end) of the source phrase
    content: list[tuple[int, int]]  # character spans
    rule: str
    according: bool = False
    via: list[tuple[int, int]] = field(default_factory=list)  # token ranges of relays
    cited: tuple[int, int] | None = None  # "citing X": X's token range


def cue_verb(token: "Token") -> lexicon.CueVerb | None:
    """The cue-list entry of ``token`` if it is used as a verb."""
    if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB"):
        return None
    return lexicon.cue_verbs().get(token.lemma_.lower())


# Contents are kept as token index ranges, not token lists: a subtree is contiguous in a
# projective parse (token.left_edge.i .. token.right_edge.i), so building, joining and
# cutting a content costs the number of ranges, not the number of tokens.  One enormous
# sentence with many cues stays linear.
Ranges = tuple[tuple[int, int], ...]  # sorted, disjoint, half-open [start, end) token ranges


def merged(parts: Iterable[tuple[int, int]]) -> Ranges:
    """Sort and join overlapping or touching ranges (empty ones dropped)."""
    out: list[list[int]] = []
    for a, b in sorted(p for p in parts if p[0] < p[1]):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return tuple((a, b) for a, b in out)


def sub(*tokens: "Token") -> Ranges:
    """The subtrees of ``tokens`` as ranges."""
    return merged((t.left_edge.i, t.right_edge.i + 1) for t in tokens)


def minus(ranges: Ranges, holes: Iterable[tuple[int, int]]) -> Ranges:
    """``ranges`` without the ``holes``."""
    out = list(ranges)
    for ha, hb in merged(holes):
        cut = []
        for a, b in out:
            cut += [(a, min(b, ha)), (max(a, hb), b)] if a < hb and ha < b else [(a, b)]
        out = [(a, b) for a, b in cut if a < b]
    return tuple(out)


def clip(ranges: Ranges, start: int, end: int) -> Ranges:
    """``ranges`` cut to [start, end)."""
    return tuple((max(a, start), min(b, end)) for a, b in ranges if max(a, start) < min(b, end))


def hits(ranges: Ranges, start: int, end: int) -> bool:
    """Whether ``ranges`` share a token with [start, end)."""
    return any(a < end and start < b for a, b in ranges)


def _droppable(tok: "Token") -> bool:
    """Edge punctuation and conjunctions, but not quote marks (direct content keeps them)."""
    if tok.text in QUOTE_CHARS or any(c in QUOTE_CHARS for c in tok.text):
        return False
    return tok.is_punct or tok.is_space or tok.dep_ == "cc"


def char_spans(doc: "Doc", ranges: Ranges) -> list[tuple[int, int]]:
    """Character spans of ``ranges``, each trimmed of edge punctuation (only its edges are visited)."""
    out = []
    for a, b in merged(ranges):
        while a < b and _droppable(doc[a]):
            a += 1
        while b > a and _droppable(doc[b - 1]):
            b -= 1
        if a < b:
            out.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
    return out


PARAGRAPH_BREAK = "\n"  # as in quotes.paragraphs: a line break ends a paragraph


def doc_text(doc: "Doc") -> str:
    """The text of a parse, built once (``Doc.text`` joins every token on each access)."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text


def _bounds(doc: "Doc") -> tuple[list[int], list[int], list[int]]:
    """Token start offsets, sentence start tokens and line-break offsets of a parse, built
    once per parse so each cue finds its sentence and paragraph by bisection."""
    cached = doc.user_data.get("dateline_bounds")
    if cached is None:
        text = doc_text(doc)
        breaks = [i for i, ch in enumerate(text) if ch == PARAGRAPH_BREAK]
        cached = doc.user_data["dateline_bounds"] = (
            [t.idx for t in doc], [s.start for s in doc.sents], breaks)
    return cached


def sentence_of(word: "Token") -> tuple[int, int]:
    """Token range of ``word``'s sentence (``Token.sent`` walks the sentence on every call)."""
    sents = _bounds(word.doc)[1]
    k = bisect_right(sents, word.i) - 1
    return sents[k], (sents[k + 1] if k + 1 < len(sents) else len(word.doc))


def in_clause(ranges: Ranges, word: "Token") -> Ranges:
    """``ranges`` cut to the sentence and the paragraph of ``word`` (the parse sometimes runs
    a sentence over a line break)."""
    starts, _, breaks = _bounds(word.doc)
    sent_start, sent_end = sentence_of(word)
    b = bisect_left(breaks, word.idx)
    par_start = breaks[b - 1] + 1 if b > 0 else 0
    par_end = breaks[b] if b < len(breaks) else len(doc_text(word.doc))
    ranges = clip(ranges, sent_start, sent_end)
    return clip(ranges, bisect_left(starts, par_start), bisect_left(starts, par_end))


def subject(verb: "Token") -> "Token | None":
    """The (active or passive) subject of ``verb``, if it has one."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    return None


def noun_phrase(token: "Token") -> tuple[int, int]:
    """Token range of the phrase headed by ``token`` (its subtree, edge punctuation trimmed)."""
    doc, a, b = token.doc, token.left_edge.i, token.right_edge.i + 1
    while a < b and _droppable(doc[a]):
        a += 1
    while b > a and _droppable(doc[b - 1]):
        b -= 1
    return (a, b) if a < b else (token.i, token.i + 1)


def _relative_head(verb: "Token", subj: "Token") -> "Token":
    """For "officials who said ...", the noun the relative pronoun stands for."""
    if subj.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return subj


def _source_phrase(verb: "Token", subj: "Token") -> tuple[int, int]:
    """The source's token range; for "Smith, who said", only the noun phrase before the clause."""
    head = _relative_head(verb, subj)
    if head is not subj and subj.lower_ in ("who", "whom"):
        return subj.i, subj.i + 1  # the mention is "who"; the speakers layer resolves it
    if head is not subj:  # "rules that promise ...": the noun, without its clause
        return head.left_edge.i, head.i + 1
    start, end = noun_phrase(subj)
    aside = _participle_aside(subj)
    return (start, aside.left_edge.i - 1) if aside is not None and aside.left_edge.i - 1 > start else (start, end)


def _participle_aside(noun: "Token") -> "Token | None":
    """", speaking to Reuters," after a name: a participle clause set off by a comma, which
    describes the speaker and is no part of its name."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and c.i > noun.i and c.left_edge.i > 0 \
                and noun.doc[c.left_edge.i - 1].text == ",":
            return c
    return None


def participle_relay(verb: "Token") -> tuple[int, int] | None:
    """"X, speaking to Reuters, said": the outlet (a listed one, or a web address) that the
    subject's participle aside names; it relays the words."""
    subj = subject(verb)
    aside = _participle_aside(subj) if subj is not None else None
    if aside is None and subj is not None:  # parsed as the verb's own clause, between the two
        aside = next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                      and subj.i < c.i < verb.i), None)
    if aside is None:
        return None
    for prep in aside.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                rng = noun_phrase(obj)
                phrase = verb.doc[rng[0]:rng[1]].text
                if lexicon.is_outlet(phrase) or lexicon.described_outlet(phrase) or "www." in phrase \
                        or phrase.lower().endswith((".com", ".org", ".net")):
                    return rng
    return None


def _document_in(verb: "Token") -> "Token | None":
    """The document of "In the report, it was said ..." (a prep 'in' with a document noun)."""
    documents = lexicon.nouns_of_class("document")
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "within"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in documents:
                    return obj
    return None


def source_of(verb: "Token", depth: int = 0) -> tuple[int, int] | None:
    """Token range of the source of a cue verb, by subject, agent, document or inheritance."""
    subj = subject(verb)
    if subj is not None and subj.dep_ != "nsubjpass" and subj.lower_ != "there":
        return _source_phrase(verb, subj)  # an active "it" is a thing that speaks ("It also mentions")
    for child in verb.children:  # passive: "was told by X"
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return noun_phrase(objs[0])
    doc_noun = _document_in(verb)
    if doc_noun is not None:
        return noun_phrase(doc_noun)
    if subj is not None and subj.dep_ == "nsubjpass" and _quoted_as(verb) is not None:
        return _source_phrase(verb, subj)  # "X was quoted as saying": X spoke
    if subj is not None and subj.lower_ not in EXPLETIVE and subj.dep_ == "nsubjpass":
        return None  # "he was asked": the subject is the addressee, not the source
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # object control: "led voters to fear", "urged the mayor to say": the object speaks
        objs = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if objs and _speaker_like(objs[-1]):
            return noun_phrase(objs[-1])
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
        up = verb.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and up.dep_ == "ccomp" and cue_verb(up.head) is not None \
                and verb.i > up.head.i:
            up = up.head  # "X said the deal was fair, referring to Y": the parse hung it on the words
        return source_of(up, depth + 1)  # "acomp": "was quick to point out"
    if depth < 3 and verb.dep_ == "pcomp":  # "before asking her", "on board with comparing X"
        blamed = _blamed_object(verb)
        if blamed is not None:
            return noun_phrase(blamed)
        up = verb.head
        # spaCy makes a new Token on each access: compare indices (``is`` never stops at the root)
        while up.head.i != up.i and up.pos_ not in ("VERB", "AUX"):
            up = up.head
        if up.pos_ in ("VERB", "AUX") and up.i != verb.i:
            return source_of(up, depth + 1)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head.left_edge.i, verb.head.i + 1
    return None


def _blamed_object(verb: "Token") -> "Token | None":
    """"criticized the mayor for saying ...": the object of the verb that "for" hangs on
    spoke the words (not the subject who criticizes, thanks or blames)."""
    prep = verb.head
    if prep.lower_ != "for" or prep.head.i == prep.i:
        return None
    objs = [c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i]
    return objs[-1] if objs and _speaker_like(objs[-1]) else None


def _quoted_as(verb: "Token") -> "Token | None":
    """The speech gerund of "was quoted as saying" (a passive cue naming its speaker as subject)."""
    if verb.tag_ != "VBN" or cue_verb(verb) is None:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for c in prep.children:
                if c.dep_ == "pcomp" and c.tag_ == "VBG" and cue_verb(c) is not None \
                        and cue_verb(c).cls == "speech":
                    return c
    return None


def _speaker_like(tok: "Token") -> bool:
    """A person or a group by its word: a name, a personal pronoun, a listed source noun
    ("voters", "the mayor"); not a thing ("used the speech to attack")."""
    if tok.pos_ == "PROPN" or tok.lower_ in PERSONAL_OBJECTS:
        return True
    return tok.pos_ == "NOUN" and lexicon.source_nouns().get(tok.lemma_.lower()) is not None


PERSONAL_OBJECTS = {"me", "us", "you", "him", "her", "them"}


def cue_tokens(verb: "Token", extra: Iterable["Token"] = (), content: Ranges = ()) -> list[int]:
    """The cue phrase: the verb group (auxiliaries, negation, adverbs, particles) and, after it,
    a setting phrase ("said in a statement") and a colon, as PolNeAR marks them.

    ``content`` holds the token ranges of the content: the cue never reaches over them.
    """
    keep = {verb.i} | {t.i for t in extra}
    keep.add(_verb_group_start(verb))
    keep.add(_governor_start(verb, content))
    right = _verb_group_end(verb)
    keep.add(right)
    right = _setting_end(verb, right, content)
    keep.add(right)
    # "said:" before a quote or a block of text.  (A passive's "by" was tried and left out:
    # PolNeAR train puts it in the cue for 18 of 62 passive cue verbs.)
    nxt = right + 1
    if nxt < len(verb.doc) and verb.doc[nxt].text == ":" and not hits(content, nxt, nxt + 1):
        keep.add(nxt)
    return sorted(keep)


MAX_GOVERNOR_REACH = 12  # tokens from a governing verb to the "to" of the cue verb
INFINITIVE_HEADS = ("xcomp", "advcl", "acl", "relcl", "ccomp", "acomp", "amod", "attr")


def _governor_start(verb: "Token", content: Ranges) -> int:
    """An infinitive cue takes in the verb group that governs it, as PolNeAR marks it:
    "went on to say", "seemed to blame", "is quick to point out", "was able to tout".

    Only over adverbs, particles and auxiliaries, in its sentence, past no content or source.
    """
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i), None)
    if to is None or verb.dep_ not in ("xcomp", "advcl", "acl"):
        return verb.i
    gov, chain = verb.head, []
    while gov.pos_ == "ADJ" and gov.dep_ in INFINITIVE_HEADS and gov.head.i != gov.i:
        chain.append(gov.i)
        gov = gov.head  # "is quick to", "was able to"
    if gov.pos_ not in ("VERB", "AUX") or gov.i >= to.i or to.i - gov.i > MAX_GOVERNOR_REACH:
        return verb.i
    # only the verb group between ("went on to say", "is all too quick to"): an object
    # there is the infinitive's own subject ("led voters to fear", "for Trump to attack")
    if any(t.pos_ not in ("ADV", "PART", "AUX") and t.i not in chain and t.dep_ != "prt"
           for t in verb.doc[gov.i + 1:to.i]):
        return verb.i
    start = _verb_group_start(gov)
    subj = subject(gov)
    between = range(start, to.i)
    if hits(content, start, to.i) or (subj is not None and subj.i in between) \
            or sentence_of(gov) != sentence_of(verb) or any("\n" in verb.doc[i].text for i in between):
        return verb.i
    return start


def _verb_group_start(verb: "Token") -> int:
    """First token of the verb group: auxiliaries, negation and adverbs before the verb,
    over adverb phrases between them ("is once again questioning", "did not say")."""
    children = {c.i: c for c in verb.children}
    start, i = verb.i, verb.i - 1
    while i >= 0:
        tok = verb.doc[i]
        child = children.get(i)
        if child is not None and (child.dep_ in CUE_PARTS or (child.dep_ == "advmod" and child.tag_ == "RB")):
            start = i
        elif not (tok.tag_ == "RB" and _under_adverb_of(tok, verb)):
            break
        i -= 1
    return start


def _under_adverb_of(tok: "Token", verb: "Token") -> bool:
    """Whether ``tok`` sits inside an adverb phrase that modifies ``verb`` ("once" of "once again")."""
    up = tok.head  # spaCy makes a new Token object on each access: compare indices, not identity
    for _ in range(3):
        if up.head.i == verb.i and up.dep_ == "advmod":
            return True
        if up.head.i == up.i:
            return False
        up = up.head
    return False


def _verb_group_end(verb: "Token") -> int:
    """Last token of the verb group: particles, adverbs and a bare day right after the verb
    ("pointed out", "said Friday", "said later")."""
    children = {c.i: c for c in verb.children}
    right = verb.i
    while right + 1 in children and (children[right + 1].dep_ == "prt" or (
            children[right + 1].dep_ in ("advmod", "npadvmod") and children[right + 1].ent_type_ in ("DATE", "TIME", "")
            and children[right + 1].tag_ in ("RB", "NNP") and children[right + 1].lower_ not in ("as", "so"))):
        right += 1
    return right


SETTING_PREPS = ("in",)


def _setting_end(verb: "Token", end: int, content: Ranges) -> int:
    """Extend the cue over "in a statement" / "in a phone interview" right after it (up to the
    noun: "with X" after it is left out, as PolNeAR mostly does)."""
    nxt = end + 1
    for prep in verb.children:
        if prep.i != nxt or prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
            continue
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() not in lexicon.speech_settings():
            return end
        last = objs[0].i
        span = range(prep.i, last + 1)
        if hits(content, prep.i, last + 1) or any(verb.doc[i].text in QUOTE_CHARS for i in span):
            return end
        return last
    return end


def _is_parenthetical(verb: "Token") -> bool:
    """", he said." : the cue closes the clause it attributes (or sits inside it)."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj"):
        return False
    if verb.i < head.i and verb.dep_ != "parataxis":
        return False
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return False
    if cue_verb(head) is not None and verb.dep_ == "ccomp":
        return False  # "he said she said": an embedded report, not a parenthetical
    first = next((t for t in verb.subtree if not t.is_punct), verb)
    before = verb.doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.text in {",", "—", "–", "-", "(", "”", '"'}


Found = tuple[Ranges, list["Token"], str]  # content ranges, extra cue tokens, rule name


def _after(verb: "Token", deps: tuple[str, ...]) -> list["Token"]:
    return [c for c in verb.children if c.dep_ in deps and c.i > verb.i]


def _clause_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """"said (that) ...": every clausal complement.

    "A, the agency said, and B": when the report follows its clause, a clause joined after
    it (not itself a report) continues what is reported.
    """
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] if "ccomp" in cue.complements else []
    clauses = [c for c in clauses if not _semicolon_between(c, verb)]
    if not clauses:
        return None
    toks = sub(*clauses)
    if all(c.i < verb.i for c in clauses):
        joined = [c for c in _after(verb, ("conj",)) if c.pos_ in ("VERB", "AUX") and cue_verb(c) is None]
        if joined and any(c.dep_ == "cc" for c in _after(verb, ("cc",))):
            toks = merged(toks + sub(*joined, *_after(verb, ("cc",))))
    return toks, [], "ccomp"


def _semicolon_between(clause: "Token", verb: "Token") -> bool:
    """"A is due; B said C; D has promised E": a clause before the cue that a semicolon parts
    from the cue's own clause is a clause of a list, not what the cue reports."""
    if clause.i > verb.i:
        return False
    start = _subject_start(verb)
    return any(t.text == ";" for t in verb.doc[clause.right_edge.i + 1:min(start, verb.i)])


def _parenthetical_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """"The plan, he said, is dead": the clause around the cue, without the cue and its subject.

    Clauses hung on the cue after it ("..., he said, until it went bankrupt") stay in.
    """
    if not _is_parenthetical(verb):
        return None
    if any(f"prep:{c.lower_}" in cue.complements for c in _after(verb, ("prep",))):
        return None  # "..., he said, referring to X": X is what the participle is about
    inside = minus(sub(verb), sub(*_after(verb, ("advcl", "ccomp", "conj"))))
    return minus(sub(verb.head), inside), [], "parenthetical"


def _infinitive_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """"vowed to ...", and "called for X to ..." where 'for' was parsed as a clause marker."""
    if "xcomp" in cue.complements:
        for c in _after(verb, ("xcomp",)):
            # "urged supporters to monitor the polls": the object is part of what is urged
            objs = [o for o in _after(verb, ("dobj",)) if o.i < c.i]
            # "called on the senator to resign": the listed preposition joins the cue, its
            # object the content (PolNeAR: cue "called on", content "the senator to resign")
            preps = [p for p in _after(verb, ("prep",)) if p.i < c.i and f"prep:{p.lower_}" in cue.complements]
            if preps:
                return minus(sub(preps[0], c), [(preps[0].i, preps[0].i + 1)]), preps[:1], "xcomp"
            return sub(*objs, c), [], "xcomp"
    if "prep:for" in cue.complements:
        for c in _after(verb, ("advcl",)):
            marks = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]
            if marks:
                return minus(sub(c), [(m.i, m.i + 1) for m in marks]), marks, "prep"
    return None


def _predicative_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """"called the charges baseless", "called her vote in 2002 a mistake": one span."""
    if "oprd" not in cue.complements:
        return None
    objs = _after(verb, ("dobj",))
    preds = _after(verb, ("oprd", "ccomp", "xcomp"))
    if not ((objs and preds) or (len(preds) > 1 and preds[0].dep_ == "oprd")):
        return None
    parts = sub(*objs, *preds)
    return ((parts[0][0], parts[-1][1]),), [], "dobj_oprd"


def _prepositional_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """"called for ...", "warned of ...": the object of the listed preposition."""
    for c in _after(verb, ("prep",)):
        if f"prep:{c.lower_}" in cue.complements:
            toks = merged(minus(sub(c), [(c.i, c.i + 1)]) + sub(*[x for x in _after(verb, ("xcomp", "ccomp")) if x.i > c.i]))
            if toks:
                return toks, [c], "prep"
    return None


def _passive_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """"The nominee has been endorsed by dozens of papers", "North Korea is not thought to be
    capable of ...", "a curfew was announced": the subject and its complement are what is said."""
    kids = list(verb.children)
    subj = [c for c in kids if c.dep_ == "nsubjpass"]
    agents = [o for c in kids if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if not subj or subj[0].lower_ in EXPLETIVE:
        return None
    if subj[0].lower_ in RELATIVE and not (agents and verb.dep_ == "relcl"):
        return None  # "a plan, which was criticized by X as ...": X's words about "which" stand
    clauses = _after(verb, ("xcomp", "oprd", "ccomp"))
    if agents and not plausible_source(agents[0]):
        return None  # "decided by less than one point": the agent is no one who speaks
    if not agents and ("addressee" in cue.complements or not clauses):
        return None  # "he was asked about it": the subject was spoken to, nobody is credited
    rest = clauses + [c for c in _after(verb, ("prep",)) if f"prep:{c.lower_}" in cue.complements or c.lower_ == "as"]
    return sub(subj[0], *rest), [], "passive"


SOURCE_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def plausible_source(noun: "Token", depth: int = 0) -> bool:
    """Whether a noun can name someone who speaks: a person, organisation, group or state
    entity, a source noun ("officials", "the report"), or a personal pronoun; a quantity
    ("dozens of papers") is judged by what it counts."""
    if noun.ent_type_ in SOURCE_ENTITY_TYPES or noun.pos_ == "PRON":
        return True
    if noun.pos_ == "PROPN" and not noun.ent_type_:
        return True  # an untyped name: the model misses many organisations
    lemma = noun.lemma_.lower()
    if lemma in lexicon.source_nouns() or lemma in lexicon.nouns_of_class("document"):
        return True
    counted = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    return depth < 2 and bool(counted) and plausible_source(counted[0], depth + 1)


def _object_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """An object, with the phrase that completes it ("accused X of Y", "cited X as Z").

    A gerund object counts ("cited improving services as a priority"); a clause after a
    comma does not.
    """
    if "dobj" not in cue.complements:
        return None
    for c in _after(verb, ("xcomp", "ccomp", "pcomp")):
        if c.tag_ == "VBG":
            return sub(c, *[x for x in _after(verb, ("prep",)) if x.i > c.i]), [], "dobj"
    for c in _after(verb, ("dobj", "attr")):
        if c.lower_ in RELATIVE:
            continue
        rest = [x for x in verb.children if x.i > c.i and verb.doc[x.left_edge.i - 1].text != "," and (
            x.dep_ in ("oprd", "xcomp", "ccomp", "prep") or (x.dep_ == "conj" and x.pos_ != "VERB"))]
        return sub(c, *rest), [], "dobj"
    return None


def _quoted_as_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """"A had failed, X, the paper's editor, was quoted as saying.": the words before the
    comma that opens the subject (the parse may hang the cue on them by any relation)."""
    gerund = _quoted_as(verb)
    subj = subject(verb)
    if gerund is None or subj is None or subj.dep_ != "nsubjpass" or subj.i > verb.i:
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in gerund.children):
        return None  # "quoted as saying that ...": the gerund holds the words
    start = subj.left_edge.i
    first = sentence_of(verb)[0]
    if start <= first or verb.doc[start - 1].text != ",":
        return None
    return ((first, start - 1),), [gerund.head, gerund], "quoted_as"


def _comma_content(verb: "Token", cue: lexicon.CueVerb) -> Found | None:
    """", he said," between two halves of a clause the parse did not join to the verb."""
    if "quote" not in cue.complements or not _set_off_by_commas(verb):
        return None
    skip = [(max(_subject_start(verb), verb.left_edge.i), verb.i + 1)]
    skip += sub(*_after(verb, ("prep", "npadvmod", "advmod", "punct")))
    return minus((sentence_of(verb),), skip), [], "parenthetical"


# Tried in order; the first that finds a content wins.
CONTENT_RULES = (_quoted_as_content, _clause_content, _parenthetical_content, _infinitive_content, _predicative_content,
                 _prepositional_content, _passive_content, _object_content, _comma_content)


def content_tokens(verb: "Token", cue: lexicon.CueVerb) -> Found:
    """(content ranges, extra cue tokens, rule) of a cue verb; empty when it has none."""
    for rule in CONTENT_RULES:
        found = rule(verb, cue)
        if found is not None:
            toks, extra, name = found
            if name in ("xcomp", "dobj", "prep"):
                toks = merged(toks + _coordinated_tail(verb, toks))
            return in_clause(toks, verb), extra, name
    return (), [], ""


def _coordinated_tail(verb: "Token", toks: Ranges) -> Ranges:
    """"declined to threaten Moscow or even declare it responsible": a second object or
    predicate coordinated with the content (no subject of its own, not a cue itself)."""
    if not toks:
        return ()
    end = toks[-1][1] - 1
    tail = []
    for c in verb.children:
        if c.i <= end or c.dep_ not in ("cc", "conj"):
            continue
        if c.dep_ == "conj" and (subject(c) is not None or cue_verb(c) is not None):
            break
        tail.append(c)
    return sub(*tail) if any(c.dep_ == "conj" for c in tail) else ()


def _subject_start(verb: "Token") -> int:
    subj = subject(verb)
    return subj.left_edge.i if subj is not None else verb.i


def _set_off_by_commas(verb: "Token") -> bool:
    """"..., the agency said in a report, ..." : subject and verb between commas (or a comma and the end)."""
    subj = subject(verb)
    if subj is None or subj.dep_ != "nsubj" or subj.i > verb.i:
        return False
    if verb.dep_ == "relcl" or subj.lower_ in RELATIVE:
        return False  # "..., who spoke on condition of anonymity": describes a noun, reports nothing
    first = next((t for t in subj.subtree if not t.is_punct), subj)
    if first.i == sentence_of(verb)[0] or verb.doc[first.i - 1].text not in {",", "—", "–"}:
        return False
    after = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("prep", "npadvmod", "advmod", "punct")]
    return all(c.dep_ in ("advcl", "conj", "cc") for c in after)


# Any verb with a subject and a that-clause reports a thought or a statement ("X worries
# that", "X has made clear that"), unless it is one of these, which take clauses of fact.
NOT_CUES = {"be", "make", "ensure", "mean", "seem", "appear", "happen", "matter", "prove", "help"}
PERSONAL = {"i", "we", "you", "he", "she", "they"}
OPEN_CUE = lexicon.CueVerb("*", "speech", frozenset({"ccomp"}))


def _open_cue(tok: "Token") -> lexicon.CueVerb | None:
    """A verb outside the list that still introduces a "that" clause with a subject."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in NOT_CUES or subject(tok) is None:
        return None
    subj = subject(tok)
    speaker_like = subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.lower_ in PERSONAL or (
        lexicon.source_nouns().get(subj.lemma_.lower()) is not None)
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i < tok.i:
            continue
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) or speaker_like:
            return OPEN_CUE
    return None


def verb_candidates(doc: "Doc") -> list[Candidate]:
    """Every cue verb of ``doc`` with a content found in the parse."""
    found = []
    for tok in doc:
        cue = cue_verb(tok) or _open_cue(tok)
        if cue is None or (tok.lower_ == "citing" and tok.dep_ in ("advcl", "xcomp", "conj")):
            continue  # "X reported, citing Y": Y is the source of X's report, not a new claim
        credit = _as_reported(tok)
        if credit is not None:
            found.append(credit)
            continue
        toks, extra, rule = content_tokens(tok, cue)
        spans = char_spans(doc, toks)
        if not spans or _passive_without_source(tok, rule):
            continue
        found.append(Candidate(cue=cue_tokens(tok, extra, toks), head=tok.i, source=_same_line(doc, source_of(tok), tok),
                               content=spans, rule=f"verb_{rule}", cited=_cited(tok)))
    return found


# "as X reported/said/found": verbs that state or find (not "as she called", "as he welcomed")
CREDIT_CLASSES = ("report", "speech", "belief")
ACTIVITY_VERBS = {"speak", "talk", "chat", "testify", "address", "answer", "reply", "respond"}


def _as_reported(verb: "Token") -> Candidate | None:
    """"X happened, as reported by Y" / "As Y reported, X happened": Y credits the clause the
    "as" phrase hangs on (a claim credited to a source, like "according to").

    A cue with a content of its own ("as she noted how happy she was") is not one of these.
    """
    cue = cue_verb(verb)
    if verb.dep_ != "advcl" or verb.head.i == verb.i or cue is None or cue.cls not in CREDIT_CLASSES:
        return None
    if verb.lemma_.lower() in ACTIVITY_VERBS:
        return None  # "as she spoke, ...": a time, not a credit
    if verb.lemma_.lower() == "quote":
        return None  # "X said ..., as quoted by Y": Y only relays X's words (a via, build.py)
    marks = [c for c in verb.children if c.dep_ in ("mark", "advmod") and c.lower_ == "as" and c.i < verb.i]
    if not marks or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    subj = subject(verb)
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if subj is not None and subj.dep_ != "nsubjpass" and plausible_source(subj):
        source = noun_phrase(subj)
    elif subj is None and agents and agents[0].pos_ in ("PROPN", "NOUN", "PRON"):  # "reported by" names a source
        source = noun_phrase(agents[0])
    else:
        return None  # "as expected": nobody is credited
    content = in_clause(minus(sub(verb.head), sub(verb)), verb)
    spans = char_spans(verb.doc, content)
    if not spans:
        return None
    cue = cue_tokens(verb, (), content)
    if subj is None:  # "as reported by": the whole phrase up to "by" is the cue
        cue = sorted(set(cue) | {marks[0].i} | {a.head.i for a in agents if a.head.i == max(cue) + 1})
    return Candidate(cue=cue, head=verb.i, source=_same_line(verb.doc, source, verb), content=spans,
                     rule="as_reported", according=True)


def _same_line(doc: "Doc", rng: tuple[int, int] | None, verb: "Token") -> tuple[int, int] | None:
    """Cut a source phrase at a line break (a dateline or time stamp the parse ran into)."""
    if rng is None:
        return None
    start, end = rng
    for i in range(end - 1, start - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1
            break
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    return (start, end) if start < end else None


def _passive_without_source(verb: "Token", rule: str) -> bool:
    """"when asked about X", "he was told to": the subject is not the speaker; no agent."""
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps:
        return False
    reduced = verb.tag_ == "VBN" and not deps & {"aux", "auxpass", "nsubj"} and verb.dep_ != "ROOT"
    passive = "auxpass" in deps or "nsubjpass" in deps
    return reduced or (passive and rule not in ("ccomp", "passive", "quoted_as"))


def _cited(verb: "Token") -> tuple[int, int] | None:
    """"..., citing two officials": the cited source of a report verb."""
    for c in verb.children:
        if c.lower_ == "citing":
            objs = [o for o in c.children if o.dep_ in ("dobj", "pobj")]
            if objs and plausible_source(objs[0]):  # "citing two officials", not "citing evidence"
                return noun_phrase(objs[0])
    return None


def according_candidates(doc: "Doc") -> list[Candidate]:
    """"according to X": X is the source, the rest of the clause the content."""
    found = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in tok.children if c.dep_ == "pobj"]
        source = noun_phrase(objs[0]) if objs else None
        inside = merged(sub(tok) + ((tok.i, to.i + 1),) + ((source,) if source else ()))
        clause = _clause_head(tok)
        if _sentence_edge(tok, inside):  # "According to X, ..." / "..., according to X.": the sentence
            toks = minus((sentence_of(tok),), inside)
        else:
            toks = minus(sub(clause), inside) if clause.i != tok.i else ()
        spans = char_spans(doc, in_clause(toks, tok))
        if spans:
            found.append(Candidate(cue=[tok.i, to.i], head=tok.i, source=source,
                                   content=spans, rule="according_to", according=True))
    return found


def _sentence_edge(tok: "Token", phrase: Ranges) -> bool:
    """The "according to X" phrase opens the sentence or closes it after a comma."""
    a, b = sentence_of(tok)
    sent = tok.doc[a:b]
    first = next((t.i for t in sent if not (t.is_punct or t.is_space)), None)
    last = next((t.i for t in reversed(sent) if not (t.is_punct or t.is_space)), None)
    if first is None or phrase == merged(((first, last + 1),) + phrase):
        return False  # no words, or every word is the phrase
    starts = hits(phrase, first, first + 1)
    ends = hits(phrase, last, last + 1) and tok.i > 0 and tok.doc[tok.i - 1].text == ","
    return starts or ends


def _clause_head(tok: "Token") -> "Token":
    """The verb of the clause a modifier belongs to (climbing over nouns it modifies)."""
    head = tok.head
    steps = 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 4:
        head = head.head
        steps += 1
    return head if head.i != tok.i else tok.sent.root


LABEL_MAX_TOKENS = 5


def label_candidates(doc: "Doc", text: str) -> list[Candidate]:
    """Transcript and headline labels: "PENCE: Well, ..." / "Poll: Voters abandon ...".

    A paragraph that opens with a short name-like phrase and a colon credits the rest of
    the paragraph to that phrase; the colon is the cue.
    """
    found = []
    documents = lexicon.nouns_of_class("document")
    for sent in doc.sents:
        start = sent.start_char
        if start > 0 and "\n" not in text[max(0, start - 2):start] and start != 0:
            continue  # only a paragraph's first sentence
        toks = [t for t in sent[: LABEL_MAX_TOKENS + 3] if t.text not in ('"', "“", "''")]
        colon = next((t for t in toks if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            continue
        label = [t for t in doc[sent.start:colon.i] if t.text not in ('"', "“", "''")]
        if not label or len(label) > LABEL_MAX_TOKENS or not _label_like(label, documents):
            continue
        if doc[label[0].i:label[-1].i + 1].text.lower() in lexicon.editorial_labels():
            continue  # "Correction: ...": the newsroom's note
        end = text.find("\n", colon.idx)
        end = len(text) if end < 0 else end
        content_start = colon.idx + 1
        while content_start < end and text[content_start].isspace():
            content_start += 1
        if end - content_start < 3:
            continue
        found.append(Candidate(cue=[colon.i], head=colon.i, source=(label[0].i, label[-1].i + 1),
                               content=[(content_start, end)], rule="label_colon"))
    return found


def _label_like(label: list["Token"], documents: frozenset[str]) -> bool:
    """A speaker or document label: names or capitals, no verb, no digits."""
    if any(t.like_num or any(ch.isdigit() for ch in t.text) or t.pos_ in ("VERB", "AUX") for t in label):
        return False
    named = any(t.pos_ == "PROPN" or (t.is_upper and len(t.text) > 1) for t in label)
    return named or label[-1].lemma_.lower() in documents


# A noun or adjective that completes a verb ("has been critical of", "took a shot at", "have
# no idea") takes the verb group into its cue, as PolNeAR marks it (train: the verb is in the
# gold cue for 291 of 295 adjectives after "be", about 4 in 5 object nouns).
PREDICATE_DEPS = ("acomp", "attr", "dobj", "oprd")
# Left modifiers of a cue noun that PolNeAR keeps in the cue ("the first official
# acknowledgement of", "harsh words about"; train: amod 233 of 318, det 190 of 297), but not
# an owner ("his", "Smith's": 2 of 355).
NOUN_CUE_MODIFIERS = ("det", "amod", "nummod", "predet", "advmod", "neg")


def nominal_cue_start(word: "Token", content: Ranges = ()) -> int:
    """First token of the cue of a noun or adjective: the verb group it completes, else its
    own modifiers before it; never over the content, a subject or a line break."""
    gov = word.head
    owned = any(c.dep_ == "poss" for c in word.children)  # "rejected Smith's claim": the owner speaks
    if word.dep_ in PREDICATE_DEPS and gov.pos_ in ("VERB", "AUX") and gov.i < word.i and not owned \
            and sentence_of(gov) == sentence_of(word):
        start = _verb_group_start(gov)
        if _clear_between(word, start, content):
            return start
    # an owner ("his", "Smith's") or a name before the noun ("a Times report") is the source
    owner_end = max((c.right_edge.i for c in word.children if c.dep_ in ("poss", "compound") and c.i < word.i),
                    default=-1)
    mods = [c.left_edge.i for c in word.children
            if c.i < word.i and c.dep_ in NOUN_CUE_MODIFIERS and c.left_edge.i > owner_end]
    start = min(mods, default=word.i)
    return start if _clear_between(word, start, content) else word.i


def _clear_between(word: "Token", start: int, content: Ranges) -> bool:
    """No content, subject, quote mark or line break from ``start`` up to ``word``."""
    between = word.doc[start:word.i]
    return not hits(content, start, word.i) and not any(
        t.dep_ in SUBJECTS or "\n" in t.text or t.text in QUOTE_CHARS for t in between)


def noun_candidates(doc: "Doc") -> list[Candidate]:
    """"Smith's claim that ...", "a Ledger report that ...", "his pledge to ...": owner and clause."""
    found = []
    table = lexicon.cue_nouns()
    for tok in doc:
        comps = table.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
        owner = _noun_owner(tok) if comps else None
        if owner is None:
            continue
        content, prep = _noun_content(tok, comps)
        spans = char_spans(doc, clip(content, *sentence_of(tok)))
        if spans:  # the cue runs to the preposition of the content ("criticism of")
            cue = list(range(nominal_cue_start(tok, content), (prep.i if prep is not None else tok.i) + 1))
            found.append(Candidate(cue=cue, head=tok.i, source=owner, content=spans, rule="noun"))
    return found


def _noun_owner(noun: "Token") -> tuple[int, int] | None:
    """The owner of a cue noun: possessive, a proper name before it, or "by X"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c.left_edge.i, c.i + 1
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
    if names:
        return names[0].left_edge.i, names[-1].i + 1
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return noun_phrase(objs[0])
    return None


def _noun_content(noun: "Token", comps: frozenset[str]) -> tuple[Ranges, "Token | None"]:
    """The clause or prepositional object of a cue noun that its table row allows, and the
    preposition (None for a clause)."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i:
            marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "aux")}
            if ("that" in comps and "that" in marks) or ("to" in comps and "to" in marks):
                return sub(c), None
        if c.dep_ == "prep" and c.lower_ in comps and c.i > noun.i:
            return minus(sub(c), [(c.i, c.i + 1)]), c
    return (), None

