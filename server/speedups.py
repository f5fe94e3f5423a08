"""Faster equivalents of two Rasa 3.6 hot spots, applied by server/rasa_patches.py (`install()`).

Importing this module changes nothing; `install()` replaces the two functions
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
   Rasa's own error.
2. `Event.resolve_by_type(type_name)`, called for every event Rasa reads
   (each row of a tracker-store load, each event an action returns), walks
   every subclass of `Event` (`all_subclasses`, recursive, with an
   `inspect.isabstract` per class) to find the one with that type name: 0.15 ms
   per event here, a quarter of the tracker store's time in
   measure/bench_store.py. The class found for a type name is remembered; a
   name not found yet goes through Rasa's own lookup (so classes defined later
   are still found, unknown names raise Rasa's error), and the answer is the
   same class Rasa's lookup returns.
"""

import logging
from typing import Any, Dict, Optional, Text, Type

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

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
        by_event[const] = cls(branch)
    outer = copy.deepcopy(_SCHEMA)
    outer["properties"]["events"]["items"].pop("oneOf", None)
    return cls(outer), by_event


_OUTER_VALIDATOR, _EVENT_VALIDATORS = _by_event_validators()


def _surely_valid(result: Any) -> bool:
    if _OUTER_VALIDATOR is None or not isinstance(result, dict) or not _OUTER_VALIDATOR.is_valid(result):
        return False
    for event in result.get("events") or ():
        branch = _EVENT_VALIDATORS.get(event.get("event"))
        if branch is None or not branch.is_valid(event):
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


def install() -> None:
    """Replace Rasa's two functions with the ones above (server/rasa_patches.py calls this)."""
    RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(_resolve_by_type)
