r"""One formatter per messaging surface: the same bot message, in each platform's own shape.

Pure functions, no I/O and no Rasa import. A bot message is what Rasa hands an
output channel (see assistant/replies.py): `text` (lines separated by "\n",
paragraphs by "\n\n", "Sources: ... https://..." lines), optional `buttons`
(or `quick_replies`) as `{"title", "payload"}` with payloads like "/deny" or
'/inform{"symptom": "jaundice"}', optional `image` (a URL).

Each formatter returns the list of payloads to send, in order; long texts are
split within the platform's limit on paragraph, then line, then word
boundaries (a URL is never cut unless it alone exceeds the limit), and the
quick replies ride on the last part:

| surface            | function     | text limit | quick replies                            |
|--------------------|--------------|------------|------------------------------------------|
| Telegram           | `telegram`   | 4096       | inline keyboard, callback_data = payload |
| Slack              | `slack`      | 3000/section | actions block of buttons, value = payload |
| Facebook Messenger | `messenger`  | 2000       | quick replies (title <= 20 chars)        |
| WhatsApp / SMS     | `whatsapp`   | 1600       | numbered list + "Reply 1, 2 or 3" (`resolve_choice` reads it) |

Lengths are counted in UTF-16 code units (what Telegram counts; never fewer
than Python's characters, so the other limits hold too).
"""

import re
from typing import Any, Callable, Dict, List, Optional, Sequence

Message = Dict[str, Any]
Button = Dict[str, Any]

TELEGRAM_TEXT_LIMIT = 4096
TELEGRAM_CALLBACK_DATA_BYTES = 64
SLACK_SECTION_LIMIT = 3000
SLACK_BUTTON_TEXT_LIMIT = 75
SLACK_BUTTON_VALUE_LIMIT = 2000
SLACK_MAX_BLOCKS = 50
SLACK_FALLBACK_TEXT_LIMIT = 3000
MESSENGER_TEXT_LIMIT = 2000
MESSENGER_QUICK_REPLY_TITLE = 20
MESSENGER_QUICK_REPLY_PAYLOAD = 1000
MESSENGER_MAX_QUICK_REPLIES = 13
WHATSAPP_TEXT_LIMIT = 1600

URL = re.compile(r"https?://[^\s<>]+[^\s<>.,;:!?)\]'\"]")


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: an emoji outside the BMP counts 2."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int, length: Callable[[str], int] = utf16_len) -> List[str]:
    """Parts of at most `limit`, cut on paragraph, then line, then word boundaries.

    Joins the pieces back with the separator they were cut on, so a part reads
    as the original did; whitespace at the edges of a part is dropped. A single
    word longer than the limit (a giant URL) is the only thing ever cut inside.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    text = (text or "").strip()
    if not text:
        return []
    if length(text) <= limit:
        return [text]
    return _pack(text, limit, length, ["\n\n", "\n", " "])


def _pack(text: str, limit: int, length: Callable[[str], int], separators: List[str]) -> List[str]:
    if length(text) <= limit:
        return [text] if text.strip() else []
    if not separators:
        return _hard_cut(text, limit, length)
    separator, finer = separators[0], separators[1:]
    parts: List[str] = []
    current = ""
    for piece in text.split(separator):
        if not piece.strip():
            continue
        candidate = f"{current}{separator}{piece}" if current else piece
        if length(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(_tidy(current))
            current = ""
        if length(piece) <= limit:
            current = piece
        else:
            pieces = _pack(piece, limit, length, finer)
            parts.extend(pieces[:-1])
            current = pieces[-1] if pieces else ""
    if current.strip():
        parts.append(_tidy(current))
    return parts


def _tidy(part: str) -> str:
    """A part without blank lines or spaces at its edges (a first line's indentation stays)."""
    return part.strip("\n").rstrip()


def _hard_cut(text: str, limit: int, length: Callable[[str], int]) -> List[str]:
    parts, current = [], ""
    for char in text:
        if length(current + char) > limit:
            parts.append(current)
            current = ""
        current += char
    if current:
        parts.append(current)
    return parts


def _buttons(message: Message) -> List[Button]:
    """The message's quick replies: `buttons` or `quick_replies`, each with a title and a payload."""
    found = []
    for button in message.get("buttons") or message.get("quick_replies") or []:
        if not isinstance(button, dict):
            continue
        title = str(button.get("title") or "").strip()
        payload = str(button.get("payload") or "").strip() or title
        if title or payload:
            found.append({"title": title or payload, "payload": payload})
    return found


def _text(message: Message) -> str:
    """The message's text, with an image (if any) as a link on its own line."""
    text = str(message.get("text") or "").strip()
    image = str(message.get("image") or "").strip()
    if image:
        text = f"{text}\n\n{image}" if text else image
    return text


def shorten(title: str, limit: int) -> str:
    """`title` within `limit` characters, cut at a word boundary with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut and not title[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


# --------------------------------------------------------------------------
# Telegram: sendMessage parameters (without chat_id)
# --------------------------------------------------------------------------


def telegram_callback_data(button: Button) -> str:
    """callback_data is 1-64 bytes: the payload, or the title (read by NLU) when the payload is too long."""
    for candidate in (button["payload"], button["title"]):
        if 0 < len(candidate.encode("utf-8")) <= TELEGRAM_CALLBACK_DATA_BYTES:
            return candidate
    return button["title"].encode("utf-8")[:TELEGRAM_CALLBACK_DATA_BYTES].decode("utf-8", "ignore")


def telegram(message: Message) -> List[Dict[str, Any]]:
    """Plain text (Telegram links URLs itself), one inline-keyboard button per row on the last part."""
    parts = split_text(_text(message), TELEGRAM_TEXT_LIMIT)
    buttons = _buttons(message)
    if not parts and buttons:
        parts = ["Choose one:"]
    sends: List[Dict[str, Any]] = [{"text": part, "disable_web_page_preview": True} for part in parts]
    if buttons:
        sends[-1]["reply_markup"] = {
            "inline_keyboard": [
                [{"text": shorten(b["title"], 64), "callback_data": telegram_callback_data(b)}] for b in buttons
            ]
        }
    return sends


# --------------------------------------------------------------------------
# Slack: chat.postMessage parameters (without channel)
# --------------------------------------------------------------------------


def slack_escape(text: str) -> str:
    """Slack mrkdwn: escape &, <, > and write every URL as an explicit link <url>."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return URL.sub(lambda m: f"<{m.group(0)}>", escaped)


def slack(message: Message) -> List[Dict[str, Any]]:
    """Sections of mrkdwn text (<= 3000 each) and an actions block of buttons, value = payload."""
    text = _text(message)
    sections = split_text(slack_escape(text), SLACK_SECTION_LIMIT)
    buttons = _buttons(message)
    if not sections and buttons:
        sections = ["Choose one:"]
    blocks: List[Dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": section}} for section in sections
    ]
    if buttons:
        blocks.append({
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": shorten(b["title"], SLACK_BUTTON_TEXT_LIMIT), "emoji": True},
                    "value": b["payload"][:SLACK_BUTTON_VALUE_LIMIT],
                    "action_id": f"choice_{number}",
                }
                for number, b in enumerate(buttons[:25], 1)
            ],
        })
    posts = []
    step = SLACK_MAX_BLOCKS - 1
    for start in range(0, len(blocks), step):
        chunk = blocks[start:start + step]
        fallback = "\n\n".join(b["text"]["text"] for b in chunk if b["type"] == "section") or text
        posts.append({"text": split_text(fallback, SLACK_FALLBACK_TEXT_LIMIT)[0] if fallback else " ",
                      "blocks": chunk, "unfurl_links": False, "unfurl_media": False})
    return posts


# --------------------------------------------------------------------------
# Facebook Messenger: Send API `message` objects
# --------------------------------------------------------------------------


def messenger(message: Message) -> List[Dict[str, Any]]:
    """Text parts of <= 2000 characters; quick replies (title <= 20, payload <= 1000) on the last."""
    parts = split_text(_text(message), MESSENGER_TEXT_LIMIT)
    buttons = _buttons(message)[:MESSENGER_MAX_QUICK_REPLIES]
    if not parts and buttons:
        parts = ["Choose one:"]
    sends: List[Dict[str, Any]] = [{"text": part} for part in parts]
    if buttons:
        sends[-1]["quick_replies"] = [
            {
                "content_type": "text",
                "title": shorten(b["title"], MESSENGER_QUICK_REPLY_TITLE),
                "payload": b["payload"][:MESSENGER_QUICK_REPLY_PAYLOAD],
            }
            for b in buttons
        ]
    return sends


# --------------------------------------------------------------------------
# WhatsApp / SMS (Twilio): message bodies, choices as numbers
# --------------------------------------------------------------------------


def reply_prompt(count: int) -> str:
    """'Reply 1, 2 or 3' for three choices."""
    numbers = [str(n) for n in range(1, count + 1)]
    if count == 1:
        return "Reply 1"
    return f"Reply {', '.join(numbers[:-1])} or {numbers[-1]}"


def numbered_choices(buttons: Sequence[Button]) -> str:
    lines = [f"{number}. {button['title']}" for number, button in enumerate(buttons, 1)]
    return "\n".join(lines) + f"\n{reply_prompt(len(buttons))} (or type your answer)."


def whatsapp(message: Message) -> List[str]:
    """Bodies of <= 1600 characters; choices as a numbered list after the text, never cut apart."""
    text = _text(message)
    buttons = _buttons(message)
    if not buttons:
        return split_text(text, WHATSAPP_TEXT_LIMIT)
    choices = numbered_choices(buttons)
    parts = split_text(f"{text}\n\n{choices}" if text else choices, WHATSAPP_TEXT_LIMIT)
    if len(parts) > 1 and not parts[-1].endswith(choices) and utf16_len(choices) <= WHATSAPP_TEXT_LIMIT:
        # The list was cut across parts: send the text, then the whole list.
        parts = split_text(text, WHATSAPP_TEXT_LIMIT) + [choices]
    return parts


CHOICE = re.compile(r"^\s*(?:#|no\.?\s*|number\s*|option\s*)?(\d{1,2})\s*[.)]?\s*$", re.IGNORECASE)


def resolve_choice(reply: str, buttons: Optional[Sequence[Button]]) -> Optional[str]:
    """The payload a numbered reply ("2", "2.", "#2") or a choice's exact title picks; else None."""
    choices = _buttons({"buttons": list(buttons or [])})
    if not choices or not isinstance(reply, str):
        return None
    match = CHOICE.match(reply)
    if match:
        number = int(match.group(1))
        return choices[number - 1]["payload"] if 1 <= number <= len(choices) else None
    wanted = " ".join(reply.split()).casefold()
    for choice in choices:
        if " ".join(choice["title"].split()).casefold() == wanted:
            return choice["payload"]
    return None


def pack(parts: Sequence[str], limit: int, separator: str = "\n\n") -> List[str]:
    """Consecutive parts joined in order into as few texts of at most `limit` as possible (none is cut)."""
    packed: List[str] = []
    for part in parts:
        if packed and utf16_len(packed[-1] + separator + part) <= limit:
            packed[-1] += separator + part
        else:
            packed.append(part)
    return packed
