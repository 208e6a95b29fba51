"""Audit receipts: the chain head written down outside the vault.

A receipt (JSON) names the vault, a sequence number and the hash of that event. Whoever holds it
can later prove the chain up to that event is unchanged: rewriting any earlier event or record
and re-hashing the whole chain to hide it changes the hash at that sequence.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.vault.audit import audit_log
from app.vault.connection import Connection, utc_now

FORMAT = "casepath-audit-receipt/1"


def vault_id(conn: Connection) -> str:
    return str(conn.scalar("SELECT value FROM meta WHERE key = 'vault_id'") or "")


def make(conn: Connection) -> dict[str, object]:
    seq, h = audit_log.head(conn)
    return {
        "format": FORMAT,
        "vault_id": vault_id(conn),
        "seq": seq,
        "head_hash": h,
        "issued_at": utc_now().isoformat().replace("+00:00", "Z"),
    }


def check(conn: Connection, receipt: Mapping[str, object]) -> list[str]:
    """Problems found holding the vault against ``receipt`` (empty: the history up to it holds)."""
    if receipt.get("format") != FORMAT:
        return [f"not a Casepath audit receipt (format should be {FORMAT})"]
    seq, want = receipt.get("seq"), receipt.get("head_hash")
    if not isinstance(seq, int) or not isinstance(want, str):
        return ["the receipt has no sequence number or head hash"]
    if receipt.get("vault_id") != vault_id(conn):
        return ["the receipt was issued for another vault"]
    row = conn.query("SELECT hash FROM audit_events WHERE seq = ?", (seq,))
    if not row:
        return [f"event {seq} named by the receipt is missing (the newest events were removed)"]
    if row[0][0] != want:
        return [
            f"event {seq} no longer has the hash on the receipt: the history up to it was "
            "rewritten (the chain was re-hashed)"
        ]
    return []
