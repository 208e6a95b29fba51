"""Preferences → Templates: the vault's conversation prompts, one set per kind of conversation.

The officer picks a kind, edits its prompts as TOML text and sees at once how they read beside
the conversation form. A text that does not parse is said in words under the editor (only once
it was edited) and cannot be saved; drafts of every kind are kept while the dialog is open, so
switching kinds loses nothing. "Reset to the shipped set" drops the vault's copy of the chosen
kind after asking.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.prompt_templates import TemplateKind
from app.models.theme import colour_css
from app.models.ui_formats import ui_error, ui_label
from app.services.cases.conversation_prompts import PromptsError, parse_conversation_prompts
from app.services.errors import VaultError
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.enum_combo import EnumCombo
from app.views.widgets.prompt_html import all_sections_html


class TemplatesDialog(BaseDialog):
    def __init__(self, templates: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conversation templates"))
        self.templates = templates
        self.drafts: dict[TemplateKind, str] = {}
        self._loading = False

        self.kind = EnumCombo(TemplateKind)
        self.kind.setObjectName("templateKind")
        self.kind.setAccessibleName(self.tr("Prompts for"))
        self.used_for = QLabel()
        self.used_for.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("templateState")
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("templateText")
        self.editor.setAccessibleName(self.tr("Prompts, as TOML text"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problem = QLabel()
        self.problem.setObjectName("templateProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(colour_css("error"))
        self.preview = QTextBrowser()
        self.preview.setObjectName("templatePreview")
        self.preview.setAccessibleName(self.tr("How the prompts read"))

        editor_box = QWidget()
        box = QVBoxLayout(editor_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.editor, 1)
        box.addWidget(self.problem)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("templatesSplitter")
        splitter.addWidget(editor_box)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveTemplates")
        self.reset_button = QPushButton(self.tr("&Reset to the shipped set…"))
        self.reset_button.setObjectName("resetTemplate")
        self.save_button.clicked.connect(lambda: self.save())
        self.reset_button.clicked.connect(lambda: self.reset())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        top = QFormLayout()
        kind_label = QLabel(self.tr("Prompts &for:"))
        kind_label.setBuddy(self.kind)
        top.addRow(kind_label, kind_row)
        top.addRow("", self.used_for)
        top.addRow("", self.state)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(lambda *_: self._show_kind())
        self.editor.textChanged.connect(self._edited)
        self._show_kind()
        self.resize(1100, 700)

    # -- showing -------------------------------------------------------------------------
    def current_kind(self) -> TemplateKind:
        return self.kind.value()

    def _show_kind(self) -> None:
        kind = self.current_kind()
        entry = self.templates.entry(kind)
        self._loading = True
        self.editor.setPlainText(self.drafts.get(kind, entry.text))
        self._loading = False
        used = ", ".join(ui_label(k).lower() for k in kind.used_for)
        self.used_for.setText(
            self.tr("Shown beside these conversations: {kinds}.").format(kinds=used)
        )
        if entry.edited:
            self.state.setText(
                self.tr("Edited in this vault by {who} on {day}.").format(
                    who=entry.updated_by, day=entry.updated_at[:10]
                )
            )
        else:
            self.state.setText(self.tr("As shipped with Casepath."))
        self.reset_button.setEnabled(entry.edited or kind in self.drafts)
        self._check(show_problem=kind in self.drafts)

    def _edited(self) -> None:
        if self._loading:
            return
        kind = self.current_kind()
        self.drafts[kind] = self.editor.toPlainText()
        self.reset_button.setEnabled(True)
        self._check(show_problem=True)

    def _check(self, show_problem: bool) -> bool:
        """Preview the text; say what is wrong with it (once edited)."""
        try:
            prompts = parse_conversation_prompts(
                self.editor.toPlainText(),
                self.tr("{kind} prompts").format(kind=ui_label(self.current_kind())),
            )
        except PromptsError as exc:
            self.problem.setText(ui_error(exc) if show_problem else "")
            self.problem.setVisible(show_problem)
            return False
        self.problem.setText("")
        self.problem.hide()
        self.preview.setHtml(all_sections_html(prompts))
        return True

    def unsaved(self) -> list[TemplateKind]:
        if self.templates is None:
            return []
        return [k for k, text in self.drafts.items() if text != self.templates.text(k)]

    # -- actions -------------------------------------------------------------------------
    def save(self) -> bool:
        """Store every edited kind (all or nothing); a broken text is refused in words."""
        texts = {k: self.drafts[k] for k in self.unsaved()}
        if not texts:
            self.state.setText(self.tr("Nothing changed: nothing to save."))
            return False
        try:
            self.templates.save_many(texts)
        except (PromptsError, VaultError) as exc:
            self.problem.setText(self.tr("Not saved. {why}").format(why=exc))
            self.problem.show()
            return False
        self.drafts.clear()
        self._show_kind()
        return True

    def reset(self) -> bool:
        kind = self.current_kind()
        answer = QMessageBox.question(
            self,
            self.tr("Reset to the shipped set"),
            self.tr(
                "Replace this vault's {kind} prompts with the set shipped with Casepath? "
                "Your edits to them are lost."
            ).format(kind=ui_label(kind).lower()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.templates.reset([kind])
        except VaultError as exc:
            self.problem.setText(self.tr("Not reset. {why}").format(why=exc))
            self.problem.show()
            return False
        self.drafts.pop(kind, None)
        self._show_kind()
        return True

    def clear(self) -> None:
        """The vault locks: drafts and text go, and closing asks nothing."""
        self.templates = None
        self.drafts.clear()
        self._loading = True
        self.editor.clear()
        self.preview.clear()

    def reject(self) -> None:
        """Close; unsaved edits are offered for saving first (nothing typed is lost)."""
        if self.unsaved():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved prompts"),
                self.tr("Save the prompts you changed before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()
