"""Attachments in case exports and imports: content in base64, checked before it is stored."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from app.domain.attachments import Attachment, AttachmentOwner
from app.services.documents.attachment_checks import AttachmentError, AttachmentTooLarge
from app.vault.repositories.attachment_repository import AttachmentRepository
from app.vault.vault import Vault, WriteScope

EXPORT_KEYS = (
    "uid",
    "owner_type",
    "owner_uid",
    "filename",
    "media_type",
    "size",
    "sha256",
    "added_at",
    "added_by",
    "content",
)


class AttachmentExport:
    """Export and import of attachments (a part of `AttachmentService`, which provides
    ``repo``, ``vault``, ``max_bytes``, `content` and `_store`)."""

    repo: AttachmentRepository
    vault: Vault
    max_bytes: int

    def export_case(self, case_id: int) -> list[dict]:
        """The case's attachments as JSON-ready dicts (content in base64) for exports."""
        out = []
        for att in self.repo.for_case(case_id):
            out.append(
                {
                    "uid": att.uid,
                    "owner_type": att.owner_type.value,
                    "owner_uid": self.repo.owner_uid(att.owner_type, att.owner_id),
                    "filename": att.filename,
                    "media_type": att.media_type,
                    "size": att.size,
                    "sha256": att.sha256,
                    "added_at": att.added_at.isoformat(),
                    "added_by": att.added_by,
                    "content": base64.b64encode(self.content(att.id)).decode("ascii"),
                }
            )
        return out

    def check_entry(self, entry: object) -> list[str]:
        """Problems with one exported attachment (plain sentences; empty when importable)."""
        if not isinstance(entry, dict):
            return ["must be an object"]
        problems = [f"{key} is missing" for key in EXPORT_KEYS if key not in entry]
        if problems:
            return problems
        name = str(entry.get("filename") or "?")
        try:
            AttachmentOwner.parse(str(entry["owner_type"]))
        except ValueError as exc:
            problems.append(f"owner_type: {exc}")
        try:
            data = base64.b64decode(str(entry["content"]), validate=True)
        except ValueError:
            return [*problems, f"content of {name} is not valid base64; the export is damaged"]
        try:
            datetime.fromisoformat(str(entry["added_at"]))
        except ValueError:
            problems.append(f"added_at of {name} is not a date-time")
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            problems.append(f"content of {name} does not match its checksum; the export is damaged")
        if len(data) > self.max_bytes:
            problems.append(str(AttachmentTooLarge(name, len(data), self.max_bytes)))
        return problems

    def import_entry(self, entry: dict, w: WriteScope | None = None) -> Attachment | None:
        """Store one exported attachment unless its uid is already here (re-import is a no-op).

        The owning record must already be stored (it is matched by its uid). Pass the import's
        own write scope `w` to make it part of that transaction.
        """
        problems = self.check_entry(entry)
        if problems:
            raise AttachmentError("Attachment not imported: " + "; ".join(problems) + ".")
        if self.repo.by_uid(entry["uid"]) is not None:
            return None
        owner_type = AttachmentOwner.parse(entry["owner_type"])
        owner_id = self.repo.owner_by_uid(owner_type, entry["owner_uid"])
        if owner_id is None:
            raise AttachmentError(
                f"Attachment {entry['filename']} belongs to a {owner_type.value} that is not "
                "in this vault; import the case's records first."
            )
        data = base64.b64decode(entry["content"])
        # Who attached the file, and when, travels with it: an import is not a new attachment.
        provenance = (datetime.fromisoformat(entry["added_at"]), str(entry["added_by"]))
        fields = (owner_type, owner_id, entry["filename"], data, entry.get("media_type"))
        if w is not None:
            return self._store(w, *fields, entry["uid"], importing=True, provenance=provenance)
        with self.vault.write() as scope:
            return self._store(scope, *fields, entry["uid"], importing=True, provenance=provenance)
