"""Facebook Messenger: Rasa's connector with the SHA-256 app-secret signature and Messenger quick replies.

Rasa 3.6's `FacebookInput` checks only the old SHA-1 `X-Hub-Signature`
(with a plain `==`), answers a bad one with 200, handles only the first event
of a batch, and sends through a blocking HTTP client. This subclass:

- refuses a POST to /webhooks/facebook/webhook whose `X-Hub-Signature-256`
  ("sha256=" + hex HMAC-SHA256 of the raw body with the app secret,
  FACEBOOK_SECRET) is missing (401) or wrong (403, hmac.compare_digest);
- answers Meta's subscription check (GET with hub.mode=subscribe and
  hub.verify_token = FACEBOOK_VERIFY) with hub.challenge, else 403;
- reads every messaging event of every entry: text messages, quick-reply
  taps (their payload) and postbacks; echoes and attachments are skipped;
- sends replies through `channels.formatting.messenger` with the Send API:
  text parts of <= 2000 characters, buttons as quick replies (title <= 20
  characters, payload = the button's payload), with appsecret_proof.

The conversation id is "facebook:" + the page-scoped sender id (PSID). Outbound calls go to
the Graph API at `api_url` (FACEBOOK_API_URL; a test hook, unset in
production: https://graph.facebook.com/v21.0).
"""

import hashlib
import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput as RasaFacebookInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import formatting
from channels.limits import guard, unscoped
from channels.platform import call_api, refuse

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://graph.facebook.com/v21.0"
SIGNATURE_HEADER = "X-Hub-Signature-256"


def signature_problem(app_secret: Text, body: bytes, header: Optional[Text]) -> Optional[int]:
    """None when the body was signed with the app secret; else 401 (no signature) or 403 (wrong)."""
    if not header:
        return 401
    expected = "sha256=" + hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode("utf-8"), header.strip().encode("utf-8")):
        return 403
    return None


def messaging_events(payload: Any) -> List[Tuple[Text, Text]]:
    """(sender PSID, text) for each user text, quick-reply tap or postback in a page webhook payload."""
    found = []
    if not isinstance(payload, dict) or payload.get("object") not in (None, "page"):
        return found
    for entry in payload.get("entry") or []:
        for event in (entry or {}).get("messaging") or []:
            sender = ((event or {}).get("sender") or {}).get("id")
            message = event.get("message") or {}
            text = None
            if message.get("is_echo"):
                continue
            if (message.get("quick_reply") or {}).get("payload"):
                text = message["quick_reply"]["payload"]
            elif isinstance(message.get("text"), str):
                text = message["text"]
            elif (event.get("postback") or {}).get("payload"):
                text = event["postback"]["payload"]
            if sender and isinstance(text, str) and text.strip():
                found.append((str(sender), text))
    return found


class MessengerOutput(OutputChannel):
    """Sends bot messages with the Send API, formatted for Messenger."""

    @classmethod
    def name(cls) -> Text:
        return "facebook"

    def __init__(self, page_access_token: Text, app_secret: Optional[Text] = None,
                 api_url: Optional[Text] = None) -> None:
        self.page_access_token = page_access_token
        self.app_secret = app_secret
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")

    def _auth(self) -> Dict[Text, Text]:
        params = {"access_token": self.page_access_token}
        if self.app_secret:  # required when the app has "Require app secret" on; harmless otherwise
            params["appsecret_proof"] = hmac.new(self.app_secret.encode("utf-8"),
                                                 self.page_access_token.encode("utf-8"), hashlib.sha256).hexdigest()
        return params

    async def send(self, recipient_id: Text, message: Dict[Text, Any]) -> Optional[Any]:
        return await call_api("facebook", "POST", f"{self.api_url}/me/messages", params=self._auth(),
                              json={"recipient": {"id": recipient_id}, "messaging_type": "RESPONSE",
                                    "message": message}, what="send")

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        for part in formatting.messenger(message):
            await self.send(recipient_id, part)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self.send(recipient_id, json_message)


class FacebookInput(RasaFacebookInput):
    """Messenger page webhook; name "facebook", URL /webhooks/facebook/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "facebook"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = cls(credentials.get("verify"), credentials.get("secret"), credentials.get("page-access-token"))
        channel.api_url = credentials.get("api_url") or None
        return channel

    api_url: Optional[Text] = None

    def __init__(self, fb_verify: Text, fb_secret: Text, fb_access_token: Text) -> None:
        for value, variable in ((fb_verify, "FACEBOOK_VERIFY"), (fb_secret, "FACEBOOK_SECRET"),
                                (fb_access_token, "FACEBOOK_PAGE_ACCESS_TOKEN")):
            if not value:
                raise ValueError(f"facebook: {variable} is required")
        super().__init__(fb_verify, fb_secret, fb_access_token)

    def get_output_channel(self) -> OutputChannel:
        return unscoped(MessengerOutput(self.fb_access_token, self.fb_secret, self.api_url))  # type: ignore[return-value]

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = guard(on_new_message, self.name())  # size/rate limits, deletion, safe failures
        fb_webhook = Blueprint("fb_webhook", __name__)

        @fb_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @fb_webhook.route("/webhook", methods=["GET"])
        async def token_verification(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if request.args.get("hub.mode") == "subscribe" and \
                    hmac.compare_digest(token.encode("utf-8"), self.fb_verify.encode("utf-8")):
                return response.text(request.args.get("hub.challenge") or "")
            return refuse("facebook", 403, "wrong hub.verify_token")

        @fb_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            problem = signature_problem(self.fb_secret, request.body or b"", request.headers.get(SIGNATURE_HEADER))
            if problem == 401:
                return refuse("facebook", 401, f"missing {SIGNATURE_HEADER}")
            if problem:
                return refuse("facebook", 403, f"{SIGNATURE_HEADER} does not match")
            try:
                payload = request.json
            except Exception:
                return response.text("not JSON", status=400)
            out_channel = self.get_output_channel()
            metadata = self.get_metadata(request)
            for sender, text in messaging_events(payload):
                try:
                    await on_new_message(UserMessage(text, out_channel, sender, input_channel=self.name(),
                                                     metadata=metadata))
                except Exception as error:  # Meta retries on errors: answer 200 and log
                    logger.exception("facebook: failed to handle a message: %s", type(error).__name__)
            return response.text("EVENT_RECEIVED")

        return fb_webhook
