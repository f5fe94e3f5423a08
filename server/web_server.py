"""Serve the web chat page and the embeddable widget on BIND_HOST:WEB_PORT.

Only these paths exist (nothing else under webchat/, node_modules included):

  /                           demo page (webchat/index.html, with the Rasa URL filled in; /demo.css)
  /widget.js, /widget.css     the widget (embed: <script src=".../widget.js" data-server="RASA_URL" defer>)
  /vendor/socket.io.min.js    socket.io client 4.8.1 from webchat/node_modules (npm, pinned)
  /rasa-webchat.html          the third-party widget rasa-webchat 1.0.1 (npm, pinned; /vendor/rasa-webchat.js,
                              /rasa-webchat-demo.js): a standard client of the same socket.io channel

Every response carries a Content-Security-Policy that allows no third-party
request: scripts, styles and images come from this server, and connections
go to this server and the Rasa server only (http: and ws:).

Environment: WEB_PORT=8080, BIND_HOST=127.0.0.1, RASA_PORT=5005,
RASA_PUBLIC_URL (the Rasa URL as browsers see it; default http://<page host>:RASA_PORT),
WEB_ORIGINS (sites allowed to frame the page, as for the socket), WEB_ACCESS_LOG=1 to log requests.

A connection that sends nothing for 10 s (an idle keep-alive, headers that never end) is closed, and at
most 64 connections are served at once (one thread each).
"""

import hashlib
import html
import re
import sys
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from assistant import config

ROOT = Path(__file__).resolve().parent.parent
WEB_ROOT = ROOT / "webchat"
SOCKET_IO_CLIENT = WEB_ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
RASA_WEBCHAT = WEB_ROOT / "node_modules" / "rasa-webchat" / "lib" / "index.js"

FILES: Dict[str, Tuple[Path, str]] = {
    "/": (WEB_ROOT / "index.html", "text/html; charset=utf-8"),
    "/index.html": (WEB_ROOT / "index.html", "text/html; charset=utf-8"),
    "/widget.js": (WEB_ROOT / "widget.js", "text/javascript; charset=utf-8"),
    "/widget.css": (WEB_ROOT / "widget.css", "text/css; charset=utf-8"),
    "/demo.css": (WEB_ROOT / "demo.css", "text/css; charset=utf-8"),
    "/vendor/socket.io.min.js": (SOCKET_IO_CLIENT, "text/javascript; charset=utf-8"),
    # The third-party widget rasa-webchat (npm, pinned), to show a standard client connects.
    "/rasa-webchat.html": (WEB_ROOT / "rasa-webchat.html", "text/html; charset=utf-8"),
    "/rasa-webchat-demo.js": (WEB_ROOT / "rasa-webchat-demo.js", "text/javascript; charset=utf-8"),
    "/vendor/rasa-webchat.js": (RASA_WEBCHAT, "text/javascript; charset=utf-8"),
}
# rasa-webchat injects its styles as <style> elements: its page alone allows inline styles.
INLINE_STYLE_PAGES = {"/rasa-webchat.html"}
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HOSTNAME = re.compile(rf"^(?:{_LABEL}(?:\.{_LABEL})*|\[[0-9A-Fa-f:.]+\])$")


def request_hostname(host_header: Optional[str]) -> str:
    """The page's host name from the Host header, if well formed; else 127.0.0.1."""
    host = (host_header or "").strip()
    if host.startswith("["):
        name = host[: host.find("]") + 1] if "]" in host else ""
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return name if name and len(name) <= 253 and HOSTNAME.match(name) else "127.0.0.1"


def rasa_url(hostname: str) -> str:
    """The Rasa server as the browser reaches it."""
    public = config.text("RASA_PUBLIC_URL").rstrip("/")
    if public:
        return public
    return f"http://{hostname}:{config.text('RASA_PORT', '5005')}"


def rasa_origins(hostname: str = "127.0.0.1") -> str:
    """connect-src sources for the Rasa server: http(s) for polling, ws(s) for the socket."""
    origins: List[str] = [rasa_url(hostname)]
    if not config.is_set("RASA_PUBLIC_URL"):
        for name in ("127.0.0.1", "localhost"):
            if rasa_url(name) not in origins:
                origins.append(rasa_url(name))
    return " ".join(origins + [o.replace("http", "ws", 1) for o in origins])


def frame_ancestors() -> str:
    extra = [origin for origin in config.items("WEB_ORIGINS") if origin != "*"]
    return " ".join(["'self'"] + extra)


def content_security_policy(hostname: str, inline_styles: bool = False) -> str:
    styles = "'self' 'unsafe-inline'" if inline_styles else "'self'"
    return (
        f"default-src 'self'; script-src 'self'; style-src {styles}; img-src 'self' data:; "
        f"connect-src 'self' {rasa_origins(hostname)}; font-src 'self'; object-src 'none'; "
        f"base-uri 'none'; frame-ancestors {frame_ancestors()}; form-action 'none'"
    )


IDLE_SECONDS = 10  # a connection that sends nothing for this long (idle keep-alive, slow headers) is closed
MAX_CONNECTIONS = 64  # one thread each; more at once are refused


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "webchat"
    sys_version = ""
    timeout = IDLE_SECONDS  # socket timeout: StreamRequestHandler applies it to every read

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib name
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        hostname = request_hostname(self.headers.get("Host"))
        if path == "/favicon.ico":
            self._send(204, b"", None, hostname, head)
            return
        entry = FILES.get(path)
        if entry is None or not entry[0].is_file():
            missing = entry is not None and path.startswith("/vendor/")
            body = (b"socket.io client missing: run `make install` (npm ci --prefix webchat)\n" if missing
                    else b"Not found\n")
            self._send(404, body, "text/plain; charset=utf-8", hostname, head)
            return
        file, content_type = entry
        body = file.read_bytes()
        if file.suffix == ".html":
            body = body.replace(b"__RASA_URL__", html.escape(rasa_url(hostname), quote=True).encode())
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", None, hostname, head=True, etag=etag)
            return
        self._send(200, body, content_type, hostname, head, etag=etag,
                   modified=formatdate(file.stat().st_mtime, usegmt=True), inline_styles=path in INLINE_STYLE_PAGES)

    def _send(self, status: int, body: bytes, content_type: Optional[str], hostname: str, head: bool,
              etag: Optional[str] = None, modified: Optional[str] = None, inline_styles: bool = False) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        if modified:
            self.send_header("Last-Modified", modified)
        self.send_header("Content-Security-Policy", content_security_policy(hostname, inline_styles))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if body and not head:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if config.is_set("WEB_ACCESS_LOG"):
            super().log_message(format, *args)


class PageServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with a bound on simultaneous connections (each holds a thread)."""

    daemon_threads = True

    def __init__(self, *args, **kwargs) -> None:
        import threading

        super().__init__(*args, **kwargs)
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

    def process_request(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's signature
        if not self.slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address) -> None:  # noqa: ANN001
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


def main() -> int:
    host = config.text("BIND_HOST", "127.0.0.1")
    port = int(config.text("WEB_PORT", "8080"))
    if not SOCKET_IO_CLIENT.is_file():
        print(f"Warning: {SOCKET_IO_CLIENT.relative_to(ROOT)} is missing; run `make install`.", file=sys.stderr)
    server = PageServer((host, port), Handler)
    print(f"Web chat page on http://{host}:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
