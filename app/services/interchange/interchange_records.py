"""Approvals, exceptions, coaching plans and formal reviews in the interchange format.

These records came after the first release of format version 1, so each case carries them as
optional keys (``approvals``, ``exceptions``, ``plans``, ``reviews``). In the vault they point
at each other by row id (an approval at the stage change it allowed, a plan revision at the
version it replaced, progress and reviews at a plan version, an outcome at its review); in the
document they point by ``uid``, so the links survive the move to another vault.

Each record is checked by its own ``validate()``, its uid against the document and the vault,
and its links against the case; it is written through the repository that owns it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain.escalation.escalation_records import (
    Approval,
    CaseException,
)
from app.domain.plans.plans import (
    CoachingPlan,
    PlanStatus,
    ProgressUpdate,
)
from app.domain.plans.reviews import (
    Review,
    ReviewOutcome,
    ReviewStatus,
)
from app.domain.records import Case, StageChange, Track
from app.services.interchange.interchange_specs import (
    APPROVAL,
    EXCEPTION,
    OUTCOME,
    PLAN,
    PROGRESS,
    REVIEW,
)
from app.services.interchange.interchange_values import (
    RecordSpec,
    ValueParser,
    merge_problems,
)
from app.vault.errors import NotFound

if TYPE_CHECKING:
    from app.services.services import Services


@dataclass
class CaseEntry:
    """One case of the document as it would be written; links to other records by uid."""

    case: Case
    employee_number: str
    records: dict[str, list]
    attachments: list
    approvals: list[tuple[Approval, str | None]] = field(default_factory=list)
    exceptions: list[CaseException] = field(default_factory=list)
    plans: list[tuple[CoachingPlan, str | None, list[ProgressUpdate]]] = field(default_factory=list)
    reviews: list[tuple[Review, str | None, ReviewOutcome | None]] = field(default_factory=list)


# -- export -------------------------------------------------------------------------------
def export_later_records(services: Services, case_id: int) -> dict[str, list]:
    """Approvals, exceptions, every plan version (with its progress) and reviews (with their
    outcome) of one case; links to other records by uid."""
    stage_changes = {s.id: s.uid for s in services.cases.records(StageChange, case_id)}
    approvals = [
        APPROVAL.export(a, stage_change_uid=stage_changes.get(a.stage_change_id))
        for a in services.escalation.approvals(case_id)
    ]
    exceptions = [EXCEPTION.export(e) for e in services.escalation.exceptions(case_id)]
    versions = services.plans.versions(case_id)
    plan_uids = {p.id: p.uid for p in versions}
    progress: dict[int, list[dict]] = {p.id: [] for p in versions}
    for update in services.plans.progress(case_id):
        owner = update.plan_id if update.plan_id in progress else _owning_version(versions, update)
        if owner is not None:
            progress[owner].append(PROGRESS.export(update))
    plans = [
        {
            **PLAN.export(p, revision_of=plan_uids.get(p.revision_of)),
            "progress": progress[p.id],
        }
        for p in versions
    ]
    outcomes = {o.review_id: o for o in services.reviews.outcomes(case_id)}
    reviews = [
        {
            **REVIEW.export(r, plan_uid=plan_uids.get(r.plan_id)),
            "outcome": OUTCOME.export(outcomes[r.id]) if r.id in outcomes else None,
        }
        for r in services.reviews.for_case(case_id)
    ]
    return {"approvals": approvals, "exceptions": exceptions, "plans": plans, "reviews": reviews}


def _owning_version(versions: list[CoachingPlan], update: ProgressUpdate) -> int | None:
    """Progress stored without its plan version (not written by Casepath itself) travels with
    the latest version that has its objective, else the latest version."""
    for plan in reversed(versions):
        if plan.objective(update.objective_uid) is not None:
            return plan.id
    return versions[-1].id if versions else None


# -- reading ------------------------------------------------------------------------------
class LaterRecordsReader:
    """Reads one case's approvals, exceptions, plans and reviews: each record through its own
    ``validate()``, its uid against the document and the vault, its links by uid."""

    def __init__(
        self,
        p: ValueParser,
        services: Services,
        entry: CaseEntry,
        uids: set[str],
        today: date,
    ) -> None:
        self.p = p
        self.report = p.report
        self.services = services
        self.entry = entry
        self.uids = uids
        self.today = today
        vault = services.vault
        ref = entry.case.reference
        self.stored = vault.cases.by_reference(ref) if ref and vault.cases.exists(ref) else None
        self.case_id = self.stored.id if self.stored else None
        self.vault_plans = services.plans.versions(self.case_id) if self.case_id else []
        self.plan_uids: set[str] = {v.uid for v in self.vault_plans}
        self.objective_uids: set[str] = {o.uid for v in self.vault_plans for o in v.objectives}

    def read(self, path: str, raw: dict) -> None:
        self.entry.approvals = self.approvals(path, raw.get("approvals"))
        self.entry.exceptions = self.exceptions(path, raw.get("exceptions"))
        self.entry.plans = self.plans(path, raw.get("plans"))
        self.entry.reviews = self.reviews(path, raw.get("reviews"))

    # -- helpers -------------------------------------------------------------------------
    def record(
        self, path: str, raw: Any, spec: RecordSpec, **context: Any
    ) -> tuple[Any, dict] | None:
        values = self.p.values(path, raw, spec)
        if values is None:
            return None
        uid = values.get("uid")
        if uid and uid in self.uids:
            self.report.error(f"{path}.uid", "appears twice in the document")
        self.uids.add(uid)
        if any(values[n] is None for n in spec.required):
            return None  # already reported; the record cannot be built
        return spec.build(values, **context), values

    def foreign(self, path: str, found: Any) -> None:
        """A uid already in the vault must belong to this case (then the record is skipped)."""
        if found is not None and found.case_id != self.case_id:
            self.report.error(
                f"{path}.uid",
                "is already used by a record of another case in this vault; "
                "give this record a new uid",
            )

    def observer_required(self) -> bool:
        if self.case_id is not None:
            return self.services.reviews.observer_required(self.case_id)
        case = self.entry.case
        try:
            policy = self.services.escalation.policy_for(case)
            return bool(policy.track(case.track).observer_at_formal_meetings)
        except (NotFound, LookupError):
            return case.track is Track.HIGH_STAKES

    # -- sections ------------------------------------------------------------------------
    def approvals(self, path: str, raw: Any) -> list[tuple[Approval, str | None]]:
        repo = self.services.escalation.repo
        stage_changes = {s.uid for s in self.entry.records.get("stage_changes", [])}
        if self.case_id is not None:
            stage_changes |= {s.uid for s in self.services.cases.records(StageChange, self.case_id)}
        out = []
        for j, item in enumerate(self.p.items(f"{path}.approvals", raw)):
            where = f"{path}.approvals[{j}]"
            built = self.record(where, item, APPROVAL, case_id=0)
            if built is None:
                continue
            approval, values = built
            merge_problems(self.report, approval.validate(), where)
            self.foreign(where, repo.approval_by_uid(approval.uid))
            link = values["stage_change_uid"]
            if link and link not in stage_changes:
                self.report.error(
                    f"{where}.stage_change_uid", f"'{link}' names no stage change of this case"
                )
            out.append((approval, link))
        return out

    def exceptions(self, path: str, raw: Any) -> list[CaseException]:
        repo = self.services.escalation.repo
        out = []
        for j, item in enumerate(self.p.items(f"{path}.exceptions", raw)):
            where = f"{path}.exceptions[{j}]"
            built = self.record(where, item, EXCEPTION, case_id=0)
            if built is None:
                continue
            exc = built[0]
            merge_problems(self.report, exc.validate(self.today), where)
            self.foreign(where, repo.exception_by_uid(exc.uid))
            out.append(exc)
        return out

    def plans(
        self, path: str, raw: Any
    ) -> list[tuple[CoachingPlan, str | None, list[ProgressUpdate]]]:
        repo = self.services.plans.repo
        in_vault = {v.uid for v in self.vault_plans}
        vault_active = next((v for v in self.vault_plans if v.status is PlanStatus.ACTIVE), None)
        earlier: set[str] = set()
        versions: set[int] = set()
        active_seen = False
        out = []
        for j, item in enumerate(self.p.items(f"{path}.plans", raw)):
            where = f"{path}.plans[{j}]"
            dropped = self.p.dropped
            built = self.record(where, item, PLAN, case_id=0)
            if built is None:
                continue
            plan, values = built
            if self.p.dropped == dropped:  # else indexes in validate() would not match
                merge_problems(self.report, plan.validate(self.today), where)
            found = repo.by_uid(plan.uid)
            self.foreign(where, found)
            revision_of = values["revision_of"]
            if revision_of and revision_of not in earlier and revision_of not in in_vault:
                self.report.error(
                    f"{where}.revision_of",
                    f"'{revision_of}' names no earlier version of this case's plan "
                    "(list the versions oldest first)",
                )
            if plan.version in versions:
                self.report.error(f"{where}.version", "appears twice for this case")
            versions.add(plan.version)
            if plan.status is PlanStatus.ACTIVE:
                if active_seen:
                    self.report.error(
                        f"{where}.status", "only one version of a case's plan can be active"
                    )
                active_seen = True
            if found is None:
                self._check_against_vault(where, plan, vault_active)
            earlier.add(plan.uid)
            self.plan_uids.add(plan.uid)
            self.objective_uids |= {o.uid for o in plan.objectives}
            out.append((plan, revision_of, self.progress(where, item.get("progress"), plan)))
        return out

    def _check_against_vault(
        self, where: str, plan: CoachingPlan, vault_active: CoachingPlan | None
    ) -> None:
        """A new version must not collide with the versions this case already has here."""
        if any(v.version == plan.version for v in self.vault_plans):
            self.report.error(
                f"{where}.version",
                f"this case already has a plan version {plan.version} in the vault; "
                "importing does not replace records that are already there",
            )
        if plan.status is PlanStatus.ACTIVE and vault_active is not None:
            self.report.error(
                f"{where}.status",
                f"this case already has an active plan (version {vault_active.version}) in "
                "the vault; importing does not supersede it — revise the plan in Casepath",
            )

    def progress(self, path: str, raw: Any, plan: CoachingPlan) -> list[ProgressUpdate]:
        repo = self.services.plans.repo
        out = []
        for k, item in enumerate(self.p.items(f"{path}.progress", raw)):
            where = f"{path}.progress[{k}]"
            built = self.record(where, item, PROGRESS, case_id=0)
            if built is None:
                continue
            update = built[0]
            merge_problems(self.report, update.validate(self.today), where)
            self.foreign(where, repo.progress_by_uid(update.uid))
            if update.objective_uid and plan.objective(update.objective_uid) is None:
                self.report.error(
                    f"{where}.objective_uid", "names no objective of this plan version"
                )
            out.append(update)
        return out

    def reviews(self, path: str, raw: Any) -> list[tuple[Review, str | None, ReviewOutcome | None]]:
        repo = self.services.reviews.repo
        observer = self.observer_required()
        out: list[tuple[Review, str | None, ReviewOutcome | None]] = []
        for j, item in enumerate(self.p.items(f"{path}.reviews", raw)):
            where = f"{path}.reviews[{j}]"
            dropped = self.p.dropped
            built = self.record(where, item, REVIEW, case_id=0)
            if built is None:
                continue
            review, values = built
            if self.p.dropped == dropped:
                merge_problems(self.report, review.validate(self.today, observer), where)
            found = repo.by_uid(review.uid)
            self.foreign(where, found)
            plan_uid = values["plan_uid"]
            if plan_uid and plan_uid not in self.plan_uids:
                self.report.error(
                    f"{where}.plan_uid", f"'{plan_uid}' names no version of this case's plan"
                )
            outcome = None
            if item.get("outcome") is not None:
                outcome = self.outcome(where, item["outcome"], review, found, observer)
            out.append((review, plan_uid, outcome))
        return out

    def outcome(
        self, review_path: str, raw: Any, review: Review, found: Review | None, observer: bool
    ) -> ReviewOutcome | None:
        repo = self.services.reviews.repo
        where = f"{review_path}.outcome"
        dropped = self.p.dropped
        built = self.record(where, raw, OUTCOME, case_id=0, review_id=0)
        if built is None:
            return None
        outcome = built[0]
        # The objectives are checked by uid below: validate() would also demand an assessment
        # of every objective of the *current* plan, which a later revision may have changed.
        merge_problems(self.report, outcome.validate(self.today, (), observer), where)
        self.foreign(where, repo.outcome_by_uid(outcome.uid))
        if review.status is not ReviewStatus.HELD:
            self.report.error(
                f"{review_path}.status", "must be 'held': only a held review has an outcome"
            )
        if self.p.dropped == dropped:
            named = [
                *(("assessments", i, a.objective_uid) for i, a in enumerate(outcome.assessments)),
                *(
                    ("refreshed_targets", i, t.objective_uid)
                    for i, t in enumerate(outcome.refreshed_targets)
                ),
            ]
            for key, i, uid in named:
                if uid not in self.objective_uids:
                    self.report.error(
                        f"{where}.{key}[{i}].objective_uid",
                        f"'{uid}' names no objective of this case's plan",
                    )
        if found is not None:
            stored = repo.outcome_for(found.id)
            if stored is None or stored.uid != outcome.uid:
                self.report.error(
                    where,
                    "this review is already in the vault with a different outcome (or none); "
                    "importing does not change records that are already there",
                )
        return outcome
