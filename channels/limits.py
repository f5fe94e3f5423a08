"""What every input channel does with a user message before (and after) the dialogue sees it.

Each channel (REST, socket.io, Telegram, Slack, Messenger, Twilio) wraps the
`on_new_message` Rasa hands to its blueprint with `guard(...)`:

- **Size limit**: a message longer than `MAX_MESSAGE_CHARS` (default 5000
  characters) is answered with TOO_LONG and not processed (not parsed, not
  stored).
- **Scope**: the sender id becomes the channel-scoped conversation id
  (`telegram:424242`, `web:<session>`; channels/sessions.py), and the output
  channel is wrapped (`ScopedOutput`) so the platform gets its own id back.
- **Rate limit**: more than `RATE_LIMIT_PER_MINUTE` (default 30) processed
  messages in one conversation within 60 seconds, whatever channel they come
  through (one count per process), or more than
  `RATE_LIMIT_PER_ADDRESS_PER_MINUTE` (default 120) from one client address
  (browsers: socket.io and REST's signed web sessions, or all of REST with
  REST_TRUST_SENDER_IDS=0; a trusted backend's users share its address, so it
  is not counted per address): the next ones are answered with TOO_FAST and not
  processed until the window has room again. The count is
  kept per server process (with N replicas behind round robin a sender gets
  up to N times the limit; the proxy's per-address limit, see
  deploy/nginx.conf, bounds the total). `0` turns a limit off.
- **Deletion**: when the dialogue answered "delete my data" in this turn, the
  conversation is deleted from the tracker store afterwards (channels/privacy.py)
  and the user is told whether it worked.
- **Failures**: an exception while handling the message is logged with its
  type only (never the message text) and answered with SORRY, so a client
  always gets an answer.

Refusals go through the channel's own output channel, so they look like any
bot message on every surface (for REST: HTTP 200 with the usual list of
messages). Logs name the sender by a short hash, never the text.
"""

import asyncio
import collections
import logging
import time
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Deque, Dict, Optional


from rasa.core.channels.channel import OutputChannel

from assistant import config
from channels import privacy, sessions
from channels.privacy import sender_tag

if TYPE_CHECKING:
    from rasa.core.channels.channel import UserMessage

logger = logging.getLogger(__name__)

DEFAULT_RATE_LIMIT_PER_MINUTE = 30
DEFAULT_MAX_MESSAGE_CHARS = 5000
DEFAULT_ADDRESS_LIMIT_PER_MINUTE = 120
WINDOW_SECONDS = 60.0
MAX_TRACKED_SENDERS = 100_000

TOO_FAST = "You're sending messages very fast; please wait a moment."
TOO_LONG = ("That message is too long for me (over {limit} characters). "
            "Please send the part of the report about the liver.")
SORRY = "Sorry, something went wrong on my side. Please send your message again in a moment."


def rate_limit_per_minute(environ: Optional[Dict[str, str]] = None) -> int:
    return config.whole_number("RATE_LIMIT_PER_MINUTE", DEFAULT_RATE_LIMIT_PER_MINUTE, environ)


def max_message_chars(environ: Optional[Dict[str, str]] = None) -> int:
    return config.whole_number("MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS, environ)


class RateLimiter:
    """Sliding window: at most `limit` accepted events per key in `window` seconds."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = MAX_TRACKED_SENDERS) -> None:
        self.limit, self.window, self.clock, self.max_keys = limit, window, clock, max_keys
        self._hits: "collections.OrderedDict[str, Deque[float]]" = collections.OrderedDict()

    def allow(self, key: str) -> bool:
        if self.limit <= 0:
            return True
        now = self.clock()
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = collections.deque()
        else:
            self._hits.move_to_end(key)
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        while len(self._hits) > self.max_keys:  # forget the least recently seen senders
            self._hits.popitem(last=False)
        return True


class ScopedOutput(OutputChannel):
    """The channel's output channel, seen by Rasa as the output of conversation `conversation_id`.

    Rasa sends a conversation's messages to `tracker.sender_id`, the scoped id
    (`telegram:424242`); the platform must get its own id back (`424242`), and
    a web client the session token it must send next (`recipient_id`). Every
    other attribute (a collector's `messages`, socket.io's `sio`, Twilio's
    `flush`) is the wrapped channel's.
    """

    def __init__(self, inner: Any, conversation_id: str, client_id: str) -> None:
        self.__dict__["_inner"] = inner
        self.__dict__["conversation_id"] = conversation_id
        self.__dict__["client_id"] = client_id

    def __getattr__(self, name: str) -> Any:
        return getattr(self.__dict__["_inner"], name)

    def name(self) -> str:  # type: ignore[override]
        return self._inner.name()

    def _recipient(self, recipient_id: Any) -> Any:
        if recipient_id == self.conversation_id:
            return self.client_id
        try:
            channel = str(self._inner.name())
        except Exception:  # an output channel without a name: nothing to map
            return recipient_id
        if isinstance(recipient_id, str) and recipient_id.startswith(channel + ":"):
            return recipient_id[len(channel) + 1:]
        return recipient_id

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        await self._inner.send_response(self._recipient(recipient_id), message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._inner.send_text_message(self._recipient(recipient_id), text, **kwargs)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._inner.send_image_url(self._recipient(recipient_id), image, **kwargs)

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        await self._inner.send_attachment(self._recipient(recipient_id), attachment, **kwargs)

    async def send_text_with_buttons(self, recipient_id: str, text: str, buttons: Any, **kwargs: Any) -> None:
        await self._inner.send_text_with_buttons(self._recipient(recipient_id), text, buttons, **kwargs)

    async def send_quick_replies(self, recipient_id: str, text: str, quick_replies: Any, **kwargs: Any) -> None:
        await self._inner.send_quick_replies(self._recipient(recipient_id), text, quick_replies, **kwargs)

    async def send_elements(self, recipient_id: str, elements: Any, **kwargs: Any) -> None:
        await self._inner.send_elements(self._recipient(recipient_id), elements, **kwargs)

    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        await self._inner.send_custom_json(self._recipient(recipient_id), json_message, **kwargs)


def unscoped(output: Any) -> "ScopedOutput":
    """A platform's output channel for sends outside a turn (Rasa's HTTP API with `output_channel=latest`
    or `=telegram`): Rasa gives it the scoped id (`telegram:424242`), the platform wants its own."""
    return ScopedOutput(output, "", "")


def address_limit_per_minute(environ: Optional[Dict[str, str]] = None) -> int:
    return config.whole_number("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", DEFAULT_ADDRESS_LIMIT_PER_MINUTE, environ)


# One count per conversation for the whole process, whatever channel the messages come through, and one
# per client address (REST and socket.io; the platforms' webhooks all come from the platforms' servers).
_limiters: Dict[str, RateLimiter] = {}


def shared_limiter(kind: str, limit: int) -> RateLimiter:
    limiter = _limiters.get(kind)
    if limiter is None or limiter.limit != limit:
        limiter = _limiters[kind] = RateLimiter(limit)
    return limiter


class MessageGuard:
    """The wrapped `on_new_message` (see the module docstring)."""

    def __init__(self, on_new_message: Callable[["UserMessage"], Awaitable[Any]], channel: str,
                 environ: Optional[Dict[str, str]] = None) -> None:
        self.on_new_message = on_new_message
        self.channel = channel
        self.max_chars = max_message_chars(environ)
        self.limiter = shared_limiter("conversation", rate_limit_per_minute(environ))
        self.address_limiter = shared_limiter("address", address_limit_per_minute(environ))

    async def __call__(self, message: "UserMessage") -> None:
        client_id = getattr(message, "client_id", None) or message.sender_id
        conversation = sessions.scoped(getattr(message, "scope", None) or self.channel, message.sender_id)
        out = ScopedOutput(message.output_channel, conversation, client_id)
        message.sender_id, message.output_channel = conversation, out
        address = getattr(message, "client_address", None)
        text = message.text if isinstance(message.text, str) else ""
        sender = conversation
        if self.max_chars and len(text) > self.max_chars:
            logger.warning("%s: message over %s characters from sender %s refused", self.channel,
                           self.max_chars, sender_tag(sender))
            await self._say(out, sender, TOO_LONG.format(limit=self.max_chars))
            return
        if address and not self.address_limiter.allow(str(address)):
            logger.warning("%s: rate limit reached for client address %s", self.channel, sender_tag(address))
            await self._say(out, sender, TOO_FAST)
            return
        if not self.limiter.allow(sender):
            logger.warning("%s: rate limit reached for sender %s", self.channel, sender_tag(sender))
            await self._say(out, sender, TOO_FAST)
            return
        seen = privacy.watch_responses(out)
        try:
            await self.on_new_message(message)
        except asyncio.CancelledError:
            logger.error("%s: handling a message from sender %s was cancelled", self.channel, sender_tag(sender))
            raise
        except Exception as error:
            logger.error("%s: handling a message from sender %s failed: %s", self.channel, sender_tag(sender),
                         type(error).__name__)
            await self._say(out, sender, SORRY)
            return
        if privacy.DELETE_RESPONSE in seen:
            await privacy.delete_and_confirm(message)

    @staticmethod
    async def _say(out: Any, sender: str, text: str) -> None:
        try:
            await out.send_text_message(sender, text)
        except Exception as error:  # the platform API may be down: nothing more to do
            logger.error("could not send a message to sender %s: %s", sender_tag(sender), type(error).__name__)


def guard(on_new_message: Callable[["UserMessage"], Awaitable[Any]], channel: str) -> MessageGuard:
    """`on_new_message` with the size and rate limits, deletion and safe failures."""
    return MessageGuard(on_new_message, channel)
