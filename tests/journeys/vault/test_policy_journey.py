"""The escalation policy in the window: read it in words, import a broken file (refused, the
problems in words, nothing changed), then an edited one (a new, audited version that new
cases and the stage filter use)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from app.services.cases.escalation_service import default_policy_text
from app.views.preferences.policy_window import PolicyWindow
from tests.journeys.walk import click, dialog, trigger


def test_the_policy_is_read_in_words_and_a_new_version_imported(
    qtbot, unlocked, tmp_path, monkeypatch
):
    window = unlocked.main_window
    services = window.services
    trigger(window, "policyAction")
    policy = dialog(qtbot, window, PolicyWindow)
    text = policy.browser.toPlainText()
    for words in ("Who may move a case here", "Early conversation", "HR lead", "business days"):
        assert words in text
    for identifier in ("hr_lead", "early_conversation", "deadline_business_days", "[stages"):
        assert identifier not in text  # words, not the file
    assert policy.version.count() == 1

    broken = tmp_path / "broken.toml"
    rights = ('initiate = ["supervisor", "manager"]', 'initiate = ["boss"]')
    boss = default_policy_text().replace(*rights)
    broken.write_text(boss, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    click(qtbot, policy.import_button)
    message = policy.message.text()
    assert "broken.toml was not imported; nothing changed" in message
    assert 'Stage "coaching", initiate' in message and "'boss' is not a role" in message
    assert len(services.escalation.policy_versions()) == 1

    edited = tmp_path / "ours.toml"
    text = default_policy_text().replace('name = "Coaching"', 'name = "Coaching sessions"', 1)
    edited.write_text(text.replace('version = "2026.1"', 'version = "2026.2"'), encoding="utf-8")
    assert text != default_policy_text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(edited), ""))
    click(qtbot, policy.import_button)
    assert "Imported" in policy.message.text() and "2026.2" in policy.message.text()
    assert len(services.escalation.policy_versions()) == 2
    assert services.escalation.current_policy().version == "2026.2"
    assert "Coaching sessions" in policy.browser.toPlainText()
    assert policy.version.count() == 2
    assert any(e.action == "policy.import" for e in services.vault.audit_events("policy"))
    stages = window.case_list.filter_bar.stage
    assert "Coaching sessions" in [stages.itemText(i) for i in range(stages.count())]
    policy.version.setCurrentIndex(1)  # the older version can still be read
    assert "Coaching sessions" not in policy.browser.toPlainText()
    policy.reject()
