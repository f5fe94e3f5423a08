"""The cached action-response validator behaves exactly like Rasa's own."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import assistant.rasa_speedups  # noqa: F401 - applies the patch

GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "a", "value": 1}], "responses": [{"text": "hi"}]},
    {},
]
BAD = [
    {"events": "not a list"},
    {"responses": "nope"},
    {"events": [{"event": "slot", "name": 5}]},
    {"events": [{"event": "no_such_event"}]},
]


@pytest.mark.parametrize("result", GOOD)
def test_valid_responses_pass(result):
    assert RemoteAction("x", None)._validate_action_result(result) is True
    jsonschema.validate(result, RemoteAction.action_response_format_spec())  # Rasa's own check agrees


@pytest.mark.parametrize("result", BAD)
def test_invalid_responses_fail_like_rasa(result):
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("x", None)._validate_action_result(result)
    with pytest.raises(jsonschema.ValidationError) as theirs:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(theirs.value.message)
    assert "Failed to validate Action server response" in ours.value.message
