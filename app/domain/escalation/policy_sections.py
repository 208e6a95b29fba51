"""The sections of a policy file, each read and checked: stages, tracks, going back, outcomes,
triggers, exceptions, rights, and that every stage can be reached.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.policy_model import (
    ACTIONS,
    OFFICER_ROLES,
    RIGHTS_KEYS,
    STAGE_KEYS,
    BackwardPolicy,
    OutcomeOption,
    StagePolicy,
    TrackPolicy,
    Trigger,
)
from app.domain.escalation.policy_reader import _MISSING, _join, _Reader
from app.domain.records import IndicatorCategory, Outcome, Role, Track
from app.domain.words.phrases import Phrase


def _stages(r: _Reader, data: Mapping[str, Any]) -> tuple[StagePolicy, ...]:
    raw = data.get("stages", _MISSING)
    if raw is _MISSING:
        r.problem("stages", Phrase("no stages: add one [[stages]] table per stage"))
        return ()
    if not isinstance(raw, list) or not all(isinstance(s, dict) for s in raw):
        r.problem("stages", Phrase("must be a list of [[stages]] tables"))
        return ()
    out: list[StagePolicy] = []
    seen: set[str] = set()
    allowed = {
        "key",
        "name",
        "purpose",
        "initiate",
        "review",
        "approve",
        "requires",
        "deadline_business_days",
        "check_in_business_days",
        "review_cadence_business_days",
        "actions",
    }
    for i, s in enumerate(raw):
        key = s.get("key")
        where = f"stages.{key}" if isinstance(key, str) and key else f"stages[{i + 1}]"
        r.check_keys(s, where, allowed)
        if not isinstance(key, str) or key not in STAGE_KEYS:
            r.problem(
                _join(where, "key"),
                f"{key!r} is not a stage key; the stages are {', '.join(STAGE_KEYS)}",
            )
            continue
        if key in seen:
            r.problem(where, Phrase("this stage is listed twice"))
            continue
        seen.add(key)
        actions = r.strings(s, where, "actions", [])
        for a in actions:
            if a not in ACTIONS:
                r.problem(
                    _join(where, "actions"),
                    f"'{a}' is not an action (actions: {', '.join(ACTIONS)})",
                )
        out.append(
            StagePolicy(
                key=key,
                name=r.text(s, where, "name"),
                purpose=r.text(s, where, "purpose", ""),
                initiate=r.roles(s, where, "initiate"),
                review=r.roles(s, where, "review", []),
                approve=r.roles(s, where, "approve", []),
                requires=r.requirement_keys(s, where, "requires", []),
                deadline_business_days=r.per_track(s, where, "deadline_business_days"),
                check_in_business_days=r.per_track(s, where, "check_in_business_days"),
                review_cadence_business_days=(
                    r.per_track(s, where, "review_cadence_business_days")
                    if "review_cadence_business_days" in s
                    else {t: 0 for t in Track}
                ),
                actions=tuple(a for a in actions if a in ACTIONS),
            )
        )
    for key in STAGE_KEYS:
        if key not in seen:
            r.problem(
                f"stages.{key}",
                "this stage is missing; every policy describes all six "
                f"stages ({', '.join(STAGE_KEYS)})",
            )
    if out and not r.problems and out[-1].key != "outcome":
        r.problem("stages", Phrase("the last stage must be 'outcome'"))
    for s in out:
        if s.deadline_business_days and any(v == 0 for v in s.deadline_business_days.values()):
            r.problem(
                f"stages.{s.key}.deadline_business_days",
                Phrase("a stage deadline must be at least 1 business day"),
            )
    return tuple(out)


def _tracks(r: _Reader, data: Mapping[str, Any], keys: tuple[str, ...]) -> dict[Track, TrackPolicy]:
    raw = r.table(data, "", "tracks")
    r.check_keys(raw, "tracks", {t.value for t in Track})
    out: dict[Track, TrackPolicy] = {}
    for track in Track:
        where = f"tracks.{track.value}"
        t = r.table(raw, "tracks", track.value)
        r.check_keys(
            t, where, {"label", "start_stages", "observer_at_formal_meetings", "extra_requires"}
        )
        starts = r.strings(t, where, "start_stages")
        for s in starts:
            if s not in keys:
                r.problem(
                    _join(where, "start_stages"),
                    Phrase("'{stage}' is not a stage of this policy", stage=s),
                )
        if t and not starts:
            r.problem(
                _join(where, "start_stages"), Phrase("name at least one stage a case may start at")
            )
        if "outcome" in starts:
            r.problem(
                _join(where, "start_stages"), Phrase("a case cannot start at the outcome stage")
            )
        observer = r.boolean(t, where, "observer_at_formal_meetings", False)
        extra = r.requirement_keys(t, where, "extra_requires", [])
        if observer and "observer_present" not in extra:
            extra = (*extra, "observer_present")
        out[track] = TrackPolicy(
            track,
            r.text(t, where, "label", track.label),
            tuple(s for s in starts if s in keys),
            observer,
            extra,
        )
    return out


def _backward(r: _Reader, data: Mapping[str, Any]) -> BackwardPolicy:
    b = r.table(data, "", "backward")
    r.check_keys(b, "backward", {"initiate", "review", "approve", "requires"})
    return BackwardPolicy(
        initiate=r.roles(b, "backward", "initiate", []),
        review=r.roles(b, "backward", "review", []),
        approve=r.roles(b, "backward", "approve", []),
        requires=r.requirement_keys(b, "backward", "requires", []),
    )


def _outcomes(r: _Reader, data: Mapping[str, Any]) -> tuple[OutcomeOption, ...]:
    raw = data.get("outcomes", _MISSING)
    if raw is _MISSING or not isinstance(raw, list) or not raw:
        r.problem(
            "outcomes",
            "name the outcome options as [[outcomes]] tables (keys: "
            f"{', '.join(o.value for o in Outcome)})",
        )
        return ()
    out: list[OutcomeOption] = []
    for i, o in enumerate(raw):
        if not isinstance(o, dict):
            r.problem(f"outcomes[{i + 1}]", Phrase("must be a table"))
            continue
        key = o.get("key")
        where = f"outcomes.{key}" if isinstance(key, str) else f"outcomes[{i + 1}]"
        r.check_keys(o, where, {"key", "label", "approve"})
        try:
            outcome = Outcome.parse(key if isinstance(key, str) else "")
        except ValueError:
            r.problem(
                _join(where, "key"),
                f"{key!r} is not an outcome (outcomes: {', '.join(x.value for x in Outcome)})",
            )
            continue
        if any(x.outcome is outcome for x in out):
            r.problem(where, Phrase("this outcome is listed twice"))
            continue
        out.append(
            OutcomeOption(
                outcome, r.text(o, where, "label", outcome.label), r.roles(o, where, "approve", [])
            )
        )
    return tuple(out)


def _triggers(r: _Reader, data: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[Trigger, ...]:
    raw = data.get("triggers", [])
    if not isinstance(raw, list):
        r.problem("triggers", Phrase("must be a list of [[triggers]] tables"))
        return ()
    out = []
    for i, t in enumerate(raw):
        where = f"triggers[{i + 1}]"
        if not isinstance(t, dict):
            r.problem(where, Phrase("must be a table"))
            continue
        r.check_keys(
            t, where, {"name", "categories", "count", "within_days", "recommend", "high_stakes"}
        )
        cats: list[IndicatorCategory] = []
        for c in r.strings(t, where, "categories"):
            try:
                cats.append(IndicatorCategory.parse(c))
            except ValueError:
                r.problem(
                    _join(where, "categories"),
                    f"'{c}' is not an indicator category "
                    f"({', '.join(x.value for x in IndicatorCategory)})",
                )
        if not cats and "categories" in t:
            r.problem(_join(where, "categories"), Phrase("name at least one indicator category"))
        recommend = r.text(t, where, "recommend", "next")
        if recommend != "next" and recommend not in keys:
            r.problem(
                _join(where, "recommend"),
                f"'{recommend}' must be 'next' or a stage ({', '.join(keys)})",
            )
        out.append(
            Trigger(
                name=r.text(t, where, "name"),
                categories=tuple(cats),
                count=r.integer(t, where, "count", 1),
                within_days=r.integer(t, where, "within_days", 1),
                recommend=recommend,
                high_stakes=r.boolean(t, where, "high_stakes", False),
            )
        )
    return tuple(out)


def _exceptions(
    r: _Reader, data: Mapping[str, Any]
) -> tuple[dict[ExceptionKind, tuple[Role, ...]], int]:
    e = r.table(data, "", "exceptions")
    allowed = {k.value for k in ExceptionKind} | {"max_extension_business_days"}
    r.check_keys(e, "exceptions", allowed)
    rights = {k: r.roles(e, "exceptions", k.value) for k in ExceptionKind}
    max_ext = r.integer(e, "exceptions", "max_extension_business_days", 1, 20)
    return rights, max_ext


def _rights(r: _Reader, data: Mapping[str, Any]) -> tuple[dict[str, tuple[Role, ...]], bool]:
    """``[rights]``: action -> the officer roles that may do it (only officer roles act), and
    whether each stage's ``actions`` list is enforced."""
    table = r.table(data, "", "rights", required=False)
    r.check_keys(table, "rights", {*RIGHTS_KEYS, "enforce_stage_actions"})
    enforce = r.boolean(table, "rights", "enforce_stage_actions", True)
    out: dict[str, tuple[Role, ...]] = {}
    for key in table:
        if key not in RIGHTS_KEYS:
            continue
        roles = r.roles(table, "rights", key)
        wrong = [x.value for x in roles if x not in OFFICER_ROLES]
        if wrong:
            r.problem(
                _join("rights", key),
                "only officers act in the vault: use hr_officer or hr_lead, not "
                + ", ".join(wrong),
            )
        elif not roles:
            r.problem(_join("rights", key), Phrase("name at least one role (hr_officer, hr_lead)"))
        out[key] = roles
    return out, enforce


def _check_reachable(
    r: _Reader,
    stages: tuple[StagePolicy, ...],
    tracks: Mapping[Track, TrackPolicy],
    backward: BackwardPolicy,
    approvers: Mapping[ExceptionKind, tuple[Role, ...]],
) -> None:
    """Every stage must be reachable by a case: as a start stage, by a forward move from a
    reachable stage (the one before, or any earlier one with a skip exception), or backwards
    from a later reachable stage."""
    keys = [s.key for s in stages]
    reachable = {k for t in tracks.values() for k in t.start_stages}
    can_skip = bool(approvers.get(ExceptionKind.SKIP))
    changed = True
    while changed:
        changed = False
        for i, s in enumerate(stages):
            if s.key in reachable:
                continue
            earlier = [k for k in keys[:i] if k in reachable]
            later = [k for k in keys[i + 1 :] if k in reachable]
            forward = bool(s.initiate) and (
                (i > 0 and keys[i - 1] in reachable) or (can_skip and bool(earlier))
            )
            back = bool(backward.initiate) and bool(later)
            if forward or back:
                reachable.add(s.key)
                changed = True
    for s in stages:
        if s.key not in reachable:
            why = (
                "nobody may initiate a move into it (its initiate list is empty)"
                if not s.initiate
                else "no stage before it can be reached"
            )
            r.problem(
                f"stages.{s.key}", f"no case can reach this stage: {why}, and no track starts there"
            )
