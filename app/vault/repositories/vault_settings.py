"""Settings that belong to a vault rather than to a computer, kept in its ``meta`` table.

The document language travels with the vault (a German team's packs stay German on any
laptop), so it lives inside the encrypted file, not in QSettings. No migration: ``meta`` is a
key/value table from the first schema, and an absent key reads as the default.
"""

from __future__ import annotations

from app.vault.connection import Connection

DOCUMENT_LANGUAGE = "document_language"


def read_setting(conn: Connection, key: str, default: str) -> str:
    value = conn.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return str(value) if value else default


def write_setting(conn: Connection, key: str, value: str) -> None:
    """Inside the caller's `Vault.write()`, which audits the change."""
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET"
        " value = excluded.value",
        (key, value),
    )
