"""The employees window and CSV import through the dialog: good file, bad file, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.models.people.import_preview_model import ImportPreviewModel, ImportProblemModel
from app.services.people.employee_import import (
    existing_by_number,
    guess_mapping,
    plan_import,
    read_csv,
)
from app.services.people.import_profiles import ProfileStore
from app.views.employees.csv_import_dialog import CsvImportDialog
from app.views.employees.employee_dialog import EmployeeDialog
from app.views.employees.employees_window import EmployeesWindow
from tests.factories import employee

GOOD = (
    "Personnel No;Surname;Given name;Org unit;Hire date;Mail\n"
    "E2001;Ångström;Zoë;Operations;31/01/2021;zoe@example.org\n"
    "E2002;Żółć;Łukasz;Engineering;15/11/2019;\n"
    "E2003;李;小龙;Design;10/01/2022;li@example.org\n"
)
BAD = (
    "Employee ID,Full Name,Department,Start date\n"
    "E3001,Ana Lima,Sales,2020-01-01\n"
    "E3002,,Sales,2020-01-01\n"
    "E3003,Ben Ode,,2020-13-01\n"
)


@pytest.fixture
def window(qtbot, services):
    services.employees.add(employee("E1000", "Ola Nordmann", department="Operations"))
    win = EmployeesWindow(services)
    qtbot.addWidget(win)
    win.show()
    return win


def _import_dialog(window, tmp_path, text: str, encoding: str = "utf-8") -> CsvImportDialog:
    path = tmp_path / "hris.csv"
    path.write_bytes(text.encode(encoding))
    dialog: CsvImportDialog = window.import_csv()
    dialog.load_file(path)
    return dialog


def test_good_file_through_the_dialog(qtbot, window, services, tmp_path):
    dialog = _import_dialog(window, tmp_path, GOOD, "cp1252" if GOOD.isascii() else "utf-8")
    assert dialog.table.delimiter == ";"
    assert dialog.mapping() == {
        "employee_number": "Personnel No",
        "first_name": "Given name",
        "last_name": "Surname",
        "department": "Org unit",
        "start_date": "Hire date",
        "email": "Mail",
    }
    assert "3 new" in dialog.summary.text()
    assert "day/month/year" in dialog.notes.text()
    assert "1 stored but not in the file" in dialog.summary.text()
    assert dialog.preview_model.rowCount() == 3
    headers = [
        dialog.preview_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(dialog.preview_model.columnCount())
    ]
    assert headers[:4] == ["Row", "Status", "Employee number", "Name"]
    assert dialog.preview_model.index(0, 3).data() == "Zoë Ångström"
    assert dialog.preview_model.index(0, headers.index("Start date")).data() == "31 Jan 2021"
    assert dialog.problem_model.rowCount() == 0
    assert services.employees.by_number("E2001") is None  # nothing written yet
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_result.added == 3
    assert services.employees.by_number("E2002").name == "Łukasz Żółć"
    assert window.model.rowCount() == 4
    assert "3 new" in window.status.text()


def test_bad_file_reports_and_all_or_nothing_refuses(qtbot, window, services, tmp_path):
    dialog = _import_dialog(window, tmp_path, BAD)
    assert "2 with errors" in dialog.summary.text()
    problems = {
        (dialog.problem_model.index(r, 0).data(), dialog.problem_model.index(r, 1).data())
        for r in range(dialog.problem_model.rowCount())
    }
    assert ("3", "Full Name") in problems
    assert ("4", "Department") in problems and ("4", "Start date") in problems
    assert dialog.preview_model.index(1, 1).data() == "Error"
    assert not dialog.import_button.isEnabled()  # all or nothing is the default
    assert "fix them" in dialog.import_button.toolTip()
    dialog.accept()  # Enter: still refused
    assert services.employees.by_number("E3001") is None
    dialog.valid_rows.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.import_result.added == 1 and dialog.import_result.skipped == 2
    assert services.employees.by_number("E3001").name == "Ana Lima"
    assert services.employees.by_number("E3002") is None


def test_cancel_writes_nothing(qtbot, window, services, tmp_path):
    dialog = _import_dialog(window, tmp_path, GOOD)
    assert dialog.import_button.isEnabled()
    dialog.reject()
    assert services.employees.by_number("E2001") is None
    assert window.model.rowCount() == 1


def test_remapping_a_column_rechecks(qtbot, window, services, tmp_path):
    dialog = _import_dialog(window, tmp_path, BAD)
    dialog.set_mapping("department", None)
    assert not dialog.import_button.isEnabled()
    assert "department" in dialog.summary.text()
    assert dialog.preview_model.rowCount() == 0
    dialog.set_mapping("department", "Department")
    assert dialog.preview_model.rowCount() == 3


def test_unreadable_file_says_what_to_do(qtbot, window, tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    dialog = window.import_csv()
    dialog.load_file(path)
    assert "not a text CSV" in dialog.message.text()
    assert not dialog.import_button.isEnabled()


def test_encoding_can_be_forced(qtbot, window, tmp_path):
    dialog = _import_dialog(window, tmp_path, "id,name,department\n1,Jos\u00e9,Ops\n", "cp1252")
    assert dialog.table.encoding == "cp1252"
    dialog.encoding.set_value("latin-1")
    assert dialog.table.encoding == "latin-1"
    assert dialog.preview_model.index(0, 3).data() == "Jos\u00e9"


def test_new_and_edited_employee_inline(qtbot, window, services):
    dialog: EmployeeDialog = window.new_employee()
    assert not dialog.can_save
    qtbot.keyClicks(dialog.employee_number, "E 1")
    assert "letters, digits" in dialog.message_for("employee_number")
    dialog.employee_number.setText("E1001")
    qtbot.keyClicks(dialog.name, "Ana Lima")
    dialog.department.setCurrentText("Operations")
    qtbot.keyClicks(dialog.start_date, "31/02/2020")
    assert dialog.message_for("start_date") == "'31/02/2020' is not a real date."
    dialog.start_date.setText("2020-02-03")
    qtbot.keyClicks(dialog.email, "ana@")
    assert "not an e-mail" in dialog.message_for("email")
    dialog.email.setText("ana@example.org")
    assert dialog.can_save, dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert services.employees.by_number("E1001").name == "Ana Lima"
    assert window.model.rowCount() == 2
    assert window.selected().employee_number == "E1001"

    dup = window.new_employee()
    dup.employee_number.setText("E1000")
    dup.name.setText("Someone Else")
    dup.department.setCurrentText("Finance")
    qtbot.mouseClick(dup.save_button, Qt.MouseButton.LeftButton)
    assert dup.isVisible() and "already in the vault" in dup.save_error.text()
    assert dup.name.text() == "Someone Else"
    dup.reject()

    edit = window.edit_employee(window.selected())
    edit.job_title.setText("Team lead")
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert services.employees.by_number("E1001").job_title == "Team lead"


def test_search_filters_and_clear_closes(qtbot, window, services):
    services.employees.add(employee("E5", "Иван Петров", department="Finance"))
    window.refresh()
    window.search.setText("finance")
    assert window.proxy.rowCount() == 1
    assert window.count.text() == "1 of 2 employees"
    dialog = window.new_employee()
    window.clear()
    assert not window.isVisible() and not dialog.isVisible()
    assert window.model.rowCount() == 0


def test_preview_models_pass_qtmodeltester(qtmodeltester, services):
    table = read_csv(BAD.encode())
    plan = plan_import(
        table,
        guess_mapping(table.headers),
        existing_by_number(services.employees),
        services.clock.today(),
    )
    preview = ImportPreviewModel()
    preview.set_plan(plan)
    qtmodeltester.check(preview, force_py=True)
    problems = ImportProblemModel()
    problems.set_problems(plan.problems)
    qtmodeltester.check(problems, force_py=True)
    preview.set_plan(None)
    assert preview.rowCount() == 0 and preview.columnCount() == 0


def test_a_failed_import_keeps_the_dialog_open(qtbot, window, services, tmp_path, monkeypatch):
    from app.services.errors import DiskFull

    dialog = _import_dialog(window, tmp_path, GOOD)

    def full(employees, update_existing=True):
        raise DiskFull()

    monkeypatch.setattr(services.employees, "add_many", full)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.isVisible()
    assert "The disk is full" in dialog.message.text()
    assert dialog.import_button.isEnabled()  # try again once space is freed


def test_dialog_stops_on_ambiguous_dates_until_the_order_is_chosen(
    qtbot, window, services, tmp_path
):
    text = (
        "Employee ID,Legal Name,Department,Hire Date,Notes\n"
        "E5001,Nagy Péter,Finance,03/04/2020,x\n"
        "E5002,Ana Lima,Finance,05/06/2021,y\n"
    )
    dialog = _import_dialog(window, tmp_path, text)
    assert "fit both day/month and month/day" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert "Columns not imported: Notes." in dialog.notes.text()
    date_box = dialog.findChild(type(dialog.date_order), "dateOrder")
    assert date_box is dialog.date_order
    date_box.setCurrentIndex(2)  # Month/day/year, as the officer picks it
    assert dialog.date_order.value() == "mdy"
    assert "fit both" not in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    assert dialog.preview_model.index(0, 3).data() == "Nagy Péter"  # family name first kept
    dialog.ignore_column.setCurrentText("Hire Date")
    qtbot.mouseClick(dialog.ignore_button, Qt.MouseButton.LeftButton)
    assert "start_date" not in dialog.mapping()
    assert "Hire Date" in dialog.notes.text()
    dialog.set_mapping("start_date", "Hire Date")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert services.employees.by_number("E5001").start_date.isoformat() == "2020-03-04"


def test_dialog_shows_the_diff_and_a_code_page_guess(qtbot, window, services, tmp_path):
    text = "Employee ID,Name,Department\nE1000,Ola Nordmann,Finance\nE1001,Antonín Dvořák,Ops\n"
    dialog = _import_dialog(window, tmp_path, text, "cp1250")
    assert "could also be Windows-1250 (Dvořák)" in dialog.notes.text()
    dialog.encoding.set_value("cp1250")
    assert dialog.preview_model.index(1, 3).data() == "Antonín Dvořák"
    assert "guess" not in dialog.notes.text()
    diff = dialog.diff.toPlainText()
    assert "~ changed   E1000 Ola Nordmann: Department: 'Operations' -> 'Finance'" in diff
    assert "+ added     E1001 Antonín Dvořák" in diff
    assert services.employees.by_number("E1000").department == "Operations"  # not yet written


def test_profile_saved_in_the_dialog_is_reused_next_time(qtbot, window, services, tmp_path):
    text = "Nr;Wer;Bereich;Seit\nE7001;Jürgen Groß;Technik;03/04/2020\n"
    dialog = _import_dialog(window, tmp_path, text)
    assert "name" not in dialog.mapping()
    dialog.set_mapping("employee_number", "Nr")
    dialog.set_mapping("name", "Wer")
    dialog.set_mapping("department", "Bereich")
    dialog.set_mapping("start_date", "Seit")
    dialog.date_order.set_value("dmy")
    qtbot.keyClicks(dialog.profile_name, "Intranet")
    qtbot.mouseClick(dialog.save_profile_button, Qt.MouseButton.LeftButton)
    assert ProfileStore(services.vault).get("Intranet").date_order == "dmy"
    dialog.reject()

    again = _import_dialog(window, tmp_path, text)
    assert "name" not in again.mapping() and not again.import_button.isEnabled()
    again.profile_choice.setCurrentText("Intranet")
    assert again.mapping()["name"] == "Wer"
    assert again.date_order.value() == "dmy"
    assert again.import_button.isEnabled(), again.summary.text()
    with qtbot.waitSignal(again.accepted, timeout=10_000):
        qtbot.mouseClick(again.import_button, Qt.MouseButton.LeftButton)
    assert services.employees.by_number("E7001").start_date.isoformat() == "2020-04-03"
