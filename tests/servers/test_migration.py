"""server/migrate_conversation_ids.py on real stores: SQLite, and PostgreSQL when it is installed.

Conversations stored the old way (under the client's id, for each channel) are renamed to
`<channel>:<id>`, whole, and can be read back through Rasa's own SQLTrackerStore under the new id;
a second run changes nothing; a dry run changes nothing; a conflict is left alone.
"""

import sqlite3

import pytest

from tests.support import cluster
from server.migrate_conversation_ids import main, migrate, open_store

OLD = {  # old id -> (channel of its first user message, user texts)
    "424242": ("telegram", ["my CT shows calcifications", "I had liver cancer"]),
    "whatsapp:+15551234567": ("twilio", ["hello"]),
    "U123": ("slack", ["hi"]),
    "2718281828": ("facebook", ["hi there"]),
    "3f2c9e0a9b8d4c7e": ("socketio", ["what is a granuloma?"]),
    "eval-7": ("rest", ["hi", "no"]),
    "cmdline-user": ("cmdline", ["hello"]),
}


def tracker(sender, channel, texts, extra_channel=None):
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    for text in texts:
        events += [UserUttered(text, {"name": "greet", "confidence": 1.0}, input_channel=channel),
                   BotUttered("ok"), ActionExecuted("action_listen")]
    if extra_channel:
        events.append(UserUttered("summary for my doctor", {"name": "greet", "confidence": 1.0},
                                  input_channel=extra_channel))
    return DialogueStateTracker.from_events(sender, events)


async def fill(store):
    for sender, (channel, texts) in OLD.items():
        await store.save(tracker(sender, channel, texts, extra_channel="rest" if sender == "424242" else None))
    await store.save(tracker("no-user-messages", None, []))  # made through the HTTP API
    await store.save(tracker("telegram:99", "telegram", ["already scoped"]))


def user_texts(t):
    return [e.text for e in t.events if getattr(e, "type_name", "") == "user"]


async def check_store(store):
    counts = migrate(store)
    assert counts["conversations"] == len(OLD) + 2
    assert counts["renamed"] == len(OLD) + 1 and counts["already_scoped"] == 1
    assert counts["mixed"] == 1  # 424242: a REST client wrote into the Telegram conversation
    assert counts["conflicts"] == 0
    for sender, (channel, texts) in OLD.items():
        scope = channel if channel != "cmdline" else "rest"
        moved = await store.retrieve(f"{scope}:{sender}")
        assert moved is not None, sender
        expected = texts + (["summary for my doctor"] if sender == "424242" else [])
        assert user_texts(moved) == expected
        old = await store.retrieve(sender)
        assert old is None or not old.events, f"{sender} still has events under the old id"
    assert (await store.retrieve("rest:no-user-messages")).events
    assert user_texts(await store.retrieve("telegram:99")) == ["already scoped"]
    again = migrate(store)
    assert again["renamed"] == 0 and again["already_scoped"] == len(OLD) + 2


def run(coroutine):
    import asyncio

    return asyncio.new_event_loop().run_until_complete(coroutine)


def test_migration_on_sqlite(tmp_path, capsys):
    db = tmp_path / "trackers.db"
    url = f"sqlite:///{db}"
    store = open_store(url)
    run(fill(store))
    assert main(["--url", url, "--dry-run"]) == 0
    assert "(dry run) conversations=9 renamed=8" in capsys.readouterr().out
    with sqlite3.connect(db) as conn:  # nothing changed
        assert conn.execute("SELECT COUNT(*) FROM events WHERE sender_id = '424242'").fetchone()[0] > 0
    run(check_store(store))
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("SELECT DISTINCT sender_id FROM events")}
    assert all(i.split(":", 1)[0] in ("rest", "socketio", "telegram", "slack", "facebook", "twilio") for i in ids), ids
    assert main(["--url", url]) == 0
    assert "renamed=0" in capsys.readouterr().out


def test_a_conflict_is_left_alone(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 't.db'}")
    run(store.save(tracker("555", "telegram", ["old scheme"])))
    run(store.save(tracker("telegram:555", "telegram", ["new scheme"])))
    counts = migrate(store)
    assert counts["conflicts"] == 1 and counts["renamed"] == 0
    assert user_texts(run(store.retrieve("telegram:555"))) == ["new scheme"]
    assert user_texts(run(store.retrieve("555"))) == ["old scheme"]


@pytest.mark.skipif(not cluster.pg_bin_dir(), reason="PostgreSQL is not installed (scripts/setup_system.sh)")
def test_migration_on_postgresql():
    import shutil
    import tempfile
    from pathlib import Path

    base = Path(tempfile.mkdtemp(prefix="migration-pg-"))
    base.chmod(0o755)  # PostgreSQL runs as its own user
    postgres = cluster.Postgres(base).start()
    try:
        store = open_store(postgres.url)
        run(fill(store))
        run(check_store(store))
        rows = postgres.query("SELECT DISTINCT sender_id FROM events")
        assert {r[0] for r in rows} >= {"telegram:424242", "twilio:whatsapp:+15551234567", "rest:eval-7"}
    finally:
        postgres.stop()
        shutil.rmtree(base, ignore_errors=True)
