"""The emergency turn holds at most 400 characters of text plus buttons, on
every surface (issue 11): what to do now, one reason, one reference, and a
button for the rest. Every emergency rule of the knowledge base, with and
without a configured emergency number and crisis line."""

import pytest

from assistant import knowledge, replies
from channels import formatting

KB = knowledge.default()
EMERGENCIES = [rule for rule in KB.red_flag_rules if rule.level == "emergency"]
LIMIT = 400


def _surfaces(message):
    """Text each surface shows for the message, without its buttons."""
    yield "web/rest", [message["text"]]
    yield "telegram", [part["text"] for part in formatting.telegram(message)]
    yield "slack", [block["text"]["text"] for post in formatting.slack(message)
                    for block in post["blocks"] if block["type"] == "section"]
    yield "messenger", [part["text"] for part in formatting.messenger(message)]
    bodies = formatting.whatsapp(message)
    if message.get("buttons"):
        choices = formatting.numbered_choices(message["buttons"])
        bodies = [body.replace(choices, "").rstrip() for body in bodies]
    yield "whatsapp", bodies


@pytest.mark.parametrize("configured", [False, True], ids=["neutral", "configured"])
@pytest.mark.parametrize("rule", EMERGENCIES, ids=[r.id for r in EMERGENCIES])
def test_emergency_turn_is_short_on_every_surface(monkeypatch, rule, configured):
    if configured:
        monkeypatch.setenv("EMERGENCY_NUMBER", "999 (or 112)")
        monkeypatch.setenv("CRISIS_LINE", "Samaritans, call 116 123 free at any time, day or night")
    else:
        monkeypatch.delenv("EMERGENCY_NUMBER", raising=False)
        monkeypatch.delenv("CRISIS_LINE", raising=False)
    message = replies.emergency_alert(KB, [rule], can_show_rest=True)
    assert "unsure of the number" not in message["text"]
    for surface, texts in _surfaces(message):
        assert len(texts) == 1, surface  # one message, never split
        assert len(texts[0]) <= LIMIT, (surface, len(texts[0]), texts[0])
    if rule.crisis:
        assert not message.get("buttons")  # nothing about the scan in a crisis
    else:
        assert message["buttons"] == [replies.BUTTON_REST]
        assert "\nSource: " in message["text"]  # one compact reference


def test_no_causes_tests_or_treatments_in_the_emergency_turn():
    text = replies.emergency_alert(KB, EMERGENCIES, can_show_rest=True)["text"].lower()
    for word in ("cause", "treat", "biopsy", "granuloma", "as i said"):
        assert word not in text
