"""`casepath import-employees` as a subprocess: report first, all or nothing by default."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.e2e.cli_runner import run_casepath

ROOT = Path(__file__).resolve().parents[3]
PASS = "an end-to-end passphrase"


def casepath(*args: str) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASS, check=False)


def test_import_employees_cli(tmp_path):
    vault = tmp_path / "v.casepath"
    assert casepath("init", str(vault), "--name", "Hana Officer").returncode == 0
    csv = tmp_path / "hris.csv"
    csv.write_text(
        "Staff #;Naam;Afdeling;In dienst\n"
        "E1;Zoë Ångström;Operations;31-01-2021\n"
        "E2;;Finance;01-02-2020\n",
        encoding="utf-8",
    )

    mapped = ["--map", "Naam=name", "--map", "Afdeling=department", "--map", "In dienst=start_date"]
    refused = casepath("import-employees", str(vault), str(csv), *mapped)
    assert refused.returncode == 2
    assert "row 3, column 'Naam': Name is required." in refused.stdout
    assert "Nothing was imported" in refused.stderr

    dry = casepath("import-employees", str(vault), str(csv), *mapped, "--dry-run")
    assert dry.returncode == 1 and "Dry run: nothing was written." in dry.stdout

    done = casepath("import-employees", str(vault), str(csv), *mapped, "--valid-rows")
    assert done.returncode == 0, done.stderr
    assert "Imported: 1 new, 0 updated, 0 unchanged; 1 row with errors" in done.stdout
    listing = casepath(
        "import-employees", str(vault), str(csv), *mapped, "--valid-rows", "--dry-run"
    )
    assert "0 new, 0 updates, 1 unchanged" in listing.stdout

    bad_map = casepath("import-employees", str(vault), str(csv), "--map", "Nope=name")
    assert bad_map.returncode == 2 and "no column 'Nope'" in bad_map.stderr


def test_cli_dates_diff_ignore_encoding_and_profiles(tmp_path):
    vault = tmp_path / "v.casepath"
    assert casepath("init", str(vault), "--name", "Hana Officer").returncode == 0
    first = tmp_path / "workday.csv"
    first.write_bytes(
        (
            "Employee ID;Legal Name;Supervisory Organization;Hire Date;Email - Work;Cost Center\n"
            "W1;Nagy Péter;Finance;03/04/2020;peter@example.com;CC-1\n"
            "W2;Łukasz Żółć;Finance;05/06/2021;lukasz@example.com;CC-2\n"
        ).encode("cp1250")
    )
    stopped = casepath("import-employees", str(vault), str(first))
    assert stopped.returncode == 2
    assert "fit both day/month and month/day" in stopped.stderr
    assert "Windows-1250" in stopped.stdout
    assert "Columns not imported: Cost Center." in stopped.stdout

    saved = casepath(
        "import-employees", str(vault), str(first), "--date-order", "mdy",
        "--ignore", "Email - Work", "--save-profile", "workday",
    )  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    assert "Imported: 2 new" in saved.stdout
    assert "Profile 'workday' saved in the vault." in saved.stdout

    second = tmp_path / "workday-next.csv"
    second.write_bytes(
        (
            "Employee ID;Legal Name;Supervisory Organization;Hire Date;Email - Work;Cost Center\n"
            "W1;Nagy Péter;Controlling;03/04/2020;changed@example.com;CC-1\n"
            "W3;Zoë Nováková;Finance;07/08/2022;;CC-3\n"
        ).encode("cp1250")
    )
    dry = casepath("import-employees", str(vault), str(second), "--profile", "workday", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "~ changed   W1 Nagy Péter: Department: 'Finance' -> 'Controlling'" in dry.stdout
    assert "+ added     W3 Zoë Nováková" in dry.stdout
    assert "- not in the file W2 Łukasz Żółć (kept)" in dry.stdout
    assert "changed@example.com" not in dry.stdout  # the profile ignores the e-mail column
    assert "Dry run: nothing was written." in dry.stdout

    wrong = casepath(
        "import-employees", str(vault), str(second), "--profile", "workday",
        "--encoding", "utf-8",
    )  # fmt: skip
    assert wrong.returncode == 2 and "cannot be read as utf-8" in wrong.stderr
    missing = casepath("import-employees", str(vault), str(second), "--profile", "nope")
    assert missing.returncode == 2 and "No import profile 'nope'" in missing.stderr
