"""Bot messages, composed from the knowledge base and the engine's results.

Every medical sentence here is taken from `knowledge/`; this module only
arranges it. Messages are plain dicts (`text`, optional `buttons`) so every
channel renders the same content. No Rasa import.
"""

import contextlib
import contextvars
import re
from typing import Dict, Iterable, List, Optional, Sequence, cast

from assistant import config
from assistant.engine import Assessment, Case, RankedCause, Triage
from assistant.knowledge import KnowledgeBase

Message = Dict[str, object]

# Buttons use intent payloads, so they work without NLU on every channel.
BUTTON_TREATMENT = {"title": "How is it treated?", "payload": "/ask_treatment"}
BUTTON_SUMMARY = {"title": "Summary for my doctor", "payload": "/request_summary"}
BUTTON_START = {"title": "Help me understand my result", "payload": "/start_assessment"}
BUTTON_RESTART = {"title": "Start over", "payload": "/restart"}
BUTTON_CLINICIAN = {"title": "Where can I get care?", "payload": "/request_clinician"}
BUTTON_REST = {"title": "Show the rest later", "payload": "/show_details"}

# The result's details, one button each (issue 13): the result is one short
# message, and each of these answers is one message of its own.
BUTTON_WHY = {"title": "Why?", "payload": "/ask_why"}
BUTTON_CAUSES = {"title": "What could it be?", "payload": "/ask_causes"}
BUTTON_DETAIL_TESTS = {"title": "What tests?", "payload": "/ask_diagnosis"}
BUTTON_WATCH = {"title": "What to watch for", "payload": "/ask_watch_for"}
BUTTON_SOURCES = {"title": "Sources", "payload": "/ask_sources"}
DETAIL_BUTTONS = [BUTTON_WHY, BUTTON_CAUSES, BUTTON_DETAIL_TESTS, BUTTON_TREATMENT, BUTTON_WATCH, BUTTON_SUMMARY,
                  BUTTON_SOURCES]
# Budgets (issue 13), in characters of text with the buttons' titles.
RESULT_LIMIT = 700
TURN_LIMIT = 1200
# What this message may use of its turn: the whole turn, unless the action
# composing it knows that other messages share the turn (the disclaimer of a
# new conversation, the form's next question): see `budget`.
_BUDGET: contextvars.ContextVar[int] = contextvars.ContextVar("budget", default=TURN_LIMIT)


@contextlib.contextmanager
def budget(characters: int):
    """Compose the messages of this block within `characters` (as shown, buttons included)."""
    token = _BUDGET.set(max(200, min(TURN_LIMIT, characters)))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def limit() -> int:
    return _BUDGET.get()


def _sentences(text: str) -> List[str]:
    return re.findall(r"[^.!?]+[.!?]+(?:\s+|$)", text) or [text]
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


def answer(kb: KnowledgeBase, answer_id: str, buttons: Sequence[Dict] = ()) -> Message:
    """A general answer and its one reference line. Within a turn shared with
    other messages (see `budget`), its first sentences that fit, then a pointer
    to the rest: asked again after the assessment, it comes whole."""
    item = kb.answers[answer_id]
    cites = cite_line(kb, item.sources)
    room = limit() - buttons_length(buttons) - len(cites) - 1
    text = item.text
    if len(text) > room:
        # Its first sentences, and its last one: the answers end on what to
        # do ("Get help fast for yellow skin or eyes..."), which must stay.
        more = " (Ask me again after the questions for the rest.)"
        sentences = _sentences(item.text)
        last = sentences[-1].strip() if len(sentences) > 1 else ""
        kept = ""
        for sentence in sentences[:-1] if last else sentences:
            if len(kept) + len(sentence) + len(last) + len(more) + 1 > room and kept:
                break
            kept += sentence
        text = (kept.strip() + (" " + last if last else "")).strip() + more
    message: Message = {"text": f"{text}\n{cites}"}
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
        "text": "Have you ever had any of these? Cancer (now or in the past), liver disease such as cirrhosis or "
                "hepatitis, TB or histoplasmosis, a hydatid cyst, or gallstones. And do you take methotrexate "
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
    line = config.text("CRISIS_LINE")
    help_now = (f"Please talk to someone now: {line}." if line else
                "Please talk to someone now: a crisis line where you live, your doctor or someone you trust.")
    text = f"I'm really glad you told me. {rule.reason} {help_now} {rule.advice}"
    number = emergency_number()
    if number:
        text += f" Emergency number: {number}."
    return {"text": f"{text}\n{short_sources(kb, rule.sources[:1])}"}


def warning_check(kb: KnowledgeBase, sign: str) -> Message:
    """The safety net: one direct yes/no question about a sign we are not sure of."""
    rule = kb.signs["signs"].get(sign) or kb.signs["checks"][sign]
    return {"text": rule["question"], "buttons": list(BUTTONS_YES_NO)}


def short_sources(kb: KnowledgeBase, source_ids: Iterable[str]) -> str:
    """'Source: NHS website (nhs.uk)': who says it, once each, for short turns."""
    publishers = list(dict.fromkeys(source.published_in for source in kb.cite(list(dict.fromkeys(source_ids)))))
    if not publishers:
        return ""
    return ("Sources: " if len(publishers) > 1 else "Source: ") + "; ".join(publishers)


def emergency_number() -> str:
    return config.text("EMERGENCY_NUMBER")


def short_cite(source) -> str:
    """'Gore 2017', 'NHS website 2023': who and when, enough to find it in the Sources list."""
    if source.authors:
        who = source.authors.split(",")[0].split()[0]
    else:
        who = source.published_in.split(" (")[0]
    return f"{who} {source.year}"


def shorten_title(title: str, limit: int = 32) -> str:
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(" ,:;?") + "…"


def cite_line(kb: KnowledgeBase, source_ids: Iterable[str]) -> str:
    """One compact reference line, each source once: 'Sources: Darlak 1980; Gore 2017'."""
    cites = list(dict.fromkeys(short_cite(source) for source in kb.cite(list(dict.fromkeys(source_ids)))))
    if not cites:
        return ""
    return ("Sources: " if len(cites) > 1 else "Source: ") + "; ".join(cites)


def buttons_length(buttons: Sequence[Dict]) -> int:
    """What the buttons add to a message as a transcript shows it: ' [buttons: A | B]'."""
    if not buttons:
        return 0
    return len(" [buttons: ]") + len(" | ".join(b["title"] for b in buttons))


def _fit(parts: Sequence[tuple], limit: int) -> str:
    """Join (text, required) parts with newlines: every required part, and
    each optional one in order while the whole stays within `limit`."""
    chosen = [text for text, required in parts if required and text]
    length = sum(len(t) + 1 for t in chosen)
    out = []
    for text, required in parts:
        if not text:
            continue
        if required:
            out.append(text)
        elif length + len(text) + 1 <= limit:
            out.append(text)
            length += len(text) + 1
    return "\n".join(out)


def _detail(kb: KnowledgeBase, parts: Sequence[tuple], source_ids: Iterable[str], current: Optional[Dict],
            buttons: Optional[Sequence[Dict]] = None) -> Message:
    """A detail answer: its text within one turn's budget (with its buttons
    and its one reference line), then the other details as buttons."""
    if buttons is None:
        buttons = [b for b in DETAIL_BUTTONS if b is not current]
    cites = cite_line(kb, source_ids)
    room = limit() - buttons_length(buttons) - (len(cites) + 1 if cites else 0)
    text = _fit(parts, room)
    if len(text) > room:
        # A turn shared with other messages (see `budget`): the first parts
        # that fit, and where the rest is.
        more = "(Ask me again after the questions for the rest.)"
        kept = list(parts)
        while len(kept) > 2 and len(text) > room:
            kept.pop()
            text = _fit(kept, room - len(more) - 1) + "\n" + more
    if cites:
        text += "\n" + cites
    message: Message = {"text": text}
    if buttons:
        message["buttons"] = list(buttons)
    return message


def main_reason(kb: KnowledgeBase, triage: Triage) -> str:
    """The one reason the result gives: the deciding rule's, or why nothing is worrying."""
    if triage.deciding:
        return triage.deciding[0].reason
    return kb.answers["no_risk"].text


def triage_message(kb: KnowledgeBase, triage: Triage, case: Optional[Case] = None) -> Message:
    """'Why?': the advice in full, every reason that decided it, and what the user told us."""
    level = kb.levels[triage.level]
    parts = [(f"Why I suggest: {level.label}.", True), (level.advice, True)]
    if triage.deciding:
        parts.append(("What decided it:", True))
        parts.extend((f"- {rule.reason}", True) for rule in triage.deciding)
        source_ids = [s for rule in triage.deciding for s in rule.sources]
    else:
        parts.append(("Nothing you told me points to a risk.", True))
        parts.append((kb.answers["seriousness"].text, True))
        source_ids = list(kb.answers["seriousness"].sources)
    reported = reported_lines(case, kb) if case is not None else []
    if reported:
        parts.append(("What you told me:", False))
        parts.extend((line, False) for line in reported)
    return _detail(kb, parts, source_ids, BUTTON_WHY)


def causes_message(kb: KnowledgeBase, causes: Sequence[RankedCause], personal: bool) -> Message:
    """'What could it be?': each likely cause, what it is and why it fits; a
    cause's full summary when the turn has room, else its one-line summary."""
    intro = "What could explain it for you, most likely first:" if personal else (
        "The usual causes, most common first:"
    )
    parts = [(intro, True)]
    for number, ranked in enumerate(causes, 1):
        cause = kb.causes[ranked.id]
        parts.append((f"{number}. {cause.name}: {cause.short[:1].upper()}{cause.short[1:]}", True))
        for why in ranked.reasons[:2]:
            parts.append((f"   - {why}", number == 1))
    for ranked in causes:
        cause = kb.causes[ranked.id]
        parts.append((f"About {cause.name[:1].lower()}{cause.name[1:]}: {cause.summary}", False))
    return _detail(kb, parts, [s for ranked in causes for s in kb.causes[ranked.id].sources], BUTTON_CAUSES)


def tests_for(kb: KnowledgeBase, cause_ids: Sequence[str]) -> List[str]:
    test_ids: List[str] = []
    for cause_id in cause_ids:
        for test_id in kb.causes[cause_id].tests:
            if test_id not in test_ids:
                test_ids.append(test_id)
    return test_ids


def tests_message(kb: KnowledgeBase, cause_ids: Sequence[str]) -> Message:
    """'What tests?': each test and what it can show, then what it is when there is room."""
    test_ids = tests_for(kb, cause_ids) if cause_ids else list(kb.tests)
    tests = [kb.tests[test_id] for test_id in test_ids]
    parts = [("What a doctor may check:", True)]
    parts.extend((f"- {t.name}: {t.why}", True) for t in tests[:2])
    parts.extend((f"- {t.name}: {t.why}", False) for t in tests[2:])
    parts.extend((f"{t.name}: {t.what_it_is}", False) for t in tests)
    return _detail(kb, parts, [s for t in tests for s in t.sources], BUTTON_DETAIL_TESTS)


def treatment_message(kb: KnowledgeBase, cause_ids: Sequence[str]) -> Message:
    causes = [kb.causes[cause_id] for cause_id in cause_ids]
    parts = [("How each possible cause is treated. Your doctor decides what, if anything, you need:", True)]
    # Each cause's treatment in full while the turn has room, else its first
    # sentence, shortening the longest first (two long ones, bile duct stones
    # and a hydatid cyst, already go over 1,200 characters together).
    lines = [f"- {c.name}: {c.treatment}" for c in causes]
    message = _detail(kb, parts + [(line, True) for line in lines], [s for c in causes for s in c.sources],
                      BUTTON_TREATMENT)
    for index in sorted(range(len(causes)), key=lambda i: -len(causes[i].treatment)):
        if buttons_length(cast(Sequence[Dict], message.get("buttons") or [])) + len(str(message["text"])) <= limit():
            break
        lines[index] = f"- {causes[index].name}: {_first_sentence(causes[index].treatment)}"
        message = _detail(kb, parts + [(line, True) for line in lines], [s for c in causes for s in c.sources],
                          BUTTON_TREATMENT)
    return message


def watch_for_message(kb: KnowledgeBase, cause_ids: Sequence[str], level: Optional[str] = None) -> Message:
    """'What to watch for': the signs that should bring the person back sooner."""
    causes = [kb.causes[cause_id] for cause_id in cause_ids[:2]]
    parts = [("Get medical advice sooner if:", True)]
    parts.extend((f"- {c.watch_for}", True) for c in causes)
    parts.append((kb.answers["emergency_signs"].text, True))
    source_ids = [s for c in causes for s in c.sources] + list(kb.answers["emergency_signs"].sources)
    return _detail(kb, parts, source_ids, BUTTON_WATCH)


# --------------------------------------------------------------------------
# The whole assessment result: one short message, details behind buttons
# --------------------------------------------------------------------------


def result_sources(kb: KnowledgeBase, result: Assessment) -> List[str]:
    """Every source behind the result and its details, the result's own first."""
    ids: List[str] = [s for rule in result.triage.deciding for s in rule.sources]
    if not result.triage.deciding:
        ids += list(kb.answers["no_risk"].sources) + list(kb.answers["seriousness"].sources)
    for cause_id in result.cause_ids:
        ids += list(kb.causes[cause_id].sources)
    for test_id in tests_for(kb, result.cause_ids):
        ids += list(kb.tests[test_id].sources)
    ids += list(kb.answers["emergency_signs"].sources)
    return list(dict.fromkeys(ids))


def sources_message(kb: KnowledgeBase, source_ids: Sequence[str], current: Optional[Dict] = BUTTON_SOURCES) -> Message:
    """'Sources': each source once, numbered, with its title and link; when
    they do not all fit one message, the last ones as short references."""
    buttons = [b for b in DETAIL_BUTTONS if b is not current]
    room = limit() - buttons_length(buttons)
    sources = kb.cite(list(dict.fromkeys(source_ids)))
    full, short = [], []
    for number, source in enumerate(sources, 1):
        line = f"{number}. {short_cite(source)}: {source.title}" + ("" if source.title[-1:] in ".?!" else ".")
        if source.url:
            line += f" {source.url}"
        full.append(line)
        short.append(f"{number}. {short_cite(source)}" if source.authors else
                     f"{number}. {shorten_title(source.title)} ({short_cite(source)})")

    def compose(cut: int) -> str:
        lines = ["Sources (each once):"] + full[:cut]
        if cut < len(full):
            lines.append("Also: " + "; ".join(short[cut:]))
        return "\n".join(lines)

    cut = len(full)
    text = compose(cut)
    while len(text) > room and cut > 0:
        cut -= 1
        text = compose(cut)
    return {"text": text, "buttons": buttons}


def _first_sentence(text: str) -> str:
    match = re.search(r"^.+?[.!?](?=\s|$)", text)
    return match.group(0) if match else text


def result_message(kb: KnowledgeBase, result: Assessment) -> Message:
    """The result in one message (issue 13: at most 700 characters with its
    buttons): the advice and what to do, the main reason, the most likely
    cause in one sentence; every detail one button away."""
    level = kb.levels[result.level]
    deciding = result.triage.deciding
    # The deciding rule's own first sentence of advice ("Speak to a doctor
    # today") is more precise than the level's; the rest is behind "Why?".
    first = f"{_first_sentence(deciding[0].advice)}" if deciding else f"{level.label}. {level.do}"
    lines = [first, f"Why: {main_reason(kb, result.triage)}"]
    if result.cause_ids:
        cause = kb.causes[result.cause_ids[0]]
        lines.append(f"Most likely cause: {cause.name}. {cause.short[:1].upper()}{cause.short[1:]}")
    lines.append("This is information, not a diagnosis. Tap a button for more.")
    return {"text": "\n".join(lines), "buttons": list(DETAIL_BUTTONS)}


def assessment_messages(
    kb: KnowledgeBase, case: Case, result: Assessment, told: Iterable[str] = ()
) -> List[Message]:
    """The result: one short message; emergency advice first, unless it was just given."""
    messages: List[Message] = []
    if result.triage.red_flags and result.level == "emergency":
        # Told already, in its own turn: the result does not repeat it.
        if not {rule.id for rule in result.triage.red_flags} <= set(told):
            messages.append(emergency_alert(kb, result.triage.red_flags, can_show_rest=False))
    messages.append(result_message(kb, result))
    return messages


def detail_message(kb: KnowledgeBase, detail: str, case: Case, result: Assessment) -> Message:
    """One detail of the result: 'why', 'causes', 'tests', 'treatment', 'watch_for', 'sources'."""
    if detail == "why":
        return triage_message(kb, result.triage, case)
    if detail == "causes":
        return causes_message(kb, result.causes, personal=True)
    if detail == "tests":
        return tests_message(kb, result.cause_ids)
    if detail == "treatment":
        return treatment_message(kb, result.cause_ids)
    if detail == "watch_for":
        return watch_for_message(kb, result.cause_ids, result.level)
    if detail == "sources":
        return sources_message(kb, result_sources(kb, result))
    raise ValueError(f"unknown detail {detail!r}")


# --------------------------------------------------------------------------
# A human tone; the report in plain words
# --------------------------------------------------------------------------


def worry_acknowledgement(kb: KnowledgeBase) -> Message:
    """Said once per conversation, when the user says they are frightened."""
    if kb.tone is None:
        raise ValueError("knowledge/tone.yml is missing: no acknowledgement to say")
    return {"text": kb.tone.acknowledgement}


def report_reading(kb: KnowledgeBase, reading, entities=None) -> Message:
    """What the pasted report says, sentence by sentence, in the glossary's plain words."""
    from assistant import report

    lines = [report.intro(entities, kb)]
    lines.extend(f"- {sentence}" for sentence in reading.sentences)
    if reading.left_out:
        plural = "s" if reading.left_out > 1 else ""
        lines.append(f"(I left out {reading.left_out} other sentence{plural} of the report.)")
    cites = cite_line(kb, reading.sources)
    if cites:
        lines.append(cites)
    return {"text": "\n".join(lines)}


def reported_lines(case: Case, kb: Optional[KnowledgeBase] = None) -> List[str]:
    """What the user told us, grouped, in words ("Scan: CT scan", not "ct": knowledge/labels.yml)."""
    words = (lambda entity, value: kb.label(entity, value)) if kb is not None else (lambda _e, v: _words(v))
    lines = []
    facts = sorted(case.facts)
    for entity, label in ENTITY_LABELS.items():
        own = [words(entity, f.value) for f in facts if f.entity == entity and f.role is None]
        denied = [words(entity, f.value) for f in facts if f.entity == entity and f.role == "negated"]
        family = [words(entity, f.value) for f in facts if f.entity == entity and f.role == "family"]
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


# --------------------------------------------------------------------------
# Visit summary and where to get care
# --------------------------------------------------------------------------


def questions_for_doctor(kb: KnowledgeBase, cause_ids: Sequence[str]) -> List[str]:
    questions = ["What is the calcium spot on my scan, and does it need anything more?"]
    for cause_id in cause_ids[:3]:
        questions.append(f"Could it be {kb.causes[cause_id].name[0].lower()}{kb.causes[cause_id].name[1:]}?")
    for test_id in tests_for(kb, cause_ids)[:3]:
        questions.append(f"Would {kb.tests[test_id].name[0].lower()}{kb.tests[test_id].name[1:]} help?")
    questions.append("Should I have a follow-up scan, and when?")
    questions.append("Which symptoms should make me come back sooner?")
    return questions


def visit_summary(kb: KnowledgeBase, case: Case, result: Optional[Assessment]) -> Message:
    lines = ["VISIT SUMMARY (from a chat with a health information bot. It is not a diagnosis.)"]
    reported = reported_lines(case, kb)
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
    clinic = config.text("CLINIC_NAME")
    contact = config.text("CLINIC_CONTACT")
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
