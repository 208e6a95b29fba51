"""The escalation path as policy: stages, decision rights, required records, deadlines, tracks,
triggers, outcomes and exception rights, loaded from a TOML file officers can edit.

`load_policy(text, source_name)` validates everything at once and raises `PolicyError` listing
every problem with where it is (``line 12`` for TOML syntax, otherwise the key path such as
``stages.formal_concern.initiate``) and what to do. A vault stores the policy text it was
created with; each case keeps the id of the policy version it is worked under.

Stage keys are fixed (other parts of Casepath refer to them); their names, rights, records and
deadlines are what a policy changes.

The parts live beside this module: what a policy holds (`policy_model`), the TOML walker and
its errors (`policy_reader`), and each section's reading and checks (`policy_sections`); every
public name is importable from here.
"""

from __future__ import annotations

import tomllib

from app.domain.business_days import HolidayCalendar, check_calendar
from app.domain.escalation.policy_model import (
    ACTIONS,
    CASE_WRITES,
    OFFICER_ROLES,
    RIGHTS_KEYS,
    STAGE_KEYS,
    BackwardPolicy,
    OutcomeOption,
    Policy,
    StagePolicy,
    TrackPolicy,
    Trigger,
)
from app.domain.escalation.policy_reader import POLICY_BOUNDS, PolicyError, _Reader, _syntax_error
from app.domain.escalation.policy_sections import (
    _backward,
    _check_reachable,
    _exceptions,
    _outcomes,
    _rights,
    _stages,
    _tracks,
    _triggers,
)
from app.domain.retention import read_rules

__all__ = [
    "ACTIONS",
    "BackwardPolicy",
    "CASE_WRITES",
    "OFFICER_ROLES",
    "OutcomeOption",
    "POLICY_BOUNDS",
    "Policy",
    "PolicyError",
    "RIGHTS_KEYS",
    "STAGE_KEYS",
    "StagePolicy",
    "TrackPolicy",
    "Trigger",
    "load_policy",
]


def load_policy(text: str, source_name: str = "policy.toml") -> Policy:
    """Parse and validate a policy; raise `PolicyError` with every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, source_name) from None
    r = _Reader()
    r.check_keys(
        data,
        "",
        {
            "policy",
            "calendar",
            "flags",
            "observer",
            "tracks",
            "stages",
            "backward",
            "outcomes",
            "exceptions",
            "triggers",
            "calibration",  # read by app/services/calibration/calibration.py
            "track_change",
            "retention",  # app/domain/retention.py
            "reopen",
            "rights",
        },
    )

    meta = r.table(data, "", "policy")
    r.check_keys(meta, "policy", {"name", "version"})
    name = r.text(meta, "policy", "name")
    version = r.text(meta, "policy", "version", "")

    cal = r.table(data, "", "calendar")
    r.check_keys(cal, "calendar", {"country", "subdivision"})
    country = r.text(cal, "calendar", "country")
    subdivision = r.text(cal, "calendar", "subdivision", "") or None
    if country:
        wrong = check_calendar(country, subdivision)
        if wrong:
            r.problem(
                "calendar.subdivision" if "subdivision" in wrong else "calendar.country", wrong
            )
    calendar = HolidayCalendar(country or "GB", subdivision)

    flags = r.table(data, "", "flags")
    r.check_keys(flags, "flags", {"due_soon_business_days", "stalled_after_days"})
    due_soon = r.integer(flags, "flags", "due_soon_business_days", 0, 5)
    stalled = r.integer(flags, "flags", "stalled_after_days", 1, 21)

    observer = r.table(data, "", "observer", required=False)
    r.check_keys(observer, "observer", {"marker"})
    marker = r.text(observer, "observer", "marker", "HR observer")
    if not marker.strip():
        r.problem("observer.marker", "must not be empty")

    stages = _stages(r, data)
    keys = tuple(s.key for s in stages)
    tracks = _tracks(r, data, keys)
    backward = _backward(r, data)
    outcomes = _outcomes(r, data)
    triggers = _triggers(r, data, keys)
    approvers, max_ext = _exceptions(r, data)
    change = r.table(data, "", "track_change", required=False)
    r.check_keys(change, "track_change", {"initiate", "approve"})
    change_initiate = r.roles(change, "track_change", "initiate", ["hr_officer", "hr_lead"])
    change_approve = r.roles(change, "track_change", "approve", ["hr_lead"])
    retention, retention_problems = read_rules(data)
    r.problems += retention_problems
    reopen = r.table(data, "", "reopen", required=False)
    r.check_keys(reopen, "reopen", {"initiate", "approve"})
    reopen_initiate = r.roles(reopen, "reopen", "initiate", ["hr_officer", "hr_lead"])
    reopen_approve = r.roles(reopen, "reopen", "approve", ["hr_lead"])
    rights, enforce_stage_actions = _rights(r, data)

    if not r.problems:
        _check_reachable(r, stages, tracks, backward, approvers)
    if r.problems:
        raise PolicyError(source_name, r.problems)
    return Policy(
        name=name,
        version=version,
        stages=stages,
        tracks=tracks,
        backward=backward,
        outcomes=outcomes,
        triggers=triggers,
        exception_approvers=approvers,
        max_extension_business_days=max_ext,
        calendar=calendar,
        due_soon_business_days=due_soon,
        stalled_after_days=stalled,
        observer_marker=marker,
        track_change_initiate=change_initiate,
        track_change_approve=change_approve,
        retention=retention,
        reopen_initiate=reopen_initiate,
        reopen_approve=reopen_approve,
        rights=rights,
        enforce_stage_actions=enforce_stage_actions,
        source_name=source_name,
        source_text=text,
    )
