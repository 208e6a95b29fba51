"""Journeys for how the window reads: choosing the case list's columns (kept after a lock),
searching with "Matched in" and the employees-only scope, and the theme in Preferences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.domain.words.search_match import SearchScope
from app.models.roles import CaseColumn, IdRole
from app.models.theme import Theme, palette_for
from app.views.preferences.preferences_dialog import PreferencesDialog
from tests.factories import conversation, open_case
from tests.journeys.walk import dialog, trigger, type_text


def _unlock_again(qtbot, session, passphrase):
    session.lock("request")
    session.unlock_window.passphrase.setText(passphrase)
    with qtbot.waitSignal(session.unlocked, timeout=10_000):
        session.unlock_window.unlock()
    qtbot.waitExposed(session.main_window)
    return session.main_window


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # the header's menu
def test_columns_are_chosen_from_the_view_menu_and_kept(qtbot, unlocked, passphrase):
    window = unlocked.main_window
    table = window.case_list.table
    chooser = [c for c in CaseColumn if c is not CaseColumn.REFERENCE]
    for column in chooser:  # every column can be hidden and shown again
        name = f"caseColumn_{column.name.lower()}"
        trigger(window, name)
        assert table.isColumnHidden(column)
        trigger(window, name)
        assert table.isColumnHidden(column) == (column is CaseColumn.MATCHED)  # no search yet
    trigger(window, "caseColumn_department")
    trigger(window, "caseColumn_track")
    assert unlocked.settings.hidden_case_columns == ["department", "track"]
    menu = window.case_list.columns_menu
    assert menu.menuAction() in window.view_menu.actions()
    assert [a.text() for a in menu.actions()][:2] == ["Employee", "Department"]
    # A right click on the header opens the same menu.
    table.horizontalHeader().customContextMenuRequested.emit(QPoint(20, 5))
    qtbot.waitUntil(menu.isVisible)
    menu.close()

    again = _unlock_again(qtbot, unlocked, passphrase)
    assert again is not window
    hidden = [c for c in CaseColumn if again.case_list.table.isColumnHidden(c)]
    assert hidden == [CaseColumn.DEPARTMENT, CaseColumn.TRACK, CaseColumn.MATCHED]
    assert not again.case_list.column_actions[CaseColumn.DEPARTMENT].isChecked()


def test_search_says_where_it_matched_and_can_look_at_employees_only(qtbot, unlocked):
    window = unlocked.main_window
    services = window.services
    namesake = open_case(services, "Mia Officer", "E1")  # shares the officer's surname
    other = open_case(services, "Ola Brandt", "E2")
    for case in (namesake, other):
        services.cases.add(conversation(case, services.clock.today(), attendees=("Hana Officer",)))
    window.refresh()
    bar = window.case_list.filter_bar
    trigger(window, "findAction")
    type_text(qtbot, bar.search, "officer")
    bar.search.returnPressed.emit()
    model, table = window.case_list.model, window.case_list.table
    assert not table.isColumnHidden(CaseColumn.MATCHED)  # shown while searching
    matched = {
        model.index(r, 0).data(IdRole): model.index(r, CaseColumn.MATCHED).data()
        for r in range(model.rowCount())
    }
    assert matched == {namesake.id: "employee, officer", other.id: "officer"}
    first = model.index(0, 0)
    tip = first.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Matched in: {matched[first.data(IdRole)]}"

    bar.scope.setCurrentIndex(bar.scope.findData(SearchScope.EMPLOYEES.value))
    assert [model.index(r, 0).data(IdRole) for r in range(model.rowCount())] == [namesake.id]
    assert model.index(0, CaseColumn.MATCHED).data() == "employee"
    bar.search.clear()
    bar.search.returnPressed.emit()
    assert table.isColumnHidden(CaseColumn.MATCHED)


@pytest.fixture
def restore_theme(qapp):
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet("")


def test_the_theme_is_chosen_under_preferences_appearance(qtbot, unlocked, restore_theme):
    window = unlocked.main_window
    styles = window.styleSheet(), unlocked.unlock_window.styleSheet()
    trigger(window, "preferencesAction")
    prefs = dialog(qtbot, window, PreferencesDialog)
    prefs.theme.setCurrentIndex(prefs.theme.findData(Theme.HIGH_CONTRAST.value))
    prefs.accept()
    # Both windows re-colour their own style sheets (the unlock window outlives a lock).
    assert (window.styleSheet(), unlocked.unlock_window.styleSheet()) != styles
    assert window.styleSheet() != styles[0] and unlocked.unlock_window.styleSheet() != styles[1]
    assert unlocked.settings.theme is Theme.HIGH_CONTRAST
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert base == palette_for(Theme.HIGH_CONTRAST).color(QPalette.ColorRole.Base)
    assert "solid" in QApplication.instance().styleSheet()  # outlined controls
    trigger(window, "preferencesAction")
    prefs = dialog(qtbot, window, PreferencesDialog)
    prefs.theme.setCurrentIndex(prefs.theme.findData(Theme.SYSTEM.value))
    prefs.accept()
    assert unlocked.settings.theme is Theme.SYSTEM
    assert QApplication.instance().styleSheet() == ""
