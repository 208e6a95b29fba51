"""Search says why: where each hit matched, the employees-only scope, accent-blind matching."""

from __future__ import annotations

from app.domain.words.search_match import MatchSource, SearchScope, fold, match_words
from app.services.cases.case_list import CaseQuery, match_sources
from app.services.people.officer_service import OfficerService
from tests.factories import conversation, observation, open_case


def _ids(services, **kw) -> set[int]:
    return set(services.cases.ids(CaseQuery(**kw)))


def _cases(services):
    OfficerService(services.vault, services.clock).add("Tom Fischer")
    today = services.clock.today()
    shared = open_case(services, "Lena Fischer", "E1")
    other = open_case(services, "Ola Brandt", "E2")
    umlaut = open_case(services, "Mia Müller", "E3")
    for case in (shared, other):
        services.cases.add(conversation(case, today, attendees=("Tom Fischer", "Kari Nordmann")))
    services.cases.add(observation(umlaut, today, text="Arrives late on Mondays."))
    return shared, other, umlaut


def test_a_surname_shared_by_officer_and_employee_is_reported_as_both(services):
    shared, other, umlaut = _cases(services)
    query = CaseQuery(search="fischer")
    assert _ids(services, search="fischer") == {shared.id, other.id}
    both = match_sources(services, query, shared.id)
    assert both == {MatchSource.EMPLOYEE, MatchSource.OFFICER}
    assert match_words(both) == "employee, officer"
    assert match_sources(services, query, other.id) == {MatchSource.OFFICER}
    assert match_sources(services, query, umlaut.id) == frozenset()


def test_employees_only_returns_only_employee_matches(services):
    shared, other, _ = _cases(services)
    query = CaseQuery(search="Fischer", scope=SearchScope.EMPLOYEES)
    assert _ids(services, search="Fischer", scope=SearchScope.EMPLOYEES) == {shared.id}
    assert services.cases.count(query) == 1
    hits, _cursor = services.vault.cases.search_hits(query, None, 50, set())
    assert [r.id for r in hits] == [shared.id]
    assert match_sources(services, query, shared.id) == {MatchSource.EMPLOYEE}


def test_an_attendee_who_is_no_officer_is_an_attendee(services):
    shared, _, umlaut = _cases(services)
    assert match_sources(services, CaseQuery(search="nordmann"), shared.id) == {
        MatchSource.ATTENDEE
    }
    assert match_sources(services, CaseQuery(search="MONDAYS"), umlaut.id) == {
        MatchSource.OBSERVATION
    }


def test_matching_is_case_and_accent_blind_on_both_paths(services):
    _, _, umlaut = _cases(services)
    assert _ids(services, search="muller") == {umlaut.id}  # the trigram index
    assert _ids(services, search="MÜ") == {umlaut.id}  # two letters: the folded LIKE path
    assert _ids(services, search="mu") == {umlaut.id}
    assert match_sources(services, CaseQuery(search="Mu"), umlaut.id) == {MatchSource.EMPLOYEE}
    assert fold("Zoë ÅNGSTRÖM") == "zoe angstrom"
    assert fold("Łukasz") == "łukasz"  # a letter of its own, as in the index
