"""Evidence files attached to what happened on a case (a conversation, indicator, observation).

The record holds what the case view lists; the bytes stay in the vault and are read only when
the officer opens or saves the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.records import LabelledEnum, new_uid
from app.domain.validation import ValidationReport, require_text

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


class AttachmentOwner(LabelledEnum):
    """The kinds of record a file can be attached to."""

    CONVERSATION = "conversation"
    INDICATOR = "indicator"
    OBSERVATION = "observation"


@dataclass(frozen=True)
class Attachment:
    case_id: int
    owner_type: AttachmentOwner
    owner_id: int
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime
    added_by: str
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    def validate(self) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "filename", self.filename, "File name")
        if len(self.filename) > 255:
            r.error("filename", "File name is longer than 255 characters.")
        if any(c in self.filename for c in "/\\\x00"):
            r.error("filename", "File name may not contain '/', '\\' or NUL.")
        require_text(r, "media_type", self.media_type, "Media type")
        if self.size < 0:
            r.error("size", "Size cannot be negative.")
        if not SHA256_HEX.match(self.sha256 or ""):
            r.error("sha256", "The checksum must be 64 lowercase hex digits.")
        require_text(r, "added_by", self.added_by, "Added by")
        return r

    @property
    def size_label(self) -> str:
        return size_label(self.size)


def size_label(size: int) -> str:
    """'812 bytes', '14.2 KB', '3.1 MB': sizes as people read them (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
