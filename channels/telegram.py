"""Telegram: Rasa's connector with the webhook's secret token checked and messages in Telegram's shape.

Rasa 3.6's `TelegramInput` authenticates nothing (it asks Telegram's getMe on
every update whether the bot name matches, which says nothing about who sent
the request), and calls setWebhook when the channel is built. This subclass:

- refuses a POST to /webhooks/telegram/webhook whose
  `X-Telegram-Bot-Api-Secret-Token` header is missing (401) or differs from
  TELEGRAM_SECRET_TOKEN (403, compared with hmac.compare_digest) before the
  body is read as an update;
- calls setWebhook (with that secret token) once the server has started, and
  only when a webhook URL is configured (TELEGRAM_WEBHOOK_URL);
- reads text messages, edited messages and inline-keyboard taps
  (callback_query, whose data is the button's payload; the tap is
  acknowledged with answerCallbackQuery); "/start" becomes a greeting;
- sends replies through `channels.formatting.telegram`: plain text split at
  4096, buttons as an inline keyboard with callback_data = payload.

The conversation id is "telegram:" + the chat id. Outbound calls go to the Bot API at
`api_url` (TELEGRAM_API_URL; a test hook, unset in production:
https://api.telegram.org).
"""

import hmac
import logging
import re
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput as RasaTelegramInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels import formatting
from channels.limits import guard, unscoped
from channels.platform import call_api, refuse

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what setWebhook accepts


class TelegramOutput(OutputChannel):
    """Sends bot messages with the Bot API's sendMessage, formatted for Telegram."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def __init__(self, access_token: Text, api_url: Optional[Text] = None) -> None:
        self.access_token = access_token
        self.api_url = (api_url or DEFAULT_API_URL).rstrip("/")

    async def call(self, method: Text, payload: Dict[Text, Any]) -> Optional[Any]:
        return await call_api("telegram", "POST", f"{self.api_url}/bot{self.access_token}/{method}",
                              json=payload, what=method)

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        for part in formatting.telegram(message):
            await self.call("sendMessage", {"chat_id": recipient_id, **part})

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, "buttons": buttons})

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self.call("sendPhoto", {"chat_id": recipient_id, "photo": image})

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        await self.call("sendMessage", {"chat_id": recipient_id, **json_message})


class TelegramInput(RasaTelegramInput):
    """Telegram webhook with the secret-token check; name "telegram", URL /webhooks/telegram/webhook."""

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            secret_token=credentials.get("secret_token"),
            api_url=credentials.get("api_url"),
        )

    def __init__(
        self,
        access_token: Optional[Text],
        verify: Optional[Text],
        webhook_url: Optional[Text],
        debug_mode: bool = False,
        secret_token: Optional[Text] = None,
        api_url: Optional[Text] = None,
    ) -> None:
        super().__init__(access_token, verify, webhook_url or None, debug_mode)
        if not access_token:
            raise ValueError("telegram: access_token (TELEGRAM_TOKEN) is required")
        if not secret_token or not SECRET_TOKEN.match(str(secret_token)):
            raise ValueError("telegram: secret_token (TELEGRAM_SECRET_TOKEN) is required: 1-256 characters "
                             "A-Z, a-z, 0-9, _ and -")
        self.secret_token = str(secret_token)
        self.api_url = api_url or None

    def get_output_channel(self) -> TelegramOutput:
        """No network call here (Rasa's calls setWebhook); see the after_server_start listener."""
        return unscoped(TelegramOutput(self.access_token, self.api_url))  # type: ignore[return-value]

    def authenticate(self, request: Request) -> Optional[HTTPResponse]:
        given = request.headers.get(SECRET_HEADER)
        if not given:
            return refuse("telegram", 401, f"missing {SECRET_HEADER}")
        if not hmac.compare_digest(given.encode("utf-8"), self.secret_token.encode("utf-8")):
            return refuse("telegram", 403, f"wrong {SECRET_HEADER}")
        return None

    def _clean(self, text: Text) -> Text:
        """Drops @BotName mentions; "/start" (Telegram's first message) becomes a greeting."""
        if self.verify:
            text = re.sub(rf"@{re.escape(str(self.verify).lstrip('@'))}\b", "", text, flags=re.IGNORECASE)
        text = text.strip()
        if text.split(" ", 1)[0].lower() in ("/start", "/help"):
            return "/greet"
        return text

    async def set_webhook(self) -> None:
        if not self.webhook_url:
            logger.info("telegram: TELEGRAM_WEBHOOK_URL unset, not calling setWebhook")
            return
        answer = await self.get_output_channel().call("setWebhook", {
            "url": self.webhook_url,
            "secret_token": self.secret_token,
            "allowed_updates": ["message", "edited_message", "callback_query"],
        })
        if answer is not None:
            logger.info("telegram: webhook set")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = guard(on_new_message, self.name())  # size/rate limits, deletion, safe failures
        telegram_webhook = Blueprint("telegram_webhook", __name__)

        @telegram_webhook.listener("after_server_start")
        async def register(_app, _loop) -> None:
            await self.set_webhook()

        @telegram_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @telegram_webhook.route("/webhook", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            refused = self.authenticate(request)
            if refused is not None:
                return refused
            try:
                update = request.json
            except Exception:
                update = None
            if not isinstance(update, dict):
                return response.text("not an update", status=400)

            out_channel = self.get_output_channel()
            callback = update.get("callback_query")
            if isinstance(callback, dict):
                if callback.get("id"):
                    await out_channel.call("answerCallbackQuery", {"callback_query_id": callback["id"]})
                chat = ((callback.get("message") or {}).get("chat") or {}).get("id") or \
                    (callback.get("from") or {}).get("id")
                text = callback.get("data")
            else:
                msg = update.get("message") or update.get("edited_message") or {}
                chat = (msg.get("chat") or {}).get("id")
                text = msg.get("text")
                if isinstance(text, str):
                    text = self._clean(text)
            if chat is None or not isinstance(text, str) or not text.strip():
                return response.text("ignored")  # stickers, photos, joins...: nothing to answer

            try:
                await on_new_message(UserMessage(text, out_channel, str(chat), input_channel=self.name(),
                                                 metadata=self.get_metadata(request)))
            except Exception as error:  # Telegram retries on errors: answer 200 and log
                logger.exception("telegram: failed to handle an update: %s", type(error).__name__)
            return response.text("success")

        return telegram_webhook
