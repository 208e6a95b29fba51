"""Documentation packs and redacted summaries: assemble, build, store, list, verify, export.

A pack is drawn from a `PackData` snapshot assembled here from the case, escalation, plan and
review services; `app/documents` only lays it out. Generating a pack is one vault write: the
PDF, its snapshot and its integrity code are stored together with a ``pack.generate`` audit
event, so `verify_pack` can later say whether a printed or e-mailed copy matches the record as
it stood then.

Redacted summaries are built from pseudonymised data, checked by `redaction_verifier` against
every person in the vault, and only then written to disk (and audited as an export).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.documents.pdf.documentation_pack import build_pack
from app.documents.pdf.fonts import UnprintableText
from app.documents.pdf.pack_data import (
    AuditEntry,
    CaseSummary,
    ConversationEntry,
    DecisionEntry,
    ExceptionEntry,
    IndicatorEntry,
    MeetingType,
    MicroGoalEntry,
    ObjectiveEntry,
    ObservationEntry,
    PackData,
    Participant,
    PlanSection,
    ProgressEntry,
    ResourceEntry,
    ReviewEntry,
    StageEntry,
    digest_of_json,
)
from app.documents.pdf.page_template import PageSetup, PageSize, Progress
from app.documents.redaction.identifiers import IdentifierIndex
from app.documents.redaction.redaction import (
    INCLUDABLE,
    REDACTED_MARKING,
    RedactionOptions,
    build_redacted_pdf,
    redact,
)
from app.documents.redaction.redaction_verifier import (
    RedactionRefused,
    default_template,
    require_clean,
)
from app.domain.packs import StoredPack, find_code, integrity_code
from app.domain.records import Case, Role
from app.domain.words.formats import formats
from app.domain.words.translation import LANGUAGES, N_, translate
from app.domain.words.wording import zone_label
from app.services.cases.timeline import TIMELINE_SOURCES, TimelineEvent
from app.services.documents import export_file
from app.vault.audit import audit_log
from app.vault.audit.audit_log import digest_of
from app.vault.errors import CannotWriteFile, IntegrityError, NotFound, VaultError
from app.vault.repositories.identity_repository import IdentityRepository
from app.vault.repositories.pack_repository import PackRepository

if TYPE_CHECKING:
    from app.services.services import Services

# For the GUI, which reaches app.documents only through this service.
__all__ = [
    "DocumentError",
    "DocumentService",
    "INCLUDABLE",
    "MeetingDetails",
    "MeetingType",
    "PackVerification",
    "PageSize",
    "RedactionOptions",
    "RedactionRefused",
    "StoredPack",
    "UnprintableText",
    "encrypt_pdf",
]

GENERATE_ATTEMPTS = 3  # rebuild if another write moved the audit head while laying out


class _HeadMoved(Exception):
    """The audit head changed between building a pack and storing it."""


class DocumentError(VaultError):
    """A pack or export could not be made; the message says what to do."""


@dataclass(frozen=True)
class MeetingDetails:
    """What the officer tells us about the meeting; empty fields are filled from the case."""

    meeting_type: MeetingType
    meeting_date: date | None = None
    place: str | None = None
    participants: tuple[Participant, ...] | None = None
    agenda: tuple[str, ...] | None = None
    with_audit: bool = False  # append the case's audit trail (`casepath pack --with-audit`)


@dataclass(frozen=True)
class PackCheck:
    label: str
    passed: bool
    detail: str = ""


@dataclass
class PackVerification:
    """The answer of `verify_pack`: does this file match the pack generated then?"""

    code: str | None
    pack: StoredPack | None = None
    reference: str = ""
    checks: list[PackCheck] = field(default_factory=list)
    changed_since: bool | None = None

    @property
    def matches(self) -> bool:
        return self.pack is not None and bool(self.checks) and all(c.passed for c in self.checks)

    def __str__(self) -> str:
        if self.code is None:
            return (
                "No Casepath integrity code was found in this PDF: it is not a documentation "
                "pack, or its pages were altered."
            )
        if self.pack is None:
            return (
                f"Integrity code {self.code} is not known to this vault: the pack was made "
                "from another vault, or the code was altered."
            )
        lines = [
            f"Pack {self.code} for case {self.reference}, generated "
            f"{self.pack.created_at:%Y-%m-%d %H:%M} UTC by {self.pack.created_by}."
        ]
        lines += [
            f"  [{'ok' if c.passed else 'FAILED'}] {c.label}"
            + (f": {c.detail}" if c.detail else "")
            for c in self.checks
        ]
        if self.matches:
            lines.append(
                "MATCHES: this file is the pack as generated, and the record it was "
                "drawn from is intact in the vault."
            )
        else:
            lines.append("DOES NOT MATCH: do not rely on this copy; generate a new pack.")
        if self.changed_since is True:
            lines.append(
                "Note: the case has changed since the pack was generated; a new pack "
                "would show more recent information."
            )
        elif self.changed_since is False:
            lines.append("The case is unchanged since the pack was generated.")
        return "\n".join(lines)


class DocumentService:
    """Use cases for packs and redacted summaries over one vault."""

    def __init__(self, services: Services) -> None:
        # The container, because a pack reads from every other service; looked up at use
        # time so services added after this one are seen.
        self.services = services
        self.vault = services.vault
        self.clock = services.clock
        self.repo = PackRepository(self.vault.conn)
        self.identities = IdentityRepository(self.vault.conn)
        # (people version, index): building the index of 20k people costs seconds, so it is
        # kept while nobody changes; it lives as long as this unlocked session.
        self._index: tuple[int, IdentifierIndex] | None = None

    # -- assembling ----------------------------------------------------------------------
    def language(self) -> str:
        """The vault's document language ('en', 'de')."""
        settings = getattr(self.services, "vault_settings", None)
        return settings.document_language() if settings is not None else "en"

    def _stage_namer(self, case: Case, language: str = "en") -> Callable[[str | None], str]:
        escalation = getattr(self.services, "escalation", None)
        policy = None
        if escalation is not None:
            try:
                policy = escalation.policy_for(case)
            except (NotFound, LookupError):
                policy = None

        def name(key: str | None) -> str:
            if not key:
                return ""
            if key == "closed":
                return translate(language, "Closed")
            if policy is not None and key in policy.stage_keys:
                return translate(language, policy.stage_name(key))
            return translate(language, key.replace("_", " ").capitalize())

        return name

    def assemble(
        self, case_id: int, meeting: MeetingDetails, language: str | None = None
    ) -> PackData:
        """The snapshot a pack is drawn from, with every label already in words of
        ``language`` (default: the vault's document language)."""
        svc = self.services
        lang = language or self.language()

        def tr(member: Any) -> str:
            return translate(lang, member.label) if member is not None else ""

        case = svc.cases.get(case_id)
        employee = svc.cases.employee_of(case)
        owner = self.vault.officers.get(case.owner_id)
        stage = self._stage_namer(case, lang)
        summary = CaseSummary(
            employee_name=employee.name,
            employee_number=employee.employee_number,
            job_title=employee.job_title,
            department=employee.department,
            manager=employee.manager,
            track=tr(case.track),
            stage=stage(case.stage),
            status=tr(case.status),
            opened_on=case.opened_on,
            stage_entered_on=case.stage_entered_on,
            closed_on=case.closed_on,
            outcome=tr(case.outcome),
            case_owner=owner.name,
            employee_start_date=employee.start_date,
        )
        escalation = getattr(svc, "escalation", None)
        approvals = escalation.approvals(case_id) if escalation else []
        stage_changes = []
        for sc in svc.cases.stage_changes(case_id):
            signed = tuple(
                Participant(
                    a.person,
                    tr(a.role)
                    + (translate(lang, " (reviewed)") if a.kind.value == "review" else ""),
                )
                for a in approvals
                if a.stage_change_id == sc.id and a.person
            )
            if not signed:
                signed = tuple(Participant(name, "") for name in sc.approvals)
            stage_changes.append(
                StageEntry(
                    changed_on=sc.changed_at.date(),
                    from_stage=stage(sc.from_stage),
                    to_stage=stage(sc.to_stage),
                    decided_by=sc.actor,
                    decided_role=tr(sc.role),
                    reason=sc.reason,
                    approvals=signed,
                )
            )
        exceptions = []
        for ex in escalation.exceptions(case_id) if escalation else []:
            detail = ex.describe(lang)
            exceptions.append(
                ExceptionEntry(
                    recorded_on=ex.decided_on or ex.requested_on,
                    kind=tr(ex.kind),
                    description=detail,
                    approved_by=ex.approver,
                    approver_role=tr(ex.approver_role),
                    status=tr(ex.status),
                )
            )
        data = PackData(
            reference=case.reference,
            meeting_type=meeting.meeting_type,
            meeting_date=self._meeting_date(case_id, meeting),
            meeting_place=self._meeting_place(case_id, meeting, lang),
            participants=self._participants(
                case, employee.name, employee.manager, owner.name, meeting, lang
            ),
            case=summary,
            stage_changes=tuple(stage_changes),
            decisions=tuple(
                DecisionEntry(d.decided_on, d.decided_by, tr(d.role), d.summary, d.rationale)
                for d in svc.cases.decisions(case_id)
            ),
            exceptions=tuple(exceptions),
            conversations=tuple(
                ConversationEntry(
                    held_on=c.held_on,
                    kind=tr(c.kind),
                    summary=c.summary,
                    attendees=c.attendees,
                    expectations=c.expectations,
                    constraints=c.constraints,
                    root_causes=tuple(tr(r) for r in c.root_causes),
                    root_cause_notes=c.root_cause_notes,
                    agreed_actions=c.agreed_actions,
                )
                for c in svc.cases.conversations(case_id)
            ),
            indicators=tuple(
                IndicatorEntry(
                    i.observed_on,
                    tr(i.category),
                    i.metric,
                    i.expected,
                    i.actual,
                    i.unit,
                    i.source,
                    i.note,
                )
                for i in svc.cases.indicators(case_id)
            ),
            observations=tuple(
                ObservationEntry(
                    o.observed_on,
                    o.author,
                    _role_words(o.author_role, lang),
                    o.text,
                )
                for o in svc.cases.observations(case_id)
            ),
            plan=self._plan(case_id, lang),
            reviews=self._reviews(case_id, lang),
            agenda=meeting.agenda
            if meeting.agenda is not None
            else self._agenda(case_id, meeting.meeting_type, lang),
            audit=self._audit(case.id, case.reference) if meeting.with_audit else None,
        )
        return data

    def _audit(self, case_id: int, reference: str) -> tuple[AuditEntry, ...]:
        """The case's audit trail, in words, as the snapshot holds it (under the pack's lock,
        so it runs exactly to the chain head the pack prints); read through the entity index,
        not the whole trail (`case_trail`)."""
        from app.services.audit.case_trail import case_trail

        return tuple(AuditEntry(*row) for row in case_trail(self.vault, case_id, reference))

    def _next_review(self, case_id: int) -> Any:
        reviews = getattr(self.services, "reviews", None)
        if reviews is None:
            return None
        today = self.clock.today()
        scheduled = [
            r for r in reviews.for_case(case_id) if r.status.value == "scheduled" and r.on >= today
        ]
        return min(scheduled, key=lambda r: r.starts_at) if scheduled else None

    def _meeting_date(self, case_id: int, meeting: MeetingDetails) -> date:
        if meeting.meeting_date is not None:
            return meeting.meeting_date
        if meeting.meeting_type is MeetingType.REVIEW:
            review = self._next_review(case_id)
            if review is not None:
                return review.on
        return self.clock.today()

    def _meeting_place(self, case_id: int, meeting: MeetingDetails, lang: str) -> str:
        if meeting.place is not None:
            return meeting.place
        if meeting.meeting_type is MeetingType.REVIEW:
            review = self._next_review(case_id)
            if review is not None:
                when = f"{formats(lang).time(review.starts_at)} {zone_label(review.timezone, lang)}"
                where = review.location or review.call_link
                return f"{where}, {when}" if where else when
        return ""

    def _participants(
        self,
        case: Case,
        employee: str,
        manager: str,
        officer: str,
        meeting: MeetingDetails,
        lang: str,
    ) -> tuple[Participant, ...]:
        if meeting.participants is not None:
            return meeting.participants
        if meeting.meeting_type is MeetingType.REVIEW:
            review = self._next_review(case.id)
            if review is not None and review.participants:
                return tuple(
                    Participant(p.name, translate(lang, p.role.label)) for p in review.participants
                )
        people = [Participant(employee, translate(lang, "Employee"))]
        if manager:
            people.append(Participant(manager, translate(lang, "Manager")))
        if officer:
            people.append(Participant(officer, translate(lang, "HR officer")))
        return tuple(people)

    def _plan(self, case_id: int, lang: str) -> PlanSection | None:
        plans = getattr(self.services, "plans", None)
        if plans is None:
            return None
        plan = plans.active(case_id)
        if plan is None:
            return None
        progress = plans.progress(case_id)
        agreed = ""
        if plan.agreed_on is not None:
            agreed = {
                True: N_("the employee agreed"),
                False: N_("the employee did not agree"),
            }.get(plan.employee_agreed, N_("agreement recorded"))
            agreed = translate(lang, agreed)
        return PlanSection(
            version=plan.version,
            starts_on=plan.starts_on,
            ends_on=plan.ends_on,
            manager=plan.manager,
            hr_officer=plan.hr_officer,
            executive_sponsor=plan.executive_sponsor,
            agreed_on=plan.agreed_on,
            employee_agreed=agreed,
            employee_comment=plan.employee_comment,
            objectives=tuple(
                ObjectiveEntry(
                    title=o.title,
                    category=translate(lang, o.category.label),
                    measure=o.measure,
                    baseline=o.baseline,
                    target=o.target,
                    stretch_target=o.stretch_target,
                    unit=o.unit,
                    due_on=o.due_on,
                    micro_goals=tuple(
                        MicroGoalEntry(g.title, g.due_on, translate(lang, g.status.label), g.note)
                        for g in o.micro_goals
                    ),
                    progress=tuple(
                        ProgressEntry(p.recorded_on, p.note, p.value, p.milestone_achieved)
                        for p in progress
                        if p.objective_uid == o.uid
                    ),
                )
                for o in plan.objectives
            ),
            resources=tuple(
                ResourceEntry(translate(lang, r.kind.label), r.description, r.provider, r.by_date)
                for r in plan.resources
            ),
        )

    def _reviews(self, case_id: int, lang: str) -> tuple[ReviewEntry, ...]:
        reviews = getattr(self.services, "reviews", None)
        if reviews is None:
            return ()
        return tuple(
            ReviewEntry(
                held_on=o.held_on,
                kind=translate(lang, "Formal review"),
                outcome=translate(lang, o.decision.label),
                summary=o.summary,
                reviewers=tuple(p.name for p in o.attended if p.name.strip()),
            )
            for o in reviews.outcomes(case_id)
        )

    def _agenda(self, case_id: int, meeting_type: MeetingType, lang: str) -> tuple[str, ...]:
        return self._agenda_items(case_id, meeting_type, lang)

    def _agenda_items(self, case_id: int, meeting_type: MeetingType, lang: str) -> tuple[str, ...]:
        """The agenda of this kind of meeting in ``lang``, with the plan's lines for a review."""
        f = formats(lang)

        def tr(message: str) -> str:
            return translate(lang, message)

        if meeting_type is MeetingType.FORMAL_CONCERN:
            return (
                tr("Welcome, purpose of the meeting, and the employee's right to be accompanied"),
                tr("The concerns: the indicators and their impact on the team and customers"),
                tr("The employee's response, and any root causes or constraints"),
                tr("Support offered: coaching, training, workload changes"),
                tr("Expectations, how they will be measured, and by when"),
                tr("What happens next if expectations are not met"),
                tr("Agree actions and confirm the date of the next meeting"),
            )
        if meeting_type is MeetingType.OUTCOME:
            return (
                tr("Welcome and purpose of the meeting"),
                tr("Summary of the plan, the reviews and the results against each objective"),
                tr("The employee's response"),
                tr("The outcome decision and its reasons"),
                tr("What the outcome means in practice, timescales and support"),
                tr("The employee's right to appeal and how to exercise it"),
                tr("Agree actions and close the meeting"),
            )
        items = [tr("Welcome and purpose of the review")]
        reviews = getattr(self.services, "reviews", None)
        if reviews is not None:
            agenda = reviews.agenda(case_id, lang)
            for o in agenda.objectives:
                line = tr("Objective: {title} — {summary}").format(title=o.title, summary=o.summary)
                if o.latest is not None:
                    line += tr("; latest progress {date}: {note}").format(
                        date=f.date(o.latest.recorded_on), note=o.latest.note
                    )
                items.append(line)
                goal = tr("Open micro-goal: {goal}")
                items += [goal.format(goal=g) for g in o.open_micro_goals]
            check = tr("Resource check: {resource}")
            items += [check.format(resource=r) for r in agenda.resources]
            items += list(agenda.questions)
        items.append(
            tr(
                "Decision: continue, extend, close as improved, or escalate; agree "
                "actions and the next review date"
            )
        )
        return tuple(items)

    # -- generating ----------------------------------------------------------------------
    def generate(
        self,
        case_id: int,
        meeting: MeetingDetails,
        page_size: PageSize = PageSize.A4,
        progress: Progress | None = None,
        deterministic: bool = False,
    ) -> StoredPack:
        """Build the pack and store it with its audit event; safe to run on a worker thread.

        The code ties the pack to the audit head at build time. If another write lands
        while the pages are being laid out, the pack is rebuilt against the new head.
        """
        guard = getattr(self.services, "guard", None)
        if guard is not None:
            guard.require("documentation_pack", self.vault.cases.get(case_id))
        for _ in range(GENERATE_ATTEMPTS):
            # Snapshot and head are read together, so the code vouches for exactly this data.
            with self.vault.conn.lock:
                language = self.language()
                data = self.assemble(case_id, meeting, language)
                head_seq, head_hash = self.vault.audit_head()
            data_json = data.to_json()
            digest = digest_of_json(data_json)
            code = integrity_code(head_seq, head_hash, digest)
            setup = PageSetup(
                size=page_size,
                reference=data.reference,
                generated_on=self.clock.today(),
                integrity_code=code,
                chain_head=(head_seq, head_hash),
                deterministic=deterministic,
                language=language,
            )
            pdf = build_pack(data, setup, progress)
            try:
                stored = self._store(
                    case_id,
                    meeting,
                    page_size,
                    data,
                    data_json,
                    digest,
                    code,
                    head_seq,
                    head_hash,
                    pdf,
                )
            except _HeadMoved:
                continue  # another write landed while laying out: build against the new head
            return stored
        raise DocumentError(
            "The vault kept changing while the pack was being built; try again "
            "when other work has finished."
        )

    def _store(
        self,
        case_id: int,
        meeting: MeetingDetails,
        page_size: PageSize,
        data: PackData,
        data_json: str,
        digest: str,
        code: str,
        head_seq: int,
        head_hash: str,
        pdf: bytes,
    ) -> StoredPack:
        with self.vault.write() as w:
            if self.vault.audit_head() != (head_seq, head_hash):
                raise _HeadMoved  # rolls the (empty) transaction back
            stored = self.repo.add(
                StoredPack(
                    case_id=case_id,
                    meeting_type=meeting.meeting_type.value,
                    meeting_date=data.meeting_date,
                    page_size=page_size.value,
                    created_at=self.clock.now(),
                    created_by=self.vault.officer.name,
                    integrity_code=code,
                    head_seq=head_seq,
                    head_hash=head_hash,
                    data_digest=digest,
                    data_json=data_json,
                    pdf_sha256=hashlib.sha256(pdf).hexdigest(),
                    pdf=pdf,
                )
            )
            w.audit("pack.generate", "pack", stored.id, stored.audit_change())
        return stored

    def packs(self, case_id: int) -> list[StoredPack]:
        return self.repo.for_case(case_id)

    def pack(self, pack_id: int) -> StoredPack:
        return self.repo.get(pack_id)

    def pdf(self, pack_id: int) -> bytes:
        return self.repo.pdf(pack_id)

    def export_pack(
        self, pack_id: int, target: Path, password: str | None = None, overwrite: bool = False
    ) -> Path:
        """Write a stored pack to a file the user chose (optionally AES-256 protected)."""
        pack = self.repo.get(pack_id)
        payload = encrypt_pdf(pack.pdf, password) if password else pack.pdf
        # The file appears only once its audit event has committed.
        with _new_file(Path(target), payload, overwrite), self.vault.write() as w:
            w.audit(
                "pack.export",
                "pack",
                pack.id,
                {"file": Path(target).name, "protected": bool(password)},
            )
        return Path(target)

    # -- verifying -----------------------------------------------------------------------
    def verify_pack(self, pdf: bytes, password: str | None = None) -> PackVerification:
        """Does this PDF match a pack generated from this vault, as the record was then?"""
        pages = _page_texts(pdf, password)
        codes = {find_code(t) for t in pages}
        found = sorted(c for c in codes if c)
        if not found:
            return PackVerification(code=None)
        code = found[0]
        pack = self.repo.by_code(code)
        result = PackVerification(code=code, pack=pack)
        if pack is None:
            return result
        result.reference = self.services.cases.get(pack.case_id).reference
        checks = result.checks
        checks.append(
            PackCheck(
                "every page carries the same integrity code",
                len(found) == 1 and None not in codes,
                ""
                if len(found) == 1 and None not in codes
                else "some pages carry no code or another code (pages swapped or added)",
            )
        )
        events = [
            e
            for e in audit_log.events(self.vault.conn, "pack", pack.id)
            if e.action == "pack.generate"
        ]
        checks.append(
            PackCheck(
                "the stored pack record matches its audit event",
                len(events) == 1 and events[0].digest == digest_of(pack.audit_change()),
                "" if events else "no generation event found",
            )
        )
        chain = audit_log.verify_chain(self.vault.conn)
        checks.append(
            PackCheck("the audit chain is intact", chain.ok, "" if chain.ok else str(chain))
        )
        checks.append(
            PackCheck(
                f"the chain head at generation (event {pack.head_seq}) is as recorded",
                self.repo.audit_hash(pack.head_seq) == pack.head_hash,
            )
        )
        checks.append(
            PackCheck(
                "the snapshot the pack was drawn from is unaltered",
                digest_of_json(pack.data_json) == pack.data_digest,
            )
        )
        checks.append(
            PackCheck(
                "the integrity code follows from the chain head and the snapshot",
                integrity_code(pack.head_seq, pack.head_hash, pack.data_digest) == code,
            )
        )
        stored_ok = hashlib.sha256(pack.pdf).hexdigest() == pack.pdf_sha256
        if pdf == pack.pdf:
            same, detail = True, "byte for byte identical"
        else:
            same = pages == _page_texts(pack.pdf, None)
            detail = (
                "same text on every page (the file was re-saved or protected)"
                if same
                else "the text differs from the pack generated then"
            )
        checks.append(
            PackCheck("the file's content is the pack as generated", same and stored_ok, detail)
        )
        result.changed_since = self._changed_since(pack)
        return result

    def _changed_since(self, pack: StoredPack) -> bool | None:
        try:
            snapshot = json.loads(pack.data_json)
            meeting = MeetingDetails(
                meeting_type=MeetingType(pack.meeting_type),
                meeting_date=pack.meeting_date,
                place=snapshot.get("meeting_place", ""),
                participants=tuple(
                    Participant(p["name"], p["role"]) for p in snapshot.get("participants", [])
                ),
                agenda=tuple(snapshot.get("agenda", [])),
            )
            # The pack was written in the vault's language of that day, which may have changed.
            digests = {self.assemble(pack.case_id, meeting, lang).digest() for lang in LANGUAGES}
            return pack.data_digest not in digests
        except (NotFound, KeyError, ValueError):
            return None

    # -- redacted summaries --------------------------------------------------------------
    def identifier_index(self) -> IdentifierIndex:
        """Everyone the vault knows of, prepared for the redactor and the verifier; rebuilt
        only when the people version moved (read first: a write racing the rebuild leaves an
        index newer than its version, which the next call rebuilds, never an older one)."""
        version = self.identities.version()
        if self._index is not None and self._index[0] == version:
            return self._index[1]
        index = IdentifierIndex(self.identities.everyone())
        self._index = (version, index)
        return index

    def redacted(
        self,
        case_id: int,
        kind: str,
        options: RedactionOptions,
        page_size: PageSize = PageSize.A4,
        deterministic: bool = False,
    ) -> bytes:
        """The verified export as bytes (``kind`` pdf, csv or json); raises
        `RedactionRefused` if any identifier of anyone in the vault survived."""
        kind = kind.lower().lstrip(".")
        if kind not in ("pdf", "csv", "json"):
            raise DocumentError(f"A redacted summary is written as PDF, CSV or JSON, not '{kind}'.")
        language = self.language()
        data = self.assemble(
            case_id, MeetingDetails(MeetingType.REVIEW, participants=(), agenda=()), language
        )
        index = self.identifier_index()
        summary = redact(data, index, options, self.clock.today(), language)
        if kind == "json":
            payload = summary.to_json().encode("utf-8")
        elif kind == "csv":
            payload = summary.to_csv().encode("utf-8")
        else:
            payload = build_redacted_pdf(
                summary,
                PageSetup(
                    size=page_size,
                    reference=summary.reference,
                    generated_on=self.clock.today(),
                    marking=REDACTED_MARKING,
                    chain_head=self.vault.audit_head(),
                    deterministic=deterministic,
                    language=language,
                ),
            )
        words = self._policy_words(case_id, language)
        require_clean(payload, kind, index, default_template(words))
        return payload

    def _policy_words(self, case_id: int, language: str = "en") -> set[str]:
        """The stage names of the case's policy: the summary prints them as labels."""
        case = self.services.cases.get(case_id)
        name = self._stage_namer(case, language)
        escalation = getattr(self.services, "escalation", None)
        try:
            keys = escalation.policy_for(case).stage_keys if escalation else ()
        except (NotFound, LookupError):
            keys = ()
        return {name(k) for k in keys}

    def export_redacted(
        self,
        case_id: int,
        target: Path,
        options: RedactionOptions,
        page_size: PageSize = PageSize.A4,
        overwrite: bool = False,
    ) -> Path:
        """Build, verify, then write; the export is audited (which fields were included)."""
        target = Path(target)
        payload = self.redacted(case_id, target.suffix, options, page_size)
        # The file appears only once its audit event has committed.
        with _new_file(target, payload, overwrite), self.vault.write() as w:
            w.audit(
                "case.redacted_export",
                "case",
                case_id,
                {
                    "format": target.suffix.lstrip(".").lower(),
                    "included": sorted(options.include),
                    "generalised_departments": options.generalise_departments,
                    "sha256": hashlib.sha256(payload).hexdigest(),
                },
            )
        return target


MIN_PDF_PASSWORD = 8


def check_pdf_password(password: str) -> None:
    if len(password) < MIN_PDF_PASSWORD:
        raise DocumentError(f"Choose a PDF password of at least {MIN_PDF_PASSWORD} characters.")


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """AES-256 protection by pypdf (reportlab's own is RC4 or a malformed AES variant)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import DependencyError

    check_pdf_password(password)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    try:
        writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    except DependencyError:
        raise DocumentError(
            "PDF protection needs the 'cryptography' package; reinstall Casepath."
        ) from None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_texts(pdf: bytes, password: str | None) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted and (password is None or not reader.decrypt(password)):
            raise DocumentError(
                "This PDF is password-protected: give its password (--password-file) to verify it."
            )
        return [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise DocumentError(f"The file is not a readable PDF ({exc}).") from None


@contextlib.contextmanager
def _new_file(target: Path, payload: bytes, overwrite: bool) -> Iterator[None]:
    """``target`` holds ``payload`` after the block succeeds, nothing new if it fails.

    The payload goes to a 0600 temp file beside the target (see
    `app.services.documents.export_file`).
    """
    if target.exists() and not overwrite:
        raise DocumentError(
            f"{target} already exists; choose another name (Casepath does not overwrite files)."
        )
    if not target.parent.is_dir():
        raise DocumentError(f"The folder {target.parent} does not exist.")
    try:
        tmp = export_file.write_partial(target, payload)
    except CannotWriteFile as exc:
        raise DocumentError(str(exc)) from None
    try:
        yield
        try:
            export_file.publish(tmp, target)
        except CannotWriteFile as exc:
            raise DocumentError(str(exc)) from None
    finally:
        export_file.discard(tmp)


def _role_words(role: str, lang: str) -> str:
    """An observation author's role ('hr_officer') in words; free text stays as written."""
    try:
        return translate(lang, Role(role).label)
    except ValueError:
        words = role.replace("_", " ")
        known = translate(lang, words[:1].upper() + words[1:])  # 'customer' → 'Kunde'
        return known if lang != "en" and known.casefold() != words.casefold() else words


# -- timeline -------------------------------------------------------------------------------
def pack_events(services: Services, case_id: int) -> Iterable[TimelineEvent]:
    """Each generated pack on the case's timeline: when, for which meeting, and its code."""
    documents = getattr(services, "documents", None)
    if documents is None:
        return
    for pack in documents.packs(case_id):
        label = MeetingType(pack.meeting_type).label
        yield TimelineEvent(
            pack.created_at.date(),
            "pack",
            "Documentation pack",
            f"Pack generated for the {label.lower()} on {formats().date(pack.meeting_date)}",
            f"Integrity code {pack.integrity_code}",
            pack.created_by,
            pack,
            9,
        )


TIMELINE_SOURCES.append(pack_events)


# -- demo -----------------------------------------------------------------------------------
def enrich_demo(services: Services, rng: random.Random) -> None:
    """Generate a pack for one case at each formal stage, so the Documents tab has content."""
    wanted = {
        "formal_concern": MeetingType.FORMAL_CONCERN,
        "formal_review": MeetingType.REVIEW,
        "outcome": MeetingType.OUTCOME,
    }
    done: set[str] = set()
    for case in services.cases.all():
        meeting = wanted.get(case.stage)
        if meeting is None or case.stage in done:
            continue
        try:
            services.documents.generate(
                case.id, MeetingDetails(meeting), page_size=rng.choice(list(PageSize))
            )
        except (ValueError, IntegrityError):
            continue  # a demo name no font covers: skip that case, try the next
        done.add(case.stage)
