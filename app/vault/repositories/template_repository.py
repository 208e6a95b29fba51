"""The vault's own copies of conversation prompts (table ``conversation_templates``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.vault.connection import Connection


@dataclass(frozen=True)
class StoredTemplate:
    id: int
    kind: str
    source: str
    updated_at: str
    updated_by: str


class TemplateRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def all(self) -> dict[str, StoredTemplate]:
        rows = self.conn.query(
            "SELECT id, kind, source, updated_at, updated_by FROM conversation_templates"
        )
        return {r[1]: StoredTemplate(*r) for r in rows}

    def get(self, kind: str) -> StoredTemplate | None:
        return self.all().get(kind)

    def put(self, kind: str, source: str, updated_at: str, updated_by: str) -> int:
        self.conn.execute(
            "INSERT INTO conversation_templates(kind, source, updated_at, updated_by)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(kind) DO UPDATE SET source = excluded.source,"
            " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            (kind, source, updated_at, updated_by),
        )
        return int(
            self.conn.scalar("SELECT id FROM conversation_templates WHERE kind = ?", (kind,))
        )

    def delete(self, kind: str) -> int | None:
        found = self.get(kind)
        if found is None:
            return None
        self.conn.execute("DELETE FROM conversation_templates WHERE id = ?", (found.id,))
        return found.id
