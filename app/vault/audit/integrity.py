"""What a vault file's own checks say: page HMACs, B-tree structure, and a digest per table.

Used by backup (the copy must hold exactly what the source holds), restore (a backup is checked
before it replaces anything), `verify` (which names the damaged pages and tables) and open (a
vault whose pages fail their HMAC opens read-only). Every function here works on a raw
``sqlcipher3`` connection and never raises on damage: damage is what it reports.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from sqlcipher3 import dbapi2

from app.domain.words.wording import plural

_PAGE = re.compile(r"\bpage (\d+)", re.IGNORECASE)
_TREE = re.compile(r"\b(?:Tree|root page) (\d+)", re.IGNORECASE)
MAX_MESSAGES = 200


@dataclass(frozen=True)
class IntegrityReport:
    """The outcome of ``cipher_integrity_check`` and ``integrity_check`` on one file."""

    cipher_messages: list[str] = field(default_factory=list)
    btree_messages: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    unreadable: str = ""  # set when a check itself could not run (the text of its error)

    @property
    def ok(self) -> bool:
        return not (self.cipher_messages or self.btree_messages or self.unreadable)

    def summary(self) -> str:
        """One sentence for a person: which pages and tables are damaged."""
        if self.ok:
            return "every page's HMAC and the database structure check out"
        parts = []
        if self.unreadable and not self.cipher_messages:
            parts.append(
                "every page present passes its encryption check, but the database structure "
                f"cannot be read ({self.unreadable}): pages are missing or out of place, "
                "as when a file is cut short or a copy is incomplete"
            )
        elif self.unreadable:
            parts.append(f"the check could not finish ({self.unreadable})")
        if self.pages:
            shown = ", ".join(str(p) for p in self.pages[:10])
            more = f" and {len(self.pages) - 10} more" if len(self.pages) > 10 else ""
            parts.append(f"{plural(len(self.pages), 'damaged page')}: {shown}{more}")
        elif self.cipher_messages:
            parts.append(plural(len(self.cipher_messages), "encryption check failure"))
        if self.tables:
            parts.append("affected tables: " + ", ".join(self.tables))
        elif self.btree_messages:
            parts.append(plural(len(self.btree_messages), "structure problem"))
        return "; ".join(parts)


def _rows(raw: dbapi2.Connection, sql: str) -> list[str]:
    return [str(r[0]) for r in raw.execute(sql).fetchmany(MAX_MESSAGES)]


def root_pages(raw: dbapi2.Connection, schema: str = "main") -> dict[int, str]:
    """Root page number -> table or index name (empty when sqlite_master is unreadable)."""
    try:
        rows = raw.execute(f"SELECT rootpage, name FROM {schema}.sqlite_master WHERE rootpage > 0")
        return {int(page): str(name) for page, name in rows.fetchall()}
    except dbapi2.DatabaseError:
        return {}


def cipher_check(raw: dbapi2.Connection, schema: str = "main") -> tuple[list[str], str]:
    """Page HMAC failures (``cipher_integrity_check``) and, if it could not run, why."""
    try:
        # All of them: telling a wrong key (every page fails) from damage needs the count.
        rows = raw.execute(f"PRAGMA {schema}.cipher_integrity_check").fetchall()
        return [str(r[0]) for r in rows], ""
    except dbapi2.DatabaseError as exc:
        return [], str(exc)


def check(raw: dbapi2.Connection, structure: bool = True, schema: str = "main") -> IntegrityReport:
    """Run the encryption check and (with ``structure``) SQLite's ``integrity_check``."""
    cipher, unreadable = cipher_check(raw, schema)
    btree: list[str] = []
    if structure and not unreadable:
        try:
            btree = [m for m in _rows(raw, f"PRAGMA {schema}.integrity_check") if m != "ok"]
        except dbapi2.DatabaseError as exc:
            unreadable = str(exc)
    pages = sorted({int(m) for line in cipher + btree for m in _PAGE.findall(line)})
    roots = root_pages(raw, schema)
    tables: set[str] = set()
    for line in btree:
        for tree in _TREE.findall(line):
            tables.add(roots.get(int(tree), f"tree {tree}"))
        for name in roots.values():
            if re.search(rf"\b{re.escape(name)}\b", line):
                tables.add(name)
    for page in pages:
        if page in roots:
            tables.add(roots[page])
    return IntegrityReport(cipher, btree, pages, sorted(tables), unreadable)


def _tables(raw: dbapi2.Connection, schema: str) -> list[tuple[str, str]]:
    rows = raw.execute(
        f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    # Virtual tables (FTS5) are views over their shadow tables, which are digested themselves.
    return [(n, s or "") for n, s in rows if not (s or "").upper().startswith("CREATE VIRTUAL")]


def table_digests(raw: dbapi2.Connection, schema: str = "main") -> dict[str, str]:
    """SHA-256 of every table's rows in a stable order, plus the schema and version pragmas.

    Rows are ordered by their values, not by rowid: a compacting copy (VACUUM INTO) may
    renumber the hidden rowid of tables without an INTEGER PRIMARY KEY, which is no change.
    """
    out: dict[str, str] = {}
    for name, sql in _tables(raw, schema):
        h = hashlib.sha256(sql.encode("utf-8"))
        quoted = '"' + name.replace('"', '""') + '"'
        ncols = len(raw.execute(f"PRAGMA {schema}.table_info({quoted})").fetchall())
        order = ", ".join(str(i) for i in range(1, ncols + 1))
        cur = raw.execute(f"SELECT * FROM {schema}.{quoted} ORDER BY {order}")
        while batch := cur.fetchmany(500):
            for row in batch:
                h.update(repr(row).encode("utf-8"))
                h.update(b"\n")
        out[name] = h.hexdigest()
    for pragma in ("user_version", "application_id"):
        out[f"PRAGMA {pragma}"] = str(raw.execute(f"PRAGMA {schema}.{pragma}").fetchone()[0])
    return out


def differing(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """Names whose digests differ, or that exist on one side only."""
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
