#!/usr/bin/env python3
"""Check a Casepath vault's audit trail without Casepath: only sqlcipher3 and the stdlib.

    CASEPATH_PASSPHRASE=... python3 verify_audit.py VAULT [--receipt receipt.json]

It checks, as docs/AUDIT.md describes: (1) the events form one unbroken hash chain ending at the
stored head; (2) every row of the audited tables hashes to the record hash carried by the newest
event about it, and every record an event wrote is still there unless an event deleted it;
(3) every earlier version of a case record (record_versions) hashes to the record hash of the
event that wrote it, and every change since versioning began kept the version it replaced;
(4) given a receipt, the event it names still has the hash written on it. It prints only table
names, row ids and event numbers. Exit status 0: all hold; 1: something does not; 2: cannot read.
"""

import argparse
import getpass
import hashlib
import json
import os
import sys

import sqlcipher3

# table -> the entity types events use for its rows (imports write some without underscores)
TABLES = {
    "officers": "officer", "employees": "employee", "cases": "case",
    "conversations": "conversation", "indicators": "indicator", "observations": "observation",
    "decisions": "decision", "stage_changes": "stage_change", "policies": "policy",
    "approvals": "approval", "case_exceptions": "case_exception",
    "coaching_plans": "coaching_plan", "plan_progress": "plan_progress", "reviews": "review",
    "review_outcomes": "review_outcome", "packs": "pack", "attachments": "attachment",
    "legal_holds": "legal_hold", "erasures": "erasure", "handovers": "handover",
    "handover_cases": "handover_case",
}  # fmt: skip
ENTITY = {e: t for t, e in TABLES.items()} | {e.replace("_", ""): t for t, e in TABLES.items()}
VERSIONED = set(TABLES) - {"officers", "employees", "policies", "packs", "attachments"}
EXCLUDED = {"cases": {"next_due_on", "last_activity_on"}}  # derived, refreshed without events
GENESIS = "0" * 64


def canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def typed(v):
    if v is None:
        return ["null", None]
    if isinstance(v, int):
        return ["integer", str(v)]
    if isinstance(v, float):
        return ["real", v.hex()]
    if isinstance(v, str):
        return ["text", v]
    return ["blob", hashlib.sha256(bytes(v)).hexdigest()]


def row_hash(table, columns, values) -> str:
    skip = EXCLUDED.get(table, ())
    row = {c: typed(v) for c, v in zip(columns, values, strict=True) if c not in skip}
    return hashlib.sha256(canonical({"table": table, "row": row})).hexdigest()


def check_chain(db, problems, history) -> dict:
    """Walk the events; return (table, id) -> (seq, record hash) of the newest about each, and
    fill ``history``: (table, id) -> [(seq, action, record hash)] of every event about it."""
    latest, prev, expected = {}, GENESIS, 1
    for ev in db.execute(
        "SELECT seq, at, officer, action, entity_type, entity_id, digest, prev_hash, hash,"
        " record_hash FROM audit_events ORDER BY seq"
    ):
        seq, rec = ev[0], ev[9]
        fields = list(ev[:8]) + ([rec] if rec is not None else [])
        if seq != expected:
            problems.append(f"event {expected} is missing")
        elif ev[7] != prev:
            problems.append(f"event {seq} does not follow the event before it")
        elif ev[8] != hashlib.sha256(canonical(fields)).hexdigest():
            problems.append(f"event {seq} was changed after it was written")
        if problems:
            return latest
        if rec is not None and ev[4] in ENTITY:
            latest[(ENTITY[ev[4]], ev[5])] = (seq, rec)
            history.setdefault((ENTITY[ev[4]], ev[5]), []).append((seq, ev[3], rec))
        prev, expected = ev[8], expected + 1
    apply_erasures(db, latest)
    head = db.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if (head[0] if head else None) != (f"{expected - 1}:{prev}" if expected > 1 else None):
        problems.append(f"the stored head does not match event {expected - 1}")
    return latest


def apply_erasures(db, latest) -> None:
    """Each (table, id) an erasure's row lists counts as deleted by its event (unless written
    again later); an edited list changes that row, which then differs from its event."""
    for row_id, seq in [(k[1], v[0]) for k, v in latest.items() if k[0] == "erasures"]:
        got = db.execute("SELECT erased FROM erasures WHERE id = ?", (row_id,)).fetchone()
        try:
            pairs = [(str(t), str(int(i))) for t, i in json.loads(got[0])] if got else []
        except (ValueError, TypeError):
            pairs = []
        for key in (k for k in pairs if latest.get(k, (0, ""))[0] < seq):
            latest[key] = (seq, "deleted")


def check_records(db, latest, problems) -> None:
    present = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in (t for t in TABLES if t in present):
        cur = db.execute(f"SELECT * FROM {table}")
        cols = [d[0] for d in cur.description]
        for values in cur:
            row_id = str(values[cols.index("id")])
            seq, rec = latest.pop((table, row_id), (None, None))
            if seq is None:
                problems.append(f"{table} row {row_id}: no event wrote it")
            elif rec != row_hash(table, cols, values):
                problems.append(f"{table} row {row_id}: differs from event {seq}")
    for (table, row_id), (seq, rec) in sorted(latest.items()):
        if rec != "deleted":
            problems.append(f"{table} row {row_id}: missing, written by event {seq}")


def decoded(pairs):
    kinds = {"null": lambda v: None, "integer": int, "real": float, "text": str,
             "blob": bytes.fromhex}  # fmt: skip
    return {c: kinds[k](v) for c, (k, v) in pairs.items()}


def check_versions(db, history, problems) -> None:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'record_versions'").fetchone():
        return
    kept = set()
    for vid, table, row_id, seq, text in db.execute(
        "SELECT id, tbl, row_id, event_seq, row_json FROM record_versions"
    ):
        events = {s: rec for s, _a, rec in history.get((table, str(row_id)), [])}
        try:
            values = decoded(json.loads(text))
            h = row_hash(table, list(values), list(values.values()))
        except (ValueError, TypeError, KeyError, AttributeError):
            h = None
        if events.get(seq) != h or h is None:
            problems.append(f"version {vid} of {table} row {row_id}: differs from event {seq}")
        else:
            kept.add((table, str(row_id), seq))
    since = db.execute("SELECT entity_id FROM audit_events WHERE action = 'record_versions.begin'"
                       " ORDER BY seq LIMIT 1").fetchone() or ("0",)  # fmt: skip
    erased = {(t, str(r)) for t, r in db.execute(
        "SELECT tbl, row_id FROM record_versions_erased e"
        " WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)")}  # fmt: skip
    for (table, row_id), evs in sorted(history.items()):
        gone = not db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (int(row_id),)).fetchone()
        if table not in VERSIONED or ((table, row_id) in erased and gone):
            continue
        run = []
        for (seq, _a, rec), (nseq, naction, nrec) in zip(evs, evs[1:], strict=False):
            run.append(seq)
            if nrec == rec:
                continue
            needed = rec != "deleted" and nseq > int(since[0]) and naction != "record.baseline"
            if needed and not any((table, row_id, s) in kept for s in run):
                problems.append(
                    f"{table} row {row_id}: the version replaced at event {nseq} is gone"
                )
            run = []


def check_receipt(db, receipt, problems) -> None:
    vault_id = db.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
    if receipt.get("vault_id") != (vault_id[0] if vault_id else None):
        problems.append("the receipt is for another vault")
        return
    got = db.execute("SELECT hash FROM audit_events WHERE seq = ?", (receipt["seq"],)).fetchone()
    if got is None or got[0] != receipt["head_hash"]:
        problems.append(f"event {receipt['seq']} does not have the hash on the receipt")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("vault")
    ap.add_argument("--receipt")
    args = ap.parse_args()
    passphrase = os.environ.get("CASEPATH_PASSPHRASE") or getpass.getpass("Passphrase: ")
    try:
        db = sqlcipher3.connect(f"file:{args.vault}?mode=ro", uri=True)
        db.execute("PRAGMA cipher_log_level = NONE")
        db.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        receipt = None
        if args.receipt:
            with open(args.receipt, encoding="utf-8") as fh:
                receipt = json.load(fh)
    except (sqlcipher3.DatabaseError, OSError, ValueError) as exc:
        print(f"cannot read: {exc}", file=sys.stderr)
        return 2
    problems: list[str] = []
    history: dict = {}
    latest = check_chain(db, problems, history)
    if not problems:
        check_records(db, latest, problems)
        check_versions(db, history, problems)
    if receipt is not None:
        check_receipt(db, receipt, problems)
    for line in problems:
        print(line)
    seq = db.execute("SELECT max(seq) FROM audit_events").fetchone()[0]
    print("OK: chain, records and versions hold" if not problems else f"{len(problems)} problem(s)",
          f"(events: {seq})")  # fmt: skip
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
