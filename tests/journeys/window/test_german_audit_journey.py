"""View → Audit trail in German: the filter labels, the action list, every row (what happened,
when) and the chosen event's details are German; a wrong filter is refused in German."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.views.audit.audit_window import AuditWindow
from tests.factories import conversation, open_case
from tests.journeys.walk import click, trigger, type_text
from tests.journeys.walk import dialog as walk_dialog
from tests.journeys.window.test_german_journey import EnglishFinder


@pytest.fixture
def interface_language() -> str:
    return "de"


def test_the_audit_window_speaks_german(qtbot, unlocked):
    window = unlocked.main_window
    services = window.services
    case = open_case(services)
    services.cases.add(conversation(case, services.clock.today() - timedelta(days=2)))

    trigger(window, "auditTrailAction")
    audit = walk_dialog(qtbot, window, AuditWindow)
    assert audit.model.rowCount() == len(services.vault.audit_events())
    finder = EnglishFinder()
    finder.look("audit window", audit)
    rows = [audit.model.row_at(r) for r in range(audit.model.rowCount())]
    talk = next(r for r in rows if r["action"] == "conversation.add")
    assert "Gespräch" in str(talk["detail"]) and "erfasst" in str(talk["detail"])
    assert " UTC" in str(talk["when"]) and not any(
        m in str(talk["when"]) for m in ("Jan", "Mar", "May", "Oct", "Dec")
    ), talk["when"]  # the moment in the German locale
    for i in range(audit.action_combo.count()):  # "Gespräch: erfasst", never "Conversation: …"
        assert not finder.english(audit.action_combo.itemText(i)), audit.action_combo.itemText(i)

    audit.view.selectRow(rows.index(talk))
    detail = audit.detail.toPlainText()
    assert detail.startswith("Hana Officer: Gespräch ") and "Prüfsumme des Ereignisses" in detail
    for line in detail.splitlines():  # the details pane is read line by line
        assert not finder.english(line), line
    finder.look("audit window, an event chosen", audit)

    type_text(qtbot, audit.case_edit, "C-NOPE")
    click(qtbot, audit.show_button)
    assert "Kein Fall mit dem Aktenzeichen" in audit.message.text()
    finder.look("audit window, a wrong case", audit)

    assert finder.seen > 40
    assert not finder.found, "English on screen:\n" + "\n".join(finder.found)
    audit.close()
