"""Rasa's socket.io channel with an Origin check, for the web chat widget.

Rasa 3.6 builds its socket.io server with `cors_allowed_origins=[]`, which
turns python-engineio's Origin check off: any web site could open a socket to
the assistant from a visitor's browser. This subclass turns it back on.

Allowed origins come from `WEB_ORIGINS` (comma separated, e.g.
`https://clinic.example,https://www.clinic.example`; `*` allows any origin).
Unset: the chat page's own origins, http://127.0.0.1:$WEB_PORT and
http://localhost:$WEB_PORT. A browser request with any other Origin header is
refused with 400 before a session exists (HTTP long-polling and WebSocket
alike). Clients that send no Origin header (not browsers) are not affected.

Also:
- `session_request` accepts only a well-formed session id (else a new one is
  made), and awaits `enter_room` when the installed python-socketio makes it a
  coroutine (>= 5.10; Rasa 3.6 does not await it and bot replies are lost).
- `user_uttered` ignores payloads that are not JSON objects with text.
- the size and rate limits, deletion on request and safe failures of
  channels/limits.py (`guard`), answered with a `bot_uttered` like any reply.

Registered in credentials.yml under `channels.socketio.OriginCheckedSocketIOInput`;
its name stays "socketio", so the path /socket.io is unchanged.
"""

import inspect
import logging
import os
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.limits import guard

logger = logging.getLogger(__name__)

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def allowed_origins(environ: Optional[Dict[str, str]] = None) -> Union[str, List[str]]:
    """The origins whose pages may open a socket: WEB_ORIGINS, or the chat page's own."""
    environ = os.environ if environ is None else environ
    configured = [o.strip().rstrip("/") for o in environ.get("WEB_ORIGINS", "").split(",") if o.strip()]
    if "*" in configured:
        return "*"
    if configured:
        return configured
    web_port = (environ.get("WEB_PORT") or "8080").strip()
    return [f"http://127.0.0.1:{web_port}", f"http://localhost:{web_port}"]


class OriginCheckedSocketIOInput(SocketIOInput):
    """SocketIOInput whose socket.io server refuses pages from other origins."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socketio_webhook = super().blueprint(guard(on_new_message, self.name()))
        sio = self.sio
        assert sio is not None
        origins = allowed_origins()
        # Read by python-engineio on every request (polling and websocket);
        # [] (Rasa's value) disables the check, a list enables it.
        sio.eio.cors_allowed_origins = origins
        logger.info("socket.io: allowed origins %s", origins)

        # Replace two of Rasa's handlers (python-socketio keeps one per event).
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict] = None) -> None:
            session_id = data.get("session_id") if isinstance(data, dict) else None
            if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
                session_id = uuid.uuid4().hex
            if self.session_persistence:
                entered = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(entered):
                    await entered
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        rasa_handle_message = sio.handlers.get(self.namespace or "/", {}).get(self.user_message_evt)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                logger.debug("socket.io: ignored a malformed %s event", self.user_message_evt)
                return
            if self.session_persistence:
                session_id = data.get("session_id")
                if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
                    logger.debug("socket.io: ignored a message without a valid session_id")
                    return
            data = dict(data)
            if not isinstance(data.get(self.metadata_key, {}), dict):
                data.pop(self.metadata_key, None)
            await rasa_handle_message(sid, data)

        return socketio_webhook
