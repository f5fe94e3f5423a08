""""Delete my data": remove a user's conversation from the tracker store.

The dialogue answers the intent `delete_my_data` with the response
`utter_delete_my_data` ("OK, I'm deleting ..."). The deletion itself cannot
happen in the action server: Rasa saves the tracker after every action and
would write the events back. So it happens here, in the Rasa process, after
the turn: `channels.limits.MessageGuard` (wrapped around every channel's
`on_new_message`) notes which responses the turn sent (`watch_responses`);
when `utter_delete_my_data` was among them, `delete_and_confirm` takes the
lock store's lock for the conversation (so no turn of it runs meanwhile, on
this server or another replica), deletes every stored event of that sender id
from the agent's tracker store, releases the lock, and tells the user DONE (or
FAILED when the store could not be reached).

What is deleted: the SQL store's rows of `events` with that `sender_id`
(SQLite and PostgreSQL), the Redis tracker store's key, the in-memory store's
entry, and the fail-safe fallback store's copy if Rasa ever used it. On socket.io a
`{"conversation_deleted": true}` message follows, and the web widget drops the
transcript it keeps in the browser. What is not deleted: copies outside the
tracker store (an event broker if one is configured, database backups, the
messaging platforms' own chat history).
"""

import contextvars
import hashlib
import logging
from typing import TYPE_CHECKING, Any, List, Optional, Set


if TYPE_CHECKING:
    from rasa.core.channels.channel import UserMessage

logger = logging.getLogger(__name__)

DELETE_RESPONSE = "utter_delete_my_data"
DONE = ("Done: this conversation and everything you told me in it have been deleted. "
        "If you write again, we start from scratch.")
FAILED = ("Sorry, I could not delete this conversation just now. Please try again in a moment. "
          "If it keeps failing, ask the service that runs this chat to delete it.")

_seen: "contextvars.ContextVar[Optional[Set[Any]]]" = contextvars.ContextVar("responses_seen", default=None)


def watch_responses(out: Any) -> Set[Any]:
    """The names of the responses (`utter_action`) that `out` sends from now on in this task."""
    if out is not None and not getattr(out, "_responses_watched", False):
        original = out.send_response

        async def send_response(recipient_id: str, message: Any) -> None:
            seen = _seen.get()
            if seen is not None and isinstance(message, dict):
                seen.add(message.get("utter_action"))
            await original(recipient_id, message)

        out.send_response = send_response
        out._responses_watched = True
    seen: Set[Any] = set()
    _seen.set(seen)
    return seen


def sender_tag(sender_id: Any) -> str:
    """A short, stable stand-in for a sender id in logs (ids can be phone numbers)."""
    return hashlib.sha256(str(sender_id).encode("utf-8", "surrogatepass")).hexdigest()[:10]


def current_agent() -> Any:
    """The Rasa agent of the running server (`rasa run` names its Sanic app one of these)."""
    from sanic import Sanic

    for name in ("rasa_server", "rasa_core_no_api"):
        try:
            return Sanic.get_app(name).ctx.agent
        except Exception:  # no such app (SanicException) or no agent yet
            continue
    return None


def _stores(store: Any) -> List[Any]:
    """The real stores behind Rasa's wrappers (AwaitableTrackerStore, FailSafeTrackerStore)."""
    found: List[Any] = []
    for attribute in ("_tracker_store", "_fallback_tracker_store"):
        inner = getattr(store, attribute, None)
        if inner is not None:
            found.extend(_stores(inner))
    return found or [store]


def _delete_from(store: Any, sender_id: str) -> int:
    from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore, SQLTrackerStore

    if isinstance(store, SQLTrackerStore):
        with store.session_scope() as session:
            deleted = session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender_id) \
                .delete(synchronize_session=False)
            session.commit()
        forget = getattr(store, "forget", None)  # channels.tracker_store: its cached copy goes too
        if forget is not None:
            forget(sender_id)
        return int(deleted or 0)
    if isinstance(store, InMemoryTrackerStore):
        return 1 if store.store.pop(sender_id, None) is not None else 0
    if isinstance(store, RedisTrackerStore):
        return int(store.red.delete(store.key_prefix + sender_id) or 0)
    raise NotImplementedError(f"deleting from a {type(store).__name__} is not supported")


async def delete_conversation(agent: Any, sender_id: str) -> int:
    """Delete every stored event of `sender_id`, under the conversation's lock; the number of rows/keys."""
    async with agent.lock_store.lock(sender_id):
        return sum(_delete_from(store, sender_id) for store in _stores(agent.tracker_store))


async def delete_and_confirm(message: "UserMessage") -> bool:
    out, sender = message.output_channel, message.sender_id
    agent = current_agent()
    try:
        if agent is None:
            raise RuntimeError("no agent")
        count = await delete_conversation(agent, sender)
    except Exception as error:
        logger.error("deleting the conversation of sender %s failed: %s", sender_tag(sender), type(error).__name__)
        await out.send_text_message(sender, FAILED)
        return False
    logger.info("deleted the conversation of sender %s at their request (%s stored items)", sender_tag(sender),
                count)
    await out.send_text_message(sender, DONE)
    if _channel_name(out) == "socketio" and hasattr(out, "sio"):
        # The web widget keeps a transcript in the browser: this tells it to drop it (webchat/widget.js).
        # (Rasa's SocketIOOutput.send_custom_json passes the message as keyword arguments to emit: broken.)
        # The socket.io room is the client's session token, not the conversation id (channels/limits.py).
        room = getattr(out, "client_id", None) or sender
        await out.sio.emit(out.bot_message_evt, {"conversation_deleted": True}, room=room)
    return True


def _channel_name(out: Any) -> str:
    try:
        return str(out.name())
    except Exception:
        return ""
