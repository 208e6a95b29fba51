"""The pieces of the subject access export that turn stored values into words for the
employee: which columns are shown, how a value reads, who is named how, and the final check."""

from __future__ import annotations

import json
import re

from app.documents.pdf.pdf_text import pdf_blocks
from app.documents.redaction.identifiers import IdentifierIndex, TextRedactor
from app.documents.redaction.redaction import _Pseudonyms
from app.documents.redaction.redaction_verifier import (
    RedactionRefused,
    Template,
    json_texts,
    verify_texts,
)
from app.domain.attachments import size_label
from app.domain.words.wording import file_kind, zone_label

SECTION_TITLES = {
    "stage_changes": "Stage history",
    "conversations": "Conversations",
    "indicators": "Performance indicators",
    "observations": "Observations",
    "decisions": "Decisions",
    "approvals": "Approvals",
    "case_exceptions": "Exceptions",
    "coaching_plans": "Coaching plans",
    "plan_progress": "Progress on the plan",
    "reviews": "Formal reviews",
    "review_outcomes": "Review outcomes",
    "packs": "Documentation packs",
    "attachments": "Attached files (list)",
    "case_satisfaction": "Satisfaction at close",
}
# Internal columns: keys, hashes, stored documents and machine copies of other fields.
HIDDEN = {
    "id", "uid", "case_id", "content", "pdf", "data_json", "data_digest", "pdf_sha256",
    "head_seq", "head_hash", "sha256", "sequence", "starts_utc", "objective_uid", "owner_id",
    "policy_id", "owner_type", "revision_of",
}  # fmt: skip
YES_NO = {"employee_agreed", "milestone_achieved", "plan_working", "resources_right",
           "timelines_right"}  # fmt: skip
# Name fields and the role their person plays (a column of the same row may say it better).
NAME_ROLES = {
    "manager": "manager", "hr_officer": "hr officer", "executive_sponsor": "executive sponsor",
    "author": "@author_role", "decided_by": "@role", "actor": "@role", "person": "@role",
    "requested_by": "person", "approver": "@approver_role", "added_by": "hr officer",
    "created_by": "hr officer", "attendees": "attendee", "participants": "@role",
    "attended": "attendee", "provider": "provider", "resources": "provider",
}  # fmt: skip
STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d\d:\d\d)?$")


OWN = "\u2063OWN\u2063"  # invisible separators: no text the officer types holds them


class OwnNameRedactor(TextRedactor):
    def __init__(self, index: IdentifierIndex, pseudonyms: dict[str, str], name: str) -> None:
        super().__init__(index, pseudonyms)
        self.own_name = name

    def redact(self, text: str) -> str:
        return super().redact(text).replace(OWN, self.own_name)


def labels() -> dict[str, str]:
    from app.documents.pdf.summary_template import vocabulary  # noqa: F401 - imports the enums
    from app.domain.records import LabelledEnum

    vocabulary()
    out: dict[str, str] = {}
    pending = list(LabelledEnum.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        out.update({m.value: m.label for m in cls})
    return out


def humanise(column: str) -> str:
    return column.replace("_", " ").capitalize()


def seed_names(row: dict, names: _Pseudonyms) -> None:
    for col, role in NAME_ROLES.items():
        value = row.get(col)
        if not isinstance(value, str) or not value.strip():
            continue
        role_of = str(row.get(role[1:], "")) if role.startswith("@") else role
        if value.lstrip().startswith(("[", "{")):
            try:
                items = json.loads(value)
            except ValueError:
                continue
            for item in items if isinstance(items, list) else []:
                if isinstance(item, str):
                    names(item, role_of or "attendee")
                elif isinstance(item, dict) and isinstance(item.get("name"), str):
                    names(item["name"], str(item.get("role", "")) or "attendee")
                elif isinstance(item, dict) and isinstance(item.get("provider"), str):
                    names(item["provider"], "provider")
        else:
            names(value, role_of or "person")


def shown_value(column, value, vocab, stage_of, text: TextRedactor) -> str:  # noqa: ANN001
    if value is None or value == "":
        return ""
    if column in YES_NO:
        return "Yes" if value else "No"
    if column == "media_type":
        return file_kind(str(value))
    if column == "size" and isinstance(value, int):
        return size_label(value)
    if column == "timezone":
        return zone_label(str(value))
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, bytes):
        return ""
    value = str(value)
    if column in ("stage", "from_stage", "to_stage", "skip_stage"):
        return stage_of(value)
    if value.startswith(("[", "{")):
        try:
            return flatten(json.loads(value), vocab, text)
        except ValueError:
            pass
    m = STAMP.match(value)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    if value in vocab:
        return vocab[value]
    return text.redact(value)


def require_clean_except(
    payload: bytes, kind: str, index: IdentifierIndex, template: Template, own_name: str
) -> None:
    """The verifier over every piece of text, the employee's own full name (which it may
    share a part of with someone else) taken out first; RedactionRefused if anyone remains."""
    words = own_name.split()
    own = re.compile(r"[\s\-]+".join(map(re.escape, words))) if words else None
    texts = pdf_blocks(payload, (), ()) if kind == "pdf" else json_texts(payload.decode("utf-8"))
    masked = ((where, own.sub(" Employee A ", t) if own else t) for where, t in texts)
    report = verify_texts(masked, index, template)
    if not report.ok:
        raise RedactionRefused(list(report.findings))


def flatten(value: object, vocab: dict[str, str], text: TextRedactor) -> str:
    if isinstance(value, list):
        return "; ".join(s for s in (flatten(v, vocab, text) for v in value) if s)
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            if k in ("uid", "id") or k.endswith("_uid"):
                continue
            shown = flatten(v, vocab, text)
            if shown:
                parts.append(f"{humanise(k)}: {shown}")
        return ", ".join(parts)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | float):
        return f"{value:g}"
    s = str(value)
    m = STAMP.match(s)
    if m:
        return f"{m.group(1)} {m.group(2)}"
    return vocab.get(s) or text.redact(s)


def safe_name(name: str) -> str:
    """A file name safe on every system (no folders, no control characters)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .")
    return cleaned[:120] or "file"
