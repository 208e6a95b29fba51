"""Satisfaction at close: stored with the closing, bounded 1–5, reported as a distribution."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.domain.plans.satisfaction import Satisfaction, parse_score
from app.domain.records import Outcome, Role
from app.domain.validation import InvalidRecord
from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report
from app.vault.repositories import satisfaction_repository
from tests.factories import open_case
from tests.unit.escalation.test_escalation_service import decision
from tests.unit.plans.test_calibration import PERIOD, _seed
from tests.unit.privacy.test_calibration_privacy import attack

HIDDEN = "fewer than 5"


def _closable(services):
    case = open_case(services, stage="outcome")
    services.cases.add(decision(case, role=Role.HR_LEAD))
    return case


def test_close_stores_both_scores_in_the_same_write(services):
    case = _closable(services)
    services.escalation.close(
        case.id,
        Outcome.IMPROVED,
        "Hana Officer",
        Role.HR_OFFICER,
        "Targets met.",
        Satisfaction(employee=4, manager=5),
    )
    assert satisfaction_repository.get(services.vault.conn, case.id) == Satisfaction(4, 5)
    actions = [e.action for e in services.vault.audit_events("case", case.id)]
    assert "case.satisfaction" in actions


def test_scores_are_optional_and_bounded(services):
    case = _closable(services)
    with pytest.raises(InvalidRecord, match=r"employee's satisfaction must be 1 \(low\) to 5"):
        services.escalation.close(
            case.id, Outcome.IMPROVED, "Hana Officer", Role.HR_OFFICER, "Done.", Satisfaction(6)
        )
    assert services.cases.get(case.id).status.value == "open"  # nothing saved
    services.escalation.close(
        case.id, Outcome.IMPROVED, "Hana Officer", Role.HR_OFFICER, "Done.", Satisfaction()
    )
    assert satisfaction_repository.get(services.vault.conn, case.id) is None
    assert parse_score(" 3 ") == 3
    for bad in ("0", "6", "four", "2.5"):
        with pytest.raises(ValueError, match="1 \\(low\\) to 5"):
            parse_score(bad)


def test_cli_close_with_scores(services, monkeypatch, passphrase, capsys):
    from app.cli import main

    case = _closable(services)
    ref, vault = case.reference, str(services.vault.path)
    services.close()
    monkeypatch.setenv("CASEPATH_PASSPHRASE", passphrase)
    argv = ["close", vault, ref, "--outcome", "improved", "--role", "hr_officer", "--reason", "ok"]
    with pytest.raises(SystemExit):
        main([*argv, "--employee-satisfaction", "9"])
    assert "out of range; give 1 (low) to 5 (high)" in capsys.readouterr().err
    assert main([*argv, "--employee-satisfaction", "2", "--manager-satisfaction", "4"]) == 0
    from app.services.services import open_vault

    svc = open_vault(services.vault.path, passphrase)
    try:
        got = satisfaction_repository.get(svc.vault.conn, svc.cases.by_reference(ref).id)
        assert got == Satisfaction(2, 4)
    finally:
        svc.close()


def _close_with_scores(services, dept: str, scores: list[tuple[int | None, int | None]]):
    conn = services.vault.conn
    ids = [
        r[0]
        for r in conn.query(
            "SELECT c.id FROM cases c JOIN employees e ON e.id = c.employee_id "
            "WHERE e.department = ? ORDER BY c.id",
            (dept,),
        )
    ]
    with conn.transaction():
        for cid, (emp, man) in zip(ids, scores, strict=False):
            conn.execute(
                "UPDATE cases SET status = 'closed', closed_on = '2026-03-01', "
                "outcome = 'improved' WHERE id = ?",
                (cid,),
            )
            satisfaction_repository.store(conn, cid, Satisfaction(emp, man), "2026-03-01")


def test_pilot_reports_a_protected_distribution(services):
    _seed(services)
    # Ops (pilot): employees 5,5,5,5,5,4,4,4,4,4; managers 3 ×10.
    _close_with_scores(services, "Ops", [(5, 3)] * 5 + [(4, 3)] * 5)
    # The rest: Sales employees 5 ×6 and 1 ×1, no manager scores.
    _close_with_scores(services, "Sales", [(5, None)] * 6 + [(1, None)])
    req = Request(PERIOD.start, PERIOD.end, pilot="Ops", pilot_since=date(2026, 1, 1))
    report = json.loads(
        json.dumps(calibration_report(services.vault.conn, req, CalibrationPolicy(5, 1.5)))
    )
    sat = report["pilot"]["satisfaction"]
    assert sat["employee"]["pilot_after"] == {
        "scores": {"1": 0, "2": 0, "3": 0, "4": 5, "5": 5},
        "answers": 10,
    }
    assert sat["manager"]["pilot_after"]["scores"]["3"] == 10
    # Sales' single "1" is hidden, so its six "5"s are hidden too (7 answers - 6 would say it).
    rest = sat["employee"]["rest_after"]
    assert rest["scores"]["1"] == HIDDEN and rest["scores"]["5"] == HIDDEN
    assert rest["answers"] == 7
    assert sat["employee"]["pilot_before"]["answers"] == 0
    assert attack(report).recovered() == {}
