"""Journeys through the window's menus: Help, Preferences, Agenda, Employees with a CSV import,
Refresh after a change made elsewhere, and Quit. Each action is triggered as from its menu; each
dialog is waited for on screen; results are read back through the services."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.records import Role, Track
from app.views.case.case_workspace import CaseWorkspace
from app.views.employees.csv_import_dialog import CsvImportDialog
from app.views.employees.employee_dialog import EmployeeDialog
from app.views.employees.employees_window import EmployeesWindow
from app.views.help_menu import AboutDialog, ShortcutsDialog, UserGuideDialog
from app.views.preferences.preferences_dialog import PreferencesDialog
from app.views.reviews.agenda_window import AgendaWindow
from tests.factories import open_case
from tests.journeys.walk import click, dialog, find_action, seen, trigger, type_text

GOOD = (
    "Employee number,Full Name,Department,Manager,Start date\n"
    "E2001,Zoë Ångström,Service desk,Ola Nordmann,2021-01-31\n"
    "E2002,Łukasz Żółć,Finance,Priya Shah,2019-06-01\n"
)
BAD = (
    "Employee number,Full Name,Department,Manager,Start date\n"
    "E3001,Ana Lima,Sales,Priya Shah,2020-02-01\n"
    "E3002,,Sales,Priya Shah,2020-02-30\n"
)


def test_help_menu_shortcuts_guide_and_about(qtbot, unlocked):
    window = unlocked.main_window
    seen(window)
    trigger(window, "shortcutsAction")
    shortcuts = dialog(qtbot, window, ShortcutsDialog)
    keys = shortcuts.shortcuts()
    assert keys["New case"] == "Ctrl+N" and keys["Refresh"] == "F5" and keys["Lock"] == "Ctrl+L"
    shortcuts.reject()
    trigger(window, "userGuideAction")
    guide = dialog(qtbot, window, UserGuideDialog)
    assert "Start a case" in guide.browser.toPlainText()
    guide.reject()
    trigger(window, "aboutAction")
    about = dialog(qtbot, window, AboutDialog)
    text = about.text.text()
    for name in ("Casepath", "Qt", "SQLCipher", "reportlab"):
        assert name in text
    assert "4." in text.split("SQLCipher", 1)[1][:40]  # SQLCipher 4.x
    about.reject()


def test_preferences_change_auto_lock(qtbot, unlocked):
    window = unlocked.main_window
    trigger(window, "preferencesAction")
    prefs = dialog(qtbot, window, PreferencesDialog)
    prefs.minutes.selectAll()
    type_text(qtbot, prefs.minutes, "12")
    with qtbot.waitSignal(window.auto_lock_changed):
        prefs.accept()
    assert unlocked.auto_lock.minutes == 12
    assert "12 min" in window.lock_label.text()


def test_preferences_set_the_document_language(qtbot, unlocked):
    window = unlocked.main_window
    trigger(window, "preferencesAction")
    prefs = dialog(qtbot, window, PreferencesDialog)
    assert prefs.document_language.currentData() == "en"
    prefs.document_language.setCurrentIndex(prefs.document_language.findData("de"))
    prefs.accept()
    assert unlocked.services.vault_settings.document_language() == "de"
    trigger(window, "preferencesAction")
    again = dialog(qtbot, window, PreferencesDialog)
    assert again.document_language.currentText() == "Deutsch"
    again.reject()


def test_refresh_rereads_an_open_case_changed_elsewhere(qtbot, unlocked):
    window = unlocked.main_window
    services = unlocked.services
    case = open_case(services)  # as if another window or the command line opened it
    trigger(window, "refreshAction")
    assert window.case_list.model.total == 1
    window.case_list.table.selectRow(0)
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace))
    ws = window.tabs.currentWidget()
    assert ws.header.track.text() == "Standard"
    services.tracks.change(  # as `casepath track` would, from outside the window
        case.id, Track.HIGH_STAKES, "Hana Officer", Role.HR_OFFICER, "Safety", "Lee", Role.HR_LEAD
    )
    assert ws.header.track.text() == "Standard"  # not re-read yet
    trigger(window, "casesAction")
    assert window.tabs.currentIndex() == 0
    # View → Refresh, bound to F5 (an X display without a window manager activates no window,
    # so the key itself is checked offscreen by tests/ui/window/test_main_window.py).
    assert find_action(window, "refreshAction").shortcut().toString() == "F5"
    trigger(window, "refreshAction")
    assert "High-stakes" in ws.header.track.text()


def test_agenda_opens_from_the_view_menu(qtbot, unlocked):
    window = unlocked.main_window
    trigger(window, "agendaAction")
    agenda = dialog(qtbot, window, AgendaWindow)
    assert agenda.model.rowCount() == 0
    agenda.close()


def test_employees_new_and_csv_import_with_a_bad_file(qtbot, unlocked, tmp_path, monkeypatch):
    window = unlocked.main_window
    services = unlocked.services
    trigger(window, "employeesAction")
    employees = dialog(qtbot, window, EmployeesWindow)
    click(qtbot, employees.new_button)
    emp = dialog(qtbot, employees, EmployeeDialog)
    type_text(qtbot, emp.employee_number, "E1")
    assert not emp.can_save  # no name yet: said inline, nothing saved
    emp.name.setFocus()
    emp.name.insert("X" * 10_000)  # pasted, as a person would paste it
    type_text(qtbot, emp.department.lineEdit(), "Ops")
    assert emp.isVisible()
    emp.name.clear()
    type_text(qtbot, emp.name, "Ana Lima")
    click(qtbot, emp.save_button)
    assert services.employees.by_number("E1").name == "Ana Lima"

    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, "utf-8")
    good = tmp_path / "good.csv"
    good.write_text(GOOD, "utf-8")
    chosen = [str(bad)]
    monkeypatch.setattr(CsvImportDialog, "ask_file", staticmethod(lambda parent: chosen[0]))
    click(qtbot, employees.import_button)
    imp = dialog(qtbot, employees, CsvImportDialog)
    click(qtbot, imp.choose_button)
    assert "with errors" in imp.summary.text()
    assert not imp.import_button.isEnabled()  # all or nothing: nothing is written
    assert services.employees.by_number("E3001") is None
    chosen[0] = str(good)
    click(qtbot, imp.choose_button)
    assert imp.import_button.isEnabled(), imp.summary.text()
    with qtbot.waitSignal(imp.accepted, timeout=10_000):
        click(qtbot, imp.import_button)
    assert services.employees.by_number("E2002").name == "Łukasz Żółć"
    assert "2 new" in employees.status.text()


def test_quit_from_the_file_menu_closes_the_vault(qtbot, unlocked):
    window = unlocked.main_window
    services = unlocked.services
    trigger(window, "quitAction")
    assert unlocked.quits == [True]
    assert not services.vault.is_open
