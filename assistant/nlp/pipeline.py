"""The project's own spaCy pipeline: clinical entities with their context.

Built from `knowledge/terms.yml` and `knowledge/context.yml` on a blank
English pipeline (no pretrained model exists here):

    sentencizer -> entity_ruler (terms, plurals, sizes, blockers)
                -> clinical_typo_matcher (one or two typos in long words)
                -> medspacy_context (negation, family, history, hypothetical)
                -> clinical_sign_reader (warning signs and plain symptoms as
                   concepts combined within a clause: `signs.py`)

`extract(doc)` turns the result into contract entities with roles.
Nothing here imports Rasa; `assistant.nlp.component` wraps it for Rasa.
"""



import dataclasses
import datetime
import hashlib
import json
import re
import unicodedata
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

import medspacy.context  # noqa: F401 - registers the "medspacy_context" factory
from medspacy.context import ConTextRule
from medspacy.context.context import DEFAULT_RULES_FILEPATH as DEFAULT_CONTEXT_RULES

from assistant import conversation, engine, knowledge
from assistant.nlp import sign_model
from assistant.nlp import signs as sign_reading
from assistant.nlp.spelling import deletes as _deletes, edit_distance

NOT_ENTITY = "NOT_ENTITY"
PLURAL_ENTITIES = frozenset({"finding", "condition", "symptom"})
SIZE = "size"
# Longest text we read: a pasted report is a few hundred words; beyond that,
# the tail is ignored so one message cannot stall the server.
MAX_CHARS = 5000
# ConText categories reported in an entity's `context` list (roles aside).
CONTEXT_FLAGS = (("HISTORICAL", "historical"), ("HYPOTHETICAL", "hypothetical"), ("POSSIBLE_EXISTENCE", "uncertain"),
                 ("OTHER_PERSON", "other"))


# --------------------------------------------------------------------------
# Term patterns
# --------------------------------------------------------------------------


def _plurals(phrase: str) -> List[str]:
    """'calcification' -> also 'calcifications'; only the last word changes."""
    head, _, last = phrase.rpartition(" ")
    if not last.isalpha() or len(last) < 3:
        return [phrase]
    if last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"] if not last.endswith("s") else []
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    else:
        forms = [last + "s"]
    return [phrase] + [f"{head} {form}".strip() for form in forms]


def ruler_patterns(kb: knowledge.KnowledgeBase) -> List[Dict[str, Any]]:
    """Entity-ruler patterns for every term, in a stable order (terms.yml as the loader validated it)."""
    patterns: List[Dict[str, Any]] = []
    seen = set()

    def add(label: str, value: str, pattern: Any) -> None:
        key = (label, value, json.dumps(pattern, sort_keys=True))
        if key not in seen:
            seen.add(key)
            patterns.append({"label": label, "id": value, "pattern": pattern})

    for term in kb.terms:
        phrases = [term.value.replace("_", " ")] + list(term.synonyms)
        for phrase in phrases:
            # Only nouns take plurals ("new" must not become "news").
            forms = _plurals(phrase.lower()) if term.entity in PLURAL_ENTITIES else [phrase.lower()]
            for form in forms:
                add(term.entity, term.value, form)
        for phrase in term.case_sensitive:
            add(term.entity, term.value, [{"TEXT": word} for word in phrase.split()])
        for token_pattern in term.token_patterns:
            add(term.entity, term.value, token_pattern)
    for token_pattern in kb.size_patterns:
        add(SIZE, SIZE, token_pattern)
    for phrase in kb.not_entities:
        add(NOT_ENTITY, NOT_ENTITY, phrase.lower())
    return patterns


def typo_lexicon(kb: knowledge.KnowledgeBase) -> Dict[str, List[str]]:
    """Single words long enough to recognise with a typo: word -> [label, value]."""
    lexicon: Dict[str, List[str]] = {}
    for term in kb.terms:
        for phrase in (term.value,) + term.synonyms:
            word = phrase.lower()
            if word.isalpha() and len(word) >= TypoMatcher.MIN_LENGTH:
                lexicon.setdefault(word, [term.entity, term.value])
    return dict(sorted(lexicon.items()))


# --------------------------------------------------------------------------
# Typo-tolerant matching (symmetric delete, as in SymSpell)
# --------------------------------------------------------------------------


def allowed_typos(word: str) -> int:
    return 1 if len(word) < 9 else 2


# The endings that make another form of the same word.
_INFLECTIONS = frozenset({"", "s", "es", "d", "ed", "ing", "e", "ies", "ied", "y"})


def _inflection(word: str, term: str) -> bool:
    """Is the known English `word` a form of the `term` ("collapse" of
    "collapsed", "confusing" of "confused", "tumours" of "tumour"), not another
    word one or two letters away ("following" of "yellowing", "humour" of
    "tumour", "cancel" of "cancer", "painted" of "fainted", "conclusion" of
    "confusion": all read as their terms across the independent sets and banks)?"""
    common = 0
    while common < min(len(word), len(term)) and word[common] == term[common]:
        common += 1
    return common >= 4 and word[common:] in _INFLECTIONS and term[common:] in _INFLECTIONS


@Language.factory("clinical_typo_matcher", default_config={"lexicon": {}, "real_words": []})
def make_typo_matcher(nlp: Language, name: str, lexicon: Dict[str, List[str]], real_words: List[str]):
    return TypoMatcher(lexicon, real_words)


class TypoMatcher:
    """Marks an unmatched long word as a term when it is one or two edits away."""

    MIN_LENGTH = 6

    def __init__(self, lexicon: Dict[str, List[str]], real_words: Sequence[str] = ()):
        self.lexicon = lexicon
        # Words that are words, not typos of a term (terms.yml `not_typos`):
        # "decreased" is two edits from "increased" and "regressed" from
        # "progressed", and both were read as growth (set H).
        self.real_words = frozenset(w.lower() for w in real_words)
        self.prefixes = frozenset(word[:3] for word in lexicon)
        self.index: Dict[str, List[str]] = {}
        for word in lexicon:
            for variant in _deletes(word, allowed_typos(word)):
                self.index.setdefault(variant, []).append(word)

    def lookup(self, token_text: str) -> Optional[List[str]]:
        text = token_text.lower()
        if text in self.lexicon or text in self.real_words or not text.isalpha() or len(text) < self.MIN_LENGTH:
            return None
        best: Optional[Tuple[int, str]] = None
        for variant in _deletes(text, allowed_typos(text)):
            for word in self.index.get(variant, ()):
                distance = edit_distance(text, word)
                if distance <= min(allowed_typos(word), allowed_typos(text)):
                    if best is None or (distance, word) < best:
                        best = (distance, word)
        if best is None or (text in sign_reading.english_words() and not _inflection(text, best[1])):
            return None
        return self.lexicon[best[1]]

    # A word split by the phone or by ear: "punk tate", "gran you loma",
    # "cir rhosis" (set H). Two or three pieces, one of them short, joined.
    SPLIT_PIECES, SHORT_PIECE, MIN_JOINED = 3, 4, 8

    def split_word(self, doc: Doc, start: int, taken: set) -> Optional[Tuple[int, List[str]]]:
        """(end, [label, value]) of the longest run of pieces from `start` that
        joined is a term (exactly, or within its typos); None if none."""
        best = None
        pieces = []
        for i in range(start, min(len(doc), start + self.SPLIT_PIECES)):
            token = doc[i]
            if i in taken or not token.is_alpha:
                break
            pieces.append(token.lower_)
            if len(pieces) < 2:
                continue
            joined = "".join(pieces)
            if len(joined) < self.MIN_JOINED or joined[:3] not in self.prefixes:
                continue  # a term's first three letters: cheap, and typos there are rare
            # Joined exactly ("metho trexate"), any pieces; with a typo as well, one piece short.
            hit = self.lexicon.get(joined) or (min(len(p) for p in pieces) <= self.SHORT_PIECE
                                               and self.lookup(joined))
            if hit:
                best = (i + 1, hit)
        return best

    def __call__(self, doc: Doc) -> Doc:
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        new = []
        for token in doc:
            if token.i in taken:
                continue
            hit = self.lookup(token.text)
            if hit:
                new.append(Span(doc, token.i, token.i + 1, label=hit[0], span_id=hit[1]))
                taken.add(token.i)
        for token in doc:
            if token.i in taken:
                continue
            split = self.split_word(doc, token.i, taken)
            if split:
                end, hit = split
                new.append(Span(doc, token.i, end, label=hit[0], span_id=hit[1]))
                taken.update(range(token.i, end))
        if new:
            doc.ents = filter_spans(list(doc.ents) + new)  # type: ignore[assignment]  # spaCy 3.4 stub: a 1-tuple
        return doc


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------


def _terminating_types(context: Mapping[str, Any]) -> Dict[str, List[str]]:
    return {k.upper(): [t.upper() for t in v] for k, v in (context.get("terminating_types") or {}).items()}


def _add_context(nlp: Language, rules: List[ConTextRule], terminating_types: Dict[str, List[str]]) -> None:
    # Set before adding rules: ConText applies it to each rule as it is added
    # (passed through the factory config, spaCy would turn the lists into
    # one-shot iterators).
    context: Any = nlp.add_pipe("medspacy_context", config={"rules": None, "excluded_types": [NOT_ENTITY]})
    context.terminating_types = terminating_types
    context.add(rules)


def _with_word_lists(pattern: Any, lists: Mapping[str, Sequence[str]]) -> Any:
    """A rule's "$kin" (or "$kin+young") replaced by context.yml's `word_lists`."""
    if isinstance(pattern, str) and pattern.startswith("$"):
        words: List[str] = []
        for name in pattern[1:].split("+"):
            if name not in lists:
                raise knowledge.KnowledgeError(f"context.yml: no word list {name!r}")
            words += [w.lower() for w in lists[name]]
        return list(dict.fromkeys(words))
    if isinstance(pattern, list):
        return [_with_word_lists(item, lists) for item in pattern]
    if isinstance(pattern, dict):
        return {key: _with_word_lists(value, lists) for key, value in pattern.items()}
    return pattern


def _context_rules(kb: knowledge.KnowledgeBase) -> List[ConTextRule]:
    rules = []
    lists = kb.context.get("word_lists") or {}
    for item in kb.context.get("rules") or []:
        rules.append(
            ConTextRule(
                literal=item["literal"],
                category=item["category"],
                pattern=_with_word_lists(item.get("pattern"), lists),
                direction=item.get("direction", "BIDIRECTIONAL"),
                max_scope=item.get("max_scope"),
                allowed_types=set(item["allowed_types"]) if item.get("allowed_types") else None,
                metadata={"points_back": True} if item.get("points_back") else None,
            )
        )
    return rules


# spaCy's sentence ends and the ellipses people type for one ("achey right
# upper tummy.. is this from the calcification?", bank S: the question's scope
# reached back over the signs before "..", and the triad was lost).
SENTENCE_ENDS = sorted(set(Sentencizer.default_punct_chars) | {"..", "...", "....", "…"})


def build(kb: Optional[knowledge.KnowledgeBase] = None) -> Language:
    """A fresh pipeline from the knowledge base; deterministic for given files."""
    kb = kb or knowledge.default()
    nlp = spacy.blank("en")
    _split_dialect_contractions(nlp, (kb.signs.get("dialect") or {}).get("contractions") or {})
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    ruler: Any = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(kb))
    nlp.add_pipe("clinical_typo_matcher", config={"lexicon": typo_lexicon(kb), "real_words": list(kb.not_typos)})
    dropped = {literal.lower() for literal in kb.context.get("drop_default_rules") or ()}
    defaults = [rule for rule in ConTextRule.from_json(DEFAULT_CONTEXT_RULES) if rule.literal.lower() not in dropped]
    _add_context(nlp, defaults + _context_rules(kb), _terminating_types(kb.context))
    reader: Any = nlp.add_pipe("clinical_sign_reader", config={"signs": dict(kb.signs)})
    reader.model = sign_model.train(kb.signs, reader.rules)
    nlp.meta["name"] = "clinical_liver_calcification"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["knowledge_fingerprint"] = nlp_fingerprint(kb)
    # Concept lists read after the entities (saved with the pipeline's meta.json).
    nlp.meta["change_of_other_things"] = dict(kb.context.get("change_of_other_things") or {})
    nlp.meta["finding_smaller"] = dict(kb.context.get("finding_smaller") or {})
    nlp.meta["self_limiting_forms"] = dict(kb.context.get("self_limiting_forms") or {})
    nlp.meta["report_readings"] = dict(kb.context.get("report_readings") or {})
    nlp.meta["everyday_causes"] = list(kb.context.get("everyday_causes") or ())
    nlp.meta["intended_weight_loss"] = list(kb.context.get("intended_weight_loss") or ())
    return nlp


def _split_dialect_contractions(nlp: Language, contractions: Mapping[str, str]) -> None:
    """"cannae", "didnae" split as spaCy splits "can't": the verb and a "not"
    (NORM "not"), so every concept written with "can't" or "didn't" reads them
    too (knowledge/signs.yml `dialect`). Saved with the tokenizer."""
    tokenizer: Any = nlp.tokenizer
    for word, verb in contractions.items():
        cut = len(word) - len(next(end for end in ("nae", "nie", "na") if word.endswith(end)))  # "din" + "nae"
        for form in (word, word.capitalize()):
            tokenizer.add_special_case(form, [{"ORTH": form[:cut], "NORM": verb}, {"ORTH": form[cut:], "NORM": "not"}])


def nlp_fingerprint(kb: knowledge.KnowledgeBase) -> str:
    """Changes whenever a file the pipeline is built from changes."""
    digest = hashlib.sha256()
    for name in ("terms.yml", "context.yml", "signs.yml"):
        digest.update((kb.directory / name).read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(sign_reading.__file__).read_bytes())
    digest.update((Path(__file__).parent / "spelling.py").read_bytes())
    digest.update(Path(sign_model.__file__).read_bytes())
    for bank in sign_model.bank_paths((kb.signs.get("learned") or {}).get("train") or ()):
        digest.update(bank.read_bytes())
    return digest.hexdigest()[:16]


def save(nlp: Language, path: Path) -> None:
    """Save with the ConText rules, which medspaCy does not serialise itself."""
    path = Path(path)
    nlp.to_disk(path, exclude=["medspacy_context", "clinical_sign_reader"])
    reader: Any = nlp.get_pipe("clinical_sign_reader")
    (path / "signs.json").write_text(json.dumps(reader.config), encoding="utf-8")
    sign_model.save(reader.model, path)
    context: Any = nlp.get_pipe("medspacy_context")
    rules = [_rule_dict(rule) for rule in context.rules]
    (path / "context_rules.json").write_text(json.dumps({"context_rules": rules}, indent=1, default=sorted),
                                             encoding="utf-8")
    (path / "context_config.json").write_text(json.dumps({"terminating_types": context.terminating_types}),
                                              encoding="utf-8")


def _rule_dict(rule: ConTextRule) -> Dict[str, Any]:
    """A rule as `ConTextRule.from_dict` takes it back.

    `ConText.add` copies the component's global `excluded_types` (NOT_ENTITY)
    onto every rule, also onto those with their own `allowed_types`, and
    `to_dict` writes both; `ConTextRule` refuses a rule with both, so the saved
    pipeline could not be loaded and every server built it anew (sign model
    training included) on its first message: a 9 s first reply. With
    `allowed_types` set, medspaCy never looks at `excluded_types`
    (`ConTextModifier.allows`), so dropping it changes nothing.
    """
    data = rule.to_dict()
    if data.get("allowed_types"):
        data.pop("excluded_types", None)
    return data


def load(path: Path) -> Language:
    path = Path(path)
    nlp = spacy.load(path, exclude=["medspacy_context", "clinical_sign_reader"])
    saved = json.loads((path / "context_config.json").read_text(encoding="utf-8"))
    _add_context(nlp, ConTextRule.from_json(str(path / "context_rules.json")), _terminating_types(saved))
    signs = json.loads((path / "signs.json").read_text(encoding="utf-8"))
    reader: Any = nlp.add_pipe("clinical_sign_reader", config={"signs": signs})
    reader.model = sign_model.load(path)
    nlp.meta.update(json.loads((path / "meta.json").read_text(encoding="utf-8")))
    return nlp


# --------------------------------------------------------------------------
# From a doc to contract entities
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ClinicalEntity:
    entity: str
    value: str
    start: int
    end: int
    text: str
    role: Optional[str]
    context: Tuple[str, ...]  # e.g. ("historical",), ("hypothetical",)

    def as_rasa(self) -> Dict[str, Any]:
        data: Dict[str, Any] = {
            "entity": self.entity,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "confidence_entity": 1.0,
        }
        if self.role:
            data["role"] = self.role
        if self.context:
            data["context"] = list(self.context)
        return data


# Markup: a script/style element with its content, or any tag such as <b> or </div>.
_TAG = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)|</?[a-z][a-z0-9-]*(\s[^<>]{0,200})?/?>", re.I | re.S)


def clean_text(text: Any) -> str:
    """Text safe to parse: a string, no markup or control characters, bounded length."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = _TAG.sub(" ", text[: MAX_CHARS * 2])
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") else ch for ch in text)
    return " ".join(text.split())[:MAX_CHARS]


def _categories(span: Span, entity_tokens: set) -> set:
    """ConText categories modifying the span, ignoring cues that are part of
    an entity's own words ("weren't there before" is a new finding; the "no"
    of "no change" denies nothing)."""
    found = set()
    cues: Dict[str, Tuple[int, int]] = {}
    doc = span.doc
    for modifier in getattr(doc._.context_graph, "modifiers", None) or ():
        # medspaCy's ": no" points back ("Fever: no"); followed by words it denies
        # them ("CT 2020: no liver calcification. CT 2024: 6 mm calcification":
        # set D read "CT: no" and an undenied finding).
        start, end = modifier.modifier_span
        # Not when the "no" is an entity's own ("reads: no interval change of the granuloma": set D).
        # Nor when another denial comes between: "findings: no ascites, no duct dilatation,
        # small calcified granuloma" has a "no" per denied item (`_denied_items_have_their_own`).
        if _colon_no_before_words(modifier, doc) and end <= span.start and doc[end].sent.start == span.sent.start \
                and end - 1 not in entity_tokens and not any(
                    m.category == "NEGATED_EXISTENCE" and end <= m.modifier_span[0] < span.start
                    for m in doc._.context_graph.modifiers):
            found.add("NEGATED_EXISTENCE")
            cues.setdefault("NEGATED_EXISTENCE", (start, end))
    for modifier in span._.modifiers:
        if _colon_no_before_words(modifier, doc) or _denial_ends_at_comma(modifier, span, entity_tokens) \
                or _relative_ends_at_question(modifier, span, entity_tokens) \
                or _denied_items_have_their_own(modifier, span) or sign_reading.refused_offer(modifier, doc):
            continue
        start, end = modifier.modifier_span
        if not entity_tokens.intersection(range(start, end)):
            found.add(modifier.category)
            cues.setdefault(modifier.category, (start, end))
    negated, family = cues.get("NEGATED_EXISTENCE"), cues.get("FAMILY")
    if negated and family and negated[1] < family[0] < span.start and not all(
            t.lower_ in _QUANTIFIED_FAMILY for t in span.doc[negated[1]:family[0]]):
        # "no jaundice, my mum had liver cancer": a relative named after the
        # denial starts a statement of their own. Right after it ("no family
        # history of cancer", "nobody in the family": set U) the relative is
        # what is denied.
        found.discard("NEGATED_EXISTENCE")
    if not found & _SOMEONE_ELSE:
        found |= _pronoun_points_back(span)
    return found


# The words between "nobody" / "none" and the family they quantify ("nobody in the family").
_QUANTIFIED_FAMILY = frozenset({"in", "of", "the", "my", "our", "from", "else", "at", "all"})
_LOCATIVES = frozenset({"on", "in", "at", "from", "by", "with", "via", "onto"})
_POSSESSIVES = frozenset({"the", "my", "a", "an", "this", "that", "his", "her", "their", "our", "latest", "last",
                          "recent", "new", "previous", "old", "older", "earlier", "prior", "first", "original"})


def _where_it_was_looked_for(span: Span) -> bool:
    """A scan after "on", "in", "at", "from" ("on the CT", "in my last
    ultrasound"): a place, which a denial before it does not deny."""
    i = span.start - 1
    while i >= span.sent.start and span.doc[i].lower_ in _POSSESSIVES:
        i -= 1
    return i >= span.sent.start and span.doc[i].lower_ in _LOCATIVES


_SOMEONE_ELSE = frozenset({"FAMILY", "OTHER_PERSON"})
_THIRD_PERSON = frozenset({"she", "he", "her", "his", "hers", "they", "their", "she's", "he's", "shes", "hes"})
_FIRST_PERSON_WORDS = frozenset({"i", "i'm", "im", "i've", "ive", "me", "my", "mine", "myself", "we", "our"})


def _pronoun_points_back(span: Span) -> set:
    """"a colleague at work told me her liver calcification turned out to be
    bowel cancer" (set H): the user's "me" ends the colleague's scope, but
    "her" after it is the colleague again. A third-person pronoun before the
    entity in its sentence, with no first-person word between them, points
    back to the nearest relative or other person named before it. Not
    across a comma, nor with the user's own words right after the entity."""
    doc = span.doc
    pronoun = None
    if _FIRST_PERSON_WORDS.intersection(_clause_words(doc, span.end, span.sent.end, set(), 1)):
        return set()  # "calcification in my liver": the user's own
    for token in reversed(doc[span.sent.start:span.start]):
        word = token.lower_
        if word in _FIRST_PERSON_WORDS or token.is_punct:
            break  # the user, or another clause ("...he died of cirrhosis, so when the CT said")
        if word in _THIRD_PERSON:
            pronoun = token.i
            break
    if pronoun is None:
        return set()
    named = [m for m in getattr(doc._.context_graph, "modifiers", None) or ()
             if m.category in _SOMEONE_ELSE and span.sent.start <= m.modifier_span[0] and m.modifier_span[1] <= pronoun]
    if not named:
        return set()
    return {max(named, key=lambda m: m.modifier_span[1]).category}


def _denial_ends_at_comma(modifier: Any, span: Span, entity_tokens: set) -> bool:
    """"her english isnt good, she has been itching for weeks" (set I): a
    denial that names nothing up to the next comma, where a new clause starts,
    has denied what it was about ("good"); the entity after the comma is not
    in its scope. "no fever, itching or pain" is one list and stays denied.
    The sign reader does the same (signs._to_comma)."""
    if modifier.category != "NEGATED_EXISTENCE" or getattr(modifier, "direction", "") != "FORWARD":
        return False
    comma = _comma_between(modifier, span)
    if comma is None:
        return False
    if _subject_and_verb_after(span.doc, comma, span):
        return True
    if entity_tokens.intersection(range(modifier.modifier_span[1], comma)):
        return False
    return _word_after(span.doc, comma) in sign_reading.CLAUSE_STARTS


# "it" too: "not methotrexate, it's amiodarone" (set L) is a new clause.
_DETERMINERS_OF_SUBJECT = frozenset({"the", "this", "that", "these", "those", "its", "his", "her", "our", "their",
                                     "it"})
_VERBS_OF_A_CLAUSE = frozenset({"is", "are", "was", "were", "has", "have", "had", "shows", "showed", "show",
                                "says", "said", "looks", "looked", "seems", "remains", "remained", "measures",
                                "measured", "stays", "stayed", "'s", "appears", "appeared"})


def _subject_and_verb_after(doc: Doc, comma: int, span: Span) -> bool:
    """"I've had no fever or tummy pain, the CT calcification is unchanged"
    (set H): after the comma a new clause with its own subject ("the CT
    calcification") and verb ("is"), up to the span's end: the denial's list
    ended at the comma. A list ("no fever, the itching or pain") has no verb."""
    if _word_after(doc, comma) not in _DETERMINERS_OF_SUBJECT:
        return False
    for token in doc[comma + 2:min(len(doc), max(span.end, comma + 2) + 4)]:
        if token.text in (",", ";", ".") or token.is_sent_start:
            return False
        if token.lower_ in _VERBS_OF_A_CLAUSE:
            return True
    return False


def _comma_between(modifier: Any, span: Span) -> Optional[int]:
    """The first comma between a cue that comes before the span and the span."""
    cue_end = modifier.modifier_span[1]
    if cue_end > span.start:
        return None
    return next((t.i for t in span.doc[cue_end:span.start] if t.text == ","), None)


def _word_after(doc: Doc, i: int) -> str:
    return doc[i + 1].lower_ if i + 1 < len(doc) else ""


def _relative_ends_at_question(modifier: Any, span: Span, entity_tokens: set) -> bool:
    """"my mum had bowel cancer, does that make mine more likely to be cancer?"
    (set D): a question opening after the comma is the user's; the cancer it
    names is not the mother's."""
    if modifier.category != "FAMILY" or getattr(modifier, "direction", "") not in ("FORWARD", "BIDIRECTIONAL"):
        return False
    comma = _comma_between(modifier, span)
    if comma is None or entity_tokens.intersection(range(comma, span.start)):
        return False
    return _word_after(span.doc, comma) in _QUESTION_OPENERS


def _denied_items_have_their_own(modifier: Any, span: Span) -> bool:
    """"no duct dilatation, no stones, tiny calcific focus, benign" (set C): a
    list whose denied items each have their own "no"; an item after a comma
    without one is not denied. "no fever, itching or pain" has one "no" for
    its whole list and stays denied."""
    if modifier.category != "NEGATED_EXISTENCE" or getattr(modifier, "direction", "") != "FORWARD":
        return False
    doc = span.doc
    sent = span.sent
    cues = sorted(m.modifier_span for m in getattr(doc._.context_graph, "modifiers", None) or ()
                  if m.category == "NEGATED_EXISTENCE" and sent.start <= m.modifier_span[0]
                  and m.modifier_span[1] <= span.start)
    if len(cues) < 2 or tuple(modifier.modifier_span) != tuple(cues[-1]):
        return False
    last, before = cues[-1], cues[-2]
    commas_between = [t for t in doc[before[1]:last[0]] if t.text == ","]
    comma_after = [t for t in doc[last[1]:span.start] if t.text == ","]
    return bool(commas_between) and bool(comma_after) and doc[comma_after[-1].i + 1].lower_ not in _DENIALS


# A question's own "not" ("r u sure its not cancer", "isn't it TB?", "could
# it not be a cyst") asks; it denies nothing (CONTRACT: a condition named in
# a question has no role). "no", "never" still deny inside a question ("never
# had cancer, so is this ok?"): only the verb's negation is the question's.
_QUESTION_NEGATIONS = frozenset({"not", "n't", "nt", "isnt", "isn't", "arent", "aren't", "cant", "can't", "couldnt",
                                 "couldn't", "wouldnt", "wouldn't", "wasnt", "wasn't"})
_DENIALS = frozenset({"no", "never", "nothing", "none", "without", "denies", "deny", "free", "negative", "nil"})
_QUESTION_OPENERS = frozenset({"is", "are", "can", "could", "would", "will", "might", "may", "should", "does", "do",
                               "did", "r", "sure", "isnt", "isn't", "arent", "aren't", "how", "what", "why", "which",
                               "hw", "hows", "wat", "wht", "wot", "whats", "what's", "y"})


def _question_negation(span: Span) -> bool:
    """Is the denial of this condition no denial, because it is asked? The
    sentence asks ("?", a question word or "(are you) sure" first), and each
    negation before the condition is the question's own verb ("isn't it") or
    ends before the question starts ("never had cancer, could this be
    metastases?": the clause after the comma asks)."""
    sent = span.sent
    doc = span.doc
    words = [t.lower_ for t in sent]
    asks = "?" in words or (words and words[0] in _QUESTION_OPENERS) or "sure" in words[:3]
    if not asks:
        return False

    def asked(modifier: Any) -> bool:
        start, end = modifier.modifier_span
        if not (sent.start <= start and end <= span.start):
            return False
        cue = {t.lower_ for t in doc[start:end]}
        if cue & _QUESTION_NEGATIONS and not cue & _DENIALS:
            return True
        between = doc[end:span.start]
        return any(t.lower_ == "," and t.i + 1 < span.start and doc[t.i + 1].lower_ in _QUESTION_OPENERS
                   for t in between)

    negations = [m for m in span._.modifiers if m.category == "NEGATED_EXISTENCE"]
    return bool(negations) and all(asked(m) for m in negations)


def _colon_no_before_words(modifier: Any, doc: Doc) -> bool:
    literal = getattr(getattr(modifier, "rule", None), "literal", "")
    end = modifier.modifier_span[1]
    return literal in (": no", ": none") and end < len(doc) and doc[end].is_alpha


def _role(categories: set) -> Optional[str]:
    # A denied relative's illness ("no family history of cancer") is a denial.
    if "NEGATED_EXISTENCE" in categories:
        return "negated"
    if "FAMILY" in categories:
        return "family"
    return None


_CONDITIONAL = frozenset({"if", "unless", "whether", "should", "once", "case", "will", "would", "ever", "'ll"})


_MAYBE_LATER = frozenset({"might", "could", "may", "can"})


def _conditional(span: Span) -> bool:
    """A change imagined: "if it gets bigger", "will it grow", and "does that
    mean it might grow?" (set J: read as growth once a change made the
    question about the user's own scan); "it may have grown" is a hedge about
    the scan and stays."""
    before = span.doc[max(span.sent.start, span.start - 6):span.start]
    if any(t.lower_ in _CONDITIONAL for t in before):
        return True
    near = [t.lower_ for t in span.doc[max(span.sent.start, span.start - 2):span.start]]
    perfect = {"have", "'ve", "has"} & (set(near) | {span[0].lower_})
    return bool(_MAYBE_LATER.intersection(near)) and not perfect


def entities_from_doc(doc: Doc) -> List[ClinicalEntity]:
    out = []
    entity_tokens = {i for span in doc.ents if span.label_ != NOT_ENTITY for i in range(span.start, span.end)}
    for span in doc.ents:
        if span.label_ == NOT_ENTITY:
            continue
        value = span.text if span.label_ == SIZE else span.ent_id_
        categories = _categories(span, entity_tokens)
        role = None if span.label_ == SIZE else _role(categories)
        if role == "negated" and span.label_ == "condition" and _question_negation(span):
            role, categories = None, (categories - {"NEGATED_EXISTENCE"}) | {"HYPOTHETICAL"}
        if role is None and span.label_ in ("condition", "symptom", "medication") \
                and (sign_reading.answered_no(doc, span.sent)
                     or sign_reading.asked_and_denied(doc, span.sent, span.start)
                     or sign_reading.asked_then_denied_next(doc, span.sent)):
            # "TB? no. Hepatitis? no. Cancer? also no." (set D): each asked and answered.
            role, categories = "negated", (categories - {"HYPOTHETICAL"}) | {"NEGATED_EXISTENCE"}
        if span.label_ == "imaging" and role == "negated" and _where_it_was_looked_for(span):
            # "no sign of cancer on the CT" (set H): the CT is where it was looked for, not what is denied.
            role, categories = None, categories - {"NEGATED_EXISTENCE"}
        if span.label_ == "change" and value == "new" and span.start and doc[span.start - 1].lower_ == "no":
            # "No new lesions" (sets B, C, H, K: every author who wrote it) is
            # change=new denied; conversation.facts_from_entities reads it as stable.
            role = "negated"
        elif span.label_ == "change" and role:
            # "not growing", "not new" say the finding is stable; change has no role.
            value, role = ("stable" if role == "negated" else value), None
        flags = tuple(name for category, name in CONTEXT_FLAGS if category in categories)
        if span.label_ == "change" and _conditional(span):
            # "if it gets bigger they would biopsy": a change imagined is no change
            # (one asked about, "is this growing one dangerous?", still says what the
            # scan showed); conversation.facts_from_entities drops it.
            flags = tuple(dict.fromkeys(flags + ("conditional",)))
        out.append(ClinicalEntity(span.label_, value, span.start_char, span.end_char, span.text, role, flags))
    return _with_appeared_finding(doc, _with_measured_change(doc, _with_signs(doc, out)))


# Words near a size that place it in time ("6 mm last year", "now 9 mm").
_EARLIER = frozenset({"last", "previous", "previously", "before", "prior", "earlier", "was", "were", "then", "original",
                      "originally", "old", "first", "ago", "from", "initially", "back"})
_LATER = frozenset({"now", "this", "today", "latest", "new", "current", "currently", "recent", "is", "to", "measures",
                    "measured", "grown", "week", "since"})
_TURNS = frozenset({"compared", "vs", "versus", "against", "than", "and", "but", "whereas", "while"})
_FROM_TO = re.compile(r"\bfrom (\d+(?:[.,]\d+)?)\s*(?:mm|cm)? (?:to|up to|now) (\d+(?:[.,]\d+)?)\s*(mm|cm)\b", re.I)


# "it was 4mm in 2022 now 7", "5 mm, now 9" (set U): the later size with its unit left out.
_THEN_NOW = re.compile(r"\b(\d+(?:[.,]\d+)?)\s*(mm|cm)\b[^.?!]{0,40}?\b(?:now|currently|today|this time)\s+"
                       r"(?:it'?s\s+|its\s+|is\s+|measures\s+|at\s+)?(\d+(?:[.,]\d+)?)\b(?!\s*(?:mm|cm|years?|yrs?|"
                       r"months?|weeks?|days?|%|kg|lbs?|am|pm|o'?clock))", re.I)


_SMALLER = frozenset({"smaller", "shrunk", "shrunken", "shrinking", "shrank", "reduced", "decreased", "regressed",
                      "regressing", "shrink"})
_COMPARING = frozenset({"compared", "vs", "versus", "than", "since", "grew", "grown", "growing", "bigger", "larger",
                        "same", "unchanged", "change", "changed", "went", "gone", "increased"})


def _millimetres(text: str) -> Optional[float]:
    return engine.size_in_mm(text)  # one reading of a size, words too ("half a centimetre")


def measured_change(doc: Doc, sizes: Sequence[ClinicalEntity]) -> Optional[str]:
    """Two sizes of the finding compared in one message: "6 mm last year and
    9 mm now" is growing; "8mm in 2022, 0.8 cm this week" and "7mm then, 6mm
    now" are stable (smaller is not growing). Which is earlier comes from the
    words beside each size ("last year", "now", "from ... to"), else from the
    order they are written in. None when the message has fewer than two."""
    ranged = _FROM_TO.search(doc.text)
    if ranged:  # "went from 5 to 8 mm": the unit is written once
        return _compared(*_one_unit(ranged, 1, 2, 3))
    then_now = _THEN_NOW.search(doc.text)
    if then_now and len(sizes) == 1 and float(then_now.group(3).replace(",", ".")) < 100:
        return _compared(*_one_unit(then_now, 1, 3, 2))
    sized = [(e, _millimetres(e.text)) for e in sizes]
    measured = [(e, mm) for e, mm in sized if mm is not None and mm > 0]
    if len(measured) < 2:
        return None

    def when(entity: ClinicalEntity) -> int:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            return 0
        # The words of its own part of the sentence: up to 3 before, 3 after, not past a
        # comma or a word that turns to the other size ("9mm now compared with 4mm two
        # years ago": "now" is the 9 mm's, "ago" the 4 mm's; set C read it as stable).
        before, after = [], []
        for t in reversed(doc[max(span.sent.start, span.start - 3):span.start]):
            if t.is_punct or t.lower_ in _TURNS:
                break
            before.append(t.lower_)
        for t in doc[span.end:min(span.sent.end, span.end + 3)]:
            if t.is_punct or t.lower_ in _TURNS:
                break
            after.append(t.lower_)
        around = before + after
        years = [int(t) for t in around if t.isdigit() and len(t) == 4 and 1950 < int(t) < 2100]
        later = sum(w in _LATER for w in around)
        earlier = sum(w in _EARLIER for w in around)
        if years:
            # "CT found a 9mm calcification, it was 6mm in 2022" (set X): a year
            # before this one places its size earlier; this year's, now.
            return -1 if max(years) < sign_reading._this_year() else 1
        return (later > earlier) - (earlier > later)

    words = {t.lower_ for t in doc}
    # "slightly smaller than in 2020 (0.6cm vs 0.7cm)" (set G): the message says
    # which way, and smaller is not growing, whatever order the sizes are in.
    if words & _SMALLER:
        return "stable"
    # "two calcified granulomas, 4 mm and 6 mm" (set G): two spots, not one
    # spot at two times; sizes compare only with a word of time or comparison.
    if not (words & (_EARLIER | _LATER | _COMPARING) or _YEAR.search(doc.text)):
        return None
    # "now measures 9 mm, previously 4 mm", after "2021: '4 mm'" (set J): the
    # sizes whose own words place them, latest against earliest; else the order.
    placed = [(when(e), e, mm) for e, mm in measured]
    earlier = [p for p in placed if p[0] < 0]
    later = [p for p in placed if p[0] > 0]
    if earlier and later:
        return _compared(earlier[-1][2], later[-1][2])
    first, last = measured[0], measured[-1]
    if when(first[0]) > when(last[0]):  # "9 mm now, it was 6 mm last year"
        first, last = last, first
    return _compared(first[1], last[1])


def _one_unit(match: "re.Match[str]", before: int, after: int, unit: int) -> Tuple[float, float]:
    """The two sizes of a match, in millimetres, with the unit written once."""
    scale = 10.0 if match.group(unit).lower().startswith("c") else 1.0
    return (float(match.group(before).replace(",", ".")) * scale, float(match.group(after).replace(",", ".")) * scale)


def _compared(before: float, after: float) -> str:
    return engine.compared_sizes(before, after)


def _with_measured_change(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """A change measured from two sizes replaces the change words of the same
    message that were asked about ("is it bigger??") or contradict it; "new"
    (a finding not seen before) stays."""
    sizes = [e for e in found if e.entity == SIZE]
    change = measured_change(doc, sizes)
    if change is None or not sizes:
        return found
    def asked(entity: ClinicalEntity) -> bool:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        # Asked or imagined; not a past time ("has grown ... compared with 4mm two
        # years ago" is a growth the message states, set C).
        return bool(set(entity.context) - {"historical"}) or (
            span is not None and span.sent.text.rstrip().endswith("?"))

    # A growth the message states ("it grew from 4 to 4.5 mm") stands: growth
    # missed is worse than growth overstated.
    if change == "stable" and any(e.entity == "change" and e.value == "growing" and not asked(e) for e in found):
        return found
    kept = [e for e in found if not (e.entity == "change" and e.value != "new")]
    last = sizes[-1]
    return kept + [ClinicalEntity("change", change, last.start, last.end, last.text, None, ())]


_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_BEFORE_SCAN = frozenset({"previous", "previously", "prior", "last", "before", "old", "older", "earlier", "original",
                          "first"})


def _with_appeared_finding(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """A finding absent on an earlier scan and present on a later one is new:
    "CT 2020: no liver calcification. CT 2024: 6 mm calcification" (set D read
    a denied finding and a finding, no change). Earlier: an earlier year, or
    the absent one's sentence names a previous scan. Nothing when the message
    says the change itself."""
    if any(e.entity == "change" for e in found):
        return found

    def sentence(entity: ClinicalEntity) -> Optional[Span]:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        return span.sent if span is not None else None

    findings = [e for e in found if e.entity == "finding"]
    for absent in (e for e in findings if e.role == "negated"):
        for present in (e for e in findings if e.role is None and e.start > absent.end):
            was, now = sentence(absent), sentence(present)
            if was is None or now is None or was.start == now.start:
                continue
            years_was, years_now = _YEAR.findall(was.text), _YEAR.findall(now.text)
            earlier = (years_was and years_now and max(years_was) < min(years_now)) or (
                not years_now and any(t.lower_ in _BEFORE_SCAN for t in was))
            if earlier:
                return found + [ClinicalEntity("change", "new", present.start, present.end, present.text, None, ())]
    # "CT Jan 2023 liver normal. CT Nov 2024: 4 mm calcific focus" (set O): an
    # earlier dated scan read as normal, with no finding named, is the absence.
    for present in (e for e in findings if e.role is None):
        if _clear_earlier_clause(doc, present, findings):
            return found + [ClinicalEntity("change", "new", present.start, present.end, present.text, None, ())]
        now = sentence(present)
        years_now = _YEAR.findall(now.text) if now is not None else []
        if now is None or not years_now:
            continue
        for was in doc.sents:
            if was.start >= now.start or any(was.start_char <= e.start < was.end_char for e in findings):
                continue
            years_was = _YEAR.findall(was.text)
            if years_was and max(years_was) < min(years_now) and _NORMAL.intersection(t.lower_ for t in was):
                return found + [ClinicalEntity("change", "new", present.start, present.end, present.text, None, ())]
    return found


_NORMAL = frozenset({"normal", "clear", "unremarkable", "nothing", "nil", "fine"})
_SCAN_WORDS = frozenset({"scan", "scans", "ct", "mri", "ultrasound", "sonogram", "x-ray", "xray", "study", "one",
                         "imaging", "report", "liver"})


def _clear_earlier_clause(doc: Doc, present: ClinicalEntity, findings: List[ClinicalEntity]) -> bool:
    """"my scan from 2018 was clear but this one shows a calcified granuloma"
    (set R, reassured): in the finding's own sentence, a clause before it that
    reads an earlier scan (a year, "last", "previous") as normal, with no
    finding named there, and no earlier time in the finding's own clause."""
    span = doc.char_span(present.start, present.end, alignment_mode="expand")
    if span is None:
        return False
    start, _ = _clause_of(doc, span.start)
    sent = span.sent
    if start <= sent.start:
        return False
    last = start - 1
    while last >= sent.start and (doc[last].is_punct or doc[last].lower_ in _CLAUSE_STOPS):
        last -= 1  # ", and now": to the clause before
    if last < sent.start:
        return False
    was = doc[_clause_of(doc, last)[0]:last + 1]
    now = doc[start:span.end]
    words = {t.lower_ for t in was}
    if any(was.start_char <= e.start < was.end_char for e in findings) or not words & _NORMAL \
            or not words & _SCAN_WORDS:
        return False
    years_was = [int(y) for y in _YEAR.findall(was.text)]
    years_now = [int(y) for y in _YEAR.findall(now.text)]
    if years_now and (not years_was or min(years_now) <= max(years_was)):
        return False
    return bool(years_was or words & _BEFORE_SCAN) and not {t.lower_ for t in now} & _BEFORE_SCAN


# A clause that says the finding was not on an earlier scan: a denial, what
# shows a thing, a time before ("it wasnt there before", "not seen on the
# previous study", "nothing was there on my 2019 CT", "it didn't show up on
# the old scan"). Concepts combined within the clause, not phrases.
_NOT_THERE = frozenset({"not", "n't", "nt", "never", "nothing", "wasnt", "werent", "didnt", "hadnt", "wasn't",
                        "weren't", "didn't", "hadn't"})
_SHOWING = frozenset({"there", "seen", "present", "visible", "show", "showed", "shown", "shows", "showing", "noted",
                      "mentioned", "appear", "appeared", "detected", "found", "picked", "reported", "on", "in",
                      "evident", "identified"})
_BETWEEN_SHOWING = frozenset({"was", "were", "is", "are", "been", "be", "even", "really", "actually", "yet", "ever",
                              "up", "have", "has", "had", "did", "do", "does"})
_TIME_BEFORE = _BEFORE_SCAN | {"then", "ago", "back", "previously", "before"}
# What may say "it" before the denial: the finding, or a word standing for it.
_IT = frozenset({"it", "they", "this", "that", "these", "those", "which", "nothing", "none", "spot", "spots", "one",
                 "ones", "thing", "things", "lesion", "lesions", "focus", "foci", "calcification", "calcifications",
                 "calcs", "granuloma", "granulomas", "deposit", "deposits"})
_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "had", "has", "have", "did", "do", "does", "'s", "s"})
_CLAUSE_STOPS = frozenset({"but", "so", "and", "because", "whereas", "while", "now", "though", "although", "however",
                           "which"})


def _clause_of(doc: Doc, i: int) -> Tuple[int, int]:
    """The token range of the clause around token i: within its sentence, not
    past punctuation or a word that starts another clause."""
    sent = doc[i].sent
    start = i
    while start > sent.start and not (doc[start - 1].is_punct or doc[start - 1].lower_ in _CLAUSE_STOPS):
        start -= 1
    end = i + 1
    while end < sent.end and not (doc[end].is_punct or doc[end].lower_ in _CLAUSE_STOPS):
        end += 1
    return start, end


def _with_absent_before(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """The finding said to be absent on an earlier scan is new (set R: "it
    wasnt there on the 2019 CT so it must be new" read as stable, "a
    calcification in the liver that wasnt there before" as no change). In one
    clause: a denial ("not", "wasnt", "never", "nothing"), then a word of being
    shown ("there", "seen", "on", "show up"), and a time before ("before",
    "previous", "old", a year), with the finding or "it" as what is denied,
    never a person ("I wasn't there before"). A scan in that clause is where
    it was looked for, not denied. Nothing when the message states a change."""
    stated = any(e.entity == "change" and e.value in ("new", "growing") and not e.context for e in found)
    for token in doc:
        if token.lower_ not in _NOT_THERE:
            continue
        start, end = _clause_of(doc, token.i)
        before = [t.lower_ for t in doc[start:token.i]]
        subject = [w for w in before if w not in _AUXILIARIES][-1:]
        if subject and subject[0] not in _IT and token.lower_ != "nothing":
            continue  # "the pain was not there before"
        if any(w in _PEOPLE_SPEAKING for w in before):
            continue  # "I wasn't there before"
        j = token.i + 1
        while j < end and doc[j].lower_ in _BETWEEN_SHOWING:
            j += 1
        if j >= end or doc[j].lower_ not in _SHOWING:
            continue
        if not any(t.lower_ in _TIME_BEFORE or _YEAR.fullmatch(t.text) for t in doc[j:end]):
            continue
        clause = doc[start:end]
        kept = []
        for e in found:
            inside = clause.start_char <= e.start < clause.end_char
            if inside and e.entity == "imaging" and e.role == "negated":
                e = dataclasses.replace(e, role=None)  # where it was looked for
            if inside and e.entity == "change" and not stated:
                continue  # "not new" inside the clause that says it is new
            kept.append(e)
        if stated or any(e.entity == "change" for e in kept):
            return kept
        return kept + [ClinicalEntity("change", "new", clause.start_char, clause.end_char, clause.text, None, ())]
    return found


# An earlier scan's words without "last" (often this very scan), with "ago".
_EARLIER_SCAN_TIME = (_BEFORE_SCAN - {"last"}) | {"ago", "originally"}


def _with_clear_earlier_scan(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """An earlier scan said to be normal, in a message naming no finding, makes
    the finding told of next a new one (sets R and S: "my scan from 2018 was
    clear", "I had an ultrasound in 2021 that was completely normal", then the
    finding: both reassured). One clause: a scan, a word of normal ("normal",
    "clear", "fine", "unremarkable"), not denied ("wasn't clear" is a poor
    picture), and an earlier time (a past year, "previous", "ago"; not "last",
    which is often this one). Not in a question. The conversation keeps the
    change for the finding (conversation.facts_from_entities)."""
    if any(e.entity in ("finding", "change") for e in found):
        return found
    this_year = datetime.date.today().year
    for token in doc:
        if token.lower_ not in _NORMAL or token.lower_ == "nothing":
            continue
        start, end = _clause_of(doc, token.i)
        sent = token.sent
        if sent.text.rstrip().endswith("?") or any(t.lower_ in ("not", "n't", "nt", "never", "un") for t in
                                                   doc[max(start, token.i - 3):token.i]):
            continue
        clause = doc[start:end]
        words = {t.lower_ for t in clause}
        scanned = bool(words & _SCAN_WORDS - {"liver", "one", "report"}) or any(
            e.entity == "imaging" and clause.start_char <= e.start < clause.end_char for e in found)
        years = [int(t.text) for t in clause if _YEAR.fullmatch(t.text)]
        earlier = bool(words & _EARLIER_SCAN_TIME) or any(y < this_year for y in years)
        if scanned and earlier:
            return found + [ClinicalEntity("change", "new", clause.start_char, clause.end_char, clause.text, None, ())]
    return found


_PEOPLE_SPEAKING = frozenset({"i", "we", "you", "he", "she", "i'm", "im", "i've", "ive", "i'd", "we've", "me"})

# Counts compared over time ("2 calcifications on my old CT and now there are
# 5", "three spots in 2019, five now"): a number with no unit after it, placed
# in time by the words beside it as sizes are (`measured_change`).
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "single": 1}
_NOT_COUNTS = frozenset({"mm", "cm", "millimetres", "millimeters", "centimetres", "centimeters", "%", "years", "year",
                         "yrs", "yr", "months", "month", "weeks", "week", "days", "day", "times", "x", "kg", "lbs",
                         "lb", "st", "stone", "am", "pm", "hours", "hour", "mg", "yo", "/", "of", "out"})


def _count(token: Any) -> Optional[int]:
    text = token.lower_
    if text.isascii() and text.isdigit() and len(text) <= 2:  # not "²", which int() refuses
        return int(text)
    return _NUMBER_WORDS.get(text)


def _with_counted_change(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """More of the finding than on an earlier scan is new ones (set R: "there
    were 2 calcifications in my liver on my old CT and now there are 5" was
    reassured); as many is stable; fewer is not growing. Each count is placed
    by the words of its own clause (`_EARLIER`, `_LATER`, a year); nothing
    unless one count is earlier and another later, or when the message states
    a change."""
    if any(e.entity == "change" for e in found):
        return found
    placed = []
    counted = False  # a count of the finding ("2 calcifications", "five spots"), not only numbers
    for token in doc:
        n = _count(token)
        if n is None or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _NOT_COUNTS):
            continue
        if token.i and doc[token.i - 1].lower_ in ("i'm", "im", "aged", "age", "am", "/", "of", "x"):
            continue
        start, end = _clause_of(doc, token.i)
        if start and doc[start - 1].lower_ in ("now", "then"):
            start -= 1  # "... and now there are 5": the word that starts the clause places it
        words = [t.lower_ for t in doc[start:end] if t.i != token.i]
        years = [int(w) for w in words if w.isdigit() and len(w) == 4]
        earlier = sum(w in _EARLIER for w in words)
        later = sum(w in _LATER for w in words)
        when = (later > earlier) - (earlier > later)
        if when or years:
            placed.append((years[0] if years else 0, when, n, token))
            near = doc[min(end, token.i + 4) - 1].idx
            counted = counted or any(e.entity == "finding" and token.idx < e.start <= near for e in found) \
                or any(t.lower_ in _IT for t in doc[token.i + 1:min(end, token.i + 3)])
    if not counted:
        return found
    dated = [p for p in placed if p[0]]
    if len({p[0] for p in dated}) >= 2:
        first, last = min(dated, key=lambda p: p[0]), max(dated, key=lambda p: p[0])
    else:
        before = [p for p in placed if p[1] < 0 and not p[0]]
        after = [p for p in placed if p[1] > 0 and not p[0]]
        if not before or not after:
            return found
        first, last = before[0], after[-1]
    value = "new" if last[2] > first[2] else "stable"
    token = last[3]
    return found + [ClinicalEntity("change", value, token.idx, token.idx + len(token.text), token.text, None, ())]


def _reading_entity(doc: Doc, reading: "sign_reading.SignReading") -> ClinicalEntity:
    span = doc[reading.start:reading.end]
    return ClinicalEntity("symptom", reading.value, span.start_char, span.end_char, span.text, reading.role,
                          reading.context)


def _overlaps(a: ClinicalEntity, b: ClinicalEntity) -> bool:
    return a.start < b.end and b.start < a.end


# Pain values that stand alone for their mention (CONTRACT.md): no
# abdominal_pain beside them.
NARROWER_PAIN = frozenset({"severe_abdominal_pain", "pain_after_fatty_meals"})


def _with_signs(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """The sign reader decides the warning signs (its concepts and scope read
    them better than the phrase list: 31 % -> see README); plain symptoms it
    reads are added where the phrase list found nothing of the same value.
    `severe_abdominal_pain` replaces the `abdominal_pain` of the same mention."""
    readings = list(doc._.signs or ())
    sign_values = set(doc._.sign_values or ())
    if not sign_values:
        return found
    out = [e for e in found if not (e.entity == "symptom" and e.value in sign_values)]
    for reading in readings:
        entity = _reading_entity(doc, reading)
        if entity.value not in sign_values and any(
                e.entity == "symptom" and e.value == entity.value and _overlaps(e, entity) for e in out):
            # The reader's scope (a whole clause, proxies, time) decides whose
            # and when; the phrase list's span is kept.
            same = [e for e in out if e.entity == "symptom" and e.value == entity.value and _overlaps(e, entity)]
            out = [e for e in out if e not in same]
            first = same[0]
            entity = ClinicalEntity("symptom", entity.value, first.start, first.end, first.text,
                                    entity.role, entity.context)
        out.append(entity)
    # A narrower pain stands alone for its mention: no abdominal_pain beside it. Only an
    # affirmed one: "pain under right ribs and a fever, not severe" denies the severity,
    # not the pain (bank m lost the fever with pain).
    narrower = [e for e in out if e.value in NARROWER_PAIN and e.role != "negated"]
    out = [e for e in out if not (e.value == "abdominal_pain" and any(_overlaps(e, n) for n in narrower))]
    # One mention, one entity: the same value and role twice over overlapping text is kept once;
    # and one fact, one entity: "no fever, no chills" denies fever once (set E counted the second
    # as a wrong extra; the conversation keeps facts, not mentions, so nothing is lost).
    unique: List[ClinicalEntity] = []
    for entity in sorted(out, key=lambda e: (e.start, -(e.end - e.start))):
        if any(u.entity == entity.entity and u.value == entity.value and u.role == entity.role
               and (_overlaps(u, entity) or (u.context == entity.context and entity.entity != SIZE))
               for u in unique):
            continue
        unique.append(entity)
    return unique


_NOTHING_CACHE: Dict[str, List[Tuple[str, "re.Pattern[str]"]]] = {}


def nothing_to_report(text: str, kb: knowledge.KnowledgeBase) -> List[str]:
    """Which questions the text answers with 'nothing' (e.g. 'no symptoms')."""
    compiled = _NOTHING_CACHE.get(kb.fingerprint)
    if compiled is None:
        compiled = []
        for topic, phrases in (kb.context.get("nothing_to_report") or {}).items():
            alternatives = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
            compiled.append((topic, re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])")))
        _NOTHING_CACHE[kb.fingerprint] = compiled
    lowered = " ".join(text.lower().replace("’", "'").split())
    return [topic for topic, regex in compiled if regex.search(lowered)]


@dataclass(frozen=True)
class Reading:
    """Everything the clinical pipeline reads in one message."""

    entities: List[ClinicalEntity]
    # Warning signs the message hints at without saying ("there was blood",
    # "I feel faint"): the user's own and current, so worth one question.
    cues: List[str]
    # The person typing is not the patient ("he's the patient").
    proxy: bool
    # The message says the finding got smaller (no contract entity; not growing).
    smaller: bool = False
    # What the report says should happen next, a cyst staged inactive
    # (contract.INTERNAL_VALUES["report"]; no contract entity).
    report: Tuple[str, ...] = ()


# The knowledge settings build() writes into the pipeline's meta, read once per pipeline.
_SETTINGS: "weakref.WeakKeyDictionary[Language, Dict[str, Any]]" = weakref.WeakKeyDictionary()
_SETTING_TABLES = ("change_of_other_things", "self_limiting_forms", "finding_smaller", "report_readings")
_SETTING_PHRASES = ("everyday_causes", "intended_weight_loss")  # read as lists of lower-case words


def _settings(nlp: Language) -> Dict[str, Any]:
    """The pipeline's knowledge settings (see build()), as they were at the first read.

    Why: spaCy's `Language.meta` rebuilds the label list of every component on
    each access (the entity ruler splits each of its patterns' labels), and
    read() asked it six times a message: 0.8 of the 2.3 ms read() took per
    message under cProfile (the bench conversations' 27 messages). A pipeline's
    meta is fixed once build() or load() returns it.
    """
    settings = _SETTINGS.get(nlp)
    if settings is None:
        meta = nlp.meta
        settings = {name: meta.get(name) or {} for name in _SETTING_TABLES}
        settings.update({name: [c.lower().split() for c in meta.get(name) or ()] for name in _SETTING_PHRASES})
        _SETTINGS[nlp] = settings
    return settings


def read(nlp: Language, text: Any) -> Reading:
    text = clean_text(text)
    if not text.strip():
        return Reading([], [], False)
    doc = nlp(text.replace("’", "'"))
    settings = _settings(nlp)
    entities = _with_earlier_scans(nlp, doc, entities_from_doc(doc))
    entities = _without_change_of_other_things(doc, entities, settings["change_of_other_things"])
    entities = _with_clear_earlier_scan(doc, _with_counted_change(doc, _with_absent_before(doc, entities)))
    entities = _self_limiting(entities, settings["self_limiting_forms"])
    entities = _calcified_other_finding(entities)
    entities = _with_own_denial_pointing_back(doc, entities)
    entities = _with_weight_from_to(doc, _with_relatives_condition_too(doc, entities))
    entities = _corrected_owner(doc, entities)
    said = {e.value for e in entities
            if e.entity == "symptom" and (e.role == "negated" or (not e.role and not e.context))}
    imagined = {e.value for e in entities if e.entity == "symptom" and e.context == ("hypothetical",)
                and not e.role and _asked_if(doc, e)}
    cues = [c.value for c in doc._.sign_cues if c.value not in said and c.value not in imagined]
    also = any(t.lower_ in ("too", "also", "same", "well") for t in doc)  # "mum had them too": the user has one
    entities = [_hedged_statement(doc, e) for e in entities]
    everyday = settings["everyday_causes"]
    entities = [_explained_tiredness(doc, _pointing_back(doc, e), everyday) for e in entities]
    intended = settings["intended_weight_loss"]
    entities = [_intended_weight_loss(doc, e, intended) for e in entities]
    entities = [_owned_after_question(doc, _presupposed_by_why(doc, _denial_taken_back(doc, e))) for e in entities]
    proxy = bool(doc._.speaker_is_proxy) or (not also and _relatives_scan(entities))
    if proxy:
        # "writing on behalf of my father ... his CT results": the scan, the
        # symptoms and the medicines are the patient's, so no role (CONTRACT:
        # the user's own sign reported by a relative has none); the relative's
        # history keeps its role.
        entities = [dataclasses.replace(e, role=None)
                    if e.role == "family" and (e.entity in conversation.PATIENTS_WHEN_PROXY
                                               or _the_patients_own(doc, e)) else e for e in entities]
    # Someone outside the family ("my coworker has PBC", "our cat was diagnosed
    # with liver cancer"): in the contract's two roles, not the user's, so
    # `family`, as four of the five independent authors who wrote such a case
    # labelled it (sets H, I; set B's one did not). The context keeps "other",
    # so the conversation never takes it as a relative's history either.
    entities = [dataclasses.replace(e, role="family") if "other" in e.context and e.role is None else e
                for e in entities]
    smaller = _finding_smaller(doc, entities, settings["finding_smaller"])
    report = report_readings(doc, entities, settings["report_readings"])
    return Reading(entities, list(dict.fromkeys(cues)), proxy, smaller, report)


def _more_imaging_at(words: List[str], j: int, more: set) -> bool:
    """Is words[j] a word of more imaging? "follow" only as "follow-up" / "follow up"."""
    if words[j] not in more:
        return False
    return words[j] != "follow" or (j + 1 < len(words) and words[j + 1] in ("up", "-"))


def report_readings(doc: Doc, found: List[ClinicalEntity], concepts: Mapping[str, Any]) -> Tuple[str, ...]:
    """What the report (or the doctor) says should happen next, and a cyst
    staged inactive (knowledge/context.yml `report_readings`):
    - "recommend follow-up ultrasound in 12 months", "for surveillance
      imaging", "repeat CT in 6 months": follow_up_advised;
    - "no further follow-up required", "no follow-up needed": no_follow_up_needed;
    - "CE5 hydatid cyst, inactive": inactive_cyst.
    Not in a question, and "Follow-up MRI: unchanged" (the scan done, with
    no word of advice or time to come) is neither."""
    advise = set(concepts.get("advise") or ())
    more = set(concepts.get("more_imaging") or ())
    checks = set(concepts.get("checks") or ())
    strongly = set(concepts.get("advise_strongly") or ())
    concerning = [c.lower().split() for c in concepts.get("concerning") or ()]
    denials = set(concepts.get("denials") or ())
    times = set(concepts.get("times") or ())
    inactive = set(concepts.get("inactive_stage") or ())
    cyst_sentences = {doc.char_span(e.start, e.end, alignment_mode="expand").sent.start
                      for e in found if (e.entity, e.value) in (("finding", "cyst"), ("condition", "echinococcosis"))
                      and doc.char_span(e.start, e.end, alignment_mode="expand") is not None}
    out: List[str] = []
    for sent in doc.sents:
        if sent.text.rstrip().endswith("?"):
            continue
        words = [t.lower_ for t in sent]
        for j in range(len(words)):
            if words[j] in checks and set(words[max(0, j - 4):j]) & strongly \
                    and not set(words[max(0, j - 4):j]) & denials:
                # "Suggest correlation with LFTs", "recommend a dedicated liver ultrasound"
                out.append("follow_up_advised")
                continue
            if not _more_imaging_at(words, j, more):
                continue
            before, after = set(words[max(0, j - 4):j]), words[j + 1:j + 7]
            if _asked_indirectly(words[max(0, j - 7):j]):
                continue  # "tell me if I need a follow-up scan" (set T): the user asks; no report advises
            if before & denials:
                out.append("no_follow_up_needed")
            elif before & advise or set(words[j + 1:j + 5]) & advise or ("in" in after and times & set(after)):
                out.append("follow_up_advised")
        # "soft-tissue component", "ill-defined" (set P): spaCy splits at the hyphen.
        joined = " " + " ".join(words).replace(" - ", "-") + " "
        if any(" " + " ".join(c) + " " in joined for c in concerning) and not {"no", "without", "not"} & set(words):
            out.append("concerning_features")
        stage = {w.replace("-", "") for w in words} & {w.replace("-", "") for w in inactive}
        # Denied or called active near the stage word, not anywhere in the
        # sentence ("completely calcified, they call it CE5, and it hasn't
        # changed in six years": set L).
        at = [j for j, w in enumerate(words) if w.replace("-", "") in stage]
        near = {w for j in at for w in words[max(0, j - 4):j + 3]}
        if stage and (sent.start in cyst_sentences or stage & {"ce4", "ce5"}) \
                and not {"not", "no", "n't", "active"} & near - {"inactive"}:
            out.append("inactive_cyst")
    return tuple(dict.fromkeys(out))


def _asked_indirectly(words: Sequence[str]) -> bool:
    """A question without its mark: "whether", or "if"/"do"/"will"/"should" before
    "I" or "we" ("tell me if I need", "wondering whether", "do I need")."""
    return "whether" in words or any(a in ("if", "do", "will", "should", "would", "shall", "need", "must")
                                     and b in ("i", "we", "i'll", "ill") for a, b in zip(words, words[1:]))


_CALCIFIED = frozenset({"calcified", "calcific", "calcifying", "partially calcified", "densely calcified"})


def _calcified_other_finding(found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """"a 1.2 cm calcified mass" is `finding=mass` alone, as "calcified
    granuloma" is a granuloma (CONTRACT; set L): the adjective right before
    another finding describes it and is no finding of its own."""
    findings = [e for e in found if e.entity == "finding"]
    drop = {id(e) for e in findings if e.value == "calcification" and e.text.lower() in _CALCIFIED
            and any(o.value != "calcification" and 0 <= o.start - e.end <= 1 for o in findings)}
    return [e for e in found if id(e) not in drop]


def _self_limiting(found: List[ClinicalEntity], forms: Mapping[str, Sequence[str]]) -> List[ClinicalEntity]:
    """A condition written in a form that clears by itself ("hepatitis A",
    context.yml `self_limiting_forms`) keeps its value and gets the context
    "self_limiting"; conversation.facts_from_entities leaves it out of the
    history."""
    out = []
    for entity in found:
        names = {" ".join(f.lower().split()) for f in forms.get(entity.value, ())} \
            if entity.entity == "condition" else set()
        if names and " ".join(entity.text.lower().split()) in names:
            entity = dataclasses.replace(entity, context=tuple(dict.fromkeys(entity.context + ("self_limiting",))))
        out.append(entity)
    return out


_PATIENT_PRONOUNS = frozenset({"she", "he", "she's", "he's", "shes", "hes", "her", "his"})


def _the_patients_own(doc: Doc, entity: ClinicalEntity) -> bool:
    """Typing for the patient: "on behalf of my wife - she has cirrhosis" (set
    K): a condition whose nearest person before it is "she" or "he", with no
    relative named in between, is the patient's own history ("his mum had
    cancer" stays the mother's)."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    pronoun = next((t.i for t in reversed(doc[span.sent.start:span.start]) if t.lower_ in _PATIENT_PRONOUNS), None)
    if pronoun is None:
        return False
    return not any(m.category == "FAMILY" and pronoun <= m.modifier_span[0] < span.start
                   for m in getattr(doc._.context_graph, "modifiers", None) or ())


_SCAN_ENTITIES = frozenset({"finding", "pattern", SIZE})
_DETERMINERS = frozenset({"the", "a", "an", "my", "his", "her", "their", "our", "this", "that"})


def _clause_words(doc: Doc, start: int, end: int, stops: set, step: int, limit: int = 3) -> List[str]:
    """Up to `limit` words from `start` towards `end` (step -1 or 1), not past
    punctuation or a token of the finding (`stops`)."""
    words: List[str] = []
    for i in range(start, end, step):
        token = doc[i]
        if token.is_punct or i in stops or len(words) == limit:
            break
        words.append(token.lower_)
    return words


def _without_change_of_other_things(doc: Doc, found: List[ClinicalEntity],
                                    concepts: Mapping[str, Any]) -> List[ClinicalEntity]:
    """Drop a change word that is about something else than the finding
    (knowledge/context.yml `change_of_other_things`): a property of the liver
    or of the person beside it ("increased hepatic attenuation", "no new
    symptoms", "enzymes stable"), or "new" before a scan or a person ("my
    new MRI"). A change measured from sizes stays."""
    properties = set(concepts.get("properties") or ())
    things_new = set(concepts.get("things_new") or ())
    stops = {i for e in found if e.entity in _SCAN_ENTITIES
             for span in [doc.char_span(e.start, e.end, alignment_mode="expand")] if span is not None
             for i in range(span.start, span.end)}
    kept = []
    for entity in found:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand") if entity.entity == "change" else None
        if span is None or span.start in stops:
            kept.append(entity)
            continue
        sent = span.sent
        after = _clause_words(doc, span.end, sent.end, stops, 1)
        before = _clause_words(doc, span.start - 1, sent.start - 1, stops, -1)
        nouns = [w for w in after if w not in _DETERMINERS]
        if properties.intersection(after + before) or (entity.value == "new" and nouns[:1]
                                                      and nouns[0] in things_new):
            continue
        kept.append(entity)
    return kept


def _finding_smaller(doc: Doc, found: List[ClinicalEntity], concepts: Mapping[str, Any]) -> bool:
    """Does the message say the finding got smaller (knowledge/context.yml
    `finding_smaller`)? A word of shrinking ("smaller", "regressed") or of
    decrease followed by "in size" / "in number", in a sentence that is no
    question, not denied ("not smaller") or imagined ("if it shrinks"), and
    not about the liver or another organ ("the liver has shrunk")."""
    smaller = set(concepts.get("smaller") or ())
    decrease = set(concepts.get("decrease") or ())
    in_size = set(concepts.get("in_size") or ())
    not_of = set(concepts.get("not_of") or ())
    if any(e.entity == "change" for e in found):
        return False  # the message says its own change
    for token in doc:
        word = token.lower_
        if word in smaller:
            pass
        elif word in decrease and in_size.intersection(t.lower_ for t in doc[token.i + 1:token.i + 4]):
            pass
        else:
            continue
        sent = token.sent
        if sent.text.rstrip().endswith("?"):
            continue
        near = [t.lower_ for t in doc[max(sent.start, token.i - 4):token.i]]
        if not_of.intersection(near) or {"not", "n't", "no", "never", "if", "unless", "whether", "hope",
                                         "hoping"}.intersection(near):
            continue
        return True
    return False


# "...but I never had it", "and I haven't got that": the user's own denial of
# what was just told of someone else.
_OWN_DENIAL_BACK = re.compile(
    r"\b(?:but|and|though|whereas|while)\s+(?:i|i've|ive|me)\s+(?:have\s+|has\s+)?"
    r"(?:never|not|haven't|havent|have not|didn't|didnt|did not|don't|dont|do not)\s+"
    r"(?:had|have|got|get|caught|been\s+diagnosed\s+with)?\s*(it|that|them|this|one)\b"
    # "my mother had hepatitis C, I don't" (set D): the verb alone, then the end.
    r"|(?:,|\band\b|\bbut\b)\s*(?:but\s+)?(?:i|me)\s+(don't|dont|do not|haven't|havent|have not|didn't|didnt|never did|"
    r"never have|am not|'m not|m not)\s*(?:[.!,]|$)"
    # "my MUM has breast cancer, not me. I've never had it." (set G): the next sentence.
    r"|(?:^|[.!;]\s+)(?:i|i've|ive|i have)\s+(?:never|not|not ever)\s+(?:had|have|got)?\s*(it|that|them)\b"
    # "my uncle had TB when he was young. i never did", "my twin brother had
    # histoplasmosis ..., I was fine" (set U). Not "..., not me": five earlier
    # authors (sets A, C, D, R) give that the relative's role alone.
    r"|(?:,|\band\b|\bbut\b)\s*(?:but\s+)?(?:i|me)\s+(was fine|was ok|was okay|was not|wasn't|wasnt|"
    r"didn't get it|didnt get it|never got it)\b"
    r"|(?:^|[.!;]\s+)(?:i|me)\s+(never did|never have|didn't|didnt|don't|dont|was fine|wasn't|wasnt)\s*(?:[.!,]|$)")
# Alternatives of _OWN_DENIAL_BACK that deny in a sentence after the relative's.
_NEXT_SENTENCE_DENIALS = frozenset({3, 5})


# "...so they tested me and I've got it too" (set J): the user has the relative's condition too.
_OWN_TOO = re.compile(r"\b(?:and|so|but)?\s*(?:i've|ive|i have|i)\s+(?:got|have|had|has)\s+(it|that|them|one)\s+"
                      r"(?:too|as well|also)\b")
_WEIGHT_FROM_TO = re.compile(
    r"\b(?:gone|went|dropped|fallen|fell|down|come down|lost weight)\s+from\s+(\d+(?:[.,]\d+)?)\s*"
    r"(kg|kgs|kilos?|lbs?|pounds|st|stone)?\s+(?:to|down to)\s+(\d+(?:[.,]\d+)?)\s*"
    r"(kg|kgs|kilos?|lbs?|pounds|st|stone)\b")


# A message that corrects itself: "sorry, typo, my MUM had breast cancer, not me" (set T).
_SELF_CORRECTION = re.compile(r"\b(sorry|typo|i meant|meant to say|correction|my mistake|my bad|scratch that|"
                              r"not me|wasn'?t me|isn'?t me|not mine)\b")


def _corrected_owner(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """A fact first said as the user's and then, in a message that corrects
    itself, as a relative's is the relative's only ("I had breast cancer -
    sorry, typo, my MUM had breast cancer, not me": set T kept both, and the
    user's own cancer history raised the triage)."""
    if not _SELF_CORRECTION.search(doc.text.lower()):
        return found
    dropped = {id(e) for e in found for later in found
               if e.role is None and later.role == "family" and later.entity == e.entity and later.value == e.value
               and later.start > e.end}
    return [e for e in found if id(e) not in dropped]


def _with_relatives_condition_too(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """"my brother was found to have haemochromatosis so they tested me and
    I've got it too" (set J): the user's own copy, on the pronoun."""
    text = doc.text
    added = []
    for match in _OWN_TOO.finditer(text.lower()):
        told = [e for e in found if e.entity == "condition" and e.role == "family" and e.end <= match.start()]
        if told and not any(e.entity == "condition" and e.value == told[-1].value and e.role is None for e in found):
            start, end = match.span(1)
            added.append(ClinicalEntity("condition", told[-1].value, start, end, text[start:end], None, ()))
    return found + added


def _with_weight_from_to(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """"ive gone from 70 to 63 kg since summer without trying" (set H): a weight
    that fell is weight loss, said in numbers."""
    if any(e.entity == "symptom" and e.value == "weight_loss" and not e.role and not e.context for e in found):
        return found
    for match in _WEIGHT_FROM_TO.finditer(doc.text.lower()):
        before, after = (float(g.replace(",", ".")) for g in match.group(1, 3))
        if after < before:
            start, end = match.span()
            return found + [ClinicalEntity("symptom", "weight_loss", start, end, doc.text[start:end], None, ())]
    return found


def _with_own_denial_pointing_back(doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """"my brother had TB as a kid but I never had it" (set I): the relative's
    TB keeps its role and the user's denial of the same condition is a
    second entity, on the pronoun, with role negated."""
    text = doc.text
    added = []
    for match in _OWN_DENIAL_BACK.finditer(text.lower()):
        group = next(g for g in range(1, 6) if match.group(g))
        # A relative's condition or medicine ("my dad takes amiodarone, I don't": set K).
        told = [e for e in found if e.entity in ("condition", "medication") and e.role == "family"
                and e.end <= match.start()
                and (group in _NEXT_SENTENCE_DENIALS or "." not in text[e.end:match.start()])]
        if told:
            start, end = match.span(group)
            added.append(ClinicalEntity(told[-1].entity, told[-1].value, start, end, text[start:end], "negated", ()))
    return found + added


_IMAGING_MATCHERS: Dict[int, Any] = {}


def _with_earlier_scans(nlp: Language, doc: Doc, found: List[ClinicalEntity]) -> List[ClinicalEntity]:
    """"the same as on the previous MRI", "not seen on the 2020 CT": the scan
    compared with is named inside the words of the change, and every
    independent author labels it too (sets A-F, I: imaging=mri). The change
    keeps its words; the scan is added as an imaging entity of its own."""
    changes = [span for span in doc.ents if span.label_ == "change"]
    if not changes:
        return found
    matcher = _IMAGING_MATCHERS.get(id(nlp))
    if matcher is None:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        ruler: Any = nlp.get_pipe("entity_ruler")
        for pattern in ruler.patterns:
            if pattern.get("label") == "imaging" and isinstance(pattern.get("pattern"), str):
                matcher.add(pattern.get("id") or pattern["pattern"], [nlp.make_doc(pattern["pattern"])])
        _IMAGING_MATCHERS[id(nlp)] = matcher
    known = {(e.start, e.end) for e in found if e.entity == "imaging"}
    added = []
    for span in changes:
        for match_id, start, end in matcher(span):
            scan = doc[start:end]  # the matcher gives a span's matches in the doc's positions
            if (scan.start_char, scan.end_char) not in known:
                known.add((scan.start_char, scan.end_char))
                added.append(ClinicalEntity("imaging", nlp.vocab.strings[match_id], scan.start_char, scan.end_char,
                                            scan.text, None, ()))
    return found + added


_HEDGES = ("i think", "i thought", "i guess", "maybe", "i feel like", "pretty sure", "not sure", "i'm not sure",
           "im not sure", "possibly", "perhaps")


_DEFINITE = frozenset({"the", "this", "that", "same", "these"})
_IF_WORDS = frozenset({"if", "whether", "unless", "suppose", "supposing", "incase"})


def _asked_if(doc: Doc, entity: ClinicalEntity) -> bool:
    """"what happens if i start throwing up blood?" (set K): a sign imagined
    with "if" in its own sentence, before it, is a what-if, not an unsure
    reading; the safety question is not asked (it held up the assessment and
    the conversation ended with no triage)."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    before = [t.lower_ for t in doc[span.sent.start:span.start]]
    return bool(_IF_WORDS.intersection(before)) or "in case" in " ".join(before)
_LEAD_INS = frozenset({"so", "but", "and", "then", "ok", "okay", "well", "also", "plus", "oh"})
_PERSONAL_ENTITIES = frozenset({"symptom", "condition", "medication"})


def _presupposed_by_why(doc: Doc, entity: ClinicalEntity) -> ClinicalEntity:
    """"so why has my husband been saying for a few days that I look yellow?"
    (set C): a why-question takes its content as true; the sign in it is the
    user's, not a what-if. Only for the user's own, undenied entities."""
    if entity.entity not in _PERSONAL_ENTITIES or entity.role or "hypothetical" not in entity.context:
        return entity
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return entity
    words = [t.lower_ for t in span.sent if not t.is_punct]
    while words and words[0] in _LEAD_INS:
        words = words[1:]
    taken_as_true = dataclasses.replace(entity, context=tuple(c for c in entity.context if c != "hypothetical"))
    if (words[:1] == ["why"] or words[:2] == ["how", "come"]) and _own_not_general(set(words)):
        return taken_as_true
    # "could that be why my skin is going yellow?" (set M): the clause after a
    # "why" that something is said or asked to be ("be why", "is that why",
    # "explains why") is taken as true, when it is the user's own.
    why = max((t.i for t in span.doc[span.sent.start:span.start] if t.lower_ == "why" and t.i > span.sent.start
               and span.doc[t.i - 1].lower_ in _WHY_AFTER), default=None)
    if why is not None and _own_not_general({t.lower_ for t in span.doc[why + 1:span.end]}):
        return taken_as_true
    return entity


# "could amiodarone be causing the calcification? ive been taking it for 6
# years" (set Q): the user says, after the question, that the medicine or
# condition it names is theirs.
_MINE_AFTER = re.compile(r"^[^?]*\?+\s*(?:(?:and|but|because|cos|coz|well|yes|yeah)\s+)?"
                         r"(?:i|i've|ive|i have|i'm|im|i am)\s+(?:been\s+|still\s+|also\s+|do\s+)?"
                         r"(?:take|taking|took|taken|on|had|have|got|using|use|used)\s+(?:it|that|them|this|those|"
                         r"the (?:tablets?|pills?|medicine|drug|injections?))\b(?!\s+(?:before|in the past))", re.I)


_I_TAKE = re.compile(r"\s+(?:that\s+|which\s+)?(?:i|i'm|im|i've|ive)\s+(?:am\s+|have\s+been\s+|been\s+|still\s+)?"
                    r"(?:take|taking|on|use|using|was put on|got put on)\b", re.I)


def _owned_after_question(doc: Doc, entity: ClinicalEntity) -> ClinicalEntity:
    """A medicine or condition named in a question or a hedge that the next
    sentence says the user takes or has ("is it possible the calcification is
    from methotrexate? I take it every week", set Q), or a medicine followed
    by a relative clause of the user's taking ("could be from the amiodarone I
    take", set R), is the user's, not a what-if. The dialogue had asked about
    medicines again and the judge's "no" denied it: two routine cases in set
    Q and one in set R were reassured."""
    if entity.entity not in ("medication", "condition") or entity.role \
            or not {"hypothetical", "uncertain"} & set(entity.context):
        return entity
    following = doc.text[entity.end:entity.end + 160]
    # "... could be from the amiodarone I take for my heart rhythm" (set R): a
    # relative clause of the user's own taking.
    if not _MINE_AFTER.search(following) and not (entity.entity == "medication" and _I_TAKE.match(following)):
        return entity
    return dataclasses.replace(entity, context=tuple(c for c in entity.context if c not in ("hypothetical",
                                                                                            "uncertain")))


_WHY_AFTER = frozenset({"be", "is", "that", "this", "that's", "thats", "it's", "its", "explain", "explains",
                        "explaining", "reason", "was", "been"})
_MINE = frozenset({"i", "i'm", "im", "my", "me", "i've", "ive"})
_GENERAL_PEOPLE = frozenset({"anyone", "anybody", "people", "someone", "somebody", "you", "one", "patients"})


def _own_not_general(words: Set[str]) -> bool:
    """The words speak of the user ("my", "I") and of no one in general ("people", "you")."""
    return bool(words & _MINE) and not words & _GENERAL_PEOPLE


_TAKING_BACK = re.compile(r"\b(?:but\s+)?(?:actually|in fact|truth is|to be honest|tbh|if i'?m honest)\b[^.?!]{0,40}?"
                          r"\b(?:there (?:was|were|is|has been|have been) (?:some|a bit|a little|blood)|"
                          # "I said no, but actually this morning they were black" (set N)
                          r"(?:they|it) (?:were|was|are|is|have been|has been|went|turned)\b"
                          # "actually it was just red wine" explains; it takes nothing back
                          r"(?! not| no| never|n't| just| only| from| because| due| fine| normal| ok| nothing)|"
                          r"i (?:did|do|have|had)"
                          r"\b(?! not| no| never|n't)|yes\b)", re.I)


def _denial_taken_back(doc: Doc, entity: ClinicalEntity) -> ClinicalEntity:
    """"she asked if I'd had any blood in my sick and I said no because I
    panicked, but actually yesterday there was some" (set C): a denial the
    message itself takes back after the entity ("but actually ... there was
    some", "actually I did") leaves the entity affirmed."""
    if entity.entity not in _PERSONAL_ENTITIES or entity.role != "negated":
        return entity
    if not _TAKING_BACK.search(doc.text[entity.end:entity.end + 200]):
        return entity
    return dataclasses.replace(entity, role=None, context=tuple(c for c in entity.context if c != "hypothetical"))
_BECAUSE = frozenset({"because", "bc", "cos", "coz", "cuz", "cause", "'cause", "due", "from", "after", "thanks"})


_SLEEPY = frozenset({"sleepy", "drowsy", "dozy", "drowsiness", "sleepiness", "dozed", "dozing", "nodded", "nodding"})


def _explained_tiredness(doc: Doc, entity: ClinicalEntity, everyday: Sequence[Sequence[str]] = ()) -> ClinicalEntity:
    """"no symptoms just tired bc newborn lol" (set J): tiredness the writer
    puts down to a cause right after it ("because", "from", "after") is no
    symptom they report; the context "explained" keeps it out of the case.
    Sleepiness read as the red flag's drowsiness ("so sleepy after my night
    shift", bank R) only with an everyday cause (context.yml
    `everyday_causes`): "drowsy after the new tablets" still counts."""
    if entity.entity != "symptom" or entity.value not in ("fatigue", "confusion") or entity.role:
        return entity
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is not None and _SLEEPY.intersection(t.lower_ for t in span):
        # "jet lag, I'm sleepy in the afternoons", "after my night shift, I'm so
        # drowsy" (bank U): the everyday cause first, a few words before, set
        # off by a comma or put as the cause ("my boss at work noticed I'm
        # drowsy" is no such cause).
        before = " ".join(t.lower_ for t in doc[max(span.sent.start, span.start - 8):span.start])
        if any(re.search(r"(^|\b(?:after|from|since|because of|due to|with) (?:my |the |a |all the |some )?)"
                         + re.escape(" ".join(c)) + r"(\s*,|\s+(?:so|and)\s)", before) for c in everyday):
            return dataclasses.replace(entity, context=tuple(dict.fromkeys(entity.context + ("explained",))))
        # "bit sleepy today, I flew back from Singapore yesterday so jet lag I
        # think" (bank X): the everyday cause given as the reason later in the
        # sentence ("so", "because", "probably", "must be", "I think").
        # From the state's own words on: "I dozed off in the waiting room, I'd been
        # up since 4" (bank AA; the reading ran to "since").
        after = " " + " ".join(t.lower_ for t in doc[span.start + 1:span.sent.end]) + " "
        if any(re.search(r"\b(?:so|because|cos|coz|bc|probably|prob|must be|just|from|due to|after|i 'd|i had)\b"
                         r"[^.?!]{0,40}?\b"
                         + re.escape(" ".join(c)) + r"\b", after)
               and not re.search(r"\b(?:not|n't|never|no)\b\s+(?:\w+\s+)?" + re.escape(" ".join(c)), after)
               for c in everyday):
            return dataclasses.replace(entity, context=tuple(dict.fromkeys(entity.context + ("explained",))))
    if span is None or span.end >= len(doc) or doc[span.end].lower_ not in _BECAUSE:
        return entity
    if entity.value == "confusion":
        if not _SLEEPY.intersection(t.lower_ for t in span):
            return entity
        after = " " + " ".join(t.lower_ for t in doc[span.end + 1:span.end + 6]) + " "
        if not any(" " + " ".join(c) + " " in after for c in everyday):
            return entity
    return dataclasses.replace(entity, context=tuple(dict.fromkeys(entity.context + ("explained",))))


def _intended_weight_loss(doc: Doc, entity: ClinicalEntity, intended: Sequence[Sequence[str]]) -> ClinicalEntity:
    """Weight lost on purpose (context.yml `intended_weight_loss`, set M) is no
    symptom: the context "explained" keeps it out of the case, as tiredness
    with an everyday cause. "I not want to lose", "not on purpose", "without
    dieting" keep it."""
    if entity.entity != "symptom" or entity.value != "weight_loss" or entity.role:
        return entity
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return entity
    sent = span.sent
    words = [t.lower_ for t in sent]
    for phrase in intended:
        for i in range(len(words) - len(phrase) + 1):
            if words[i:i + len(phrase)] == list(phrase) and not (
                    set(words[max(0, i - 2):i]) & {"not", "n't", "nt", "no", "never", "without", "any"}):
                return dataclasses.replace(entity, context=tuple(dict.fromkeys(entity.context + ("explained",))))
    return entity


def _pointing_back(doc: Doc, entity: ClinicalEntity) -> ClinicalEntity:
    """"the pain is mild and better since I cut down on fat" (set H): a pain
    with "the" / "this" / "that" before it is one already told of; the
    context "anaphoric" lets the conversation read it as that pain
    (conversation.facts_from_entities with what is known)."""
    if entity.entity != "symptom" or entity.value != "abdominal_pain":
        return entity
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].lower_ not in _DEFINITE:
        return entity
    return dataclasses.replace(entity, context=tuple(dict.fromkeys(entity.context + ("anaphoric",))))


def _hedged_statement(doc: Doc, entity: ClinicalEntity) -> ClinicalEntity:
    """"i think my eyes have gone a bit yellow?": a hedge and the user's own
    body with a question mark is an unsure statement, not a question (set F:
    read as a question, the possible jaundice was dropped and reassured)."""
    if entity.entity != "symptom" or entity.context != ("hypothetical",) or entity.role:
        return entity
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return entity
    opening = " ".join(t.lower_ for t in span.sent[:4])
    mine = any(t.lower_ in ("my", "i", "i'm", "im", "i've", "ive") for t in doc[span.sent.start:span.start])
    if mine and opening.startswith(_HEDGES):
        return dataclasses.replace(entity, context=("uncertain",))
    return entity


def _relatives_scan(entities: List[ClinicalEntity]) -> bool:
    """"My dad (cirrhosis, liver calcifications on CT) has been really drowsy":
    the message tells a relative's scan finding, no finding of the user's own,
    and a relative's symptom now: the person typing speaks for the patient."""
    scan = [e for e in entities if e.entity == "finding" and not e.context]
    return bool(scan) and all(e.role == "family" for e in scan) and any(
        e.entity == "symptom" and e.role == "family" and not e.context for e in entities)


def extract(nlp: Language, text: Any) -> List[ClinicalEntity]:
    return read(nlp, text).entities
