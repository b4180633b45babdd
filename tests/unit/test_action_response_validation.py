"""The project's one change to Rasa: action responses validated with a validator built once."""

from __future__ import annotations

from typing import Iterator
from unittest import mock

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from server import action_response_validation

VALID = {"events": [{"event": "slot", "name": "partner", "value": "kfi", "timestamp": None}],
         "responses": [{"text": "Kommunale Integrationszentren"}]}
INVALID = [
    {"events": [{"event": "nonsense"}]},
    {"events": "not a list"},
    {"responses": [42]},
]


@pytest.fixture
def cached() -> Iterator[None]:
    stock = RemoteAction._validate_action_result
    assert action_response_validation.install()
    yield
    RemoteAction._validate_action_result = stock


def _error(response: dict) -> str:
    with pytest.raises(jsonschema.ValidationError) as raised:
        RemoteAction("action_answer", None)._validate_action_result(response)
    return str(raised.value)


@pytest.mark.parametrize("response", INVALID)
def test_an_invalid_response_is_rejected_with_rasas_own_error(response: dict) -> None:
    stock_error = _error(response)
    stock = RemoteAction._validate_action_result
    try:
        assert action_response_validation.install()
        assert _error(response) == stock_error
        assert "Failed to validate Action server response" in stock_error
    finally:
        RemoteAction._validate_action_result = stock


def test_the_schema_is_checked_once_not_per_response(cached: None) -> None:
    """The cost removed: stock Rasa checks the schema against the meta-schema on every call."""
    action = RemoteAction("action_answer", None)
    with mock.patch.object(jsonschema.validators.Draft202012Validator, "check_schema",
                           wraps=jsonschema.validators.Draft202012Validator.check_schema) as checks, \
            mock.patch("jsonschema.validate", wraps=jsonschema.validate) as stock_validate:
        for _ in range(5):
            assert action._validate_action_result(VALID) is True
    assert checks.call_count == 0
    assert stock_validate.call_count == 0


def test_stock_rasa_checks_the_schema_on_every_response() -> None:
    """Guards the reason for the change: if Rasa stops doing this, the change can go."""
    action = RemoteAction("action_answer", None)
    with mock.patch.object(jsonschema.validators.Draft202012Validator, "check_schema",
                           wraps=jsonschema.validators.Draft202012Validator.check_schema) as checks, \
            mock.patch("jsonschema.validate", wraps=jsonschema.validate) as stock_validate:
        for _ in range(3):
            action._validate_action_result(VALID)
    assert stock_validate.call_count == 3
    assert checks.call_count == 3


def test_installing_twice_keeps_one_layer(cached: None) -> None:
    first = RemoteAction._validate_action_result
    assert action_response_validation.install()
    assert RemoteAction._validate_action_result is first


def test_another_rasa_version_is_left_as_it_is() -> None:
    stock = RemoteAction._validate_action_result
    with mock.patch("rasa.__version__", "3.7.0"):
        assert action_response_validation.install() is False
    assert RemoteAction._validate_action_result is stock
