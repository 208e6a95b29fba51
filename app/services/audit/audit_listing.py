"""The audit trail as rows for people and scripts: the Audit window, its CSV export, a pack's
audit appendix and `casepath audit`, filtered by case, officer, action and date range.

A case's events are those about the case itself and about every record that still names it
(conversations, plans, attachments …); events of records since deleted name only their id.
Each row carries its sentence in words (`app.domain.words.audit_wording`); none carries content.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.words.audit_wording import describe, when_words
from app.vault.audit import record_hash as rh
from app.vault.vault import Vault

# The columns of the CSV export and of `--json`, in order.
FIELDS = (
    "seq",
    "at",
    "when",
    "officer",
    "action",
    "entity_type",
    "entity_id",
    "case",
    "detail",
    "record_hash",
    "hash",
)


@dataclass(frozen=True)
class AuditFilter:
    """What the officer narrowed the trail to; None everywhere is the whole trail."""

    case_reference: str | None = None
    officer: str | None = None
    action: str | None = None  # an action ("conversation.add") or its family ("conversation")
    date_from: date | None = None  # UTC dates, inclusive
    date_to: date | None = None


def _case_of_records(vault: Vault) -> dict[tuple[str, str], int]:
    """(table, id) -> case id for every stored record that names a case."""
    out: dict[tuple[str, str], int] = {}
    for table in rh.AUDITED_TABLES:
        cols = {r[1] for r in vault.conn.query(f"PRAGMA table_info({table})")}
        if table == "cases":
            rows = vault.conn.query("SELECT id, id FROM cases")
        elif "case_id" in cols:
            rows = vault.conn.query(f"SELECT id, case_id FROM {table}")  # noqa: S608
        else:
            continue
        out.update({(table, str(i)): int(c) for i, c in rows if c is not None})
    return out


def officers_in_trail(vault: Vault) -> list[str]:
    return sorted(str(r[0]) for r in vault.conn.query("SELECT DISTINCT officer FROM audit_events"))


def actions_in_trail(vault: Vault) -> list[str]:
    return sorted(str(r[0]) for r in vault.conn.query("SELECT DISTINCT action FROM audit_events"))


def _check(vault: Vault, f: AuditFilter) -> None:
    if f.officer is not None and f.officer not in officers_in_trail(vault):
        raise LookupError(
            f"No event by an officer named '{f.officer}'. Officers in the trail: "
            + ", ".join(officers_in_trail(vault))
            + "."
        )
    if f.action is not None:
        known = actions_in_trail(vault)
        families = {a.partition(".")[0] for a in known}
        if f.action not in known and f.action not in families:
            raise LookupError(
                f"No event with the action '{f.action}'. Actions in the trail: "
                + ", ".join(known)
                + "."
            )
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise LookupError(
            f"The range starts after it ends ({f.date_from.isoformat()} to "
            f"{f.date_to.isoformat()}); give the earlier date first."
        )


def audit_rows(
    vault: Vault,
    case_reference: str | None = None,
    officer: str | None = None,
    action: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[dict[str, object]]:
    """Events oldest first as plain dicts (`FIELDS`); LookupError names an unknown case,
    officer or action and lists the known ones."""
    return filtered_rows(vault, AuditFilter(case_reference, officer, action, date_from, date_to))


def filtered_rows(vault: Vault, f: AuditFilter) -> list[dict[str, object]]:
    references = {int(i): str(r) for i, r in vault.conn.query("SELECT id, reference FROM cases")}
    wanted_case = None
    if f.case_reference is not None:
        wanted_case = next((i for i, r in references.items() if r == f.case_reference), None)
        if wanted_case is None:
            raise LookupError(f"No case with reference '{f.case_reference}'.")
    _check(vault, f)
    case_of = _case_of_records(vault)
    low = f.date_from.isoformat() if f.date_from else ""
    high = f.date_to.isoformat() if f.date_to else ""
    rows = []
    for ev in vault.audit_events():
        if f.officer is not None and ev.officer != f.officer:
            continue
        if f.action is not None and f.action not in (ev.action, ev.action.partition(".")[0]):
            continue
        day = ev.at[:10]
        if (low and day < low) or (high and day > high):
            continue
        case_id = case_of.get((rh.table_for(ev.entity_type) or "", ev.entity_id))
        if wanted_case is not None and case_id != wanted_case:
            continue
        reference = references.get(case_id, "") if case_id is not None else ""
        rows.append(
            {
                "seq": ev.seq,
                "at": ev.at,
                "when": when_words(ev.at),
                "officer": ev.officer,
                "action": ev.action,
                "entity_type": ev.entity_type,
                "entity_id": ev.entity_id,
                "case": reference,
                "detail": describe(ev.officer, ev.action, ev.entity_type, ev.entity_id, reference),
                "record_hash": ev.record_hash or "",
                "hash": ev.hash,
            }
        )
    return rows


def audit_csv(rows: list[dict[str, object]]) -> str:
    """The rows as formula-safe CSV (a cell starting with = + - @ cannot run in a spreadsheet)."""
    from app.documents.csv_safe import csv_text

    return csv_text([list(FIELDS), *[[r[k] for k in FIELDS] for r in rows]])


def export_audit_csv(vault: Vault, target: Path, f: AuditFilter) -> int:
    """Write the filtered trail as CSV (0600, temp + rename); the export is itself audited
    (which filter, how many rows, the file's digest), never with the rows. Returns the count."""
    from app.services.documents.export_file import check_target, new_file

    target = check_target(Path(target))
    rows = filtered_rows(vault, f)
    data = audit_csv(rows).encode("utf-8")
    with new_file(target, data), vault.write() as w:
        w.audit(
            "audit.export",
            "vault",
            "",
            {
                "format": "csv",
                "rows": len(rows),
                "case": f.case_reference or "",
                "officer": f.officer or "",
                "action": f.action or "",
                "from": f.date_from.isoformat() if f.date_from else "",
                "to": f.date_to.isoformat() if f.date_to else "",
                "sha256": hashlib.sha256(data).hexdigest(),
            },
        )
    return len(rows)
