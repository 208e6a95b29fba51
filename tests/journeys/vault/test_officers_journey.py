"""File → Officers…: over the real main window after unlocking, an officer is added and
retired, and the audit trail names who did it."""

from __future__ import annotations

from app.views.preferences.officers_dialog import OfficersDialog
from tests.journeys.walk import click, trigger, type_text
from tests.journeys.walk import dialog as walk_dialog


def test_an_officer_is_added_and_retired_from_the_window(qtbot, unlocked):
    window = unlocked.main_window
    services = window.services
    trigger(window, "officersAction")
    dialog = walk_dialog(qtbot, window, OfficersDialog)
    type_text(qtbot, dialog.name_edit, "Bea Lead")
    type_text(qtbot, dialog.email_edit, "bea@example.org")
    click(qtbot, dialog.add_button)
    assert [o.name for o in services.vault.officers.all()] == ["Hana Officer", "Bea Lead"]
    dialog.table.selectRow(1)
    click(qtbot, dialog.retire_button)
    assert services.vault.officers.active() == services.vault.officers.all()[:1]
    assert services.vault.audit_events()[-1].action == "officer.retire"
    assert services.vault.audit_events()[-1].officer == "Hana Officer"
    dialog.reject()
