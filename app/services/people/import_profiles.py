"""Saved mapping profiles for repeat imports (``--profile NAME``), kept inside the vault.

A profile is the column mapping, the ignored columns and the reading options (encoding,
separator, date order) of one HR system's export, so next month's file imports the same way.

Storage: the ``meta`` key-value table, one row per profile (key ``import_profile:NAME``, value
JSON). A migration ``0009_import_profiles.sql`` was considered, but the migration runner
(app/vault/migrations.py) refuses numbering gaps ("migration numbers have a gap"), and 0006-0008
belong to branches not merged yet; the meta table needs no schema change. Each save or delete
is one vault transaction with its audit event (the event names the profile, never a column of
personal data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.services.people.header_mapping import FIELDS_BY_KEY
from app.services.people.import_dates import normalise_order

_PREFIX = "import_profile:"


class ProfileError(ValueError):
    """A profile cannot be saved or read as asked; the message says why."""


@dataclass(frozen=True)
class ImportProfile:
    name: str
    mapping: dict[str, str] = field(default_factory=dict)  # field key -> column header
    ignore: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    date_order: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "mapping": self.mapping,
                "ignore": list(self.ignore),
                "encoding": self.encoding,
                "delimiter": self.delimiter,
                "date_order": self.date_order,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, name: str, text: str) -> ImportProfile:
        raw: dict[str, Any] = json.loads(text)
        return cls(
            name,
            {str(k): str(v) for k, v in raw.get("mapping", {}).items()},
            tuple(str(c) for c in raw.get("ignore", ())),
            raw.get("encoding"),
            raw.get("delimiter"),
            raw.get("date_order"),
        )


def _check(profile: ImportProfile) -> None:
    name = profile.name.strip()
    if not name or len(name) > 60:
        raise ProfileError("A profile needs a name of 1 to 60 characters.")
    bad = [k for k in profile.mapping if k not in FIELDS_BY_KEY]
    if bad:
        raise ProfileError(f"Unknown fields in the profile: {', '.join(bad)}.")
    try:
        normalise_order(profile.date_order)
    except ValueError as exc:
        raise ProfileError(str(exc)) from None


class ProfileStore:
    """Named import profiles in the vault's meta table."""

    def __init__(self, vault: Any) -> None:
        self.vault = vault

    def names(self) -> list[str]:
        rows = self.vault.conn.query(
            "SELECT key FROM meta WHERE key LIKE ? ORDER BY key", (_PREFIX + "%",)
        )
        return [str(r[0])[len(_PREFIX) :] for r in rows]

    def get(self, name: str) -> ImportProfile | None:
        text = self.vault.conn.scalar("SELECT value FROM meta WHERE key = ?", (_PREFIX + name,))
        return None if text is None else ImportProfile.from_json(name, str(text))

    def save(self, profile: ImportProfile) -> None:
        _check(profile)
        with self.vault.write() as w:
            w.conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_PREFIX + profile.name.strip(), profile.to_json()),
            )
            w.audit("import_profile.save", "import_profile", profile.name.strip())

    def delete(self, name: str) -> bool:
        with self.vault.write() as w:
            gone = w.conn.execute("DELETE FROM meta WHERE key = ?", (_PREFIX + name,)).rowcount
            if gone:
                w.audit("import_profile.delete", "import_profile", name)
        return bool(gone)
