"""Fixtures of the protection tests: the demo organisation with its roles (tests/organisation/conftest.py)."""

from __future__ import annotations

from tests.organisation.conftest import demo

__all__ = ["demo"]
