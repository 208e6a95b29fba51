"""The CSV import dialog's "which column holds what" grid: one combo per employee field, holding
a header of the file or "not in the file".

Its words keep the import dialog's translation context, where they have always been.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel

from app.services.people.employee_import import TARGET_FIELDS
from app.views.employees.csv_import_parts import NOT_IN_FILE


def _tr(text: str) -> str:
    """A word marked with QT_TRANSLATE_NOOP in the import dialog's context."""
    return QCoreApplication.translate("CsvImportDialog", text)


class ColumnMappingGroup(QGroupBox):
    """The mapping grid; ``on_change`` runs when the officer picks another column."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.translate("CsvImportDialog", "Which column holds what"))
        self.boxes: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        for i, target in enumerate(TARGET_FIELDS):
            box = QComboBox()
            box.setObjectName(f"map_{target.key}")
            box.addItem(_tr(NOT_IN_FILE))
            box.currentIndexChanged.connect(lambda _i: on_change())
            self.boxes[target.key] = box
            label = target.label + (" *" if target.required else "")
            grid.addWidget(QLabel(label), i // 3, (i % 3) * 2)
            grid.addWidget(box, i // 3, (i % 3) * 2 + 1)

    def fill(self, headers: tuple[str, ...], mapping: Mapping[str, str]) -> None:
        """Offer ``headers`` in every combo and select what ``mapping`` says (quietly)."""
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(_tr(NOT_IN_FILE))
            box.addItems(list(headers))
            box.setCurrentIndex(box.findText(mapping[key]) if key in mapping else 0)
            box.blockSignals(False)

    def mapping(self) -> dict[str, str]:
        return {key: box.currentText() for key, box in self.boxes.items() if box.currentIndex() > 0}

    def select(
        self, mapping: Mapping[str, str], headers: Collection[str], ignore: Collection[str]
    ) -> None:
        """Select a saved profile's columns (quietly): those the file has and it does not ignore."""
        for key, box in self.boxes.items():
            header = mapping.get(key)
            box.blockSignals(True)
            ok = header in headers and header not in ignore
            box.setCurrentIndex(box.findText(header) if ok else 0)
            box.blockSignals(False)

    def unset(self, header: str) -> None:
        """Unset (quietly) every field ``header`` feeds."""
        for box in self.boxes.values():
            if box.currentText() == header and box.currentIndex() > 0:
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
