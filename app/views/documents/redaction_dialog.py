"""What goes into a redacted summary: the file format, opted-in free text, departments.

By default a redacted summary holds structured facts only; each free-text field is an explicit
choice, because even with known identifiers replaced, prose can describe a person. The dialog
only collects the choice: the Documents tab asks where to write and runs the export.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services.documents.document_service import INCLUDABLE, RedactionOptions
from app.views.settings_store import SettingsStore
from app.views.widgets.base_dialog import BaseDialog

# (file suffix, label) in the order offered.
FORMATS: tuple[tuple[str, str], ...] = (
    ("pdf", QT_TRANSLATE_NOOP("RedactionDialog", "PDF document")),
    ("csv", QT_TRANSLATE_NOOP("RedactionDialog", "CSV spreadsheet")),
    ("json", QT_TRANSLATE_NOOP("RedactionDialog", "JSON data")),
)

# Short titles for the service's free-text fields; a field without one shows its key.
FIELD_TITLES: dict[str, str] = {
    "stage_reasons": QT_TRANSLATE_NOOP("RedactionDialog", "Stage-change reasons"),
    "decisions": QT_TRANSLATE_NOOP("RedactionDialog", "Decisions"),
    "exception_reasons": QT_TRANSLATE_NOOP("RedactionDialog", "Exception details"),
    "conversation_summaries": QT_TRANSLATE_NOOP("RedactionDialog", "Conversation summaries"),
    "agreed_actions": QT_TRANSLATE_NOOP("RedactionDialog", "Agreed actions"),
    "observations": QT_TRANSLATE_NOOP("RedactionDialog", "Observations"),
    "indicator_metrics": QT_TRANSLATE_NOOP("RedactionDialog", "Indicator details"),
    "objectives": QT_TRANSLATE_NOOP("RedactionDialog", "Plan objectives"),
    "review_summaries": QT_TRANSLATE_NOOP("RedactionDialog", "Review summaries"),
}

REPLACED_NOTE = QT_TRANSLATE_NOOP(
    "RedactionDialog",
    "Known names, e-mails, phone numbers and employee numbers in it are replaced.",
)
VERIFIER_NOTE = QT_TRANSLATE_NOOP(
    "RedactionDialog",
    "People appear only as pseudonyms (Employee A, Manager B). Before the file is written, "
    "the verifier reads it back and refuses it if it still names anyone in the vault; "
    "nothing is written then.",
)


class RedactionDialog(BaseDialog):
    """Choose the format and what, beyond structured facts, the summary may contain."""

    def __init__(
        self,
        parent: QWidget | None = None,
        settings: SettingsStore | None = None,
        kind: str = "pdf",
        options: RedactionOptions | None = None,
    ) -> None:
        super().__init__(parent, settings)
        self.setObjectName("redactionDialog")
        self.setWindowTitle(self.tr("Redacted summary"))
        # Wrapped explanations need room: a narrow dialog clips them instead of growing.
        self.setMinimumWidth(600)
        self.format = QComboBox()
        self.format.setObjectName("redactionFormatCombo")
        for suffix, label in FORMATS:
            self.format.addItem(self.tr(label), suffix)

        fields = QGroupBox(self.tr("Free text to include (left out unless ticked)"))
        field_layout = QVBoxLayout(fields)
        replaced = QLabel(
            self.tr("Known names, e-mails, phone and employee numbers in them are replaced.")
        )
        replaced.setWordWrap(True)
        field_layout.addWidget(replaced)
        self.field_boxes: dict[str, QCheckBox] = {}
        for key, holds in INCLUDABLE.items():
            box = QCheckBox(self.tr(FIELD_TITLES[key]) if key in FIELD_TITLES else key)
            box.setObjectName(key)
            explanation = QLabel(f"{holds[:1].upper()}{holds[1:]}.")
            explanation.setWordWrap(True)
            explanation.setIndent(24)
            explanation.setEnabled(False)  # the platform's secondary text colour
            box.setToolTip(f"{explanation.text()} {self.tr(REPLACED_NOTE)}")
            field_layout.addWidget(box)
            field_layout.addWidget(explanation)
            self.field_boxes[key] = box

        self.generalise = QCheckBox(self.tr("Generalise departments"))
        self.generalise.setObjectName("generaliseDepartmentsCheck")
        self.generalise.setToolTip(
            self.tr(
                "Show the department as “Withheld (generalised)”: in a small team the "
                "department alone can point to a person."
            )
        )
        note = QLabel(self.tr(VERIFIER_NOTE))
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setObjectName("exportRedactedButton")
        self.export_button.setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(fields)
        layout.addWidget(self.generalise)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.set_choice(kind, options or RedactionOptions())
        self.adjustSize()  # wrapped labels get the height they need

    def set_choice(self, kind: str, options: RedactionOptions) -> None:
        index = self.format.findData(kind.lower().lstrip("."))
        if index < 0:
            raise ValueError(f"A redacted summary is PDF, CSV or JSON, not '{kind}'.")
        self.format.setCurrentIndex(index)
        for key, box in self.field_boxes.items():
            box.setChecked(key in options.include)
        self.generalise.setChecked(options.generalise_departments)

    def kind(self) -> str:
        """The chosen file suffix without the dot: pdf, csv or json."""
        return self.format.currentData()

    def options(self) -> RedactionOptions:
        return RedactionOptions(
            include=frozenset(k for k, box in self.field_boxes.items() if box.isChecked()),
            generalise_departments=self.generalise.isChecked(),
        )
