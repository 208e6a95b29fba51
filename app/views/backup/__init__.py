"""Backups in the window: File → Back up now, Restore from backup…, the backup folder, the
"last verified backup" status and the read-only banner of a damaged vault.

The lead's main window calls `install_backup_actions` once; the session controller calls
`backup_on_close` when the vault locks or closes.
"""

from app.views.backup.backup_actions import backup_on_close, install_backup_actions

__all__ = ["backup_on_close", "install_backup_actions"]
