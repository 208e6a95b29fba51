"""Evidence files on a case: attach, list, open for viewing, save a copy, remove, export.

Files live encrypted inside the vault; every write is one audited transaction (the audit event
holds a digest of the file's metadata and checksum, never its name in plain text). Content is
checked against its SHA-256 whenever it is read back.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.domain.attachments import Attachment, AttachmentOwner
from app.domain.clock import Clock
from app.domain.records import CaseStatus
from app.services.action_guard import ActionGuard
from app.services.documents.attachment_checks import (
    DEFAULT_MAX_BYTES,
    UNSAFE_TO_OPEN,
    AttachmentError,
    AttachmentTooLarge,
    guess_media_type,
)
from app.services.documents.attachment_demo import enrich_demo
from app.services.documents.attachment_export import EXPORT_KEYS, AttachmentExport
from app.services.documents.private_temp_dir import PrivateTempDir, safe_suffix
from app.vault.errors import IntegrityError
from app.vault.files import safe_files
from app.vault.repositories.attachment_repository import AttachmentRepository
from app.vault.repositories.hold_repository import CaseOnHold, HoldRepository
from app.vault.vault import Vault, WriteScope

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXPORT_KEYS",
    "UNSAFE_TO_OPEN",
    "AttachmentError",
    "AttachmentService",
    "AttachmentTooLarge",
    "enrich_demo",
    "guess_media_type",
]


class AttachmentService(AttachmentExport):
    """Attach, read, open, save and remove evidence files; export and import are in
    `attachment_export`, the checks of what may be attached in `attachment_checks`."""

    def __init__(
        self,
        vault: Vault,
        clock: Clock,
        max_bytes: int = DEFAULT_MAX_BYTES,
        temp_dir: PrivateTempDir | None = None,
    ) -> None:
        self.guard: ActionGuard | None = None  # set by Services: the policy's rights
        self.vault = vault
        self.clock = clock
        self.max_bytes = max_bytes
        self.repo = AttachmentRepository(vault.conn)
        self.temp = temp_dir or PrivateTempDir()

    # -- adding --------------------------------------------------------------------------
    def check_size(self, filename: str, size: int) -> None:
        if size > self.max_bytes:
            raise AttachmentTooLarge(filename, size, self.max_bytes)
        if size == 0:
            raise AttachmentError(f"{filename} is empty; there is nothing to attach.")

    def add_file(self, owner_type: AttachmentOwner, owner_id: int, path: Path) -> Attachment:
        """Attach a file from disk; its size is checked before it is read."""
        path = Path(path)
        try:
            if not path.is_file():
                raise AttachmentError(f"{path.name} is not a file; choose a file to attach.")
            self.check_size(path.name, path.stat().st_size)
            data = path.read_bytes()
        except OSError as exc:
            raise AttachmentError(f"Cannot read {path.name}: {exc.strerror}.") from None
        return self.add_bytes(owner_type, owner_id, path.name, data)

    def add_bytes(
        self,
        owner_type: AttachmentOwner,
        owner_id: int,
        filename: str,
        data: bytes,
        media_type: str | None = None,
    ) -> Attachment:
        with self.vault.write() as w:
            return self._store(w, owner_type, owner_id, filename, data, media_type)

    def _store(
        self,
        w: WriteScope,
        owner_type: AttachmentOwner,
        owner_id: int,
        filename: str,
        data: bytes,
        media_type: str | None = None,
        uid: str | None = None,
        importing: bool = False,
        provenance: tuple[datetime, str] | None = None,
    ) -> Attachment:
        filename = Path(filename.replace("\\", "/")).name.strip()
        self.check_size(filename or "The file", len(data))
        case_id = self.repo.owner_case(owner_type, owner_id)
        if not importing:  # an import may bring attachments of closed cases with it
            self._require_open(case_id)
        att = Attachment(
            case_id=case_id,
            owner_type=owner_type,
            owner_id=owner_id,
            filename=filename,
            media_type=media_type or guess_media_type(filename, data[:16]),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_at=provenance[0] if provenance else self.clock.now(),
            added_by=provenance[1] if provenance else self.vault.officer.name,
        )
        if uid:
            att = replace(att, uid=uid)
        report = att.validate()
        if not report.ok:
            raise AttachmentError(
                "The file was not attached: " + "; ".join(p.message for p in report.errors)
            )
        stored = self.repo.add(att, data)
        w.audit(
            "attachment.import" if importing else "attachment.add",
            "attachment",
            stored.id,
            _audit(stored),
        )
        # No `touch`: evidence filed against an existing record is not new activity with the
        # employee, so it must not hide a stalled case.
        return stored

    # -- reading -------------------------------------------------------------------------
    def get(self, attachment_id: int) -> Attachment:
        return self.repo.get(attachment_id)

    def for_owner(self, owner_type: AttachmentOwner, owner_id: int) -> list[Attachment]:
        return self.repo.for_owner(owner_type, owner_id)

    def for_case(self, case_id: int) -> list[Attachment]:
        return self.repo.for_case(case_id)

    def counts_for_case(self, case_id: int) -> dict[tuple[AttachmentOwner, int], int]:
        return self.repo.counts_for_case(case_id)

    def content(self, attachment_id: int) -> bytes:
        """The file's bytes, refused if they no longer match the stored checksum."""
        att = self.repo.get(attachment_id)
        data = self.repo.content(attachment_id)
        if hashlib.sha256(data).hexdigest() != att.sha256:
            raise IntegrityError(
                f"The stored copy of {att.filename} does not match its checksum; it was not "
                "opened. Restore the vault from a backup and run 'casepath verify'."
            )
        return data

    def open_for_viewing(self, attachment_id: int) -> Path:
        """Write a private 0600 copy for the system viewer; removed on case close, lock, exit."""
        att = self.repo.get(attachment_id)
        suffix = safe_suffix(att.filename)
        if suffix in UNSAFE_TO_OPEN:
            raise AttachmentError(
                f"{att.filename} is a program or script, so Casepath does not open it. Use "
                "'Save as…' and inspect it with care."
            )
        data = self.content(attachment_id)  # checked against its checksum first
        with self.vault.write() as w:  # a read that matters: who opened which file, when
            w.audit("attachment.open", "attachment", att.id, {"size": att.size})
        return self.temp.write(f"attachment-{att.id}{suffix}", data, group=att.case_id)

    def save_as(self, attachment_id: int, target: Path) -> Path:
        """Write a copy where the officer chose (replacing that file); an audited export."""
        att = self.repo.get(attachment_id)
        data = self.content(attachment_id)
        target = Path(target)
        if target.is_dir():
            raise AttachmentError(f"{target} is a folder; choose a file name to save as.")
        if not target.parent.is_dir():
            raise AttachmentError(f"The folder {target.parent} does not exist.")
        tmp_name = safe_files.temp_path_for(target)  # 0600, swept at next start after a crash
        try:
            safe_files.write_private(tmp_name, data)
            # The copy replaces the target only once its audit event has committed.
            with self.vault.write() as w:
                w.audit(
                    "attachment.save_as",
                    "attachment",
                    att.id,
                    {"sha256": att.sha256, "target": target.name},
                )
            safe_files.move_into_place(tmp_name, target, overwrite=True)
        except OSError as exc:
            raise AttachmentError(f"Cannot save {target.name}: {exc.strerror}.") from None
        finally:
            safe_files.remove_quietly(tmp_name)
        return target

    # -- removing and tidying ------------------------------------------------------------
    def remove(self, attachment_id: int) -> None:
        att = self.repo.get(attachment_id)
        with self.vault.write() as w:
            hold = HoldRepository(self.vault.conn).active(att.case_id)
            if hold is not None:  # a legal hold stops every deletion
                raise CaseOnHold(self.vault.cases.get(att.case_id).reference, hold)
            self._require_open(att.case_id)
            self.repo.remove(attachment_id)
            w.audit("attachment.remove", "attachment", att.id, _audit(att))
        self.temp.remove_group(att.case_id)

    def close_case(self, case_id: int) -> None:
        """The case view closed: remove the files opened from it."""
        self.temp.remove_group(case_id)

    def cleanup(self) -> None:
        """Lock or exit: remove every file opened for viewing and the private directory."""
        self.temp.cleanup()

    def _require_open(self, case_id: int) -> None:
        case = self.vault.cases.get(case_id)
        if case.status is CaseStatus.CLOSED:
            raise IntegrityError(
                f"Case {case.reference} is closed; reopen it to change its attachments."
            )
        if self.guard is not None:
            self.guard.require("attachment", case)


def _audit(att: Attachment) -> dict:
    return {
        "uid": att.uid,
        "case_id": att.case_id,
        "owner_type": att.owner_type.value,
        "owner_id": att.owner_id,
        "filename": att.filename,
        "media_type": att.media_type,
        "size": att.size,
        "sha256": att.sha256,
    }
