#!/usr/bin/env python3
"""The action endpoint alone: Rasa's `EndpointConfig` (a new HTTP session per call) against
server.action_endpoint's keep-alive one, on the real action server.

The action server (server/action_server.py) is started on a free port; each
call is what `RemoteAction` sends for `action_validate_slot_mappings` (Rasa runs
it on every message) with the recorded assessment's tracker
(tests/data/bench_conversation.json), through `endpoint.request(...)` exactly
as `RemoteAction.run` calls it. Variants alternate in rounds; per-call p50/p95.

  bench_endpoint.py [--calls 300] [--rounds 3] [--json OUT]
"""

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTION = "action_validate_slot_mappings"


def percentile(values: List[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def body() -> Dict:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    domain = Domain.load(str(ROOT / "domain.yml"))
    events = json.loads((ROOT / "tests" / "data" / "bench_conversation.json").read_text(encoding="utf-8"))["events"]
    tracker = DialogueStateTracker.from_dict("bench-endpoint", events, domain.slots)
    endpoint = EndpointConfig("http://127.0.0.1:1/webhook", enable_selective_domain=True)
    return RemoteAction(ACTION, endpoint)._action_call_format(tracker, domain)


async def calls(endpoint, payload: Dict, n: int) -> List[float]:
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT

    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        result = await endpoint.request(json=payload, method="post", timeout=DEFAULT_REQUEST_TIMEOUT, compress=False)
        out.append((time.perf_counter() - t0) * 1000)
        assert isinstance(result, dict) and "events" in result, result
    close = getattr(endpoint, "close", None)
    if close:
        await close()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    from rasa.utils.endpoints import EndpointConfig

    from server.action_endpoint import KeepAliveEndpointConfig
    from tests.support.cluster import free_port, wait_port
    from server.launcher import rasa_env

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "server.action_server", "--host", "127.0.0.1",
                               "--port", str(port)], cwd=ROOT, env=rasa_env({"SANIC_KEEP_ALIVE_TIMEOUT": "5"}),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, 120, server)
        url = f"http://127.0.0.1:{port}/webhook"
        payload = body()
        variants = {"rasa (new session per call)": lambda: EndpointConfig(url, enable_selective_domain=True),
                    "keep-alive session": lambda: KeepAliveEndpointConfig(url, enable_selective_domain=True)}
        pooled: Dict[str, List[float]] = {name: [] for name in variants}
        asyncio.run(calls(variants["keep-alive session"](), payload, 20))  # warm up the action server
        names = list(variants)
        for n in range(args.rounds):
            for name in (names if n % 2 == 0 else names[::-1]):
                pooled[name] += asyncio.run(calls(variants[name](), payload, args.calls))
    finally:
        server.terminate()
        server.wait(timeout=20)
    out = {}
    base = percentile(pooled[names[0]], 50)
    for name, lat in pooled.items():
        out[name] = {"calls": len(lat), "p50_ms": round(percentile(lat, 50), 3),
                     "p95_ms": round(percentile(lat, 95), 3), "mean_ms": round(statistics.mean(lat), 3),
                     "p50_ratio": round(percentile(lat, 50) / base, 2)}
        print(f"{name:30s} p50 {out[name]['p50_ms']:7.3f} ms  p95 {out[name]['p95_ms']:7.3f} ms  "
              f"({out[name]['p50_ratio']:.2f}x)", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"calls": args.calls * args.rounds, "action": ACTION,
                                               "variants": out}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
