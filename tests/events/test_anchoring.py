"""Table-driven tests of event dating on hand-built documents (explicit time expressions)."""

from __future__ import annotations

import pytest

from dateline.events.lexicon import data_examples

from .helpers import by_trigger, run, timex

PUB = "2023-08-10"


def test_attached_time_expression_on_nominal_event():
    text = "The minister, in a meeting on March 7, urged the bank to cut rates."
    events = run(text, PUB, [timex(text, "March 7", "2023-03-07")])
    meeting, urged = by_trigger(events, "meeting"), by_trigger(events, "urged")
    assert meeting.when.interval == ("2023-03-07", "2023-03-07") and meeting.when.how == "timex"
    assert urged.when.interval == ("2023-03-07", "2023-03-07")  # framed by the meeting
    assert urged.when.via == meeting.id


@pytest.mark.parametrize("sentence, phrase, value, interval, expected", [
    ("The rebels attacked the town on Tuesday.", "Tuesday", "2023-08-08", None, ("2023-08-08", "2023-08-08")),
    ("She has lived in Oslo since 2019.", "2019", "2019", ("2019-01-01", "2019-12-31"), ("2019-01-01", PUB)),
    ("The company collapsed before May.", "May", "2023-05", ("2023-05-01", "2023-05-31"), (None, "2023-05-31")),
    ("The strike continued until June.", "June", "2023-06", ("2023-06-01", "2023-06-30"), (None, "2023-06-30")),
    ("Prices rose after March 3.", "March 3", "2023-03-03", None, ("2023-03-03", PUB)),
])
def test_time_expression_signals(sentence, phrase, value, interval, expected):
    events = run(sentence, PUB, [timex(sentence, phrase, value, interval=interval)])
    root = next(e for e in events if e.when.how == "timex")
    assert root.when.interval == expected


@pytest.mark.parametrize("text, duration, unit_value, dated, dated_day, relative, expected", [
    # the later event is dated, the earlier one is found backwards (+-3 days for weeks)
    ("The invasion began in the north. On May 20, the summit took place two weeks after the invasion.",
     "two weeks", "P2W", "summit", "2023-05-20", "invasion", ("2023-05-03", "2023-05-09")),
    # the earlier event is dated, the later one falls in the calendar month one month later
    ("The leaders held a meeting on March 7. One month after the meeting, a vote was held.",
     "One month", "P1M", "meeting", "2023-03-07", "vote", ("2023-04-01", "2023-04-30")),
    ("The court held a hearing on May 2. Three days after the hearing, the judge resigned.",
     "Three days", "P3D", "hearing", "2023-05-02", "resigned", ("2023-05-05", "2023-05-05")),
    ("The city held an election on May 2, 2001. Two years after the election, the mayor was ousted.",
     "Two years", "P2Y", "election", "2001-05-02", "ousted", ("2003-01-01", "2003-12-31")),
])
def test_relative_to_another_event(text, duration, unit_value, dated, dated_day, relative, expected):
    day_phrase = {"2023-05-20": "May 20", "2023-03-07": "March 7", "2023-05-02": "May 2", "2001-05-02": "May 2, 2001"}[dated_day]
    timexes = [timex(text, day_phrase, dated_day, id="T1"), timex(text, duration, unit_value, "DURATION", id="T2")]
    events = run(text, PUB, timexes)
    target = by_trigger(events, relative)
    assert by_trigger(events, dated).when.interval == (dated_day, dated_day)
    assert target.when.interval == expected
    assert target.when.how == "event"
    assert target.when.via in target.when.note  # e.g. "P2W before V3 (two weeks after)"


def test_before_an_event_bounds_it():
    text = "The parliament held a vote on June 9. The president resigned before the vote."
    events = run(text, PUB, [timex(text, "June 9", "2023-06-09")])
    assert by_trigger(events, "resigned").when.interval == (None, "2023-06-09")


def test_since_then_takes_the_previous_sentence_event():
    text = "The army seized power on May 2. Since then, protesters have marched every week."
    events = run(text, PUB, [timex(text, "May 2", "2023-05-02")])
    marched = by_trigger(events, "marched")
    assert marched.when.interval == ("2023-05-02", PUB)
    assert marched.when.how == "event"


def test_coreferent_mentions_share_the_date():
    text = "The envoys held a meeting on March 7. Critics said the meeting was secret. The meeting lasted hours."
    events = run(text, PUB, [timex(text, "March 7", "2023-03-07")])
    first, second, third = (by_trigger(events, "meeting", i) for i in range(3))
    assert second.coref == first.id and third.coref == first.id
    assert second.when.interval == third.when.interval == ("2023-03-07", "2023-03-07")


def test_tense_bounds_against_publication():
    text = "The firm was founded in 1990. The factory closed. The company owns three plants."
    events = run(text, PUB, [timex(text, "1990", "1990", interval=("1990-01-01", "1990-12-31"))])
    assert by_trigger(events, "closed").when.interval == (None, PUB)
    assert by_trigger(events, "closed").when.to_dict()["interval"] == [None, PUB]  # open end: null, as in timexes
    assert by_trigger(events, "closed").when.how == "tense"
    assert by_trigger(events, "owns").when.interval == (PUB, PUB)


def test_no_publication_date_leaves_tense_unbounded():
    events = run("The factory closed.", None)
    assert by_trigger(events, "closed").when.interval is None


def test_cycle_terminates_and_keeps_consistent_bounds():
    text = ("The talks were held on May 2. The strike began after the talks. "
            "The talks ended before the strike.")
    events = run(text, PUB, [timex(text, "May 2", "2023-05-02")])
    began = by_trigger(events, "began")
    assert began.when.interval[0] == "2023-05-02"
    assert not any("cycle" in (e.when.note or "") for e in events)


def test_aspectual_verb_dates_its_event_subject():
    text = "The war ended on May 2. Critics praised the end."
    events = run(text, PUB, [timex(text, "May 2", "2023-05-02")])
    assert by_trigger(events, "war").when.interval == ("2023-05-02", "2023-05-02")


def test_contradiction_is_reported_not_applied():
    text = "The vote took place on May 20. The vote was held two weeks before the summit on May 2."
    timexes = [timex(text, "May 20", "2023-05-20", id="T1"), timex(text, "May 2", "2023-05-02", id="T2"),
               timex(text, "two weeks", "P2W", "DURATION", id="T3")]
    events = run(text, PUB, timexes)
    notes = " ".join(e.when.note or "" for e in events)
    assert "contradiction" in notes


def test_reported_content_is_no_later_than_the_report():
    text = "On May 2, the mayor spoke. The mayor told reporters the company had moved its office."
    events = run(text, PUB, [timex(text, "May 2", "2023-05-02")])
    told, moved = by_trigger(events, "told"), by_trigger(events, "moved")
    assert told.when.interval == ("2023-05-02", "2023-05-02")  # the narrative's reference time
    assert moved.when.interval == (None, "2023-05-02")


def test_narrative_reference_time_dates_later_past_events_within_a_few_days():
    text = "The chief executive gave a keynote on June 2. He showed a new phone. He had left the firm once."
    events = run(text, "2023-06-03", [timex(text, "June 2", "2023-06-02")])
    showed = by_trigger(events, "showed")
    assert showed.when.interval == ("2023-05-30", "2023-06-03")  # +-3 days, capped by publication
    assert showed.when.via == by_trigger(events, "keynote").id


# The narrative guess stays within the paragraph (a blank line ends it; a single line break
# may just end a sentence): a new paragraph may be background ("She was born in ...") that a
# recent window must not date.
@pytest.mark.parametrize("text, trigger, expected", [
    ("The chief executive gave a keynote on June 2. He showed a new phone. He had left the firm once.", "left",
     (None, "2023-06-02")),
    ("The chief executive gave a keynote on June 2.\nHe showed a new phone.", "showed", ("2023-05-30", "2023-06-03")),
    ("The chief executive gave a keynote on June 2.\n\nHe was born in Ohio.", "born", (None, "2023-06-03")),
    ("The chief executive gave a keynote on June 2.\n\nHe showed a new phone.", "showed", (None, "2023-06-03")),
])
def test_narrative_guess_stays_within_the_paragraph(text, trigger, expected):
    events = run(text, "2023-06-03", [timex(text, "June 2", "2023-06-02")])
    assert by_trigger(events, trigger).when.interval == expected


@pytest.mark.parametrize("sentence, first, second", [
    ("Obama won in 2008 and 2012.", "2008", "2012"),
    ("He grew up there in the 1960s and 1970s.", "1960s", "1970s"),
])
def test_conjoined_time_expressions_give_one_via_id(sentence, first, second):
    values = {"2008": ("2008", ("2008-01-01", "2008-12-31")), "2012": ("2012", ("2012-01-01", "2012-12-31")),
              "1960s": ("196", ("1960-01-01", "1969-12-31")), "1970s": ("197", ("1970-01-01", "1979-12-31"))}
    timexes = [timex(sentence, phrase, values[phrase][0], interval=values[phrase][1], id=tid)
               for phrase, tid in ((first, "T1"), (second, "T2"))]
    events = run(sentence, PUB, timexes)
    (dated,) = [e for e in events if e.when.how == "timex"]
    assert dated.when.via == "T1" and "also via T2" in dated.when.note
    assert dated.when.interval == (values[first][1][0], values[second][1][1])
    assert all("|" not in (e.when.via or "") for e in events)


# A relative "when" clause happens at the time (or the event) its head names.
@pytest.mark.parametrize("text, phrase, value, interval, trigger, expected", [
    ("The case dates to September 17, 2022, when the alliance filed suit.", "September 17, 2022", "2022-09-17",
     None, "filed", ("2022-09-17", "2022-09-17")),
    ("The race drew attention in September, when the mayor accused his rival.", "September", "2022-09",
     ("2022-09-01", "2022-09-30"), "accused", ("2022-09-01", "2022-09-30")),
    ("The storms were the worst since May 2011, when a tornado killed nine people.", "May 2011", "2011-05",
     ("2011-05-01", "2011-05-31"), "killed", ("2011-05-01", "2011-05-31")),
    ("Prices peaked on Monday, when the central bank raised rates.", "Monday", "2023-08-07",
     None, "raised", ("2023-08-07", "2023-08-07")),
    ("The 2008 election, when Obama won, changed the party.", "2008", "2008",
     ("2008-01-01", "2008-12-31"), "won", ("2008-01-01", "2008-12-31")),
])
def test_when_relative_clause_takes_the_time_of_its_head(text, phrase, value, interval, trigger, expected):
    events = run(text, PUB, [timex(text, phrase, value, interval=interval)])
    assert by_trigger(events, trigger).when.interval == expected


# A comparison's baseline and a forecast's scope do not date the event; a measure's period does.
@pytest.mark.parametrize("text, phrase, value, interval, trigger, expected", [
    # (not the baseline's or the scope's days: the lede's guess, the last days before publication)
    ("Profit climbed 18% from a year earlier.", "a year earlier", "2022-Q3", ("2022-07-01", "2022-09-30"),
     "climbed", ("2023-08-07", PUB)),
    ("The company raised its forecast for the full year.", "the full year", "2023", ("2023-01-01", "2023-12-31"),
     "raised", ("2023-08-07", PUB)),
    ("Prices fell 5% compared with May.", "May", "2023-05", ("2023-05-01", "2023-05-31"), "fell", ("2023-08-07", PUB)),
    ("Third-quarter profit climbed 18%.", "Third-quarter", "2023-Q2", ("2023-04-01", "2023-06-30"),
     "climbed", ("2023-04-01", "2023-06-30")),
    ("Revenue for the quarter fell 5%.", "the quarter", "2023-Q2", ("2023-04-01", "2023-06-30"),
     "fell", ("2023-04-01", "2023-06-30")),
    ("The firm reported a drop in profits for the second quarter.", "the second quarter", "2023-Q2",
     ("2023-04-01", "2023-06-30"), "drop", ("2023-04-01", "2023-06-30")),
    ("For now, the office can offer only emergency service.", "now", "PRESENT_REF", (PUB, PUB), "offer", (PUB, PUB)),
])
def test_baseline_scope_and_measure_period(text, phrase, value, interval, trigger, expected):
    events = run(text, PUB, [timex(text, phrase, value, interval=interval)])
    assert by_trigger(events, trigger).when.interval == expected


def test_now_in_reported_words_dates_the_report_and_its_participle_clause():
    text = "The company raised its forecast, saying it now expects higher revenue."
    events = run(text, PUB, [timex(text, "now", "PRESENT_REF", interval=(PUB, PUB))])
    assert by_trigger(events, "saying").when.interval == (PUB, PUB)
    assert by_trigger(events, "raised").when.interval == (PUB, PUB)  # "X did Y, saying": one act


def test_now_does_not_override_the_report_date():
    text = "Officials said on Monday that the troops now number 9,000."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07", id="T1"),
                             timex(text, "now", "PRESENT_REF", interval=(PUB, PUB), id="T2")])
    said = by_trigger(events, "said")
    assert said.when.interval == ("2023-08-07", "2023-08-07")
    assert "contradiction" not in (said.when.note or "")


@pytest.mark.parametrize("text, phrase, value, interval, trigger, expected", [
    ("For 1988, the company earned $1.7 billion.", "1988", "1988", ("1988-01-01", "1988-12-31"),
     "earned", ("1988-01-01", "1988-12-31")),
    # (a past tense told first, with no time of its own, is the lede's news: the last days)
    ("The firm scheduled a news conference for Friday.", "Friday", "2023-08-11", None, "scheduled", ("2023-08-07", PUB)),
    # passive: the subject is the scheduled event, and the time is its own
    ("A second round is scheduled for Friday.", "Friday", "2023-08-11", ("2023-08-11", "2023-08-11"),
     "scheduled", ("2023-08-11", "2023-08-11")),
])
def test_for_is_a_scope_only_after_plans_forecasts_and_reports(text, phrase, value, interval, trigger, expected):
    events = run(text, PUB, [timex(text, phrase, value, interval=interval)])
    assert by_trigger(events, trigger).when.interval == expected


# A clause with a time of its own takes no narrative guess: an age, an offset word, a time
# expression (dated or not), or a conjunct of such a clause.
@pytest.mark.parametrize("text, extra, trigger, expected", [
    ("She was born on March 3, 1938. At age 12, she started a newspaper.", (), "started",
     ("1950-03-03", "1951-03-02")),
    ("She was born on March 3, 1938. At the age of 12, she started a newspaper.", (), "started",
     ("1950-03-03", "1951-03-02")),
    ("He arrived in Paris on May 2, 2023. He later moved to Rome.", (), "moved", (None, PUB)),
    ("He arrived in Paris on May 2, 2023. One year later he was fired and he founded a firm.",
     (("One year later", "XXXX", None),), "founded", (None, PUB)),
    ("He arrived in Paris on May 2, 2023. The following year, he moved to Rome.",
     (("The following year", "XXXX", None),), "moved", (None, PUB)),
])
def test_own_time_blocks_the_narrative_guess(text, extra, trigger, expected):
    day = "March 3, 1938" if "1938" in text else "May 2, 2023"
    value = "1938-03-03" if "1938" in text else "2023-05-02"
    timexes = [timex(text, day, value, id="T1")]
    timexes += [timex(text, phrase, v, interval=i, id=f"T{n}") for n, (phrase, v, i) in enumerate(extra, start=2)]
    event = by_trigger(run(text, PUB, timexes), trigger)
    assert event.when.interval == expected
    assert "narrative" not in (event.when.note or "")


def test_a_birth_is_not_the_narrative_reference():
    text = "Jobs was born on February 24, 1955. He started a company."
    events = run(text, PUB, [timex(text, "February 24, 1955", "1955-02-24")])
    assert by_trigger(events, "started").when.interval == (None, PUB)


def test_an_age_also_dates_the_birth_backwards():
    text = "She was born in Duluth. At age 12, in 1950, she started a newspaper."
    events = run(text, PUB, [timex(text, "1950", "1950", interval=("1950-01-01", "1950-12-31"))])
    assert by_trigger(events, "born").when.interval == ("1937-01-02", "1938-12-31")


@pytest.mark.parametrize("text, phrase, value, interval, aspectual, complement, expected", [
    ("The trial, which began enrolling patients in March 2019, was halted.", "March 2019", "2019-03",
     ("2019-03-01", "2019-03-31"), "began", "enrolling", ("2019-03-01", "2019-03-31")),
    ("The company started to sell the drug in 2020.", "2020", "2020", ("2020-01-01", "2020-12-31"),
     "started", "sell", ("2020-01-01", "2020-12-31")),
    ("Workers stopped building the dam on May 2.", "May 2", "2023-05-02", None, "stopped", "building",
     ("2023-05-02", "2023-05-02")),
])
def test_aspectual_verb_shares_its_complements_time(text, phrase, value, interval, aspectual, complement, expected):
    events = run(text, PUB, [timex(text, phrase, value, interval=interval)])
    assert by_trigger(events, aspectual).when.interval == expected
    assert by_trigger(events, complement).when.interval == expected


def test_an_aspectual_verbs_own_time_does_not_bound_its_complement_hard():
    # "stopped building in May": the building went on before May; only a soft guess fills it
    text = "The firm had built a road on March 7. In May, workers stopped building the dam."
    timexes = [timex(text, "March 7", "2023-03-07", id="T1"),
               timex(text, "May", "2023-05", interval=("2023-05-01", "2023-05-31"), id="T2")]
    events = run(text, PUB, timexes)
    assert by_trigger(events, "stopped").when.interval == ("2023-05-01", "2023-05-31")
    assert by_trigger(events, "building").when.how == "event"


@pytest.mark.parametrize("text, phrases, main, participle, main_expected, participle_expected", [
    # the clause about the noun follows the participle's event; each keeps its own time
    ("The air force said on Tuesday it shot down 31 of the 48 drones launched Monday night.",
     (("Tuesday", "2023-08-08"), ("Monday night", "2023-08-07")), "shot", "launched",
     ("2023-08-07", "2023-08-08"), ("2023-08-07", "2023-08-07")),
    ("The man arrested on Tuesday was released on Friday.",
     (("Tuesday", "2023-08-08"), ("Friday", "2023-08-04")), "released", "arrested",
     ("2023-08-04", "2023-08-04"), ("2023-08-08", "2023-08-08")),  # a contradiction is noted, not applied
    ("Police searched the house built in 1990.", (("1990", "1990"),), "searched", "built",
     ("1990-01-01", PUB), ("1990-01-01", "1990-12-31")),
])
def test_reduced_relative_keeps_its_time_and_precedes_the_clause(text, phrases, main, participle, main_expected,
                                                                  participle_expected):
    intervals = {"1990": ("1990-01-01", "1990-12-31")}
    timexes = [timex(text, p, v, type="TIME" if "night" in p else "DATE", interval=intervals.get(v) or (v, v),
                     id=f"T{n}") for n, (p, v) in enumerate(phrases, start=1)]
    events = run(text, PUB, timexes)
    assert by_trigger(events, main).when.interval == main_expected
    assert by_trigger(events, participle).when.interval == participle_expected


@pytest.mark.parametrize("text, phrase, value, trigger, expected", [
    # the strikes are dated (by the verb they name): the talks ended four days before
    ("Drones struck power plants on March 3. The strikes came four days after talks in Jeddah ended.",
     "March 3", "2023-03-03", "ended", ("2023-02-27", "2023-02-27")),
    # and the other way round
    ("The strikes came four days after talks in Jeddah ended on February 27.",
     "February 27", "2023-02-27", "came", ("2023-03-03", "2023-03-03")),
])
def test_n_days_after_a_clause_shifts_both_ways(text, phrase, value, trigger, expected):
    timexes = [timex(text, phrase, value, id="T1"), timex(text, "four days", "P4D", "DURATION", id="T2")]
    assert by_trigger(run(text, PUB, timexes), trigger).when.interval == expected


@pytest.mark.parametrize("text, noun, verb, linked", [
    ("Drones struck power plants on March 3. The strikes cut power to many homes.", "strikes", "struck", True),
    # not definite
    ("Drones struck power plants on March 3. Strikes are common in winter.", "Strikes", "struck", False),
    ("Drones struck power plants on March 3. Then came a pause. It was long. It ended. Talks began. Nobody "
     "spoke. The strikes cut power.", "strikes", "struck", False),  # too far back (six sentences)
])
def test_definite_noun_corefers_with_the_verb_it_names(text, noun, verb, linked):
    events = run(text, PUB, [timex(text, "March 3", "2023-03-03")])
    assert (by_trigger(events, noun).coref == by_trigger(events, verb).id) == linked


def test_absolute_phrase_with_a_number_is_not_a_reduced_relative():
    text = "Dorsey found Kowalczyk for a score with 1:48 left, on Saturday."
    events = run(text, PUB, [timex(text, "Saturday", "2023-08-05")])
    assert "reduced_relative" not in (by_trigger(events, "left").when.note or "")
    assert "reduced_relative" not in (by_trigger(events, "found").when.note or "")


@pytest.mark.parametrize("text, trigger, expected, how", [
    # the lede: a simple past or a present perfect told before any time is the news of the last days
    ("The airline has cancelled all flights to the island.", "cancelled", ("2023-08-07", PUB), "publication"),
    ("Voters rejected the new constitution. Turnout was low.", "rejected", ("2023-08-07", PUB), "publication"),
    # not a past perfect (what is reported gets no guess of its own: "destroyed" is before "said")
    ("The airline had cancelled all flights.", "cancelled", (None, PUB), "tense"),
    ("Officials said the storm destroyed the harbor.", "said", ("2023-08-07", PUB), "publication"),
])
def test_the_lede_is_around_publication(text, trigger, expected, how):
    event = by_trigger(run(text, PUB), trigger)
    assert event.when.interval == expected and event.when.how == how


def test_after_a_dated_sentence_there_is_no_lede():
    text = "The mill opened in 1921. It closed its doors."
    events = run(text, PUB, [timex(text, "1921", "1921", interval=("1921-01-01", "1921-12-31"))])
    assert by_trigger(events, "closed").when.interval == (None, PUB)


@pytest.mark.parametrize("text, trigger, expected", [
    # future content of a report comes after the report; present content holds when it is said
    ("The insurer said on Tuesday that it will raise premiums.", "raise", ("2023-08-08", None)),
    ("The insurer said on Tuesday that it expects more claims.", "expects", ("2023-08-08", "2023-08-08")),
    # a report in the present perfect: its present-tense content holds at publication
    ("The mayor has stated that he owns two cars.", "owns", (PUB, PUB)),
])
def test_reported_future_and_present(text, trigger, expected):
    timexes = [timex(text, "Tuesday", "2023-08-08")] if "Tuesday" in text else []
    assert by_trigger(run(text, PUB, timexes), trigger).when.interval == expected


def test_nominalization_renames_the_verb_and_dates_a_clause_after_a_ccomp():
    text = "The union endorsed the mayor on Friday. The endorsement comes three days after the mayor told reporters he was not ready."
    events = run(text, PUB, [timex(text, "Friday", "2023-08-04"), timex(text, "three days", "P3D", "DURATION", id="T2")])
    assert by_trigger(events, "endorsement").when.interval == ("2023-08-04", "2023-08-04")
    assert by_trigger(events, "told").when.interval == ("2023-08-01", "2023-08-01")


def test_a_participle_with_its_own_time_does_not_date_the_main_verb():
    text = "The senator backed the bill in early June, telling reporters in May that she was undecided."
    events = run(text, PUB, [timex(text, "early June", "2023-06", interval=("2023-06-01", "2023-06-30")),
                             timex(text, "May", "2023-05", interval=("2023-05-01", "2023-05-31"), id="T2")])
    assert by_trigger(events, "backed").when.interval == ("2023-06-01", "2023-06-30")
    assert by_trigger(events, "telling").when.interval == ("2023-05-01", "2023-05-31")


@pytest.mark.parametrize("text, trigger", [
    ("Voters went to the polls ahead of Tuesday's primary.", "primary"),
    ("He was injured during a cup match in October.", "match"),
    ("The interview set off a panic.", "panic"),
])
def test_contest_nouns_are_events(text, trigger):
    assert trigger in [e.trigger.text for e in run(text, PUB)]


def test_an_event_subject_happens_while_its_verb_does():
    text = "In May, the candidate's rallies drew large crowds."
    events = run(text, PUB, [timex(text, "May", "2023-05", interval=("2023-05-01", "2023-05-31"))])
    assert by_trigger(events, "rallies").when.interval == ("2023-05-01", "2023-05-31")


def test_by_a_date_is_a_deadline_not_the_day():
    text = "The firm will finish the merger by Sept. 30, officials said."
    events = run(text, PUB, [timex(text, "Sept. 30", "2023-09-30")])
    finish = by_trigger(events, "finish").when.interval
    assert finish[1] == "2023-09-30" and finish[0] != "2023-09-30"


def test_time_after_two_conjoined_verbs_dates_both():
    text = "The reporter, who was beaten and robbed in a market in Lagos on March 3, 2019, later left."
    events = run(text, PUB, [timex(text, "March 3, 2019", "2019-03-03")])
    assert by_trigger(events, "beaten").when.interval == ("2019-03-03", "2019-03-03")
    assert by_trigger(events, "robbed").when.interval == ("2019-03-03", "2019-03-03")


def test_conjoined_clause_with_its_own_subject_keeps_its_time():
    text = "The suspect fled and police caught him on Monday."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07")])
    assert by_trigger(events, "fled").when.interval != ("2023-08-07", "2023-08-07")


def test_range_through_dates_a_passive_participle_and_its_noun():
    text = "The summit, being held Monday through Wednesday in Oslo, draws leaders."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-14", id="T1"),
                             timex(text, "Wednesday", "2023-08-16", id="T2")])
    assert by_trigger(events, "held").when.interval == ("2023-08-14", "2023-08-16")
    assert by_trigger(events, "summit").when.interval == ("2023-08-14", "2023-08-16")


def test_reduced_passive_relative_of_a_light_verb_dates_its_noun():
    text = "The talks held in Geneva on May 4 ended without a deal."
    events = run(text, PUB, [timex(text, "May 4", "2023-05-04")])
    assert by_trigger(events, "talks").when.interval == ("2023-05-04", "2023-05-04")


@pytest.mark.parametrize("sentence, phrase, value, mod, expected", [
    ("The firm issued a notice in mid-January.", "mid-January", "2023-01", "MID", ("2023-01-11", "2023-01-20")),
    # the current month: "earlier this month" is before today, not its first ten days
    ("Earlier this month, the firm issued a notice.", "Earlier this month", "2023-08", "START", ("2023-08-01", PUB)),
])
def test_mod_of_a_past_month_narrows_the_event(sentence, phrase, value, mod, expected):
    first, last = f"{value}-01", f"{value}-31"
    t = timex(sentence, phrase, value, interval=(first, last))
    t = type(t)(**{**{f: getattr(t, f) for f in t.__dataclass_fields__}, "mod": mod})
    assert by_trigger(run(sentence, PUB, [t]), "issued").when.interval == expected


@pytest.mark.parametrize("text, phrase, value, trigger", [
    ("The envoy changed her plans to be in Berlin on Thursday.", "Thursday", "2023-08-10", "changed"),
    ("The minister cut short her visit to be in parliament on Tuesday.", "Tuesday", "2023-08-08", "cut"),
])
def test_a_purpose_clauses_time_bounds_the_main_verb_from_above(text, phrase, value, trigger):
    # the time is the purpose's: the act aimed at it came on or before that day, not on it
    events = run(text, PUB, [timex(text, phrase, value)])
    interval = by_trigger(events, trigger).when.interval
    assert interval[1] == value and interval[0] != value


@pytest.mark.parametrize("text, phrase, value, noun", [
    ("Police found no link to blasts that shook the harbour today near the market.", "today", PUB, "blasts"),
    ("The mayor spoke about the collapse that happened on Monday at the mine.", "Monday", "2023-08-07", "collapse"),
])
def test_an_event_noun_is_dated_by_its_subject_relative_clause(text, phrase, value, noun):
    events = run(text, PUB, [timex(text, phrase, value)])
    assert by_trigger(events, noun).when.interval == (value, value)


def test_a_conjunct_shares_an_open_bound_tighter_than_its_tense():
    text = "The union held a vote in June. Before the vote, the chief met the staff and phoned the owner."
    events = run(text, PUB, [timex(text, "June", "2023-06", interval=("2023-06-01", "2023-06-30"))])
    assert by_trigger(events, "met").when.interval == (None, "2023-06-30")
    assert by_trigger(events, "phoned").when.interval == (None, "2023-06-30")


@pytest.mark.parametrize("text, phrase, value, interval, noun, verb, verb_expected", [
    # the parser hangs the bare time on the verb; it is the noun's, and the verb keeps it softly
    ("Fans still talk about her resignation three years ago.", "three years ago", "2020",
     ("2020-01-01", "2020-12-31"), "resignation", "talk", (PUB, PUB)),
    ("Critics faulted the mayor's statement this week.", "this week", "2023-W32",
     ("2023-08-07", "2023-08-13"), "statement", "faulted", ("2023-08-07", PUB)),
])
def test_a_bare_time_right_after_an_event_noun_dates_the_noun(text, phrase, value, interval, noun, verb,
                                                               verb_expected):
    events = run(text, PUB, [timex(text, phrase, value, interval=interval)])
    assert by_trigger(events, noun).when.how == "timex"
    assert by_trigger(events, noun).when.interval[0] == interval[0]
    assert by_trigger(events, verb).when.interval == verb_expected


def test_a_future_time_after_an_event_noun_stays_with_the_verb():
    text = "The board will review the merger next week."
    events = run(text, PUB, [timex(text, "next week", "2023-W33", interval=("2023-08-14", "2023-08-20"))])
    assert by_trigger(events, "review").when.interval == ("2023-08-14", "2023-08-20")
    assert by_trigger(events, "merger").when.via != "T1"


@pytest.mark.parametrize("text, phrase, value, interval, noun", [
    ("The club had suffered three straight losses at home this year.", "this year", "2023",
     ("2023-01-01", "2023-12-31"), "losses"),
    ("The remark set off a panic among traders this week.", "this week", "2023-W32",
     ("2023-08-07", "2023-08-13"), "panic"),
    ("The lawyer who won the acquittal in 1994 spoke on Monday.", "1994", "1994",
     ("1994-01-01", "1994-12-31"), "acquittal"),
])
def test_an_event_object_of_an_object_time_verb_shares_its_time(text, phrase, value, interval, noun):
    events = run(text, PUB, [timex(text, phrase, value, interval=interval)])
    assert by_trigger(events, noun).when.interval[0] == interval[0]
    assert by_trigger(events, noun).when.how == "event"


def test_a_definite_noun_sums_up_the_dated_verb_rather_than_a_later_undated_one():
    text = ("The mayor on Monday endorsed the plan. Critics said it was costly. He went on to endorse "
            "the budget. The endorsement comes two days after the council voted.")
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07")])
    endorsement = by_trigger(events, "endorsement")
    assert endorsement.coref == by_trigger(events, "endorsed").id
    assert endorsement.when.interval == ("2023-08-07", "2023-08-07")


def test_a_subordinate_signal_clause_misparsed_as_a_sibling_modifies_the_clause_to_its_left():
    from spacy.tokens import Doc

    from dateline.events.anchoring import EventNode, Structure, _left_clause_sibling
    from dateline.events.triggers import Mention
    from dateline.nlp import load

    # the small model's misparse: "comes" and "said" both hang on "was"
    words = ["The", "vote", "comes", "days", "after", "she", "said", "he", "was", "ready"]
    heads = [1, 2, 8, 6, 6, 6, 8, 8, 8, 8]
    deps = ["det", "nsubj", "ccomp", "npadvmod", "mark", "nsubj", "advcl", "nsubj", "ROOT", "acomp"]
    doc = Doc(load().vocab, words=words, heads=heads, deps=deps)
    nodes = [EventNode("V1", Mention(2, 2, 3, "come", "verb", "OCCURRENCE", "verb"), None, None),
             EventNode("V2", Mention(6, 6, 7, "say", "verb", "REPORTING", "verb"), None, None)]
    assert _left_clause_sibling(Structure(doc, nodes), doc[6]).id == "V1"
    assert _left_clause_sibling(Structure(doc, nodes), doc[2]) is None


@pytest.mark.parametrize("basis, expected", [
    ("same_source", ("2023-08-07", "2023-08-07")),  # the source quoted on a stated day keeps that day
    ("story_day", (None, PUB)),  # a weaker reading: it lowered Apple anchoring, so it is not used
])
def test_an_inferred_said_on_fills_an_undated_report_only_from_the_same_source(basis, expected):
    from dataclasses import replace

    from .helpers import attribution, find

    text = "The minister spoke in Oslo.\n\nTaxes will fall, she said later at a dinner."
    cue_at = find(text, "said")
    a = attribution(text, "Taxes will fall", "said", "the minister", said_on="2023-08-07")
    a = replace(a, said_on_basis=basis, cue=replace(a.cue, start=cue_at, end=cue_at + 4))
    events = run(text, PUB, attributions=[a])
    assert by_trigger(events, "said").when.interval == expected


def test_a_time_after_the_scope_of_a_forecast_dates_the_noun_not_the_verb():
    text = "The bank said on Monday that it is cutting its forecast for export growth next year."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07", id="T1"),
                             timex(text, "next year", "2024", interval=("2024-01-01", "2024-12-31"), id="T2")])
    assert by_trigger(events, "cutting").when.interval == ("2023-08-07", "2023-08-07")


def test_an_event_noun_with_its_own_occurrence_clause_keeps_its_range_past_publication():
    # the noun's own clause ("being held") places it; the past tense of "was organized" does not
    text = "The summit, being held Tuesday through Thursday in Oslo, was organized by the union."
    events = run(text, "2023-08-15", [timex(text, "Tuesday", "2023-08-15", id="T1"),
                                      timex(text, "Thursday", "2023-08-17", id="T2")])
    assert by_trigger(events, "summit").when.interval == ("2023-08-15", "2023-08-17")


@pytest.mark.parametrize("text, phrase, value, report, expected", [
    # a time right after a reporting verb is the report's, though the parse hangs it on the content
    ("The party said on Monday it will withdraw its support.", "Monday", "2023-08-07", "said", ("2023-08-07", "2023-08-07")),
    ("The army said Tuesday it was sending 1,000 troops.", "Tuesday", "2023-08-08", "said", ("2023-08-08", "2023-08-08")),
    ("The minister told reporters Tuesday he had resigned.", "Tuesday", "2023-08-08", "told", ("2023-08-08", "2023-08-08")),
    # a possessive time names the day of the noun it owns, not of the report
    ("Officials said Monday's attack was planned.", "Monday", "2023-08-07", "attack", ("2023-08-07", "2023-08-07")),
])
def test_a_time_right_after_a_report_dates_the_report(text, phrase, value, report, expected):
    events = run(text, PUB, [timex(text, phrase, value)])
    assert by_trigger(events, report).when.interval == expected


def test_reported_content_follows_the_report_its_time_was_moved_to():
    text = "The party said on Monday it will withdraw its support."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07")])
    assert by_trigger(events, "withdraw").when.interval == ("2023-08-07", None)


@pytest.mark.parametrize("text, noun, named", [
    # a noun of the same family names the event told before ("exploded ... the blast")
    ("A bomb exploded near the station on Friday. Police closed the road. The blast damaged two cars.",
     "blast", "exploded"),
    # a possessor makes the noun definite ("the mayor's speech" is the speech told before)
    ("The mayor gave a speech on Friday. Critics attacked the mayor's speech.", "speech", "speech"),
])
def test_a_definite_noun_renames_an_earlier_event_of_its_family(text, noun, named):
    events = run(text, PUB, [timex(text, "Friday", "2023-08-04")])
    assert by_trigger(events, noun, 1 if noun == named else 0).coref == by_trigger(events, named).id
    assert by_trigger(events, noun, 1 if noun == named else 0).when.interval == ("2023-08-04", "2023-08-04")


def test_a_noun_with_a_restrictive_clause_is_not_anaphoric():
    text = "Rebels attacked the town on Friday. The attack that toppled the king came in 1990."
    events = run(text, PUB, [timex(text, "Friday", "2023-08-04")])
    assert by_trigger(events, "attack").coref is None


def test_a_definite_noun_goes_to_the_latest_mention_of_its_lemma():
    text = "An attack on Monday hit the port. Another attack on Friday hit the airport. The attack killed five people."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07"), timex(text, "Friday", "2023-08-04", id="T2")])
    assert by_trigger(events, "attack", 2).when.interval == ("2023-08-04", "2023-08-04")


def test_a_passive_light_verb_is_its_subject_event_and_a_by_agent_event_is_the_verbs():
    text = "Rebels attacked the base on Friday. The attack was carried out by ten men."
    events = run(text, PUB, [timex(text, "Friday", "2023-08-04")])
    assert by_trigger(events, "carried").when.interval == ("2023-08-04", "2023-08-04")
    text = "Patrols were hit by two blasts on Friday."
    events = run(text, PUB, [timex(text, "Friday", "2023-08-04")])
    assert by_trigger(events, "blasts").when.interval == ("2023-08-04", "2023-08-04")


def test_a_definite_noun_skips_a_latest_mention_of_the_other_number():
    text = "An explosion hit the port on Friday. Explosions are rare there. The explosion killed two people."
    events = run(text, PUB, [timex(text, "Friday", "2023-08-04")])
    assert by_trigger(events, "explosion", 1).coref == by_trigger(events, "explosion").id


def test_a_reaction_comes_after_what_it_answers():
    text = "The mayor gave a speech on Monday. The minister reacted to the mayor's speech by calling it weak."
    events = run(text, PUB, [timex(text, "Monday", "2023-08-07")])
    assert by_trigger(events, "reacted").when.interval == ("2023-08-07", PUB)


def test_past_time_on_a_present_verb_dates_the_event_noun_it_follows():
    text = "Detectives are still puzzled by the killings of Jane Doe, 19, in 1995, and Mary Roe."
    events = run(text, PUB, [timex(text, "1995", "1995", interval=("1995-01-01", "1995-12-31"))])
    assert by_trigger(events, "killings").when.interval == ("1995-01-01", "1995-12-31")
    assert by_trigger(events, "puzzled").when.interval != ("1995-01-01", "1995-12-31")


@pytest.mark.parametrize("clause", [
    "three big unions, the Teamsters and the American Federation of Teachers, gave Smith their support",
])
def test_duration_after_a_clause_split_at_its_subject(clause):
    # the parser makes the subject the object of "after" and the verb a conjunct (or head) of "comes"
    text = f"It comes two days after {clause}."  # "comes": the day of publication
    events = run(text, PUB, [timex(text, "two days", "P2D", "DURATION")])
    assert by_trigger(events, "gave").when.interval == ("2023-08-08", "2023-08-08")


def test_day_of_a_programme_dates_the_appearance():
    text = "The senator appeared on Sunday interview programs to defend his record."
    events = run(text, PUB, [timex(text, "Sunday", "2023-08-06")])
    assert by_trigger(events, "appeared").when.interval == ("2023-08-06", "2023-08-06")


def test_capitalized_title_word_is_not_the_verb_a_time_attaches_to():
    text = "\"We are fine,\" the candidate told CBS' Face the Nation on Sunday."
    events = run(text, PUB, [timex(text, "Sunday", "2023-08-06")])
    assert by_trigger(events, "told").when.interval == ("2023-08-06", "2023-08-06")


@pytest.mark.parametrize("sentence, expected", data_examples("programme_nouns.txt"))
def test_programme_nouns_examples(sentence, expected):
    trigger, _, day = expected.partition(": ")
    dates = {"Sunday": "2023-08-06", "Tuesday": "2023-08-08"}
    events = run(sentence, PUB, [timex(sentence, day, dates[day])])
    assert by_trigger(events, trigger).when.interval == (dates[day], dates[day])
