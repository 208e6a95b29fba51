"""The hash-chained audit log: every write appends one event in the same transaction.

An event stores a digest of the change, never the confidential text. Each event's hash covers
its own fields and the previous event's hash, and the ``meta`` table keeps the chain head, so
editing, deleting, inserting or reordering any one event with raw SQL breaks the walk.

Since schema 6 an event that names a record (a row of `record_hash.AUDITED_TABLES`) also
carries ``record_hash``, the canonical hash of that row as it stood when the event was written
(or ``deleted``), and its own hash covers it: the chain commits to the data, not only to itself.
Older events (``record_hash`` NULL) keep their original eight-field hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from app.vault.audit import record_hash as rh
from app.vault.connection import Connection, utc_now

GENESIS = "0" * 64


def canonical_json(value: object) -> str:
    """Stable JSON for hashing: sorted keys, no spaces, dates and enums as strings."""

    def default(o: object) -> object:
        if isinstance(o, datetime | date):
            return o.isoformat()
        if isinstance(o, Enum):
            return o.value
        if isinstance(o, set | frozenset | tuple):
            return list(o)
        raise TypeError(f"cannot hash {type(o).__name__}")

    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=default
    )


def digest_of(change: Mapping[str, object] | None) -> str:
    return hashlib.sha256(canonical_json(change or {}).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str
    officer: str
    action: str
    entity_type: str
    entity_id: str
    digest: str
    prev_hash: str
    hash: str
    record_hash: str | None = None

    def expected_hash(self) -> str:
        return event_hash(
            self.seq,
            self.at,
            self.officer,
            self.action,
            self.entity_type,
            self.entity_id,
            self.digest,
            self.prev_hash,
            self.record_hash,
        )


def event_hash(
    seq: int,
    at: str,
    officer: str,
    action: str,
    entity_type: str,
    entity_id: str,
    digest: str,
    prev_hash: str,
    record_hash: str | None = None,
) -> str:
    fields: list[object] = [seq, at, officer, action, entity_type, entity_id, digest, prev_hash]
    if record_hash is not None:
        fields.append(record_hash)
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


_COLS = "seq, at, officer, action, entity_type, entity_id, digest, prev_hash, hash, record_hash"


def record_hash_of(conn: Connection, entity_type: str, entity_id: str) -> str | None:
    """The hash an event about this entity carries: None when it names no audited record."""
    table = rh.table_for(entity_type)
    if table is None or not entity_id.isdigit():
        return None
    return rh.current_hash(conn.raw, table, entity_id)


def head(conn: Connection) -> tuple[int, str]:
    """(sequence, hash) of the newest event; (0, GENESIS) for an empty log."""
    row = conn.query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
    return (int(row[0][0]), str(row[0][1])) if row else (0, GENESIS)


def append(
    conn: Connection,
    officer: str,
    action: str,
    entity_type: str,
    entity_id: object,
    change: Mapping[str, object] | None = None,
) -> AuditEvent:
    """Append one event; call inside the transaction that makes the change (after it, so the
    record hash is the hash of the row as written)."""
    ent = "" if entity_id is None else str(entity_id)
    return append_many(
        conn, [(officer, action, entity_type, ent, digest_of(change), None)], lookup=True
    )[0]


def append_many(
    conn: Connection,
    items: list[tuple[str, str, str, str, str, str | None]],
    lookup: bool = False,
) -> list[AuditEvent]:
    """Append (officer, action, entity_type, entity_id, digest, record_hash) events in order,
    reading the head once (upgrades append one baseline event per record). With ``lookup``
    the record hash is read from the row itself."""
    if not conn.raw.in_transaction:
        raise RuntimeError("audit events are appended inside the write's transaction")
    has_record_hash = _has_record_hash(conn)
    seq, prev = head(conn)
    at = utc_now().isoformat().replace("+00:00", "Z")
    out: list[AuditEvent] = []
    for officer, action, entity_type, ent, dig, rec in items:
        seq += 1
        if lookup and has_record_hash:
            rec = record_hash_of(conn, entity_type, ent)
        h = event_hash(seq, at, officer, action, entity_type, ent, dig, prev, rec)
        out.append(AuditEvent(seq, at, officer, action, entity_type, ent, dig, prev, h, rec))
        prev = h
    if has_record_hash:
        conn.raw.executemany(
            f"INSERT INTO audit_events({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [tuple(vars_of(e)) for e in out],
        )
    else:  # a vault below schema 6, written by the migration tests
        conn.raw.executemany(
            f"INSERT INTO audit_events({_COLS.rsplit(',', 1)[0]}) VALUES (?,?,?,?,?,?,?,?,?)",
            [tuple(vars_of(e))[:9] for e in out],
        )
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('audit_head', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (f"{seq}:{prev}",),
    )
    return out


def vars_of(ev: AuditEvent) -> list[object]:
    return [
        ev.seq,
        ev.at,
        ev.officer,
        ev.action,
        ev.entity_type,
        ev.entity_id,
        ev.digest,
        ev.prev_hash,
        ev.hash,
        ev.record_hash,
    ]


def _has_record_hash(conn: Connection) -> bool:
    return any(r[1] == "record_hash" for r in conn.query("PRAGMA table_info(audit_events)"))


def events(
    conn: Connection,
    entity_type: str | None = None,
    entity_id: object | None = None,
    limit: int | None = None,
) -> list[AuditEvent]:
    sql = f"SELECT {_select(conn)} FROM audit_events"
    params: list[object] = []
    if entity_type is not None:
        sql += " WHERE entity_type = ?"
        params.append(entity_type)
        if entity_id is not None:
            sql += " AND entity_id = ?"
            params.append(str(entity_id))
    sql += " ORDER BY seq"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [AuditEvent(*row) for row in conn.query(sql, tuple(params))]


def _select(conn: Connection) -> str:
    return _COLS if _has_record_hash(conn) else _COLS.rsplit(",", 1)[0]


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_broken: int | None = None
    problem: str = ""
    head_hash: str = GENESIS

    def __str__(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.events} events, head {self.head_hash[:16]}."
        return f"Audit chain broken at event {self.first_broken}: {self.problem}"


def verify_chain(conn: Connection) -> ChainReport:
    """Walk every event in order; name the first one that does not follow from the last."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    cur = conn.execute(f"SELECT {_select(conn)} FROM audit_events ORDER BY seq")
    for row in cur.fetchall():
        ev = AuditEvent(*row)
        if ev.seq != expected_seq:
            return ChainReport(
                False,
                count,
                expected_seq,
                f"event {expected_seq} is missing (next found is {ev.seq})",
            )
        if ev.prev_hash != prev:
            return ChainReport(
                False,
                count,
                ev.seq,
                "it does not point to the event before it (reordered or inserted)",
            )
        if ev.hash != ev.expected_hash():
            return ChainReport(False, count, ev.seq, "its content was changed after it was written")
        prev = ev.hash
        expected_seq += 1
        count += 1
    stored = conn.scalar("SELECT value FROM meta WHERE key = 'audit_head'")
    expected_head = f"{count}:{prev}" if count else None
    if stored != expected_head:
        where = count + 1 if count else 1
        return ChainReport(
            False, count, where, "the newest events were removed (the chain head does not match)"
        )
    return ChainReport(True, count, head_hash=prev)
