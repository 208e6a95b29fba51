"""`casepath history` and `casepath reopen` as a user runs them; a closed case refuses writes
from the command line until it is reopened with a reason and an approval."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.clock import FixedClock
from app.domain.records import CaseStatus, Officer, Outcome
from app.services.services import create_vault, open_vault
from tests.e2e.cli_runner import run_casepath
from tests.factories import conversation, open_case

PASSPHRASE = "correct horse battery staple"
TODAY = date.today()


def casepath(*args: object) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASSPHRASE, check=False, timeout=120)


@pytest.fixture
def vault(tmp_path) -> Path:
    path = tmp_path / "cli.casepath"
    svc = create_vault(path, PASSPHRASE, Officer(name="Hana Officer"), FixedClock(TODAY))
    try:
        case = open_case(svc, opened_on=TODAY - timedelta(days=10))
        conv = svc.cases.add(conversation(case, TODAY - timedelta(days=3)))
        svc.cases.update(replace(conv, summary="Corrected: the deadline moved to Friday."))
    finally:
        svc.close()
    return path


def _ref() -> str:
    return f"C-{(TODAY - timedelta(days=10)).year}-0001"


def test_history_lists_each_version_with_who_when_and_what_changed(vault):
    done = casepath("history", vault, _ref())
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "[conversation:1]: 2 versions" in out
    assert "Version 1: Recorded by Hana Officer on" in out
    assert "Version 2 (current): Edited by Hana Officer on" in out
    assert (
        "Summary: changed from “Talked through the missed deadlines.” to “Corrected: the "
        "deadline moved to Friday.”" in out
    )
    assert "T" not in out.split("on ", 1)[1][:16] and "summary" not in out

    one = casepath("history", vault, _ref(), "--record", "conversation:1", "--json")
    assert one.returncode == 0, one.stderr
    data = json.loads(one.stdout)
    (record,) = data["records"]
    assert record["record"] == "conversation:1" and len(record["versions"]) == 2
    assert record["versions"][1]["changes"][0]["field"] == "Summary"
    assert len(record["versions"][0]["record_hash"]) == 64

    every = json.loads(casepath("history", vault, _ref(), "--all", "--json").stdout)
    assert {r["record"] for r in every["records"]} >= {"case:1", "conversation:1"}
    bad = casepath("history", vault, _ref(), "--record", "indicator:99")
    assert bad.returncode == 2 and "has no record indicator:99" in bad.stderr


def test_a_closed_case_refuses_writes_until_it_is_reopened(vault):
    svc = open_vault(vault, PASSPHRASE, clock=FixedClock(TODAY))
    try:
        case = svc.cases.by_reference(_ref())
        with svc.vault.write() as w:
            svc.vault.cases.update(
                replace(case, status=CaseStatus.CLOSED, closed_on=TODAY, outcome=Outcome.IMPROVED)
            )
            w.audit("case.update", "case", case.id, {})
    finally:
        svc.close()

    refused = casepath(
        "track", vault, _ref(), "high_stakes", "--role", "hr_officer", "--reason", "Safety",
        "--approver", "Bea Lead", "--approver-role", "hr_lead",
    )  # fmt: skip
    assert refused.returncode == 2 and "closed" in refused.stderr, refused.stderr

    no_reason = casepath("reopen", vault, _ref(), "--role", "hr_officer")
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    no_approval = casepath("reopen", vault, _ref(), "--role", "hr_officer", "--reason", "Appeal")
    assert no_approval.returncode == 2
    assert "the approval of the HR lead" in no_approval.stderr
    done = casepath(
        "reopen", vault, _ref(), "--role", "hr_officer", "--reason", "Appeal upheld",
        "--approver", "Bea Lead", "--approver-role", "hr_lead",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "is open again" in done.stdout

    moved = casepath(
        "track", vault, _ref(), "high_stakes", "--role", "hr_officer", "--reason", "Safety",
        "--approver", "Bea Lead", "--approver-role", "hr_lead",
    )  # fmt: skip
    assert moved.returncode == 0, moved.stderr
    audit = json.loads(casepath("audit", vault, "--case", _ref(), "--json").stdout)
    assert "case.reopen" in [e["action"] for e in audit]
    history = casepath("history", vault, _ref(), "--record", "case:1").stdout
    assert "Status: changed from “Closed” to “Open”" in history
