"""What the user has told us so far, and what the assessment still needs.

Pure functions between NLU output and the engine's Case; no Rasa import.
The actions call these with plain dicts taken from the tracker.
"""

import re
from dataclasses import dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from assistant.contract import INTERNAL_VALUES
from assistant.engine import Case, Fact, compared_sizes, size_in_mm

# Entities that hold one value at a time: a new mention is a correction
# ("actually it was an MRI").
SINGLE_VALUED = frozenset({"imaging", "change", "size"})
# Entities about the person's health: in a question ("is it cancer?",
# "can TB cause this?") they are not the user's history.
PERSONAL = frozenset({"condition", "medication", "symptom"})
NOT_STATEMENTS = frozenset({"hypothetical", "uncertain", "other"})
# The warning signs (knowledge/signs.yml): said unsure, they are asked, not assumed.
WARNING_SIGNS = frozenset({"vomiting_blood", "black_stools", "confusion", "severe_abdominal_pain", "fainting",
                           "suicidal_thoughts"})
# A symptom long past and resolved ("fainted once as a teenager") is not a
# symptom now; a condition in the past (old TB) is still history.
NOT_CURRENT = frozenset({"historical"})

# The assessment form's questions, in the order they are asked.
FORM_SLOTS = ("scan_finding", "medical_history", "current_symptoms", "finding_change")
# Slot values meaning "answered, nothing to add" or "answered, not understood".
NONE = "none"
UNKNOWN = "unknown"
UNCLEAR = "unclear"

# Intents that answer the question the form asked (a question back is a digression).
ANSWER_INTENTS = frozenset({"inform", "deny", "affirm", "start_assessment"})
# Answers we keep as "unclear" when they hold nothing we can read, so the
# form moves on instead of asking the same question again.
UNCLEAR_INTENTS = frozenset({"inform", "affirm"})
SCAN_ENTITIES = frozenset({"finding", "pattern", "size", "imaging", "change"})
_FIRST_PERSON = re.compile(r"\b(my|mine|i|i'm|im|i've|ive|me|we|our)\b", re.I)
# What a "none" to the history question denies, for cause ranking.
DENIED_BY_NO_HISTORY = (Fact("condition", "cancer", "negated"),)


# Pains a later "the pain" can point back to.
PAINS = frozenset({"abdominal_pain", "pain_after_fatty_meals", "severe_abdominal_pain"})


def facts_from_entities(entities: Optional[Sequence[Dict]], known: Sequence[Fact] = ()) -> List[Fact]:
    """Contract entities -> facts; questions and what-ifs are not history.
    "the pain" when a pain is known is that pain, not a new one (`known`)."""
    pain_known = any(f.entity == "symptom" and f.value in PAINS and f.role is None for f in known)
    facts = []
    for entity in entities or ():
        if not isinstance(entity, dict) or "entity" not in entity or "value" not in entity:
            continue
        name, value = str(entity["entity"]), entity["value"]
        if not isinstance(value, str) or not value.strip():
            continue
        context = set(entity.get("context") or ())
        if name == "symptom" and context == {"uncertain"} and value not in WARNING_SIGNS \
                and entity.get("role") != "negated":
            # "I think my eyes might be going a bit yellow, not sure": a possible
            # new sign of the user's own counts (set E under-triaged it as
            # nothing); safer to act. Warning signs said unsure get the safety
            # net's question instead (clinical_warning_cues).
            context = set()
        if name in PERSONAL and NOT_STATEMENTS.intersection(context):
            continue
        if name == "change" and "conditional" in (entity.get("context") or ()):  # "if it gets bigger"
            continue
        if name == "symptom" and NOT_CURRENT.intersection(entity.get("context") or ()):
            continue
        if name == "condition" and "self_limiting" in context:  # "hepatitis A", cleared: no long-term condition
            continue
        if name == "symptom" and "explained" in context:  # "just tired bc newborn": an everyday cause
            continue
        if name == "symptom" and "anaphoric" in context and pain_known and entity.get("role") != "negated":
            continue  # "the pain is mild" about the pain after fatty meals told before
        role = entity.get("role") if entity.get("role") in ("negated", "family") else None
        if name == "change" and role == "negated":  # "no new lesions": nothing has changed
            value, role = "stable", None
        try:
            facts.append(Fact(name, value.strip(), role))
        except ValueError:
            continue
    return facts


# What the scan showed: the patient's scan when the person typing speaks for them.
SCAN = frozenset({"finding", "pattern", "size", "imaging", "change"})


# When the person typing speaks for the patient, what the relative has now is
# the patient's: symptoms, the scan, and medicines ("typing for my grandad,
# he's on amiodarone": set E read it as a relative's and reassured).
PATIENTS_WHEN_PROXY = frozenset({"symptom", "medication"}) | SCAN


def as_patients(facts: Iterable[Fact]) -> List[Fact]:
    """When the person typing is not the patient ("Dad is the patient"), a
    relative's symptom, scan and medicine are the patient's own; a relative's
    history stays theirs."""
    return [Fact(f.entity, f.value, None) if f.entity in PATIENTS_WHEN_PROXY and f.role == "family" else f
            for f in facts]


_CORRECTION = re.compile(r"\b(sorry|actually|i meant|meant to say|correction|typo|misread|mistake|not \d)", re.I)
_EARLIER_SIZE = re.compile(r"\b(was|were|previously|before|prior|earlier|last (?:year|time|scan)|originally|"
                           r"used to be|back in|ago)\b", re.I)


_NOW = re.compile(r"\b(now|currently|today|this time|at present|these days)\b", re.I)


def change_across_messages(known: Iterable[Fact], new: Iterable[Fact], text: str) -> List[Fact]:
    """Growth said over two messages ("In 2022 my ultrasound showed a 3 mm
    calcification." then "The new one this month says 7 mm."): a new size
    that is no correction and not placed earlier, against the size known, is
    a change (engine.compared_sizes), unless the message itself says which
    way. Set E: the later size replaced the earlier and the case was
    reassured."""
    new = list(new)
    before = next((f for f in known if f.entity == "size" and f.role is None), None)
    after = next((f for f in new if f.entity == "size" and f.role is None), None)
    if before is None or after is None or any(f.entity == "change" for f in new):
        return []
    # "the repeat was last week and it's 12mm now" (set N): the "was" is the
    # scan's date; a word of now places the size, whatever else the message says.
    if _CORRECTION.search(text or "") or (_EARLIER_SIZE.search(text or "") and not _NOW.search(text or "")):
        return []
    before_mm, after_mm = size_in_mm(before.value), size_in_mm(after.value)
    if before_mm is None or after_mm is None or before.value == after.value:
        return []
    return [Fact("change", compared_sizes(before_mm, after_mm), None)]


# A message that takes back what the user said of themselves: "sorry, typo, my
# SISTER had breast cancer, not me. I've never had cancer" (sets H and J kept
# the cancer history and sent both to "soon").
_RETRACTION = re.compile(r"\b(sorry|actually|i meant|meant to say|correction|typo|misread|mistake|wrong|not me|"
                         r"never had|never been|(?:have|has)(?:n't|nt| not) (?:ever )?had)\b", re.I)


def retracted(known: Iterable[Fact], new: Iterable[Fact], text: str,
              broader: Callable[[str, str], Sequence[str]] = lambda entity, value: ()) -> List[Fact]:
    """The user's own history facts a correcting message takes back.

    Only in a message that corrects or denies a history outright (_RETRACTION):
    a later "no sign of cancer on the CT" does not undo a cancer the user told
    us they had. Then a denial of a condition or medicine takes back the
    user's own fact of that value or a narrower one ("never had cancer" takes
    back breast_cancer), and a relative's ("my SISTER had breast cancer")
    takes back the user's own of the same value."""
    if not _RETRACTION.search(text or ""):
        return []
    new = [f for f in new if f.entity in ("condition", "medication")]
    own_now = {(f.entity, f.value) for f in new if f.role is None}
    out = []
    for fact in known:
        if fact.role is not None or fact.entity not in ("condition", "medication") \
                or (fact.entity, fact.value) in own_now:
            continue
        kinds = {fact.value, *broader(fact.entity, fact.value)}
        if any(f.entity == fact.entity and ((f.role == "negated" and f.value in kinds)
                                            or (f.role == "family" and f.value == fact.value)) for f in new):
            out.append(fact)
    return out


def merge_facts(known: Iterable[Fact], new: Iterable[Fact], taken_back: Iterable[Fact] = ()) -> List[Fact]:
    """Add new facts; the newest statement wins where they disagree; the
    facts the message took back (`retracted`) go."""
    taken_back = set(taken_back)
    merged = [f for f in known if f not in taken_back]
    for fact in new:
        if fact.entity in SINGLE_VALUED and fact.role is None:
            merged = [f for f in merged if not (f.entity == fact.entity and f.role is None)]
        elif fact.role != "family":
            # own vs denied: "no pain ... actually I do have pain"
            merged = [
                f for f in merged
                if not (f.entity == fact.entity and f.value == fact.value and f.role != "family")
            ]
        if fact not in merged:
            merged.append(fact)
    return merged


@dataclass(frozen=True)
class FormAnswers:
    """Slot values for the assessment form, derived from what we know."""

    scan_finding: Optional[str]
    medical_history: Optional[str]
    current_symptoms: Optional[str]
    finding_change: Optional[str]

    def as_slots(self) -> Dict[str, Optional[str]]:
        return {name: getattr(self, name) for name in FORM_SLOTS}


def _describe(facts: Iterable[Fact], entities: Tuple[str, ...]) -> Optional[str]:
    values = [f.value for f in facts if f.entity in entities and f.role is None]
    return ", ".join(dict.fromkeys(values)) or None


def form_answers(
    facts: Sequence[Fact],
    current: Dict[str, Optional[str]],
    requested_slot: Optional[str],
    intent: Optional[str],
    message_facts: Sequence[Fact],
    nothing_to_report: Sequence[str],
) -> FormAnswers:
    """Fill what the facts answer; never un-answer a question.

    - a finding (or a pattern/size of one) answers what the scan showed;
    - any own or denied condition or medicine answers the history question,
      as does "no other health problems"; a relative's illness does not;
    - any own or denied symptom answers the symptom question, as does
      "no symptoms";
    - a change answers the change question;
    - to the question just asked: "no" means none (for change: not known),
      and an answer we could not read is kept as unclear, so the form moves
      on instead of asking again.
    """
    personal = [f for f in facts if f.role != "family"]
    values: Dict[str, Optional[str]] = {}

    values["scan_finding"] = _describe(facts, ("finding",)) or _describe(facts, ("pattern", "size"))
    history = [f for f in personal if f.entity in ("condition", "medication")]
    if history:
        values["medical_history"] = _describe(history, ("condition", "medication")) or NONE
    elif {"condition", "medication"} & set(nothing_to_report):
        values["medical_history"] = NONE
    symptoms = [f for f in personal if f.entity == "symptom"]
    if symptoms:
        values["current_symptoms"] = _describe(symptoms, ("symptom",)) or NONE
    elif "symptom" in nothing_to_report:
        values["current_symptoms"] = NONE
    values["finding_change"] = _describe(facts, ("change",))

    if requested_slot in FORM_SLOTS and not values.get(requested_slot) and not current.get(requested_slot):
        if intent == "deny":
            values[requested_slot] = UNKNOWN if requested_slot in ("finding_change", "scan_finding") else NONE
        elif intent in UNCLEAR_INTENTS and not message_facts:
            values[requested_slot] = UNCLEAR

    answers = {name: values.get(name) or current.get(name) for name in FORM_SLOTS}
    return FormAnswers(**answers)


def answers_the_form(intent: Optional[str], message_facts: Sequence[Fact]) -> bool:
    """Does this message answer the form's question (rather than digress)?

    A message we could not classify still answers when it holds facts."""
    return intent in ANSWER_INTENTS or (intent == "nlu_fallback" and bool(message_facts))


# A pasted or quoted report: "Report: '...'", "IMPRESSION: ...", "the findings say".
_PASTED_REPORT = re.compile(r"\b(report|impression|findings|conclusion|radiologist)\b|['\"\u201c].{12,}['\"\u201d]",
                            re.I | re.S)


def about_own_scan(text: str, facts: Sequence[Fact]) -> bool:
    """In a question, is the finding the user's own ("my CT shows...") or
    general ("what is liver calcification?")? A measured finding or a pasted
    report is someone's result, and the person pasting it asks about theirs
    (set B: "Report: '... New 9 mm hypodense lesion.' What does that mean?"
    got the general answer and no assessment). So is a result told before the
    question ("scan showed a calcification in liver. ... what causes it?"), and
    one asked about beside the user's own health ("no fever, no jaundice"):
    set Q ended such a conversation with the causes and no triage."""
    return bool(_FIRST_PERSON.search(text or "")) or any(f.entity in ("imaging", "size", "change") for f in facts) \
        or bool(_PASTED_REPORT.search(text or "")) or any(_TOLD_RESULT.search(s) for s in _statements(text or "")) \
        or any(f.entity in PERSONAL and f.role != "family" for f in facts)


# "scan showed a calcification", "the ultrasound found ...": a result told, not asked.
_TOLD_RESULT = re.compile(r"\b(?:scans?|ct|mri|ultrasound|sonogram|x-?ray|report|results?|they|it|radiologist)\s+"
                          r"(?:has\s+|have\s+)?(?:showed|shown|found|revealed|picked up|spotted|detected|came back)\b",
                          re.I)


def _statements(text: str) -> List[str]:
    """The sentences of a message that are not questions."""
    return [s for s in re.findall(r"[^.?!]+[.?!]*", text) if not s.rstrip().endswith("?")]


# The user saying that the person of their question is them: "yes that's me",
# "I'm one of those", "I have it" (set H: "would a liver specialist want to
# see someone with hemochromatosis...?" then "yes that's me").
_THATS_ME = re.compile(r"\b(that'?s me|that is me|this is me|it'?s me|thats me|"
                       r"i'?m (?:that|the|one of) (?:person|one|them|those|someone)|"
                       r"that person is me|that'?s my case|i have (?:it|that|them|this)|i do have (?:it|that|them)|"
                       r"i am (?:that|one of)|like me|i'?ve got (?:it|that|them))\b", re.I)


def asked_about(entities: Optional[Sequence[Dict]], scan_too: bool) -> List[Fact]:
    """What a message only asked or wondered about: its personal entities said
    as a question or a what-if, and (in a general question) its scan entities;
    neither someone else's nor denied. Kept so a later "that's me" can make
    them the user's (`asked_facts_are_theirs`)."""
    out = []
    for entity in entities or ():
        if not isinstance(entity, dict) or entity.get("role") or not isinstance(entity.get("value"), str):
            continue
        name, context = str(entity.get("entity")), set(entity.get("context") or ())
        if "other" in context or "self_limiting" in context:
            continue
        if ((name in PERSONAL or name in SCAN_ENTITIES) and NOT_STATEMENTS.intersection(context)) \
                or (scan_too and name in SCAN_ENTITIES):
            try:
                out.append(Fact(name, entity["value"].strip(), None))
            except ValueError:
                continue
    return list(dict.fromkeys(out))


def asked_facts_are_theirs(asked: Sequence[Fact], known: Sequence[Fact], new: Sequence[Fact],
                           nothing_to_report: Sequence[str], text: str) -> List[Fact]:
    """The facts of an earlier question that are the user's after all.

    - The finding of a general question ("is a calcified granuloma in the
      liver dangerous?"), once the user tells of their own health ("I don't
      have any symptoms, never had cancer") or says it is theirs: people ask
      about their own result, so it is the case's finding and the assessment
      can start (set J ended such a conversation with no triage). Not while
      a finding is known.
    - A condition, medicine or symptom of the question only when the user says
      the person asked about is them ("yes that's me")."""
    claims = bool(_THATS_ME.search(text or ""))
    scan = [f for f in asked if f.entity in SCAN_ENTITIES]
    personal = [f for f in asked if f.entity in PERSONAL]
    out = []
    if scan and not any(f.entity == "finding" and f.role is None for f in list(known) + list(new)):
        own_health = any(f.entity in PERSONAL and f.role != "family" for f in new) or bool(nothing_to_report)
        if own_health or claims:
            out += scan
    if claims:
        said = {(f.entity, f.value) for f in new}
        out += [f for f in personal if (f.entity, f.value) not in said]
    return out


def report_facts(readings: object) -> List[Fact]:
    """The NLU's readings of what the report says next (contract.INTERNAL_VALUES)
    as facts; anything else is ignored."""
    allowed = INTERNAL_VALUES["report"]
    return [Fact("report", value) for value in readings or () if isinstance(value, str) and value in allowed] \
        if isinstance(readings, (list, tuple)) else []


def facts_implied_by_answers(answers: FormAnswers, previous_history: Optional[str],
                             facts: Sequence[Fact]) -> List[Fact]:
    """Answering the history question with "none" ("no", "no other health
    problems") denies the cancer it asked about, unless the user said they had it."""
    if answers.medical_history != NONE or previous_history == NONE:
        return []
    own = {(f.entity, f.value) for f in facts if f.role is None}
    return [fact for fact in DENIED_BY_NO_HISTORY if (fact.entity, fact.value) not in own]


def case_of(facts: Iterable[Fact]) -> Case:
    return Case.of(facts)


def facts_from_slot(value: object) -> List[Fact]:
    facts = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and "entity" in item and "value" in item:
            try:
                facts.append(Fact.from_dict(item))
            except ValueError:
                continue
    return facts


def facts_to_slot(facts: Iterable[Fact]) -> List[Dict]:
    return [fact.as_dict() for fact in facts]
