"""Calibration figures: are escalations timely, consistent and fair across groups?

Figures are computed from counts and day spans only (`app.vault.calibration_queries`); every
count describing fewer than ``k`` people, and every statistic over fewer than ``k`` cases, is
withheld (`app.services.small_groups`). Drift is a prompt for a calibration meeting, never a
verdict, so each listed group carries its numbers and a confidence note.
"""

from __future__ import annotations

import math
import statistics
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from app.resource_paths import resource_path
from app.services.small_groups import protect, small
from app.vault import calibration_queries as q
from app.vault.connection import Connection

STAGES = (
    "early_conversation",
    "coaching",
    "formal_concern",
    "improvement_plan",
    "formal_review",
    "outcome",
)
TRACKS = ("standard", "high_stakes")
OUTCOMES = ("improved", "development_track", "reassignment", "succession_or_exit")
EXCEPTION_KINDS = ("extend", "pause", "skip", "deviation")
K_BOUNDS = (2, 50)
FACTOR_BOUNDS = (1.1, 10.0)
LOW_CONFIDENCE_CASES = 20  # below this many cases a group's rate moves a lot with one case


class CalibrationError(ValueError):
    """A request that cannot be answered (bad period, unknown grouping, bad policy value)."""


@dataclass(frozen=True)
class CalibrationPolicy:
    k: int = 5
    drift_factor: float = 1.5

    @classmethod
    def from_toml(cls, text: str) -> CalibrationPolicy:
        table = tomllib.loads(text).get("calibration", {})
        k = table.get("small_group_k", cls.k)
        factor = table.get("drift_factor", cls.drift_factor)
        if not isinstance(k, int) or not K_BOUNDS[0] <= k <= K_BOUNDS[1]:
            raise CalibrationError(f"calibration.small_group_k must be {K_BOUNDS[0]}–{K_BOUNDS[1]}")
        if not isinstance(factor, int | float) or not (
            FACTOR_BOUNDS[0] <= factor <= FACTOR_BOUNDS[1]
        ):
            raise CalibrationError(
                f"calibration.drift_factor must be {FACTOR_BOUNDS[0]}–{FACTOR_BOUNDS[1]}"
            )
        return cls(k, float(factor))

    @classmethod
    def default(cls) -> CalibrationPolicy:
        return cls.from_toml(resource_path("policy", "default.toml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Request:
    start: date
    end: date
    by: str = "department"
    pilot: str | None = None  # a department
    pilot_since: date | None = None

    def check(self) -> None:
        if self.start > self.end:
            raise CalibrationError("The period starts after it ends; swap --from and --to.")
        if self.by not in q.GROUP_COLUMNS:
            raise CalibrationError("Group by department or manager.")
        if (self.pilot is None) != (self.pilot_since is None):
            raise CalibrationError("A pilot needs both a department and a start date (--since).")


def default_request(today: date, **kw: object) -> Request:
    return Request(start=today - timedelta(days=365), end=today, **kw)  # type: ignore[arg-type]


def p90(values: list[float]) -> float:
    """Nearest-rank 90th percentile: the smallest value at or above 90% of the values."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def _summary(values: list[float], k: int) -> dict:
    n = len(values)
    if n == 0:
        return {"cases": 0, "median_days": None, "p90_days": None}
    if small(n, k):
        label = f"fewer than {k}"
        return {"cases": label, "median_days": label, "p90_days": label}
    return {"cases": n, "median_days": statistics.median(values), "p90_days": p90(values)}


def _table(rows: list[tuple], columns: tuple[str, ...], k: int) -> dict:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    groups: set[str] = set()
    for group, column, n in rows:
        groups.add(group)
        counts[(group, column)] += int(n or 0)
    return protect(counts, sorted(groups), list(columns), k).as_json() | {"columns": list(columns)}


def calibration_report(conn: Connection, req: Request, policy: CalibrationPolicy) -> dict:
    """Every figure family for ``req``, small groups protected, ready for JSON, PDF and view."""
    req.check()
    k, s, e, by = policy.k, req.start.isoformat(), req.end.isoformat(), req.by
    head_rows = q.headcount(conn, by)
    # Managers are people: the report names them "Manager 1", "Manager 2", … (sorted by name,
    # so the numbering is stable for one vault) and never by name.
    alias = (
        {name: f"Manager {i}" for i, name in enumerate(sorted(g for g, _ in head_rows), 1)}
        if by == "manager"
        else {}
    )

    def named(rows: list[tuple]) -> list[tuple]:
        return [(alias.get(r[0], r[0]), *r[1:]) for r in rows] if alias else rows

    heads = {g: n for g, n in named(head_rows)}
    open_rows = named(q.open_by_stage(conn, by))
    flow = named(q.opened_and_closed(conn, by, s, e))
    timings = named(q.case_timings(conn, by, s, e))
    report = {
        "period": {"from": s, "to": e},
        "grouped_by": by,
        "small_group_k": k,
        "drift_factor": policy.drift_factor,
        "open_by_stage": _table([(g, st, n) for g, st, _t, n in open_rows], STAGES, k),
        "open_by_track": _table([(g, t, n) for g, _st, t, n in open_rows], TRACKS, k),
        "new_cases": _table([(g, "new", n) for g, _o, n, _c in flow], ("new",), k),
        "closed_by_outcome": _table(
            [(g, o, c) for g, o, _n, c in flow if o in OUTCOMES], OUTCOMES, k
        ),
        "exceptions_granted": _table(
            named(q.exceptions_granted(conn, by, s, e)), EXCEPTION_KINDS, k
        ),
        "root_causes": _table(named(q.root_causes(conn, by, s, e)), _causes(), k),
        "response_time": _response(timings, k),
        "time_in_stage": _stays(named(q.stage_stays(conn, by, s, e)), k),
        "escalation": _escalation(timings, heads, k),
    }
    report["drift"] = _drift(report["escalation"], timings, policy)
    if req.pilot:
        from app.services.calibration_pilot import pilot_comparison

        report["pilot"] = pilot_comparison(timings, req.pilot, req.pilot_since, k)  # type: ignore[arg-type]
    return report


def _causes() -> tuple[str, ...]:
    from app.domain.records import RootCause

    return tuple(c.value for c in RootCause)


def _response(timings: list[tuple], k: int) -> dict:
    conv: dict[str, list[float]] = defaultdict(list)
    coach: dict[str, list[float]] = defaultdict(list)
    for row in timings:
        group, to_conv, to_coach = row[0], row[3], row[4]
        for bucket, value in ((conv, to_conv), (coach, to_coach)):
            if value is not None:
                bucket[group].append(value)
                bucket["\0all"].append(value)
    groups = sorted((set(conv) | set(coach)) - {"\0all"})
    return {
        "groups": [
            {
                "group": g,
                "to_first_conversation": _summary(conv.get(g, []), k),
                "to_coaching": _summary(coach.get(g, []), k),
            }
            for g in groups
        ],
        "overall": {
            "to_first_conversation": _summary(conv.get("\0all", []), k),
            "to_coaching": _summary(coach.get("\0all", []), k),
        },
    }


def _stays(rows: list[tuple], k: int) -> dict:
    by_group: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    overall: dict[str, list[float]] = defaultdict(list)
    for group, stage, days in rows:
        by_group[group][stage].append(days)
        overall[stage].append(days)
    return {
        "stages": list(STAGES),
        "groups": [
            {"group": g, "stages": {st: _summary(by_group[g].get(st, []), k) for st in STAGES}}
            for g in sorted(by_group)
        ],
        "overall": {st: _summary(overall.get(st, []), k) for st in STAGES},
    }


def _escalation(timings: list[tuple], heads: dict[str, int], k: int) -> dict:
    formal: dict[str, int] = defaultdict(int)
    plans: dict[str, int] = defaultdict(int)
    improved: dict[str, int] = defaultdict(int)
    for row in timings:
        group, reached, outcome, had_plan, status = row[0], row[6], row[7], row[8], row[9]
        formal[group] += int(bool(reached))
        if had_plan and status == "closed":
            plans[group] += 1
            improved[group] += int(outcome == "improved")

    def line(employees: int, f: int, p: int, i: int) -> dict:
        label = f"fewer than {k}"
        hide_f = small(f, k) or small(employees, k)
        return {
            "employees": label if small(employees, k) else employees,
            "formal_cases": label if hide_f else f,
            "per_100_employees": label
            if hide_f
            else (round(100 * f / employees, 2) if employees else None),
            "closed_plans": label if small(p, k) else p,
            "improved_share": label if small(p, k) else (round(i / p, 3) if p else None),
        }

    groups = sorted(heads)
    table = [{"group": g} | line(heads[g], formal[g], plans[g], improved[g]) for g in groups]
    # A group's withheld formal count must not be recoverable from the overall count: when
    # exactly one group is withheld, the overall count is withheld too.
    overall = line(
        sum(heads.values()), sum(formal.values()), sum(plans.values()), sum(improved.values())
    )
    for key in ("formal_cases", "closed_plans"):
        hidden = [row for row in table if isinstance(row[key], str)]
        if len(hidden) == 1:
            overall[key] = f"fewer than {k}" if key == "formal_cases" else overall[key]
            if key == "closed_plans":
                overall["closed_plans"] = overall["improved_share"] = f"fewer than {k}"
            else:
                overall["per_100_employees"] = f"fewer than {k}"
    return {"groups": table, "overall": overall}


def _drift(escalation: dict, timings: list[tuple], policy: CalibrationPolicy) -> list[dict]:
    """Groups whose formal rate or median days to formal concern differ by more than the factor."""
    k, factor = policy.k, policy.drift_factor
    days: dict[str, list[float]] = defaultdict(list)
    cases: dict[str, int] = defaultdict(int)
    for row in timings:
        cases[row[0]] += 1
        if row[5] is not None:
            days[row[0]].append(row[5])
    everyone = [d for values in days.values() for d in values]
    org_rate = escalation["overall"]["per_100_employees"]
    org_days = statistics.median(everyone) if len(everyone) >= k else None
    listed = []
    for row in escalation["groups"]:
        g, rate = row["group"], row["per_100_employees"]
        reasons = []
        if isinstance(rate, float | int) and isinstance(org_rate, float | int) and org_rate > 0:
            ratio = rate / org_rate
            if ratio > factor or (rate > 0 and ratio < 1 / factor):
                reasons.append(
                    {
                        "measure": "formal escalations per 100 employees",
                        "group_value": rate,
                        "organisation_value": org_rate,
                        "ratio": round(ratio, 2),
                    }
                )
        g_days = days.get(g, [])
        if org_days and len(g_days) >= k:
            median = statistics.median(g_days)
            ratio = median / org_days
            if ratio > factor or ratio < 1 / factor:
                reasons.append(
                    {
                        "measure": "median days to formal concern",
                        "group_value": median,
                        "organisation_value": org_days,
                        "ratio": round(ratio, 2),
                    }
                )
        if reasons:
            n = cases.get(g, 0)
            shown = f"fewer than {k}" if small(n, k) else str(n)
            note = (
                f"Small group ({shown} cases in the period): one case moves these figures a lot."
                if n < LOW_CONFIDENCE_CASES
                else f"Based on {n} cases in the period."
            )
            listed.append({"group": g, "differences": reasons, "confidence_note": note})
    return listed
