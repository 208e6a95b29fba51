"""Reading a policy's TOML: every problem collected with its key path, numbers in range."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any

from app.domain.escalation.requirements import REQUIREMENTS
from app.domain.records import Role, Track
from app.domain.words.phrases import Phrase, Term
from app.domain.words.translation import N_

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
                self.problem(
                    _join(where, key), Phrase("unknown key (expected one of: {hint})", hint=hint)
                )

    def table(
        self, data: Mapping[str, Any], where: str, key: str, required: bool = True
    ) -> dict[str, Any]:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            if required:
                self.problem(_join(where, key), Phrase("this table is missing"))
            return {}
        if not isinstance(value, dict):
            self.problem(_join(where, key), Phrase("must be a table ([section] or {{ ... }})"))
            return {}
        return value

    def text(
        self, data: Mapping[str, Any], where: str, key: str, default: object = _MISSING
    ) -> str:
        value = data.get(key, default)
        if value is _MISSING:
            self.problem(_join(where, key), Phrase("is required (a quoted text)"))
            return ""
        if not isinstance(value, str):
            self.problem(
                _join(where, key), Phrase("must be a quoted text, not {value}", value=repr(value))
            )
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
            self.problem(
                path, Phrase("is required (a whole number from {lo} to {hi})", lo=lo, hi=hi)
            )
            return lo
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(
                path,
                Phrase(
                    "must be a whole number from {lo} to {hi}, not {value}",
                    lo=lo,
                    hi=hi,
                    value=repr(value),
                ),
            )
            return lo
        if not lo <= value <= hi:
            word = (
                N_("negative")
                if value < 0
                else (N_("too small") if value < lo else N_("too large"))
            )
            self.problem(
                path,
                Phrase(
                    "{value} is {word}; allowed: {lo} to {hi}",
                    value=value,
                    word=Term(word),
                    lo=lo,
                    hi=hi,
                ),
            )
            return lo if value < lo else hi
        return value

    def boolean(self, data: Mapping[str, Any], where: str, key: str, default: bool) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.problem(
                _join(where, key), Phrase("must be true or false, not {value}", value=repr(value))
            )
            return default
        return value

    def strings(
        self, data: Mapping[str, Any], where: str, key: str, default: object = _MISSING
    ) -> list[str]:
        value = data.get(key, default)
        path = _join(where, key)
        if value is _MISSING:
            self.problem(path, Phrase('is required (a list such as ["manager"], possibly empty)'))
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(
                path, Phrase("must be a list of quoted texts, not {value}", value=repr(value))
            )
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
                self.problem(
                    _join(where, key),
                    Phrase("'{name}' is not a role (roles: {allowed})", name=name, allowed=allowed),
                )
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
                    _join(where, key),
                    Phrase(
                        "'{name}' is not a record requirement (known: {allowed})",
                        name=name,
                        allowed=allowed,
                    ),
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
                Phrase(
                    "is required: a number of business days, or "
                    "{{ standard = 10, high_stakes = 5 }}"
                ),
            )
            return {t: 0 for t in Track}
        bounds = _bounds_key(path)
        if isinstance(value, int) and not isinstance(value, bool):
            n = self.integer(data, where, key, bounds_key=bounds)
            return {t: n for t in Track}
        if not isinstance(value, dict):
            self.problem(
                path,
                Phrase(
                    "must be a number or {{ standard = …, high_stakes = … }}, not {value}",
                    value=repr(value),
                ),
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
    return PolicyError(source_name, [(where, Phrase("{what} (this is not valid TOML)", what=what))])
