"""Restore from a backup, as the window and the CLI ask for it.

The vault layer does the work (`app.vault.files.restore`); this module is the service-layer
door to it, so views never reach into the vault and both callers restore to the schema this
program supports.
"""

from __future__ import annotations

from pathlib import Path

from app.vault.files.restore import BackupSummary, RestoreResult, inspect_backup
from app.vault.files.restore import restore as _restore
from app.vault.migrations import latest_version

__all__ = ["BackupSummary", "RestoreResult", "inspect_backup", "restore_backup"]


def restore_backup(backup: Path, target: Path, passphrase: str) -> RestoreResult:
    """Check `backup`, keep any vault at `target` beside it, and put the backup in its place."""
    return _restore(backup, target, passphrase, supported_version=latest_version())
