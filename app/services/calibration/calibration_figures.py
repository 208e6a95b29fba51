"""Per-group statistics for the calibration report, all gated by the protected counts.

A median, percentile, share or rate is shown only when the count it is taken over is shown;
the counts come from `small_groups.protect` tables that withhold the same groups as the one
`GroupCounts` structure, so no figure here lets a withheld count be worked out.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.services.calibration.small_groups import GroupCounts, ProtectedTable, hidden_label, protect

STAGES = (
    "early_conversation",
    "coaching",
    "formal_concern",
    "improvement_plan",
    "formal_review",
    "outcome",
)
CLOSED_STATUS = "closed"
LOW_CONFIDENCE_CASES = 20  # below this many cases a group's rate moves a lot with one case

# Columns of the case timings rows (app.vault.repositories.calibration_queries.case_timings).
GROUP, DEPARTMENT, OPENED, TO_CONV, TO_COACH, TO_FORMAL, FORMAL, OUTCOME, PLAN, STATUS = range(10)


def p90(values: list[float]) -> float:
    """Nearest-rank 90th percentile: the smallest value at or above 90% of the values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def summary(values: list[float], shown: int | str) -> dict:
    """Median and p90 over ``values``; withheld whenever their protected count is withheld."""
    if isinstance(shown, str):
        return {"cases": shown, "median_days": shown, "p90_days": shown}
    if not values:
        return {"cases": shown, "median_days": None, "p90_days": None}
    return {"cases": shown, "median_days": statistics.median(values), "p90_days": p90(values)}


@dataclass
class Cohort:
    """One pass over the case timings: per group, the cases and how many passed each test,
    with the day spans behind the medians."""

    cases: Counter = field(default_factory=Counter)
    formal: Counter = field(default_factory=Counter)
    closed_plans: Counter = field(default_factory=Counter)
    improved: Counter = field(default_factory=Counter)
    to_conv: dict = field(default_factory=lambda: defaultdict(list))
    to_coach: dict = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, timings: list[tuple]) -> Cohort:
        c = cls()
        for row in timings:
            g = row[GROUP]
            c.cases[g] += 1
            if row[TO_CONV] is not None:
                c.to_conv[g].append(row[TO_CONV])
            if row[TO_COACH] is not None:
                c.to_coach[g].append(row[TO_COACH])
            if row[FORMAL]:
                c.formal[g] += 1
            if row[PLAN] and row[STATUS] == CLOSED_STATUS:
                c.closed_plans[g] += 1
                c.improved[g] += row[OUTCOME] == "improved"
        return c


def yes_no(
    yes: Mapping[str, int],
    of: Mapping[str, int],
    groups: list[str],
    k: int,
    withheld: frozenset[str],
    hide_total: bool = False,
) -> ProtectedTable:
    """Each group's ``of`` cases split into yes / no, protected (the "no" cells are never
    printed, but a shown "yes" next to a shown row total would give a small "no" away)."""
    counts = {}
    for g in groups:
        counts[(g, "yes")] = yes.get(g, 0)
        counts[(g, "no")] = of.get(g, 0) - yes.get(g, 0)
    return protect(counts, groups, ["yes", "no"], k, withheld, hide_total=hide_total)


def response_times(cohort: Cohort, groups: list[str], gc: GroupCounts) -> dict:
    w, hide = gc.cases_withheld(), gc.total_hidden("new")
    out: dict = {"groups": [{"group": g} for g in groups], "overall": {}}
    for key, values in (
        ("to_first_conversation", cohort.to_conv),
        ("to_coaching", cohort.to_coach),
    ):
        given = {g: len(v) for g, v in values.items()}
        table = yes_no(given, cohort.cases, groups, gc.k, w, hide)
        for line in out["groups"]:
            g = line["group"]
            line[key] = summary(values.get(g, []), table.cell(g, "yes"))
        everyone = [v for vs in values.values() for v in vs]
        out["overall"][key] = summary(everyone, table.total_of("yes"))
    return out


def stage_times(rows: list[tuple], groups: list[str], gc: GroupCounts, withheld) -> dict:  # noqa: ANN001
    values: dict[tuple[str, str], list[float]] = defaultdict(list)
    for group, stage, days in rows:
        values[(group, stage)].append(days)
    counts = {key: len(v) for key, v in values.items()}
    table = protect(counts, groups, list(STAGES), gc.k, withheld)
    return {
        "stages": list(STAGES),
        "groups": [
            {
                "group": g,
                "stages": {st: summary(values[(g, st)], table.cell(g, st)) for st in STAGES},
            }
            for g in groups
        ],
        "overall": {
            st: summary(
                [d for (_g, s), v in values.items() if s == st for d in v], table.total_of(st)
            )
            for st in STAGES
        },
    }


def escalation(cohort: Cohort, groups: list[str], gc: GroupCounts) -> tuple[dict, ProtectedTable]:
    """Formal escalations per 100 employees and the share of closed plans that improved."""
    k, w = gc.k, gc.cases_withheld()
    formal = yes_no(cohort.formal, cohort.cases, groups, k, w, gc.total_hidden("new"))
    improved = yes_no(cohort.improved, cohort.closed_plans, groups, k, w)

    def line(employees: int | str, f: int | str, plans: int | str, i: int | str) -> dict:
        rate: float | str | None = hidden_label(k)
        if isinstance(f, int) and isinstance(employees, int):
            rate = round(100 * f / employees, 2) if employees else None
        share: float | str | None = hidden_label(k)
        if isinstance(i, int) and isinstance(plans, int):
            share = round(i / plans, 3) if plans else None
        return {
            "employees": employees,
            "formal_cases": f,
            "per_100_employees": rate,
            "closed_plans": plans,
            "improved_share": share,
        }

    n = len(groups)
    table = [
        {"group": g}
        | line(
            gc.shown("employees", g),
            formal.cell(g, "yes"),
            improved.value(r, 2),
            improved.cell(g, "yes") if isinstance(improved.cell(g, "no"), int) else hidden_label(k),
        )
        for r, g in enumerate(groups)
    ]
    i_total = (
        improved.total_of("yes") if isinstance(improved.total_of("no"), int) else hidden_label(k)
    )
    overall = line(
        gc.shown_total("employees"), formal.total_of("yes"), improved.value(n, 2), i_total
    )
    return {"groups": table, "overall": overall}, formal


def drift(
    esc: dict, formal: ProtectedTable, timings: list[tuple], gc: GroupCounts, factor: float
) -> list[dict]:
    """Groups whose formal rate or median days to formal concern differ by more than the factor.

    Only groups whose counts are shown can be listed: a withheld group has no rate to compare.
    """
    days: dict[str, list[float]] = defaultdict(list)
    for row in timings:
        if row[TO_FORMAL] is not None and row[FORMAL]:
            days[row[GROUP]].append(row[TO_FORMAL])
    everyone = [d for values in days.values() for d in values]
    org_rate = esc["overall"]["per_100_employees"]
    org_days = (
        statistics.median(everyone)
        if isinstance(formal.total_of("yes"), int) and everyone
        else None
    )
    listed = []
    for row in esc["groups"]:
        g, rate = row["group"], row["per_100_employees"]
        reasons = []
        if isinstance(rate, float | int) and isinstance(org_rate, float | int) and org_rate > 0:
            ratio = rate / org_rate
            if ratio > factor or (rate > 0 and ratio < 1 / factor):
                reasons.append(
                    _reason("formal escalations per 100 employees", rate, org_rate, ratio)
                )
        shown_formal = formal.cell(g, "yes")
        if org_days and isinstance(shown_formal, int) and days.get(g):
            median = statistics.median(days[g])
            ratio = median / org_days
            if ratio > factor or ratio < 1 / factor:
                reasons.append(_reason("median days to formal concern", median, org_days, ratio))
        if reasons:
            n = gc.sizes["new"][g]  # shown: the group's formal count is shown
            note = (
                f"Small group ({n} cases in the period): one case moves these figures a lot."
                if n < LOW_CONFIDENCE_CASES
                else f"Based on {n} cases in the period."
            )
            listed.append({"group": g, "differences": reasons, "confidence_note": note})
    return listed


def _reason(measure: str, group_value: float, org_value: float, ratio: float) -> dict:
    return {
        "measure": measure,
        "group_value": group_value,
        "organisation_value": org_value,
        "ratio": round(ratio, 2),
    }
