"""One case's audit trail read through the entity index, for a pack's audit appendix.

`audit_listing.filtered_rows` answers every filter by reading the whole trail and the case of
every stored record into Python: for one case of a 10k-case vault (~100k events) that took
about 2 s, and it grows with the vault, not the case. A case's events are, by the same rule,
those about the case itself and about each record that still names it (events of records
since deleted name only their id); here they are looked up per record table through
``audit_events(entity_type, entity_id)``, so the cost follows the case's own events.
"""

from __future__ import annotations

from app.domain.words.audit_wording import describe, when_words
from app.vault.audit import record_hash as rh
from app.vault.vault import Vault


def case_events(vault: Vault, case_id: int) -> list[tuple[int, str, str, str, str, str]]:
    """(seq, at, officer, action, entity_type, entity_id) of the case's events, oldest first."""
    conn = vault.conn
    found: list[tuple[int, str, str, str, str, str]] = []
    for table in rh.AUDITED_TABLES:
        if table == "cases":
            ids = "SELECT CAST(id AS TEXT) FROM cases WHERE id = ?"
        elif any(r[1] == "case_id" for r in conn.query(f"PRAGMA table_info({table})")):
            ids = f"SELECT CAST(id AS TEXT) FROM {table} WHERE case_id = ?"  # noqa: S608
        else:
            continue
        types = rh.entity_types_of(table)
        marks = ",".join("?" * len(types))
        sql = (
            "SELECT seq, at, officer, action, entity_type, entity_id FROM audit_events "  # noqa: S608
            f"WHERE entity_type IN ({marks}) AND entity_id IN ({ids})"
        )
        found += [tuple(r) for r in conn.query(sql, (*types, case_id))]
    found.sort(key=lambda r: r[0])
    return found


def case_trail(vault: Vault, case_id: int, reference: str) -> list[tuple[int, str, str, str]]:
    """(seq, when in words, officer, what happened in words) per event of the case, as the
    Audit window and `casepath audit --case` word them."""
    return [
        (int(seq), when_words(at), officer, describe(officer, action, kind, key, reference))
        for seq, at, officer, action, kind, key in case_events(vault, case_id)
    ]
