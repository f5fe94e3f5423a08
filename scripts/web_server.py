#!/usr/bin/env python3
"""Serve the web chat page (webchat/) on BIND_HOST:WEB_PORT.

Static files only, with a Content-Security-Policy that allows no third-party
request: scripts, styles and the socket.io connection go to this page's own
host and the Rasa server only.
"""

import functools
import os
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB_ROOT = ROOT / "webchat"


def rasa_origins() -> str:
    rasa_port = os.environ.get("RASA_PORT", "5005")
    public = os.environ.get("RASA_PUBLIC_URL", "").strip().rstrip("/")
    origins = [public] if public else [f"http://127.0.0.1:{rasa_port}", f"http://localhost:{rasa_port}"]
    ws = [o.replace("http", "ws", 1) for o in origins]
    return " ".join(origins + ws)


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript"}

    def end_headers(self) -> None:
        self.send_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self' {rasa_origins()}; font-src 'self'; object-src 'none'; "
            "base-uri 'none'; frame-ancestors *; form-action 'none'",
        )
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        if os.environ.get("WEB_ACCESS_LOG"):
            super().log_message(format, *args)


def main() -> int:
    host = os.environ.get("BIND_HOST", "127.0.0.1")
    port = int(os.environ.get("WEB_PORT", "8080"))
    handler = functools.partial(Handler, directory=str(WEB_ROOT))
    server = ThreadingHTTPServer((host, port), handler)
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
