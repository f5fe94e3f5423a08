"""channels.tracker_store.IncrementalSQLTrackerStore: the same conversations as Rasa's SQLTrackerStore,
with two stores ("replicas") on one database, deletions, unsaved changes and kill -9."""

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import deserialise_events

from channels import privacy
from channels.tracker_store import IncrementalSQLTrackerStore, rows_of
from measure.bench_store import turns_of

ROOT = Path(__file__).resolve().parents[2]
EVENTS = json.loads((ROOT / "tests" / "data" / "bench_conversation.json").read_text())["events"]
TURNS = turns_of(EVENTS)
DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def run(coroutine):
    return asyncio.run(coroutine)


def comparable(tracker):
    """A tracker's events as JSON (what Rasa stores and sends to the action server)."""
    return [] if tracker is None else [json.dumps(e.as_dict(), sort_keys=True) for e in tracker.events]


async def turn(store, sender, events):
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    for event in deserialise_events(events):
        tracker.update(event)
    await store.save(tracker)
    return tracker


def stores(tmp_path, n=2):
    db = str(tmp_path / "trackers.db")
    return [IncrementalSQLTrackerStore(DOMAIN, dialect="sqlite", db=db) for _ in range(n)], \
        SQLTrackerStore(DOMAIN, dialect="sqlite", db=db)


def test_sqlite_is_in_wal_mode_with_the_chosen_pragmas(tmp_path):
    (a, _), rasa = stores(tmp_path)
    with a.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_turns_alternating_between_two_stores_give_rasas_trackers_and_rows(tmp_path):
    (a, b), rasa = stores(tmp_path)
    reference_db = tmp_path / "reference.db"
    reference = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(reference_db))

    async def scenario():
        for n, events in enumerate(TURNS):
            store = (a, b)[n % 2]
            await turn(store, "alice", events)
            await turn(reference, "alice", events)
            for reader in (a, b):  # each replica reads what the other wrote, the cache notwithstanding
                mine = await reader.retrieve("alice")
                theirs = await rasa.retrieve("alice")
                expected = await reference.retrieve("alice")
                assert comparable(mine) == comparable(theirs) == comparable(expected)
                assert {k: s.value for k, s in mine.slots.items()} == \
                    {k: s.value for k, s in expected.slots.items()}
        ours = [(r["type_name"], r["data"]) for r in rows_of(a, "alice")]
        reference_rows = [(r["type_name"], r["data"]) for r in rows_of(reference, "alice")]
        assert ours == reference_rows  # the same rows, in the same order, none twice

    run(scenario())


def test_a_deleted_conversation_is_not_served_from_the_cache_of_either_store(tmp_path):
    (a, b), _ = stores(tmp_path)

    async def scenario():
        for events in TURNS[:2]:
            await turn(a, "bob", events)
        assert await b.retrieve("bob") is not None  # b has it cached too
        assert privacy._delete_from(a, "bob") > 0
        assert await a.retrieve("bob") is None
        assert await b.retrieve("bob") is None
        # written again from scratch (on b): only the new conversation, on both
        await turn(b, "bob", TURNS[0])
        for store in (a, b):
            tracker = await store.retrieve("bob")
            assert len([e for e in tracker.events if e.type_name == "user"]) == 1

    run(scenario())


def test_a_tracker_changed_but_not_saved_is_read_again_from_the_database(tmp_path):
    (a, _), rasa = stores(tmp_path)

    async def scenario():
        await turn(a, "carol", TURNS[0])
        tracker = await a.retrieve("carol")
        for event in deserialise_events(TURNS[1]):
            tracker.update(event)  # a turn that failed before its save
        again = await a.retrieve("carol")
        assert comparable(again) == comparable(await rasa.retrieve("carol"))
        assert len(again.events) < len(tracker.events)

    run(scenario())


def test_a_write_from_elsewhere_between_read_and_save_loses_nothing(tmp_path):
    (a, b), rasa = stores(tmp_path)

    async def scenario():
        await turn(a, "dave", TURNS[0])
        stale = await a.retrieve("dave")
        await turn(b, "dave", TURNS[1])  # another replica (no lock held in this test) writes meanwhile
        for event in deserialise_events(TURNS[2]):
            stale.update(event)
        await a.save(stale)  # falls back to Rasa's count-and-insert: nothing of b's turn is lost
        types = [r["type_name"] for r in rows_of(a, "dave")]
        assert types.count("user") >= 3

    run(scenario())


def test_kill_9_loses_no_acknowledged_turn(tmp_path):
    """A writer saves turns and prints each one once `save` returned; SIGKILL mid-way; every acknowledged
    turn is in the database, whole."""
    db = tmp_path / "trackers.db"
    script = textwrap.dedent(f"""
        import asyncio, json, sys
        sys.path.insert(0, {str(ROOT)!r})
        from rasa.shared.core.domain import Domain
        from rasa.shared.core.events import deserialise_events
        from channels.tracker_store import IncrementalSQLTrackerStore
        from measure.bench_store import turns_of
        events = json.load(open({str(ROOT / "tests" / "data" / "bench_conversation.json")!r}))["events"]
        turns = turns_of(events)
        store = IncrementalSQLTrackerStore(Domain.load({str(ROOT / "domain.yml")!r}), dialect="sqlite", db={str(db)!r})
        async def main():
            n = 0
            while True:
                sender = f"user-{{n}}"
                for events in turns:
                    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
                    for event in deserialise_events(events):
                        tracker.update(event)
                    await store.save(tracker)
                    print(sender, len(tracker.events), flush=True)
                n += 1
        asyncio.run(main())
    """)
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    acknowledged = {}
    for line in process.stdout:
        sender, count = line.split()
        acknowledged[sender] = int(count)
        if len(acknowledged) >= 8:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(db)
    try:
        for sender, count in acknowledged.items():
            stored = connection.execute("SELECT count(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]
            assert stored >= count, (sender, stored, count)
    finally:
        connection.close()
