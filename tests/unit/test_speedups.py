"""server/speedups.py: the cached action-response validator and the event type lookup behave exactly
like Rasa's own (installed here as server/rasa_patches.py installs them in the Rasa server)."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from server import speedups

speedups.install()

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


def test_event_classes_resolve_like_rasa():
    import rasa.shared.utils.common
    from rasa.shared.core import events

    for cls in rasa.shared.utils.common.all_subclasses(events.Event):
        assert events.Event.resolve_by_type(cls.type_name) is \
            speedups._rasa_resolve_by_type.__func__(cls.type_name)
        assert events.Event.resolve_by_type(cls.type_name) is \
            speedups._rasa_resolve_by_type.__func__(cls.type_name)  # the remembered one
    with pytest.raises(ValueError):
        events.Event.resolve_by_type("no_such_event")
    assert events.Event.resolve_by_type("no_such_event", events.UserUttered) is events.UserUttered
    assert events.Event.resolve_by_type("topic") is None
    parsed = events.deserialise_events([{"event": "slot", "name": "a", "value": 1}, {"event": "action", "name": "x"}])
    assert [type(e) for e in parsed] == [events.SlotSet, events.ActionExecuted]


def test_the_per_event_shortcut_agrees_with_the_full_validator():
    assert speedups._OUTER_VALIDATOR is not None and len(speedups._EVENT_VALIDATORS) > 20
    cases = GOOD + BAD + [
        {"events": [{"event": "slot", "name": "a"}]},  # value missing
        {"events": [{"event": "user", "text": 5}]},
        {"events": [{"event": "bot", "text": "hi", "timestamp": "x"}]},
        {"events": [{"name": "x"}]},
        {"events": [5]},
        {"events": None},
        {"events": [{"event": "action", "name": "utter_x", "confidence": 1.0}, {"event": "active_loop", "name": None}]},
        {"events": [{"event": "session_started"}, {"event": "followup", "name": "x"}], "responses": [{"text": "t"}]},
    ]
    for result in cases:
        full = speedups._VALIDATOR.is_valid(result)
        assert (speedups._surely_valid(result) and full) or not speedups._surely_valid(result)
        assert speedups._surely_valid(result) == full, result


def test_the_action_request_body_is_the_same_json():
    """server/action_endpoint.py encodes with ujson: the same JSON value, NaN and big ints too."""
    import json
    import math

    from server.action_endpoint import _dumps

    body = {"next_action": "action_x", "sender_id": "a/b", "version": "3.6.21",
            "tracker": {"events": [{"event": "user", "text": "café 😊 \"quoted\" </script>", "confidence": 0.1 + 0.2,
                                    "parse_data": {"entities": [], "intent": {"name": "greet", "confidence": 1e-12}}}],
                        "slots": {"n": 3, "none": None, "flag": True, "list": [1, 2.5, "x"]}}}
    assert json.loads(_dumps(body)) == body
    assert json.loads(_dumps({"x": 2 ** 70})) == {"x": 2 ** 70}
    assert math.isnan(json.loads(_dumps({"x": float("nan")}))["x"])
    # A lone surrogate (the fuzz test's): still JSON, and encodable as UTF-8 (aiohttp sends bytes).
    odd = {"text": "\ud800" * 3 + "café"}
    assert json.loads(_dumps(odd)) == odd and _dumps(odd).encode("utf-8")
