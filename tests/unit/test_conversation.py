"""assistant/conversation.py: NLU entities -> facts, merging what the user says over
several messages, and which assessment questions a message answers."""

import pytest

from assistant import conversation, engine, knowledge
from assistant.conversation import (
    FORM_SLOTS, NONE, UNCLEAR, UNKNOWN, FormAnswers, facts_from_entities, facts_implied_by_answers,
    form_answers, merge_facts,
)
from assistant.engine import Case, Fact

KB = knowledge.load()


def F(entity, value, role=None):
    return Fact(entity, value, role)


def E(entity, value, role=None, context=None, **extra):
    """An entity dict as the NLU component puts it on the message."""
    data = {"entity": entity, "value": value, "start": 0, "end": 1, "extractor": "ClinicalEntityExtractor"}
    if role is not None:
        data["role"] = role
    if context is not None:
        data["context"] = context
    data.update(extra)
    return data


EMPTY = {name: None for name in FORM_SLOTS}


def answers(facts, current=None, requested=None, intent="inform", message_facts=None, nothing=()):
    return form_answers(
        facts,
        dict(EMPTY, **(current or {})),
        requested,
        intent,
        list(facts if message_facts is None else message_facts),
        list(nothing),
    )


# --------------------------------------------------------------------------
# facts_from_entities
# --------------------------------------------------------------------------


def test_plain_entities_become_own_facts():
    facts = facts_from_entities([E("finding", "calcification"), E("imaging", "ct"), E("condition", "tuberculosis")])
    assert facts == [F("finding", "calcification"), F("imaging", "ct"), F("condition", "tuberculosis")]


def test_roles_are_kept():
    facts = facts_from_entities([E("condition", "cancer", "negated"), E("condition", "liver_cancer", "family")])
    assert facts == [F("condition", "cancer", "negated"), F("condition", "liver_cancer", "family")]


@pytest.mark.parametrize("context", [["hypothetical"], ["uncertain"], ["historical", "hypothetical"]])
@pytest.mark.parametrize("entity,value", [("condition", "cancer"), ("condition", "tuberculosis"),
                                          ("medication", "amiodarone"), ("symptom", "jaundice")])
def test_personal_entities_in_questions_are_dropped(entity, value, context):
    """'is it cancer?', 'can TB cause this?': not the user's history (an unsure
    symptom of the user's own, and nothing else, counts: the test below)."""
    if not (entity == "symptom" and context == ["uncertain"]):
        assert facts_from_entities([E(entity, value, context=context)]) == []
    # even with a role
    assert facts_from_entities([E(entity, value, "negated", context=context)]) == []


@pytest.mark.parametrize("entity,value", [("finding", "calcification"), ("finding", "granuloma"),
                                          ("pattern", "punctate"), ("size", "3 mm"), ("imaging", "ct"),
                                          ("change", "growing")])
def test_findings_in_questions_are_kept(entity, value):
    """'is this calcification dangerous?' still tells us what the scan showed."""
    assert facts_from_entities([E(entity, value, context=["hypothetical"])]) == [F(entity, value)]


def test_historical_context_is_still_own_history():
    """'I had TB years ago' is the user's own past history."""
    assert facts_from_entities([E("condition", "tuberculosis", context=["historical"])]) == [
        F("condition", "tuberculosis")]


def test_question_drops_only_the_personal_entity():
    entities = [E("finding", "calcification", context=["hypothetical"]),
                E("condition", "cancer", context=["hypothetical"]),
                E("symptom", "fever")]
    assert facts_from_entities(entities) == [F("finding", "calcification"), F("symptom", "fever")]


@pytest.mark.parametrize(
    "bad",
    [
        "calcification",
        None,
        42,
        ["finding", "cyst"],
        {"value": "cyst"},
        {"entity": "finding"},
        {"entity": "finding", "value": None},
        {"entity": "finding", "value": ""},
        {"entity": "finding", "value": "   "},
        {"entity": "size", "value": 3},
        {"entity": "condition", "value": ["cancer"]},
    ],
)
def test_bad_entity_dicts_are_ignored(bad):
    good = E("symptom", "fever")
    assert facts_from_entities([bad, good]) == [F("symptom", "fever")]


def test_unknown_role_is_not_a_role():
    """Rasa may set other roles; only negated and family change a fact's meaning."""
    assert facts_from_entities([E("symptom", "fever", role="other")]) == [F("symptom", "fever")]


def test_values_are_stripped_and_none_is_empty():
    assert facts_from_entities([E("size", " 3 mm ")]) == [F("size", "3 mm")]
    assert facts_from_entities(None) == []
    assert facts_from_entities([]) == []


# --------------------------------------------------------------------------
# merge_facts
# --------------------------------------------------------------------------


def test_correction_replaces_imaging():
    """'it was a CT' ... 'actually it was an MRI'."""
    known = [F("finding", "calcification"), F("imaging", "ct")]
    merged = merge_facts(known, facts_from_entities([E("imaging", "mri")]))
    assert F("imaging", "mri") in merged
    assert F("imaging", "ct") not in merged
    assert F("finding", "calcification") in merged


@pytest.mark.parametrize("entity,old,new", [("change", "stable", "growing"), ("size", "3 mm", "12 mm"),
                                            ("imaging", "ultrasound", "ct")])
def test_single_valued_entities_keep_the_newest(entity, old, new):
    merged = merge_facts([F(entity, old)], [F(entity, new)])
    assert [f for f in merged if f.entity == entity] == [F(entity, new)]


def test_size_correction_changes_the_band():
    merged = merge_facts([F("size", "3 mm")], [F("size", "1.2 cm")])
    assert engine.triage(Case.of(merged), KB).level == "see_clinician_routine"


def test_no_fever_then_fever_is_own_fever_only():
    known = merge_facts([], [F("symptom", "fever", "negated")])
    merged = merge_facts(known, [F("symptom", "fever")])
    assert [f for f in merged if f.value == "fever"] == [F("symptom", "fever")]


def test_fever_then_no_fever_is_denied_fever_only():
    """The newest statement wins, both ways."""
    merged = merge_facts([F("symptom", "fever")], [F("symptom", "fever", "negated")])
    assert [f for f in merged if f.value == "fever"] == [F("symptom", "fever", "negated")]


def test_family_and_own_of_the_same_value_coexist():
    merged = merge_facts([F("condition", "liver_cancer", "family")], [F("condition", "liver_cancer")])
    assert set(merged) == {F("condition", "liver_cancer", "family"), F("condition", "liver_cancer")}
    merged = merge_facts([F("condition", "liver_cancer")], [F("condition", "liver_cancer", "family")])
    assert set(merged) == {F("condition", "liver_cancer", "family"), F("condition", "liver_cancer")}


def test_denial_does_not_remove_a_relatives_illness():
    merged = merge_facts([F("condition", "cancer", "family")], [F("condition", "cancer", "negated")])
    assert set(merged) == {F("condition", "cancer", "family"), F("condition", "cancer", "negated")}


def test_family_size_or_imaging_does_not_replace_own():
    merged = merge_facts([F("imaging", "ct")], [F("imaging", "mri", "negated")])
    assert F("imaging", "ct") in merged and F("imaging", "mri", "negated") in merged


def test_merge_keeps_order_and_has_no_duplicates():
    known = [F("finding", "calcification"), F("symptom", "fever")]
    merged = merge_facts(known, [F("symptom", "fever"), F("finding", "calcification"), F("pattern", "punctate")])
    assert len(merged) == len(set(merged)) == 3
    assert merged[-1] == F("pattern", "punctate")
    assert merge_facts(known, []) == known
    assert known == [F("finding", "calcification"), F("symptom", "fever")]  # not mutated


def test_merge_within_one_message_keeps_the_last_change():
    """One change value at a time, even within a message."""
    merged = merge_facts([], [F("change", "new"), F("change", "growing")])
    assert [f for f in merged if f.entity == "change"] == [F("change", "growing")]


# --------------------------------------------------------------------------
# form_answers
# --------------------------------------------------------------------------


def test_form_answers_object():
    result = answers([])
    assert isinstance(result, FormAnswers)
    assert result.as_slots() == EMPTY
    assert list(result.as_slots()) == list(FORM_SLOTS)


@pytest.mark.parametrize(
    "facts,expected",
    [
        ([F("finding", "calcification")], "calcification"),
        ([F("finding", "granuloma"), F("finding", "cyst")], "granuloma, cyst"),
        ([F("pattern", "punctate")], "punctate"),
        ([F("size", "3 mm")], "3 mm"),
        ([F("pattern", "punctate"), F("finding", "calcification")], "calcification"),
    ],
)
def test_finding_answers_scan_finding(facts, expected):
    assert answers(facts).scan_finding == expected


def test_denied_finding_alone_does_not_answer_scan_finding():
    assert answers([F("finding", "mass", "negated")]).scan_finding is None


def test_imaging_alone_does_not_answer_scan_finding():
    assert answers([F("imaging", "ct")]).scan_finding is None


@pytest.mark.parametrize(
    "facts,expected",
    [
        ([F("condition", "tuberculosis")], "tuberculosis"),
        ([F("medication", "amiodarone")], "amiodarone"),
        ([F("condition", "tuberculosis"), F("medication", "methotrexate")], "tuberculosis, methotrexate"),
        ([F("condition", "cancer", "negated")], NONE),
        ([F("condition", "cancer", "negated"), F("condition", "hepatitis")], "hepatitis"),
    ],
)
def test_own_or_denied_history_answers_medical_history(facts, expected):
    assert answers(facts).medical_history == expected


def test_family_only_history_does_not_answer_medical_history():
    result = answers([F("condition", "breast_cancer", "family")], requested="medical_history")
    assert result.medical_history is None
    result = answers([F("condition", "liver_cancer", "family"), F("condition", "tuberculosis")])
    assert result.medical_history == "tuberculosis"


def test_family_symptom_does_not_answer_current_symptoms():
    assert answers([F("symptom", "jaundice", "family")]).current_symptoms is None


@pytest.mark.parametrize(
    "facts,expected",
    [
        ([F("symptom", "fever")], "fever"),
        ([F("symptom", "fever"), F("symptom", "jaundice")], "fever, jaundice"),
        ([F("symptom", "fever", "negated")], NONE),
    ],
)
def test_symptoms_answer_current_symptoms(facts, expected):
    assert answers(facts).current_symptoms == expected


@pytest.mark.parametrize("value", ["stable", "new", "growing"])
def test_change_answers_finding_change(value):
    assert answers([F("change", value)]).finding_change == value


@pytest.mark.parametrize(
    "nothing,slot",
    [(["condition"], "medical_history"), (["medication"], "medical_history"), (["symptom"], "current_symptoms")],
)
def test_nothing_to_report_answers_none(nothing, slot):
    result = answers([], nothing=nothing)
    assert getattr(result, slot) == NONE
    other = {"medical_history": "current_symptoms", "current_symptoms": "medical_history"}[slot]
    assert getattr(result, other) is None


@pytest.mark.parametrize(
    "slot,expected",
    [("medical_history", NONE), ("current_symptoms", NONE), ("finding_change", UNKNOWN), ("scan_finding", UNKNOWN)],
)
def test_deny_to_the_requested_slot(slot, expected):
    result = answers([], requested=slot, intent="deny", message_facts=[])
    assert getattr(result, slot) == expected
    for other in FORM_SLOTS:
        if other != slot:
            assert getattr(result, other) is None


@pytest.mark.parametrize("slot", FORM_SLOTS)
@pytest.mark.parametrize("intent", ["inform", "affirm"])
def test_unreadable_answer_is_unclear(slot, intent):
    result = answers([], requested=slot, intent=intent, message_facts=[])
    assert getattr(result, slot) == UNCLEAR


@pytest.mark.parametrize("slot", FORM_SLOTS)
@pytest.mark.parametrize("intent", ["nlu_fallback", "start_assessment"])
def test_not_understood_or_restarted_question_stays_open(slot, intent):
    """Gibberish gets a rephrase and the question again; "help me with my result"
    mid-form re-asks the question instead of skipping it."""
    result = answers([], requested=slot, intent=intent, message_facts=[])
    assert getattr(result, slot) is None


def test_answers_the_form():
    fact = [F("symptom", "fever")]
    assert conversation.answers_the_form("inform", [])
    assert conversation.answers_the_form("nlu_fallback", fact)
    assert not conversation.answers_the_form("nlu_fallback", [])
    assert not conversation.answers_the_form("ask_causes", fact)


@pytest.mark.parametrize(
    "text, facts, own",
    [
        ("what is liver calcification?", [F("finding", "calcification")], False),
        ("what can cause liver calcifications?", [F("finding", "calcification")], False),
        ("what does it mean if my CT shows punctate calcification?", [F("finding", "calcification")], True),
        ("I have calcifications, should I worry?", [F("finding", "calcification")], True),
        ("does a calcified granuloma on ultrasound need treatment?", [F("imaging", "ultrasound")], True),
    ],
)
def test_about_own_scan(text, facts, own):
    assert conversation.about_own_scan(text, facts) is own


@pytest.mark.parametrize("intent", ["ask_what_is", "ask_seriousness", "greet", "request_clinician", None])
def test_question_back_is_not_an_answer(intent):
    """A digression leaves the requested question open."""
    result = answers([], requested="medical_history", intent=intent, message_facts=[])
    assert result.medical_history is None


def test_condition_in_a_question_does_not_answer_history():
    """'is it cancer?' while the history question is open."""
    message = facts_from_entities([E("condition", "cancer", context=["hypothetical"])])
    result = answers(message, requested="medical_history", intent="ask_seriousness", message_facts=message)
    assert result.medical_history is None


def test_inform_with_facts_for_another_slot_is_not_unclear():
    """Answering the symptom question with a finding: the symptom question stays open, not 'unclear'."""
    facts = [F("finding", "calcification")]
    result = answers(facts, requested="current_symptoms", intent="inform", message_facts=facts)
    assert result.current_symptoms is None
    assert result.scan_finding == "calcification"


def test_family_only_answer_to_history_question_stays_open():
    facts = [F("condition", "breast_cancer", "family")]
    result = answers(facts, requested="medical_history", intent="inform", message_facts=facts)
    assert result.medical_history is None


@pytest.mark.parametrize("slot,value", [("medical_history", "tuberculosis"), ("current_symptoms", NONE),
                                        ("finding_change", "stable"), ("scan_finding", "granuloma")])
@pytest.mark.parametrize("intent", ["deny", "inform", "affirm", "ask_what_is"])
def test_never_un_answers(slot, value, intent):
    result = answers([], current={slot: value}, requested=slot, intent=intent, message_facts=[])
    assert getattr(result, slot) == value


def test_current_answers_are_kept_when_other_questions_are_answered():
    current = {"scan_finding": "calcification", "medical_history": NONE}
    result = answers([F("symptom", "fatigue")], current=current, requested="current_symptoms")
    assert result.as_slots() == {"scan_finding": "calcification", "medical_history": NONE,
                                 "current_symptoms": "fatigue", "finding_change": None}


def test_unclear_is_replaced_by_a_real_answer_later():
    first = answers([], requested="finding_change", intent="inform", message_facts=[])
    assert first.finding_change == UNCLEAR
    later = answers([F("change", "stable")], current=first.as_slots(), requested=None)
    assert later.finding_change == "stable"


def test_deny_with_a_denied_symptom_is_none():
    facts = [F("symptom", "fever", "negated")]
    result = answers(facts, requested="current_symptoms", intent="deny", message_facts=facts)
    assert result.current_symptoms == NONE


# --------------------------------------------------------------------------
# facts_implied_by_answers
# --------------------------------------------------------------------------


def test_plain_no_to_history_denies_cancer():
    result = answers([], requested="medical_history", intent="deny", message_facts=[])
    implied = facts_implied_by_answers(result, None, [])
    assert implied == [F("condition", "cancer", "negated")]
    # and that keeps metastases from leading, and triage down
    case = Case.of([F("finding", "calcification")] + implied)
    assert engine.rank_causes(case, KB)[0].id == "granulomatous_infection"
    assert engine.triage(case, KB).level == "reassurance"


def test_no_other_health_problems_also_denies_cancer():
    result = answers([], requested="current_symptoms", intent="inform", message_facts=[], nothing=["condition"])
    assert result.medical_history == NONE
    assert facts_implied_by_answers(result, None, []) == [F("condition", "cancer", "negated")]


@pytest.mark.parametrize(
    "previous,history,facts",
    [
        (NONE, NONE, []),  # already implied on an earlier turn
        (None, "tuberculosis", []),
        (None, None, []),
        (None, UNCLEAR, []),
        (None, NONE, [F("condition", "cancer")]),  # never deny what the user said they had
    ],
)
def test_nothing_implied_otherwise(previous, history, facts):
    result = FormAnswers(scan_finding="calcification", medical_history=history, current_symptoms=None,
                         finding_change=None)
    assert facts_implied_by_answers(result, previous, facts) == []


def test_implied_denial_does_not_override_own_cancer():
    known = [F("condition", "colorectal_cancer")]
    merged = merge_facts(known, conversation.DENIED_BY_NO_HISTORY)
    case = Case.of(merged)
    assert engine.triage(case, KB).level == "see_clinician_soon"
    assert engine.rank_causes(case, KB)[0].id == "hepatic_metastases"


# --------------------------------------------------------------------------
# Slots and whole conversations (as the action server runs them)
# --------------------------------------------------------------------------


def test_facts_slot_round_trip():
    facts = [F("condition", "cancer", "negated"), F("size", "3 mm"), F("condition", "liver_cancer", "family")]
    slot = conversation.facts_to_slot(facts)
    assert slot == [{"entity": "condition", "value": "cancer", "role": "negated"},
                    {"entity": "size", "value": "3 mm"},
                    {"entity": "condition", "value": "liver_cancer", "role": "family"}]
    assert conversation.facts_from_slot(slot) == facts
    assert conversation.facts_from_slot(None) == []
    assert conversation.facts_from_slot("junk") == []
    assert conversation.facts_from_slot([{"entity": "x"}, "y", {"entity": "symptom", "value": "fever",
                                                               "role": "cousin"}]) == []
    assert conversation.case_of(facts) == Case.of(facts)


def _run(turns):
    """turns: (intent, entities, nothing_to_report) per user message; returns facts and slots."""
    facts, slots = [], dict(EMPTY)
    for intent, entities, nothing in turns:
        requested = next((name for name in FORM_SLOTS if not slots[name]), None)
        new = facts_from_entities(entities)
        facts = merge_facts(facts, new)
        result = form_answers(facts, slots, requested, intent, new, nothing)
        facts = merge_facts(facts, facts_implied_by_answers(result, slots["medical_history"], facts))
        slots = result.as_slots()
    return facts, slots


def test_conversation_tb_stable():
    facts, slots = _run([
        ("inform", [E("imaging", "ct"), E("pattern", "punctate"), E("finding", "calcification"),
                    E("condition", "tuberculosis", context=["historical"])], []),
        ("deny", [], []),  # symptoms? no
        ("inform", [E("change", "stable")], []),
    ])
    assert slots == {"scan_finding": "calcification", "medical_history": "tuberculosis",
                     "current_symptoms": NONE, "finding_change": "stable"}
    result = engine.assess(Case.of(facts), KB)
    assert result.level == "reassurance"
    assert result.cause_ids[0] == "granulomatous_infection"


def test_conversation_family_only_and_no_history():
    facts, slots = _run([
        ("inform", [E("imaging", "ultrasound"), E("finding", "granuloma")], []),
        ("inform", [E("condition", "breast_cancer", "family")], ["symptom"]),  # "my aunt had..., no symptoms"
        ("deny", [], []),  # any health problems of your own? no
        ("deny", [], []),  # changed since an earlier scan? no / don't know
    ])
    assert slots == {"scan_finding": "granuloma", "medical_history": NONE, "current_symptoms": NONE,
                     "finding_change": UNKNOWN}
    assert F("condition", "cancer", "negated") in facts
    assert F("condition", "breast_cancer", "family") in facts
    result = engine.assess(Case.of(facts), KB)
    assert result.level == "reassurance"
    assert "granulomatous_infection" in result.cause_ids[:3]


def test_conversation_is_it_cancer_then_correction():
    facts, slots = _run([
        ("inform", [E("finding", "calcification"), E("imaging", "ct")], []),
        ("ask_seriousness", [E("condition", "cancer", context=["hypothetical"])], []),
        ("inform", [E("imaging", "mri")], []),
    ])
    assert F("imaging", "mri") in facts and F("imaging", "ct") not in facts
    assert not [f for f in facts if f.entity == "condition"]
    # the correction carried facts, so it is not an unreadable answer: the history question stays open
    assert slots["medical_history"] is None
    assert slots["scan_finding"] == "calcification"
    assert engine.triage(Case.of(facts), KB).level == "reassurance"


def test_conversation_red_flag_after_denial():
    facts, _ = _run([
        ("inform", [E("finding", "calcification")], []),
        ("inform", [E("symptom", "fever", "negated")], []),
        ("inform", [E("symptom", "fever"), E("symptom", "abdominal_pain")], []),
    ])
    result = engine.triage(Case.of(facts), KB)
    assert result.level == "see_clinician_soon"
    assert "fever_with_abdominal_pain" in {r.id for r in result.red_flags}


# ---- Categories from independent set E -----------------------------------------

@pytest.mark.parametrize("known, text, new, change", [
    ("3 mm", "The new one this month says 7 mm.", "7 mm", "growing"),
    ("0.5 cm", "latest scan: 6 mm", "6 mm", "growing"),
    ("8 mm", "now it's 8.2 mm", "8.2 mm", "stable"),
    ("9 mm", "this time 7 mm", "7 mm", "stable"),
])
def test_growth_said_over_two_messages(known, text, new, change):
    facts = conversation.change_across_messages([F("size", known), F("finding", "calcification")], [F("size", new)],
                                                text)
    assert facts == [F("change", change)]


@pytest.mark.parametrize("text", ["sorry, it was 7 mm not 3", "actually it's 7 mm", "it was 7 mm last year",
                                  "previously 7 mm"])
def test_a_corrected_or_earlier_size_is_no_change(text):
    assert conversation.change_across_messages([F("size", "3 mm")], [F("size", "7 mm")], text) == []


def test_a_message_that_says_the_change_itself_keeps_it():
    assert conversation.change_across_messages([F("size", "3 mm")], [F("size", "7 mm"), F("change", "stable")],
                                               "7 mm, unchanged") == []


def test_an_unsure_new_sign_counts_and_an_unsure_warning_sign_is_asked_instead():
    assert facts_from_entities([E("symptom", "jaundice", context=["uncertain"])]) == [F("symptom", "jaundice")]
    assert facts_from_entities([E("symptom", "vomiting_blood", context=["uncertain"])]) == []
    assert facts_from_entities([E("symptom", "jaundice", context=["hypothetical"])]) == []


def test_a_proxys_relative_medicine_is_the_patients():
    assert conversation.as_patients([F("medication", "amiodarone", "family"), F("condition", "cancer", "family")]) \
        == [F("medication", "amiodarone"), F("condition", "cancer", "family")]


# --------------------------------------------------------------------------
# Taking back, and the finding of a general question
# --------------------------------------------------------------------------


def test_a_correction_takes_back_the_users_own_history():
    """'I had breast cancer' ... 'sorry, my SISTER had it, I've never had cancer'."""
    known = [F("condition", "breast_cancer"), F("finding", "granuloma")]
    new = [F("condition", "breast_cancer", "family"), F("condition", "cancer", "negated")]
    back = conversation.retracted(known, new, "sorry, my SISTER had breast cancer. I've never had cancer", KB.broader)
    merged = merge_facts(known, new, back)
    assert F("condition", "breast_cancer") not in merged
    assert engine.triage(Case.of(merged), KB).level == "reassurance"


def test_a_passing_denial_takes_back_nothing():
    """A later 'no sign of cancer on the CT' does not undo a cancer the user had."""
    known = [F("condition", "colorectal_cancer")]
    new = [F("condition", "cancer", "negated")]
    assert conversation.retracted(known, new, "there is no sign of cancer on the CT", KB.broader) == []


def test_a_relatives_illness_takes_back_only_in_a_correction():
    known = [F("condition", "cirrhosis")]
    new = [F("condition", "cirrhosis", "family")]
    assert conversation.retracted(known, new, "my dad has cirrhosis too", KB.broader) == []
    assert conversation.retracted(known, new, "I meant my dad has cirrhosis", KB.broader) == known


def test_the_finding_asked_about_becomes_the_users_when_they_tell_their_health():
    asked = [F("finding", "granuloma")]
    theirs = conversation.asked_facts_are_theirs
    assert theirs(asked, [], [F("condition", "cancer", "negated")], [], "never had cancer") == asked
    assert theirs(asked, [], [], ["symptom"], "no symptoms") == asked
    assert theirs(asked, [], [F("condition", "cancer", "family")], [], "my mum had cancer") == []
    assert theirs(asked, [F("finding", "calcification")], [F("symptom", "fever")], [], "I have a fever") == []


def test_the_condition_asked_about_becomes_the_users_only_when_they_say_so():
    """'would a specialist want to see someone with hemochromatosis?' ... 'yes that's me'."""
    entities = [E("condition", "hemochromatosis", context=["hypothetical"]), E("finding", "calcification")]
    asked = conversation.asked_about(entities, scan_too=False)
    assert asked == [F("condition", "hemochromatosis")]
    theirs = conversation.asked_facts_are_theirs
    assert theirs(asked, [], [], [], "yes that's me, C282Y homozygous") == asked
    assert theirs(asked, [], [F("symptom", "fatigue")], [], "I feel tired") == []
    assert conversation.asked_about([E("condition", "cancer", context=["other"])], scan_too=True) == []


def test_a_self_limiting_hepatitis_is_no_history():
    facts = facts_from_entities([E("condition", "hepatitis", context=["historical", "self_limiting"])])
    assert facts == []
    assert facts_from_entities([E("condition", "hepatitis")]) == [F("condition", "hepatitis")]


def test_the_pain_points_back_to_the_pain_told_before():
    known = [F("symptom", "pain_after_fatty_meals")]
    entity = E("symptom", "abdominal_pain", context=["anaphoric"])
    assert facts_from_entities([entity], known) == []
    assert facts_from_entities([entity], []) == [F("symptom", "abdominal_pain")]


def test_explained_tiredness_is_no_symptom():
    assert facts_from_entities([E("symptom", "fatigue", context=["explained"])]) == []


@pytest.mark.parametrize("text, own", [
    ("Report: 'Previously noted calcified granulomata, unchanged. New 9 mm lesion.' What does that mean?", True),
    ("IMPRESSION: calcified granuloma. what does that mean", True),
    ("what is a calcified granuloma?", False),
])
def test_a_pasted_report_is_the_users_own(text, own):
    assert conversation.about_own_scan(text, []) is own


def test_no_new_lesions_reads_as_stable():
    assert facts_from_entities([E("change", "new", "negated")]) == [F("change", "stable")]


def test_a_measured_or_changed_finding_is_the_users_in_a_question():
    assert conversation.about_own_scan("calcification same as March 2021. is it the amiodarone??",
                                       [F("change", "stable")])


def test_a_size_said_now_after_a_scan_that_was_last_week_is_growth():
    """Set N: 'the repeat was last week and it's 12mm now' after a 7 mm one."""
    known = [conversation.Fact("size", "7mm", None)]
    new = [conversation.Fact("size", "12mm", None)]
    assert conversation.change_across_messages(known, new, "the repeat was last week and it's 12mm now") == [
        conversation.Fact("change", "growing", None)]
    assert conversation.change_across_messages(known, new, "it was 12mm in 2019") == []


@pytest.mark.parametrize("text, facts, own", [
    # set Q: a result told before the question, or asked beside the user's own health
    ("hi, scan showed a calcification in liver. no fever, no jaundice. what causes it?",
     [F("symptom", "fever", "negated")], True),
    ("ultrasound found a granuloma. what is that?", [], True),
    ("what is a liver calcification? no symptoms here", [F("symptom", "jaundice", "negated")], True),
    ("what does it mean when a scan shows calcification?", [], False),
])
def test_a_told_result_or_own_health_makes_the_question_about_the_users_scan(text, facts, own):
    assert conversation.about_own_scan(text, facts) is own
