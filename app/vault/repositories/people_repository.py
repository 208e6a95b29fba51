"""Employees and officers: rows to records and back. SQL stays in app/vault."""

from __future__ import annotations

from dataclasses import replace

from sqlcipher3 import dbapi2

from app.domain.records import Employee, Officer, Role
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.rows import d2s, s2d

_EMP_COLS = "id, employee_number, name, job_title, department, manager, start_date, email"


def _employee(row: tuple) -> Employee:
    return Employee(
        id=row[0],
        employee_number=row[1],
        name=row[2],
        job_title=row[3],
        department=row[4],
        manager=row[5],
        start_date=s2d(row[6]),
        email=row[7],
    )


class EmployeeRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, emp: Employee) -> Employee:
        try:
            cur = self.conn.execute(
                "INSERT INTO employees(employee_number, name, job_title, department, manager,"
                " start_date, email) VALUES (?,?,?,?,?,?,?)",
                (
                    emp.employee_number,
                    emp.name,
                    emp.job_title,
                    emp.department,
                    emp.manager,
                    d2s(emp.start_date),
                    emp.email,
                ),
            )
        except dbapi2.IntegrityError:
            raise IntegrityError(
                f"Employee number {emp.employee_number} is already in the vault."
            ) from None
        return replace(emp, id=cur.lastrowid)

    def update(self, emp: Employee) -> Employee:
        if emp.id is None:
            raise NotFound("Cannot update an employee that was never saved.")
        try:
            cur = self.conn.execute(
                "UPDATE employees SET employee_number=?, name=?, job_title=?, department=?,"
                " manager=?, start_date=?, email=? WHERE id=?",
                (
                    emp.employee_number,
                    emp.name,
                    emp.job_title,
                    emp.department,
                    emp.manager,
                    d2s(emp.start_date),
                    emp.email,
                    emp.id,
                ),
            )
        except dbapi2.IntegrityError:
            raise IntegrityError(
                f"Employee number {emp.employee_number} belongs to someone else."
            ) from None
        if cur.rowcount != 1:
            raise NotFound(f"No employee with id {emp.id}.")
        return emp

    def get(self, employee_id: int) -> Employee:
        rows = self.conn.query(f"SELECT {_EMP_COLS} FROM employees WHERE id = ?", (employee_id,))
        if not rows:
            raise NotFound(f"No employee with id {employee_id}.")
        return _employee(rows[0])

    def by_number(self, number: str) -> Employee | None:
        rows = self.conn.query(
            f"SELECT {_EMP_COLS} FROM employees WHERE employee_number = ?", (number,)
        )
        return _employee(rows[0]) if rows else None

    def all(self) -> list[Employee]:
        return [
            _employee(r)
            for r in self.conn.query(f"SELECT {_EMP_COLS} FROM employees ORDER BY name, id")
        ]

    def departments(self) -> list[str]:
        return [
            r[0] for r in self.conn.query("SELECT DISTINCT department FROM employees ORDER BY 1")
        ]


class OfficerRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, officer: Officer) -> Officer:
        cur = self.conn.execute(
            "INSERT INTO officers(name, email, role) VALUES (?,?,?)",
            (officer.name, officer.email, officer.role.value),
        )
        return replace(officer, id=cur.lastrowid)

    def get(self, officer_id: int) -> Officer:
        rows = self.conn.query(
            "SELECT id, name, email, role FROM officers WHERE id = ?", (officer_id,)
        )
        if not rows:
            raise NotFound(f"No officer with id {officer_id}.")
        r = rows[0]
        return Officer(id=r[0], name=r[1], email=r[2], role=Role(r[3]))

    def all(self) -> list[Officer]:
        return [
            Officer(id=r[0], name=r[1], email=r[2], role=Role(r[3]))
            for r in self.conn.query("SELECT id, name, email, role FROM officers ORDER BY id")
        ]

    def active(self) -> list[Officer]:
        """Officers who may act (not retired), oldest first; before schema 6 everyone."""
        cols = {r[1] for r in self.conn.query("PRAGMA table_info(officers)")}
        if "retired_on" not in cols:
            return self.all()
        retired = {
            r[0] for r in self.conn.query("SELECT id FROM officers WHERE retired_on IS NOT NULL")
        }
        return [o for o in self.all() if o.id not in retired]

    def retired_on(self, officer_id: int) -> str | None:
        return self.conn.scalar("SELECT retired_on FROM officers WHERE id = ?", (officer_id,))

    def retire(self, officer_id: int, on: str) -> None:
        self.conn.execute("UPDATE officers SET retired_on = ? WHERE id = ?", (on, officer_id))

    def by_name(self, name: str) -> Officer | None:
        for o in self.all():
            if o.name == name:
                return o
        return None
