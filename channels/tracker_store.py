"""An SQL tracker store that reads and writes only what changed (SQLite or PostgreSQL).

Rasa 3.6's `SQLTrackerStore`, on every turn:
- `retrieve`: selects every row of the conversation's latest session (with a
  sub-query for the session start), JSON-decodes each and replays them all into
  a new `DialogueStateTracker`;
- `save`: counts those rows again (same sub-query) to find the new events,
  inserts them one ORM object at a time, commits;
- on SQLite, opens the database file anew for each of these (SQLAlchemy 1.4
  gives file databases a `NullPool`), in the default rollback journal with
  `synchronous=FULL`.
The profile of `make bench` put that at about a third of a turn, growing with
the length of the conversation. `measure/bench_store.py` (the store alone, a
recorded 4-turn assessment replayed for 100 conversations at once): p50 13.6 ms
per turn for Rasa's store, 1.4 ms for this one (results/bench.md, "Changes one
by one", has each step: pooled WAL connection alone, then the incremental store).

`IncrementalSQLTrackerStore` keeps Rasa's table, rows and load semantics, and
stays correct with the lock store and several replicas on one database:
- it keeps the trackers it loaded or saved in an LRU cache (`cache_size`
  conversations, default 2000), each with the conversation's row count and
  the id and timestamp of its last row, as this store last saw them;
- `retrieve` runs one indexed statement: the rows from that last id on, and
  the conversation's row count. The known last row still there, no other new
  row, and nothing after it: the cached tracker is the stored conversation,
  returned as is. Rows after it (another replica's turn): only those are
  decoded and applied. Anything else (the conversation deleted by "delete my
  data", rows that are not after the known last one, a new session among the
  new rows, a cached tracker changed by a turn that was never saved): Rasa's
  full load of the latest session (the same SQL), in one statement with the
  last id and row count;
- `save` inserts the tracker's events after those it knows are stored, in one
  INSERT, and reads the last row and row count in the same transaction. They
  add up (nobody else wrote): the tracker is cached. They do not (a turn of
  the same conversation ran outside the lock store's lock): both turns stay
  stored, the cache entry is dropped, a warning is logged; Rasa's own
  count-and-insert would have dropped part of one of them. A tracker this
  store did not read (built by the HTTP API) goes through Rasa's `save`. A
  turn that starts a new session caches the tracker Rasa's next load would
  build (the events from the session start on), from the same events;
- events are published to an event broker, if one is configured, as Rasa's
  `save` does (the new events only);
- on SQLite: a pooled connection (`QueuePool`) instead of one open per query,
  with the pragmas below set on each new connection.

Durability is Rasa's: `save` returns (and the REST answer is sent) only after
the transaction committed; the cache only saves reads, it is never the only
copy of anything (tests/test_tracker_store.py kills a writer with SIGKILL;
tests/integration/test_store_burst.py kills a replica during a burst).

SQLite pragmas, chosen by measurement (measure/bench_store.py, same run,
alternating rounds; p50 per turn against Rasa's store): the pooled connection
alone 0.83x; with `journal_mode=WAL` 0.73x (a commit appends to the
write-ahead log instead of rewriting the rollback journal and the database,
and readers in other processes do not block the writer); the incremental store
on WAL with `synchronous=FULL` 0.16x, with `synchronous=NORMAL` 0.10x. NORMAL
is the default: in WAL mode a committed turn survives a crash or `kill -9` of
the process (the WAL is written before `save` returns), and only a power loss
or OS crash can lose the last commits, never corrupt the database. Where that
matters, `SQLITE_SYNCHRONOUS=FULL` (or `sqlite_synchronous: FULL` in the
endpoints) makes every commit wait for the disk. Also `busy_timeout` 5000 ms
(several processes on one file wait instead of failing), `temp_store=MEMORY`
and a 16 MB page cache.

Selected by server/launcher.py (`tracker_store: type:
channels.tracker_store.IncrementalSQLTrackerStore`, the same settings as
`type: SQL`). channels/privacy.py deletes through it (`forget` drops the cache
entry at once; other replicas find the last row gone).
"""

import collections
import json
import logging
from typing import Any, Dict, Iterable, List, Optional, Text, Tuple

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from assistant import config

logger = logging.getLogger(__name__)

DEFAULT_CACHE_SIZE = 2000
SQLITE_PRAGMAS = {"journal_mode": "WAL", "synchronous": "NORMAL", "busy_timeout": "5000",
                  "temp_store": "MEMORY", "cache_size": "-16000"}
# The statements of the hot path (Rasa's table `events`), plain SQL for SQLite and PostgreSQL.
_COUNT = "(SELECT count(*) FROM events WHERE sender_id = :s)"
TAIL = sa.text(f"SELECT id, timestamp, {_COUNT} FROM events WHERE sender_id = :s ORDER BY id DESC LIMIT 1")
NEWER = sa.text(f"SELECT id, timestamp, type_name, data, {_COUNT} FROM events "
                "WHERE sender_id = :s AND id >= :last ORDER BY id")
_SESSION_START = "(SELECT max(timestamp) FROM events WHERE sender_id = :s AND type_name = 'session_started')"
LOAD = sa.text(f"SELECT id, timestamp, type_name, data, (SELECT max(id) FROM events WHERE sender_id = :s), "
               f"{_COUNT} FROM events WHERE sender_id = :s "
               f"AND (timestamp >= {_SESSION_START} OR {_SESSION_START} IS NULL) ORDER BY id")
# Marks a tracker whose first `persisted` events are stored, the last one as row (`last_id`, `last_ts`).
STATE = "_incremental_store_state"


class _State(collections.namedtuple("_State", "persisted rows last_id last_ts")):
    """A tracker whose first `persisted` events are stored; the conversation had `rows` rows in all, the last
    one (`last_id`, `last_ts`)."""


def sqlite_pragmas(overrides: Optional[Dict[str, Any]] = None) -> Dict[str, str]:
    pragmas = dict(SQLITE_PRAGMAS)
    synchronous = config.text("SQLITE_SYNCHRONOUS")
    if synchronous:
        pragmas["synchronous"] = synchronous
    for key, value in (overrides or {}).items():
        if value is None:
            pragmas.pop(key, None)
        else:
            pragmas[key] = str(value)
    for key, value in pragmas.items():
        if not key.replace("_", "").isalnum() or not str(value).lstrip("-").replace("_", "").isalnum():
            raise ValueError(f"unexpected SQLite pragma {key}={value}")
    return pragmas


class IncrementalSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` that loads and stores only the events that changed (see the module docstring)."""

    def __init__(self, domain: Any = None, dialect: Text = "sqlite", host: Optional[Text] = None,
                 port: Optional[int] = None, db: Text = "rasa.db", username: Optional[Text] = None,
                 password: Optional[Text] = None, event_broker: Any = None, login_db: Optional[Text] = None,
                 query: Optional[Dict] = None, cache_size: int = DEFAULT_CACHE_SIZE,
                 sqlite_pragmas: Optional[Dict[str, Any]] = None, sqlite_synchronous: Optional[str] = None,
                 **kwargs: Any) -> None:
        super().__init__(domain, dialect, host, port, db, username, password, event_broker, login_db, query,
                         **kwargs)
        self.cache_size = int(cache_size)
        self._cache: "collections.OrderedDict[str, DialogueStateTracker]" = collections.OrderedDict()
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            overrides = dict(sqlite_pragmas or {})
            if sqlite_synchronous:
                overrides["synchronous"] = sqlite_synchronous
            self.pragmas = globals()["sqlite_pragmas"](overrides)
            self._pooled_sqlite_engine()
        else:
            self.pragmas = {}
            if self.engine.dialect.name != "sqlite":  # an in-memory SQLite engine made anew would be empty
                self._pre_pinged_engine()

    # ------------------------------------------------------------------ engine

    def _pooled_sqlite_engine(self) -> None:
        """The same database through a connection pool, each connection with the pragmas."""
        url = self.engine.url
        self.engine.dispose()
        engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=4, max_overflow=4,
                                  connect_args={"check_same_thread": False}, pool_pre_ping=True)
        pragmas = self.pragmas

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            try:
                for key, value in pragmas.items():
                    cursor.execute(f"PRAGMA {key}={value}")
            finally:
                cursor.close()

        self.engine = engine
        self.sessionmaker = sa.orm.session.sessionmaker(bind=engine)

    def _pre_pinged_engine(self) -> None:
        """Rasa's engine again, with `pool_pre_ping`: without it the first turn after a database restart
        used a dead pooled connection, failed, and Rasa's fail-safe store answered it from an empty
        in-memory tracker (the conversation's context lost for that turn)."""
        from rasa.core.tracker_store import create_engine_kwargs

        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    # ------------------------------------------------------------------ cache

    def _remember(self, tracker: DialogueStateTracker, state: _State) -> None:
        setattr(tracker, STATE, state)
        self._cache[tracker.sender_id] = tracker
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def forget(self, sender_id: Text) -> None:
        """Drop the cached tracker of `sender_id` (after deleting its rows)."""
        self._cache.pop(sender_id, None)

    # ------------------------------------------------------------------ reads

    def _tail(self, connection: Any, sender_id: Text) -> Optional[Tuple[int, float, int]]:
        """(id, timestamp) of the conversation's last row and its number of rows; None: no row."""
        row = connection.execute(TAIL, {"s": sender_id}).first()
        return (int(row[0]), row[1], int(row[2])) if row else None

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The latest session of `sender_id`, from the cache when the database holds nothing newer."""
        cached = self._cache.get(sender_id)
        state: Optional[_State] = getattr(cached, STATE, None) if cached is not None else None
        if cached is not None and (state is None or state.last_id is None or len(cached.events) != state.persisted):
            # changed by a turn that did not save it (an error): the stored conversation is the truth
            self.forget(sender_id)
            cached = state = None
        if cached is None:
            return await self._load(sender_id)
        with self.engine.connect() as connection:
            rows = connection.execute(NEWER, {"s": sender_id, "last": state.last_id}).all()
        if not rows or rows[0][0] != state.last_id or not _same_time(rows[0][1], state.last_ts) or \
                rows[0][4] != state.rows + len(rows) - 1:
            # deleted (and perhaps written again), or rows that are not after the last one known: read it all
            self.forget(sender_id)
            return await self._load(sender_id)
        new = rows[1:]
        if not new:
            self._cache.move_to_end(sender_id)
            return cached
        if any(row[2] == SessionStarted.type_name for row in new):
            self.forget(sender_id)  # a new session: Rasa's load keeps only that session
            return await self._load(sender_id)
        for event in deserialise_events([json.loads(row[3]) for row in new]):
            cached.update(event)
        self._remember(cached, _State(len(cached.events), rows[0][4], int(new[-1][0]), new[-1][1]))
        return cached

    async def _load(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """Rasa's full load of the latest session (the same query as `SQLTrackerStore._event_query`), with the
        conversation's last row id and row count read in the same statement."""
        with self.engine.connect() as connection:
            rows = connection.execute(LOAD, {"s": sender_id}).all()
        if not rows or not self.domain:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, [json.loads(row[3]) for row in rows], self.domain.slots)
        last = rows[-1]
        if last[4] == last[0] and len(tracker.events) == len(rows):
            self._remember(tracker, _State(len(tracker.events), int(last[5]), int(last[0]), last[1]))
        return tracker

    # ------------------------------------------------------------------ writes

    def _row(self, sender_id: Text, event: Event) -> Dict[str, Any]:
        data = event.as_dict()
        return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                "action_name": data.get("name"), "data": json.dumps(data)}

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Insert the tracker's events after those it knows are stored (Rasa's save for a tracker it does not
        know); the cache keeps the tracker only when the conversation holds exactly its rows and these."""
        state: Optional[_State] = getattr(tracker, STATE, None)
        events = list(tracker.events)
        if state is not None and state.persisted > len(events):
            state = None
        if not events and state is None:
            return  # Rasa's `create_tracker` saves the new, empty tracker: nothing to store
        if state is not None and len(events) == state.persisted:
            return
        with self.engine.connect() as connection:
            if state is None:
                if self._tail(connection, tracker.sender_id) is not None:
                    state = False
                else:
                    state = _State(0, 0, None, None)  # a new conversation (Rasa's wrappers make its tracker)
            if state is not False:
                new = events[state.persisted:]
                rows = [self._row(tracker.sender_id, event) for event in new]
                with connection.begin():
                    connection.execute(sa.insert(self.SQLEvent.__table__), rows)
                    tail = self._tail(connection, tracker.sender_id)
        if state is False:
            # a tracker this store did not read (e.g. built by the HTTP API): Rasa's count-and-insert
            self.forget(tracker.sender_id)
            await super().save(tracker)
            return
        await self._publish(tracker.sender_id, new)
        if tail is None or tail[2] != state.rows + len(rows):
            # Another writer too (a turn of this conversation outside the lock): both turns are stored, and
            # the next read loads the conversation.
            logger.warning("tracker store: a conversation was written by two turns at once")
            self.forget(tracker.sender_id)
            setattr(tracker, STATE, None)
            return
        stored = _State(len(events), tail[2], tail[0], tail[1])
        starts = [event.timestamp for event in new if isinstance(event, SessionStarted)]
        if starts:
            # A new session: Rasa's next load would read the rows from its start on (by timestamp); the
            # cache holds that tracker, built from the same events without reading them back.
            setattr(tracker, STATE, stored)
            session = [event for event in events if event.timestamp is not None and event.timestamp >= max(starts)]
            fresh = DialogueStateTracker.from_events(tracker.sender_id, session, self.domain.slots)
            self._remember(fresh, _State(len(fresh.events), tail[2], tail[0], tail[1]))
        else:
            self._remember(tracker, stored)

    async def _publish(self, sender_id: Text, new: Iterable[Event]) -> None:
        if self.event_broker is not None:
            await self._stream_new_events(self.event_broker, list(new), sender_id)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Rasa's, for its own `save` (trackers this store does not know)."""
        if self.event_broker is None:
            return
        self.forget(tracker.sender_id)
        await super().stream_events(tracker)

    async def delete(self, sender_id: Text) -> int:
        """Delete every stored event of `sender_id`; the number of rows."""
        self.forget(sender_id)
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id) \
                .delete(synchronize_session=False)
            session.commit()
        self.forget(sender_id)
        return int(deleted or 0)


def _same_time(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) < 1e-6


def rows_of(store: Any, sender_id: Text) -> List[Dict[str, Any]]:
    """Every stored row of `sender_id` (tests)."""
    with store.session_scope() as session:
        return [dict(r._mapping) for r in session.execute(
            sa.select(store.SQLEvent.__table__).where(store.SQLEvent.sender_id == sender_id)
            .order_by(store.SQLEvent.id))]
