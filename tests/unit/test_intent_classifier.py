"""assistant/nlp/intent_classifier.py gives Rasa's LogisticRegressionClassifier's results exactly."""

import copy

import numpy as np
import pytest
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant.nlp.intent_classifier import IntentClassifier

INTENTS = ["greet", "inform", "deny", "affirm", "ask_causes"]


def message(rng, intent=None, width=40):
    """A message with sparse sentence features from two featurizers (as the pipeline gives)."""
    m = Message(data={"text": "x", **({"intent": intent} if intent else {})})
    for origin in ("words", "chars"):
        dense = (rng.random((1, width)) < 0.15) * rng.integers(1, 4, (1, width))
        m.add_features(Features(scipy.sparse.coo_matrix(dense), "sentence", "text", origin))
    return m


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    rng = np.random.default_rng(7)
    examples = [message(rng, INTENTS[i % len(INTENTS)]) for i in range(200)]
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    context = ExecutionContext(GraphSchema({}), "test")
    ours = IntentClassifier.create(IntentClassifier.get_default_config(), storage, Resource("ours"), context)
    ours.train(TrainingData(examples))
    rasas = LogisticRegressionClassifier.create(LogisticRegressionClassifier.get_default_config(), storage,
                                                Resource("rasas"), context)
    rasas.clf = ours.clf  # the same fitted regression: only the arithmetic differs
    return ours, rasas, [message(rng) for _ in range(50)]


def test_the_same_matrix_as_rasa(trained):
    ours, rasas, messages = trained
    assert (ours._create_X(messages) != rasas._create_X(messages)).nnz == 0


def test_the_same_intent_and_ranking_as_rasa(trained):
    ours, rasas, messages = trained
    a, b = ours.process(copy.deepcopy(messages)), rasas.process(copy.deepcopy(messages))
    for x, y in zip(a, b):
        assert x.get("intent")["name"] == y.get("intent")["name"]
        assert [e["name"] for e in x.get("intent_ranking")] == [e["name"] for e in y.get("intent_ranking")]
        assert np.allclose([e["confidence"] for e in x.get("intent_ranking")],
                           [e["confidence"] for e in y.get("intent_ranking")], atol=1e-12)
        assert all(type(e["name"]) is str and type(e["confidence"]) is float for e in x.get("intent_ranking"))
