"""The case list model: lazy pages, SQL sorting and filtering, and a clean slate on lock."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.domain.records import Track
from app.models.case.case_table_model import CaseTableModel
from app.models.roles import CaseColumn, IdRole, RecordRole, SortRole
from app.services.cases.case_list import CaseQuery, CaseRow
from tests.factories import conversation, employee

NAMES = [
    "Zoë Ångström",
    "Łukasz Żółć",
    "Αλέξανδρος",
    "Иван Петров",
    "李小龙",
    "محمد",
    "Amélie Lefèvre",
    "Björn Lindqvist",
    "Chiara Bianchi",
    "Dvořáková Kateřina",
    "Emre Yılmaz",
    "Fatima Haddad",
]


@pytest.fixture
def twelve_cases(services, clock):
    """Twelve open cases in two departments; one conversation mentions 'forklift'."""
    cases = []
    for i, name in enumerate(NAMES):
        dept = "Logistics" if i % 3 == 0 else "Finance"
        emp = services.employees.add(employee(f"E{2000 + i}", name, department=dept))
        track = Track.HIGH_STAKES if i % 4 == 0 else Track.STANDARD
        stage = "formal_concern" if track is Track.HIGH_STAKES else "coaching"
        cases.append(services.cases.open_case(emp.id, stage=stage, track=track))
    services.cases.add(
        conversation(
            cases[4], clock.today(), summary="Forklift certificate lapsed; retraining booked."
        )
    )
    return cases


def test_model_passes_qtmodeltester(qtmodeltester, services, twelve_cases):
    model = CaseTableModel(services, page_size=5)
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_lazily_a_page_at_a_time(qtbot, services, twelve_cases):
    model = CaseTableModel(services, page_size=5)
    assert model.total == 12
    assert model.rowCount() == 5
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 12
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # asking again changes nothing
    assert model.rowCount() == 12
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children


def test_columns_show_the_case_row(services, twelve_cases):
    model = CaseTableModel(services)
    row = model.data(model.index(0, 0), RecordRole)
    assert isinstance(row, CaseRow)
    assert model.data(model.index(0, CaseColumn.REFERENCE)) == row.reference
    assert model.data(model.index(0, CaseColumn.EMPLOYEE)) == "Zoë Ångström"
    assert model.data(model.index(0, CaseColumn.STAGE)) == "Formal concern"
    assert model.data(model.index(0, CaseColumn.TRACK)) == "High-stakes"
    assert model.data(model.index(0, CaseColumn.OWNER)) == "Hana Officer"
    assert model.data(model.index(0, 0), IdRole) == twelve_cases[0].id
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == [
        "Reference",
        "Employee",
        "Department",
        "Stage",
        "Track",
        "Owner",
        "Next deadline",
        "Flags",
        "Matched in",
    ]
    assert model.data(model.index(0, CaseColumn.MATCHED)) == ""  # no search: nothing matched


def test_sorting_requeries_sql_across_all_pages(services, twelve_cases):
    model = CaseTableModel(services, page_size=5)
    model.sort(CaseColumn.EMPLOYEE, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "employee"
    first_page = [model.data(model.index(r, CaseColumn.EMPLOYEE)) for r in range(5)]
    # The first page is the first five of ALL twelve in SQL order, not a sort of one page.
    everything = [
        r.employee for r in services.cases.rows(replace(CaseQuery(), sort="employee"), 0, 100)
    ]
    assert first_page == everything[:5]
    model.sort(CaseColumn.EMPLOYEE, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, CaseColumn.EMPLOYEE)) == everything[-1]
    assert model.rowCount() == 5  # a fresh first page


def test_sort_role_gives_comparable_values(services, twelve_cases):
    model = CaseTableModel(services)
    assert model.data(model.index(0, CaseColumn.NEXT_DUE), SortRole) is not None
    assert isinstance(model.data(model.index(0, CaseColumn.REFERENCE), SortRole), str)


def test_filtering_requeries_sql_and_keeps_sort(services, twelve_cases):
    model = CaseTableModel(services, page_size=5)
    model.sort(CaseColumn.EMPLOYEE, Qt.SortOrder.DescendingOrder)
    model.set_query(CaseQuery(department="Logistics"))
    assert model.total == 4
    assert {model.data(model.index(r, CaseColumn.DEPARTMENT)) for r in range(4)} == {"Logistics"}
    assert model.query.sort == "employee" and model.query.descending
    model.set_query(CaseQuery(track=Track.HIGH_STAKES, department="Logistics"))
    assert model.total == 1  # cases 0 and 12 would be; only index 0 exists in Logistics ∩ i%4


def test_search_finds_conversation_text(services, twelve_cases):
    model = CaseTableModel(services)
    model.set_query(CaseQuery(search="forklift"))
    assert model.total == 1
    assert model.data(model.index(0, 0), IdRole) == twelve_cases[4].id
    model.set_query(CaseQuery(search="Петров"))  # a name
    assert [model.data(model.index(0, CaseColumn.EMPLOYEE))] == ["Иван Петров"]


def test_refresh_sees_a_new_case(services, twelve_cases):
    model = CaseTableModel(services)
    emp = services.employees.add(employee("E9999", "New Person", department="Finance"))
    services.cases.open_case(emp.id, stage="coaching")
    model.refresh()
    assert model.total == 13 and model.rowCount() == 13


def test_clear_forgets_everything(qtbot, services, twelve_cases):
    model = CaseTableModel(services)
    with qtbot.waitSignal(model.modelReset):
        model.clear()
    assert model.rowCount() == 0 and model.total == 0
    assert not model.canFetchMore(QModelIndex())
    services.close()
    model.refresh()  # no services any more: stays empty, never touches the closed vault
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 0
