"""Runs `casepath` as a subprocess, the way a script would; shared by the end-to-end tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_casepath(
    *args: object,
    passphrase: str | None,
    check: bool,
    stdin: str | None = None,
    timeout: float = 180,
) -> subprocess.CompletedProcess:
    """Run `python -m app ARGS` from the checkout; a traceback on stderr always fails."""
    env = {k: v for k, v in os.environ.items() if k != "CASEPATH_PASSPHRASE"}
    if passphrase is not None:
        env["CASEPATH_PASSPHRASE"] = passphrase
    done = subprocess.run(
        [sys.executable, "-m", "app", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
    )
    assert "Traceback" not in done.stderr, done.stderr
    if check:
        assert done.returncode == 0, done.stderr
    return done
