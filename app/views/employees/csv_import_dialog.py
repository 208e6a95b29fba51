"""Importing employees from an HRIS CSV export: choose the file, map columns, check, import.

Everything before "Import" only reads: the preview shows each row as it would be stored and
the report lists every (row, column, problem). With "All or nothing" a single error keeps the
Import button off; with "Import valid rows" the rows with errors are skipped. Cancel writes
nothing. The reading and checking are `app.services.people.employee_import`; this is only the
screen. The mapping grid is `ColumnMappingGroup`, the preview `ImportPreviewPane`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.models.theme import colour_css
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.services.people.employee_import import (
    CsvImportError,
    CsvTable,
    ImportMode,
    ImportPlan,
    ImportResult,
    encoding_label,
    existing_by_number,
    guess_mapping,
    plan_import,
    read_csv,
    run_import,
)
from app.services.people.import_profiles import ImportProfile, ProfileStore
from app.views.employees.csv_import_mapping import ColumnMappingGroup
from app.views.employees.csv_import_parts import (
    DATE_ORDERS,
    DELIMITERS,
    ENCODINGS,
    ChoiceCombo,
    ImportPreviewPane,
    ProfileBar,
    _ask_csv,
)
from app.views.widgets.background import run_in_background
from app.views.widgets.base_dialog import BaseDialog


class CsvImportDialog(BaseDialog):
    ask_file = staticmethod(_ask_csv)  # replaceable in tests

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import employees from CSV"))
        self.services = services
        self.data: bytes | None = None
        self.path: Path | None = None
        self.table: CsvTable | None = None
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.running = False
        self.operation: Any = None

        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setObjectName("fileLabel")
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.encoding = self._combo(ENCODINGS)
        self.delimiter = self._combo(DELIMITERS)
        self.date_order = self._combo(DATE_ORDERS)
        self.encoding.setObjectName("encodingChoice")
        self.delimiter.setObjectName("delimiterChoice")
        self.date_order.setObjectName("dateOrder")
        self.ignore_column = QComboBox()
        self.ignore_column.setObjectName("ignoreColumn")
        self.ignore_column.setAccessibleName(self.tr("Column to ignore"))
        self.ignore_button = QPushButton(self.tr("Ignore column"))
        self.ignore_button.setObjectName("ignoreButton")
        self.ignore_button.clicked.connect(lambda: self.ignore(self.ignore_column.currentText()))
        self.profile_bar = ProfileBar(
            ProfileStore(services.vault), self.current_profile, self.apply_profile, self._show_error
        )
        self.profile_choice = self.profile_bar.choice
        self.profile_name = self.profile_bar.name
        self.save_profile_button = self.profile_bar.save_button
        self.notes = QLabel()
        self.notes.setObjectName("importNotes")
        self.notes.setWordWrap(True)
        self.diff = QPlainTextEdit()
        self.diff.setObjectName("importDiff")
        self.diff.setAccessibleName(self.tr("What the import changes"))
        self.diff.setReadOnly(True)
        self.diff.setMaximumHeight(110)
        self.encoding.currentIndexChanged.connect(lambda _i: self.reread())
        self.delimiter.currentIndexChanged.connect(lambda _i: self.reread())
        self.date_order.currentIndexChanged.connect(lambda _i: self.replan())
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        options = QHBoxLayout()
        for label, box in (
            (self.tr("Encoding:"), self.encoding),
            (self.tr("Separator:"), self.delimiter),
            (self.tr("Dates:"), self.date_order),
        ):
            options.addWidget(QLabel(label))
            options.addWidget(box)
        options.addStretch(1)
        options.addWidget(self.ignore_column)
        options.addWidget(self.ignore_button)

        mapping_group = ColumnMappingGroup(lambda: self.replan())
        self.mapping_group = mapping_group
        self.mapping_boxes: dict[str, QComboBox] = mapping_group.boxes

        lower = ImportPreviewPane()
        self.preview_model, self.problem_model = lower.preview_model, lower.problem_model
        self.preview, self.problems = lower.preview, lower.problems
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("importSummary")

        self.all_or_nothing = QRadioButton(
            self.tr("All or nothing: import only if every row is valid")
        )
        self.valid_rows = QRadioButton(
            self.tr("Import the valid rows and skip the rows with errors")
        )
        self.all_or_nothing.setChecked(True)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.all_or_nothing)
        self.mode_group.addButton(self.valid_rows)
        self.all_or_nothing.toggled.connect(lambda _c: self._update_button())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(colour_css("error"))
        self.message.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        mode = QFormLayout()
        mode.addRow(self.all_or_nothing)
        mode.addRow(self.valid_rows)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(options)
        layout.addWidget(self.profile_bar)
        layout.addWidget(mapping_group)
        layout.addWidget(self.notes)
        layout.addWidget(lower, 1)
        layout.addWidget(QLabel(self.tr("<b>What would change</b>")))
        layout.addWidget(self.diff)
        layout.addWidget(self.summary)
        layout.addLayout(mode)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(1000, 760)
        self._update_button()

    @staticmethod
    def _combo(items: tuple[tuple[str, Any], ...]) -> ChoiceCombo:
        return ChoiceCombo(items)

    @staticmethod
    def _value(box: ChoiceCombo) -> Any:
        return box.value()

    # -- reading -------------------------------------------------------------------------
    def choose_file(self) -> None:
        name = self.ask_file(self)
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        try:
            self.data = path.read_bytes()
        except OSError as exc:
            self._fail(
                self.tr("Cannot read %1: %2.")
                .replace("%1", path.name)
                .replace("%2", exc.strerror or "")
            )
            return
        self.path = path
        self.reread(guess=True)

    def reread(self, guess: bool = False) -> None:
        if self.data is None or self.path is None:
            return
        previous = self.mapping()
        try:
            self.table = read_csv(
                self.data, self._value(self.encoding), self._value(self.delimiter)
            )
        except CsvImportError as exc:
            self.table = None
            self._fail(ui_error(exc))
            return
        t = self.table
        if t.delimiter == "\t":
            separated = self.tr("tab-separated")
        else:
            separated = self.tr("separated by '%1'").replace("%1", t.delimiter)
        self.file_label.setText(
            self.tr("%1: %n rows", "", len(t.rows)).replace("%1", self.path.name)
            + ", "
            + self.tr("%n columns", "", len(t.headers))
            + f", {encoding_label(t.encoding)}, {separated}"
        )
        mapping = (
            guess_mapping(t.headers)
            if guess or not previous
            else {k: h for k, h in previous.items() if h in t.headers}
        )
        self.mapping_group.fill(t.headers, mapping)
        self.ignore_column.clear()
        self.ignore_column.addItems(list(t.headers))
        self.replan()

    def mapping(self) -> dict[str, str]:
        return self.mapping_group.mapping()

    # -- profiles ------------------------------------------------------------------------
    def current_profile(self, name: str) -> ImportProfile:
        return ImportProfile(
            name,
            self.mapping(),
            (),
            self._value(self.encoding),
            self._value(self.delimiter),
            self._value(self.date_order),
        )

    def apply_profile(self, profile: ImportProfile) -> None:
        """Read the file with a saved profile's options and columns."""
        for box, value in (
            (self.encoding, profile.encoding),
            (self.delimiter, profile.delimiter),
            (self.date_order, profile.date_order),
        ):
            box.blockSignals(True)
            box.set_value(value)
            box.blockSignals(False)
        self.reread()
        if self.table is None:
            return
        self.mapping_group.select(profile.mapping, self.table.headers, profile.ignore)
        self.replan()

    def _show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def ignore(self, header: str) -> None:
        """Stop reading a column (the dialog's --ignore): every field it fed is unset."""
        self.mapping_group.unset(header)
        self.replan()

    def set_mapping(self, key: str, header: str | None) -> None:
        box = self.mapping_boxes[key]
        box.setCurrentIndex(box.findText(header) if header else 0)

    # -- checking ------------------------------------------------------------------------
    def replan(self) -> None:
        if self.table is None:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.plan = plan_import(
                self.table,
                self.mapping(),
                existing_by_number(self.services.employees),
                self.services.clock.today(),
                self._value(self.date_order),
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.preview_model.set_plan(self.plan)
        self.problem_model.set_problems(self.plan.problems)
        self.preview.resizeColumnsToContents()
        self.problems.resizeColumnsToContents()
        self.summary.setText(self.plan.summary())
        self.summary.setStyleSheet(colour_css("error") if self.plan.blocked else "")
        self.notes.setText(" ".join(self.plan.notes()))
        self.diff.setPlainText("\n".join(line.strip() for line in self.plan.diff_lines()))
        self.message.hide()
        self._update_button()

    def _update_button(self) -> None:
        plan = self.plan
        if plan is None or plan.mapping_errors:
            allowed, tip = False, self.tr("Choose a file and the columns first.")
        elif plan.date_stop:
            allowed, tip = False, plan.date_stop
        elif self.all_or_nothing.isChecked() and plan.errors:
            allowed, tip = (
                False,
                self.tr(
                    "%n problems in the file: fix them, or choose to import only the valid rows.",
                    "",
                    len(plan.errors),
                ),
            )
        elif not plan.valid_rows:
            allowed, tip = False, self.tr("No row can be imported.")
        else:
            allowed, tip = True, ""
        self.import_button.setEnabled(allowed)
        self.import_button.setToolTip(tip)

    def _fail(self, text: str) -> None:
        self.plan = None
        self.preview_model.set_plan(None)
        self.problem_model.clear()
        self.summary.clear()
        self.notes.clear()
        self.diff.clear()
        self.message.setText(text)
        self.message.show()
        self._update_button()

    # -- writing -------------------------------------------------------------------------
    def accept(self) -> None:
        """Write in the background (10,000 people take seconds); the dialog waits, then closes."""
        if not self.import_button.isEnabled() or self.plan is None or self.running:
            return
        mode = ImportMode.VALID_ROWS if self.valid_rows.isChecked() else ImportMode.ALL_OR_NOTHING
        plan, employees = self.plan, self.services.employees
        self.running = True
        self._set_inputs_enabled(False)
        self.operation = run_in_background(
            self,
            lambda: run_import(employees, plan, mode),
            self._imported,
            self._failed,
            busy_text=self.tr("Importing %n employees…", "", len(plan.valid_rows)),
        )

    def _imported(self, result: ImportResult) -> None:
        self.running = False
        self.import_result = result
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self._set_inputs_enabled(True)
        if not isinstance(exc, CsvImportError | VaultError | ValueError):
            raise exc
        self.message.setText(ui_error(exc))
        self.message.show()

    def reject(self) -> None:
        if self.running:
            return  # the write is one transaction: it finishes or rolls back by itself
        super().reject()

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (
            self.choose_button,
            self.encoding,
            self.delimiter,
            self.date_order,
            self.ignore_column,
            self.ignore_button,
            self.all_or_nothing,
            self.valid_rows,
            *self.mapping_boxes.values(),
        ):
            widget.setEnabled(enabled)
        self.buttons.setEnabled(enabled)
        if enabled:
            self._update_button()
