"""Earlier versions of records in the interchange format (version 2, a case's ``history``).

Export writes, for every record of a case that has earlier versions, each version as
`casepath history` shows it (number, who, when, what, the changes in words) together with what
proves it: the row exactly as the vault stored it (``row``, the `record_versions` JSON) and the
exporting vault's audit event that wrote it (``event``), plus the event that wrote the current
state. The record itself travels in its own section, by uid.

Import checks every carried event hashes to itself, every version matches its event (its record
hash, docs/AUDIT.md) and names the record by uid, and keeps them as data beside this vault's
chain (`app/vault/privacy/imported_history.py`): they are the other vault's history, never
events of this one. This vault's chain records the import (one event naming the kept set).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain.validation import ValidationReport
from app.domain.words import history_wording as hw
from app.services.interchange.interchange_records import CaseEntry
from app.services.interchange.interchange_values import check_keys
from app.vault.audit import record_hash as rh
from app.vault.audit import record_versions as rv
from app.vault.audit.audit_log import AuditEvent, vars_of
from app.vault.privacy import bundle_versions, handover_store, imported_history
from app.vault.vault import WriteScope

if TYPE_CHECKING:
    from app.services.audit.history_service import RecordHistory
    from app.services.services import Services

EVENT_KEYS = (
    "seq",
    "at",
    "officer",
    "action",
    "entity_type",
    "entity_id",
    "digest",
    "prev_hash",
    "hash",
    "record_hash",
)
ENTRY_KEYS = {"record", "uid", "versions", "current"}
STATE_KEYS = {"version", "by", "at", "action", "what", "changes", "event"}
VERSION_KEYS = STATE_KEYS | {"row", "replaced_at", "change"}


# -- export -------------------------------------------------------------------------------
def export_history(services: Services, case_id: int) -> list[dict[str, Any]]:
    """Every record of the case that still exists and has earlier versions, each proved by
    the event that wrote it: this vault's own, or the other vault's for history this vault
    received (then exporting an imported vault gives back the document it came from)."""
    conn = services.vault.conn
    if not rv.has_versions(conn):
        return []
    out = []
    for h in services.history.case_records(case_id, changed_only=True):
        if h.removed is not None or len(h.states) < 2 or not h.states[-1].current:
            continue  # a removed record is not in the document (docs/FORMAT.md)
        events = imported_history.own_events(conn, {int(s.written_seq or 0) for s in h.states})
        stored = rv.versions_of(conn, h.table, h.row_id)
        received = bundle_versions.of_record(conn, h.table, h.row_id)
        sent: dict[int, list[AuditEvent]] = {}  # handover id -> the events it brought
        for v, _sender in received:
            if v.handover_id not in sent:
                sent[v.handover_id] = handover_store.stored_events(conn, v.handover_id)
        versions = []
        for i, state in enumerate(h.states[:-1]):
            found: Any = None
            event = None
            if state.before_handover:
                found = next(
                    (
                        v
                        for v, _ in received
                        if (v.event_seq, v.hash()) == (state.written_seq, state.hash)
                    ),
                    None,
                )
                if found is not None:
                    seq = found.event_seq
                    event = next((e for e in sent[found.handover_id] if e.seq == seq), None)
            else:
                found = next(
                    (v for v in stored if (v.event_seq, v.hash()) == (state.event_seq, state.hash)),
                    None,
                )
                event = events.get(int(state.written_seq or 0))
            if found is None or event is None:
                break  # cannot be proved: the record's history is not exported
            versions.append(
                {
                    **_state(h, i, event),
                    "row": found.row_json,
                    "replaced_at": found.replaced_at,
                    "change": found.change,
                }
            )
        current = _current_event(h, events, received, sent)
        if current is None or len(versions) != len(h.states) - 1:
            continue
        out.append(
            {
                "record": h.table,
                "uid": None if h.table == "cases" else h.states[-1].values.get("uid"),
                "versions": versions,
                "current": _state(h, len(h.states) - 1, current),
            }
        )
    return out


def _current_event(
    h: RecordHistory, own: dict[int, AuditEvent], received: list, sent: dict
) -> AuditEvent | None:
    """The event that made the current state: this vault's, or — for a state an import wrote,
    which the history shows as the other vault made it — the other vault's newest event."""
    state = h.states[-1]
    event = own.get(int(state.written_seq or 0))
    if event is None or (event.officer, event.at, event.action) == (
        state.officer,
        state.at,
        state.action,
    ):
        return event
    last = received[-1][0] if received else None
    if last is None:
        return event
    types = set(rh.entity_types_of(h.table))
    about = [
        e
        for e in sent[last.handover_id]
        if e.entity_type in types and str(e.entity_id) == str(last.row_id) and e.record_hash
    ]
    return about[-1] if about else event


def _state(h: RecordHistory, i: int, event: AuditEvent) -> dict[str, Any]:
    """One version as `casepath history` shows it, who and when as its event records them."""
    return {
        "version": h.states[i].number,
        "by": event.officer,
        "at": event.at,
        "action": event.action,
        "what": hw.action_words(event.action),
        "changes": [{"field": c.label, "before": c.before, "after": c.after} for c in h.changes(i)],
        "event": dict(zip(EVENT_KEYS, vars_of(event), strict=True)),
    }


# -- reading ------------------------------------------------------------------------------
@dataclass
class RecordVersions:
    """One record's carried versions, checked; written only if the import adds the record."""

    table: str
    uid: str | None  # None: the case itself
    versions: list[list[object]]  # [tbl, row_id, event_seq, replaced_at, change, row_json]
    events: list[AuditEvent]
    skip: bool = False  # the record is already in the vault: its own history stays


@dataclass
class HistoryBook:
    """Every carried event of the document by its number (one set for the whole import)."""

    events: dict[int, AuditEvent] = field(default_factory=dict)


def _uids(entry: CaseEntry) -> dict[str, set[str]]:
    r = entry.records
    return {
        "conversations": {x.uid for x in r.get("conversations", [])},
        "indicators": {x.uid for x in r.get("indicators", [])},
        "observations": {x.uid for x in r.get("observations", [])},
        "decisions": {x.uid for x in r.get("decisions", [])},
        "stage_changes": {x.uid for x in r.get("stage_changes", [])},
        "approvals": {a.uid for a, _ in entry.approvals},
        "case_exceptions": {e.uid for e in entry.exceptions},
        "coaching_plans": {p.uid for p, _, _ in entry.plans},
        "plan_progress": {u.uid for _, _, prog in entry.plans for u in prog},
        "reviews": {r.uid for r, _, _ in entry.reviews},
        "review_outcomes": {o.uid for _, _, o in entry.reviews if o is not None},
    }


class HistoryReader:
    """Checks one case's ``history`` list; every problem is reported by its path."""

    def __init__(self, report: ValidationReport, services: Services, book: HistoryBook) -> None:
        self.report = report
        self.services = services
        self.book = book

    def read(self, path: str, raw: Any, entry: CaseEntry) -> list[RecordVersions]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.report.error(path, "must be a list")
            return []
        uids = _uids(entry)
        seen: set[tuple[str, str | None]] = set()
        out = []
        for j, item in enumerate(raw):
            where = f"{path}[{j}]"
            found = self._entry(where, item, entry, uids)
            if found is None:
                continue
            key = (found.table, found.uid)
            if key in seen:
                self.report.error(where, "lists the versions of this record a second time")
            seen.add(key)
            out.append(found)
        return out

    def _error(self, where: str, message: str) -> None:
        self.report.error(where, message)

    def _entry(
        self, where: str, item: Any, entry: CaseEntry, uids: dict[str, set[str]]
    ) -> RecordVersions | None:
        if not check_keys(self.report, where, item, ENTRY_KEYS):
            return None
        table = item.get("record")
        if table not in rv.VERSIONED_TABLES:
            kinds = ", ".join(rv.VERSIONED_TABLES)
            self._error(f"{where}.record", f"must name a kind of record ({kinds})")
            return None
        uid = item.get("uid")
        conn = self.services.vault.conn
        if table == "cases":
            if uid is not None:
                self._error(f"{where}.uid", "must be null for the case itself")
                return None
            skip = self.services.vault.cases.exists(entry.case.reference)
        else:
            if not isinstance(uid, str) or not uid:
                self._error(
                    f"{where}.uid", "is required: the uid of the record these versions are of"
                )
                return None
            if uid not in uids[table]:
                self._error(f"{where}.uid", f"'{uid}' names no {table} record of this case")
                return None
            skip = imported_history.row_id_by_uid(conn, table, uid) is not None
        versions = item.get("versions")
        if not isinstance(versions, list) or not versions:
            self._error(f"{where}.versions", "must be a list of at least one earlier version")
            return None
        found = RecordVersions(table, uid, [], [], skip)
        for k, raw in enumerate(versions):
            got = self._version(f"{where}.versions[{k}]", raw, table, uid, entry, k + 1)
            if got is None:
                return None
            found.versions.append(got[0])
            found.events.append(got[1])
        current = self._state(
            f"{where}.current", item.get("current"), STATE_KEYS, len(versions) + 1
        )
        if current is None:
            return None
        named = rh.table_for(current.entity_type) == table and current.entity_id.isdigit()
        if not named or current.record_hash in (None, rh.DELETED):
            self._error(f"{where}.current.event", "does not name the record the versions are of")
            return None
        found.events.append(current)
        return found

    def _state(self, where: str, raw: Any, keys: set[str], number: int) -> AuditEvent | None:
        """The shown fields of one version and its event, which must hash to itself and agree
        with them."""
        if not check_keys(self.report, where, raw, keys):
            return None
        if raw.get("version") != number:
            self._error(f"{where}.version", f"must be {number} (versions are listed oldest first)")
            return None
        event = self._event(f"{where}.event", raw.get("event"))
        if event is None:
            return None
        for key, value in (("by", event.officer), ("at", event.at), ("action", event.action)):
            if raw.get(key) != value:
                self._error(f"{where}.{key}", f"does not match the event that wrote it ({value!r})")
                return None
        changes = raw.get("changes")
        if changes is not None and not isinstance(changes, list):
            self._error(f"{where}.changes", "must be a list")
            return None
        return event

    def _event(self, where: str, raw: Any) -> AuditEvent | None:
        if not check_keys(self.report, where, raw, set(EVENT_KEYS)):
            return None
        values = [raw.get(k) for k in EVENT_KEYS]
        if not isinstance(values[0], int) or isinstance(values[0], bool):
            self._error(f"{where}.seq", "must be a whole number")
            return None
        for key, value in zip(EVENT_KEYS[1:-1], values[1:-1], strict=True):
            if not isinstance(value, str):
                self._error(f"{where}.{key}", "must be text")
                return None
        if values[-1] is not None and not isinstance(values[-1], str):
            self._error(f"{where}.record_hash", "must be text or null")
            return None
        event = AuditEvent(*values)
        if event.hash != event.expected_hash():
            self._error(where, "does not hash to itself: the event was changed after export")
            return None
        known = self.book.events.get(event.seq)
        if known is not None and known != event:
            self._error(f"{where}.seq", f"another event of this document has number {event.seq}")
            return None
        self.book.events[event.seq] = event
        return event

    def _version(
        self, where: str, raw: Any, table: str, uid: str | None, entry: CaseEntry, number: int
    ) -> tuple[list[object], AuditEvent] | None:
        event = self._state(where, raw, VERSION_KEYS, number)
        if event is None:
            return None
        row_json, at, change = raw.get("row"), raw.get("replaced_at"), raw.get("change")
        if not isinstance(at, str) or not at:
            self._error(f"{where}.replaced_at", "must be the date-time the version was replaced")
            return None
        if change not in ("update", "delete"):
            self._error(f"{where}.change", "must be 'update' or 'delete'")
            return None
        try:
            values = rv.decode(row_json) if isinstance(row_json, str) else None
        except (ValueError, TypeError, KeyError):
            values = None
        if values is None or not isinstance(values.get("id"), int):
            self._error(f"{where}.row", "is not a stored row as Casepath writes them")
            return None
        named = values.get("reference") if table == "cases" else values.get("uid")
        if named != (entry.case.reference if table == "cases" else uid):
            self._error(f"{where}.row", "is a version of another record")
            return None
        carried: list[object] = [table, values["id"], event.seq, at, change, row_json]
        why = bundle_versions.mismatch(tuple(carried), {event.seq: event})
        if why:
            self._error(f"{where}.row", f"{why} (the row or its event was changed)")
            return None
        return carried, event


# -- writing ------------------------------------------------------------------------------
def write_history(
    services: Services,
    w: WriteScope,
    found: list[tuple[int, str, list[RecordVersions]]],
    exported_by: str,
    exported_at: str,
) -> int:
    """Keep the carried versions of the records this import added, with the events that
    wrote them, and audit that (inside the import's transaction). Returns the versions kept."""
    conn = services.vault.conn
    rows: list[tuple[list[object], int, int]] = []
    events: dict[int, AuditEvent] = {}
    cases: list[tuple[int, str]] = []
    for case_id, reference, records in found:
        kept = False
        for r in records:
            if r.skip:
                continue
            new = case_id if r.uid is None else imported_history.row_id_by_uid(conn, r.table, r.uid)
            if new is None:
                continue
            rows += [(v, new, case_id) for v in r.versions]
            events |= {e.seq: e for e in r.events}
            kept = True
        if kept:
            cases.append((case_id, reference))
    if not rows:
        return 0
    ordered = [events[s] for s in sorted(events)]
    seq, _head = services.vault.audit_head()
    digest = f"interchange:{handover_store.events_digest(ordered, [v for v, _, _ in rows])}:{seq}"
    now = services.clock.now().isoformat()
    try:  # the case view shows the day it was exported
        date.fromisoformat(exported_at[:10])
    except ValueError:
        exported_at = now
    hid = imported_history.store(conn, digest, exported_by, exported_at, now, cases, ordered, rows)
    w.audit(
        "vault.import_history", "handover", hid, {"versions": len(rows), "events": len(ordered)}
    )
    return len(rows)
