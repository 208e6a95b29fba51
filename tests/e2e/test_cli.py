"""The `casepath` command end to end, as a subprocess, the way a script would use it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.e2e.cli_runner import run_casepath

ROOT = Path(__file__).resolve().parents[2]
PASS = "an end-to-end passphrase"


def casepath(
    *args: str, passphrase: str | None = PASS, stdin: str | None = None, check: bool = True
) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=passphrase, check=check, stdin=stdin)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("e2e") / "demo.casepath"
    out = casepath("demo", str(path))
    assert "80 employees, 30 cases" in out.stdout
    return path


def test_init_verify_and_cases_on_an_empty_vault(tmp_path):
    vault = tmp_path / "new.casepath"
    casepath("init", str(vault), "--name", "Ana Officer")
    assert "Audit chain intact" in casepath("verify", str(vault)).stdout
    assert "0 cases" in casepath("cases", str(vault)).stdout
    again = casepath("init", str(vault), check=False)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_demo_lists_and_verifies(demo_vault):
    listing = casepath("cases", str(demo_vault)).stdout.splitlines()
    assert listing[0].split()[:3] == ["Reference", "Employee", "Department"]
    assert listing[-1] == "30 cases."
    assert any("C-20" in line for line in listing)
    out = casepath("verify", str(demo_vault)).stdout
    assert "every page's HMAC checks out" in out and "Audit chain intact" in out


def test_wrong_passphrase_is_a_plain_message(demo_vault):
    done = casepath("cases", str(demo_vault), passphrase="nope nope nope", check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(
        "casepath: The passphrase does not open this vault. Check it and try again."
    )
    # A damaged salt looks the same as a wrong passphrase: the message says how to tell.
    assert "latest backup" in done.stderr and "--check-only" in done.stderr
    assert "Traceback" not in done.stderr


def test_passphrase_file_and_no_passphrase(demo_vault, tmp_path):
    pf = tmp_path / "pass.txt"
    pf.write_text(PASS + "\n", "utf-8")
    casepath("cases", str(demo_vault), "--passphrase-file", str(pf), passphrase=None)
    none = casepath("cases", str(demo_vault), passphrase=None, check=False, stdin="")
    assert none.returncode == 2 and "CASEPATH_PASSPHRASE" in none.stderr


def test_export_import_round_trip(demo_vault, tmp_path):
    out = tmp_path / "cases.json"
    casepath("export", str(demo_vault), "--out", str(out))
    doc = json.loads(out.read_text("utf-8"))
    assert doc["format"] == "casepath-interchange" and len(doc["cases"]) == 30
    fresh = tmp_path / "fresh.casepath"
    casepath("init", str(fresh), "--name", "Second Officer")
    first = casepath("import", str(fresh), str(out)).stdout
    assert "30 cases" in first
    assert "earlier record versions" in first
    # every record's history reads the same in the new vault (version 2 carries it)
    assert doc["version"] == 2
    ref = next(c["reference"] for c in doc["cases"] if c["history"])
    was = casepath("history", str(demo_vault), ref).stdout
    now = casepath("history", str(fresh), ref).stdout
    marker = f" (before the import, from {doc['exported_by']})"
    assert marker in now and now.replace(marker, "") == was and "Version 2" in was
    assert "Audit chain intact" in casepath("verify", str(fresh)).stdout
    second = casepath("import", str(fresh), str(out)).stdout
    assert "0 cases" in second and "already in the vault" in second
    bad = tmp_path / "bad.json"
    doc["cases"][2]["opened_on"] = "2026-13-01"
    bad.write_text(json.dumps(doc), "utf-8")
    refused = casepath("import", str(fresh), str(bad), check=False)
    assert refused.returncode == 2 and "cases[2].opened_on" in refused.stderr


def test_backup_and_passwd(demo_vault, tmp_path):
    copy = tmp_path / "copy.casepath"
    casepath("backup", str(demo_vault), "--out", str(copy))
    newpf = tmp_path / "new.txt"
    newpf.write_text("another long passphrase", "utf-8")
    casepath("passwd", str(copy), "--new-passphrase-file", str(newpf))
    assert casepath("verify", str(copy), check=False).returncode == 2
    assert casepath("verify", str(copy), passphrase="another long passphrase").returncode == 0


def test_short_passphrases_are_refused_for_new_vaults(tmp_path):
    done = casepath("init", str(tmp_path / "x.casepath"), passphrase="short", check=False)
    assert done.returncode == 2 and "at least 10 characters" in done.stderr
    assert not (tmp_path / "x.casepath").exists()


def test_restore_checks_shows_and_keeps_the_old_vault(demo_vault, tmp_path):
    backup = tmp_path / "b.casepath"
    casepath("backup", str(demo_vault), "--out", str(backup))
    target = tmp_path / "work.casepath"
    target.write_bytes(demo_vault.read_bytes())
    done = casepath("restore", str(backup), "--to", str(target))
    assert "Cases: 30" in done.stdout and "Audit chain:" in done.stdout
    assert "kept unchanged as" in done.stdout
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1
    assert casepath("verify", str(target)).returncode == 0
    bad = casepath("restore", str(tmp_path / "missing.casepath"), "--to", str(target), check=False)
    assert bad.returncode == 2 and "no vault at" in bad.stderr.lower()


def test_auto_backup_verb_is_once_a_day(demo_vault, tmp_path):
    folder = tmp_path / "auto"
    first = casepath("auto-backup", str(demo_vault), "--folder", str(folder))
    assert "Verified backup written" in first.stdout
    second = casepath("auto-backup", str(demo_vault), "--folder", str(folder))
    assert "already exists" in second.stdout and "1 automatic backup kept" in second.stdout


def test_cases_search_says_where_it_matched(demo_vault):
    listing = casepath("cases", str(demo_vault), "--search", "reyes").stdout.splitlines()
    assert listing[0].split()[-2:] == ["Matched", "in"]
    assert listing[-1] == "19 cases."  # the officer attends their meetings: says "officer"
    assert all(line.rstrip().endswith("officer") for line in listing[1:-1])
    only = casepath("cases", str(demo_vault), "--search", "reyes", "--employees-only").stdout
    assert only.strip().splitlines()[-1] == "0 cases."
    folded = casepath("cases", str(demo_vault), "--search", "MULLER", "--employees-only").stdout
    assert "Müller" in folded and folded.strip().splitlines()[1].rstrip().endswith("employee")
