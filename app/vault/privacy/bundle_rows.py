"""The rows a handover bundle carries, read from one vault and written into another.

`collect` gathers, for each case, its row, every row of every case table (`case_tables`), the
employee and policy it points to, and every audit event about any of those rows. `write_cases`
writes them into the receiving vault with new ids: each reference is re-pointed (found from
the schema's foreign keys), the employee is matched by employee number or created, the policy
matched by its SHA-256 or stored, and the importing officer becomes the case's owner.
`check_against_events` proves, before anything is written, that every row is exactly what the
sender's audit chain last recorded for it. A case's earlier versions travel too
(`bundle_versions`), with the events that wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.vault.audit import record_hash as rh
from app.vault.audit.audit_log import AuditEvent
from app.vault.connection import Connection
from app.vault.privacy import bundle_versions
from app.vault.privacy.case_tables import (
    POLYMORPHIC,
    CaseTable,
    case_row,
    case_tables,
    insert_row,
    rows_of_case,
    typed,
    untyped,
)


class BundleRefused(ValueError):
    """The bundle cannot be imported as it is; the message says why and what to do."""


@dataclass
class Remap:
    """Old (sender) id -> new (receiver) id, per table."""

    ids: dict[tuple[str, int], int] = field(default_factory=dict)
    employees_matched: int = 0
    employees_created: int = 0

    def get(self, table: str, old: object) -> object:
        if old is None:
            return None
        try:
            return self.ids[(table, int(str(old)))]
        except (KeyError, ValueError):
            raise BundleRefused(
                f"The bundle's {table} reference {old} points to a record it does not carry; "
                "it was not imported."
            ) from None


def _table_dump(columns: tuple[str, ...], rows: list[tuple]) -> dict:
    return {"columns": list(columns), "rows": [[typed(v) for v in row] for row in rows]}


def _single(conn: Connection, table: str, row_id: object) -> dict:
    cur = conn.raw.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))  # noqa: S608
    cols = tuple(d[0] for d in cur.description)
    return _table_dump(cols, [tuple(cur.fetchone())])


def collect(conn: Connection, case_ids: list[int]) -> tuple[list[dict], list[dict], list[dict]]:
    """(cases, employees, policies) as typed dumps, with which rows of which table they hold."""
    tables = case_tables(conn)
    cases, employees, policies = [], [], []
    seen_emp: set[int] = set()
    seen_pol: set[int] = set()
    for cid in case_ids:
        cols, row = case_row(conn, cid)
        values = dict(zip(cols, row, strict=True))
        entry = {
            "reference": values["reference"],
            "case": _table_dump(cols, [row]),
            "tables": {},
        }
        for t in tables:
            found = rows_of_case(conn, t, cid)
            if found:
                entry["tables"][t.name] = _table_dump(t.columns, found)
        versions = bundle_versions.collect(conn, cid)
        if versions:  # a case never edited carries none (and the bundle stays as it was)
            entry["versions"] = versions
        cases.append(entry)
        if values["employee_id"] not in seen_emp:
            seen_emp.add(values["employee_id"])
            employees.append(_single(conn, "employees", values["employee_id"]))
        pid = values.get("policy_id")
        if pid is not None and pid not in seen_pol:
            seen_pol.add(pid)
            policies.append(_single(conn, "policies", pid))
    return cases, employees, policies


def _ids(dump: dict) -> list[str]:
    cols = dump["columns"]
    if "id" not in cols:
        return []
    k = cols.index("id")
    return [str(untyped(r[k])) for r in dump["rows"]]


def row_keys(cases: list[dict], employees: list[dict], policies: list[dict]) -> set[tuple]:
    """(table, id) of every row the bundle carries that the audit chain covers."""
    keys = {("employees", i) for d in employees for i in _ids(d)}
    keys |= {("policies", i) for d in policies for i in _ids(d)}
    for c in cases:
        keys |= {("cases", i) for i in _ids(c["case"])}
        for name, dump in c["tables"].items():
            if name in rh.AUDITED_TABLES:
                keys |= {(name, i) for i in _ids(dump)}
    return keys | bundle_versions.row_keys(cases)  # the events that wrote earlier versions


def events_about(conn: Connection, keys: set[tuple]) -> list[AuditEvent]:
    """Every event of the chain about one of these (table, id) rows, in chain order."""
    types = sorted({e for table, _ in keys for e in rh.entity_types_of(table)})
    marks = ",".join("?" * len(types))
    rows = conn.query(
        f"SELECT seq, at, officer, action, entity_type, entity_id, digest, prev_hash, hash,"
        f" record_hash FROM audit_events WHERE entity_type IN ({marks}) ORDER BY seq",  # noqa: S608
        tuple(types),
    )
    return [AuditEvent(*r) for r in rows if (rh.table_for(str(r[4])), str(r[5])) in keys]


def check_against_events(
    cases: list[dict], employees: list[dict], policies: list[dict], events: list[AuditEvent]
) -> None:
    """Every event hashes to itself, and every carried row is what its newest event says."""
    latest: dict[tuple, str] = {}
    for ev in sorted(events, key=lambda e: e.seq):
        if ev.hash != ev.expected_hash():
            raise BundleRefused(
                f"The bundle's audit event {ev.seq} does not match its own hash; the bundle "
                "was altered. Nothing was imported."
            )
        if ev.record_hash is not None:
            latest[(rh.table_for(ev.entity_type), ev.entity_id)] = ev.record_hash
    dumps: list[tuple[str, dict]] = [("employees", d) for d in employees]
    dumps += [("policies", d) for d in policies]
    for c in cases:
        dumps.append(("cases", c["case"]))
        dumps += [(n, d) for n, d in c["tables"].items() if n in rh.AUDITED_TABLES]
    for table, dump in dumps:
        cols = dump["columns"]
        for row in dump["rows"]:
            values = tuple(untyped(v) for v in row)
            key = (table, str(values[cols.index("id")]))
            if latest.get(key) != rh.row_hash(table, cols, values):
                raise BundleRefused(
                    f"The bundle's {table} row {key[1]} is not what the sender's audit chain "
                    "recorded for it; the bundle was altered or the sender's vault is damaged. "
                    "Nothing was imported."
                )


def _columns_here(conn: Connection, table: str) -> set[str]:
    return {str(r[1]) for r in conn.query(f"PRAGMA table_info({table})")}


def _values(conn: Connection, table: str, dump_cols: list[str], row: list) -> dict[str, object]:
    here = _columns_here(conn, table)
    if not here:
        raise BundleRefused(
            f"The bundle holds {table} records this version of Casepath does not know; "
            "update Casepath, then import it again."
        )
    extra = sorted(set(dump_cols) - here)
    if extra:
        raise BundleRefused(
            f"The bundle's {table} records have fields this version of Casepath does not know "
            f"({', '.join(extra)}); update Casepath, then import it again."
        )
    return {c: untyped(v) for c, v in zip(dump_cols, row, strict=True)}


def _employee(conn: Connection, dump: dict, remap: Remap) -> None:
    (row,) = dump["rows"]
    values = _values(conn, "employees", dump["columns"], row)
    old = values.pop("id")
    found = conn.scalar(
        "SELECT id FROM employees WHERE employee_number = ?", (values["employee_number"],)
    )
    if found is not None:
        remap.ids[("employees", int(old))] = int(found)
        remap.employees_matched += 1
        return
    remap.ids[("employees", int(old))] = insert_row(
        conn, "employees", list(values), list(values.values())
    )
    remap.employees_created += 1


def _policy(conn: Connection, dump: dict, remap: Remap) -> None:
    (row,) = dump["rows"]
    values = _values(conn, "policies", dump["columns"], row)
    old = values.pop("id")
    found = conn.scalar("SELECT id FROM policies WHERE sha256 = ?", (values["sha256"],))
    if found is None:
        found = insert_row(conn, "policies", list(values), list(values.values()))
    remap.ids[("policies", int(old))] = int(found)


def write_cases(
    conn: Connection,
    cases: list[dict],
    employees: list[dict],
    policies: list[dict],
    owner_id: int,
) -> tuple[list[tuple[int, str]], Remap]:
    """Write every case with its records; inside the import's write. Returns (id, reference)."""
    remap = Remap()
    for d in employees:
        _employee(conn, d, remap)
    for d in policies:
        _policy(conn, d, remap)
    tables = {t.name: t for t in case_tables(conn)}
    out: list[tuple[int, str]] = []
    for c in cases:
        (row,) = c["case"]["rows"]
        values = _values(conn, "cases", c["case"]["columns"], row)
        old = int(values.pop("id"))
        values["employee_id"] = remap.get("employees", values["employee_id"])
        values["owner_id"] = owner_id  # the receiving officer takes the case over
        if values.get("policy_id") is not None:
            values["policy_id"] = remap.get("policies", values["policy_id"])
        new = insert_row(conn, "cases", list(values), list(values.values()))
        remap.ids[("cases", old)] = new
        out.append((new, str(values["reference"])))
        unknown = sorted(set(c["tables"]) - set(tables))
        if unknown:
            raise BundleRefused(
                f"The bundle holds records this version of Casepath does not know "
                f"({', '.join(unknown)}); update Casepath, then import it again."
            )
        for name, table in tables.items():
            if name in c["tables"]:
                _write_table(conn, table, c["tables"][name], new, owner_id, remap)
    return out, remap


def _write_table(
    conn: Connection, table: CaseTable, dump: dict, case_id: int, owner_id: int, remap: Remap
) -> None:
    refs = dict(table.references)
    poly = POLYMORPHIC.get(table.name, {})
    for row in dump["rows"]:
        values = _values(conn, table.name, dump["columns"], row)
        old = values.pop("id", None) if table.has_id else None
        values["case_id"] = case_id
        for col, target in refs.items():
            if col not in values or values[col] is None:
                continue
            if target == "cases":
                values[col] = case_id
            elif target == "officers":
                values[col] = owner_id
            else:
                values[col] = remap.get(target, values[col])
        for col, (kind_col, kinds) in poly.items():
            target = kinds.get(str(values.get(kind_col)))
            if target is None:
                raise BundleRefused(f"The bundle's {table.name} record has an unknown owner.")
            values[col] = remap.get(target, values[col])
        new = insert_row(conn, table.name, list(values), list(values.values()))
        if old is not None:
            remap.ids[(table.name, int(old))] = new
