"""Generated documentation packs, stored as BLOBs inside the vault (encrypted with it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlcipher3 import dbapi2

from app.domain.packs import StoredPack
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.rows import d2s, s2d

_META = (
    "id, case_id, meeting_type, meeting_date, page_size, created_at, created_by,"
    " integrity_code, head_seq, head_hash, data_digest, data_json, pdf_sha256"
)


def _pack(row: tuple, pdf: bytes = b"") -> StoredPack:

    return StoredPack(
        id=row[0],
        case_id=row[1],
        meeting_type=row[2],
        meeting_date=s2d(row[3]),
        page_size=row[4],
        created_at=datetime.fromisoformat(row[5]),
        created_by=row[6],
        integrity_code=row[7],
        head_seq=int(row[8]),
        head_hash=row[9],
        data_digest=row[10],
        data_json=row[11],
        pdf_sha256=row[12],
        pdf=pdf,
    )


class PackRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, pack: StoredPack) -> StoredPack:
        try:
            cur = self.conn.execute(
                "INSERT INTO packs(case_id, meeting_type, meeting_date, page_size, created_at,"
                " created_by, integrity_code, head_seq, head_hash, data_digest, data_json,"
                " pdf_sha256, pdf) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    pack.case_id,
                    pack.meeting_type,
                    d2s(pack.meeting_date),
                    pack.page_size,
                    pack.created_at.isoformat(),
                    pack.created_by,
                    pack.integrity_code,
                    pack.head_seq,
                    pack.head_hash,
                    pack.data_digest,
                    pack.data_json,
                    pack.pdf_sha256,
                    pack.pdf,
                ),
            )
        except dbapi2.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise IntegrityError(
                    "A pack with this integrity code is already stored; generate the pack again."
                ) from None
            raise IntegrityError("The pack names no stored case.") from None
        return replace(pack, id=cur.lastrowid)

    def for_case(self, case_id: int) -> list[StoredPack]:
        """Newest first, without the PDF bytes (fetch those with `pdf`)."""
        rows = self.conn.query(
            f"SELECT {_META} FROM packs WHERE case_id = ? ORDER BY created_at DESC, id DESC",
            (case_id,),
        )
        return [_pack(r) for r in rows]

    def get(self, pack_id: int, with_pdf: bool = True) -> StoredPack:
        rows = self.conn.query(f"SELECT {_META}, pdf FROM packs WHERE id = ?", (pack_id,))
        if not rows:
            raise NotFound(f"No documentation pack with id {pack_id}.")
        return _pack(rows[0][:-1], bytes(rows[0][-1]) if with_pdf else b"")

    def by_code(self, code: str) -> StoredPack | None:
        rows = self.conn.query(f"SELECT {_META}, pdf FROM packs WHERE integrity_code = ?", (code,))
        return _pack(rows[0][:-1], bytes(rows[0][-1])) if rows else None

    def pdf(self, pack_id: int) -> bytes:
        blob = self.conn.scalar("SELECT pdf FROM packs WHERE id = ?", (pack_id,))
        if blob is None:
            raise NotFound(f"No documentation pack with id {pack_id}.")
        return bytes(blob)

    def audit_hash(self, seq: int) -> str | None:
        """The hash of audit event ``seq`` (the chain head a pack's code is tied to)."""
        value = self.conn.scalar("SELECT hash FROM audit_events WHERE seq = ?", (seq,))
        return str(value) if value is not None else None
