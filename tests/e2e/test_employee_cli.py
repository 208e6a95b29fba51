"""`casepath import-employees` as a subprocess: report first, all or nothing by default."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.e2e.cli_runner import run_casepath

ROOT = Path(__file__).resolve().parents[2]
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
    assert "Imported: 1 new, 0 updated, 0 unchanged; 1 row(s) with errors" in done.stdout
    listing = casepath(
        "import-employees", str(vault), str(csv), *mapped, "--valid-rows", "--dry-run"
    )
    assert "0 new, 0 update(s), 1 unchanged" in listing.stdout

    bad_map = casepath("import-employees", str(vault), str(csv), "--map", "Nope=name")
    assert bad_map.returncode == 2 and "no column 'Nope'" in bad_map.stderr
