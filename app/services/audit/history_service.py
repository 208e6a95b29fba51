"""The history of a case's records: every version, who wrote it, when, and what changed.

Versions come from `record_versions` (kept by triggers, never edited) and the current row; who
and when come from the audit event that wrote each version. Consecutive states with the same
record hash are one version (an event that only read or re-stated the record adds none).
A record received in a handover bundle, or in a JSON import that carried its history
(docs/FORMAT.md), also shows the versions the other vault kept (`handover_versions`), first,
marked "before the handover (from <sender>)" or "before the import".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from app.domain.words import history_wording as hw
from app.vault.audit import audit_log
from app.vault.audit import record_hash as rh
from app.vault.audit import record_versions as rv
from app.vault.errors import NotFound
from app.vault.privacy import bundle_versions, handover_store, imported_history
from app.vault.vault import Vault

# The record classes the case view lists -> the table their history is kept for.
_TABLE_OF_CLASS = {
    "Case": "cases",
    "Conversation": "conversations",
    "Indicator": "indicators",
    "Observation": "observations",
    "Decision": "decisions",
    "StageChange": "stage_changes",
    "Approval": "approvals",
    "CaseException": "case_exceptions",
    "CoachingPlan": "coaching_plans",
    "ProgressUpdate": "plan_progress",
    "Review": "reviews",
    "ReviewOutcome": "review_outcomes",
}


def history_key(record: object) -> tuple[str, int] | None:
    """(table, id) of a record (or of the record a timeline entry shows), if it has a history."""
    for wrapper, attribute in (("TimelineEvent", "record"), ("PlanRevision", "plan")):
        if type(record).__name__ == wrapper:
            record = getattr(record, attribute, None)
    table = _TABLE_OF_CLASS.get(type(record).__name__)
    row_id = getattr(record, "id", None)
    return (table, int(row_id)) if table and row_id is not None else None


# Short names for --record KIND:ID (the entity type, or the table).
KINDS = {rh.AUDITED_TABLES[t]: t for t in rv.VERSIONED_TABLES}
KINDS |= {"plan": "coaching_plans", "exception": "case_exceptions", "progress": "plan_progress"}


_EVENT_COLUMNS = (
    "seq, at, officer, action, entity_type, entity_id, digest, prev_hash, hash, record_hash"
)

# The first of these a record has names it: "Conversation on 2026-11-02", "Case C-2026-0007".
_TITLE_COLUMNS = (
    "reference",
    "held_on",
    "observed_on",
    "decided_on",
    "starts_at",
    "recorded_on",
    "requested_on",
    "requested_at",
    "changed_at",
    "starts_on",
)


@dataclass(frozen=True)
class RecordState:
    """One version of a record as it was stored."""

    number: int  # 1 = the first version
    values: dict[str, Any]
    hash: str
    event_seq: int | None  # the audit event that wrote it
    officer: str
    at: str  # that event's UTC time, ISO
    action: str
    current: bool = False
    # The sender's officer, for a version kept by the vault a handover bundle came from
    # (its event_seq then numbers the sender's chain, not this one).
    before_handover: str = ""
    written_seq: int | None = None  # the event that made this version (who and when)
    imported: bool = False  # before_handover came with a JSON import, not a bundle

    @property
    def when(self) -> str:
        return hw.value_words("", "at", self.at) if self.at else ""

    @property
    def what(self) -> str:
        return hw.action_words(self.action)


@dataclass(frozen=True)
class Removal:
    officer: str
    at: str
    event_seq: int


@dataclass(frozen=True)
class RecordHistory:
    table: str
    row_id: int
    title: str
    states: list[RecordState]
    removed: Removal | None = None
    _words: Any = field(default=None, repr=False, compare=False)

    @property
    def kind(self) -> str:
        return hw.kind_of(self.table)

    @property
    def ref(self) -> str:
        """How `casepath history --record` names it: ``conversation:12``."""
        return f"{rh.AUDITED_TABLES[self.table]}:{self.row_id}"

    def words(self, column: str, value: object) -> str:
        return self._words(column, value) if self._words else str(value)

    def changes(self, index: int) -> list[hw.FieldChange]:
        """What changed from version ``index - 1`` to version ``index`` (0: nothing before)."""
        if index <= 0 or index >= len(self.states):
            return []
        return hw.changes_between(
            self.table, self.states[index - 1].values, self.states[index].values, self.words
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "record": self.ref,
            "kind": self.kind,
            "title": self.title,
            "removed": None
            if self.removed is None
            else {
                "by": self.removed.officer,
                "at": self.removed.at,
                "event": self.removed.event_seq,
            },
            "versions": [
                {
                    "version": s.number,
                    "current": s.current,
                    "by": s.officer,
                    "at": s.at,
                    "action": s.action,
                    "event": s.event_seq,
                    "record_hash": s.hash,
                    "before_handover": {
                        "from": s.before_handover,
                        "via": "import" if s.imported else "handover",
                    }
                    if s.before_handover
                    else None,
                    "fields": {
                        hw.field_label(self.table, c): self.words(c, s.values.get(c))
                        for c in hw.shown_columns(self.table)
                    },
                    "changes": [
                        {"field": c.label, "before": c.before, "after": c.after}
                        for c in self.changes(i)
                    ],
                }
                for i, s in enumerate(self.states)
            ],
        }


class HistoryService:
    def __init__(self, vault: Vault, stage_names: Any = None) -> None:
        self.vault = vault
        # case id -> {stage key: name} of the case's policy (set by Services).
        self.stage_names = stage_names
        self._stages: dict[int, Any] = {}  # read once per case_records() call
        self._has_versions: bool | None = None

    def _versioned(self) -> bool:
        if self._has_versions is None:
            self._has_versions = rv.has_versions(self.vault.conn)
        return self._has_versions

    def record(self, table: str, row_id: int) -> RecordHistory:
        if table not in rv.VERSIONED_TABLES:
            raise NotFound(f"There is no history of {hw.kind_of(table).lower()} records.")
        conn = self.vault.conn
        with conn.lock:
            stored = rv.versions_of(conn, table, row_id) if self._versioned() else []
            current = rv.current_row(conn, table, row_id)
            types = rh.entity_types_of(table)
            evs = [
                audit_log.AuditEvent(*row)
                for row in conn.query(
                    f"SELECT {_EVENT_COLUMNS} FROM audit_events WHERE entity_type IN"  # noqa: S608
                    f" ({','.join('?' * len(types))}) AND entity_id = ?"
                    " AND record_hash IS NOT NULL ORDER BY seq",
                    (*types, str(row_id)),
                )
            ]
        if current is None and not stored and not bundle_versions.of_record(conn, table, row_id):
            raise NotFound(f"No {hw.kind_of(table).lower()} {row_id} in this vault.")
        by_seq = {e.seq: e for e in evs}
        states: list[RecordState] = self._received(table, row_id)
        raw: list[tuple[dict[str, Any], str, int | None, bool]] = []
        for v in stored:
            raw.append((v.values(), v.hash(), v.event_seq, False))
        if current is not None:
            cols = list(current)
            h = rh.row_hash(table, cols, tuple(current.values()))
            newest = max((e.seq for e in evs if e.record_hash == h), default=None)
            raw.append((current, h, newest, True))
        for values, h, seq, is_current in raw:
            if states and states[-1].hash == h and not states[-1].before_handover:
                states.pop()  # the same version again: keep the later mention
            ev = by_seq.get(seq) if seq is not None else None
            first = self._first_event_of(evs, h, seq)
            states.append(
                RecordState(
                    number=len(states) + 1,
                    values=values,
                    hash=h,
                    event_seq=seq,
                    officer=first.officer if first else (ev.officer if ev else ""),
                    at=first.at if first else (ev.at if ev else ""),
                    action=first.action if first else (ev.action if ev else ""),
                    current=is_current,
                    written_seq=first.seq if first else seq,
                )
            )
        states = self._import_as_sent(table, row_id, states)
        removed = None
        if current is None and evs and evs[-1].record_hash == rh.DELETED:
            removed = Removal(evs[-1].officer, evs[-1].at, evs[-1].seq)
        case_id = (states[-1].values.get("id") if table == "cases" else None) or states[
            -1
        ].values.get("case_id")
        words = self._words_for(table, case_id)
        return RecordHistory(
            table, int(row_id), self._title(table, states[-1].values, words), states, removed, words
        )

    def _received(self, table: str, row_id: int) -> list[RecordState]:
        """The versions a handover bundle brought, oldest first, with who wrote each and when
        from the sender's event that the bundle carried."""
        conn = self.vault.conn
        out: list[RecordState] = []
        imported = imported_history.import_ids(conn)
        current = rv.current_row(conn, table, row_id) if table == "cases" else None
        for v, sender in bundle_versions.of_record(conn, table, row_id):
            values = rv.decode(v.row_json)
            if current is not None:  # the sender's ids, re-pointed as the import did
                values |= {k: current[k] for k in ("employee_id", "owner_id") if k in current}
            ev = next(
                (
                    e
                    for e in handover_store.stored_events(conn, v.handover_id)
                    if e.seq == v.event_seq
                ),
                None,
            )
            out.append(
                RecordState(
                    number=len(out) + 1,
                    values=values,
                    hash=v.hash(),
                    event_seq=v.event_seq,
                    officer=ev.officer if ev else "",
                    at=ev.at if ev else "",
                    action=ev.action if ev else "",
                    before_handover=sender or "the sending vault",
                    written_seq=v.event_seq,
                    imported=v.handover_id in imported,
                )
            )
        return out

    def _import_as_sent(
        self, table: str, row_id: int, states: list[RecordState]
    ) -> list[RecordState]:
        """The state a handover import (``record.write``) or a JSON import (``*.import``,
        ``case.open``) wrote here was made by the sender: show who made it and when from the
        sender's newest event about the record."""
        k = next((i for i, s in enumerate(states) if not s.before_handover), None)
        if k is None or k == 0 or not imported_history.writes_as_sent(states[k].action):
            return states
        conn = self.vault.conn
        v, _sender = bundle_versions.of_record(conn, table, row_id)[-1]
        types = set(rh.entity_types_of(table))
        sent = [
            e
            for e in handover_store.stored_events(conn, v.handover_id)
            if e.entity_type in types and str(e.entity_id) == str(v.row_id) and e.record_hash
        ]
        if not sent:
            return states
        ev = sent[-1]
        states[k] = replace(states[k], officer=ev.officer, at=ev.at, action=ev.action)
        return states

    @staticmethod
    def _first_event_of(evs: list, h: str, seq: int | None):  # noqa: ANN205 - AuditEvent
        """The first of the run of events up to ``seq`` that carried this version's hash: who
        made the version, not who last re-stated it."""
        start = None
        for e in evs if seq is not None else ():
            if e.seq > seq:
                break
            start = (start or e) if e.record_hash == h else None
        return start

    def case_records(self, case_id: int, changed_only: bool = False) -> list[RecordHistory]:
        """Every record of the case (the case first), or only those with earlier versions
        (changed or removed: one indexed read of the versions, not of every record)."""
        conn = self.vault.conn
        keys: list[tuple[str, int]] = []
        with conn.lock:
            if not changed_only:
                for table, col in rv.VERSIONED_TABLES.items():
                    keys += [(table, int(r[0])) for r in conn.query(
                        f"SELECT id FROM {table} WHERE {col} = ? ORDER BY id", (int(case_id),)  # noqa: S608
                    )]  # fmt: skip
            versioned = rv.versioned_rows_of_case(conn, case_id)
            versioned += bundle_versions.received_rows_of_case(conn, case_id)
        order = list(rv.VERSIONED_TABLES)
        listed = set(keys)
        for key in sorted(versioned, key=lambda k: (order.index(k[0]), k[1])):
            if key not in listed:
                keys.append(key)  # removed records keep their history
                listed.add(key)
        self._stages = {int(case_id): self.stage_names(int(case_id))} if self.stage_names else {}
        try:
            out = [self.record(t, r) for t, r in keys]
        finally:
            self._stages = {}
        if changed_only:
            out = [h for h in out if len(h.states) > 1 or h.removed is not None]
        return out

    def find(self, case_id: int, ref: str) -> RecordHistory:
        """``KIND:ID`` (``conversation:12``) or a bare id when only one record of the case has
        it; a record of another case is refused."""
        kind, _, num = ref.rpartition(":")
        if not num.isdigit():
            raise NotFound(
                f"'{ref}' is not a record; give it as kind:number, e.g. conversation:12."
            )
        candidates = [
            h for h in self.case_records(case_id) if h.row_id == int(num)
            and (not kind or KINDS.get(kind.strip().lower().replace(" ", "_")) == h.table)
        ]  # fmt: skip
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise NotFound(f"This case has no record {ref}.")
        options = ", ".join(h.ref for h in candidates)
        raise NotFound(f"'{ref}' could be {options}; say which.")

    # -- words ---------------------------------------------------------------------------------
    def _words_for(self, table: str, case_id: object):  # noqa: ANN202 - a (column, value) -> str
        stages = None
        if self.stage_names and case_id:
            key = int(str(case_id))
            stages = self._stages.get(key) or self.stage_names(key)
        names: dict[tuple[str, object], str] = {}
        conn = self.vault.conn
        if table == "cases":
            for oid, name in conn.query("SELECT id, name FROM officers"):
                names[("owner_id", oid)] = str(name)
            for eid, name in conn.query(
                "SELECT e.id, e.name FROM employees e JOIN cases c ON c.employee_id = e.id"
                " WHERE c.id = ?",
                (int(str(case_id)),),
            ):
                names[("employee_id", eid)] = str(name)

        def words(column: str, value: object) -> str:
            return hw.value_words(table, column, value, stages, names)

        return words

    @staticmethod
    def _title(table: str, values: dict[str, Any], words: Any) -> str:
        kind = hw.kind_of(table)
        for column in _TITLE_COLUMNS:
            if values.get(column):
                extra = f" v{values['version']}" if table == "coaching_plans" else ""
                sep = " " if column == "reference" else " on "
                return f"{kind}{extra}{sep}{words(column, values[column])}"
        return kind
