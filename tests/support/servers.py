"""Start and stop the real servers (`python -m server`: server/launcher.py) on given ports, for the tests
and the measurements."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "e2e-test-token"
# The tests are a "site backend" (README "Security"): they know the session secret and sign their own REST
# sender ids, so a test can name its conversations.
SESSION_SECRET = "e2e-session-secret-0123456789abcdef"


def signed(sender: str) -> str:
    """The REST sender token of a test's own conversation id (8-64 characters A-Za-z0-9_-)."""
    from channels.sessions import sign

    return sign(sender, SESSION_SECRET.encode())


class Servers:
    def __init__(self, rasa_port: int, actions_port: int, web_port: int, extra_env: Optional[Dict] = None):
        self.rasa_port, self.actions_port, self.web_port = rasa_port, actions_port, web_port
        self.extra_env = extra_env or {}
        self.process: Optional[subprocess.Popen] = None
        self.log = ROOT / "results" / f"e2e-servers-{rasa_port}.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start(self, timeout: float = 240) -> "Servers":
        self.log.parent.mkdir(exist_ok=True)
        env = {**os.environ, "RASA_PORT": str(self.rasa_port), "ACTIONS_PORT": str(self.actions_port),
               "WEB_PORT": str(self.web_port), "RASA_TOKEN": TOKEN, "SESSION_SECRET": SESSION_SECRET,
               # The tests check the strict mode (only issued ids); the contract's default trusts REST ids.
               "REST_TRUST_SENDER_IDS": "0", **self.extra_env}
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "server"], cwd=ROOT, env=env,
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"servers exited ({self.process.returncode}); see {self.log}")
            try:
                if self.get(f"/status?token={TOKEN}") and _port_open(self.actions_port) and _port_open(self.web_port):
                    return self
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(1)
        self.stop()
        raise RuntimeError(f"servers did not come up in {timeout} s; see {self.log}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def request(self, method: str, path: str, body=None, headers=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
        with urllib.request.urlopen(req, timeout=60) as response:
            return json.loads(response.read().decode() or "null")

    def get(self, path: str):
        return self.request("GET", path)

    def say(self, sender: str, text: str) -> List[Dict]:
        """A message in the web conversation `web:<sender>` (the sender id signed, as a backend does)."""
        return self.request("POST", "/webhooks/rest/webhook", {"sender": signed(sender), "message": text})

    def tracker(self, sender: str) -> Dict:
        """The tracker of `web:<sender>`, or of a conversation id with its channel (`telegram:424242`)."""
        from channels.sessions import has_scope

        conversation = sender if has_scope(sender) or "." in sender else signed(sender)  # "." : a token
        return self.get(f"/conversations/{conversation}/tracker?token={TOKEN}")

    def parse(self, text: str) -> Dict:
        return self.request("POST", f"/model/parse?token={TOKEN}", {"text": text})


def _port_open(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False
