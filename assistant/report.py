"""A pasted scan report, read back in plain words, sentence by sentence.

Pure functions over the knowledge base, no Rasa. `read_report(text, kb)`
splits the report into its sentences, writes every term of
`knowledge/glossary.yml` in its plain words (the longest term first, so
"calcified granuloma" wins over "calcified"), and returns the sentences that
said something it could read, with the sources of the words it used.

Why substitution and not summary: the reader must be able to check the plain
reading against their own report, sentence by sentence; a summary would hide
which words of the report each plain phrase stands for, and could say what the
report does not. Every plain phrase comes from the glossary, which names its
sources; nothing else is added.

When a message is a report and not a chat line: it names a report section
("FINDINGS:", "IMPRESSION:"), or it uses at least three different glossary
terms. A chat line such as "my CT shows punctate calcifications" uses two
("CT", "punctate"/"calcifications" count one each), and reading it back would
only repeat it; the eight real-style reports of tests/test_report.py use four
to fifteen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from assistant.knowledge import GlossaryEntry, KnowledgeBase

MIN_TERMS = 3
# The scan's name alone ("CT", "ultrasound") says nothing about the finding:
# it is read in plain words but does not make a chat line a report.
NOT_COUNTED = frozenset({"ct", "us", "mri"})
# The reading's budget: with the form question after it, one turn stays under
# 1,200 characters on every surface (issue 13).
MAX_CHARS = 650

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\"'])|\n+")
_LIST_NUMBER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-*•])\s*")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Reading:
    """The plain reading of a report: its sentences, and the sources of the words used."""

    sentences: Tuple[str, ...]
    sources: Tuple[str, ...]
    terms: Tuple[str, ...] = field(default_factory=tuple)  # glossary ids used, in order
    left_out: int = 0  # sentences with nothing to explain, or over the budget


def _term_pattern(term: str) -> str:
    words = [re.escape(w) for w in term.split()]
    body = r"[\s-]+".join(words)
    return rf"(?<![\w-]){body}(?:e?s)?(?![\w-])"


@dataclass(frozen=True, eq=False)
class _Terms:
    """A glossary's terms prepared for matching: every term, longest first (the order of the
    alternatives), the entry of each group name, and each term's first word in lower case (what
    `_matcher` looks for in a text). Hashed by identity: one per glossary (`_terms`)."""

    ordered: Tuple[str, ...]
    by_group: Dict[str, GlossaryEntry]
    first_words: Tuple[str, ...]


# id(glossary) -> (the glossary, its terms); the glossary is held, so its id is not reused meanwhile.
_PREPARED: Dict[int, Tuple[Tuple[GlossaryEntry, ...], _Terms]] = {}


def _terms(glossary: Tuple[GlossaryEntry, ...]) -> _Terms:
    """The glossary's terms, prepared once per glossary.

    Why not `lru_cache`: its key hashes the glossary, a tuple of some hundred
    frozen entries hashed field by field, on every call (two to four a
    message): 6 % of the action server's time (py-spy, 1 user), for a tuple
    the knowledge base keeps as it is for its lifetime.
    """
    hit = _PREPARED.get(id(glossary))
    if hit is None or hit[0] is not glossary:
        owner: Dict[str, GlossaryEntry] = {}
        for entry in glossary:
            for term in entry.terms:
                owner[term] = entry
        ordered = tuple(sorted(owner, key=lambda t: (-len(t), t)))
        if len(_PREPARED) >= 8:
            _PREPARED.clear()
        hit = _PREPARED[id(glossary)] = (glossary, _Terms(
            ordered, {f"t{i}": owner[t] for i, t in enumerate(ordered)}, tuple(t.split()[0].lower() for t in ordered)))
    return hit[1]


@lru_cache(maxsize=512)
def _pattern(terms: _Terms, indices: Tuple[int, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?P<t{i}>{_term_pattern(terms.ordered[i])})" for i in indices) or r"(?!)",
                      re.IGNORECASE)


# The four non-ASCII letters that IGNORECASE matches to ASCII ones (Python's re documentation).
_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _matcher(glossary: Tuple[GlossaryEntry, ...], text: str) -> Tuple[re.Pattern, Dict[str, GlossaryEntry]]:
    """The glossary's pattern, cut to the terms whose first word the text holds.

    Why: the whole pattern (about 400 alternatives, each with a lookbehind)
    is tried at every character: 11 ms for an 87-character chat line, a third
    of the action server's time (py-spy), since every message is checked for
    a pasted report. A term whose first word is not in the text cannot match,
    so the cut pattern, same alternatives in the same order, finds exactly
    the same matches (tests/unit/test_report.py compares them on every bank
    and NLU example).
    """
    terms = _terms(glossary)
    folded = (text or "").translate(_ASCII_FOLDS).lower()
    indices = tuple(i for i, word in enumerate(terms.first_words) if word in folded)
    return _pattern(terms, indices), terms.by_group


def _full_matcher(glossary: Tuple[GlossaryEntry, ...]) -> Tuple[re.Pattern, Dict[str, GlossaryEntry]]:
    """Every term in one pattern: what `_matcher` must agree with (tests)."""
    terms = _terms(glossary)
    return _pattern(terms, tuple(range(len(terms.ordered)))), terms.by_group


def _section_pattern(sections: Iterable[str]) -> re.Pattern:
    names = sorted(sections, key=len, reverse=True)
    return re.compile(r"^\s*(" + "|".join(re.escape(n) for n in names) + r")\s*:\s*", re.IGNORECASE)


def sentences_of(text: str) -> List[str]:
    """The report's sentences: cut after . ! ? ; before a capital or a digit, and at line breaks."""
    parts = []
    for piece in _SENTENCE_END.split(text or ""):
        piece = _SPACES.sub(" ", piece).strip()
        if piece:
            parts.append(piece)
    return parts


def terms_in(text: str, kb: KnowledgeBase) -> List[GlossaryEntry]:
    """The glossary entries the text uses, once each, in order of appearance."""
    pattern, by_group = _matcher(kb.glossary, text)
    seen: Dict[str, GlossaryEntry] = {}
    for match in pattern.finditer(text or ""):
        entry = by_group[match.lastgroup or ""]  # every alternative of the pattern is a named group
        seen.setdefault(entry.id, entry)
    return list(seen.values())


def looks_like_report(text: str, kb: KnowledgeBase) -> bool:
    """A report (a section name, or three different glossary terms), not a chat line."""
    if not text or not kb.glossary:
        return False
    sections = _section_pattern(kb.sections)
    has_section = any(sections.match(s) for s in re.split(r"\n|(?<=[.:])\s+", text) if s.strip())
    found = [entry for entry in terms_in(text, kb) if entry.id not in NOT_COUNTED]
    return len(found) >= MIN_TERMS or (has_section and len(found) >= 1)


def plain_sentence(sentence: str, kb: KnowledgeBase) -> Tuple[str, List[GlossaryEntry]]:
    """The sentence with every glossary term in its plain words, and the entries used."""
    pattern, by_group = _matcher(kb.glossary, sentence)
    used: List[GlossaryEntry] = []

    def swap(match: re.Match) -> str:
        entry = by_group[match.lastgroup or ""]
        used.append(entry)
        return entry.plural if entry.plural and _is_plural(match.group(0)) else entry.plain

    text = pattern.sub(swap, sentence)
    return _tidy(text), used


def _is_plural(words: str) -> bool:
    """'foci', 'densities', 'granulomata', 'lesions' (not 'focus', 'metastasis', 'mass')."""
    last = words.lower().split()[-1]
    return last.endswith(("s", "ata", "ae", "ci")) and not last.endswith(("ss", "us", "sis"))


_REPEAT = re.compile(r"\b(\w+(?: \w+){1,3}) (?:the |an? )?\1\b", re.IGNORECASE)


def _tidy(text: str) -> str:
    text = _SPACES.sub(" ", text).strip(" ,;:-")
    text = _REPEAT.sub(r"\1", text)
    text = re.sub(r"\b(a|an|the) (a|an|the)\b", r"\2", text, flags=re.IGNORECASE)
    text = re.sub(r"\ba ([aeiou])", r"an \1", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    if text and text[-1] not in ".!?":
        text += "."
    return text[:1].upper() + text[1:]


_CLAUSE = re.compile(r",\s+")


def short_sentences(text: str) -> str:
    """A long plain sentence cut at its commas into short ones, when each part
    has four words or more ("..., likely a healed scar" -> "... Likely a healed
    scar."): a report's one long sentence reads at grade 9-10, its parts at 4-6."""
    pieces = _CLAUSE.split(text.rstrip("."))
    out = [pieces[0]]
    for piece in pieces[1:]:
        if len(piece.split()) >= 4 and len(out[-1].split()) >= 4:
            out.append(piece)
        else:
            out[-1] = f"{out[-1]}, {piece}"
    return " ".join(_tidy(p) for p in out)


def read_report(text: str, kb: KnowledgeBase, entities: Optional[Sequence[Dict]] = None,
                max_chars: int = MAX_CHARS) -> Optional[Reading]:
    """The plain reading of a pasted report, or None when the text is not a report.

    Sentence by sentence, in the report's order: each sentence that uses a
    glossary term, in plain words, after the plain words of its section
    ("IMPRESSION:" -> "The doctor who read the scan concludes:"). Sentences
    with no glossary term are left out and counted (the reader still has
    them in the report); so are sentences past `max_chars`. `entities` (the
    NLU's, optional) are not needed for the reading itself; they are taken so
    the caller can pass what it has, and a scan type found there is named by
    `intro`.
    """
    if not looks_like_report(text, kb):
        return None
    sections = _section_pattern(kb.sections)
    out: List[str] = []
    sources: List[str] = []
    used_ids: List[str] = []
    left_out = 0
    length = 0
    section_words = ""
    for sentence in sentences_of(text):
        match = sections.match(sentence)
        while match:
            section_words = kb.sections[" ".join(match.group(1).lower().split())]
            sentence = sentence[match.end():]
            match = sections.match(sentence)
        sentence = _LIST_NUMBER.sub("", sentence).strip()
        if not re.search(r"[A-Za-z]{2}", sentence):
            continue
        plain, used = plain_sentence(sentence, kb)
        if not used:
            left_out += 1
            continue
        plain = short_sentences(plain)
        if section_words:
            lower = plain[:1].lower() if plain[1:2].islower() else plain[:1]
            plain = f"{section_words} {lower}{plain[1:]}"
            section_words = ""
        if length + len(plain) > max_chars and out:
            left_out += 1
            continue
        out.append(plain)
        length += len(plain) + 3
        for entry in used:
            if entry.id not in used_ids:
                used_ids.append(entry.id)
            for source in entry.sources:
                if source not in sources:
                    sources.append(source)
    if not out:
        return None
    return Reading(tuple(out), tuple(sources), tuple(used_ids), left_out)


def intro(entities: Optional[Sequence[Dict]], kb: KnowledgeBase) -> str:
    """'Here is what your CT scan report says, in plain words:' (the scan named when the NLU found it)."""
    scans = [str(e.get("value")) for e in entities or [] if e.get("entity") == "imaging" and e.get("role") is None]
    scan = kb.label("imaging", scans[0]) if scans else "scan"
    return f"Here is what your {scan} report says, in plain words:"
