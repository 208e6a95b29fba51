"""A deterministic, realistic demo vault for newcomers, screenshots and manual testing.

Five departments, about 80 employees whose names come from several languages, and 30 cases over
every stage and both risk tracks, each with conversations, indicators and observations written
the way an HR officer writes them. The same anchor date always gives the same vault.
Feature modules add their own records through `DEMO_ENRICHERS`. The words the records are
written from live in `demo_data`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from app.domain.clock import Clock, FixedClock
from app.domain.records import (
    Case,
    Conversation,
    ConversationKind,
    Decision,
    Employee,
    Indicator,
    IndicatorCategory,
    Observation,
    Officer,
    Role,
    RootCause,
    Track,
)
from app.services.cases.escalation_service import enrich_demo as enrich_escalation_demo
from app.services.demo_data import (
    ACTIONS,
    CASE_MIX,
    CJK_FULL_NAMES,
    CONSTRAINTS,
    DEPARTMENTS,
    EXPECTATIONS,
    METRICS,
    NAME_POOLS,
    OBSERVATIONS,
    STAGE_AGE_DAYS,
    SUMMARIES,
)
from app.services.demo_passphrase import DEMO_PASSPHRASE
from app.services.documents.attachment_service import enrich_demo as enrich_attachments_demo
from app.services.documents.document_service import enrich_demo as enrich_documents_demo
from app.services.plans.plan_demo import enrich_demo as enrich_plans_demo
from app.services.services import Services, create_vault

__all__ = [
    "ACTIONS",
    "build_demo",
    "CASE_MIX",
    "CJK_FULL_NAMES",
    "CONSTRAINTS",
    "DEMO_ENRICHERS",
    "DEMO_OFFICER",
    "DEMO_PASSPHRASE",
    "DemoEnricher",
    "DEPARTMENTS",
    "EXPECTATIONS",
    "METRICS",
    "NAME_POOLS",
    "OBSERVATIONS",
    "populate_demo",
    "SEED",
    "STAGE_AGE_DAYS",
    "SUMMARIES",
]

DEMO_OFFICER = "Morgan Reyes"
SEED = 2026


DemoEnricher = Callable[[Services, random.Random], None]

# Feature modules append functions here (plans, reviews, approvals, packs …).
DEMO_ENRICHERS: list[DemoEnricher] = []
DEMO_ENRICHERS.append(enrich_escalation_demo)  # stage histories, approvals, exceptions, schedules
DEMO_ENRICHERS.append(enrich_attachments_demo)  # evidence files on some records
DEMO_ENRICHERS.append(enrich_plans_demo)  # coaching plans, progress, formal reviews
DEMO_ENRICHERS.append(enrich_documents_demo)  # a pack per formal meeting type (last)


def _load_enrichers() -> None:
    """Import feature modules that register demo enrichers, if they are installed."""
    import importlib

    for name in (
        "app.services.cases.escalation_service",
        "app.services.plans.plan_service",
        "app.services.plans.review_service",
        "app.services.documents.document_service",
    ):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def _employees(rng: random.Random) -> list[Employee]:
    people: list[Employee] = []
    used: set[str] = set()
    number = 10400
    depts = list(DEPARTMENTS)
    while len(people) < 80:
        if len(people) < len(CJK_FULL_NAMES):
            name = CJK_FULL_NAMES[len(people)]
        else:
            firsts, lasts = rng.choice(NAME_POOLS)
            name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        if name in used:
            continue
        used.add(name)
        number += rng.randint(1, 37)
        dept = depts[len(people) % len(depts)]
        title = rng.choice(DEPARTMENTS[dept])
        people.append(
            Employee(
                employee_number=f"E{number}",
                name=name,
                job_title=title,
                department=dept,
                manager="",
                start_date=date(2012 + rng.randint(0, 12), rng.randint(1, 12), 1),
                email=f"e{number}@example.org",
            )
        )
    managers = {d: [p for p in people if p.department == d][0].name for d in depts}
    return [
        p
        if p.name == managers[p.department]
        else Employee(**{**p.__dict__, "manager": managers[p.department]})
        for p in people
    ]


def _case_records(case: Case, emp: Employee, rng: random.Random, today: date, track: Track):
    first = emp.name.split()[0]
    opened = case.opened_on
    span = max((today - opened).days, 2)
    cats = (
        [IndicatorCategory.SAFETY, IndicatorCategory.COMPLIANCE]
        if track is Track.HIGH_STAKES
        else [
            IndicatorCategory.MISSED_TARGET,
            IndicatorCategory.QUALITY_GAP,
            IndicatorCategory.CUSTOMER_IMPACT,
            IndicatorCategory.ATTENDANCE,
        ]
    )
    out: list = []
    for i in range(rng.randint(2, 4)):
        cat = rng.choice(cats)
        metric, expected, (lo, hi), unit, source = METRICS[cat]
        actual = float(rng.randint(lo, hi))
        out.append(
            Indicator(
                case_id=case.id,
                category=cat,
                metric=metric,
                observed_on=opened + timedelta(days=min(span - 1, i * rng.randint(5, 12))),
                expected=expected,
                actual=actual,
                unit=unit,
                source=source,
                note="Figure checked with the team lead before recording.",
            )
        )
    kinds = [ConversationKind.INFORMAL]
    stage_kinds = {
        "coaching": [ConversationKind.COACHING],
        "formal_concern": [ConversationKind.COACHING, ConversationKind.FORMAL_CONCERN],
        "improvement_plan": [
            ConversationKind.COACHING,
            ConversationKind.FORMAL_CONCERN,
            ConversationKind.CHECK_IN,
        ],
        "formal_review": [
            ConversationKind.COACHING,
            ConversationKind.FORMAL_CONCERN,
            ConversationKind.REVIEW,
        ],
        "outcome": [
            ConversationKind.COACHING,
            ConversationKind.FORMAL_CONCERN,
            ConversationKind.REVIEW,
        ],
    }
    kinds += stage_kinds.get(case.stage, [])
    for i, kind in enumerate(kinds):
        causes = tuple(
            sorted(
                set(
                    rng.sample(
                        [
                            RootCause.WORKLOAD,
                            RootCause.SKILL_GAP,
                            RootCause.COMPETING_PRIORITIES,
                            RootCause.TOOLS,
                            RootCause.PERSONAL_FACTORS,
                        ],
                        k=rng.randint(1, 2),
                    )
                ),
                key=lambda c: c.value,
            )
        )
        held = opened + timedelta(days=min(span - 1, 2 + i * max(1, span // (len(kinds) + 1))))
        out.append(
            Conversation(
                case_id=case.id,
                held_on=held,
                kind=kind,
                summary=rng.choice(SUMMARIES[kind]).format(first=first),
                attendees=(emp.name, emp.manager or DEMO_OFFICER)
                + ((DEMO_OFFICER,) if kind.formal else ()),
                constraints=rng.choice(CONSTRAINTS),
                expectations=rng.choice(EXPECTATIONS),
                root_causes=causes,
                root_cause_notes="Raised by the employee; manager agreed it is a factor.",
                agreed_actions=tuple(rng.sample(ACTIONS, k=2)),
            )
        )
    author, role, text = rng.choice(OBSERVATIONS)
    out.append(
        Observation(
            case_id=case.id,
            observed_on=opened + timedelta(days=1),
            author=author,
            author_role=role,
            text=text.format(first=first),
        )
    )
    if case.stage in ("formal_concern", "improvement_plan", "formal_review", "outcome"):
        out.append(
            Decision(
                case_id=case.id,
                decided_on=opened + timedelta(days=min(span - 1, span // 2)),
                decided_by=emp.manager or DEMO_OFFICER,
                role=Role.MANAGER,
                summary="Move to a written improvement plan with fortnightly reviews.",
                rationale="Coaching helped with workload but the quality gap persists.",
            )
        )
    return out


def populate_demo(services: Services, seed: int = SEED) -> None:
    """Fill an empty vault with the demo data set (plus what feature modules add)."""
    # One commit for the whole demo, not one per record; its cases' stage history is written
    # after their records, so the stage rule of the policy waits (docs/AUDIT.md).
    with services.vault.batch(), services.guard.backfill():
        _populate(services, random.Random(seed))


def _populate(services: Services, rng: random.Random) -> None:
    today = services.clock.today()
    staff = services.employees
    stored = [staff.add(e) for e in _employees(rng)]
    candidates = [e for e in stored if e.manager]
    rng.shuffle(candidates)
    number = 0
    for stage, track, count in CASE_MIX:
        for _ in range(count):
            emp = candidates[number]
            number += 1
            lo, hi = STAGE_AGE_DAYS[stage]
            opened = today - timedelta(days=rng.randint(lo, hi))
            case = services.cases.open_case(
                emp.id,
                stage=stage,
                track=track,
                opened_on=opened,
                reference=f"C-{opened.year}-{number:04d}",
            )
            for record in _case_records(case, emp, rng, today, track):
                services.cases.add(record)
    _load_enrichers()
    for enrich in DEMO_ENRICHERS:
        enrich(services, rng)


def build_demo(
    path: Path, passphrase: str = DEMO_PASSPHRASE, clock: Clock | None = None, seed: int = SEED
) -> Services:
    """Create a new demo vault at `path` and return its open services."""
    clock = clock or FixedClock(date.today())
    services = create_vault(
        Path(path), passphrase, Officer(name=DEMO_OFFICER, email="m.reyes@example.org"), clock=clock
    )
    try:
        populate_demo(services, seed)
    except BaseException:
        services.close()
        Path(path).unlink(missing_ok=True)
        raise
    return services
