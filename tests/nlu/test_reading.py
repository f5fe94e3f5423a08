"""Reading the whole message (issue 12): how much and which way, whose, and
what is only imagined. One test per category, with wordings of our own (the
independent sets in tests/independent/ measure how far they generalise)."""

import pytest

from assistant import knowledge
from assistant.nlp import pipeline

KB = knowledge.default()


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build(KB)


def values(nlp, text, entity):
    return [(e.value, e.role, e.context) for e in pipeline.read(nlp, text).entities if e.entity == entity]


@pytest.mark.parametrize("text, change", [
    ("in March it was 4 mm, the new scan says 7 mm", "growing"),
    ("it went from 6 to 11 mm in two years", "growing"),
    ("9 mm now, it was 6 mm last year", "growing"),
    ("1,5 cm in 2021 and 1,5 cm today", "stable"),
    ("previously 12mm, now 1.2 cm", "stable"),
    ("a bit smaller than before: 8 mm then, 7 mm now", "stable"),
])
def test_change_measured_from_two_sizes(nlp, text, change):
    assert [v for v, _, _ in values(nlp, text, "change")] == [change]


def test_a_measured_stable_answers_a_question_about_growth(nlp):
    assert [v for v, _, _ in values(nlp, "my old report said 5mm and this one 0.5 cm, has it got bigger?", "change")] \
        == ["stable"]


def test_a_stated_growth_is_not_overruled_by_a_small_difference(nlp):
    assert "growing" in [v for v, _, _ in values(nlp, "the radiologist says it grew, 4 mm to 4.5 mm", "change")]


def test_an_imagined_change_is_no_change(nlp):
    from assistant import conversation

    entities = pipeline.read(nlp, "they said if it ever gets bigger they will check it again").entities
    assert [(e.value, "conditional" in e.context) for e in entities if e.entity == "change"] == [("growing", True)]
    assert not [f for f in conversation.facts_from_entities([e.as_rasa() for e in entities]) if f.entity == "change"]


@pytest.mark.parametrize("text, entity, value", [
    ("my neighbour had hepatitis and now I'm worried about mine", "condition", "hepatitis"),
    ("a friend of mine went yellow last month", "symptom", "jaundice"),
])
def test_someone_outside_the_family_is_not_the_user(nlp, text, entity, value):
    assert all("other" in context or role for v, role, context in values(nlp, text, entity) if v == value)
    assert values(nlp, text, entity)


@pytest.mark.parametrize("text", ["my liver is fine", "her liver has a few spots on it"])
def test_a_body_part_and_a_verb_are_not_pain(nlp, text):
    assert "abdominal_pain" not in [v for v, _, _ in values(nlp, text, "symptom")]


def test_a_body_part_that_is_sore_is_pain(nlp):
    assert "abdominal_pain" in [v for v, _, _ in values(nlp, "my side is tender", "symptom")]


@pytest.mark.parametrize("text, entity, value, role", [
    ("negative for the jaundice", "symptom", "jaundice", "negated"),
    ("nil weight loss", "symptom", "weight_loss", "negated"),
    ("my gran had hepatitis", "condition", "hepatitis", "family"),
    ("my mother-in-law had TB", "condition", "tuberculosis", "family"),
])
def test_report_denials_and_relatives_named_as_people_say_them(nlp, text, entity, value, role):
    assert (value, role) in [(v, r) for v, r, _ in values(nlp, text, entity)]


@pytest.mark.parametrize("text", ["no different from June 2022", "same as autumn 2020"])
def test_same_as_a_date_is_stable(nlp, text):
    assert [v for v, _, _ in values(nlp, text, "change")] in (["stable"], [])  # at least never growing
    assert "growing" not in [v for v, _, _ in values(nlp, text, "change")]


def test_same_as_a_month_and_year_is_stable(nlp):
    assert [v for v, _, _ in values(nlp, "same as September 2020", "change")] == ["stable"]


def test_a_future_change_is_not_a_fact(nlp):
    from assistant import conversation

    entities = pipeline.read(nlp, "will it grow over time?").entities
    assert not [f for f in conversation.facts_from_entities([e.as_rasa() for e in entities]) if f.entity == "change"]


def test_a_relatives_scan_and_sign_now_make_the_typist_a_proxy(nlp):
    reading = pipeline.read(
        nlp, "my husband (calcified granuloma on his ultrasound) has been vomiting and is very muddled today")
    assert reading.proxy
    assert not pipeline.read(nlp, "my sister had liver calcifications too and she was yellow").proxy


@pytest.mark.parametrize("text, value", [
    ("I was tested for haemochromatosis because of my dad and I don't have it", "hemochromatosis"),
    ("they checked me for hepatitis B and it came back negative", "hepatitis"),
])
def test_a_denial_that_points_back(nlp, text, value):
    assert (value, "negated") in [(v, r) for v, r, _ in values(nlp, text, "condition")]


def test_a_change_pattern_with_on_matches():
    """'on' in a YAML word list was read as True: 'not seen on the previous scan' never matched."""
    reading = pipeline.read(pipeline.build(KB), "it was not seen on the previous scan")
    assert [e.value for e in reading.entities if e.entity == "change"] == ["new"]
