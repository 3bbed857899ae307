"""Merging name mentions into canonical entities (one per real-world thing in the article).

Rules, in order:
1. the same name (matching key: case, dots, a leading "the" ignored; the alias table maps
   "US", "U.S." and "the United States" to one name) is one entity, whatever type spaCy
   gave each mention (the majority type wins);
2. an organization or place whose name is the end of exactly one longer name ("State
   Department" in "US State Department") or its acronym ("UN" for "United Nations") joins it;
   so does a one-word name that ends exactly one organization written with a capital "The"
   ("the Post" of "The Washington Post");
3. a person named by part of exactly one longer person name ("Khan", "Imran") joins it,
   unless an honorific or a known first name says the genders differ ("Mr. Obama" does not
   join "Michelle Obama"); with several candidates, the one mentioned at least twice as often as each other,
   else the mention stays apart rather than guess;
4. a one-word name spaCy typed as ORG/GPE/... that is the surname of exactly one person
   joins that person; a one-word name that is the first name of exactly one person and the
   subject of a verb of people ("Melania said"; data/person_verbs.txt) joins that person;
5. a one-word name that is the first word of exactly one company name ending in a company
   word ("Norvale" of "Norvale Systems", data/company_words.txt) joins that company,
   whatever type spaCy gave it;
6. a one-word name typed PERSON (or PRODUCT, WORK_OF_ART) that is never written with a
   first name or a title, and is written after a place preposition in at least half of its
   mentions ("filed suit in Harlow", data/place_prepositions.txt), is a place (GPE);
7. a name typed PERSON, GPE, LOC or FAC that is written as a sports team's somewhere ("Lakemont
   coach", "Blackburn's forward", "held off Lakemont 24-17"; data/team_cues.txt) is an
   organization, unless it is a person with a title or a known first name, or a country of
   the alias or nationality tables.
Of several people a bare surname may name (rule 3), one also called by a bare first name
("his wife, Robinah") is not the one the surname means; of those left, the one mentioned at
least twice as often, else the only one named before the surname first appears.
The canonical name is the alias table's, else the longest name (with "The" when the
article writes it capitalized mid-sentence).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from . import data
from .mentions import PLACE_SLIPS, Mention

_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})
_PLACE_OR_ORG = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})
_SURNAME_SLIPS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"})


@dataclass
class Cluster:
    """Mentions believed to name one entity (mutable while merging)."""

    mentions: list[Mention] = field(default_factory=list)
    canonical: str | None = None  # from the alias table

    @property
    def first(self) -> int:
        """Where the cluster is first mentioned."""
        return min(m.start for m in self.mentions)

    @property
    def label(self) -> str:
        """The majority type of the cluster's own name mentions (earliest wins ties); an
        adjective ("European") only decides when the place itself is never named; mentions
        typed by a cue word decide when there are any."""
        named = ([m for m in self.mentions if m.kind == "name"]
                 or [m for m in self.mentions if m.kind == "demonym"] or self.mentions)
        # a cue word ("the town of X", "X neighborhood") outweighs spaCy's guesses elsewhere
        named = [m for m in named if m.type_cue] or named
        counts = Counter(m.label for m in named)
        best = max(counts.values())
        return next(m.label for m in named if counts[m.label] == best)

    @property
    def has_the(self) -> bool:
        """Whether a capitalized "The" belongs to the name."""
        return any(m.has_the for m in self.mentions)

    def base_name(self) -> str:
        """The longest name among the mentions (most words, then characters, then not in
        capitals, then earliest).
        A tagger slip that glues a word in front ("Rip Donald Trump") is not undone: the
        same shape is a real name too often ("Osama Bin Laden" beside "Bin Laden")."""
        if self.canonical:
            return self.canonical
        named = [m for m in self.mentions if m.kind in ("name", "demonym")] or self.mentions
        # ties go to the name as usually written ("Washington" over a dateline's "WASHINGTON")
        return max(named, key=lambda m: (len(m.name.split()), len(m.name), not m.name.isupper(), -m.start)).name

    def name(self) -> str:
        """The canonical name, with "The" where it belongs to the name."""
        base = self.base_name()
        if self.has_the and not base.startswith("The "):
            return "The " + base
        return base

    def tokens(self) -> list[str]:
        """The words of the cluster's name, as matching keys."""
        return data.name_key(self.base_name()).split()


def _group_key(mention: Mention) -> str:
    canonical = data.canonical_alias(mention.name)
    return data.name_key(canonical) if canonical else mention.key


def exact_clusters(mentions: list[Mention]) -> list[Cluster]:
    """Rule 1: one cluster per matching key (alias table applied)."""
    by_key: dict[str, Cluster] = {}
    for m in mentions:
        key = _group_key(m)
        if key not in by_key:
            by_key[key] = Cluster(canonical=data.canonical_alias(m.name))
        by_key[key].mentions.append(m)
    return list(by_key.values())


def acronym(words: list[str]) -> str:
    """Initials of the significant words: ["united", "nations"] -> "un"."""
    return "".join(w[0] for w in words if w not in _ACRONYM_SKIP and w[:1].isalpha())


def _contains(longer: list[str], shorter: list[str], person: bool) -> bool:
    if len(shorter) >= len(longer):
        return False
    if person:  # any contiguous part: "Khan", "Imran", "Imran Khan" of "Imran Ahmed Khan"
        return all(w in longer for w in shorter)
    if len(shorter) >= 2 and longer[-len(shorter):] == shorter:
        return True  # "State Department" of "US State Department"
    return len(shorter) == 1 and len(shorter[0]) >= 2 and acronym(longer) == shorter[0]


def _publication_short(host: Cluster, longer: list[str], shorter: list[str]) -> bool:
    """Whether a one-word name is the last word of a name written with a capital "The"
    ("the Post" of "The Washington Post", "the Times" of "The New York Times")."""
    return (len(shorter) == 1 and len(longer) > 1 and longer[-1] == shorter[0]
            and host.has_the and host.label == "ORG")


def _dominant(hosts: list[Cluster]) -> list[Cluster]:
    """Of several people sharing a surname, the one mentioned at least twice as often as
    each other ("Trump" beside "Donald Trump" x9 and "Ivanka Trump" x1); else all."""
    if len(hosts) < 2:
        return hosts
    ranked = sorted(hosts, key=lambda c: len(c.mentions), reverse=True)
    return ranked[:1] if len(ranked[0].mentions) >= 2 * len(ranked[1].mentions) else hosts


def _surname_host(hosts: list[Cluster], short: Cluster, bare: set[str]) -> list[Cluster]:
    """The people a shorter name may join, narrowed as the module docstring says (rule 3);
    ``bare`` holds the one-word person names of the article ("Robinah")."""
    if len(hosts) > 1 and len(short.tokens()) == 1:
        by_surname = [c for c in hosts if c.tokens()[0] not in bare]
        hosts = by_surname or hosts
    hosts = _dominant(hosts)
    if len(hosts) > 1:
        before = [c for c in hosts if c.first < short.first]
        hosts = before if len(before) == 1 else hosts
    return hosts


def _gender(cluster: Cluster) -> str | None:
    """"m"/"f" from an honorific ("Mr.", "Ms.") or a known first name, None if unknown or mixed
    (the coreference layer's lists)."""
    from ..coref.pronouns import first_names, honorifics

    found = {honorifics().get(m.role.casefold()) for m in cluster.mentions if m.role}
    words = cluster.base_name().split()
    if len(words) > 1:
        found.add(first_names().get(words[0].casefold()))
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _genders_agree(a: Cluster, b: Cluster) -> bool:
    """Whether two person clusters may be one person: not "Mr." against "Michelle"."""
    ga, gb = _gender(a), _gender(b)
    return ga is None or gb is None or ga == gb


def _merge_into_unique(clusters: list[Cluster], person: bool) -> list[Cluster]:
    """Rules 2 and 3: fold each shorter name into the one longer name that contains it."""
    group = [c for c in clusters if (c.label == "PERSON") == person and (person or c.label in _PLACE_OR_ORG)]
    tokens = {id(c): c.tokens() for c in group}  # a host's longest name never changes by merging
    merged: set[int] = set()
    bare = {tokens[id(c)][0] for c in group if len(tokens[id(c)]) == 1}
    for short in sorted(group, key=lambda c: len(tokens[id(c)])):
        if short.canonical:  # the alias table already decided what this is
            continue
        hosts = [c for c in group if c is not short and id(c) not in merged
                 and (_contains(tokens[id(c)], tokens[id(short)], person)
                      or (not person and _publication_short(c, tokens[id(c)], tokens[id(short)])))]
        if person:  # "Mr. Obama" is not "Michelle Obama"
            hosts = _surname_host([c for c in hosts if _genders_agree(short, c)], short, bare)
        if len(hosts) == 1:
            hosts[0].mentions.extend(short.mentions)
            merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


def _mislabeled_first_names(clusters: list[Cluster]) -> list[Cluster]:
    """Rule 4b: a one-word non-person name that is the first name of exactly one person and
    is the subject of a verb of people somewhere ("Melania said") joins that person."""
    return _join_name_part(clusters, 0, needs_person_cue=True)


def _first_name_for_surname(short: Cluster, host: Cluster, clusters: list[Cluster]) -> bool:
    """Whether a one-word name is a person's first name used because the surname is shared
    ("Trayvon" for Trayvon Martin beside his father Tracy Martin): another person of the
    article has the host's surname, and the name is no known place nor written as one."""
    surname = host.tokens()[-1]
    shared = any(c is not host and c.label == "PERSON" and len(c.tokens()) > 1 and c.tokens()[-1] == surname
                 for c in clusters)
    known_place = data.canonical_alias(short.base_name()) or short.base_name() in data.demonyms().values()
    placed = 2 * sum(m.place_cue for m in short.mentions) >= len(short.mentions)
    return shared and not known_place and not placed


def _mislabeled_surnames(clusters: list[Cluster]) -> list[Cluster]:
    """Rule 4: a one-word non-person name that is the surname of exactly one person joins
    that person (spaCy often types a lone surname as ORG or GPE: "Caddell said")."""
    return _join_name_part(clusters, -1, needs_person_cue=False)


def _join_name_part(clusters: list[Cluster], part: int, needs_person_cue: bool) -> list[Cluster]:
    """Rules 4 and 4b: a one-word non-person name equal to word ``part`` (0: first name, -1:
    surname) of exactly one multi-word person name joins that person (when
    ``needs_person_cue``, only if some mention of it is the subject of a verb of people)."""
    by_part: dict[str, list[Cluster]] = {}
    for p in clusters:
        words = p.tokens() if p.label == "PERSON" else []
        if len(words) > 1:
            by_part.setdefault(words[part], []).append(p)
    merged: set[int] = set()
    for c in clusters:
        if c.label == "PERSON" or c.canonical or c.label not in _SURNAME_SLIPS:
            continue
        words = c.tokens()
        hosts = by_part.get(words[0], []) if len(words) == 1 else []
        if len(hosts) == 1 and (not needs_person_cue or any(m.person_cue for m in c.mentions)
                                or (part == 0 and _first_name_for_surname(c, hosts[0], clusters))):
            hosts[0].mentions.extend(replace(m, label="PERSON") for m in c.mentions)
            merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


def _company_short_names(clusters: list[Cluster]) -> list[Cluster]:
    """Rule 5: "Norvale" joins the one "Norvale Systems" of the article (as an ORG)."""
    companies: dict[str, list[Cluster]] = {}
    for c in clusters:
        short = data.company_short_name(c.base_name()) if c.label == "ORG" else None
        if short:
            companies.setdefault(data.name_key(short), []).append(c)
    merged: set[int] = set()
    for c in clusters:
        words = c.tokens()
        if c.canonical or len(words) != 1 or any(m.kind != "name" for m in c.mentions):
            continue
        hosts = companies.get(words[0], [])
        if len(hosts) == 1 and hosts[0] is not c:
            hosts[0].mentions.extend(replace(m, label="ORG") for m in c.mentions)
            merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]




def _places_after_prepositions(clusters: list[Cluster]) -> None:
    """Rule 6 (in place): "in Harlow" twice makes the one-word "Harlow" a place."""
    for c in clusters:
        named = [m for m in c.mentions if m.kind in ("name", "string")]
        if c.label not in PLACE_SLIPS or not named or c.canonical:
            continue
        if any(m.role or " " in m.name.strip() for m in c.mentions):
            continue  # "Judge Harlow", "Ann Harlow": a person
        if 2 * sum(m.place_cue for m in named) >= len(named):
            c.mentions[:] = [replace(m, label="GPE") for m in c.mentions]


_TEAM_SLIPS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


def _teams(clusters: list[Cluster]) -> None:
    """Rule 7 (in place): a town or person name written as a sports team's is an ORG."""
    from ..coref.pronouns import given_names

    countries = set(data.demonyms().values()) | set(data.aliases().values())
    for c in clusters:
        if c.label not in _TEAM_SLIPS or c.canonical or not any(m.team_cue for m in c.mentions):
            continue
        words = c.base_name().split()
        if any(m.role for m in c.mentions) or c.base_name() in countries:
            continue
        if c.label == "PERSON" and len(words) > 1 and (words[0].casefold() in given_names()
                                                       or words[-1] not in data.team_cues().get("name", ())
                                                       and not _also_org(c)):
            continue  # "Mark Hughes's striker", "held off Lee Ji-Eun": people, not clubs
        c.mentions[:] = [replace(m, label="ORG") for m in c.mentions]


def _also_org(cluster: Cluster) -> bool:
    """Whether the tagger typed one of the cluster's own name mentions ORG ("side Kettering
    Town" PERSON, "Kettering Town chairman" ORG): with a team cue, a club, not a person."""
    return any(m.label == "ORG" and m.kind == "name" for m in cluster.mentions)


def _places_typed_person(clusters: list[Cluster]) -> None:
    """Rule 6b (in place): a one-word name typed PERSON that is a place: a country of the
    nationality or alias tables ("Former England star X") never written as a person's (no
    title, not the subject of a verb of people), or a name the tagger also types GPE or LOC
    at least as often as PERSON ("Canberra rejected ..." PERSON, "in Canberra" GPE)."""
    countries = set(data.demonyms().values()) | set(data.aliases().values())
    for c in clusters:
        if c.label != "PERSON" or c.canonical or len(c.tokens()) != 1 or any(m.role for m in c.mentions):
            continue
        named = [m for m in c.mentions if m.kind in ("name", "string")]
        places = sum(m.label in ("GPE", "LOC") for m in named)
        persons = sum(m.label == "PERSON" for m in named)
        country = c.base_name() in countries and not any(m.person_cue for m in named)
        if country or (places and places >= persons):
            c.mentions[:] = [replace(m, label="GPE") for m in c.mentions]


def _merge_given_name_variants(clusters: list[Cluster]) -> list[Cluster]:
    """Rule 1b: "Ken Starr" joins "Kenneth Starr": same surname (and middle words), given
    names that are forms of one name (data/given_name_variants.tsv), genders not against it;
    only when exactly one such person is found (else which one is unknown)."""
    people = [c for c in clusters if c.label == "PERSON" and not c.canonical and len(c.tokens()) > 1]
    merged: set[int] = set()
    for short in sorted(people, key=lambda c: len(c.base_name())):
        words = short.tokens()
        hosts = [c for c in people if c is not short and id(c) not in merged and c.tokens()[1:] == words[1:]
                 and c.tokens()[0] != words[0] and data.same_given_name(c.tokens()[0], words[0])
                 and len(c.base_name()) >= len(short.base_name()) and _genders_agree(short, c)]
        if len(hosts) == 1:
            hosts[0].mentions.extend(short.mentions)
            merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


def _titled_surnames(clusters: list[Cluster]) -> list[Cluster]:
    """Rule 3b: a bare surname written with a title ("President Clinton") that rule 3 left
    alone joins the one person of that surname who bears that title in the article
    ("President Bill Clinton"); "Mr."/"Ms." are no such titles (gender rule 3 handles them)."""
    from ..coref.pronouns import honorifics

    merged: set[int] = set()
    for short in [c for c in clusters if c.label == "PERSON" and not c.canonical and len(c.tokens()) == 1]:
        titles = {m.role.casefold() for m in short.mentions if m.role and m.kind != "role"}
        titles -= set(honorifics())
        if not titles:
            continue
        hosts = [c for c in clusters if c is not short and c.label == "PERSON" and len(c.tokens()) > 1
                 and c.tokens()[-1] == short.tokens()[0]
                 and titles & {m.role.casefold() for m in c.mentions if m.role and m.kind != "role"}]
        if len(hosts) == 1:
            hosts[0].mentions.extend(short.mentions)
            merged.add(id(short))
    return [c for c in clusters if id(c) not in merged]


_PARTY_SLIPS = frozenset({"LOC", "GPE", "FAC", "WORK_OF_ART", "PRODUCT", "NORP", "LAW", "EVENT"})


def _party_word_of(cluster: Cluster) -> str | None:
    """The party word of a cluster's name ("bloc" of "Bloc Quebecois"), for names of two words or more."""
    name = cluster.base_name()
    return data.party_word(name) if len(name.split()) > 1 else None


def _parties(clusters: list[Cluster]) -> list[Cluster]:
    """Rule 8: political parties (data/party_words.txt).  A name with a party word typed as a
    place or a work is an ORG ("Bloc Quebecois" LOC); the party word alone joins the one party
    holding it ("the Bloc"); "Liberal" and "Liberals" join the one "Liberal party"."""
    for c in clusters:
        if c.label in _PARTY_SLIPS and not c.canonical and _party_word_of(c):
            c.mentions[:] = [replace(m, label="ORG") for m in c.mentions]
    parties = [c for c in clusters if c.label == "ORG" and _party_word_of(c)]
    merged: set[int] = set()
    for c in clusters:
        words = c.tokens()
        if c.canonical or len(words) != 1 or c.label not in ("ORG", "NORP", *_PARTY_SLIPS) or c in parties:
            continue
        hosts = [p for p in parties if id(p) not in merged and _names_party(p, words[0])]
        if len(hosts) == 1:
            hosts[0].mentions.extend(replace(m, label="ORG") for m in c.mentions)
            merged.add(id(c))
    return [c for c in clusters if id(c) not in merged]


def _names_party(party: Cluster, word: str) -> bool:
    """Whether a one-word name names this party: its party word ("bloc" of "Bloc Quebecois"),
    or, for "<X> party", X or its plural ("liberal", "liberals" of "Liberal party")."""
    words = party.tokens()
    if word == _party_word_of(party) and word in words:
        return True
    return len(words) == 2 and words[1] == "party" and word in (words[0], words[0] + "s")


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """All merge rules over a document's mentions, clusters in order of first mention."""
    clusters = exact_clusters(mentions)
    clusters = _merge_given_name_variants(clusters)
    clusters = _merge_into_unique(clusters, person=False)
    clusters = _merge_into_unique(clusters, person=True)
    clusters = _titled_surnames(clusters)
    clusters = _mislabeled_surnames(clusters)
    clusters = _mislabeled_first_names(clusters)
    clusters = _company_short_names(clusters)
    _places_after_prepositions(clusters)
    _places_typed_person(clusters)
    _teams(clusters)
    clusters = _parties(clusters)
    clusters = _misspelt_repeats(clusters)
    return sorted(clusters, key=lambda c: c.first)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two words (insertions, deletions, substitutions)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _slip_of(slip: str, word: str) -> bool:
    """Whether one-word name ``slip`` is a misspelling of ``word`` ("bundebank" of
    "bundesbank", "stephanopolous" of "stephanopoulos"): six letters or more, the same first
    letter, one edit apart (two from ten letters on), neither a start of the other (an
    inflection or adjective: "israeli" of "israel")."""
    if slip == word or len(slip) < 6 or slip[0] != word[0] or slip.startswith(word) or word.startswith(slip):
        return False
    return edit_distance(slip, word) <= (2 if min(len(slip), len(word)) >= 10 else 1)


def _slip_forms(cluster: Cluster) -> set[str]:
    """The words a misspelling may repeat: a one-word name, or a person's surname."""
    words = cluster.tokens()
    if cluster.label == "PERSON":
        return {words[-1]}
    return set(words) if len(words) == 1 else set()


# nationalities and languages come in close forms of their own ("Korean", "Koreas")
_NOT_SLIPS = frozenset({"NORP", "LANGUAGE"})


def _misspelt_repeats(clusters: list[Cluster]) -> list[Cluster]:
    """A one-word name that misspells the name of exactly one entity named before it joins
    it ("Stephanopolous" after "George Stephanopoulos", "Bundebank" after "Bundesbank"); a
    nationality, a name of the alias tables or one close to two entities never does."""
    merged: set[int] = set()
    for slip in clusters:
        words = slip.tokens()
        if len(words) != 1 or slip.label in _NOT_SLIPS or data.canonical_alias(words[0]) or words[0] in data.demonyms():
            continue
        if any(m.kind != "name" or not m.name[:1].isupper() for m in slip.mentions):
            continue
        hosts = [c for c in clusters if c is not slip and id(c) not in merged and c.first < slip.first
                 and c.label not in _NOT_SLIPS and any(_slip_of(words[0], w) for w in _slip_forms(c))]
        near = [c for c in clusters if c is not slip and any(_slip_of(words[0], w) for w in _slip_forms(c))]
        if len(hosts) == 1 and len(near) == 1:
            # found as strings, so the misspelling never names the entity
            hosts[0].mentions.extend(replace(m, label=hosts[0].label, kind="string") for m in slip.mentions)
            merged.add(id(slip))
    return [c for c in clusters if id(c) not in merged]
