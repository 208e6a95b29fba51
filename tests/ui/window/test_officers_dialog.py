"""Preferences → Officers: add and retire officers by typing and clicking; checked in the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.people.officer_service import OfficerService
from app.views.preferences.officers_dialog import OfficersDialog


def test_officer_model_passes_the_model_tester(services, qtmodeltester):
    officers = OfficerService(services.vault, services.clock)
    officers.add("Bea Lead")
    from app.models.people.officer_table_model import OfficerTableModel

    qtmodeltester.check(OfficerTableModel(officers.entries()))


def test_add_and_retire_officers_in_the_dialog(services, qtbot, settings_store):
    officers = OfficerService(services.vault, services.clock)
    dialog = OfficersDialog(officers, settings=settings_store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table_model.rowCount() == 1

    qtbot.keyClicks(dialog.name_edit, "Bea Lead")
    dialog.role_combo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [e.officer.name for e in officers.entries()] == ["Hana Officer", "Bea Lead"]
    assert officers.entries()[1].officer.role.value == "hr_lead"
    assert dialog.table_model.rowCount() == 2 and dialog.name_edit.text() == ""

    qtbot.keyClicks(dialog.name_edit, "bea lead")  # a duplicate is refused, nothing saved
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "already an officer" in dialog.message.text()
    assert len(officers.entries()) == 2

    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert "Select" in dialog.message.text()
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert officers.entries()[1].retired_on == services.clock.today().isoformat()
    assert "Retired" in dialog.table_model.index(1, 2).data()

    dialog.table.selectRow(0)  # the last active officer stays
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert "only active officer" in dialog.message.text()
    assert officers.entries()[0].active
    actions = [e.action for e in services.vault.audit_events()]
    assert actions[-2:] == ["officer.add", "officer.retire"]
    assert services.vault.verify().ok
