"""The Qt half of `casepath --self-test`: platform plug-in, printers, the Qt modules Casepath uses.

Qt is imported inside `qt_checks` only, so `app.services.self_test` and the CLI stay Qt-free
until a self-test asks. A bundle that left out a Qt module the app needs fails here, not in
front of an HR officer.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from app.domain.words.wording import plural
from app.services.self_test import Check

# Every PySide6 module the app imports (app/views, app/models, app/main).
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtPdfWidgets", "QtCharts")
# Lock on suspend listens on D-Bus, which only Linux has (app/views/auto_lock.py).
if sys.platform.startswith("linux"):
    QT_MODULES += ("QtDBus",)


def qt_checks(folder: Path) -> list[Check]:
    """Run in the self-test's scratch folder, which holds ``self-test.pdf``."""
    checks = [_modules()]
    from PySide6.QtWidgets import QApplication

    headless = _headless()
    if headless:  # Qt would abort without a display; test what can be tested
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    missing = _missing_platform_plugin()
    if missing and QApplication.instance() is None:  # Qt would abort, not report
        detail = f"platform plug-in '{missing}' not found; Qt cannot start"
        not_run = "not run: Qt cannot start"
        return [
            *checks,
            Check("Qt platform plug-in", False, detail),
            Check("Printer list", False, not_run),
            Check("PDF preview", False, not_run),
        ]
    app = QApplication.instance() or QApplication(["casepath"])
    platform = app.platformName()
    note = " (no display: tested offscreen)" if headless else ""
    checks.append(Check("Qt platform plug-in", bool(platform), f"'{platform}' loaded{note}"))
    checks.append(_printers())
    checks.append(_pdf_viewer(folder / "self-test.pdf"))
    return checks


def _modules() -> Check:
    missing = []
    for name in QT_MODULES:
        try:
            importlib.import_module(f"PySide6.{name}")
        except ImportError:
            missing.append(name)
    from PySide6 import __version__ as pyside_version

    detail = f"PySide6 {pyside_version}: " + (
        f"missing {', '.join(missing)}" if missing else f"{len(QT_MODULES)} modules import"
    )
    return Check("Qt modules", not missing, detail)


def _headless() -> bool:
    """Linux without a display and without a chosen platform plug-in."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _missing_platform_plugin() -> str | None:
    """The plug-in QT_QPA_PLATFORM asks for, if no plug-in folder has it."""
    wanted = os.environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if not wanted:
        return None
    from PySide6.QtCore import QCoreApplication

    for folder in QCoreApplication.libraryPaths():
        for path in Path(folder, "platforms").glob("*"):
            if path.name.split(".")[0].removeprefix("lib") == f"q{wanted}":
                return None
    return wanted


def _printers() -> Check:
    """The printer list works: on Linux that needs Qt's CUPS print-support plug-in (a bundle
    could leave it out); no printer at all is not a fault ("Save as PDF" still works)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtPrintSupport import QPrinterInfo

    plugin_ok = True
    if sys.platform.startswith("linux"):
        plugin_ok = any(
            path.name.startswith("libcupsprintersupport")
            for folder in QCoreApplication.libraryPaths()
            for path in Path(folder, "printsupport").glob("*")
        )
    names = QPrinterInfo.availablePrinterNames()
    default = QPrinterInfo.defaultPrinterName()
    detail = plural(len(names), "printer") + (" (default set)" if default else "")
    if not plugin_ok:
        detail = "Qt's CUPS print-support plug-in is missing: printers cannot be listed"
    return Check("Printer list", plugin_ok, detail)


def _pdf_viewer(pdf: Path) -> Check:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    error = doc.load(str(pdf))
    ok = error == QPdfDocument.Error.None_ and doc.pageCount() == 1
    detail = "QtPdf opened the self-test PDF" if ok else f"QtPdf could not open it ({error.name})"
    doc.close()
    return Check("PDF preview", ok, detail)
