"""The one place where the product reads its settings from the environment.

Every module asks here (`config.text("WEB_ORIGINS")`, `config.whole_number("MAX_MESSAGE_CHARS", 5000)`)
instead of reading `os.environ` itself, so a setting is read one way everywhere: surrounding blanks
stripped, an unset or blank variable meaning its default, a bad number stopping the start with the
variable's name. Each reader takes an optional `environ` mapping, so the launcher can check the
environment it will hand to the servers and tests can pass their own, without changing the process's.

The variables themselves, with their defaults and meaning, are listed in docs/deployment.md
("Configuration"). Handing the environment on to child processes (server/launcher.py) is not reading
a setting and stays where it is.
"""

import os
from typing import List, Mapping, Optional

Environ = Optional[Mapping[str, str]]


def _environ(environ: Environ) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def is_set(name: str, environ: Environ = None) -> bool:
    """Whether the variable holds something other than blanks."""
    return bool(text(name, "", environ))


def text(name: str, default: str = "", environ: Environ = None) -> str:
    """The variable's value without surrounding blanks; `default` when it is unset or blank."""
    return (_environ(environ).get(name) or "").strip() or default


def whole_number(name: str, default: int, environ: Environ = None) -> int:
    """A count of 0 or more (0 usually means off); a value that is not one stops the start, naming it."""
    raw = text(name, "", environ)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, got {raw!r}")
    if value < 0:
        raise SystemExit(f"{name} must be 0 (off) or more, got {value}")
    return value


def seconds(name: str, default: float, environ: Environ = None) -> float:
    """A duration in seconds; `default` when unset, blank or not a number (a tuning knob, not a fault)."""
    try:
        return float(text(name, "", environ) or default)
    except ValueError:
        return float(default)


def items(name: str, environ: Environ = None) -> List[str]:
    """A comma-separated list, each item stripped, blank items dropped."""
    return [item.strip() for item in text(name, "", environ).split(",") if item.strip()]


def flag(name: str, default: bool, environ: Environ = None) -> bool:
    """On for 1, true or yes (any case); `default` when unset or blank."""
    raw = text(name, "", environ)
    return default if not raw else raw.lower() in ("1", "true", "yes")
