"""Fuzzing the three HTTP surfaces with hypothesis: more than 10 000 generated requests.

Against the real servers (server/launcher.py: Rasa + action server, SQLite in a temp dir):
- `POST /webhooks/rest/webhook`: raw bytes, any JSON, and message-shaped objects
  whose sender, message and metadata are of every type: empty, huge (around the
  5000-character limit and far beyond), unicode edge cases (lone surrogates,
  NUL and control characters, bidi overrides, combining marks, emoji,
  non-characters), injection strings (SQL, HTML/JS, template, path, JSON,
  Rasa's own "/intent{...}" payload syntax);
- `POST /model/parse?token=...`: the same kinds of bodies;
- the authenticated HTTP API (`/conversations/<id>/tracker|story|tracker/events|
  trigger_intent|execute|messages|predict`, `PUT /model`, `/model/predict`, ...) with
  the token or JWTs signed with the server's secret whose claims have every shape,
  conversation ids of every channel scope and odd ones, events of every type;
- the action server's `POST /webhook`: malformed and odd action calls (any
  JSON, action-call-shaped objects with wrong types at every level, slots of
  the wrong type, deflate bodies that are not deflate data).

Each request must get an answer below 500; a REST answer of 200 must be a
JSON list and never the "something went wrong" apology (a crash the channel
caught). At the end every server process is alive and still answers a real
conversation. Counts go to results/fuzz.md.
"""

import http.client
import json
import os
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Dict, Optional, Tuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from channels import limits
from tests.support.cluster import free_port
from tests.support.servers import TOKEN, Servers, signed

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "models" / "current.tar.gz").exists(), reason="needs `make train`")

EXAMPLES = {"rest": 3600, "parse": 3400, "actions": 3400, "api": 2400}  # 12 800 in all
SCALE = float(os.environ.get("FUZZ_SCALE", "1"))  # smaller for a quick look while developing; 1 in make
EXAMPLES = {name: max(1, int(n * SCALE)) for name, n in EXAMPLES.items()}
FUZZ_SETTINGS = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck))
STATS: Dict[str, Counter] = {name: Counter() for name in EXAMPLES}
PROBLEMS: Dict[str, list] = {name: [] for name in EXAMPLES}


JWT_SECRET = "fuzz-jwt-secret-0123456789abcdef0123456789"


class Client:
    """One persistent HTTP/1.1 connection; reconnects once if the server closed it."""

    def __init__(self, port: int):
        self.port = port
        self.conn: Optional[http.client.HTTPConnection] = None

    def post(self, path: str, body: Optional[bytes], headers: Optional[Dict[str, str]] = None,
             method: str = "POST") -> Tuple[int, bytes]:
        headers = {"Content-Type": "application/json", **(headers or {})}
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                answer = self.conn.getresponse()
                data = answer.read()
                if answer.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return answer.status, data
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "trackers.db"
    # A rate limit above the default, so that the few fixed senders reach the dialogue more often
    # (the limit's own answer is still fuzzed).
    # The per-address limit off: every request comes from 127.0.0.1 (its own answer is tested elsewhere).
    running = Servers(free_port(), free_port(), free_port(), {"TRACKER_STORE_URL": f"sqlite:///{db}",
                                                              "RATE_LIMIT_PER_MINUTE": "150",
                                                              "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0",
                                                              "RASA_JWT_SECRET": JWT_SECRET}).start()
    running.rest = Client(running.rasa_port)
    running.actions = Client(running.actions_port)
    yield running
    running.stop()
    write_report()


# ------------------------------------------------------------------ strategies

INJECTIONS = [
    "'; DROP TABLE events; --", "\" OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "{{7*7}}", "${7*7}", "{0[__class__]}", "%s%s%s%n", "../../../../etc/passwd", "\\x00", "\x00",
    '/inform{"condition": "cancer"}', '/restart', '/delete_my_data', '/greet{"x": ', "/" + "a" * 300,
    '{"$where": "1"}', "\u202eevil\u202c", "A\u0301\u0302\u0303" * 50, "\ufeff\ufffe\uffff", "😀" * 100,
    "\ud800", "\udfff\ud800", "\r\n\r\nHTTP/1.1 200 OK", "null", "[]", "{}", "NaN", "-1e309",
    "my CT shows calcification" * 200, "x" * 4999, "x" * 5000, "x" * 5001, "é" * 5001, "😀" * 2501,
]

unicode_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=200)
plain_text = st.text(max_size=300)
huge_text = st.integers(min_value=4990, max_value=60000).map(lambda n: ("liver " * (n // 6 + 1))[:n])
message_text = st.one_of(plain_text, unicode_text, st.sampled_from(INJECTIONS), huge_text,
                         st.just(""), st.sampled_from([" ", "\n", "\t", "\u200b", "\u3000"]))

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                      st.floats(allow_nan=False, allow_infinity=False), unicode_text, st.sampled_from(INJECTIONS))
json_value = st.recursive(json_leaf, lambda children: st.one_of(
    st.lists(children, max_size=5), st.dictionaries(unicode_text, children, max_size=5)), max_leaves=15)

FIXED_SENDERS = ["fuzz-a", "fuzz-b", "fuzz-c"]
SIGNED_SENDERS = [signed(f"fuzz-signed-{n}") for n in range(3)]  # conversations that go on (web:fuzz-signed-N)
sender_value = st.one_of(st.sampled_from(FIXED_SENDERS), st.sampled_from(SIGNED_SENDERS),
                         st.sampled_from(SIGNED_SENDERS).map(lambda t: t[:-2] + "AA"),
                         st.text(min_size=1, max_size=40), unicode_text,
                         st.text(min_size=190, max_size=260), st.integers(), st.booleans(), st.none(),
                         st.floats(allow_nan=False), st.lists(st.integers(), max_size=3), st.just(""))
message_value = st.one_of(message_text, message_text, message_text, json_value)


def dumps(value) -> bytes:
    return json.dumps(value).encode()  # ensure_ascii: lone surrogates travel as \\ud800 escapes


rest_body = st.one_of(
    st.fixed_dictionaries({"sender": sender_value, "message": message_value}).map(dumps),
    st.fixed_dictionaries({"sender": sender_value, "message": message_text},
                          optional={"metadata": json_value, "input_channel": json_value,
                                    "extra": json_value}).map(dumps),
    json_value.map(dumps),
    st.binary(max_size=600),
    st.sampled_from([b"", b"{", b"[", b'{"sender": "x", "message": "y"', b"\xff\xfe\x00", b'{"a":' * 200,
                     b"[" * 5000 + b"]" * 5000, b'{"sender": "x", "message": "' + b"\\ud800" * 100 + b'"}',
                     b'{"sender": "x", "message": "\\u0000"}', b'{"sender": "x", "message": NaN}']),
)

parse_body = st.one_of(
    st.fixed_dictionaries({"text": message_value}, optional={"message_id": json_value}).map(dumps),
    json_value.map(dumps),
    st.binary(max_size=400),
    st.sampled_from([b"", b"{", b'{"text": null}', b'{"text": 5}', b'{"text": ["a"]}', b'{"text": {"a": 1}}',
                     b"[" * 5000 + b"]" * 5000, b'{"text": "' + b"\\udfff" * 50 + b'"}']),
)
parse_path = st.one_of(st.just(f"/model/parse?token={TOKEN}"),
                       st.sampled_from(["wit", "luis", "dialogflow", "rasa", "nonsense", ""]).map(
                           lambda mode: f"/model/parse?token={TOKEN}&emulation_mode={mode}"))

ACTIONS = ["action_validate_slot_mappings", "action_give_assessment", "action_answer_question",
           "action_visit_summary", "action_find_care", "action_rephrase", "action_session_start",
           "action_ask_scan_finding", "action_ask_medical_history", "action_ask_current_symptoms",
           "action_ask_finding_change"]
SLOTS = ["case_facts", "scan_finding", "medical_history", "current_symptoms", "finding_change", "assessment_due",
         "assessment_done", "red_flags_told", "triage_level", "likely_causes", "requested_slot"]
ENTITY_NAMES = ["finding", "pattern", "size", "imaging", "change", "condition", "medication", "symptom", "x"]

entity = st.fixed_dictionaries({}, optional={
    "entity": st.one_of(st.sampled_from(ENTITY_NAMES), json_value), "value": json_value,
    "role": st.one_of(st.sampled_from(["negated", "family", "hypothetical"]), json_value),
    "start": json_value, "end": json_value, "confidence": json_value})
latest_message = st.fixed_dictionaries({}, optional={
    "text": st.one_of(message_text, message_text, json_value),
    "intent": st.one_of(st.fixed_dictionaries({"name": st.one_of(st.sampled_from(
        ["inform", "deny", "affirm", "ask_what_is", "ask_causes", "nlu_fallback", "out_of_scope", "restart"]),
        st.sampled_from(["inform", "ask_what_is"]), json_value)},
        optional={"confidence": json_value}), json_value),
    "entities": st.one_of(st.lists(entity, max_size=6), st.lists(entity, max_size=6), json_value),
    "intent_ranking": json_value, "clinical_nothing_to_report": json_value})
slot_values = st.dictionaries(st.one_of(st.sampled_from(SLOTS), unicode_text), json_value, max_size=8)


def mostly(good, bad=json_value):
    """Well-typed seven times out of eight: the action code runs, on odd values."""
    return st.integers(0, 7).flatmap(lambda k: good if k else bad)


event = st.dictionaries(st.sampled_from(["event", "name", "value", "text", "timestamp", "parse_data"]),
                        json_value, max_size=4)
tracker = st.fixed_dictionaries({"sender_id": mostly(st.text(max_size=40))}, optional={
    "slots": mostly(slot_values), "latest_message": mostly(latest_message),
    "events": mostly(st.lists(event, max_size=6)),
    "paused": mostly(st.booleans()), "followup_action": mostly(st.none() | st.sampled_from(ACTIONS)),
    "active_loop": mostly(st.fixed_dictionaries({"name": mostly(st.just("assessment_form") | st.none())})),
    "latest_action_name": mostly(st.sampled_from(ACTIONS + ["action_listen"])),
    "latest_input_channel": mostly(st.sampled_from(["rest", "socketio", "telegram"]))})
action_call = st.fixed_dictionaries(
    {"next_action": mostly(st.sampled_from(ACTIONS)), "tracker": mostly(tracker)},
    optional={"domain": mostly(st.dictionaries(st.sampled_from(["slots", "intents", "responses", "forms"]),
                                               json_value, max_size=3)),
              "version": mostly(st.sampled_from(["3.6.21", "2.0.0", "x"])), "sender_id": json_value})
plain_call = action_call.map(lambda call: (dumps(call), {}))
odd_requests = st.one_of(
    action_call.map(lambda call: (zlib.compress(dumps(call)), {"Content-Encoding": "deflate"})),
    json_value.map(lambda v: (dumps(v), {})),
    st.binary(max_size=400).map(lambda b: (b, {"Content-Encoding": "deflate"})),
    st.binary(max_size=400).map(lambda b: (b, {})),
    st.just((zlib.compress(b"[" * 100000), {"Content-Encoding": "deflate"})),
)
# Two thirds action calls (well-typed seven times out of eight at each level), one third anything else.
actions_request = st.integers(0, 2).flatmap(lambda k: plain_call if k else odd_requests)


# The authenticated HTTP API: every conversation endpoint, the model endpoints, with the token or a JWT
# (signed with the server's secret) whose claims have every shape.
import urllib.parse  # noqa: E402

conversation_id = st.one_of(st.sampled_from(["fuzz-api", "rest:fuzz-api", "web:fuzz-api", "telegram:424242",
                                             "twilio:whatsapp:+15551234567", "socketio:abc", "a/b/c", "%2F",
                                             SIGNED_SENDERS[0], "x" * 300]),
                            st.text(min_size=1, max_size=40), unicode_text.filter(bool))
EVENT_NAMES = ["user", "bot", "action", "slot", "restart", "rewind", "undo", "reset_slots", "session_started",
               "active_loop", "followup", "pause", "resume", "entities", "user_featurization", "loop_interrupted",
               "action_execution_rejected", "export", "reminder", "cancel_reminder", "form", "form_validation",
               "bogus"]
api_event = st.fixed_dictionaries({"event": mostly(st.sampled_from(EVENT_NAMES))}, optional={
    "name": json_value, "value": json_value, "text": mostly(message_text), "timestamp": json_value,
    "parse_data": json_value, "policy": json_value, "confidence": json_value, "entities": json_value,
    "intent": json_value, "metadata": json_value, "data": json_value, "date_time": json_value,
    "input_channel": json_value, "message_id": json_value, "action_text": json_value})
api_body = {
    "tracker/events": st.one_of(st.lists(api_event, max_size=4), api_event, json_value),
    "trigger_intent": st.one_of(st.fixed_dictionaries({"name": mostly(st.sampled_from(
        ["greet", "deny", "inform", "request_summary", "nope"]))}, optional={"entities": json_value}), json_value),
    "execute": st.one_of(st.fixed_dictionaries({"name": mostly(st.sampled_from(
        ["utter_greet", "action_listen", "action_restart", "action_give_assessment", "nope"]))},
        optional={"policy": json_value, "confidence": json_value}), json_value),
    "messages": st.one_of(st.fixed_dictionaries({"text": mostly(message_text), "sender": mostly(st.just("user"))},
                                                optional={"parse_data": json_value}), json_value),
    "predict": st.one_of(st.none(), json_value),
}
conversation_call = st.sampled_from([("GET", "tracker"), ("GET", "story"), ("POST", "tracker/events"),
                                     ("PUT", "tracker/events"), ("POST", "trigger_intent"), ("POST", "execute"),
                                     ("POST", "messages"), ("POST", "predict")])
query = st.dictionaries(st.sampled_from(["include_events", "until", "all_sessions", "output_channel",
                                         "execute_side_effects", "event_verbosity"]),
                        st.one_of(st.sampled_from(["ALL", "AFTER_RESTART", "APPLIED", "NONE", "latest", "rest",
                                                   "true", "false", "1", "-1", "1e309"]), st.text(max_size=10)),
                        max_size=2)
jwt_claims = st.one_of(
    st.fixed_dictionaries({"user": st.fixed_dictionaries({"username": json_value, "role": st.one_of(
        st.sampled_from(["admin", "user", "guest"]), json_value)})}),
    st.fixed_dictionaries({"user": json_value}), st.dictionaries(unicode_text, json_value, max_size=3),
    st.fixed_dictionaries({"user": st.just({"username": "rest:fuzz-api", "role": "user"}), "exp": json_value}))


def jwt_header(claims) -> str:
    import jwt

    try:
        return "Bearer " + jwt.encode(claims, JWT_SECRET, algorithm="HS256")
    except (TypeError, ValueError):
        return "Bearer " + jwt.encode({"user": str(claims)[:50]}, JWT_SECRET, algorithm="HS256")


credential = st.one_of(st.just(("token", None)), st.just(("token", None)), jwt_claims.map(lambda c: ("jwt", c)),
                       st.just(("none", None)))


@st.composite
def api_request(draw):
    kind, claims = draw(credential)
    params = dict(draw(query))
    headers = {}
    if kind == "token":
        params["token"] = TOKEN
    elif kind == "jwt":
        headers["Authorization"] = jwt_header(claims)
    if draw(st.integers(0, 9)) == 0:  # the model endpoints
        method, path = draw(st.sampled_from([("PUT", "/model"), ("POST", "/model/predict"), ("GET", "/domain"),
                                             ("GET", "/status"), ("GET", "/version")]))
        body = draw(st.one_of(json_value, st.lists(api_event, max_size=3),
                              st.fixed_dictionaries({"model_file": json_value})))
        raw = dumps(body) if method != "GET" else None
    else:
        method, endpoint = draw(conversation_call)
        cid = draw(conversation_id).encode("utf-8", "surrogatepass")
        path = f"/conversations/{urllib.parse.quote(cid, safe=':/')}/{endpoint}"
        body = draw(api_body.get(endpoint, st.none())) if method != "GET" else None
        raw = None if body is None and method == "GET" else draw(st.one_of(
            st.just(dumps(body)), st.just(dumps(body)), st.just(dumps(body)), st.binary(max_size=60)))
    return method, path + ("?" + urllib.parse.urlencode(params) if params else ""), raw, headers, kind


def record(target: str, status: int, body: bytes, sent: bytes) -> None:
    STATS[target][status // 100 * 100] += 1
    STATS[target]["requests"] += 1
    if status >= 500:
        PROBLEMS[target].append((status, sent[:300], body[:300]))


# ------------------------------------------------------------------ the fuzzers

@settings(max_examples=EXAMPLES["rest"], **FUZZ_SETTINGS)
@given(body=rest_body, stream=st.sampled_from(["", "", "", "?stream=true"]))
def fuzz_rest(servers, body, stream):
    status, answer = servers.rest.post("/webhooks/rest/webhook" + stream, body)
    record("rest", status, answer, body)
    assert status < 500, (status, body[:200], answer[:300])
    if status == 200 and not stream:
        messages = json.loads(answer)
        assert isinstance(messages, list)
        assert not any(m.get("text") == limits.SORRY for m in messages), body[:300]
        texts = [m.get("text") for m in messages]
        kind = "rate limited" if limits.TOO_FAST in texts else \
            "too long" if any((t or "").startswith("That message is too long") for t in texts) else "dialogue"
        STATS["rest"][kind] += 1


@settings(max_examples=EXAMPLES["parse"], **FUZZ_SETTINGS)
@given(body=parse_body, path=parse_path)
def fuzz_parse(servers, body, path):
    status, answer = servers.rest.post(path, body)
    record("parse", status, answer, body)
    assert status < 500, (status, path, body[:200], answer[:300])


@settings(max_examples=EXAMPLES["actions"], **FUZZ_SETTINGS)
@given(request=actions_request)
def fuzz_actions(servers, request):
    body, headers = request
    status, answer = servers.actions.post("/webhook", body, headers)
    record("actions", status, answer, body)
    assert status < 500, (status, body[:300], answer[:300])


@settings(max_examples=EXAMPLES["api"], **FUZZ_SETTINGS)
@given(request=api_request())
def fuzz_api(servers, request):
    method, path, body, headers, kind = request
    status, answer = servers.rest.post(path, body, headers, method=method)
    STATS["api"][f"{kind} {status}"] += 1
    record("api", status, answer, (method + " " + path).encode() + b" " + (body or b""))
    STATS["api"]["authenticated" if status not in (401, 403) else "refused"] += 1
    assert status < 500, (status, method, path[:200], (body or b"")[:200], answer[:300])


def test_fuzz_rest_webhook(servers):
    fuzz_rest(servers)
    assert STATS["rest"]["requests"] >= EXAMPLES["rest"]


def test_fuzz_model_parse(servers):
    fuzz_parse(servers)
    assert STATS["parse"]["requests"] >= EXAMPLES["parse"]


def test_fuzz_action_server(servers):
    fuzz_actions(servers)
    assert STATS["actions"]["requests"] >= EXAMPLES["actions"]


def test_fuzz_authenticated_http_api(servers):
    fuzz_api(servers)
    assert STATS["api"]["requests"] >= EXAMPLES["api"]
    print({k: v for k, v in STATS["api"].items() if " " in str(k)})
    assert STATS["api"]["authenticated"] >= EXAMPLES["api"] // 5  # calls got past authentication


def test_every_process_survived_and_still_works(servers):
    assert servers.process.poll() is None, "server/launcher.py stopped: one of its servers died"
    status, answer = servers.rest.post("/webhooks/rest/webhook", json.dumps(
        {"sender": f"after-fuzz-{time.time()}", "message": "what does punctate calcification mean?"}).encode())
    assert status == 200 and "calcium" in answer.decode().lower()
    status, _ = servers.actions.post("/webhook", json.dumps({"next_action": "action_find_care",
                                                              "tracker": {"sender_id": "x"}}).encode())
    assert status == 200
    total = sum(STATS[t]["requests"] for t in STATS)
    assert total >= 12_000 * min(1.0, SCALE)
    assert sum(STATS[t][500] for t in STATS) == 0


def write_report() -> None:
    lines = ["# Fuzzing (tests/integration/test_fuzz.py)", "",
             "| surface | requests | 2xx | 4xx | 5xx |", "|---|---|---|---|---|"]
    for target, label in (("rest", "POST /webhooks/rest/webhook"), ("parse", "POST /model/parse"),
                          ("actions", "action server POST /webhook"),
                          ("api", "HTTP API (token or JWT of any claims): /conversations/*, /model, /domain")):
        s = STATS[target]
        lines.append(f"| {label} | {s['requests']} | {s[200]} | {s[400]} | {s[500]} |")
    total = sum(STATS[t]["requests"] for t in STATS)
    rest = STATS["rest"]
    lines += ["", f"Total {total} requests, {sum(STATS[t][500] for t in STATS)} answers of 5xx. REST answers of "
                  f"200 (not streamed): {rest['dialogue']} by the dialogue, {rest['too long']} 'too long', "
                  f"{rest['rate limited']} 'too fast'; 4xx: malformed bodies (400) and bodies too large (413). "
                  "HTTP API: "
                  f"{STATS['api']['authenticated']} calls past authentication, {STATS['api']['refused']} refused "
                  f"(401/403: no or an insufficient credential)."]
    for target, problems in PROBLEMS.items():
        for status, sent, body in problems[:5]:
            lines.append(f"- {target} {status}: sent {sent!r} got {body!r}")
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "fuzz.md").write_text("\n".join(lines) + "\n")
