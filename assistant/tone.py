"""A human tone: does a message say the person is frightened? Pure, no Rasa.

The cues are data (`knowledge/tone.yml`). A cue counts on word boundaries,
with the apostrophe optional ("im scared", "I'm scared"), unless one of the
`not_after` words comes within the two words before it ("I'm not worried",
"don't panic"): a denied worry needs no comfort.
"""

import re
from functools import lru_cache
from typing import Tuple

from assistant.knowledge import KnowledgeBase


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[’']", "", (text or "").lower()).split())


@lru_cache(maxsize=8)
def _patterns(cues: Tuple[str, ...], not_after: Tuple[str, ...]):
    cue = "|".join(re.escape(_normal(c)) for c in sorted(cues, key=len, reverse=True))
    negation = "|".join(re.escape(_normal(n)) for n in not_after) or r"(?!x)x"
    return (re.compile(rf"(?<!\w)(?:{cue})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{negation})(?:\s+\w+)?\s+$"))


def expresses_worry(text: str, kb: KnowledgeBase) -> bool:
    """True when the message says the person is worried, scared, anxious..."""
    if kb.tone is None or not text:
        return False
    cue, negated = _patterns(kb.tone.worry_cues, kb.tone.not_after)
    normal = _normal(text)
    for match in cue.finditer(normal):
        if not negated.search(normal[:match.start()]):
            return True
    return False
