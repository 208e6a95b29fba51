"""Write one fixture vault per past schema version into tests/fixtures/vaults/.

Run once whenever a new migration is added, for the version that was current before it:
`python tools/make_fixture_vaults.py VERSION`. Existing fixtures are never overwritten — they
stand for vaults real users already have. Each holds a few records written with the schema of
its version; `tests/unit/vault/test_migrations.py` opens every one with the current program.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app.domain.records import Officer
from app.vault import migrations
from app.vault.audit import audit_log
from app.vault.connection import Connection

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "vaults"
PASSPHRASE = (FOLDER / "PASSPHRASE").read_text().strip()

PEOPLE = [
    ("F0001", "Zoë Ångström", "Operations"),
    ("F0002", "Łukasz Żółć", "Finance"),
    ("F0003", "Иван Петров", "Logistics"),
    ("F0004", "李小龙", "Engineering"),
]


def make(version: int) -> Path:
    path = FOLDER / f"v{version}.casepath"
    if path.exists():
        raise SystemExit(f"{path} exists; fixtures are never rewritten")
    conn = Connection.create(path, PASSPHRASE)
    migrations.upgrade(conn, PASSPHRASE, target=version)
    with conn.transaction():
        conn.execute("INSERT INTO officers(name, role) VALUES ('Fixture Officer', 'hr_officer')")
        audit_log.append(conn, "Fixture Officer", "vault.create", "vault", "", {"v": version})
        for number, name, dept in PEOPLE:
            cur = conn.execute(
                "INSERT INTO employees(employee_number, name, department) VALUES (?,?,?)",
                (number, name, dept),
            )
            audit_log.append(
                conn, "Fixture Officer", "employee.add", "employee", cur.lastrowid, {"n": number}
            )
        cur = conn.execute(
            "INSERT INTO cases(reference, employee_id, owner_id, track, stage, status, opened_on,"
            " stage_entered_on, last_activity_on) VALUES ('C-2026-0001', 1, 1, 'standard',"
            " 'coaching', 'open', ?, ?, ?)",
            (date(2026, 2, 2).isoformat(),) * 3,
        )
        audit_log.append(conn, "Fixture Officer", "case.open", "case", cur.lastrowid, {})
        cur = conn.execute(
            "INSERT INTO conversations(uid, case_id, held_on, kind, summary, attendees,"
            " root_causes) VALUES ('fixture-conv-1', 1, '2026-02-03', 'coaching',"
            " 'Talked about workload', '[\"Zoë Ångström\"]', '[\"workload\"]')"
        )
        audit_log.append(
            conn, "Fixture Officer", "conversation.add", "conversation", cur.lastrowid, {}
        )
    assert Officer(name="Fixture Officer").validate().ok
    conn.close()
    return path


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(make(int(arg)))
