"""Sample exports in the shape of each HR system import correctly, without silent mistakes."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from app.services.people.employee_import import (
    CsvImportError,
    DateOrderNeeded,
    ImportMode,
    RowAction,
    existing_by_number,
    guess_mapping,
    parse_date,
    parse_mapping_options,
    plan_import,
    read_csv,
    run_import,
    unused_columns,
)
from app.services.people.import_profiles import ImportProfile, ProfileError, ProfileStore
from tests.factories import employee
from tests.hr_export_samples import SAMPLES, Sample


def _plan(services, sample: Sample, **options):
    table = read_csv(sample.data, options.get("encoding"))
    mapping = guess_mapping(table.headers)
    return plan_import(
        table,
        mapping,
        existing_by_number(services.employees),
        services.clock.today(),
        options.get("date_order"),
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_each_system_export_imports_correctly(services, sample):
    if sample.refused_without_options:
        refused = _plan(services, sample)
        assert not refused.ok
        assert sample.refused_without_options in refused.summary()
    plan = _plan(services, sample, **sample.options)
    assert plan.ok, (plan.summary(), [str(p) for p in plan.problems])
    assert plan.count(RowAction.ADD) == len(sample.expected)
    run_import(services.employees, plan)
    for number, fields in sample.expected.items():
        stored = services.employees.by_number(number)
        assert stored is not None, number
        for key, value in fields.items():
            assert getattr(stored, key) == value, (number, key)


def test_code_pages_are_detected():
    by_name = {s.name: s for s in SAMPLES}
    assert read_csv(by_name["personio.csv"].data).encoding == "cp1250"
    assert read_csv(by_name["sage_hr.csv"].data).encoding == "cp1251"
    assert read_csv(by_name["generic_excel.csv"].data).encoding == "cp1252"
    assert read_csv(by_name["workday.csv"].data).encoding == "utf-8-sig"
    assert read_csv(by_name["factorial.txt"].data).encoding == "utf-16"
    assert not read_csv(by_name["personio.csv"].data).encoding_uncertain


def test_sep_line_is_not_the_header():
    table = read_csv(next(s for s in SAMPLES if s.name == "generic_excel.csv").data)
    assert table.delimiter == ";"
    assert table.headers == ("Emp No.", "Name", "Dept", "Start")
    assert table.row_numbers == (3, 4)  # the spreadsheet's rows: sep= is row 1


def test_unknown_columns_are_listed_not_imported(services):
    hibob = next(s for s in SAMPLES if s.name == "hibob.csv")
    plan = _plan(services, hibob)
    assert plan.unused_columns == ["Lifecycle status"]
    assert any("Lifecycle status" in n for n in plan.notes())


def test_family_name_first_is_kept(services):
    workday = next(s for s in SAMPLES if s.name == "workday.csv")
    run_import(services.employees, _plan(services, workday))
    assert services.employees.by_number("21001").name == "Nagy Péter"
    assert services.employees.by_number("21002").name == "Yamada Taro"


# -- dates ---------------------------------------------------------------------------------
US_ALL_LOW = b"Employee ID,Name,Department,Hire Date\n1,Ana,Ops,03/04/2020\n2,Ben,Ops,12/01/2019\n"


def test_ambiguous_dates_stop_the_import_until_the_order_is_chosen(services):
    table = read_csv(US_ALL_LOW)
    mapping = guess_mapping(table.headers)
    plan = plan_import(table, mapping, {}, services.clock.today())
    assert not plan.ok and plan.date_stop
    assert "03/04/2020" in plan.date_stop and "--date-order" in plan.date_stop
    with pytest.raises(Exception, match="Nothing was imported"):
        run_import(services.employees, plan, ImportMode.VALID_ROWS)
    assert services.employees.all() == []
    us = plan_import(table, mapping, {}, services.clock.today(), "mdy")
    assert us.ok and us.rows[0].employee.start_date == date(2020, 3, 4)
    eu = plan_import(table, mapping, {}, services.clock.today(), "dmy")
    assert eu.rows[0].employee.start_date == date(2020, 4, 3)


def test_mixed_date_orders_in_one_column_stop_too(services):
    table = read_csv(b"id,name,department,start\n1,A,Ops,31/01/2020\n2,B,Ops,01/31/2020\n")
    plan = plan_import(table, guess_mapping(table.headers), {}, services.clock.today())
    assert "mix day/month and month/day" in plan.date_stop


def test_iso_serial_and_month_name_dates_need_no_choice():
    assert parse_date("2021-04-03", None) == date(2021, 4, 3)
    assert parse_date("2021-04-03 08:00:00", None) == date(2021, 4, 3)
    assert parse_date("44197", None) == date(2021, 1, 1)
    assert parse_date("44197.0", None) == date(2021, 1, 1)
    assert parse_date("3 März 2021", None) == date(2021, 3, 3)
    assert parse_date("Mar 3, 2021", None) == date(2021, 3, 3)
    assert parse_date("2021/04/03", None) == date(2021, 4, 3)
    assert parse_date("21/04/03", "ymd") == date(2021, 4, 3)
    with pytest.raises(DateOrderNeeded):
        parse_date("03/04/2021", None)
    with pytest.raises(ValueError, match="not a real date"):
        parse_date("31/02/2021", "dmy")


# -- names and re-import -------------------------------------------------------------------
def test_empty_preferred_name_leaves_the_name_alone(services):
    headers = ("Employee ID", "First Name", "Last Name", "Preferred Name", "Department")
    mapping = guess_mapping(headers)
    assert mapping["preferred_name"] == "Preferred Name" and "name" not in mapping
    table = read_csv(
        b"Employee ID,First Name,Last Name,Preferred Name,Department\n"
        b"1,Robert,Smith,,Ops\n2,Elizabeth,Jones,Liz,Ops\n3,Ann,Lee,Annie Lee-Wong,Ops\n"
    )
    plan = plan_import(table, guess_mapping(table.headers), {}, services.clock.today())
    names = [r.employee.name for r in plan.rows]
    assert names == ["Robert Smith", "Liz Jones", "Annie Lee-Wong"]


def test_nfd_names_are_stored_nfc(services):
    nfd = unicodedata.normalize("NFD", "Zoë Ångström")
    table = read_csv(f"Employee ID,Name,Department\n1,{nfd},Ops\n".encode())
    plan = plan_import(table, guess_mapping(table.headers), {}, services.clock.today())
    run_import(services.employees, plan)
    assert services.employees.by_number("1").name == unicodedata.normalize("NFC", nfd)


def _stored(services):
    services.employees.add(
        employee(
            number="E1",
            name="Ana Lima",
            department="Ops",
            email="ana@example.org",
            job_title="Analyst",
        )
    )
    services.employees.add(employee(number="E2", name="Ben Ode", department="Ops"))
    services.employees.add(employee(number="E9", name="Cy Left", department="Ops"))


def test_reimport_diff_and_empty_never_overwrites(services):
    _stored(services)
    data = (
        b"Employee ID,Name,Department,Job Title,Work Email\n"
        b"E1,Ana Lima,,,\n"  # empty cells: keep department, title and e-mail
        b"E2,Ben Ode,Finance,,\n"  # a change
        b"E3,Dee New,Ops,,\n"  # new
    )
    table = read_csv(data)
    plan = plan_import(
        table,
        guess_mapping(table.headers),
        existing_by_number(services.employees),
        services.clock.today(),
    )
    assert plan.ok, [str(p) for p in plan.problems]
    assert [r.action for r in plan.rows] == [RowAction.UNCHANGED, RowAction.UPDATE, RowAction.ADD]
    assert [str(c) for c in plan.rows[1].changes] == ["Department: 'Ops' -> 'Finance'"]
    assert [e.employee_number for e in plan.missing] == ["E9"]
    diff = "\n".join(plan.diff_lines())
    assert "+ added     E3 Dee New" in diff
    assert "~ changed   E2 Ben Ode: Department: 'Ops' -> 'Finance'" in diff
    assert "= unchanged 1 employee" in diff
    assert "- not in the file E9 Cy Left (kept)" in diff
    assert "1 stored but not in the file" in plan.summary()
    run_import(services.employees, plan)
    ana = services.employees.by_number("E1")
    assert (ana.department, ana.email, ana.job_title) == ("Ops", "ana@example.org", "Analyst")
    assert services.employees.by_number("E9") is not None


# -- encodings -----------------------------------------------------------------------------
def test_uncertain_code_page_is_flagged_with_alternatives():
    data = "id,name,department\n1,Antonín Dvořák,Ops\n".encode("cp1250")
    table = read_csv(data)
    assert table.encoding_uncertain
    assert any(a.encoding == "cp1250" and "Dvořák" in a.samples for a in table.alternatives)
    assert "could also be Windows-1250 (Dvořák)" in table.encoding_note()
    fixed = read_csv(data, "cp1250")
    assert fixed.rows[0][1] == "Antonín Dvořák" and not fixed.encoding_uncertain


def test_plain_western_text_is_not_flagged():
    table = read_csv("id,name\n1,Jürgen Groß\n".encode("cp1252"))
    assert table.encoding == "cp1252" and not table.encoding_uncertain


# -- headers -------------------------------------------------------------------------------
def test_headers_match_whatever_the_case_and_punctuation():
    mapping = guess_mapping(
        (
            "PERSONAL-NR.",
            "vorname",
            "NACHNAME",
            "E-Mail (geschäftlich)",
            "Führungskraft",
            "Kostenstelle",
            "Eintritt",
            "Stellenbezeichnung",
            "Lieblingsfarbe",
        )
    )
    assert mapping == {
        "employee_number": "PERSONAL-NR.",
        "first_name": "vorname",
        "last_name": "NACHNAME",
        "email": "E-Mail (geschäftlich)",
        "manager": "Führungskraft",
        "department": "Kostenstelle",
        "start_date": "Eintritt",
        "job_title": "Stellenbezeichnung",
    }
    assert unused_columns(("A", *mapping.values()), mapping) == ["A"]


def test_map_and_ignore_options():
    headers = ("Employee ID", "Name", "Team", "Division", "Title")
    mapping = parse_mapping_options(["Division=department"], headers, ignore=["Title"])
    assert mapping == {"employee_number": "Employee ID", "name": "Name", "department": "Division"}
    assert parse_mapping_options(["Team=Job title"], headers)["job_title"] == "Team"
    with pytest.raises(CsvImportError, match="no such column"):
        parse_mapping_options([], headers, ignore=["Nope"])


# -- profiles ------------------------------------------------------------------------------
def test_profiles_are_kept_in_the_vault(services):
    store = ProfileStore(services.vault)
    profile = ImportProfile(
        "Personio DE", {"employee_number": "Nr", "department": "Bereich"}, ("Notiz",), "cp1250",
        ";", "dmy",
    )  # fmt: skip
    store.save(profile)
    assert store.names() == ["Personio DE"]
    assert store.get("Personio DE") == profile
    with pytest.raises(ProfileError):
        store.save(ImportProfile("bad", {"salary": "Gehalt"}))
    assert store.delete("Personio DE") and store.get("Personio DE") is None
    actions = [e.action for e in services.vault.audit_events("import_profile")]
    assert actions == ["import_profile.save", "import_profile.delete"]
