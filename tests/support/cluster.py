"""Test harness for production-like setups: PostgreSQL, Redis and nginx from Debian's packages,
started on 127.0.0.1 on free ports with their own data directories under a temp dir, as their
own users when we are root; plus a socket.io chat client and a free-port helper.

Used by tests/integration/ (replicas behind nginx, fuzzing) and tests/test_hardening.py.
Nothing here is used by the product itself.
"""

import glob
import grp
import os
import pwd
import queue
import random
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

IS_ROOT = os.geteuid() == 0


def _ephemeral_range() -> Tuple[int, int]:
    try:
        low, high = (int(x) for x in Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split())
        return low, high
    except (OSError, ValueError):
        return 32768, 60999  # Linux's default


_HANDED_OUT: Set[int] = set()


def free_port() -> int:
    """A port free now, below the kernel's ephemeral range, never handed out twice in a run.

    Why not `bind(0)`: that port comes from the ephemeral range, which every
    outgoing connection draws its local port from too. A server takes seconds
    to start after the port is chosen, and in a fresh-clone run the web page's
    port was taken meanwhile ("Address already in use": the launcher stopped
    and test_conversation_survives_a_restart failed; it passed when re-run).
    """
    low, _ = _ephemeral_range()
    top = max(2000, min(low, 65536))
    for _ in range(200):
        port = random.randrange(max(1024, top - 12000), top)
        if port in _HANDED_OUT:
            continue
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        _HANDED_OUT.add(port)
        return port
    with socket.socket() as s:  # nothing free below the range: the kernel's choice
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, seconds: float = 30, process: Optional[subprocess.Popen] = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before port {port} opened")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


def listening_addresses(port: int) -> List[str]:
    """Local addresses with a TCP socket in LISTEN state on `port` (from /proc/net/tcp and tcp6)."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state = fields[1], fields[3]
            address, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:
                continue
            if width == 8:
                found.append(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
            else:
                raw = bytes.fromhex(address)
                found.append(socket.inet_ntop(socket.AF_INET6, b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))))
    return found


def missing_programs() -> List[str]:
    """Which of PostgreSQL, Redis and nginx are not installed (scripts/setup_system.sh installs them)."""
    missing = []
    if not pg_bin_dir():
        missing.append("postgresql")
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    if not (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx")):
        missing.append("nginx")
    return missing


def pg_bin_dir() -> Optional[Path]:
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _as_user(name: str) -> Dict:
    """Popen arguments to run a child as `name` when we are root (and that user exists)."""
    if not IS_ROOT:
        return {}
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return {}
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _chown(path: Path, user: str) -> None:
    if IS_ROOT:
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            return
        os.chown(path, entry.pw_uid, entry.pw_gid)


class Postgres:
    """A PostgreSQL cluster of its own: initdb once, start/stop/kill as often as needed."""

    def __init__(self, base: Path, user: str = "rasa", password: str = "pg-secret-1", db: str = "rasa"):
        self.dir = base / "postgres"
        self.data = self.dir / "data"
        self.port = free_port()
        self.user, self.password, self.db = user, password, db
        self.bin = pg_bin_dir()
        self.process: Optional[subprocess.Popen] = None
        self.log = self.dir / "postgres.log"
        self.dir.mkdir(parents=True)
        self.dir.chmod(0o755)
        _chown(self.dir, "postgres")
        pwfile = self.dir / "pwfile"
        pwfile.write_text(password + "\n")
        _chown(pwfile, "postgres")
        subprocess.run([str(self.bin / "initdb"), "-D", str(self.data), "-U", user, f"--pwfile={pwfile}",
                        "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **_as_user("postgres"))
        pwfile.unlink()

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/{self.db}"

    def start(self) -> "Postgres":
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port), "-k", str(self.dir),
                 "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **_as_user("postgres"))
        deadline = time.monotonic() + 60
        while True:
            try:
                self.connect("postgres").close()
                break
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"PostgreSQL did not start; see {self.log}")
                time.sleep(0.3)
        conn = self.connect("postgres")  # autocommit: CREATE DATABASE cannot run in a transaction
        try:
            with conn.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.db,))
                if not cursor.fetchone():
                    cursor.execute(f'CREATE DATABASE "{self.db}"')
        finally:
            conn.close()
        return self

    def connect(self, db: Optional[str] = None):
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user, password=self.password,
                                dbname=db or self.db, connect_timeout=3)
        if db == "postgres":
            conn.autocommit = True
        return conn

    def query(self, sql: str, *args) -> list:
        conn = self.connect()
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql, args)
                return cursor.fetchall()
        finally:
            conn.close()

    def stop(self) -> None:
        """Fast shutdown (SIGINT): what `pg_ctl stop -m fast` does."""
        _stop(self.process, signal.SIGINT)
        self.process = None


class Redis:
    def __init__(self, base: Path, password: str = "redis-secret-1"):
        self.dir = base / "redis"
        self.dir.mkdir(parents=True)
        self.dir.chmod(0o755)
        _chown(self.dir, "redis")
        self.port = free_port()
        self.password = password
        self.process: Optional[subprocess.Popen] = None
        self.log = base / "redis.log"

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start(self) -> "Redis":
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--daemonize", "no", "--dir", str(self.dir),
                 "--requirepass", self.password],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **_as_user("redis"))
        wait_port(self.port, 30, self.process)
        return self

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, password=self.password)

    def stop(self) -> None:
        _stop(self.process, signal.SIGTERM)
        self.process = None


NGINX_CONF = """\
{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    # No query strings in the log: the HTTP API's token can be one.
    log_format upstream '$request_method $uri $status $upstream_addr';
    access_log {prefix}/access.log upstream;
    client_max_body_size 256k;

    # REST and the HTTP API: round robin; a replica that refuses connections is skipped.
    upstream rasa {{
{servers}
    }}
    # socket.io: sticky by client address, so an engine.io session (HTTP long-polling) stays on one replica.
    upstream rasa_socketio {{
        ip_hash;
{servers}
    }}
    map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
    server {{
        listen 127.0.0.1:{port};
        add_header X-Upstream $upstream_addr always;
        location /socket.io/ {{
            proxy_pass http://rasa_socketio;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_read_timeout 120s;
        }}
        location / {{
            proxy_pass http://rasa;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
        }}
    }}
}}
"""


class Nginx:
    def __init__(self, base: Path, upstream_ports: List[int]):
        self.prefix = base / "nginx"
        (self.prefix / "tmp").mkdir(parents=True)
        self.prefix.chmod(0o755)
        self.port = free_port()
        self.upstream_ports = upstream_ports
        self.process: Optional[subprocess.Popen] = None
        user = "user www-data;\n" if IS_ROOT and _user_exists("www-data") else ""
        servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in upstream_ports)
        self.conf = self.prefix / "nginx.conf"
        self.conf.write_text(NGINX_CONF.format(user=user, prefix=self.prefix, servers=servers, port=self.port))

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "Nginx":
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        check = subprocess.run([binary, "-t", "-p", str(self.prefix), "-c", str(self.conf)],
                               capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError("nginx -t failed:\n" + check.stderr)
        with open(self.prefix / "stderr.log", "ab") as log:
            self.process = subprocess.Popen([binary, "-p", str(self.prefix), "-c", str(self.conf)],
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_port(self.port, 30, self.process)
        return self

    def upstreams_seen(self) -> List[str]:
        """The upstream address of every proxied request so far, in order (from the access log)."""
        path = self.prefix / "access.log"
        return [line.split()[-1] for line in path.read_text().splitlines()] if path.exists() else []

    def stop(self) -> None:
        _stop(self.process, signal.SIGQUIT)
        self.process = None


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def _stop(process: Optional[subprocess.Popen], sig: int, timeout: float = 30) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


class SocketChat:
    """A socket.io user of Rasa's channel (session_request / user_uttered / bot_uttered).

    `transports=["polling"]` makes every exchange a separate HTTP request: through a load balancer it
    works only when the engine.io session sticks to one replica.
    """

    def __init__(self, base: str, session_id: Optional[str] = None, transports=("polling",),
                 headers: Optional[Dict[str, str]] = None):
        import socketio

        self.claimed = session_id or uuid.uuid4().hex
        self.replies: "queue.Queue" = queue.Queue()
        self.errors: List[Dict] = []
        self.sio = socketio.Client(reconnection=False)
        confirmed = threading.Event()
        self.confirmed: Optional[str] = None

        def on_confirm(session: str) -> None:
            self.confirmed = session
            confirmed.set()

        self.sio.on("bot_uttered", lambda data: self.replies.put(data))
        self.sio.on("session_confirm", on_confirm)
        self.sio.on("session_error", lambda data: self.errors.append(data))
        self.sio.connect(base, socketio_path="/socket.io", transports=list(transports), headers=headers or {},
                         wait_timeout=10)
        self.sio.emit("session_request", {"session_id": self.claimed})
        if not confirmed.wait(15):
            raise RuntimeError("no session_confirm")

    @property
    def session_id(self) -> str:
        """The session token the server confirmed (the claimed one only if the server had signed it)."""
        return self.confirmed or self.claimed

    @property
    def conversation_id(self) -> str:
        """Its conversation id in the tracker store (channels/sessions.py)."""
        return "web:" + self.session_id.split(".")[0]

    def say(self, text: str, quiet: float = 1.0, first: float = 60) -> List[Dict]:
        """Send a message; the bot's messages until none came for `quiet` seconds."""
        self.sio.emit("user_uttered", {"message": text, "session_id": self.session_id})
        got = [self.replies.get(timeout=first)]
        while True:
            try:
                got.append(self.replies.get(timeout=quiet))
            except queue.Empty:
                return got

    def close(self) -> None:
        self.sio.disconnect()


def texts(messages: List[Dict]) -> str:
    return "\n".join((m.get("text") or "") for m in messages)


def strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)
