"""Shared fixtures: the knowledge base and the clinical NLU component, built once."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


@pytest.fixture(scope="session")
def kb():
    from assistant import knowledge

    return knowledge.load()


@pytest.fixture(scope="session")
def clinical_component(tmp_path_factory):
    """The Rasa component, trained into a real (temporary) model storage."""
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from assistant.nlp.component import ClinicalEntityExtractor

    storage = LocalModelStorage(tmp_path_factory.mktemp("model_storage"))
    resource = Resource("clinical_entities")
    context = ExecutionContext(GraphSchema({}), "test")
    config = ClinicalEntityExtractor.get_default_config()
    trained = ClinicalEntityExtractor.create(config, storage, resource, context)
    trained.train(TrainingData())
    # Load it back the way the Rasa server does.
    return ClinicalEntityExtractor.load(config, storage, resource, context)


@pytest.fixture(scope="session")
def parse(clinical_component):
    """Text -> the message's entities as the Rasa server would output them."""
    from rasa.shared.nlu.training_data.message import Message

    def run(text):
        message = Message(data={"text": text})
        clinical_component.process([message])
        return message

    return run
