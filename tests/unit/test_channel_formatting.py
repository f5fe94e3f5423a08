"""The per-surface formatters (channels/formatting.py): pure functions, no server."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from channels import formatting as fmt

BUTTONS = [
    {"title": "None of these", "payload": "/deny"},
    {"title": "Cancer", "payload": '/inform{"condition": "cancer"}'},
    {"title": "Cirrhosis or hepatitis", "payload": '/inform{"condition": "cirrhosis"}'},
]
URL = "https://www.nhs.uk/conditions/vomiting-blood/"
SOURCES = f"Sources: Vomiting blood (NHS website (nhs.uk), 2023) {URL}; Jaundice (NHS, 2023) https://www.nhs.uk/conditions/jaundice/"


def paragraphs(count: int, size: int = 300) -> str:
    return "\n\n".join(f"Paragraph {n}: " + " ".join(["word"] * (size // 5)) for n in range(count))


def words(text: str):
    return text.split()


# --------------------------------------------------------------------------
# split_text
# --------------------------------------------------------------------------


def test_short_text_is_one_part_and_empty_text_none():
    assert fmt.split_text("Hello\n\nthere", 100) == ["Hello\n\nthere"]
    assert fmt.split_text("", 100) == [] and fmt.split_text("  \n ", 100) == []


def test_splits_on_paragraphs_first():
    text = "A" * 40 + "\n\n" + "B" * 40 + "\n\n" + "C" * 40
    assert fmt.split_text(text, 90) == ["A" * 40 + "\n\n" + "B" * 40, "C" * 40]


def test_then_on_lines_then_on_words():
    lines = "\n".join(f"- line {n} " + "x" * 20 for n in range(10))
    parts = fmt.split_text(lines, 100)
    assert all(len(p) <= 100 for p in parts)
    assert all(p.startswith("- line") for p in parts)  # never cut inside a line here
    long_line = " ".join(["word"] * 100)
    parts = fmt.split_text(long_line, 50)
    assert all(len(p) <= 50 for p in parts) and words(" ".join(parts)) == words(long_line)


def test_a_url_is_never_cut():
    text = ("Some explanation. " * 20) + SOURCES
    for limit in range(60, 200, 7):
        parts = fmt.split_text(text, limit)
        assert all(len(p) <= limit for p in parts)
        assert any(URL in p for p in parts), limit


def test_only_a_word_longer_than_the_limit_is_cut():
    giant = "https://example.org/" + "a" * 150
    parts = fmt.split_text(f"see {giant} now", 50)
    assert all(len(p) <= 50 for p in parts)
    assert "".join(parts).replace(" ", "") == f"see{giant}now"


def test_lengths_count_utf16_units():
    assert fmt.utf16_len("⚠️") == 2 and fmt.utf16_len("😀") == 2 and fmt.utf16_len("abc") == 3
    parts = fmt.split_text("😀" * 10, 5)
    assert all(fmt.utf16_len(p) <= 5 for p in parts) and "".join(parts) == "😀" * 10


def test_indentation_inside_a_part_is_kept():
    text = "Causes:\n1. Old infection\n   - You mentioned TB"
    assert fmt.split_text(text, 1000) == [text]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab \n😀é", min_size=0, max_size=40), max_size=30), st.integers(5, 120))
def test_parts_fit_and_keep_every_word_in_order(chunks, limit):
    text = "\n\n".join(chunks)
    parts = fmt.split_text(text, limit)
    assert all(0 < fmt.utf16_len(p) <= limit for p in parts)
    if all(fmt.utf16_len(w) <= limit for w in words(text)):
        assert words(" ".join(parts)) == words(text)
    else:
        assert "".join("".join(parts).split()) == "".join(text.split())


# --------------------------------------------------------------------------
# Telegram
# --------------------------------------------------------------------------


def test_telegram_inline_keyboard_carries_the_payloads():
    [send] = fmt.telegram({"text": "Have you had any of these?", "buttons": BUTTONS})
    assert send["text"] == "Have you had any of these?"
    assert send["reply_markup"] == {"inline_keyboard": [
        [{"text": b["title"], "callback_data": b["payload"]}] for b in BUTTONS]}
    assert send["disable_web_page_preview"] is True


def test_telegram_long_text_is_split_with_the_keyboard_on_the_last_part():
    sends = fmt.telegram({"text": paragraphs(30), "buttons": BUTTONS})
    assert len(sends) > 1
    assert all(fmt.utf16_len(s["text"]) <= 4096 for s in sends)
    assert ["reply_markup" in s for s in sends] == [False] * (len(sends) - 1) + [True]


def test_telegram_callback_data_fits_64_bytes():
    long_payload = '/inform{"condition": "primary_biliary_cholangitis", "note": "xxxxxxxxxxxxxxxx"}'
    [send] = fmt.telegram({"text": "?", "buttons": [{"title": "PBC", "payload": long_payload}]})
    data = send["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert data == "PBC"  # too long for Telegram: the title, which NLU reads
    assert len(data.encode()) <= 64


def test_telegram_plain_text_keeps_links():
    [send] = fmt.telegram({"text": "Read more.\n" + SOURCES})
    assert URL in send["text"] and "parse_mode" not in send


# --------------------------------------------------------------------------
# Slack
# --------------------------------------------------------------------------


def test_slack_blocks_and_buttons():
    [post] = fmt.slack({"text": "Have you had any of these?", "buttons": BUTTONS})
    section, actions = post["blocks"]
    assert section == {"type": "section", "text": {"type": "mrkdwn", "text": "Have you had any of these?"}}
    assert [e["value"] for e in actions["elements"]] == [b["payload"] for b in BUTTONS]
    assert [e["text"]["text"] for e in actions["elements"]] == [b["title"] for b in BUTTONS]
    assert len({e["action_id"] for e in actions["elements"]}) == len(BUTTONS)
    assert post["text"] == "Have you had any of these?"  # the notification's fallback


def test_slack_escapes_control_characters_and_links_urls():
    [post] = fmt.slack({"text": "Fever & pain <now>\n" + SOURCES})
    text = post["blocks"][0]["text"]["text"]
    assert "Fever &amp; pain &lt;now&gt;" in text
    assert f"<{URL}>;" in text and "<https://www.nhs.uk/conditions/jaundice/>" in text


def test_slack_sections_fit_3000_and_many_sections_make_several_posts():
    [post] = fmt.slack({"text": paragraphs(20), "buttons": BUTTONS})
    sections = [b for b in post["blocks"] if b["type"] == "section"]
    assert len(sections) > 1 and all(len(b["text"]["text"]) <= 3000 for b in sections)
    assert post["blocks"][-1]["type"] == "actions"
    posts = fmt.slack({"text": paragraphs(600, 290), "buttons": BUTTONS})
    assert len(posts) > 1 and all(len(p["blocks"]) <= 50 for p in posts)
    assert posts[-1]["blocks"][-1]["type"] == "actions"
    assert all(len(p["text"]) <= 3000 for p in posts)


# --------------------------------------------------------------------------
# Messenger
# --------------------------------------------------------------------------


def test_messenger_quick_replies():
    [message] = fmt.messenger({"text": "Have you had any of these?", "buttons": BUTTONS})
    assert message["text"] == "Have you had any of these?"
    assert [q["payload"] for q in message["quick_replies"]] == [b["payload"] for b in BUTTONS]
    assert all(q["content_type"] == "text" and len(q["title"]) <= 20 for q in message["quick_replies"])
    assert message["quick_replies"][0]["title"] == "None of these"
    assert message["quick_replies"][2]["title"] == "Cirrhosis or…"


def test_messenger_splits_at_2000_with_quick_replies_last_and_at_most_13():
    many = [{"title": f"Choice number {n} is long", "payload": f"/p{n}"} for n in range(20)]
    messages = fmt.messenger({"text": paragraphs(20), "buttons": many})
    assert len(messages) > 1 and all(len(m["text"]) <= 2000 for m in messages)
    assert "quick_replies" in messages[-1] and not any("quick_replies" in m for m in messages[:-1])
    assert len(messages[-1]["quick_replies"]) == 13


@pytest.mark.parametrize("title, limit, expected", [
    ("Short", 20, "Short"), ("Where can I get care?", 20, "Where can I get…"),
    ("Supercalifragilisticexpialidocious", 20, "Supercalifragilisti…"), ("Exactly twenty chars", 20,
                                                                         "Exactly twenty chars"),
])
def test_shorten(title, limit, expected):
    assert fmt.shorten(title, limit) == expected and len(fmt.shorten(title, limit)) <= limit


# --------------------------------------------------------------------------
# WhatsApp / SMS
# --------------------------------------------------------------------------


def test_whatsapp_numbered_choices():
    [body] = fmt.whatsapp({"text": "Have you had any of these?", "buttons": BUTTONS})
    assert body == ("Have you had any of these?\n\n1. None of these\n2. Cancer\n3. Cirrhosis or hepatitis\n"
                    "Reply 1, 2 or 3 (or type your answer).")


def test_whatsapp_long_text_keeps_the_choice_list_whole():
    bodies = fmt.whatsapp({"text": paragraphs(12), "buttons": BUTTONS})
    assert len(bodies) > 1 and all(fmt.utf16_len(b) <= 1600 for b in bodies)
    assert bodies[-1].endswith(fmt.numbered_choices(BUTTONS))
    text = "\n".join(f"line {n} " + "y" * 60 for n in range(24))  # about 1600: the list would straddle
    bodies = fmt.whatsapp({"text": text, "buttons": BUTTONS})
    assert all(fmt.utf16_len(b) <= 1600 for b in bodies)
    assert sum(fmt.numbered_choices(BUTTONS) in b for b in bodies) == 1


@pytest.mark.parametrize("reply, expected", [
    ("1", "/deny"), (" 2 ", '/inform{"condition": "cancer"}'), ("3.", '/inform{"condition": "cirrhosis"}'),
    ("#2", '/inform{"condition": "cancer"}'), ("2)", '/inform{"condition": "cancer"}'),
    ("cancer", '/inform{"condition": "cancer"}'), ("None of  these", "/deny"),
    ("4", None), ("0", None), ("I had cancer", None), ("12 mm", None), ("", None),
])
def test_resolve_choice(reply, expected):
    assert fmt.resolve_choice(reply, BUTTONS) == expected


def test_resolve_choice_without_choices():
    assert fmt.resolve_choice("1", []) is None and fmt.resolve_choice("1", None) is None


def test_reply_prompt():
    assert fmt.reply_prompt(1) == "Reply 1"
    assert fmt.reply_prompt(2) == "Reply 1 or 2"
    assert fmt.reply_prompt(3) == "Reply 1, 2 or 3"


def test_pack_joins_in_order_within_the_limit():
    assert fmt.pack(["a" * 10, "b" * 10, "c" * 30], 25) == ["a" * 10 + "\n\n" + "b" * 10, "c" * 30]
    assert fmt.pack([], 10) == []


# --------------------------------------------------------------------------
# The assistant's real messages, on every surface
# --------------------------------------------------------------------------


def real_messages(kb):
    from assistant import engine, replies

    messages = [replies.form_question(slot) for slot in replies.FORM_QUESTIONS]
    messages += [replies.answer(kb, answer_id, [replies.BUTTON_START]) for answer_id in kb.answers]
    for facts in ([engine.Fact("finding", "calcification"), engine.Fact("condition", "tuberculosis")],
                  [engine.Fact("finding", "calcification"), engine.Fact("symptom", "vomiting_blood"),
                   engine.Fact("condition", "cirrhosis")]):
        case = engine.Case.of(facts)
        messages += replies.assessment_messages(kb, case, engine.assess(case, kb))
    return messages


def test_every_real_message_fits_every_surface_and_keeps_its_links(kb):
    surfaces = [
        (fmt.telegram, lambda s: [s["text"]], 4096),
        (fmt.slack, lambda p: [b["text"]["text"] for b in p["blocks"] if b["type"] == "section"], 3000),
        (fmt.messenger, lambda m: [m["text"]], 2000),
        (fmt.whatsapp, lambda body: [body], 1600),
    ]
    for message in real_messages(kb):
        urls = re.findall(r"https?://[^\s;]+", message.get("text") or "")
        for formatter, texts, limit in surfaces:
            out = [t for item in formatter(dict(message)) for t in texts(item)]
            assert out and all(fmt.utf16_len(t) <= limit for t in out)
            joined = "\n".join(out)
            for url in urls:
                assert url.rstrip(".,)") in joined, (formatter.__name__, url)


# --------------------------------------------------------------------------
# The layered result (issue 13): one short message and one message per detail
# on every surface, the detail choices in each platform's own shape
# --------------------------------------------------------------------------


def layered(kb):
    from assistant import engine, replies

    case = engine.Case.of([engine.Fact("finding", "calcification"), engine.Fact("pattern", "punctate"),
                           engine.Fact("condition", "tuberculosis"), engine.Fact("imaging", "ct")])
    result = engine.assess(case, kb)
    messages = {"result": replies.result_message(kb, result), "summary": replies.visit_summary(kb, case, result)}
    for detail in ("why", "causes", "tests", "treatment", "watch_for", "sources"):
        messages[detail] = replies.detail_message(kb, detail, case, result)
    return messages


def test_result_and_each_detail_are_one_message_with_native_choices_on_every_surface(kb):
    for name, message in layered(kb).items():
        buttons = message["buttons"]
        payloads = [b["payload"] for b in buttons]
        telegram = fmt.telegram(dict(message))
        assert len(telegram) == 1, name
        assert [row[0]["callback_data"] for row in telegram[0]["reply_markup"]["inline_keyboard"]] == payloads
        slack = fmt.slack(dict(message))
        assert len(slack) == 1 and len([b for b in slack[0]["blocks"] if b["type"] == "section"]) == 1, name
        assert [e["value"] for e in slack[0]["blocks"][-1]["elements"]] == payloads
        messenger = fmt.messenger(dict(message))
        assert len(messenger) == 1, name
        assert [q["payload"] for q in messenger[0]["quick_replies"]] == payloads
        assert all(len(q["title"]) <= 20 for q in messenger[0]["quick_replies"])
        whatsapp = fmt.whatsapp(dict(message))
        assert len(whatsapp) == 1, name  # one WhatsApp message, the choices numbered at its end
        for number, button in enumerate(buttons, 1):
            assert f"{number}. {button['title']}" in whatsapp[0]
            assert fmt.resolve_choice(str(number), buttons) == button["payload"]


def test_result_choices_are_the_seven_details(kb):
    result = layered(kb)["result"]
    assert [b["title"] for b in result["buttons"]] == [
        "Why?", "What could it be?", "What tests?", "How is it treated?", "What to watch for",
        "Summary for my doctor", "Sources"]
    body = fmt.whatsapp(dict(result))[0]
    assert body.endswith("Reply 1, 2, 3, 4, 5, 6 or 7 (or type your answer).")


def test_sources_keep_their_links_whole_on_every_surface(kb):
    message = layered(kb)["sources"]
    urls = re.findall(r"https?://\S+", message["text"])
    assert urls
    assert all(url in fmt.telegram(dict(message))[0]["text"] for url in urls)
    assert all(f"<{url}>" in fmt.slack(dict(message))[0]["blocks"][0]["text"]["text"] for url in urls)
    assert all(url in fmt.messenger(dict(message))[0]["text"] for url in urls)
    assert all(url in fmt.whatsapp(dict(message))[0] for url in urls)
