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


def test_the_current_state_is_rasas():
    """speedups._current_state: the same dict as Rasa's `current_state`, the active loop a copy."""
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
    from rasa.shared.core.slots import AnySlot
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    assert DialogueStateTracker.current_state is speedups._current_state
    parse = {"intent": {"name": "inform", "confidence": 0.9}, "text": "my CT", "message_id": "m1",
             "entities": [{"entity": "imaging", "value": "ct", "start": 3, "end": 5, "role": None}],
             "intent_ranking": [{"name": "inform", "confidence": 0.9}], "metadata": {},
             "clinical_warning_cues": [], "clinical_proxy": False, "nested": {"a": [1, 2.5, (3, "x"), {"b": None}]}}
    events = [ActionExecuted("action_listen"), UserUttered("my CT", parse["intent"], parse["entities"], parse),
              ActionExecuted("assessment_form"), ActiveLoop("assessment_form"), SlotSet("scan_finding", "x")]
    tracker = DialogueStateTracker.from_events("s", events, [AnySlot("scan_finding", mappings=[{}])])
    tracker.active_loop.trigger_message = parse
    for verbosity in EventVerbosity:
        ours = tracker.current_state(verbosity)
        theirs = speedups._rasa_current_state(tracker, verbosity)
        assert ours == theirs and list(ours) == list(theirs)
    state = tracker.current_state(EventVerbosity.ALL)["active_loop"]
    assert state["trigger_message"] == parse and state["trigger_message"] is not parse
    assert state["trigger_message"]["nested"]["a"] is not parse["nested"]["a"]
    assert state["trigger_message"]["nested"]["a"][2] == (3, "x")
    tracker.active_loop = None
    assert tracker.current_state()["active_loop"] == {} == speedups._rasa_current_state(tracker)["active_loop"]


def test_the_compiled_checks_agree_with_jsonschema():
    """speedups._compiled: the same verdict as jsonschema's `is_valid`, branch by branch, on many values."""
    import itertools
    import random

    from jsonschema import validators

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    branches = schema["properties"]["events"]["items"]["oneOf"]
    compiled = [b for b in branches if speedups._compiled(b, cls) is not None]
    assert len(compiled) >= len(branches) - 2  # all but the user (and perhaps entities) event
    atoms = [None, True, False, 0, 1, -3, 2.5, 1.0, float("nan"), "", "x", "slot", "bot", "action", [], [1], {},
             {"a": 1}, [{"event": "slot"}]]
    rng = random.Random(16)
    keys = ["event", "name", "value", "timestamp", "metadata", "text", "policy", "confidence", "hide_rule_turn",
            "action_text", "entities", "data"]
    for branch in branches:
        fast = speedups._compiled(branch, cls)
        if fast is None:
            continue
        full = cls(branch).is_valid
        const = branch["properties"]["event"]["const"]
        for value in atoms:
            assert fast(value) == full(value), (const, value)
        for _ in range(600):
            event = {k: rng.choice(atoms) for k in rng.sample(keys, rng.randint(0, 5))}
            if rng.random() < 0.7:
                event["event"] = const
            assert fast(event) == full(event), (const, event)
    outer = speedups._OUTER_VALIDATOR
    full_outer = cls({**schema, "properties": {**schema["properties"], "events": {
        "type": "array", "items": {k: v for k, v in schema["properties"]["events"]["items"].items() if k != "oneOf"}}}})
    for events, responses in itertools.product(atoms + [[{"event": "x"}, {"event": 3}], [{"timestamp": "t"}]],
                                               atoms + [[{"text": "a"}], [5]]):
        result = {"events": events, "responses": responses}
        assert outer(result) == full_outer.is_valid(result), result


def test_the_rule_search_finds_rasas_rules():
    """speedups._get_possible_keys: the same rule keys as Rasa's RulePolicy._get_possible_keys, on random
    rules and conversation states (actions, intents, texts, slots, loops, SHOULD_NOT_BE_SET, missing parts)."""
    import json
    import random

    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import SHOULD_NOT_BE_SET

    assert RulePolicy._get_possible_keys is speedups._get_possible_keys
    rng = random.Random(16)
    actions = ["action_listen", "utter_greet", "assessment_form", "action_hold", SHOULD_NOT_BE_SET, ""]
    intents = ["greet", "inform", "affirm", "deny", SHOULD_NOT_BE_SET, ""]

    def state(rule: bool):
        out = {}
        if rng.random() < 0.85:
            previous = {"action_name": rng.choice(actions)} if rng.random() < 0.9 else {"action_text": "hi"}
            out["prev_action"] = previous
        if rng.random() < 0.6:
            out["user"] = {"intent": rng.choice(intents)} if rng.random() < 0.8 else {"text": rng.choice(["hi", "no"])}
            if rng.random() < 0.3:
                out["user"]["entities"] = ["finding"] if rule else ("finding",)
        if rng.random() < 0.5:
            out["slots"] = {rng.choice(["turn_reply", "assessment_due"]): rng.choice(
                [[1.0], [1.0, 0.0], SHOULD_NOT_BE_SET] if rule else [(1.0,), (1.0, 0.0), SHOULD_NOT_BE_SET])}
        if rng.random() < 0.4:
            out["active_loop"] = {"name": rng.choice(["assessment_form", SHOULD_NOT_BE_SET])}
        return out

    lookup = {json.dumps([state(True) for _ in range(rng.randint(1, 3))]): "x" for _ in range(300)}
    rasa_keys = speedups._rasa_get_possible_keys
    found = 0
    for _ in range(3000):
        states = [state(False) for _ in range(rng.randint(0, 6))]
        if states and rng.random() < 0.5:  # states shaped like an existing rule's, to get matches
            rule = json.loads(rng.choice(list(lookup)))
            states = states[:2] + [{k: {kk: tuple(v) if isinstance(v, list) else v for kk, v in sub.items()}
                                    for k, sub in s.items()} for s in rule]
        policy = RulePolicy.__new__(RulePolicy)
        ours, theirs = speedups._get_possible_keys(policy, lookup, states), rasa_keys(policy, lookup, states)
        assert ours == theirs, states
        found += bool(ours)
    assert found > 500


def test_sparse_features_combine_as_rasa_does():
    """speedups._combine_sparse_features: the same matrix as Rasa's (scipy's hstack), format, dtypes and
    entries in order; other shapes and formats through Rasa's own."""
    import numpy as np
    import scipy.sparse as sp
    from rasa.shared.nlu.training_data.features import Features

    assert Features._combine_sparse_features is speedups._combine_sparse_features
    dtypes = [np.float64, np.float32, np.int64, np.int32, np.bool_, np.float16]
    for seed, (rows, a, b) in enumerate([(1, 300, 5000), (12, 40, 3), (3, 0, 7), (0, 4, 5), (5, 70000, 70000)]):
        for da in dtypes:
            for db in dtypes[:3]:
                left = sp.random(rows, a, density=0.05 if a * rows else 0, format="coo", random_state=seed,
                                 dtype=np.float64).astype(da)
                right = sp.random(rows, b, density=0.05 if b * rows else 0, format="coo", random_state=seed + 1,
                                  dtype=np.float64).astype(db)
                ours, theirs = Features(left, "sentence", "text", "a"), Features(left, "sentence", "text", "a")
                ours.combine_with_features(Features(right, "sentence", "text", "b"))
                speedups._rasa_combine_sparse_features(theirs, Features(right, "sentence", "text", "b"))
                x, y = ours.features, theirs.features
                assert type(x) is type(y) is sp.coo_matrix and x.shape == y.shape and x.dtype == y.dtype
                assert x.row.dtype == y.row.dtype and x.col.dtype == y.col.dtype
                assert np.array_equal(x.row, y.row) and np.array_equal(x.col, y.col) and np.array_equal(x.data, y.data)
    odd = Features(sp.csr_matrix(np.eye(2)), "sentence", "text", "a")
    odd.combine_with_features(Features(sp.coo_matrix(np.eye(2)), "sentence", "text", "b"))
    assert odd.features.shape == (2, 4)
    with pytest.raises(ValueError, match="sequence dimensions do not match"):
        Features(sp.coo_matrix(np.eye(2)), "sentence", "text", "a").combine_with_features(
            Features(sp.coo_matrix(np.eye(3)), "sentence", "text", "b"))


def test_the_action_call_body_is_rasas():
    """speedups._action_call_format: the body Rasa's builds (the active loop not copied, only encoded)."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, ActiveLoop, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    assert RemoteAction._action_call_format is speedups._action_call_format
    domain = Domain.from_yaml("version: '3.1'\nintents: [inform]\nforms:\n  f:\n    required_slots: []\n"
                              "actions: [action_x]\n")
    parse = {"intent": {"name": "inform", "confidence": 1.0}, "text": "x", "entities": [], "extra": {"a": [1]}}
    for loop in (False, True):
        events = [ActionExecuted("action_listen"), UserUttered("x", parse["intent"], [], parse)]
        if loop:
            events += [ActionExecuted("f"), ActiveLoop("f")]
        tracker = DialogueStateTracker.from_events("s", events, domain.slots)
        for selective in (False, True):
            action = RemoteAction("action_x", EndpointConfig("http://x", enable_selective_domain=selective))
            ours = action._action_call_format(tracker, domain)
            theirs = speedups._rasa_action_call_format(action, tracker, domain)
            assert ours == theirs and list(ours) == list(theirs)
            assert ours["tracker"]["active_loop"] == speedups._rasa_current_state(tracker)["active_loop"]


def test_the_action_call_sends_the_events_the_actions_read():
    """speedups._action_call_format on a long conversation: Rasa's body with the events from the user's
    message before the last one (at least the last ACTION_EVENTS_AT_LEAST), and what the actions compute
    from those events is what they compute from all of them."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig
    from rasa_sdk import Tracker

    from actions import actions

    domain = Domain.from_yaml("version: '3.1'\nintents: [inform]\nslots:\n  s:\n    type: any\n"
                              "    mappings: [{type: custom}]\nactions: [action_x, action_rephrase]\n")
    action = RemoteAction("action_x", EndpointConfig("http://x"))
    parse = {"intent": {"name": "inform", "confidence": 1.0}, "text": "x", "entities": []}

    def turn(n, rephrase=False):
        return [UserUttered(f"message {n}", parse["intent"], [], parse), SlotSet("s", n),
                ActionExecuted("action_rephrase" if rephrase else "action_x"), BotUttered(f"reply {n}" * (n % 3 + 1)),
                ActionExecuted("action_listen")]

    for turns in (0, 1, 2, 3, 12, 40):
        for start_last in (False, True):
            events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
            for n in range(turns):
                events += turn(n, rephrase=n % 5 == 4)
            if start_last:
                events += [ActionExecuted("action_session_start"), SessionStarted(), BotUttered("disclaimer"),
                           ActionExecuted("action_listen")]
            events += [UserUttered("now", parse["intent"], [], parse), SlotSet("s", "now"),
                       ActionExecuted("action_x"), BotUttered("so far")]
            tracker = DialogueStateTracker.from_events("s", events, domain.slots)
            ours = action._action_call_format(tracker, domain)
            theirs = speedups._rasa_action_call_format(action, tracker, domain)
            every = theirs["tracker"].pop("events")
            sent = ours["tracker"].pop("events")
            assert ours == theirs
            assert sent == every[len(every) - len(sent):]
            assert len(sent) >= min(len(every), speedups.ACTION_EVENTS_AT_LEAST)
            assert len(sent) < len(every) or turns < 6
            full = Tracker.from_dict({**theirs["tracker"], "events": every})
            trimmed = Tracker.from_dict({**theirs["tracker"], "events": sent})
            assert actions.shown_this_turn(trimmed) == actions.shown_this_turn(full) > 0
            assert trimmed.slots_to_validate() == full.slots_to_validate()
            assert ([e.get("name") for e in trimmed.events[-12:] if e.get("event") == "action"]
                    == [e.get("name") for e in full.events[-12:] if e.get("event") == "action"])


def test_a_domain_is_empty_as_rasa_says():
    from rasa.shared.core.domain import Domain

    assert Domain.is_empty is speedups._domain_is_empty  # installed above
    domains = [Domain.empty(), Domain.from_dict({}), Domain.from_yaml("version: '3.1'\nintents: [inform]\n"),
               Domain.load("domain.yml")]
    assert [d.is_empty() for d in domains] == [speedups._rasa_domain_is_empty(d) for d in domains] \
        == [True, True, False, False]
