#!/usr/bin/env python3
"""The tracker store alone: what one turn costs it (retrieve, add the turn's events, save), per variant.

A recorded conversation of the assistant (an assessment, 4 user turns, 62
events: tests/data/bench_conversation.json) is replayed turn by turn for many
conversations at once (interleaved, as concurrent users are), against a fresh
SQLite file per variant, on the real Rasa store classes:

- `rasa`: Rasa 3.6's `SQLTrackerStore` as `type: SQL` configures it (NullPool,
  rollback journal, synchronous=FULL);
- `rasa+pool+<journal>/<synchronous>`: the same store on a pooled engine with
  those pragmas (the SQLite change alone);
- `incremental+<journal>/<synchronous>`: channels.tracker_store's store (cache,
  one query to check, only new events written) with those pragmas.

Each variant is run in rounds alternating with the others (noisy machine);
per-turn latency p50/p95 and turns/s over all rounds.

  bench_store.py [--conversations 200] [--rounds 3] [--json OUT]
"""

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONVERSATION = ROOT / "tests" / "data" / "bench_conversation.json"


def turns_of(events: List[Dict]) -> List[List[Dict]]:
    """The events each turn adds (the session start goes with the first turn)."""
    turns: List[List[Dict]] = [[]]
    for event in events:
        if event.get("event") == "user" and any(e.get("event") == "user" for e in turns[-1]):
            turns.append([])
        turns[-1].append(event)
    return turns


def make_store(kind: str, db: Path, domain):
    from rasa.core.tracker_store import SQLTrackerStore

    from channels.tracker_store import IncrementalSQLTrackerStore, sqlite_pragmas

    if kind == "rasa":
        return SQLTrackerStore(domain, dialect="sqlite", db=str(db))
    base, _, pragmas = kind.partition("+pool+") if "+pool+" in kind else kind.partition("+")
    journal, _, synchronous = pragmas.partition("/")
    overrides = {"journal_mode": journal, "synchronous": synchronous}
    if base == "rasa":
        store = SQLTrackerStore(domain, dialect="sqlite", db=str(db))
        store.pragmas = sqlite_pragmas(overrides)
        IncrementalSQLTrackerStore._pooled_sqlite_engine(store)
        return store
    return IncrementalSQLTrackerStore(domain, dialect="sqlite", db=str(db), sqlite_pragmas=overrides)


async def run_variant(kind: str, turns: List[List[Dict]], conversations: int, tmp: Path, tag: str) -> List[float]:
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import deserialise_events

    domain = Domain.load(str(ROOT / "domain.yml"))
    store = make_store(kind, tmp / f"{kind.replace('/', '_')}-{tag}.db", domain)
    latencies: List[float] = []
    senders = [f"bench-{tag}-{n}" for n in range(conversations)]
    for turn in turns:
        for sender in senders:
            t0 = time.perf_counter()
            tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
            for event in deserialise_events(turn):
                tracker.update(event)
            await store.save(tracker)
            latencies.append((time.perf_counter() - t0) * 1000)
    store.engine.dispose()
    return latencies


def percentile(values: List[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


VARIANTS = ["rasa", "rasa+pool+DELETE/FULL", "rasa+pool+WAL/FULL", "rasa+pool+WAL/NORMAL",
            "incremental+WAL/FULL", "incremental+WAL/NORMAL"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json")
    parser.add_argument("--rasa-event-lookup", action="store_true",
                        help="without server.speedups (Rasa's own Event.resolve_by_type)")
    args = parser.parse_args(argv)
    if not args.rasa_event_lookup:
        import server.speedups  # noqa: F401 - as the Rasa server runs (config.yml loads it)
    events = json.loads(CONVERSATION.read_text(encoding="utf-8"))["events"]
    turns = turns_of(events)
    variants = [v for v in args.variants.split(",") if v]
    pooled: Dict[str, List[float]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        for n in range(args.rounds):
            for kind in (variants if n % 2 == 0 else variants[::-1]):
                pooled[kind] += asyncio.run(run_variant(kind, turns, args.conversations, Path(tmp), str(n)))
    out = {}
    base = statistics.median(pooled[variants[0]])
    for kind, lat in pooled.items():
        out[kind] = {"turns": len(lat), "p50_ms": round(percentile(lat, 50), 3),
                     "p95_ms": round(percentile(lat, 95), 3), "mean_ms": round(statistics.mean(lat), 3),
                     "p50_ratio": round(percentile(lat, 50) / base, 2)}
        print(f"{kind:26s} p50 {out[kind]['p50_ms']:7.3f} ms  p95 {out[kind]['p95_ms']:7.3f} ms  "
              f"mean {out[kind]['mean_ms']:7.3f} ms  ({out[kind]['p50_ratio']:.2f}x)", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"turns_per_conversation": len(turns), "events": len(events),
                                               "conversations": args.conversations, "rounds": args.rounds,
                                               "variants": out}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
