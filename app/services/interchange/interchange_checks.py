"""Two checks of an interchange document before anything is read into the vault.

1. The published JSON Schema (resources/schema/interchange.schema.json, described in
   docs/FORMAT.md), with formats checked: what another tool wrote must be what Casepath writes.
2. The vault's escalation policy: a case in a stage, or a stage change to a stage, that the
   policy does not know could be imported but never moved again, so it is refused; so is a
   track the policy does not define. A case already in the vault is checked against the policy
   it was opened under.

Both return (JSON path, message) pairs, paths written as the importer writes them
(``cases[2].stage_changes[0].to_stage``); `check_schema_and_policy` adds them to the import's
report. `actions_of` names the policy actions an import needs (the officer must hold them).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from app.domain.escalation.policy import Policy
from app.domain.validation import ValidationReport
from app.resource_paths import resource_path

if TYPE_CHECKING:
    from app.services.services import Services

STAGE_KEYS = frozenset({"stage", "from_stage", "to_stage", "skip_stage"})
TRACK_KEYS = frozenset({"track", "from_track", "to_track"})


@cache
def schema() -> dict[str, Any]:
    return json.loads(resource_path("schema", "interchange.schema.json").read_text("utf-8"))


def json_path(parts: Any) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def schema_problems(doc: Any) -> list[tuple[str, str]]:
    """Every place the document breaks the published schema, by JSON path."""
    import jsonschema  # the validator is only needed when a document is imported

    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    problems = []
    for err in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        where = json_path(err.absolute_path) or "document"
        message = err.message if len(err.message) < 200 else err.message[:197] + "..."
        problems.append((where, f"does not match the format's schema: {message}"))
    return problems


def _walk(node: Any, path: str) -> Iterator[tuple[str, str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            sub = f"{path}.{key}" if path else key
            yield sub, key, value
            yield from _walk(value, sub)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def policy_problems(case: Any, path: str, policy: Policy) -> list[tuple[str, str]]:
    """Stages and tracks in one case (and its records) that the policy does not know."""
    if not isinstance(case, dict):
        return []
    stages = set(policy.stage_keys)
    tracks = {t.value for t in policy.tracks}
    problems = []
    for where, key, value in _walk(case, path):
        if not isinstance(value, str) or not value:
            continue
        if key in STAGE_KEYS and value not in stages:
            problems.append(
                (
                    where,
                    f"'{value}' is not a stage of the vault's policy '{policy.name}' "
                    f"({', '.join(policy.stage_keys)})",
                )
            )
        elif key in TRACK_KEYS and value not in tracks:
            problems.append(
                (
                    where,
                    f"'{value}' is not a track of the vault's policy '{policy.name}' "
                    f"({', '.join(sorted(tracks))})",
                )
            )
    return problems


def check_schema_and_policy(doc: dict, services: Services, report: ValidationReport) -> None:
    """Add what the published schema and the vault's policy refuse, by JSON path; a path
    the checks above already reported is not reported twice."""
    seen = [p.field for p in report.errors]

    def covered(where: str) -> bool:
        return any(
            s == where or s.startswith((where + ".", where + "[")) or where.startswith(s + ".")
            for s in seen
        )

    for where, message in schema_problems(doc):
        if not covered(where):
            report.error(where, message)
    current = services.escalation.current_policy()
    for i, raw in enumerate(doc.get("cases") or []):
        policy = current
        ref = raw.get("reference") if isinstance(raw, dict) else None
        if isinstance(ref, str) and ref and services.vault.cases.exists(ref):
            policy = services.escalation.policy_for(services.vault.cases.by_reference(ref))
        for where, message in policy_problems(raw, f"cases[{i}]", policy):
            if not any(p.field == where for p in report.errors):
                report.error(where, message)


# Sections of a document -> the policy action writing them needs (app/services/action_guard).
_SECTION_ACTIONS = {
    "conversations": "conversation",
    "indicators": "indicator",
    "observations": "observation",
    "decisions": "decision",
}


def actions_of(plan: Any) -> set[str]:
    needed = {"employee"} if plan.employees else set()
    for entry in plan.cases:
        needed.add("open_case")
        needed |= {
            _SECTION_ACTIONS[k] for k, v in entry.records.items() if v and k in _SECTION_ACTIONS
        }
        if entry.exceptions:
            needed.add("exception")
        if entry.plans:
            needed.add("coaching_plan")
        if entry.reviews:
            needed.add("review")
        if entry.attachments:
            needed.add("attachment")
    return needed
