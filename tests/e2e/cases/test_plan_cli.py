"""`casepath review`, `ics`, `plan` and `agenda` as subprocesses, on a vault built in-process."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from app.domain.clock import FixedClock
from app.domain.records import Officer
from app.services.services import create_vault
from tests.e2e.cli_runner import run_casepath
from tests.factories import open_case
from tests.plan_factories import objective, plan

ROOT = Path(__file__).resolve().parents[3]
PASS = "an end-to-end passphrase"


def casepath(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASS, check=check)


def next_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@pytest.fixture(scope="module")
def vault(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("plans") / "cases.casepath"
    today = date.today()
    svc = create_vault(path, PASS, Officer(name="Hana Officer"), FixedClock(today))
    try:
        case = open_case(svc, stage="improvement_plan")
        start = today - timedelta(days=7)
        svc.plans.create(
            plan(
                case,
                starts_on=start,
                ends_on=start + timedelta(days=90),
                objectives=(objective(due_on=start + timedelta(days=60), micro_goals=()),),
                resources=(),
            )
        )
        return path, case.reference
    finally:
        svc.close()


def test_schedule_list_and_export(vault, tmp_path):
    path, ref = vault
    first = next_weekday(date.today() + timedelta(days=3))
    out = casepath(
        "review",
        str(path),
        ref,
        "--schedule",
        f"{first.isoformat()}T10:30",
        "--place",
        "Room 2",
        "--supervisor",
        "Ola Nordmann",
        "--observer",
        "Sam Lee",
        "--until",
        (first + timedelta(days=30)).isoformat(),
    )
    assert out.stdout.count("Scheduled review") >= 2
    listed = casepath("review", str(path), ref).stdout
    assert "Scheduled" in listed and "Room 2" in listed

    ics = tmp_path / "reviews.ics"
    casepath("ics", str(path), "--case", ref, "--out", str(ics))
    cal = Calendar.from_ical(ics.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) >= 2
    assert {str(e["summary"]) for e in events} == {f"Formal review – {ref}"}
    assert "Zoë" not in ics.read_text(encoding="utf-8")
    assert events[0].decoded("dtstart").date() == first
    assert events[0]["dtstart"].params["TZID"] == "Europe/London"

    agenda = casepath("agenda", str(path), "--days", "40").stdout
    assert ref in agenda and "Formal review" in agenda


def test_plan_shows_the_agenda_and_history(vault):
    path, ref = vault
    out = casepath("plan", str(path), ref).stdout
    assert "Plan v1 (not yet agreed)" in out
    assert "Tickets closed per week: 28 → 40" in out
    assert "Plan v1" in casepath("plan", str(path), ref, "--history").stdout


def test_bad_input_gives_a_plain_message(vault, tmp_path):
    path, ref = vault
    done = casepath("review", str(path), ref, "--schedule", "next tuesday", check=False)
    assert done.returncode == 2 and "write it like 2026-03-20T10:00" in done.stderr
    done = casepath("review", str(path), ref, "--schedule", "2030-01-07T10:00", check=False)
    assert done.returncode == 2 and "Give a place or a call link" in done.stderr
    done = casepath(
        "ics", str(path), "--case", "C-1999-0001", "--out", str(tmp_path / "x.ics"), check=False
    )
    assert done.returncode == 2 and "no case C-1999-0001" in done.stderr
