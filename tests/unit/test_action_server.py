"""server/action_server.py over HTTP, in process (tests/support/asgi.py): no server, no port.

The checks rasa-sdk's own server lacks: anything that is not an action call is a 400 naming the
problem (never a 500 that echoes the conversation), an unknown action a 404, no CORS headers; and
a real action call answers as rasa-sdk does.
"""

import json
import zlib

import pytest

from server.action_server import create_app
from tests.support.asgi import AsgiClient


def call(next_action: str = "action_session_start", **tracker: object) -> dict:
    """An action call in the shape Rasa sends."""
    return {"next_action": next_action, "version": "3.6.21", "domain": {},
            "tracker": {"sender_id": "rest:unit", "slots": {}, "latest_message": {}, "events": [], **tracker}}


@pytest.fixture(scope="module")
def client():
    with AsgiClient(create_app()) as running:
        yield running


def test_health_and_the_registered_actions(client):
    assert client.get("/health").json() == {"status": "ok"}
    names = {entry["name"] for entry in client.get("/actions").json()}
    assert {"action_session_start", "action_give_assessment", "action_answer_question",
            "action_validate_slot_mappings", "action_ask_scan_finding"} <= names
    assert "action_ask_" not in names  # the abstract base of the form questions is no action


def test_a_real_action_call_answers_with_events(client):
    answer = client.post("/webhook", json=call())
    assert answer.status == 200, answer.text
    events = answer.json()["events"]
    assert events and events[0]["event"] == "session_started"
    assert "access-control-allow-origin" not in answer.headers


@pytest.mark.parametrize("body, problem", [
    ([1, 2], "an action call is a JSON object"),
    ({"tracker": {}}, "'next_action' must be an action name"),
    ({"next_action": "action_session_start"}, "'tracker' must be an object"),
    ({"next_action": "action_session_start", "tracker": {"sender_id": 5}}, "'tracker.sender_id' must be text"),
    (call(events=[{"no": "name"}]), "every event needs an 'event' name"),
    (call(slots={"likely_causes": "not a list"}), "slot 'likely_causes' must be of type list"),
    (call(latest_message={"entities": [{"entity": "finding", "role": 3}]}), "an entity's 'role' must be text"),
])
def test_what_is_not_an_action_call_is_a_400_naming_the_problem(client, body, problem):
    answer = client.post("/webhook", json=body)
    assert answer.status == 400
    assert answer.json() == {"error": f"Not an action call: {problem}."}


def test_bodies_that_are_not_json_or_not_deflate_are_400(client):
    assert client.request("POST", "/webhook", body=b"{not json").json()["error"] == \
        "Not an action call: the body is not JSON."
    bad_deflate = client.request("POST", "/webhook", body=b"\x00\x01garbage", headers={"Content-Encoding": "deflate"})
    assert bad_deflate.status == 400 and "deflate" in bad_deflate.json()["error"]
    good_deflate = client.request("POST", "/webhook", body=zlib.compress(json.dumps(call()).encode()),
                                  headers={"Content-Encoding": "deflate"})
    assert good_deflate.status == 200, good_deflate.text


def test_an_unknown_action_is_a_404_that_does_not_echo_the_conversation(client):
    answer = client.post("/webhook", json=call("action_nobody_wrote", events=[{"event": "user", "text": "SECRET"}]))
    assert answer.status == 404
    assert answer.json()["action_name"] == "action_nobody_wrote" and "SECRET" not in answer.text
