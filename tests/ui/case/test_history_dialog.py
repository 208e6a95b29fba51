"""The History dialog and its versions model: versions side by side, changed cells marked, a
removed record still readable, and words on screen (never column names or ISO stamps)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from app.models.case.history_model import ChangedRole, VersionsTableModel
from app.services.demo import DEMO_PASSPHRASE, build_demo
from app.vault.audit.record_versions import VERSIONED_TABLES
from app.views.case.dialogs.history_dialog import HistoryDialog
from tests.factories import conversation, open_case
from tests.ui.checks.test_words_not_identifiers import offenders


def test_the_versions_model_passes_the_model_tester(qtmodeltester, services):
    case = open_case(services)
    conv = services.cases.add(conversation(case, services.clock.today()))
    services.cases.update(replace(conv, summary="Second", attendees=("Kim",)))
    services.cases.update(replace(conv, summary="Third", attendees=("Kim",)))
    model = VersionsTableModel()
    model.set_history(services.history.record("conversations", conv.id))
    qtmodeltester.check(model)
    assert model.columnCount() == 3
    labels = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    summary = labels.index("Summary")
    assert [model.index(summary, c).data(ChangedRole) for c in range(3)] == [False, True, True]
    attendees = labels.index("Attendees")
    assert [model.index(attendees, c).data(ChangedRole) for c in range(3)] == [False, True, False]
    model.clear()
    assert model.rowCount() == 0 and model.columnCount() == 0


def test_a_removed_record_stays_readable_in_the_dialog(qtbot, services):
    case = open_case(services)
    conv = services.cases.add(conversation(case, services.clock.today()))
    with services.vault.write() as w:  # removed through the vault (no service deletes yet)
        services.vault.conn.execute("DELETE FROM conversations WHERE id = ?", (conv.id,))
        w.audit("conversation.delete", "conversation", conv.id, {})
    dialog = HistoryDialog(services, case.id, None, ("conversations", conv.id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.current_key() == ("conversations", conv.id)
    assert "Removed by Hana Officer on" in dialog.summary.text()
    assert dialog.model.index(2, 0).data() == "Talked through the missed deadlines."
    dialog.clear()
    assert dialog.model.rowCount() == 0 and dialog.record.count() == 0


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.casepath"
    services = build_demo(path, DEMO_PASSPHRASE)
    yield services
    services.close()


def test_every_history_of_the_demo_speaks_words(qtbot, demo):
    seen = 0
    for case in demo.cases.all():
        dialog = HistoryDialog(demo, case.id)
        qtbot.addWidget(dialog)
        dialog.every.setChecked(True)
        for i in range(dialog.record.count()):
            dialog.record.setCurrentIndex(i)
            m = dialog.model
            texts = [dialog.record.itemText(i), dialog.summary.text(), dialog.changes.toPlainText()]
            texts += [
                str(m.headerData(c, Qt.Orientation.Horizontal)) for c in range(m.columnCount())
            ]
            texts += [str(m.headerData(r, Qt.Orientation.Vertical)) for r in range(m.rowCount())]
            texts += [
                str(m.index(r, c).data())
                for r in range(m.rowCount())
                for c in range(m.columnCount())
            ]
            for text in texts:
                assert not offenders(text), (case.reference, text)
            seen += m.columnCount()
        dialog.close()
    rows = sum(demo.vault.conn.scalar(f"SELECT count(*) FROM {t}") for t in VERSIONED_TABLES)  # noqa: S608
    assert seen > rows  # every record of the 30 cases was read, some with several versions
