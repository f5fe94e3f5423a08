"""Every message the assistant can send reads at grade 7 or below and keeps
its length budget (issue 13).

Measured here without servers: every text of the knowledge base, and every
message composed from it for a wide set of cases (each piece of evidence of
every cause alone, each triage rule, the known conversations' facts):
the result, each of its details, the visit summary, the general answers, the
form questions, the emergency and red-flag alerts, the report readings and
the worry acknowledgement. tests/test_report.py plays real conversations over
the servers and checks the same on what they really said.
"""

import itertools

import pytest

from assistant import engine, knowledge, replies, report
from assistant.engine import Case, Fact
from tests.support import readability
from tests.unit.test_report import REPORTS

KB = knowledge.default()


def knowledge_texts():
    for cause in KB.causes.values():
        for name in ("summary", "short", "how_common", "imaging", "treatment", "watch_for"):
            yield f"causes.yml {cause.id}.{name}", getattr(cause, name)
        for evidence in cause.evidence:
            yield f"causes.yml {cause.id} evidence", evidence.why
    for test in KB.tests.values():
        yield f"tests.yml {test.id}.what_it_is", test.what_it_is
        yield f"tests.yml {test.id}.why", test.why
    for level in KB.levels.values():
        yield f"triage.yml level {level.id}.advice", level.advice
        yield f"triage.yml level {level.id}.do", level.do
    for rule in KB.rules:
        yield f"triage.yml {rule.id}.reason", rule.reason
        yield f"triage.yml {rule.id}.advice", rule.advice
    for answer in KB.answers.values():
        yield f"answers.yml {answer.id}", answer.text
    for entry in KB.glossary:
        yield f"glossary.yml {entry.id}.explain", entry.explain
    yield "tone.yml acknowledgement", KB.tone.acknowledgement
    for sign, rule in KB.signs["signs"].items():
        yield f"signs.yml {sign}.question", rule["question"]


KNOWLEDGE_TEXTS = list(knowledge_texts())


@pytest.mark.parametrize("where,text", KNOWLEDGE_TEXTS, ids=[w for w, _ in KNOWLEDGE_TEXTS])
def test_knowledge_text_reads_at_grade_7(where, text):
    if readability.words(text) <= readability.MIN_WORDS:
        return
    assert readability.grade(text) <= readability.GRADE_LIMIT, f"{where}: grade {readability.grade(text):.1f}: {text}"


def cases():
    """Facts for a wide set of people: every evidence pattern alone and with a
    finding, every rule's patterns, pairs of conditions, and the known conversations."""
    finding = Fact("finding", "calcification")
    seen = []
    for cause in KB.causes.values():
        for evidence in cause.evidence:
            when = evidence.when
            if when.entity == "size":
                fact = Fact("size", "3 mm" if when.value == "small" else "2 cm")
            else:
                fact = Fact(when.entity, when.value, when.role)
            seen.append(Case.of([finding, fact]))
    for rule in KB.rules:
        facts = [finding] + [Fact(p.entity, p.value) for p in rule.all] + [Fact(p.entity,
                                                                                p.value) for p in rule.any[:1]]
        seen.append(Case.of(facts))
    conditions = sorted(v for v in knowledge.contract.ENTITY_VALUES["condition"])
    for a, b in itertools.combinations(conditions, 2):
        seen.append(Case.of([finding, Fact("condition", a), Fact("condition", b), Fact("imaging", "ct"),
                             Fact("change", "growing"), Fact("symptom", "fever", "negated")]))
    seen.append(Case.of([Fact("finding", "cyst"), Fact("pattern", "rim"), Fact("condition", "echinococcosis"),
                         Fact("condition", "cancer"), Fact("finding", "mass"), Fact("condition", "cirrhosis")]))
    return seen


CASES = cases()


def composed(case):
    result = engine.assess(case, KB)
    messages = {"result": replies.result_message(KB, result), "summary": replies.visit_summary(KB, case, result)}
    for detail in ("why", "causes", "tests", "treatment", "watch_for", "sources"):
        messages[detail] = replies.detail_message(KB, detail, case, result)
    return result, messages


def test_every_composed_message_keeps_its_budget_and_reading_level():
    too_long, too_hard = [], []
    for case in CASES:
        result, messages = composed(case)
        for name, message in messages.items():
            limit = readability.RESULT_LIMIT if name == "result" else readability.TURN_LIMIT
            if readability.shown_length(message) > limit:
                too_long.append((name, readability.shown_length(message), sorted(case.facts)))
            too_hard += [(name, hard) for hard in readability.too_hard([message["text"]])]
    assert not too_long, too_long[:5]
    assert not too_hard, too_hard[:5]


def test_the_result_is_one_message_with_the_seven_detail_buttons():
    for case in CASES:
        result = engine.assess(case, KB)
        messages = replies.assessment_messages(KB, case, result, told=[r.id for r in result.triage.red_flags])
        assert len(messages) == 1
        assert [b["title"] for b in messages[0]["buttons"]] == [
            "Why?", "What could it be?", "What tests?", "How is it treated?", "What to watch for",
            "Summary for my doctor", "Sources"]


def test_no_reference_is_repeated_within_a_message():
    for case in CASES[:40]:
        _, messages = composed(case)
        for message in messages.values():
            lines = [line for line in message["text"].splitlines() if line.startswith(("Sources:", "Source:"))]
            assert len(lines) <= 1
            if lines:
                cites = lines[0].split(":", 1)[1].split(";")
                assert len(cites) == len(set(cites))


def test_general_answers_questions_and_alerts():
    messages = [replies.answer(KB, answer_id) for answer_id in KB.answers]
    messages += [replies.form_question(slot) for slot in replies.FORM_QUESTIONS]
    messages += [replies.red_flag_alert(KB, [rule]) for rule in KB.red_flag_rules if rule.level != "emergency"]
    messages += [replies.worry_acknowledgement(KB)]
    messages += [replies.sources_message(KB, [s for a in KB.answers.values() for s in a.sources], current=None)]
    for message in messages:
        assert readability.shown_length(message) <= readability.TURN_LIMIT, message["text"][:80]
    assert not readability.too_hard(m["text"] for m in messages)
    for rule in KB.red_flag_rules:
        if rule.level == "emergency":
            alert = replies.emergency_alert(KB, [rule], can_show_rest=True)
            assert len(alert["text"]) <= readability.EMERGENCY_LIMIT
            assert not readability.too_hard([alert["text"]])


@pytest.mark.parametrize("text", [r["report"] for r in REPORTS], ids=[r["id"] for r in REPORTS])
def test_report_readings_read_at_grade_7(text):
    reading = report.read_report(text, KB)
    message = replies.report_reading(KB, reading)
    assert readability.shown_length(message) <= 800
    assert not readability.too_hard([message["text"]])
