"""Rasa NLU component running the project's clinical spaCy pipeline.

Adds contract entities (canonical values, roles `negated` / `family`, plus a
`context` list such as ["hypothetical"]) and `clinical_nothing_to_report`
(which questions a message answers with "nothing", e.g. "no symptoms").

The pipeline is built from `knowledge/` at training time and saved inside the
trained model, so a model runs with what it was trained on. Rasa's cache keys
on the component's config and source; `fingerprint_addon` adds the content of
the term and context files, so a changed term list always reaches the model.
"""

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant import knowledge
from assistant.nlp import pipeline

logger = logging.getLogger(__name__)

NOTHING_TO_REPORT = "clinical_nothing_to_report"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class TextSanitizer(GraphComponent):
    """First in the pipeline: every later step sees clean, bounded text.

    Strips HTML/script markup and control characters and cuts very long
    pastes, so bad input can neither crash nor stall parsing.
    """

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "TextSanitizer":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) or text is None:
                message.set(TEXT, pipeline.clean_text(text))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class ClinicalEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Rule-based clinical entities with negation and family context."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"knowledge_dir": None}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        return pipeline.nlp_fingerprint(cls._knowledge(config))

    @staticmethod
    def _knowledge(config: Dict[str, Any]) -> knowledge.KnowledgeBase:
        directory = config.get("knowledge_dir")
        return knowledge.load(directory) if directory else knowledge.default()

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        nlp=None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._nlp = nlp
        self._kb = self._knowledge(config)

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ClinicalEntityExtractor":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        self._nlp = pipeline.build(self._kb)
        with self._model_storage.write_to(self._resource) as directory:
            pipeline.save(self._nlp, Path(directory) / "clinical_pipeline")
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "ClinicalEntityExtractor":
        try:
            with model_storage.read_from(resource) as directory:
                nlp = pipeline.load(Path(directory) / "clinical_pipeline")
        except (ValueError, FileNotFoundError, OSError):
            # Not trained yet (e.g. `rasa test` on a fresh graph): build it now.
            logger.debug("No saved clinical pipeline; building it from the knowledge base.")
            nlp = None
        return cls(config, model_storage, resource, nlp)

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = pipeline.build(self._kb)
        return self._nlp

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            found = pipeline.extract(self.nlp, text)
            spans = [(e.start, e.end) for e in found]
            # Keep what other extractors (or a button payload) found elsewhere.
            others = [
                e for e in message.get(ENTITIES, [])
                if not any(e.get("start", -1) < end and start < e.get("end", -1) for start, end in spans)
            ]
            ours = self.add_extractor_name([entity.as_rasa() for entity in found])
            message.set(ENTITIES, others + ours, add_to_output=True)
            message.set(
                NOTHING_TO_REPORT,
                pipeline.nothing_to_report(pipeline.clean_text(text), self._kb),
                add_to_output=True,
            )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

