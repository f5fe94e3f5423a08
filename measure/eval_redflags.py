#!/usr/bin/env python3
"""make eval-redflags: warning signs however people phrase them, measured on
the independent banks in tests/redflags/ (written from CONTRACT.md and
CLINICAL_NOTES.md by authors who never saw the code or the training data).

Same protocol as ../shared/eval/redflag_eval.py, on real servers started on
free ports: per case a fresh conversation, "my CT showed some punctate
calcification in the liver", then the case text; if the bot asked a question,
one truthful answer ("yes" for a sign, "no" for a near-miss).

Prints, per bank and per sign: recall in the same turn, recall after at most
one clarifying question, and for near-misses the false-alarm rate (ended as
an emergency) and how often the safety question was asked. Writes
results/redflags.md and results/redflags.json.

usage: eval_redflags.py [BANK.json ...]   (default: every tests/redflags/*.json)
"""

import collections
import json
import socket
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.servers import Servers  # noqa: E402

OPENER = "my CT showed some punctate calcification in the liver"
RANK = {"reassurance": 0, "see_clinician_routine": 1, "see_clinician_soon": 2, "emergency": 3}
MIN_LEVEL = {"fever_with_pain": "see_clinician_soon"}  # CLINICAL_NOTES: see a clinician soon


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reached(level, flag) -> bool:
    need = MIN_LEVEL.get(flag, "emergency") if flag else "emergency"
    return RANK.get(level or "", -1) >= RANK[need]


def run_case(servers: Servers, case: dict) -> dict:
    sender = f"rf-{case['id']}-{uuid.uuid4().hex[:6]}"
    servers.say(sender, OPENER)
    replies = servers.say(sender, case["text"])

    def level() -> str:
        return servers.tracker(sender)["slots"].get("triage_level")

    same = reached(level(), case["flag"])
    asked = any("?" in (m.get("text") or "") for m in replies)
    final = same
    if not same and asked:
        servers.say(sender, "yes" if case["flag"] else "no")
        final = reached(level(), case["flag"])
    return {"id": case["id"], "flag": case["flag"], "same_turn": same, "asked": asked and not same, "final": final,
            "reply": " | ".join((m.get("text") or "")[:160] for m in replies)}


def summarise(rows):
    per = collections.defaultdict(list)
    for row in rows:
        per[row["flag"] or "(near-miss)"].append(row)
    table = {}
    for sign, items in sorted(per.items()):
        n = len(items)
        if sign == "(near-miss)":
            table[sign] = {"n": n, "false_alarm": sum(r["final"] for r in items) / n,
                           "asked": sum(r["asked"] for r in items) / n}
        else:
            table[sign] = {"n": n, "same_turn": sum(r["same_turn"] for r in items) / n,
                           "after_one_question": sum(r["final"] for r in items) / n}
    pos = [r for r in rows if r["flag"]]
    neg = [r for r in rows if not r["flag"]]
    total = {"same_turn": sum(r["same_turn"] for r in pos) / max(1, len(pos)),
             "after_one_question": sum(r["final"] for r in pos) / max(1, len(pos)),
             "false_alarm": sum(r["final"] for r in neg) / max(1, len(neg)), "n_pos": len(pos), "n_neg": len(neg)}
    return table, total


def render(results) -> str:
    lines = ["# Warning signs: independent banks (make eval-redflags)", ""]
    for name, (table, total, misses) in results.items():
        lines += [f"## {name}", "", "| sign | n | same turn | after one question | false alarm | asked |",
                  "|---|---|---|---|---|---|"]
        for sign, row in table.items():
            if sign == "(near-miss)":
                lines.append(f"| near-misses | {row['n']} | | | {row['false_alarm']:.2f} | {row['asked']:.2f} |")
            else:
                lines.append(f"| {sign} | {row['n']} | {row['same_turn']:.2f} | {row['after_one_question']:.2f} | | |")
        lines += ["", f"All signs: same turn {total['same_turn']:.2f}, after one question "
                      f"{total['after_one_question']:.2f}, false alarms {total['false_alarm']:.2f} "
                      f"(n_pos={total['n_pos']}, n_neg={total['n_neg']})", ""]
        if misses:
            lines += ["Misses:", ""] + [f"- `{m['id']}` ({m['flag']}): {m['reply'][:120]}" for m in misses] + [""]
    return "\n".join(lines)


def main(argv) -> int:
    banks = [Path(a) for a in argv] or sorted((ROOT / "tests" / "redflags").glob("*.json"))
    # One client sends every case: the per-address limit (channels/limits.py) is for browsers.
    servers = Servers(free_port(), free_port(), free_port(),
                      extra_env={"RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}).start()
    results = {}
    try:
        for bank in banks:
            rows = [run_case(servers, case) for case in json.loads(bank.read_text(encoding="utf-8"))]
            table, total = summarise(rows)
            misses = [r for r in rows if (not r["final"]) == bool(r["flag"])]
            results[bank.stem] = (table, total, misses)
            print(f"{bank.stem}:")
            for sign, row in table.items():
                if sign == "(near-miss)":
                    print(f"  {'near-misses':24s} n={row['n']:3d} false_alarm={row['false_alarm']:.2f} "
                          f"asked={row['asked']:.2f}")
                else:
                    print(f"  {sign:24s} n={row['n']:3d} same_turn={row['same_turn']:.2f} "
                          f"after_one_question={row['after_one_question']:.2f}")
            print(f"  redflag_same_turn={total['same_turn']:.2f} redflag_recall={total['after_one_question']:.2f} "
                  f"false_alarm={total['false_alarm']:.2f} (n_pos={total['n_pos']} n_neg={total['n_neg']})")
    finally:
        servers.stop()
    out = ROOT / "results"
    out.mkdir(exist_ok=True)
    (out / "redflags.md").write_text(render(results), encoding="utf-8")
    (out / "redflags.json").write_text(json.dumps({k: {"table": v[0], "total": v[1]} for k, v in results.items()},
                                                  indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
