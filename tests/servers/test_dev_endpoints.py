"""The repo's endpoints.yml, as a Rasa developer uses it (`rasa run`, `rasa shell`, `make shell`).

It follows ACTIONS_PORT: a plain `python -m rasa run --endpoints endpoints.yml` next to the project's
action server on a free port answers through custom actions; without ACTIONS_PORT the actions' errors
name the variable (never a silent call to another port); `make shell` defaults it to 5055.
"""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.cluster import free_port, wait_port
from tests.support.servers import SESSION_SECRET, signed

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "current.tar.gz"


def test_endpoints_yml_follows_actions_port(monkeypatch):
    from rasa.core.utils import read_endpoints_from_path

    monkeypatch.setenv("ACTIONS_PORT", "6123")
    assert read_endpoints_from_path(ROOT / "endpoints.yml").action.url == "http://127.0.0.1:6123/webhook"
    # Unset: Rasa 3.6 keeps the text, so the actions' error names the variable (documented in endpoints.yml)
    monkeypatch.delenv("ACTIONS_PORT")
    assert "${ACTIONS_PORT}" in read_endpoints_from_path(ROOT / "endpoints.yml").action.url


def test_the_makefile_gives_actions_port_a_default():
    makefile = (ROOT / "Makefile").read_text()
    assert "export ACTIONS_PORT ?= 5055" in makefile
    out = subprocess.run(["make", "-n", "shell"], cwd=ROOT, capture_output=True, text=True,
                         env={k: v for k, v in os.environ.items() if k != "ACTIONS_PORT"})
    assert "--port 5055" in out.stdout and "--endpoints endpoints.yml" in out.stdout, out.stdout + out.stderr


@pytest.mark.skipif(not MODEL.exists(), reason="needs `make train`")
def test_plain_rasa_run_with_the_repo_endpoints_reaches_the_action_server_on_actions_port(tmp_path):
    rasa_port, actions_port = free_port(), free_port()
    env = {**os.environ, "ACTIONS_PORT": str(actions_port), "SESSION_SECRET": SESSION_SECRET,
           "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    log = open(tmp_path / "servers.log", "wb")
    actions = subprocess.Popen([sys.executable, "-m", "server.action_server", "--port",
                                str(actions_port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    rasa = subprocess.Popen([sys.executable, "-m", "rasa", "run", "--model", str(MODEL), "--port", str(rasa_port),
                             "--interface", "127.0.0.1", "--endpoints", "endpoints.yml",
                             "--credentials", "credentials.yml"], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    try:
        wait_port(actions_port, 60, actions)
        wait_port(rasa_port, 240, rasa)
        body = json.dumps({"sender": signed("dev-endpoints-1"), "message": "what does punctate calcification mean?"})
        deadline = time.monotonic() + 60
        while True:
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
                                                 data=body.encode(), headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=60) as answer:
                    replies = json.loads(answer.read())
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        text = "\n".join(m.get("text") or "" for m in replies).lower()
        assert "calcium" in text, text  # answered by action_answer_question on the action server
        assert "couldn't connect" not in (tmp_path / "servers.log").read_text(errors="replace").lower()
    finally:
        for process in (rasa, actions):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()
