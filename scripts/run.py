#!/usr/bin/env python3
"""Start the action server, the Rasa server and the web chat page; stop all on Ctrl-C.

Configuration comes from the environment (see README):
RASA_PORT=5005 ACTIONS_PORT=5055 WEB_PORT=8080 BIND_HOST=127.0.0.1,
RASA_TOKEN (random and printed when unset), RASA_JWT_SECRET and RASA_JWT_METHOD
(optional JWT auth of the HTTP API, default HS256), TRACKER_STORE_URL (unset:
SQLite under var/), LOCK_STORE_URL (unset: in memory), ACTION_SERVER_URL
(unset: the action server started here), WEB_ORIGINS, RATE_LIMIT_PER_MINUTE,
MAX_MESSAGE_CHARS, and the messaging platforms' variables (PLATFORMS below): a
platform is on when all its required variables are set.

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
from typing import Dict, List, Optional, Tuple
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
VAR = ROOT / "var"
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
        "PYTHONWARNINGS": "ignore",
    })
    environment.update(extra or {})
    return environment


def env(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


# Rasa's SQL tracker store reading and writing only the events that changed (channels/tracker_store.py).
TRACKER_STORE_TYPE = "channels.tracker_store.IncrementalSQLTrackerStore"


def tracker_store_config(url: Optional[str]) -> Dict:
    """SQLite under var/ by default; a postgresql:// URL selects that database."""
    if not url:
        return {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": str(VAR / "trackers.db")}
    parsed = urlparse(url)
    if parsed.scheme.startswith("postgres"):
        config = {
            "type": TRACKER_STORE_TYPE,
            "dialect": "postgresql",
            "url": parsed.hostname or "127.0.0.1",
            "port": parsed.port or 5432,
            "db": (parsed.path or "/rasa").lstrip("/") or "rasa",
        }
        if parsed.username:
            config["username"] = unquote(parsed.username)
        if parsed.password:
            config["password"] = unquote(parsed.password)
        return config
    if parsed.scheme == "sqlite":
        return {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": parsed.path}
    raise SystemExit(f"TRACKER_STORE_URL: unsupported scheme '{parsed.scheme}' (use postgresql:// or sqlite://)")


def lock_store_config(url: Optional[str]) -> Optional[Dict]:
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("redis", "rediss"):
        raise SystemExit(f"LOCK_STORE_URL: unsupported scheme '{parsed.scheme}' (use redis://)")
    # Rasa's RedisLockStore with atomic ticket operations (channels/lock_store.py): Rasa's own one lets two
    # replicas take the same ticket and run two turns of a conversation at once.
    config = {"type": "channels.lock_store.AtomicRedisLockStore", "url": parsed.hostname or "127.0.0.1",
              "port": parsed.port or 6379,
              "db": int((parsed.path or "/0").lstrip("/") or 0)}
    if parsed.username:
        config["username"] = unquote(parsed.username)
    if parsed.password:
        config["password"] = unquote(parsed.password)
    if parsed.scheme == "rediss":
        config["use_ssl"] = True
    return config


def action_server_url(actions_port: str) -> str:
    """ACTION_SERVER_URL, or the action server this script starts next to Rasa."""
    return env("ACTION_SERVER_URL", f"http://127.0.0.1:{actions_port}/webhook")


def write_endpoints(actions_port: str, rasa_port: str = "5005") -> Path:
    import yaml

    private_var()
    endpoints = {
        # Selective domain: no action reads the domain, so Rasa need not send
        # it on every call (a large JSON per round trip).
        "action_endpoint": {"url": action_server_url(actions_port), "enable_selective_domain": True},
        "tracker_store": tracker_store_config(os.environ.get("TRACKER_STORE_URL")),
    }
    lock = lock_store_config(os.environ.get("LOCK_STORE_URL"))
    if lock:
        endpoints["lock_store"] = lock
    path = VAR / config_name("endpoints", rasa_port)
    path.write_text(yaml.safe_dump(endpoints, sort_keys=False), encoding="utf-8")
    path.chmod(0o600)  # may hold a database password
    return path


# Messaging platforms: (name, connector class, {credential key: required env var}, {key: optional env var}).
# Secrets stay in the environment: var/credentials.yml holds ${VAR} references that Rasa expands.
# The *_API_URL variables are test hooks (they point the outbound calls at a fake API); unset in production.
PLATFORMS = [
    ("telegram", "channels.telegram.TelegramInput",
     {"access_token": "TELEGRAM_TOKEN", "verify": "TELEGRAM_BOT_NAME", "secret_token": "TELEGRAM_SECRET_TOKEN"},
     {"webhook_url": "TELEGRAM_WEBHOOK_URL", "api_url": "TELEGRAM_API_URL"}),
    ("slack", "channels.slack.SlackInput",
     {"slack_token": "SLACK_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET"},
     {"api_url": "SLACK_API_URL"}),
    ("facebook", "channels.facebook.FacebookInput",
     {"verify": "FACEBOOK_VERIFY", "secret": "FACEBOOK_SECRET", "page-access-token": "FACEBOOK_PAGE_ACCESS_TOKEN"},
     {"api_url": "FACEBOOK_API_URL"}),
    ("twilio", "channels.twilio.TwilioInput",
     {"account_sid": "TWILIO_ACCOUNT_SID", "auth_token": "TWILIO_AUTH_TOKEN", "twilio_number": "TWILIO_NUMBER"},
     {"webhook_url": "TWILIO_WEBHOOK_URL", "api_url": "TWILIO_API_URL"}),
]


def channel_credentials(base: Dict, environ: Dict[str, str]) -> Tuple[Dict, str]:
    """The repo's channels plus each platform whose variables are all set; and the "Channels: ..." line."""
    credentials = dict(base or {})
    names = []
    for channel in credentials:
        short = channel.rsplit(".", 1)[-1].lower()
        names.append(next((n for n in ("rest", "socketio") if n in short), short.replace("input", "")))
    for name, class_path, required, optional in PLATFORMS:
        missing = [var for var in required.values() if not environ.get(var, "").strip()]
        if missing:
            names.append(f"{name} (off: set {', '.join(missing)})")
            continue
        entry = {key: "${%s}" % var for key, var in required.items()}
        entry.update({key: "${%s}" % var for key, var in optional.items() if environ.get(var, "").strip()})
        credentials[class_path] = entry
        names.append(f"{name} (on)")
    return credentials, "Channels: " + ", ".join(names)


def write_credentials(rasa_port: str) -> Tuple[Path, str]:
    import yaml

    base = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8")) or {}
    credentials, summary = channel_credentials(base, dict(os.environ))
    path = VAR / config_name("credentials", rasa_port)
    private_var()
    path.write_text("# Written by scripts/run.py at start: credentials.yml + the platforms configured in the "
                    "environment.\n" + yaml.safe_dump(credentials, sort_keys=False), encoding="utf-8")
    path.chmod(0o600)
    return path, summary


def config_name(kind: str, rasa_port: str) -> str:
    """var/<kind>.yml for the default port; var/<kind>-<port>.yml for other instances (tests side by side)."""
    return f"{kind}.yml" if rasa_port == "5005" else f"{kind}-{rasa_port}.yml"


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
    """Stops the start on a RASA_JWT_METHOD Rasa does not know (scripts/rasa_server.py reads it)."""
    from scripts.rasa_server import secret_args

    secret_args(environ)


def private_var() -> None:
    """var/ 0700 and the default SQLite tracker store 0600 (it holds every conversation)."""
    VAR.mkdir(mode=0o700, exist_ok=True)
    VAR.chmod(0o700)
    for path in VAR.iterdir():  # files an older version left readable
        if path.is_file():
            path.chmod(path.stat().st_mode & 0o700)
    if not os.environ.get("TRACKER_STORE_URL", "").strip():
        db = VAR / "trackers.db"
        os.close(os.open(db, os.O_CREAT | os.O_WRONLY, 0o600))
        db.chmod(0o600)


def actions_bind_host(only: List[str], host: str, environ: Dict[str, str]) -> str:
    """ACTIONS_BIND_HOST; else loopback when the Rasa server runs here too (its only client), else BIND_HOST."""
    return environ.get("ACTIONS_BIND_HOST", "").strip() or ("127.0.0.1" if "rasa" in only else host)


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
    token = os.environ.get("RASA_TOKEN", "").strip()
    if not token and "rasa" in only:
        token = secrets.token_urlsafe(24)
        print(f"RASA_TOKEN was not set; this run's token is: {token}", flush=True)
    if "rasa" in only and not MODEL.exists():
        print(f"No trained model at {MODEL}: run `make train` first.", file=sys.stderr)
        return 1
    if "rasa" in only:
        # Fail early on bad limits (channels/limits.py reads them again in the Rasa process).
        sys.path.insert(0, str(ROOT))
        from channels.limits import max_message_chars, rate_limit_per_minute

        max_message_chars(), rate_limit_per_minute()
        check_jwt_method(dict(os.environ))
        from channels.sessions import check_secret

        check_secret()
        endpoints = write_endpoints(actions_port, rasa_port)
        credentials, channels_line = write_credentials(rasa_port)
        print(channels_line, flush=True)
    base_env = rasa_env({"RASA_TOKEN": token})
    # Secrets travel in the environment, never on a command line (scripts/rasa_server.py). The JWT secret
    # is for the Rasa server only; the web sessions' secret is random for this run when unset (then a
    # restart ends every web session: set SESSION_SECRET, the same on every replica, to keep them).
    rasa_only = {"RASA_JWT_SECRET": os.environ.get("RASA_JWT_SECRET", ""),
                 "SESSION_SECRET": os.environ.get("SESSION_SECRET", "").strip() or secrets.token_urlsafe(32)}
    base_env.pop("RASA_JWT_SECRET", None)
    base_env.pop("SESSION_SECRET", None)
    # Sanic (the Rasa server) reads SANIC_* variables: a request, body included (channels/server_hooks.py),
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
        actions_host = actions_bind_host(only, host, os.environ)
        commands.append(("action server", [str(ROOT / "scripts" / "action_server.py"), "--host", actions_host,
                                           "--port", actions_port],
                         {"SANIC_HOST": actions_host, "ACTION_SERVER_SANIC_WORKERS": "1"}, int(actions_port)))
    if "rasa" in only:
        # --cors (Sanic-CORS) is the server's one CORS layer, socket.io included (channels/socketio.py).
        from channels.socketio import allowed_origins

        origins = allowed_origins()
        commands.append(("rasa server", [str(ROOT / "scripts" / "rasa_server.py"), "run", "--model", str(MODEL),
                                         "--enable-api", "--interface", host, "--port", rasa_port,
                                         "--endpoints", str(endpoints), "--credentials", str(credentials),
                                         "--cors", *([origins] if isinstance(origins, str) else origins)],
                         rasa_only, int(rasa_port)))
    web_server = ROOT / "scripts" / "web_server.py"
    if "web" in only and web_server.exists():
        commands.append(("web chat page", [str(web_server)], {}, int(web_port)))

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
