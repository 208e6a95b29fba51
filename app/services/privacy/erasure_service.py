"""Erasing a case, or an employee with every case about them, so nothing of it remains.

One audited transaction removes every case-owned row (found at run time:
`app.vault.privacy.erasure`),
attachment and search entry and writes ONE content-free event (kind, rule, counts); then the
file is VACUUMed with secure_delete on, so the erased text is gone from the file itself. A case
under legal hold is refused, naming the hold. What erasure cannot reach (older backups, files
exported earlier) is in docs/AUDIT.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.clock import Clock
from app.domain.words.labels import plural, table_words
from app.services.privacy.hold_service import HoldService
from app.services.privacy.retention_service import RetentionService
from app.vault.privacy import erasure
from app.vault.privacy.erasure import ErasurePlan
from app.vault.vault import Vault

REQUEST_RULE = "erasure_request"  # erased because someone decided it, not by retention


@dataclass(frozen=True)
class ErasurePreview:
    """What the confirmation names: whose records, which cases, how many of each kind."""

    plan: ErasurePlan
    title: str  # "Case PC-2026-0003 of Zoë Ångström (E1001)"
    references: tuple[str, ...]
    rule: str
    mentioned_in: tuple[str, ...] = ()  # other cases whose text names the employee (kept)
    why: str = "Erased on request: the retention policy does not make this due yet."
    manager_of: int = 0  # other employee records naming the person as manager (kept)

    def lines(self) -> list[str]:
        return [table_words(table, n) for table, n in sorted(self.plan.counts.items())]

    def kept_note(self) -> str:
        """Where the name stays: other people's records are not edited by an erasure."""
        where = []
        if self.mentioned_in:
            refs = ", ".join(self.mentioned_in[:10])
            more = " …" if len(self.mentioned_in) > 10 else ""
            where.append(f"{plural(len(self.mentioned_in), 'other case')} ({refs}{more})")
        if self.manager_of:
            where.append(f"{plural(self.manager_of, 'employee record')} as their manager")
        if not where:
            return ""
        return (
            f"The name also appears in {' and '.join(where)}; those records belong to other "
            "people and are not changed."
        )


@dataclass(frozen=True)
class ErasureResult:
    erasure_id: int
    event_seq: int
    counts: dict[str, int]
    rule: str


class ErasureService:
    def __init__(
        self,
        vault: Vault,
        clock: Clock,
        holds: HoldService,
        retention: RetentionService,
        after_erase: Callable[[int], None] | None = None,
    ) -> None:
        self.vault = vault
        self.clock = clock
        self.holds = holds
        self.retention = retention
        self.after_erase = after_erase  # e.g. remove the case's decrypted viewing copies

    # -- what goes -------------------------------------------------------------------------
    def preview_case(self, case_id: int) -> ErasurePreview:
        case = self.vault.cases.get(case_id)
        emp = self.vault.employees.get(case.employee_id)
        due = self.retention.due_for(case_id)
        return ErasurePreview(
            erasure.plan(self.vault.conn, "case", [case_id], None),
            f"Case {case.reference} of {emp.name} ({emp.employee_number})",
            (case.reference,),
            due.rule if due is not None else REQUEST_RULE,
            why=f"Due for deletion: {due.describe()}." if due is not None else ErasurePreview.why,
        )

    def preview_employee(self, employee_id: int) -> ErasurePreview:
        emp = self.vault.employees.get(employee_id)
        cases = [c for c in self.vault.cases.all() if c.employee_id == employee_id]
        ids = tuple(c.id for c in cases)
        elsewhere = erasure.mentions(self.vault.conn, emp.name, ids)
        return ErasurePreview(
            erasure.plan(self.vault.conn, "employee", list(ids), employee_id),
            f"{emp.name} ({emp.employee_number}) and every case about them",
            tuple(sorted(c.reference for c in cases)),
            REQUEST_RULE,
            tuple(self.vault.cases.get(i).reference for i in elsewhere),
            why="Erased on request (e.g. the employee asked for erasure).",
            manager_of=erasure.managed_by(self.vault.conn, emp.name, employee_id),
        )

    # -- erasing ---------------------------------------------------------------------------
    def erase_case(self, case_id: int) -> ErasureResult:
        return self._erase(self.preview_case(case_id))

    def erase_employee(self, employee_id: int) -> ErasureResult:
        return self._erase(self.preview_employee(employee_id))

    def _erase(self, preview: ErasurePreview) -> ErasureResult:
        plan = preview.plan
        with self.vault.write() as w:
            self.holds.require_no_hold(list(plan.case_ids))
            erasure_id = erasure.erase(self.vault.conn, plan, preview.rule)
            event = w.audit(
                f"erasure.{plan.kind}",
                "erasure",
                erasure_id,
                {"kind": plan.kind, "rule": preview.rule, "counts": plan.counts},
            )
        erasure.compact(self.vault.conn)  # outside the transaction: VACUUM rewrites the file
        for case_id in plan.case_ids:
            if self.after_erase is not None:
                self.after_erase(case_id)
        return ErasureResult(erasure_id, event.seq, dict(plan.counts), preview.rule)
