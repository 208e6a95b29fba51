"""The case list's columns fit a 1280×800 window, flags included, before anything is hidden."""

from __future__ import annotations

from app.domain.escalation.flags import Flag, flag_words
from app.models.roles import CaseColumn
from app.views.main_window import MainWindow
from tests.factories import open_case


def test_every_column_fits_at_1280_by_800(qtbot, services, settings_store):
    open_case(services)
    window = MainWindow(services, settings_store)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(10)
    table = window.case_list.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll to
    longest = flag_words(frozenset({Flag.DUE_SOON, Flag.AWAITING_APPROVAL}))
    needed = table.fontMetrics().horizontalAdvance(longest) + 8
    assert header.sectionSize(CaseColumn.FLAGS) >= needed, (header.sectionSize(7), needed)
    right = header.sectionViewportPosition(CaseColumn.FLAGS) + header.sectionSize(CaseColumn.FLAGS)
    assert right <= table.viewport().width()
    assert table.isColumnHidden(CaseColumn.MATCHED)  # only while searching
