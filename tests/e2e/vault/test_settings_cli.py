"""casepath settings: the vault's document language, and what follows it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.e2e.cli_runner import run_casepath

PASS = "a settings passphrase"


def casepath(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASS, check=check)


def test_document_language_is_shown_set_refused_and_followed(tmp_path: Path):
    vault = tmp_path / "demo.casepath"
    casepath("demo", str(vault))
    assert casepath("settings", str(vault)).stdout.strip() == "Document language: English"
    english = casepath("flags", str(vault), "--on", "2026-12-01").stdout
    assert "on 1 Dec 2026." in english
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", english)

    refused = casepath("settings", str(vault), "--document-language", "fr", check=False)
    assert refused.returncode == 2
    assert "choose en (English), de (Deutsch)" in refused.stderr
    assert "Traceback" not in refused.stderr

    done = casepath("settings", str(vault), "--document-language", "Deutsch").stdout
    assert "Documents are now written in Deutsch." in done
    again = casepath("settings", str(vault), "--document-language", "de").stdout
    assert "nothing changed" in again
    assert casepath("settings", str(vault)).stdout.strip() == "Document language: Deutsch"
    german = casepath("flags", str(vault), "--on", "2026-12-01").stdout
    assert "on 1. Dez. 2026." in german
    assert "vault.settings" in casepath("audit", str(vault)).stdout
