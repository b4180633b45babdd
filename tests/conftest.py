"""Fixtures shared by every test folder live in tests/support/fixtures.py."""

pytest_plugins = ["tests.support.fixtures"]
