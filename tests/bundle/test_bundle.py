"""The PyInstaller one-folder bundle builds from packaging/casepath.spec and passes its self-test.

Marked `bundle`: it needs the `[bundle]` extra and takes about a minute, so the default run
leaves it out; `.ci/run` runs it as its own step (`pytest -m bundle`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
EXE = "casepath.exe" if sys.platform == "win32" else "casepath"

pytestmark = pytest.mark.bundle


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "packaging" / "casepath.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    folder = work / "dist" / "casepath"
    assert (folder / EXE).is_file()
    return folder


def _run(bundle: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    places = [tmp_path / name for name in ("cwd", "home", "tmp")]
    for folder in places:
        folder.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("CASEPATH_PASSPHRASE", "PYTHONPATH")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(places[1]),
        TMPDIR=str(places[2]),
        TEMP=str(places[2]),
        TMP=str(places[2]),
    )
    return subprocess.run(
        [str(bundle / EXE), *args],
        cwd=places[0],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_bundle_passes_its_self_test_offscreen_and_leaves_nothing(bundle, tmp_path):
    done = _run(bundle, tmp_path, "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[-1].startswith("All 9 checks passed"), done.stdout
    assert "crypto provider openssl" in done.stdout.lower()
    for name in ("cwd", "home", "tmp"):
        assert list((tmp_path / name).rglob("*")) == [], name


def test_the_bundle_reports_the_pyproject_version_and_runs_commands(bundle, tmp_path):
    assert _run(bundle, tmp_path, "--version").stdout.strip() == f"casepath {VERSION}"
    vault = tmp_path / "v.casepath"
    env_pass = {"CASEPATH_PASSPHRASE": "a bundled passphrase"}
    os.environ.update(env_pass)
    try:
        made = subprocess.run(
            [str(bundle / EXE), "init", str(vault), "--name", "Ana Officer"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        listed = subprocess.run(
            [str(bundle / EXE), "cases", str(vault)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
    finally:
        os.environ.pop("CASEPATH_PASSPHRASE")
    assert made.returncode == 0, made.stderr  # migrations and the policy came along
    assert "0 cases" in listed.stdout, listed.stderr


def test_the_bundle_holds_only_the_qt_it_uses(bundle):
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unwanted in (
        "QtWebEngineCore",
        "Qt6WebEngineCore",
        "Qt6Quick",
        "Qt6Qml",
        "QtMultimedia",
        "Qt3DCore",
        "qtvirtualkeyboardplugin",
        "qgtk3",
    ):
        assert not any(unwanted in name for name in names), unwanted
    # Of Qt's own translations only qtbase_<code> of the interface languages Casepath ships.
    qt_translations = internal / "PySide6" / "Qt" / "translations"
    assert sorted(p.name for p in qt_translations.iterdir()) == ["qtbase_de.qm"]
    assert (internal / "resources" / "translations" / "casepath_de.qm").is_file()
    assert (internal / "resources" / "translations" / "casepath_en.qm").is_file()

    for needed in ("QtPdf", "QtCharts", "QtPrintSupport", "QtWidgets"):
        assert any(name.startswith(needed + ".") for name in names), needed
    assert (internal / "resources" / "policy" / "default.toml").is_file()
    assert (internal / "resources" / "icons" / "casepath-256.png").is_file()
    assert sorted((internal / "app" / "vault" / "migrations").glob("*.sql"))
    dangling = [p.name for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_every_bundled_qt_library_finds_the_qt_libraries_it_links(bundle):
    missing = []
    for path in (bundle / "_internal").rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        missing += [
            f"{path.name}: {line.strip()}"
            for line in out.splitlines()
            if "libQt6" in line and "not found" in line
        ]
    assert missing == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG desktop integration")
def test_the_bundle_installs_its_own_desktop_entry(bundle, tmp_path):
    script = bundle / "_internal" / "packaging" / "install-desktop.sh"
    done = subprocess.run(
        ["bash", str(script)],
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "applications" / "org.casepath.Casepath.desktop").read_text()
    assert f"Exec={bundle / EXE} %f" in entry
    assert (tmp_path / "icons/hicolor/48x48/apps/org.casepath.Casepath.png").is_file()
