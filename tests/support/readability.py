"""Reading level and length of what the assistant says (issue 13), shared by the tests.

Flesch-Kincaid grade by `textstat` 0.7.3 (syllables counted with pyphen, no
data download). What is measured is a message's prose:

- reference lines ("Sources: ...", "Source: ...") and the numbered Sources
  list are citations, not prose, and are left out (titles of journal papers
  are not ours to rewrite);
- each line counts as a sentence (a list item "- Scan: CT scan" is one; run
  together with the next item it would read as one long sentence, which is
  not how anyone reads a list).

Only messages of more than 20 words are graded: the formula is not meaningful
on a line or two (a button label, "Do you know whether it has changed?").
"""

import re
from typing import Dict, Iterable, List

import textstat

GRADE_LIMIT = 7.0
MIN_WORDS = 20
RESULT_LIMIT = 700
TURN_LIMIT = 1200
EMERGENCY_LIMIT = 400

_REFERENCE = re.compile(r"^(?:Sources?|Also)\b.*$|^\d+\. .*https?://\S+$", re.MULTILINE)


def prose(text: str) -> str:
    """The message's sentences: no reference lines, each line one sentence."""
    if (text or "").startswith("Sources (each once):"):
        return ""
    lines = []
    for line in _REFERENCE.sub("", text or "").splitlines():
        line = line.strip().lstrip("-•").strip()
        line = re.sub(r"https?://\S+", "", line).strip()
        if not line:
            continue
        if line[-1] not in ".!?:":
            line += "."
        lines.append(line)
    return " ".join(lines)


def words(text: str) -> int:
    return len(prose(text).split())


def grade(text: str) -> float:
    return textstat.flesch_kincaid_grade(prose(text))


def too_hard(texts: Iterable[str]) -> List[str]:
    """The texts of more than 20 words whose grade is above 7, with their grade."""
    return [f"{grade(t):.1f}: {t[:160]}" for t in texts if words(t) > MIN_WORDS and grade(t) > GRADE_LIMIT]


def shown_length(message: Dict) -> int:
    """A message's text with its buttons' titles, as a transcript shows it."""
    buttons = message.get("buttons") or []
    extra = len(" [buttons: ]") + len(" | ".join(b["title"] for b in buttons)) if buttons else 0
    return len(message.get("text") or "") + extra
