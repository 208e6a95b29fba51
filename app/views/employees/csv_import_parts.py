"""Parts of the CSV import dialog: its choices, a combo that keeps Python values, the table
views and the preview pane that holds them, and the bar that picks or saves a mapping profile
(kept in the vault)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.people.import_preview_model import ImportPreviewModel, ImportProblemModel
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.services.people.import_profiles import ImportProfile, ProfileError, ProfileStore
from app.views.widgets.record_list_section import compact_rows

NOT_IN_FILE = QT_TRANSLATE_NOOP("CsvImportDialog", "— not in the file —")
ENCODINGS = (
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Detect"), None),
    ("UTF-8", "utf-8"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Windows-1252 (Western)"), "cp1252"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Windows-1250 (Central European)"), "cp1250"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Windows-1251 (Cyrillic)"), "cp1251"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Windows-1253 (Greek)"), "cp1253"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Windows-1257 (Baltic)"), "cp1257"),
    ("UTF-16", "utf-16"),
    ("ISO-8859-1", "latin-1"),
)
DELIMITERS = (
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Detect"), None),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Comma ,"), ","),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Semicolon ;"), ";"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Tab"), "\t"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Pipe |"), "|"),
)
DATE_ORDERS = (
    (QT_TRANSLATE_NOOP("CsvImportDialog", "From the file (stops if unclear)"), None),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Day/month/year (31/12/2024)"), "dmy"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Month/day/year (12/31/2024)"), "mdy"),
    (QT_TRANSLATE_NOOP("CsvImportDialog", "Year/month/day (2024/12/31)"), "ymd"),
)


def _ask_csv(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CsvImportDialog", "Import employees from CSV"),
        str(Path.home()),
        QCoreApplication.translate(
            "CsvImportDialog", "CSV files (*.csv *.txt *.tsv);;All files (*)"
        ),
    )
    return path


def _table_view(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    compact_rows(view)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class ImportPreviewPane(QSplitter):
    """The rows as they would be stored above the problems found (row, column, problem).

    Its words stay in the import dialog's translation context."""

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.setObjectName("importSplitter")
        self.preview_model = ImportPreviewModel(self)
        self.problem_model = ImportProblemModel(self)
        self.preview = _table_view(self.preview_model)
        self.problems = _table_view(self.problem_model)
        self.preview.setAccessibleName(
            QCoreApplication.translate("CsvImportDialog", "Rows as they will be imported")
        )
        self.problems.setAccessibleName(
            QCoreApplication.translate("CsvImportDialog", "Problems found in the file")
        )
        preview_box = QWidget()
        pv = QVBoxLayout(preview_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "CsvImportDialog", "<b>Preview</b> (nothing is written until you press Import)"
                )
            )
        )
        pv.addWidget(self.preview)
        problems_box = QWidget()
        pb = QVBoxLayout(problems_box)
        pb.setContentsMargins(0, 0, 0, 0)
        pb.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "CsvImportDialog", "<b>Problems</b> (row, column, problem)"
                )
            )
        )
        pb.addWidget(self.problems)
        self.addWidget(preview_box)
        self.addWidget(problems_box)


class ChoiceCombo(QComboBox):
    """Labels shown, Python values kept (Qt would turn None and True into other things)."""

    def __init__(self, items: tuple[tuple[str, Any], ...]) -> None:
        super().__init__()
        self._values = [v for _label, v in items]
        for label, _v in items:  # marked with QT_TRANSLATE_NOOP in the import dialog's context
            self.addItem(QCoreApplication.translate("CsvImportDialog", label))

    def value(self) -> Any:
        return self._values[self.currentIndex()] if self.currentIndex() >= 0 else None

    def set_value(self, value: Any) -> None:
        if value not in self._values:  # e.g. a code page a profile saved from the CLI
            self._values.append(value)
            self.addItem(str(value))
        self.setCurrentIndex(self._values.index(value))


class ProfileBar(QWidget):
    """Choose a saved profile (applied at once) or save the current columns as one."""

    def __init__(
        self,
        store: ProfileStore,
        current: Callable[[str], ImportProfile],
        apply: Callable[[ImportProfile], None],
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.store, self._current, self._apply, self._show_error = store, current, apply, show_error
        self.choice = QComboBox()
        self.choice.setObjectName("profileChoice")
        self.name = QLineEdit()
        self.name.setObjectName("profileName")
        self.name.setAccessibleName(self.tr("Profile name"))
        self.name.setPlaceholderText(self.tr("Profile name"))
        self.save_button = QPushButton(self.tr("Save as profile"))
        self.save_button.setObjectName("saveProfileButton")
        self.save_button.clicked.connect(lambda: self.save_current())
        self.refill()
        self.choice.currentIndexChanged.connect(lambda _i: self.chosen())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Profile:")))
        row.addWidget(self.choice)
        row.addStretch(1)
        row.addWidget(self.name)
        row.addWidget(self.save_button)

    def refill(self, select: str = "") -> None:
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(self.tr("— none —"))
        self.choice.addItems(self.store.names())
        if select:
            self.choice.setCurrentText(select)
        self.choice.blockSignals(False)

    def chosen(self) -> None:
        if self.choice.currentIndex() <= 0:
            return
        profile = self.store.get(self.choice.currentText())
        if profile is not None:
            self._apply(profile)

    def save_current(self) -> None:
        name = self.name.text().strip()
        try:
            self.store.save(self._current(name))
        except (ProfileError, VaultError) as exc:
            self._show_error(ui_error(exc))
            return
        self.refill(select=name)
        self._show_error("")
