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
   still 21 % of a custom action's time in Rasa (py-spy, 1 user).
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
A/B against the commit before (two servers of the same model, alternating 6 s
slices, a busy machine): see the commit message.
"""

import dataclasses
import logging
from typing import Any, Callable, Dict, List, Optional, Text, Type

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.constants import ACTIVE_LOOP, FOLLOWUP_ACTION
from rasa.shared.core.events import Event
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
        return lambda value: check(checker, value)

    checks: List[Callable[[Any], bool]] = []
    is_object, is_array = is_type("object"), is_type("array")
    try:
        if "type" in schema:
            names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
            kinds = [is_type(name) for name in names]
            checks.append(lambda value: any(kind(value) for kind in kinds))
    except (KeyError, TypeError):
        return None
    if "const" in schema:
        constant = schema["const"]
        if not isinstance(constant, str):
            return None
        checks.append(lambda value: value == constant)  # jsonschema's `equal` with a string
    if "required" in schema:
        required = tuple(schema["required"])
        if not all(isinstance(name, str) for name in required):
            return None
        checks.append(lambda value: not is_object(value) or all(name in value for name in required))
    if "properties" in schema:
        properties = []
        for name, sub in schema["properties"].items():
            check = _compiled(sub, cls)
            if check is None:
                return None
            properties.append((name, check))
        checks.append(lambda value: not is_object(value) or all(
            check(value[name]) for name, check in properties if name in value))
    if "items" in schema:
        item = _compiled(schema["items"], cls)
        if item is None:
            return None
        checks.append(lambda value: not is_array(value) or all(item(element) for element in value))
    return lambda value: all(check(value) for check in checks)


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


def _current_state(self: DialogueStateTracker,
                   event_verbosity: EventVerbosity = EventVerbosity.NONE) -> Dict[Text, Any]:
    """Rasa 3.6.21's `DialogueStateTracker.current_state`, the active loop copied by `_as_plain_dict`."""
    events = self._events_for_verbosity(event_verbosity)
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
        ACTIVE_LOOP: (_as_plain_dict(self.active_loop) if self.active_loop else {}),
        "latest_action": self.latest_action,
        "latest_action_name": self.latest_action_name,
    }


_rasa_current_state = DialogueStateTracker.current_state

def install() -> None:
    """Replace Rasa's functions with the ones above (server/rasa_patches.py calls this)."""
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_by_type)
    DialogueStateTracker.current_state = _current_state
