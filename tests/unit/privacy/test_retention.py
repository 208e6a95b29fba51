"""Retention: the policy's per-outcome periods, bounded; which closed cases are due, and why."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.cli import main
from app.domain.escalation.policy import PolicyError, load_policy
from app.domain.records import Outcome
from app.domain.retention import ClosedCase, RetentionRules, add_months, due_cases
from app.resource_paths import resource_path
from tests.conftest import PASSPHRASE
from tests.privacy_factories import closed_case

DEFAULT = resource_path("policy", "default.toml").read_text(encoding="utf-8")


def _with_retention(section: str) -> str:
    head, _sep, _tail = DEFAULT.partition("[retention]")
    if not section.startswith("["):  # a top-level key must come before the first table
        return section + head
    return head + section


def test_default_policy_keeps_each_outcome_its_own_period():
    rules = load_policy(DEFAULT).retention
    assert rules.months == {
        Outcome.IMPROVED: 12,
        Outcome.DEVELOPMENT_TRACK: 24,
        Outcome.REASSIGNMENT: 36,
        Outcome.SUCCESSION_OR_EXIT: 72,
    }


@pytest.mark.parametrize(
    ("section", "where", "what"),
    [
        ("[retention]\nimproved = 0\n", "retention.improved", "0 is too small"),
        ("[retention]\nimproved = 1200\n", "retention.improved", "1200 is too large"),
        ("[retention]\nimproved = 1.5\n", "retention.improved", "whole number of months"),
        ("[retention]\nimprovd = 12\n", "retention.improvd", "unknown key"),
        ("retention = 12\n", "retention", "must be a table"),
    ],
)
def test_out_of_bounds_retention_is_refused_naming_the_key(section, where, what):
    with pytest.raises(PolicyError) as info:
        load_policy(_with_retention(section), "p.toml")
    assert any(w == where and what in m for w, m in info.value.problems), info.value.problems


def test_an_outcome_left_out_is_never_due():
    rules = load_policy(_with_retention("[retention]\nimproved = 6\n")).retention
    assert rules.months_for(Outcome.SUCCESSION_OR_EXIT) is None
    old = ClosedCase(1, "C-1", 1, date(2000, 1, 1), Outcome.SUCCESSION_OR_EXIT)
    assert due_cases(rules, [old], date(2026, 1, 1)) == ([], [])


def test_months_run_to_the_same_day_or_the_months_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


def test_due_on_the_day_the_period_ends_with_the_rule_that_makes_it_due():
    rules = RetentionRules({Outcome.IMPROVED: 12, Outcome.SUCCESSION_OR_EXIT: 72})
    cases = [
        ClosedCase(1, "C-1", 1, date(2025, 3, 16), Outcome.IMPROVED),  # due today
        ClosedCase(2, "C-2", 2, date(2025, 3, 17), Outcome.IMPROVED),  # due tomorrow
        ClosedCase(3, "C-3", 3, date(2025, 3, 16), Outcome.SUCCESSION_OR_EXIT),  # 6 years
        ClosedCase(4, "C-4", 4, date(2019, 1, 10), Outcome.SUCCESSION_OR_EXIT, held=True),
    ]
    due, held = due_cases(rules, cases, date(2026, 3, 16))
    assert [d.case.reference for d in due] == ["C-1"]
    assert due[0].rule == "retention.improved" and due[0].due_on == date(2026, 3, 16)
    assert "kept 1 year after closing" in due[0].describe()
    assert [h.case.reference for h in held] == ["C-4"]
    assert held[0].describe().startswith("Succession planning or exit: kept 6 years")


def test_service_uses_the_fixed_clock_and_leaves_held_cases_out(services, clock):
    improved = closed_case(services, "E2001", "Zoë Ångström", date(2025, 2, 1), Outcome.IMPROVED)
    exited = closed_case(
        services, "E2002", "Łukasz Żółć", date(2025, 2, 1), Outcome.SUCCESSION_OR_EXIT
    )
    kept = closed_case(services, "E2003", "Иван Петров", date(2024, 1, 5), Outcome.IMPROVED)
    services.holds.place(kept.id, "Tribunal claim lodged")
    due, held = services.retention.due()
    assert [d.case.case_id for d in due] == [improved.id]
    assert [h.case.case_id for h in held] == [kept.id]
    clock.set(date(2031, 2, 1))  # six years after closing: the exit case is due too
    due, _held = services.retention.due()
    assert {d.case.case_id for d in due} == {improved.id, exited.id}
    services.holds.release(kept.id, "Claim withdrawn")
    assert kept.id in {d.case.case_id for d in services.retention.due()[0]}


def test_cli_lists_due_cases_as_json(services, vault_path, monkeypatch, capsys):
    case = closed_case(services, "E2001", "Zoë Ångström", date(2020, 2, 1), Outcome.IMPROVED)
    kept = closed_case(services, "E2002", "Łukasz Żółć", date(2020, 2, 1), Outcome.REASSIGNMENT)
    services.holds.place(kept.id, "Subject access dispute")
    services.close()
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    assert main(["retention", str(vault_path), "--due", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [d["reference"] for d in doc["due"]] == [case.reference]
    assert doc["due"][0]["rule"] == "retention.improved"
    assert doc["due"][0]["due_on"] == "2021-02-01"
    assert [d["reference"] for d in doc["held"]] == [kept.reference]
    assert main(["retention", str(vault_path), "--due"]) == 0
    out = capsys.readouterr().out
    assert case.reference in out and "kept 1 year after closing" in out
    assert f"{kept.reference}\tkept: under legal hold" in out
