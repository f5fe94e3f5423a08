"""Each custom action on hand-built trackers: the exact events and messages."""

from typing import Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from assistant import replies
from assistant.conversation import FORM_SLOTS

EMPTY_SLOTS = {
    "case_facts": None, "scan_finding": None, "medical_history": None, "current_symptoms": None,
    "finding_change": None, "assessment_due": False, "assessment_done": False, "red_flags_told": None,
    "triage_level": None, "likely_causes": None, "requested_slot": None,
}


def make_tracker(
    intent: str = "inform",
    entities: Optional[List[Dict]] = None,
    slots: Optional[Dict] = None,
    active_loop: Optional[str] = None,
    text: str = "",
    nothing: Optional[List[str]] = None,
    events: Optional[List[Dict]] = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": entities or [],
        "clinical_nothing_to_report": nothing or [],
    }
    return Tracker(
        sender_id="test",
        slots={**EMPTY_SLOTS, **(slots or {})},
        latest_message=latest,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    return events, dispatcher.messages


def slot_events(events) -> Dict:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def ent(entity, value, role=None, context=None):
    data = {"entity": entity, "value": value}
    if role:
        data["role"] = role
    if context:
        data["context"] = context
    return data


# --------------------------------------------------------------------------
# action_validate_slot_mappings (ActionReadMessage): facts, form answers, red flags
# --------------------------------------------------------------------------


def test_collect_facts_from_a_finding_fills_the_form_and_marks_assessment_due():
    tracker = make_tracker(entities=[ent("imaging", "ct"), ent("pattern", "punctate"), ent("finding", "calcification"),
                                     ent("condition", "tuberculosis", context=["historical"])])
    events, messages = run(actions.ActionReadMessage(), tracker)
    assert messages == []
    assert events == [
        SlotSet("case_facts", [
            {"entity": "imaging", "value": "ct"}, {"entity": "pattern", "value": "punctate"},
            {"entity": "finding", "value": "calcification"}, {"entity": "condition", "value": "tuberculosis"},
        ]),
        SlotSet("scan_finding", "calcification"),
        SlotSet("medical_history", "tuberculosis"),
        SlotSet("current_symptoms", None),
        SlotSet("finding_change", None),
        SlotSet("assessment_due", True),
    ]


def test_collect_facts_on_a_question_sets_no_form_slot():
    tracker = make_tracker(intent="ask_seriousness", entities=[ent("condition", "cancer", context=["hypothetical"])],
                           active_loop="assessment_form", slots={"requested_slot": "medical_history"})
    events, messages = run(actions.ActionReadMessage(), tracker)
    # A condition in a question is not history, and the form must step aside;
    # it is kept only as asked about, for a later "that's me".
    assert messages == []
    assert events == [{"event": "slot", "name": "asked_about", "timestamp": None,
                       "value": [{"entity": "condition", "value": "cancer"}]}]


def test_red_flag_is_answered_at_once_and_the_turn_is_the_alert():
    tracker = make_tracker(
        active_loop="assessment_form",
        slots={"requested_slot": "medical_history", "scan_finding": "calcification",
               "case_facts": [{"entity": "finding", "value": "calcification"},
                              {"entity": "symptom", "value": "vomiting_blood"}]},
    )
    events, messages = run(actions.ActionReadMessage(), tracker)
    slots = slot_events(events)
    assert slots["triage_level"] == "emergency"
    assert slots["red_flags_told"] == ["vomiting_blood"]
    assert slots["likely_causes"] and slots["assessment_due"] is True
    # No assessment question is answered, so the form steps aside and the
    # alert rule holds the turn and ends the form.
    assert slots[actions.TURN_REPLY] == "alert"
    assert not set(FORM_SLOTS) & set(slots)
    assert len(messages) == 1
    assert messages[0]["text"].startswith("⚠️ Get emergency help now.")
    assert "causes" not in messages[0]["text"].lower()
    assert len(messages[0]["text"]) <= 400
    assert messages[0]["buttons"] == [replies.BUTTON_REST]


def test_a_warning_cue_gets_one_yes_no_question_before_anything_else():
    tracker = make_tracker(active_loop="assessment_form", slots={"requested_slot": "medical_history"})
    tracker.latest_message["clinical_warning_cues"] = ["vomiting_blood"]
    events, messages = run(actions.ActionReadMessage(), tracker)
    slots = slot_events(events)
    assert slots[actions.WARNING_CHECK] == "vomiting_blood"
    assert slots[actions.CHECKS_ASKED] == ["vomiting_blood"]
    assert slots[actions.TURN_REPLY] == "question"
    # The form goes on, its pending question unanswered (asked again after).
    assert slots["medical_history"] is None
    assert len(messages) == 1
    assert messages[0]["text"].startswith("Just to check: have you (or the person whose scan it is) vomited blood")
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/deny"]


def test_yes_to_the_safety_question_is_the_sign():
    tracker = make_tracker(intent="affirm", active_loop="assessment_form",
                           slots={"requested_slot": "medical_history", "warning_check": "vomiting_blood",
                                  "turn_reply": "question", "warning_checks_asked": ["vomiting_blood"]})
    events, messages = run(actions.ActionReadMessage(), tracker)
    slots = slot_events(events)
    assert {"entity": "symptom", "value": "vomiting_blood"} in slots["case_facts"]
    assert slots["triage_level"] == "emergency"
    assert slots[actions.WARNING_CHECK] is None
    assert slots[actions.TURN_REPLY] == "alert"
    assert len(messages) == 1 and messages[0]["text"].startswith("⚠️ Get emergency help now.")


def test_no_to_the_safety_question_is_a_denial_and_the_form_goes_on():
    tracker = make_tracker(intent="deny", active_loop="assessment_form",
                           slots={"requested_slot": "medical_history", "warning_check": "fainting",
                                  "turn_reply": "question", "warning_checks_asked": ["fainting"]})
    events, messages = run(actions.ActionReadMessage(), tracker)
    slots = slot_events(events)
    assert "case_facts" not in slots
    assert "triage_level" not in slots and messages == []
    # The "no" answered the safety question, not the history question.
    assert slots["medical_history"] is None
    assert slots[actions.WARNING_CHECK] is None and slots[actions.TURN_REPLY] is None


def test_the_form_question_waits_while_the_safety_question_is_pending():
    tracker = make_tracker(slots={"turn_reply": "question"}, active_loop="assessment_form")
    assert run(actions.ActionAskMedicalHistory(), tracker)[1] == []
    tracker = make_tracker(slots={"turn_reply": None}, active_loop="assessment_form")
    assert run(actions.ActionAskMedicalHistory(), tracker)[1][0]["text"].startswith("Have you ever had")


def test_each_sign_is_asked_about_once():
    tracker = make_tracker(slots={"warning_checks_asked": ["fainting"]})
    tracker.latest_message["clinical_warning_cues"] = ["fainting"]
    events, messages = run(actions.ActionReadMessage(), tracker)
    assert messages == [] and actions.WARNING_CHECK not in slot_events(events)


def test_a_crisis_is_answered_with_help_and_nothing_about_the_scan(monkeypatch):
    monkeypatch.setenv("CRISIS_LINE", "Samaritans, call 116 123 (free, 24 hours)")
    tracker = make_tracker(slots={"case_facts": [{"entity": "finding", "value": "calcification"},
                                                 {"entity": "symptom", "value": "suicidal_thoughts"}]})
    events, messages = run(actions.ActionReadMessage(), tracker)
    assert slot_events(events)[actions.TURN_REPLY] == "alert"
    (message,) = messages
    assert "Samaritans, call 116 123" in message["text"]
    assert "calcification" not in message["text"] and "scan" not in message["text"]
    assert not message.get("buttons")
    assert len(message["text"]) <= 400


def test_soon_red_flag_keeps_the_form_going():
    tracker = make_tracker(intent="greet", active_loop="assessment_form",
                           slots={"requested_slot": "current_symptoms",
                                  "case_facts": [{"entity": "symptom", "value": "jaundice"}]})
    events, messages = run(actions.ActionReadMessage(), tracker)
    assert events == [SlotSet("red_flags_told", ["new_jaundice"]), SlotSet("triage_level", "see_clinician_soon")]
    assert messages[0]["text"].startswith("⚠️ SEE A DOCTOR WITHIN DAYS")


def test_a_later_red_flag_never_lowers_the_level():
    tracker = make_tracker(intent="greet", slots={"triage_level": "emergency", "red_flags_told": ["confusion"],
                                  "case_facts": [{"entity": "symptom", "value": "jaundice"}]})
    events, _ = run(actions.ActionReadMessage(), tracker)
    assert events == [SlotSet("red_flags_told", ["confusion", "new_jaundice"]), SlotSet("triage_level", "emergency")]


def test_a_told_red_flag_is_not_repeated():
    facts = [{"entity": "symptom", "value": "jaundice"}]
    tracker = make_tracker(intent="greet", slots={"case_facts": facts, "red_flags_told": ["new_jaundice"],
                                                  "triage_level": "see_clinician_soon"})
    assert run(actions.ActionReadMessage(), tracker) == ([], [])


def test_negated_and_family_red_flags_raise_nothing():
    tracker = make_tracker(entities=[ent("symptom", "vomiting_blood", "negated"),
                                     ent("symptom", "black_stools", "family")])
    events, messages = run(actions.ActionReadMessage(), tracker)
    assert messages == []
    assert slot_events(events)["current_symptoms"] == "none"
    facts = slot_events(events)["case_facts"]
    assert run(actions.ActionReadMessage(), make_tracker(intent="greet", slots={"case_facts": facts})) == ([], [])


@pytest.mark.parametrize("slot", FORM_SLOTS)
def test_form_questions_have_exact_button_payloads(slot):
    action = next(cls() for cls in actions.ActionAskFormQuestion.__subclasses__() if cls.slot == slot)
    assert action.name() == f"action_ask_{slot}"
    events, messages = run(action, make_tracker())
    assert events == [] and messages[0]["text"]
    for button in messages[0].get("buttons") or []:
        assert button["payload"] == "/deny" or button["payload"].startswith("/inform{")


def test_collect_facts_no_to_the_history_question_denies_cancer():
    tracker = make_tracker(intent="deny", active_loop="assessment_form",
                           slots={"requested_slot": "medical_history", "scan_finding": "calcification"})
    events, _ = run(actions.ActionReadMessage(), tracker)
    slots = slot_events(events)
    assert slots["medical_history"] == "none"
    assert {"entity": "condition", "value": "cancer", "role": "negated"} in slots["case_facts"]


def test_collect_facts_no_to_the_change_question_means_unknown():
    tracker = make_tracker(intent="deny", active_loop="assessment_form",
                           slots={"requested_slot": "finding_change", "scan_finding": "calcification",
                                  "medical_history": "none", "current_symptoms": "none"})
    events, _ = run(actions.ActionReadMessage(), tracker)
    assert slot_events(events)["finding_change"] == "unknown"


def test_collect_facts_correction_replaces_the_scan_type():
    tracker = make_tracker(entities=[ent("imaging", "mri")], active_loop="assessment_form",
                           slots={"requested_slot": "current_symptoms",
                                  "case_facts": [{"entity": "imaging", "value": "ct"},
                                                 {"entity": "finding", "value": "calcification"}]})
    events, _ = run(actions.ActionReadMessage(), tracker)
    facts = slot_events(events)["case_facts"]
    assert {"entity": "imaging", "value": "mri"} in facts
    assert {"entity": "imaging", "value": "ct"} not in facts


# --------------------------------------------------------------------------
# action_give_assessment
# --------------------------------------------------------------------------


def test_give_assessment_reassurance_for_old_tb_granulomas():
    facts = [{"entity": "finding", "value": "calcification"}, {"entity": "pattern", "value": "punctate"},
             {"entity": "condition", "value": "tuberculosis"}, {"entity": "change", "value": "stable"}]
    events, messages = run(actions.ActionGiveAssessment(), make_tracker(slots={"case_facts": facts}))
    slots = slot_events(events)
    assert slots["triage_level"] == "reassurance"
    assert slots["likely_causes"][0] == "granulomatous_infection"
    assert slots["assessment_done"] is True and slots["assessment_due"] is False
    # Issue 13: the result is one short message; every detail is a button away.
    assert len(messages) == 1
    text = messages[0]["text"]
    assert text.startswith("Most likely harmless.")
    assert "Old healed infection" in text
    assert "Sources:" not in text  # behind the "Sources" button
    assert len(text) + replies.buttons_length(messages[0]["buttons"]) <= replies.RESULT_LIMIT
    assert [b["title"] for b in messages[0]["buttons"]] == [
        "Why?", "What could it be?", "What tests?", "How is it treated?", "What to watch for",
        "Summary for my doctor", "Sources"]


DONE_FACTS = [{"entity": "finding", "value": "calcification"}, {"entity": "pattern", "value": "punctate"},
              {"entity": "condition", "value": "tuberculosis"}, {"entity": "change", "value": "stable"},
              {"entity": "imaging", "value": "ct"}]


@pytest.mark.parametrize("intent, starts", [
    ("ask_why", "Why I suggest: Most likely harmless."),
    ("ask_causes", "What could explain it for you"),
    ("ask_diagnosis", "What a doctor may check:"),
    ("ask_treatment", "How each possible cause is treated"),
    ("ask_watch_for", "Get medical advice sooner if:"),
    ("ask_sources", "Sources (each once):"),
])
def test_each_detail_button_answers_in_one_message(intent, starts):
    tracker = make_tracker(intent=intent, slots={"case_facts": DONE_FACTS, "assessment_done": True})
    _, messages = run(actions.ActionAnswerQuestion(), tracker)
    assert len(messages) == 1
    message = messages[0]
    assert message["text"].startswith(starts), message["text"][:80]
    assert len(message["text"]) + replies.buttons_length(message["buttons"]) <= replies.TURN_LIMIT
    titles = [b["title"] for b in message["buttons"]]
    assert len(titles) == 6 and len(set(titles)) == 6  # the other details, never the one just shown


def test_why_says_what_the_user_told_in_words():
    facts = [{"entity": "finding", "value": "calcification"}, {"entity": "condition", "value": "tuberculosis"},
             {"entity": "imaging", "value": "ct"}, {"entity": "change", "value": "growing"}]
    tracker = make_tracker(intent="ask_why", slots={"case_facts": facts, "assessment_done": True})
    _, messages = run(actions.ActionAnswerQuestion(), tracker)
    text = messages[0]["text"]
    assert "- Scan: CT scan" in text and "TB infection (tuberculosis)" in text
    assert ": ct" not in text and ": tuberculosis" not in text


def test_sources_list_each_source_once_with_links():
    tracker = make_tracker(intent="ask_sources", slots={"case_facts": DONE_FACTS, "assessment_done": True})
    _, messages = run(actions.ActionAnswerQuestion(), tracker)
    text = messages[0]["text"]
    assert "https://" in text
    numbers = [line.split(".")[0] for line in text.splitlines()[1:] if line[:1].isdigit()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_no_detail_buttons_before_there_is_a_result():
    facts = [{"entity": "finding", "value": "calcification"}]
    _, messages = run(actions.ActionAnswerQuestion(), make_tracker(intent="ask_diagnosis", slots={"case_facts": facts}))
    assert not messages[0].get("buttons")


def test_give_assessment_emergency_advice_comes_first():
    facts = [{"entity": "finding", "value": "calcification"}, {"entity": "symptom", "value": "black_stools"}]
    events, messages = run(actions.ActionGiveAssessment(), make_tracker(slots={"case_facts": facts}))
    assert slot_events(events)["triage_level"] == "emergency"
    assert messages[0]["text"].startswith("⚠️")


def test_give_assessment_cancer_history_with_new_finding():
    facts = [{"entity": "condition", "value": "colorectal_cancer"}, {"entity": "change", "value": "new"},
             {"entity": "finding", "value": "calcification"}]
    events, _ = run(actions.ActionGiveAssessment(), make_tracker(slots={"case_facts": facts}))
    slots = slot_events(events)
    assert slots["triage_level"] == "see_clinician_soon"
    assert slots["likely_causes"][0] == "hepatic_metastases"


# --------------------------------------------------------------------------
# action_answer_question
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "intent, answer_id",
    [("ask_what_is", "what_is"), ("ask_causes", "causes_overview"), ("ask_diagnosis", "diagnosis_overview"),
     ("ask_treatment", "treatment_overview"), ("ask_seriousness", "seriousness"), ("out_of_scope", "out_of_scope")],
)
def test_answer_question_general(kb, intent, answer_id):
    events, messages = run(actions.ActionAnswerQuestion(), make_tracker(intent=intent))
    assert events == []
    assert messages[0]["text"].startswith(kb.answers[answer_id].text)
    assert "Sources:" in messages[0]["text"]


def test_answer_is_it_cancer(kb):
    tracker = make_tracker(intent="ask_seriousness", entities=[ent("condition", "cancer", context=["hypothetical"])])
    _, messages = run(actions.ActionAnswerQuestion(), tracker)
    assert messages[0]["text"].startswith(kb.answers["is_it_cancer"].text)


def test_answer_is_tailored_when_we_know_the_user(kb):
    facts = [{"entity": "medication", "value": "amiodarone"}, {"entity": "finding", "value": "calcification"}]
    _, messages = run(actions.ActionAnswerQuestion(), make_tracker(intent="ask_treatment", slots={"case_facts": facts}))
    assert messages[0]["text"].startswith("How each possible cause is treated")
    assert kb.causes["drug_related"].name in messages[0]["text"]


# --------------------------------------------------------------------------
# summary, care, fallback, session start
# --------------------------------------------------------------------------


def test_visit_summary_lists_reports_and_questions():
    facts = [{"entity": "finding", "value": "calcification"},
             {"entity": "symptom", "value": "fever", "role": "negated"},
             {"entity": "condition", "value": "liver_cancer", "role": "family"}]
    _, messages = run(actions.ActionVisitSummary(), make_tracker(slots={"case_facts": facts, "assessment_done": True}))
    text = messages[0]["text"]
    assert text.startswith("VISIT SUMMARY")
    assert "- Finding: calcium spots (calcification)" in text
    assert "- Symptoms: no fever" in text
    assert "in the family: liver cancer" in text
    assert "Questions to ask:" in text and "1. " in text


def test_find_care_uses_configured_clinic(monkeypatch):
    monkeypatch.setenv("CLINIC_NAME", "Riverside Clinic")
    monkeypatch.setenv("CLINIC_CONTACT", "+44 20 0000 0000")
    monkeypatch.setenv("EMERGENCY_NUMBER", "999")
    _, messages = run(actions.ActionFindCare(), make_tracker(intent="request_clinician"))
    assert "Riverside Clinic: +44 20 0000 0000" in messages[0]["text"]
    assert "call 999." in messages[0]["text"]


def test_find_care_neutral_by_default(monkeypatch):
    for name in ("CLINIC_NAME", "CLINIC_CONTACT", "EMERGENCY_NUMBER"):
        monkeypatch.delenv(name, raising=False)
    _, messages = run(actions.ActionFindCare(), make_tracker(intent="request_clinician"))
    assert "family doctor" in messages[0]["text"]
    assert "local emergency number" in messages[0]["text"]


def test_rephrase_once_then_offer_choices():
    _, first = run(actions.ActionRephrase(), make_tracker(intent="nlu_fallback"))
    assert first == [{"response": "utter_rephrase", **{k: v for k, v in first[0].items() if k != "response"}}]
    events = [{"event": "action", "name": "action_rephrase"}]
    _, second = run(actions.ActionRephrase(), make_tracker(intent="nlu_fallback", events=events))
    assert second[0]["response"] == "utter_fallback_choices"


def test_session_start_sends_disclaimer_and_carries_facts(kb):
    facts = [{"entity": "finding", "value": "calcification"}]
    events, messages = run(actions.ActionSessionStart(), make_tracker(slots={"case_facts": facts}))
    assert events[0] == SessionStarted()
    assert SlotSet("case_facts", facts) in events
    assert events[-1] == ActionExecuted("action_listen")
    assert messages[0]["text"] == kb.answers["disclaimer"].text


@pytest.mark.parametrize("intent", ["out_of_scope", "nlu_fallback"])
def test_a_red_flag_is_never_dropped_because_of_the_intent(intent):
    """'my knee hurts and I'm vomiting blood' may be classified off-topic: the
    red flag still counts; only scan findings of another organ are dropped."""
    tracker = make_tracker(intent=intent, entities=[ent("symptom", "vomiting_blood"), ent("finding", "calcification")])
    events, messages = run(actions.ActionReadMessage(), tracker)
    slots = slot_events(events)
    assert slots["case_facts"] == [{"entity": "symptom", "value": "vomiting_blood"}]
    assert slots["triage_level"] == "emergency"
    assert messages[0]["text"].startswith("⚠️ Get emergency help now.")


def test_facts_given_with_a_warning_cue_still_answer_the_form():
    tracker = make_tracker(active_loop="assessment_form", entities=[ent("condition", "tuberculosis")],
                           slots={"requested_slot": "medical_history"})
    tracker.latest_message["clinical_warning_cues"] = ["vomiting_blood"]
    events, messages = run(actions.ActionReadMessage(), tracker)
    assert slot_events(events)["medical_history"] == "tuberculosis"
    assert slot_events(events)[actions.TURN_REPLY] == "question"


# --------------------------------------------------------------------------
# Issue 13: a turn holds at most 1,200 characters, whatever shares it
# --------------------------------------------------------------------------


def _turn(*texts):
    return [{"event": "user", "text": "..."}] + [{"event": "bot", "text": t, "data": {}} for t in texts]


@pytest.mark.parametrize("intent", ["ask_seriousness", "ask_diagnosis", "ask_causes", "ask_treatment", "ask_what_is"])
def test_an_answer_inside_the_form_leaves_room_for_the_disclaimer_and_the_next_question(kb, intent):
    facts = [{"entity": "finding", "value": "calcification"}, {"entity": "condition", "value": "cirrhosis"},
             {"entity": "imaging", "value": "mri"}]
    shared = _turn(kb.answers["disclaimer"].text, kb.tone.acknowledgement)
    tracker = make_tracker(intent=intent, slots={"case_facts": facts, "requested_slot": "current_symptoms"},
                           active_loop="assessment_form", events=shared)
    _, messages = run(actions.ActionAnswerQuestion(), tracker)
    question = replies.form_question("medical_history")
    total = sum(len(e["text"]) + 1 for e in shared[1:]) + sum(
        len(m["text"]) + replies.buttons_length(m.get("buttons") or []) + 1 for m in messages + [question])
    assert total <= replies.TURN_LIMIT, [m["text"] for m in messages]


def test_a_pasted_report_is_read_within_the_first_turn(kb):
    text = ("FINDINGS: Liver: Scattered punctate calcific densities in the right lobe, stable compared with 2021. "
            "No focal lesion. The spleen is normal. IMPRESSION: Likely old granulomatous disease. "
            "No further follow-up required.")
    tracker = make_tracker(intent="inform", text=text, entities=[ent("finding", "calcification")],
                           events=_turn(kb.answers["disclaimer"].text))
    _, messages = run(actions.ActionReadMessage(), tracker)
    reading = [m for m in messages if "in plain words" in m["text"]]
    assert len(reading) == 1
    assert "the same as on the earlier scan from 2021" in reading[0]["text"].lower()
    total = len(kb.answers["disclaimer"].text) + sum(len(m["text"]) + 1 for m in messages) + actions.FORM_QUESTION_ROOM
    assert total <= replies.TURN_LIMIT


def test_worry_is_acknowledged_once(kb):
    tracker = make_tracker(intent="ask_seriousness", text="im really scared")
    events, messages = run(actions.ActionReadMessage(), tracker)
    assert messages[0]["text"] == kb.tone.acknowledgement
    assert slot_events(events)["worry_acknowledged"] is True
    again = make_tracker(intent="ask_seriousness", text="I'm terrified", slots={"worry_acknowledged": True})
    _, messages = run(actions.ActionReadMessage(), again)
    assert not any(m["text"] == kb.tone.acknowledgement for m in messages)


def test_no_acknowledgement_or_reading_in_an_emergency_turn(kb):
    tracker = make_tracker(intent="inform", text="im so scared, I have been vomiting blood",
                           entities=[ent("symptom", "vomiting_blood")])
    _, messages = run(actions.ActionReadMessage(), tracker)
    assert len(messages) == 1 and messages[0]["text"].startswith("⚠️")


def test_the_disclaimer_before_the_first_message_counts_in_its_turn(kb):
    # the order Rasa logs them in: the disclaimer before session_started
    events = [{"event": "action", "name": "action_session_start"},
              {"event": "bot", "text": kb.answers["disclaimer"].text, "data": {}}, {"event": "session_started"},
              {"event": "action", "name": "action_listen"}, {"event": "user", "text": "should I be worried?"},
              {"event": "bot", "text": kb.tone.acknowledgement, "data": {}}]
    tracker = make_tracker(intent="ask_seriousness", events=events, slots={"assessment_due": True})
    shown = actions.shown_this_turn(tracker)
    assert shown == len(kb.answers["disclaimer"].text) + len(kb.tone.acknowledgement) + 2
    _, messages = run(actions.ActionAnswerQuestion(), tracker)
    total = shown + sum(len(m["text"]) + 1 for m in messages) + actions.FORM_QUESTION_ROOM
    assert total <= replies.TURN_LIMIT
    # a later turn does not count the disclaimer again
    later = events + [{"event": "action", "name": "action_listen"}, {"event": "user", "text": "no"}]
    assert actions.shown_this_turn(make_tracker(events=later)) == 0


def test_yes_to_a_check_of_two_symptoms_adds_both():
    """signs.yml `checks`: "fever with pain" asked, "yes" is the fever and the pain (see a clinician soon)."""
    tracker = make_tracker(intent="affirm", slots={"warning_check": "fever_with_pain"})
    assert {(f.entity, f.value) for f in actions.answer_to_check(tracker)} == {("symptom", "fever"),
                                                                              ("symptom", "abdominal_pain")}


def test_the_reading_asks_for_the_knowledge_base_once(monkeypatch):
    """ActionReadMessage.run (one_knowledge_base): knowledge.default() once a run, the same replies."""
    from actions import actions as module

    calls = []
    real = module.knowledge.default

    def counted():
        calls.append(1)
        return real()

    monkeypatch.setattr(module.knowledge, "default", counted)
    tracker = make_tracker(text="I am scared, my CT showed a calcification in the liver",
                           entities=[ent("finding", "calcification")])
    dispatcher = CollectingDispatcher()
    events = module.ActionReadMessage.run.__wrapped__(module.ActionReadMessage(), dispatcher, tracker, {})
    assert len(calls) == 5  # without it: red flags, warning checks, worry, pasted report, taking back
    calls.clear()
    assert run(module.ActionReadMessage(), tracker) == (events, dispatcher.messages)
    assert len(calls) == 1 and events and dispatcher.messages
    assert module._RUN_KB.get() is None
    calls.clear()
    assert module._kb() is not None and len(calls) == 1  # outside a run: looked up each time


def test_speaking_for_the_patient_found_later_makes_earlier_signs_theirs():
    """'my husband's belly has swelled up' (a relative's), then 'his MRI shows calcification' (set L)."""
    tracker = make_tracker(entities=[ent("finding", "calcification"), ent("imaging", "mri")],
                           slots={"case_facts": [{"entity": "symptom", "value": "swollen_abdomen", "role": "family"},
                                                 {"entity": "medication", "value": "amiodarone", "role": "family"}]})
    tracker.latest_message["clinical_proxy"] = True
    events, _ = run(actions.ActionReadMessage(), tracker)
    facts = next(e["value"] for e in events if e.get("name") == "case_facts")
    assert {"entity": "symptom", "value": "swollen_abdomen"} in facts
    assert {"entity": "medication", "value": "amiodarone"} in facts
