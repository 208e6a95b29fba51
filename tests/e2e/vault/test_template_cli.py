"""`casepath templates VAULT list|export|import|reset` as subprocesses: the window's
Preferences → Templates from the command line."""

from __future__ import annotations

import stat
import subprocess
from datetime import date

from app.domain.clock import FixedClock
from app.domain.prompt_templates import TemplateKind
from app.domain.records import Officer
from app.services.cases.conversation_prompts import shipped_text
from app.services.services import create_vault, open_vault
from tests.e2e.cli_runner import run_casepath

PASS = "an end-to-end passphrase"


def casepath(*args: object, check: bool = True) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASS, check=check)


def test_export_edit_import_list_and_reset(tmp_path):
    vault = tmp_path / "cases.casepath"
    create_vault(vault, PASS, Officer(name="Hana Officer"), FixedClock(date(2026, 3, 16))).close()
    listed = casepath("templates", vault, "list").stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == [k.value for k in TemplateKind]
    assert all(line.endswith("as shipped") for line in listed)

    out = tmp_path / "prompts"
    out.mkdir()
    casepath("templates", vault, "export", "--out", out)
    exported = out / "check_in.toml"
    assert exported.read_text("utf-8") == shipped_text(TemplateKind.CHECK_IN)
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k.value}.toml" for k in TemplateKind)

    exported.write_text(
        exported.read_text("utf-8").replace("How the plan is going", "Since last time"), "utf-8"
    )
    broken = tmp_path / "mine.toml"
    broken.write_text("[sections.smalltalk]\n", "utf-8")
    refused = casepath(
        "templates", vault, "import", exported, broken, "--kind", "outcome", check=False
    )
    assert refused.returncode != 0 and "one file" in refused.stderr
    refused = casepath("templates", vault, "import", broken, "--kind", "outcome", check=False)
    assert refused.returncode != 0 and "unknown section" in refused.stderr
    assert "Nothing imported" in refused.stderr

    done = casepath("templates", vault, "import", exported)
    assert "Check-in" in done.stdout
    listed = casepath("templates", vault, "list").stdout
    assert "check_in\tCheck-in\tedited in this vault by Hana Officer" in listed
    svc = open_vault(vault, PASS)
    try:
        title = svc.templates.prompts(TemplateKind.CHECK_IN).section("summary").title
        assert title == "Since last time" and svc.vault.verify().ok
    finally:
        svc.close()

    assert "Check-in" in casepath("templates", vault, "reset", "--kind", "check-in").stdout
    assert "Nothing to reset" in casepath("templates", vault, "reset").stdout
    assert "edited" not in casepath("templates", vault, "list").stdout
