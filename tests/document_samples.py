"""Pack snapshots and PDF helpers shared by the document tests."""

from __future__ import annotations

import io
from datetime import date, timedelta

from app.documents.pdf.pack_data import (
    CaseSummary,
    ConversationEntry,
    DecisionEntry,
    ExceptionEntry,
    IndicatorEntry,
    MeetingType,
    MicroGoalEntry,
    ObjectiveEntry,
    ObservationEntry,
    PackData,
    Participant,
    PlanSection,
    ProgressEntry,
    ResourceEntry,
    ReviewEntry,
    StageEntry,
)
from app.documents.pdf.page_template import PageSetup, PageSize

# Names whose letters the built-in PDF fonts would turn into boxes or drop.
SCRIPT_NAMES = {
    "polish": "Łukasz Żółć-Wiśniewski",
    "turkish": "Şükrü Öztürk İğdır",
    "vietnamese": "Nguyễn Thị Hương",
    "greek": "Αλέξανδρος Παπαδόπουλος",
    "cyrillic": "Иван Петров",
    "chinese": "李小龙",
    "japanese": "佐藤 花子",
}
LONG_TEXT = (
    "The hand-over notes were incomplete again, and the team had to reconstruct the "
    "customer history from e-mails before it could act. "
) * 40


def sample_pack(
    employee: str = SCRIPT_NAMES["polish"],
    many_stage_changes: int = 3,
    meeting: MeetingType = MeetingType.REVIEW,
    **overrides: object,
) -> PackData:
    n = SCRIPT_NAMES
    start = date(2025, 11, 3)
    data = PackData(
        reference="C-2026-0007",
        meeting_type=meeting,
        meeting_date=date(2026, 3, 20),
        meeting_place="Room 4.12, Kraków office",
        participants=(
            Participant(employee, "Employee"),
            Participant(n["vietnamese"], "Manager"),
            Participant(n["greek"], "HR officer"),
            Participant(n["cyrillic"], "Executive sponsor"),
            Participant(n["chinese"], "Note taker"),
            Participant(n["turkish"], "Neutral observer"),
        ),
        case=CaseSummary(
            employee_name=employee,
            employee_number="E1001",
            job_title="Analyst",
            department="Operations",
            manager=n["vietnamese"],
            track="Standard",
            stage="Formal review",
            status="Open",
            opened_on=start,
            stage_entered_on=date(2026, 2, 2),
            case_owner=n["greek"],
            employee_start_date=date(2020, 1, 6),
        ),
        stage_changes=tuple(
            StageEntry(
                start + timedelta(days=7 * i),
                "Early conversation",
                "Coaching",
                n["greek"],
                "HR officer",
                f"Reason {i}: targets missed three weeks running.",
                (Participant(n["cyrillic"], "Executive sponsor"),),
            )
            for i in range(many_stage_changes)
        ),
        decisions=(
            DecisionEntry(
                date(2026, 1, 5),
                n["cyrillic"],
                "Executive sponsor",
                "Proceed to a formal concern",
                "Customer impact is growing.",
            ),
        ),
        exceptions=(
            ExceptionEntry(
                date(2026, 1, 10),
                "Deadline extension",
                "Plan extended by ten business days for approved leave.",
                "Maria Nowak (HR lead)",
                "Approved",
            ),
        ),
        conversations=(
            ConversationEntry(
                date(2026, 1, 12),
                "Coaching",
                f"Talked with {n['japanese']} about the backlog. " + LONG_TEXT[:600],
                (employee, n["vietnamese"]),
                "Close 40 tickets a week",
                "Two colleagues on leave",
                ("Workload", "Skill gap"),
                "Backlog inherited from a reorganisation.",
                ("Pair with a senior analyst", "Weekly check-in on Fridays"),
            ),
        ),
        indicators=tuple(
            IndicatorEntry(
                date(2026, 1, 5) + timedelta(days=7 * i),
                "Missed target",
                "Tickets closed",
                40,
                25 + 2 * i,
                "tickets/week",
                "Service desk report",
            )
            for i in range(5)
        )
        + (
            IndicatorEntry(
                date(2026, 2, 1),
                "Quality gap",
                "Rework rate",
                5,
                9,
                "%",
                "QA audit",
                "Sampled 40 tickets.",
            ),
        ),
        observations=(
            ObservationEntry(
                date(2026, 2, 3), "Peer reviewer", "peer", "Hand-overs arrive incomplete."
            ),
        ),
        plan=PlanSection(
            version=2,
            starts_on=date(2026, 2, 2),
            ends_on=date(2026, 4, 30),
            manager=n["vietnamese"],
            hr_officer=n["greek"],
            executive_sponsor=n["cyrillic"],
            agreed_on=date(2026, 2, 3),
            employee_agreed="the employee agreed",
            objectives=(
                ObjectiveEntry(
                    "Close more tickets",
                    "Output",
                    "Tickets closed per week",
                    28,
                    40,
                    45,
                    "tickets",
                    date(2026, 4, 30),
                    (
                        MicroGoalEntry(
                            "Clear the backlog older than 30 days", date(2026, 2, 20), "Done"
                        ),
                        MicroGoalEntry("Shadow a senior analyst", date(2026, 3, 1), "Open"),
                    ),
                    (ProgressEntry(date(2026, 3, 1), "Closed 33 tickets", 33, True),),
                ),
            ),
            resources=(
                ResourceEntry(
                    "Coaching sessions", "Weekly one-to-one", n["vietnamese"], date(2026, 2, 10)
                ),
            ),
        ),
        reviews=(
            ReviewEntry(
                date(2026, 3, 2),
                "Formal review",
                "Continue the plan",
                "Progress is steady.",
                (n["vietnamese"], n["turkish"]),
            ),
        ),
        agenda=(
            "Welcome and purpose",
            "Review of each objective",
            "The employee's view",
            "Decision and next steps",
        ),
    )
    from dataclasses import replace

    return replace(data, **overrides) if overrides else data


def setup_for(
    data: PackData,
    size: PageSize = PageSize.A4,
    code: str = "CP-41-K3QF-9XZA",
    deterministic: bool = True,
) -> PageSetup:
    return PageSetup(
        size=size,
        reference=data.reference,
        generated_on=date(2026, 3, 16),
        integrity_code=code,
        deterministic=deterministic,
    )


def pdf_pages(pdf: bytes, password: str | None = None) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        assert reader.decrypt(password)
    return [p.extract_text() or "" for p in reader.pages]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(pdf_pages(pdf))
