"""Which tables the audit chain covers, and the canonical hash of one stored row.

The hash is taken over the row as SQLite stores it, not over a domain record, so a third party
can recompute it from the file alone (docs/AUDIT.md gives the exact recipe; tools/verify_audit.py
repeats it in a few lines):

    sha256( UTF-8( JSON({"table": T, "row": {column: [type, value], ...}}) ) )

with the JSON written with sorted keys, separators ``,`` and ``:``, non-ASCII kept as is
(Python ``json.dumps(..., sort_keys=True, separators=(",", ":"), ensure_ascii=False)``).
``type`` is SQLite's storage class; ``value`` is ``null`` for NULL, the decimal digits of an
INTEGER, ``float.hex()`` of a REAL, the TEXT unchanged (no Unicode normalisation: a change of
normal form is a change), and the lower-case hex SHA-256 of a BLOB.
"""

from __future__ import annotations

import hashlib
import json

# table -> the entity type Casepath names in its audit events.
AUDITED_TABLES: dict[str, str] = {
    "officers": "officer",
    "employees": "employee",
    "cases": "case",
    "conversations": "conversation",
    "indicators": "indicator",
    "observations": "observation",
    "decisions": "decision",
    "stage_changes": "stage_change",
    "policies": "policy",
    "approvals": "approval",
    "case_exceptions": "case_exception",
    "coaching_plans": "coaching_plan",
    "plan_progress": "plan_progress",
    "reviews": "review",
    "review_outcomes": "review_outcome",
    "packs": "pack",
    "attachments": "attachment",
    "handovers": "handover",
    "handover_cases": "handover_case",
    "legal_holds": "legal_hold",
    "erasures": "erasure",  # names the rows it removed: record_check.apply_erasures
    "conversation_templates": "conversation_template",
}

# Derived columns the services refresh without an event (recomputable from the records).
EXCLUDED_COLUMNS: dict[str, frozenset[str]] = {
    "cases": frozenset({"next_due_on", "last_activity_on"}),
}

# The record hash an event carries when it removed its record.
DELETED = "deleted"

_BY_ENTITY = {entity: table for table, entity in AUDITED_TABLES.items()}
_BY_ENTITY.update({entity.replace("_", ""): table for table, entity in AUDITED_TABLES.items()})


def table_for(entity_type: str) -> str | None:
    """The table an event's entity type names (imports spell some without underscores)."""
    return _BY_ENTITY.get(entity_type)


def entity_types_of(table: str) -> tuple[str, ...]:
    return tuple(sorted(e for e, t in _BY_ENTITY.items() if t == table))


def _typed(value: object) -> list[object]:
    if value is None:
        return ["null", None]
    if isinstance(value, int):
        return ["integer", str(value)]
    if isinstance(value, float):
        return ["real", value.hex()]
    if isinstance(value, str):
        return ["text", value]
    if isinstance(value, bytes | bytearray | memoryview):
        return ["blob", hashlib.sha256(bytes(value)).hexdigest()]
    raise TypeError(f"unexpected SQLite value of type {type(value).__name__}")


def row_hash(table: str, columns: list[str], values: tuple) -> str:
    """The canonical hash of one row (see the module docstring)."""
    skip = EXCLUDED_COLUMNS.get(table, frozenset())
    row = {c: _typed(v) for c, v in zip(columns, values, strict=True) if c not in skip}
    text = json.dumps(
        {"table": table, "row": row}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def current_hash(raw, table: str, row_id: object) -> str:
    """The hash of row ``row_id`` of ``table`` now, or DELETED when there is no such row."""
    cur = raw.execute(f"SELECT * FROM {table} WHERE id = ?", (int(str(row_id)),))  # noqa: S608
    row = cur.fetchone()
    if row is None:
        return DELETED
    return row_hash(table, [d[0] for d in cur.description], tuple(row))
