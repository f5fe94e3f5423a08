"""Rasa's REST channel with request checks: a malformed body gets a clear 400, never a 500.

Registered in credentials.yml under this class path; its name stays "rest",
so the contract's URL /webhooks/rest/webhook is unchanged.
"""

from typing import Any, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic.exceptions import SanicException
from sanic.request import Request


class BadRequest(SanicException):
    status_code = 400
    quiet = True


def _body(request: Request) -> dict:
    body = request.json
    if not isinstance(body, dict):
        raise BadRequest('The body must be a JSON object: {"sender": "...", "message": "..."}.')
    return body


class CheckedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        sender: Any = _body(req).get("sender", "default")
        if not isinstance(sender, (str, int)) or isinstance(sender, bool) or not str(sender).strip():
            raise BadRequest("'sender' must be a non-empty text.")
        return str(sender)[:200]

    def _extract_message(self, req: Request) -> Optional[Text]:
        message: Any = _body(req).get("message")
        if message is None:
            return ""
        if not isinstance(message, str):
            raise BadRequest("'message' must be text.")
        return message
