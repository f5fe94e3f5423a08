"""Move the stored conversations to channel-scoped ids (channels/sessions.py): `424242` -> `telegram:424242`.

Before the scoping, every channel stored a conversation under the id the client gave, so a REST client
could name a Telegram user's chat id. This renames, in the SQL tracker store (SQLite or PostgreSQL, the
store `make run` uses: TRACKER_STORE_URL, or var/trackers.db), every conversation id that has no
channel prefix yet to `<channel>:<id>`, the channel being the `input_channel` of the conversation's first
user message (`rest`, `socketio`, `telegram`, `slack`, `facebook`, `twilio`; anything else, or no user
message at all, e.g. a conversation made through the HTTP API: `rest`).

- Run it with the Rasa server stopped (it takes no conversation lock). It is idempotent: an id that
  already has a channel prefix is left alone, so a second run changes nothing.
- Each conversation is renamed in one transaction. A conversation whose messages came through more
  than one channel (someone wrote into another channel's conversation) goes, whole, to the channel of
  its first message; it is counted as `mixed` in the report.
- An old web session (socket.io) becomes `socketio:<old id>`; no browser can reach it any more (the
  widget's stored id was not issued with a signature), which is the point.
- If the target id already exists (both the old and the new scheme were in use), the conversation is
  not moved and is reported as a `conflict`.

Usage: python -m server.migrate_conversation_ids [--url postgresql://... | sqlite:///path] [--dry-run]
Prints one line: `conversations=N renamed=N already_scoped=N mixed=N conflicts=N` (plus per channel).
"""

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Dict, Optional

from assistant import config
from channels.sessions import SCOPES, has_scope, scoped


def open_store(url: Optional[str]):
    """Rasa's SQLTrackerStore for the URL (as server/launcher.py configures it); creates the table if missing."""
    from rasa.core.tracker_store import SQLTrackerStore

    from server.endpoints import tracker_store_config

    config = dict(tracker_store_config(url))
    config.pop("type", None)
    if "url" in config:
        config["host"] = config.pop("url")
    if config.get("dialect") == "sqlite":
        Path(config["db"]).parent.mkdir(parents=True, exist_ok=True)
    return SQLTrackerStore(**config)


def channel_of(first_user_event_data: Optional[str]) -> str:
    try:
        data = json.loads(first_user_event_data or "{}")
    except ValueError:
        data = {}
    channel = data.get("input_channel") if isinstance(data, dict) else None
    return channel if channel in SCOPES else "rest"


def migrate(store, dry_run: bool = False) -> Dict[str, int]:
    import sqlalchemy as sa

    event = store.SQLEvent
    counts: Dict[str, int] = collections.Counter()
    with store.session_scope() as session:
        senders = [row[0] for row in session.query(event.sender_id).distinct()]
    counts["conversations"] = len(senders)
    for sender in senders:
        if has_scope(sender):
            counts["already_scoped"] += 1
            continue
        with store.session_scope() as session:
            users = session.query(event.data).filter(event.sender_id == sender, event.type_name == "user") \
                .order_by(event.id).all()
            channels = {channel_of(data) for (data,) in users}
            channel = channel_of(users[0][0]) if users else "rest"
            target = scoped(channel, sender)
            if len(target) > 255:
                counts["too_long"] += 1
                continue
            if session.query(event.id).filter(event.sender_id == target).first() is not None:
                counts["conflicts"] += 1
                continue
            if len(channels) > 1:
                counts["mixed"] += 1
            counts[f"to_{channel}"] += 1
            counts["renamed"] += 1
            if not dry_run:
                session.execute(sa.update(event).where(event.sender_id == sender).values(sender_id=target))
                session.commit()
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=config.text("TRACKER_STORE_URL") or None,
                        help="postgresql://... or sqlite:///path (default: TRACKER_STORE_URL, else var/trackers.db)")
    parser.add_argument("--dry-run", action="store_true", help="count, change nothing")
    args = parser.parse_args(argv)
    counts = migrate(open_store(args.url), dry_run=args.dry_run)
    keys = ["conversations", "renamed", "already_scoped", "mixed", "conflicts"]
    line = " ".join(f"{key}={counts.get(key, 0)}" for key in keys)
    extra = " ".join(f"{key}={value}" for key, value in sorted(counts.items()) if key not in keys)
    print(("(dry run) " if args.dry_run else "") + line + (" " + extra if extra else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
