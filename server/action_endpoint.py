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

Installed by `install(agent)` (server/rasa_patches.py, once the agent is
loaded): it replaces the agent's and the processor's action endpoint with this
subclass built from the configured one. Nothing of Rasa is patched.
"""

import asyncio
import json
import logging
import os
import ssl
from typing import Any, Dict, Optional, Text

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


class KeepAliveEndpointConfig(EndpointConfig):
    """An `EndpointConfig` whose requests share one keep-alive `aiohttp.ClientSession` per event loop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sessions: Dict[int, aiohttp.ClientSession] = {}
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

    async def close(self) -> None:
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
