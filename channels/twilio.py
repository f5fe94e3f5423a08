"""WhatsApp (and SMS) via Twilio: Rasa's connector with Twilio's request signature checked, choices as numbers.

Rasa 3.6's `TwilioInput` authenticates nothing and sends through Twilio's
blocking client, one message per paragraph (WhatsApp may deliver those out of
order). This subclass:

- refuses a POST to /webhooks/twilio/webhook whose `X-Twilio-Signature` is
  missing (401) or does not match (403), checked with Twilio's
  `RequestValidator` (base64 HMAC-SHA1, with the auth token, of the full URL
  Twilio called + the sorted POST parameters). That URL is TWILIO_WEBHOOK_URL
  when set (exactly as entered in the Twilio console), else rebuilt from
  X-Forwarded-Proto / X-Forwarded-Host (behind a proxy) or the request;
- maps a numbered reply ("2") to the payload of the choice it picks, from the
  buttons of the bot's last turn in the tracker store;
- collects a turn's bot messages and sends them through
  `channels.formatting.whatsapp` (choices as a numbered list, "Reply 1, 2 or
  3"), packed into as few bodies of <= 1600 characters as possible, in order.

The conversation id is Twilio's `From` under the channel's scope (e.g. "twilio:whatsapp:+15551234567").
Outbound calls go to the REST API at `api_url` (TWILIO_API_URL; a test hook,
unset in production: https://api.twilio.com).
"""

import logging
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput as RasaTwilioInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from channels import formatting
from channels.limits import guard, unscoped
from channels.platform import call_api, last_buttons, refuse
from channels.sessions import scoped

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.twilio.com"
SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _first(value: Optional[Text]) -> Text:
    """The first of a proxy chain's comma-separated values."""
    return (value or "").split(",")[0].strip()


def signed_url(configured: Optional[Text], scheme: Text, host: Text, path: Text, query: Text,
               headers: Mapping[Text, Text]) -> Text:
    """The URL Twilio called: TWILIO_WEBHOOK_URL, else the request's, corrected by X-Forwarded-Proto/Host."""
    if configured:
        return configured
    scheme = _first(headers.get("X-Forwarded-Proto")) or scheme
    host = _first(headers.get("X-Forwarded-Host")) or host
    return f"{scheme}://{host}{path}" + (f"?{query}" if query else "")


class TwilioOutput(OutputChannel):
    """Sends bot messages with Twilio's Messages API, formatted for WhatsApp/SMS.

    With `collect=True` (the channel of one inbound message) messages are kept
    until `flush()`, so a turn goes out as few, ordered bodies.
    """

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    def __init__(self, account_sid: Text, auth_token: Text, twilio_number: Text, api_url: Optional[Text] = None,
                 collect: bool = False) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.twilio_number = twilio_number
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")
        self.collect = collect
        self.pending: Dict[Text, List[Text]] = {}

    async def _send_body(self, recipient_id: Text, body: Text) -> Optional[Any]:
        return await call_api(
            "twilio", "POST", f"{self.api_url}/2010-04-01/Accounts/{self.account_sid}/Messages.json",
            data={"To": recipient_id, "From": self.twilio_number, "Body": body},
            auth=aiohttp.BasicAuth(self.account_sid, self.auth_token), what="Messages.create")

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        bodies = formatting.whatsapp(message)
        if self.collect:
            self.pending.setdefault(recipient_id, []).extend(bodies)
            return
        for body in bodies:
            await self._send_body(recipient_id, body)

    async def flush(self) -> None:
        pending, self.pending = self.pending, {}
        for recipient_id, bodies in pending.items():
            for body in formatting.pack(bodies, formatting.WHATSAPP_TEXT_LIMIT):
                await self._send_body(recipient_id, body)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await call_api(
            "twilio", "POST", f"{self.api_url}/2010-04-01/Accounts/{self.account_sid}/Messages.json",
            data={"To": recipient_id, "From": self.twilio_number, "MediaUrl": image},
            auth=aiohttp.BasicAuth(self.account_sid, self.auth_token), what="Messages.create")


class TwilioInput(RasaTwilioInput):
    """Twilio messaging webhook; name "twilio", URL /webhooks/twilio/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = cls(credentials.get("account_sid"), credentials.get("auth_token"),
                      credentials.get("twilio_number"), debug_mode=False)
        channel.webhook_url = credentials.get("webhook_url") or None
        channel.api_url = credentials.get("api_url") or None
        return channel

    webhook_url: Optional[Text] = None
    api_url: Optional[Text] = None

    def __init__(self, account_sid: Optional[Text], auth_token: Optional[Text], twilio_number: Optional[Text],
                 debug_mode: bool = False) -> None:
        for value, variable in ((account_sid, "TWILIO_ACCOUNT_SID"), (auth_token, "TWILIO_AUTH_TOKEN"),
                                (twilio_number, "TWILIO_NUMBER")):
            if not value:
                raise ValueError(f"twilio: {variable} is required")
        super().__init__(account_sid, auth_token, twilio_number, debug_mode)
        self.validator = RequestValidator(auth_token)

    def get_output_channel(self, collect: bool = False) -> TwilioOutput:
        output = TwilioOutput(self.account_sid, self.auth_token, self.twilio_number, self.api_url, collect=collect)
        return unscoped(output)  # type: ignore[return-value]

    def authenticate(self, request: Request) -> Optional[HTTPResponse]:
        signature = request.headers.get(SIGNATURE_HEADER)
        if not signature:
            return refuse("twilio", 401, f"missing {SIGNATURE_HEADER}")
        url = signed_url(self.webhook_url, request.scheme, request.host, request.path, request.query_string,
                         request.headers)
        if not self.validator.validate(url, request.form, signature):
            return refuse("twilio", 403, f"{SIGNATURE_HEADER} does not match")
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = guard(on_new_message, self.name())  # size/rate limits, deletion, safe failures
        twilio_webhook = Blueprint("twilio_webhook", __name__)

        @twilio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @twilio_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            refused = self.authenticate(request)
            if refused is not None:
                return refused
            sender = request.form.get("From")
            text = request.form.get("Body")
            if not sender or not isinstance(text, str) or not text.strip():
                return response.text(EMPTY_TWIML, content_type="text/xml")  # media or status: nothing to answer
            text = text.replace("¡", "@")  # some carriers turn @ into ¡
            choice = formatting.resolve_choice(text, await last_buttons(request, scoped(self.name(), sender)))
            out_channel = self.get_output_channel(collect=True)
            try:
                await on_new_message(UserMessage(choice or text, out_channel, sender, input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            except Exception as error:  # Twilio retries on errors: answer 200 and log
                logger.exception("twilio: failed to handle a message: %s", type(error).__name__)
            finally:
                await out_channel.flush()
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return twilio_webhook
