"""The incremental tracker store (channels/tracker_store.py) under two replicas on PostgreSQL + Redis:
each replica's cache stays right when the other one writes, and `kill -9` of a replica in the middle of a
burst of concurrent conversations loses no acknowledged turn.

    nginx ── round robin ──┬─ replica A: server/launcher.py (Rasa + its action server)
                           └─ replica B: server/launcher.py
    both: TRACKER_STORE_URL=postgresql://..., LOCK_STORE_URL=redis://...

1. Conversations whose turns alternate A, B, A, B: after every turn both replicas return the same
   tracker, and each conversation ends as the same conversation played on one replica alone.
2. 16 users play whole conversations through nginx with no pause; after a few seconds the Rasa process
   of replica A gets SIGKILL; the users go on (a turn that got no 200 is sent again, as a client does);
   A is started again and the users go on. Every turn answered with 200 is stored: each conversation
   has at least as many user turns in PostgreSQL as were acknowledged, and at most one more per turn
   that failed (a request A had processed and saved as it died, whose answer was lost).
"""

import os
import shutil
import signal
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Dict

import pytest

from tests.support.cluster import Nginx, Postgres, Redis, free_port, missing_programs
from tests.support.servers import TOKEN, Servers

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"
REQUIRED = os.environ.get("REQUIRE_INTEGRATION") == "1"
MISSING = missing_programs()
pytestmark = [
    pytest.mark.skipif(not MODEL.exists(), reason="needs `make train`"),
    pytest.mark.skipif(bool(MISSING) and not REQUIRED,
                       reason=f"needs {', '.join(MISSING)}: run scripts/setup_system.sh as root"),
]

CONVERSATIONS = [
    ["hi", "My CT showed a few punctate calcifications in the liver. I had tuberculosis years ago.", "no",
     "They have been stable since 2018."],
    ["the ultrasound shows a tiny calcified granuloma", "my aunt had breast cancer, I have no symptoms", "no"],
    ["help me understand my result", "CT: coarse calcification 12 mm", "I have cirrhosis", "itching", "it's new"],
    ["my ultrasound showed liver calcifications", "I have been vomiting blood today"],
    ["I take amiodarone and the CT shows small calcifications in my liver", "none", "no"],
]


@pytest.fixture(scope="module")
def c():
    if MISSING:
        pytest.fail(f"REQUIRE_INTEGRATION=1 and {', '.join(MISSING)} missing: run scripts/setup_system.sh as root")
    base = Path(tempfile.mkdtemp(prefix="rasa-store-burst-"))
    base.chmod(0o755)
    running = {"replicas": []}
    try:
        running["pg"] = Postgres(base)
        running["pg"].start()
        running["redis"] = Redis(base).start()
        env = {"TRACKER_STORE_URL": running["pg"].url, "LOCK_STORE_URL": running["redis"].url,
               "REST_TRUST_SENDER_IDS": "1", "RATE_LIMIT_PER_MINUTE": "0", "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}
        running["replicas"] = [Servers(free_port(), free_port(), free_port(), env) for _ in range(2)]
        threads = [threading.Thread(target=r.start, kwargs={"timeout": 300}) for r in running["replicas"]]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for r in running["replicas"]:
            assert r.process is not None and r.process.poll() is None
        running["nginx"] = Nginx(base, [r.rasa_port for r in running["replicas"]]).start()
        yield running
    finally:
        for r in running["replicas"]:
            try:
                r.stop()
            except Exception as error:
                print(f"stopping failed: {error!r}")
        for name in ("nginx", "redis", "pg"):
            if running.get(name):
                running[name].stop()
        shutil.rmtree(base, ignore_errors=True)


def say(base: str, sender: str, text: str, timeout: float = 60):
    import requests

    return requests.post(f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=timeout)


def tracker(base: str, sender: str) -> Dict:
    import requests

    answer = requests.get(f"{base}/conversations/{sender}/tracker", params={"token": TOKEN}, timeout=60)
    assert answer.status_code == 200, answer.text[:300]
    return answer.json()


def summary(t: Dict):
    events = [(e.get("event"), e.get("name"), e.get("text")) for e in t["events"]
              if e.get("event") in ("user", "bot", "slot", "active_loop", "action")]
    return events, t["slots"].get("triage_level"), t["slots"].get("likely_causes"), \
        (t.get("active_loop") or {}).get("name")


def stored_user_turns(pg: Postgres, sender: str) -> int:
    return pg.query("SELECT count(*) FROM events WHERE sender_id = %s AND type_name = 'user'", "rest:" + sender)[0][0]


def test_1_alternating_replicas_read_each_others_turns(c):
    a, b = c["replicas"]
    for n, messages in enumerate(CONVERSATIONS):
        alone, alternating = f"alone-{n}-{uuid.uuid4().hex[:8]}", f"alt-{n}-{uuid.uuid4().hex[:8]}"
        for i, text in enumerate(messages):
            assert say(a.base, alone, text).status_code == 200
            assert say((a, b)[i % 2].base, alternating, text).status_code == 200
            seen_a, seen_b = summary(tracker(a.base, alternating)), summary(tracker(b.base, alternating))
            assert seen_a == seen_b
        reference, got = summary(tracker(b.base, alone)), summary(tracker(b.base, alternating))
        assert [e[:2] for e in got[0]] == [e[:2] for e in reference[0]] and got[1:] == reference[1:], messages
        assert stored_user_turns(c["pg"], alternating) == len(messages)


def _rasa_pid(replica: Servers) -> int:
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
                if os.getpgid(int(entry.name)) == replica.process.pid and b"run" in cmd and \
                        b"server.rasa_server" in cmd:  # python -m server.rasa_server run ...
                    return int(entry.name)
            except (OSError, ProcessLookupError):
                continue
    raise RuntimeError("no rasa process in the replica's group")


def test_2_kill_9_during_a_burst_loses_no_acknowledged_turn(c):
    a, b = c["replicas"]
    base = c["nginx"].base
    acknowledged: Counter = Counter()
    failed: Counter = Counter()
    lock = threading.Lock()
    stop = threading.Event()
    users = 16

    def user(n: int) -> None:
        k = 0
        while not stop.is_set():
            sender = f"burst-{n}-{k}-{uuid.uuid4().hex[:6]}"
            for text in CONVERSATIONS[(n + k) % len(CONVERSATIONS)]:
                while not stop.is_set():
                    try:
                        answer = say(base, sender, text, timeout=30)
                        ok = answer.status_code == 200 and isinstance(answer.json(), list)
                    except Exception:
                        ok = False
                    with lock:
                        (acknowledged if ok else failed)[sender] += 1
                    if ok:
                        break
                    time.sleep(0.2)  # the client sends it again
            k += 1

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    for t in threads:
        t.start()
    time.sleep(6)
    os.kill(_rasa_pid(a), signal.SIGKILL)
    time.sleep(8)
    a.process.wait(timeout=60)  # the launcher notices and stops A's action server
    a.process = None
    a.start(timeout=300)
    time.sleep(6)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    assert sum(acknowledged.values()) > 50
    lost = {}
    for sender in set(acknowledged) | set(failed):
        stored = stored_user_turns(c["pg"], sender)
        if not acknowledged[sender] <= stored <= acknowledged[sender] + failed[sender]:
            lost[sender] = (acknowledged[sender], failed[sender], stored)
    assert not lost, lost
    # both replicas alive and reading the same conversations
    for sender in list(acknowledged)[:10]:
        assert summary(tracker(a.base, sender)) == summary(tracker(b.base, sender))
    print(f"burst: {sum(acknowledged.values())} turns acknowledged, {sum(failed.values())} failed and sent "
          f"again, {len(acknowledged)} conversations, 0 acknowledged turns lost")
