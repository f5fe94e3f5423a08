#!/usr/bin/env python3
"""Where a turn's time goes in the Rasa server: py-spy samples, sorted into the parts of a turn.

  bench_profile.py --pid PID --seconds 15 [--raw OUT.txt]      (attach to a running Rasa server)

`make bench` calls `profile()` while one user plays conversations against the
assistant, and puts the breakdown in results/bench.md. py-spy (pinned in
requirements.lock) samples the server's Python stack 200 times a second without
changing its code; `--raw` keeps the collapsed stacks (one stack and its count
a line) for a closer look, e.g. with flamegraph.pl or speedscope.
"""

import argparse
import collections
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple

# The parts of a turn, matched in this order on the frames of each sample
# (the first that matches takes the sample).
CATEGORIES: List[Tuple[str, Tuple[str, ...]]] = [
    ("tracker store: load (SQL query + event deserialisation)",
     ("_retrieve (rasa/core/tracker_store.py)", "retrieve (rasa/core/tracker_store.py)",
      "retrieve_full_tracker (rasa/core/tracker_store.py)")),
    ("tracker store: save (SQL count + insert + commit)", ("save (rasa/core/tracker_store.py)",)),
    ("custom actions: request to the action server (serialise tracker, HTTP, validate reply)",
     ("run (rasa/core/actions/action.py)",)),
    ("NLU pipeline (featurizers, intent classifier, clinical entities)", ("_parse_message_with_graph",)),
    ("dialogue policies (rules, memoization, form)",
     ("_predict_next_with_tracker", "predict_next_with_tracker", "_predict_next_action")),
]
OTHER = "other message handling (events, slots, JSON, channel)"
IDLE = "not handling a message (event loop idle, HTTP parsing)"
HANDLING = "handle_message (rasa/core/processor.py)"


def py_spy() -> Optional[str]:
    here = Path(sys.executable).parent / "py-spy"
    return str(here) if here.exists() else shutil.which("py-spy")


def record(pid: int, seconds: float, raw: Path, rate: int = 200) -> subprocess.Popen:
    """Start py-spy on pid (returns at once; wait() on the result)."""
    exe = py_spy()
    if not exe:
        raise FileNotFoundError("py-spy is not installed (it is in requirements.lock: make install)")
    return subprocess.Popen([exe, "record", "-p", str(pid), "-d", str(max(1, int(seconds))), "-r", str(rate),
                             "-f", "raw", "-o", str(raw)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def breakdown(raw: Path) -> Dict:
    """Share of samples per part of a turn, from py-spy's raw (collapsed) output."""
    total = handling = 0
    parts: Dict[str, int] = collections.Counter()
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rstrip().rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = [re.sub(r":\d+\)$", ")", f) for f in stack.split(";")]
        if not any(f.startswith(HANDLING) for f in frames):
            parts[IDLE] += n
            continue
        handling += n
        for name, keys in CATEGORIES:
            if any(f.startswith(keys) for f in frames):
                parts[name] += n
                break
        else:
            parts[OTHER] += n
    rows = [{"part": name, "share_of_samples": round(n / total, 3) if total else None,
             "share_of_handling": round(n / handling, 3) if handling and name != IDLE else None}
            for name, n in parts.most_common()]
    return {"samples": total, "handling_samples": handling, "parts": rows}


def profile(pid: int, seconds: float, raw: Path) -> Dict:
    spy = record(pid, seconds, raw)
    _, err = spy.communicate(timeout=seconds + 60)
    if spy.returncode != 0 or not raw.exists():
        raise RuntimeError(f"py-spy failed ({spy.returncode}): {err.decode(errors='replace')[-300:]}")
    return breakdown(raw)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--raw", default="/tmp/rasa-profile.txt")
    args = parser.parse_args(argv)
    result = profile(args.pid, args.seconds, Path(args.raw))
    for row in result["parts"]:
        share = row["share_of_handling"]
        print(f"{row['share_of_samples'] * 100:5.1f} % of samples  "
              f"{'' if share is None else f'{share * 100:5.1f} % of handling'}  {row['part']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
