"""Faster equivalents of Rasa 3.6 hot spots, applied by server/rasa_patches.py (`install()`).

Importing this module changes nothing; `install()` replaces the functions
below (idempotent). server/rasa_patches.py checks the Rasa version first.

1. Rasa validates every action-server response with `jsonschema.validate()`,
   which re-checks the (constant) schema itself on every call. Profiling a
   whole assessment showed that check taking about three quarters of each
   turn. The same validation with a validator built once gives identical
   results and errors, and removes that cost.
   The events' schema is a `oneOf` over one sub-schema per event type, each
   pinning `event` to its own constant: every event was checked against all
   23 (and an error object built for each of the 22 that do not match), about
   40 % of a custom action's time in Rasa after the fix above. A response now
   first goes through the same schema with each event checked against only the
   sub-schema of its own `event` value (valid there and the rest of the schema
   is valid, so exactly one branch of the `oneOf` matches: valid for Rasa's
   validator too); anything else is decided by the full validator, with
   Rasa's own error. Those per-event checks (and the outer one) are plain
   Python compiled from the same schema (`_compiled`: its keywords `type`,
   `properties`, `required`, `const`, `items`; a branch with any other keyword,
   the `user` event's, keeps jsonschema's `is_valid`): the generic walk was
   still 21 % of a custom action's time in Rasa (py-spy, 1 user). The checks
   are plain loops over prepared (name, check) pairs, an empty schema none:
   a typical response (six slots and a message) 530-600 us with the full
   validator, 125-150 us with the per-event branches, about 21 us compiled.
2. `Event.resolve_by_type(type_name)`, called for every event Rasa reads
   (each row of a tracker-store load, each event an action returns), walks
   every subclass of `Event` (`all_subclasses`, recursive, with an
   `inspect.isabstract` per class) to find the one with that type name: 0.15 ms
   per event here, a quarter of the tracker store's time in
   measure/bench_store.py. The class found for a type name is remembered; a
   name not found yet goes through Rasa's own lookup (so classes defined later
   are still found, unknown names raise Rasa's error), and the answer is the
   same class Rasa's lookup returns.
3. `DialogueStateTracker.current_state`, which builds the tracker that every
   custom-action call sends (and the HTTP API's tracker), turns the active
   loop into a dict with `dataclasses.asdict`: a `copy.deepcopy` of every
   value of the loop's trigger message (its parse data), one at a time. py-spy
   on the Rasa server at 1 user (issue 16) put that at 18 % of the time spent
   in custom actions, 6 % of a turn's handling, for a copy of a few dozen
   strings and numbers. `_current_state` is Rasa's method with the same dict
   built by `_as_plain_dict`: new dicts and lists all the way down, as
   `asdict` makes them, with strings, numbers, booleans and None (which
   `deepcopy` returns as they are) taken as they are, and anything else still
   through dataclasses' own copy. Same result (tests/unit/test_speedups.py
   compares it with Rasa's). Measured alone: 430-600 us -> 80-165 us per call
   for a tracker with the form active (one to three calls a turn).
4. `RulePolicy._get_possible_keys`, the rule search run for every next-action
   prediction (two or three a turn, each searching the rules with the text
   and with the intent, and the loop's unhappy-path rules while the form is
   active): it re-read every rule's JSON states (`list(reversed(...))` of the
   cached `json.loads`) for every rule at every turn of the conversation, 274
   rules here: 62 % of RulePolicy's time, 10 % of a turn's handling (py-spy,
   1 user). `_get_possible_keys` gives the same set of keys: each rule's
   states prepared once (`_reversed_states`), the current turn checked only
   against the rules whose last state can fit it (`_rule_index`: by the
   previous action and the intent a rule requires), and stopped once no rule
   left is longer than the turns checked. Measured alone on the trained
   model's rules and 34 recorded prediction states: 520-1900 us -> 23-27 us a
   search, the same sets (and tests/unit/test_speedups.py on random rules).
   A patch rather than a RulePolicy subclass in config.yml: Rasa's recipe
   validator checks `uses == RulePolicy` (a subclass would skip its domain
   check and warn that no RulePolicy is configured), and the policy's class
   name is written into every predicted action's event.
5. `Features._combine_sparse_features`, which puts the featurizers' sparse
   features side by side for the intent classifier (`Message.get_sparse_
   features`: the regex, word and character n-gram matrices, for the
   sequence and the sentence: four `scipy.sparse.hstack` a message), through
   scipy's general `bmat` (6 % of a turn's handling, py-spy at 1 user). Two
   COO matrices with as many rows are joined directly (`_hstack_coo`), the
   same COO matrix (entries in the same order, dtype, index dtype, shape);
   anything else goes through Rasa's. Measured alone: the two joins of a
   message's sentence features 560-640 us -> 130-180 us.
6. Every custom-action call carried the whole conversation (`RemoteAction._action_call_format`:
   `current_state` with every event), built, encoded, sent and parsed again by the action server
   one to three times a turn, a cost that grows with every turn. The actions read only the end of it
   (`ACTION_EVENTS_*` below), so the call sends the events from the user's message before the last
   one on, and at least the last 24; everything else in the body is Rasa's. Measured alone (building
   and encoding the body of a tracker with 10 events a turn, this machine): 4 turns 0.31 -> 0.25 ms,
   8 turns 0.51 -> 0.24 ms, 16 turns 0.95 -> 0.23 ms (45 kB -> 12 kB), before the action server's
   own parse; tests/unit/test_speedups.py checks that the actions compute the same from both.
7. `Domain.is_empty()`, which the processor asks on every message it parses (`_check_for_unseen_features`),
   compares the domain's dict with that of `Domain.empty()`, a domain built from nothing each time:
   0.11 ms a call here (timeit, the project's domain), for a dict that never changes. The empty
   domain's dict is built once; the comparison is Rasa's.
The first five together, A/B against the commit before them (two servers of the
same model, alternating 6 s slices, medians of 6; a busy machine): Rasa
server CPU per turn 18.9 -> 15.2 ms at 1 user, 20.6 -> 14.2 ms at 20 users;
20-user throughput 43.3 -> 57.3 turns/s; 1-user p50 24.3 -> 21.7 ms.
"""

import dataclasses
import functools
import itertools
import json
import logging
from typing import Any, Callable, Dict, List, Optional, Set, Text, Tuple, Type

import numpy as np
from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.domain import Domain
from rasa.shared.core.constants import ACTIVE_LOOP, FOLLOWUP_ACTION, PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.nlu.constants import ACTION_NAME, INTENT
from rasa.shared.nlu.training_data.features import Features
from scipy.sparse import coo_matrix
from scipy.sparse._sputils import get_index_dtype, upcast
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

logger = logging.getLogger(__name__)

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = validators.validator_for(_SCHEMA)(_SCHEMA)


def _by_event_validators():
    """The schema with the events' `oneOf` removed, and a validator per event type for its own branch."""
    import copy

    cls = validators.validator_for(_SCHEMA)
    items = _SCHEMA.get("properties", {}).get("events", {}).get("items", {})
    branches = items.get("oneOf") or []
    by_event = {}
    for branch in branches:
        const = branch.get("properties", {}).get("event", {}).get("const")
        if not isinstance(const, str) or const in by_event:
            return None, {}  # not the shape this shortcut relies on: always the full validator
        by_event[const] = _compiled(branch, cls) or cls(branch).is_valid
    outer = copy.deepcopy(_SCHEMA)
    outer["properties"]["events"]["items"].pop("oneOf", None)
    return _compiled(outer, cls) or cls(outer).is_valid, by_event


# The keywords `_compiled` turns into plain Python; a schema with any other keyword is left to jsonschema.
_COMPILED_KEYWORDS = frozenset({"type", "properties", "required", "const", "items"})


def _compiled(schema: Any, cls: Any) -> Optional[Callable[[Any], bool]]:
    """`cls(schema).is_valid` as a plain function, for a schema made only of `type`, `properties`,
    `required`, a string `const` and `items` (a schema); None for anything else.

    Why: jsonschema's `is_valid` walks the schema through generic machinery (a new validator per
    sub-schema via `evolve`, keyword dispatch, type checks through a persistent map): py-spy at 1 user
    (issue 16) still put the per-event validation at 21 % of the time Rasa spends in custom actions.
    Each keyword here does what jsonschema 4.17's does (jsonschema/_validators.py), with the validator's
    own type checks: `type` (any of the listed types), `const` (`==` with a string), `required` and
    `properties` (objects only; a property checked when present), `items` (arrays only, every item)."""
    if not isinstance(schema, dict) or not set(schema) <= _COMPILED_KEYWORDS:
        return None
    checker = cls.TYPE_CHECKER

    def is_type(name: str) -> Callable[[Any], bool]:
        check = checker._type_checkers[name]  # KeyError: an unknown type, see below
        return functools.partial(check, checker)

    checks: List[Callable[[Any], bool]] = []
    is_object, is_array = is_type("object"), is_type("array")
    try:
        if "type" in schema:
            names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
            checks.append(_any_of([is_type(name) for name in names]))
    except (KeyError, TypeError):
        return None
    if "const" in schema:
        constant = schema["const"]
        if not isinstance(constant, str):
            return None
        checks.append(lambda value: value == constant)  # jsonschema's `equal` with a string: `==`
    if "required" in schema:
        required = tuple(schema["required"])
        if not all(isinstance(name, str) for name in required):
            return None

        def has_required(value: Any) -> bool:
            if not is_object(value):
                return True
            for name in required:
                if name not in value:
                    return False
            return True

        checks.append(has_required)
    if "properties" in schema:
        properties = []
        for name, sub in schema["properties"].items():
            check = _compiled(sub, cls)
            if check is None:
                return None
            if check is not _always:  # an empty schema: any value
                properties.append((name, check))
        if properties:
            def has_valid_properties(value: Any) -> bool:
                if not is_object(value):
                    return True
                for name, check in properties:
                    if name in value and not check(value[name]):
                        return False
                return True

            checks.append(has_valid_properties)
    if "items" in schema:
        item = _compiled(schema["items"], cls)
        if item is None:
            return None
        if item is not _always:
            def has_valid_items(value: Any) -> bool:
                if not is_array(value):
                    return True
                for element in value:
                    if not item(element):
                        return False
                return True

            checks.append(has_valid_items)
    return _all_of(checks)


def _always(value: Any) -> bool:
    return True


def _any_of(checks: List[Callable[[Any], bool]]) -> Callable[[Any], bool]:
    if len(checks) == 1:
        return checks[0]

    def any_of(value: Any) -> bool:
        for check in checks:
            if check(value):
                return True
        return False

    return any_of


def _all_of(checks: List[Callable[[Any], bool]]) -> Callable[[Any], bool]:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]

    def all_of(value: Any) -> bool:
        for check in checks:
            if not check(value):
                return False
        return True

    return all_of


_OUTER_VALIDATOR, _EVENT_VALIDATORS = _by_event_validators()


def _surely_valid(result: Any) -> bool:
    if _OUTER_VALIDATOR is None or not isinstance(result, dict) or not _OUTER_VALIDATOR(result):
        return False
    for event in result.get("events") or ():
        branch = _EVENT_VALIDATORS.get(event.get("event"))
        if branch is None or not branch(event):
            return False
    return True


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    if _surely_valid(result):
        return True
    try:
        _VALIDATOR.validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


_rasa_resolve_by_type = Event.__dict__["resolve_by_type"]  # Rasa's staticmethod object
_event_classes: Dict[Text, Type[Event]] = {}


def _resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    found = _event_classes.get(type_name)
    if found is not None:
        return found
    found = _rasa_resolve_by_type.__func__(type_name, default)
    if found is not None and found is not default and getattr(found, "type_name", None) == type_name:
        _event_classes[type_name] = found
    return found


_ATOMS = (str, int, float, bool, type(None))


def _plain_copy(value: Any) -> Any:
    """What `dataclasses.asdict` makes of a field's value (dataclasses' `_asdict_inner`), without a
    `deepcopy` call for each string and number."""
    kind = type(value)
    if kind in _ATOMS:
        return value  # deepcopy returns these as they are
    if kind is dict:
        return {_plain_copy(k): _plain_copy(v) for k, v in value.items()}
    if kind is list:
        return [_plain_copy(v) for v in value]
    return dataclasses._asdict_inner(value, dict)  # type: ignore[attr-defined]  # anything else: theirs


def _as_plain_dict(instance: Any) -> Dict[Text, Any]:
    """`dataclasses.asdict(instance)` for a dataclass instance (see `_plain_copy`)."""
    return {field.name: _plain_copy(getattr(instance, field.name)) for field in dataclasses.fields(instance)}


def _current_state(self: DialogueStateTracker, event_verbosity: EventVerbosity = EventVerbosity.NONE,
                   copy_active_loop: bool = True, first_event: int = 0) -> Dict[Text, Any]:
    """Rasa 3.6.21's `DialogueStateTracker.current_state`, the active loop copied by `_as_plain_dict` (not
    copied with `copy_active_loop=False`: its fields as they are, for a state that is only encoded);
    with `first_event`, the events from that index on (item 6)."""
    events = self._events_for_verbosity(event_verbosity)
    if events is not None and first_event:
        events = itertools.islice(events, first_event, None)
    events_as_dict = [e.as_dict() for e in events] if events is not None else None
    latest_event_time = None
    if len(self.events) > 0:
        latest_event_time = self.events[-1].timestamp

    return {
        "sender_id": self.sender_id,
        "slots": self.current_slot_values(),
        "latest_message": self._latest_message_data(),
        "latest_event_time": latest_event_time,
        FOLLOWUP_ACTION: self.followup_action,
        "paused": self.is_paused(),
        "events": events_as_dict,
        "latest_input_channel": self.get_latest_input_channel(),
        ACTIVE_LOOP: ((_as_plain_dict(self.active_loop) if copy_active_loop else {
            field.name: getattr(self.active_loop, field.name) for field in dataclasses.fields(self.active_loop)})
            if self.active_loop else {}),
        "latest_action": self.latest_action,
        "latest_action_name": self.latest_action_name,
    }


_rasa_current_state = DialogueStateTracker.current_state
_rasa_action_call_format = RemoteAction._action_call_format


# What the custom actions read of the events (actions/actions.py): `shown_this_turn`, the events since
# the user's last message (and a session start just before it), `ActionRephrase` the last 12, rasa-sdk's
# `slots_to_validate` the slot events at the end. Sent: from the user's message before the last one on,
# and at least the last ACTION_EVENTS_AT_LEAST.
ACTION_EVENTS_USER_MESSAGES = 2
ACTION_EVENTS_AT_LEAST = 24


def _first_event_actions_read(events: Any) -> int:
    """The index of the first event a custom action is sent: the user's message
    ACTION_EVENTS_USER_MESSAGES back (0 when there are fewer), at most ACTION_EVENTS_AT_LEAST from the end."""
    count = len(events)
    users = 0
    first = 0
    for index, event in zip(range(count - 1, -1, -1), reversed(events)):
        if isinstance(event, UserUttered):
            users += 1
            if users == ACTION_EVENTS_USER_MESSAGES:
                first = index
                break
    return max(0, min(first, count - ACTION_EVENTS_AT_LEAST))


def _action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Any) -> Dict[Text, Any]:
    """Rasa 3.6.21's `RemoteAction._action_call_format`, the tracker state built with the active loop's
    fields as they are: the body is only encoded to JSON and sent (`RemoteAction.run`), so the copy
    `current_state` makes of the loop's trigger message (item 3) is not needed there."""
    import rasa

    if type(tracker).current_state is not _current_state:
        return _rasa_action_call_format(self, tracker, domain)
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": _current_state(tracker, EventVerbosity.ALL, copy_active_loop=False,
                                  first_event=_first_event_actions_read(tracker.events)),
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
        result["domain"] = domain.as_dict()
    return result

_rasa_get_possible_keys = RulePolicy._get_possible_keys
_rasa_is_rule_applicable = RulePolicy._is_rule_applicable
_rasa_does_rule_match_state = RulePolicy._does_rule_match_state
_reversed_rule_states: Dict[Text, Tuple[Dict[Text, Dict[Text, Any]], ...]] = {}
_MAX_REMEMBERED_RULES = 20000


def _reversed_states(rule_key: Text) -> Tuple[Dict[Text, Dict[Text, Any]], ...]:
    """A rule's states, last first, each list value a tuple: what `RulePolicy._is_rule_applicable` and
    `_does_rule_match_state` make of `json.loads(rule_key)` on every call, worked out once per rule."""
    found = _reversed_rule_states.get(rule_key)
    if found is None:
        states = json.loads(rule_key)  # RulePolicy._rule_key_to_state
        found = tuple({state_type: {key: tuple(value) if isinstance(value, list) else value
                                    for key, value in sub_state.items()}
                       for state_type, sub_state in state.items()} for state in reversed(states))
        if len(_reversed_rule_states) >= _MAX_REMEMBERED_RULES:
            _reversed_rule_states.clear()
        _reversed_rule_states[rule_key] = found
    return found


def _rule_applies(rule_state: Dict[Text, Dict[Text, Any]], conversation_state: Dict[Text, Any]) -> bool:
    """RulePolicy._is_rule_applicable for a turn the rule has, on a state of `_reversed_states`."""
    current_previous_action = conversation_state.get(PREVIOUS_ACTION)
    rule_previous_action = rule_state.get(PREVIOUS_ACTION)
    if not rule_previous_action and not current_previous_action:
        return True
    if not rule_previous_action or not current_previous_action:
        return False
    # RulePolicy._does_rule_match_state (list values already tuples)
    for state_type, rule_sub_state in rule_state.items():
        conversation_sub_state = conversation_state.get(state_type, {})
        for key, value_from_rules in rule_sub_state.items():
            value_from_conversation = conversation_sub_state.get(key)
            if (value_from_rules and value_from_rules != SHOULD_NOT_BE_SET
                    and value_from_conversation != value_from_rules) or (
                    value_from_rules == SHOULD_NOT_BE_SET and value_from_conversation
                    and value_from_conversation != SHOULD_NOT_BE_SET):
                return False
    return True


_RuleGroup = Tuple[bool, Optional[Text], Optional[Text]]
_rule_indexes: Dict[int, Tuple[Tuple[Text, ...], Dict[_RuleGroup, List[Any]]]] = {}


def _named(sub_state: Any, key: Text) -> Optional[Text]:
    """The text a rule state's sub-state requires for `key` (None: it requires no particular text)."""
    value = sub_state.get(key) if isinstance(sub_state, dict) else None
    return value if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET else None


def _rule_index(lookup: Dict[Text, Text]) -> Dict[_RuleGroup, List[Any]]:
    """The lookup's rules grouped by their last state, as `_rule_applies` decides on it: a rule without a
    previous action applies to every state without one and to no other; a rule with one applies to no state
    without one, and, when it requires a previous action (`action_name`) or an intent, to no state whose
    action or intent is another or absent (a required value must be equal). So a state needs checking only
    against the groups that fit it. Kept per lookup, rebuilt when its keys change."""
    keys = tuple(lookup)
    found = _rule_indexes.get(id(lookup))
    if found is not None and found[0] == keys:
        return found[1]
    index: Dict[_RuleGroup, List[Any]] = {}
    for key in keys:
        rule = _reversed_states(key)
        last = rule[0] if rule else {}
        if last.get(PREVIOUS_ACTION):
            group = (True, _named(last[PREVIOUS_ACTION], ACTION_NAME), _named(last.get(USER), INTENT))
        else:  # applies to every state without a previous action, whatever else it says (and to no other)
            group = (False, None, None)
        index.setdefault(group, []).append((key, rule))
    if len(_rule_indexes) > 64:
        _rule_indexes.clear()
    _rule_indexes[id(lookup)] = (keys, index)
    return index


def _get_possible_keys(self: RulePolicy, lookup: Dict[Text, Text], states: List[Dict[Text, Any]]) -> Set[Text]:
    """RulePolicy._get_possible_keys: the same set of rule keys, without re-reading each rule's JSON states
    for every turn of the conversation, for the current turn only among the rules that fit its previous
    action and intent (`_rule_index`), and done once no rule left is longer than the turns checked (every
    further turn would keep them all)."""
    if type(self)._is_rule_applicable is not _rasa_is_rule_applicable or \
            type(self)._does_rule_match_state is not _rasa_does_rule_match_state:
        return _rasa_get_possible_keys(self, lookup, states)  # a subclass that decides otherwise
    if not states:
        return set(lookup)
    index = _rule_index(lookup)
    reversed_states = list(reversed(states))
    current = reversed_states[0]
    if current.get(PREVIOUS_ACTION):
        action = current[PREVIOUS_ACTION].get(ACTION_NAME)
        intent = current.get(USER, {}).get(INTENT)
        actions = (action, None) if isinstance(action, str) else (None,)
        intents = (intent, None) if isinstance(intent, str) else (None,)
        candidates = [rule for a in actions for i in intents for rule in index.get((True, a, i), ())]
    else:
        candidates = list(index.get((False, None, None), ()))
    for turn, state in enumerate(reversed_states):
        if not any(len(rule) > turn for _, rule in candidates):
            break
        candidates = [(key, rule) for key, rule in candidates
                      if turn >= len(rule) or _rule_applies(rule[turn], state)]
    return {key for key, _ in candidates}



_rasa_combine_sparse_features = Features._combine_sparse_features


def _hstack_coo(left: coo_matrix, right: coo_matrix) -> coo_matrix:
    """`scipy.sparse.hstack([left, right])` for two COO matrices with as many rows: the same COO matrix
    (entries, their order, dtype, index dtype, shape) as scipy's `bmat` builds, without its general
    block machinery."""
    shape = (left.shape[0], left.shape[1] + right.shape[1])
    dtype = upcast(left.dtype, right.dtype)
    index = get_index_dtype(maxval=max(shape))
    data = np.concatenate((left.data, right.data)).astype(dtype, copy=False)
    row = np.concatenate((left.row.astype(index, copy=False), right.row.astype(index, copy=False)))
    col = np.concatenate((left.col.astype(index, copy=False), right.col.astype(index) + left.shape[1]))
    return coo_matrix((data, (row, col)), shape=shape)


def _combine_sparse_features(self: Features, additional_features: Features) -> None:
    """Rasa's `Features._combine_sparse_features` (the featurizers' COO matrices side by side), through
    `_hstack_coo`; anything but two COO matrices with as many rows goes through Rasa's own (and its
    error)."""
    left, right = self.features, additional_features.features
    if type(left) is not coo_matrix or type(right) is not coo_matrix or left.shape[0] != right.shape[0]:
        return _rasa_combine_sparse_features(self, additional_features)
    self.features = _hstack_coo(left, right)
    self._cached_fingerprint = None


_rasa_domain_is_empty = Domain.is_empty
_EMPTY_DOMAIN: List[Dict[Text, Any]] = []


def _domain_is_empty(self: Domain) -> bool:
    """Rasa's `Domain.is_empty` with the empty domain's dict built once (item 7)."""
    if not _EMPTY_DOMAIN:
        _EMPTY_DOMAIN.append(Domain.empty().as_dict())
    return self.as_dict() == _EMPTY_DOMAIN[0]


def install() -> None:
    """Replace Rasa's functions with the ones above (server/rasa_patches.py calls this)."""
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_by_type)
    DialogueStateTracker.current_state = _current_state
    RemoteAction._action_call_format = _action_call_format
    RulePolicy._get_possible_keys = _get_possible_keys
    Features._combine_sparse_features = _combine_sparse_features
    Domain.is_empty = _domain_is_empty
