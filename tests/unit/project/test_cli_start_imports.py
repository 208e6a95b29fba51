"""The `casepath` command starts light: building its parser imports no service and none of
the heavy libraries a verb may need (each verb's handler imports what it uses), and a
`casepath pack` imports nothing a pack does not use. Every CLI run pays for what it imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.factories import conversation, open_case

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("holidays", "icalendar", "reportlab", "jsonschema", "pypdf", "PySide6", "shiboken6")
NOT_FOR_A_PACK = ("holidays", "icalendar", "jsonschema", "PySide6", "shiboken6")


def _run(script: str, **env: str) -> set[str]:
    """The modules a fresh Python has loaded after ``script`` (it prints them last)."""
    script += "\nimport sys\nprint('MODULES', ' '.join(sorted(sys.modules)))\n"
    environ = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    environ.pop("QT_QPA_PLATFORM", None)  # nothing here may need Qt
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def _tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_building_the_parser_imports_no_service_and_no_heavy_library():
    loaded = _run(
        "import argparse\n"
        "import app.cli\n"
        "parser = app.cli.build_parser()\n"
        "sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))\n"
        "assert {'pack', 'ics', 'import', 'bundle', 'officer'} <= set(sub.choices), sub.choices\n"
        "assert len(sub.choices) > 40\n"
        "assert 'documentation pack' in parser.format_help()\n"
    )
    assert "app.commands.cases.document_commands" in loaded  # every verb was registered
    assert not _tops(loaded) & set(HEAVY), sorted(_tops(loaded) & set(HEAVY))
    assert "app.services.services" not in loaded
    assert not any(m.startswith("app.vault.vault") for m in loaded)
    assert "app.domain.escalation.policy" not in loaded


def test_a_pack_from_the_command_line_imports_no_calendar_schema_or_qt(
    services, vault_path, tmp_path
):
    case = open_case(services)
    services.cases.add(conversation(case, services.clock.today()))
    services.close()
    out = tmp_path / "pack.pdf"
    loaded = _run(
        "from app.cli import main\n"
        f"rc = main(['pack', {str(vault_path)!r}, {case.reference!r}, '--meeting', 'review', "
        f"'--out', {str(out)!r}])\n"
        "assert rc == 0, rc\n",
        CASEPATH_PASSPHRASE=PASSPHRASE,
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert {"reportlab", "sqlcipher3"} <= _tops(loaded)  # the pack was really built
    assert not _tops(loaded) & set(NOT_FOR_A_PACK), sorted(_tops(loaded) & set(NOT_FOR_A_PACK))
