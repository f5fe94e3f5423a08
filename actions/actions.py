"""Custom actions: thin adapters between Rasa trackers and the plain modules.

Trackers become a Case (assistant.conversation), the engine decides
(assistant.engine), and replies are composed from the knowledge base
(assistant.replies). Nothing clinical is decided here.
"""

import contextvars
import functools
from abc import ABC, abstractmethod
from typing import Any, Callable, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.forms import ValidationAction
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from assistant import conversation, engine, knowledge, replies, report, tone
from assistant.conversation import FORM_SLOTS

FORM_NAME = "assessment_form"
NOTHING_TO_REPORT = "clinical_nothing_to_report"
WARNING_CUES = "clinical_warning_cues"
PROXY = "clinical_proxy"
FINDING_SMALLER = "clinical_finding_smaller"
REPORT_READINGS = "clinical_report_readings"
# Set when this turn's reply is complete, "alert" (an emergency, a crisis) or
# "question" (the safety question): a rule then holds the dialogue, so
# nothing else is said (Rasa drops any other event a slot-mapping action returns).
TURN_REPLY = "turn_reply"
WARNING_CHECK = "warning_check"
CHECKS_ASKED = "warning_checks_asked"
QUESTION_INTENTS = frozenset({"ask_what_is", "ask_causes", "ask_diagnosis", "ask_treatment", "ask_seriousness",
                              "ask_why", "ask_watch_for", "ask_sources"})
WORRY_ACKNOWLEDGED = "worry_acknowledged"
# What a question only asked about, kept until the user says it is theirs.
ASKED_ABOUT = "asked_about"


# The knowledge base of the action run in progress (`one_knowledge_base`); unset: looked up on each call.
_RUN_KB: "contextvars.ContextVar[Optional[knowledge.KnowledgeBase]]" = contextvars.ContextVar("run_kb", default=None)


def _kb() -> knowledge.KnowledgeBase:
    kb = _RUN_KB.get()
    return knowledge.default() if kb is None else kb


def one_knowledge_base(run: Callable[..., List[EventType]]) -> Callable[..., List[EventType]]:
    """`run` with one knowledge base for the whole run: `knowledge.default()` (which checks the size and
    time of each knowledge file) once, not once for each part of the reading that needs it.

    Why: py-spy on the action server at 1 user (issue 16) put `knowledge.default()` at a third of its
    time handling a request: `action_validate_slot_mappings` asked for the knowledge base up to five
    times a message, each time ten `stat` calls. The same knowledge base either way (a file changed
    during a run is seen by the next run, as before by the next call); measured in the commit message."""

    @functools.wraps(run)
    def in_one_knowledge_base(*args: Any, **kwargs: Any) -> List[EventType]:
        token = _RUN_KB.set(knowledge.default())
        try:
            return run(*args, **kwargs)
        finally:
            _RUN_KB.reset(token)

    return in_one_knowledge_base


# The longest question the form may ask after a digression, as shown: kept
# free in a turn where the form goes on (issue 13: a turn <= 1,200 characters).
FORM_QUESTION_ROOM = max(replies.buttons_length(q.get("buttons") or []) + len(q["text"])
                         for q in replies.FORM_QUESTIONS.values()) + 1


def shown_this_turn(tracker: Tracker) -> int:
    """Characters the bot has already sent since the user's message (a worry
    acknowledgement, a reading), and, on a session's first message, the
    disclaimer the session start sent just before it (Rasa logs it before
    `session_started` and the user's message)."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    if not users:
        return 0
    begin = users[-1]
    starts = [i for i, e in enumerate(events[:begin])
              if e.get("event") == "action" and e.get("name") == "action_session_start"]
    if starts and not any(starts[-1] < i < begin for i in users[:-1]):
        begin = starts[-1]
    total = 0
    for event in events[begin:]:
        if event.get("event") == "bot":
            data = event.get("data") or {}
            total += len(event.get("text") or "") + replies.buttons_length(data.get("buttons") or []) + 1
    return total


def turn_room(tracker: Tracker, sent: int = 0, form_follows: bool = False) -> int:
    """What is left of this turn's 1,200 characters for the next message."""
    return replies.TURN_LIMIT - shown_this_turn(tracker) - sent - (FORM_QUESTION_ROOM if form_follows else 0)


def _form_follows(tracker: Tracker) -> bool:
    """The form will ask a question at the end of this turn."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return bool(tracker.active_loop_name) or intent in ("inform", "start_assessment") or bool(
        tracker.get_slot("assessment_due"))


def _send(dispatcher: CollectingDispatcher, messages: List[replies.Message]) -> None:
    for message in messages:
        dispatcher.utter_message(text=message.get("text"), buttons=message.get("buttons") or [])


def _known_facts(tracker: Tracker) -> List[engine.Fact]:
    return conversation.facts_from_slot(tracker.get_slot("case_facts"))


def _form_slot_updates(tracker: Tracker) -> List[EventType]:
    """Form questions that what we know now answers (used after a digression,
    so the form does not ask for something the user just told us)."""
    current = {name: tracker.get_slot(name) for name in FORM_SLOTS}
    answers = conversation.form_answers(_known_facts(tracker), current, None, None, [], [])
    return [SlotSet(name, value) for name, value in answers.as_slots().items() if value != current[name]]


class ActionReadMessage(ValidationAction):
    """Runs on every user message, before any policy predicts the next step.

    rasa-sdk's `ValidationAction`, under its name `action_validate_slot_mappings`:
    Rasa calls it after slot extraction on every user message and sends its
    messages, so this one round trip:
    - takes a yes or no to the safety question asked last turn,
    - adds what the message says to the case (facts with roles),
    - fills the assessment questions it answers, so the form asks only what
      is missing,
    - answers a red flag at once, whatever else is going on; in an emergency
      or a crisis that is the whole turn,
    - or, when the message only hints at a warning sign, asks about it once.

    `run` is the whole reading rather than ValidationAction's per-slot
    `extract_<slot>`/`validate_<slot>` methods: the slots are decided
    together (a red flag withdraws the turn's form answers; a safety question
    keeps the pending one unanswered), which one method per slot cannot say.
    """

    @one_knowledge_base
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        """The reading of one message (see the class docstring); rasa-sdk's executor calls it as it is."""
        check = answer_to_check(tracker)
        events, facts = collect_facts(tracker, check)
        alerts, reply = alert_red_flags(dispatcher, tracker, facts)
        events += alerts
        if check is not None or tracker.get_slot(WARNING_CHECK):
            events.append(SlotSet(WARNING_CHECK, None))
        if reply is None:
            asked, reply = ask_warning_check(dispatcher, tracker, facts)
            events += asked
        if reply is None:
            # Not in an emergency, a crisis or a safety question: those are the whole turn.
            events += acknowledge_worry(dispatcher, tracker)
            read_pasted_report(dispatcher, tracker, sent=sum(len(m.get("text") or "") + 1 for m in dispatcher.messages))
        if reply == "alert":
            # Answer no assessment question this turn: the form then steps
            # aside (Rasa's loops run first unless they reject), and a rule
            # holds the dialogue and ends the form.
            events = [e for e in events if not (e.get("event") == "slot" and e.get("name") in FORM_SLOTS)]
        elif reply == "question" and tracker.active_loop_name == FORM_NAME:
            # The form goes on (its slots reported, the pending question left
            # unanswered), and its question is not asked this turn.
            requested = tracker.get_slot("requested_slot")
            answered = {name: tracker.get_slot(name) for name in FORM_SLOTS}
            answered.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"
                             and e.get("name") in FORM_SLOTS})
            if requested in FORM_SLOTS and answered.get(requested) in (conversation.UNCLEAR, conversation.NONE,
                                                                       conversation.UNKNOWN):
                # Read from the reply's intent ("unclear"), not from a fact: the
                # form's question is asked again after the safety question.
                answered[requested] = tracker.get_slot(requested)
            events = [e for e in events if not (e.get("event") == "slot" and e.get("name") in FORM_SLOTS)]
            events.extend(SlotSet(name, answered[name]) for name in FORM_SLOTS)
        if reply or tracker.get_slot(TURN_REPLY):
            events.append(SlotSet(TURN_REPLY, reply))
        return events


def answer_to_check(tracker: Tracker) -> Optional[List[engine.Fact]]:
    """What a yes or no to last turn's safety question adds: a yes, the sign;
    a no, nothing (the sign is not asked again, and a denied warning sign must
    not count as an answer to the general symptom question). None: the
    message is not an answer to it."""
    sign = tracker.get_slot(WARNING_CHECK)
    if not sign:
        return None
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    if intent == "affirm":
        # A check of several symptoms ("fever with pain") adds each of them.
        check = (_kb().signs.get("checks") or {}).get(sign)
        return [engine.Fact("symptom", value) for value in (check["answers"] if check else [sign])]
    if intent == "deny":
        return []
    return None


def collect_facts(tracker: Tracker, check: Optional[List[engine.Fact]] = None):
    """SlotSet events for what the latest message adds, and the resulting facts.

    A yes or no to the safety question is that question's answer, not the
    assessment question's: it adds its fact and leaves the form's questions
    as they were (reported unchanged, so the form asks its question again)."""
    latest = tracker.latest_message or {}
    intent = (latest.get("intent") or {}).get("name")
    requested = tracker.get_slot("requested_slot")
    new_facts = conversation.facts_from_entities(latest.get("entities"), _known_facts(tracker))
    if latest.get(PROXY) or tracker.get_slot("proxy_patient"):
        new_facts = conversation.as_patients(new_facts)
    # The scan finding of another organ ("calcification in my breast"), of an
    # unreadable message, or of a general question ("what is liver
    # calcification?") is not this case. Symptoms, history and medicines are
    # always kept: a red flag must never be missed because of the intent.
    off_topic = intent == "out_of_scope" or (intent == "nlu_fallback" and not tracker.active_loop_name)
    general_question = intent in QUESTION_INTENTS and not conversation.about_own_scan(latest.get("text"), new_facts)
    asked_now = conversation.asked_about(latest.get("entities"), general_question and not off_topic)
    if off_topic or general_question:
        new_facts = [f for f in new_facts if f.entity not in conversation.SCAN_ENTITIES]
    if check is not None:
        new_facts, intent, requested = new_facts + check, None, None
    nothing = latest.get(NOTHING_TO_REPORT) or []

    stored = known = _known_facts(tracker)
    if latest.get(PROXY) and not tracker.get_slot("proxy_patient"):
        # Speaking for the patient turns out only now ("my husband's belly has
        # swelled up", then "his MRI shows..."; set L): what was told of them
        # before is the patient's too.
        known = conversation.as_patients(known)
    asked_before = conversation.facts_from_slot(tracker.get_slot(ASKED_ABOUT))
    theirs = conversation.asked_facts_are_theirs(asked_before, known, new_facts, nothing, latest.get("text") or "")
    new_facts = theirs + new_facts
    new_facts = new_facts + conversation.change_across_messages(known, new_facts, latest.get("text") or "")
    if not (off_topic or general_question):
        if latest.get(FINDING_SMALLER) and not any(f.entity == "change" for f in new_facts):
            new_facts.append(engine.Fact("change", "stable"))  # smaller is not growing (context.yml finding_smaller)
        new_facts += conversation.report_facts(latest.get(REPORT_READINGS))
    taken_back = conversation.retracted(known, new_facts, latest.get("text") or "", _kb().broader)
    facts = conversation.merge_facts(known, new_facts, taken_back)
    current = {name: tracker.get_slot(name) for name in FORM_SLOTS}
    answers = conversation.form_answers(facts, current, requested, intent, new_facts, nothing)
    implied = conversation.facts_implied_by_answers(answers, current.get("medical_history"), facts)
    facts = conversation.merge_facts(facts, implied)
    events: List[EventType] = []
    if asked_now:  # added to what earlier questions asked about ("is a granuloma dangerous?", "could it be cancer?")
        kept = [f for f in asked_before if f not in theirs and f not in asked_now]
        events.append(SlotSet(ASKED_ABOUT, conversation.facts_to_slot((kept + asked_now)[-12:])))
    elif theirs:
        events.append(SlotSet(ASKED_ABOUT, conversation.facts_to_slot([f for f in asked_before if f not in theirs])
                              or None))
    if facts != stored:
        events.append(SlotSet("case_facts", conversation.facts_to_slot(facts)))
    if latest.get(PROXY) and not tracker.get_slot("proxy_patient"):
        events.append(SlotSet("proxy_patient", True))
    # On an answer, report every form slot (even unchanged) so the form goes
    # on and re-asks what is missing; on a question or small talk, report
    # none, so the form steps aside for a digression rule.
    if check is not None or conversation.answers_the_form(intent, new_facts):
        events.extend(SlotSet(name, value) for name, value in answers.as_slots().items())
    due = bool(answers.scan_finding) and not tracker.get_slot("assessment_done") and not tracker.active_loop_name
    if due != bool(tracker.get_slot("assessment_due")):
        events.append(SlotSet("assessment_due", due))
    return events, facts


def alert_red_flags(dispatcher: CollectingDispatcher, tracker: Tracker, facts: List[engine.Fact]):
    """Red-flag advice first, each red flag once. An emergency or a crisis is
    the whole turn ("alert"): the form ends and nothing else is said."""
    kb = _kb()
    case = engine.Case.of(facts)
    triage = engine.triage(case, kb)
    told = list(tracker.get_slot("red_flags_told") or [])
    fresh = [rule for rule in triage.red_flags if rule.id not in told]
    if not fresh:
        return [], None
    previous = tracker.get_slot("triage_level")
    level = triage.level if not previous else engine.more_urgent(triage.level, previous, kb)
    events: List[EventType] = [
        SlotSet("red_flags_told", told + [rule.id for rule in fresh]),
        SlotSet("triage_level", level),
    ]
    if fresh[0].level != "emergency":
        _send(dispatcher, [replies.red_flag_alert(kb, fresh)])
        return events, None
    has_finding = any(f.entity == "finding" and f.role is None for f in facts)
    _send(dispatcher, [replies.emergency_alert(kb, fresh, can_show_rest=has_finding)])
    if has_finding:
        events.append(SlotSet("likely_causes", engine.assess(case, kb).cause_ids))
        events.append(SlotSet("assessment_due", True))
    # No more questions in an emergency: a rule ends the form; the rest of
    # the result is a button away.
    return events, "alert"


def acknowledge_worry(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[EventType]:
    """'im really scared': one kind sentence, once per conversation, then on with it."""
    if tracker.get_slot(WORRY_ACKNOWLEDGED):
        return []
    kb = _kb()
    if not tone.expresses_worry((tracker.latest_message or {}).get("text") or "", kb):
        return []
    _send(dispatcher, [replies.worry_acknowledgement(kb)])
    return [SlotSet(WORRY_ACKNOWLEDGED, True)]


# Room the reading needs besides its sentences: its first line, the count of
# sentences left out, its reference line.
READING_FRAME = 260


def read_pasted_report(dispatcher: CollectingDispatcher, tracker: Tracker, sent: int = 0) -> None:
    """A pasted report is read back in plain words first (assistant/report.py);
    the assessment then asks only what the report did not say. Its sentences
    take what the turn has left, after the disclaimer and the form's question."""
    latest = tracker.latest_message or {}
    kb = _kb()
    room = turn_room(tracker, sent, form_follows=True) - READING_FRAME
    reading = report.read_report(latest.get("text") or "", kb, latest.get("entities"),
                                 max_chars=max(150, min(report.MAX_CHARS, room)))
    if reading is not None:
        _send(dispatcher, [replies.report_reading(kb, reading, latest.get("entities"))])


def ask_warning_check(dispatcher: CollectingDispatcher, tracker: Tracker, facts: List[engine.Fact]):
    """The safety net: a warning cue we could not read for sure ("there was
    blood", "I feel faint") gets one yes/no question, once per sign, before
    anything else; a sign already stated or denied needs none."""
    cues = (tracker.latest_message or {}).get(WARNING_CUES) or []
    asked = list(tracker.get_slot(CHECKS_ASKED) or [])
    known = {f.value for f in facts if f.entity == "symptom" and f.role != "family"}
    kb = _kb()
    askable = {**kb.signs.get("signs", {}), **(kb.signs.get("checks") or {})}
    fresh = [sign for sign in cues if sign in askable and sign not in asked and sign not in known]
    if not fresh:
        return [], None
    _send(dispatcher, [replies.warning_check(kb, fresh[0])])
    return [SlotSet(WARNING_CHECK, fresh[0]), SlotSet(CHECKS_ASKED, asked + [fresh[0]])], "question"


class ActionHold(Action):
    """Says nothing: the turn's reply (an emergency, a crisis, a safety
    question) was complete. Predicted by a rule on `turn_reply`."""

    def name(self) -> Text:
        return "action_hold"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        return []


class ActionAskFormQuestion(Action, ABC):
    """Asks one assessment question, with buttons that carry exact values.

    Abstract (rasa-sdk registers only concrete actions): each subclass names
    its slot, and the base registered a stray `action_ask_` before."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot this action asks for."""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        # Not while the safety question waits for its answer: one question at a time.
        if tracker.get_slot(TURN_REPLY) != "question":
            _send(dispatcher, [replies.form_question(self.slot)])
        return []


class ActionAskScanFinding(ActionAskFormQuestion):
    slot = "scan_finding"


class ActionAskMedicalHistory(ActionAskFormQuestion):
    slot = "medical_history"


class ActionAskCurrentSymptoms(ActionAskFormQuestion):
    slot = "current_symptoms"


class ActionAskFindingChange(ActionAskFormQuestion):
    slot = "finding_change"


class ActionGiveAssessment(Action):
    """The assessment result: triage, likely causes, tests, treatments, sources."""

    def name(self) -> Text:
        return "action_give_assessment"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        kb = _kb()
        case = engine.Case.of(_known_facts(tracker))
        result = engine.assess(case, kb)
        told = set(tracker.get_slot("red_flags_told") or [])
        _send(dispatcher, replies.assessment_messages(kb, case, result, told))
        return [
            SlotSet("triage_level", result.level),
            SlotSet("likely_causes", result.cause_ids),
            SlotSet("assessment_done", True),
            SlotSet("assessment_due", False),
        ]


class ActionAnswerQuestion(Action):
    """What is it, causes, tests, treatment, should I worry; tailored when we know the user."""

    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        kb = _kb()
        latest = tracker.latest_message or {}
        intent = (latest.get("intent") or {}).get("name")
        facts = _known_facts(tracker)
        personal = any(f.entity in ("condition", "medication", "symptom", "finding") for f in facts)
        result = engine.assess(engine.Case.of(facts), kb) if facts else None
        cause_ids = result.cause_ids if result and personal else []
        case = engine.Case.of(facts)
        with replies.budget(turn_room(tracker, form_follows=_form_follows(tracker))):
            messages = answer_messages(kb, intent, latest.get("entities") or [], result, cause_ids, case)
        if not tracker.get_slot("assessment_done"):
            # The detail buttons belong to a result; before it there is none to detail.
            messages = [without_detail_buttons(m) for m in messages]
        _send(dispatcher, messages)
        return _form_slot_updates(tracker)


def without_detail_buttons(message: replies.Message) -> replies.Message:
    kept = [b for b in message.get("buttons") or [] if b not in replies.DETAIL_BUTTONS]
    out = {k: v for k, v in message.items() if k != "buttons"}
    if kept:
        out["buttons"] = kept
    return out


# The result's detail buttons (replies.DETAIL_BUTTONS) and what each shows.
DETAIL_INTENTS = {"ask_why": "why", "ask_causes": "causes", "ask_diagnosis": "tests", "ask_treatment": "treatment",
                  "ask_watch_for": "watch_for", "ask_sources": "sources"}


def answer_messages(
    kb: knowledge.KnowledgeBase,
    intent: Optional[str],
    entities: List[Dict[str, Any]],
    result: Optional[engine.Assessment],
    cause_ids: List[str],
    case: Optional[engine.Case] = None,
) -> List[replies.Message]:
    """Choose the knowledge-base answers for a question intent: a detail of
    this person's result when we know them, else the general answer."""
    asked_about_cancer = any(
        e.get("entity") == "condition" and e.get("value") in ("cancer", "liver_cancer") for e in entities
    )
    if intent in DETAIL_INTENTS and result is not None and cause_ids and case is not None:
        return [replies.detail_message(kb, DETAIL_INTENTS[intent], case, result)]
    if intent == "ask_why":
        if result is not None and result.triage.deciding:
            return [replies.triage_message(kb, result.triage, case)]
        return [replies.answer(kb, "seriousness")]
    if intent == "ask_watch_for":
        return [replies.answer(kb, "emergency_signs")]
    if intent == "ask_sources":
        return [replies.sources_message(kb, [s for a in kb.answers.values() for s in a.sources], current=None)]
    if intent == "ask_what_is":
        return [replies.answer(kb, "what_is")]
    if intent == "ask_causes":
        if cause_ids and result is not None:
            return [replies.causes_message(kb, result.causes, personal=True)]
        return [replies.answer(kb, "causes_overview")]
    if intent == "ask_diagnosis":
        if cause_ids:
            return [replies.tests_message(kb, cause_ids)]
        return [replies.answer(kb, "diagnosis_overview")]
    if intent == "ask_treatment":
        if cause_ids:
            return [replies.treatment_message(kb, cause_ids)]
        return [replies.answer(kb, "treatment_overview")]
    if intent == "ask_seriousness":
        # What decides this person's urgency is one tap away ("Why?"), not a
        # second long message in the same turn (issue 13: a turn <= 1,200 characters).
        buttons = [replies.BUTTON_WHY] if result is not None and result.triage.reasons else []
        return [replies.answer(kb, "is_it_cancer" if asked_about_cancer else "seriousness", buttons=buttons)]
    return [replies.answer(kb, "out_of_scope", buttons=[replies.BUTTON_START, replies.BUTTON_CLINICIAN])]


class ActionVisitSummary(Action):
    def name(self) -> Text:
        return "action_visit_summary"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        kb = _kb()
        case = engine.Case.of(_known_facts(tracker))
        result = engine.assess(case, kb) if tracker.get_slot("assessment_done") else None
        _send(dispatcher, [replies.visit_summary(kb, case, result)])
        return []


class ActionFindCare(Action):
    def name(self) -> Text:
        return "action_find_care"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        _send(dispatcher, [replies.care_message()])
        return []


class ActionRephrase(Action):
    """Fallback: ask to rephrase once, then offer choices instead of looping."""

    def name(self) -> Text:
        return "action_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        recent = [
            e.get("name") for e in tracker.events[-12:] if e.get("event") == "action"
        ]
        if recent.count(self.name()) >= 1:
            dispatcher.utter_message(response="utter_fallback_choices")
        else:
            dispatcher.utter_message(response="utter_rephrase")
        return []


class ActionSessionStart(Action):
    """A new conversation starts with the disclaimer; known facts carry over."""

    def name(self) -> Text:
        return "action_session_start"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        carried = [SlotSet(key, value) for key, value in tracker.current_slot_values().items()
                   if key in ("case_facts", "triage_level", "likely_causes", "assessment_done", "red_flags_told",
                              "proxy_patient", CHECKS_ASKED, WORRY_ACKNOWLEDGED)
                   and value is not None]
        events.extend(carried)
        _send(dispatcher, [replies.disclaimer(_kb())])
        events.append(ActionExecuted("action_listen"))
        return events
