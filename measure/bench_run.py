#!/usr/bin/env python3
"""`make bench`: the assistant against Rasa's own starter bot, in the same run (issue 7).

1. Training, each timed as a whole CLI command (Python start-up and imports included):
   - the assistant: `rasa train` into a fresh --out dir with RASA_CACHE_DIRECTORY
     set to an empty temp dir (from scratch), then the same command again
     (nothing changed);
   - the baseline: `rasa init --no-prompt` in a temp folder (it scaffolds and
     trains from scratch, the cache again in an empty temp dir), then
     `rasa train` there again (nothing changed).
2. Serving: the assistant as `make run` starts it (server/launcher.py: action server,
   Rasa server with the SQLite tracker store, web page) on 5905/5955/8985; the
   baseline with `rasa run` on 5915 (in-memory tracker store; its custom action
   server is not needed). Both warm up with a few conversations.
3. Load (measure/bench_load.py): for 1, 20 and 50 concurrent users, whole
   conversations over REST, the bots alternating in slices (3 per bot and level,
   each after a warm-up, so both see the same background load on the machine);
   per-turn latency p50/p95/p99, throughput (turns/s), errors; the
   resident memory of each server (VmRSS summed over its process tree, sampled
   every 0.5 s) idle and at peak.
4. results/bench.md, results/bench.json and the chart results/bench.png.

Targets (same run, as ratios): per-turn latency <= 1.0x the baseline, throughput
>= 1.0x; training from scratch <= 60 s; one Rasa server <= 1.5 GB.

  bench_run.py [--users 1,20,50] [--seconds 30] [--warmup 5] [--no-baseline] [--no-training]
"""

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from measure.bench_load import CONVERSATIONS, LoadResult, capacity, run_load  # noqa: E402
from server.launcher import rasa_env as env  # noqa: E402

PY = sys.executable
PORTS = {"assistant": (5905, 5955, 8985), "baseline": 5915, "assistant-memory": (5906, 5956),
         "assistant-rasa-store": (5907, 5957)}
# The bots: the product, the baseline, the two-replica PostgreSQL + Redis set-up of the product, and
# diagnostics: the product with the baseline's in-memory tracker store, and with Rasa's own SQL tracker
# store (the product before channels/tracker_store.py).
BOTS = ("assistant", "assistant-cluster", "assistant-rasa-store", "assistant-memory", "baseline")
BOT_CONVERSATIONS = {"assistant": "assistant", "assistant-memory": "assistant", "assistant-rasa-store": "assistant",
                     "assistant-cluster": "assistant", "baseline": "baseline"}
# Issue 16: the assistant against the starter bot in the same run.
TARGETS = {"p50_1_user_ratio_max": 0.5, "throughput_20_users_ratio_min": 2.0, "capacity_ratio_min": 2.0,
           "cluster_throughput_20_users_ratio_min": 1.5, "train_scratch_max_s": 60.0,
           "rasa_server_max_mb": 1536.0}




# --------------------------------------------------------------------------
# Memory: VmRSS summed over a process tree, from /proc
# --------------------------------------------------------------------------

def _children() -> Dict[int, List[int]]:
    tree: Dict[int, List[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def tree_pids(pid: int, tree: Optional[Dict[int, List[int]]] = None) -> List[int]:
    tree = tree if tree is not None else _children()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(tree.get(p, []))
    return out


def rss_mb(pid: int, tree=None) -> float:
    total = 0
    for p in tree_pids(pid, tree):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total / 1024


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def assistant_servers(run_pid: int) -> Dict[str, int]:
    """The children of server/launcher.py: which pid is the Rasa server, the action server, the web page."""
    found = {}
    for pid in _children().get(run_pid, []):
        line = cmdline(pid)
        if " rasa run" in line or "-m rasa run" in line or "server.rasa_server run" in line:
            found["rasa server"] = pid
        elif "rasa_sdk" in line or "action_server" in line:
            found["action server"] = pid
        elif "web_server" in line:
            found["web page"] = pid
    return found


class MemorySampler:
    def __init__(self, pids: Dict[str, int]):
        self.pids = pids
        self.peak = {name: 0.0 for name in pids}

    def sample(self) -> Dict[str, float]:
        tree = _children()
        now = {name: rss_mb(pid, tree) for name, pid in self.pids.items()}
        for name, value in now.items():
            self.peak[name] = max(self.peak[name], value)
        return now


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------

def timed(cmd: List, cwd: Path, extra_env: Dict, log: Path) -> Dict:
    with open(log, "a", encoding="utf-8") as fh:
        fh.write("\n$ " + " ".join(map(str, cmd)) + "\n")
        fh.flush()
        t0 = time.monotonic()
        code = subprocess.call([str(c) for c in cmd], cwd=cwd, env=env(extra_env), stdout=fh,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        seconds = time.monotonic() - t0
    if code != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd[:5]))} exited with {code}; see {log}")
    return {"seconds": round(seconds, 1)}


def train_assistant(tmp: Path, log: Path) -> Dict:
    cache, out = tmp / "assistant-cache", tmp / "assistant-models"
    cmd = [PY, "-m", "rasa", "train", "--config", "config.yml", "--domain", "domain.yml", "--data", "data",
           "--out", out, "--fixed-model-name", "bench"]
    scratch = timed(cmd, ROOT, {"RASA_CACHE_DIRECTORY": str(cache)}, log)
    unchanged = timed(cmd, ROOT, {"RASA_CACHE_DIRECTORY": str(cache)}, log)
    return {"scratch_s": scratch["seconds"], "unchanged_s": unchanged["seconds"]}


def init_baseline(tmp: Path, log: Path) -> Dict:
    project, cache = tmp / "baseline", tmp / "baseline-cache"
    project.mkdir()
    scratch = timed([PY, "-m", "rasa", "init", "--no-prompt", "--init-dir", project], tmp,
                    {"RASA_CACHE_DIRECTORY": str(cache)}, log)
    unchanged = timed([PY, "-m", "rasa", "train"], project, {"RASA_CACHE_DIRECTORY": str(cache)}, log)
    return {"scratch_s": scratch["seconds"], "unchanged_s": unchanged["seconds"], "project": str(project)}


# --------------------------------------------------------------------------
# Serving
# --------------------------------------------------------------------------

def wait_http(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"no answer from {url} within {seconds:.0f} s")


class Baseline:
    def __init__(self, project: Path, port: int, log: Path):
        self.project, self.port, self.log = project, port, log
        self.process: Optional[subprocess.Popen] = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 300) -> "Baseline":
        with open(self.log, "ab") as fh:
            self.process = subprocess.Popen(
                [PY, "-m", "rasa", "run", "--model", "models", "--interface", "127.0.0.1", "--port", str(self.port)],
                cwd=self.project, env=env(), stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
        wait_http(self.base + "/", self.process, timeout)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class AssistantInMemory:
    """The same model and action server, but Rasa's default in-memory tracker store (like the baseline):
    a diagnostic, to show how much of the difference is the persistent store. With `tracker_store` (an
    endpoints.yml entry): that store instead (Rasa's own `type: SQL`, the product before issue 16)."""

    def __init__(self, tmp: Path, log: Path, name: str = "assistant-memory", tracker_store: Optional[Dict] = None):
        self.rasa_port, self.actions_port = PORTS[name]
        self.tmp, self.log, self.name, self.tracker_store = tmp, log, name, tracker_store
        self.processes: List[subprocess.Popen] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start(self, timeout: float = 300) -> "AssistantInMemory":
        import yaml

        endpoints = self.tmp / f"endpoints-{self.name}.yml"
        config: Dict = {"action_endpoint": {"url": f"http://127.0.0.1:{self.actions_port}/webhook",
                                            "enable_selective_domain": True}}
        if self.tracker_store:
            config["tracker_store"] = self.tracker_store
        endpoints.write_text(yaml.safe_dump(config), encoding="utf-8")
        actions = [PY, "-m", "server.action_server", "--host", "127.0.0.1", "--port", self.actions_port]
        with open(self.log, "ab") as fh:
            for cmd in (actions, [PY, "-m", "rasa", "run", "--model", ROOT / "models" / "current.tar.gz",
                                  "--interface", "127.0.0.1", "--port", self.rasa_port, "--endpoints", endpoints,
                                  "--credentials", ROOT / "credentials.yml"]):
                # as the assistant's servers run in the bench: all load comes from 127.0.0.1
                self.processes.append(subprocess.Popen([str(c) for c in cmd], cwd=ROOT,
                                                       env=env({"RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0",
                                                                "REST_TRUST_SENDER_IDS": "1"}), stdout=fh,
                                                       stderr=subprocess.STDOUT, start_new_session=True))
        wait_http(self.base + "/", self.processes[-1], timeout)
        return self

    @property
    def pids(self) -> Dict[str, int]:
        return {"action server": self.processes[0].pid, "rasa server": self.processes[1].pid}

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


# --------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------

def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def fmt(x, spec=".1f"):
    return "–" if x is None else format(x, spec)


def verdict(ok: Optional[bool]) -> str:
    return "–" if ok is None else ("met" if ok else "**missed**")


def targets(data: Dict) -> List[Dict]:
    """Each target with its measured value and whether it is met (None: not measured)."""
    rows = []
    load = data.get("load", {})

    def level(users: str, bot: str, key: str):
        return ((load.get(users) or {}).get(bot) or {}).get(key)

    r = ratio(level("1", "assistant", "p50_ms"), level("1", "baseline", "p50_ms"))
    rows.append({"target": "1 user: p50 latency <= 0.5x baseline", "value": r,
                 "ok": None if r is None else r <= TARGETS["p50_1_user_ratio_max"]})
    r = ratio(level("20", "assistant", "throughput"), level("20", "baseline", "throughput"))
    rows.append({"target": "20 users: throughput >= 2.0x baseline", "value": r,
                 "ok": None if r is None else r >= TARGETS["throughput_20_users_ratio_min"]})
    cap = data.get("capacity") or {}
    r = ratio((cap.get("assistant") or {}).get("users"), (cap.get("baseline") or {}).get("users"))
    rows.append({"target": "capacity (p95 <= 500 ms, 10 s think time) >= 2.0x baseline", "value": r,
                 "ok": None if r is None else r >= TARGETS["capacity_ratio_min"]})
    r = ratio(level("20", "assistant-cluster", "throughput"), level("20", "baseline", "throughput"))
    rows.append({"target": "PostgreSQL + Redis, 2 replicas: 20 users throughput >= 1.5x baseline", "value": r,
                 "ok": None if r is None else r >= TARGETS["cluster_throughput_20_users_ratio_min"]})
    train = (data.get("training") or {}).get("assistant") or {}
    s = train.get("scratch_s")
    rows.append({"target": "training from scratch <= 60 s", "value": s,
                 "ok": None if s is None else s <= TARGETS["train_scratch_max_s"]})
    mem = (data.get("memory") or {}).get("assistant", {}).get("peak_mb", {}).get("rasa server")
    rows.append({"target": "one Rasa server <= 1.5 GB", "value": mem,
                 "ok": None if mem is None else mem <= TARGETS["rasa_server_max_mb"]})
    return rows


def plot(data: Dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    load = data.get("load", {})
    levels = sorted(load, key=int)
    bots = [b for b in BOTS if any(load[u].get(b) for u in levels)]
    colors = {"assistant": "#1f77b4", "assistant-memory": "#9ecae1", "baseline": "#ff7f0e",
              "assistant-rasa-store": "#c6dbef", "assistant-cluster": "#2ca02c"}
    fig, axes = plt.subplots(1, 4, figsize=(15, 3.8))
    width = 0.8 / max(1, len(bots))
    for n, bot in enumerate(bots):
        xs = [i + (n - (len(bots) - 1) / 2) * width for i in range(len(levels))]
        p50 = [(load[u].get(bot) or {}).get("p50_ms") or 0 for u in levels]
        p95 = [(load[u].get(bot) or {}).get("p95_ms") or 0 for u in levels]
        axes[0].bar(xs, p95, width, color=colors[bot], alpha=0.35, label=f"{bot} p95")
        axes[0].bar(xs, p50, width, color=colors[bot], label=f"{bot} p50")
        axes[1].bar(xs, [(load[u].get(bot) or {}).get("throughput") or 0 for u in levels], width,
                    color=colors[bot], label=bot)
    axes[0].set_yscale("log")
    for ax, title, unit in ((axes[0], "Per-turn latency (log scale)", "ms"), (axes[1], "Throughput", "turns/s")):
        ax.set_xticks(range(len(levels)), [f"{u} user{'s' if int(u) > 1 else ''}" for u in levels])
        ax.set_title(title)
        ax.set_ylabel(unit)
        ax.legend(fontsize=7)
        ax.grid(axis="y", alpha=0.3)
    mem = data.get("memory", {})
    names, values, cols = [], [], []
    for bot in bots:
        for server, value in sorted((mem.get(bot) or {}).get("peak_mb", {}).items()):
            names.append(f"{bot}: {server.replace(' server', '')}")
            values.append(value)
            cols.append(colors[bot])
    axes[2].bar(range(len(values)), values, color=cols)
    axes[2].axhline(TARGETS["rasa_server_max_mb"], color="crimson", linestyle="--", linewidth=1)
    axes[2].set_xticks(range(len(names)), names, fontsize=7, rotation=35, ha="right")
    axes[2].set_title("Peak resident memory (MB)")
    train = data.get("training") or {}
    tb = [b for b in bots if train.get(b)]
    x = range(len(tb))
    axes[3].bar([i - 0.2 for i in x], [train[b].get("scratch_s") or 0 for b in tb], 0.4, label="from scratch",
                color=[colors[b] for b in tb])
    axes[3].bar([i + 0.2 for i in x], [train[b].get("unchanged_s") or 0 for b in tb], 0.4, label="nothing changed",
                color=[colors[b] for b in tb], alpha=0.4)
    axes[3].axhline(TARGETS["train_scratch_max_s"], color="crimson", linestyle="--", linewidth=1)
    axes[3].set_xticks(list(x), tb)
    axes[3].set_title("Training time (s)")
    axes[3].legend(fontsize=7)
    cores = data.get("machine", {}).get("cores")
    fig.suptitle(f"Assistant vs Rasa starter bot ({data.get('date', '')}, {cores} cores)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def render(data: Dict, out_md: Path, png: Optional[Path] = None) -> Path:
    m = data.get("machine", {})
    lines = [
        "# Measurements: speed, memory, training (`make bench`)",
        "",
        f"Run {data.get('date', '?')} on {m.get('cores', '?')} cores ({m.get('cpu', '?')}, "
        f"{m.get('memory_gb', '?')} GB RAM), commit {data.get('commit', '?')}; "
        f"load average {data.get('loadavg_start', '?')} at the start, "
        f"{data.get('loadavg_end', '?')} at the end (other work on the machine shows up there). "
        "Written by `measure/bench_run.py`; raw numbers in `results/bench.json`.",
        "",
        "**Assistant**: this project as `make run` starts it (`server/launcher.py`: Rasa server with the SQLite "
        "tracker store, action server, web page). **Baseline**: Rasa's starter bot from `rasa init --no-prompt`, "
        "trained in a temp folder and served with `rasa run` (in-memory tracker store, no action server). "
        "**assistant-cluster**: the production set-up of README \"Deployment\" on the same machine: two "
        "replicas (each `server/launcher.py`: Rasa + its action server) behind nginx, on PostgreSQL and Redis "
        "(`tests/support/cluster.py`). **assistant-rasa-store** (a diagnostic): the assistant with Rasa's own "
        "`type: SQL` tracker store on SQLite, i.e. the store before issue 16 (everything else as the "
        "assistant). **assistant-memory** (a diagnostic, `--memory-variant`): the assistant with the "
        "baseline's in-memory tracker store. "
        f"Load: `measure/bench_load.py`, N users each playing whole conversations back to back over "
        f"`POST /webhooks/rest/webhook` with no think time; per level and bot {data.get('seconds', '?')} s measured "
        f"in {data.get('rounds', 1)} slices, each after {data.get('warmup', '?')} s of warm-up, the bots "
        "alternating slice by slice (so both see the same background load); percentiles over all turns of the "
        "slices.",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
    ]
    for row in targets(data):
        value = row["value"]
        shown = "–" if value is None else (f"{value:.2f}x" if "baseline" in row["target"] else
                                          (f"{value:.0f} MB" if "GB" in row["target"] else f"{value:.0f} s"))
        lines.append(f"| {row['target']} | {shown} | {verdict(row['ok'])} |")
    lines += ["", "## Per-turn latency and throughput", "",
              "| users | bot | turns | errors | p50 ms | p95 ms | p99 ms | throughput turns/s | p50 ratio "
              "| p95 ratio | p99 ratio | throughput ratio |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for users, levels in sorted(data.get("load", {}).items(), key=lambda kv: int(kv[0])):
        b = levels.get("baseline")
        for bot in BOTS:
            r = levels.get(bot)
            if not r:
                continue
            ratios = ["", "", "", ""]
            if bot != "baseline" and b:
                ratios = [fmt(ratio(r.get(k), b.get(k)), ".2f") + "x"
                          for k in ("p50_ms", "p95_ms", "p99_ms", "throughput")]
            lines.append(f"| {users} | {bot} | {r['turns']} | {r['errors']} | {fmt(r['p50_ms'])} "
                         f"| {fmt(r['p95_ms'])} | {fmt(r['p99_ms'])} | {fmt(r['throughput'])} | "
                         + " | ".join(ratios) + " |")
    cap = data.get("capacity") or {}
    if cap:
        first = next(iter(cap.values()))
        lines += ["", "## Capacity: conversations at a human pace served with p95 <= 500 ms", "",
                  f"`measure/bench_load.py` `capacity()`: N concurrent conversations, each user waiting "
                  f"{first.get('think_s', '?'):.0f} s on average (uniform 0.5-1.5x) between a reply and their next "
                  "message, starts spread over one think time; each level measured for "
                  f"{data.get('capacity_seconds', '?')} s once every user has started; a level passes with p95 "
                  f"<= {first.get('p95_limit_ms', 500):.0f} ms and no errors (0.1 % at most). From a first guess "
                  "(80 % of what Little's law gives for the closed-loop throughput at 20 users) up or down by "
                  "1.3x, then bisection to 10 %; the bots take turns level by level.", "",
                  "| bot | capacity (users) | first failing level | ratio | levels tried (users: p95 ms) |",
                  "|---|---|---|---|---|"]
        base_cap = (cap.get("baseline") or {}).get("users")
        for bot in BOTS:
            c = cap.get(bot)
            if not c:
                continue
            tried = ", ".join(f"{st['users']}: {fmt(st['p95_ms'], '.0f')}{'' if st['ok'] else ' (over)'}"
                              for st in c["steps"])
            r = "" if bot == "baseline" else fmt(ratio(c["users"], base_cap), ".2f") + "x"
            lines.append(f"| {bot} | {c['users']} | {c['first_failing'] or '–'} | {r} | {tried} |")
    store = data.get("store_bench") or {}
    if store.get("variants"):
        lines += ["", "## Changes one by one", "",
                  "The tracker store alone (`measure/bench_store.py`: a recorded assessment of "
                  f"{store.get('events')} events in {store.get('turns_per_conversation')} turns replayed for "
                  f"{store.get('conversations')} conversations at once, {store.get('rounds')} rounds alternating; "
                  "per turn: retrieve, add the turn's events, save; the real store classes on a fresh SQLite file):",
                  "", "| store | p50 ms | p95 ms | p50 ratio to Rasa's |", "|---|---|---|---|"]
        for name, v in store["variants"].items():
            lines.append(f"| {name} | {v['p50_ms']:.2f} | {v['p95_ms']:.2f} | {v['p50_ratio']:.2f}x |")
    endpoint = data.get("endpoint_bench") or {}
    if endpoint.get("variants"):
        lines += ["", "The action endpoint alone (`measure/bench_endpoint.py`: "
                  f"{endpoint.get('calls')} calls of `{endpoint.get('action')}` with a recorded tracker against the "
                  "real action server, one caller, rounds alternating):", "",
                  "| endpoint | p50 ms | p95 ms | p50 ratio |", "|---|---|---|---|"]
        for name, v in endpoint["variants"].items():
            lines.append(f"| {name} | {v['p50_ms']:.2f} | {v['p95_ms']:.2f} | {v['p50_ratio']:.2f}x |")
    lines += ["", "## Resident memory (MB, VmRSS summed over each server's process tree)", "",
              "| bot | server | idle after start | peak under load |", "|---|---|---|---|"]
    for bot, mem in (data.get("memory") or {}).items():
        for server in sorted(mem.get("peak_mb", {})):
            lines.append(f"| {bot} | {server} | {fmt(mem.get('idle_mb', {}).get(server), '.0f')} | "
                         f"{fmt(mem['peak_mb'][server], '.0f')} |")
    train = data.get("training") or {}
    if train:
        lines += ["", "## Training time (s, whole CLI command)", "",
                  "| bot | from scratch (fresh out dir, empty cache) | nothing changed |", "|---|---|---|"]
        for bot, t in train.items():
            if t:
                lines.append(f"| {bot} | {fmt(t.get('scratch_s'))} | {fmt(t.get('unchanged_s'))} |")
        a, b = train.get("assistant"), train.get("baseline")
        if a and b:
            lines.append(f"| ratio | {fmt(ratio(a.get('scratch_s'), b.get('scratch_s')), '.2f')}x | "
                         f"{fmt(ratio(a.get('unchanged_s'), b.get('unchanged_s')), '.2f')}x |")
    prof = data.get("profile") or {}
    if prof.get("parts"):
        load = prof.get("load", {})
        lines += ["", "## Where the time goes (py-spy on the assistant's Rasa server, 1 user)", "",
                  f"{prof['samples']} samples at 200 Hz over {load.get('seconds', '?')} s "
                  f"({load.get('turns', '?')} turns, p50 {load.get('p50_ms', '?')} ms with the profiler attached); "
                  "each sample counted once, in the first part of a turn its stack is in "
                  "(`measure/bench_profile.py`; raw stacks in `results/bench-profile.txt`).", "",
                  "| part of a turn | share of time handling messages | share of all samples |", "|---|---|---|"]
        for row in prof["parts"]:
            share = row.get("share_of_handling")
            lines.append(f"| {row['part']} | {'–' if share is None else f'{share * 100:.0f} %'} | "
                         f"{row['share_of_samples'] * 100:.0f} % |")
    elif prof.get("error"):
        lines += ["", f"Profile: not taken ({prof['error']})."]
    if data.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in data["notes"]]
    if png and png.exists():
        lines += ["", f"![Latency, throughput, memory and training]({os.path.relpath(png, out_md.parent)})"]
    out_md.parent.mkdir(parents=True, exist_ok=True)
    out_md.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out_md


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip() or "?"
    except OSError:
        return "?"


def machine() -> Dict:
    from measure.eval_run import machine as eval_machine

    return eval_machine()


def measure_level(bases: Dict[str, str], users: int, seconds: float, warmup: float, rounds: int,
                  samplers: Dict[str, MemorySampler]) -> Dict[str, Dict]:
    """Each bot in turn, `rounds` slices of seconds/rounds each (the order flips every round), pooled:
    both bots then share whatever else the machine was doing during the level."""
    pooled = {bot: LoadResult(users, 0.0) for bot in bases}
    order = list(bases)
    for n in range(rounds):
        for bot in (order if n % 2 == 0 else order[::-1]):
            result = asyncio.run(run_load(bases[bot], users, seconds / rounds,
                                          CONVERSATIONS[BOT_CONVERSATIONS[bot]], warmup=warmup,
                                          seed=7 + n, on_tick=samplers[bot].sample))
            pooled[bot].turns += result.turns
            pooled[bot].seconds += result.seconds
            pooled[bot].conversations += result.conversations
    out = {}
    for bot, result in pooled.items():
        summary = out[bot] = result.summary()
        print(f"    {bot:9s} {users:3d} users: p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, "
              f"p99 {summary['p99_ms']} ms, {summary['throughput']} turns/s, {summary['errors']} errors", flush=True)
    return out


def profile_assistant(pid: int, base: str, seconds: float, raw: Path) -> Dict:
    """py-spy on the assistant's Rasa server while one user plays conversations."""
    from measure import bench_profile

    if not bench_profile.py_spy():
        return {"error": "py-spy not installed"}
    print(f"==> bench: profiling the Rasa server for {seconds:.0f} s (py-spy, 1 user)", flush=True)
    spy = bench_profile.record(pid, seconds, raw)
    result = asyncio.run(run_load(base, 1, seconds, CONVERSATIONS["assistant"], warmup=0))
    _, err = spy.communicate(timeout=seconds + 60)
    if spy.returncode != 0 or not raw.exists():
        return {"error": f"py-spy failed ({spy.returncode}): {err.decode(errors='replace')[-200:]}"}
    found = bench_profile.breakdown(raw)
    found["load"] = result.summary()
    return found


class ClusterBench:
    """The production set-up of README "Deployment" on this machine: PostgreSQL, Redis, two replicas
    (server/launcher.py: Rasa + its action server each) behind nginx (tests/support/cluster.py, the harness of
    tests/integration)."""

    def __init__(self, tmp: Path):
        self.tmp = tmp / "cluster"
        self.tmp.mkdir()
        self.tmp.chmod(0o755)
        self.pg = self.redis = self.nginx = None
        self.replicas: List = []

    def start(self) -> "ClusterBench":
        from concurrent.futures import ThreadPoolExecutor

        from tests.support.cluster import Nginx, Postgres, Redis, free_port
        from tests.support.servers import Servers

        try:
            self.pg = Postgres(self.tmp)
            self.pg.start()
            self.redis = Redis(self.tmp).start()
            extra = {"TRACKER_STORE_URL": self.pg.url, "LOCK_STORE_URL": self.redis.url,
                     "REST_TRUST_SENDER_IDS": "1", "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}
            self.replicas = [Servers(free_port(), free_port(), free_port(), extra) for _ in range(2)]
            with ThreadPoolExecutor(2) as pool:
                list(pool.map(lambda r: r.start(timeout=300), self.replicas))
            self.nginx = Nginx(self.tmp, [r.rasa_port for r in self.replicas]).start()
        except BaseException:
            self.stop()
            raise
        return self

    @property
    def base(self) -> str:
        return self.nginx.base

    @property
    def pids(self) -> Dict[str, int]:
        out = {}
        for n, replica in enumerate(self.replicas, 1):
            for name, pid in assistant_servers(replica.process.pid).items():
                if name != "web page":
                    out[f"{name} {n}"] = pid
        out["postgresql"] = self.pg.process.pid
        return out

    def stop(self) -> None:
        for stop in [r.stop for r in self.replicas] + [s.stop for s in (self.nginx, self.redis, self.pg) if s]:
            try:
                stop()
            except Exception as error:  # stop the others anyway
                print(f"stopping failed: {error!r}", file=sys.stderr)


def cluster_available() -> Optional[str]:
    from tests.support.cluster import missing_programs

    missing = missing_programs()
    return f"needs {', '.join(missing)} (scripts/setup_system.sh)" if missing else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", default="1,20")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--warmup", type=float, default=3, help="seconds of warm-up before each measured slice")
    parser.add_argument("--rounds", type=int, default=3, help="slices per bot and level, bots alternating")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--memory-variant", action="store_true",
                        help="also the diagnostic run of the assistant with an in-memory tracker store")
    parser.add_argument("--no-rasa-store-variant", action="store_true",
                        help="skip the assistant on Rasa's own SQL tracker store (the store before issue 16)")
    parser.add_argument("--no-cluster", action="store_true", help="skip the two-replica PostgreSQL + Redis set-up")
    parser.add_argument("--capacity-seconds", type=float, default=20,
                        help="measured seconds per capacity level (0: no capacity search)")
    parser.add_argument("--think", type=float, default=10.0, help="think time of the capacity search (s)")
    parser.add_argument("--profile-seconds", type=float, default=15,
                        help="py-spy profile of the assistant's Rasa server at 1 user (0: none)")
    parser.add_argument("--no-training", action="store_true", help="skip the assistant's timed training")
    parser.add_argument("--baseline-project", help="a `rasa init --no-prompt` folder already trained (not timed)")
    parser.add_argument("--no-micro", action="store_true", help="skip bench_store.py and bench_endpoint.py")
    parser.add_argument("--out", default=str(ROOT / "results"))
    parser.add_argument("--render-only", action="store_true", help="rewrite bench.md and bench.png from bench.json")
    args = parser.parse_args(argv)
    if args.render_only:
        out = Path(args.out)
        data = json.loads((out / "bench.json").read_text(encoding="utf-8"))
        plot(data, out / "bench.png")
        print(render(data, out / "bench.md", out / "bench.png"))
        return 0
    levels = [int(u) for u in args.users.split(",") if u.strip()]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    log = out / "bench.log"
    log.write_text("", encoding="utf-8")
    busy = [p for p in (*PORTS["assistant"], PORTS["baseline"], *PORTS["assistant-memory"],
                        *PORTS["assistant-rasa-store"]) if not port_free(p)]
    if busy:
        print(f"ports in use: {busy} (another bench running?)", file=sys.stderr)
        return 1

    from tests.support.servers import Servers

    data: Dict = {"date": time.strftime("%Y-%m-%d %H:%M %Z"), "machine": machine(), "commit": git_commit(),
                  "loadavg_start": loadavg(), "seconds": args.seconds, "warmup": args.warmup, "rounds": args.rounds,
                  "users": levels,
                  "training": {}, "load": {}, "memory": {}, "notes": []}
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    tmp.chmod(0o755)
    assistant = baseline = memory = rasa_store = cluster = None
    try:
        print("==> bench: training", flush=True)
        if not args.no_training:
            data["training"]["assistant"] = train_assistant(tmp, log)
            print(f"    assistant: {data['training']['assistant']}", flush=True)
        if not args.no_baseline and args.baseline_project:
            info = {"project": args.baseline_project}  # trained earlier with `rasa init --no-prompt`
            data["notes"].append("The baseline project was trained earlier by `rasa init --no-prompt` "
                                 "(--baseline-project); its training was not timed in this run.")
        elif not args.no_baseline:
            info = init_baseline(tmp, log)
            data["training"]["baseline"] = {k: v for k, v in info.items() if k != "project"}
            print(f"    baseline:  {data['training']['baseline']}", flush=True)

        if not args.no_micro:
            print("==> bench: the tracker store and the action endpoint alone", flush=True)
            for name, script, extra in (("store_bench", "bench_store", ["--conversations", "100"]),
                                        ("endpoint_bench", "bench_endpoint", [])):
                target = tmp / f"{name}.json"
                code = subprocess.call([PY, "-m", f"measure.{script}", "--json", str(target), *extra], cwd=ROOT,
                                       env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                if code == 0 and target.exists():
                    data[name] = json.loads(target.read_text(encoding="utf-8"))
                    for variant, v in data[name]["variants"].items():
                        print(f"    {variant:30s} p50 {v['p50_ms']:.2f} ms ({v['p50_ratio']:.2f}x)", flush=True)
                else:
                    data["notes"].append(f"measure.{script} failed (exit {code}).")

        print("==> bench: starting the servers", flush=True)
        rasa_port, actions_port, web_port = PORTS["assistant"]
        # The load generator names its own REST senders, all from 127.0.0.1 (README "Security").
        assistant = Servers(rasa_port, actions_port, web_port,
                            {"TRACKER_STORE_URL": f"sqlite:///{tmp / 'trackers.db'}", "REST_TRUST_SENDER_IDS": "1",
                             "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}).start()
        pids = {"assistant": assistant_servers(assistant.process.pid)}
        bases = {"assistant": assistant.base}
        if not args.no_baseline:
            baseline = Baseline(Path(info["project"]), PORTS["baseline"], out / "bench-baseline-server.log").start()
            pids["baseline"] = {"rasa server": baseline.process.pid}
            bases["baseline"] = baseline.base
        if args.memory_variant:
            memory = AssistantInMemory(tmp, out / "bench-memory-variant.log").start()
            pids["assistant-memory"] = memory.pids
            bases["assistant-memory"] = memory.base
        if not args.no_rasa_store_variant:
            rasa_store = AssistantInMemory(tmp, out / "bench-rasa-store-variant.log", "assistant-rasa-store",
                                           {"type": "SQL", "dialect": "sqlite",
                                            "db": str(tmp / "trackers-rasa-store.db")}).start()
            pids["assistant-rasa-store"] = rasa_store.pids
            bases["assistant-rasa-store"] = rasa_store.base
        if not args.no_cluster:
            why = cluster_available()
            if why:
                data["notes"].append(f"Two-replica PostgreSQL + Redis set-up not measured: {why}.")
            else:
                print("==> bench: starting PostgreSQL, Redis, two replicas and nginx", flush=True)
                cluster = ClusterBench(tmp).start()
                pids["assistant-cluster"] = cluster.pids
                bases["assistant-cluster"] = cluster.base
        bases = {bot: bases[bot] for bot in BOTS if bot in bases}
        samplers = {bot: MemorySampler(p) for bot, p in pids.items()}
        for bot, sampler in samplers.items():
            asyncio.run(run_load(bases[bot], 2, 0, CONVERSATIONS[BOT_CONVERSATIONS[bot]], warmup=0,
                                 max_conversations=3))  # warm up
            data["memory"][bot] = {"idle_mb": {k: round(v) for k, v in sampler.sample().items()}}

        print("==> bench: load", flush=True)
        for users in levels:
            data["load"][str(users)] = measure_level(bases, users, args.seconds, args.warmup, args.rounds, samplers)
        for bot, sampler in samplers.items():
            sampler.sample()
            data["memory"][bot]["peak_mb"] = {k: round(v) for k, v in sampler.peak.items()}
        if args.capacity_seconds > 0:
            print(f"==> bench: capacity (p95 <= 500 ms, {args.think:.0f} s think time)", flush=True)
            which = [b for b in ("assistant", "baseline", "assistant-cluster") if b in bases]
            top = str(max(levels))
            # a first guess from the closed-loop throughput (Little's law: N = X * (R + Z)), then up or down
            guess = {b: max(10, int(0.8 * ((data["load"][top].get(b) or {}).get("throughput") or 10) * args.think))
                     for b in which}
            data["capacity"] = capacity({b: bases[b] for b in which},
                                        {b: CONVERSATIONS[BOT_CONVERSATIONS[b]] for b in which},
                                        think=args.think, seconds=args.capacity_seconds, start_users=guess,
                                        log=lambda line: print(line, flush=True))
        data["capacity_seconds"] = args.capacity_seconds
        if args.profile_seconds > 0:
            data["profile"] = profile_assistant(pids["assistant"]["rasa server"], bases["assistant"],
                                                args.profile_seconds, out / "bench-profile.txt")
    finally:
        for running in (cluster, rasa_store, memory, assistant, baseline):
            if running:
                running.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    data["loadavg_end"] = loadavg()
    (out / "bench.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    png = out / "bench.png"
    plot(data, png)
    path = render(data, out / "bench.md", png)
    print(path.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
