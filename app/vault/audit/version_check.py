"""Checking the earlier versions of records against the audit chain.

Each stored version must carry the record hash of the event that wrote it (``event_seq``),
an event about the same row. And every change the chain shows — an event about a row whose
record hash differs from the one before it, recorded after versioning began — must have kept
the version it replaced, unless that row's history was erased with its case. So an edited,
forged or deleted version is reported by its id and the record it belongs to, never its text.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.vault.audit import record_hash as rh
from app.vault.audit import record_versions as rv
from app.vault.connection import Connection

BASELINE_ACTIONS = frozenset({"record.baseline"})  # an upgrade re-hashing a row is no change


@dataclass(frozen=True)
class VersionProblem:
    version: int | None  # the record_versions row, when the problem is with one
    table: str
    row_id: str
    event: int | None
    problem: str

    def __str__(self) -> str:
        who = f"version {self.version} of " if self.version is not None else ""
        tail = f" (event {self.event})" if self.event else ""
        return f"{who}{self.table} row {self.row_id}: {self.problem}{tail}"


def _events(conn: Connection) -> dict[tuple[str, str], list[tuple[int, str, str]]]:
    """(table, row id) -> [(seq, action, record hash)] of the events that carried one."""
    out: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for seq, action, etype, eid, rec in conn.raw.execute(
        "SELECT seq, action, entity_type, entity_id, record_hash FROM audit_events"
        " WHERE record_hash IS NOT NULL ORDER BY seq"
    ):
        table = rh.table_for(etype)
        if table in rv.VERSIONED_TABLES:
            out.setdefault((table, str(eid)), []).append((int(seq), str(action), str(rec)))
    return out


def count_versions(conn: Connection) -> int:
    return int(conn.scalar("SELECT count(*) FROM record_versions")) if rv.has_versions(conn) else 0


def verify_versions(conn: Connection) -> list[VersionProblem]:
    """Every version that does not match its event, and every change whose version is gone."""
    if not rv.has_versions(conn):
        return []
    events = _events(conn)
    since = rv.beginning(conn)
    erased = rv.erased_rows(conn)
    problems: list[VersionProblem] = []
    kept: dict[tuple[str, str], set[int]] = {}
    for v in rv.all_versions(conn):
        key = (v.table, str(v.row_id))
        by_seq = {seq: rec for seq, _a, rec in events.get(key, [])}
        try:
            h = v.hash() if v.table in rv.VERSIONED_TABLES else None
        except (ValueError, TypeError, KeyError):
            h = None
        if v.event_seq not in by_seq:
            problems.append(
                VersionProblem(v.id, *key, v.event_seq, "names no audit event of this record")
            )
        elif h != by_seq[v.event_seq]:
            problems.append(
                VersionProblem(v.id, *key, v.event_seq, "does not match the event that wrote it")
            )
        else:
            kept.setdefault(key, set()).add(v.event_seq)
    for key, evs in sorted(events.items()):
        if key in erased and rv.current_row(conn, key[0], int(key[1])) is None:
            continue
        have = kept.get(key, set())
        run: list[int] = []  # seqs of the events that carried the current run's hash
        for (seq, _a, rec), (nseq, naction, nrec) in zip(evs, evs[1:], strict=False):
            run.append(seq)
            if nrec == rec:
                continue
            needed = rec != rh.DELETED and nseq > since and naction not in BASELINE_ACTIONS
            if needed and not have.intersection(run):
                problems.append(
                    VersionProblem(None, *key, seq, f"the version replaced at event {nseq} is gone")
                )
            run = []
    return problems
