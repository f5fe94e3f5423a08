"""Hardening, end to end against the real servers (server/launcher.py, free ports, SQLite in a temp dir).

- the HTTP API refuses requests without the token, or with a wrong one; a JWT
  signed with RASA_JWT_SECRET is accepted (admin: any conversation; user: only
  its own), a forged, expired or unsigned one refused;
- the action server (and Rasa, and the web page) listen on loopback only by default;
- the per-sender rate limit and the message size limit answer with a clear
  message over REST and socket.io, and nothing is processed or stored;
- "delete my data" removes the conversation from the tracker store (the
  SQLite rows are gone, the tracker API has no earlier events), also from
  inside the assessment and over socket.io;
- no message text nor entity value of a distinctive conversation appears in
  the servers' logs at the default (INFO) level.
"""

import json
import sqlite3
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from channels import limits, privacy
from tests.support.cluster import SocketChat, free_port, listening_addresses, strip_ansi, texts
from tests.support.servers import TOKEN, Servers, signed

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "models" / "current.tar.gz").exists(), reason="needs `make train`")

JWT_SECRET = "jwt-test-secret-" + uuid.uuid4().hex
RATE = 12
CANARY = "zebra-canary-" + uuid.uuid4().hex[:8]


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    db = tmp_path_factory.mktemp("hardening") / "trackers.db"
    running = Servers(free_port(), free_port(), free_port(), {
        "TRACKER_STORE_URL": f"sqlite:///{db}", "RASA_JWT_SECRET": JWT_SECRET,
        "RATE_LIMIT_PER_MINUTE": str(RATE), "MAX_MESSAGE_CHARS": "5000"}).start()
    running.db = db
    running.log_start = running.log.stat().st_size if running.log.exists() else 0
    yield running
    running.stop()


def status_of(servers, method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(servers.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def rows(servers, sender):
    """The stored events of a test's REST conversation (web:<sender>) or of a conversation id."""
    from channels.sessions import has_scope

    conversation = sender if has_scope(sender) else f"web:{sender}"
    with sqlite3.connect(servers.db) as conn:
        return conn.execute("SELECT type_name, data FROM events WHERE sender_id = ?", (conversation,)).fetchall()


def user_texts(tracker):
    return [e.get("text") for e in tracker["events"] if e.get("event") == "user"]


# ------------------------------------------------------------------ the HTTP API's token and JWT

API = [("GET", "/conversations/{id}/tracker", None), ("POST", "/model/parse", {"text": "hello"}),
       ("GET", "/status", None), ("GET", "/domain", None),
       ("POST", "/conversations/{id}/messages", {"text": "hi", "sender": "user"}),
       ("POST", "/conversations/{id}/trigger_intent", {"name": "greet"}),
       ("PUT", "/conversations/{id}/tracker/events", []), ("POST", "/conversations/{id}/predict", None)]


@pytest.mark.parametrize("method, path, body", API, ids=[f"{m} {p}" for m, p, _ in API])
def test_api_refuses_requests_without_or_with_a_wrong_token(servers, method, path, body):
    path = path.format(id="api-" + uuid.uuid4().hex[:8])
    assert status_of(servers, method, path, body) == 401
    assert status_of(servers, method, path + "?token=wrong-" + TOKEN, body) == 401
    assert status_of(servers, method, path, body, {"Authorization": "Bearer not-a-jwt"}) == 401
    if method == "GET" or path.endswith("parse"):
        assert status_of(servers, method, path + f"?token={TOKEN}", body) == 200


def jwt_token(payload, secret=JWT_SECRET, algorithm="HS256"):
    import jwt

    return jwt.encode(payload, secret, algorithm=algorithm)


def test_a_valid_jwt_is_accepted(servers):
    now = int(time.time())
    admin = jwt_token({"user": {"username": "ops", "role": "admin"}, "exp": now + 300})
    assert status_of(servers, "GET", "/conversations/anyone/tracker",
                     headers={"Authorization": f"Bearer {admin}"}) == 200
    assert status_of(servers, "POST", "/model/parse", {"text": "hi"}, {"Authorization": f"Bearer {admin}"}) == 200
    # A user token names its conversation by its channel-scoped id (channels/sessions.py): a backend's
    # own REST id "alice" is the conversation rest:alice, reached as /conversations/alice or rest:alice.
    alice = jwt_token({"user": {"username": "rest:alice", "role": "user"}, "exp": now + 300})
    for path in ("/conversations/alice/tracker", "/conversations/rest:alice/tracker"):
        assert status_of(servers, "GET", path, headers={"Authorization": f"Bearer {alice}"}) == 200
    # a user token opens only its own conversation
    for other in ("bob", "telegram:alice", "web:alice"):
        assert status_of(servers, "GET", f"/conversations/{other}/tracker",
                         headers={"Authorization": f"Bearer {alice}"}) == 403


@pytest.mark.parametrize("user", ["admin", None, ["admin"], 5, {"username": 5, "role": "user"}, {}],
                         ids=["string", "null", "list", "number", "odd username", "empty"])
def test_a_jwt_with_an_odd_user_claim_is_refused_not_a_500(servers, user):
    token = jwt_token({"user": user, "exp": int(time.time()) + 300})
    for method, path, body in (("GET", "/conversations/anyone/tracker", None),
                               ("POST", "/conversations/anyone/messages", {"text": "hi", "sender": "user"}),
                               ("GET", "/status", None)):
        assert status_of(servers, method, path, body, {"Authorization": f"Bearer {token}"}) in (401, 403), path


def test_an_invalid_jwt_is_refused(servers):
    import base64

    now = int(time.time())
    payload = {"user": {"username": "ops", "role": "admin"}, "exp": now + 300}
    header = json.dumps({"alg": "none", "typ": "JWT"}).encode()
    unsigned = b".".join(base64.urlsafe_b64encode(p).rstrip(b"=") for p in (header, json.dumps(payload).encode()))
    for bad in (jwt_token(payload, secret="another-secret"),                        # forged
                jwt_token({**payload, "exp": now - 3600}),      # expired (sanic-jwt allows 3 min of clock skew)
                jwt_token(payload, algorithm="HS512"),          # another method: was a 500 (server/rasa_patches.py)
                unsigned.decode() + ".",                                              # alg none
                jwt_token(payload)[:-4] + "AAAA"):                                    # tampered signature
        assert status_of(servers, "GET", "/conversations/anyone/tracker",
                         headers={"Authorization": f"Bearer {bad}"}) == 401, bad


def test_jwt_options_reach_rasa_from_the_environment_only():
    from server.rasa_server import main, secret_args

    assert secret_args({"RASA_TOKEN": "t"}) == ["--auth-token", "t"]
    assert secret_args({"RASA_TOKEN": "t", "RASA_JWT_SECRET": "s"}) == \
        ["--auth-token", "t", "--jwt-secret", "s", "--jwt-method", "HS256"]
    assert secret_args({"RASA_JWT_SECRET": "s", "RASA_JWT_METHOD": "HS512"})[-1] == "HS512"
    with pytest.raises(SystemExit):
        secret_args({"RASA_JWT_SECRET": "s", "RASA_JWT_METHOD": "none"})
    for argv in (["run", "--auth-token", "x"], ["run", "--jwt-secret=x"]):
        with pytest.raises(SystemExit):
            main(argv)


# ------------------------------------------------------------------ what listens where

def test_servers_listen_on_loopback_only_by_default(servers):
    for port in (servers.actions_port, servers.rasa_port, servers.web_port):
        addresses = listening_addresses(port)
        assert addresses, f"nothing listens on {port}"
        assert set(addresses) <= {"127.0.0.1", "::1"}, (port, addresses)
        assert "0.0.0.0" not in addresses and "::" not in addresses


def test_the_action_server_stays_on_loopback_when_rasa_is_exposed():
    import server.launcher as run

    assert run.actions_bind_host(["actions", "rasa", "web"], "0.0.0.0", {}) == "127.0.0.1"
    assert run.actions_bind_host(["actions"], "0.0.0.0", {}) == "0.0.0.0"  # a container of its own
    assert run.actions_bind_host(["actions", "rasa"], "0.0.0.0", {"ACTIONS_BIND_HOST": "10.0.0.5"}) == "10.0.0.5"


# ------------------------------------------------------------------ limits

def test_rate_limit_over_rest(servers):
    who = "rate-" + uuid.uuid4().hex[:8]
    answers = [servers.say(who, "what does punctate calcification mean?") for _ in range(RATE + 2)]
    assert all("calcium" in texts(a).lower() for a in answers[:RATE])
    assert answers[RATE] == [{"recipient_id": signed(who), "text": limits.TOO_FAST}]
    assert answers[RATE + 1][0]["text"] == limits.TOO_FAST
    assert len(user_texts(servers.tracker(who))) == RATE
    # another sender is not affected
    assert "calcium" in texts(servers.say(who + "-b", "what does punctate calcification mean?")).lower()


def test_message_size_limit_over_rest(servers):
    who = "size-" + uuid.uuid4().hex[:8]
    answer = servers.say(who, f"my CT shows calcification {CANARY} " + "x" * 5000)
    assert answer == [{"recipient_id": signed(who), "text": limits.TOO_LONG.format(limit=5000)}]
    assert "over 5000 characters" in answer[0]["text"] and "about the liver" in answer[0]["text"]
    assert rows(servers, who) == []  # not processed, not stored
    ok = servers.say(who, "what does punctate calcification mean? " + "x" * (5000 - 39))
    assert ok and ok[0]["text"] != answer[0]["text"]


def test_a_body_too_large_for_any_message_is_413(servers):
    from channels.rest import max_body_bytes

    body = json.dumps({"sender": "big", "message": "x" * (max_body_bytes() + 10)})
    request = urllib.request.Request(servers.base + "/webhooks/rest/webhook", data=body.encode(), method="POST")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=60)
    assert error.value.code == 413
    assert "too large" in json.loads(error.value.read())["error"]


def test_limits_over_socketio(servers):
    chat = SocketChat(servers.base)
    try:
        assert texts(chat.say("x" * 5001)) == limits.TOO_LONG.format(limit=5000)
        replies = [chat.say("hello", quiet=0.5) for _ in range(RATE + 1)]
        assert texts(replies[-1]) == limits.TOO_FAST
        assert limits.TOO_FAST not in texts(replies[0])
    finally:
        chat.close()


# ------------------------------------------------------------------ delete my data

def test_delete_my_data_removes_the_conversation(servers):
    who = "delete-" + uuid.uuid4().hex[:8]
    servers.say(who, f"my CT shows punctate calcifications {CANARY}, I had tuberculosis")
    servers.say(who, "no symptoms")
    assert any(CANARY in (data or "") for _, data in rows(servers, who))
    answer = servers.say(who, "delete my data")
    assert [m["text"] for m in answer] == ["OK, I'm deleting this conversation and everything you told me in it.",
                                           privacy.DONE]
    assert rows(servers, who) == []
    tracker = servers.tracker(who)
    assert user_texts(tracker) == [] and CANARY not in json.dumps(tracker)
    assert not tracker["slots"].get("case_facts")
    # and the conversation starts from scratch
    servers.say(who, "what does punctate calcification mean?")
    assert user_texts(servers.tracker(who)) == ["what does punctate calcification mean?"]


def test_delete_my_data_inside_the_assessment(servers):
    who = "delete-form-" + uuid.uuid4().hex[:8]
    servers.say(who, f"the ultrasound showed calcifications {CANARY}")
    assert (servers.tracker(who).get("active_loop") or {}).get("name") == "assessment_form"
    answer = servers.say(who, "please delete my data")
    assert answer[-1]["text"] == privacy.DONE
    assert len(answer) == 2  # no question of the assessment after it
    assert rows(servers, who) == []
    tracker = servers.tracker(who)
    assert not (tracker.get("active_loop") or {}).get("name") and user_texts(tracker) == []


def test_delete_my_data_over_socketio(servers):
    chat = SocketChat(servers.base)
    try:
        chat.say(f"I take amiodarone {CANARY} and the CT shows liver calcifications")
        assert rows(servers, chat.conversation_id)
        replies = chat.say("delete my data")
        assert privacy.DONE in texts(replies)
        assert replies[-1] == {"conversation_deleted": True}  # the widget drops its transcript (widget.js)
        assert rows(servers, chat.conversation_id) == []
    finally:
        chat.close()


# ------------------------------------------------------------------ logs

def test_no_message_text_or_entity_values_in_the_logs(servers):
    """A distinctive conversation over REST and socket.io (assessment, question, red flag, limits,
    deletion): neither its words nor its entity values appear in any server's log at INFO level."""
    who = "logs-" + uuid.uuid4().hex[:8]
    for text in (f"{CANARY} my CT shows punctate calcifications and I had tuberculosis as a child",
                 f"{CANARY} I take methotrexate", "no symptoms", f"{CANARY} unchanged since 2019",
                 f"what is histoplasmosis {CANARY}?", f"{CANARY} I am vomiting blood",
                 f"{CANARY} " + "y" * 5001, "delete my data"):
        assert servers.say(who, text)
    chat = SocketChat(servers.base)
    try:
        chat.say(f"{CANARY} my ultrasound shows a calcified granuloma, my mother had liver cancer")
        chat.say(f"{CANARY} I have jaundice")
    finally:
        chat.close()
    time.sleep(1)
    with open(servers.log, "rb") as log:
        log.seek(servers.log_start)
        content = strip_ansi(log.read().decode("utf-8", "replace"))
    assert content.strip(), "no log captured"
    assert "INFO" in content  # the servers log at INFO: the check below means something
    assert CANARY not in content
    user_words = ("methotrexate", "histoplasmosis", "granuloma", "jaundice", "vomiting", "tuberculosis",
                  "liver_cancer", "amiodarone")
    found = [line for line in content.splitlines() if any(word in line.lower() for word in user_words)]
    assert not found, "\n".join(found[:10])
