"""One targeted fix for a Rasa 3.6 hot spot, applied when the Rasa server loads.

Rasa validates every action-server response with `jsonschema.validate()`,
which re-checks the (constant) schema itself on every call. Profiling a whole
assessment showed that check taking about three quarters of each turn. The
same validation with a validator built once gives identical results and
errors, and removes that cost.

Imported by assistant.nlp.component (always loaded by the Rasa server via
config.yml); importing it twice is harmless.
"""

from typing import Any, Dict, Text

from jsonschema import ValidationError, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = validators.validator_for(_SCHEMA)(_SCHEMA)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    try:
        _VALIDATOR.validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the "
            f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error


RemoteAction._validate_action_result = _validate_action_result
