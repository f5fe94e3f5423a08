"""Rasa's REST channel with request checks: a malformed body gets a clear 400, never a 500.

Registered in credentials.yml under this class path; its name stays "rest",
so the contract's URL /webhooks/rest/webhook is unchanged.

`POST /webhooks/rest/webhook` `{"sender": ID, "message": TEXT, "metadata": {...}}`:
- 200 and the bot's messages as a list, as with Rasa's channel; the size and
  rate limits (channels/limits.py) answer the same way, with one bot message
  saying what happened (so every client shows it without special handling);
- 400 with `{"error": ...}` when the body is not a JSON object, `sender` is
  missing or not 1-200 printable characters, `message` is not text or `metadata`
  not an object;
- 413 with `{"error": ...}` when the body itself is larger than any allowed
  message could make it.
A valid session token `<id>.<signature>` the server issued (channels/sessions.py)
continues the conversation `web:<id>`. Any other sender is taken as given, as
`rest:<id>` (the contract's surface; scoping keeps it away from every other
channel); with REST_TRUST_SENDER_IDS=0 it starts a new signed session instead,
whose token is the `recipient_id` of every message and the `X-Session-Id` header.
The client's address (for the per-address limit) is the peer's, or from
X-Forwarded-For when the peer is in TRUSTED_PROXIES.
`input_channel` in the body is ignored (always "rest"). Unlike Rasa's channel,
nothing here logs the message text, not even when handling it fails.
"""

import asyncio
import json
import unicodedata
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import QueueOutputChannel
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from assistant import config
from channels import sessions
from channels.limits import guard, max_message_chars

MAX_SENDER_CHARS = 200


class BadRequest(SanicException):
    status_code = 400
    quiet = True


def _body(request: Request) -> dict:
    try:
        body = request.json
    except SanicException:
        raise BadRequest('The body must be JSON: {"sender": "...", "message": "..."}.')
    if not isinstance(body, dict):
        raise BadRequest('The body must be a JSON object: {"sender": "...", "message": "..."}.')
    return body


def valid_sender(sender: Any) -> Optional[str]:
    """The sender id as text, or None when it is not 1-200 printable characters."""
    if isinstance(sender, bool) or not isinstance(sender, (str, int)):
        return None
    sender = str(sender).strip()
    if not sender or len(sender) > MAX_SENDER_CHARS:
        return None
    if any(unicodedata.category(c) in ("Cc", "Cs", "Cn", "Co") for c in sender):
        return None  # control characters, lone surrogates, unassigned or private-use code points
    return sender


def max_body_bytes() -> int:
    r"""A body larger than this cannot hold an allowed message (each character takes at most 12 bytes
    as a JSON escape "\\ud83d\\ude00" for two characters), plus room for the rest of the object."""
    return max(65536, 12 * max_message_chars() + 16384)


def trust_sender_ids(environ: Optional[Dict[str, str]] = None) -> bool:
    """Take unsigned REST sender ids as the client gives them (as `rest:<id>`)? The default, because
    the contract's REST surface (CONTRACT.md: `{"sender": ID}`, then `/conversations/ID/tracker`) is
    what every outside evaluator and site backend relies on; scoping already keeps a REST id away
    from every other channel's conversations. REST_TRUST_SENDER_IDS=0 (a site whose browsers talk
    to REST directly) accepts only ids the server issued and signed."""
    return config.flag("REST_TRUST_SENDER_IDS", True, environ)


def client_address(request: Request) -> str:
    """The client's address: the peer, or, only when the peer is a trusted proxy (TRUSTED_PROXIES, comma
    separated addresses), the last address in X-Forwarded-For that is not a trusted proxy."""
    peer = request.conn_info.client_ip if request.conn_info else (request.ip or "")
    trusted = set(config.items("TRUSTED_PROXIES"))
    if not trusted or peer not in trusted:
        return peer
    chain = [a.strip() for a in (request.headers.get("X-Forwarded-For") or "").split(",") if a.strip()]
    for address in reversed(chain):
        if address not in trusted:
            return address
    return peer


class CheckedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        body = _body(req)
        if "sender" not in body:
            raise BadRequest("'sender' is missing: send the id this server gave you, or any id "
                             "(e.g. \"new\") to start a conversation; the reply's recipient_id is its id.")
        sender = valid_sender(body.get("sender"))
        if sender is None:
            raise BadRequest(f"'sender' must be 1-{MAX_SENDER_CHARS} printable characters.")
        return sender

    def session(self, sender: Text) -> Tuple[Text, Text, bool]:
        """(conversation key, the id the client must send next, is it a signed web session) for a
        sender id: a signed token continues its web session; any other id is taken as given when
        sender ids are trusted, else a new session is issued."""
        session_id = sessions.verify(sender)
        if session_id is not None:
            return session_id, sender, True
        if self.trusted:
            return sender, sender, False
        return (*sessions.issue(), True)

    def _extract_message(self, req: Request) -> Optional[Text]:
        message: Any = _body(req).get("message")
        if message is None:
            return ""
        if not isinstance(message, str):
            raise BadRequest("'message' must be text.")
        return message

    def _extract_input_channel(self, req: Request) -> Text:
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        metadata = _body(request).get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            raise BadRequest("'metadata' must be a JSON object.")
        return metadata

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = guard(on_new_message, self.name())
        rest_webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        limit = max_body_bytes()
        self.trusted = trust_sender_ids()
        sessions.check_secret()

        @rest_webhook.exception(BadRequest)
        async def bad_request(_request: Request, error: BadRequest) -> HTTPResponse:
            return response.json({"error": str(error)}, status=400)

        @rest_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest_webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Any:
            if len(request.body or b"") > limit:
                return response.json({"error": f"The request is too large (over {limit} bytes)."}, status=413)
            sender = await self._extract_sender(request)
            text = self._extract_message(request)
            metadata = self.get_metadata(request)
            key, client_id, web = self.session(sender)
            headers = {"X-Session-Id": client_id}

            def message(output: Any) -> UserMessage:
                user_message = UserMessage(text, output, key, input_channel=self.name(), metadata=metadata)
                user_message.client_id = client_id  # what the replies' recipient_id says (channels/limits.py)
                if web:
                    user_message.scope = sessions.WEB_SCOPE  # a signed web session, as over socket.io
                # The per-address limit is for browsers (signed web sessions, or REST_TRUST_SENDER_IDS=0).
                # A trusted backend vouches for its own users' ids, and all of them share its one address:
                # limiting that address would refuse its 121st user in a minute (each conversation keeps
                # its own limit).
                if web or not trust_sender_ids():
                    user_message.client_address = client_address(request)
                return user_message

            if str(request.args.get("stream", "")).lower() == "true":
                return response.stream(self._stream(on_new_message, message), content_type="text/event-stream",
                                       headers=headers)
            collector = CollectingOutputChannel()
            await on_new_message(message(collector))
            return response.json(collector.messages, headers=headers)

        return rest_webhook

    def _stream(self, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                message: Callable[[Any], UserMessage]) -> Callable[[Any], Awaitable[None]]:
        """Rasa's streaming answer (one JSON message per line), for a message made by `message`."""
        async def stream(resp: Any) -> None:
            queue: "asyncio.Queue" = asyncio.Queue()

            async def handle() -> None:
                try:
                    await on_new_message(message(QueueOutputChannel(queue)))
                finally:
                    await queue.put("DONE")

            task = asyncio.ensure_future(handle())
            while True:
                result = await queue.get()
                if result == "DONE":
                    break
                await resp.write(json.dumps(result) + "\n")
            await task

        return stream
