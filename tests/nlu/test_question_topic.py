"""The question part of a message decides which question it asks (assistant/nlp/question_topic.py)."""

import pytest
from rasa.shared.nlu.training_data.loading import load_data

from assistant.nlp.component import QUESTIONS
from assistant.nlp.question_topic import QuestionTopicClassifier, question_part


@pytest.mark.parametrize("text, part", [
    ("no symptoms at all, just the ultrasound finding. how do they usually treat this?",
     "how do they usually treat this?"),
    ("grandma had her gallstones out years ago, is that related?", "is that related?"),
    ("what causes liver calcification?", None),  # the question is the whole message
    ("I had a CT last week. It found a calcified granuloma.", None),  # nothing asked
])
def test_the_question_part(text, part):
    assert question_part(text) == part


@pytest.fixture(scope="module")
def topic():
    data = load_data("data/nlu")
    examples = [e for e in data.intent_examples if e.get("intent") in QUESTIONS]
    model = QuestionTopicClassifier.build(10.0).fit([e.get("text") for e in examples],
                                                   [e.get("intent") for e in examples])
    return QuestionTopicClassifier({"min_confidence": 0.6}, None, None, model)


def test_facts_before_a_question_do_not_choose_it(topic):
    """Set T: the whole message read as ask_diagnosis ("ultrasound finding"); its question asks about treatment."""
    text = "no symptoms at all, just the ultrasound finding. how do they usually treat this?"
    assert topic.decide(text, "ask_diagnosis") == "ask_treatment"


def test_it_keeps_what_it_does_not_decide(topic):
    assert topic.decide("what causes liver calcification?", "ask_causes") is None  # no separate question part
    assert topic.decide("my scan showed a granuloma. how do they treat it?", "inform") is None  # not a question intent
