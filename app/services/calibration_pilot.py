"""Pilot comparison: one department against the rest, before and after the pilot started."""

from __future__ import annotations

import statistics
from datetime import date

from app.services.small_groups import small


def _side(rows: list[tuple], k: int) -> dict:
    label = f"fewer than {k}"
    n = len(rows)
    if small(n, k):
        return {
            "cases": label,
            "median_days_to_conversation": label,
            "formal_share": label,
            "closed": label,
            "improved_share": label,
        }
    conv = [r[3] for r in rows if r[3] is not None]
    closed = [r for r in rows if r[9] == "closed"]
    return {
        "cases": n,
        "median_days_to_conversation": (
            label if small(len(conv), k) else (statistics.median(conv) if conv else None)
        ),
        "formal_share": round(sum(bool(r[6]) for r in rows) / n, 3) if n else None,
        "closed": label if small(len(closed), k) else len(closed),
        "improved_share": (
            label
            if small(len(closed), k)
            else (
                round(sum(r[7] == "improved" for r in closed) / len(closed), 3) if closed else None
            )
        ),
    }


def pilot_comparison(timings: list[tuple], department: str, since: date, k: int) -> dict:
    """Cases opened before and after ``since``: the pilot department versus every other one."""
    cut = since.isoformat()
    parts: dict[str, list[tuple]] = {
        "pilot_before": [],
        "pilot_after": [],
        "rest_before": [],
        "rest_after": [],
    }
    for row in timings:
        side = "pilot" if row[1] == department else "rest"
        when = "after" if row[2] >= cut else "before"
        parts[f"{side}_{when}"].append(row)
    return {"department": department, "since": cut} | {
        name: _side(rows, k) for name, rows in parts.items()
    }
