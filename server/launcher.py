"""Start the action server, the Rasa server and the web chat page; stop all on Ctrl-C.

Configuration comes from the environment (see README):
RASA_PORT=5005 ACTIONS_PORT=5055 WEB_PORT=8080 BIND_HOST=127.0.0.1,
RASA_TOKEN (random and printed when unset), RASA_JWT_SECRET and RASA_JWT_METHOD
(optional JWT auth of the HTTP API, default HS256), TRACKER_STORE_URL (unset:
SQLite under var/), LOCK_STORE_URL (unset: in memory), ACTION_SERVER_URL
(unset: the action server started here), WEB_ORIGINS, RATE_LIMIT_PER_MINUTE,
MAX_MESSAGE_CHARS, and the messaging platforms' variables (server/endpoints.py,
PLATFORMS): a platform is on when all its required variables are set.

`make run` and the Dockerfile run this as `python -m server` (server/__main__.py).

`--only rasa`, `--only actions`, `--only web` (or a comma-separated list) start
only those servers: one per container in deploy/docker-compose.yml.
"""

import argparse
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Mapping, Optional

from assistant import config
from server.endpoints import env, write_credentials, write_endpoints

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "current.tar.gz"


def rasa_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment for Rasa and action-server processes: the project on the
    path, telemetry off, and the known harmless noise silenced."""
    environment = dict(os.environ)
    environment.update({
        "PYTHONPATH": str(ROOT) + os.pathsep + environment.get("PYTHONPATH", ""),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "RASA_TELEMETRY_ENABLED": "false",
    })
    environment.update(extra or {})
    return environment


def wait_for_port(host: str, port: int, process: subprocess.Popen, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.3)
    return False


SERVERS = ("actions", "rasa", "web")


def check_jwt_method(environ: Dict[str, str]) -> None:
    """Stops the start on a RASA_JWT_METHOD Rasa does not know (server/rasa_server.py reads it)."""
    from server.rasa_server import secret_args

    secret_args(environ)


def actions_bind_host(only: List[str], host: str, environ: Optional[Mapping[str, str]] = None) -> str:
    """ACTIONS_BIND_HOST; else loopback when the Rasa server runs here too (its only client), else BIND_HOST."""
    return config.text("ACTIONS_BIND_HOST", "", environ) or ("127.0.0.1" if "rasa" in only else host)


def parse_only(argv: List[str]) -> List[str]:
    parser = argparse.ArgumentParser(description="Start the assistant's servers (see README).")
    parser.add_argument("--only", default=",".join(SERVERS),
                        help="comma-separated subset of: " + ", ".join(SERVERS))
    only = [name.strip() for name in parser.parse_args(argv).only.split(",") if name.strip()]
    unknown = [name for name in only if name not in SERVERS]
    if unknown or not only:
        parser.error(f"--only takes {', '.join(SERVERS)}; got {', '.join(unknown) or 'nothing'}")
    return only


def main(argv: Optional[List[str]] = None) -> int:
    only = parse_only(sys.argv[1:] if argv is None else argv)
    os.umask(0o077)  # what this script and the servers write (var/, the SQLite store) is private
    host = env("BIND_HOST", "127.0.0.1")
    probe_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    rasa_port, actions_port, web_port = env("RASA_PORT", "5005"), env("ACTIONS_PORT", "5055"), env("WEB_PORT", "8080")
    token = config.text("RASA_TOKEN")
    if not token and "rasa" in only:
        token = secrets.token_urlsafe(24)
        print(f"RASA_TOKEN was not set; this run's token is: {token}", flush=True)
    if "rasa" in only and not MODEL.exists():
        print(f"No trained model at {MODEL}: run `make train` first.", file=sys.stderr)
        return 1
    if "rasa" in only:
        # Fail early on bad limits (channels/limits.py reads them again in the Rasa process).
        from channels.limits import max_message_chars, rate_limit_per_minute

        max_message_chars(), rate_limit_per_minute()
        check_jwt_method(dict(os.environ))
        from channels.sessions import check_secret

        check_secret()
        endpoints = write_endpoints(actions_port, rasa_port)
        credentials, channels_line = write_credentials(rasa_port)
        print(channels_line, flush=True)
    base_env = rasa_env({"RASA_TOKEN": token})
    # Secrets travel in the environment, never on a command line (server/rasa_server.py). The JWT secret
    # is for the Rasa server only; the web sessions' secret is random for this run when unset (then a
    # restart ends every web session: set SESSION_SECRET, the same on every replica, to keep them).
    rasa_only = {"RASA_JWT_SECRET": config.text("RASA_JWT_SECRET"),
                 "SESSION_SECRET": config.text("SESSION_SECRET") or secrets.token_urlsafe(32)}
    base_env.pop("RASA_JWT_SECRET", None)
    base_env.pop("SESSION_SECRET", None)
    # Sanic (the Rasa server) reads SANIC_* variables: a request, body included (server/rasa_patches.py),
    # must arrive within 10 s; an idle keep-alive connection is closed after 5 s (Rasa sets 120 s; the
    # Rasa server's hooks put SANIC_KEEP_ALIVE_TIMEOUT back).
    base_env.setdefault("SANIC_REQUEST_TIMEOUT", "10")
    base_env.setdefault("SANIC_KEEP_ALIVE_TIMEOUT", "5")
    # Sanic reads SANIC_* variables: bound request bodies (its default is 100 MB).
    base_env.setdefault("SANIC_REQUEST_MAX_SIZE", str(2 * 1024 * 1024))
    commands: List[tuple] = []
    if "actions" in only:
        # Our launcher around rasa-sdk (400 on malformed calls). Its only client is the Rasa server: next to
        # it, loopback whatever BIND_HOST says; alone (a container of its own), BIND_HOST.
        actions_host = actions_bind_host(only, host)
        commands.append(("action server", ["-m", "server.action_server", "--host", actions_host,
                                           "--port", actions_port],
                         {"SANIC_HOST": actions_host, "ACTION_SERVER_SANIC_WORKERS": "1"}, int(actions_port)))
    if "rasa" in only:
        # --cors (Sanic-CORS) is the server's one CORS layer, socket.io included (channels/socketio.py).
        from channels.socketio import allowed_origins

        origins = allowed_origins()
        commands.append(("rasa server", ["-m", "server.rasa_server", "run", "--model", str(MODEL),
                                         "--enable-api", "--interface", host, "--port", rasa_port,
                                         "--endpoints", str(endpoints), "--credentials", str(credentials),
                                         "--cors", *([origins] if isinstance(origins, str) else origins)],
                         rasa_only, int(rasa_port)))
    if "web" in only:
        commands.append(("web chat page", ["-m", "server.web_server"], {}, int(web_port)))

    processes: List[tuple] = []
    stopping = False

    def stop(*_args) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        print("\nStopping ...", flush=True)
        for name, process in reversed(processes):
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 15
        for name, process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
        print("Stopped.", flush=True)

    signal.signal(signal.SIGINT, lambda *a: stop())
    signal.signal(signal.SIGTERM, lambda *a: stop())
    signal.signal(signal.SIGHUP, lambda *a: stop())

    started = time.monotonic()
    for name, args, extra_env, port in commands:
        bound = extra_env.get("SANIC_HOST", probe_host) if name == "action server" else probe_host
        bound = "127.0.0.1" if bound in ("0.0.0.0", "::") else bound
        print(f"Starting the {name} on {bound}:{port} ...", flush=True)
        process = subprocess.Popen([sys.executable, *args], cwd=ROOT, env={**base_env, **extra_env})
        processes.append((name, process))
        if not wait_for_port(bound, port, process, 300):
            print(f"The {name} did not start (exit code {process.poll()}).", file=sys.stderr)
            stop()
            return 1
        if stopping:
            return 130
    urls = {"rasa": f"Rasa http://{probe_host}:{rasa_port}", "actions": f"actions http://{probe_host}:{actions_port}",
            "web": f"web http://{probe_host}:{web_port}"}
    print(f"All up in {time.monotonic() - started:.0f} s: {' '.join(urls[name] for name in SERVERS if name in only)}"
          "  (Ctrl-C stops)", flush=True)
    while not stopping:
        for name, process in processes:
            if process.poll() is not None and not stopping:
                print(f"The {name} exited (code {process.returncode}); stopping the rest.", file=sys.stderr)
                stop()
                return 1
        time.sleep(0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
