"""A short neutral status text for a case's manager or sponsor: no notes, nothing private.

Stage, the next step and its date, and the actions agreed at the latest conversation. The
officer copies or prints it; Casepath sends nothing to anyone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.words.formats import formats
from app.services.cases.case_overview import case_overview

if TYPE_CHECKING:
    from app.services.services import Services


def status_update(services: Services, case_id: int) -> str:
    ov = case_overview(services, case_id)
    lines = [
        f"Status update — case {ov.case.reference} ({formats().date(services.clock.today())})",
        f"Stage: {ov.stage_name}",
    ]
    if ov.closed:
        lines.append(ov.deadline_text)
    else:
        step = ov.deadline_what or "Next step"
        when = formats().date(ov.next_due) if ov.next_due else "no date set"
        lines.append(f"Next step: {step} — {when}")
    conversations = services.cases.conversations(case_id)
    latest = max(conversations, key=lambda c: c.held_on) if conversations else None
    actions = latest.agreed_actions if latest and not ov.closed else ()
    lines.append("Open actions:" if actions else "Open actions: none recorded")
    lines += [f"  • {a}" for a in actions]
    return "\n".join(lines) + "\n"


def save_status_update(services: Services, case_id: int, target: Path) -> Path:
    """Write the status text to ``target`` (0600, never over an existing file), audited."""
    from app.services.documents.export_file import new_file
    from app.services.errors import CannotWriteFile

    target = Path(target)
    if target.exists():
        raise CannotWriteFile(target, "it already exists; choose another name")
    text = status_update(services, case_id)
    with new_file(target, text.encode("utf-8")), services.vault.write() as w:
        w.audit("case.status_update", "case", case_id, {"file": target.name})
    return target
