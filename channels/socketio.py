"""Rasa's socket.io channel with an Origin check, for the web chat widget.

Rasa 3.6 builds its socket.io server with `cors_allowed_origins=[]`, which
turns python-engineio's Origin check off: any web site could open a socket to
the assistant from a visitor's browser. This subclass checks the Origin in a
Sanic request middleware for /socket.io (engine.io's own check would also add
its CORS headers next to Rasa's --cors ones: two Access-Control-Allow-Origin
headers, which browsers refuse).

Allowed origins come from `WEB_ORIGINS` (comma separated, e.g.
`https://clinic.example,https://www.clinic.example`; `*` allows any origin).
Unset: the chat page's own origins, http://127.0.0.1:$WEB_PORT and
http://localhost:$WEB_PORT. A browser request with any other Origin header is
refused with 400 before a session exists (HTTP long-polling and WebSocket
alike). Clients that send no Origin header (not browsers) are not affected.

Also:
- sessions are issued and signed by the server (channels/sessions.py):
  `session_request` confirms the claimed id only if it is a valid token, else a
  new one; the conversation is `web:<id>` (the same over REST with the token);
- `user_uttered` with a session id the server did not issue: a `session_error`
  event `{"error": "invalid_session"}`, a `session_confirm` with a new session,
  and the message is answered there; a payload that is not `{"message": TEXT,
  ...}`: `session_error` `{"error": "bad_message"}`;
- `enter_room` is awaited when the installed python-socketio makes it a
  coroutine (>= 5.10; Rasa 3.6 does not await it and bot replies are lost);
- the client's address (connect time) feeds the per-address limit.
- the size and rate limits, deletion on request and safe failures of
  channels/limits.py (`guard`), answered with a `bot_uttered` like any reply.

Registered in credentials.yml under `channels.socketio.OriginCheckedSocketIOInput`;
its name stays "socketio", so the path /socket.io is unchanged.
"""

import inspect
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response

from assistant import config
from channels import sessions
from channels.limits import guard
from channels.rest import client_address

logger = logging.getLogger(__name__)

ERROR_EVENT = "session_error"


def allowed_origins(environ: Optional[Dict[str, str]] = None) -> Union[str, List[str]]:
    """The origins whose pages may open a socket: WEB_ORIGINS, or the chat page's own."""
    configured = [origin.rstrip("/") for origin in config.items("WEB_ORIGINS", environ)]
    if "*" in configured:
        return "*"
    if configured:
        return configured
    web_port = config.text("WEB_PORT", "8080", environ)
    return [f"http://127.0.0.1:{web_port}", f"http://localhost:{web_port}"]


class OriginCheckedSocketIOInput(SocketIOInput):
    """SocketIOInput whose socket.io server refuses pages from other origins."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guarded = guard(on_new_message, self.name())
        socketio_webhook = super().blueprint(guarded)
        sessions.check_secret()
        sio = self.sio
        assert sio is not None
        origins = allowed_origins()
        logger.info("socket.io: allowed origins %s", origins)

        # The Origin check is ours, before engine.io sees the request (polling and websocket alike). engine.io's
        # own check would also add CORS headers, and Rasa's CORS layer (--cors, Sanic-CORS) adds them too:
        # two Access-Control-Allow-Origin headers, which browsers refuse. So engine.io stays at Rasa's
        # cors_allowed_origins=[] (no check, no headers) and the server has one CORS layer.
        path = "/" + (self.socketio_path or "/socket.io").strip("/")

        async def check_origin(request: Any) -> Any:
            if request.path != path and not request.path.startswith(path + "/"):
                return None
            origin = request.headers.get("Origin")
            if origin and origins != "*" and origin.rstrip("/") not in origins:
                logger.warning("socket.io: refused a connection from a page of another origin")
                return response.text("Not an accepted origin.", status=400)
            return None

        @socketio_webhook.listener("before_server_start")
        async def install_origin_check(app: Any, _loop: Any) -> None:
            if not getattr(app.ctx, "socketio_origin_check", False):
                app.ctx.socketio_origin_check = True
                app.register_middleware(check_origin, "request")

        addresses: Dict[Text, Text] = {}

        # Replace Rasa's handlers (python-socketio keeps one per event).
        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            if self.jwt_key:
                token = auth.get("token") if isinstance(auth, dict) else None
                try:
                    payload = decode_bearer_token(token, self.jwt_key, self.jwt_algorithm) if token else None
                except Exception:
                    payload = None
                if not payload:
                    return False
            request = environ.get("sanic.request") if isinstance(environ, dict) else None
            if request is not None:
                addresses[sid] = client_address(request)
            return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: Text) -> None:
            addresses.pop(sid, None)

        async def join(sid: Text, room: Text) -> None:
            entered = sio.enter_room(sid, room, namespace=self.namespace)
            if inspect.isawaitable(entered):  # python-socketio >= 5.10 (Rasa 3.6 does not await it)
                await entered

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            claimed = data.get("session_id") if isinstance(data, dict) else None
            token = claimed if sessions.verify(claimed) else sessions.issue()[1]
            await join(sid, token)
            await sio.emit("session_confirm", token, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict) or not isinstance(data.get("message", ""), str):
                await sio.emit(ERROR_EVENT, {"error": "bad_message",
                                             "message": 'A message is {"message": TEXT, "session_id": ID}.'},
                               room=sid, namespace=self.namespace)
                return
            token = data.get("session_id")
            session_id = sessions.verify(token)
            if session_id is None:
                # Not a session this server issued: a new one, told to the client first (it stores it).
                session_id, token = sessions.issue()
                await sio.emit(ERROR_EVENT, {"error": "invalid_session",
                                             "message": "session_id is not one this server issued: "
                                                        "a new conversation starts under the session_id "
                                                        "of the next session_confirm."},
                               room=sid, namespace=self.namespace)
                await join(sid, token)
                await sio.emit("session_confirm", token, room=sid, namespace=self.namespace)
            elif token not in (sio.rooms(sid, namespace=self.namespace) or []):
                await join(sid, token)
            metadata = data.get(self.metadata_key)
            message = UserMessage(data.get("message", ""), SocketIOOutput(sio, self.bot_message_evt), session_id,
                                  input_channel=self.name(),
                                  metadata=metadata if isinstance(metadata, dict) else None)
            message.client_id = token  # the room: bot messages go to every socket of this session
            message.scope = sessions.WEB_SCOPE  # web:<id>, the same conversation over REST with this token
            message.client_address = addresses.get(sid)
            await guarded(message)

        return socketio_webhook
