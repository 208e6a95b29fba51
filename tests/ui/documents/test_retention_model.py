"""The due-for-deletion table model, without a view and under pytest-qt's model tester."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from app.domain.records import Outcome
from app.domain.retention import ClosedCase, RetentionDue
from app.models.audit.retention_table_model import RetentionTableModel
from app.models.roles import RecordRole, SortRole


def _due(ref: str, closed: date, months: int, outcome=Outcome.IMPROVED) -> RetentionDue:
    case = ClosedCase(1, ref, 7, closed, outcome)
    return RetentionDue(case, months, date(closed.year + months // 12, closed.month, closed.day))


def test_rows_read_as_words_and_sort_on_native_values(qtmodeltester):
    model = RetentionTableModel()
    rows = [
        (_due("C-2024-0001", date(2024, 1, 5), 12), "Zoë Ångström"),
        (_due("C-2019-0002", date(2019, 6, 3), 72, Outcome.SUCCESSION_OR_EXIT), "Łukasz Żółć"),
    ]
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 6
    texts = [model.index(1, c).data() for c in range(6)]
    assert texts == [
        "C-2019-0002", "Łukasz Żółć", "Succession planning or exit", "2019-06-03", "6 years",
        "2025-06-03",
    ]  # fmt: skip
    assert model.index(0, 5).data(SortRole) == date(2025, 1, 5)
    assert model.index(0, 0).data(RecordRole) is rows[0][0]
    assert "kept 1 year after closing" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Kept for"
    model.set_rows([])
    assert model.rowCount() == 0
