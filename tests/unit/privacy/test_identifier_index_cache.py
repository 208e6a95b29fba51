"""The redaction index of everyone in the vault is kept between exports and rebuilt exactly when
someone it knows of may have changed (migration 0014's people_version), whoever wrote:
an employee added or renamed, a name typed on a record, a raw write on another connection."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from app.vault.connection import Connection
from tests.factories import conversation, employee, indicator, open_case


def names(index) -> set[str]:
    return {p.name for p in index.people}


def test_the_index_is_reused_until_people_change(services, clock, vault_path, passphrase):
    docs = services.documents
    case = open_case(services)
    first = docs.identifier_index()
    assert docs.identifier_index() is first  # nothing changed: the same index
    services.cases.add(indicator(case, clock.today()))  # no name on an indicator
    assert docs.identifier_index() is first

    services.employees.add(employee("E2", "Priya Shah"))
    second = docs.identifier_index()
    assert second is not first and "Priya Shah" in names(second)

    services.cases.add(conversation(case, clock.today(), attendees=("Kofi Mensah",)))
    third = docs.identifier_index()
    assert third is not second and "Kofi Mensah" in names(third)

    emp = services.employees.by_number("E2")
    services.employees.update(replace(emp, name="Priya Shah-Okafor"))
    fourth = docs.identifier_index()
    assert "Priya Shah-Okafor" in names(fourth) and "Priya Shah" not in names(fourth)

    other = Connection.open(vault_path, passphrase)  # another connection (the CLI, say)
    try:
        with other.transaction():
            other.execute("UPDATE employees SET manager = 'Jan de Vries' WHERE id = ?", (emp.id,))
    finally:
        other.close()
    fifth = docs.identifier_index()
    assert fifth is not fourth and "Jan de Vries" in names(fifth)
    assert docs.identifier_index() is fifth


def test_a_redacted_summary_built_from_a_kept_index_still_refuses_a_new_name(services, clock):
    from app.documents.redaction.redaction import RedactionOptions

    case = open_case(services, opened_on=clock.today() - timedelta(days=30))
    services.cases.add(conversation(case, clock.today(), summary="Spoke with the team."))
    services.documents.redacted(case.id, "json", RedactionOptions())  # index built and kept
    services.cases.add(conversation(case, clock.today(), summary="Agreed with Wanjiru Kamau."))
    services.employees.add(employee("E9", "Wanjiru Kamau"))
    options = RedactionOptions(include=frozenset({"conversation_summaries"}))
    out = services.documents.redacted(case.id, "json", options)
    assert b"Wanjiru" not in out and b"Kamau" not in out


def test_names_on_records_read_narrow_indexes_not_the_long_rows(services):
    """At 1M entries, reading every conversation, observation and decision row for the names
    typed on them took about a minute; each of those tables is read through an index."""
    from app.vault.repositories.identity_repository import _NAMES_ON_RECORDS

    steps = [
        str(r[3]) for r in services.vault.conn.query("EXPLAIN QUERY PLAN " + _NAMES_ON_RECORDS)
    ]
    for table in ("conversations", "observations", "decisions", "stage_changes", "employees"):
        scans = [s for s in steps if s.startswith(f"SCAN {table}")]
        assert scans and all("COVERING INDEX" in s for s in scans), (table, steps)


def test_names_on_records_are_every_name_once_as_the_plain_union_reads_them(services, clock):
    """The DISTINCT arms (issue 18: no temporary tree of every repeated name) give the same
    rows, in the same order, as the union of every row's names."""
    from app.vault.repositories.identity_repository import _NAMES_ON_RECORDS
    from tests.factories import observation

    case = open_case(services)
    day = clock.today()
    for attendees in (("Zoë Ångström", "Ola Nordmann"), ("Ola Nordmann",), ("Kofi Mensah",)):
        for _ in range(3):
            services.cases.add(conversation(case, day, attendees=attendees))
    for author in ("Peer reviewer", "Jan de Vries", "Peer reviewer", "Łukasz Żółć"):
        services.cases.add(observation(case, day, author=author))
    plain = """
        SELECT manager FROM employees
        UNION SELECT j.value FROM conversations, json_each(conversations.attendees) j
        UNION SELECT author FROM observations UNION SELECT decided_by FROM decisions
        UNION SELECT actor FROM stage_changes""" + _NAMES_ON_RECORDS.split("stage_changes", 1)[1]
    conn = services.vault.conn
    assert [tuple(r) for r in conn.query(_NAMES_ON_RECORDS)] == [
        tuple(r) for r in conn.query(plain)
    ]
    names = {p.name for p in services.documents.identities.everyone() if p.kind == "person"}
    assert {"Ola Nordmann", "Kofi Mensah", "Jan de Vries", "Łukasz Żółć"} <= names
