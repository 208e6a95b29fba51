"""The vault's own conversation prompts in the interchange format (version 2, ``templates``).

Only the kinds the officers edited travel (any other kind uses the set shipped with Casepath).
Each text is parsed as Preferences → Templates parses it, so a broken set is refused by its path
before anything is written. A kind the importing vault already edited keeps its own text: an
import adds, it never overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.domain.prompt_templates import TemplateKind
from app.domain.validation import ValidationReport
from app.services.cases.conversation_prompts import PromptsError, parse_conversation_prompts
from app.services.interchange.interchange_values import check_keys
from app.vault.vault import WriteScope

if TYPE_CHECKING:
    from app.services.services import Services

TEMPLATE_KEYS = {"kind", "text", "updated_at", "updated_by"}


@dataclass(frozen=True)
class TemplateItem:
    kind: TemplateKind
    text: str
    updated_at: str
    updated_by: str


def export_templates(services: Services) -> list[dict[str, str]]:
    return [
        {
            "kind": e.kind.value,
            "text": e.text,
            "updated_at": e.updated_at,
            "updated_by": e.updated_by,
        }
        for e in services.templates.entries()
        if e.edited
    ]


def read_templates(report: ValidationReport, raw: Any) -> list[TemplateItem]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        report.error("templates", "must be a list")
        return []
    out: list[TemplateItem] = []
    kinds = ", ".join(k.value for k in TemplateKind)
    for i, item in enumerate(raw):
        where = f"templates[{i}]"
        if not check_keys(report, where, item, TEMPLATE_KEYS):
            continue
        try:
            kind = TemplateKind.parse(item.get("kind") if isinstance(item.get("kind"), str) else "")
        except ValueError:
            report.error(f"{where}.kind", f"must be one of {kinds}")
            continue
        if any(t.kind is kind for t in out):
            report.error(f"{where}.kind", "appears twice in the document")
            continue
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            report.error(f"{where}.text", "is required: the prompts as TOML text")
            continue
        try:
            parse_conversation_prompts(text, f"the {kind.value} prompts")
        except PromptsError as exc:
            report.error(f"{where}.text", str(exc))
            continue
        stamps = [item.get("updated_at") or "", item.get("updated_by") or ""]
        if not all(isinstance(v, str) for v in stamps):
            report.error(where, "updated_at and updated_by must be text")
            continue
        out.append(TemplateItem(kind, text, *stamps))
    return out


def write_templates(
    services: Services, w: WriteScope, items: list[TemplateItem]
) -> tuple[int, int]:
    """(added, kept) inside the import's transaction: a kind the vault already edited keeps
    its own text. ``updated_at``/``updated_by`` stay as exported (who last edited the prompts);
    the import's audit event says who brought them here and when."""
    repo = services.templates.repo
    stored = repo.all()
    added = kept = 0
    for item in items:
        if item.kind.value in stored:
            kept += 1
            continue
        at = item.updated_at or services.clock.now().isoformat(timespec="seconds")
        row = repo.put(item.kind.value, item.text, at, item.updated_by or services.officer.name)
        w.audit("template.import", "conversation_template", row, {"kind": item.kind.value})
        added += 1
    return added, kept
