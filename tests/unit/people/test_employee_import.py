"""CSV import of employees: reading HRIS exports, mapping columns, the report, writing."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.people.employee_import import (
    CsvImportError,
    ImportMode,
    RowAction,
    detect_day_first,
    existing_by_number,
    guess_mapping,
    parse_date,
    parse_mapping_options,
    plan_import,
    read_csv,
    run_import,
)
from tests.factories import employee

GOOD = (
    "Employee ID,Full Name,Job Title,Department,Line Manager,Hire Date,Work Email\n"
    "E2001,Zoë Ångström,Analyst,Operations,Ola Nordmann,2021-04-01,zoe@example.org\n"
    "E2002,Łukasz Żółć,Engineer,Engineering,Kari Nordmann,2019-11-15,\n"
    "E2003,李小龙,Designer,Design,,2022-01-10,li@example.org\n"
)


def plan_for(services, data: bytes, **kw):
    table = read_csv(data)
    mapping = kw.pop("mapping", None) or guess_mapping(table.headers)
    return plan_import(
        table, mapping, existing_by_number(services.employees), services.clock.today(), **kw
    )


def test_good_file_imports_every_row(services):
    plan = plan_for(services, GOOD.encode("utf-8"))
    assert plan.ok, plan.problems
    assert plan.count(RowAction.ADD) == 3
    result = run_import(services.employees, plan)
    assert (result.added, result.updated, result.skipped) == (3, 0, 0)
    stored = services.employees.by_number("E2002")
    assert stored.name == "Łukasz Żółć"
    assert stored.department == "Engineering"
    assert stored.manager == "Kari Nordmann"
    assert stored.start_date == date(2019, 11, 15)
    assert services.employees.by_number("E2003").email == "li@example.org"
    actions = [e.action for e in services.vault.audit_events("employee")]
    assert actions.count("employee.add") == 3


def test_guessed_mapping_uses_hris_synonyms():
    headers = (
        "Employee ID",
        "Full Name",
        "Job Title",
        "Department",
        "Line Manager",
        "Hire Date",
        "Work Email",
    )
    assert guess_mapping(headers) == {
        "employee_number": "Employee ID",
        "name": "Full Name",
        "job_title": "Job Title",
        "department": "Department",
        "manager": "Line Manager",
        "start_date": "Hire Date",
        "email": "Work Email",
    }


def test_bad_file_reports_row_column_problem_and_writes_nothing(services):
    bad = (
        b"Employee ID,Full Name,Department,Hire Date,Work Email\n"
        b"E3001,Ana Lima,Sales,2020-02-30,ana@example.org\n"  # no 30 February
        b"E3002,,Sales,2020-01-01,\n"  # no name
        b"E3003,Ben Ode,Sales,2020-01-01,not-an-address\n"
        b"E3004,Cy Two,,2020-01-01,\n"  # no department
        b"E3005,Dee Fine,Sales,2020-01-01,\n"
        b"E3005,Dee Twice,Sales,2020-01-01,\n"
    )
    plan = plan_for(services, bad)
    assert not plan.ok
    found = {(p.row, p.column) for p in plan.errors}
    assert (2, "Hire Date") in found
    assert (3, "Full Name") in found
    assert (4, "Work Email") in found
    assert (5, "Department") in found
    assert (6, "Employee ID") in found and (7, "Employee ID") in found
    assert "not a real date" in next(p.problem for p in plan.errors if p.row == 2)
    with pytest.raises(CsvImportError, match="Nothing was imported"):
        run_import(services.employees, plan, ImportMode.ALL_OR_NOTHING)
    assert services.employees.all() == []


def test_import_valid_rows_skips_the_bad_ones(services):
    data = b"number;name;department\nE1;Ana Lima;Sales\nE2;;Sales\nE3;Ben Ode;Sales\n"
    plan = plan_for(services, data)
    result = run_import(services.employees, plan, ImportMode.VALID_ROWS)
    assert (result.added, result.skipped) == (2, 1)
    assert sorted(e.employee_number for e in services.employees.all()) == ["E1", "E3"]


def test_second_import_updates_only_changed_people(services):
    services.employees.add(employee("E2001", "Zoë Ångström", department="Finance"))
    plan = plan_for(services, GOOD.encode())
    assert [r.action for r in plan.rows] == [RowAction.UPDATE, RowAction.ADD, RowAction.ADD]
    run_import(services.employees, plan)
    assert services.employees.by_number("E2001").department == "Operations"
    again = plan_for(services, GOOD.encode())
    assert {r.action for r in again.rows} == {RowAction.UNCHANGED}
    assert run_import(services.employees, again).added == 0


def test_update_keeps_fields_the_file_does_not_map(services):
    services.employees.add(employee("E2001", "Zoë Ångström", job_title="Lead analyst"))
    data = b"Employee ID,Full Name,Department\nE2001,Zoe Angstrom,Operations\n"
    run_import(services.employees, plan_for(services, data))
    stored = services.employees.by_number("E2001")
    assert (stored.name, stored.job_title) == ("Zoe Angstrom", "Lead analyst")


def test_a_blank_cell_never_wipes_what_is_stored(services):
    services.employees.add(
        employee("E2002", "Łukasz Żółć", email="lukasz@example.org", manager="Kari Nordmann")
    )
    # GOOD leaves E2002's e-mail empty; a blank manager cell for the same person too.
    data = GOOD.replace("Engineering,Kari Nordmann,2019-11-15,", "Engineering,,2019-11-15,")
    plan = plan_for(services, data.encode())
    run_import(services.employees, plan)
    stored = services.employees.by_number("E2002")
    assert (stored.email, stored.manager) == ("lukasz@example.org", "Kari Nordmann")
    assert stored.job_title == "Engineer"  # filled cells still update


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings_are_sniffed(encoding, services):
    text = "Emp No,Name,Dept\nE9,José Müller-Lüdenscheidt,Finanças\n"
    table = read_csv(text.encode(encoding))
    assert table.encoding == encoding
    assert table.rows[0][1] == "José Müller-Lüdenscheidt"
    assert table.rows[0][2] == "Finanças"


def test_cp1252_smart_quotes_and_euro():
    data = "Emp No,Name,Dept\nE9,O\u2019Brien \u20ac,Ops\n".encode("cp1252")
    table = read_csv(data)
    assert table.encoding == "cp1252"
    assert table.rows[0][1] == "O\u2019Brien \u20ac"


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(delimiter):
    text = (
        delimiter.join(["Emp No", "Name", "Dept"])
        + "\n"
        + delimiter.join(["E9", "Ana, Lima" if delimiter != "," else "Ana Lima", "Ops"])
        + "\n"
    )
    table = read_csv(text.encode())
    assert table.delimiter == delimiter
    assert table.headers == ("Emp No", "Name", "Dept")


def test_quoted_fields_with_delimiters_and_newlines():
    data = b'Emp No,Name,Dept\nE9,"Lima, Ana","Ops\nNorth"\nE10,Ben,Ops\n'
    table = read_csv(data)
    assert table.rows[0] == ("E9", "Lima, Ana", "Ops\nNorth")
    assert table.row_numbers == (3, 4)  # the spreadsheet row ends after the quoted newline


def test_explicit_mapping_and_first_last_name(services):
    data = b"Pers.Nr.;Vorname;Nachname;Abteilung;Eintritt\n17;Anna;Schmidt;Einkauf;31.03.2020\n"
    table = read_csv(data)
    mapping = parse_mapping_options(
        [
            "Pers.Nr.=employee_number",
            "Vorname=first_name",
            "Nachname=last_name",
            "Abteilung=department",
            "Eintritt=start-date",
        ],
        table.headers,
    )
    plan = plan_import(table, mapping, {}, services.clock.today())
    assert plan.ok, plan.problems
    emp = plan.rows[0].employee
    assert (emp.name, emp.department, emp.start_date) == (
        "Anna Schmidt",
        "Einkauf",
        date(2020, 3, 31),
    )


def test_mapping_errors_are_plain(services):
    table = read_csv(b"A,B\n1,2\n")
    plan = plan_import(table, {"employee_number": "A"}, {}, services.clock.today())
    assert not plan.ok
    text = " ".join(plan.mapping_errors)
    assert "department" in text and "name" in text
    with pytest.raises(CsvImportError, match="no column 'Nope'"):
        parse_mapping_options(["Nope=name"], table.headers)
    with pytest.raises(CsvImportError, match="not a field"):
        parse_mapping_options(["A=salary"], table.headers)
    with pytest.raises(CsvImportError, match="must look like"):
        parse_mapping_options(["A"], table.headers)
    with pytest.raises(CsvImportError, match="Nothing was imported"):
        run_import(services.employees, plan, ImportMode.VALID_ROWS)


def test_one_column_for_two_fields_is_refused():
    table = read_csv(b"A,B\n1,2\n")
    plan = plan_import(table, {"employee_number": "A", "name": "B", "department": "B"}, {})
    assert any("chosen for 2 fields" in m for m in plan.mapping_errors)


def test_dates_follow_the_column():
    assert detect_day_first(["01/02/2020", "31/12/2020"]) is True
    assert detect_day_first(["01/02/2020", "12/31/2020"]) is False
    assert detect_day_first(["01/02/2020"]) is None
    assert parse_date("01/02/2020", day_first=False) == date(2020, 1, 2)
    assert parse_date("1.2.20") == date(2020, 2, 1)
    assert parse_date("2020-02-01T00:00:00") == date(2020, 2, 1)
    with pytest.raises(ValueError, match="not a date"):
        parse_date("next Tuesday")


def test_us_dates_detected_over_whole_column(services):
    data = b"id,name,department,start date\n1,Ana,Ops,03/04/2020\n2,Ben,Ops,12/31/2019\n"
    plan = plan_for(services, data)
    assert plan.date_note.startswith("Dates read as month/day/year")
    assert plan.rows[0].employee.start_date == date(2020, 3, 4)


def test_unreadable_files_say_what_to_do():
    with pytest.raises(CsvImportError, match="empty"):
        read_csv(b"  \n")
    with pytest.raises(CsvImportError, match="binary"):
        read_csv(b"PK\x03\x04\x00\x00 excel file")
    with pytest.raises(CsvImportError, match="CSV UTF-8"):
        read_csv(b"id,name\n1,\x81\x8d\x8f\x90\xff\xfe\n")


def test_header_only_file_is_refused(services):
    plan = plan_for(services, b"Employee ID,Name,Department\n")
    assert not plan.ok
    assert "no employees" in " ".join(plan.mapping_errors)


def test_extra_values_on_a_row_are_reported(services):
    data = b"id,name,department\n1,Lima, Ana,Ops\n"
    plan = plan_for(services, data)
    assert any("unquoted delimiter" in p.problem for p in plan.errors)
