"""Slack: Rasa's connector with 401/403 on unsigned requests and messages as Slack blocks.

Rasa 3.6's `SlackInput` checks the signing secret but answers a bad signature
with 400, answers Slack's url_verification with a bare JSON string, and posts
every paragraph as its own message with the deprecated `as_user`. This
subclass keeps Rasa's event parsing (direct messages, app mentions, button
clicks, retries) and:

- verifies `X-Slack-Signature` = "v0=" + HMAC-SHA256(signing secret,
  "v0:{X-Slack-Request-Timestamp}:{raw body}") before reading the body, and
  refuses a missing signature (401), a wrong one or a timestamp more than
  300 s from now (403);
- answers url_verification with {"challenge": ...};
- sends replies through `channels.formatting.slack` with chat.postMessage:
  mrkdwn sections of <= 3000 characters (URLs as links) and an actions block
  of buttons whose value is the payload.

Outbound calls go to the Web API at `api_url` (SLACK_API_URL; a test hook,
unset in production: https://slack.com/api).
"""

import hashlib
import hmac
import json
import logging
import time
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackInput as RasaSlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import formatting
from channels.limits import guard
from channels.platform import call_api, refuse

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api"
MAX_CLOCK_SKEW = 300


def signature_problem(secret: Text, timestamp: Optional[Text], body: bytes, signature: Optional[Text],
                      now: Optional[float] = None) -> Optional[int]:
    """None when Slack signed this request; else 401 (no signature) or 403 (wrong or stale)."""
    if not signature or not timestamp:
        return 401
    try:
        stamp = int(timestamp)
    except ValueError:
        return 403
    if abs((time.time() if now is None else now) - stamp) > MAX_CLOCK_SKEW:
        return 403
    digest = hmac.new(secret.encode("utf-8"), f"v0:{timestamp}:".encode("utf-8") + body, hashlib.sha256)
    if not hmac.compare_digest(f"v0={digest.hexdigest()}".encode("utf-8"), signature.encode("utf-8")):
        return 403
    return None


def _content_type(request: Request) -> Text:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


class SlackOutput(OutputChannel):
    """Posts bot messages with chat.postMessage, formatted for Slack."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    def __init__(self, token: Text, slack_channel: Optional[Text] = None, thread_id: Optional[Text] = None,
                 api_url: Optional[Text] = None) -> None:
        self.token = token
        self.slack_channel = slack_channel
        self.thread_id = thread_id
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")

    async def post(self, channel: Text, message: Dict[Text, Any]) -> Optional[Any]:
        if self.thread_id:
            message = {**message, "thread_ts": self.thread_id}
        return await call_api("slack", "POST", f"{self.api_url}/chat.postMessage", json={"channel": channel, **message},
                              headers={"Authorization": f"Bearer {self.token}"}, what="chat.postMessage")

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        channel = self.slack_channel or recipient_id
        for post in formatting.slack(message):
            await self.post(channel, post)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self.post(json_message.get("channel", self.slack_channel or recipient_id), json_message)


class SlackInput(RasaSlackInput):
    """Slack Events API and interactivity webhook; name "slack", URL /webhooks/slack/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = super().from_credentials(credentials)
        channel.api_url = credentials.get("api_url") or None
        return channel

    api_url: Optional[Text] = None

    def get_output_channel(self, channel: Optional[Text] = None, thread_id: Optional[Text] = None) -> OutputChannel:
        return SlackOutput(self.slack_token, channel or self.slack_channel, thread_id, self.api_url)

    def get_metadata(self, request: Request) -> Dict[Text, Any]:
        """Rasa's, tolerant of "application/json; charset=utf-8"."""
        kind = _content_type(request)
        if kind == "application/json":
            event_body = request.json or {}
            event = event_body.get("event") or {}
            users = list(event_body.get("authed_users") or [])
            if not users and event_body.get("authorizations"):
                users.append(event_body["authorizations"][0].get("user_id"))
            return {"out_channel": event.get("channel"), "thread_id": event.get("thread_ts", event.get("ts")),
                    "users": users}
        if kind == "application/x-www-form-urlencoded":
            payload = json.loads(request.form.get("payload") or "{}")
            message = payload.get("message") or {}
            user = (payload.get("user") or {}).get("id")
            return {"out_channel": (payload.get("channel") or {}).get("id"),
                    "thread_id": message.get("thread_ts", message.get("ts")), "users": [user] if user else []}
        return {}

    def authenticate(self, request: Request) -> Optional[HTTPResponse]:
        problem = signature_problem(self.slack_signing_secret, request.headers.get("X-Slack-Request-Timestamp"),
                                    request.body or b"", request.headers.get("X-Slack-Signature"))
        if problem == 401:
            return refuse("slack", 401, "missing X-Slack-Signature")
        if problem:
            return refuse("slack", 403, "X-Slack-Signature does not match or the timestamp is stale")
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = guard(on_new_message, self.name())  # size/rate limits, deletion, safe failures
        slack_webhook = Blueprint("slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            refused = self.authenticate(request)
            if refused is not None:
                return refused
            kind = _content_type(request)
            try:
                if kind == "application/json":
                    body = request.json
                    if not isinstance(body, dict):
                        raise ValueError("not an object")
                    if body.get("type") == "url_verification":
                        return response.json({"challenge": body.get("challenge")})
                    if not self._is_user_message(body):
                        return response.text("ignored")
                    metadata = self.get_metadata(request)
                    if not self._is_supported_channel(body, metadata):
                        return response.text("channel not supported")
                    event = body["event"]
                    sender = self._get_conversation_id(event.get("user"), metadata.get("out_channel"),
                                                       metadata.get("thread_id"))
                    text = self._sanitize_user_message(event.get("text", ""), metadata["users"])
                    return await self.process_message(request, on_new_message, text, sender, metadata)
                if kind == "application/x-www-form-urlencoded":
                    payload = json.loads(request.form.get("payload") or "{}")
                    if not isinstance(payload, dict) or not self._is_interactive_message(payload):
                        return response.text("ignored")
                    text = self._get_interactive_response(payload["actions"][0])
                    if text is None:
                        return response.text("ignored")  # a link button: nothing for the bot
                    metadata = self.get_metadata(request)
                    sender = self._get_conversation_id((payload.get("user") or {}).get("id"),
                                                       metadata.get("out_channel"), metadata.get("thread_id"))
                    return await self.process_message(request, on_new_message, text, sender, metadata)
            except (ValueError, KeyError, TypeError, AttributeError):
                return response.text("malformed Slack request", status=400)
            return response.text("unsupported content type", status=415)

        return slack_webhook
