"""Refresh the translation sources from the code, then build the .qm catalogues the app loads.

    python tools/update_translations.py          # lupdate + lrelease (what a developer runs)
    python tools/update_translations.py --check  # fail if the .ts or .qm files are out of date

`pyside6-lupdate` reads every ``tr()`` / ``QCoreApplication.translate()`` / ``QT_TRANSLATE_NOOP``
of app/views, app/models and app/main.py into resources/translations/casepath_<code>.ts (new
strings arrive untranslated; translate them in Qt Linguist, ``pyside6-linguist``), and
`pyside6-lrelease` compiles each .ts into the .qm beside it. The .qm files are committed, so a
checkout, a wheel and the PyInstaller bundle all run without a build step; tests/ui/
test_translations.py fails when they are not what lrelease makes of the committed .ts.

English needs a catalogue too, but only for plurals: the source texts are the plural forms
("%n cases shown") and casepath_en.ts gives the singular ("%n case shown").
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = ("app/views", "app/models", "app/main.py")
LANGUAGES = ("de", "en")  # English: plural forms only (lupdate -pluralonly)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv), else the one on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this environment.")
    return found


def lupdate(ts_file: Path, language: str, root: Path = ROOT) -> None:
    """Merge the code's messages into ``ts_file`` (created if missing); drop vanished ones."""
    args = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    args += ["-extensions", "py", "-target-language", language]
    if language == "en":
        args.append("-pluralonly")
    args += [str(root / s) for s in SOURCES] + ["-ts", str(ts_file)]
    subprocess.run(args, check=True, cwd=root)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    args = [tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts_file), "-qm"]
    subprocess.run(args + [str(qm_file)], check=True)


def update() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        ts_file = FOLDER / f"casepath_{code}.ts"
        lupdate(ts_file, code)
        lrelease(ts_file, ts_file.with_suffix(".qm"))
        print(f"{ts_file.relative_to(ROOT)} and its .qm updated")


def check() -> list[str]:
    """What is out of date, in words (empty when the committed files are current)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for code in LANGUAGES:
            ts_file = FOLDER / f"casepath_{code}.ts"
            fresh = Path(tmp) / ts_file.name
            shutil.copy(ts_file, fresh)
            lupdate(fresh, code)
            if fresh.read_bytes() != ts_file.read_bytes():
                problems.append(
                    f"{ts_file.name} does not match the code: run {Path(__file__).name}"
                )
            built = Path(tmp) / f"casepath_{code}.qm"
            lrelease(ts_file, built)
            if built.read_bytes() != ts_file.with_suffix(".qm").read_bytes():
                problems.append(f"casepath_{code}.qm is not built from its .ts: run lrelease")
    return problems


if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        found = check()
        print("\n".join(found) or "translations are up to date")
        sys.exit(1 if found else 0)
    update()
