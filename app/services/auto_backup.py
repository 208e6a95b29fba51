"""Automatic backups: at most one a day into a chosen folder, keeping 7 daily and 12 monthly.

The app calls `auto_backup` when the vault locks and when it closes. Every copy is a verified
backup (`app.vault.files.backup`), so a file in the folder *is* the record that a verified backup
was
made: no separate state to get out of step. Files are named
``<vault stem>.<6 hex of the vault's path>.<YYYY-MM-DD>.casepath`` so two vaults sharing a
folder (or a stem) never prune each other's copies, and files the officer renamed or put there
are never touched.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from app.vault.files import safe_files

KEEP_DAILY = 7
KEEP_MONTHLY = 12
_DATED = re.compile(r"^(?P<stem>.+)\.(?P<tag>[0-9a-f]{6})\.(?P<day>\d{4}-\d{2}-\d{2})\.casepath$")


@dataclass(frozen=True)
class AutoBackupResult:
    made: Path | None  # the new backup, or None when today's already existed
    removed: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    head: tuple[int, str] | None = None  # the audit chain head the new backup holds


def vault_tag(vault_path: Path) -> str:
    return hashlib.sha256(str(Path(vault_path).resolve()).encode("utf-8")).hexdigest()[:6]


def backup_name(vault_path: Path, day: date) -> str:
    return f"{Path(vault_path).stem}.{vault_tag(vault_path)}.{day.isoformat()}.casepath"


def dated_backups(folder: Path, vault_path: Path) -> dict[date, Path]:
    """This vault's automatic backups in ``folder`` by day."""
    out: dict[date, Path] = {}
    stem, tag = Path(vault_path).stem, vault_tag(vault_path)
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return out
    for entry in entries:
        m = _DATED.match(entry.name)
        if not m or m["stem"] != stem or m["tag"] != tag or not entry.is_file():
            continue
        try:
            out[date.fromisoformat(m["day"])] = entry
        except ValueError:
            continue
    return out


def to_keep(days: list[date], today: date) -> set[date]:
    """The newest KEEP_DAILY days, plus the newest backup of each of the last KEEP_MONTHLY
    months (this month included)."""
    ordered = sorted((d for d in days if d <= today), reverse=True)
    keep = set(ordered[:KEEP_DAILY])
    months: dict[tuple[int, int], date] = {}
    for d in ordered:
        months.setdefault((d.year, d.month), d)
    first = today.year * 12 + today.month - 1
    for (year, month), d in months.items():
        if first - (year * 12 + month - 1) < KEEP_MONTHLY:
            keep.add(d)
    keep.update(d for d in days if d > today)  # a clock set back: never delete "future" copies
    return keep


def auto_backup(
    services: object, folder: Path, today: date | None = None, force: bool = False
) -> AutoBackupResult:
    """Make today's verified backup in ``folder`` unless it exists, then prune old ones.

    ``services`` is an unlocked `Services`; ``today`` defaults to its clock. ``force`` (File →
    Back up now) replaces today's copy with a fresh one, atomically. Raises the vault's errors
    (e.g. `SourceDamaged`, `DiskFull`) unchanged: the caller says what happened.
    """
    vault_path = Path(services.vault.path)  # type: ignore[attr-defined]
    today = today or services.clock.today()  # type: ignore[attr-defined]
    folder = safe_files.make_private_folder(Path(folder))
    safe_files.sweep_stale_temp_files(folder)
    existing = dated_backups(folder, vault_path)
    made = head = None
    if force or today not in existing:
        made = folder / backup_name(vault_path, today)
        head = services.backup(made, overwrite=today in existing)  # type: ignore[attr-defined]
        existing[today] = made
    keep = to_keep(list(existing), today)
    removed = []
    for day, path in sorted(existing.items()):
        if day not in keep:
            try:
                os.unlink(path)
            except OSError:
                continue
            removed.append(path)
    kept = [existing[d] for d in sorted(keep) if d in existing]
    return AutoBackupResult(made, removed, kept, head)


def last_verified_backup(folder: Path | None, vault_path: Path) -> datetime | None:
    """When the newest automatic backup of this vault was written (UTC), if there is one."""
    if not folder:
        return None
    backups = dated_backups(Path(folder), vault_path)
    if not backups:
        return None
    newest = backups[max(backups)]
    try:
        return datetime.fromtimestamp(newest.stat().st_mtime, UTC)
    except OSError:
        return None
