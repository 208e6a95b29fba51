"""The core (domain, vault, documents, services) runs without Qt: prove it by blocking PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parents[3]
CORE = ("app.domain", "app.vault", "app.documents", "app.services", "app.commands")

BLOCKER = """
import importlib, importlib.abc, pkgutil, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError(f"core module imported Qt: {name}")
        return None

sys.meta_path.insert(0, Block())
import app
names = []
for pkg in %r:
    mod = importlib.import_module(pkg)
    names.append(pkg)
    for info in pkgutil.walk_packages(mod.__path__, pkg + "."):
        importlib.import_module(info.name)
        names.append(info.name)
import app.cli
print(len(names))
"""


def test_core_packages_import_with_pyside6_blocked():
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER % (CORE,)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 10


def test_views_and_models_do_not_reach_into_the_vault():
    offenders = []
    for folder in ("models", "views"):
        for path in (ROOT / "app" / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for forbidden in ("app.vault", "sqlcipher3"):
                if forbidden in text:
                    offenders.append(f"{path.relative_to(ROOT)}: {forbidden}")
    assert offenders == []


def test_models_do_not_import_widgets():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "app" / "models").rglob("*.py")
        if "QtWidgets" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_every_package_is_listed_for_packaging():
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {"app"} | {f"app.{m.name}" for m in pkgutil.iter_modules(app.__path__) if m.ispkg}
    assert found <= listed
