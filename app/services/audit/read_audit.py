"""Reads that matter, audited without content: who opened which case, printed which pack.

Writes and exports already append their events (`pack.generate`, `pack.export`,
`case.redacted_export`, `review.export_ics`, `vault.export`, `vault.import`, `attachment.save_as`,
`calibration.export`); `attachment.open` is appended by `AttachmentService.open_for_viewing`.
The events here are for the window to call at the moment the officer acts (one small audited
transaction each); they name the record and never hold what was read.
"""

from __future__ import annotations

from app.vault.audit.audit_log import AuditEvent
from app.vault.vault import Vault


class ReadAudit:
    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def _read(self, action: str, entity_type: str, entity_id: object, **detail: object):
        with self.vault.write() as w:
            return w.audit(action, entity_type, entity_id, detail)

    def case_opened(self, case_id: int) -> AuditEvent:
        """The officer opened the case's workspace."""
        return self._read("case.view", "case", case_id)

    def pack_printed(self, pack_id: int, route: str, pages: int) -> AuditEvent:
        """A stored pack was sent to a printer (``route``: 'cups', 'pdf', …)."""
        return self._read("pack.print", "pack", pack_id, route=route, pages=pages)

    def pack_viewed(self, pack_id: int) -> AuditEvent:
        """A stored pack was shown in the preview."""
        return self._read("pack.view", "pack", pack_id)

    def summary_viewed(self, case_id: int) -> AuditEvent:
        """The redacted summary of a case was shown (its export is audited separately)."""
        return self._read("case.redacted_view", "case", case_id)
