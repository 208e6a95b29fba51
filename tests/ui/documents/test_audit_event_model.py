"""The Audit window's table model: rows in words, sorted by native values, checked by
pytest-qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.audit.audit_event_model import AuditEventModel
from app.models.roles import RecordRole, SortRole
from app.services.audit.audit_listing import AuditFilter, filtered_rows
from tests.factories import open_case


def test_the_model_shows_the_trail_in_words(qtmodeltester, services):
    case = open_case(services)
    rows = filtered_rows(services.vault, AuditFilter())
    model = AuditEventModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == len(rows) and model.columnCount() == 5
    last = model.rowCount() - 1
    assert model.index(last, 3).data() == f"Hana Officer opened case {case.reference}."
    assert model.index(last, 4).data() == case.reference
    assert model.index(last, 0).data(SortRole) == rows[-1]["seq"]  # a number, not text
    assert "T" not in model.index(last, 1).data().replace("UTC", "")
    assert model.index(last, 0).data(RecordRole) == rows[-1]
    assert model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == (
        "What happened"
    )
    model.clear()
    assert model.rowCount() == 0
