"""The question a message asks, read from the question itself.

Why: the intent classifier reads the whole message, so the facts told before a
question pull it towards another question's words. "no symptoms at all, just
the ultrasound finding. how do they usually treat this?" was ask_diagnosis
("ultrasound finding"), "grandma had her gallstones out years ago, is that
related?" ask_treatment ("out"), "had hep C, treated and cured in 2018, could
that explain the calcified spots?" ask_treatment ("treated") (independent set
T, first run). This component, after the classifier, finds the message's own
question part (its last sentence that asks, or the part of it after a comma
that opens a question) and, where the message tells more than that part,
decides among the question intents with a small model trained on the question
intents' examples alone (word and character n-grams, logistic regression).
It changes nothing when the classifier did not choose a question, when the
question is the whole message, or when its own model is unsure.
"""

import pickle
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant.nlp.component import QUESTIONS, asks_something

_SENTENCES = re.compile(r"(?<=[.?!])\s+|\n+")
# A comma, then a clause that opens as a question ("..., is that related?").
_QUESTION_AFTER_COMMA = re.compile(
    r",\s*(?=(?:is|are|can|could|does|do|did|should|will|would|what|whats|what's|how|why|which|when)\b)")
MODEL_FILE = "question_topic.pkl"


def question_part(text: str) -> Optional[str]:
    """The part of the message that asks, when the message tells more than it; else None."""
    text = " ".join((text or "").split())
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    asking = [s for s in sentences if asks_something(s)]
    if not asking:
        return None
    part = asking[-1]
    pieces = _QUESTION_AFTER_COMMA.split(part)
    if len(pieces) > 1 and asks_something(pieces[-1]):
        part = pieces[-1]
    part = part.strip()
    return part if len(part) < len(text) - 3 else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class QuestionTopicClassifier(GraphComponent):
    """Re-decides a question intent from the message's question part (module docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # min_confidence: the model's own top probability needed to change the intent.
        return {"min_confidence": 0.6, "C": 10.0}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Any = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "QuestionTopicClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "QuestionTopicClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                model = pickle.loads((Path(directory) / MODEL_FILE).read_bytes())
        except (ValueError, FileNotFoundError, OSError):
            model = None
        return cls(config, model_storage, resource, model)

    @staticmethod
    def build(C: float) -> Any:
        """Word 1-2 grams and character 2-4 grams, as the main classifier's featurizers."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        features = make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                              TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True))
        return make_pipeline(features, LogisticRegression(C=C, max_iter=2000, class_weight="balanced"))

    def train(self, training_data: TrainingData) -> Resource:
        texts, labels = [], []
        for example in training_data.intent_examples:
            intent = example.get(INTENT)
            if intent in QUESTIONS and example.get(TEXT):
                texts.append(example.get(TEXT))
                labels.append(intent)
        self.model = self.build(self._config["C"]).fit(texts, labels) if len(set(labels)) > 1 else None
        with self._model_storage.write_to(self._resource) as directory:
            (Path(directory) / MODEL_FILE).write_bytes(pickle.dumps(self.model))
        return self._resource

    def decide(self, text: str, current: Optional[str]) -> Optional[str]:
        """The question intent of the text's question part, or None to keep `current`."""
        if self.model is None or current not in QUESTIONS:
            return None
        part = question_part(text)
        if part is None:
            return None
        probabilities = self.model.predict_proba([part])[0]
        best = int(probabilities.argmax())
        name = str(self.model.classes_[best])
        if name == current or probabilities[best] < self._config["min_confidence"]:
            return None
        return name

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            name = self.decide(message.get(TEXT) or "", intent.get("name"))
            if name is None:
                continue
            ranking = message.get(INTENT_RANKING_KEY) or []
            was: float = next((float(r.get("confidence") or 0.0) for r in ranking if r.get("name") == name), 0.0)
            top = float(intent.get("confidence") or 0.0)
            new = {"name": name, "confidence": top}
            swapped = {"name": intent.get("name"), "confidence": was}
            rest = [r for r in ranking if r.get("name") not in (name, intent.get("name"))]
            message.set(INTENT, new, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [new, swapped] + rest, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
