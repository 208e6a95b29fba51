"""Desktop integration: `casepath FILE` (what "Open with Casepath" runs) and the XDG install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.cli_runner import ROOT, run_casepath

PASS = "a desktop passphrase"
ICONS = ROOT / "resources" / "icons"

# Starts the real `casepath` entry point with the process's own argv, looks at the windows
# once the event loop runs, and quits through Qt (so the session shuts down as on logout).
PROBE = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(["casepath"])

def look():
    shown = [w for w in app.topLevelWidgets() if w.isVisible()]
    unlock = [w for w in shown if w.objectName() == "UnlockWindow"]
    report = {"shown": [w.objectName() or type(w).__name__ for w in shown]}
    if unlock:
        u = unlock[0]
        report.update(
            vault=str(u.vault_path), open_page=u.stack.currentWidget() is u.open_page,
            unlock_enabled=u.unlock_button.isEnabled(),
        )
    icon = app.windowIcon()
    report.update(
        icon_sizes=sorted(s.width() for s in icon.availableSizes()),
        desktop_file=app.desktopFileName(),
    )
    print("PROBE " + json.dumps(report), flush=True)
    app.quit()

QTimer.singleShot(300, look)
from app.cli import main
sys.argv = ["casepath", *sys.argv[1:]]
raise SystemExit(main())
"""


def _probe(tmp_path: Path, *args: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "CASEPATH_PASSPHRASE"}
    # QSettings (the last vault path) goes to a throwaway home, not the developer's.
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("PROBE "))
    return json.loads(line[len("PROBE ") :])


@pytest.fixture(scope="module")
def vault(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("desk") / "team cases.casepath"
    run_casepath("init", path, "--name", "Ana Officer", passphrase=PASS, check=True)
    return path


def test_casepath_file_opens_that_vault_at_the_unlock_screen(vault, tmp_path):
    seen = _probe(tmp_path, str(vault))
    assert seen["shown"] == ["UnlockWindow"]
    assert seen["vault"] == str(vault) and seen["open_page"] and seen["unlock_enabled"]
    assert seen["desktop_file"] == "org.casepath.Casepath"
    assert seen["icon_sizes"] == [16, 24, 32, 48, 64, 128, 256, 512]


def test_an_existing_file_without_the_extension_opens_too(vault, tmp_path):
    other = tmp_path / "renamed-vault"
    other.write_bytes(vault.read_bytes())
    assert _probe(tmp_path, str(other))["vault"] == str(other)


def test_commands_and_typos_are_still_commands(vault):
    listing = run_casepath("cases", vault, passphrase=PASS, check=True)
    assert "0 cases" in listing.stdout
    typo = run_casepath("casess", passphrase=None, check=False)
    assert typo.returncode == 2 and "invalid choice" in typo.stderr


def _install(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    return subprocess.run(
        ["bash", str(ROOT / "packaging" / "install-desktop.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_install_desktop_puts_entry_icons_mime_and_metainfo_under_xdg_data_home(tmp_path):
    data = tmp_path / "share"
    program = tmp_path / "my apps" / "casepath"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    done = _install(data, "--exec", str(program))
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / "org.casepath.Casepath.desktop").read_text()
    assert f'Exec="{program}" %f' in entry
    assert "MimeType=application/x-casepath-vault;" in entry
    assert "Icon=org.casepath.Casepath" in entry
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "org.casepath.Casepath.png"
        assert png.read_bytes() == (ICONS / f"casepath-{size}.png").read_bytes()
    assert (data / "icons/hicolor/scalable/apps/org.casepath.Casepath.svg").is_file()
    assert (data / "mime/packages/org.casepath.Casepath.xml").is_file()
    assert (data / "metainfo/org.casepath.Casepath.metainfo.xml").is_file()
    if (data / "mime" / "globs2").exists():  # update-mime-database present
        assert "application/x-casepath-vault:*.casepath" in (data / "mime" / "globs2").read_text()

    gone = _install(data, "--uninstall")
    assert gone.returncode == 0, gone.stderr
    assert not (data / "applications" / "org.casepath.Casepath.desktop").exists()
    assert not list((data / "icons").rglob("org.casepath.Casepath.*"))


def test_install_desktop_refuses_a_program_that_is_not_there(tmp_path):
    done = _install(tmp_path / "share", "--exec", str(tmp_path / "nothing"))
    assert done.returncode == 2 and "is not a program" in done.stderr
    assert not (tmp_path / "share" / "applications").exists()
