"""The Audit window shows one page at first and fetches the next as the view scrolls; the count
is the query's, not the rows held; No./When turn the order in SQL; the headers of the shared
table base are translated in each model's own context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator

from app.models.audit import audit_event_model
from app.models.audit.audit_event_model import AuditEventModel
from app.services.audit.audit_listing import AuditFilter, AuditListing, filtered_rows
from app.views.audit.audit_window import AuditWindow
from tests.factories import conversation, open_case


def _many(services, n: int = 12) -> None:
    case = open_case(services)
    for i in range(n):
        services.cases.add(conversation(case, services.clock.today(), summary=f"Talk {i}."))


def test_the_model_fetches_a_page_at_a_time(qtmodeltester, services, monkeypatch):
    _many(services)
    monkeypatch.setattr(audit_event_model, "PAGE", 5)
    everything = filtered_rows(services.vault, AuditFilter())
    model = AuditEventModel()
    model.set_listing(AuditListing(services.vault, AuditFilter()))
    assert model.rowCount() == 5 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    got = [model.row_at(r) for r in range(model.rowCount())]
    assert got == everything[::-1]  # newest first, each once
    assert not model.canFetchMore(QModelIndex())
    model.set_rows(everything[:2])
    assert model.rowCount() == 2 and not model.canFetchMore(QModelIndex())


def test_the_window_counts_in_sql_and_shows_the_first_page(qtbot, services, monkeypatch):
    _many(services)
    monkeypatch.setattr(audit_event_model, "PAGE", 4)
    total = len(services.vault.audit_events())
    window = AuditWindow(services)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 4  # one page held …
    assert window.summary.text() == f"{total} events"  # … the count is every event
    assert window.model.row_at(0)["seq"] == total  # newest first, and selected
    assert str(total) in window.detail.toPlainText()
    header = window.view.horizontalHeader()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)  # a click on When
    assert not window.newest_first and window.model.row_at(0)["seq"] == 1
    header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)  # words do not sort
    assert header.sortIndicatorSection() == 0 and window.model.row_at(0)["seq"] == 1
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert window.newest_first and window.model.row_at(0)["seq"] == total
    window.close()


def test_headers_are_translated_in_each_model_s_context(qapp):
    class Fake(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return f"{context}:{source}" if source in ("No.", "Name", "Kept for") else ""

    from app.models.audit.retention_table_model import RetentionTableModel
    from app.models.people.officer_table_model import OfficerTableModel

    fake = Fake()
    QCoreApplication.installTranslator(fake)
    try:
        h = Qt.Orientation.Horizontal
        role = Qt.ItemDataRole.DisplayRole
        assert AuditEventModel().headerData(0, h, role) == "AuditEventModel:No."
        assert OfficerTableModel([]).headerData(0, h, role) == "OfficerTableModel:Name"
        assert RetentionTableModel().headerData(4, h, role) == "RetentionTableModel:Kept for"
    finally:
        QCoreApplication.removeTranslator(fake)
