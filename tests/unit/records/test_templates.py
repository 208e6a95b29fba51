"""Conversation prompts per kind and per vault: shipped sets, edits, reset, audit, refusal."""

from __future__ import annotations

import pytest

from app.domain.prompt_templates import TemplateKind
from app.domain.records import ConversationKind
from app.services.cases.conversation_prompts import (
    SECTION_KEYS,
    PromptsError,
    load_conversation_prompts,
    shipped_path,
    shipped_text,
)
from app.services.cases.template_service import parse_kind
from app.services.services import open_vault
from tests.conftest import PASSPHRASE


@pytest.mark.parametrize("kind", list(TemplateKind))
def test_every_kind_ships_a_complete_set(kind):
    prompts = load_conversation_prompts(shipped_path(kind))
    assert set(prompts.sections) == set(SECTION_KEYS)
    for key in ("summary", "constraints", "expectations", "attendees", "agreed_actions"):
        assert prompts.section(key).questions, (kind, key)
    assert all(p.question for p in prompts.root_causes), kind


def test_prompts_differ_by_kind_of_conversation(services):
    titles = {
        kind: services.templates.prompts_for(kind).section("summary").title
        for kind in ConversationKind
    }
    assert len({titles[k] for k in (
        ConversationKind.INFORMAL, ConversationKind.CHECK_IN,
        ConversationKind.FORMAL_CONCERN, ConversationKind.OUTCOME,
    )}) == 4  # fmt: skip
    assert titles[ConversationKind.COACHING] == titles[ConversationKind.INFORMAL]
    check_in = services.templates.prompts(TemplateKind.CHECK_IN)
    assert "micro-goal" in check_in.section("micro_goals").help.lower()


def test_edit_is_kept_in_the_vault_audited_and_reset_brings_the_shipped_set_back(
    services, vault_path, clock
):
    edited = shipped_text(TemplateKind.CHECK_IN).replace(
        'title = "How the plan is going"', 'title = "Since last time"'
    )
    entry = services.templates.save(TemplateKind.CHECK_IN, edited)
    assert entry.edited and entry.updated_by == "Hana Officer"
    services.close()
    again = open_vault(vault_path, PASSPHRASE, clock)  # kept in the vault, not in a file
    try:
        templates = again.templates
        assert templates.prompts(TemplateKind.CHECK_IN).section("summary").title == (
            "Since last time"
        )
        assert not templates.entry(TemplateKind.OUTCOME).edited
        events = [e.action for e in again.vault.audit_events()]
        assert "template.save" in events
        assert again.vault.verify().ok
        assert templates.reset() == [TemplateKind.CHECK_IN]
        assert templates.text(TemplateKind.CHECK_IN) == shipped_text(TemplateKind.CHECK_IN)
        assert not templates.entry(TemplateKind.CHECK_IN).edited
        assert "template.reset" in [e.action for e in again.vault.audit_events()]
        assert again.vault.verify().ok
        assert templates.reset() == []  # nothing left to reset
    finally:
        again.close()


def test_a_broken_edit_is_refused_and_nothing_changes(services):
    with pytest.raises(PromptsError, match="Formal concern prompts: .*line"):
        services.templates.save(TemplateKind.FORMAL_CONCERN, "[sections\n")
    with pytest.raises(PromptsError, match="unknown section"):
        services.templates.save_many(
            {
                TemplateKind.OUTCOME: '[sections.summary]\ntitle = "x"\n',
                TemplateKind.CHECK_IN: "[sections.chat]\n",
            }
        )
    assert not any(e.edited for e in services.templates.entries())  # all or nothing


def test_saving_the_shipped_text_keeps_nothing(services):
    services.templates.save(TemplateKind.OUTCOME, shipped_text(TemplateKind.OUTCOME))
    assert not services.templates.entry(TemplateKind.OUTCOME).edited


def test_a_template_edited_outside_casepath_fails_verify(services):
    services.templates.save(TemplateKind.OUTCOME, 'version = 1\n[sections.summary]\ntitle = "x"\n')
    services.vault.conn.raw.execute("UPDATE conversation_templates SET source = source || '#'")
    report = services.vault.verify()
    assert not report.ok
    assert any(p.table == "conversation_templates" for p in report.records)


def test_kinds_read_as_typed_or_as_file_names():
    assert parse_kind("check-in") is TemplateKind.CHECK_IN
    assert parse_kind("formal_concern.toml") is TemplateKind.FORMAL_CONCERN
    with pytest.raises(PromptsError, match="the kinds are early_conversation"):
        parse_kind("chat")
