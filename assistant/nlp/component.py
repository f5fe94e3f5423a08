"""Rasa NLU component running the project's clinical spaCy pipeline.

Adds contract entities (canonical values, roles `negated` / `family`, plus a
`context` list such as ["hypothetical"]) and `clinical_nothing_to_report`
(which questions a message answers with "nothing", e.g. "no symptoms").

The pipeline is built from `knowledge/` at training time and saved inside the
trained model, so a model runs with what it was trained on. Rasa's cache keys
on the component's config and source; `fingerprint_addon` adds the content of
the term and context files, so a changed term list always reaches the model.
"""

import json
import logging
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from assistant import knowledge
from assistant.nlp import pipeline

logger = logging.getLogger(__name__)

NOTHING_TO_REPORT = "clinical_nothing_to_report"
WARNING_CUES = "clinical_warning_cues"
PROXY = "clinical_proxy"
# The message says the finding got smaller: read as stable by the assessment.
FINDING_SMALLER = "clinical_finding_smaller"
# What the report says should happen next (contract.INTERNAL_VALUES["report"]).
REPORT_READINGS = "clinical_report_readings"
TEXT_WAS_EMPTY = "text_was_empty"
EMPTY_PLACEHOLDER = "empty"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class TextSanitizer(GraphComponent):
    """First in the pipeline: every later step sees clean, bounded text.

    Strips HTML/script markup and control characters and cuts very long
    pastes, so bad input can neither crash nor stall parsing.
    """

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "TextSanitizer":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) or text is None:
                cleaned = pipeline.clean_text(text)
                if not cleaned:
                    # Featurizers need a token (an empty text breaks the intent
                    # classifier); the guard sends this to the fallback.
                    cleaned = EMPTY_PLACEHOLDER
                    message.set(TEXT_WAS_EMPTY, True)
                message.set(TEXT, cleaned)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class ClinicalEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Rule-based clinical entities with negation and family context."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"knowledge_dir": None}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        return pipeline.nlp_fingerprint(cls._knowledge(config))

    @staticmethod
    def _knowledge(config: Dict[str, Any]) -> knowledge.KnowledgeBase:
        directory = config.get("knowledge_dir")
        return knowledge.load(directory) if directory else knowledge.default()

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        nlp=None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._nlp = nlp
        self._kb = self._knowledge(config)

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ClinicalEntityExtractor":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        self._nlp = pipeline.build(self._kb)
        with self._model_storage.write_to(self._resource) as directory:
            pipeline.save(self._nlp, Path(directory) / "clinical_pipeline")
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "ClinicalEntityExtractor":
        try:
            with model_storage.read_from(resource) as directory:
                nlp = pipeline.load(Path(directory) / "clinical_pipeline")
        except FileNotFoundError:
            # Not trained yet (e.g. `rasa test` on a fresh graph): build it on first use.
            logger.debug("No saved clinical pipeline; building it from the knowledge base.")
            nlp = None
        except (ValueError, OSError) as error:
            # A saved pipeline that does not load is a bug, not a normal start: building it
            # again on the first message costs seconds (the sign model is trained), so say so.
            logger.warning("The saved clinical pipeline did not load (%s: %s); building it from the "
                           "knowledge base on first use.", type(error).__name__, error)
            nlp = None
        return cls(config, model_storage, resource, nlp)

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = pipeline.build(self._kb)
        return self._nlp

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            reading = pipeline.read(self.nlp, text)
            found = reading.entities
            spans = [(e.start, e.end) for e in found]
            # Keep what other extractors (or a button payload) found elsewhere.
            others = [
                e for e in message.get(ENTITIES, [])
                if not any(e.get("start", -1) < end and start < e.get("end", -1) for start, end in spans)
            ]
            ours = self.add_extractor_name([entity.as_rasa() for entity in found])
            message.set(ENTITIES, others + ours, add_to_output=True)
            message.set(
                NOTHING_TO_REPORT,
                pipeline.nothing_to_report(pipeline.clean_text(text), self._kb),
                add_to_output=True,
            )
            message.set(WARNING_CUES, reading.cues, add_to_output=True)
            message.set(PROXY, reading.proxy, add_to_output=True)
            message.set(FINDING_SMALLER, reading.smaller, add_to_output=True)
            message.set(REPORT_READINGS, list(reading.report), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data



_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Intents that erase the conversation.
COMMANDS = frozenset({"restart", "delete_my_data"})
# Intents a message stating the user's own symptom is not; below LOW the
# FallbackClassifier (config.yml threshold 0.25) would ask to rephrase.
NOT_INFORMATION = frozenset({"out_of_scope", "greet", "goodbye", "thank", "bot_challenge"})
# The result's detail buttons (issue 13).
DETAIL_REQUESTS = frozenset({"show_details", "ask_why", "ask_watch_for", "ask_sources"})
LOW = 0.25
# The most any other intent keeps once one is put first (`_put_first`).
PUT_FIRST_MARGIN = 0.9
QUESTIONS = frozenset({"ask_what_is", "ask_causes", "ask_diagnosis", "ask_treatment", "ask_seriousness"})
# Intents a message that tells the case's facts and asks nothing is not.
TELLING_IS_NOT = QUESTIONS | NOT_INFORMATION | DETAIL_REQUESTS | {"affirm", "deny", "start_assessment"}
MIN_QUESTION = 0.0
# The words of the commands' own training examples (data/nlu): every one has one.
_COMMAND_WORDS = re.compile(r"\b(start|restart|reset|over|again|begin|beginning|new|fresh|scratch|top|redo|reboot|"
                            r"square one|delete|erase|forget|clear|remove|wipe|destroy|store|keep|data|history|"
                            r"information|records|chat|conversation)\b")
# The words of a leave-taking: every goodbye example in data/nlu has one. "doctor
# says see GP", said to the form's question, was read as goodbye and the
# assessment ended with no triage (set A, after training on the independent
# sets): a goodbye needs its own words, else the next intent is taken.
_GOODBYE_WORDS = re.compile(r"\b(bye|byee+|goodbye|good bye|see (?:you|ya)|cya|ttyl|talk later|night|nighty|cheerio|"
                            r"later|laters|farewell|leave it|take care|off now|be off|signing off|logging off|"
                            r"good day|go now|gotta go|got to go|have to go|going now|next time|ta-ra|tara|so long|"
                            r"done|all for|that's all|thats all|that is all|everything)\b")
# Requests inside a message that tells facts: they outrank its questions
# ("what's the treatment, and can I speak to a doctor?" asks for a clinician;
# "can you help me make sense of my scan? It says..." starts the assessment).
_REQUESTS = (
    ("request_clinician", re.compile(
        r"\b(speak|talk|chat) (to|with) (a|an|the|someone|somebody)\b.{0,20}"
        r"\b(doctor|nurse|gp|clinician|specialist|person|human)"
        r"|\bput me (in touch|through)\b|\b(see|book|get) (a|an) (doctor|gp|appointment|specialist)\b")),
    ("start_assessment", re.compile(
        r"\bhelp me (make sense|understand|work out|figure out|with my)\b|\bmake sense of my\b"
        r"|\b(can|could|would) you (help|look at|check|go through)\b"
        # "I'd like to go through the assessment please" (set I: a tie with inform, a fallback)
        r"|\b(like|want|wanna|ready|happy) to (go through|do|start|take|begin|try)\b.{0,20}"
        r"\b(assessment|check|checker|questions)\b")),
)
_ASKING_START = re.compile(r"^\W*(is|are|can|could|does|do|did|should|will|would|has|have|may|might|am|shall)\b")
_ASKING_WORDS = re.compile(
    r"\b(what|what's|whats|wat|wot|wht|wats|why|how|which|where|who|tell me|explain|want to know|"
    r"wondering whether|meaning of|"
    r"(is|are|was|could|can|does|do|did|should|will|would) (it|this|that|these|they|i|my))\b")


# "the only thing is I take methotrexate", "the problem is it hurts": a noun
# before "is" makes it a statement's verb, not a question's (set I).
_STATEMENT_NOUN = re.compile(r"\b(thing|things|problem|point|issue|fact|truth|trouble|worry|reason|catch)\s+$")


# A question word asks only where it opens a clause: at the start, after
# punctuation or a joining word ("...no jaundice, what causes this", "and how
# long"), or after a verb of asking ("I wonder what it is"). After a noun or a
# verb it joins a clause to it: "my father who is 90", "she's the one who had
# hepatitis", "I threw up what looked like coffee grounds", "my gallbladder
# which is fine" (set L: five statements read as questions).
_CLAUSE_OPENERS = frozenset({"and", "but", "so", "or", "also", "then", "btw", "plus", "just", "anyway", "now", "ok",
                             "okay", "well", "basically", "really", "please", "pls", "plz", "sorry", "hi", "hello",
                             "hey", "doctor", "dr", "wonder", "wondering", "wondered", "know", "ask", "asking",
                             "asked", "tell", "explain", "sure", "idea", "unsure", "clue", "understand", "see",
                             "curious", "question", "is", "confused", "about", "on", "to", "as", "exactly",
                             "advise", "advice", "me", "out", "learn", "clarify", "mean", "means"})
_WH_WORDS = frozenset({"what", "what's", "whats", "wat", "wot", "wht", "wats", "why", "how", "which", "where", "who"})


def _opens_a_clause(lowered: str, start: int) -> bool:
    before = lowered[:start].rstrip()
    if not before or before[-1] in ",;:.!-–—()/\"":
        return True
    return before.split()[-1].strip("'\"") in _CLAUSE_OPENERS


# An auxiliary opening a statement whose subject was dropped ("have not lost any
# weight", "had bowl cancer", "been feeling sick", set T): negated, "been", or
# "had" before anything but a subject.
_STATEMENT_START = re.compile(r"^\W*(?:(?:have|has|had|did|do|does|am|is|are|was|were)(?:n't|nt)?\s+(?:not|never|been|"
                              r"always|already|just|no|nothing|had|got)\b|had\s+(?!you\b|he\b|she\b|it\b|they\b|"
                              r"we\b|i\b|anyone\b|any\b|there\b|this\b|that\b|your\b))")


def asks_something(text: str) -> bool:
    """Does the message ask anything? A question mark, an auxiliary opening it
    ("is it cancer"), or a question word or phrase opening a clause ("...no
    jaundice, what causes this")."""
    lowered = (text or "").lower()
    if "?" in lowered or (_ASKING_START.search(lowered) and not _STATEMENT_START.search(lowered)):
        return True
    return any(not (match.group(0).startswith("is ") and _STATEMENT_NOUN.search(lowered[:match.start()]))
               and (match.group(0) not in _WH_WORDS or _opens_a_clause(lowered, match.start()))
               for match in _ASKING_WORDS.finditer(lowered))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class ReadableTextGuard(GraphComponent):
    """Zeroes the intent confidence of text we cannot read, so the
    FallbackClassifier after it asks the user to rephrase.

    Unreadable: no letters at all (emoji, empty, punctuation), or no clinical
    entity and fewer than half of the words seen in training or in the
    knowledge base's terms (another language, keyboard mashing). A linear
    intent classifier is otherwise confident about such text.

    Also: a message that describes a symptom is not read as a command that
    erases the conversation (restart, delete my data); the next intent is taken.

    And the classifier's labels are made plain: LogisticRegressionClassifier
    hands back numpy.str_ names and numpy.float64 confidences (its classes_),
    which the tracker keeps in memory, and the story export's YAML writer cannot
    represent them ("cannot represent an object: greet", a 500 from
    GET /conversations/<id>/story found by the fuzz test in CI).
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"min_known_share": 0.5}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, vocabulary=None):
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self.vocabulary = set(vocabulary or ())

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "ReadableTextGuard":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs: Any) -> "ReadableTextGuard":
        try:
            with model_storage.read_from(resource) as directory:
                vocabulary = json.loads((Path(directory) / "vocabulary.json").read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError, OSError):
            vocabulary = []
        return cls(config, model_storage, resource, vocabulary)

    def train(self, training_data: TrainingData) -> Resource:
        words = set()
        for example in training_data.training_examples:
            words.update(_WORD.findall((example.get(TEXT) or "").lower()))
        for term in knowledge.default().terms:
            for phrase in (term.value.replace("_", " "),) + term.synonyms:
                words.update(_WORD.findall(phrase.lower()))
        self.vocabulary = words
        with self._model_storage.write_to(self._resource) as directory:
            (Path(directory) / "vocabulary.json").write_text(json.dumps(sorted(words)), encoding="utf-8")
        return self._resource

    def readable(self, text: str, has_entities: bool) -> bool:
        words = _WORD.findall((text or "").lower())
        if not words:
            return False
        if has_entities or not self.vocabulary:
            return True
        known = sum(word in self.vocabulary for word in words)
        return known / len(words) >= self._config["min_known_share"]

    @staticmethod
    def _next_besides(message: Message, intent: Dict[Text, Any], names: Any) -> Dict[Text, Any]:
        """The ranking's best intent other than `names` becomes the message's (the
        ranking without them); the intent stays when the ranking has no other."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") not in names]
        if not ranking:
            return intent
        intent = {"name": ranking[0]["name"], "confidence": ranking[0]["confidence"]}
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return intent

    @staticmethod
    def _put_first(message: Message, name: Text) -> Dict[Text, Any]:
        """Make `name` the message's intent, sure, ahead of the rest of the ranking.

        The rest is held below it by a clear margin: the classifier's scores are
        one per intent, not shared, so a second intent may stand at 0.995, and
        the fallback's ambiguity check (0.01) then asked to rephrase a message
        whose intent had just been decided (set I)."""
        intent = {"name": name, "confidence": 1.0}
        ranking = [{**r, "confidence": min(float(r.get("confidence") or 0.0), PUT_FIRST_MARGIN)}
                   for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)
        return intent

    @staticmethod
    def _plain(label: Dict[Text, Any]) -> Dict[Text, Any]:
        return {**label, "name": str(label.get("name")) if label.get("name") is not None else None,
                "confidence": float(label.get("confidence") or 0.0)}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT)
            if not intent:
                continue
            intent = self._plain(intent)
            message.set(INTENT, intent, add_to_output=True)
            if message.get(INTENT_RANKING_KEY):
                message.set(INTENT_RANKING_KEY, [self._plain(r) for r in message.get(INTENT_RANKING_KEY)],
                            add_to_output=True)
            clinical = bool(message.get(ENTITIES)) or bool(message.get(WARNING_CUES))
            symptomatic = any(e.get("entity") == "symptom" and e.get("role") != "negated"
                              for e in message.get(ENTITIES) or []) or bool(message.get(WARNING_CUES))
            # "Apart from that I feel well" was read as "start over" (set D) and
            # the case was erased: a command that erases needs its own words.
            unasked = not _COMMAND_WORDS.search((message.get(TEXT) or "").lower())
            if intent.get("name") == "goodbye" and not _GOODBYE_WORDS.search((message.get(TEXT) or "").lower()):
                intent = self._next_besides(message, intent, {"goodbye"})
            if (symptomatic or unasked) and intent.get("name") in COMMANDS:
                # "poo black. again." is not "start again", "started self harming
                # again" is not a restart (both seen on an independent bank): a
                # message that describes a symptom is never a command that erases
                # the conversation (buttons send the commands as payloads).
                intent = self._next_besides(message, intent, COMMANDS)
            states_own = any(e.get("entity") == "symptom" and not e.get("role") and not e.get("context")
                             for e in message.get(ENTITIES) or [])
            # "...new calcified spots that weren't there before" read as a detail
            # request ("show the rest"): a detail request is a few words or a button,
            # never a message that tells the case's facts.
            tells = any(e.get("entity") in ("finding", "change", "condition", "medication", "symptom")
                        and not e.get("context") for e in message.get(ENTITIES) or [])
            # The message's form decides between telling and asking (independent
            # set C, 151 messages: "my ct shows a calcified granuloma" was a tie of
            # inform and ask_what_is, so a fallback; "No new lesions.", "none,
            # never had cancer" were deny; "...what causes this" was inform).
            # A message that tells facts of the case (any entity of the case, a
            # relative's or a planned one too) and asks nothing informs; one that
            # tells and asks is the question the classifier ranks first.
            facts = any(e.get("entity") in ("finding", "change", "condition", "medication", "symptom", "pattern",
                                            "size") for e in message.get(ENTITIES) or [])
            asks = asks_something(message.get(TEXT) or "")
            name = intent.get("name")
            request = next((r for r, pattern in _REQUESTS if pattern.search((message.get(TEXT) or "").lower())), None)
            if facts and request and name in QUESTIONS | {"inform"}:
                intent = self._put_first(message, request)
            elif facts and not asks and (name in TELLING_IS_NOT or name == "inform"):
                # inform on top already but tied ("my scan found a tiny calcified
                # granuloma in my liver": inform 0.44, ask_what_is 0.44, set F): the
                # fallback's ambiguity check would ask to rephrase a plain fact.
                intent = self._put_first(message, "inform")
            elif facts and asks and name == "inform":
                question = next((r for r in message.get(INTENT_RANKING_KEY) or []
                                 if r.get("name") in QUESTIONS and (r.get("confidence") or 0) >= MIN_QUESTION), None)
                if question is not None:
                    # The two swap places (and confidences), so the fallback's
                    # threshold and ambiguity checks see the same margin.
                    top = intent.get("confidence") or 0.0
                    swapped = {"name": "inform", "confidence": question["confidence"]}
                    intent = {"name": question["name"], "confidence": top}
                    rest = [r for r in message.get(INTENT_RANKING_KEY) or []
                            if r.get("name") not in (question["name"], "inform")]
                    message.set(INTENT, intent, add_to_output=True)
                    message.set(INTENT_RANKING_KEY, [intent, swapped] + rest, add_to_output=True)
            if (tells and intent.get("name") in DETAIL_REQUESTS) or (
                    states_own and (intent.get("name") in NOT_INFORMATION or (intent.get("confidence") or 0) < LOW)):
                # "I fainted at work this morning", "vomited what looked like coffee
                # grounds": read as out of scope or not at all by the classifier
                # (independent set A), but the clinical reader has the user's own
                # current symptom in it: the message informs.
                intent = self._put_first(message, "inform")
            if not message.get(TEXT_WAS_EMPTY) and self.readable(message.get(TEXT) or "", clinical):
                continue
            message.set(INTENT, {**intent, "confidence": 0.0}, add_to_output=True)
            ranking = message.get(INTENT_RANKING_KEY)
            if ranking:
                message.set(INTENT_RANKING_KEY, [{**r, "confidence": 0.0} for r in ranking], add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
