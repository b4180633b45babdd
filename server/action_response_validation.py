"""Validate the action server's responses with a JSON-Schema validator built once.

Why: Rasa 3.6.21 (`RemoteAction._validate_action_result` in rasa/core/actions/action.py)
calls `jsonschema.validate(result, schema)` for every custom action call. That function
first checks the schema itself against the JSON-Schema meta-schema and builds a new
validator, which cost 44 ms per call here: 42 % of an answer given by `action_answer`.
The schema never changes, so it is checked once and the validator is kept.

What stays the same: the schema (Rasa's own `action_response_format_spec()`) and
the errors. A valid response is accepted by the kept validator; an invalid one is
handed to Rasa's original method, which raises exactly the `ValidationError` (with
its message) that stock Rasa raises.

One of the project's changes to Rasa (server/__main__.py lists them). It is installed by
the entry point `python -m server` (server/__main__.py) and checked by
tests/unit/test_action_response_validation.py. It applies to the Rasa versions in
server.PATCHED_RASA_VERSIONS only: with another version, Rasa stays as it is and a warning
says so (the method may have changed; measure again before extending the list).
"""

from __future__ import annotations

from typing import Any, Callable, Dict

from server import rasa_supported

_MARK = "_lotse_cached_validator"


def install() -> bool:
    """Replace `RemoteAction._validate_action_result` with the cached one; True if installed."""
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    if not rasa_supported("the action response validation is left as it is"):
        return False
    current = RemoteAction._validate_action_result
    if getattr(current, _MARK, False):
        return True
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)  # once, instead of once per action call
    validator = validator_class(schema)
    original: Callable[[Any, Dict[str, Any]], bool] = current

    def _validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
        if validator.is_valid(result):
            return True
        return original(self, result)  # raises Rasa's own ValidationError for this response

    _validate_action_result.__doc__ = original.__doc__
    setattr(_validate_action_result, _MARK, True)
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[assignment]
    return True
