"""Generated documentation packs as stored records, and their integrity codes.

An integrity code such as ``CP-417-K3QF-9XZA`` ties a printed pack to the audit chain: 417 is
the sequence number of the newest audit event when the pack was generated, and the eight
letters are a digest of that event's hash together with the digest of the pack's data. Anyone
holding the vault can recompute it; nobody can forge one for different data without changing
the chain. Letters use Crockford's base 32 (no I, L, O, U), so a code read aloud or typed from
paper survives.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

CODE = re.compile(r"CP-(\d{1,12})-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})")
_STD = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TO_CROCKFORD = str.maketrans(_STD, _CROCKFORD)


def integrity_code(head_seq: int, head_hash: str, data_digest: str) -> str:
    """The short code printed on every page of a pack."""
    raw = hashlib.sha256(f"casepath-pack:{head_seq}:{head_hash}:{data_digest}".encode()).digest()
    letters = base64.b32encode(raw).decode("ascii").translate(_TO_CROCKFORD)[:8]
    return f"CP-{head_seq}-{letters[:4]}-{letters[4:]}"


def find_code(text: str) -> str | None:
    """The first integrity code in ``text`` (e.g. a page's extracted text), if any."""
    m = CODE.search(text)
    return m.group(0) if m else None


def code_seq(code: str) -> int:
    m = CODE.fullmatch(code.strip())
    if not m:
        raise ValueError(f"'{code}' is not a Casepath integrity code (like CP-417-K3QF-9XZA).")
    return int(m.group(1))


@dataclass(frozen=True)
class StoredPack:
    """One generated pack as kept in the vault (``pdf`` may be omitted in listings)."""

    case_id: int
    meeting_type: str
    meeting_date: date
    page_size: str
    created_at: datetime
    created_by: str
    integrity_code: str
    head_seq: int
    head_hash: str
    data_digest: str
    data_json: str
    pdf_sha256: str
    pdf: bytes = b""
    id: int | None = None

    def audit_change(self) -> dict:
        """What the pack.generate audit event's digest covers."""
        return {
            "case_id": self.case_id,
            "meeting_type": self.meeting_type,
            "meeting_date": self.meeting_date,
            "page_size": self.page_size,
            "integrity_code": self.integrity_code,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
            "data_digest": self.data_digest,
            "pdf_sha256": self.pdf_sha256,
        }
