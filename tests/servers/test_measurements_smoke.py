"""Smoke versions of `make eval` and `make bench` (issue 7), so the measurement code does not rot.

Tiny sizes against one real server set (server/launcher.py on free ports):
5 vignettes and 5 NLU cases through the project's runner (and through
../shared/eval/contract_eval.py when it is there), the eval report rendered from
that; one user playing two conversations with the load generator, memory read
from /proc, the bench report and chart rendered without a baseline. Scores are
not judged here (wrong vignettes are findings for results/eval.md); only that
every piece runs and produces well-formed output. Nothing is written under
results/.
"""

import asyncio
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cluster import free_port
from tests.support.servers import TOKEN, Servers

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "vignettes"
CONTRACT_EVAL = ROOT.parent / "shared" / "eval" / "contract_eval.py"
SUMMARY = re.compile(r"^intent_acc=\S+ entity_f1=\S+ negation_acc=\S+ triage_acc=\S+ under_triage=\d+ "
                     r"emergency_recall=\S+ cause_hit=\S+$")
# One of each kind: a red flag, a family-only trap, a medicine, a correction, a pasted report.
SMOKE_VIGNETTES = ["rf-outside-assessment", "fam-red-flag-symptoms", "cause-methotrexate",
                   "correction-imaging", "pasted-ct-benign"]

pytestmark = pytest.mark.skipif(not (ROOT / "models" / "current.tar.gz").exists(), reason="needs `make train`")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    db = tmp_path_factory.mktemp("smoke-store") / "trackers.db"
    # The runners name their own REST senders (README "Security"), all from 127.0.0.1.
    running = Servers(free_port(), free_port(), free_port(), {
        "TRACKER_STORE_URL": f"sqlite:///{db}", "REST_TRUST_SENDER_IDS": "1",
        "RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "0"}).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def small_cases(tmp_path_factory):
    directory = tmp_path_factory.mktemp("smoke-cases")
    vignettes = {v["id"]: v for v in json.loads((CASES / "vignettes.json").read_text(encoding="utf-8"))}
    nlu = json.loads((CASES / "nlu.json").read_text(encoding="utf-8"))
    (directory / "vignettes.json").write_text(json.dumps([vignettes[i] for i in SMOKE_VIGNETTES]), encoding="utf-8")
    (directory / "nlu.json").write_text(json.dumps(nlu[::len(nlu) // 5][:5]), encoding="utf-8")
    return directory


def test_case_files_are_well_formed():
    vignettes = json.loads((CASES / "vignettes.json").read_text(encoding="utf-8"))
    nlu = json.loads((CASES / "nlu.json").read_text(encoding="utf-8"))
    assert len(vignettes) >= 40 and len(nlu) >= 60
    assert len({v["id"] for v in vignettes}) == len(vignettes)
    levels = {"emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"}
    assert {v["triage"] for v in vignettes} == levels
    causes = {c for v in vignettes for c in v["causes_top3_any"]}
    assert len(causes) == 10, "every knowledge-base cause is expected somewhere"
    assert all(v["messages"] and v["note"] for v in vignettes)
    assert {e.get("role") for c in nlu for e in c["entities"]} >= {None, "negated", "family"}


def test_eval_smoke(servers, small_cases, tmp_path):
    from measure import eval_vignettes
    from measure.eval_report import render

    result = eval_vignettes.evaluate(eval_vignettes.Client(servers.base, TOKEN), small_cases)
    assert SUMMARY.match(result["summary_line"]), result["summary_line"]
    dialogue = result["dialogue"]["metrics"]
    assert dialogue["vignettes"] == 5 and dialogue["errors"] == 0
    assert all(r["pred_triage"] for r in result["dialogue"]["vignettes"]), "every conversation sets triage_level"
    assert result["nlu"]["metrics"]["cases"] == 5 and result["nlu"]["metrics"]["errors"] == 0

    eval_dir = tmp_path / "eval"
    eval_dir.mkdir()
    (eval_dir / "vignettes.json").write_text(json.dumps(result), encoding="utf-8")
    report = render(eval_dir, tmp_path / "eval.md").read_text(encoding="utf-8")
    assert "### Triage confusion matrix" in report and "### Under-triage" in report
    assert (eval_dir / "triage_confusion.png").stat().st_size > 1000
    assert "## 1. NLU on the project's own data" in report  # "Not run." here: no held-out in the smoke


@pytest.mark.skipif(not CONTRACT_EVAL.exists(), reason="the shared contract_eval.py is not next to this clone")
def test_contract_eval_smoke(servers, small_cases, tmp_path):
    out = tmp_path / "contract.json"
    run = subprocess.run([sys.executable, str(CONTRACT_EVAL), "--cases", str(small_cases), "--rasa-port",
                          str(servers.rasa_port), "--token", TOKEN, "--json", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert SUMMARY.match(run.stdout.strip().splitlines()[-1])
    assert json.loads(out.read_text())["dialogue"]["metrics"]["vignettes"] == 5


def test_bench_smoke(servers, tmp_path):
    from measure.bench_load import ASSISTANT_CONVERSATIONS, run_load
    from measure.bench_run import MemorySampler, assistant_servers, plot, render

    pids = assistant_servers(servers.process.pid)
    assert {"rasa server", "action server"} <= set(pids)
    sampler = MemorySampler(pids)
    result = asyncio.run(run_load(servers.base, 1, 0, ASSISTANT_CONVERSATIONS[:2], warmup=0, max_conversations=2,
                                  on_tick=sampler.sample))
    summary = result.summary()
    assert summary["turns"] >= 3 and summary["errors"] == 0 and summary["p50_ms"] > 0 and summary["throughput"] > 0
    assert 100 < sampler.peak["rasa server"] < 4096, sampler.peak  # MB

    data = {"date": "smoke", "machine": {"cores": 2}, "seconds": 0, "warmup": 0, "users": [1],
            "load": {"1": {"assistant": summary}}, "training": {},
            "memory": {"assistant": {"idle_mb": {}, "peak_mb": {k: round(v) for k, v in sampler.peak.items()}}}}
    png = tmp_path / "bench.png"
    plot(data, png)
    report = render(data, tmp_path / "bench.md", png).read_text(encoding="utf-8")
    assert "| 1 | assistant |" in report and "one Rasa server <= 1.5 GB" in report
    assert png.stat().st_size > 1000


def test_eval_report_without_results(tmp_path):
    """`make eval` steps that did not run become 'Not run.' lines, never a crash."""
    from measure.eval_report import render

    (tmp_path / "eval").mkdir()
    report = render(tmp_path / "eval", tmp_path / "eval.md").read_text(encoding="utf-8")
    assert report.count("Not run.") == 3


def test_profile_breakdown(tmp_path):
    """py-spy's collapsed stacks are sorted into the parts of a turn (first matching part wins)."""
    from measure.bench_profile import IDLE, breakdown

    handle = "run (sanic/app.py:1);handle_message (rasa/core/processor.py:10)"
    raw = tmp_path / "raw.txt"
    raw.write_text("\n".join([
        f"{handle};save (rasa/core/tracker_store.py:5);commit (sqlalchemy/orm/session.py:9) 30",
        f"{handle};_parse_message_with_graph (rasa/core/processor.py:20) 20",
        f"{handle};run (rasa/core/actions/action.py:3);_retrieve (rasa/core/tracker_store.py:7) 10",
        "run (sanic/app.py:1);serve (sanic/server/runners.py:2) 40",
    ]) + "\n", encoding="utf-8")
    result = breakdown(raw)
    parts = {row["part"]: row for row in result["parts"]}
    assert result["samples"] == 100 and result["handling_samples"] == 60
    assert parts[IDLE]["share_of_samples"] == 0.4 and parts[IDLE]["share_of_handling"] is None
    save = next(row for name, row in parts.items() if name.startswith("tracker store: save"))
    load = next(row for name, row in parts.items() if name.startswith("tracker store: load"))
    assert save["share_of_handling"] == 0.5 and load["share_of_handling"] == round(10 / 60, 3)
