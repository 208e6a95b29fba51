"""`casepath advance / approve / close / recommend / flags / exception / policy` as a user runs
them: a subprocess with the passphrase in the environment."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.clock import FixedClock
from app.domain.records import IndicatorCategory, Officer
from app.domain.words.formats import Formats
from app.resource_paths import resource_path
from app.services.services import create_vault
from tests.e2e.cli_runner import run_casepath
from tests.factories import conversation, indicator, open_case

PASSPHRASE = "correct horse battery staple"
ROOT = Path(__file__).resolve().parents[3]
TODAY = date.today()  # the CLI runs on the real clock


def casepath(*args: object) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASSPHRASE, check=False, timeout=120)


@pytest.fixture
def vault(tmp_path) -> Path:
    path = tmp_path / "cli.casepath"
    svc = create_vault(path, PASSPHRASE, Officer(name="Hana Officer"), FixedClock(TODAY))
    try:
        case = open_case(svc, opened_on=TODAY - timedelta(days=10))
        assert case.reference == f"C-{case.opened_on.year}-0001"
        svc.cases.add(conversation(case, TODAY - timedelta(days=3)))
        for days in (1, 2, 4):
            svc.cases.add(
                indicator(
                    case, TODAY - timedelta(days=days), category=IndicatorCategory.QUALITY_GAP
                )
            )
    finally:
        svc.close()
    return path


def ref(vault_path: Path) -> str:
    return f"C-{(TODAY - timedelta(days=10)).year}-0001"


def test_advance_waits_for_signoff_then_moves(vault):
    case = ref(vault)
    refused = casepath(
        "advance",
        vault,
        case,
        "coaching",
        "--role",
        "manager",
        "--reason",
        "Quality gaps persist",
        "--actor",
        "Ola Nordmann",
    )
    assert refused.returncode == 2
    assert "cannot move to coaching yet" in refused.stderr
    assert "review by the HR officer" in refused.stderr
    assert "Sign-off was requested from: HR officer (review)" in refused.stderr

    flags = casepath("flags", vault)
    assert flags.returncode == 0
    assert "awaiting approval" in flags.stdout.lower()

    own = casepath(
        "approve", vault, case, "coaching", "--role", "hr_officer", "--by", "Ola Nordmann"
    )
    assert own.returncode == 2 and "cannot also sign it off" in own.stderr
    ok = casepath(
        "approve",
        vault,
        case,
        "coaching",
        "--role",
        "hr_officer",
        "--by",
        "Tomasz Nowak",
        "--note",
        "Evidence is clear.",
    )
    assert ok.returncode == 0, ok.stderr
    assert "All sign-offs for this move are recorded." in ok.stdout

    moved = casepath(
        "advance",
        vault,
        case,
        "coaching",
        "--role",
        "manager",
        "--reason",
        "Quality gaps persist",
        "--actor",
        "Ola Nordmann",
    )
    assert moved.returncode == 0, moved.stderr
    assert f"{case} moved from Early conversation to Coaching." in moved.stdout
    listing = casepath("cases", vault)
    assert "Coaching" in listing.stdout
    assert casepath("verify", vault).returncode == 0


def test_check_only_lists_what_is_missing(vault):
    out = casepath(
        "advance", vault, ref(vault), "formal_concern", "--role", "supervisor", "--check"
    )
    assert out.returncode == 1
    assert "a Supervisor may not move a case into Formal concern" in out.stdout
    assert "an approved exception to skip Coaching" in out.stdout


def test_recommend_gives_reasons_and_never_moves(vault):
    out = casepath("recommend", vault, ref(vault))
    assert out.returncode == 0, out.stderr
    assert "Recommended next step: coaching." in out.stdout
    assert "3 quality gaps since" in out.stdout
    assert "Early conversation" in casepath("cases", vault).stdout


def test_flags_on_a_date(vault):
    on = TODAY + timedelta(days=60)
    out = casepath("flags", vault, "--on", on.isoformat())
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith(ref(vault)))
    assert line.endswith("Overdue, stalled")
    assert f"1 open case on {Formats('en').date(on)}." in out.stdout
    bad = casepath("flags", vault, "--on", "someday")
    assert bad.returncode == 2 and "is not a date like 2026-03-16" in bad.stderr


def test_exceptions_from_the_command_line(vault):
    case = ref(vault)
    start = TODAY + timedelta(days=1)
    ok = casepath(
        "exception",
        vault,
        case,
        "--kind",
        "pause",
        "--reason",
        "Leave of absence",
        "--from",
        start.isoformat(),
        "--to",
        (start + timedelta(days=6)).isoformat(),
        "--approver",
        "Priya Shah",
        "--approver-role",
        "hr_lead",
    )
    assert ok.returncode == 0, ok.stderr
    assert "Paused clock recorded (approved)." in ok.stdout
    wrong = casepath(
        "exception",
        vault,
        case,
        "--kind",
        "extend",
        "--reason",
        "More time",
        "--days",
        "3",
        "--approver",
        "Ola",
        "--approver-role",
        "manager",
    )
    assert wrong.returncode == 2
    assert "A Manager may not approve a deadline extension (allowed: HR lead)" in wrong.stderr
    missing_role = casepath(
        "exception",
        vault,
        case,
        "--kind",
        "extend",
        "--reason",
        "x",
        "--days",
        "3",
        "--approver",
        "Priya",
    )
    assert missing_role.returncode == 2 and "--approver-role" in missing_role.stderr


def test_policy_show_import_and_refusal(vault, tmp_path):
    shown = casepath("policy", vault, "--show")
    assert shown.returncode == 0
    assert shown.stdout == resource_path("policy", "default.toml").read_text("utf-8")

    broken = tmp_path / "broken.toml"
    broken.write_text('[policy]\nname = "x"\nversion = = 1\n', "utf-8")
    refused = casepath("policy", vault, "--import", broken)
    assert refused.returncode == 2
    assert "broken.toml: line 3, column" in refused.stderr

    edited = tmp_path / "edited.toml"
    edited.write_text(shown.stdout.replace('version = "2026.1"', 'version = "2026.2"'), "utf-8")
    imported = casepath("policy", vault, "--import", edited)
    assert imported.returncode == 0, imported.stderr
    assert "as policy version 2" in imported.stdout
    versions = casepath("policy", vault, "--versions").stdout.splitlines()
    assert [v.split()[0] for v in versions] == ["1", "2"]


def test_bad_input_exits_2_with_a_plain_message(vault):
    role = casepath("advance", vault, ref(vault), "coaching", "--role", "boss", "--reason", "x")
    assert role.returncode == 2 and "'boss' is not one of" in role.stderr
    case = casepath("recommend", vault, "C-1999-0001")
    assert case.returncode == 2 and "There is no case C-1999-0001" in case.stderr


def test_a_pending_exception_is_listed_then_decided(vault):
    case = ref(vault)
    asked = casepath(
        "exception",
        vault,
        case,
        "--kind",
        "extend",
        "--reason",
        "Waiting for training",
        "--days",
        "5",
    )
    assert asked.returncode == 0 and "(requested)" in asked.stdout
    listed = casepath("exceptions", vault, case)
    assert listed.returncode == 0, listed.stderr
    line = next(li for li in listed.stdout.splitlines() if "Requested" in li)
    exc_id = line.split()[0]
    wrong = casepath(
        "decide-exception", vault, case, exc_id, "--approver", "Ola", "--approver-role", "manager"
    )
    assert wrong.returncode == 2 and "may not approve" in wrong.stderr
    ok = casepath(
        "decide-exception",
        vault,
        case,
        exc_id,
        "--approver",
        "Priya Shah",
        "--approver-role",
        "hr_lead",
    )
    assert ok.returncode == 0, ok.stderr
    assert "approved" in ok.stdout
    again = casepath(
        "decide-exception",
        vault,
        case,
        exc_id,
        "--approver",
        "Priya Shah",
        "--approver-role",
        "hr_lead",
    )
    assert again.returncode == 2 and "already approved" in again.stderr
    assert "Approved" in casepath("exceptions", vault, case).stdout
    missing = casepath(
        "decide-exception", vault, case, "9999", "--approver", "P", "--approver-role", "hr_lead"
    )
    assert missing.returncode == 2 and "has no exception 9999" in missing.stderr


def test_track_changes_with_reason_and_approval_from_the_command_line(vault):
    case = ref(vault)
    refused = casepath("track", vault, case, "high_stakes", "--role", "hr_officer")
    assert refused.returncode == 2, refused.stderr
    assert "a reason for the change" in refused.stderr
    assert "the approval of the HR lead" in refused.stderr
    assert "Traceback" not in refused.stderr
    moved = casepath(
        "track", vault, case, "high_stakes", "--role", "hr_officer",
        "--reason", "Safety incident", "--approver", "Lee Lead", "--approver-role", "hr_lead",
    )  # fmt: skip
    assert moved.returncode == 0, moved.stderr
    assert f"{case} is now on the high-stakes track." in moved.stdout
    listed = casepath("flags", vault)
    assert "High-stakes" in listed.stdout
    bad = casepath("track", vault, case, "fast", "--role", "hr_officer")
    assert bad.returncode == 2 and "track" in bad.stderr and "Traceback" not in bad.stderr
