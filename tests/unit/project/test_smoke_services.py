from app.domain.records import Conversation, Indicator
from tests.factories import conversation, indicator, open_case


def test_case_with_records_round_trips(services, clock):
    case = open_case(services)
    services.cases.add(conversation(case, clock.today()))
    services.cases.add(indicator(case, clock.today()))
    assert [c.summary for c in services.cases.records(Conversation, case.id)] == [
        "Talked through the missed deadlines."
    ]
    assert services.cases.records(Indicator, case.id)[0].actual == 28.0
    rows = services.cases.rows(
        __import__("app.vault.repositories.case_repository", fromlist=["x"]).CaseQuery()
    )
    assert rows[0].employee == "Zoë Ångström"
