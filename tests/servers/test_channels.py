"""Messaging platforms end to end: the real servers (server/launcher.py) with Telegram, Slack, Messenger and
Twilio switched on by environment variables, each platform's outbound API replaced by a local fake server.

Each test posts what the platform itself would post (Telegram Update JSON, Slack Events API and
interactivity payloads, a Messenger page webhook, a Twilio form-encoded WhatsApp message), signed the
platform's way, to the running Rasa server's webhook, and reads what the assistant sent to the fake API.
"""

import base64
import hashlib
import hmac
import json
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from tests.support.cluster import SocketChat, free_port
from tests.support.servers import TOKEN, Servers

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (ROOT / "models" / "current.tar.gz").exists(), reason="needs `make train`")

TELEGRAM_TOKEN = "123456789:TEST-telegram-token"
TELEGRAM_SECRET = "telegram-secret_42"
SLACK_TOKEN = "xoxb-test-slack-token"
SLACK_SECRET = "slack-signing-secret"
FACEBOOK_VERIFY = "fb-verify-token"
FACEBOOK_SECRET = "fb-app-secret"
FACEBOOK_PAGE_TOKEN = "fb-page-access-token"
TWILIO_SID = "AC" + "0" * 32
TWILIO_AUTH = "twilio-auth-token"
TWILIO_NUMBER = "whatsapp:+14155238886"
TELEGRAM_WEBHOOK = "https://bot.example.org/webhooks/telegram/webhook"

FIRST_QUESTION = "What does your scan report say about the liver?"
HISTORY_QUESTION = "Have you ever had any of these"
SYMPTOMS_QUESTION = "Do you have any symptoms at the moment"
CHANGE_QUESTION = "changed compared with an earlier scan"
HISTORY_TITLES = ["None of these", "Cancer", "Cirrhosis or hepatitis", "TB or histoplasmosis"]
HISTORY_PAYLOADS = ["/deny", '/inform{"condition": "cancer"}', '/inform{"condition": "cirrhosis"}',
                    '/inform{"condition": "tuberculosis"}']


# --------------------------------------------------------------------------
# The fake platform APIs: records every call, answers what the clients expect
# --------------------------------------------------------------------------


class FakeApi:
    def __init__(self) -> None:
        self.calls: List[Dict] = []
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                kind = self.headers.get("Content-Type", "")
                if "json" in kind:
                    body = json.loads(raw or b"null")
                else:
                    body = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode()).items()}
                parsed = urllib.parse.urlparse(self.path)
                with fake.lock:
                    fake.calls.append({"path": parsed.path, "query": urllib.parse.parse_qs(parsed.query),
                                       "headers": dict(self.headers), "body": body})
                answer = json.dumps({"ok": True, "result": {"message_id": len(fake.calls)}, "sid": "SM" + "1" * 32,
                                     "recipient_id": "1", "message_id": "mid.1", "ts": "1700000000.000100"}).encode()
                self.send_response(201 if "/Messages.json" in parsed.path else 200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def find(self, path_part: str, match=lambda body: True) -> List[Dict]:
        with self.lock:
            return [c for c in self.calls if path_part in c["path"] and match(c["body"])]

    def wait(self, path_part: str, match, count: int = 1, seconds: float = 30) -> List[Dict]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = self.find(path_part, match)
            if len(found) >= count:
                return found
            time.sleep(0.1)
        return self.find(path_part, match)


@pytest.fixture(scope="module")
def fake_api():
    fake = FakeApi()
    fake.thread.start()
    yield fake
    fake.server.shutdown()


@pytest.fixture(scope="module")
def servers(fake_api, tmp_path_factory):
    db = tmp_path_factory.mktemp("channels") / "trackers.db"
    env = {
        "TRACKER_STORE_URL": f"sqlite:///{db}",
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN, "TELEGRAM_BOT_NAME": "liver_info_bot",
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET, "TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK,
        "TELEGRAM_API_URL": fake_api.url + "/telegram",
        "SLACK_TOKEN": SLACK_TOKEN, "SLACK_SIGNING_SECRET": SLACK_SECRET, "SLACK_API_URL": fake_api.url + "/slack/api",
        "FACEBOOK_VERIFY": FACEBOOK_VERIFY, "FACEBOOK_SECRET": FACEBOOK_SECRET,
        "FACEBOOK_PAGE_ACCESS_TOKEN": FACEBOOK_PAGE_TOKEN, "FACEBOOK_API_URL": fake_api.url + "/facebook/v21.0",
        "TWILIO_ACCOUNT_SID": TWILIO_SID, "TWILIO_AUTH_TOKEN": TWILIO_AUTH, "TWILIO_NUMBER": TWILIO_NUMBER,
        "TWILIO_API_URL": fake_api.url + "/twilio", "TWILIO_WEBHOOK_URL": "",
    }
    running = Servers(free_port(), free_port(), free_port(), env).start()
    yield running
    running.stop()


def post(servers, path: str, body: bytes, headers: Dict[str, str]) -> int:
    req = urllib.request.Request(servers.base + path, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def new_id() -> int:
    return random.randint(10 ** 8, 10 ** 9)


# --------------------------------------------------------------------------
# Telegram
# --------------------------------------------------------------------------


def telegram_update(chat: int, text: Optional[str] = None, callback_data: Optional[str] = None) -> Dict:
    user = {"id": chat, "is_bot": False, "first_name": "Pat", "language_code": "en"}
    update: Dict = {"update_id": new_id()}
    if callback_data is None:
        update["message"] = {"message_id": new_id(), "from": user, "date": int(time.time()),
                             "chat": {"id": chat, "first_name": "Pat", "type": "private"}, "text": text}
    else:
        update["callback_query"] = {
            "id": str(new_id()), "from": user, "chat_instance": "-1234", "data": callback_data,
            "message": {"message_id": new_id(), "from": {"id": 1, "is_bot": True, "first_name": "Bot"},
                        "date": int(time.time()), "chat": {"id": chat, "type": "private"}, "text": "..."},
        }
    return update


def telegram_post(servers, update: Dict, secret: Optional[str] = TELEGRAM_SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return post(servers, "/webhooks/telegram/webhook", json.dumps(update).encode(), headers)


def telegram_sent(fake_api, chat: int) -> List[Dict]:
    return [c["body"] for c in fake_api.find(f"/telegram/bot{TELEGRAM_TOKEN}/sendMessage",
                                             lambda b: str(b.get("chat_id")) == str(chat))]


def telegram_say(servers, fake_api, chat: int, text=None, callback_data=None) -> List[Dict]:
    before = len(telegram_sent(fake_api, chat))
    assert telegram_post(servers, telegram_update(chat, text, callback_data)) == 200
    return telegram_sent(fake_api, chat)[before:]


def test_telegram_webhook_is_registered_with_the_secret_token(servers, fake_api):
    calls = fake_api.wait(f"/telegram/bot{TELEGRAM_TOKEN}/setWebhook", lambda b: True)
    assert calls, "setWebhook was not called on the (fake) Bot API"
    assert calls[0]["body"]["url"] == TELEGRAM_WEBHOOK
    assert calls[0]["body"]["secret_token"] == TELEGRAM_SECRET


def test_telegram_question_and_inline_keyboard(servers, fake_api):
    chat = new_id()
    sent = telegram_say(servers, fake_api, chat, "help me understand my result")
    assert FIRST_QUESTION in "\n".join(m["text"] for m in sent)

    sent = telegram_say(servers, fake_api, chat, "My CT showed a few punctate calcifications")
    question = sent[-1]
    assert question["text"].startswith(HISTORY_QUESTION)
    keyboard = question["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in keyboard] == HISTORY_TITLES
    assert [row[0]["callback_data"] for row in keyboard] == HISTORY_PAYLOADS
    assert all(len(m["text"]) <= 4096 for m in sent)


def test_telegram_whole_assessment_ends_in_reassurance(servers, fake_api):
    chat = new_id()
    sent = telegram_say(servers, fake_api, chat,
                        "My CT showed a few punctate calcifications. I had tuberculosis years ago.")
    assert sent[-1]["text"].startswith(SYMPTOMS_QUESTION)
    tap = next(row[0] for row in sent[-1]["reply_markup"]["inline_keyboard"] if row[0]["text"] == "No symptoms")

    sent = telegram_say(servers, fake_api, chat, callback_data=tap["callback_data"])
    assert fake_api.find(f"/telegram/bot{TELEGRAM_TOKEN}/answerCallbackQuery")
    assert CHANGE_QUESTION in sent[-1]["text"]

    sent = telegram_say(servers, fake_api, chat, "stable since 2018")
    everything = "\n".join(m["text"] for m in sent)
    # The result is one short message; its details are inline buttons (issue 13).
    result = sent[-1]
    assert len(result["text"]) <= 700
    details = [row[0]["callback_data"] for row in result["reply_markup"]["inline_keyboard"]]
    assert details == ["/ask_why", "/ask_causes", "/ask_diagnosis", "/ask_treatment", "/ask_watch_for",
                       "/request_summary", "/ask_sources"]
    for payload in details:
        shown = telegram_say(servers, fake_api, chat, callback_data=payload)
        assert len(shown) == 1 and len(shown[0]["text"]) <= 1200, (payload, shown)
        if payload == "/ask_sources":
            assert "https://" in shown[0]["text"]
    tracker = servers.tracker(f"telegram:{chat}")
    assert tracker["slots"]["triage_level"] == "reassurance", everything
    assert tracker["slots"]["likely_causes"][0] == "granulomatous_infection"
    assert not (tracker.get("active_loop") or {}).get("name")


def test_telegram_start_command_greets(servers, fake_api):
    sent = telegram_say(servers, fake_api, new_id(), "/start@liver_info_bot")
    keyboards = [m["reply_markup"]["inline_keyboard"] for m in sent if "reply_markup" in m]
    assert any(row[0]["callback_data"] == "/start_assessment" for keyboard in keyboards for row in keyboard)


def test_telegram_limits_and_delete_my_data(servers, fake_api):
    """The platform connectors share the REST channel's guard (channels/limits.py, channels/privacy.py)."""
    from channels import limits, privacy

    chat = new_id()
    sent = telegram_say(servers, fake_api, chat, "my CT shows liver calcification " + "x" * 5000)
    assert [m["text"] for m in sent] == [limits.TOO_LONG.format(limit=5000)]
    assert not any(e.get("event") == "user" for e in servers.tracker(f"telegram:{chat}").get("events") or [])
    telegram_say(servers, fake_api, chat, "My CT showed a few punctate calcifications, I had TB")
    sent = telegram_say(servers, fake_api, chat, "delete my data")
    assert sent[-1]["text"] == privacy.DONE
    assert not any(e.get("event") == "user" for e in servers.tracker(f"telegram:{chat}").get("events") or [])


def test_telegram_refuses_a_forged_or_missing_secret_token(servers, fake_api):
    chat = new_id()
    assert telegram_post(servers, telegram_update(chat, "hello"), secret="not-the-secret") == 403
    assert telegram_post(servers, telegram_update(chat, "hello"), secret=None) == 401
    time.sleep(0.5)
    assert telegram_sent(fake_api, chat) == []
    assert not any(e.get("event") == "user" for e in servers.tracker(f"telegram:{chat}").get("events") or [])


# --------------------------------------------------------------------------
# Slack
# --------------------------------------------------------------------------


def slack_headers(body: bytes, kind: str, secret: str = SLACK_SECRET, stamp: Optional[int] = None) -> Dict:
    stamp = int(time.time()) if stamp is None else stamp
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {"Content-Type": kind, "X-Slack-Request-Timestamp": str(stamp), "X-Slack-Signature": f"v0={digest}"}


def slack_event(user: str, channel: str, text: str) -> bytes:
    return json.dumps({
        "token": "verification-token-unused", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
        "event_id": f"Ev{new_id()}", "event_time": int(time.time()),
        "authorizations": [{"team_id": "T0001", "user_id": "U0BOT", "is_bot": True}],
        "event": {"type": "message", "channel": channel, "user": user, "text": text, "ts": f"{time.time():.6f}",
                  "event_ts": f"{time.time():.6f}", "channel_type": "im"},
    }).encode()


def slack_click(user: str, channel: str, value: str) -> bytes:
    payload = {"type": "block_actions", "user": {"id": user, "username": "pat", "team_id": "T0001"},
               "api_app_id": "A0001", "team": {"id": "T0001"}, "channel": {"id": channel, "name": "directmessage"},
               "trigger_id": "1.2.3", "response_url": "https://hooks.slack.com/actions/T0001/1/x",
               "container": {"type": "message", "message_ts": "1700000000.000100", "channel_id": channel},
               "message": {"type": "message", "ts": "1700000000.000100", "text": "..."},
               "actions": [{"type": "button", "action_id": "choice_1", "block_id": "b1", "value": value,
                            "text": {"type": "plain_text", "text": "None of these"},
                            "action_ts": f"{time.time():.6f}"}]}
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def slack_sent(fake_api, channel: str) -> List[Dict]:
    return [c["body"] for c in fake_api.find("/slack/api/chat.postMessage", lambda b: b.get("channel") == channel)]


def slack_wait(fake_api, channel: str, before: int, contains: str) -> List[Dict]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        sent = slack_sent(fake_api, channel)[before:]
        if any(contains in json.dumps(m) for m in sent):
            time.sleep(0.3)  # the rest of the turn
            return slack_sent(fake_api, channel)[before:]
        time.sleep(0.1)
    raise AssertionError(f"nothing containing {contains!r} was posted: {slack_sent(fake_api, channel)[before:]}")


def test_slack_question_and_buttons_then_a_click(servers, fake_api):
    user, channel = f"U{new_id()}", f"D{new_id()}"
    body = slack_event(user, channel, "help me understand my result")
    assert post(servers, "/webhooks/slack/webhook", body, slack_headers(body, "application/json")) == 200
    slack_wait(fake_api, channel, 0, FIRST_QUESTION)

    before = len(slack_sent(fake_api, channel))
    body = slack_event(user, channel, "My CT showed a few punctate calcifications")
    assert post(servers, "/webhooks/slack/webhook", body, slack_headers(body, "application/json")) == 200
    sent = slack_wait(fake_api, channel, before, HISTORY_QUESTION)
    question = next(m for m in sent if HISTORY_QUESTION in m["text"])
    assert question["blocks"][0]["type"] == "section" and question["blocks"][0]["text"]["type"] == "mrkdwn"
    assert all(len(b["text"]["text"]) <= 3000 for b in question["blocks"] if b["type"] == "section")
    actions = question["blocks"][-1]
    assert actions["type"] == "actions"
    assert [e["text"]["text"] for e in actions["elements"]] == HISTORY_TITLES
    assert [e["value"] for e in actions["elements"]] == HISTORY_PAYLOADS
    assert fake_api.find("/slack/api/chat.postMessage")[-1]["headers"]["Authorization"] == f"Bearer {SLACK_TOKEN}"

    before = len(slack_sent(fake_api, channel))
    body = slack_click(user, channel, actions["elements"][0]["value"])
    assert post(servers, "/webhooks/slack/webhook", body,
                slack_headers(body, "application/x-www-form-urlencoded")) == 200
    slack_wait(fake_api, channel, before, SYMPTOMS_QUESTION)


def test_slack_url_verification(servers):
    body = json.dumps({"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                       "type": "url_verification"}).encode()
    req = urllib.request.Request(servers.base + "/webhooks/slack/webhook", data=body, method="POST",
                                 headers=slack_headers(body, "application/json"))
    with urllib.request.urlopen(req, timeout=30) as answer:
        assert json.loads(answer.read()) == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_slack_refuses_forged_missing_or_stale_signatures(servers, fake_api):
    user, channel = f"U{new_id()}", f"D{new_id()}"
    body = slack_event(user, channel, "hello")
    forged = slack_headers(body, "application/json", secret="not-the-secret")
    missing = {"Content-Type": "application/json"}
    stale = slack_headers(body, "application/json", stamp=int(time.time()) - 301)
    tampered = slack_headers(body, "application/json")
    assert post(servers, "/webhooks/slack/webhook", body, forged) == 403
    assert post(servers, "/webhooks/slack/webhook", body, missing) == 401
    assert post(servers, "/webhooks/slack/webhook", body, stale) == 403
    assert post(servers, "/webhooks/slack/webhook", body.replace(b"hello", b"hullo"), tampered) == 403
    time.sleep(1.5)
    assert slack_sent(fake_api, channel) == []


# --------------------------------------------------------------------------
# Facebook Messenger
# --------------------------------------------------------------------------


def messenger_body(psid: str, text: Optional[str] = None, quick_reply: Optional[str] = None) -> bytes:
    message: Dict = {"mid": f"m_{new_id()}", "text": text}
    if quick_reply is not None:
        message["quick_reply"] = {"payload": quick_reply}
    return json.dumps({"object": "page", "entry": [{
        "id": "PAGE_ID", "time": int(time.time() * 1000),
        "messaging": [{"sender": {"id": psid}, "recipient": {"id": "PAGE_ID"},
                       "timestamp": int(time.time() * 1000), "message": message}],
    }]}).encode()


def messenger_post(servers, body: bytes, secret: Optional[str] = FACEBOOK_SECRET) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Hub-Signature-256"] = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return post(servers, "/webhooks/facebook/webhook", body, headers)


def messenger_sent(fake_api, psid: str) -> List[Dict]:
    return [c for c in fake_api.find("/facebook/v21.0/me/messages",
                                     lambda b: (b.get("recipient") or {}).get("id") == psid)]


def test_messenger_question_and_quick_replies(servers, fake_api):
    psid = str(new_id())
    assert messenger_post(servers, messenger_body(psid, "help me understand my result")) == 200
    assert FIRST_QUESTION in "\n".join(c["body"]["message"]["text"] for c in messenger_sent(fake_api, psid))

    before = len(messenger_sent(fake_api, psid))
    assert messenger_post(servers, messenger_body(psid, "My CT showed a few punctate calcifications")) == 200
    calls = messenger_sent(fake_api, psid)[before:]
    question = calls[-1]["body"]["message"]
    assert question["text"].startswith(HISTORY_QUESTION)
    replies = question["quick_replies"]
    assert [r["payload"] for r in replies] == HISTORY_PAYLOADS
    assert all(r["content_type"] == "text" and 0 < len(r["title"]) <= 20 for r in replies)
    assert replies[0]["title"] == "None of these"
    assert calls[-1]["body"]["messaging_type"] == "RESPONSE"
    assert calls[-1]["query"]["access_token"] == [FACEBOOK_PAGE_TOKEN]
    assert calls[-1]["query"]["appsecret_proof"] == [
        hmac.new(FACEBOOK_SECRET.encode(), FACEBOOK_PAGE_TOKEN.encode(), hashlib.sha256).hexdigest()]

    before = len(messenger_sent(fake_api, psid))
    assert messenger_post(servers, messenger_body(psid, "None of these", quick_reply=replies[0]["payload"])) == 200
    assert messenger_sent(fake_api, psid)[before:][-1]["body"]["message"]["text"].startswith(SYMPTOMS_QUESTION)


def test_messenger_subscription_check(servers):
    base = servers.base + "/webhooks/facebook/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
    with urllib.request.urlopen(base + FACEBOOK_VERIFY, timeout=30) as answer:
        assert answer.read() == b"1158201444"
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(base + "wrong", timeout=30)
    assert error.value.code == 403


def test_messenger_refuses_a_forged_or_missing_signature(servers, fake_api):
    psid = str(new_id())
    body = messenger_body(psid, "hello")
    assert messenger_post(servers, body, secret="not-the-secret") == 403
    assert messenger_post(servers, body, secret=None) == 401
    sha1 = {"Content-Type": "application/json",
            "X-Hub-Signature": "sha1=" + hmac.new(FACEBOOK_SECRET.encode(), body, hashlib.sha1).hexdigest()}
    assert post(servers, "/webhooks/facebook/webhook", body, sha1) == 401  # the old SHA-1 header alone is not enough
    time.sleep(0.5)
    assert messenger_sent(fake_api, psid) == []


# --------------------------------------------------------------------------
# WhatsApp via Twilio
# --------------------------------------------------------------------------


def twilio_form(sender: str, text: str) -> Dict[str, str]:
    return {"SmsMessageSid": "SM" + "a" * 32, "NumMedia": "0", "ProfileName": "Pat", "SmsSid": "SM" + "a" * 32,
            "WaId": sender.split("+")[-1], "SmsStatus": "received", "Body": text, "To": TWILIO_NUMBER,
            "NumSegments": "1", "ReferralNumMedia": "0", "MessageSid": "SM" + "a" * 32, "AccountSid": TWILIO_SID,
            "From": sender, "ApiVersion": "2010-04-01"}


def twilio_signature(url: str, form: Dict[str, str], token: str = TWILIO_AUTH) -> str:
    data = url + "".join(key + form[key] for key in sorted(form))
    return base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def twilio_post(servers, form: Dict[str, str], signature: Optional[str] = "sign", url: Optional[str] = None,
                headers: Optional[Dict[str, str]] = None) -> int:
    url = url or servers.base + "/webhooks/twilio/webhook"
    all_headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    if signature == "sign":
        signature = twilio_signature(url, form)
    if signature is not None:
        all_headers["X-Twilio-Signature"] = signature
    return post(servers, "/webhooks/twilio/webhook", urllib.parse.urlencode(form).encode(), all_headers)


def twilio_sent(fake_api, sender: str) -> List[Dict]:
    return [c for c in fake_api.find(f"/twilio/2010-04-01/Accounts/{TWILIO_SID}/Messages.json",
                                     lambda b: b.get("To") == sender)]


def twilio_say(servers, fake_api, sender: str, text: str, **kwargs) -> List[str]:
    before = len(twilio_sent(fake_api, sender))
    assert twilio_post(servers, twilio_form(sender, text), **kwargs) == 200
    return [c["body"]["Body"] for c in twilio_sent(fake_api, sender)[before:]]


def test_whatsapp_question_numbered_choices_and_a_numbered_reply(servers, fake_api):
    sender = f"whatsapp:+1555{new_id()}"
    bodies = twilio_say(servers, fake_api, sender, "help me understand my result")
    assert FIRST_QUESTION in "\n".join(bodies)

    bodies = twilio_say(servers, fake_api, sender, "My CT showed a few punctate calcifications")
    question = bodies[-1]
    assert HISTORY_QUESTION in question
    assert "\n".join(f"{n}. {title}" for n, title in enumerate(HISTORY_TITLES, 1)) in question
    assert "Reply 1, 2, 3 or 4" in question
    assert all(len(b) <= 1600 for b in bodies)
    call = twilio_sent(fake_api, sender)[-1]
    assert call["body"]["From"] == TWILIO_NUMBER
    assert call["headers"]["Authorization"] == "Basic " + base64.b64encode(
        f"{TWILIO_SID}:{TWILIO_AUTH}".encode()).decode()

    bodies = twilio_say(servers, fake_api, sender, "1")  # "None of these"
    assert SYMPTOMS_QUESTION in bodies[-1]
    events = servers.tracker(f"twilio:{sender}")["events"]
    assert [e for e in events if e["event"] == "user"][-1]["text"] == "/deny"


def test_whatsapp_result_is_one_message_with_numbered_details(servers, fake_api):
    """Issue 13 on WhatsApp: the result is one body ending in the seven
    numbered details; a number opens that detail, one body each."""
    sender = f"whatsapp:+1555{new_id()}"
    twilio_say(servers, fake_api, sender, "My CT showed a few punctate calcifications. I had tuberculosis years ago.")
    twilio_say(servers, fake_api, sender, "no symptoms")
    bodies = twilio_say(servers, fake_api, sender, "stable since 2018")
    result = bodies[-1]
    assert "1. Why?" in result and "7. Sources" in result and "Reply 1, 2, 3, 4, 5, 6 or 7" in result
    assert len(result) <= 1000
    bodies = twilio_say(servers, fake_api, sender, "7")
    assert len(bodies) == 1 and bodies[0].startswith("Sources (each once):") and "https://" in bodies[0]
    bodies = twilio_say(servers, fake_api, sender, "1")  # the Sources answer's own first choice: "Why?"
    assert len(bodies) == 1 and bodies[0].startswith("Why I suggest:")


def test_whatsapp_behind_a_proxy_signs_the_public_url(servers, fake_api):
    sender = f"whatsapp:+1555{new_id()}"
    public = "https://bot.example.org/webhooks/twilio/webhook"
    proxy = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "bot.example.org"}
    bodies = twilio_say(servers, fake_api, sender, "hello", url=public, headers=proxy)
    assert bodies
    # signed for the public URL but sent without the proxy's headers: the URL differs, refused
    assert twilio_post(servers, twilio_form(sender, "hello"), signature=twilio_signature(public, twilio_form(
        sender, "hello"))) == 403


def test_whatsapp_refuses_a_forged_or_missing_signature(servers, fake_api):
    sender = f"whatsapp:+1555{new_id()}"
    form = twilio_form(sender, "hello")
    url = servers.base + "/webhooks/twilio/webhook"
    assert twilio_post(servers, form, signature=twilio_signature(url, form, token="not-the-token")) == 403
    assert twilio_post(servers, form, signature=None) == 401
    tampered = {**form, "Body": "I am vomiting blood"}
    assert twilio_post(servers, tampered, signature=twilio_signature(url, form)) == 403
    time.sleep(0.5)
    assert twilio_sent(fake_api, sender) == []


# --------------------------------------------------------------------------
# make run's channel list (no server)
# --------------------------------------------------------------------------


# --------------------------------------------------------------------------
# Conversations belong to their owner: no channel reaches another's
# --------------------------------------------------------------------------


def rest(servers, body) -> tuple:
    req = urllib.request.Request(servers.base + "/webhooks/rest/webhook", data=json.dumps(body).encode(),
                                 method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as answer:
            return answer.status, json.loads(answer.read()), answer.headers.get("X-Session-Id")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), None


def test_platform_users_cannot_be_impersonated_over_rest_or_socketio(servers, fake_api):
    """A Telegram, Slack, Messenger and WhatsApp user each tell the assistant their history; then
    someone who knows their platform ids asks for the visit summary, and deletes "their" data, over
    REST and over socket.io: they read nothing of it, and the owners' conversations are untouched."""
    secret_history = "My CT showed a few punctate calcifications. I had liver cancer and I have jaundice."
    chat, user, slack_channel, psid = new_id(), f"U{new_id()}", f"D{new_id()}", str(new_id())
    phone = f"whatsapp:+1555{new_id()}"
    telegram_say(servers, fake_api, chat, secret_history)
    body = slack_event(user, slack_channel, secret_history)
    assert post(servers, "/webhooks/slack/webhook", body, slack_headers(body, "application/json")) == 200
    slack_wait(fake_api, slack_channel, 0, "")
    assert messenger_post(servers, messenger_body(psid, secret_history)) == 200
    twilio_say(servers, fake_api, phone, secret_history)
    owners = {f"telegram:{chat}": str(chat), f"slack:{user}": user, f"facebook:{psid}": psid,
              f"twilio:{phone}": phone}
    before = {}
    for conversation in owners:
        tracker = servers.tracker(conversation)
        texts = [e["text"] for e in tracker["events"] if e["event"] == "user"]
        assert texts == [secret_history], (conversation, texts)  # stored under the channel's scope
        assert tracker["slots"]["case_facts"], conversation
        before[conversation] = tracker["events"]

    for conversation, platform_id in owners.items():
        for claimed in (platform_id, conversation):
            status, answer, session = rest(servers, {"sender": claimed, "message": "summary for my doctor"})
            assert status == 200
            said = json.dumps(answer).lower()
            assert "cancer" not in said and "jaundice" not in said, (claimed, said)
            assert session and session != claimed and all(m["recipient_id"] == session for m in answer)
            status, answer, _ = rest(servers, {"sender": claimed, "message": "delete my data"})
            assert status == 200
            chat_socket = SocketChat(servers.base, session_id=claimed)
            try:
                assert chat_socket.confirmed != claimed  # a new, signed session, not the claimed id
                said = json.dumps(chat_socket.say("summary for my doctor")).lower()
                assert "cancer" not in said and "jaundice" not in said, (claimed, said)
                chat_socket.say("delete my data")
            finally:
                chat_socket.close()
        assert servers.tracker(conversation)["events"] == before[conversation], conversation


def test_the_http_api_can_still_write_to_a_platform_user(servers, fake_api):
    """An operator's `trigger_intent ... output_channel=latest` on `telegram:<chat>`: Rasa hands the
    scoped id to the Telegram output, which must send to the chat id itself."""
    chat = new_id()
    telegram_say(servers, fake_api, chat, "hello")
    before = len(telegram_sent(fake_api, chat))
    req = urllib.request.Request(
        f"{servers.base}/conversations/telegram:{chat}/trigger_intent?output_channel=latest&token={TOKEN}",
        data=json.dumps({"name": "greet"}).encode(), method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as answer:
        assert answer.status == 200
    assert len(telegram_sent(fake_api, chat)) > before


def test_rest_sender_missing_or_malformed_is_a_400(servers):
    for body in ({"message": "summary for my doctor"}, {"sender": None, "message": "hi"},
                 {"sender": "", "message": "hi"}, {"sender": ["424242"], "message": "hi"},
                 {"sender": "x" * 201, "message": "hi"}, {"sender": "a\u0000b", "message": "hi"}):
        status, answer, _ = rest(servers, body)
        assert status == 400, body
        assert "sender" in answer["error"]
    for conversation in ("default", "rest:default", "web:default", "socketio:default"):
        events = servers.get(f"/conversations/{conversation}/tracker?token={TOKEN}")["events"]
        assert not [e for e in events if e["event"] == "user"], conversation


def test_rest_session_ids_are_issued_and_kept(servers):
    status, first, session = rest(servers, {"sender": "new", "message": "what does punctate calcification mean?"})
    assert status == 200 and session and first[0]["recipient_id"] == session
    status, second, again = rest(servers, {"sender": session, "message": "hello"})
    assert again == session and second[0]["recipient_id"] == session
    conversation = "web:" + session.split(".")[0]
    texts = [e["text"] for e in servers.tracker(conversation)["events"] if e["event"] == "user"]
    assert texts == ["what does punctate calcification mean?", "hello"]
    forged = session.split(".")[0] + "." + "A" * 43
    status, _, other = rest(servers, {"sender": forged, "message": "hello"})
    assert status == 200 and other not in (session, forged)


def test_run_lists_the_channels_and_writes_only_configured_platforms():
    from server.endpoints import channel_credentials

    base = {"channels.rest.CheckedRestInput": None, "socketio": {"session_persistence": True}}
    env = {"TELEGRAM_TOKEN": "t", "TELEGRAM_BOT_NAME": "b", "TELEGRAM_SECRET_TOKEN": "s", "SLACK_TOKEN": "x"}
    credentials, line = channel_credentials(base, env)
    assert line.startswith("Channels: rest, socketio, telegram (on), slack (off: set SLACK_SIGNING_SECRET)")
    assert "facebook (off: set FACEBOOK_VERIFY, FACEBOOK_SECRET, FACEBOOK_PAGE_ACCESS_TOKEN)" in line
    assert "twilio (off: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER)" in line
    assert credentials["socketio"] == {"session_persistence": True}
    assert credentials["channels.telegram.TelegramInput"] == {
        "access_token": "${TELEGRAM_TOKEN}", "verify": "${TELEGRAM_BOT_NAME}",
                                                              "secret_token": "${TELEGRAM_SECRET_TOKEN}"}
    assert not any("slack" in key for key in credentials)


def test_twilio_signed_url():
    from channels.twilio import signed_url

    assert signed_url(None, "http", "127.0.0.1:5005", "/webhooks/twilio/webhook", "", {}) == \
        "http://127.0.0.1:5005/webhooks/twilio/webhook"
    assert signed_url(None, "http", "127.0.0.1:5005", "/webhooks/twilio/webhook", "a=1",
                      {"X-Forwarded-Proto": "https, http", "X-Forwarded-Host": "bot.example.org"}) == \
        "https://bot.example.org/webhooks/twilio/webhook?a=1"
    assert signed_url("https://x.example/webhooks/twilio/webhook", "http", "h", "/p", "",
                      {"X-Forwarded-Host": "evil"}) == "https://x.example/webhooks/twilio/webhook"


def test_slack_signature_rules():
    from channels.slack import signature_problem

    body, now = b'{"type":"event_callback"}', 1_700_000_000
    good = "v0=" + hmac.new(b"s3cret", f"v0:{now}:".encode() + body, hashlib.sha256).hexdigest()
    assert signature_problem("s3cret", str(now), body, good, now=now) is None
    assert signature_problem("s3cret", str(now), body, good, now=now + 300) is None
    assert signature_problem("s3cret", str(now), body, good, now=now + 301) == 403
    assert signature_problem("s3cret", str(now), body, good, now=now - 301) == 403
    assert signature_problem("other", str(now), body, good, now=now) == 403
    assert signature_problem("s3cret", str(now), body + b" ", good, now=now) == 403
    assert signature_problem("s3cret", "not-a-number", body, good, now=now) == 403
    assert signature_problem("s3cret", None, body, good, now=now) == 401
    assert signature_problem("s3cret", str(now), body, None, now=now) == 401


def test_messenger_signature_rules():
    from channels.facebook import messaging_events, signature_problem

    body = b'{"object":"page"}'
    good = "sha256=" + hmac.new(b"app", body, hashlib.sha256).hexdigest()
    assert signature_problem("app", body, good) is None
    assert signature_problem("app", body, good.replace("sha256=", "sha1=")) == 403
    assert signature_problem("app", body + b"x", good) == 403
    assert signature_problem("app", body, None) == 401 and signature_problem("app", body, "") == 401
    events = {"object": "page", "entry": [{"messaging": [
        {"sender": {"id": "1"}, "message": {"text": "hi"}},
        {"sender": {"id": "1"}, "message": {"text": "Cancer", "quick_reply": {"payload": "/p"}}},
        {"sender": {"id": "2"}, "postback": {"payload": "/start_assessment", "title": "Start"}},
        {"sender": {"id": "3"}, "message": {"text": "echo", "is_echo": True}},
        {"sender": {"id": "4"}, "delivery": {"mids": ["m"]}},
        {"sender": {"id": "5"}, "message": {"attachments": [{"type": "image"}]}},
    ]}]}
    assert messaging_events(events) == [("1", "hi"), ("1", "/p"), ("2", "/start_assessment")]
    assert messaging_events({"object": "instagram", "entry": []}) == [] and messaging_events([]) == []
