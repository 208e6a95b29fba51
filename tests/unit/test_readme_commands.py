"""README's commands are the ones CI runs, and the ones the package really provides."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _code_lines() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return [
        line.strip()
        for block in re.findall(r"```\n(.*?)```", text, re.S)
        for line in block.splitlines()
    ]


def test_ci_runs_exactly_the_readme_test_command():
    test_cmd = next(line for line in _code_lines() if "pytest" in line)
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert test_cmd in ci


def test_readme_run_command_uses_the_installed_console_script():
    run_cmd = next(line for line in _code_lines() if "--demo" in line)
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert "casepath" in scripts and ".venv/bin/casepath --demo" in run_cmd
