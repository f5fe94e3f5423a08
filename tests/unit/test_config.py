"""assistant/config.py reads every setting one way, and nothing else in the product reads the environment."""

import re
from pathlib import Path

import pytest

from assistant import config

ROOT = Path(__file__).resolve().parents[2]


def test_text_strips_and_blank_means_the_default():
    assert config.text("X", "d", {"X": "  value  "}) == "value"
    assert config.text("X", "d", {"X": "   "}) == "d" and config.text("X", "d", {}) == "d"
    assert config.is_set("X", {"X": "a"}) and not config.is_set("X", {"X": " "})


def test_whole_numbers_and_their_errors_name_the_variable():
    assert config.whole_number("N", 30, {}) == 30 and config.whole_number("N", 30, {"N": " 0 "}) == 0
    with pytest.raises(SystemExit, match="N must be a whole number, got 'ten'"):
        config.whole_number("N", 30, {"N": "ten"})
    with pytest.raises(SystemExit, match=r"N must be 0 \(off\) or more, got -1"):
        config.whole_number("N", 30, {"N": "-1"})


def test_seconds_items_and_flags():
    assert config.seconds("S", 5.0, {"S": "2.5"}) == 2.5 and config.seconds("S", 5.0, {"S": "soon"}) == 5.0
    assert config.items("L", {"L": " a, ,b ,"}) == ["a", "b"] and config.items("L", {}) == []
    assert config.flag("F", True, {}) is True and config.flag("F", True, {"F": "0"}) is False
    assert config.flag("F", False, {"F": "Yes"}) is True


def test_the_process_environment_is_read_at_call_time(monkeypatch):
    monkeypatch.setenv("CRISIS_LINE", " Samaritans, call 116 123 ")
    assert config.text("CRISIS_LINE") == "Samaritans, call 116 123"


# Handing the environment on to child processes, or removing a secret from it, is not reading a setting.
PASSING_ON = {"server/launcher.py": ("dict(os.environ)",), "server/rasa_server.py": ("os.environ.pop(",),
              "server/endpoints.py": ("channel_credentials(base, os.environ)",),
              "channels/socketio.py": ('environ.get("sanic.request")',)}  # socket.io's request environ


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix() for folder in ("assistant", "channels",
                                                                                    "actions", "server")
                                        for p in (ROOT / folder).rglob("*.py")))
def test_no_other_module_reads_the_environment(path):
    if path == "assistant/config.py":
        return
    text = (ROOT / path).read_text(encoding="utf-8")
    for allowed in PASSING_ON.get(path, ()):
        text = text.replace(allowed, "")
    assert not re.search(r"os\.environ|os\.getenv|environ\.get\(", text), path
