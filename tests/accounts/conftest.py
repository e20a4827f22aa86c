"""Fixtures of the identity tests."""

from __future__ import annotations

import pytest

from tests.accounts.factories import AuditRecorder
from workflows import accounts


@pytest.fixture
def audit_log(monkeypatch: pytest.MonkeyPatch) -> AuditRecorder:
    """Every audit entry the identity workflows hand to the hook, for inspection (AC-13)."""
    recorder = AuditRecorder()
    monkeypatch.setattr(accounts, "AUDIT_HOOK", recorder)
    return recorder
