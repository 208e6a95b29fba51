"""The case list reads one page and a count for its first screen, never every id; a text search
streams its hits. Counted through the services, driven through the model and the widget."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.models.case.case_table_model import CaseTableModel
from app.models.roles import CaseColumn
from app.services.cases.case_list import CaseQuery
from app.views.case_list.case_list_widget import CaseListWidget
from tests.factories import conversation, employee


@pytest.fixture
def cases(services, clock):
    emps = [services.employees.add(employee(f"E{i:03d}", f"Person {i:02d}")) for i in range(5)]
    out = []
    for i in range(25):
        case = services.cases.open_case(emps[i % 5].id, stage="coaching")
        out.append(case)
        if i % 2 == 0:
            services.cases.add(conversation(case, clock.today(), summary="Forklift left on."))
    return out


@pytest.fixture
def calls(services, monkeypatch):
    """How often the list asked the case service for ids, pages and counts."""
    counted: Counter = Counter()
    for name in ("ids", "rows", "count", "rows_by_ids"):
        real = getattr(services.cases, name)

        def spy(*args, _real=real, _name=name, **kw):
            counted[_name] += 1
            return _real(*args, **kw)

        monkeypatch.setattr(services.cases, name, spy)
    return counted


def test_showing_the_list_reads_one_page_and_one_count_and_no_id_list(
    qtbot, services, cases, calls
):
    widget = CaseListWidget(services)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.model.rowCount() == 25 and widget.model.total == 25
    assert calls == Counter(rows=1, count=1)  # was: the 25-id query three times


def test_sorting_keeps_the_count_and_reads_one_page(services, cases, calls):
    model = CaseTableModel(services, page_size=10)
    calls.clear()
    model.sort(CaseColumn.EMPLOYEE, Qt.SortOrder.DescendingOrder)
    assert calls == Counter(rows=1)  # the filter did not change: neither did the count
    assert model.total == 25 and model.rowCount() == 10
    names = [model.row_at(r).employee for r in range(10)]
    assert names == sorted(names, reverse=True)


def test_scrolling_reads_the_id_list_once_then_pages_by_id(services, cases, calls):
    model = CaseTableModel(services, page_size=10)
    calls.clear()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 25
    assert calls["ids"] == 1 and calls["rows_by_ids"] == 2
    assert [model.row_at(r).id for r in range(25)] == services.cases.ids(model.query)


def test_a_case_closed_between_pages_is_skipped(services, cases, clock):
    model = CaseTableModel(services, page_size=10)
    gone = model.row_at(0).id
    services.vault.conn.execute("UPDATE cases SET status = 'closed' WHERE id = ?", (gone,))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    ids = [model.row_at(r).id for r in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == 25  # the first screen stays; nothing twice


def test_text_search_streams_hits_newest_first(services, cases, calls):
    model = CaseTableModel(services, page_size=5)
    calls.clear()
    model.set_query(CaseQuery(search="forklift"))
    assert model.in_hit_order and model.rowCount() == 5
    assert calls["ids"] == 0 and calls["count"] == 0  # no full read of the matches
    assert model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    hits = [model.row_at(r).id for r in range(model.rowCount())]
    assert sorted(hits) == sorted(c.id for c in cases[::2])
    assert hits == sorted(hits, reverse=True)
    assert model.total == 13


def test_sorting_a_search_sorts_every_hit(services, cases):
    model = CaseTableModel(services, page_size=5)
    model.set_query(CaseQuery(search="forklift"))
    model.sort(CaseColumn.REFERENCE, Qt.SortOrder.AscendingOrder)  # the sort it already had
    assert not model.in_hit_order
    assert model.total == 13
    refs = [model.row_at(r).reference for r in range(model.rowCount())]
    assert refs == sorted(c.reference for c in cases[::2])[:5]


def test_two_letter_search_is_not_streamed(services, cases):
    model = CaseTableModel(services)
    model.set_query(CaseQuery(search="Pe"))  # below the trigram index: LIKE on names
    assert not model.in_hit_order and model.total == 25


def test_unlocking_reads_the_list_once(qtbot, services, cases, calls, tmp_path):
    from app.views.main_window import MainWindow
    from app.views.settings_store import SettingsStore

    window = MainWindow(services, SettingsStore.in_file(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.case_list.model.rowCount() == 25
    # One page and one count for the list (no id list); the needs-attention panel reads a
    # page and a count for each of its two flagged lists (overdue, stalled).
    assert calls["ids"] == 0 and calls["count"] == 3 and calls["rows"] == 3
