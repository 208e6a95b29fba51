"""Evidence files on a case: attach, list, open for viewing, save a copy, remove, export.

Files live encrypted inside the vault; every write is one audited transaction (the audit event
holds a digest of the file's metadata and checksum, never its name in plain text). Content is
checked against its SHA-256 whenever it is read back.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.documents.csv_safe import csv_text
from app.domain.attachments import Attachment, AttachmentOwner, size_label
from app.domain.clock import Clock
from app.domain.records import CaseStatus
from app.services.action_guard import ActionGuard
from app.services.documents.private_temp_dir import PrivateTempDir, safe_suffix
from app.vault.errors import IntegrityError, VaultError
from app.vault.files import safe_files
from app.vault.repositories.attachment_repository import AttachmentRepository
from app.vault.repositories.hold_repository import CaseOnHold, HoldRepository
from app.vault.vault import Vault, WriteScope

DEFAULT_MAX_BYTES = 25 * 1024 * 1024

# Opening these with the desktop's default handler could run them; they can still be saved.
UNSAFE_TO_OPEN = frozenset(
    {
        ".exe",
        ".com",
        ".bat",
        ".cmd",
        ".scr",
        ".pif",
        ".msi",
        ".msp",
        ".js",
        ".jse",
        ".vbs",
        ".vbe",
        ".wsf",
        ".wsh",
        ".ps1",
        ".psm1",
        ".sh",
        ".bash",
        ".zsh",
        ".command",
        ".app",
        ".desktop",
        ".jar",
        ".lnk",
        ".reg",
        ".hta",
        ".cpl",
        ".py",
        ".pyw",
        ".pl",
        ".rb",
        ".run",
        ".appimage",
        ".deb",
        ".rpm",
        ".dmg",
        ".pkg",
        ".iso",
        ".html",
        ".htm",
        ".svg",
        ".xhtml",
    }
)

_EXTRA_TYPES = {
    ".msg": "application/vnd.ms-outlook",
    ".eml": "message/rfc822",
    ".heic": "image/heic",
    ".webp": "image/webp",
    ".md": "text/markdown",
}
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


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


class AttachmentError(VaultError):
    """A file cannot be attached, opened or saved as asked; the message says what to do."""


class AttachmentTooLarge(AttachmentError):  # noqa: N818 - named like the vault errors
    def __init__(self, filename: str, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(
            f"{filename} is {size_label(size)}; each attachment may be at most "
            f"{size_label(limit)}. Compress it (for a scan: save it at a lower resolution) or "
            "split it into parts, then attach the parts."
        )


def guess_media_type(filename: str, head: bytes = b"") -> str:
    """From the first bytes for the common evidence formats, else from the extension."""
    for magic, media in _MAGIC:
        if head.startswith(magic):
            return media
    suffix = Path(filename).suffix.lower()
    if suffix in _EXTRA_TYPES:
        return _EXTRA_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(f"x{suffix}", strict=False)
    return guessed or "application/octet-stream"


class AttachmentService:
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

    # -- interchange ---------------------------------------------------------------------
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
        if w is not None:
            return self._store(
                w,
                owner_type,
                owner_id,
                entry["filename"],
                data,
                entry.get("media_type"),
                entry["uid"],
                importing=True,
                provenance=provenance,
            )
        with self.vault.write() as scope:
            return self._store(
                scope,
                owner_type,
                owner_id,
                entry["filename"],
                data,
                entry.get("media_type"),
                entry["uid"],
                importing=True,
                provenance=provenance,
            )

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


# -- demo ---------------------------------------------------------------------------------------
def _demo_pdf(title: str, body: str) -> bytes:
    """A one-page PDF with two lines of text, written by hand (no reportlab at demo time)."""

    def esc(s: str) -> str:
        return (
            s.encode("latin-1", "replace")
            .decode("latin-1")
            .replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
        )

    stream = (
        f"BT /F1 16 Tf 72 760 Td ({esc(title)}) Tj ET\nBT /F1 11 Tf 72 730 Td ({esc(body)}) Tj ET\n"
    ).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def enrich_demo(services, rng) -> None:  # noqa: ANN001 - Services, random.Random (import cycle)
    """Attach realistic evidence to some demo records: meeting notes, report extracts, e-mails."""
    from app.domain.records import Conversation, Indicator, Observation

    att: AttachmentService = services.attachments
    for case in services.cases.all(CaseStatus.OPEN):
        talks = [c for c in services.cases.records(Conversation, case.id) if c.kind.formal]
        for c in talks[:1]:
            att.add_bytes(
                AttachmentOwner.CONVERSATION,
                c.id,
                f"Signed meeting notes {c.held_on.isoformat()}.pdf",
                _demo_pdf(
                    f"Meeting notes - {case.reference}",
                    f"{c.kind.label} meeting held {c.held_on.isoformat()}; "
                    "notes agreed and signed by all attendees.",
                ),
            )
        for i in services.cases.records(Indicator, case.id)[:1]:
            if rng.random() < 0.5:
                continue
            rows = [("week", "expected", "actual")] + [
                (w, f"{i.expected or 0:g}", f"{max((i.actual or 0) + rng.randint(-3, 3), 0):g}")
                for w in range(1, 7)
            ]
            att.add_bytes(
                AttachmentOwner.INDICATOR,
                i.id,
                f"{i.metric} extract.csv",
                csv_text(rows).encode("utf-8"),
            )
        for o in services.cases.records(Observation, case.id)[:1]:
            if rng.random() < 0.6:
                continue
            mail = (
                f"From: {o.author_role or 'colleague'}@example.org\n"
                f"To: hr@example.org\nSubject: Observation {o.observed_on.isoformat()}\n"
                f"Date: {o.observed_on.isoformat()}\n\n{o.text}\n"
            )
            att.add_bytes(
                AttachmentOwner.OBSERVATION, o.id, "Forwarded observation.eml", mail.encode("utf-8")
            )
