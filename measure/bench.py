#!/usr/bin/env python3
"""Benchmarks against the real servers (started here on spare ports).

  bench.py parse     POST /model/parse latency over N requests (p50, p95, p99)
  bench.py dialogue  per-turn latency of whole assessments over REST (p50, p95)

Writes results/bench_<what>.md and prints it. Run via `make bench-parse` /
`make bench-dialogue`. Timings are wall-clock on this machine, one client.
"""

import argparse
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.servers import Servers  # noqa: E402

PARSE_TEXTS = [
    "hi",
    "What does it mean if my CT shows punctate calcification in the liver?",
    "I had tuberculosis as a child",
    "No history of cancer and no jaundice",
    "my grandfather had colon cancer",
    "the ultrasound showed a 5 mm calcified granuloma, stable since 2020",
    "IMPRESSION: Scattered punctate calcifications in the right hepatic lobe, likely sequelae of prior "
    "granulomatous disease. No focal hepatic mass. Unchanged from prior CT of 2019.",
    "should I worry?",
    "nah",
    "I've been vomiting blood",
]

ASSESSMENTS = [
    ["My CT showed a few punctate calcifications in the liver. I had tuberculosis years ago.", "no",
     "stable since 2018"],
    ["the ultrasound shows a tiny calcified granuloma", "my aunt had breast cancer, I have no symptoms", "no", "no"],
    ["I take amiodarone and the CT shows small calcifications in my liver", "none", "no"],
    ["help me understand my result", "CT: coarse calcification 12 mm", "I have cirrhosis", "itching", "it's new"],
]


def percentile(values, q):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def summary(name, samples_ms):
    return (f"| {name} | {len(samples_ms)} | {statistics.median(samples_ms):.1f} | {percentile(samples_ms, 95):.1f} | "
            f"{percentile(samples_ms, 99):.1f} | {max(samples_ms):.1f} |")


def bench_parse(servers, n):
    for text in PARSE_TEXTS:  # warm up
        servers.parse(text)
    samples = []
    started = time.perf_counter()
    for i in range(n):
        t0 = time.perf_counter()
        servers.parse(PARSE_TEXTS[i % len(PARSE_TEXTS)])
        samples.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    return [summary("POST /model/parse", samples)], f"{n / elapsed:.0f} requests/s (one client)"


def bench_dialogue(servers, rounds):
    servers.say("warmup-" + uuid.uuid4().hex[:6], ASSESSMENTS[0][0])
    samples = []
    for _ in range(rounds):
        for conversation in ASSESSMENTS:
            sender = "bench-" + uuid.uuid4().hex[:8]
            for text in conversation:
                t0 = time.perf_counter()
                servers.say(sender, text)
                samples.append((time.perf_counter() - t0) * 1000)
            slots = servers.tracker(sender)["slots"]
            assert slots["triage_level"], f"assessment did not finish: {conversation}"
    turns = len(samples)
    conversations = rounds * len(ASSESSMENTS)
    return [summary("REST turn (whole assessments)", samples)], f"{turns} turns in {conversations} conversations"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["parse", "dialogue"])
    parser.add_argument("-n", type=int, default=500,
                        help="parse requests (parse) or rounds of 4 assessments (dialogue)")
    args = parser.parse_args()
    servers = Servers(5505, 5555, 8585).start()
    try:
        if args.what == "parse":
            rows, note = bench_parse(servers, args.n)
        else:
            rows, note = bench_dialogue(servers, max(1, args.n // 20))
    finally:
        servers.stop()
    report = "\n".join([
        f"# Benchmark: {args.what} ({time.strftime('%Y-%m-%d %H:%M')}, {note})",
        "",
        "| what | n | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
    ])
    out = ROOT / "results" / f"bench_{args.what}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
