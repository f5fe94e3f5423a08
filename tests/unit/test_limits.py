"""The message guard every channel uses (channels/limits.py) and "delete my data" (channels/privacy.py).

Unit level: fake output channels and handlers, Rasa's real tracker and lock
stores (SQLite in a temp dir, in-memory). The same behaviour end to end over
the real servers is in tests/test_hardening.py.
"""

import asyncio
import logging

import pytest

from channels import limits, privacy
from channels.limits import MessageGuard, RateLimiter


class FakeOutput:
    """An output channel that records what it sends (as Rasa's CollectingOutputChannel)."""

    def __init__(self):
        self.sent = []

    async def send_response(self, recipient_id, message):
        self.sent.append(message)

    async def send_text_message(self, recipient_id, text, **kwargs):
        self.sent.append({"text": text})

    def texts(self):
        return [m.get("text") for m in self.sent]


class Message:
    def __init__(self, text, sender="s1", out=None):
        self.text, self.sender_id, self.output_channel = text, sender, out or FakeOutput()


def run(coroutine):
    return asyncio.run(coroutine)


def make_guard(handler=None, **env):
    processed = []

    async def on_new_message(message):
        processed.append(message.text)
        if handler:
            await handler(message)

    environ = {"RATE_LIMIT_PER_MINUTE": "3", "MAX_MESSAGE_CHARS": "50", **env}
    limits._limiters.clear()  # the counts are per process, shared by every channel: start each test afresh
    return MessageGuard(on_new_message, "test", environ), processed


def test_rate_limiter_sliding_window():
    now = [0.0]
    limiter = RateLimiter(2, window=60, clock=lambda: now[0])
    assert limiter.allow("a") and limiter.allow("a")
    assert not limiter.allow("a")
    assert limiter.allow("b")  # per sender
    now[0] = 59.9
    assert not limiter.allow("a")
    now[0] = 60.0
    assert limiter.allow("a")


def test_rate_limiter_off_and_bounded_memory():
    assert all(RateLimiter(0).allow("a") for _ in range(1000))
    limiter = RateLimiter(5, max_keys=10)
    for i in range(100):
        limiter.allow(f"sender-{i}")
    assert len(limiter._hits) == 10


def test_too_long_is_answered_and_not_processed():
    guard, processed = make_guard()
    message = Message("x" * 51)
    run(guard(message))
    assert processed == []
    assert message.output_channel.texts() == [
        "That message is too long for me (over 50 characters). Please send the part of the report about the liver."]
    run(guard(Message("x" * 50)))
    assert processed == ["x" * 50]


def test_default_limits_and_messages():
    guard = MessageGuard(lambda m: None, "test", {})
    assert guard.max_chars == 5000 and guard.limiter.limit == 30
    assert limits.TOO_LONG.format(limit=5000) == ("That message is too long for me (over 5000 characters). "
                                                  "Please send the part of the report about the liver.")
    assert limits.TOO_FAST == "You're sending messages very fast; please wait a moment."


@pytest.mark.parametrize("value", ["abc", "-1", "1.5"])
def test_bad_limit_settings_stop_the_start(value):
    with pytest.raises(SystemExit):
        limits.rate_limit_per_minute({"RATE_LIMIT_PER_MINUTE": value})


def test_rate_limit_per_sender_answers_and_skips():
    guard, processed = make_guard()
    outs = [Message(f"m{i}") for i in range(5)]
    for message in outs:
        run(guard(message))
    assert processed == ["m0", "m1", "m2"]
    assert outs[3].output_channel.texts() == [limits.TOO_FAST]
    run(guard(Message("other", sender="s2")))
    assert processed[-1] == "other"


def test_a_failure_is_answered_and_logged_without_the_text(caplog):
    async def boom(message):
        raise ValueError(message.text)

    guard, _ = make_guard(boom)
    message = Message("zebra-canary secret text")
    with caplog.at_level(logging.INFO):
        run(guard(message))
    assert message.output_channel.texts() == [limits.SORRY]
    assert "ValueError" in caplog.text and "zebra-canary" not in caplog.text


def test_refusals_are_logged_without_text_or_sender(caplog):
    guard, _ = make_guard()
    with caplog.at_level(logging.INFO):
        run(guard(Message("y" * 60, sender="+15551234567")))
    assert "yyyy" not in caplog.text and "5551234567" not in caplog.text
    assert limits.sender_tag("test:+15551234567") in caplog.text  # the conversation id, scoped


def test_watch_responses_sees_the_response_names_of_this_turn():
    out = FakeOutput()

    async def turn():
        seen = privacy.watch_responses(out)
        await out.send_response("s", {"text": "a", "utter_action": "utter_greet"})
        await out.send_response("s", {"text": "b"})
        return seen

    assert run(turn()) == {"utter_greet", None}
    assert run(turn()) == {"utter_greet", None}  # a fresh set per turn, the wrapper installed once
    assert len(out.sent) == 4


# ------------------------------------------------------------------ deletion against Rasa's real stores

def _tracker(sender, texts):
    from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker(sender, [])
    for text in texts:
        tracker.update(UserUttered(text, {"name": "inform", "confidence": 1.0}))
        tracker.update(BotUttered("ok"))
        tracker.update(ActionExecuted("action_listen"))
    return tracker


class FakeAgent:
    def __init__(self, store):
        from rasa.core.lock_store import InMemoryLockStore
        from rasa.core.tracker_store import AwaitableTrackerStore, FailSafeTrackerStore

        self.tracker_store = AwaitableTrackerStore(FailSafeTrackerStore(store))
        self.lock_store = InMemoryLockStore()


@pytest.fixture(params=["sqlite", "memory"])
def store(request, tmp_path):
    from rasa.core.tracker_store import InMemoryTrackerStore, SQLTrackerStore
    from rasa.shared.core.domain import Domain

    if request.param == "sqlite":
        return SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "trackers.db"))
    return InMemoryTrackerStore(Domain.empty())


def test_delete_conversation_removes_only_that_sender(store):
    agent = FakeAgent(store)

    async def scenario():
        await agent.tracker_store.save(_tracker("alice", ["my CT shows zebra-canary-1", "I had TB"]))
        await agent.tracker_store.save(_tracker("bob", ["hello"]))
        count = await privacy.delete_conversation(agent, "alice")
        return count, await agent.tracker_store.retrieve("alice"), await agent.tracker_store.retrieve("bob")

    count, alice, bob = run(scenario())
    assert count >= 1
    assert alice is None or not [e for e in alice.events if e.type_name == "user"]
    assert [e.text for e in bob.events if e.type_name == "user"] == ["hello"]


def test_delete_and_confirm_tells_the_user(store, monkeypatch):
    agent = FakeAgent(store)
    monkeypatch.setattr(privacy, "current_agent", lambda: agent)
    message = Message("delete my data", sender="alice")

    async def scenario():
        await agent.tracker_store.save(_tracker("alice", ["zebra-canary-2"]))
        ok = await privacy.delete_and_confirm(message)
        return ok, await agent.tracker_store.retrieve("alice")

    ok, after = run(scenario())
    assert ok and message.output_channel.texts() == [privacy.DONE]
    assert after is None or not [e for e in after.events if e.type_name == "user"]


def test_delete_failure_is_told_not_hidden(monkeypatch):
    monkeypatch.setattr(privacy, "current_agent", lambda: None)
    message = Message("delete my data")
    assert run(privacy.delete_and_confirm(message)) is False
    assert message.output_channel.texts() == [privacy.FAILED]


def test_guard_deletes_after_a_turn_that_sent_the_delete_response(monkeypatch):
    deleted = []

    async def fake_delete(message):
        deleted.append(message.sender_id)
        await message.output_channel.send_text_message(message.sender_id, privacy.DONE)
        return True

    monkeypatch.setattr(privacy, "delete_and_confirm", fake_delete)

    async def dialogue(message):
        name = privacy.DELETE_RESPONSE if message.text == "delete my data" else "utter_greet"
        await message.output_channel.send_response(message.sender_id, {"text": "...", "utter_action": name})

    guard, _ = make_guard(dialogue)
    run(guard(Message("hello", sender="a")))
    assert deleted == []
    message = Message("delete my data", sender="a")
    run(guard(message))
    assert deleted == ["test:a"] and message.output_channel.texts()[-1] == privacy.DONE


def test_the_guard_scopes_the_conversation_and_maps_the_recipient_back():
    seen = []

    async def dialogue(message):
        seen.append(message.sender_id)
        await message.output_channel.send_text_message(message.sender_id, "hi")

    guard, _ = make_guard(dialogue)
    from rasa.core.channels.channel import CollectingOutputChannel

    message = Message("hello", sender="424242", out=CollectingOutputChannel())
    message.client_id = "the-token"
    run(guard(message))
    assert seen == ["test:424242"]
    assert message.output_channel.messages[-1]["recipient_id"] == "the-token"
    web = Message("hello", sender="abc", out=CollectingOutputChannel())
    web.scope = "web"
    run(guard(web))
    assert seen[-1] == "web:abc" and web.output_channel.messages[-1]["recipient_id"] == "abc"


def test_one_rate_count_per_conversation_for_every_channel():
    limits._limiters.clear()
    environ = {"RATE_LIMIT_PER_MINUTE": "2", "MAX_MESSAGE_CHARS": "50"}
    processed = []

    async def on_new_message(message):
        processed.append(message.sender_id)

    rest, socketio = MessageGuard(on_new_message, "rest", environ), MessageGuard(on_new_message, "socketio", environ)
    for guard in (rest, socketio, rest):
        message = Message("hi", sender="s1")
        message.scope = "web"
        run(guard(message))
    assert processed == ["web:s1", "web:s1"]  # the third, on either channel, is over the limit


@pytest.mark.parametrize("sender, ok", [
    ("abc", True), (12345, True), ("x" * 200, True), ("whatsapp:+15551234567", True), ("é-ü-汉", True),
    ("", False), ("   ", False), (True, False), (None, False), ([], False), ({}, False), (1.5, False),
    ("x" * 201, False), ("a\x00b", False), ("a\nb", False), ("\ud800", False), ("a\u202eb", True),
])
def test_rest_sender_check(sender, ok):
    from channels.rest import valid_sender

    assert (valid_sender(sender) is not None) is ok
