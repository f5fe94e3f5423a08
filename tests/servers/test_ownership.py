"""Conversations belong to their owner, secrets stay secret, and standard clients connect (issue 14).

The real servers (server/launcher.py) with every option that carries a secret switched on (API token, JWT
secret, session secret, the four messaging platforms) and the default SQLite store under var/:

- no secret in the process list, in the servers' log or in any file under var/; var/ is 0700 and the
  tracker store 0600; `token=` is redacted in every log line, Rasa's and Sanic's included;
- one Access-Control-Allow-Origin on REST answers, preflights and socket.io polling;
- socket.io: a session id this server did not issue gets a `session_error` event and a new session,
  and the message is answered; an issued one is kept across sockets and shared with REST;
- rate limits: per conversation across socket.io and REST; per client address (X-Forwarded-For only
  from TRUSTED_PROXIES);
- timeouts: a request whose body never arrives and an idle keep-alive connection are closed, on the Rasa
  server and on the page server.

Every request of this module carries its own X-Forwarded-For address (the servers trust 127.0.0.1 as
a proxy), so the per-address limit of one test does not throttle the others.
"""

import json
import os
import random
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from channels import limits
from tests.support.cluster import SocketChat, free_port, strip_ansi, texts
from tests.support.servers import SESSION_SECRET, TOKEN, Servers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "models" / "current.tar.gz").exists(), reason="needs `make train`")

RATE = 6
PER_ADDRESS = 8
JWT_SECRET = "jwt-" + uuid.uuid4().hex
SECRETS = {
    "RASA_TOKEN": TOKEN, "RASA_JWT_SECRET": JWT_SECRET, "SESSION_SECRET": SESSION_SECRET,
    "TELEGRAM_TOKEN": "123456789:secret-telegram-" + uuid.uuid4().hex[:8],
    "TELEGRAM_SECRET_TOKEN": "tg-secret-" + uuid.uuid4().hex[:8],
    "SLACK_TOKEN": "xoxb-secret-" + uuid.uuid4().hex[:8], "SLACK_SIGNING_SECRET": "slack-" + uuid.uuid4().hex,
    "FACEBOOK_SECRET": "fb-" + uuid.uuid4().hex, "FACEBOOK_PAGE_ACCESS_TOKEN": "fbpage-" + uuid.uuid4().hex,
    "FACEBOOK_VERIFY": "fbverify-" + uuid.uuid4().hex[:8],
    "TWILIO_AUTH_TOKEN": "twilio-" + uuid.uuid4().hex,
}


@pytest.fixture(scope="module")
def servers():
    dead = f"http://127.0.0.1:{free_port()}"  # the platforms' APIs: nothing listens (no call is needed here)
    env = {**SECRETS, "TELEGRAM_BOT_NAME": "liver_info_bot", "TELEGRAM_API_URL": dead, "SLACK_API_URL": dead,
           "FACEBOOK_API_URL": dead, "TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_NUMBER": "whatsapp:+14155238886",
           "TWILIO_API_URL": dead, "TRACKER_STORE_URL": "", "RATE_LIMIT_PER_MINUTE": str(RATE),
           "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": str(PER_ADDRESS), "TRUSTED_PROXIES": "127.0.0.1"}
    running = Servers(free_port(), free_port(), free_port(), env)
    running.log_start = running.log.stat().st_size if running.log.exists() else 0
    running.start()
    yield running
    running.stop()


def address() -> str:
    return f"198.51.{random.randint(0, 255)}.{random.randint(1, 254)}"


def rest(servers, sender, text, client=None, headers=None):
    request = urllib.request.Request(servers.base + "/webhooks/rest/webhook", method="POST",
                                     data=json.dumps({"sender": sender, "message": text}).encode(),
                                     headers={"Content-Type": "application/json",
                                              "X-Forwarded-For": client or address(), **(headers or {})})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read()), answer.headers


def raw_headers(url, method="GET", headers=None, body=None):
    request = urllib.request.Request(url, method=method, data=body, headers={"X-Forwarded-For": address(),
                                                                             **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def chat(servers, session_id=None, client=None):
    return SocketChat(servers.base, session_id=session_id, headers={"X-Forwarded-For": client or address()})


# ------------------------------------------------------------------ secrets


def descendants(root: int) -> set:
    parents = {}
    for pid in os.listdir("/proc"):
        try:
            parents[int(pid)] = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, grew = {root}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def test_no_secret_in_the_process_list(servers):
    """The command lines of the launcher and every server it started (other projects' processes aside)."""
    ours = descendants(servers.process.pid)
    assert len(ours) >= 4  # the launcher, the action server, the Rasa server, the page server
    for pid in map(str, ours):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        for name, value in SECRETS.items():
            assert value not in cmdline, f"{name} is on the command line of process {pid}: {cmdline[:200]}"
    ps = subprocess.run(["ps", "-o", "args", "-p", ",".join(map(str, ours))], capture_output=True, text=True).stdout
    assert "-m server.rasa_server run" in ps  # the Rasa server is in the list, without its secrets
    assert not [v for v in SECRETS.values() if v in ps]


def test_var_is_private_and_holds_no_secret(servers):
    var = ROOT / "var"
    assert stat.S_IMODE(var.stat().st_mode) == 0o700
    db = var / "trackers.db"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    rest(servers, "new", "hello")  # the store has been written to
    for path in var.rglob("*"):
        if path.is_file():
            assert not stat.S_IMODE(path.stat().st_mode) & 0o077, (path, oct(path.stat().st_mode))
            content = path.read_bytes()
            for name, value in SECRETS.items():
                assert value.encode() not in content, f"{name} in {path}"


def test_tokens_in_failing_urls_are_redacted_in_every_log(servers):
    """Requests that fail with the token in the URL (Rasa and Sanic log such URLs), then the whole log."""
    for method, path, body in (("POST", "/conversations/x/execute", b"{not json"),
                               ("PUT", "/model", b"[1]"), ("GET", "/nowhere", None),
                               ("POST", "/conversations/x/tracker/events", b'{"event": "bogus"}')):
        status, _, _ = raw_headers(f"{servers.base}{path}?token={TOKEN}", method, body=body)
        assert status < 500, (method, path, status)
    time.sleep(1)
    with open(servers.log, "rb") as log:
        log.seek(servers.log_start)
        content = strip_ansi(log.read().decode("utf-8", "replace"))
    assert "INFO" in content
    for name, value in SECRETS.items():
        assert value not in content, f"{name} is in the log"


def test_redaction_of_log_records_rasa_and_sanic_style():
    code = """
import logging, sys
sys.path.insert(0, %r)
from server.rasa_server import redact_logs
redact_logs()
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%%(levelname)s %%(message)s")
logging.getLogger("sanic.error").error("Exception occurred while handling uri: %%s", "'http://h/x/execute?token=T0PSECRET&a=1'")
logging.getLogger("rasa.server").info("url http://h/conversations/x?token=T0PSECRET")
logging.getLogger("x").warning("header Authorization: Bearer eyJhbGciOi.T0PSECRET.sig")
try:
    raise ValueError("failed http://h/?token=T0PSECRET")
except ValueError:
    logging.getLogger("y").exception("boom")
""" % str(ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "T0PSECRET" not in out.stdout + out.stderr
    assert out.stdout.count("[redacted]") == 4 and "&a=1" in out.stdout


# ------------------------------------------------------------------ CORS


def allow_origin_count(headers) -> int:
    return len([v for k, v in headers.items() if k.lower() == "access-control-allow-origin"])


def test_exactly_one_allow_origin_on_rest_preflight_and_socketio_polling(servers):
    origin = f"http://127.0.0.1:{servers.web_port}"
    _, headers = rest(servers, "new", "hello", headers={"Origin": origin})
    assert allow_origin_count(headers) == 1 and headers["Access-Control-Allow-Origin"] == origin
    for url, method, extra in (
            (f"{servers.base}/webhooks/rest/webhook", "OPTIONS",
             {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}),
            (f"{servers.base}/socket.io/?EIO=4&transport=polling", "OPTIONS",
             {"Access-Control-Request-Method": "POST"}),
            (f"{servers.base}/socket.io/?EIO=4&transport=polling", "GET", {})):
        status, headers, body = raw_headers(url, method, {"Origin": origin, **extra})
        assert status == 200, (url, method, status)
        assert allow_origin_count(headers) == 1, (url, method, headers.items())
    sid = json.loads(body[1:])["sid"]
    # a whole polling exchange: the connect packet (POST), then the answer (GET)
    url = f"{servers.base}/socket.io/?EIO=4&transport=polling&sid={sid}"
    status, headers, _ = raw_headers(url, "POST", {"Origin": origin, "Content-Type": "text/plain"}, b"40")
    assert status == 200 and allow_origin_count(headers) == 1
    status, headers, body = raw_headers(url, "GET", {"Origin": origin})
    assert status == 200 and allow_origin_count(headers) == 1 and body.startswith(b"40")
    status, headers, _ = raw_headers(f"{servers.base}/socket.io/?EIO=4&transport=polling", "GET",
                                     {"Origin": "http://evil.example"})
    assert status == 400 and allow_origin_count(headers) == 0


# ------------------------------------------------------------------ socket.io sessions


def test_socketio_session_ids_are_issued_and_an_unknown_one_is_told(servers):
    first = chat(servers, session_id="3f2c9e0a9b8d4c7e9f")  # well formed, but not issued here
    try:
        token = first.session_id
        assert token != "3f2c9e0a9b8d4c7e9f" and "." in token
        assert "calcium" in texts(first.say("what does punctate calcification mean?")).lower()
        # user_uttered with an id this server did not issue: an error event, a new session, an answer
        first.sio.emit("user_uttered", {"message": "what does punctate calcification mean?",
                                        "session_id": "not-issued-0123456789"})
        replies = [first.replies.get(timeout=60)]
        while "calcium" not in texts(replies).lower():
            replies.append(first.replies.get(timeout=60))  # the new conversation's disclaimer comes first
        deadline = time.monotonic() + 5
        while not first.errors and time.monotonic() < deadline:
            time.sleep(0.1)
        assert first.errors and first.errors[0]["error"] == "invalid_session"
        assert first.session_id not in (token, "not-issued-0123456789")
    finally:
        first.close()
    # the issued token is kept on a new socket (a page reload) and is the same conversation over REST
    again = chat(servers, session_id=token)
    try:
        assert again.session_id == token
        again.say("hello")
    finally:
        again.close()
    answer, headers = rest(servers, token, "hello")
    assert headers["X-Session-Id"] == token and answer[0]["recipient_id"] == token
    tracker = servers.get(f"/conversations/web:{token.split('.')[0]}/tracker?token={TOKEN}")
    assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == [
        "what does punctate calcification mean?", "hello", "hello"]


# ------------------------------------------------------------------ rate limits


def test_rate_limit_per_conversation_across_socketio_and_rest(servers):
    talk = chat(servers)
    try:
        token = talk.session_id
        answers = []
        for turn in range(RATE + 1):
            if turn % 2:
                answers.append(texts(talk.say("hello", quiet=0.5)))
            else:
                answers.append(texts(rest(servers, token, "hello")[0]))
        assert all(limits.TOO_FAST not in a for a in answers[:RATE]), answers
        assert answers[RATE] == limits.TOO_FAST
    finally:
        talk.close()


def test_rate_limit_per_client_address(servers):
    client, other = address(), address()
    answers = [texts(rest(servers, "new", "hello", client=client)[0]) for _ in range(PER_ADDRESS + 1)]
    assert all(limits.TOO_FAST not in a for a in answers[:PER_ADDRESS])
    assert answers[PER_ADDRESS] == limits.TOO_FAST  # 9 new conversations from one address in a minute
    assert limits.TOO_FAST not in texts(rest(servers, "new", "hello", client=other)[0])


def test_client_address_trusts_forwarded_for_only_from_trusted_proxies(monkeypatch):
    from channels.rest import client_address

    class Conn:
        client_ip = "10.0.0.2"

    class Request:
        conn_info, ip = Conn(), "10.0.0.2"
        headers = {"X-Forwarded-For": "203.0.113.5, 10.0.0.9"}

    monkeypatch.delenv("TRUSTED_PROXIES", raising=False)
    assert client_address(Request()) == "10.0.0.2"
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.2")
    assert client_address(Request()) == "10.0.0.9"
    monkeypatch.setenv("TRUSTED_PROXIES", "10.0.0.2,10.0.0.9")
    assert client_address(Request()) == "203.0.113.5"


# ------------------------------------------------------------------ timeouts


def closed_after(port: int, send: bytes, limit: float) -> float:
    """Seconds until the server closes a connection that sent `send` and then nothing."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=limit) as connection:
        connection.sendall(send)
        try:
            while connection.recv(65536):
                pass
        except socket.timeout:
            return float("inf")
    return time.monotonic() - started


def test_slow_bodies_and_idle_connections_are_closed(servers):
    slow_body = (b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 100\r\n\r\n{\"sender\":")
    assert closed_after(servers.rasa_port, slow_body, 30) < 15  # SANIC_REQUEST_TIMEOUT=10
    idle = b"GET /status HTTP/1.1\r\nHost: x\r\n\r\n"
    assert closed_after(servers.rasa_port, idle, 30) < 10  # answered, then keep-alive 5 s
    assert closed_after(servers.web_port, b"GET / HTTP/1.1\r\nHost: x\r\n", 30) < 15  # headers never end
    assert closed_after(servers.web_port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", 30) < 15  # idle keep-alive
