"""Load and validate the knowledge base under `knowledge/`.

The knowledge base is data a clinician can review; this module turns it into
frozen Python objects and refuses a broken file with a message that names the
file, the entry and the field. Nothing here imports Rasa.

Run `python -m assistant.knowledge` to validate and print a coverage summary.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import yaml

from assistant import config, contract

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "knowledge"
KNOWLEDGE_FILES = (
    "sources.yml",
    "causes.yml",
    "tests.yml",
    "triage.yml",
    "terms.yml",
    "context.yml",
    "signs.yml",
    "answers.yml",
    "glossary.yml",
    "labels.yml",
    "tone.yml",
)


class KnowledgeError(ValueError):
    """A knowledge file is missing, unreadable or breaks the schema."""


# --------------------------------------------------------------------------
# Data objects
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    year: int
    published_in: str
    authors: str = ""
    url: str = ""
    note: str = ""

    def citation(self) -> str:
        who = f"{self.authors}. " if self.authors else ""
        return f"{who}{self.title}. {self.published_in}, {self.year}."


@dataclass(frozen=True)
class Pattern:
    """One entity=value condition on a case; role None means own, affirmed."""

    entity: str
    value: str
    role: Optional[str] = None

    def describe(self) -> str:
        role = f" ({self.role})" if self.role else ""
        return f"{self.entity}={self.value}{role}"


@dataclass(frozen=True)
class Evidence:
    when: Pattern
    weight: float
    why: str


@dataclass(frozen=True)
class Cause:
    id: str
    name: str
    summary: str
    how_common: str
    # The cause in one plain sentence: the result's "most likely cause" line.
    short: str
    prior: float
    evidence: Tuple[Evidence, ...]
    imaging: str
    tests: Tuple[str, ...]
    treatment: str
    watch_for: str
    sources: Tuple[str, ...]


@dataclass(frozen=True)
class DiagnosticTest:
    id: str
    name: str
    what_it_is: str
    why: str
    sources: Tuple[str, ...]


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    advice: str
    rank: int
    # What to do, in one or two short sentences: the first line of the result.
    do: str = ""


@dataclass(frozen=True)
class TriageRule:
    id: str
    level: str
    red_flag: bool
    all: Tuple[Pattern, ...]
    any: Tuple[Pattern, ...]
    unless: Tuple[Pattern, ...]
    reason: str
    advice: str
    sources: Tuple[str, ...]
    # A crisis (thoughts of self-harm): answered with kindness and crisis
    # help first, and nothing about the scan in that turn.
    crisis: bool = False


@dataclass(frozen=True)
class Answer:
    id: str
    text: str
    sources: Tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A canonical entity value and the words people use for it."""

    entity: str
    value: str
    synonyms: Tuple[str, ...]
    is_a: Tuple[str, ...] = ()
    case_sensitive: Tuple[str, ...] = ()  # phrases matched only as written ("PBC", "TB")
    # spaCy token patterns (lists of token attribute mappings), for what a phrase cannot say
    token_patterns: Tuple[Any, ...] = dataclasses.field(default=(), compare=False)


@dataclass(frozen=True)
class GlossaryEntry:
    """A radiology report word and its plain words (glossary.yml)."""

    id: str
    terms: Tuple[str, ...]
    plain: str
    explain: str
    sources: Tuple[str, ...]
    plural: str = ""  # the plain words for a plural match ("foci" -> "spots"); `plain` when empty


@dataclass(frozen=True)
class Tone:
    """Worry cues and the one acknowledgement (tone.yml)."""

    worry_cues: Tuple[str, ...]
    not_after: Tuple[str, ...]
    acknowledgement: str
    sources: Tuple[str, ...]

@dataclass(frozen=True)
class KnowledgeBase:
    directory: Path
    sources: Mapping[str, Source]
    causes: Mapping[str, Cause]
    tests: Mapping[str, DiagnosticTest]
    levels: Mapping[str, Level]
    rules: Tuple[TriageRule, ...]
    answers: Mapping[str, Answer]
    terms: Tuple[Term, ...]
    context: Mapping[str, Any]
    fingerprint: str
    signs: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    glossary: Tuple[GlossaryEntry, ...] = ()
    sections: Mapping[str, str] = dataclasses.field(default_factory=dict)
    labels: Mapping[str, Mapping[str, str]] = dataclasses.field(default_factory=dict)
    tone: Optional[Tone] = None
    # terms.yml besides the terms: token patterns of a size ("3 mm"), phrases that are never an entity
    size_patterns: Tuple[Any, ...] = dataclasses.field(default=(), compare=False)
    not_entities: Tuple[str, ...] = ()
    not_typos: Tuple[str, ...] = ()

    @property
    def level_order(self) -> List[str]:
        return sorted(self.levels, key=lambda lid: self.levels[lid].rank)

    @property
    def red_flag_rules(self) -> Tuple[TriageRule, ...]:
        return tuple(rule for rule in self.rules if rule.red_flag)

    def term(self, entity: str, value: str) -> Optional[Term]:
        for term in self.terms:
            if term.entity == entity and term.value == value:
                return term
        return None

    def broader(self, entity: str, value: str) -> Tuple[str, ...]:
        """Values `value` is a kind of (transitively), e.g. colorectal_cancer -> cancer."""
        seen: List[str] = []
        todo = [value]
        while todo:
            term = self.term(entity, todo.pop())
            for parent in term.is_a if term else ():
                if parent not in seen:
                    seen.append(parent)
                    todo.append(parent)
        return tuple(seen)

    def cite(self, source_ids: Sequence[str]) -> List[Source]:
        return [self.sources[sid] for sid in source_ids]

    def label(self, entity: str, value: str) -> str:
        """A value in words ("ct" -> "CT scan"); a free value (a size) as written."""
        return self.labels.get(entity, {}).get(value) or value.replace("_", " ")


# --------------------------------------------------------------------------
# Field readers: each error names file, entry and field
# --------------------------------------------------------------------------


class _Entry:
    """One mapping in a knowledge file, with readers that fail precisely."""

    def __init__(self, file: str, where: str, data: Any):
        self.file = file
        self.where = where
        if not isinstance(data, dict):
            self.fail(None, f"must be a mapping, got {type(data).__name__}")
        self.data = data

    def fail(self, field: Optional[str], message: str) -> None:
        at = f"{self.file}: {self.where}"
        if field:
            at += f": field '{field}'"
        raise KnowledgeError(f"{at}: {message}")

    def text(self, field: str, required: bool = True) -> str:
        value = self.data.get(field)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(field, "must be a non-empty text")
        return " ".join(value.split())

    def number(self, field: str, minimum: Optional[float] = None) -> float:
        value = self.data.get(field)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(field, "must be a number")
        if minimum is not None and value < minimum:
            self.fail(field, f"must be >= {minimum}")
        return float(value)

    def integer(self, field: str) -> int:
        value = self.data.get(field)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, "must be an integer")
        return value

    def flag(self, field: str) -> bool:
        value = self.data.get(field, False)
        if not isinstance(value, bool):
            self.fail(field, "must be true or false")
        return value

    def id_list(self, field: str, known: Mapping[str, Any], required: bool = True) -> Tuple[str, ...]:
        value = self.data.get(field)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.fail(field, "must be a non-empty list of ids")
        for item in value:
            if item not in known:
                self.fail(field, f"unknown id '{item}'")
        return tuple(value)

    def text_list(self, field: str, required: bool = True) -> Tuple[str, ...]:
        value = self.data.get(field)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.fail(field, "must be a non-empty list of texts")
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.fail(field, f"has an empty or non-text item: {item!r}")
        return tuple(value)

    def patterns(self, field: str, values: Mapping[str, set], required: bool = False) -> Tuple[Pattern, ...]:
        value = self.data.get(field)
        if value is None and not required:
            return ()
        if not isinstance(value, list) or (required and not value):
            self.fail(field, "must be a list of patterns like {condition: tuberculosis}")
        return tuple(self.pattern(field, item, values) for item in value)

    def pattern(self, field: str, item: Any, values: Mapping[str, set]) -> Pattern:
        if not isinstance(item, dict):
            self.fail(field, f"pattern must be a mapping, got {item!r}")
        role = item.get("role")
        keys = [k for k in item if k != "role"]
        if len(keys) != 1:
            self.fail(field, f"pattern needs exactly one entity, got {item!r}")
        entity = keys[0]
        value = item[entity]
        if entity not in values:
            self.fail(field, f"unknown entity '{entity}' in {item!r}")
        if value not in values[entity]:
            self.fail(field, f"'{value}' is not a known {entity} value")
        if role is not None and role not in contract.ROLES:
            self.fail(field, f"unknown role '{role}'")
        return Pattern(entity, value, role)


# libyaml's parser when PyYAML has it (the same documents, the same Python values): the pure-Python one
# took about a second per load of the knowledge base, nearly all of it parsing.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(directory: Path, name: str, key: str) -> Any:
    return _read_document(directory, name, key)[key]


def _read_document(directory: Path, name: str, key: str) -> Dict[str, Any]:
    """The whole YAML document, which must be a mapping with a top-level `key`."""
    path = directory / name
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_YAML_LOADER)  # a safe loader, C or Python
    except FileNotFoundError:
        raise KnowledgeError(f"{name}: file is missing from {directory}")
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{name}: not valid YAML: {exc}")
    if not isinstance(data, dict) or key not in data:
        raise KnowledgeError(f"{name}: must be a mapping with a top-level '{key}'")
    return data


def _entries(name: str, items: Any, key: str = "id") -> List[_Entry]:
    if not isinstance(items, list):
        raise KnowledgeError(f"{name}: must hold a list of entries")
    entries, seen = [], set()
    for index, item in enumerate(items):
        label = item.get(key) if isinstance(item, dict) else None
        entry = _Entry(name, f"entry '{label}'" if label else f"entry #{index + 1}", item)
        entry_id = entry.text(key)
        if entry_id in seen:
            entry.fail(key, f"duplicate id '{entry_id}'")
        seen.add(entry_id)
        entries.append(entry)
    return entries


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


def _token_patterns(where: str, value: Any) -> Tuple[Any, ...]:
    """Token patterns for spaCy: a list of non-empty lists of mappings from attribute names."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise KnowledgeError(f"{where}: must be a list of token patterns")
    for index, pattern in enumerate(value):
        if not isinstance(pattern, list) or not pattern or not all(
                isinstance(token, dict) and token and all(isinstance(k, str) for k in token) for token in pattern):
            raise KnowledgeError(f"{where} #{index + 1}: a token pattern is a non-empty list of "
                                 "{attribute: value} mappings")
    return tuple(value)


def _load_terms_file(directory: Path) -> Tuple[Tuple[Term, ...], Tuple[Any, ...], Tuple[str, ...], Tuple[str, ...]]:
    """terms.yml: the terms, then the size patterns, the phrases that are never
    an entity and the words that are never a typo of one."""
    document = _read_document(directory, "terms.yml", "terms")
    size_patterns = _token_patterns("terms.yml: size_patterns", document.get("size_patterns"))
    lists = []
    for key in ("not_entities", "not_typos"):
        items = document.get(key) or []
        if not isinstance(items, list) or not all(isinstance(p, str) and p.strip() for p in items):
            raise KnowledgeError(f"terms.yml: {key}: must be a list of texts")
        lists.append(tuple(items))
    return _load_terms(directory, document["terms"]), size_patterns, lists[0], lists[1]


def _load_terms(directory: Path, raw: Any = None) -> Tuple[Term, ...]:
    if raw is None:
        raw = _read_yaml(directory, "terms.yml", "terms")
    if not isinstance(raw, dict):
        raise KnowledgeError("terms.yml: 'terms' must map entity names to value lists")
    terms = []
    for entity, items in raw.items():
        if entity not in contract.ENTITY_VALUES:
            raise KnowledgeError(f"terms.yml: entity '{entity}' is not in the contract")
        for entry in _entries("terms.yml", items, key="value"):
            entry.where = f"{entity} entry '{entry.data.get('value')}'"
            value = entry.text("value")
            allowed = contract.ENTITY_VALUES[entity]
            if allowed is not None and value not in allowed:
                entry.fail("value", f"'{value}' is not a contract value of {entity}")
            is_a = entry.text_list("is_a", required=False)
            for parent in is_a:
                if allowed is not None and parent not in allowed:
                    entry.fail("is_a", f"'{parent}' is not a contract value of {entity}")
            terms.append(Term(entity, value, entry.text_list("synonyms", required=False), is_a,
                              entry.text_list("case_sensitive", required=False),
                              _token_patterns(f"terms.yml: {entry.where}: patterns", entry.data.get("patterns"))))
    for entity, allowed in contract.ENTITY_VALUES.items():
        for value in sorted(allowed or ()):
            if not any(t.entity == entity and t.value == value for t in terms):
                raise KnowledgeError(f"terms.yml: {entity} value '{value}' has no entry")
    return tuple(terms)


def _pattern_values() -> Dict[str, set]:
    values = {e: set(v) for e, v in contract.ENTITY_VALUES.items() if v is not None}
    values["size"] = set(contract.SIZE_BANDS)
    values.update({entity: set(allowed) for entity, allowed in contract.INTERNAL_VALUES.items()})
    return values


def _fingerprint(directory: Path) -> str:
    digest = hashlib.sha256()
    for name in KNOWLEDGE_FILES:
        path = directory / name
        digest.update(name.encode())
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load(directory: os.PathLike | str | None = None) -> KnowledgeBase:
    """Read and validate every knowledge file; raise KnowledgeError on the first fault."""
    directory = Path(directory or config.text("KNOWLEDGE_DIR") or DEFAULT_DIR)
    values = _pattern_values()

    sources = {}
    for entry in _entries("sources.yml", _read_yaml(directory, "sources.yml", "sources")):
        year = entry.integer("year")
        if not 1800 <= year <= 2100:
            entry.fail("year", f"{year} is not a plausible year")
        sources[entry.text("id")] = Source(
            id=entry.text("id"),
            title=entry.text("title"),
            year=year,
            published_in=entry.text("published_in"),
            authors=entry.text("authors", required=False),
            url=entry.text("url", required=False),
            note=entry.text("note", required=False),
        )

    tests = {}
    for entry in _entries("tests.yml", _read_yaml(directory, "tests.yml", "tests")):
        tests[entry.text("id")] = DiagnosticTest(
            id=entry.text("id"),
            name=entry.text("name"),
            what_it_is=entry.text("what_it_is"),
            why=entry.text("why"),
            sources=entry.id_list("sources", sources),
        )

    causes = {}
    for entry in _entries("causes.yml", _read_yaml(directory, "causes.yml", "causes")):
        cause_id = entry.text("id")
        if cause_id not in contract.CAUSE_IDS:
            entry.fail("id", f"'{cause_id}' is not a contract cause id")
        evidence = []
        raw_evidence = entry.data.get("evidence")
        if not isinstance(raw_evidence, list) or not raw_evidence:
            entry.fail("evidence", "must be a non-empty list")
        for index, item in enumerate(raw_evidence):
            sub = _Entry("causes.yml", f"entry '{cause_id}' evidence #{index + 1}", item)
            evidence.append(Evidence(sub.pattern("when", item.get("when"), values), sub.number("weight"),
                                     sub.text("why")))
        causes[cause_id] = Cause(
            id=cause_id,
            name=entry.text("name"),
            summary=entry.text("summary"),
            how_common=entry.text("how_common"),
            short=entry.text("short"),
            prior=entry.number("prior", minimum=0),
            evidence=tuple(evidence),
            imaging=entry.text("imaging"),
            tests=entry.id_list("tests", tests),
            treatment=entry.text("treatment"),
            watch_for=entry.text("watch_for"),
            sources=entry.id_list("sources", sources),
        )
    missing = contract.CAUSE_IDS - set(causes)
    if missing:
        raise KnowledgeError(f"causes.yml: contract causes missing: {', '.join(sorted(missing))}")

    triage = _read_yaml(directory, "triage.yml", "levels")
    levels = {}
    for rank, entry in enumerate(_entries("triage.yml", triage)):
        levels[entry.text("id")] = Level(entry.text("id"), entry.text("label"), entry.text("advice"), rank,
                                         entry.text("do"))
    if list(levels) != list(contract.TRIAGE_LEVELS):
        raise KnowledgeError(
            f"triage.yml: levels must be, least urgent first: {', '.join(contract.TRIAGE_LEVELS)}"
        )
    rules = []
    for entry in _entries("triage.yml", _read_yaml(directory, "triage.yml", "rules")):
        entry.where = f"rule '{entry.data.get('id')}'"
        level = entry.text("level")
        if level not in levels:
            entry.fail("level", f"unknown level '{level}'")
        rule = TriageRule(
            id=entry.text("id"),
            level=level,
            red_flag=entry.flag("red_flag"),
            all=entry.patterns("all", values),
            any=entry.patterns("any", values),
            unless=entry.patterns("unless", values),
            reason=entry.text("reason"),
            advice=entry.text("advice"),
            sources=entry.id_list("sources", sources),
            crisis=entry.flag("crisis"),
        )
        if not rule.all and not rule.any:
            entry.fail("all", "a rule needs 'all' or 'any' patterns")
        for field_name in ("all", "any", "unless"):
            for pattern in getattr(rule, field_name):
                # Only own, affirmed facts may move the urgency (see README).
                if pattern.role is not None:
                    entry.fail(field_name, f"triage patterns take no role: {pattern.describe()}")
        rules.append(rule)

    answers = {}
    for entry in _entries("answers.yml", _read_yaml(directory, "answers.yml", "answers")):
        answers[entry.text("id")] = Answer(entry.text("id"), entry.text("text"), entry.id_list("sources", sources))
    for answer_id in contract.ANSWER_IDS:
        if answer_id not in answers:
            raise KnowledgeError(f"answers.yml: answer '{answer_id}' is missing")

    context = _read_yaml(directory, "context.yml", "context")
    if not isinstance(context, dict):
        raise KnowledgeError("context.yml: 'context' must be a mapping")

    signs = _load_signs(directory)
    glossary, sections = _load_glossary(directory, sources)
    terms, size_patterns, not_entities, not_typos = _load_terms_file(directory)

    return KnowledgeBase(
        directory=directory,
        sources=sources,
        causes=causes,
        tests=tests,
        levels=levels,
        rules=tuple(rules),
        answers=answers,
        terms=terms,
        size_patterns=size_patterns,
        not_entities=not_entities,
        not_typos=not_typos,
        context=context,
        fingerprint=_fingerprint(directory),
        signs=signs,
        glossary=glossary,
        sections=sections,
        labels=_load_labels(directory),
        tone=_load_tone(directory, sources),
    )


def _load_glossary(directory: Path, sources: Mapping[str, Source]) -> Tuple[Tuple[GlossaryEntry, ...], Dict[str, str]]:
    """glossary.yml: report terms in plain words, each with sources; a term
    belongs to one entry only (the reading must not depend on file order)."""
    entries: List[GlossaryEntry] = []
    owner: Dict[str, str] = {}
    for entry in _entries("glossary.yml", _read_yaml(directory, "glossary.yml", "glossary")):
        terms = tuple(" ".join(t.lower().split()) for t in entry.text_list("terms"))
        for term in terms:
            if term in owner:
                entry.fail("terms", f"'{term}' is also a term of entry '{owner[term]}'")
            owner[term] = entry.text("id")
        entries.append(GlossaryEntry(entry.text("id"), terms, entry.text("plain"), entry.text("explain"),
                                     entry.id_list("sources", sources), entry.text("plural", required=False)))
    raw = _read_yaml(directory, "glossary.yml", "sections")
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise KnowledgeError("glossary.yml: 'sections' must map a section name to its plain words (or \"\")")
    return tuple(entries), {" ".join(k.lower().split()): " ".join(v.split()) for k, v in raw.items()}


def _load_labels(directory: Path) -> Dict[str, Dict[str, str]]:
    """labels.yml: every contract value of every entity, in words, exactly once."""
    raw = _read_yaml(directory, "labels.yml", "labels")
    if not isinstance(raw, dict):
        raise KnowledgeError("labels.yml: 'labels' must map entities to {value: label}")
    labels: Dict[str, Dict[str, str]] = {}
    for entity, allowed in contract.ENTITY_VALUES.items():
        if allowed is None:
            continue
        given = raw.get(entity)
        if not isinstance(given, dict):
            raise KnowledgeError(f"labels.yml: entity '{entity}' has no labels")
        for value in sorted(allowed):
            label = given.get(value)
            if not isinstance(label, str) or not label.strip():
                raise KnowledgeError(f"labels.yml: {entity} value '{value}' needs a label")
        unknown = set(given) - set(allowed)
        if unknown:
            raise KnowledgeError(f"labels.yml: {entity}: not contract values: {', '.join(sorted(unknown))}")
        labels[entity] = {value: " ".join(label.split()) for value, label in given.items()}
    extra = set(raw) - set(labels)
    if extra:
        raise KnowledgeError(f"labels.yml: not contract entities with values: {', '.join(sorted(extra))}")
    return labels


def _load_tone(directory: Path, sources: Mapping[str, Source]) -> Tone:
    raw = _read_yaml(directory, "tone.yml", "tone")
    if not isinstance(raw, dict):
        raise KnowledgeError("tone.yml: 'tone' must be a mapping")
    entry = _Entry("tone.yml", "worry", raw.get("worry"))
    return Tone(
        worry_cues=tuple(c.lower() for c in entry.text_list("cues")),
        not_after=tuple(c.lower() for c in entry.text_list("not_after", required=False)),
        acknowledgement=entry.text("acknowledgement"),
        sources=entry.id_list("sources", sources),
    )


SIGN_MARKERS = ("actual", "conditional", "long_ago", "resolved", "recent", "proxy", "other_person", "relatives",
                "scan_words", "confirm", "person_words", "animals", "proxy_verbs", "proxy_links", "proxy_cannot",
                "imagined", "relevance", "advice", "generic", "story", "work", "documents", "topic")


def _load_signs(directory: Path) -> Dict[str, Any]:
    """signs.yml: concept lists and the combinations that make each warning
    sign (assistant/nlp/signs.py). Every combination names known concepts,
    every sign is a contract symptom with a question, every list holds text."""
    data = _read_yaml(directory, "signs.yml", "signs")
    where = "signs.yml"
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: 'signs' must be a mapping")
    symptoms = contract.ENTITY_VALUES["symptom"] or set()

    def phrases(field: str, items: Any) -> List[str]:
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i.strip() for i in items):
            raise KnowledgeError(f"{where}: {field}: must be a non-empty list of phrases")
        return [i.strip().lower() for i in items]

    concepts = data.get("concepts")
    if not isinstance(concepts, dict) or not concepts:
        raise KnowledgeError(f"{where}: 'concepts' must be a mapping of concept -> phrases")
    concepts = {name: phrases(f"concepts.{name}", items) for name, items in concepts.items()}

    def combinations(field: str, items: Any, required: bool) -> List[List[str]]:
        if items is None and not required:
            return []
        if not isinstance(items, list) or not items:
            raise KnowledgeError(f"{where}: {field}: must be a list of concept lists")
        out = []
        for combination in items:
            if not isinstance(combination, list) or not combination:
                raise KnowledgeError(f"{where}: {field}: {combination!r} is not a list of concepts")
            for concept in combination:
                if concept not in concepts:
                    raise KnowledgeError(f"{where}: {field}: unknown concept '{concept}'")
            out.append(list(combination))
        return out

    signs: Dict[str, Any] = {}
    for value, rule in (data.get("signs") or {}).items():
        field = f"signs.{value}"
        if value not in symptoms:
            raise KnowledgeError(f"{where}: {field}: '{value}' is not a contract symptom value")
        if not isinstance(rule, dict):
            raise KnowledgeError(f"{where}: {field}: must be a mapping")
        question = rule.get("question")
        if not isinstance(question, str) or not question.strip().endswith("?"):
            raise KnowledgeError(f"{where}: {field}.question: a yes/no question is required")
        downgrade = rule.get("downgrade") or []
        upgrade = rule.get("upgrade") or []
        despite = rule.get("despite") or []
        for name, listed in (("downgrade", downgrade), ("upgrade", upgrade), ("despite", despite)):
            for concept in listed:
                if concept not in concepts:
                    raise KnowledgeError(f"{where}: {field}.{name}: unknown concept '{concept}'")
        signs[value] = {
            "certain": combinations(f"{field}.certain", rule.get("certain"), True),
            "uncertain": combinations(f"{field}.uncertain", rule.get("uncertain"), False),
            "downgrade": list(downgrade),
            "upgrade": list(upgrade),
            "despite": list(despite),
            "question": " ".join(question.split()),
            "keep_in_questions": bool(rule.get("keep_in_questions")),
        }
    if not signs:
        raise KnowledgeError(f"{where}: 'signs' lists no sign")
    plain = {}
    for value, items in (data.get("plain") or {}).items():
        if value not in symptoms:
            raise KnowledgeError(f"{where}: plain.{value}: '{value}' is not a contract symptom value")
        plain[value] = combinations(f"plain.{value}", items, True)
    checks: Dict[str, Any] = {}
    for name, check in (data.get("checks") or {}).items():
        field = f"checks.{name}"
        if name in signs or name in symptoms:
            raise KnowledgeError(f"{where}: {field}: a check is named apart from the signs and symptoms")
        if not isinstance(check, dict):
            raise KnowledgeError(f"{where}: {field}: must be a mapping")
        answers = check.get("answers")
        if not isinstance(answers, list) or len(answers) < 2 or any(a not in plain for a in answers):
            raise KnowledgeError(f"{where}: {field}.answers: two or more symptoms of 'plain'")
        hints = check.get("hints")
        if not isinstance(hints, dict) or set(hints) != set(answers):
            raise KnowledgeError(f"{where}: {field}.hints: a concept list for each of the answers")
        for value, listed in hints.items():
            if not isinstance(listed, list) or not listed or any(c not in concepts for c in listed):
                raise KnowledgeError(f"{where}: {field}.hints.{value}: a list of known concepts")
        question = check.get("question")
        if not isinstance(question, str) or not question.strip().endswith("?"):
            raise KnowledgeError(f"{where}: {field}.question: a yes/no question is required")
        checks[name] = {"answers": list(answers), "hints": {v: list(c) for v, c in hints.items()},
                        "question": " ".join(question.split())}
    markers = data.get("markers") or {}
    for name in SIGN_MARKERS:
        if name not in markers:
            raise KnowledgeError(f"{where}: markers.{name} is missing")
    learned = data.get("learned") or {}
    if learned:
        train = learned.get("train")
        threshold = learned.get("threshold", 0.4)
        if not isinstance(train, list) or not all(isinstance(b, str) and b for b in train):
            raise KnowledgeError(f"{where}: learned.train: must be a list of bank names (tests/redflags/<name>.json)")
        banks = Path(__file__).resolve().parents[1] / "tests" / "redflags"
        missing = [b for b in train if not (banks / f"{b}.json").exists()]
        if missing:
            raise KnowledgeError(f"{where}: learned.train: no bank file for {', '.join(missing)}")
        if not isinstance(threshold, (int, float)) or not 0 < float(threshold) < 1:
            raise KnowledgeError(f"{where}: learned.threshold: must be a probability between 0 and 1")
        agree = learned.get("agree")
        if agree is not None and (not isinstance(agree, (int, float)) or isinstance(agree, bool)
                                  or not float(threshold) <= agree <= 1):
            raise KnowledgeError(f"{where}: learned.agree: must be a probability between threshold and 1")
        doubt = learned.get("doubt")
        if doubt is not None and (not isinstance(doubt, (int, float)) or isinstance(doubt, bool)
                                  or not 0 < doubt < float(threshold)):
            raise KnowledgeError(f"{where}: learned.doubt: must be a probability between 0 and threshold")
        never = learned.get("never_doubted") or []
        if not isinstance(never, list) or not all(isinstance(v, str) and v for v in never):
            raise KnowledgeError(f"{where}: learned.never_doubted: must be a list of sign values")
        learned = {"train": list(train), "threshold": float(threshold),
                   "agree": float(agree) if agree is not None else None,
                   "doubt": float(doubt) if doubt is not None else None,
                   "never_doubted": list(never)}
    def concept_words(field: str) -> Dict[str, List[str]]:
        """A mapping of concept -> phrases (not_followed_by, person_subject, ...)."""
        return {concept: phrases(f"{field}.{concept}", words) for concept, words in (data.get(field) or {}).items()
                if concept in concepts or _unknown_concept(where, concept)}

    def drug_object(concept: str, rule: Any) -> Dict[str, Any]:
        rule = rule or {}
        if rule.get("unclear") not in concepts:
            _unknown_concept(where, f"{rule.get('unclear')} (drug_object.unclear)")
        return {"verbs": phrases(f"drug_object.{concept}.verbs", rule.get("verbs")),
                "drugs": phrases(f"drug_object.{concept}.drugs", rule.get("drugs")),
                "unclear": rule["unclear"]}

    return {
        "learned": learned,
        "concepts": concepts,
        "signs": signs,
        "plain": plain,
        "checks": checks,
        "blockers": phrases("blockers", data.get("blockers")),
        "markers": {name: phrases(f"markers.{name}", markers[name]) for name in SIGN_MARKERS},
        **{field: concept_words(field) for field in CONCEPT_WORD_FIELDS},
        "drug_object": {concept: drug_object(concept, rule)
                        for concept, rule in (data.get("drug_object") or {}).items()
                        if concept in concepts or _unknown_concept(where, concept)},
        "dialect": _dialect(where, data.get("dialect") or {}),
    }


# signs.yml's per-concept word lists read by signs.SignReader._concepts' filters.
CONCEPT_WORD_FIELDS = ("not_followed_by", "person_subject", "intransitive", "thing_subject", "corrected_facts")


def _dialect(where: str, data: Any) -> Dict[str, Dict[str, str]]:
    """signs.yml `dialect`: regional words read as their standard English
    (`words`: one word for one word; `after_negation`: a word's sense after
    "can't", as in "cannae mind" = can't remember) and contractions split into
    their verb and "not" (`contractions`: "cannae" -> "can" + "nae")."""
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: dialect: must be a mapping")
    out: Dict[str, Dict[str, str]] = {}
    for field in ("words", "after_negation", "contractions"):
        table = data.get(field) or {}
        if not isinstance(table, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in table.items()):
            raise KnowledgeError(f"{where}: dialect.{field}: must map words to words")
        out[field] = {k.lower(): v.lower() for k, v in table.items()}
    for word in out["contractions"]:
        if not word.endswith(("nae", "na", "nie")) or len(word) < 5 or not word.isalpha():
            raise KnowledgeError(f"{where}: dialect.contractions: '{word}' is not a verb and its 'nae', 'na' or 'nie'")
    return out


def _unknown_concept(where: str, concept: str) -> bool:
    raise KnowledgeError(f"{where}: unknown concept '{concept}' "
                         "(not_followed_by, person_subject, intransitive, thing_subject, drug_object)")


@functools.lru_cache(maxsize=4)
def _cached(directory: str, fingerprint: str) -> KnowledgeBase:
    return load(directory)


# directory -> (the files' sizes and modification times, the content fingerprint they had)
_SEEN: Dict[str, Tuple[Tuple[Any, ...], str]] = {}


def _stat_key(directory: Path) -> Tuple[Any, ...]:
    key: List[Tuple[str, Optional[int], Optional[int]]] = []
    for name in KNOWLEDGE_FILES:
        try:
            stat = (directory / name).stat()
            key.append((name, stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:
            key.append((name, None, None))
    return tuple(key)


# directory -> when its files were last looked at (time.monotonic())
_CHECKED: Dict[str, float] = {}
# How long a look at the files' sizes and times holds: a knowledge file edited
# on a running server is seen within this many seconds.
CHECK_EVERY_S = 1.0


def default() -> KnowledgeBase:
    """The knowledge base, loaded once per content version.

    The files are read and hashed again only when one's size or modification
    time changed: reading all of them on every call took 0.47 ms, and the
    action server asks for the knowledge base several times a turn (a quarter
    of its time under load, py-spy). Their sizes and times are looked at once
    a second at most: the ten `stat` calls of each look were still 4 % of the
    action server's time at 1 user (py-spy, issue 16), for files that change
    only when someone edits them.
    """
    directory = str(Path(config.text("KNOWLEDGE_DIR") or DEFAULT_DIR))
    seen = _SEEN.get(directory)
    now = time.monotonic()
    if seen is None or now - _CHECKED.get(directory, -CHECK_EVERY_S) >= CHECK_EVERY_S:
        key = _stat_key(Path(directory))
        if seen is None or seen[0] != key:
            seen = _SEEN[directory] = (key, _fingerprint(Path(directory)))
        _CHECKED[directory] = now
    return _cached(directory, seen[1])


def coverage(kb: KnowledgeBase) -> Dict[str, int]:
    return {
        "sources": len(kb.sources),
        "causes": len(kb.causes),
        "evidence items": sum(len(c.evidence) for c in kb.causes.values()),
        "tests": len(kb.tests),
        "triage rules": len(kb.rules),
        "red flags": len(kb.red_flag_rules),
        "answers": len(kb.answers),
        "terms": len(kb.terms),
        "synonyms": sum(len(t.synonyms) for t in kb.terms),
    }


if __name__ == "__main__":  # pragma: no cover - command-line check
    import sys

    try:
        base = load(sys.argv[1] if len(sys.argv) > 1 else None)
    except KnowledgeError as error:
        print(f"knowledge base invalid: {error}", file=sys.stderr)
        sys.exit(1)
    print(f"knowledge base valid ({base.directory}, fingerprint {base.fingerprint})")
    for name, count in coverage(base).items():
        print(f"  {name:15} {count}")
