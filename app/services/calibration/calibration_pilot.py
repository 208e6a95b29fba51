"""Pilot comparison: one department against the rest, before and after the pilot started.

The four sides (pilot/rest × before/after) split counts the report shows elsewhere (the
pilot department's cases and formal escalations, the organisation's totals), so they are
protected as a whole: side counts are shown for all four sides or none, and a share is shown
for all four sides or none, and only when the department-level count it splits is shown.
"""

from __future__ import annotations

import statistics
from datetime import date

from app.services.calibration.calibration_figures import (
    CLOSED_STATUS,
    FORMAL,
    OUTCOME,
    STATUS,
    TO_CONV,
)
from app.services.calibration.small_groups import (
    GroupCounts,
    ProtectedTable,
    hidden_label,
    protect,
    small,
)

SIDES = ("pilot_before", "pilot_after", "rest_before", "rest_after")
SCORES = ("1", "2", "3", "4", "5")


def _share_shown(parts: dict[str, list[tuple]], test, k: int) -> bool:  # noqa: ANN001
    """True when, on every side, both the rows passing ``test`` and the others are not small."""
    for rows in parts.values():
        yes = sum(1 for r in rows if test(r))
        if small(yes, k) or small(len(rows) - yes, k):
            return False
    return True


def _share(rows: list[tuple], test) -> float | None:  # noqa: ANN001
    return round(sum(1 for r in rows if test(r)) / len(rows), 3) if rows else None


def pilot_comparison(
    timings: list[tuple],
    department: str,
    since: date,
    gc: GroupCounts,
    formal: ProtectedTable,
    satisfaction: list[tuple] | None = None,
) -> dict:
    """Cases opened before and after ``since``: the pilot department versus every other one.

    ``satisfaction`` rows are (department, opened_on, who, score) for cases closed with a score.
    """
    k, label = gc.k, hidden_label(gc.k)
    cut = since.isoformat()
    parts: dict[str, list[tuple]] = {name: [] for name in SIDES}
    for row in timings:
        side = "pilot" if row[1] == department else "rest"
        when = "after" if row[2] >= cut else "before"
        parts[f"{side}_{when}"].append(row)
    known = department in gc.sizes["new"]
    counts_shown = (
        known
        and department not in gc.cases_withheld()
        and not gc.total_hidden("new")
        and not any(small(len(rows), k) for rows in parts.values())
    )
    formal_shown = (
        counts_shown
        and isinstance(formal.cell(department, "yes"), int)
        and isinstance(formal.cell(department, "no"), int)
        and _share_shown(parts, lambda r: bool(r[FORMAL]), k)
    )
    closed = {name: [r for r in rows if r[STATUS] == CLOSED_STATUS] for name, rows in parts.items()}
    closed_shown = counts_shown and _share_shown(parts, lambda r: r[STATUS] == CLOSED_STATUS, k)
    improved_shown = closed_shown and _share_shown(closed, lambda r: r[OUTCOME] == "improved", k)
    out: dict = {"department": department, "since": cut}
    for name, rows in parts.items():
        conv = [r[TO_CONV] for r in rows if r[TO_CONV] is not None]
        median = statistics.median(conv) if conv else None
        out[name] = {
            "cases": len(rows) if counts_shown else label,
            "median_days_to_conversation": median
            if counts_shown and not small(len(conv), k)
            else label,
            "formal_share": _share(rows, lambda r: bool(r[FORMAL])) if formal_shown else label,
            "closed": len(closed[name]) if closed_shown else label,
            "improved_share": _share(closed[name], lambda r: r[OUTCOME] == "improved")
            if improved_shown
            else label,
        }
    out["satisfaction"] = _satisfaction(satisfaction or [], department, cut, k, counts_shown)
    return out


def _satisfaction(rows: list[tuple], department: str, cut: str, k: int, allowed: bool) -> dict:
    """Score distributions (1–5) per side, for employees and managers, small cells protected."""
    result = {}
    for who in ("employee", "manager"):
        counts: dict[tuple[str, str], int] = {}
        for dept, opened, whose, score in rows:
            if whose != who:
                continue
            side = ("pilot" if dept == department else "rest") + (
                "_after" if opened >= cut else "_before"
            )
            counts[(side, str(score))] = counts.get((side, str(score)), 0) + 1
        withheld = frozenset() if allowed else frozenset(SIDES)
        table = protect(counts, list(SIDES), list(SCORES), k, withheld, column_totals=False)
        result[who] = {
            name: {"scores": {s: table.cell(name, s) for s in SCORES}, "answers": table.value(i, 5)}
            for i, name in enumerate(SIDES)
        }
    return result
