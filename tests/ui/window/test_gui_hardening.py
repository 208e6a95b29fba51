"""The desktop app's entry point disables core dumps and sets umask 077 (in a started process)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_the_gui_entry_point_hardens_the_process(tmp_path):
    script = textwrap.dedent(
        """
        import ctypes, os, resource
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from app.main import run_app

        def look_and_leave():
            libc = ctypes.CDLL(None)
            mask = os.umask(0o077)
            status = open(f"/proc/{os.getpid()}/limits").read()
            core = next(x for x in status.splitlines() if x.startswith("Max core file size"))
            print(resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0),
                  oct(mask), core.split()[4:6], flush=True)
            QApplication.quit()

        def libc_check():
            return ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)

        # Undo what this process may have inherited from the test run, so only the entry
        # point can set it (dumpable is reset by exec anyway).
        os.umask(0o022)
        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
        assert libc_check() == 1
        app = QApplication([])
        QTimer.singleShot(0, look_and_leave)
        run_app(vault_path=None)
        """
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.strip().splitlines()[-1] == "(0, 0) 0 0o77 ['0', '0']", done.stderr
