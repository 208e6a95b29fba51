"""Unexpected errors are reported by type and code location, never by their (confidential) text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.safe_traceback import safe_format

ROOT = Path(__file__).resolve().parents[3]


def _fail(name: str) -> None:
    try:
        {}["missing"]
    except KeyError as exc:
        raise ValueError(f"Employee {name} could not be saved") from exc


def test_safe_format_names_type_and_frames_but_not_the_message():
    try:
        _fail("Zoë Ångström")
    except ValueError as exc:
        text = safe_format(exc)
    assert "Zoë" not in text and "Ångström" not in text and "could not be saved" not in text
    assert "builtins.ValueError (message withheld)" in text
    assert "test_safe_traceback.py" in text and "in _fail" in text
    assert "caused by:" in text and "KeyError" in text


def test_the_excepthook_prints_only_the_safe_form():
    code = (
        "from app.safe_traceback import install_safe_excepthook\n"
        "install_safe_excepthook()\n"
        "raise RuntimeError('Łukasz Żółć disclosed a health condition')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "RuntimeError (message withheld)" in done.stderr
    assert "Łukasz" not in done.stderr and "health" not in done.stderr
