"""server.graph_runner.SequentialGraphRunner gives exactly what Rasa's DaskGraphRunner gives, on the
trained model: message parses and next-action predictions along whole conversations."""

import asyncio
import copy
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"
pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="needs `make train`")

TEXTS = ["hi", "My CT showed a few punctate calcifications in the liver. I had tuberculosis years ago.", "no",
         "They have been stable since 2018.", "what tests might my doctor want to do?", "I have been vomiting blood",
         "asdfgh qwerty", "delete my data", "is it cancer?"]


@pytest.fixture(scope="module")
def agent():
    from rasa.core.agent import load_agent

    return asyncio.run(load_agent(model_path=str(MODEL)))


def test_same_parses_and_predictions_as_dask(agent):
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.runner.dask import DaskGraphRunner
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from server.graph_runner import SequentialGraphRunner

    processor = agent.processor
    dask_runner = processor.graph_runner
    assert type(dask_runner) is DaskGraphRunner
    ours = SequentialGraphRunner.from_runner(dask_runner)
    tracker = DialogueStateTracker("graph-test", agent.domain.slots)
    tracker.update(ActionExecuted("action_listen"))
    try:
        for text in TEXTS:
            message = UserMessage(text, sender_id="graph-test")
            processor.graph_runner = dask_runner
            expected = asyncio.run(processor.parse_message(message, tracker))
            processor.graph_runner = ours
            got = asyncio.run(processor.parse_message(message, tracker))
            assert json.dumps(got, sort_keys=True, default=str) == json.dumps(expected, sort_keys=True, default=str)
            tracker.update(UserUttered(text, expected["intent"], expected["entities"], expected))
            processor.graph_runner = dask_runner
            expected_prediction = processor._predict_next_with_tracker(copy.deepcopy(tracker))
            processor.graph_runner = ours
            prediction = processor._predict_next_with_tracker(copy.deepcopy(tracker))
            assert prediction.max_confidence_index == expected_prediction.max_confidence_index
            assert prediction.probabilities == expected_prediction.probabilities
            assert prediction.policy_name == expected_prediction.policy_name
            tracker.update(ActionExecuted(agent.domain.action_names_or_texts[prediction.max_confidence_index]))
            tracker.update(ActionExecuted("action_listen"))
    finally:
        processor.graph_runner = dask_runner
