"""Help: keyboard shortcuts, the user guide (shipped with the package) and About.

The guide is shown inside Casepath from the packaged Markdown, so it works offline and from a
plain `pip install`, with no browser and nothing written to disk.
"""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.resource_paths import resource_path
from app.services.versions import versions
from app.views.widgets.base_dialog import BaseDialog


def user_guide_text() -> str:
    return resource_path("docs", "USER-GUIDE.md").read_text("utf-8")


class UserGuideDialog(BaseDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("Casepath user guide"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(user_guide_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 640)


class ShortcutsDialog(BaseDialog):
    """Every shortcut of the main window's actions, read from the actions themselves."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        native = QKeySequence.SequenceFormat.NativeText
        self._rows = sorted(
            {
                (a.text().replace("&", "").rstrip("…"), a.shortcut().toString(native))
                for a in window.findChildren(QAction)
                if not a.shortcut().isEmpty() and a.text()
            }
        )
        rows = "".join(
            f"<tr><td>{html.escape(t)}</td><td>&nbsp;&nbsp;<b>{html.escape(k)}</b></td></tr>"
            for t, k in self._rows
        )
        self.text = QLabel(f"<table cellpadding='3'>{rows}</table>")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def shortcuts(self) -> dict[str, str]:
        return dict(self._rows)


class AboutDialog(BaseDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Casepath"))
        self.text = QLabel(about_text())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def about_text() -> str:
    v = versions()
    v["Qt"] = qVersion()
    v["PySide6"] = pyside_version
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;{value}</td></tr>" for k, value in v.items())
    blurb = QCoreApplication.translate(
        "AboutDialog", "Confidential performance-escalation cases, offline, in an encrypted vault."
    )
    return f"<h3>Casepath</h3><p>{html.escape(blurb)}</p><table>{rows}</table>"


def _show(dialog: BaseDialog) -> BaseDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def install_help_menu(window: QMainWindow) -> QMenu:
    """Add Help to the window's menu bar; each action has an objectName for the tests."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    menu.setObjectName("helpMenu")

    def action(name: str, text: str, slot, shortcut: str | None = None) -> QAction:  # noqa: ANN001
        a = QAction(text, window)
        a.setObjectName(name)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(lambda: slot())
        menu.addAction(a)
        return a

    action(
        "shortcutsAction",
        QCoreApplication.translate("HelpMenu", "&Keyboard shortcuts"),
        lambda: _show(ShortcutsDialog(window)),
        "Ctrl+/",
    )
    action(
        "userGuideAction",
        QCoreApplication.translate("HelpMenu", "&User guide"),
        lambda: _show(UserGuideDialog(window)),
        "F1",
    )
    menu.addSeparator()
    action(
        "aboutAction",
        QCoreApplication.translate("HelpMenu", "&About Casepath"),
        lambda: _show(AboutDialog(window)),
    )
    return menu
