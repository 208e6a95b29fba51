"""README's commands are the ones CI runs, and the ones the package really provides."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


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


def test_ci_installs_exactly_the_readme_setup_line_and_runs_the_main_journey_on_xcb():
    setup = next(line for line in _code_lines() if line.startswith("sudo apt-get install"))
    packages = setup.split("install -y ", 1)[1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert f"apt-get install -y -q {packages}\n" in ci
    for needed in ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libcups2"):
        assert needed in packages.split()
    assert "QT_QPA_PLATFORM=xcb xvfb-run -a" in ci and "tests/journeys/test_main_journey.py" in ci


def test_every_package_of_the_app_is_installed_by_pip_install_dot():
    """A folder left out of `packages` works in an editable install and breaks a real one."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "app").rglob("__init__.py")
    }
    assert found - listed == set()
