"""Attachments: metadata rows and their encrypted content, kept in the vault (migration 0005).

Listing reads only the metadata columns; the content BLOB is read when a file is opened, saved
or exported.
"""

from __future__ import annotations

from dataclasses import replace

from sqlcipher3 import dbapi2

from app.domain.attachments import Attachment, AttachmentOwner
from app.vault.connection import Connection
from app.vault.errors import IntegrityError, NotFound
from app.vault.rows import dt2s, s2dt

_COLS = (
    "id, uid, case_id, owner_type, owner_id, filename, media_type, size, sha256, added_at, added_by"
)

# The table each owner type lives in; owner ids are checked against it (no polymorphic FK).
OWNER_TABLES = {
    AttachmentOwner.CONVERSATION: "conversations",
    AttachmentOwner.INDICATOR: "indicators",
    AttachmentOwner.OBSERVATION: "observations",
}


def _attachment(row: tuple) -> Attachment:
    return Attachment(
        id=row[0],
        uid=row[1],
        case_id=row[2],
        owner_type=AttachmentOwner(row[3]),
        owner_id=row[4],
        filename=row[5],
        media_type=row[6],
        size=row[7],
        sha256=row[8],
        added_at=s2dt(row[9]),
        added_by=row[10],
    )


class AttachmentRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def owner_case(self, owner_type: AttachmentOwner, owner_id: int) -> int:
        """The case the owning record belongs to; NotFound if there is no such record."""
        table = OWNER_TABLES[owner_type]
        case_id = self.conn.scalar(f"SELECT case_id FROM {table} WHERE id = ?", (owner_id,))
        if case_id is None:
            raise NotFound(f"No {owner_type.value} with id {owner_id} to attach a file to.")
        return int(case_id)

    def owner_uid(self, owner_type: AttachmentOwner, owner_id: int) -> str:
        table = OWNER_TABLES[owner_type]
        uid = self.conn.scalar(f"SELECT uid FROM {table} WHERE id = ?", (owner_id,))
        if uid is None:
            raise NotFound(f"No {owner_type.value} with id {owner_id}.")
        return str(uid)

    def owner_by_uid(self, owner_type: AttachmentOwner, uid: str) -> int | None:
        table = OWNER_TABLES[owner_type]
        found = self.conn.scalar(f"SELECT id FROM {table} WHERE uid = ?", (uid,))
        return int(found) if found is not None else None

    def add(self, att: Attachment, content: bytes) -> Attachment:
        try:
            cur = self.conn.execute(
                "INSERT INTO attachments(uid, case_id, owner_type, owner_id, filename,"
                " media_type, size, sha256, added_at, added_by, content)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    att.uid,
                    att.case_id,
                    att.owner_type.value,
                    att.owner_id,
                    att.filename,
                    att.media_type,
                    att.size,
                    att.sha256,
                    dt2s(att.added_at),
                    att.added_by,
                    content,
                ),
            )
        except dbapi2.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise IntegrityError(f"The attachment {att.filename} is already stored.") from None
            raise IntegrityError(f"The attachment {att.filename} names no stored case.") from None
        return replace(att, id=cur.lastrowid)

    def get(self, attachment_id: int) -> Attachment:
        rows = self.conn.query(f"SELECT {_COLS} FROM attachments WHERE id = ?", (attachment_id,))
        if not rows:
            raise NotFound(f"No attachment with id {attachment_id}; it may have been removed.")
        return _attachment(rows[0])

    def by_uid(self, uid: str) -> Attachment | None:
        rows = self.conn.query(f"SELECT {_COLS} FROM attachments WHERE uid = ?", (uid,))
        return _attachment(rows[0]) if rows else None

    def content(self, attachment_id: int) -> bytes:
        data = self.conn.scalar("SELECT content FROM attachments WHERE id = ?", (attachment_id,))
        if data is None:
            raise NotFound(f"No attachment with id {attachment_id}; it may have been removed.")
        return bytes(data)

    def for_owner(self, owner_type: AttachmentOwner, owner_id: int) -> list[Attachment]:
        rows = self.conn.query(
            f"SELECT {_COLS} FROM attachments WHERE owner_type = ? AND owner_id = ?"
            " ORDER BY added_at, id",
            (owner_type.value, owner_id),
        )
        return [_attachment(r) for r in rows]

    def for_case(self, case_id: int) -> list[Attachment]:
        rows = self.conn.query(
            f"SELECT {_COLS} FROM attachments WHERE case_id = ? ORDER BY added_at, id", (case_id,)
        )
        return [_attachment(r) for r in rows]

    def counts_for_case(self, case_id: int) -> dict[tuple[AttachmentOwner, int], int]:
        rows = self.conn.query(
            "SELECT owner_type, owner_id, count(*) FROM attachments WHERE case_id = ?"
            " GROUP BY owner_type, owner_id",
            (case_id,),
        )
        return {(AttachmentOwner(r[0]), int(r[1])): int(r[2]) for r in rows}

    def remove(self, attachment_id: int) -> None:
        cur = self.conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
        if cur.rowcount != 1:
            raise NotFound(f"No attachment with id {attachment_id}; it may have been removed.")
