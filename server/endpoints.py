"""The Rasa server's endpoints and credentials files, written at start from the environment.

`make run` (server/launcher.py) writes var/endpoints.yml and var/credentials.yml (var/<kind>-<port>.yml for
an instance on another port, so tests run side by side): the tracker store from TRACKER_STORE_URL
(unset: SQLite under var/), the lock store from LOCK_STORE_URL (unset: in memory), the action server
from ACTION_SERVER_URL (unset: the one started next to Rasa), and the channels of credentials.yml plus
each messaging platform whose variables are all set. Secrets stay in the environment: the files hold
`${VAR}` references that Rasa expands, except a database password in a store URL (the file is 0600).
"""

import os
from pathlib import Path
from typing import Dict, Mapping, Optional, Tuple
from urllib.parse import unquote, urlparse

from assistant import config

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"


def env(name: str, default: str) -> str:
    """The variable's value, stripped; the default when it is unset or blank."""
    return config.text(name, default)


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
        "tracker_store": tracker_store_config(config.text("TRACKER_STORE_URL") or None),
    }
    lock = lock_store_config(config.text("LOCK_STORE_URL") or None)
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


def channel_credentials(base: Dict, environ: Mapping[str, str]) -> Tuple[Dict, str]:
    """The repo's channels plus each platform whose variables are all set; and the "Channels: ..." line."""
    credentials = dict(base or {})
    names = []
    for channel in credentials:
        short = channel.rsplit(".", 1)[-1].lower()
        names.append(next((n for n in ("rest", "socketio") if n in short), short.replace("input", "")))
    for name, class_path, required, optional in PLATFORMS:
        missing = [var for var in required.values() if not config.is_set(var, environ)]
        if missing:
            names.append(f"{name} (off: set {', '.join(missing)})")
            continue
        entry = {key: "${%s}" % var for key, var in required.items()}
        entry.update({key: "${%s}" % var for key, var in optional.items() if config.is_set(var, environ)})
        credentials[class_path] = entry
        names.append(f"{name} (on)")
    return credentials, "Channels: " + ", ".join(names)


def write_credentials(rasa_port: str) -> Tuple[Path, str]:
    import yaml

    base = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8")) or {}
    credentials, summary = channel_credentials(base, os.environ)
    path = VAR / config_name("credentials", rasa_port)
    private_var()
    path.write_text("# Written by server/launcher.py at start: credentials.yml + the platforms configured in the "
                    "environment.\n" + yaml.safe_dump(credentials, sort_keys=False), encoding="utf-8")
    path.chmod(0o600)
    return path, summary


def config_name(kind: str, rasa_port: str) -> str:
    """var/<kind>.yml for the default port; var/<kind>-<port>.yml for other instances (tests side by side)."""
    return f"{kind}.yml" if rasa_port == "5005" else f"{kind}-{rasa_port}.yml"


def private_var() -> None:
    """var/ 0700 and the default SQLite tracker store 0600 (it holds every conversation)."""
    VAR.mkdir(mode=0o700, exist_ok=True)
    VAR.chmod(0o700)
    for path in VAR.iterdir():  # files an older version left readable
        if path.is_file():
            path.chmod(path.stat().st_mode & 0o700)
    if not config.is_set("TRACKER_STORE_URL"):
        db = VAR / "trackers.db"
        os.close(os.open(db, os.O_CREAT | os.O_WRONLY, 0o600))
        db.chmod(0o600)
