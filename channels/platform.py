"""What the messaging-platform connectors (telegram, slack, facebook, twilio) share.

- `call_api`: one outbound HTTP call (aiohttp, never blocks the server's loop);
  failures are logged with the platform's status and error code, never the
  message text, and never raised into the dialogue.
- `refuse`: the answer to a webhook request that fails authentication.
- `last_buttons`: the quick replies of the bot's last turn for a conversation,
  read from the tracker store (so a numbered reply maps back to its payload
  even after a restart, and with several server processes).
"""

import asyncio
import logging
from typing import Any, Dict, List, Optional

import aiohttp
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

TIMEOUT = aiohttp.ClientTimeout(total=20)


async def call_api(
    platform: str,
    method: str,
    url: str,
    *,
    json: Optional[Dict[str, Any]] = None,
    data: Optional[Dict[str, Any]] = None,
    headers: Optional[Dict[str, str]] = None,
    auth: Optional[aiohttp.BasicAuth] = None,
    params: Optional[Dict[str, str]] = None,
    what: str = "",
) -> Optional[Any]:
    """POST to a platform's API; the decoded JSON answer, or None when the call failed."""
    try:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            async with session.request(method, url, json=json, data=data, headers=headers, auth=auth,
                                       params=params) as answer:
                try:
                    body = await answer.json(content_type=None)
                except ValueError:
                    body = None
                if answer.status >= 300 or (isinstance(body, dict) and body.get("ok") is False):
                    # Telegram and Slack also report failures as {"ok": false} in the body.
                    logger.error("%s API %s failed: HTTP %s %s", platform, what or "call", answer.status,
                                 _error(body))
                    return None
                return body
    except (aiohttp.ClientError, OSError, asyncio.TimeoutError) as error:
        logger.error("%s API %s failed: %s", platform, what or "call", type(error).__name__)
        return None


def _error(body: Any) -> str:
    """The platform's error code or description (never message content)."""
    if not isinstance(body, dict):
        return ""
    error = body.get("error") or body.get("description") or body.get("message") or body.get("code") or ""
    if isinstance(error, dict):
        error = error.get("message") or error.get("code") or ""
    return str(error)[:200]


def refuse(platform: str, status: int, reason: str) -> HTTPResponse:
    """401 (no credentials) or 403 (wrong ones); logged without the body."""
    logger.warning("%s webhook refused (%s): %s", platform, status, reason)
    return response.text(reason, status=status)


async def last_buttons(request: Request, sender_id: str) -> List[Dict[str, Any]]:
    """Buttons of the last bot message since the user's last message, read from the tracker store."""
    agent = getattr(request.app.ctx, "agent", None)
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return []
    try:
        tracker = await store.retrieve(sender_id)
    except Exception as error:  # a store outage must not stop the message itself
        logger.warning("could not read the tracker to map a numbered reply: %s", type(error).__name__)
        return []
    if tracker is None:
        return []
    for event in reversed(tracker.events):
        name = getattr(event, "type_name", "")
        if name == "user":
            return []
        if name == "bot":
            buttons = (event.data or {}).get("buttons") or (event.data or {}).get("quick_replies")
            if buttons:
                return list(buttons)
    return []
