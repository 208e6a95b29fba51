"""The main window: list, filters, search, keyboard, attention panel, opening cases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication

from app.domain.escalation.flags import Flag
from app.domain.records import Track
from app.models.roles import CaseColumn, IdRole
from app.views.case.case_workspace import CaseWorkspace
from app.views.case.dialogs.new_case_dialog import NewCaseDialog
from app.views.main_window import MainWindow
from app.views.preferences.preferences_dialog import PreferencesDialog
from tests.factories import conversation, employee, open_case


@pytest.fixture
def cases(services, clock):
    made = [
        open_case(services, name="Zoë Ångström", number="E1"),
        open_case(services, name="Łukasz Żółć", number="E2", stage="coaching"),
        open_case(
            services,
            name="Иван Петров",
            number="E3",
            stage="formal_concern",
            track=Track.HIGH_STAKES,
        ),
    ]
    services.cases.add(conversation(made[1], clock.today(), summary="Forklift certificate lapsed."))
    return made


@pytest.fixture
def window(qtbot, services, cases, settings_store):
    w = MainWindow(services, settings_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _ids(window) -> list[int]:
    model = window.case_list.model
    return [model.data(model.index(r, 0), IdRole) for r in range(model.rowCount())]


def test_shows_the_cases_and_counts_them(window, cases):
    assert sorted(_ids(window)) == sorted(c.id for c in cases)
    assert window.shown_label.text() == "3 cases shown"
    assert window.vault_label.text() == "cases.casepath"
    assert "locks after 5 min" in window.lock_label.text()


def test_title_names_the_vault_never_a_person(window):
    assert window.windowTitle() == "cases.casepath"  # shown as "cases.casepath — Casepath"
    for name in ("Zoë", "Łukasz", "Иван"):
        assert name not in window.windowTitle()


def test_enter_opens_the_case_workspace_in_a_tab(qtbot, window, cases):
    table = window.case_list.table
    table.setFocus()
    table.selectRow(1)
    case_id = table.currentIndex().data(IdRole)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.count() == 2
    workspace = window.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace) and workspace.case_id == case_id
    reference = window.services.cases.get(case_id).reference
    assert window.tabs.tabText(1) == reference  # a reference, never a name

    # Opening it again shows the same tab.
    window.tabs.setCurrentIndex(0)
    window.open_case(case_id)
    assert window.tabs.count() == 2 and window.tabs.currentIndex() == 1


def test_double_click_opens_and_closing_the_tab_closes_the_view(qtbot, window, cases):
    table = window.case_list.table
    rect = table.visualRect(table.model().index(0, CaseColumn.EMPLOYEE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.count() == 2
    closed: list[bool] = []
    window.tabs.widget(1).closed.connect(lambda: closed.append(True))
    window.close_tab(1)
    assert window.tabs.count() == 1 and closed == [True]


def test_ctrl_f_focuses_search_and_search_filters_in_sql(qtbot, window, cases):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = window.case_list.filter_bar.search
    assert search.hasFocus()
    qtbot.keyClicks(search, "forklift")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert _ids(window) == [cases[1].id]
    assert window.shown_label.text() == "1 case shown"
    search.clear()
    search.setText("Петров")  # typing alone searches after a short pause (QTest types ASCII only)
    qtbot.waitUntil(lambda: _ids(window) == [cases[2].id], timeout=3000)


def test_filters_by_stage_track_and_status(qtbot, window, cases, services):
    bar = window.case_list.filter_bar
    bar.stage.setCurrentIndex(
        next(i for i in range(bar.stage.count()) if bar.stage.itemData(i) == "coaching")
    )
    assert _ids(window) == [cases[1].id]
    bar.stage.setCurrentIndex(0)
    bar.track.setCurrentIndex(
        next(i for i in range(bar.track.count()) if bar.track.itemData(i) == "high_stakes")
    )
    assert _ids(window) == [cases[2].id]
    bar.track.setCurrentIndex(0)
    bar.status.setCurrentIndex(1)  # closed cases: none yet
    assert _ids(window) == [] and window.case_list.empty_label.isVisible()


def test_flag_filter_and_attention_panel_show_overdue_cases(qtbot, window, cases, services, clock):
    services.vault.cases.set_schedule(cases[0].id, clock.today() - timedelta(days=3))
    services.vault.cases.set_schedule(cases[1].id, clock.today() + timedelta(days=30))
    services.vault.cases.set_schedule(cases[2].id, clock.today() + timedelta(days=30))
    window.refresh()
    window.case_list.filter_bar.set_flag(Flag.OVERDUE)
    assert _ids(window) == [cases[0].id]
    flags_text = window.case_list.model.data(window.case_list.model.index(0, CaseColumn.FLAGS))
    assert "Overdue" in flags_text

    overdue = window.attention.models[0]
    assert overdue.rowCount() == 1
    assert overdue.data(overdue.index(0), IdRole) == cases[0].id
    assert "Zoë Ångström" in overdue.data(overdue.index(0))
    view = window.attention.views[0]
    view.setCurrentIndex(overdue.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.tabs.currentWidget().case_id == cases[0].id


def test_department_filter_lists_departments(window, services):
    bar = window.case_list.filter_bar
    departments = [bar.department.itemText(i) for i in range(1, bar.department.count())]
    assert departments == services.employees.departments()


def test_new_case_dialog_opens_a_case(qtbot, services, cases, settings_store):
    emp = services.employees.add(employee("E9", "Amélie Lefèvre", department="Finance"))
    dialog = NewCaseDialog(services, None, settings_store)
    qtbot.addWidget(dialog)
    assert not dialog.can_open and dialog.errors.text() == ""  # calm: nothing said on open
    dialog.accept()  # no employee chosen yet: refused, said in red
    assert dialog.created is None and "Choose the employee" in dialog.errors.text()
    assert "#b3261e" in dialog.errors.styleSheet()
    dialog.employee.setCurrentIndex(
        next(i for i in range(dialog.employee.count()) if dialog.employee.itemData(i) == emp.id)
    )
    assert dialog.can_open and dialog.errors.text() == ""

    def stages() -> list[str]:
        return [dialog.stage.itemData(i) for i in range(dialog.stage.count())]

    assert stages() == ["early_conversation"]  # the policy's start stages for the track
    dialog.track.setCurrentIndex(1)  # high-stakes may start directly at a formal concern
    assert "formal_concern" in stages()
    dialog.stage.setCurrentIndex(stages().index("formal_concern"))
    dialog.accept()
    assert dialog.created is not None and dialog.created.employee_id == emp.id
    assert dialog.created.track is Track.HIGH_STAKES
    assert dialog.created.stage == "formal_concern"


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # the completer popup
def test_new_case_dialog_keeps_typed_text_on_a_bad_employee(qtbot, services, cases, settings_store):
    dialog = NewCaseDialog(services, None, settings_store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.employee.lineEdit(), "Nobody at all")
    assert "Choose the employee" in dialog.errors.text()
    dialog.accept()
    assert dialog.created is None and dialog.employee.currentText() == "Nobody at all"


def test_clear_blanks_everything(qtbot, window, cases):
    window.open_case(cases[0].id)
    model = window.case_list.model
    window.clear()
    assert window.tabs.count() == 1
    assert model.rowCount() == 0
    assert all(m.rowCount() == 0 for m in window.attention.models)
    assert window.lock_label.text() == "Locked"


def test_copy_reference_goes_through_the_clipboard_guard(qtbot, window, cases):
    table = window.case_list.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    reference = table.currentIndex().data(IdRole)
    assert QApplication.clipboard().text() == window.services.cases.get(reference).reference
    assert window.clipboard_guard.clear() is True


def test_ctrl_n_opens_the_new_case_dialog(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(NewCaseDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.reject()
    assert window.tabs.count() == 1  # cancelled: nothing opened


def test_preferences_change_the_auto_lock_minutes(qtbot, window, settings_store):
    window.preferences_action.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None
    dialog.minutes.setValue(12)
    with qtbot.waitSignal(window.auto_lock_changed) as got:
        dialog.accept()
    assert got.args == [12]
    assert settings_store.auto_lock_minutes == 12
    assert "12 min" in window.lock_label.text()


def test_employees_window_opens_from_the_view_menu(qtbot, window):
    window.employees_action.trigger()
    employees = window.employees_window
    assert employees is not None and employees.isVisible()
    window.employees_action.trigger()
    assert window.employees_window is employees  # one window, raised again


def test_clear_blanks_and_closes_child_windows(qtbot, window):
    window.employees_action.trigger()
    employees = window.employees_window
    model = employees.findChild(QAbstractItemModel)
    assert model is not None and model.rowCount() == 3
    window.clear()
    assert not employees.isVisible()
    assert model.rowCount() == 0


def test_clicking_the_flags_header_keeps_the_real_sort(qtbot, window):
    header = window.case_list.table.horizontalHeader()
    header.setSortIndicator(CaseColumn.EMPLOYEE, Qt.SortOrder.DescendingOrder)
    assert window.case_list.model.query.sort == "employee"
    header.setSortIndicator(CaseColumn.FLAGS, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == CaseColumn.EMPLOYEE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert window.case_list.model.query.sort == "employee"


def test_f5_rereads_an_open_case(qtbot, window, services, cases):
    from app.domain.records import Role, Track

    case = services.cases.all()[0]
    ws = window.open_case(case.id)
    services.tracks.change(
        case.id, Track.HIGH_STAKES, "Hana Officer", Role.HR_OFFICER, "Safety", "Lee", Role.HR_LEAD
    )
    assert "High-stakes" not in ws.header.track.text()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "High-stakes" in ws.header.track.text()
