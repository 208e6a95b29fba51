"""The set of services one unlocked vault offers; the composition root builds it once.

The GUI and the CLI receive a `Services` and never reach for globals or for the vault's SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.domain.clock import Clock, SystemClock
from app.domain.records import Officer
from app.services.action_guard import ActionGuard
from app.services.audit.history_service import HistoryService
from app.services.audit.read_audit import ReadAudit
from app.services.cases.case_service import CaseService, EmployeeService
from app.services.cases.escalation_service import EscalationService, store_default_policy
from app.services.cases.reopen_service import ReopenService
from app.services.cases.template_service import TemplateService
from app.services.cases.track_change import TrackChangeService
from app.services.documents.attachment_service import AttachmentService
from app.services.documents.document_service import DocumentService
from app.services.plans.plan_service import PlanService
from app.services.plans.review_service import ReviewService
from app.services.privacy.erasure_service import ErasureService
from app.services.privacy.handover_service import HandoverService
from app.services.privacy.hold_service import HoldService
from app.services.privacy.retention_service import RetentionService
from app.services.privacy.subject_access_service import SubjectAccessService
from app.services.vault_settings_service import VaultSettingsService
from app.vault.vault import Vault


@dataclass
class Services:
    vault: Vault
    clock: Clock = field(default_factory=SystemClock)

    def __post_init__(self) -> None:
        self.vault_settings = VaultSettingsService(self.vault)  # document language
        self.employees = EmployeeService(self.vault, self.clock)
        self.cases = CaseService(self.vault, self.clock)
        self.attachments = AttachmentService(self.vault, self.clock)
        self.plans = PlanService(self.vault, self.clock)
        # Looked up lazily: the review rules read the escalation policy of each case.
        self.reviews = ReviewService(
            self.vault, self.clock, self.plans, lambda: getattr(self, "escalation", None)
        )
        self.escalation = EscalationService(self.vault, self.clock, self)
        self.cases.prepare_case = self.escalation.prepare_new_case
        self.cases.after_write = self.escalation.refresh_schedule
        # The policy's rights, checked by every write path (app/services/action_guard.py).
        self.guard = ActionGuard(
            self.vault,
            self.escalation.policy_for,
            self.escalation.current_policy,
            today=self.clock.today,
        )
        for service in (self.employees, self.cases, self.attachments, self.plans, self.reviews):
            service.guard = self.guard
        self.escalation.guard = self.guard
        self.tracks = TrackChangeService(self.vault, self.clock, self.escalation)
        self.reopening = ReopenService(self.vault, self.clock, self.escalation)
        self.history = HistoryService(self.vault, self._stage_names)
        self.documents = DocumentService(self)  # packs and redacted summaries
        self.reads = ReadAudit(self.vault)  # case opened, pack printed … (docs/AUDIT.md)
        self.handover = HandoverService(self.vault, self.clock)  # bundles to other vaults
        self.subject_access = SubjectAccessService(self)  # everything about one employee
        # Privacy duties (issue 15): retention, legal hold, erasure.
        self.holds = HoldService(self.vault, self.clock)
        self.retention = RetentionService(self.vault, self.clock, self.escalation)
        self.erasure = ErasureService(
            self.vault, self.clock, self.holds, self.retention, self.attachments.close_case
        )
        self.templates = TemplateService(self.vault, self.clock)  # conversation prompts

    def _stage_names(self, case_id: int) -> dict[str, str]:
        policy = self.escalation.policy_for(self.cases.get(case_id))
        return {key: policy.stage_name(key) for key in policy.stage_keys}

    @property
    def officer(self) -> Officer:
        return self.vault.officer

    def close(self) -> None:
        self.attachments.cleanup()  # decrypted viewing copies go when the vault locks
        self.vault.close()

    def backup(
        self, target: Path, passphrase: str | None = None, overwrite: bool = False
    ) -> tuple[int, str]:
        """Write a verified encrypted copy (same passphrase) and record that it exists, with
        the audit chain head it holds; returns that head (sequence, hash).

        Without ``passphrase`` (the app, which does not keep it) the copy is checked through
        the open vault's key instead of a new connection keyed with it.
        """
        seq, digest = self.vault.conn.backup_to(target, passphrase, overwrite=overwrite)
        with self.vault.write() as w:
            w.audit(
                "vault.backup",
                "vault",
                "",
                {"target": Path(target).name, "head_seq": seq, "head_hash": digest},
            )
        return seq, digest


def create_vault(
    path: Path, passphrase: str, officer: Officer, clock: Clock | None = None
) -> Services:
    """Create a vault and everything a new vault carries (its escalation policy)."""
    vault = Vault.create(path, passphrase, officer, after_create=list(AFTER_CREATE))
    return Services(vault, clock or SystemClock())


def open_vault(
    path: Path,
    passphrase: str,
    clock: Clock | None = None,
    officer_name: str | None = None,
    defer_page_check: bool = False,
) -> Services:
    """Open with every page checked first, or (``defer_page_check``, the window) with the
    full check left in ``vault.page_check`` for a background thread."""
    vault = Vault.open(path, passphrase, officer_name, defer_page_check)
    return Services(vault, clock or SystemClock())


# Steps run inside `create_vault` after the schema exists, e.g. storing the default policy.
# Each is a function (vault) -> None that writes through `vault.write()`.
AFTER_CREATE: list = [store_default_policy]
