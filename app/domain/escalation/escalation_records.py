"""Records of the escalation path: approvals of stage moves and exceptions to the path.

An `Approval` is one role's sign-off (or review) of one move, from the stage the case is in to
the stage asked for. It is *pending* when requested, *granted* or *declined* when decided,
*used* by the stage change it allowed, and *lapsed* when the case left the stage another way.

A `CaseException` is a recorded deviation from the path: extending a deadline, pausing the
clock (e.g. leave of absence), skipping a stage, or another deviation. It always has a reason,
the person who asked, and the person (with a role that holds the right) who approved it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.records import LabelledEnum, Role, new_uid
from app.domain.validation import ValidationReport, require_text
from app.domain.words.formats import formats
from app.domain.words.phrases import Phrase
from app.domain.words.translation import translate


class ApprovalKind(LabelledEnum):
    APPROVE = "approve"
    REVIEW = "review"


class ApprovalStatus(LabelledEnum):
    PENDING = "pending"
    GRANTED = "granted"
    DECLINED = "declined"
    USED = "used"
    LAPSED = "lapsed"


@dataclass(frozen=True)
class Approval:
    case_id: int
    from_stage: str
    to_stage: str
    role: Role
    kind: ApprovalKind
    status: ApprovalStatus
    requested_at: datetime
    person: str = ""  # who approved or reviewed; empty while pending
    requested_by: str = ""
    note: str = ""
    decided_at: datetime | None = None
    stage_change_id: int | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def counts(self) -> bool:
        """Granted and not yet used by a stage change."""
        return self.status is ApprovalStatus.GRANTED

    def describe(self) -> str:
        verb = "reviewed" if self.kind is ApprovalKind.REVIEW else "approved"
        when = f" on {formats().date(self.decided_at.date())}" if self.decided_at else ""
        return f"{self.role.label} {self.person} {verb}{when}"

    def validate(self) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "to_stage", self.to_stage, "Target stage")
        if self.status is not ApprovalStatus.PENDING:
            require_text(r, "person", self.person, "The name of who approved")
        return r


class ExceptionKind(LabelledEnum):
    EXTEND = "extend"
    PAUSE = "pause"
    SKIP = "skip"
    DEVIATION = "deviation"

    @property
    def label(self) -> str:
        return {
            "extend": "Deadline extension",
            "pause": "Paused clock",
            "skip": "Skipped stage",
            "deviation": "Other deviation",
        }[self.value]


class ExceptionStatus(LabelledEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    DECLINED = "declined"


@dataclass(frozen=True)
class CaseException:
    case_id: int
    kind: ExceptionKind
    reason: str
    requested_by: str
    requested_on: date
    stage: str  # the stage the case was in when the exception was asked for
    approver: str = ""
    approver_role: Role | None = None
    status: ExceptionStatus = ExceptionStatus.REQUESTED
    starts_on: date | None = None  # pause: first paused day
    ends_on: date | None = None  # pause: last paused day
    extra_business_days: int = 0  # extend
    skip_stage: str = ""  # skip
    decided_on: date | None = None
    uid: str = field(default_factory=new_uid)
    id: int | None = None

    @property
    def approved(self) -> bool:
        return self.status is ExceptionStatus.APPROVED

    def describe(self, language: str = "en") -> str:
        """One line for lists and documentation packs (no confidential text beyond the reason),
        in ``language`` with dates in its locale."""

        def tr(message: str) -> str:
            return translate(language, message)

        f = formats(language)
        if self.kind is ExceptionKind.EXTEND:
            days = f.count(self.extra_business_days, "{n} business day", "{n} business days")
            what = tr("deadline extended by {days}").format(days=days)
        elif self.kind is ExceptionKind.PAUSE and self.starts_on and self.ends_on:
            span = f.date_range(self.starts_on, self.ends_on)
            what = tr("clock paused {dates}").format(dates=span)
        elif self.kind is ExceptionKind.SKIP:
            stage = tr(self.skip_stage.replace("_", " ").capitalize())
            what = tr("stage {stage} skipped").format(stage=stage)
        else:
            what = tr("deviation from the path")
        who = (
            tr("approved by {name} ({role})").format(
                name=self.approver, role=tr(self.approver_role.label)
            )
            if self.approved and self.approver_role
            else tr(self.status.label).lower()
        )
        return tr("{what}; asked by {name}; {who}. Reason: {reason}").format(
            what=what, name=self.requested_by, who=who, reason=self.reason
        )

    def validate(self, today: date | None = None) -> ValidationReport:
        r = ValidationReport()
        require_text(r, "reason", self.reason, "Reason")
        require_text(r, "requested_by", self.requested_by, "Requested by")
        if self.kind is ExceptionKind.EXTEND and self.extra_business_days <= 0:
            r.error(
                "extra_business_days",
                Phrase("An extension needs a number of business days above 0."),
            )
        if self.kind is not ExceptionKind.EXTEND and self.extra_business_days:
            r.error("extra_business_days", Phrase("Only an extension adds business days."))
        if self.kind is ExceptionKind.PAUSE:
            if self.starts_on is None or self.ends_on is None:
                r.error("starts_on", Phrase("A pause needs its first and last day."))
            elif self.ends_on < self.starts_on:
                r.error("ends_on", Phrase("A pause cannot end before it starts."))
        elif self.starts_on or self.ends_on:
            r.error("starts_on", Phrase("Only a pause has start and end dates."))
        if self.kind is ExceptionKind.SKIP:
            require_text(r, "skip_stage", self.skip_stage, "The stage to skip")
        elif self.skip_stage:
            r.error("skip_stage", Phrase("Only a skip names a stage to skip."))
        if self.status is not ExceptionStatus.REQUESTED:
            require_text(r, "approver", self.approver, "Approver")
            if self.approver_role is None:
                r.error("approver_role", Phrase("Give the approver's role."))
        if (
            self.approver
            and self.approver.strip().casefold() == self.requested_by.strip().casefold()
        ):
            r.error(
                "approver", Phrase("Someone other than the requester must approve an exception.")
            )
        return r
