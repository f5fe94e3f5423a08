"""The decision engine: triage and cause ranking as pure functions.

No Rasa import. The clinical rules are data in `knowledge/`; this module only
knows how to match a case against them:

- a case is a set of facts (entity, canonical value, role);
- triage is the most urgent rule whose patterns match the user's own,
  affirmed facts (negated and family facts can never raise the urgency);
- causes are ranked by prior + the weights of the evidence that matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from assistant.contract import LARGE_SIZE_MM, ROLES
from assistant.knowledge import KnowledgeBase, Pattern, TriageRule

MAX_LIKELY_CAUSES = 3
# A cause scoring under this share of the top one is not worth listing.
RELATIVE_FLOOR = 0.3


@dataclass(frozen=True)
class Fact:
    entity: str
    value: str
    role: Optional[str] = None

    def __post_init__(self) -> None:
        if self.role is not None and self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")

    def _key(self) -> Tuple[str, str, str]:
        return (self.entity, self.value, self.role or "")

    def __lt__(self, other: "Fact") -> bool:
        # The user's own fact and a relative's of the same value ("mum had
        # haemochromatosis", then "I have it") sort without comparing None with
        # a role (a TypeError that lost the whole result on an independent set).
        return self._key() < other._key()

    @classmethod
    def from_dict(cls, data: Dict) -> "Fact":
        return cls(str(data["entity"]), str(data["value"]), data.get("role") or None)

    def as_dict(self) -> Dict:
        data = {"entity": self.entity, "value": self.value}
        if self.role:
            data["role"] = self.role
        return data


_NUMBER = r"(?:\d+(?:[.,]\d+)?|[.,]\d+)"
_SIZE = re.compile(
    rf"({_NUMBER}(?:\s*(?:x|by|\*|×)\s*{_NUMBER})*)\s*(mm|cm|millimet(?:er|re)s?|centimet(?:er|re)s?)\b", re.I
)


# Sizes in words ("half a centimetre", "two millimetres", "a couple of mm").
_NUMBER_WORDS = {"a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                 "seven": "7", "eight": "8", "nine": "9", "ten": "10", "couple": "2", "half": "0.5", "quarter": "0.25"}
_WORDED = re.compile(r"\b(half|quarter|couple|an?|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:of|a|an))*"
                     r"\s+(?=(?:mm|cm|millimet|centimet))", re.I)


def size_in_mm(text: str) -> Optional[float]:
    """The largest dimension in mm: '3 mm' -> 3, '1,2 cm' -> 12, '12 x 3 mm' -> 12, 'half a centimetre'
    -> 5; None if unreadable."""
    text = _WORDED.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()] + " ", text or "")
    match = _SIZE.search(text)
    if not match:
        return None
    numbers = [float(n.replace(",", ".")) for n in re.findall(_NUMBER, match.group(1))]
    largest = max(numbers)
    return largest * 10 if match.group(2).lower().startswith("c") else largest


# Growth a radiologist would call growth: at least 1 mm and 10 %.
GROWTH_MM, GROWTH_SHARE = 1.0, 0.10


def compared_sizes(before_mm: float, after_mm: float) -> str:
    """'growing' or 'stable' (smaller is not growing) for two sizes of one finding."""
    return "growing" if after_mm - before_mm >= max(GROWTH_MM, GROWTH_SHARE * before_mm) else "stable"


@dataclass(frozen=True)
class Case:
    """What the user told us, as facts. Order does not matter."""

    facts: FrozenSet[Fact] = field(default_factory=frozenset)

    @classmethod
    def of(cls, facts: Iterable[Fact]) -> "Case":
        return cls(frozenset(facts))

    def with_facts(self, *facts: Fact) -> "Case":
        return Case(self.facts | frozenset(facts))


def _facts_for_matching(case: Case, kb: KnowledgeBase) -> FrozenSet[Tuple[str, str, Optional[str]]]:
    """Expand facts: is_a parents (colorectal_cancer -> cancer) and size bands."""
    expanded = set()
    for fact in case.facts:
        expanded.add((fact.entity, fact.value, fact.role))
        for parent in kb.broader(fact.entity, fact.value):
            expanded.add((fact.entity, parent, fact.role))
        if fact.entity == "size":
            mm = size_in_mm(fact.value)
            if mm is not None:
                band = "large" if mm >= LARGE_SIZE_MM else "small"
                expanded.add(("size", band, fact.role))
    # An own affirmed fact wins over a denial of the same thing ("no pain... actually yes").
    own = {(e, v) for e, v, r in expanded if r is None}
    return frozenset(t for t in expanded if t[2] is None or (t[0], t[1]) not in own)


def _matches(pattern: Pattern, facts: FrozenSet[Tuple[str, str, Optional[str]]]) -> bool:
    return (pattern.entity, pattern.value, pattern.role) in facts


# --------------------------------------------------------------------------
# Triage
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Triage:
    level: str
    reasons: Tuple[TriageRule, ...]  # matching rules, most urgent first

    @property
    def red_flags(self) -> Tuple[TriageRule, ...]:
        return tuple(rule for rule in self.reasons if rule.red_flag)

    @property
    def deciding(self) -> Tuple[TriageRule, ...]:
        """The rules at the resulting level: the reasons worth telling."""
        return tuple(rule for rule in self.reasons if rule.level == self.level)


def rule_matches(rule: TriageRule, facts: FrozenSet[Tuple[str, str, Optional[str]]]) -> bool:
    return (
        all(_matches(p, facts) for p in rule.all)
        and (not rule.any or any(_matches(p, facts) for p in rule.any))
        and not any(_matches(p, facts) for p in rule.unless)
    )


def triage(case: Case, kb: KnowledgeBase) -> Triage:
    facts = _facts_for_matching(case, kb)
    own = frozenset(t for t in facts if t[2] is None)
    rank = {level_id: level.rank for level_id, level in kb.levels.items()}
    matched = [rule for rule in kb.rules if rule_matches(rule, own)]
    # Most urgent first; file order breaks ties so the answer is deterministic.
    matched.sort(key=lambda rule: -rank[rule.level])
    level = matched[0].level if matched else kb.level_order[0]
    return Triage(level, tuple(matched))


def red_flags(case: Case, kb: KnowledgeBase) -> Tuple[TriageRule, ...]:
    """Red-flag rules the case triggers, most urgent first."""
    return triage(case, kb).red_flags


def more_urgent(a: str, b: str, kb: KnowledgeBase) -> str:
    return a if kb.levels[a].rank >= kb.levels[b].rank else b


# --------------------------------------------------------------------------
# Cause ranking
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class RankedCause:
    id: str
    score: float
    reasons: Tuple[str, ...]  # the `why` of each piece of evidence that raised it


def rank_causes(case: Case, kb: KnowledgeBase) -> List[RankedCause]:
    """Every cause, most likely first for this person."""
    facts = _facts_for_matching(case, kb)
    ranked = []
    for order, cause in enumerate(kb.causes.values()):
        score = cause.prior
        reasons = []
        for evidence in cause.evidence:
            if _matches(evidence.when, facts):
                score += evidence.weight
                if evidence.weight > 0:
                    reasons.append(evidence.why)
        ranked.append((-score, order, RankedCause(cause.id, round(score, 3), tuple(reasons))))
    return [item[2] for item in sorted(ranked)]


def likely_causes(case: Case, kb: KnowledgeBase, limit: int = MAX_LIKELY_CAUSES) -> List[RankedCause]:
    """The top causes, leaving out those far behind the first (they would only alarm)."""
    ranked = [cause for cause in rank_causes(case, kb) if cause.score > 0]
    if not ranked:
        return []
    floor = ranked[0].score * RELATIVE_FLOOR
    return [cause for cause in ranked if cause.score >= floor][:limit]


# --------------------------------------------------------------------------
# Whole assessment
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    triage: Triage
    causes: Tuple[RankedCause, ...]

    @property
    def level(self) -> str:
        return self.triage.level

    @property
    def cause_ids(self) -> List[str]:
        return [cause.id for cause in self.causes]


def assess(case: Case, kb: KnowledgeBase) -> Assessment:
    return Assessment(triage(case, kb), tuple(likely_causes(case, kb)))


def facts_from_dicts(items: Optional[Sequence[Dict]]) -> Case:
    return Case.of(Fact.from_dict(item) for item in items or () if isinstance(item, dict))
