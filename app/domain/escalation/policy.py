"""The escalation path as policy: stages, decision rights, required records, deadlines, tracks,
triggers, outcomes and exception rights, loaded from a TOML file officers can edit.

`load_policy(text, source_name)` validates everything at once and raises `PolicyError` listing
every problem with where it is (``line 12`` for TOML syntax, otherwise the key path such as
``stages.formal_concern.initiate``) and what to do. A vault stores the policy text it was
created with; each case keeps the id of the policy version it is worked under.

Stage keys are fixed (other parts of Casepath refer to them); their names, rights, records and
deadlines are what a policy changes.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.business_days import HolidayCalendar, check_calendar
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.escalation.flags import FlagSettings
from app.domain.escalation.requirements import REQUIREMENTS
from app.domain.records import IndicatorCategory, Outcome, Role, Track
from app.domain.retention import RetentionRules, read_rules

STAGE_KEYS = (
    "early_conversation",
    "coaching",
    "formal_concern",
    "improvement_plan",
    "formal_review",
    "outcome",
)

# What an officer may do on a case while it is in a stage (shown and checked by the GUI).
ACTIONS = (
    "conversation",
    "check_in",
    "indicator",
    "observation",
    "decision",
    "coaching_plan",
    "review",
    "exception",
    "documentation_pack",
    "attachment",
)

# Writes that are not tied to a stage, which the policy's `[rights]` table may also restrict.
CASE_WRITES = ("open_case", "edit_record", "plan_progress", "employee")
RIGHTS_KEYS = ACTIONS + CASE_WRITES
OFFICER_ROLES = (Role.HR_OFFICER, Role.HR_LEAD)  # the roles an officer of a vault may hold


# Every number a policy holds, with the range it must lie in (checked when the policy is loaded).
# Business days: 260 is a working year. A value outside these is a typo, and an absurd one
# (6000 "due soon" days) used to make deadline arithmetic run past its 20-year horizon.
POLICY_BOUNDS: dict[str, tuple[int, int]] = {
    "flags.due_soon_business_days": (0, 60),
    "flags.stalled_after_days": (1, 365),
    "stages.*.deadline_business_days": (0, 260),
    "stages.*.check_in_business_days": (0, 260),
    "stages.*.review_cadence_business_days": (0, 260),
    "triggers.*.count": (1, 100),
    "triggers.*.within_days": (1, 3650),
    "exceptions.max_extension_business_days": (1, 260),
}


def _bounds_key(path: str) -> str:
    """``stages.review.deadline_business_days`` or ``triggers[2].count`` -> a POLICY_BOUNDS key."""
    m = re.match(r"^(stages|triggers)(?:\.[^.]+|\[\d+\])\.([a-z_]+)$", path)
    return f"{m.group(1)}.*.{m.group(2)}" if m else path


class PolicyError(ValueError):
    """A policy file that cannot be used; ``str()`` names the file, where, and what is wrong."""

    def __init__(self, source_name: str, problems: list[tuple[str, str]]) -> None:
        self.source_name = source_name
        self.problems = problems
        if len(problems) == 1:
            where, what = problems[0]
            text = f"{source_name}: {where}: {what}"
        else:
            lines = "\n".join(f"  - {w}: {m}" for w, m in problems)
            text = f"{source_name} has {len(problems)} problems:\n{lines}"
        super().__init__(text + "\nThe policy was not used; fix the file and try again.")


@dataclass(frozen=True)
class StagePolicy:
    key: str
    name: str
    purpose: str
    initiate: tuple[Role, ...]  # who may move a case into this stage
    review: tuple[Role, ...]  # who must review that move
    approve: tuple[Role, ...]  # who must approve that move
    requires: tuple[str, ...]  # records required before a case may leave this stage
    deadline_business_days: Mapping[Track, int] = field(default_factory=dict, hash=False)
    check_in_business_days: Mapping[Track, int] = field(default_factory=dict, hash=False)
    actions: tuple[str, ...] = ()
    # Working days between formal reviews while in this stage (0 = reviews not scheduled here).
    review_cadence_business_days: Mapping[Track, int] = field(default_factory=dict, hash=False)

    def deadline_for(self, track: Track) -> int:
        return self.deadline_business_days[track]

    def check_in_for(self, track: Track) -> int:
        return self.check_in_business_days[track]

    def allows(self, action: str) -> bool:
        return action in self.actions


@dataclass(frozen=True)
class TrackPolicy:
    track: Track
    label: str
    start_stages: tuple[str, ...]
    observer_at_formal_meetings: bool
    extra_requires: tuple[str, ...] = ()  # added to every stage's requirements on this track


@dataclass(frozen=True)
class BackwardPolicy:
    """De-escalation (moving a case to an earlier stage): who may do it, who signs it off."""

    initiate: tuple[Role, ...]
    review: tuple[Role, ...] = ()
    approve: tuple[Role, ...] = ()
    requires: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutcomeOption:
    outcome: Outcome
    label: str
    approve: tuple[Role, ...] = ()  # approvals needed to close the case with this outcome


@dataclass(frozen=True)
class Trigger:
    """``count`` indicators of ``categories`` within ``within_days`` recommend a next step."""

    name: str
    categories: tuple[IndicatorCategory, ...]
    count: int
    within_days: int
    recommend: str = "next"  # "next" or a stage key
    high_stakes: bool = False


@dataclass(frozen=True)
class Policy:
    name: str
    version: str
    stages: tuple[StagePolicy, ...]
    tracks: Mapping[Track, TrackPolicy] = field(hash=False)
    backward: BackwardPolicy
    outcomes: tuple[OutcomeOption, ...]
    triggers: tuple[Trigger, ...]
    exception_approvers: Mapping[ExceptionKind, tuple[Role, ...]] = field(hash=False)
    max_extension_business_days: int
    calendar: HolidayCalendar
    due_soon_business_days: int
    stalled_after_days: int
    observer_marker: str
    # Who may move a case to the other track, and whose approval the change needs.
    track_change_initiate: tuple[Role, ...] = (Role.HR_OFFICER, Role.HR_LEAD)
    track_change_approve: tuple[Role, ...] = (Role.HR_LEAD,)
    # How long closed cases are kept per outcome (app/domain/retention.py).
    retention: RetentionRules = field(default_factory=RetentionRules, hash=False)
    # Who may reopen a closed case (with a reason), and whose approval reopening needs.
    reopen_initiate: tuple[Role, ...] = (Role.HR_OFFICER, Role.HR_LEAD)
    reopen_approve: tuple[Role, ...] = (Role.HR_LEAD,)
    # Which officer roles may do each write (`[rights]`; absent = every officer role).
    rights: Mapping[str, tuple[Role, ...]] = field(default_factory=dict, hash=False)
    # `[rights] enforce_stage_actions`: refuse a record whose stage does not list its action.
    enforce_stage_actions: bool = True
    source_name: str = ""
    source_text: str = field(default="", repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()

    @property
    def stage_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.stages)

    def stage(self, key: str) -> StagePolicy:
        for s in self.stages:
            if s.key == key:
                return s
        raise KeyError(f"'{key}' is not a stage of this policy ({', '.join(self.stage_keys)}).")

    def index(self, key: str) -> int:
        return self.stage_keys.index(key)

    def stage_name(self, key: str) -> str:
        return self.stage(key).name if key in self.stage_keys else key.replace("_", " ")

    def next_stage(self, key: str) -> str | None:
        i = self.index(key)
        return self.stage_keys[i + 1] if i + 1 < len(self.stages) else None

    def track(self, track: Track) -> TrackPolicy:
        return self.tracks[track]

    def requirements_to_leave(self, stage_key: str, track: Track) -> tuple[str, ...]:
        extra = self.tracks[track].extra_requires
        reqs = list(self.stage(stage_key).requires)
        reqs += [r for r in extra if r not in reqs]
        return tuple(reqs)

    def roles_for(self, action: str) -> tuple[Role, ...]:
        """The officer roles that may do ``action`` (every officer role unless restricted)."""
        return self.rights.get(action, OFFICER_ROLES)

    def outcome(self, outcome: Outcome) -> OutcomeOption | None:
        for o in self.outcomes:
            if o.outcome is outcome:
                return o
        return None

    @property
    def flag_settings(self) -> FlagSettings:
        return FlagSettings(self.calendar, self.due_soon_business_days, self.stalled_after_days)


# -- loading ------------------------------------------------------------------------------------

_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_MISSING = object()


class _Reader:
    """Walks the parsed TOML, collecting every problem with its key path."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def problem(self, where: str, what: str) -> None:
        self.problems.append((where, what))

    def check_keys(self, data: Mapping[str, Any], where: str, allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.problem(_join(where, key), f"unknown key (expected one of: {hint})")

    def table(
        self, data: Mapping[str, Any], where: str, key: str, required: bool = True
    ) -> dict[str, Any]:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.problem(_join(where, key), "this table is missing")
            return {}
        if not isinstance(value, dict):
            self.problem(_join(where, key), "must be a table ([section] or { ... })")
            return {}
        return value

    def text(
        self, data: Mapping[str, Any], where: str, key: str, default: object = _MISSING
    ) -> str:
        value = data.get(key, default)
        if value is _MISSING:
            self.problem(_join(where, key), "is required (a quoted text)")
            return ""
        if not isinstance(value, str):
            self.problem(_join(where, key), f"must be a quoted text, not {value!r}")
            return ""
        return value

    def integer(
        self,
        data: Mapping[str, Any],
        where: str,
        key: str,
        minimum: int = 0,
        default: object = _MISSING,
        bounds_key: str | None = None,
    ) -> int:
        value = data.get(key, default)
        path = _join(where, key)
        lo, hi = POLICY_BOUNDS.get(bounds_key or _bounds_key(path), (minimum, 100_000))
        lo = max(lo, minimum)
        if value is _MISSING:
            self.problem(path, f"is required (a whole number from {lo} to {hi})")
            return lo
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path, f"must be a whole number from {lo} to {hi}, not {value!r}")
            return lo
        if not lo <= value <= hi:
            word = "negative" if value < 0 else ("too small" if value < lo else "too large")
            self.problem(path, f"{value} is {word}; allowed: {lo} to {hi}")
            return lo if value < lo else hi
        return value

    def boolean(self, data: Mapping[str, Any], where: str, key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(_join(where, key), f"must be true or false, not {value!r}")
            return default
        return value

    def strings(
        self, data: Mapping[str, Any], where: str, key: str, default: object = _MISSING
    ) -> list[str]:
        value = data.get(key, default)
        path = _join(where, key)
        if value is _MISSING:
            self.problem(path, 'is required (a list such as ["manager"], possibly empty)')
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(path, f"must be a list of quoted texts, not {value!r}")
            return []
        return list(value)

    def roles(
        self, data: Mapping[str, Any], where: str, key: str, default: object = _MISSING
    ) -> tuple[Role, ...]:
        out: list[Role] = []
        for name in self.strings(data, where, key, default):
            try:
                role = Role.parse(name)
            except ValueError:
                allowed = ", ".join(r.value for r in Role)
                self.problem(_join(where, key), f"'{name}' is not a role (roles: {allowed})")
                continue
            if role not in out:
                out.append(role)
        return tuple(out)

    def requirement_keys(
        self, data: Mapping[str, Any], where: str, key: str, default: object = _MISSING
    ) -> tuple[str, ...]:
        out = []
        for name in self.strings(data, where, key, default):
            if name not in REQUIREMENTS:
                allowed = ", ".join(sorted(REQUIREMENTS))
                self.problem(
                    _join(where, key), f"'{name}' is not a record requirement (known: {allowed})"
                )
            elif name not in out:
                out.append(name)
        return tuple(out)

    def per_track(self, data: Mapping[str, Any], where: str, key: str) -> dict[Track, int]:
        value = data.get(key, _MISSING)
        path = _join(where, key)
        if value is _MISSING:
            self.problem(
                path,
                "is required: a number of business days, or { standard = 10, high_stakes = 5 }",
            )
            return {t: 0 for t in Track}
        bounds = _bounds_key(path)
        if isinstance(value, int) and not isinstance(value, bool):
            n = self.integer(data, where, key, bounds_key=bounds)
            return {t: n for t in Track}
        if not isinstance(value, dict):
            self.problem(
                path, f"must be a number or {{ standard = …, high_stakes = … }}, not {value!r}"
            )
            return {t: 0 for t in Track}
        self.check_keys(value, path, {t.value for t in Track})
        return {t: self.integer(value, path, t.value, bounds_key=bounds) for t in Track}


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _syntax_error(exc: tomllib.TOMLDecodeError, source_name: str) -> PolicyError:
    message = str(exc)
    m = _LINE.search(message)
    where = f"line {m.group(1)}, column {m.group(2)}" if m else "TOML syntax"
    what = _LINE.sub("", message).strip()
    return PolicyError(source_name, [(where, f"{what} (this is not valid TOML)")])


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


def _stages(r: _Reader, data: Mapping[str, Any]) -> tuple[StagePolicy, ...]:
    raw = data.get("stages", _MISSING)
    if raw is _MISSING:
        r.problem("stages", "no stages: add one [[stages]] table per stage")
        return ()
    if not isinstance(raw, list) or not all(isinstance(s, dict) for s in raw):
        r.problem("stages", "must be a list of [[stages]] tables")
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
            r.problem(where, "this stage is listed twice")
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
        r.problem("stages", "the last stage must be 'outcome'")
    for s in out:
        if s.deadline_business_days and any(v == 0 for v in s.deadline_business_days.values()):
            r.problem(
                f"stages.{s.key}.deadline_business_days",
                "a stage deadline must be at least 1 business day",
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
                r.problem(_join(where, "start_stages"), f"'{s}' is not a stage of this policy")
        if t and not starts:
            r.problem(_join(where, "start_stages"), "name at least one stage a case may start at")
        if "outcome" in starts:
            r.problem(_join(where, "start_stages"), "a case cannot start at the outcome stage")
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
            r.problem(f"outcomes[{i + 1}]", "must be a table")
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
            r.problem(where, "this outcome is listed twice")
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
        r.problem("triggers", "must be a list of [[triggers]] tables")
        return ()
    out = []
    for i, t in enumerate(raw):
        where = f"triggers[{i + 1}]"
        if not isinstance(t, dict):
            r.problem(where, "must be a table")
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
            r.problem(_join(where, "categories"), "name at least one indicator category")
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
            r.problem(_join("rights", key), "name at least one role (hr_officer, hr_lead)")
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
