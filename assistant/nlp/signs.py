"""Warning signs read as concepts combined within a clause.

Why not phrases: on an independent bank of 171 warning-sign messages the
phrase patterns of `terms.yml` caught 31 % (collapse, severe pain and
self-harm 0 %), because people describe a sign ("been sick twice and there's
red in it", "my poo is like tar") rather than name it. Here each clause is
read for concepts from `knowledge/signs.yml` (an action, a substance or look,
a state, a place, a severity), each word with typos allowed, and a sign is
read when one of its combinations is complete. Whether it is denied, a
relative's, a question or long past comes from ConText's modifiers over each
concept, and from the clause's time markers.

A reading is one of:
- certain: answered at once as the sign;
- uncertain (a cue such as "blood" alone, "feel faint", "dark poo" or an
  explanation such as iron tablets): the dialogue asks one yes/no question;
- not the user's own current sign (denied, a relative's, a pet's, a question,
  long past): an entity with a role or context, never an alert.

Nothing here imports Rasa; `pipeline` adds the component after ConText.
"""

import datetime
import gzip
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from assistant.nlp.spelling import deletes as _deletes, edit_distance as _distance

# Words that end a clause for combining concepts ("I've been sick but no
# blood": the blood is not in the vomit clause).
CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "whereas", "except", "apart", ";", "-", "–", "—",
                           "otherwise", "while", "whilst"})
NEGATED, FAMILY, HISTORICAL, HYPOTHETICAL, POSSIBLE = (
    "NEGATED_EXISTENCE", "FAMILY", "HISTORICAL", "HYPOTHETICAL", "POSSIBLE_EXISTENCE")
# "38-something", "38ish" (bank n) read as the number.
_NUMBER = re.compile(r"^(\d{2,3})([.,]\d)?(°?[cf])?(?:-?ish|-something|-odd)?$", re.IGNORECASE)
# Words that make a bare number near them a thermometer reading ("38 on the thermometer").
_READING_WORDS = frozenset({"thermometer", "temp", "temperature", "degrees", "fever", "feverish", "reading",
                            "readings"})
_NOT_READINGS = frozenset({"years", "year", "yrs", "yr", "yo", "y/o", "mm", "cm", "kg", "kgs", "lbs", "%", "minutes",
                           "mins", "hours", "hrs", "days", "weeks", "times", "pounds", "stone"})
# Not knowing, said with any negation and any form of a verb of knowing ("I've
# not known where I was", "never recognised her own son"): read as the concept
# `not_know` whatever the phrase list holds.
_NEGATIONS = frozenset({"not", "n't", "never", "cannot", "cant", "dont", "didnt", "doesnt", "couldnt"})
_AUXILIARIES = frozenset({"can", "ca", "could", "do", "does", "did", "wo", "would", "have", "has", "had", "is", "was",
                          "am", "are", "were", "should", "must", "might"})
_KNOWING = frozenset({"know", "knows", "knew", "known", "knowing", "remember", "remembers", "remembered",
                      "recognise", "recognises", "recognised", "recognize", "recognizes", "recognized", "recall",
                      "recalls", "recalled",
                      # "I not understand where I am", "couldn't work out what year it is" (bank n)
                      "understand", "understands", "understood", "work", "figure", "tell"})
_YEAR = re.compile(r"^(19|20)\d\d$")
_THIRD_PERSON = frozenset({"he", "she", "his", "her", "him", "he's", "she's", "they", "their"})
# Relatives named as ConText's FAMILY rule names them (knowledge/context.yml), beyond markers.relatives.
_FAMILY_WORDS = frozenset({"mother", "father", "parents", "parent", "sibling", "siblings", "sis", "bro", "mummy",
                           "mommy", "daddy", "gran", "grannie", "nanna", "granda", "da", "mama", "mamma",
                           "grandparents", "family", "himself", "herself"})
_FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "ive", "me", "my", "myself", "mine"})
FRAGMENT_WORDS = 3
# A negation word that is part of the concept itself ("not making sense").
_OWN_NEGATIONS = frozenset({"not", "n't", "nt", "no", "never", "nothing", "cannot", "cant"})
_EXCLUDING = frozenset({"NEGATED_EXISTENCE", "FAMILY", "HYPOTHETICAL", "HISTORICAL", "POSSIBLE_EXISTENCE"})

Doc.set_extension("signs", default=(), force=True)
Doc.set_extension("sign_cues", default=(), force=True)
Doc.set_extension("speaker_is_proxy", default=False, force=True)
Doc.set_extension("sign_values", default=(), force=True)


@dataclass(frozen=True)
class SignReading:
    """A sign (contract symptom value) read in one clause."""

    value: str
    start: int  # token offsets of the whole reading (first to last concept)
    end: int
    certain: bool
    role: Optional[str]  # None (the user's), "negated", "family"
    context: Tuple[str, ...]  # "hypothetical", "historical", "other"
    first_person: bool = False  # the clause speaks of "I", "me", "my"
    downgraded: bool = False  # explained (iron, beetroot, "mild") or hedged ("maybe"): the question stays

    @property
    def is_alert(self) -> bool:
        """The user's own (or their patient's) current, affirmed sign."""
        return self.role is None and not self.context

    @property
    def worth_asking(self) -> bool:
        """Not a fact, but not safe to drop: a cue of the user's own; a
        relative's sign happening now (the relative may be the patient, or need
        help now); the user's own sign inside a question ("can it make you pass
        out? because I did"). Never a denial, a pet's, or long past."""
        if self.role == "negated" or "other" in self.context or "historical" in self.context:
            return False
        if not self.certain:
            return self.role is None and not self.context
        if self.role == "family":
            return not self.context
        return self.context == ("hypothetical",) and self.first_person


# Web-frequency log probability above which a word counts as known English
# ("hers" -11.9, "realy" -13.4, "blod" -16.9 in spaCy's lexeme table).
KNOWN_WORD_LOGPROB = -13.0


@lru_cache(maxsize=1)
def english_words() -> FrozenSet[str]:
    """Known English words: the lookup lemmatizer's 67 000 forms plus the
    frequent words of spaCy's lexeme table. A word in here is never
    'corrected' into a concept ("back" is not "black", "hers" is not "here")."""
    import spacy_lookups_data

    data = os.path.join(os.path.dirname(spacy_lookups_data.__file__), "data")
    with gzip.open(os.path.join(data, "en_lemma_lookup.json.gz"), "rt", encoding="utf-8") as handle:
        table = json.load(handle)
    words = {word.lower() for word in list(table) + list(table.values())}
    with gzip.open(os.path.join(data, "en_lexeme_prob.json.gz"), "rt", encoding="utf-8") as handle:
        words.update(word.lower() for word, logprob in json.load(handle).items() if logprob >= KNOWN_WORD_LOGPROB)
    return frozenset(words)


_ASKING_BEFORE = frozenset({"should", "shall", "can", "could", "would", "will", "must", "what", "how", "do", "does"})
_VOWELS = frozenset("aeiouy")
# "does n't", "is not": what stands between a subject and a denied verb.
_NEGATION_AUXILIARIES = frozenset({"does", "do", "did", "n't", "not", "really", "quite", "totally", "a", "bit",
                                   "little", "seem", "seems", "to", "be", "getting", "get", "gets"})


def _skeleton(word: str) -> str:
    return "".join(c for c in word if c not in _VOWELS)


def _allowed(word: str) -> int:
    return 1 if len(word) < 8 else 2


class Speller:
    """Maps a misspelt word to the concept word it most likely is.

    Only words that are neither English nor a concept word are corrected,
    by one edit (two from eight letters), and only words of five letters or
    more, plus a few measured four-letter forms ("blod", "blak", "fevr") that
    are one edit from a concept word and not English."""

    def __init__(self, vocabulary: Iterable[str], concept_of: Optional[Mapping[str, Set[str]]] = None):
        self.vocabulary = {w for w in vocabulary if w.isalpha() and len(w) >= 4}
        self.index: Dict[str, List[str]] = {}
        for word in self.vocabulary:
            for variant in _deletes(word, _allowed(word)):
                self.index.setdefault(variant, []).append(word)
        self.known = english_words()
        # Text-speak drops the vowels ("blck", "bld", "vmtng"): a word with no
        # vowel is read as the one concept word with those consonants in order.
        # Several words with the same consonants are one reading when they are
        # one-word phrases of the same concepts ("bld": blood, bled, bleed).
        skeletons: Dict[str, Set[str]] = {}
        for word in self.vocabulary:
            skeletons.setdefault(_skeleton(word), set()).add(word)
        concepts = concept_of or {}
        self.skeletons = {}
        for key, words in skeletons.items():
            # Of several, the one-word phrases decide, and most of them must name the
            # same concepts ("bld": blood, bloody, bled, bleed; not "blade").
            phrases = {w for w in words if w in concepts} if len(words) > 1 else words
            if len(key) < 3 or not phrases:
                continue
            by_concepts: Dict[FrozenSet[str], List[str]] = {}
            for word in phrases:
                by_concepts.setdefault(frozenset(concepts.get(word, {word})), []).append(word)
            top = max(by_concepts.values(), key=len)
            if 2 * len(top) > len(phrases):
                self.skeletons[key] = min(top)

    def correct(self, text: str) -> Optional[str]:
        word = text.lower()
        if len(word) >= 3 and word.isalpha() and not set(word) & _VOWELS and word not in self.known:
            return self.skeletons.get(word)
        if len(word) < 4 or not word.isalpha() or word in self.vocabulary or word in self.known:
            return None
        best: Optional[Tuple[int, str]] = None
        for variant in _deletes(word, _allowed(word)):
            for candidate in self.index.get(variant, ()):
                # Two edits for long words ("jaundis" -> "jaundice"), one below.
                limit = _allowed(candidate) if len(word) >= 6 else 1
                if abs(len(candidate) - len(word)) > limit:
                    continue
                distance = _distance(word, candidate)
                if distance <= limit and (best is None or (distance, candidate) < best):
                    best = (distance, candidate)
        return best[1] if best else None


@Language.factory("clinical_sign_reader", default_config={"signs": {}})
def make_sign_reader(nlp: Language, name: str, signs: Dict[str, Any]) -> "SignReader":
    return SignReader(nlp, signs)


class SignReader:
    """spaCy component, after ConText: sets `doc._.signs` and `doc._.sign_cues`."""

    def __init__(self, nlp: Language, signs: Dict[str, Any]):
        self.config = signs
        self.concepts: Dict[str, List[str]] = {k: list(v) for k, v in (signs.get("concepts") or {}).items()}
        self.markers: Dict[str, List[str]] = {k: list(v) for k, v in (signs.get("markers") or {}).items()}
        self.rules: Dict[str, Dict[str, Any]] = dict(signs.get("signs") or {})
        self.plain: Dict[str, List[List[str]]] = dict(signs.get("plain") or {})
        self.checks: Dict[str, Dict[str, Any]] = dict(signs.get("checks") or {})
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        vocabulary: Set[str] = set()
        concept_of: Dict[str, Set[str]] = {}  # one-word phrase -> its concepts
        for label, phrases in list(self.concepts.items()) + [("BLOCK", signs.get("blockers") or [])]:
            forms = phrases if label == "BLOCK" else [f for p in phrases for g in _persons(p) for f in _inflections(g)]
            docs = [nlp.make_doc(p) for p in dict.fromkeys(f.lower() for f in forms)]
            self.matcher.add(label, docs)
            for doc in docs:
                vocabulary.update(t.norm_ for t in doc)
                if len(doc) == 1 and label != "BLOCK":
                    concept_of.setdefault(doc[0].norm_, set()).add(label)
        self.marker_matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for label, phrases in self.markers.items():
            self.marker_matcher.add("M_" + label, [nlp.make_doc(p.lower()) for p in phrases])
        self.speller = Speller(vocabulary, concept_of)
        self.model: Any = None  # the learned second opinion (sign_model.SignModel), set by the pipeline
        learned = signs.get("learned") or {}
        self.agree: Optional[float] = float(learned["agree"]) if learned.get("agree") is not None else None
        self.doubt: Optional[float] = float(learned["doubt"]) if learned.get("doubt") is not None else None
        self.never_doubted = frozenset(learned.get("never_doubted") or ())
        self.combinations: List[Tuple[str, ...]] = [
            tuple(c) for rule in list(self.rules.values()) + [{"certain": v} for v in self.plain.values()]
            for key in ("certain", "uncertain") for c in rule.get(key) or ()]
        self.people = frozenset(self.markers.get("person_words") or ()) \
            | frozenset(self.markers.get("relatives") or ()) \
            | _FIRST_PERSON | _THIRD_PERSON

    # ------------------------------------------------------------ reading
    def __call__(self, doc: Doc) -> Doc:
        dialect = self.config.get("dialect") or {}
        words, after_negation = dialect.get("words") or {}, dialect.get("after_negation") or {}
        for token in doc:
            fixed = self.speller.correct(token.text)
            if fixed:
                token.norm_ = fixed
            # Regional words as standard English ("whit" -> what; "cannae mind" -> can't remember).
            if token.lower_ in words:
                token.norm_ = words[token.lower_]
            elif token.lower_ in after_negation and token.i and doc[token.i - 1].norm_ == "not" \
                    and token.i > 1 and doc[token.i - 2].norm_ in ("can", "could", "do", "did"):
                token.norm_ = after_negation[token.lower_]
        parts = self._concepts(doc)
        blocked = {s.start for s in parts.pop("_blocked", [])}
        matched = parts.pop("_matched", [])
        markers = self._markers(doc, {i for spans in parts.values() for sp in spans for i in range(sp.start, sp.end)})
        proxy = (any(_is_proxy(doc, m) for m in markers.get("proxy", ())) or self._possessed_scan(doc)
                 or self._speaks_for(doc, markers) or self._unnamed_patient(doc, markers)) \
            and not _OWN_SCAN.search(doc.text.lower().replace("’", "'"))
        doc._.speaker_is_proxy = proxy
        doc._.sign_values = tuple(self.rules)
        concept_tokens = {i for spans in parts.values() for s in spans for i in range(s.start, s.end)}
        explanations = {i for c in ("explanation", "benign_colour") for s in parts.get(c, ())
                        for i in range(s.start, s.end)}
        modifiers = [_to_comma(doc, _back_to_sentence_start(doc, m), concept_tokens, explanations)
                     for m in getattr(doc._.context_graph, "modifiers", None) or ()
                     if not _relative_as_place(doc, m) and not _ability_only(doc, m) and not _when_not_an_age(doc, m)
                     and not blocked.intersection(range(*m.modifier_span))
                     and not self._concepts_own_negation(doc, m, matched)
                     and not refused_offer(m, doc)]
        signs: List[SignReading] = [SignReading("fever", s.start, s.end, True, "negated", ())
                                    for s in parts.pop("_normal_temperature", [])]
        cues: List[SignReading] = []
        clauses = self._clauses(doc)
        for index, (start, end) in enumerate(clauses):
            here = self._within(parts, start, end)
            if not here:
                continue
            # "threw up a little while ago. there was blood in it.": a clause
            # that points back ("it", "that") is read with the one before it.
            back = None
            if index and any(t.lower_ in _ANAPHORS for t in doc[start:end]):
                back = (clauses[index - 1][0], end)
            for value, rule in self.rules.items():
                reading = self._read(doc, value, rule, here, markers, modifiers, (start, end), proxy, parts)
                if back is not None and (reading is None or not reading.certain):
                    joined = self._read(doc, value, rule, self._within(parts, *back), markers, modifiers, back, proxy,
                                        parts)
                    if joined is not None and joined.start < start and (reading is None or joined.certain):
                        reading = joined
                if reading is None:
                    continue
                (signs if reading.certain else cues).append(reading)
            for value, combinations in self.plain.items():
                reading = self._read(doc, value, {"certain": combinations}, here, markers, modifiers,
                                     (start, end), proxy,
                                     parts)
                if reading is not None and reading.certain:
                    signs.append(reading)
        # Two readers agreeing: where the lists read a cue of the user's own,
        # current sign from an uncertain combination ("black and sticky" with
        # no word for poo, "went down in Tesco") and the model, trained apart
        # from the lists, is sure of the same sign, the sign stands without a
        # question. Never an explained or hedged reading (iron tablets,
        # "maybe"): there the question stays.
        promotable = [c for c in cues if self._promotable(c)]
        sure = self.model.probabilities(doc.text) if promotable else {}
        agreed = [c for c in promotable if sure.get(c.value, 0.0) >= self.agree]
        signs.extend(SignReading(c.value, c.start, c.end, True, None, (), c.first_person) for c in agreed)
        cues = [c for c in cues if c not in agreed]
        # Two readers disagreeing: an alert the lists read but the model, which
        # knows that sign, all but rules out, is asked about instead of alerted.
        doubted = self._doubted(doc, [s for s in signs if s not in agreed])
        signs = [s for s in signs if s not in doubted]
        cues.extend(SignReading(s.value, s.start, s.end, False, None, (), s.first_person, True) for s in doubted)
        # The learned second opinion alone: a sign the lists read nothing of, in
        # any way, but the model is fairly sure of, is asked about (never alerted).
        guess = self.model.guess(doc.text) if self.model is not None else None
        if guess and guess[0] in self.rules and not any(r.value == guess[0] for r in signs + cues):
            cues.append(SignReading(guess[0], 0, len(doc), False, None, (), True))
        cues.extend(self._half_read(signs, parts, modifiers))
        doc._.signs = tuple(signs)
        # A cue for a sign the message states as the user's own needs no question.
        alerts = {s.value for s in signs if s.is_alert}
        doc._.sign_cues = tuple(c for c in cues + [s for s in signs if s.value in self.rules and not s.is_alert]
                                if c.value not in alerts and c.worth_asking)
        return doc

    def _half_read(self, signs: Sequence[SignReading], parts: Dict[str, List[Span]],
                   modifiers: Sequence[Any]) -> List[SignReading]:
        """A check of signs.yml (`checks`) whose symptoms are all read as the
        user's own and current but one, and that one not read (or read only
        inside a question; never denied) but hinted at by one of its concepts,
        not denied either: its question is asked ("38 on the thermometer and it aches when I breathe
        in": a fever, and a pain with no place)."""
        out = []
        for name, check in self.checks.items():
            answers = check["answers"]
            alerts = {s.value for s in signs if s.value in answers and s.is_alert}
            # Not stated as now: not read, or read only inside the question ("could it
            # be causing my fever and the ache under my ribs?"); never a denial.
            missing = [v for v in answers if v not in alerts
                       and not any(s.value == v and (s.role or set(s.context) - {"hypothetical"}) for s in signs)]
            if len(missing) != 1 or len(alerts) != len(answers) - 1:
                continue
            hints = [s for c in check["hints"][missing[0]] for s in parts.get(c, ())
                     if not self._categories(s, modifiers) & {NEGATED, FAMILY}]
            if hints:
                out.append(SignReading(name, hints[0].start, hints[0].end, False, None, (), True))
        return out

    @staticmethod
    def _no_animal_before(start: int, animals: Sequence[Tuple[int, int]]) -> bool:
        """Whether the message names its animal only after the sign.

        "lost consciousness for a moment while walking the dog", "He's not
        right, wandering the house looking for the dog": the animal is what
        the person was doing or looking for; the sign is the person's. "My dog
        was sick, he vomited blood": the dog came first, the sign is the dog's.
        """
        return not any(a[0] < start for a in animals)

    def _doubted(self, doc: Doc, signs: Sequence[SignReading]) -> List[SignReading]:
        """The alerts the learned model gives less than `doubt` probability.

        Why: on every fresh bank the lists' first false alarms are the sign's
        words used of no one's current sign, in ways no list foresaw (a
        leaflet's list, a job, a novel, "Confused? Me? Only by this report").
        The model, trained on banks A-T only, gave under 0.1 to the alerted
        sign in 35 of the 77 first-run false alarms of banks U-AB, and to none
        of those banks' 1039 signs the lists answered at once
        (`tests/nlu/test_sign_model.py`). A doubted alert costs a true sign
        one yes/no question; a near-miss, a "no". Only the signs the model was
        trained on (not fever with pain or jaundice: a combination of plain
        symptoms it has no class for), and never a `never_doubted` one.

        Nor a sign whose own subject is "I" ("I have black stools which is a
        warning sign", "I passed out at my best friend's wedding"): the bag of
        words sees "warning sign" or "friend", not who the verb's subject is.
        Exempting them keeps 33 of the 35 doubted false alarms (the two lost:
        "I'm sleepy ... jet lag", "I'm so confused - my GP says...").
        """
        if self.model is None or self.doubt is None:
            return []
        alerts = [s for s in signs if s.is_alert and s.value in self.rules and s.value not in self.never_doubted
                  and not _subject_is_me(doc, doc[s.start:s.end])]
        if not alerts:
            return []
        sure = self.model.probabilities(doc.text)
        return [s for s in alerts if s.value in sure and sure[s.value] < self.doubt]

    def _promotable(self, cue: SignReading) -> bool:
        """An uncertain cue of the user's own current sign that no explanation or hedge made uncertain."""
        return self.model is not None and self.agree is not None and not cue.certain and not cue.downgraded \
            and cue.role is None and not cue.context and cue.value in self.rules

    @staticmethod
    def _within(parts: Dict[str, List[Span]], start: int, end: int) -> Dict[str, List[Span]]:
        here = {c: [s for s in spans if start <= s.start and s.end <= end] for c, spans in parts.items()}
        return {c: spans for c, spans in here.items() if spans}

    def _concepts(self, doc: Doc) -> Dict[str, List[Span]]:
        found: Dict[str, List[Span]] = {}
        blocked: Set[int] = set()
        matches = self.matcher(doc)
        blockers = [(start, end) for match_id, start, end in matches if doc.vocab.strings[match_id] == "BLOCK"]
        for start, end in blockers:
            blocked.update(range(start, end))
        titles = _quoted_titles(doc) | _named_titles(doc)
        blocked.update(titles)

        def unblocked(s: int, e: int) -> bool:
            # The longest reading wins over a blocker too: "confused about the
            # time and place" (bank Z) is disorientation, "confused about" alone
            # a puzzlement.
            return not titles.intersection(range(s, e)) and all(
                e <= b_start or b_end <= s or (s <= b_start and b_end <= e and e - s > b_end - b_start)
                for b_start, b_end in blockers)
        kept = [(doc.vocab.strings[m], s, e) for m, s, e in matches
                if doc.vocab.strings[m] != "BLOCK" and unblocked(s, e)]
        # Every concept's words as matched, before the filters below: a negation
        # inside them is theirs (`_concepts_own_negation`).
        found["_matched"] = [Span(doc, s, e, label=label) for label, s, e in kept]
        for label, start, end in kept:
            # The longest reading of the words wins across concepts: "feel
            # faint" is a feeling, not a faint; "dark bits" is not black.
            if any(s <= start and end <= e and (e - s) > (end - start) for other, s, e in kept):
                continue
            found.setdefault(label, []).append(Span(doc, start, end, label="SIGN_PART"))
        # A concept that is something else in context: a state followed at once
        # by a question word ("so confused, what does it mean"); a collapse with
        # no person before it ("the shelf collapsed"); a verb with an object
        # ("blacking out my name").
        filters = (
            ("not_followed_by", lambda s, words: _next_word(doc, s.end) not in words or _time_after_word(doc, s.end)
             # "I'm not confused at all" (set Z): "at all" strengthens a denial; it names no topic
             or (doc[s.end:s.end + 2].text.lower() == "at all"
                 and (s.end + 2 >= len(doc) or doc[s.end + 2].is_punct))),
            ("person_subject",
             lambda s, verbs: not _starts_with(s, verbs) or _person_before(doc, s.start, self.people)),
            ("intransitive", lambda s, verbs: not _starts_with(s, verbs) or not _has_object(doc, s.end)),
            ("thing_subject", lambda s, things: not _thing_before(doc, s.start, things)),
        )
        for field, keep in filters:
            for concept, words in (self.config.get(field) or {}).items():
                found[concept] = [s for s in found.get(concept, []) if keep(s, words)]
                if not found[concept]:
                    del found[concept]
        if _CORRECTING.search(doc.text.lower()):
            for concept, words in (self.config.get("corrected_facts") or {}).items():
                spans = found.get(concept, [])
                # the words as matched, or with the verb before them ("got" + "muddled")
                if spans and all(s.text.lower() in words or (
                        s.start and f"{doc[s.start - 1].lower_} {s.text.lower()}" in words) for s in spans):
                    del found[concept]
        for concept, rule in (self.config.get("drug_object") or {}).items():
            drugs = set(rule.get("drugs") or ()) | {t.lower_ for s in found.get("means", []) for t in s}
            unclear = [s for s in found.get(concept, []) if _of_something_else(doc, s, set(rule["verbs"]), drugs)]
            if unclear:
                found[concept] = [s for s in found[concept] if s not in unclear]
                found.setdefault(rule["unclear"], []).extend(unclear)
                if not found[concept]:
                    del found[concept]
        for token in doc:
            if token.lower_ not in _KNOWING or token.i in blocked:
                continue
            negation = next((t for t in doc[max(0, token.i - 3):token.i] if t.lower_ in _NEGATIONS), None)
            if negation is not None and not any(s.start <= token.i < s.end for s in found.get("not_know", [])):
                # The negation is part of the concept's own words, not a denial of
                # it, and so is its auxiliary ("can" of "cannot", "did" of "didn't").
                first = negation.i - 1 if negation.i and doc[negation.i - 1].lower_ in _AUXILIARIES else negation.i
                found.setdefault("not_know", []).append(Span(doc, first, token.i + 1, label="SIGN_PART"))
        found["_blocked"] = [Span(doc, i, i + 1) for i in sorted(blocked)]
        found.setdefault("severe", []).extend(_pain_scores(doc))
        if not found["severe"]:
            del found["severe"]
        fever_numbers = self._temperatures(doc)
        if fever_numbers is not None:
            high, normal = fever_numbers
            found.setdefault("fever", []).extend(high)
            if normal:
                # "temp is normal, 36.8": a thermometer reading that is no fever.
                near = [s for s in found.get("fever", []) if any(abs(s.start - n.start) <= 5 for n in normal)]
                found["fever"] = [s for s in found.get("fever", []) if s not in near]
                found["_normal_temperature"] = near + normal
        return found

    @staticmethod
    def _temperatures(doc: Doc) -> Optional[Tuple[List[Span], List[Span]]]:
        high, normal = [], []
        for token in doc:
            match = _NUMBER.match(token.text)
            if not match:
                continue
            value = float(match.group(1) + (match.group(2) or "").replace(",", "."))
            unit = (match.group(3) or "").lstrip("°").lower()
            nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            prev = doc[token.i - 1].lower_ if token.i > 0 else ""
            # "38 on the thermometer": a reading word a few words on, not "38 years".
            near_reading = nxt not in _NOT_READINGS and any(
                t.lower_ in _READING_WORDS for t in doc[max(0, token.i - 3):token.i + 4] if t.i != token.i)
            # "38 point something", "39 point 2" (bank AE): the decimal said in words.
            decimal = bool(match.group(2)) or nxt == "point"
            is_celsius = 35 <= value <= 42.5 and unit != "f" and (
                decimal or unit == "c" or nxt in ("c", "°c", "degrees", "°")
                # Not "at 40" or "of 39" alone: "had breast cancer at 40" is an age (set E).
                or prev in ("temp", "temperature", "thermometer", "says") or near_reading)
            # "running 101.5": a reading with a decimal in the fever range of
            # Fahrenheit is a temperature without its unit.
            is_fahrenheit = 99 <= value <= 106 and unit != "c" and (
                nxt in ("f", "°f", "degrees") or unit == "f" or decimal
                or prev in ("temp", "temperature", "running", "hit", "reached") or near_reading)
            if not (is_celsius or is_fahrenheit):
                continue
            span = Span(doc, token.i, token.i + 1, label="SIGN_PART")
            if (is_celsius and value >= 37.8) or (is_fahrenheit and value >= 100.0):
                high.append(span)
            elif (is_celsius and value < 37.5) or (is_fahrenheit and value < 99.5):
                normal.append(span)
        return (high, normal) if high or normal else None

    def _possessed_scan(self, doc: Doc) -> bool:
        """"my dad's CT", "husbands scan", "Amma's CT", "(her scan)": the scan
        is someone else's, so the person typing speaks for the patient."""
        relatives = set(self.markers.get("relatives") or ())
        scans = set(self.markers.get("scan_words") or ())
        words = [t.lower_ for t in doc]
        for i, word in enumerate(words):
            # "the CT is my mum's", "I'm her son" (bank I).
            if word in scans and words[i + 1:i + 2] in (["is"], ["was"]) and any(
                    w in relatives for w in words[i + 2:i + 4]) and "'s" in words[i + 3:i + 5]:
                return True
            if word in ("i'm", "im", "am") or (word in ("'m", "m") and i and words[i - 1] == "i"):
                if words[i + 1:i + 2] in (["her"], ["his"]) and words[i + 2:i + 3] and words[i + 2] in relatives:
                    return True
        for token in doc:
            if token.lower_ not in scans or token.i == 0:
                continue
            before = [t.lower_ for t in doc[max(0, token.i - 3):token.i]]
            if before and before[-1] in ("liver", "abdominal", "new", "recent", "last", "own"):
                before = before[:-1]
            if not before:
                continue
            last = before[-1]
            if last in ("his", "her", "their"):
                return True
            if last == "'s" and len(before) > 1 and before[-2] not in ("it", "that", "what", "there", "he", "she"):
                return True
            if last.endswith("s") and last[:-1] in relatives:
                return True
            if last in relatives and (len(before) < 2 or before[-2] not in ("my", "a", "the")):
                return True
        # "My husband, aged 88, had a scan which showed..." (set P): the relative
        # is who had it, with no "I" between.
        for token in doc:
            if token.lower_ not in scans:
                continue
            window = [t for t in doc[max(token.sent.start, token.i - 9):token.i]]
            lowered = [t.lower_ for t in window]
            had = [i for i, w in enumerate(lowered) if w in ("had", "has", "underwent", "got", "having")]
            kin = [i for i, w in enumerate(lowered) if w in relatives and i and lowered[i - 1] in ("my", "our")]
            if had and kin and kin[0] < had[-1] and lowered[had[-1] + 1:] and all(
                    w in ("a", "an", "the", "his", "her", "their", "recent", "new", "liver", "abdominal")
                    for w in lowered[had[-1] + 1:]) and not any(
                    w in ("i", "i'm", "im", "me", "i've", "ive") for w in lowered[kin[0]:]):
                return True
        # "A recent CT of his abdomen reports calcification" (set I): the body scanned is his.
        return any(t.lower_ in scans and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of"
                   and doc[t.i + 2].lower_ in ("his", "her", "their") for t in doc)

    def _concepts_own_negation(self, doc: Doc, modifier: Any, matched: Sequence[Span]) -> bool:
        """A denial whose negation word is part of a concept's own words ("not
        making sense", "am not know where I am", "would rather not go on")
        is that concept's meaning where the concept completes a reading (alone,
        or with the other concepts of a combination in its sentence), and
        denies nothing around it: its scope had run on to the next concept
        ("awful drowsy and not making sense this evening", bank O, read
        "this evening" as denied, so the drowsiness too). "I don't want to
        harm myself by accident" completes no reading with "don't want to":
        there the negation denies."""
        if getattr(modifier, "category", "") != NEGATED:
            return False
        start, end = modifier.modifier_span
        words = [i for i in range(start, end) if doc[i].lower_ in _OWN_NEGATIONS] or list(range(start, end))
        holders = [s for s in matched if any(s.start <= i < s.end for i in words)]
        for holder in holders:
            sent = doc[holder.start].sent
            present = {sp.label_ for sp in matched if sent.start <= sp.start < sent.end}
            for combination in self.combinations:
                if holder.label_ in combination and set(combination) <= present:
                    return True
        return False

    def _unnamed_patient(self, doc: Doc, markers: Dict[str, List[Tuple[int, int]]]) -> bool:
        """"he's really drowsy and not making sense tonight": a message about
        "he" or "she" that names nobody first is about the patient the person
        typing looks after (set I), not a relative's own story: "my brother is
        drowsy" names whose it is."""
        relatives = set(self.markers.get("relatives") or ()) | _FAMILY_WORDS
        others = [m[0] for m in markers.get("other_person", ())] + [m[0] for m in markers.get("animals", ())]
        for token in doc:
            word = token.lower_
            if word in relatives or word in _FIRST_PERSON or token.i in others or (
                    token.pos_ == "PROPN" and not token.is_sent_start):
                return False
            if word in ("he", "she", "he's", "she's", "his", "her"):
                return True
        return False

    def _speaks_for(self, doc: Doc, markers: Dict[str, List[Tuple[int, int]]]) -> bool:
        """The person typing speaks for a relative: a verb of writing or asking,
        a link within two words after it, and a relative (or him, her) within
        three words after the link ("typing this for my grandad", "I write
        regarding my husband", "asking on behalf of mum"); or the patient who
        cannot type ("...who is unable to type"). Three concept lists combined,
        not sentences (independent set E: five proxies, one found by phrase)."""
        if markers.get("proxy_cannot"):
            return True
        relatives = set(self.markers.get("relatives") or ()) | {"him", "her", "them"}
        for _, verb_end in markers.get("proxy_verbs", ()):
            for link_start, link_end in markers.get("proxy_links", ()):
                if 0 <= link_start - verb_end <= 2 and any(
                        t.lower_ in relatives for t in doc[link_end:link_end + 3]):
                    return True
        return False

    def _markers(self, doc: Doc, concept_tokens: Optional[Set[int]] = None) -> Dict[str, List[Tuple[int, int]]]:
        out: Dict[str, List[Tuple[int, int]]] = {}
        for match_id, start, end in self.marker_matcher(doc):
            name = doc.vocab.strings[match_id][2:]
            # A time word inside a concept's own words is the concept's: "sorted my
            # will" is a farewell, not "sorted" as over and done with (bank n).
            # So is a person in the concept's own words ("seeing people who aren't there": bank AA).
            if name in ("resolved", "long_ago", "other_person") and concept_tokens \
                    and concept_tokens.issuperset(range(start, end)):
                continue
            # "gone yellow recently, never used to be" (set M): not so before, so new.
            if name == "long_ago" and start and doc[start].lower_ == "used" \
                    and doc[start - 1].lower_ in ("never", "n't", "not", "nt", "didnt"):
                continue
            # "when I was 8", "when she was little": long ago; "when I was sick
            # after breakfast" (bank I): not.
            # "when I was about thirteen" (bank Q): a hedge before the age.
            age_at = end + 1 if end < len(doc) and doc[end].lower_ in ("about", "around", "maybe", "only", "just",
                                                                      "roughly", "like") else end
            if name == "long_ago" and doc[start:end].text.lower() in _WHEN_WAS and not (
                    age_at < len(doc) and (doc[age_at].like_num or doc[age_at].lower_ in _AGE_WORDS)):
                continue
            # "what should I do", "can I do anything": a question of the user's, not
            # a confirmation like "because I do" (bank l).
            if name in ("confirm", "actual") and start and doc[start - 1].lower_ in _ASKING_BEFORE:
                continue
            # "I googled 'vomiting blood' because I was scared" (bank Z): a feeling
            # given as the reason confirms nothing.
            if name == "confirm" and end < len(doc) and doc[end].lower_ in _FEELINGS:
                continue
            if name == "other_person" and _not_the_one_it_is_about(doc, start):
                continue
            out.setdefault(name, []).append((start, end))
        for token in doc:
            # "blak stols 2 days now": a number of days or hours is a real time (bank n).
            if token.text.isdigit() and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _DURATIONS \
                    and not (token.i and doc[token.i - 1].lower_ in ("in", "every", "per", "after")):
                out.setdefault("actual", []).append((token.i, token.i + 2))
            if _YEAR.match(token.text) and int(token.text) < _this_year():
                out.setdefault("long_ago", []).append((token.i, token.i + 1))
            # "self-harm at 16, I'm 34 now", "aged 12": an age is a time long past.
            # "then at 6 it came on like a hammer": under 13, "at" a clock time
            # unless "years" follows.
            if token.lower_ in ("at", "aged", "age") and token.i + 1 < len(doc) and doc[token.i + 1].like_num \
                    and doc[token.i + 1].text.isdigit() and int(doc[token.i + 1].text) < 100 \
                    and not (token.i + 2 < len(doc) and doc[token.i + 2].lower_ in _CLOCK) \
                    and (token.lower_ != "at" or int(doc[token.i + 1].text) >= 13
                         or (token.i + 2 < len(doc) and doc[token.i + 2].lower_ in ("years", "yrs", "year"))):
                out.setdefault("long_ago", []).append((token.i, token.i + 2))
        # "my best friend fainted at her own wedding" (bank T): someone outside
        # the family as ConText reads them (context.yml `another person`, with
        # the words between "my" and the person), not only the fixed phrases.
        graph = getattr(doc._, "context_graph", None)
        for modifier in getattr(graph, "modifiers", None) or ():
            span = tuple(modifier.modifier_span)
            if modifier.category == "OTHER_PERSON" and span not in out.get("other_person", []) \
                    and not _not_the_one_it_is_about(doc, span[0]):
                out.setdefault("other_person", []).append(span)
        # "In 1974 ... I was admitted with jaundice and fever" (bank AB): a year ten or
        # more years back, after "in", "back in", "around", is long ago ("since 1974" is not).
        this_year = datetime.date.today().year
        for token in doc[1:]:
            if _YEAR_TOKEN.fullmatch(token.text) and this_year - int(token.text) >= LONG_AGO_YEARS \
                    and doc[token.i - 1].lower_ in ("in", "around", "circa", "c.", "about", "back"):
                out.setdefault("long_ago", []).append((token.i - 1, token.i + 1))
        return out

    @staticmethod
    def _clauses(doc: Doc) -> List[Tuple[int, int]]:
        clauses = []
        for sent in doc.sents:
            start = sent.start
            for token in sent:
                if token.lower_ in CLAUSE_BREAKS and token.i > start and not _inside_word(doc, token):
                    clauses.append((start, token.i))
                    start = token.i + 1
            if start < sent.end:
                clauses.append((start, sent.end))
        # Telegraphic fragments ("stomach pain. worst ever. sudden.") read with
        # the clause before them.
        merged: List[Tuple[int, int]] = []
        for start, end in clauses:
            words = [t for t in doc[start:end] if t.is_alpha]
            # "He died in 2015." has its own subject: a sentence, not a fragment.
            subject = bool(words) and words[0].lower_ in _SUBJECTS
            # "I wondered about the colour of my stools. They've been black like tar"
            # (bank AB): a sentence opened by a pronoun says more of the clause before it.
            # Not people ("They think it's his ulcer": the doctors).
            points_back = bool(words) and words[0].lower_ in _POINTING_BACK and doc[start].is_sent_start \
                and not (len(words) > 1 and words[1].lower_ in _PEOPLE_VERBS)
            if merged and (points_back or (len(words) <= FRAGMENT_WORDS and not subject
                                           and not any(t.lower_ in CLAUSE_BREAKS for t in doc[start - 1:start]))):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged

    def _read(self, doc: Doc, value: str, rule: Dict[str, Any], here: Dict[str, List[Span]],
              markers: Dict[str, List[Tuple[int, int]]], modifiers: Sequence[Any],
              clause: Tuple[int, int], proxy: bool, sentence_parts: Dict[str, List[Span]]) -> Optional[SignReading]:
        certain = _first_complete(rule.get("certain") or (), here)
        uncertain = None if certain else _first_complete(rule.get("uncertain") or (), here)
        combination = certain or uncertain
        if combination is None:
            return None
        # Of several mentions of a concept, the one that is most plainly the
        # user's own and affirmed stands for it ("my son found me on the floor,
        # I must have passed out").
        # Then the one nearest the combination's other parts ("forgot my PIN
        # and didn't know what day it was": "didn't know" goes with the day).
        spans = []
        for concept in combination:
            others = [s for c in combination if c != concept for s in here[c]]
            # ("a friend says what happened was a syncope, I went out cold": bank Y:
            # the mention with the user as its subject)
            scored = [(len(self._categories(s, modifiers) & _EXCLUDING), not _subject_is_me(doc, s),
                       min((abs(s.start - o.start) for o in others), default=0), i, s)
                      for i, s in enumerate(here[concept])]
            spans.append(min(scored)[4])
        # A cue inside another part of the same sign belongs to its
        # description ("can't even let the duvet touch my stomach").
        inside = {i for span in spans for i in range(span.start, span.end)}
        own = [m for m in modifiers if not set(range(*m.modifier_span)) <= inside]
        categories = [self._categories(span, own) for span in spans]
        # "i think my poo might be black? it's really dark and sticky, been like that two
        # days" (set S): a hedge in an earlier sentence, then the sign said plainly in a
        # later one; the plain statement stands.
        sentence_of = [doc[s.start].sent.start for s in spans]
        last = max(sentence_of)
        if any(POSSIBLE in c for c, at in zip(categories, sentence_of) if at < last) \
                and not any(POSSIBLE in c for c, at in zip(categories, sentence_of) if at == last):
            categories = [c - {POSSIBLE} for c in categories]
        start, end = min(s.start for s in spans), max(s.end for s in spans)

        def in_clause(name: str) -> List[Tuple[int, int]]:
            return [m for m in markers.get(name, ()) if clause[0] <= m[0] and m[1] <= clause[1]]

        role: Optional[str] = None
        context: List[str] = []
        if any(NEGATED in c for c in categories) or any(self._denied_in_list(doc, span, sentence_parts, modifiers)
                                                         for span in spans):
            role = "negated"
        elif answered_no(doc, doc[start].sent) or asked_and_denied(doc, doc[start].sent, start):
            role = "negated"
        # "my family would be better off if I was gone": the user is in the sign's own words.
        own_words = any(t.lower_ in _FIRST_PERSON for t in doc[start:end])
        # "... and she says the whites of my eyes are yellow" (bank Z): "my" in
        # the sign's own words keeps it the user's after a third person too.
        family = (all(FAMILY in c for c in categories) or self._third_person(doc, clause, start)) and not own_words
        # "my flatmate found blood all over the basin after i'd been sick in it"
        # (bank O): the one who found it is another; the one sick is the user.
        mine = any(_subject_is_me(doc, s) for s in spans)
        # "my neighbour remarked that the whites of my eyes have turned yellow"
        # (bank X): the user's own body inside the sign's words is the user's.
        # An animal before the sign, as a person ("I'm a vet nurse, yesterday a
        # spaniel came in vomiting blood": bank AA); or a named someone as its
        # subject ("Marianne faints about every ten pages").
        other = any(m[1] <= start and not _first_person_in(doc[m[1]:end]) and not mine
                    for name in ("other_person", "animals") for m in in_clause(name)) or (
            not proxy and _named_subject(doc, start, self.people)) or (
            bool(markers.get("animals")) and not _first_person_in(doc[clause[0]:clause[1]])
            and not self._no_animal_before(start, markers.get("animals") or ()))
        # A story or a job in the sentence, the sign's subject not the user
        # (signs.yml markers.story, markers.work).
        sentence = doc[start].sent
        told_of_others = not mine and not proxy and not _first_person_in(doc[start:end]) and (
            any(sentence.start <= m[0] < sentence.end for m in markers.get("work", ()))
            or any(m[1] <= start for m in in_clause("story")))
        if told_of_others and not rule.get("keep_in_questions"):
            other = True
        if other:
            context.append("other")
        elif family and not proxy and role is None:
            role = "family"
        # Thoughts of self-harm count even inside an "if"; a general question
        # with no "I" in it ("can a paracetamol overdose cause...?") does not.
        keep = bool(rule.get("keep_in_questions")) and any(t.lower_ in _FIRST_PERSON for t in doc[clause[0]:clause[1]])
        # "could the calcification be causing my fever": a symptom the user
        # calls theirs is there, whatever the question asks about it.
        owned = any(s.label_ == "SIGN_PART" and c in _OWNABLE_STATES and _owned(doc, s)
                    for c, s in zip(combination, spans))
        # "would black stools mean I'm bleeding inside?" (bank X): the user after
        # "mean" is what the question asks may follow, not the sign being real.
        actual = owned or any(not _after_meaning(doc, m[0]) for m in in_clause("actual")) or self._actual_nearby(
            doc, markers, clause, start) or any(
            # "could a fever of 38.4 and this pain under the ribs be linked?": one
            # part pointed at ("this pain") makes the whole question about now.
            s.start > clause[0] and doc[s.start - 1].lower_ in ("this", "these")
            for parts_of in sentence_parts.values() for s in parts_of if clause[0] <= s.start < clause[1])
        # "if" and its kin reach a few words ("what if I vomit blood", "should I
        # worry if my poo goes black"), not a whole sentence ("sorry if this
        # makes no sense, I'm very confused and sleepy today").
        conditional = any(m[0] < end and start - m[1] <= CONDITIONAL_REACH
                          and not any(a[0] <= m[0] < a[1] for a in in_clause("actual"))
                          and not any(r[0] <= m[0] < r[1] for r in markers.get("relevance", ()))
                          for m in in_clause("conditional")) or any(
            m[1] <= start and not any(t.lower_ in ("woke", "then", "now", "today") for t in doc[m[1]:start])
            for m in in_clause("imagined"))
        # "like if I vomited blood or had black stools, would that be an emergency?"
        # (set J): what an "or" joins to an imagined sign is imagined too.
        if not conditional and any(t.lower_ in ("or", "nor") for t in doc[max(clause[0], start - 3):start]):
            conditional = any(m[0] < start and start - m[1] <= CONDITIONAL_REACH + 6
                              and not any(a[0] <= m[0] < a[1] for a in in_clause("actual"))
                              for m in in_clause("conditional"))
        # "what if the black stools ive had since tuesday are from this?" (set G):
        # the user's own time for it makes the "what if" ask about a real event.
        if conditional and any(
                m[0] >= start and (doc[m[0]].lower_ == "since"
                                   or any(t.lower_ in ("had", "been") for t in doc[m[0]:m[1]]))
                and _first_person_in(doc[start:m[1]]) for m in in_clause("actual")):
            conditional = False
        # "if I got a fever, pain under my ribs and yellow eyes all at once, would
        # that be serious?": a question opening with "if" imagines all it lists (bank n).
        # So does a question that imagines with "would" and "if" ("what would it
        # mean if someone ... started vomiting blood?": bank AA).
        before_sign = {t.lower_ for t in doc[sentence.start:start]}
        imagined = (sentence[0].lower_ in ("if", "suppose", "say", "supposing", "imagine", "hypothetically")
                    or (bool(before_sign & {"would", "could", "should"}) and bool(before_sign & {"if", "supposing"})
                        and sentence.text.rstrip().endswith("?"))) and "?" in sentence.text and not any(
            sentence.start <= m[0] < sentence.end for m in markers.get("recent", ()))
        # Across sentences, the sentence that says it last decides ("might be black? it's
        # really dark and sticky": set S): a question before a statement asks nothing of it.
        stated_from = min(s.start for s, at in zip(spans, sentence_of) if at == last)
        asked_in = clause if last == min(sentence_of) else (max(clause[0], stated_from), clause[1])
        question = _in_question(doc, asked_in, stated_from, end) or any(HYPOTHETICAL in c for c in categories)
        confirmed = self._confirmed(doc, markers, clause, end, start)
        # "the poster said 'Severe abdominal pain? Tell reception'" (bank Z): a
        # document's words in quotation marks.
        # Or listed after a colon ("the symptom checklist in the app: vomiting
        # blood, black poo, ...": bank AA).
        colon = next((t.i for t in doc[sentence.start:start] if t.text == ":"), None)
        topic = any(m[1] <= start and start - m[1] <= CONDITIONAL_REACH for m in in_clause("topic"))
        quoted = (_inside_quotes(doc, start) or colon is not None) and any(
            sentence.start <= m[0] and m[1] <= (start if colon is None else colon)
            for m in markers.get("documents", ()))
        # "my GP told me black stools would be a reason to go in" (bank Y): advice
        # about the sign, with what it would mean or need, unless the clause
        # gives it a time of its own.
        advised = any(sentence.start <= m[0] and m[1] <= start for m in markers.get("advice", ())) and any(
            sentence.start <= m[0] < sentence.end for m in markers.get("generic", ())) and not in_clause("recent")
        if (not keep and not confirmed and (conditional or advised or quoted or topic or (question and not actual))) \
                or (imagined and not keep):
            context.append("hypothetical")
        when_long_ago = bool(in_clause("long_ago")) or any(HISTORICAL in c for c in categories)
        long_ago = when_long_ago or in_clause("resolved")
        # "never happened again": the "again" of a resolution is not recent.
        recent = [m for m in in_clause("recent") if not any(r[0] <= m[0] and m[1] <= r[1]
                                                            for r in in_clause("resolved"))]
        # Over and done with, but when? "fainted at work lol im fine now": a
        # faint one came round from, or blood vomited once, is still an
        # emergency (CLINICAL_NOTES.md); only a time long past makes it history.
        # Without one the sign is asked about, never dropped. Thoughts of
        # self-harm said to be over ("in a good place now") are not asked again.
        settled_when_unknown = bool(long_ago) and not when_long_ago and not recent \
            and not rule.get("keep_in_questions")
        if long_ago and not recent and not settled_when_unknown:
            context.append("historical")
        is_certain = certain is not None
        if settled_when_unknown:
            is_certain = False
        # Thoughts of self-harm in a story, a job, a form's words, advice or a
        # reported question ("the questionnaire asked if I'd had thoughts of
        # self-harm": bank Z): asked about, once.
        reported = any(t.lower_ in ("asked", "asks", "asking") and doc[t.i + 1].lower_ in ("if", "whether", "about")
                       for t in doc[sentence.start:start] if t.i + 1 < len(doc))
        if is_certain and keep and (told_of_others or quoted or advised or reported or topic):
            is_certain = False
        # "planning how I'd kill myself": a hedge ("would", "might") does not make
        # thoughts of self-harm uncertain, as a question or an "if" does not.
        if is_certain and any(POSSIBLE in c for c in categories) and not rule.get("keep_in_questions"):
            is_certain = False
        # An explanation anywhere in the sentence ("black, but I'm on iron
        # tablets") makes it a question rather than an alert, unless denied.
        sent = doc[start].sent
        down = [s for c in rule.get("downgrade") or () for s in sentence_parts.get(c, ())
                if sent.start <= s.start and s.end <= sent.end and (c not in _NEAR_ONLY or _just_before(s, spans))]
        firm = [s for c in rule.get("despite") or () for s in here.get(c, ())
                if NEGATED not in self._categories(s, modifiers)]
        explained = bool(down) and not all(NEGATED in self._categories(s, modifiers) for s in down)
        if is_certain and explained and not firm:
            is_certain = False
        # An explanation ruled out ("it was red, I haven't eaten anything red")
        # makes a colour reading of two concepts certain.
        if not is_certain and not down and not settled_when_unknown and uncertain is not None and len(uncertain) > 1:
            following = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
            ups = [s for c in rule.get("upgrade") or () for s in sentence_parts.get(c, ())
                   if sent.start <= s.start and s.end <= following]
            # "nothing I've eaten": the subject after "nothing" ends ConText's scope.
            if ups and all(NEGATED in self._categories(s, modifiers)
                           or (s.start and doc[s.start - 1].lower_ in _OWN_NEGATIONS) for s in ups):
                is_certain = True
        first_person = confirmed or any(t.lower_ in _FIRST_PERSON for t in doc[clause[0]:clause[1]])
        return SignReading(value, start, end, is_certain, role, tuple(context), first_person,
                           downgraded=(certain is not None and not is_certain) or (explained and not firm)
                           or settled_when_unknown)

    @staticmethod
    def _categories(span: Span, modifiers: Sequence[Any]) -> Set[str]:
        """ConText categories whose scope covers the concept. A cue inside the
        concept's own words is not a modifier ("doesn't recognise", "don't want
        to be here"); one that starts before it and runs into it is ("nothing
        like coffee grounds")."""
        found = set()
        for modifier in modifiers:
            if getattr(modifier, "direction", "") in ("TERMINATE", "PSEUDO"):
                continue
            allowed = getattr(modifier, "allowed_types", None)
            if allowed and "SIGN_PART" not in allowed:
                continue
            cue_start, cue_end = modifier.modifier_span
            start = span.start
            if cue_start < span.end and span.start < cue_end:
                shared = span.doc[max(cue_start, span.start):min(cue_end, span.end)]
                if cue_start >= span.start or any(t.lower_ in _OWN_NEGATIONS for t in shared):
                    continue
                start = cue_end
            if start >= span.end:
                continue
            scope_start, scope_end = modifier.scope_span
            if scope_start < span.end and start < scope_end:
                found.add(modifier.category)
        return found

    def _denied_in_list(self, doc: Doc, span: Span, parts: Dict[str, List[Span]], modifiers: Sequence[Any]) -> bool:
        """"no thoughts of harming myself or ending my life", "list: no vomiting
        blood, no black stools": a denial word just before the concept, or an
        "or"/"nor" joining it to a denied concept a few words before (ConText's
        scope stops at "myself" and at ": no")."""
        if span.start and doc[span.start - 1].lower_ in ("no", "not", "never", "nor", "without", "nt", "n't"):
            # "would rather not go on living": the "not" is the other concept's own.
            return not any(s.start <= span.start - 1 < s.end for spans in parts.values() for s in spans)
        joiner = next((t.i for t in doc[max(0, span.start - 4):span.start] if t.lower_ in ("or", "nor")), None)
        if joiner is None or any(t.is_punct or t.lower_ in CLAUSE_BREAKS for t in doc[joiner:span.start]):
            return False
        before = [s for spans in parts.values() for s in spans if s.end <= joiner and joiner - s.end <= 6]
        return any(NEGATED in self._categories(s, modifiers)
                   or (s.start and doc[s.start - 1].lower_ in ("no", "not", "never"))
                   for s in before)

    @staticmethod
    def _confirmed(doc: Doc, markers: Dict[str, List[Tuple[int, int]]], clause: Tuple[int, int], end: int,
                   start: Optional[int] = None) -> bool:
        """"can stress make you throw up blood? Because I did, twice": a
        confirmation after the sign in its clause, or opening the next
        sentence, makes the question about the user's own real event. A short
        one ("I did", "I am") counts only when it stands alone or before a time
        ("I am scared" is no confirmation). A long one may come first in the
        clause ("asked if it was 'tarry' - that's exactly what mine is, tarry")."""
        sent = doc[clause[0]].sent
        following = doc[sent.end].sent if sent.end < len(doc) else None
        # "The nurse asked if I had been sick with blood. Yes this morning.": a
        # reported question the next sentence answers yes.
        if following is not None and _REPORTED_ASKING.search(sent.text.lower()) \
                and following[0].lower_ in ("yes", "yeah", "yep", "yup", "aye", "yea"):
            return True
        times = {m[0] for name in ("actual", "recent") for m in markers.get(name, ())}
        for m_start, m_end in markers.get("confirm", ()):
            if start is not None and clause[0] <= m_start and m_end <= start and m_end - m_start >= 3:
                return True
            after_sign = end <= m_start < clause[1]
            opens_next = following is not None and following.start <= m_start <= following.start + 2
            if not (after_sign or opens_next):
                continue
            # "would my family notice before I did?": a comparison, not a confirmation.
            if m_start and doc[m_start - 1].lower_ in ("before", "than", "if", "when", "unless", "until", "whether"):
                continue
            if m_end - m_start >= 3 or m_end >= len(doc) or doc[m_end].is_punct or m_end in times:
                return True
        # "...cause a fever and pain on the right? I've got both at the moment",
        # "...give you sudden stomach pain? it started just now": the next
        # sentence opens with the user or with a word pointing back, and tells
        # when: the question was about a real event.
        # Or the one after it ("why would my poo be jet black? no iron tablets.
        # it's been like that since Sunday").
        later = following
        for _ in range(2):
            if later is None or end > sent.end:
                break
            opening = later.start + 2
            # "...under my ribs? started last night" (bank S): a sentence that
            # opens with its onset has dropped its subject, the signs just told.
            own = any(later.start <= m[0] <= opening for m in markers.get("confirm", ())) or any(
                t.lower_ in _ANAPHORS or t.lower_ in ("both", "all") for t in doc[later.start:opening + 1]) or (
                later[0].lower_ in _SUBJECTLESS_ONSET)
            when = any(later.start <= m[0] and m[1] <= later.end for m in markers.get("recent", ()))
            words = [t.lower_ for t in later]
            onset = any(w in _ONSET for w in words[:5]) and not any(w in _WORRY for w in words)
            if own and when and onset:
                return True
            later = doc[later.end].sent if later.end < len(doc) else None
        return False

    @staticmethod
    def _actual_nearby(doc: Doc, markers: Dict[str, List[Tuple[int, int]]], clause: Tuple[int, int],
                       start: int) -> bool:
        """A question about a real event: "is this sudden pain from the
        calcification?", "is black poo a sign of it? I've had it since Sunday"
        (the time is in the next sentence: only a time counts there, not
        "I was given a list")."""
        if start > clause[0] and doc[start - 1].lower_ in ("this", "these", "my", "the", "this sudden"):
            if doc[start - 1].lower_ in ("this", "these"):
                return True
        sent = doc[clause[0]].sent
        following = doc[sent.end].sent if sent.end < len(doc) else None
        if following is None:
            return False
        return any(following.start <= m[0] and m[1] <= following.end for m in markers.get("recent", ()))

    @staticmethod
    def _third_person(doc: Doc, clause: Tuple[int, int], start: int) -> bool:
        """"she has been vomiting blood": someone else's, unless the clause
        also has the user ("I") before the sign."""
        words = [t.lower_ for t in doc[clause[0]:start]]
        # "I rang him five times": "him" is the object; the clause is about "I".
        # "they found calcification ... the pain now is sudden" (set L): "they"
        # who found, said or scanned are the clinicians, not someone with the sign.
        last_third = max((i for i, w in enumerate(words) if w in _THIRD_PERSON and w != "him"
                          and not (w == "they" and words[i + 1:i + 2] and words[i + 1] in _CLINICIANS_DO)),
                         default=-1)
        last_first = max((i for i, w in enumerate(words) if w in _FIRST_PERSON), default=-1)
        return last_third > last_first



_CLINICIANS_DO = frozenset({"found", "find", "said", "say", "says", "saw", "see", "told", "did", "do", "scanned",
                            "checked", "think", "thought", "reckon", "want", "wanted", "wrote", "measured", "noticed",
                            "spotted", "picked", "called", "rang", "gave", "sent", "booked"})
_CLOCK = frozenset({"am", "pm", "o'clock", ":", "mins", "minutes", "hours", "hrs", "degrees", "c", "°c", "%", "mg"})
CLAUSE_STARTS = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "been", "he", "she", "they", "we", "it", "it's",
                            "my", "but", "then", "now", "just", "still", "and", "so", "had", "have", "got", "keep",
                            "kept", "feel", "feeling", "since", "this", "today", "yesterday", "last", "was", "went",
                            # "no point in anything rn, thinking of ending it all" (bank n): a state in -ing
                            "thinking", "wanting", "planning", "wishing", "struggling"})
_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "it", "you"})
_ANAPHORS = frozenset({"it", "it's", "its", "that", "this", "them", "which"})
# "I've got both", "it started just now": having or an onset, not a feeling
# about the question ("it worries me at the moment").
_ONSET = frozenset({"got", "have", "has", "had", "'ve", "started", "starting", "began", "begun", "happening",
                    "happened", "came", "come", "doing", "having", "been"})
_SUBJECTLESS_ONSET = frozenset({"started", "starting", "began", "begun", "been", "came", "happened", "happening"})
_WORRY = frozenset({"worried", "worry", "worries", "worrying", "scared", "scares", "anxious", "nervous", "concerned",
                    "afraid", "frightened", "frightens", "panicking", "stressed"})
# Words between a subject and its verb ("he had just collapsed", "I must have
# nearly collapsed"): grammar, not a subject.
_BETWEEN_SUBJECT_AND_VERB = frozenset({
    "nearly", "almost", "just", "then", "suddenly", "had", "has", "have", "'ve", "'d", "'s", "was", "were", "is",
    "been", "got", "also", "literally", "totally", "completely", "actually", "basically", "later", "eventually",
    "fully", "must", "probably", "apparently", "simply", "really", "found", "and", "kind", "sort", "of", "all",
    "practically", "virtually", "sort", "went", "and", "finally", "nearly", "promptly", "briefly",
    "keeps", "keep", "kept", "started", "starting", "so", "very", "seems", "seemed", "'m", "'re", "am", "are", "be",
    "being"})
# After a verb with an object ("blacked out the details"), a time or place
# means it had none ("blacked out the other day", "passed out in the shop").
_TIME_OR_PLACE = frozenset({
    "other", "day", "night", "morning", "evening", "afternoon", "kitchen", "floor", "shower", "bathroom", "toilet",
    "street", "car", "middle", "whole", "moment", "second", "minute", "next", "first", "last", "same", "week",
    "weekend", "time", "supermarket", "shop", "store", "garden", "office", "bus", "train", "pub", "loo", "hallway",
    "stairs", "bed", "pool", "gym", "room", "queue", "park", "road", "hospital", "doctor's", "church", "school",
    "work", "bath", "lounge", "sofa", "couch", "airport", "station", "lift", "living", "dining"})
_OBJECT_START = frozenset({"my", "the", "a", "an", "his", "her", "their", "our", "your", "all", "any", "some",
                           "these", "those", "this", "that", "names", "details", "flyers", "leaflets"})
_PERCEPTION = frozenset({"say", "see", "remember", "recall", "find", "notice", "feel", "spot", "tell"})
_ABILITY = frozenset({"ca", "can", "could", "cannot", "cant", "couldnt", "unable"})


# A message that corrects what it said: "I meant", "not methotrexate, it's
# amiodarone", "it's methotrexate I take, not metformin" (sets L, M). Not "not
# like me at all" nor "not about the scan, i mean i actually feel confused"
# (banks E, M: real confusion).
_CORRECTING = re.compile(r"\b(i meant|meant to say|correction|my mistake|my bad|typo)\b"
                         r"|\bnot (?:a |an |the |my )?[\w-]+,?\s+(?:it'?s|it is|it was)\b"
                         r"|\bit'?s (?:a |an |the |my )?[\w-]+\b[^.?!]{0,30}\bnot (?:a |an |the )?[\w-]+\s*[.!]?\s*$"
                         # "I got muddled, it was an MRI not a CT, sorry" (bank W)
                         r"|\bit (?:was|is) (?:a |an |the |my )?[\w-]+,? not (?:a |an |the )?[\w-]+")


_OWN_DENIALS_OF_ITEMS = frozenset({"no", "not", "never", "nothing", "none", "without", "nil"})


def _each_has_its_own(doc: Doc, modifier: Any, comma: int) -> bool:
    """Is the denial the last of a list whose denied items each have their own?

    Its own denial word for each item, before a comma followed by an item
    without one (the pipeline's `_denied_items_have_their_own`, for the sign
    reader)."""
    start = modifier.modifier_span[0]
    sent = doc[start].sent
    earlier = [t for t in doc[sent.start:start] if t.lower_ in _OWN_DENIALS_OF_ITEMS]
    if not earlier or not any(t.text == "," for t in doc[earlier[-1].i:start]):
        return False
    return comma + 1 < len(doc) and doc[comma + 1].lower_ not in _OWN_DENIALS_OF_ITEMS | {"or", "nor", "and"}


def _not_the_one_it_is_about(doc: Doc, start: int) -> bool:
    """"looked like someone had emptied a cafetiere into the bowl": a simile.
    "I had to ask the receptionist what year it is" (bank n): the one asked,
    not the one it is about."""
    before = start - 1
    while before > 0 and doc[before].lower_ in ("the", "a", "an", "my", "our", "this", "that"):
        before -= 1
    return bool(start) and (doc[start - 1].lower_ in ("like", "if", "though")
                            or doc[before].lower_ in ("ask", "asked", "asking", "told", "tell", "telling"))


def _of_something_else(doc: Doc, span: Span, verbs: Set[str], drugs: Set[str]) -> bool:
    """"overdosed on Google": the span ends with an overdose verb whose object,
    after "on" or "of", has no medicine in its first three words (a medication
    entity counts)."""
    if span[-1].lower_ not in verbs or span.end >= len(doc) or doc[span.end].lower_ not in ("on", "of"):
        return False
    obj = [t for t in doc[span.end + 1:span.end + 4] if not t.is_punct]
    if not obj:
        return False
    medicines = {i for e in doc.ents if e.label_ == "medication" for i in range(e.start, e.end)}
    return not any(t.lower_ in drugs or t.i in medicines for t in obj)


def _inside_word(doc: Doc, token: Any) -> bool:
    """"maroon-black", "tar-like": a hyphen between two words with no space is
    part of a word, not a break between clauses."""
    if token.text not in ("-", "–") or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return doc[token.i - 1].whitespace_ == "" and token.whitespace_ == ""


def _starts_with(span: Span, phrases: Iterable[str]) -> bool:
    text = " ".join(t.lower_ for t in span)
    return any(text == p or text.startswith(p + " ") for p in phrases)


def _person_before(doc: Doc, start: int, people: FrozenSet[str]) -> bool:
    """Is the subject of the verb at `start` a person, or left unsaid ("at
    work, collapsed")? "the shelf collapsed", "the firm I work for collapsed",
    "our labrador collapsed": the nearest word before the verb names a thing."""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in _BETWEEN_SUBJECT_AND_VERB or doc[i].text in ("-",)):
        if doc[i].is_sent_start:
            return True
        i -= 1
    if i < 0 or doc[i].is_punct or doc[start].is_sent_start:
        return True
    word = doc[i]
    if word.lower_ == "found" or doc[start - 1].lower_ == "found":  # "was found collapsed": someone was
        return True
    if word.lower_ in people or word.lower_ == "law":  # "father-in-law"
        return True
    # A name ("Anna collapsed"), not the first word of the sentence.
    return word.text[:1].isupper() and not word.is_sent_start and word.lower_ not in _OBJECT_START


def _thing_before(doc: Doc, start: int, things: Iterable[str]) -> bool:
    """Is the subject of the state at `start` one of these things ("the report
    is so muddled", "the wording doesn't make sense")? The words between a
    subject and its verb are skipped, as for a person."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in _BETWEEN_SUBJECT_AND_VERB | _NEGATION_AUXILIARIES:
        i -= 1
    # "the report has me confused", "the letter left me so muddled" (bank R): the
    # thing makes the person so; its subject is still the thing.
    if i >= 1 and doc[i].lower_ in _OBJECT_PRONOUNS and doc[i - 1].lower_ in _CAUSATIVES:
        i -= 2
        skipped = _BETWEEN_SUBJECT_AND_VERB | _NEGATION_AUXILIARIES | {"is", "'s", "are", "was"}
        while i >= 0 and doc[i].lower_ in skipped:
            i -= 1
    return i >= 0 and doc[i].lower_ in things


_OBJECT_PRONOUNS = frozenset({"me", "us", "him", "her", "them"})
_CAUSATIVES = frozenset({"has", "have", "had", "got", "gets", "left", "leaves", "leaving", "makes", "made", "making",
                         "make", "getting", "keeps", "kept"})


def _has_object(doc: Doc, end: int) -> bool:
    if end >= len(doc) or doc[end].lower_ not in _OBJECT_START:
        return False
    nxt = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    if nxt in _TIME_OR_PLACE:
        return False
    # "this" or "that" alone is a pronoun ("blacked out, that's all"); before a word, an object.
    return nxt.isalpha() or doc[end].lower_ not in ("this", "that")


def _ability_only(doc: Doc, modifier: Any) -> bool:
    """"can't even touch my stomach it hurts that much", "can't move with the
    pain": "can't" denies an ability, which is how bad a sign is, not that it
    is absent. Still a denial before seeing or remembering ("can't see any
    blood", "can't remember fainting")."""
    if getattr(modifier, "category", "") != NEGATED:
        return False
    cue_start, cue_end = modifier.modifier_span
    words = [t.lower_ for t in doc[max(0, cue_start - 1):cue_end]]
    if not _ABILITY.intersection(words) or _PERCEPTION.intersection(words):
        return False
    i = cue_end
    while i < len(doc) and doc[i].lower_ in ("even", "really", "seem", "to", "quite", "just", "actually", "n't", "nt"):
        i += 1
    return i >= len(doc) or doc[i].lower_ not in _PERCEPTION


@dataclass(frozen=True)
class _Scoped:
    """A ConText modifier with a shorter scope (the attributes signs.py reads)."""

    category: str
    direction: str
    allowed_types: Any
    modifier_span: Tuple[int, int]
    scope_span: Tuple[int, int]


def _back_to_sentence_start(doc: Doc, modifier: Any) -> Any:
    """A denial pointing back at a list (context.yml rules with `points_back`:
    "I have neither", "none of those", "I've had nothing like that"): the list
    is the user's own words, so the user speaking ("I've read your list and
    thankfully none of those apply", bank W) does not end its scope, as it
    ends a plain denial's (SUBJECT_CHANGE)."""
    metadata = getattr(getattr(modifier, "rule", None), "metadata", None) or {}
    if getattr(modifier, "category", "") != NEGATED or not metadata.get("points_back"):
        return modifier
    start = modifier.modifier_span[0]
    return _Scoped(modifier.category, modifier.direction, getattr(modifier, "allowed_types", None),
                   tuple(modifier.modifier_span), (doc[start].sent.start, start))


def _named_subject(doc: Doc, start: int, people: FrozenSet[str]) -> bool:
    """The sign's subject is someone named ("Marianne faints"): a capitalised
    word just before it, not opening its sentence, not the user nor a relative."""
    i = _subject_before(doc, start)
    if i < 0 or i == doc[i].sent.start:
        return False
    token = doc[i]
    # a name, not a unit after a number ("102 F fever")
    return token.is_title and token.is_alpha and len(token) >= 3 and not doc[i - 1].like_num \
        and token.lower_ not in people and token.lower_ not in _FIRST_PERSON \
        and token.text not in ("Dr", "Doctor", "Mr", "Mrs", "Ms", "Miss")


def _subject_is_me(doc: Doc, span: Span) -> bool:
    """The concept's own subject is the user: "i'd been sick", "I must have
    nearly collapsed" (the words between a subject and its verb skipped)."""
    i = _subject_before(doc, span.start)
    return i >= 0 and doc[i].lower_ in ("i", "i'm", "im", "i've", "ive", "i'd", "id")


def _subject_before(doc: Doc, start: int) -> int:
    """Where the subject of the word at `start` stands: the token before it,
    the words between a subject and its verb skipped (-1: none)."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in _BETWEEN_SUBJECT_AND_VERB:
        i -= 1
    return i


def _to_comma(doc: Doc, modifier: Any, concept_tokens: Set[int], explanations: Optional[Set[int]] = None) -> Any:
    """"I'm not coping mate, been thinking about topping myself": a denial whose
    words up to the next comma name no concept has found what it denies
    ("coping"); its scope ends at that comma. A denial that reaches a concept
    before the comma goes on through the list ("no vomiting, blood or black
    poo"). ConText's scope runs to the end of the sentence: on bank G this
    turned two current signs into denials. A denial of an explanation ("it was
    red, not food red, proper blood red": bank m) has found what it denies too."""
    if getattr(modifier, "category", "") != NEGATED or getattr(modifier, "direction", "") != "FORWARD":
        return modifier
    cue_end = modifier.modifier_span[1]
    scope_start, scope_end = modifier.scope_span
    comma = next((t.i for t in doc[cue_end:scope_end] if t.text == ","), None)
    if comma is not None and explanations and explanations.intersection(range(cue_end, comma)):
        return _Scoped(modifier.category, modifier.direction, getattr(modifier, "allowed_types", None),
                       tuple(modifier.modifier_span), (scope_start, comma))
    if comma is not None and concept_tokens.intersection(range(cue_end, comma)) and _each_has_its_own(doc, modifier,
                                                                                                    comma):
        # "no fever, no pain, black tarry stools since Tuesday" (set N): a list
        # whose denied items each have their own "no"; the item after it has none.
        return _Scoped(modifier.category, modifier.direction, getattr(modifier, "allowed_types", None),
                       tuple(modifier.modifier_span), (scope_start, comma))
    if comma is None or concept_tokens.intersection(range(cue_end, comma)):
        return modifier
    # Only where a new clause starts after the comma ("..., been thinking"):
    # "I don't have any itching, fever or black stools" is one list of denials.
    if comma + 1 >= len(doc) or doc[comma + 1].lower_ not in CLAUSE_STARTS:
        return modifier
    return _Scoped(modifier.category, modifier.direction, getattr(modifier, "allowed_types", None),
                   tuple(modifier.modifier_span), (scope_start, comma))


_SCORE = re.compile(r"^(\d{1,2})/10$")
_OUT_OF = ("out of 10", "out of ten", "outta 10", "/ 10")


def _pain_scores(doc: Doc) -> List[Span]:
    """"9 out of 10", "8/10", "a 10 out of 10": a pain score of 8 or more is
    severe, however it is written (the lists held only "9/10", "8/10" and
    "ten out of ten"; bank H wrote "9 out of 10")."""
    spans = []
    for token in doc:
        match = _SCORE.match(token.text)
        if match:
            score, end = int(match.group(1)), token.i + 1
        elif token.text.isdigit() and doc[token.i + 1:token.i + 4].text.lower() in _OUT_OF:
            score, end = int(token.text), token.i + 4
        elif token.text.isdigit() and doc[token.i + 1:token.i + 3].text.lower() in ("/ 10", "/10"):
            score, end = int(token.text), token.i + 3
        else:
            continue
        if 8 <= score <= 10:
            spans.append(Span(doc, token.i, end, label="SIGN_PART"))
    return spans


_WHEN_WAS = frozenset({"when i was", "when she was", "when he was"})
_AGE_WORDS = frozenset({"young", "younger", "little", "small", "a", "an", "at", "in", "still", "growing", "pregnant",
                        "born", "newborn", "teenager", "child", "kid", "baby", "student", "at school"})
# A degree word qualifies the words right after it ("acting confused ..., I do
# feel a bit muddled": "a bit" is the muddle's, not the confusion's; set D).
_NEAR_ONLY = frozenset({"mild"})


# States a person has (not a substance or a body part: "should I check my poo
# for blood" asks, "my fever" has one).
_OWNABLE_STATES = frozenset({"fever", "pain", "confused", "drowsy", "yellow", "severe"})


def _owned(doc: Doc, span: Span) -> bool:
    """"my fever", "my awful pain", "his confusion": a possessive just before."""
    return any(t.lower_ in ("my", "his", "her") for t in doc[max(0, span.start - 2):span.start])


def _when_not_an_age(doc: Doc, modifier: Any) -> bool:
    """ConText's "when I was" as a time long past only before an age ("when I
    was 12", "when I was a child"); "when I was sick after me tea" is the
    moment of the event (bank k), as for the `long_ago` marker."""
    start, end = modifier.modifier_span
    age_at = end + 1 if end < len(doc) and doc[end].lower_ in ("about", "around", "maybe", "only", "just", "roughly",
                                                              "like") else end
    return getattr(modifier, "category", "") == HISTORICAL and doc[start:end].text.lower() in _WHEN_WAS and not (
        age_at < len(doc) and (doc[age_at].like_num or doc[age_at].lower_ in _AGE_WORDS))


def _just_before(word: Span, spans: Sequence[Span]) -> bool:
    return any(word.start <= s.start and s.start - word.end <= 2 for s in spans)


_ALL_DENIED = re.compile(r"\b(none of|no to all|not any of|nor any of|neither of|haven'?t had any|have not had any|"
                         r"had none|not had any)\b")


_ALL_OF_THEM_DENIED = re.compile(r"\b(none of (?:them|those|these|that|it)|neither of (?:them|those|these)|"
                                 r"(?:have|had|got|'ve) (?:none|neither)|not any of (?:them|those|these))\b")


def answered_no(doc: Doc, sent: Span) -> bool:
    """"Fever? No. Jaundice? No.": a short question the writer answers "no" at
    once. Or a list of short questions answered together after the last one:
    "Black stools? Confusion? Vomiting blood? I've had none of the things on
    the list" (bank O: three alerts for three denials)."""
    if sent.end >= len(doc):
        return False
    if not sent.text.rstrip().endswith("?"):
        # "there was a list on the website: fever, pain on the right, yellow
        # skin. I have none of them" (bank U): a list, then a short denial of
        # all of it.
        following = doc[sent.end].sent
        listed = ":" in sent.text or sum(t.text == "," for t in sent) >= 2
        short = len([t for t in following if not t.is_punct]) <= 6
        return listed and short and bool(_ALL_OF_THEM_DENIED.search(following.text.lower()))
    following = doc[sent.end].sent
    words = [t.lower_ for t in following if not t.is_punct]
    if words[:1] in (["also"], ["again"], ["and"]):
        words = words[1:]  # "Cancer? also no."
    if bool(words) and words[0] in ("no", "nope", "nah", "none", "never") and len(words) <= 3:
        return True
    if len([t for t in sent if not t.is_punct]) > 4:
        return False
    while following.text.rstrip().endswith("?") and len([t for t in following if not t.is_punct]) <= 4 \
            and following.end < len(doc):
        following = doc[following.end].sent
    return not following.text.rstrip().endswith("?") and bool(_ALL_DENIED.search(following.text.lower()))


_TIME_AFTER = frozenset({"past", "hours", "days", "weeks", "night", "nights", "weekend", "today", "tonight", "since"})
_COUNTS = frozenset({"few", "couple", "two", "three", "four", "several", "many"})
_UNITS = frozenset({"minutes", "hours", "days", "weeks", "nights", "months", "mins", "hrs", "of"})


def _time_after_word(doc: Doc, i: int) -> bool:
    """"confused over the last two days", "muddled on and off since Monday"
    (bank R): the word after the state starts a time, not what the state is
    about ("confused over the results")."""
    while i < len(doc) and doc[i].is_punct:
        i += 1
    j = i + 1
    while j < len(doc) and doc[j].lower_ in ("the", "a", "an", "and", "off"):
        j += 1
    if j >= len(doc):
        return False
    word = doc[j].lower_
    unit = doc[j + 1].lower_ if j + 1 < len(doc) else ""
    return word in _TIME_AFTER or word in ("last", "next", "whole", "weekend", "week", "day", "morning", "evening",
                                           "afternoon") or ((doc[j].like_num or word in _COUNTS) and unit in _UNITS)


def _next_word(doc: Doc, i: int) -> str:
    while i < len(doc) and doc[i].is_punct:
        i += 1
    return doc[i].lower_ if i < len(doc) else ""


def _persons(phrase: str) -> List[str]:
    """The phrase for each person ("take my own life" -> "take his own life",
    "hurt myself" -> "hurt herself"), so a carer's "he's been thinking of taking
    his own life" reads like the user's own words."""
    words = phrase.split(" ")
    out = [phrase]
    for mine, others in (("my", ("his", "her", "their")), ("myself", ("himself", "herself", "themselves"))):
        if mine in words:
            out += [" ".join(other if w == mine else w for w in words) for other in others]
    return out


def _inflections(phrase: str) -> List[str]:
    """The phrase and regular forms of its first word ("heave up" -> "heaved
    up", "heaving up", "heaves up"), so concept lists name each idea once.
    Irregular forms (threw, brought, bled) are listed in signs.yml."""
    first, _, rest = phrase.partition(" ")
    if not first.isalpha() or len(first) < 3:
        return [phrase]
    stem = first[:-1] if first.endswith("e") else first
    forms = {first, first + "s", first + "es", stem + "ed", stem + "ing", first + "d" if first.endswith("e") else first}
    return [phrase] + sorted(f"{form} {rest}".strip() for form in forms if form != first)


def _first_complete(combinations: Iterable[Sequence[str]], here: Dict[str, List[Span]]) -> Optional[Sequence[str]]:
    for combination in combinations:
        if all(here.get(concept) for concept in combination):
            # One span cannot stand for two concepts ("agony" is pain and severe:
            # fine), but the combination needs at least two words unless it is one concept.
            return combination
    return None


_QUESTION_START = frozenset({"can", "could", "does", "do", "would", "will", "is", "are", "what", "should", "how",
                             "why", "when", "which", "might", "may"})
# Other words that make a sentence ending in "?" a question.
_FEELINGS = frozenset({"scared", "worried", "curious", "anxious", "nervous", "frightened", "afraid", "bored",
                       "terrified", "panicking", "panicked", "concerned", "wondering", "interested", "paranoid",
                       "freaking", "freaked", "upset", "stressed"})
_PREDICATE_VERBS = frozenset({"is", "are", "was", "were", "has", "have", "am"})
_ASKING = frozenset({"has", "have", "did", "was", "were", "am", "shall", "normal", "serious", "bad", "worry",
                     "worried", "cause", "causes", "mean", "means", "sign", "symptom", "related", "linked", "or"})
CONDITIONAL_REACH = 4
# Words after an asking verb that point back at what was told ("...is that from the liver?").
_BACK_TO_TOLD = frozenset({"that", "this", "it", "these", "those"})
# Words after which "is that"/"does it" continues the same question ("I wonder whether ... is that").
_ASKED_THROUGH = frozenset({"whether", "if", "wonder", "wondering", "know", "asking", "ask"})
_DURATIONS = frozenset({"day", "days", "hour", "hours", "hrs", "hr", "night", "nights", "week", "weeks", "dys"})


_PLACE_WORDS = frozenset({"to", "at", "with", "from", "for", "by", "visiting", "visited", "round", "near", "beside"})


def _relative_as_place(doc: Doc, modifier: Any) -> bool:
    """"went to my sister's for dinner", "staying with my mum": the relative is
    a place or company, not whose sign follows."""
    if modifier.category != FAMILY:
        return False
    i = modifier.modifier_span[0] - 1
    while i >= 0 and doc[i].lower_ in ("my", "our", "his", "her", "the", "a"):
        i -= 1
    return i >= 0 and doc[i].lower_ in _PLACE_WORDS


# The person typing says the scan is their own, or that the other person is not
# the patient: "my dad is 88 (he's not the patient)", "the lady I care for
# (she's not the one asking, I am, about my own scan)" (bank AB: both read as
# proxies, so the relative's confusion became the user's).
_OWN_SCAN = re.compile(
    r"\b(?:he|she|they)(?:'s|s| is| was| are|'re)? ?(?:not|n't|nt) (?:the|a) (?:patient|one)\b"
    r"|\b(?:he|she|they) (?:isn't|isnt|wasn't|wasnt|aren't|arent) (?:the|a) (?:patient|one)\b"
    r"|\bmy own (?:scan|ct|mri|ultrasound|x-ray|xray|results?|report|liver)\b"
    r"|\b(?:i'm|im|i am) the (?:patient|one with the scan|one who had the)\b"
    r"|\bthe (?:scan|ct|mri|ultrasound|x-ray) (?:is|was) mine\b")


_POINTING_BACK = frozenset({"they", "theyve", "they're", "theyre", "these", "those"})
_PEOPLE_VERBS = frozenset({"think", "thought", "say", "said", "says", "told", "tell", "reckon", "believe", "asked",
                           "want", "wanted", "did", "do", "gave", "give", "sent", "found", "treated", "checked",
                           "looked", "took", "put", "kept", "booked", "called", "rang"})
_YEAR_TOKEN = re.compile(r"(19|20)\d\d")
LONG_AGO_YEARS = 10  # a sign that many years back is history, as "years ago" is


def _is_proxy(doc: Doc, marker: Tuple[int, int]) -> bool:
    """"Mum had the CT" is a proxy; "I'm the one who had the scan" is not."""
    if doc[marker[0]].lower_ != "had":
        return True
    # "She's the one who had the scan" (bank AA): the one is someone else.
    if marker[0] > 3 and doc[marker[0] - 1].lower_ == "who" and doc[marker[0] - 2].lower_ == "one":
        subject = doc[marker[0] - 4] if doc[marker[0] - 3].lower_ == "the" else doc[marker[0] - 3]
        if subject.lower_ in ("'s", "is", "was") and subject.i:
            subject = doc[subject.i - 1]
        return subject.lower_ in _THIRD_PERSON
    # "Mum (who had the CT) has had a fever" (bank AD): the relative just before "who" had it.
    if marker[0] > 1 and doc[marker[0] - 1].lower_ == "who":
        before = doc[marker[0] - 2] if doc[marker[0] - 2].text not in ("(", ",", "-") or marker[0] < 3 \
            else doc[marker[0] - 3]
        return before.lower_ in _RELATIVE_WORDS
    return marker[0] > 0 and doc[marker[0] - 1].lower_ not in ("i", "who", "i've", "ive", "we", "that", "also", "just")


# Words for a relative who may be the patient ("Mum (who had the CT)...").
_RELATIVE_WORDS = _FAMILY_WORDS | frozenset({
    "mum", "mom", "dad", "husband", "wife", "son", "daughter", "brother", "sister", "grandma", "grandad", "grandpa",
    "granny", "nan", "partner", "aunt", "uncle", "nana", "papa", "hubby", "boyfriend", "girlfriend", "fiance",
    "fiancee", "niece", "nephew", "grandson", "granddaughter"})


_QUOTES = {"'": "'", '"': '"', "‘": "’", "“": "”"}
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "by", "with", "from"})


_MEANING = frozenset({"what", "whats", "what's", "mean", "means", "meaning", "explain", "define", "definition"})


def _asks_meaning(after: Span) -> bool:
    return any(t.lower_ in _MEANING for t in after)


# "The nurse asked whether I'd had any thoughts of harming myself, and I
# haven't" (bank P): a reported question, answered no at the end of its sentence.
# The verbs of a reported question ("the nurse asked whether ...").
_ASKING_VERBS = r"\b(asked|asking|asks|wondered|wanted to know|checked)\b"
_ASKED_THEN_NO = re.compile(
    _ASKING_VERBS + r"(.*)(\band\b|\bbut\b|,|;|\s[-–—])\s+"
    # "GP asked about weight loss, I told him I haven't lost any" (set K)
    r"(?:(?:i|we)\s+(?:told|said to)\s+(?:him|her|them|the\s+\w+)\s+)?"
    r"(?:i'm not|im not|i am not|we're not|(?:i|we)\s+(?:ticked|put|circled|answered|wrote|marked)\s+(?:no|none|never)"
    # "the clinic form asked about thoughts of self-harm and I ticked no" (bank V)
    # "the registrar asked about weight loss and I said none" (set W)
    r"|(?:i|we)\s+said\s+(?:no|none|never|nope|not)\b"
    r"|(?:i|we)\s+(?:haven't|havent|have not|hadn't|don't|dont|do not|didn't|"
    r"didnt|did not|wasn't|wasnt|never have|never did)"
    # "I asked my husband whether I'd seemed confused and he laughed and said no more than
    # usual", "she asked about black stools too, no again" (bank AB, set S)
    r"|(?:he|she|they|the\s+\w+)(?:\s+\w+\s+and)?\s+said\s+no\b.*|no(?:\s+again|\s+to\s+that)?"
    # "he asked whether my stools had been black - they haven't" (set U): the thing asked about, denied
    r"|(?:they|it|that|those|these)\s+(?:haven't|havent|have not|hasn't|hasnt|has not|weren't|werent|wasn't|wasnt|"
    r"aren't|arent|isn't|isnt|didn't|didnt))"
    r"(?:\s+(?:lost|had|got|have|noticed|seen|been|felt)\s+(?:any|it|one|that|anything|them))?"
    # the answer ends the sentence, or a comma starts something else: "my
    # husband asked if I'd fainted, I haven't, I just sat down" (bank U)
    r"\s*(?:[.!]*\s*$|,)")


_REPORTED_ASKING = re.compile(_ASKING_VERBS + r".*\b(if|whether|about)\b")
_SHORT_NO = re.compile(r"^\W*(no|nope|nah|never|not at all|not in the slightest|not once|not really|absolutely not|"
                       r"definitely not|(?:i|we)\s+(?:haven't|havent|have not|hadn't|didn't|didnt|wasn't|wasnt|"
                       r"don't|dont))"
                       r"\b[\s\w,']{0,20}[.!]*\s*$")


def asked_then_denied_next(doc: Doc, sent: Span) -> bool:
    """A reported question answered no in a short sentence of its own: "The
    doctor wanted to know if I'd been itchy. Not in the slightest." (set U)."""
    if sent.end >= len(doc) or not _REPORTED_ASKING.search(sent.text.lower()):
        return False
    return bool(_SHORT_NO.search(doc[sent.end].sent.text.lower()))


def asked_and_denied(doc: Doc, sent: Span, start: int) -> bool:
    """Is the word at `start` inside a reported question that the sentence's
    own last words answer no? "and I haven't eaten anything red" goes on, so
    it is not such an answer (its own "haven't" denies what follows it)."""
    match = _ASKED_THEN_NO.search(sent.text.lower())
    if not match:
        return False
    asked_at = sent.start_char + match.end(1)
    answer_at = sent.start_char + match.start(3)
    return asked_at <= doc[start].idx < answer_at


_OFFERS = frozenset({"offered", "offer", "wanted", "want", "suggested", "suggest", "ambulance", "hospital", "tried",
                     "insisted", "asked me to", "told me to"})


def refused_offer(modifier: Any, doc: Doc) -> bool:
    """"they wanted to call an ambulance but I said no" (bank Q): a "no" to an
    offer refuses it; it denies nothing that was told before (a reported
    question answered no, "the GP asked about self-harm and I said no", still does)."""
    if getattr(getattr(modifier, "rule", None), "literal", "") not in ("and I said no", "told them no"):
        return False
    start = modifier.modifier_span[0]
    before = {t.lower_ for t in doc[max(0, start - 7):start]}
    return bool(before & _OFFERS)


_NAMING = frozenset({"called", "named", "titled", "entitled", "title", "heading", "headline", "headed", "subject"})


def _named_titles(doc: Doc) -> Set[int]:
    """A name or title after "called", "titled", "the title is" ("our quiz team
    is called The Black Stools", "the leaflet's title is 'Black stools and
    vomiting blood: when to get help'": bank P): in quotes, any words up to the
    closing quote; unquoted, the capitalised words that follow."""
    out: Set[int] = set()
    for token in doc:
        if token.lower_ not in _NAMING:
            continue
        i = token.i + 1
        while i < len(doc) and doc[i].lower_ in ("is", "was", ":", "as"):
            i += 1
        if i >= len(doc):
            continue
        close = _QUOTES.get(doc[i].text)
        if close:
            end = next((j for j in range(i + 1, min(len(doc), i + 16)) if doc[j].text == close), None)
            if end is not None:
                out.update(range(i + 1, end))
            continue
        while i < len(doc) and (doc[i].text[:1].isupper() or (doc[i].lower_ in _SMALL_WORDS and out)):
            out.add(i)
            i += 1
    return out


def _quoted_titles(doc: Doc) -> Set[int]:
    """Tokens of a title in quotes ("reading 'The Virgin Suicides'", "watched
    "Saturday Night Fever""): one to eight words, each capitalised but the
    small ones. What someone quotes from their report ("'no bleeding'") is
    in lower case and stays."""
    out: Set[int] = set()
    i = 0
    while i < len(doc):
        close = _QUOTES.get(doc[i].text)
        end = next((j for j in range(i + 1, min(len(doc), i + 10)) if doc[j].text == close), None) if close else None
        if end is None or end == i + 1:
            i += 1
            continue
        words = [t for t in doc[i + 1:end] if t.is_alpha]
        if words and words[0].text[:1].isupper() and all(
                t.text[:1].isupper() or t.lower_ in _SMALL_WORDS for t in words):
            out.update(range(i + 1, end))
        elif words and len(words) <= 4 and _asks_meaning(doc[end + 1:doc[end].sent.end]):
            # A term quoted and asked about ("the doctor said 'hepatic
            # encephalopathy' in passing, what is that?": bank m) is a word
            # the user wants explained, not their state; a report sentence
            # quoted with no such question stays.
            out.update(range(i + 1, end))
        i = end + 1
    return out


_OWN_BODY = frozenset({"eyes", "eye", "skin", "face", "poo", "poop", "stools", "stool", "sick", "vomit", "tummy",
                       "belly", "stomach", "head", "wee", "urine", "temperature", "temp"})


_PLACE_BEFORE_ME = frozenset({"to", "beside", "near", "behind", "opposite", "of", "by", "around", "nearby"})


_CONSEQUENCE_VERBS = frozenset({"mean", "means", "meaning", "indicate", "indicates", "suggest", "suggests", "signal",
                                "signals"})


def _after_meaning(doc: Doc, i: int) -> bool:
    """Token i follows "mean" (or "mean that"): the consequence a question asks about."""
    before = [t.lower_ for t in doc[max(0, i - 2):i]]
    return bool(before) and (before[-1] in _CONSEQUENCE_VERBS or (before[-1] == "that" and len(before) > 1
                                                         and before[-2] in _CONSEQUENCE_VERBS))


def _first_person_in(span: Span) -> bool:
    # Not "my" ("my friend's stools"); "mine" stands for the user's own ("the
    # nurse asked if it was 'tarry' - that's exactly what mine is": bank m).
    # "a friend of mine" is the friend. "my" before a part of the body is the
    # user's ("my friend said my eyes look kinda yellow": bank Q).
    # "the man in the bay next to me was vomiting blood" (banks V, W): "me"
    # after a word of place is where, not who.
    return any((t.lower_ in ("i", "i'm", "im", "i've", "ive", "me", "myself")
                and not (t.lower_ == "me" and t.i and t.doc[t.i - 1].lower_ in _PLACE_BEFORE_ME))
               or (t.lower_ == "mine" and not (t.i and t.doc[t.i - 1].lower_ == "of"))
               or (t.lower_ == "my" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in _OWN_BODY) for t in span)


# Opening and closing marks alike (`_QUOTES` pairs them).
_QUOTE_MARKS = frozenset(_QUOTES) | frozenset(_QUOTES.values())


def _inside_quotes(doc: Doc, start: int) -> bool:
    """Is the token at `start` after an opening quotation mark of its sentence
    (an odd number of quote marks before it, apostrophes inside words aside)?"""
    sent = doc[start].sent
    marks = [t for t in doc[sent.start:start] if t.text in _QUOTE_MARKS
             or (t.text and t.text[0] in _QUOTE_MARKS and t.is_punct)]
    return len(marks) % 2 == 1


def _in_question(doc: Doc, clause: Tuple[int, int], start: int, end: int) -> bool:
    """Is the concept inside a question? A question word opening the sentence
    or a part of it after a comma puts what follows in the question ("blak
    stiky poo, reely smelly, is it the lever??": the poo is not asked about)."""
    sent = doc[clause[0]].sent
    opener = None
    for token in sent:
        if token.i >= start:
            break
        if token.lower_ in _QUESTION_START and (token.i == sent.start or doc[token.i - 1].text in (",", "(", ":", "-")):
            opener = token.i
    if opener is not None:
        return True
    # "hot n shivery, yellow eyes, right side sore ??", "it was like red???":
    # a statement with a worried question mark, no question word in it.
    # "number 2s are black???" (bank Y): a verb between the sign's own words
    # joins them, a statement, not a question's opening ("confusion is one of
    # the warning signs right?" still asks: the verb comes after the sign).
    asks = sent.text.rstrip().endswith("?") and any(
        (t.lower_ in _QUESTION_START or t.lower_ in _ASKING) and not (
            t.lower_ in _PREDICATE_VERBS and start < t.i < end
            and not doc[t.i - 1].is_punct) for t in sent)
    # "temp 39.2, RUQ pain, and jaundiced - does that fit with the calcification?"
    # (bank O): the question opens after the dash; what comes before it is told.
    # "puked up blood after dinner is that from the liver thing??" (bank AD): no
    # comma, but an asking verb after the sign with a word pointing back at it
    # ("is that", "could it", "does this") opens the question about what was told.
    starts_elsewhere = any(t.lower_ in _QUESTION_START and (t.i == sent.start or doc[t.i - 1].text in (
        ",", "(", ":", "-", "–", "—") or (t.i >= end and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in _BACK_TO_TOLD
                                          and not doc[t.i - 1].is_punct and doc[t.i - 1].lower_ not in _ASKED_THROUGH))
        for t in sent if t.i > start)
    # "temp 38.6, skin and eyes yellow, pain under right rib cage - related?": a
    # dash after the sign, and every asking word after the dash: the list is told.
    dash = next((t.i for t in sent if t.i > start and t.text in ("-", "–", "—")), None)
    told_before_dash = dash is not None and not any(
        t.lower_ in _QUESTION_START or t.lower_ in _ASKING for t in sent if t.i < dash)
    return asks and not starts_elsewhere and not told_before_dash


def _this_year() -> int:
    import datetime

    return datetime.date.today().year
