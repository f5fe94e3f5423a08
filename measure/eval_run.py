#!/usr/bin/env python3
"""`make eval`: measure what the assistant understands and decides (issue 7).

Steps (all by default; `--steps` picks some), each writing under results/eval/:

  heldout    a fixed, seeded 20 % split of data/nlu (`rasa data split nlu`, written
             to a temp dir); an NLU model trained on the other 80 % in a temp dir;
             `rasa test nlu` on the 20 %  -> results/eval/heldout/
  cv         3-fold cross-validation on all of data/nlu (`rasa test nlu
             --cross-validation`; folds seeded through numpy's global RNG, which
             Rasa's StratifiedKFold uses)                       -> results/eval/cv/
  core       the conversation tests (`rasa test core --stories tests`) against
             models/current.tar.gz                              -> results/eval/core/
  vignettes  tests/vignettes/{nlu,vignettes}.json through the HTTP surface:
             ../shared/eval/contract_eval.py --start (it runs `make run` on ports
             5105/5155/8180) when that file exists, otherwise measure/eval_vignettes.py
             (same protocol and metrics)                  -> results/eval/vignettes.json
  report     results/eval.md with tables and pictures (measure/eval_report.py)

Timings and the machine go to results/eval/meta.json. Exit status: 0 when every
step ran (the scores are judged by reading the report), 1 when a step failed to run.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.launcher import rasa_env  # noqa: E402

PY = sys.executable
STEPS = ("heldout", "cv", "core", "vignettes", "report")
DEFAULT_SEED = 20240607
CONTRACT_EVAL = ROOT.parent / "shared" / "eval" / "contract_eval.py"

# Rasa's CLI, with numpy's and Python's global RNGs seeded first: Rasa's
# cross-validation folds (StratifiedKFold(shuffle=True), no random_state) then
# come out the same on every run.
SEEDED_RASA = (
    "import random, sys\n"
    "import numpy\n"
    "seed = int(sys.argv[1]); random.seed(seed); numpy.random.seed(seed)\n"
    "sys.argv = ['rasa'] + sys.argv[2:]\n"
    "from rasa.__main__ import main\n"
    "main()\n"
)




def run(cmd, log: Path, env=None, cwd=ROOT):
    """Run a command, its output appended to log; raise with the log's tail on failure."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "a", encoding="utf-8") as fh:
        fh.write("\n$ " + " ".join(map(str, cmd)) + "\n")
        fh.flush()
        started = time.monotonic()
        code = subprocess.call([str(c) for c in cmd], cwd=cwd, env=env or rasa_env(),
                               stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        elapsed = time.monotonic() - started
    if code != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise RuntimeError(f"{cmd[:4]} exited with {code} after {elapsed:.0f} s; log {log}:\n{tail}")
    return elapsed


def count_examples(path: Path) -> int:
    """Training examples in a Rasa YAML NLU file (lines '- ...' under 'examples', lookups excluded)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    total = 0
    for block in data.get("nlu") or []:
        if "intent" in block:
            total += sum(1 for line in str(block.get("examples", "")).splitlines() if line.strip().startswith("- "))
    return total


def step_heldout(out: Path, seed: int, fraction: float, tmp: Path, log: Path) -> dict:
    split = tmp / "split"
    models = tmp / "models"
    t_split = run([PY, "-m", "rasa", "data", "split", "nlu", "-u", ROOT / "data" / "nlu",
                   "--training-fraction", fraction, "--random-seed", seed, "--out", split], log)
    # The component reads knowledge/; the lookup tables come from scripts/generate_lookups.py.
    t_train = run([PY, "-m", "rasa", "train", "nlu", "--config", ROOT / "config.yml",
                   "--nlu", split / "training_data.yml", "--out", models, "--fixed-model-name", "heldout"], log)
    target = out / "heldout"
    shutil.rmtree(target, ignore_errors=True)
    t_test = run([PY, "-m", "rasa", "test", "nlu", "--model", models / "heldout.tar.gz",
                  "--nlu", split / "test_data.yml", "--out", target, "--successes"], log)
    shutil.copy(split / "test_data.yml", target / "test_data.yml")
    return {"seed": seed, "training_fraction": fraction,
            "train_examples": count_examples(split / "training_data.yml"),
            "test_examples": count_examples(split / "test_data.yml"),
            "seconds": {"split": round(t_split, 1), "train": round(t_train, 1), "test": round(t_test, 1)}}


def step_cv(out: Path, seed: int, folds: int, log: Path) -> dict:
    target = out / "cv"
    shutil.rmtree(target, ignore_errors=True)
    seconds = run([PY, "-c", SEEDED_RASA, seed, "test", "nlu", "--nlu", ROOT / "data" / "nlu",
                   "--config", ROOT / "config.yml", "--cross-validation", "--folds", folds,
                   "--out", target, "--successes"], log)
    return {"seed": seed, "folds": folds,
            "examples": sum(count_examples(p) for p in (ROOT / "data" / "nlu").glob("*.yml")),
            "seconds": round(seconds, 1)}


def step_core(out: Path, log: Path) -> dict:
    target = out / "core"
    shutil.rmtree(target, ignore_errors=True)
    model = ROOT / "models" / "current.tar.gz"
    if not model.exists():
        raise RuntimeError("no models/current.tar.gz: run `make train` first")
    seconds = run([PY, "-m", "rasa", "test", "core", "--model", model, "--stories", ROOT / "tests",
                   "--out", target], log)
    return {"seconds": round(seconds, 1)}


def step_vignettes(out: Path, cases: Path, log: Path, runner: str) -> dict:
    result = out / "vignettes.json"
    if runner == "auto":
        runner = "contract" if CONTRACT_EVAL.exists() else "own"
    if runner == "contract":
        cmd = [PY, CONTRACT_EVAL, "--project", ROOT, "--cases", cases, "--start", "--json", result]
    else:
        cmd = [PY, "-m", "measure.eval_vignettes", "--cases", cases, "--start", "--json", result]
    started = time.monotonic()
    with open(out / "vignettes.txt", "w", encoding="utf-8") as stdout, open(log, "a", encoding="utf-8") as stderr:
        stderr.write("\n$ " + " ".join(map(str, cmd)) + "\n")
        stderr.flush()
        # The black-box runners send their own REST sender ids and read /conversations/<sender>/tracker: the
        # servers must take REST ids as given (README "Security"; make run passes the environment on).
        code = subprocess.call([str(c) for c in cmd], cwd=ROOT, env={**rasa_env(), "REST_TRUST_SENDER_IDS": "1"},
                               stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL)
    lines = (out / "vignettes.txt").read_text(encoding="utf-8").strip().splitlines()
    last = lines[-1] if lines else ""
    if code != 0 or not result.exists():
        raise RuntimeError(f"vignette runner exited with {code}: {last}; see {out / 'vignettes.txt'} and {log}")
    return {"runner": "shared/eval/contract_eval.py" if runner == "contract" else "measure/eval_vignettes.py",
            "summary_line": last, "seconds": round(time.monotonic() - started, 1)}


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gb": mem_gb, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", default=",".join(STEPS), help="comma-separated subset of " + ",".join(STEPS))
    parser.add_argument("--out", default=str(ROOT / "results"), help="results directory (eval.md, eval/)")
    parser.add_argument("--cases", default=str(ROOT / "tests" / "vignettes"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--training-fraction", type=float, default=0.8)
    parser.add_argument("--runner", choices=["auto", "contract", "own"], default="auto",
                        help="vignette runner: shared contract_eval.py (auto when present) or "
                             "measure/eval_vignettes.py")
    args = parser.parse_args(argv)
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = set(steps) - set(STEPS)
    if unknown:
        parser.error(f"unknown steps: {', '.join(sorted(unknown))}")

    results = Path(args.out)
    out = results / "eval"
    out.mkdir(parents=True, exist_ok=True)
    log = out / "eval.log"
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    meta.update({"date": time.strftime("%Y-%m-%d %H:%M %Z"), "machine": machine()})
    meta.setdefault("steps", {})
    failed = []
    with tempfile.TemporaryDirectory(prefix="eval-") as tmp:
        for step in steps:
            if step == "report":
                continue
            print(f"==> eval: {step}", flush=True)
            started = time.monotonic()
            try:
                if step == "heldout":
                    info = step_heldout(out, args.seed, args.training_fraction, Path(tmp), log)
                elif step == "cv":
                    info = step_cv(out, args.seed, args.folds, log)
                elif step == "core":
                    info = step_core(out, log)
                else:
                    info = step_vignettes(out, Path(args.cases), log, args.runner)
                info["ok"] = True
            except Exception as exc:  # noqa: BLE001 - keep going, report the failure
                print(f"    failed: {exc}", file=sys.stderr, flush=True)
                info = {"ok": False, "error": str(exc)[-2000:]}
                failed.append(step)
            info["wall_seconds"] = round(time.monotonic() - started, 1)
            meta["steps"][step] = info
            print(f"    {step}: {info['wall_seconds']} s", flush=True)
            meta_path.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    if "report" in steps:
        from measure.eval_report import render

        path = render(out, results / "eval.md")
        print(f"==> report: {path}", flush=True)
    if failed:
        print(f"eval: steps that did not run: {', '.join(failed)} (see {log})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
