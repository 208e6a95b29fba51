"""`casepath --self-test` as support staff run it: a report, an exit status, nothing left behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.cli_runner import ROOT


def _self_test(tmp_path: Path, **env_extra: str) -> tuple[subprocess.CompletedProcess, dict]:
    places = {name: tmp_path / name for name in ("cwd", "home", "tmp")}
    for folder in places.values():
        folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "CASEPATH_PASSPHRASE"}
    env.update(
        HOME=str(places["home"]),
        TMPDIR=str(places["tmp"]),
        PYTHONPATH=str(ROOT),  # this checkout's `app`, run from another folder
        QT_QPA_PLATFORM="offscreen",
    )
    env.update(env_extra)
    done = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        cwd=places["cwd"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done, places


def test_self_test_passes_and_leaves_nothing_behind(tmp_path):
    done, places = _self_test(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Casepath ") and lines[0].endswith(" self-test")
    for name in (
        "Private temp folder",
        "Vault write and read",
        "SQLCipher",
        "PDF with embedded fonts",
        "Qt modules",
        "Qt platform plug-in",
        "Printer list",
        "PDF preview",
        "Clean-up",
    ):
        assert any(line.startswith(f"  PASS  {name}") for line in lines), name
    assert "'offscreen' loaded" in done.stdout
    assert lines[-1].startswith("All 9 checks passed")
    for folder in places.values():
        assert list(folder.rglob("*")) == [], folder


def test_a_missing_platform_plugin_fails_with_a_report_and_exit_one(tmp_path):
    done, places = _self_test(tmp_path, QT_QPA_PLATFORM="nosuchplatform")
    assert done.returncode == 1
    assert "FAIL  Qt platform plug-in" in done.stdout
    assert "platform plug-in 'nosuchplatform' not found" in done.stdout
    assert done.stdout.splitlines()[-1].startswith("3 of 9 checks FAILED")
    assert list(places["tmp"].iterdir()) == [] and list(places["cwd"].iterdir()) == []
