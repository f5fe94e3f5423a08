"""The action endpoint with one keep-alive HTTP session to the action server.

Rasa 3.6's `EndpointConfig.request` opens a new `aiohttp.ClientSession` for
every call (`async with self.session() as session`), so every custom action,
`action_validate_slot_mappings` included (one to three calls a turn here), paid
for a new connector, a TCP connect to the action server and the connection's
teardown. `KeepAliveEndpointConfig` is the same endpoint configuration (URL,
params, headers, basic auth, token, cafile, kwargs such as
`enable_selective_domain`) whose `request` sends through one long-lived
session per event loop with a pooled, keep-alive connector: same request, same
errors (`ClientResponseError` for 4xx/5xx, aiohttp's connection errors, which
`RemoteAction` turns into its own), same JSON result.

Idle pooled connections are dropped by the client after `keepalive_timeout`
seconds, kept below the action server's own keep-alive timeout
(`SANIC_KEEP_ALIVE_TIMEOUT`, 5 s from server/launcher.py), so the client never
writes on a connection the server is closing.

Measured alone (measure/bench_endpoint.py: 2000 calls of
`action_validate_slot_mappings` with a 9-event tracker against the real action
server, 1 caller, this machine): see results/bench.md "Changes one by one".

Plain `http://` calls without compression, basic auth or query parameters
(the action server next to Rasa, as `make run` and the replicas configure
it) go through `_RawHTTP` instead of aiohttp's client: the same HTTP/1.1
request (method, path, Host, Content-Type, Content-Length, the endpoint's
headers, the JSON body) written in one piece on a pooled keep-alive
connection, and the response read by length (or chunks, or to the end), with
aiohttp's errors and `response.json()`'s result. Why: py-spy on the Rasa
server at 1 user put aiohttp's request machinery (request and response
objects, payload, cookie jar, the headers and the body written separately,
connection release) at 11 % of a turn's handling, around a request that
takes the action server about 1.5 ms. Measured alone (the recorded
assessment's `action_validate_slot_mappings` call against the real action
server, 1 caller, alternating rounds): client CPU 0.96-1.13 -> 0.68-0.82 ms a
call, p50 2.7-3.1 -> 2.3-2.9 ms.

Installed by `install(agent)` (server/rasa_patches.py, once the agent is
loaded): it replaces the agent's and the processor's action endpoint with this
subclass built from the configured one. Nothing of Rasa is patched.
"""

import asyncio
import json
import logging
import os
import re
import socket
import ssl
import sys
from typing import Any, Dict, List, Optional, Text, Tuple
from urllib.parse import urlsplit

import aiohttp
import ujson
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url

from assistant import config

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 300  # rasa.utils.endpoints.DEFAULT_REQUEST_TIMEOUT (Rasa passes it per call too)


def _dumps(body: Any) -> str:
    """The request body as JSON, with ujson (pinned; Sanic's own JSON library).

    Why: every call sends the whole tracker; `json.dumps` took 0.44 ms for a
    four-turn assessment (23 kB), ujson 0.15 ms for the same JSON value
    (parsed back, equal), and the Rasa server encodes it one to three times a
    turn: `iterencode` was 4 % of its time under load (py-spy, 20 users).
    What ujson refuses (NaN, integers beyond 64 bits) goes through `json.dumps`
    as before. ASCII only, as `json.dumps` writes it: a lone surrogate in a
    message (U+D800, found by the fuzz test) stays an escape instead of text
    that cannot be encoded as UTF-8.
    """
    try:
        return ujson.dumps(body, escape_forward_slashes=False)
    except (OverflowError, TypeError, ValueError):
        return json.dumps(body)


def _keepalive_seconds() -> float:
    """A little below the action server's keep-alive timeout (SANIC_KEEP_ALIVE_TIMEOUT, default 5 s)."""
    return max(0.5, config.seconds("SANIC_KEEP_ALIVE_TIMEOUT", 5.0) - 1.0)


_JSON_TYPE = re.compile(r"^application/(?:[\w.+-]+?\+)?json")  # aiohttp's json_re (ClientResponse.json)
_USER_AGENT = f"Python/{sys.version_info[0]}.{sys.version_info[1]} aiohttp/{aiohttp.__version__}"


class _RawHTTP:
    """HTTP/1.1 keep-alive connections to one `host:port` for one event loop (see the module docstring).

    `request` sends one request and returns `(status, reason, headers, body)`; a connection goes back to
    the pool only after a complete response that does not close it, and is not reused after
    `keepalive` idle seconds (below the server's own keep-alive timeout). Errors are aiohttp's:
    `ClientConnectorError` when the connection cannot be opened, `ServerDisconnectedError` when it closes
    before the response's head, `ClientPayloadError` when it closes before the whole body,
    `asyncio.TimeoutError` after `timeout` seconds (the caller decides on the status)."""

    def __init__(self, host: str, port: int, keepalive: float) -> None:
        self.host, self.port, self.keepalive = host, port, keepalive
        self.idle: List[Tuple[asyncio.StreamReader, asyncio.StreamWriter, float]] = []

    async def _connect(self) -> Tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        loop = asyncio.get_running_loop()
        while self.idle:
            reader, writer, since = self.idle.pop()
            if loop.time() - since < self.keepalive and not reader.at_eof() and not writer.is_closing():
                return reader, writer
            writer.close()
        try:
            reader, writer = await asyncio.open_connection(self.host, self.port)
        except OSError as error:
            from aiohttp.client_reqrep import ConnectionKey

            raise aiohttp.ClientConnectorError(ConnectionKey(self.host, self.port, False, True, None, None, None),
                                               error) from error
        sock = writer.get_extra_info("socket")
        if sock is not None:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # as aiohttp does
            except OSError:
                pass
        return reader, writer

    async def request(self, head: bytes, body: bytes, timeout: float) -> Tuple[int, str, Dict[str, str], bytes]:
        reader, writer = await asyncio.wait_for(self._connect(), timeout)
        done = False
        try:
            writer.write(head + body)
            status, reason, headers, content, keep = await asyncio.wait_for(self._response(reader), timeout)
            done = keep
        except asyncio.IncompleteReadError as error:
            raise aiohttp.ServerDisconnectedError() from error
        except (ConnectionError, asyncio.LimitOverrunError, ValueError) as error:
            raise aiohttp.ServerDisconnectedError(str(error)) from error
        finally:
            if done:
                self.idle.append((reader, writer, asyncio.get_running_loop().time()))
            else:
                writer.close()
        return status, reason, headers, content

    @staticmethod
    async def _response(reader: asyncio.StreamReader) -> Tuple[int, str, Dict[str, str], bytes, bool]:
        while True:
            lines = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            version, _, rest = lines[0].partition(" ")
            code, _, reason = rest.partition(" ")
            status = int(code)
            if not 100 <= status < 200 or status == 101:
                break  # an interim 1xx response is followed by the real one
        headers: Dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        try:
            content, keep = await _RawHTTP._body(reader, version, status, headers)
        except asyncio.IncompleteReadError as error:  # what aiohttp raises for a body cut short
            raise aiohttp.ClientPayloadError("Response payload is not completed") from error
        return status, reason, headers, content, keep

    @staticmethod
    async def _body(reader: asyncio.StreamReader, version: str, status: int,
                    headers: Dict[str, str]) -> Tuple[bytes, bool]:
        connection = headers.get("connection", "").lower()
        keep = version == "HTTP/1.1" and connection != "close" or version == "HTTP/1.0" and connection == "keep-alive"
        if status in (204, 304):
            content = b""
        elif "chunked" in headers.get("transfer-encoding", "").lower():
            chunks = []
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
                if size == 0:
                    while (await reader.readuntil(b"\r\n")) != b"\r\n":
                        pass  # trailers
                    break
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
            content = b"".join(chunks)
        elif "content-length" in headers:
            content = await reader.readexactly(int(headers["content-length"]))
        else:
            content, keep = await reader.read(), False  # to the end of the connection
        return content, keep

    def close(self) -> None:
        idle, self.idle = self.idle, []
        for _, writer, _ in idle:
            writer.close()


class KeepAliveEndpointConfig(EndpointConfig):
    """An `EndpointConfig` whose requests share one keep-alive `aiohttp.ClientSession` per event loop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sessions: Dict[int, aiohttp.ClientSession] = {}
        self._raw: Dict[Tuple[int, str, int], _RawHTTP] = {}
        self._ssl: Optional[ssl.SSLContext] = None

    @classmethod
    def from_endpoint(cls, endpoint: EndpointConfig) -> "KeepAliveEndpointConfig":
        """The same configuration as `endpoint` (an `EndpointConfig` read from endpoints.yml)."""
        if isinstance(endpoint, cls):
            return endpoint
        new = cls(endpoint.url, endpoint.params, endpoint.headers, endpoint.basic_auth, endpoint.token,
                  endpoint.token_name, endpoint.cafile, **dict(endpoint.kwargs))
        new.type = endpoint.type
        return new

    def copy(self) -> "KeepAliveEndpointConfig":
        return KeepAliveEndpointConfig.from_endpoint(super().copy())

    def _shared_session(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        session = self._sessions.get(id(loop))
        if session is None or session.closed:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) \
                if self.basic_auth else None
            connector = aiohttp.TCPConnector(limit=64, keepalive_timeout=_keepalive_seconds())
            session = aiohttp.ClientSession(headers=self.headers, auth=auth, connector=connector,
                                            timeout=aiohttp.ClientTimeout(total=DEFAULT_TIMEOUT_S),
                                            json_serialize=_dumps)
            self._sessions[id(loop)] = session
        return session

    def _ssl_context(self) -> Optional[ssl.SSLContext]:
        if self.cafile and self._ssl is None:
            from rasa.shared.exceptions import FileNotFoundException

            try:
                self._ssl = ssl.create_default_context(cafile=self.cafile)
            except FileNotFoundError as error:
                raise FileNotFoundException(f"Failed to find certificate file, "
                                            f"'{os.path.abspath(self.cafile)}' does not exist.") from error
        return self._ssl

    async def request(self, method: Text = "post", subpath: Optional[Text] = None,
                      content_type: Optional[Text] = "application/json", compress: bool = False,
                      **kwargs: Any) -> Optional[Any]:
        """`EndpointConfig.request` (same arguments, result and errors) on the shared session."""
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if "headers" in kwargs:
            headers.update(kwargs.pop("headers"))
        if self.headers:
            headers.update(self.headers)
        raw = self._raw_request(method, concat_url(self.url, subpath), headers, compress, kwargs)
        if raw is not None:
            return await raw
        session = self._shared_session()
        async with session.request(method, concat_url(self.url, subpath), headers=headers,
                                   params=self.combine_parameters(kwargs), compress=compress,
                                   ssl=self._ssl_context(), **kwargs) as response:
            if response.status >= 400:
                raise ClientResponseError(response.status, response.reason, await response.content.read())
            try:
                return await response.json()
            except aiohttp.ContentTypeError:
                return None

    def _raw_request(self, method: Text, url: Text, headers: Dict[str, str], compress: bool,
                     kwargs: Dict[str, Any]) -> Optional[Any]:
        """The call through `_RawHTTP` (a coroutine), or None when it needs aiohttp's client: another
        scheme than http, compression, basic auth, a CA file, query parameters (the endpoint's token
        among them), a user or query in the URL, or other arguments than `json` and `timeout`."""
        if compress or self.basic_auth or self.cafile or not set(kwargs) <= {"json", "timeout"} or \
                self.combine_parameters(kwargs):
            return None
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname or parts.username or parts.password or parts.query or \
                parts.fragment or any(c in url for c in " \r\n\t"):
            return None
        try:
            port = parts.port or 80
        except ValueError:
            return None
        body = _dumps(kwargs["json"]).encode("utf-8") if kwargs.get("json") is not None else b""
        host = parts.hostname if port == 80 else f"{parts.hostname}:{port}"
        if ":" in parts.hostname:
            return None  # an IPv6 literal: aiohttp's client
        fields = {"Host": host, "Accept": "*/*", "User-Agent": _USER_AGENT, **headers}
        if any(any(c in f"{k}{v}" for c in "\r\n") for k, v in fields.items()):
            return None
        head = (f"{method.upper()} {parts.path or '/'} HTTP/1.1\r\n"
                + "".join(f"{k}: {v}\r\n" for k, v in fields.items() if k.lower() != "content-length")
                + f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1", errors="strict")
        timeout = kwargs.get("timeout")
        seconds = float(timeout) if isinstance(timeout, (int, float)) and not isinstance(timeout, bool) \
            else DEFAULT_TIMEOUT_S
        return self._raw_call(parts.hostname, port, head, body, seconds)

    async def _raw_call(self, host: str, port: int, head: bytes, body: bytes, timeout: float) -> Optional[Any]:
        key = (id(asyncio.get_running_loop()), host, port)
        pool = self._raw.get(key)
        if pool is None:
            pool = self._raw[key] = _RawHTTP(host, port, _keepalive_seconds())
        status, reason, headers, content = await pool.request(head, body, timeout)
        if status >= 400:
            raise ClientResponseError(status, reason, content)
        content_type = headers.get("content-type", "").lower()
        if not _JSON_TYPE.match(content_type):
            return None  # aiohttp's ContentTypeError, which `request` answers with None
        stripped = content.strip()
        if not stripped:
            return None
        charset = next((p.split("=", 1)[1].strip().strip('"') for p in content_type.split(";")[1:]
                        if p.strip().startswith("charset=")), "utf-8")
        return json.loads(stripped.decode(charset))

    async def close(self) -> None:
        pools, self._raw = list(self._raw.values()), {}
        for pool in pools:
            pool.close()
        sessions, self._sessions = list(self._sessions.values()), {}
        for session in sessions:
            if not session.closed:
                await session.close()


def install(agent: Any) -> Optional[KeepAliveEndpointConfig]:
    """Give the agent (and its processor, and any processor it builds later) the keep-alive endpoint."""
    endpoint = getattr(agent, "action_endpoint", None)
    if endpoint is None or type(endpoint) not in (EndpointConfig, KeepAliveEndpointConfig):
        return None  # no action server, or somebody else's subclass: leave it
    keep_alive = KeepAliveEndpointConfig.from_endpoint(endpoint)
    agent.action_endpoint = keep_alive
    processor = getattr(agent, "processor", None)
    if processor is not None:
        processor.action_endpoint = keep_alive
    logger.info("action endpoint: one keep-alive session to the action server")
    return keep_alive
