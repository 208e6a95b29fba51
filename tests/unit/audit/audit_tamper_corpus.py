"""Tampering a vault the way someone holding the passphrase could: raw SQL on their own
connection (no Casepath code, no TEMP triggers), the audit log's guard triggers dropped first.

Each kind is a function of the tamperer's connection returning what the verify report must name
(``"<table> row <id>"`` or ``"event <seq>"``), and whether it needs a receipt kept outside the
vault to be caught. Shared by tests/unit/audit/test_audit_tampering.py and
bench/audit_tamper_figures.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import sqlcipher3

from app.vault.audit import audit_log
from app.vault.audit import record_hash as rh
from app.vault.audit import record_versions as rv


def tamperer(path, passphrase: str):
    """The tamperer's own connection, every guard and history trigger dropped: their edits
    keep no earlier version and they may rewrite the versions themselves."""
    raw = sqlcipher3.connect(str(path), isolation_level=None)
    raw.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
    raw.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    raw.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    for (name,) in raw.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'record_versions%'"
    ).fetchall():
        raw.execute(f"DROP TRIGGER {name}")
    return raw


def first_id(raw, table: str, where: str = "1") -> int:
    return raw.execute(f"SELECT min(id) FROM {table} WHERE {where}").fetchone()[0]


@dataclass(frozen=True)
class Tamper:
    name: str
    make: Callable[[object], str]  # does the tampering, returns what the report must name
    needs_receipt: bool = False


def _edit(table: str, assignment: str) -> Callable[[object], str]:
    def make(raw) -> str:
        row = first_id(raw, table)
        raw.execute(f"UPDATE {table} SET {assignment} WHERE id = ?", (row,))
        return f"{table} row {row}"

    return make


def _insert_copy(table: str) -> Callable[[object], str]:
    def make(raw) -> str:
        cols = [r[1] for r in raw.execute(f"PRAGMA table_info({table})")]
        new = raw.execute(f"SELECT max(id) + 1 FROM {table}").fetchone()[0]
        picks = [str(new) if c == "id" else ("'forged-' || uid" if c == "uid" else c) for c in cols]
        if table == "employees":
            picks = [
                "'E9' || employee_number" if c == "employee_number" else p
                for c, p in zip(cols, picks, strict=True)
            ]
        src = first_id(raw, table)
        raw.execute(
            f"INSERT INTO {table}({','.join(cols)}) SELECT {','.join(picks)} FROM {table}"
            f" WHERE id = {src}"
        )
        return f"{table} row {new}"

    return make


def _delete(table: str, where: str = "1") -> Callable[[object], str]:
    def make(raw) -> str:
        row = first_id(raw, table, where)
        raw.execute(f"DELETE FROM {table} WHERE id = ?", (row,))
        return f"{table} row {row}"

    return make


def _event_of(raw, table: str, row: int) -> int:
    types = rh.entity_types_of(table)
    return raw.execute(
        f"SELECT max(seq) FROM audit_events WHERE entity_type IN ({','.join('?' * len(types))})"
        " AND entity_id = ? AND record_hash IS NOT NULL",
        (*types, str(row)),
    ).fetchone()[0]


def _middle(raw) -> int:
    return raw.execute("SELECT max(seq) / 2 FROM audit_events").fetchone()[0]


def delete_event(raw) -> str:
    seq = _middle(raw)
    raw.execute("DELETE FROM audit_events WHERE seq = ?", (seq,))
    return f"event {seq}"


def reorder_events(raw) -> str:
    seq = _middle(raw)
    cols = "at, officer, action, entity_type, entity_id, digest, prev_hash, hash, record_hash"
    a, b = (
        raw.execute(f"SELECT {cols} FROM audit_events WHERE seq = ?", (s,)).fetchone()
        for s in (seq, seq + 1)
    )
    marks = ",".join("?" * 9)
    raw.execute(f"UPDATE audit_events SET ({cols}) = ({marks}) WHERE seq = ?", (*b, seq))
    raw.execute(f"UPDATE audit_events SET ({cols}) = ({marks}) WHERE seq = ?", (*a, seq + 1))
    return f"event {seq}"


def _edit_event(column: str, value: str) -> Callable[[object], str]:
    def make(raw) -> str:
        seq = _middle(raw)
        raw.execute(f"UPDATE audit_events SET {column} = ? WHERE seq = ?", (value, seq))
        return f"event {seq}"

    return make


def insert_event(raw) -> str:
    """A forged, well-hashed event slipped in the middle, later ones renumbered."""
    seq = _middle(raw)
    raw.execute("UPDATE audit_events SET seq = -seq - 1 WHERE seq > ?", (seq,))
    raw.execute("UPDATE audit_events SET seq = -seq WHERE seq < 0")
    prev = raw.execute("SELECT hash FROM audit_events WHERE seq = ?", (seq,)).fetchone()[0]
    at = "2026-01-01T00:00:00Z"
    dig = audit_log.digest_of({})
    h = audit_log.event_hash(seq + 1, at, "Forger", "case.close", "case", "1", dig, prev)
    raw.execute(
        "INSERT INTO audit_events(seq, at, officer, action, entity_type, entity_id, digest,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)",
        (seq + 1, at, "Forger", "case.close", "case", "1", dig, prev, h),
    )
    return f"event {seq + 2}"


def _fix_head(raw) -> None:
    seq, h = raw.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    raw.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{seq}:{h}",))


def truncate_with_head_fixed(raw) -> str:
    """Remove the newest record write and everything after it, then fix the stored head."""
    seq = raw.execute(
        "SELECT max(seq) FROM audit_events WHERE action = 'conversation.add'"
    ).fetchone()[0]
    row = raw.execute("SELECT entity_id FROM audit_events WHERE seq = ?", (seq,)).fetchone()[0]
    raw.execute("DELETE FROM audit_events WHERE seq >= ?", (seq,))
    _fix_head(raw)
    return f"conversations row {row}"


def truncate_quiet_events(raw) -> str:
    """Remove only the newest events that name no record (the receipt's own event)."""
    last = raw.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    raw.execute("DELETE FROM audit_events WHERE seq = ?", (last,))
    _fix_head(raw)
    return f"event {last}"


def _rehash_from(raw, start: int) -> None:
    prev = raw.execute("SELECT hash FROM audit_events WHERE seq = ?", (start - 1,)).fetchone()
    prev = prev[0] if prev else audit_log.GENESIS
    rows = raw.execute(
        "SELECT seq, at, officer, action, entity_type, entity_id, digest, record_hash"
        " FROM audit_events WHERE seq >= ? ORDER BY seq",
        (start,),
    ).fetchall()
    for seq, at, officer, action, etype, eid, dig, rec in rows:
        h = audit_log.event_hash(seq, at, officer, action, etype, eid, dig, prev, rec)
        raw.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, seq))
        prev = h
    _fix_head(raw)


def rehash_after_edit(raw) -> str:
    """Edit a conversation, put its new hash in its event and re-hash the chain to the end."""
    row = first_id(raw, "conversations")
    raw.execute("UPDATE conversations SET summary = summary || '.' WHERE id = ?", (row,))
    cur = raw.execute("SELECT * FROM conversations WHERE id = ?", (row,))
    new = rh.row_hash("conversations", [d[0] for d in cur.description], tuple(cur.fetchone()))
    seq = _event_of(raw, "conversations", row)
    raw.execute("UPDATE audit_events SET record_hash = ? WHERE seq = ?", (new, seq))
    _rehash_from(raw, seq)
    return "event"


def rehash_after_delete(raw) -> str:
    """Delete an observation and its events, renumber, re-hash: a chain with no gap."""
    row = first_id(
        raw,
        "observations",
        "id NOT IN (SELECT owner_id FROM attachments WHERE owner_type = 'observation')",
    )
    types = rh.entity_types_of("observations")
    seqs = [
        r[0]
        for r in raw.execute(
            f"SELECT seq FROM audit_events WHERE entity_type IN ({','.join('?' * len(types))})"
            " AND entity_id = ? ORDER BY seq",
            (*types, str(row)),
        )
    ]
    raw.execute("DELETE FROM observations WHERE id = ?", (row,))
    raw.execute("DELETE FROM record_versions WHERE tbl = 'observations' AND row_id = ?", (row,))
    for s in reversed(seqs):
        raw.execute("DELETE FROM audit_events WHERE seq = ?", (s,))
        raw.execute("UPDATE audit_events SET seq = -(seq - 1) WHERE seq > ?", (s,))
        raw.execute("UPDATE audit_events SET seq = -seq WHERE seq < 0")
        raw.execute(
            "UPDATE record_versions SET event_seq = event_seq - 1 WHERE event_seq > ?", (s,)
        )
    _rehash_from(raw, seqs[0])
    return "event"


# -- earlier versions (record_versions) --------------------------------------------------------
def edit_a_conversation(services) -> None:
    """An officer's correction, so the vault holds an earlier version of a conversation."""
    from dataclasses import replace

    case = next(c for c in services.cases.all() if c.status.value == "open")
    conv = services.cases.conversations(case.id)[0]
    services.cases.update(replace(conv, summary=conv.summary + " Corrected."))


def _version(raw, table: str = "conversations") -> tuple[int, int, int]:
    """(version id, row id, event) of the first kept version of a ``table`` row."""
    return raw.execute(
        "SELECT id, row_id, event_seq FROM record_versions WHERE tbl = ? ORDER BY id LIMIT 1",
        (table,),
    ).fetchone()


def _edit_version(table: str) -> Callable[[object], str]:
    def make(raw) -> str:
        vid, row, _ = _version(raw, table)
        data = json.loads(
            raw.execute("SELECT row_json FROM record_versions WHERE id = ?", (vid,)).fetchone()[0]
        )
        column = next(c for c, (kind, _v) in data.items() if kind == "text" and c != "uid")
        data[column] = ["text", data[column][1] + " (edited)"]
        raw.execute(
            "UPDATE record_versions SET row_json = ? WHERE id = ?",
            (json.dumps(data, ensure_ascii=False), vid),
        )
        return f"version {vid} of {table} row {row}"

    return make


def delete_version(raw) -> str:
    vid, row, _ = _version(raw)
    raw.execute("DELETE FROM record_versions WHERE id = ?", (vid,))
    return f"conversations row {row}: the version replaced"


def delete_version_and_move_the_mark(raw) -> str:
    """Delete a version and claim in meta that versions were only kept after it."""
    vid, row, _ = _version(raw)
    raw.execute("DELETE FROM record_versions WHERE id = ?", (vid,))
    raw.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('record_versions_from',"
        " (SELECT max(seq) FROM audit_events))"
    )
    return f"conversations row {row}: the version replaced"


def insert_forged_version(raw) -> str:
    """A made-up earlier text for a record, pinned to a real event about it."""
    vid, row, seq = _version(raw)
    raw.execute(
        "INSERT INTO record_versions(tbl, row_id, case_id, event_seq, replaced_at, change,"
        " row_json) SELECT tbl, row_id, case_id, event_seq, replaced_at, change,"
        " json_set(row_json, '$.summary[1]', 'Never said that.') FROM record_versions"
        " WHERE id = ?",
        (vid,),
    )
    new = raw.execute("SELECT max(id) FROM record_versions").fetchone()[0]
    return f"version {new} of conversations row {row}"


def repoint_version(raw) -> str:
    """A version moved to another event (as if written earlier or by someone else)."""
    vid, row, seq = _version(raw)
    raw.execute("UPDATE record_versions SET event_seq = event_seq - 1 WHERE id = ?", (vid,))
    return f"version {vid} of conversations row {row}"


def move_version(raw) -> str:
    """A version handed to another record of the same kind."""
    vid, row, _ = _version(raw)
    other = raw.execute("SELECT max(id) FROM conversations").fetchone()[0]
    raw.execute("UPDATE record_versions SET row_id = ? WHERE id = ?", (other, vid))
    return f"version {vid} of conversations row {other}"


def rehash_after_version_edit(raw) -> str:
    """Rewrite an earlier version, put its hash in the event that wrote it, re-hash the chain."""
    vid, row, seq = _version(raw)
    data = json.loads(
        raw.execute("SELECT row_json FROM record_versions WHERE id = ?", (vid,)).fetchone()[0]
    )
    data["summary"] = ["text", "Never said that."]
    raw.execute("UPDATE record_versions SET row_json = ? WHERE id = ?", (json.dumps(data), vid))
    values = rv.decode(json.dumps(data))
    new = rh.row_hash("conversations", list(values), tuple(values.values()))
    raw.execute("UPDATE audit_events SET record_hash = ? WHERE seq = ?", (new, seq))
    _rehash_from(raw, seq)
    return "event"


VERSION_EDITS = ("conversations", "cases", "coaching_plans", "reviews")

EDITS = {
    "officers": "email = 'x@example.org'",
    "employees": "name = name || 'x'",
    "cases": "reference = reference || 'x'",
    "conversations": "summary = summary || ' (edited)'",
    "indicators": "note = note || 'x'",
    "observations": "body = 'Never said that.'",
    "decisions": "rationale = rationale || 'x'",
    "stage_changes": "reason = reason || 'x'",
    "policies": "name = name || 'x'",
    "approvals": "note = note || 'x'",
    "case_exceptions": "reason = reason || 'x'",
    "coaching_plans": "manager = manager || 'x'",
    "plan_progress": "note = note || 'x'",
    "reviews": "location = location || 'x'",
    "review_outcomes": "summary = summary || 'x'",
    "packs": "created_by = 'Someone Else'",
    "attachments": "content = content || x'00'",
}

CORPUS: list[Tamper] = (
    [Tamper(f"edit {t}", _edit(t, a)) for t, a in EDITS.items()]
    + [
        Tamper("edit a case's stage (integer-free text column)", _edit("cases", "stage = 'x'")),
        Tamper("edit an indicator's number", _edit("indicators", "expected = 12345.5")),
    ]
    + [
        Tamper(f"insert into {t}", _insert_copy(t))
        for t in ("conversations", "indicators", "observations", "decisions", "employees")
    ]
    + [
        Tamper("delete a conversation", _delete("conversations")),
        Tamper("delete an observation", _delete("observations")),
        Tamper("delete a decision", _delete("decisions")),
        Tamper("delete a stage change", _delete("stage_changes")),
        Tamper("delete an attachment", _delete("attachments")),
        Tamper("delete a case (cascades)", _delete("cases")),
        Tamper(
            "delete an employee with no case",
            _delete("employees", "id NOT IN (SELECT employee_id FROM cases)"),
        ),
        Tamper("delete an event", delete_event),
        Tamper("reorder two events", reorder_events),
        Tamper("edit an event's officer", _edit_event("officer", "Someone Else")),
        Tamper("edit an event's action", _edit_event("action", "case.close")),
        Tamper("edit an event's record hash", _edit_event("record_hash", "0" * 64)),
        Tamper("insert a forged event", insert_event),
        Tamper("truncate the newest events, head fixed", truncate_with_head_fixed),
        Tamper(
            "truncate the newest (recordless) events, head fixed",
            truncate_quiet_events,
            needs_receipt=True,
        ),
        Tamper("edit a record and re-hash the whole chain", rehash_after_edit, needs_receipt=True),
        Tamper(
            "delete a record with its events and re-hash the whole chain",
            rehash_after_delete,
            needs_receipt=True,
        ),
    ]
    + [Tamper(f"edit an earlier version of {t}", _edit_version(t)) for t in VERSION_EDITS]
    + [
        Tamper("delete an earlier version", delete_version),
        Tamper(
            "delete a version, move the start of history past it", delete_version_and_move_the_mark
        ),
        Tamper("insert a forged earlier version", insert_forged_version),
        Tamper("point a version at another event", repoint_version),
        Tamper("move a version to another record", move_version),
        Tamper(
            "rewrite an earlier version and re-hash the whole chain",
            rehash_after_version_edit,
            needs_receipt=True,
        ),
    ]
)
