"""The case list's id query agrees with the paged row query for every filter and sort."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.escalation.flags import Flag
from app.domain.records import Track
from app.services.cases.case_list import SORT_KEYS, CaseQuery
from tests.factories import conversation, employee

NAMES = ["Zoë Ångström", "Łukasz Żółć", "Αλέξανδρος", "Иван Петров", "李小龙", "محمد", "Amélie"]


@pytest.fixture
def many(services, clock):
    cases = []
    for i, name in enumerate(NAMES * 2):
        dept = ["Finance", "Logistics", "Operations"][i % 3]
        emp = services.employees.by_number(f"E{i % 7}") or services.employees.add(
            employee(f"E{i % 7}", name, department=dept)
        )
        track = Track.HIGH_STAKES if i % 5 == 0 else Track.STANDARD
        cases.append(services.cases.open_case(emp.id, stage="early_conversation", track=track))
    services.cases.add(conversation(cases[3], clock.today(), summary="Forklift keys lost."))
    return cases


QUERIES = [
    CaseQuery(),
    CaseQuery(department="Finance"),
    CaseQuery(track=Track.HIGH_STAKES),
    CaseQuery(search="forklift"),
    CaseQuery(search="Иван"),
    CaseQuery(search="Zo"),
    CaseQuery(status=None),
]


@pytest.mark.parametrize("query", QUERIES)
def test_ids_match_rows_for_every_sort(services, many, query):
    for sort in SORT_KEYS:
        for descending in (False, True):
            q = replace(query, sort=sort, descending=descending)
            ids = services.cases.ids(q)
            assert ids == [r.id for r in services.cases.rows(q, 0, 10_000)], (sort, descending)
            assert len(ids) == services.cases.count(q)


def test_ids_match_rows_for_flag_filters(services, many, clock):
    for flag in Flag:
        q = replace(CaseQuery(), **services.escalation.flag_filter(flag, clock.today()))
        assert services.cases.ids(q) == [r.id for r in services.cases.rows(q, 0, 10_000)]


def test_rows_by_ids_keep_the_order_given_and_skip_unknown_ids(services, many):
    wanted = [many[5].id, 99_999, many[0].id, many[3].id]
    rows = services.cases.rows_by_ids(wanted)
    assert [r.id for r in rows] == [many[5].id, many[0].id, many[3].id]
    assert services.cases.rows_by_ids([]) == []


@pytest.mark.parametrize(
    ("typed", "name"),
    [("Angstrom", "Zoë Ångström"), ("zoe ang", "Zoë Ångström"), ("amelie", "Amélie"),
     ("ÅNGSTRÖM", "Zoë Ångström")],
)  # fmt: skip
def test_search_ignores_case_and_accents(services, many, typed, name):
    """An officer types 'Angstrom' on an English keyboard and finds Zoë Ångström."""
    ids = services.cases.ids(CaseQuery(search=typed))
    theirs = {c.id for c in many if services.employees.get(c.employee_id).name == name}
    assert theirs and theirs <= set(ids)  # (a conversation may name them on other cases too)
