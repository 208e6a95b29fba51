"""Shared fixtures: every test that needs a vault gets a fresh encrypted one in tmp_path."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CASEPATH_PASSPHRASE", None)

from datetime import date  # noqa: E402

import pytest  # noqa: E402

from app.domain.clock import FixedClock  # noqa: E402
from app.domain.records import Officer  # noqa: E402
from app.services.services import Services, create_vault  # noqa: E402

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 3, 16)  # a Monday


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TODAY)


@pytest.fixture
def vault_path(tmp_path):
    return tmp_path / "cases.casepath"


@pytest.fixture
def services(vault_path, clock) -> Services:
    svc = create_vault(vault_path, PASSPHRASE, Officer(name="Hana Officer"), clock=clock)
    yield svc
    if svc.vault.is_open:
        svc.close()
