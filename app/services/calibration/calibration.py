"""Calibration figures: are escalations timely, consistent and fair across groups?

Figures are computed from counts and day spans only (`app.vault.repositories.calibration_queries`);
every
count describing fewer than ``k`` people, and every statistic over fewer than ``k`` cases, is
withheld (`app.services.calibration.small_groups`). Drift is a prompt for a calibration meeting,
never a
verdict, so each listed group carries its numbers and a confidence note.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app.domain.words.labels import value_labels
from app.resource_paths import resource_path
from app.services.calibration.calibration_figures import (
    STAGES,
    Cohort,
    drift,
    escalation,
    p90,  # noqa: F401 - part of this module's interface
    response_times,
    stage_times,
)
from app.services.calibration.small_groups import GroupCounts, protect
from app.vault.connection import Connection
from app.vault.repositories import calibration_queries as q

TRACKS = ("standard", "high_stakes")
OUTCOMES = ("improved", "development_track", "reassignment", "succession_or_exit")
EXCEPTION_KINDS = ("extend", "pause", "skip", "deviation")
K_BOUNDS = (2, 50)
FACTOR_BOUNDS = (1.1, 10.0)


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
        if self.pilot is not None and self.by != "department":
            # Managers sit inside departments: a department's pilot counts next to
            # per-manager counts would give a withheld manager's figures away.
            raise CalibrationError("A pilot compares departments: group by department.")


def default_request(today: date, **kw: object) -> Request:
    return Request(start=today - timedelta(days=365), end=today, **kw)  # type: ignore[arg-type]


def stage_names(services: object) -> dict[str, str]:
    """The vault policy's names for the stage keys (a policy may rename a stage)."""
    policy = services.escalation.current_policy()  # type: ignore[attr-defined]
    return {key: policy.stage_name(key) for key in policy.stage_keys}


def _table(
    rows: list[tuple],
    columns: tuple[str, ...],
    k: int,
    groups: list[str],
    w: frozenset[str],
    hide_total: bool = False,
) -> dict:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for group, column, n in rows:
        counts[(group, column)] += int(n or 0)
    return protect(counts, groups, list(columns), k, w, hide_total=hide_total).as_json()


def calibration_report(
    conn: Connection,
    req: Request,
    policy: CalibrationPolicy,
    stage_names: Mapping[str, str] | None = None,
) -> dict:
    """Every figure family for ``req``, small groups protected, ready for JSON, PDF and view.

    ``stage_names`` are the vault policy's names for the stage keys (for ``labels``).
    """
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
    if req.pilot is not None and req.pilot not in heads:
        known = ", ".join(sorted(heads)) or "none yet"
        raise CalibrationError(f"There is no department {req.pilot!r}; the departments: {known}.")
    scan = q.case_scan(conn, by)
    open_rows = named(q.open_by_stage(scan))
    flow = named(q.opened_and_closed(scan, s, e))
    timings = named(q.case_timings(conn, scan, s, e))
    groups = sorted(heads)
    sizes: dict[str, dict[str, int]] = {"employees": heads, "new": {}, "open": {}, "closed": {}}
    for row in timings:
        sizes["new"][row[0]] = sizes["new"].get(row[0], 0) + 1
    for g, _st, _t, n in open_rows:
        sizes["open"][g] = sizes["open"].get(g, 0) + n
    for g, o, _n, c in flow:
        if o in OUTCOMES:
            sizes["closed"][g] = sizes["closed"].get(g, 0) + (c or 0)
    # The one protected count structure: every table below withholds the same groups.
    gc = GroupCounts.build(k, sizes, groups)
    w_any = gc.cases_withheld()
    hide = gc.total_hidden
    cohort = Cohort.of(timings)
    report = {
        "period": {"from": s, "to": e},
        "grouped_by": by,
        "small_group_k": k,
        "drift_factor": policy.drift_factor,
        "labels": value_labels(stage_names),
        "headcount": {
            "groups": {g: gc.shown("employees", g) for g in groups},
            "total": gc.shown_total("employees"),
        },
        "open_by_stage": _table(
            [(g, st, n) for g, st, _t, n in open_rows], STAGES, k, groups, w_any, hide("open")
        ),
        "open_by_track": _table(
            [(g, t, n) for g, _st, t, n in open_rows], TRACKS, k, groups, w_any, hide("open")
        ),
        "new_cases": _table(
            [(g, "new", n) for g, n in sizes["new"].items()],
            ("new",),
            k,
            groups,
            w_any,
            hide("new"),
        ),
        "closed_by_outcome": _table(
            [(g, o, c) for g, o, _n, c in flow if o in OUTCOMES],
            OUTCOMES,
            k,
            groups,
            w_any,
            hide("closed"),
        ),
        "exceptions_granted": _table(
            named(q.exceptions_granted(conn, by, s, e)), EXCEPTION_KINDS, k, groups, w_any
        ),
        "root_causes": _table(named(q.root_causes(conn, by, s, e)), _causes(), k, groups, w_any),
        "response_time": response_times(cohort, groups, gc),
        "time_in_stage": stage_times(named(q.stage_stays(conn, scan, s, e)), groups, gc, w_any),
    }
    esc, formal = escalation(cohort, groups, gc)
    report["escalation"] = esc
    report["drift"] = drift(esc, formal, timings, gc, policy.drift_factor)
    if req.pilot:
        from app.services.calibration.calibration_pilot import pilot_comparison

        report["pilot"] = pilot_comparison(
            timings,
            req.pilot,
            req.pilot_since,  # type: ignore[arg-type]
            gc,
            formal,
            q.satisfaction(conn, s, e),
        )
    return report


def _causes() -> tuple[str, ...]:
    from app.domain.records import RootCause

    return tuple(c.value for c in RootCause)


def export_calibration(vault: object, target: Path, data: bytes, kind: str) -> Path:
    """Write an exported calibration report (0600, temp + rename, never over a file) with
    its audit event in the same step: which format and file, never the figures."""
    import hashlib

    from app.services.documents.export_file import check_target, new_file
    from app.vault.errors import VaultExists

    target = check_target(Path(target))
    if target.exists():
        raise VaultExists(target)
    with new_file(target, data), vault.write() as w:  # type: ignore[attr-defined]
        w.audit(
            "calibration.export",
            "vault",
            "",
            {"target": target.name, "format": kind, "sha256": hashlib.sha256(data).hexdigest()},
        )
    return target
