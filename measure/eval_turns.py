"""Turn lengths and repeated references, read from contract_eval.py's --json output.

The black-box judge (../shared/eval/contract_eval.py) records every turn's bot
text (each message's text, then "[buttons: A | B]"). This reads that file and
prints what issue 13 budgets:

- result turn: the first turn that names an advice level (a level label from
  knowledge/triage.yml) without being an emergency alert: at most 700 chars;
- emergency turn: from the emergency alert ("⚠️ Get emergency help now") or
  the crisis answer to the end of that turn: at most 400 chars;
- any turn: at most 1,200 chars;
- references repeated within a turn: a citation (an item of a "Sources:" or
  "Source:" line, or a URL) said twice in one turn.

Counts are characters of the turn's bot text joined with newlines, buttons
included, as the judge shows it.

    python3 ../shared/eval/contract_eval.py --cases DIR --json out.json ...
    .venv/bin/python measure/eval_turns.py out.json [more.json ...]
"""

import json
import re
import statistics
import sys
from collections import Counter
from typing import Dict, List

from assistant import knowledge

URL = re.compile(r"https?://\S+")
SOURCES = re.compile(r"^(?:Sources?|References?)\s*:\s*(.+)$", re.MULTILINE)


def references(text: str) -> List[str]:
    """Every citation the text makes: items of 'Sources:' lines and every URL."""
    found = []
    for line in SOURCES.findall(text):
        found.extend(item.strip().rstrip(".") for item in re.split(r";\s*", line) if item.strip())
    found.extend(url.rstrip(".,;)") for url in URL.findall(text))
    return found


CRISIS = "I'm really glad you told me"


def measure(records: List[Dict], labels: List[str], emergency: str = "⚠️ Get emergency help now") -> Dict:
    turn_lengths, result_lengths, emergency_lengths, repeats, conversation_totals = [], [], [], 0, []
    over_turn = over_result = over_emergency = 0
    for record in records:
        total = 0
        result_seen = False
        for turn in record.get("turns", []):
            messages = turn.get("bot") or []
            text = "\n".join(messages)
            total += len(text)
            turn_lengths.append(len(text))
            over_turn += len(text) > 1200
            counts = Counter(references(text))
            repeats += sum(1 for _, n in counts.items() if n > 1)
            alert = next((i for i, m in enumerate(messages) if m.startswith(emergency) or m.startswith(CRISIS)), None)
            if alert is not None:
                # From the alert on: a new conversation's disclaimer, sent
                # before it by the session start, is not part of the alert.
                alert_text = "\n".join(messages[alert:])
                emergency_lengths.append(len(alert_text))
                over_emergency += len(alert_text) > 400
            elif not result_seen and (any(label in text for label in labels) or "[buttons: Why?" in text):
                result_seen = True
                result_lengths.append(len(text))
                over_result += len(text) > 700
        conversation_totals.append(total)

    def median(values):
        return statistics.median(values) if values else float("nan")

    return {
        "conversations": len(records),
        "turns": len(turn_lengths),
        "bot_chars_per_conversation_median": median(conversation_totals),
        "result_turns": len(result_lengths),
        "result_turn_median": median(result_lengths),
        "result_turn_max": max(result_lengths, default=0),
        "result_turns_over_700": over_result,
        "turn_max": max(turn_lengths, default=0),
        "turns_over_1200": over_turn,
        "emergency_turns": len(emergency_lengths),
        "emergency_turn_max": max(emergency_lengths, default=0),
        "emergency_turns_over_400": over_emergency,
        "references_repeated_within_a_turn": repeats,
    }


def main(paths: List[str]) -> int:
    kb = knowledge.default()
    labels = [level.label for level in kb.levels.values() if level.id != "emergency"]
    for path in paths:
        data = json.loads(open(path, encoding="utf-8").read())
        records = (data.get("dialogue") or {}).get("vignettes") or data.get("vignettes") or []
        result = measure(records, labels)
        print(path)
        for key, value in result.items():
            print(f"  {key:38} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
