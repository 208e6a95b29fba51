"""The trail as people read it: every action of the demo vault as a sentence, filters by case,
officer, action family and UTC dates, and refusals that list what is known."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.domain.words.audit_wording import action_label, describe, when_words
from app.services.audit.audit_listing import AuditFilter, audit_csv, filtered_rows
from app.services.demo import build_demo
from tests.factories import conversation, open_case


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    svc = build_demo(tmp_path_factory.mktemp("demo") / "demo.casepath")
    yield svc
    svc.close()


def test_every_event_of_the_demo_reads_as_words(demo):
    rows = filtered_rows(demo.vault, AuditFilter())
    assert len(rows) == len(demo.vault.audit_events())
    for r in rows:
        for text in (r["detail"], r["when"], action_label(str(r["action"]))):
            assert "_" not in text, text  # no keys like stage_change
            assert not re.search(r"\d\d-\d\dT\d\d", text), text  # no ISO stamps
        assert str(r["detail"]).startswith(str(r["officer"]) + " ")
    with_case = [r for r in rows if r["case"]]
    assert with_case and all(f"case {r['case']}" in str(r["detail"]) for r in with_case)


def test_words_for_one_event():
    assert describe("Hana", "conversation.add", "conversation", "12", "C-2026-0001") == (
        "Hana recorded conversation 12 on case C-2026-0001."
    )
    assert describe("Hana", "case.view", "case", "3", "C-2026-0003") == (
        "Hana viewed case C-2026-0003."
    )
    assert (
        describe("Hana", "audit.export", "vault", "")
        == "Hana exported the audit trail of the vault."
    )
    assert when_words("2026-03-16T09:05:00Z") == "16 Mar 2026, 09:05 UTC"
    assert action_label("conversation") == "Conversation: any"


def test_filters_by_case_officer_action_and_dates(services):
    case = open_case(services)
    other = open_case(services, number="E2002", name="Ola Nordmann")
    services.cases.add(conversation(case, services.clock.today()))
    services.cases.add(conversation(other, services.clock.today()))
    mine = filtered_rows(services.vault, AuditFilter(case_reference=case.reference))
    assert {r["case"] for r in mine} == {case.reference}
    assert {r["action"] for r in mine} == {"case.open", "conversation.add"}
    family = filtered_rows(services.vault, AuditFilter(action="conversation"))
    assert len(family) == 2 and all(r["action"] == "conversation.add" for r in family)
    today = date.fromisoformat(str(family[0]["at"])[:10])  # events are stamped in UTC
    assert len(filtered_rows(services.vault, AuditFilter(date_from=today, date_to=today))) == (
        len(services.vault.audit_events())
    )
    assert filtered_rows(services.vault, AuditFilter(date_to=date(2000, 1, 1))) == []
    by_hana = filtered_rows(services.vault, AuditFilter(officer="Hana Officer"))
    assert len(by_hana) == len(services.vault.audit_events())
    for wrong, message in (
        (AuditFilter(officer="Nobody"), "Officers in the trail: Hana Officer."),
        (AuditFilter(action="dance"), "Actions in the trail: "),
        (AuditFilter(case_reference="C-1999-0001"), "No case with reference 'C-1999-0001'."),
        (AuditFilter(date_from=date(2026, 3, 2), date_to=date(2026, 3, 1)), "earlier date first"),
    ):
        with pytest.raises(LookupError, match=re.escape(message)):
            filtered_rows(services.vault, wrong)


def test_the_csv_is_formula_safe():
    row = {k: "" for k in ("seq", "at", "when", "action", "entity_type", "entity_id", "case")}
    row.update(officer='=HYPERLINK("x")', detail="@SUM(A1)", record_hash="", hash="-abc")
    text = audit_csv([row])
    assert "'=HYPERLINK" in text and "'@SUM" in text and "'-abc" in text
