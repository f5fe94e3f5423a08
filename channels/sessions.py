"""Who owns a conversation: channel-scoped conversation ids and server-issued, signed web sessions.

**Scopes.** Every channel stores its conversations under `<channel>:<id>`
(`telegram:424242`, `slack:U123:C456`, `facebook:<PSID>`,
`twilio:whatsapp:+15551234567`), so no channel can name another channel's
conversation: a REST client that sends `"sender": "424242"` never talks in
Telegram's `telegram:424242`. A web session (below) is `web:<id>` whether its
messages come over socket.io or REST (the widget's transport is its own
business); REST ids taken as given by a trusted backend are `rest:<id>`.
`channels.limits.guard` does the scoping for every channel (and maps the
recipient back for the channel's output, see `ScopedOutput`).

**Signed sessions.** The web clients (REST and socket.io) cannot prove who
they are, so their conversation ids are issued by the server:
`<id>.<signature>`, where `id` is 24 random URL-safe characters and the
signature is the base64url HMAC-SHA256 of `"session:v1:" + id` with
`SESSION_SECRET` (from the environment; server/launcher.py makes a random one per
run when it is unset, and never prints or logs it). A claimed id that does not
carry a valid signature starts a new conversation with a new issued id: the
client learns it from the reply (REST: `recipient_id` of every message and the
`X-Session-Id` header; socket.io: `session_confirm`).

A site's own backend that authenticates its users itself can use its own ids:
it knows `SESSION_SECRET` and signs them with `sign(id)` (any id of 8-64
characters `A-Za-z0-9_-`; see README "Security"), or, when it is the only
client of the REST channel, the server can be told to take REST sender ids as
given (`REST_TRUST_SENDER_IDS=1`; still under `rest:`).
"""

import base64
import hashlib
import hmac
import re
import secrets
from typing import Dict, Optional, Tuple

from assistant import config

SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
TOKEN = re.compile(r"^([A-Za-z0-9_-]{8,64})\.([A-Za-z0-9_-]{43})$")
SIGNATURE_CONTEXT = b"session:v1:"
SECRET_VARIABLE = "SESSION_SECRET"
MIN_SECRET_CHARS = 16
# The names of the channels (their input channel's name()); an HTTP API conversation id that does not
# start with one of these followed by ":" is a REST conversation (see server.rasa_patches.scope_api_conversation_id).
SCOPES = ("web", "rest", "socketio", "telegram", "slack", "facebook", "twilio")
WEB_SCOPE = "web"

_process_secret: Optional[bytes] = None


def secret(environ: Optional[Dict[str, str]] = None) -> bytes:
    """SESSION_SECRET, or (unset) one random secret for this process's lifetime."""
    global _process_secret
    configured = config.text(SECRET_VARIABLE, "", environ)
    if configured:
        if len(configured) < MIN_SECRET_CHARS:
            raise SystemExit(f"{SECRET_VARIABLE} must be at least {MIN_SECRET_CHARS} characters")
        return configured.encode("utf-8")
    if _process_secret is None:
        _process_secret = secrets.token_bytes(32)
    return _process_secret


def check_secret(environ: Optional[Dict[str, str]] = None) -> None:
    """Stops the start (SystemExit) on a SESSION_SECRET that is too short."""
    secret(environ)


def _signature(session_id: str, key: bytes) -> str:
    digest = hmac.new(key, SIGNATURE_CONTEXT + session_id.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


def sign(session_id: str, key: Optional[bytes] = None) -> str:
    """The session token of `session_id` (8-64 characters A-Za-z0-9_-)."""
    if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
        raise ValueError("a session id is 8-64 characters A-Z, a-z, 0-9, _ and -")
    return f"{session_id}.{_signature(session_id, key or secret())}"


def issue(key: Optional[bytes] = None) -> Tuple[str, str]:
    """A new session: (id, token)."""
    session_id = secrets.token_urlsafe(18)
    return session_id, sign(session_id, key)


def verify(token: object, key: Optional[bytes] = None) -> Optional[str]:
    """The session id of a token this server issued (or a backend signed); None for anything else."""
    if not isinstance(token, str):
        return None
    match = TOKEN.match(token)
    if not match:
        return None
    session_id, signature = match.groups()
    expected = _signature(session_id, key or secret())
    return session_id if hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii")) else None


def scoped(channel: str, sender_id: object) -> str:
    """The conversation id in the tracker store of `sender_id` on `channel`."""
    return f"{channel}:{sender_id}"


def has_scope(conversation_id: str) -> bool:
    return any(conversation_id.startswith(scope + ":") for scope in SCOPES)
