"""The audit trail as rows for people and scripts: the Audit window, its CSV export, a pack's
audit appendix and `casepath audit`, filtered by case, officer, action and date range.

A case's events are those about the case itself and about every record that still names it
(conversations, plans, attachments …); events of records since deleted name only their id.
Each row carries its sentence in words (`app.domain.words.audit_wording`); none carries content.
The filtering, paging and counting happen in SQL (`app.vault.audit.audit_query`), a page at a
time, so a million-event trail opens at once and exports without being held in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.words.audit_wording import describe, when_words
from app.domain.words.phrases import Joined, Phrase
from app.vault.audit import audit_query as aq
from app.vault.audit.audit_log import AuditEvent
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


def officers_in_trail(vault: Vault) -> list[str]:
    return aq.distinct(vault.conn, "officer")


def actions_in_trail(vault: Vault) -> list[str]:
    return aq.distinct(vault.conn, "action")


def _check(vault: Vault, f: AuditFilter) -> None:
    if f.officer is not None and not aq.has(vault.conn, "officer", f.officer):
        raise LookupError(
            Phrase(
                "No event by an officer named '{officer}'. Officers in the trail: {officers}.",
                officer=f.officer,
                officers=Joined(officers_in_trail(vault)),
            )
        )
    if f.action is not None:
        known = actions_in_trail(vault)
        families = {a.partition(".")[0] for a in known}
        if f.action not in known and f.action not in families:
            raise LookupError(
                Phrase(
                    "No event with the action '{action}'. Actions in the trail: {actions}.",
                    action=f.action,
                    actions=Joined(known),
                )
            )
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise LookupError(
            Phrase(
                "The range starts after it ends ({start} to {end}); give the earlier date first.",
                start=f.date_from,
                end=f.date_to,
            )
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
    """Every matching event oldest first (a pack's appendix, tests); the window and the CLI
    page or stream through `AuditListing` instead."""
    return [row for rows in AuditListing(vault, f, newest_first=False).chunks() for row in rows]


class AuditListing:
    """One filter over the trail, checked once, read in SQL a page at a time
    (`app.vault.audit.audit_query`). LookupError names an unknown case, officer or action.
    ``language`` words the rows' moments and sentences (the window's; English by default, as
    the CSV export and `casepath audit` print them)."""

    def __init__(
        self, vault: Vault, f: AuditFilter, newest_first: bool = True, language: str | None = None
    ) -> None:
        case_id = None
        if f.case_reference is not None:
            case_id = aq.case_by_reference(vault.conn, f.case_reference)
            if case_id is None:
                raise LookupError(
                    Phrase("No case with reference '{reference}'.", reference=f.case_reference)
                )
        _check(vault, f)
        self.vault = vault
        self.language = language
        self.filter = f
        self.newest_first = newest_first
        self.query = aq.with_day_bounds(
            vault.conn,
            aq.EventQuery(
                case_id,
                f.officer,
                f.action,
                f.date_from.isoformat() if f.date_from else None,
                f.date_to.isoformat() if f.date_to else None,
            ),
        )

    def count(self) -> int:
        return aq.count(self.vault.conn, self.query)

    def page(self, after: int | None, limit: int) -> tuple[list[dict[str, object]], int | None]:
        """Up to ``limit`` rows after seq ``after``, and the cursor of the next page (None at
        the end)."""
        events = aq.page(self.vault.conn, self.query, after, limit, self.newest_first)
        cursor = events[-1].seq if len(events) == limit else None
        return self._rows(events), cursor

    def chunks(self, size: int = 2000) -> Iterator[list[dict[str, object]]]:
        for events in aq.stream(self.vault.conn, self.query, self.newest_first, size):
            yield self._rows(events)

    def _rows(self, events: list[AuditEvent]) -> list[dict[str, object]]:
        conn = self.vault.conn
        case_of = aq.cases_of(conn, events)
        refs = aq.references(conn, set(case_of.values()))
        rows = []
        for ev in events:
            case_id = case_of.get(ev.seq)
            reference = refs.get(case_id, "") if case_id is not None else ""
            rows.append(
                {
                    "seq": ev.seq,
                    "at": ev.at,
                    "when": when_words(ev.at, self.language),
                    "officer": ev.officer,
                    "action": ev.action,
                    "entity_type": ev.entity_type,
                    "entity_id": ev.entity_id,
                    "case": reference,
                    "detail": describe(
                        ev.officer,
                        ev.action,
                        ev.entity_type,
                        ev.entity_id,
                        reference,
                        self.language,
                    ),
                    "record_hash": ev.record_hash or "",
                    "hash": ev.hash,
                }
            )
        return rows


def audit_csv(rows: list[dict[str, object]]) -> str:
    """The rows as formula-safe CSV (a cell starting with = + - @ cannot run in a spreadsheet)."""
    from app.documents.csv_safe import csv_text

    return csv_text([list(FIELDS), *[[r[k] for k in FIELDS] for r in rows]])


def _csv_chunks(listing: AuditListing, digest: hashlib._Hash, seen: list[int]) -> Iterator[bytes]:
    """The CSV a page at a time (header, then the rows oldest first), hashed and counted as
    it goes."""
    from app.documents.csv_safe import csv_text

    header = csv_text([list(FIELDS)]).encode("utf-8")
    digest.update(header)
    yield header
    for rows in listing.chunks():
        data = csv_text([[r[k] for k in FIELDS] for r in rows]).encode("utf-8")
        digest.update(data)
        seen[0] += len(rows)
        yield data


def export_audit_csv(vault: Vault, target: Path, f: AuditFilter) -> int:
    """Write the filtered trail as CSV (0600, temp + rename), streamed a page at a time so a
    million events never sit in memory; the export is itself audited (which filter, how many
    rows, the file's digest), never with the rows. Returns the count."""
    from app.services.documents.export_file import (
        check_target,
        discard,
        publish,
        write_partial_stream,
    )

    target = check_target(Path(target))
    listing = AuditListing(vault, f, newest_first=False)
    digest = hashlib.sha256()
    seen = [0]
    tmp = write_partial_stream(target, _csv_chunks(listing, digest, seen))
    try:
        with vault.write() as w:
            w.audit(
                "audit.export",
                "vault",
                "",
                {
                    "format": "csv",
                    "rows": seen[0],
                    "case": f.case_reference or "",
                    "officer": f.officer or "",
                    "action": f.action or "",
                    "from": f.date_from.isoformat() if f.date_from else "",
                    "to": f.date_to.isoformat() if f.date_to else "",
                    "sha256": digest.hexdigest(),
                },
            )
        publish(tmp, target)
    finally:
        discard(tmp)
    return seen[0]
