"""Audit events, timeline entries, attention lines and plan titles in German and in English."""

from __future__ import annotations

import re
from datetime import date

from app.domain.records import (
    CaseStatus,
    Conversation,
    ConversationKind,
    Decision,
    Indicator,
    IndicatorCategory,
    Observation,
    Role,
    RootCause,
    Track,
)
from app.domain.words.audit_wording import (
    action_label,
    action_words,
    describe,
    thing_words,
    when_words,
)
from app.domain.words.translation import translate
from app.services.cases import timeline
from app.services.cases.attention import _WAS_DUE, _row_text
from app.services.cases.case_list import CaseRow


# -- audit ----------------------------------------------------------------------------------
def test_an_audit_sentence_in_english_is_unchanged_and_in_german_puts_the_verb_last() -> None:
    args = ("Hana", "conversation.add", "conversation", "12", "C-2026-0001")
    assert describe(*args) == "Hana recorded conversation 12 on case C-2026-0001."
    assert describe(*args, language="de") == "Hana: Gespräch 12 (Fall C-2026-0001) – erfasst."
    assert describe("Hana", "case.view", "case", "3", "C-2026-0003", "de") == (
        "Hana: Fall C-2026-0003 – angesehen."
    )
    assert describe("Hana", "vault.backup", "vault", "", "", "de") == "Hana: Tresor – gesichert."
    assert describe("Hana", "vault.backup", "vault", "") == "Hana backed up the vault."


def test_audit_words_for_unknown_actions_stay_readable_in_both_languages() -> None:
    assert action_words("thing.frobnicate") == "frobnicate"
    assert action_words("thing.frobnicate", "de") == "frobnicate"
    assert thing_words("new_thing", "4", "de") == "new thing 4"
    assert thing_words("", "", "de") == "Tresor"


def test_audit_filter_labels_in_german() -> None:
    assert action_label("conversation.add") == "Conversation: recorded"
    assert action_label("conversation.add", "de") == "Gespräch: erfasst"
    assert action_label("conversation", "de") == "Gespräch: alle"
    assert action_label("case.stage_change", "de") == "Fall: Phase gewechselt"


def test_audit_moments_in_the_locale_of_the_language() -> None:
    at = "2026-03-03T14:02:09+00:00"
    assert when_words(at) == "3 Mar 2026, 14:02 UTC"
    assert when_words(at, "de") == "3. März 2026, 14:02 UTC"
    assert when_words("2026-03-03T15:02:09+01:00", "de_DE") == "3. März 2026, 14:02 UTC"
    assert not re.search(r"\dT\d", when_words(at, "de"))


# -- timeline -------------------------------------------------------------------------------
class _Cases:
    def __init__(self, records: dict[type, list]) -> None:
        self._records = records

    def records(self, kind: type, case_id: int) -> list:
        return self._records.get(kind, [])


class _Services:
    def __init__(self, records: dict[type, list]) -> None:
        self.cases = _Cases(records)


def test_indicator_and_observation_entries_in_german() -> None:
    day = date(2026, 3, 16)
    ind = Indicator(1, IndicatorCategory.MISSED_TARGET, "Tickets closed", day, 40, 28.5, "per week")
    obs = Observation(1, day, "Priya Shah", "", "Late handovers.")
    services = _Services({Indicator: [ind], Observation: [obs]})
    (i,) = timeline.indicator_events(services, 1)
    assert i.title == "Missed target: Tickets closed (28.5 against 40 per week)"
    assert i.title_in("de") == "Ziel verfehlt: Tickets closed (Ist 28,5, Soll 40 per week)"
    (o,) = timeline.observation_events(services, 1)
    assert o.title == "Observation by Priya Shah"
    assert o.title_in("de") == "Beobachtung von Priya Shah"


def test_who_and_detail_of_conversations_and_decisions_in_german() -> None:
    day = date(2026, 3, 16)
    talk = Conversation(
        case_id=1, held_on=day, kind=ConversationKind.INFORMAL, summary="Talked.",
        attendees=("Zoë",), root_causes=(RootCause.WORKLOAD,),
    )  # fmt: skip
    decision = Decision(
        case_id=1, decided_on=day, decided_by="Hana Officer", role=Role.HR_OFFICER,
        summary="Track changed from Standard to High-stakes",
        rationale="Late finding. Approved by Lee Lead (HR lead).",
    )  # fmt: skip
    services = _Services({Conversation: [talk], Decision: [decision]})
    (c,) = timeline.conversation_events(services, 1)
    workload = RootCause.WORKLOAD.label
    assert c.detail == f"Talked. Root causes: {workload.lower()}."
    assert c.detail_in("de") == f"Talked. Ursachen: {translate('de', workload)}."
    (d,) = timeline.decision_events(services, 1)
    assert d.who == "Hana Officer (HR officer)"
    assert d.who_in("de") == "Hana Officer (Personalreferent/in)"
    assert d.title_in("de") == "Verfahrensweg von Standard zu Mit hoher Tragweite gewechselt"
    assert d.detail_in("de") == "Late finding. Genehmigt von Lee Lead (Personalleitung)."
    assert d.title_in("en") == decision.summary and d.detail_in("en") == decision.rationale


def test_the_plan_created_entry_counts_objectives_in_both_languages() -> None:
    from app.domain.words.phrases import counted

    for n, english, german in (
        (1, "Coaching plan created (1 objective)", "Coaching-Plan angelegt (1 Ziel)"),
        (3, "Coaching plan created (3 objectives)", "Coaching-Plan angelegt (3 Ziele)"),
    ):
        title = counted(
            n, "Coaching plan created ({n} objective)", "Coaching plan created ({n} objectives)"
        )
        assert title == english and translate("de", title) == german


def test_a_pack_entry_names_the_meeting_and_its_day_in_german() -> None:
    from app.documents.pdf.pack_data import MeetingType
    from app.domain.words.phrases import Labels, Phrase

    title = Phrase(
        "Pack generated for the {meeting} on {day}",
        meeting=Labels((MeetingType.REVIEW,)),
        day=date(2026, 12, 3),
    )
    assert title == f"Pack generated for the {MeetingType.REVIEW.label.lower()} on 3 Dec 2026"
    german = translate("de", MeetingType.REVIEW.label)
    assert title.said_in("de") == f"Mappe erstellt für: {german} am 3. Dez. 2026"


# -- attention lines and plan titles ----------------------------------------------------------
def test_an_overdue_line_says_was_due_in_the_locale() -> None:
    row = CaseRow(
        id=1, reference="C-2026-0001", employee="Zoë Ångström", department="", stage="coaching",
        track=Track.STANDARD, owner="", next_due_on=date(2026, 12, 3), status=CaseStatus.OPEN,
        last_activity_on=None, opened_on=date(2026, 1, 5),
    )  # fmt: skip
    text = _row_text(row, _WAS_DUE)
    assert text == "C-2026-0001 · Zoë Ångström · was due 3 Dec"
    assert translate("de", text) == "C-2026-0001 · Zoë Ångström · war fällig am 3. Dez."


def test_a_plan_version_title_in_german() -> None:
    from app.domain.plans.plans import CoachingPlan
    from app.services.plans.plan_service import PlanRevision

    plan = CoachingPlan(
        case_id=1, version=1, starts_on=date(2026, 3, 1), ends_on=date(2026, 6, 1),
        manager="Ola", hr_officer="Hana",
    )  # fmt: skip
    entry = PlanRevision(plan, ())
    assert entry.title == "Plan v1 (not yet agreed)"
    assert entry.title_in("de") == "Plan v1 (noch nicht vereinbart)"
