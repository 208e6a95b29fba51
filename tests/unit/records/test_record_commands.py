"""The record verbs in-process (the e2e walk runs them as a subprocess): corrections, employee
updates that keep what is not given, detaching, micro-goals, cancelling a review, and refusals
that name the field."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from app.cli import main
from tests.conftest import PASSPHRASE
from tests.factories import conversation, open_case
from tests.plan_factories import plan


@pytest.fixture
def vault(services, vault_path, monkeypatch):
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    case = open_case(services, stage="coaching")  # the stage lists plans
    services.cases.add(conversation(case, services.clock.today()))
    services.close()
    return vault_path, case.reference


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_record_is_corrected_and_an_employee_updated(vault, capsys):
    v, ref = vault
    fix = ("--summary", "Corrected summary", "--attendee", "Zoë Ångström", "--correct", 1)
    code, out, _ = run(capsys, "conversation", v, ref, "--held", "2026-03-10", *fix)
    assert code == 0 and out.strip() == f"Corrected conversation 1 on {ref}."
    code, out, _ = run(capsys, "records", v, ref, "--json")
    assert [r["title"] for r in json.loads(out)] == ["Corrected summary"]
    code, _, err = run(capsys, "conversation", v, ref, "--held", "2026-03-10", "--summary", "x",
                       "--correct", 99)  # fmt: skip
    assert code == 2 and f"{ref} has no conversation 99" in err
    code, out, _ = run(capsys, "new-employee", v, "--number", "E1001", "--job-title", "Lead",
                       "--update")  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "new-employee", v, "--number", "E1001", "--name", "X",
                       "--department", "Y")  # fmt: skip
    assert code == 2
    code, out, err = run(capsys, "new-employee", v, "--number", "E7", "--name", "Nobody")
    assert code == 2 and "Department is required" in err


def test_attach_detach_goal_and_cancel(vault, capsys, tmp_path, clock):
    from app.services.services import open_vault

    v, ref = vault
    note = tmp_path / "n.txt"
    note.write_text("x", "utf-8")
    assert run(capsys, "attach", v, "conversation", 1, note)[0] == 0
    code, out, _ = run(capsys, "detach", v, 1)
    assert code == 0 and "Removed attachment 1" in out
    svc = open_vault(v, PASSPHRASE, clock)
    try:
        case = svc.cases.by_reference(ref)
        made = svc.plans.create(plan(case))
        goal = made.objectives[0].micro_goals[0].uid
        employee = svc.cases.employee_of(case)
    finally:
        svc.close()
    code, out, _ = run(capsys, "plan-goal", v, ref, "--goal", goal, "--status", "done", "--json")
    assert code == 0 and json.loads(out)["status"] == "done"
    when = (clock.today() + timedelta(days=7)).isoformat()
    code, out, err = run(capsys, "review", v, ref, "--schedule", f"{when}T10:00", "--place", "R1",
                         "--supervisor", employee.manager or "Ola Nordmann")  # fmt: skip
    assert code == 0, err
    code, out, _ = run(capsys, "review-cancel", v, 1, "--reason", "Manager ill")
    assert code == 0 and "Cancelled review 1." in out
    code, out, _ = run(capsys, "review", v, ref, "--json")
    assert json.loads(out)[0]["review"]["status"] == "cancelled"
