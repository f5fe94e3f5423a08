"""An in-process HTTP client for a Sanic app: no server, no port, requests go straight to the app.

Sanic 21.12 apps are ASGI applications. `AsgiClient(app)` runs the app's lifespan (its
before/after_server_start listeners, route and signal finalisation) and then sends each request as
an ASGI `http` scope, collecting the response. This is what sanic-testing's `app.asgi_client` does
(rasa-sdk's own tests use sanic-testing); written here so the tests need no httpx/sanic-testing in
the lock file for a few dozen lines.

    with AsgiClient(create_app()) as client:
        response = client.post("/webhook", json={...})
        assert response.status == 400 and response.json()["error"]
"""

import asyncio
import json
from typing import Any, Dict, List, Optional, Tuple


class Response:
    """Status, headers (lower-case names) and body of one answer."""

    def __init__(self, status: int, headers: Dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        """The body as JSON."""
        return json.loads(self.body)

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", "replace")


class AsgiClient:
    """A context manager: the app started (lifespan) on its own event loop, requests sent in process."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self._lifespan_in: "asyncio.Queue[Dict[str, Any]]" = asyncio.Queue()
        self._lifespan_out: "asyncio.Queue[Dict[str, Any]]" = asyncio.Queue()
        self._lifespan_task: Optional["asyncio.Task[None]"] = None

    def __enter__(self) -> "AsgiClient":
        # As Sanic's own test clients do: Sanic's TouchUp rewrites its HTTP methods at every app start, and
        # a second app started in one process fails there (KeyError) unless Sanic is in test mode, where
        # each start rewrites the original methods again. (Test mode also lets apps share a name.)
        type(self.app).test_mode = True

        async def start() -> None:
            self._lifespan_in, self._lifespan_out = asyncio.Queue(), asyncio.Queue()
            self._lifespan_task = asyncio.ensure_future(
                self.app({"type": "lifespan", "asgi": {"version": "3.0"}}, self._lifespan_in.get,
                         self._lifespan_out.put))
            await self._lifespan_in.put({"type": "lifespan.startup"})
            reply = asyncio.ensure_future(self._lifespan_out.get())
            await asyncio.wait({reply, self._lifespan_task}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
            if not reply.done():  # the app's startup failed (its error) or hangs
                reply.cancel()
                if self._lifespan_task.done():
                    self._lifespan_task.result()
                raise TimeoutError("the app did not start within 60 s")
            message = reply.result()
            assert message["type"] == "lifespan.startup.complete", message

        self.loop.run_until_complete(start())
        return self

    def __exit__(self, *_: Any) -> None:
        async def stop() -> None:
            await self._lifespan_in.put({"type": "lifespan.shutdown"})
            message = await asyncio.wait_for(self._lifespan_out.get(), 60)
            assert message["type"] == "lifespan.shutdown.complete", message
            # Sanic 21.12 then goes on to handle the lifespan scope as a request and fails on it (no
            # `request`): the lifespan itself is over, so its task's end is not awaited.
            if self._lifespan_task is not None:
                self._lifespan_task.cancel()
                await asyncio.gather(self._lifespan_task, return_exceptions=True)

        try:
            self.loop.run_until_complete(stop())
        finally:
            self.loop.close()

    def request(self, method: str, path: str, body: bytes = b"", headers: Optional[Dict[str, str]] = None,
                json_body: Any = None) -> Response:
        """Send one request to the app; its response."""
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers = {"content-type": "application/json", **(headers or {})}
        return self.loop.run_until_complete(self._request(method, path, body, headers or {}))

    def get(self, path: str, **kwargs: Any) -> Response:
        """GET `path`."""
        return self.request("GET", path, **kwargs)

    def post(self, path: str, json: Any = None, **kwargs: Any) -> Response:  # noqa: A002 - requests' name
        """POST `path`, with a JSON body when `json` is given."""
        return self.request("POST", path, json_body=json, **kwargs)

    async def _request(self, method: str, path: str, body: bytes, headers: Dict[str, str]) -> Response:
        raw_path, _, query = path.partition("?")
        header_list: List[Tuple[bytes, bytes]] = [(b"host", b"testserver")]
        header_list += [(name.lower().encode(), value.encode()) for name, value in headers.items()]
        header_list.append((b"content-length", str(len(body)).encode()))
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": raw_path, "raw_path": raw_path.encode(), "root_path": "",
                 "query_string": query.encode(), "headers": header_list,
                 "client": ("127.0.0.1", 50000), "server": ("testserver", 80)}
        sent = False

        async def receive() -> Dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await asyncio.sleep(3600)  # the client never disconnects first
            return {"type": "http.disconnect"}

        status, response_headers, chunks = 0, {}, []

        async def send(message: Dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                response_headers.update({k.decode().lower(): v.decode() for k, v in message.get("headers", [])})
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return Response(status, response_headers, b"".join(chunks))
