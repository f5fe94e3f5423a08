"""Bot messages, composed from the knowledge base and the engine's results.

Every medical sentence here is taken from `knowledge/`; this module only
arranges it. Messages are plain dicts (`text`, optional `buttons`) so every
channel renders the same content. No Rasa import.
"""

import os
from typing import Dict, Iterable, List, Optional, Sequence

from assistant.engine import Assessment, Case, Fact, RankedCause, Triage
from assistant.knowledge import KnowledgeBase

Message = Dict[str, object]

# Buttons use intent payloads, so they work without NLU on every channel.
BUTTON_TESTS = {"title": "What tests might I need?", "payload": "/ask_diagnosis"}
BUTTON_TREATMENT = {"title": "How is it treated?", "payload": "/ask_treatment"}
BUTTON_SUMMARY = {"title": "Summary for my doctor", "payload": "/request_summary"}
BUTTON_START = {"title": "Help me understand my result", "payload": "/start_assessment"}
BUTTON_WHAT_IS = {"title": "What does it mean?", "payload": "/ask_what_is"}
BUTTON_RESTART = {"title": "Start over", "payload": "/restart"}
BUTTON_CLINICIAN = {"title": "Where can I get care?", "payload": "/request_clinician"}
BUTTON_REST = {"title": "Show the rest later", "payload": "/show_details"}
BUTTONS_YES_NO = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]

ENTITY_LABELS = {
    "finding": "Finding",
    "pattern": "Pattern",
    "size": "Size",
    "imaging": "Scan",
    "change": "Change over time",
    "condition": "Health history",
    "medication": "Medicines",
    "symptom": "Symptoms",
}


def _words(value: str) -> str:
    return value.replace("_", " ")


def sources_line(kb: KnowledgeBase, source_ids: Iterable[str]) -> str:
    """'Sources: Title (Journal, 2017) https://...; ...' for the ids given, once each."""
    parts = []
    for source in kb.cite(list(dict.fromkeys(source_ids))):
        cite = f"{source.title} ({source.published_in}, {source.year})"
        if source.url:
            cite += f" {source.url}"
        parts.append(cite)
    return "Sources: " + "; ".join(parts) if parts else ""


def answer(kb: KnowledgeBase, answer_id: str, buttons: Sequence[Dict] = ()) -> Message:
    item = kb.answers[answer_id]
    message: Message = {"text": f"{item.text}\n\n{sources_line(kb, item.sources)}"}
    if buttons:
        message["buttons"] = list(buttons)
    return message


def disclaimer(kb: KnowledgeBase) -> Message:
    return {"text": kb.answers["disclaimer"].text}


# --------------------------------------------------------------------------
# The assessment's questions
# --------------------------------------------------------------------------


def _inform(entity: str, value: str) -> str:
    return '/inform{"%s": "%s"}' % (entity, value)


FORM_QUESTIONS: Dict[str, Message] = {
    "scan_finding": {
        "text": "What does your scan report say about the liver? You can paste the sentence, e.g. "
                "\"a few punctate calcifications in the right lobe\", and mention the type of scan if you know it.",
    },
    "medical_history": {
        "text": "Have you ever had any of these: cancer (now or in the past), liver disease such as cirrhosis or "
                "hepatitis, tuberculosis or histoplasmosis, a hydatid cyst, gallstones? And do you take methotrexate "
                "or amiodarone? Tell me what applies, or say \"none\".",
        "buttons": [
            {"title": "None of these", "payload": "/deny"},
            {"title": "Cancer", "payload": _inform("condition", "cancer")},
            {"title": "Cirrhosis or hepatitis", "payload": _inform("condition", "cirrhosis")},
            {"title": "TB or histoplasmosis", "payload": _inform("condition", "tuberculosis")},
        ],
    },
    "current_symptoms": {
        "text": "Do you have any symptoms at the moment, such as yellow skin or eyes, tummy pain, fever, weight loss "
                "you did not try for, itching or tiredness? Tell me, or say \"none\".",
        "buttons": [
            {"title": "No symptoms", "payload": "/deny"},
            {"title": "Tummy pain", "payload": _inform("symptom", "abdominal_pain")},
            {"title": "Yellow skin or eyes", "payload": _inform("symptom", "jaundice")},
            {"title": "Fever", "payload": _inform("symptom", "fever")},
        ],
    },
    "finding_change": {
        "text": "Do you know whether it has changed compared with an earlier scan?",
        "buttons": [
            {"title": "It's new", "payload": _inform("change", "new")},
            {"title": "Unchanged", "payload": _inform("change", "stable")},
            {"title": "It has grown", "payload": _inform("change", "growing")},
            {"title": "I don't know", "payload": "/deny"},
        ],
    },
}


def form_question(slot: str) -> Message:
    return dict(FORM_QUESTIONS[slot])


# --------------------------------------------------------------------------
# Red flags and triage
# --------------------------------------------------------------------------


def red_flag_alert(kb: KnowledgeBase, rules) -> Message:
    """Advice for a red flag that is not an emergency (fever with pain: see a
    doctor today); the assessment goes on after it."""
    top = rules[0]
    level = kb.levels[top.level]
    lines = [f"⚠️ {level.label.upper()}: {top.advice}"]
    for rule in rules:
        lines.append(f"- {rule.reason}")
    lines.append(short_sources(kb, [s for rule in rules for s in rule.sources]))
    return {"text": "\n".join(lines)}


def emergency_alert(kb: KnowledgeBase, rules, can_show_rest: bool) -> Message:
    """The whole emergency turn: what to do now and why, in two or three short
    sentences, one compact reference (the rule's first source; the others are
    in the full result), and a button for the rest later (no causes, tests or
    treatments now). Issue 11 budget: 400 characters on every surface."""
    top = rules[0]
    if top.crisis:
        return crisis_message(kb, top)
    level = kb.levels[top.level]
    text = f"⚠️ {level.label}. {top.advice}"
    number = emergency_number()
    if number:
        text += f" Emergency number: {number}."
    text += f"\n{top.reason}\n{short_sources(kb, top.sources[:1])}"
    message: Message = {"text": text}
    if can_show_rest:
        message["buttons"] = [BUTTON_REST]
    return message


def crisis_message(kb: KnowledgeBase, rule) -> Message:
    """Thoughts of self-harm: kindness and crisis help first, nothing about the
    scan. The crisis line is the deployment's own (CRISIS_LINE)."""
    line = os.environ.get("CRISIS_LINE", "").strip()
    help_now = (f"Please talk to someone now: {line}." if line else
                "Please talk to someone now: a crisis line where you live, your doctor or someone you trust.")
    text = f"I'm really glad you told me. {rule.reason} {help_now} {rule.advice}"
    number = emergency_number()
    if number:
        text += f" Emergency number: {number}."
    return {"text": f"{text}\n{short_sources(kb, rule.sources[:1])}"}


def warning_check(kb: KnowledgeBase, sign: str) -> Message:
    """The safety net: one direct yes/no question about a sign we are not sure of."""
    return {"text": kb.signs["signs"][sign]["question"], "buttons": list(BUTTONS_YES_NO)}


def short_sources(kb: KnowledgeBase, source_ids: Iterable[str]) -> str:
    """'Source: NHS website (nhs.uk)': who says it, once each, for short turns."""
    publishers = list(dict.fromkeys(source.published_in for source in kb.cite(list(dict.fromkeys(source_ids)))))
    if not publishers:
        return ""
    return ("Sources: " if len(publishers) > 1 else "Source: ") + "; ".join(publishers)


def emergency_number() -> str:
    return os.environ.get("EMERGENCY_NUMBER", "").strip()


def emergency_contact() -> str:
    """The configured number, or nothing: the advice already says 'your local
    emergency number', and a second sentence saying so again is noise."""
    number = emergency_number()
    return f"Emergency number: {number}." if number else ""


def triage_message(kb: KnowledgeBase, triage: Triage) -> Message:
    level = kb.levels[triage.level]
    lines = [f"My suggestion: {level.label}.", level.advice]
    deciding = triage.deciding
    if deciding:
        lines.append("Why:")
        lines.extend(f"- {rule.reason}" for rule in deciding)
        lines.append(sources_line(kb, [s for rule in deciding for s in rule.sources]))
    else:
        lines.append(
            "Why: nothing you told me points to a risk, and "
            + kb.answers["seriousness"].text[0].lower()
            + kb.answers["seriousness"].text[1:]
        )
        lines.append(sources_line(kb, kb.answers["seriousness"].sources))
    return {"text": "\n".join(lines)}


# --------------------------------------------------------------------------
# Causes, tests, treatments
# --------------------------------------------------------------------------


def causes_message(kb: KnowledgeBase, causes: Sequence[RankedCause], personal: bool) -> Message:
    intro = "What most likely explains it for you, most likely first:" if personal else (
        "The usual causes, most common first:"
    )
    lines = [intro]
    for number, ranked in enumerate(causes, 1):
        cause = kb.causes[ranked.id]
        lines.append(f"{number}. {cause.name}: {cause.summary}")
        for why in ranked.reasons[:3]:
            lines.append(f"   - {why}")
    lines.append(sources_line(kb, [s for ranked in causes for s in kb.causes[ranked.id].sources]))
    return {"text": "\n".join(lines)}


def tests_for(kb: KnowledgeBase, cause_ids: Sequence[str]) -> List[str]:
    test_ids: List[str] = []
    for cause_id in cause_ids:
        for test_id in kb.causes[cause_id].tests:
            if test_id not in test_ids:
                test_ids.append(test_id)
    return test_ids


def _bulleted(kb: KnowledgeBase, header: str, items: Sequence[tuple]) -> Message:
    """A header, one "- line" per (line, source ids) item, then their sources."""
    lines = [header] + [f"- {line}" for line, _ in items]
    lines.append(sources_line(kb, [s for _, source_ids in items for s in source_ids]))
    return {"text": "\n".join(lines)}


def tests_message(kb: KnowledgeBase, cause_ids: Sequence[str]) -> Message:
    test_ids = tests_for(kb, cause_ids) if cause_ids else list(kb.tests)
    tests = [kb.tests[test_id] for test_id in test_ids]
    return _bulleted(kb, "What a doctor may check:",
                     [(f"{t.name}: {t.what_it_is} {t.why}", t.sources) for t in tests])


def treatment_message(kb: KnowledgeBase, cause_ids: Sequence[str]) -> Message:
    causes = [kb.causes[cause_id] for cause_id in cause_ids]
    return _bulleted(kb, "How each possible cause is treated (your doctor decides what, if anything, is needed):",
                     [(f"{c.name}: {c.treatment}", c.sources) for c in causes])


def watch_for_message(kb: KnowledgeBase, cause_ids: Sequence[str]) -> Message:
    causes = [kb.causes[cause_id] for cause_id in cause_ids[:2]]
    return _bulleted(kb, "Get medical advice sooner if:", [(c.watch_for, c.sources) for c in causes])


# --------------------------------------------------------------------------
# The whole assessment result
# --------------------------------------------------------------------------


def reported_lines(case: Case) -> List[str]:
    """What the user told us, grouped, in plain words."""
    lines = []
    facts = sorted(case.facts)
    for entity, label in ENTITY_LABELS.items():
        own = [_words(f.value) for f in facts if f.entity == entity and f.role is None]
        denied = [_words(f.value) for f in facts if f.entity == entity and f.role == "negated"]
        family = [_words(f.value) for f in facts if f.entity == entity and f.role == "family"]
        parts = []
        if own:
            parts.append(", ".join(own))
        if denied:
            parts.append("no " + ", no ".join(denied))
        if family:
            parts.append("in the family: " + ", ".join(family))
        if parts:
            lines.append(f"- {label}: {'; '.join(parts)}")
    return lines


def assessment_messages(
    kb: KnowledgeBase, case: Case, result: Assessment, told: Iterable[str] = ()
) -> List[Message]:
    """The result; emergency advice first (in full unless it was just given)."""
    messages: List[Message] = []
    if result.triage.red_flags and result.level == "emergency":
        # Told already, in its own turn: the result does not repeat it.
        if not {rule.id for rule in result.triage.red_flags} <= set(told):
            messages.append(emergency_alert(kb, result.triage.red_flags, can_show_rest=False))
    reported = reported_lines(case)
    if reported:
        messages.append({"text": "Here is what you told me:\n" + "\n".join(reported)})
    messages.append(triage_message(kb, result.triage))
    if result.cause_ids:
        messages.append(causes_message(kb, result.causes, personal=True))
        messages.append(tests_message(kb, result.cause_ids))
        messages.append(treatment_message(kb, result.cause_ids))
        messages.append(watch_for_message(kb, result.cause_ids))
    messages.append({
        "text": "This is information, not a diagnosis: a clinician who knows your history should interpret your scan. "
                "What would you like next?",
        "buttons": [BUTTON_SUMMARY, BUTTON_CLINICIAN, BUTTON_RESTART],
    })
    return messages


# --------------------------------------------------------------------------
# Visit summary and where to get care
# --------------------------------------------------------------------------


def questions_for_doctor(kb: KnowledgeBase, cause_ids: Sequence[str]) -> List[str]:
    questions = ["What do you think the calcification on my scan is, and does it need anything further?"]
    for cause_id in cause_ids[:3]:
        questions.append(f"Could it be {kb.causes[cause_id].name[0].lower()}{kb.causes[cause_id].name[1:]}?")
    for test_id in tests_for(kb, cause_ids)[:3]:
        questions.append(f"Would {kb.tests[test_id].name[0].lower()}{kb.tests[test_id].name[1:]} help?")
    questions.append("Should I have a follow-up scan, and when?")
    questions.append("Which symptoms should make me come back sooner?")
    return questions


def visit_summary(kb: KnowledgeBase, case: Case, result: Optional[Assessment]) -> Message:
    lines = ["VISIT SUMMARY (from a chat with an information assistant; not a diagnosis)"]
    reported = reported_lines(case)
    lines.append("What I reported:")
    lines.extend(reported or ["- nothing yet"])
    cause_ids: List[str] = []
    if result is not None:
        lines.append(f"Suggested urgency: {kb.levels[result.level].label}")
        cause_ids = result.cause_ids
        if cause_ids:
            lines.append("Possible causes to discuss: " + "; ".join(kb.causes[c].name for c in cause_ids))
    lines.append("Questions to ask:")
    lines.extend(f"{n}. {q}" for n, q in enumerate(questions_for_doctor(kb, cause_ids), 1))
    return {
        "text": "\n".join(lines),
        "buttons": [BUTTON_CLINICIAN, BUTTON_RESTART],
    }


def care_message() -> Message:
    """Where to get care; the clinic's details come from the environment."""
    clinic = os.environ.get("CLINIC_NAME", "").strip()
    contact = os.environ.get("CLINIC_CONTACT", "").strip()
    if clinic and contact:
        where = f"You can contact {clinic}: {contact}."
    elif contact:
        where = f"You can contact the clinic: {contact}."
    else:
        where = "Your family doctor (GP) or the doctor who ordered the scan is the right person to ask."
    text = (
        f"I can't connect you to a person myself. {where} "
        "Bring the scan report; a visit summary from this chat can help. "
        f"If you feel very unwell, get emergency help now: call {emergency_number() or 'your local emergency number'}."
    )
    return {"text": text, "buttons": [BUTTON_SUMMARY]}


def facts_label(facts: Iterable[Fact]) -> str:
    return ", ".join(f"{_words(f.value)}" for f in facts)
