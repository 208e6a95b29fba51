"""The audit trail as rows for people and scripts (`casepath audit`), filtered by case or officer.

A case's events are those about the case itself and about every record that still names it
(conversations, plans, attachments …); events of records since deleted name only their id.
"""

from __future__ import annotations

from app.vault import record_hash as rh
from app.vault.vault import Vault


def _case_records(vault: Vault, case_id: int) -> set[tuple[str, str]]:
    keys = {("cases", str(case_id))}
    for table in rh.AUDITED_TABLES:
        cols = {r[1] for r in vault.conn.query(f"PRAGMA table_info({table})")}
        if "case_id" in cols:
            ids = vault.conn.query(f"SELECT id FROM {table} WHERE case_id = ?", (case_id,))  # noqa: S608
            keys |= {(table, str(r[0])) for r in ids}
    return keys


def audit_rows(
    vault: Vault, case_reference: str | None = None, officer: str | None = None
) -> list[dict[str, object]]:
    """Events oldest first as plain dicts; LookupError names an unknown case or officer."""
    keys = None
    if case_reference is not None:
        case_id = vault.conn.scalar("SELECT id FROM cases WHERE reference = ?", (case_reference,))
        if case_id is None:
            raise LookupError(f"No case with reference '{case_reference}'.")
        keys = _case_records(vault, int(case_id))
    if officer is not None:
        known = {str(r[0]) for r in vault.conn.query("SELECT DISTINCT officer FROM audit_events")}
        if officer not in known:
            raise LookupError(
                f"No event by an officer named '{officer}'. Officers in the trail: "
                + ", ".join(sorted(known))
                + "."
            )
    rows = []
    for ev in vault.audit_events():
        if officer is not None and ev.officer != officer:
            continue
        if keys is not None and (rh.table_for(ev.entity_type), ev.entity_id) not in keys:
            continue
        rows.append(
            {
                "seq": ev.seq,
                "at": ev.at,
                "officer": ev.officer,
                "action": ev.action,
                "entity_type": ev.entity_type,
                "entity_id": ev.entity_id,
                "record_hash": ev.record_hash,
                "hash": ev.hash,
            }
        )
    return rows
