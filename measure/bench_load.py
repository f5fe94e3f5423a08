#!/usr/bin/env python3
"""A small asyncio/aiohttp load generator for Rasa's REST channel (Locust-style, no extra dependency).

N virtual users, each playing whole conversations back to back (a fresh sender
per conversation, every turn waiting for the bot's reply before the next, no
think time: a closed loop that keeps N requests in flight). Per turn it records
the latency of POST /webhooks/rest/webhook and whether the bot answered (HTTP
200 with a JSON list). Only turns that end inside the measuring window count,
after a warm-up window.

  bench_load.py --url http://127.0.0.1:5005 --users 20 --seconds 30 --conversations assistant
  bench_load.py --url http://127.0.0.1:5915 --users 1 --seconds 10 --conversations baseline

Used by measure/bench_run.py (`make bench`) and tests/servers/test_measurements_smoke.py.
"""

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

# Whole conversations with this assistant: assessments as people type them, a
# red flag, questions in the middle, a pasted report. Each ends with the
# assessment given (answers "no" where the form would still ask).
ASSISTANT_CONVERSATIONS: List[List[str]] = [
    ["hi", "My CT showed a few punctate calcifications in the liver. I had tuberculosis years ago.",
     "no", "They have been stable since 2018."],
    ["the ultrasound shows a tiny calcified granuloma", "my aunt had breast cancer, I have no symptoms", "no"],
    ["I take amiodarone and the CT shows small calcifications in my liver", "none", "no"],
    ["help me understand my result", "CT: coarse calcification 12 mm", "I have cirrhosis", "itching", "it's new"],
    ["IMPRESSION: Scattered punctate calcifications in the right hepatic lobe, likely sequelae of prior "
     "granulomatous disease. No focal hepatic mass. Unchanged from prior CT of 2019.", "no", "no"],
    ["my ultrasound showed liver calcifications", "I have been vomiting blood today"],
    ["my CT shows a calcified granuloma", "what tests might my doctor want to do?", "no other health problems",
     "no symptoms", "stable"],
    ["I was treated for colon cancer in 2021 and the latest CT shows new calcifications in the liver", "no"],
]

# Rasa's starter bot (`rasa init`): its own stories, as conversations.
BASELINE_CONVERSATIONS: List[List[str]] = [
    ["hello", "I am feeling great", "bye"],
    ["hi", "I am sad", "yes", "goodbye"],
    ["hey", "very unhappy", "no"],
    ["good morning", "are you a bot?", "I'm good", "see you"],
]

CONVERSATIONS = {"assistant": ASSISTANT_CONVERSATIONS, "baseline": BASELINE_CONVERSATIONS}


@dataclass
class Turn:
    ended: float      # time.monotonic() at the reply
    latency_ms: float
    ok: bool


@dataclass
class LoadResult:
    users: int
    seconds: float                      # length of the measuring window
    turns: List[Turn] = field(default_factory=list)
    conversations: int = 0

    @property
    def ok_latencies(self) -> List[float]:
        return [t.latency_ms for t in self.turns if t.ok]

    @property
    def errors(self) -> int:
        return sum(1 for t in self.turns if not t.ok)

    def summary(self) -> Dict:
        lat = self.ok_latencies
        return {
            "users": self.users,
            "seconds": round(self.seconds, 1),
            "turns": len(self.turns),
            "errors": self.errors,
            "conversations": self.conversations,
            "throughput": round(len(lat) / self.seconds, 2) if self.seconds else None,
            "p50_ms": round(percentile(lat, 50), 1) if lat else None,
            "p95_ms": round(percentile(lat, 95), 1) if lat else None,
            "p99_ms": round(percentile(lat, 99), 1) if lat else None,
            "mean_ms": round(statistics.mean(lat), 1) if lat else None,
            "max_ms": round(max(lat), 1) if lat else None,
        }


def answered(status: int, body: bytes) -> bool:
    """HTTP 200 with the bot's messages, and not the rate limit's answer (channels/limits.py), which would
    make a bot look fast."""
    if status != 200:
        return False
    messages = json.loads(body or b"null")
    return isinstance(messages, list) and not any(
        isinstance(m, dict) and str(m.get("text", "")).startswith("You're sending messages very fast")
        for m in messages)


def percentile(values: List[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


async def _user(session, url: str, conversations: List[List[str]], rng: random.Random, start: float,
                stop: float, result: LoadResult, name: str, max_conversations: Optional[int]) -> None:
    import aiohttp

    done = 0
    while time.monotonic() < stop and (max_conversations is None or done < max_conversations):
        conversation = conversations[rng.randrange(len(conversations))]
        sender = f"{name}-{uuid.uuid4().hex[:10]}"
        for text in conversation:
            if time.monotonic() >= stop:
                break
            t0 = time.monotonic()
            try:
                async with session.post(url, json={"sender": sender, "message": text}) as response:
                    body = await response.read()
                    ok = answered(response.status, body)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            t1 = time.monotonic()
            if start <= t1 <= stop:
                result.turns.append(Turn(t1, (t1 - t0) * 1000, ok))
        else:
            if time.monotonic() >= start:
                result.conversations += 1
        done += 1


async def run_load(base_url: str, users: int, seconds: float, conversations: List[List[str]],
                   warmup: float = 3.0, seed: int = 7, max_conversations: Optional[int] = None,
                   on_tick: Optional[Callable[[], None]] = None, tick: float = 0.5,
                   timeout: float = 120) -> LoadResult:
    """Play conversations with `users` concurrent users; measure `seconds` after `warmup`.

    `on_tick` is called every `tick` seconds while the load runs (memory sampling)."""
    import aiohttp

    url = base_url.rstrip("/") + "/webhooks/rest/webhook"
    connector = aiohttp.TCPConnector(limit=0, force_close=False)
    result = LoadResult(users, seconds)
    begin = time.monotonic()
    start = begin + warmup
    # a fixed number of conversations per user runs until they are done
    stop = float("inf") if max_conversations is not None else start + seconds
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        tasks = [asyncio.create_task(_user(session, url, conversations, random.Random(seed * 1000 + i), start, stop,
                                           result, f"load{users}u{i}", max_conversations))
                 for i in range(users)]
        while not all(t.done() for t in tasks):
            if on_tick:
                on_tick()
            await asyncio.wait(tasks, timeout=tick)
        for task in tasks:
            task.result()
    if max_conversations is not None:  # a fixed amount of work: the window is how long it took
        result.seconds = max(1e-6, time.monotonic() - start)
    return result


# --------------------------------------------------------------------------
# Capacity: how many conversations at a human pace one machine serves in time
# --------------------------------------------------------------------------

async def _paced_user(session, url: str, conversations: List[List[str]], rng: random.Random, start: float,
                      stop: float, result: LoadResult, name: str, think: float, first: float) -> None:
    """A person: a conversation turn by turn, reading and typing `think` seconds on average between turns
    (uniform in 0.5-1.5 times it), then the next conversation."""
    import aiohttp

    await asyncio.sleep(first)
    while time.monotonic() < stop:
        conversation = conversations[rng.randrange(len(conversations))]
        sender = f"{name}-{uuid.uuid4().hex[:10]}"
        for text in conversation:
            if time.monotonic() >= stop:
                return
            t0 = time.monotonic()
            try:
                async with session.post(url, json={"sender": sender, "message": text}) as response:
                    body = await response.read()
                    ok = answered(response.status, body)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            t1 = time.monotonic()
            if start <= t1 <= stop:
                result.turns.append(Turn(t1, (t1 - t0) * 1000, ok))
            await asyncio.sleep(think * (0.5 + rng.random()))
        if time.monotonic() >= start:
            result.conversations += 1


async def run_paced(base_url: str, users: int, seconds: float, conversations: List[List[str]], think: float = 10.0,
                    seed: int = 7, timeout: float = 60) -> LoadResult:
    """`users` concurrent conversations with `think` s between turns; measured for `seconds` once every user
    has started (the starts are spread over one think time, so the load is steady from then on)."""
    import aiohttp

    url = base_url.rstrip("/") + "/webhooks/rest/webhook"
    connector = aiohttp.TCPConnector(limit=0)
    result = LoadResult(users, seconds)
    begin = time.monotonic()
    start = begin + think * 1.5
    stop = start + seconds
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)) as session:
        rng = random.Random(seed)
        tasks = [asyncio.create_task(_paced_user(session, url, conversations, random.Random(seed * 7919 + i), start,
                                                 stop, result, f"cap{users}u{i}", think, rng.random() * think))
                 for i in range(users)]
        await asyncio.gather(*tasks)
    return result


def meets(summary: Dict, p95_limit_ms: float, max_error_rate: float = 0.001) -> bool:
    turns = summary.get("turns") or 0
    return bool(turns) and summary.get("p95_ms") is not None and summary["p95_ms"] <= p95_limit_ms and \
        (summary.get("errors") or 0) <= max_error_rate * turns


def capacity(bases: Dict[str, str], conversations: Dict[str, List[List[str]]], p95_limit_ms: float = 500,
             think: float = 10.0, seconds: float = 30, start_users: Optional[Dict[str, int]] = None,
             factor: float = 1.3, max_users: int = 4000, precision: float = 0.1,
             log: Optional[Callable[[str], None]] = None) -> Dict[str, Dict]:
    """The most concurrent paced conversations each bot serves with p95 <= p95_limit_ms and no errors (0.1 %
    at most), found for all bots at once, step by step in turn (the bots alternate, so they see the same
    background load): from start_users[bot] (default 50) up by `factor` while levels pass, down by it while
    they fail, then bisection until the passing and failing levels are within `precision` of each other."""
    start_users = start_users or {}
    state = {bot: {"ok": 0, "fail": None, "next": max(1, int(start_users.get(bot, 50))), "steps": []}
             for bot in bases}
    seed = 11
    while True:
        active = [bot for bot, s in state.items() if s["next"] is not None]
        if not active:
            break
        for bot in active:
            s = state[bot]
            users = s["next"]
            seed += 1
            summary = asyncio.run(run_paced(bases[bot], users, seconds, conversations[bot], think=think,
                                            seed=seed)).summary()
            ok = meets(summary, p95_limit_ms)
            s["steps"].append({"users": users, "ok": ok, **{k: summary[k] for k in
                                                           ("turns", "errors", "throughput", "p50_ms", "p95_ms",
                                                            "p99_ms")}})
            if log:
                log(f"    capacity {bot:10s} {users:5d} users: p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
                    f"{summary['throughput']} turns/s, {summary['errors']} errors -> {'ok' if ok else 'over'}")
            if ok:
                s["ok"] = max(s["ok"], users)
            else:
                s["fail"] = users if s["fail"] is None else min(s["fail"], users)
            if s["fail"] is None:
                up = max(users + 1, int(users * factor))
                s["next"] = up if up <= max_users else None
            elif s["ok"] == 0 and users > 1:
                s["next"] = max(1, int(users / factor))  # failing from the start: go down
            elif s["fail"] - s["ok"] <= max(1, precision * max(s["ok"], 1)):
                s["next"] = None
            else:
                s["next"] = (s["ok"] + s["fail"]) // 2
    return {bot: {"users": s["ok"], "first_failing": s["fail"], "p95_limit_ms": p95_limit_ms, "think_s": think,
                  "steps": s["steps"]} for bot, s in state.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="Rasa server base URL")
    parser.add_argument("--users", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--conversations", choices=sorted(CONVERSATIONS), default="assistant")
    args = parser.parse_args(argv)
    result = asyncio.run(run_load(args.url, args.users, args.seconds, CONVERSATIONS[args.conversations],
                                  warmup=args.warmup))
    print(json.dumps(result.summary()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
