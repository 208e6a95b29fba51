"""The escalation policy in the window: its stages, roles and deadlines in words, every stored
version, and importing a new version from a TOML file.

Importing goes through `EscalationService.import_policy` (validated by
app/domain/escalation/policy.py,
stored as a new version with an audit event); a file that cannot be used is refused and its
problems are listed here in words, nothing changed. Cases already open keep their version.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.escalation.policy import PolicyError
from app.domain.escalation.policy_words import describe_policy, problem_words
from app.models.theme import colour_css
from app.models.ui_formats import ui_formats
from app.views.widgets.base_dialog import BaseDialog


class PolicyWindow(BaseDialog):
    policy_changed = Signal()  # a new version was imported

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyWindow")
        self.setWindowTitle(self.tr("Escalation policy"))
        self.services = services
        self.version = QComboBox(objectName="policyVersion")
        self.version.setAccessibleName(self.tr("Policy version shown"))
        version_label = QLabel(self.tr("&Version:"))
        version_label.setBuddy(self.version)
        self.browser = QTextBrowser(objectName="policyText")
        self.browser.setAccessibleName(self.tr("The policy in words"))
        self.browser.setOpenLinks(False)
        self.message = QLabel(objectName="policyMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.import_button = QPushButton(
            self.tr("&Import a new version…"), objectName="importPolicyButton"
        )
        self.import_button.setToolTip(
            self.tr("Choose an edited policy file (.toml); open cases keep the version they have")
        )
        self.import_button.clicked.connect(lambda: self.choose_file())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(version_label)
        top.addWidget(self.version, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.resize(860, 680)
        self.version.currentIndexChanged.connect(self._show_version)
        self.reload()

    def reload(self) -> None:
        escalation = self.services.escalation
        current = escalation.current_policy_id()
        self.version.blockSignals(True)
        self.version.clear()
        for stored in reversed(escalation.policy_versions()):
            words = self.tr("Version %1 of this vault, stored %2 — %3").replace(
                "%1", str(stored.id)
            )
            stored_on = QLocale().toString(stored.created_at.date(), "d MMM yyyy")
            words = words.replace("%2", stored_on)
            words = words.replace("%3", stored.name)
            if stored.id == current:
                words += self.tr(" (in use for new cases)")
            self.version.addItem(words, stored.id)
        self.version.setCurrentIndex(max(self.version.findData(current), 0))
        self.version.blockSignals(False)
        self._show_version()

    def _show_version(self) -> None:
        policy_id = self.version.currentData()
        if policy_id is None:
            self.browser.clear()
            return
        policy = self.services.escalation.policy(int(policy_id))
        parts = []
        for section in describe_policy(policy):
            parts.append(f"<h3>{html.escape(section.title)}</h3>")
            if section.purpose:
                parts.append(f"<p><i>{html.escape(section.purpose)}</i></p>")
            rows = "".join(
                f"<tr><td style='padding-right:16px'><b>{html.escape(what)}</b></td>"
                f"<td>{html.escape(words)}</td></tr>"
                for what, words in section.rows
            )
            parts.append(f"<table cellspacing='2'>{rows}</table>")
        self.browser.setHtml("".join(parts))

    # -- importing -------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a policy file"), "", self.tr("Policy files (*.toml)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> bool:
        """Validate and store ``path`` as the new version; False (problems shown) if refused."""
        try:
            policy = self.services.escalation.import_policy(path)
        except PolicyError as exc:
            language = ui_formats().language
            items = "".join(
                f"<li>{html.escape(problem_words(where, what, language), quote=False)}</li>"
                for where, what in exc.problems
            )
            heading = self.tr("%1 was not imported; nothing changed. Fix these and try again:")
            self._say(heading.replace("%1", html.escape(path.name)) + f"<ul>{items}</ul>", True)
            return False
        done = self.tr("Imported “%1” %2. New cases use it; open cases keep theirs.")
        self._say(done.replace("%1", html.escape(policy.name)).replace("%2", policy.version))
        self.reload()
        self.policy_changed.emit()
        return True

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(colour_css("error") if error else "")
        self.message.show()
