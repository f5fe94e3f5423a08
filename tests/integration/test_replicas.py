"""Two Rasa replicas behind nginx, on PostgreSQL and Redis: nothing is lost, whatever happens.

Started here, on 127.0.0.1 and free ports, from Debian's packages
(scripts/setup_system.sh installs them; tests/support/cluster.py runs them with
their own data directories under a temp dir, as their own users when root):

    nginx ── round robin (REST, HTTP API) ──┬─ replica A: server/launcher.py (Rasa + its action server)
          └─ ip_hash sticky (/socket.io/) ──┴─ replica B: server/launcher.py (Rasa + its action server)
    both: the same model, TRACKER_STORE_URL=postgresql://..., LOCK_STORE_URL=redis://...

The tests run in order, as phases of one story:
1. every conversation twice: turns alternating A, B, A, B directly, and through
   nginx with 4 users at once; both give the expected results, and A and B
   return the same tracker;
2. two messages of one conversation at the same moment, one on each replica,
   ten times: the Redis lock serializes them, no event is lost or interleaved;
3. socket.io through nginx on HTTP long-polling (works only if sticky), the
   same conversation continued over REST, then a new socket with the same
   session id (a page reload) picks it up;
4. PostgreSQL and Redis restarted under the running replicas: the next turns
   work and nothing is lost (server/rasa_patches.py);
5. `kill -9` of the replica that holds the socket.io session, mid-assessment:
   the REST conversation and the socket.io user go on on the other one;
6. restart of everything (both replicas with their action servers,
   PostgreSQL, Redis, nginx): every tracker is as it was, the assessments
   in progress are finished;
7. "delete my data": the PostgreSQL rows are gone.
At the end every conversation has exactly as many user turns stored as were
sent (turns lost: 0), every process is alive, and the figures are written to
results/replicas.md.
"""

import json
import os
import shutil
import signal
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from channels import privacy
from tests.support import cluster
from tests.support.cluster import Nginx, Postgres, Redis, SocketChat, free_port, missing_programs, texts
from tests.support.servers import TOKEN, Servers, signed
from tests.support.known_conversations import KNOWN_CONVERSATIONS

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"

REQUIRED = os.environ.get("REQUIRE_INTEGRATION") == "1"  # CI: fail rather than skip
MISSING = missing_programs()
pytestmark = [
    pytest.mark.skipif(not MODEL.exists(), reason="needs `make train`"),
    pytest.mark.skipif(bool(MISSING) and not REQUIRED,
                       reason=f"needs {', '.join(MISSING)}: run scripts/setup_system.sh as root"),
]

# Conversations with a known outcome (the same as tests/test_e2e.py on one server) ...
KNOWN = KNOWN_CONVERSATIONS[:5]
# ... and the vignette suite (whatever its outcome: the replicas must agree on it).
VIGNETTES = json.loads((ROOT / "tests" / "vignettes" / "vignettes.json").read_text()) \
    if (ROOT / "tests" / "vignettes" / "vignettes.json").exists() else []

STATE: Dict = {"ledger": Counter(), "deleted": set(), "served": Counter(), "phases": {}, "conversations": set()}
LOCK = threading.Lock()


# ------------------------------------------------------------------ the cluster

class Cluster:
    def __init__(self, base: Path):
        self.base = base
        self.pg = self.redis = self.nginx = None
        self.replicas: List[Servers] = []
        try:
            self.pg = Postgres(base)
            self.pg.start()
            self.redis = Redis(base).start()
            env = {"TRACKER_STORE_URL": self.pg.url, "LOCK_STORE_URL": self.redis.url,
                   "RATE_LIMIT_PER_MINUTE": "200",
                   # every test client is 127.0.0.1 behind nginx: the per-address limit would count them as one
                   "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}
            self.replicas = [Servers(free_port(), free_port(), free_port(), env) for _ in range(2)]
            self.start_replicas()
            self.nginx = Nginx(base, [r.rasa_port for r in self.replicas]).start()
        except BaseException:
            self.stop_all()  # leave nothing running behind a failed start
            raise

    def start_replicas(self, which=None) -> None:
        targets = [r for r in self.replicas if which is None or r in which]
        with ThreadPoolExecutor(len(targets)) as pool:
            list(pool.map(lambda r: r.start(timeout=300), targets))

    def stop_all(self) -> None:
        for stop in [r.stop for r in self.replicas] + [s.stop for s in (self.nginx, self.redis, self.pg) if s]:
            try:
                stop()
            except Exception as error:  # stop the others anyway
                print(f"stopping failed: {error!r}")

    def replica_at(self, upstream: str) -> Servers:
        port = int(upstream.rsplit(":", 1)[1])
        return next(r for r in self.replicas if r.rasa_port == port)


@pytest.fixture(scope="module")
def c():
    if MISSING:
        pytest.fail(f"REQUIRE_INTEGRATION=1 and {', '.join(MISSING)} missing: run scripts/setup_system.sh as root")
    base = Path(tempfile.mkdtemp(prefix="rasa-cluster-"))
    base.chmod(0o755)
    started = time.monotonic()
    running = Cluster(base)
    STATE["phases"]["start (PostgreSQL, Redis, 2 replicas, nginx)"] = time.monotonic() - started
    yield running
    running.stop_all()
    shutil.rmtree(base, ignore_errors=True)


_local = threading.local()


def session():
    import requests

    if not hasattr(_local, "session"):
        _local.session = requests.Session()
    return _local.session


def token(sender: str) -> str:
    """A test's conversation name as the session token the REST channel accepts (a socket's is one already)."""
    return sender if "." in sender else signed(sender)


def stored_id(sender: str) -> str:
    """Its conversation id in the tracker store: web:<id> (channels/sessions.py)."""
    return "web:" + token(sender).split(".")[0]


def say(base: str, sender: str, text: str) -> Tuple[List[Dict], str]:
    """One turn over REST; the bot's messages and which upstream served it (nginx's X-Upstream)."""
    answer = session().post(f"{base}/webhooks/rest/webhook", json={"sender": token(sender), "message": text},
                            timeout=120)
    assert answer.status_code == 200, (answer.status_code, answer.text[:300])
    messages = answer.json()
    assert messages, f"no answer to {text!r}"
    upstream = answer.headers.get("X-Upstream", base.rsplit("/", 1)[-1])
    with LOCK:
        STATE["ledger"][sender] += 1
        STATE["conversations"].add(sender)
        STATE["served"][upstream.split(",")[-1].strip()] += 1
    return messages, upstream


def tracker(base: str, sender: str) -> Dict:
    answer = session().get(f"{base}/conversations/{token(sender)}/tracker", params={"token": TOKEN}, timeout=60)
    assert answer.status_code == 200, answer.text[:300]
    return answer.json()


def user_turns(events: List[Dict]) -> int:
    return sum(1 for e in events if e.get("event") == "user")


def active_loop(t: Dict) -> str:
    return (t.get("active_loop") or {}).get("name") or ""


def play(bases: List[str], messages: List[str], sender: str = None) -> Tuple[str, Dict, List[str]]:
    """A conversation whose turn i goes to bases[i % len(bases)]; "no" while the assessment asks."""
    sender = sender or "rep-" + uuid.uuid4().hex[:12]
    upstreams = []
    turn = 0
    for text in messages:
        upstreams.append(say(bases[turn % len(bases)], sender, text)[1])
        turn += 1
    t = tracker(bases[turn % len(bases)], sender)
    for _ in range(6):
        if not active_loop(t):
            break
        upstreams.append(say(bases[turn % len(bases)], sender, "no")[1])
        turn += 1
        t = tracker(bases[turn % len(bases)], sender)
    return sender, t, upstreams


def begin(base: str, text: str) -> str:
    """A new conversation with one message (no answers to the assessment's questions)."""
    sender = "rep-" + uuid.uuid4().hex[:12]
    say(base, sender, text)
    return sender


def outcome(t: Dict) -> Tuple:
    return t["slots"].get("triage_level"), tuple(t["slots"].get("likely_causes") or [])[:3], active_loop(t)


def comparable(events: List[Dict]) -> List[Tuple]:
    return [(e.get("event"), e.get("name"), e.get("text"), json.dumps(e.get("value"), sort_keys=True))
            for e in events]


# ------------------------------------------------------------------ 0. the lock store itself

def collisions(store_class, redis_server: Redis, rounds: int = 300) -> int:
    """Two clients (as two replicas) take a ticket for the same new conversation at the same moment;
    how many times both got the same ticket number."""
    stores = [store_class(host="127.0.0.1", port=redis_server.port, password=redis_server.password, db=3)
              for _ in range(2)]
    same = 0
    with ThreadPoolExecutor(2) as pool:
        for i in range(rounds):
            conversation = f"{store_class.__name__}-{uuid.uuid4().hex}"
            barrier = threading.Barrier(2)

            def take(store):
                barrier.wait()
                return store.issue_ticket(conversation, 30)

            tickets = list(pool.map(take, stores))
            same += tickets[0] == tickets[1]
    return same


def test_0_lock_tickets_are_unique_across_processes(c):
    from rasa.core.lock_store import RedisLockStore

    from channels.lock_store import AtomicRedisLockStore

    STATE["stock lock collisions"] = collisions(RedisLockStore, c.redis)
    assert collisions(AtomicRedisLockStore, c.redis) == 0


# ------------------------------------------------------------------ 1. alternating replicas

def test_1_conversations_alternating_between_replicas_stay_consistent(c):
    started = time.monotonic()
    a, b = (r.base for r in c.replicas)
    cases = [(m, level, cause) for m, level, cause in KNOWN] + [(v["messages"], None, None) for v in VIGNETTES]

    # Explicit alternation: turn 1 on A, turn 2 on B, ... (and the tracker reads alternate too).
    alternating = [play([a, b], messages) for messages, _, _ in cases]
    # Through nginx, four users at once (round robin decides).
    with ThreadPoolExecutor(4) as pool:
        balanced = list(pool.map(lambda case: play([c.nginx.base], case[0]), cases))

    for (messages, level, cause), (s1, t1, _), (s2, t2, ups) in zip(cases, alternating, balanced):
        assert outcome(t1) == outcome(t2), messages
        if level:
            assert t1["slots"]["triage_level"] == level, messages
            if cause:
                assert cause in t1["slots"]["likely_causes"][:3]
        # both replicas read the same stored conversation
        assert comparable(tracker(a, s1)["events"]) == comparable(tracker(b, s1)["events"])
        assert comparable(tracker(a, s2)["events"]) == comparable(tracker(b, s2)["events"])
    upstreams = Counter(u for _, _, ups in balanced for u in ups)
    assert len(upstreams) == 2 and min(upstreams.values()) >= 0.3 * sum(upstreams.values()), upstreams
    STATE["balanced on both replicas"] = sum(1 for _, _, ups in balanced if len(set(ups)) == 2)
    STATE["alternating"] = len(alternating)
    STATE["phases"]["1. alternating and balanced conversations"] = time.monotonic() - started


# ------------------------------------------------------------------ 2. the lock store

def test_2_simultaneous_messages_on_both_replicas_are_serialized(c):
    a, b = (r.base for r in c.replicas)
    sender = "lock-" + uuid.uuid4().hex[:10]
    commands_before = c.redis.client().info("stats")["total_commands_processed"]
    for _ in range(10):
        barrier = threading.Barrier(2)

        def send(base):
            barrier.wait()
            return say(base, sender, "what does punctate calcification mean?")

        with ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(send, [a, b]))
        assert all("calcium" in texts(messages).lower() for messages, _ in answers)
    events = tracker(a, sender)["events"]
    assert user_turns(events) == 20
    # serialized: every user message was read while the bot was listening (no turn inside another)
    for i, event in enumerate(events):
        if event["event"] == "user":
            previous = [e for e in events[:i] if e["event"] == "action"]
            assert previous and previous[-1]["name"] == "action_listen", i
    assert c.redis.client().info("stats")["total_commands_processed"] > commands_before + 40


# ------------------------------------------------------------------ 3. socket.io, sticky

def socket_turn(chat: SocketChat, text: str) -> List[Dict]:
    replies = chat.say(text)
    assert texts(replies), text
    with LOCK:
        STATE["ledger"][chat.session_id] += 1
        STATE["conversations"].add(chat.session_id)
    return replies


def test_3_socketio_through_nginx_is_sticky_and_shares_the_conversation(c):
    chat = SocketChat(c.nginx.base, transports=["polling"])  # each poll is an HTTP request through nginx
    sid = chat.session_id
    try:
        socket_turn(chat, "hello")
        socket_turn(chat, "my CT shows punctate calcifications")
    finally:
        chat.close()
    t = tracker(c.nginx.base, sid)
    assert active_loop(t) == "assessment_form"
    # the same conversation over REST (round robin), then a page reload: a new socket, same session id
    say(c.nginx.base, sid, "I had tuberculosis as a child")
    again = SocketChat(c.nginx.base, session_id=sid, transports=["polling"])
    try:
        socket_turn(again, "no symptoms")
    finally:
        again.close()
    t = tracker(c.replicas[0].base, sid)
    assert user_turns(t["events"]) == STATE["ledger"][sid] == 4
    assert t["slots"]["medical_history"] and t["slots"]["current_symptoms"]


# ------------------------------------------------------------------ 4. database restarts under load

def test_4_postgres_and_redis_restart_under_running_replicas(c):
    started = time.monotonic()
    senders = [begin(c.nginx.base, "my ultrasound shows a calcified granuloma") for _ in range(4)]
    for sender in senders:
        assert active_loop(tracker(c.nginx.base, sender)) == "assessment_form"
    c.pg.stop()
    c.redis.stop()
    c.pg.start()
    c.redis.start()
    for sender in senders:
        for text in ("I had histoplasmosis years ago", "no symptoms", "stable since 2015"):
            say(c.nginx.base, sender, text)
        t = tracker(c.nginx.base, sender)
        assert user_turns(t["events"]) == STATE["ledger"][sender] == 4
        assert t["slots"]["triage_level"] == "reassurance" and not active_loop(t)
    # both replicas served turns after the restarts (each had a pooled connection to lose)
    STATE["phases"]["4. PostgreSQL + Redis restart under load"] = time.monotonic() - started


# ------------------------------------------------------------------ 5. kill -9

def _rasa_pid(replica: Servers) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
                rasa = b"rasa" in cmd or b"server.rasa_server" in cmd  # python -m server.rasa_server
                if os.getpgid(int(entry.name)) == replica.process.pid and b"run" in cmd and rasa:
                    return int(entry.name)
            except (OSError, ProcessLookupError):
                continue
    raise RuntimeError("no rasa process in the replica's group")


def test_5_kill_9_of_a_replica_mid_conversation(c):
    started = time.monotonic()
    chat = SocketChat(c.nginx.base, transports=["polling"])
    sid = chat.session_id
    socket_turn(chat, "I take methotrexate and my CT shows liver calcifications")
    socket_upstreams = [line.split()[-1] for line in (c.nginx.prefix / "access.log").read_text().splitlines()
                        if "/socket.io/" in line]
    victim = c.replica_at(socket_upstreams[-1])  # the replica holding the socket.io session
    survivor = next(r for r in c.replicas if r is not victim)
    rest_user = begin(c.nginx.base, "the scan shows calcification and I have cirrhosis")
    assert active_loop(tracker(c.nginx.base, rest_user)) == "assessment_form"
    os.kill(_rasa_pid(victim), signal.SIGKILL)
    try:
        chat.close()
    except Exception:
        pass
    # Once the process is gone its port refuses connections and nginx passes requests to the other
    # replica. (A request already sent to a replica as it dies gets 502: nginx does not resend a POST,
    # which might have been processed; the client sends it again.)
    deadline = time.monotonic() + 10
    while cluster.listening_addresses(victim.rasa_port) and time.monotonic() < deadline:
        time.sleep(0.05)
    # REST: the next turns go on (nginx skips the dead replica); nothing lost
    say(c.nginx.base, rest_user, "no symptoms")
    say(c.nginx.base, rest_user, "it has grown since last year")
    t = tracker(c.nginx.base, rest_user)
    assert t["slots"]["triage_level"] == "see_clinician_soon" and not active_loop(t)
    assert user_turns(t["events"]) == STATE["ledger"][rest_user]
    # socket.io: the widget reconnects with its session id and goes on, on the survivor
    chat = SocketChat(c.nginx.base, session_id=sid, transports=["polling"])
    try:
        socket_turn(chat, "no other conditions")
    finally:
        chat.close()
    t = tracker(survivor.base, sid)
    assert user_turns(t["events"]) == STATE["ledger"][sid]
    assert any(f.get("value") == "methotrexate" for f in t["slots"]["case_facts"] or [])
    # the killed replica's launcher noticed and stopped its action server; bring the replica back
    victim.process.wait(timeout=60)
    victim.process = None
    c.start_replicas([victim])
    assert "calcium" in texts(say(victim.base, rest_user + "-after",
                                  "what does punctate calcification mean?")[0]).lower()
    STATE["phases"]["5. kill -9 of one replica"] = time.monotonic() - started


# ------------------------------------------------------------------ 6. restart of everything

def test_6_restart_of_everything_loses_nothing(c):
    started = time.monotonic()
    in_progress = [begin(c.nginx.base, "I'd like help understanding my CT report") for _ in range(3)]
    for sender in in_progress:
        assert active_loop(tracker(c.nginx.base, sender)) == "assessment_form"
    senders = sorted(STATE["conversations"] - STATE["deleted"])
    before = {s: tracker(c.replicas[0].base, s) for s in senders}

    for replica in c.replicas:
        replica.stop()
    c.nginx.stop()
    c.redis.stop()
    c.pg.stop()
    c.pg.start()
    c.redis.start()
    c.start_replicas()
    c.nginx.start()
    restart_seconds = time.monotonic() - started

    for s in senders:
        after = tracker(c.replicas[1].base, s)
        assert comparable(after["events"]) == comparable(before[s]["events"]), s
        assert after["slots"] == before[s]["slots"], s
    for sender in in_progress:
        for text in ("calcified granuloma", "none", "no symptoms", "unchanged since 2019"):
            say(c.nginx.base, sender, text)
        t = tracker(c.nginx.base, sender)
        assert t["slots"]["triage_level"] == "reassurance" and not active_loop(t)
    STATE["restart_checked"] = len(senders)
    STATE["phases"]["6. restart of everything (stop + start)"] = restart_seconds


# ------------------------------------------------------------------ 7. delete my data

def test_7_delete_my_data_removes_the_postgresql_rows(c):
    sender, _, _ = play([c.nginx.base], ["my CT shows punctate calcifications, I had TB"], )
    assert c.pg.query("SELECT count(*) FROM events WHERE sender_id = %s", stored_id(sender))[0][0] > 0
    messages, _ = say(c.nginx.base, sender, "delete my data")
    assert messages[-1]["text"] == privacy.DONE
    assert c.pg.query("SELECT count(*) FROM events WHERE sender_id = %s", stored_id(sender))[0][0] == 0
    for replica in c.replicas:
        assert user_turns(tracker(replica.base, sender)["events"]) == 0
    STATE["deleted"].add(sender)


# ------------------------------------------------------------------ the ledger

def test_8_no_turn_lost_and_every_process_alive(c):
    lost, turns_lost = {}, 0
    for sender, sent in STATE["ledger"].items():
        if sender in STATE["deleted"]:
            continue
        stored = c.pg.query("SELECT count(*) FROM events WHERE sender_id = %s AND type_name = 'user'",
                            stored_id(sender))[0][0]
        if stored != sent:
            lost[sender] = (sent, stored)
            turns_lost += max(0, sent - stored)
    assert not lost, lost
    for replica in c.replicas:
        assert replica.process is not None and replica.process.poll() is None
    for service in (c.pg, c.redis, c.nginx):
        assert service.process.poll() is None
    turns = sum(n for s, n in STATE["ledger"].items())
    lines = ["# Replicas behind nginx on PostgreSQL and Redis (tests/integration/test_replicas.py)", "",
             f"- conversations: {len(STATE['ledger'])}", f"- user turns sent: {turns}",
             f"- turns lost: {turns_lost}",
             "- turns per replica (REST through nginx and direct): "
             + ", ".join(f"{k}: {v}" for k, v in sorted(STATE["served"].items())),
             f"- conversations with turns alternating A, B, A, B: {STATE.get('alternating', 0)}; "
             f"through nginx, conversations served by both replicas: {STATE.get('balanced on both replicas', 0)}",
             f"- trackers compared before/after the restart of everything: {STATE.get('restart_checked', 0)}",
             f"- lock tickets taken twice when two clients ask at once, 300 tries: Rasa's RedisLockStore "
             f"{STATE.get('stock lock collisions', '?')}, channels.lock_store.AtomicRedisLockStore 0", ""]
    lines += ["| phase | seconds |", "|---|---|"] + [f"| {k} | {v:.0f} |" for k, v in STATE["phases"].items()]
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "replicas.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
