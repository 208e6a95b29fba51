"""Conversation prompts kept per vault: read, edit, reset to the shipped set, export, import.

A vault keeps only the sets its officers changed; any other kind uses the set shipped with the
program, so a newer Casepath's better prompts reach every kind nobody edited. Each save or reset
is one audited transaction. A text is parsed before it is stored, so a broken edit is refused
with the problem in words and the stored prompts stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.clock import Clock
from app.domain.prompt_templates import TemplateKind
from app.domain.records import ConversationKind
from app.services.cases.conversation_prompts import (
    ConversationPrompts,
    PromptsError,
    parse_conversation_prompts,
    shipped_text,
)
from app.vault.repositories.template_repository import TemplateRepository
from app.vault.vault import Vault


@dataclass(frozen=True)
class TemplateEntry:
    kind: TemplateKind
    text: str
    edited: bool  # the vault keeps its own copy
    updated_at: str = ""
    updated_by: str = ""


class TemplateService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock
        self.repo = TemplateRepository(vault.conn)

    # -- reading -------------------------------------------------------------------------
    def entries(self) -> list[TemplateEntry]:
        stored = self.repo.all()
        out = []
        for kind in TemplateKind:
            own = stored.get(kind.value)
            if own is None:
                out.append(TemplateEntry(kind, shipped_text(kind), False))
            else:
                out.append(TemplateEntry(kind, own.source, True, own.updated_at, own.updated_by))
        return out

    def entry(self, kind: TemplateKind) -> TemplateEntry:
        return next(e for e in self.entries() if e.kind is kind)

    def text(self, kind: TemplateKind) -> str:
        return self.entry(kind).text

    def prompts(self, kind: TemplateKind) -> ConversationPrompts:
        return parse_conversation_prompts(self.text(kind), f"the vault's {kind.label} prompts")

    def prompts_for(self, conversation: ConversationKind) -> ConversationPrompts:
        return self.prompts(TemplateKind.for_conversation(conversation))

    # -- writing -------------------------------------------------------------------------
    def save(self, kind: TemplateKind, text: str) -> TemplateEntry:
        """Keep ``text`` as this vault's prompts of ``kind``; refused (PromptsError) if broken."""
        return self.save_many({kind: text})[0]

    def save_many(self, texts: Mapping[TemplateKind, str]) -> list[TemplateEntry]:
        """All or nothing: every text is checked before any is stored."""
        for kind, text in texts.items():
            parse_conversation_prompts(text, f"{kind.label} prompts")
        stored = self.repo.all()
        keep = {
            kind: text
            for kind, text in texts.items()
            if kind.value in stored or text != shipped_text(kind)  # shipped: nothing to keep
        }
        if keep:
            now = self.clock.now().isoformat(timespec="seconds")
            officer = self.vault.officer.name
            with self.vault.write() as w:
                for kind, text in keep.items():
                    row = self.repo.put(kind.value, text, now, officer)
                    w.audit("template.save", "conversation_template", row, {"kind": kind.value})
        return [self.entry(kind) for kind in texts]

    def reset(self, kinds: Iterable[TemplateKind] | None = None) -> list[TemplateKind]:
        """Back to the shipped set (every kind by default); returns the kinds that changed."""
        stored = self.repo.all()
        changed = [kind for kind in (kinds or TemplateKind) if kind.value in stored]
        if changed:
            with self.vault.write() as w:
                for kind in changed:
                    row = self.repo.delete(kind.value)
                    w.audit("template.reset", "conversation_template", row, {"kind": kind.value})
        return changed


def parse_kind(text: str) -> TemplateKind:
    """A kind as typed on the command line or named by a file ('check-in', 'check_in.toml')."""
    name = text.removesuffix(".toml")
    try:
        return TemplateKind.parse(name)
    except ValueError:
        kinds = ", ".join(k.value for k in TemplateKind)
        raise PromptsError(f"'{text}' is not a kind of prompts; the kinds are {kinds}.") from None
