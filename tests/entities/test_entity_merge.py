"""The entity merger, one row per rule, on real spaCy output (the pinned model)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import extract

# (text, {canonical name: (type, aliases that must be merged into it)}, names that must NOT exist)
CASES = [
    ("Prime Minister Imran Khan spoke in Lahore on Monday. Imran Khan's party later met in Islamabad. "
     "Khan said he would return.",
     {"Imran Khan": ("PERSON", {"Prime Minister Imran Khan", "Khan"})}, {"Khan"}),
    ("The US State Department said on Monday that it had no comment. A State Department spokesman "
     "declined to say more.",
     {"US State Department": ("ORG", {"State Department"})}, {"State Department"}),
    ("Officials in the U.S. said the United States would respond.",
     {"United States": ("GPE", {"U.S."})}, {"U.S."}),
    ("Angela Merkel met Emmanuel Macron in Berlin. Merkel said the talks were useful, and Macron agreed.",
     {"Angela Merkel": ("PERSON", {"Merkel"}), "Emmanuel Macron": ("PERSON", {"Macron"})}, {"Merkel", "Macron"}),
    # two people share the surname equally: "Clinton" is not guessed into either
    ("Hillary Clinton and Bill Clinton arrived in Ohio. Clinton said the campaign was going well.",
     {"Hillary Clinton": ("PERSON", set()), "Bill Clinton": ("PERSON", set())}, set()),
    # titles are roles, and "the President" is the one person with that title
    ("President Joe Biden spoke to reporters. The President said he would visit Canada soon.",
     {"Joe Biden": ("PERSON", {"President Joe Biden", "The President"})}, {"President Joe Biden"}),
    # adjectives of nationality join the country; nouns for people stay NORP
    ("The Pakistani government denied the report. Thousands of Pakistanis protested in Karachi.",
     {"Pakistan": ("GPE", {"Pakistani"}), "Pakistanis": ("NORP", set())}, set()),
    # an organization role phrase becomes an alias of the person named beside it
    ("Apple chief executive Tim Cook spoke in Cupertino. The Apple chief said sales grew.",
     {"Tim Cook": ("PERSON", {"The Apple chief"}), "Apple": ("ORG", set())}, set()),
    # the one person named in the previous sentence, when none is named in this one
    ("Keir Starmer spoke in Leeds on Monday. Later, the Labour leader left for London.",
     {"Keir Starmer": ("PERSON", {"the Labour leader"}), "Labour": ("ORG", set())}, set()),
    # a person named in the same sentence is someone else: no link
    ("Keir Starmer met the Labour leader in Leeds on Monday.",
     {"Keir Starmer": ("PERSON", set()), "Labour": ("ORG", set())}, set()),
    ("The FBI director chastised Hillary Clinton for using a private server. Clinton said she regretted it.",
     {"Hillary Clinton": ("PERSON", {"Clinton"})}, set()),
    # a capitalized "The" in running text belongs to the name, also where it is left out
    ("The files were first reported by The Guardian on Monday. Guardian editors said the ministry "
     "had been warned, The Guardian reported.",
     {"The Guardian": ("ORG", {"Guardian"})}, {"Guardian"}),
    ("A report published by The Washington Post said talks had failed. Officials told Washington Post "
     "reporters that the talks would resume.",
     {"The Washington Post": ("ORG", {"Washington Post"})}, {"Washington Post"}),
    # a sentence-initial "The" is not part of a name
    ("The State Department declined to comment. A State Department official said talks went on.",
     {"State Department": ("ORG", set())}, {"The State Department"}),
    # the acronym joins the full name
    ("The United Nations met in Geneva. A UN spokesman said talks would resume.",
     {"United Nations": ("ORG", {"UN"})}, {"UN"}),
    # a company called by its first word alone joins the company, whatever type spaCy gave it
    ("Kestrel Logistics fired the driver in November, the company said. Kestrel said it would rebuild.",
     {"Kestrel Logistics": ("ORG", {"Kestrel"})}, {"Kestrel"}),
    ("Norvale Systems reported a profit on Wednesday. Shares of Norvale rose 6%, and Norvale raised "
     "its forecast.",
     {"Norvale Systems": ("ORG", {"Norvale"})}, {"Norvale"}),
    # a cue word before a rare name fixes spaCy's type
    ("A twister touched down near the town of Wexley on Tuesday. Power company Lumen Grid restored "
     "service to most customers by Wednesday afternoon.",
     {"Wexley": ("GPE", set()), "Lumen Grid": ("ORG", set())}, set()),
    # a town named like its police department stays a town
    ("He was arrested at his home in Brackton, according to the Brackton Police Department.",
     {"Brackton Police Department": ("ORG", set())}, set()),
    # a title-case headline glues words onto names: only what the body names is kept
    ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nWASHINGTON ― Donald Trump’s "
     "obsession is an insult, top black lawmakers said Friday. Trump did not respond.",
     {"Donald Trump": ("PERSON", {"Trump"})}, {"Rip Donald Trump"}),
    ("Bernie Sanders Pins Hopes On California Primary\n\nSen. Bernie Sanders said on Monday that "
     "he would stay in the race. Sanders spoke in Los Angeles.",
     {"Bernie Sanders": ("PERSON", {"Sanders"})}, {"Bernie Sanders Pins"}),
    # a known first name before the part the body names stays ("Clinton" -> "Hillary Clinton");
    # a byline's names are kept though the body never writes them
    ("Hillary Clinton Goes After Donald Trump As The New Nominee\n\nClinton said on Monday that "
     "Trump was wrong about trade, and Trump said Clinton was wrong.\n"
     "(Reporting by Valerie Volcovici; Additional reporting by Lawrence Hurley)",
     {"Hillary Clinton": ("PERSON", {"Clinton"}), "Donald Trump": ("PERSON", {"Trump"}),
      "Valerie Volcovici": ("PERSON", set()), "Lawrence Hurley": ("PERSON", set())}, {"Clinton"}),
    # a name the body never writes is dropped from a title-case headline
    ("Senators Avoid Bad Optics After Long Recess\n\nSenators returned to Washington on Monday and "
     "said little about the recess that had angered voters in several states.",
     {}, {"Avoid Bad Optics"}),
    # a sentence listing names is not a headline, however capitalized
    ("Hillary Clinton, Donald Trump and Bernie Sanders met.\n\nThe three spoke for an hour in a "
     "hotel lobby, aides said on Tuesday, and then left.",
     {"Hillary Clinton": ("PERSON", set()), "Bernie Sanders": ("PERSON", set())}, set()),
    # a place right before an organization is part of its name
    ("Judge Marisol Okafor of the U.S. District Court in Harlow ruled that the law was void. The "
     "Cascade Workers Alliance had filed suit in Harlow.",
     {"U.S. District Court": ("ORG", set()), "Harlow": ("GPE", set())}, {"District Court"}),
    # a one-word name after place prepositions is a place, unless a person is named so
    ("Judge Ann Harlow ruled in Pinecrest on Monday. Harlow said the case was closed.",
     {"Ann Harlow": ("PERSON", {"Harlow"})}, {"Harlow"}),
    # a given name between a title and a tagged surname belongs to the name
    ("The first explosions were heard in Lviv at about 3:40 a.m., Mayor Taras Dovbush said.",
     {"Taras Dovbush": ("PERSON", {"Mayor Taras Dovbush"})}, {"Dovbush"}),
    # a title's words are part of the person's mention, not a name of their own
    ("Secretary of State John Kerry met officials in Kabul on Monday.",
     {"John Kerry": ("PERSON", {"Secretary of State John Kerry"})}, {"State"}),
    # an appositive cue types the name; "which" never refers to a person
    ("Ukraine's energy system has lost half of its capacity, according to the national grid "
     "operator, Ukrenergo.", {"Ukrenergo": ("ORG", set())}, set()),
    ("As a summer associate at a North Carolina law firm, Loretta E. Lynch said she gave a talk.",
     {"Loretta E. Lynch": ("PERSON", set())}, set()),
    ("According to Harbour Ledger, which cited three delegates, the talks collapsed on Monday.",
     {"Harbour Ledger": ("ORG", set())}, set()),
    # a first name spaCy typed as a place joins the person when it is the subject of "said"...
    ("Melania Trump spoke in Cleveland. Melania said she loved the country. Melania later left.",
     {"Melania Trump": ("PERSON", {"Melania"})}, {"Melania"}),
    # ... and a place named like a person's first name stays a place
    ("Virginia Foxx spoke in Richmond. Virginia voted for the bill on Tuesday.",
     {"Virginia Foxx": ("PERSON", set()), "Virginia": ("GPE", set())}, set()),
    # an honorific and a first name of different genders are two people ...
    ("Mr. Obama and the first lady, Michelle Obama, spoke on Monday. Mr. Obama said the vote mattered.",
     {"Michelle Obama": ("PERSON", set()), "Obama": ("PERSON", {"Mr. Obama"})}, set()),
    # ... and the honorific picks the one it fits
    ("Hillary Clinton and Bill Clinton arrived in Ohio. Mrs. Clinton said the campaign was going well.",
     {"Hillary Clinton": ("PERSON", {"Mrs. Clinton"}), "Bill Clinton": ("PERSON", set())}, set()),
    # a social media handle is not a name
    ("Follow @plish516 on Twitter for more updates from the campaign trail.", {}, {"@plish516"}),
]


@pytest.mark.parametrize("text,expected,absent", CASES, ids=[c[0][:40] for c in CASES])
def test_merge(text, expected, absent):
    record = extract(text, id="case", layers=["entities"])
    by_name = {e.name: e for e in record.entities}
    for name, (kind, aliases) in expected.items():
        assert name in by_name, f"{name} not in {sorted(by_name)}"
        entity = by_name[name]
        assert entity.type == kind
        assert aliases <= set(entity.aliases), entity
    assert not (absent & set(by_name)), sorted(by_name)
    if "FBI director" in text or "met the Labour leader" in text:
        assert all(" director" not in a and " leader" not in a for e in record.entities for a in e.aliases)


@pytest.mark.parametrize("text,place,written", [
    ("KYIV, Ukraine (AP) — Russian drones struck power plants overnight, officials said. The mayor "
     "of Kyiv said crews were at work.", "Kyiv", {"KYIV", "Kyiv"}),
    ("WASHINGTON ― Lawmakers in Washington said little on Friday about the budget.",
     "Washington", {"WASHINGTON", "Washington"}),
])
def test_a_wire_dateline_is_a_mention_of_its_place(text, place, written):
    record = extract(text, layers=["entities"])
    by_name = {e.name: e for e in record.entities}
    assert by_name[place].type == "GPE" and {m.text for m in by_name[place].mentions} == written


def test_a_score_is_not_part_of_a_name():
    record = extract("Harbor City State held off Lakemont 24-17 on Saturday night. Lakemont had won twice.",
                     layers=["entities"])
    names = {e.name: len(e.mentions) for e in record.entities}
    assert names.get("Lakemont") == 2 and "Lakemont 24-17" not in names, names


def test_ids_in_order_of_first_mention_and_spans_exact():
    record = extract("Lu met Khan in Moscow. Imran Khan and Lu left Moscow for Lahore.", layers=["entities"])
    firsts = [min(m.start for m in e.mentions) for e in record.entities]
    assert firsts == sorted(firsts)
    assert [e.id for e in record.entities] == [f"E{n}" for n in range(1, len(record.entities) + 1)]
    for e in record.entities:
        for m in e.mentions:
            assert record.text[m.start:m.end] == m.text


def test_same_input_same_output():
    text = "Prime Minister Imran Khan visited Moscow. Khan met officials of the PTI there."
    assert extract(text, layers=["entities"]).to_json() == extract(text, layers=["entities"]).to_json()


def test_no_names_no_entities():
    assert extract("it rained all day and nobody came.", layers=["entities"]).entities == ()


_WORDS = ["The", "the", "Intercept", "Khan", "Imran", "Prime", "Minister", "US", "U.S.", "State", "Department",
          "PTI", "chief", "said", "Pakistani", "'s", ",", ".", "\n\n", "“", "\"", "Lu", "of", "leader", "President"]


@settings(max_examples=40, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join)))
def test_any_text_gives_valid_entities(text):
    record = extract(text, layers=["entities"])
    for e in record.entities:
        assert e.mentions and e.name
        for m in e.mentions:
            assert record.text[m.start:m.end] == m.text
