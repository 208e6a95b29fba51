"""Redacted case summaries: an export that names nobody, for leadership, auditors or counsel.

The summary is *built* from redacted data, never made by hiding text: every person becomes a
pseudonym stable within the export ("Employee A", "Manager B"), and by default only structured
facts go in (stage history with dates, indicator categories and counts, plan objective
categories, review outcomes, exceptions, outcome). Free text is left out unless the user
includes a field; inside an included field, known names, e-mail addresses, phone numbers and
employee numbers are replaced. The result is written as PDF, CSV or JSON, and every variant
passes `redaction_verifier` before it reaches the disk.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date

from app.documents.csv_safe import csv_text
from app.documents.pdf import summary_template as tpl
from app.documents.pdf.pack_data import PackData
from app.documents.pdf.page_template import (
    PageSetup,
    PdfMetadata,
    Progress,
    render,
    splitting_table,
)
from app.documents.redaction.identifiers import IdentifierIndex, TextRedactor, skeleton
from app.documents.redaction.includable import INCLUDABLE
from app.domain.words.formats import NONE, formats
from app.domain.words.translation import N_, translate

# Role words a pseudonym may carry; anything else becomes "Person".
_ROLE_WORDS = {
    "employee": "Employee",
    "manager": "Manager",
    "direct supervisor": "Supervisor",
    "supervisor": "Supervisor",
    "hr officer": "HR officer",
    "hr representative": "HR representative",
    "hr lead": "HR lead",
    "executive sponsor": "Executive sponsor",
    "neutral observer": "Observer",
    "observer": "Observer",
    "peer": "Peer",
    "stakeholder": "Stakeholder",
    "customer": "Stakeholder",
    "reviewer": "Reviewer",
    "attendee": "Attendee",
    "provider": "Provider",
}
GENERALISED_DEPARTMENT = N_("Withheld (generalised)")


def _role_case(role: str, language: str) -> str:
    """A role inside a sentence: lower case in English, as written in German (a noun)."""
    return role.lower() if language == "en" else role


def _role_word(role: str, language: str) -> str:
    """The pseudonym word for a role written in English or in ``language`` ("Person" if none)."""
    key = skeleton(role.split(" (")[0])
    if key in _ROLE_WORDS:
        return _ROLE_WORDS[key]
    for english, word in _ROLE_WORDS.items():
        label = english[:1].upper() + english[1:]
        if key in (skeleton(translate(language, label)), skeleton(translate(language, word))):
            return word
    return "Person"


class UnknownField(ValueError):
    pass


@dataclass(frozen=True)
class RedactionOptions:
    include: frozenset[str] = frozenset()
    generalise_departments: bool = False

    def __post_init__(self) -> None:
        unknown = sorted(set(self.include) - set(INCLUDABLE))
        if unknown:
            allowed = ", ".join(INCLUDABLE)
            raise UnknownField(
                f"Cannot include {', '.join(unknown)}: the fields that can be "
                f"included are {allowed}."
            )


@dataclass(frozen=True)
class RedactedStage:
    changed_on: date
    from_stage: str
    to_stage: str
    decided_by: str
    approvals: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class RedactedEvent:
    """A dated fact with who (pseudonym) and an optional included text."""

    on: date | None
    what: str
    who: str = ""
    detail: str = ""


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int
    first_on: date | None = None
    last_on: date | None = None


@dataclass(frozen=True)
class RedactedSummary:
    reference: str
    generated_on: date
    employee: str
    department: str
    track: str
    stage: str
    status: str
    opened_on: date
    closed_on: date | None
    outcome: str
    people: tuple[tuple[str, str], ...]  # (pseudonym, role), the key to who is who
    stage_history: tuple[RedactedStage, ...] = ()
    decisions: tuple[RedactedEvent, ...] = ()
    exceptions: tuple[RedactedEvent, ...] = ()
    indicators: tuple[CountRow, ...] = ()
    conversations: tuple[CountRow, ...] = ()
    root_causes: tuple[CountRow, ...] = ()
    objectives: tuple[CountRow, ...] = ()
    micro_goals: tuple[CountRow, ...] = ()
    resources: tuple[CountRow, ...] = ()
    reviews: tuple[RedactedEvent, ...] = ()
    free_text: tuple[RedactedEvent, ...] = ()
    included: tuple[str, ...] = field(default=())

    # -- CSV and JSON -----------------------------------------------------------------------
    def to_json(self) -> str:
        payload = {"format": "casepath-redacted-summary", "version": 1, **asdict(self)}
        return json.dumps(payload, ensure_ascii=False, indent=2, default=_iso) + "\n"

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """Flat (section, date, item, who, value) rows for spreadsheets."""
        out: list[tuple[str, str, str, str, str]] = []
        add = out.append
        for key, value in (
            ("reference", self.reference),
            ("employee", self.employee),
            ("department", self.department),
            ("track", self.track),
            ("stage", self.stage),
            ("status", self.status),
            ("opened_on", _iso(self.opened_on)),
            ("closed_on", _iso(self.closed_on)),
            ("outcome", self.outcome),
            ("generated_on", _iso(self.generated_on)),
        ):
            add(("case", "", key, "", value or ""))
        for pseudo, role in self.people:
            add(("people", "", role, pseudo, ""))
        for s in self.stage_history:
            add(
                (
                    "stage_history",
                    _iso(s.changed_on),
                    f"{s.from_stage} -> {s.to_stage}",
                    s.decided_by,
                    "; ".join(s.approvals) + (f" | {s.reason}" if s.reason else ""),
                )
            )
        for name, events in (
            ("decisions", self.decisions),
            ("exceptions", self.exceptions),
            ("reviews", self.reviews),
            ("free_text", self.free_text),
        ):
            for e in events:
                add((name, _iso(e.on), e.what, e.who, e.detail))
        for name, counts in (
            ("indicators", self.indicators),
            ("conversations", self.conversations),
            ("root_causes", self.root_causes),
            ("objectives", self.objectives),
            ("micro_goals", self.micro_goals),
            ("resources", self.resources),
        ):
            for c in counts:
                span = f"{_iso(c.first_on)}..{_iso(c.last_on)}" if c.first_on else ""
                add((name, span, c.label, "", str(c.count)))
        return out

    def to_csv(self) -> str:
        """Spreadsheet rows; a cell that would run as a formula starts with an apostrophe."""
        return csv_text([tpl.SPREADSHEET[:5], *self.rows()])


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if value is None:
        return ""
    raise TypeError(f"cannot serialise {type(value).__name__}")


class _Pseudonyms:
    """Assigns "Role Letter" pseudonyms in order of first appearance, one per person."""

    def __init__(self, language: str = "en") -> None:
        self.by_person: dict[str, str] = {}
        self.roles: list[tuple[str, str]] = []
        self.language = language

    def __call__(self, name: str, role: str = "") -> str:
        key = skeleton(name)
        if not key:
            return ""
        if key not in self.by_person:
            # "HR officer (reviewed)" is an HR officer.
            word = translate(self.language, _role_word(role, self.language))
            pseudo = f"{word} {_letters(len(self.by_person))}"
            self.by_person[key] = pseudo
            self.roles.append((pseudo, word))
        return self.by_person[key]


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, ..."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _people_in(data: PackData, names: _Pseudonyms) -> None:
    """Give everyone in the pack a pseudonym, the employee first."""
    c = data.case
    names(c.employee_name, "employee")
    names(c.manager, "manager")
    names(c.case_owner, "hr officer")
    for p in data.participants:
        names(p.name, p.role)
    for s in data.stage_changes:
        names(s.decided_by, s.decided_role)
        for a in s.approvals:
            names(a.name, a.role)
    for d in data.decisions:
        names(d.decided_by, d.role)
    for e in data.exceptions:
        names(e.approved_by, e.approver_role)
    for conv in data.conversations:
        for a in conv.attendees:
            names(a, "attendee")
    for o in data.observations:
        names(o.author, o.author_role)
    if data.plan:
        names(data.plan.manager, "manager")
        names(data.plan.hr_officer, "hr officer")
        names(data.plan.executive_sponsor, "executive sponsor")
        for r in data.plan.resources:
            names(r.provider, "provider")
    for r in data.reviews:
        for who in r.reviewers:
            names(who, "reviewer")


def _counts(items: Iterable[tuple[str, date | None]]) -> tuple[CountRow, ...]:
    seen: dict[str, list[date | None]] = {}
    for label, on in items:
        seen.setdefault(label, []).append(on)
    rows = []
    for label, dates in seen.items():
        known = [d for d in dates if d is not None]
        rows.append(
            CountRow(
                label, len(dates), min(known) if known else None, max(known) if known else None
            )
        )
    return tuple(sorted(rows, key=lambda r: r.label))


def redact(
    data: PackData,
    index: IdentifierIndex,
    options: RedactionOptions,
    generated_on: date,
    language: str = "en",
) -> RedactedSummary:
    """Build the summary from ``data`` with everyone pseudonymised.

    ``index`` holds the identifiers of every person in the vault: included free text has them
    replaced, the employee's own included or not. ``language`` is that of ``data``'s labels;
    the summary's own words follow it.
    """

    def _(message: str) -> str:
        return translate(language, message)

    names = _Pseudonyms(language)
    _people_in(data, names)
    text = TextRedactor(index, names.by_person)
    inc = options.include

    def free(field_name: str, value: str) -> str:
        return text.redact(value) if field_name in inc and value else ""

    c = data.case
    stages = tuple(
        RedactedStage(
            s.changed_on,
            s.from_stage or _("opened"),
            s.to_stage,
            names(s.decided_by),
            tuple(names(a.name) for a in s.approvals),
            free("stage_reasons", s.reason),
        )
        for s in data.stage_changes
    )
    decisions = tuple(
        RedactedEvent(
            d.decided_on,
            _("Decision by {role}").format(
                role=_role_case(d.role, language) or _("decision-maker")
            ),
            names(d.decided_by),
            free("decisions", d.summary + (f" — {d.rationale}" if d.rationale else "")),
        )
        for d in data.decisions
    )
    exceptions = tuple(
        RedactedEvent(
            e.recorded_on,
            f"{e.kind} ({e.status or _('status not recorded')})",
            names(e.approved_by),
            free("exception_reasons", e.description),
        )
        for e in data.exceptions
    )
    reviews = tuple(
        RedactedEvent(
            r.held_on,
            f"{r.kind}: {r.outcome}",
            ", ".join(names(x) for x in r.reviewers),
            free("review_summaries", r.summary),
        )
        for r in data.reviews
    )
    free_text: list[RedactedEvent] = []
    for conv in data.conversations:
        body = " ".join(x for x in (conv.summary, conv.expectations, conv.constraints) if x)
        if "conversation_summaries" in inc and body:
            free_text.append(
                RedactedEvent(
                    conv.held_on,
                    _("{kind} conversation").format(kind=conv.kind),
                    "",
                    text.redact(body),
                )
            )
        if "agreed_actions" in inc and conv.agreed_actions:
            free_text.append(
                RedactedEvent(
                    conv.held_on,
                    _("Agreed actions"),
                    "",
                    text.redact("; ".join(conv.agreed_actions)),
                )
            )
    if "observations" in inc:
        free_text += [
            RedactedEvent(o.observed_on, _("Observation"), names(o.author), text.redact(o.text))
            for o in data.observations
        ]
    if "indicator_metrics" in inc:
        free_text += [
            RedactedEvent(
                i.observed_on,
                _("Indicator ({category})").format(category=i.category),
                "",
                text.redact(" — ".join(x for x in (i.metric, i.source, i.note) if x)),
            )
            for i in data.indicators
        ]
    plan = data.plan
    if plan and "objectives" in inc:
        free_text += [
            RedactedEvent(
                o.due_on,
                _("Objective ({category})").format(category=o.category),
                "",
                text.redact(f"{o.title}: {o.measure}"),
            )
            for o in plan.objectives
        ]

    department = (
        _(GENERALISED_DEPARTMENT) if options.generalise_departments else text.redact(c.department)
    )
    return RedactedSummary(
        reference=data.reference,
        generated_on=generated_on,
        employee=names(c.employee_name),
        department=department,
        track=c.track,
        stage=c.stage,
        status=c.status,
        opened_on=c.opened_on,
        closed_on=c.closed_on,
        outcome=c.outcome,
        people=tuple(names.roles),
        stage_history=stages,
        decisions=decisions,
        exceptions=exceptions,
        indicators=_counts((i.category, i.observed_on) for i in data.indicators),
        conversations=_counts((conv.kind, conv.held_on) for conv in data.conversations),
        root_causes=_counts(
            (rc, conv.held_on) for conv in data.conversations for rc in conv.root_causes
        ),
        objectives=_counts((o.category, o.due_on) for o in plan.objectives) if plan else (),
        micro_goals=_counts((g.status, g.due_on) for o in plan.objectives for g in o.micro_goals)
        if plan
        else (),
        resources=_counts((r.kind, r.by_date) for r in plan.resources) if plan else (),
        reviews=reviews,
        free_text=tuple(free_text),
        included=tuple(sorted(inc)),
    )


# -- PDF ----------------------------------------------------------------------------------
REDACTED_MARKING = tpl.MARKING


def redacted_metadata(language: str = "en") -> PdfMetadata:
    return PdfMetadata(
        title=translate(language, tpl.TITLE),
        subject=translate(language, tpl.METADATA_SUBJECT),
        keywords=tpl.METADATA_KEYWORDS,
    )


def build_redacted_pdf(
    summary: RedactedSummary, setup: PageSetup, progress: Progress | None = None
) -> bytes:
    """Lay out the summary in ``setup.language``. It holds only pseudonyms and structured
    facts by construction."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, TableStyle

    from app.documents.pdf.fonts import (
        SANS,
        SANS_BOLD,
        check_printable,
        data_paragraph,
        register_fonts,
    )

    check_printable(
        [("Department", summary.department)]
        + [(f"Included text {i + 1}", e.detail) for i, e in enumerate(summary.free_text)]
    )
    register_fonts()
    _ = setup.tr
    day = formats(setup.language).date
    width = setup.size.points[0] - (setup.margins_mm[0] + setup.margins_mm[1]) * mm
    body = ParagraphStyle("rbody", fontName=SANS, fontSize=9, leading=12, spaceAfter=3)
    cell = ParagraphStyle("rcell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    head = ParagraphStyle("rhead", parent=cell, fontName=SANS_BOLD)
    h1 = ParagraphStyle(
        "rh1", parent=body, fontName=SANS_BOLD, fontSize=16, leading=20, spaceAfter=6
    )
    h2 = ParagraphStyle(
        "rh2",
        parent=body,
        fontName=SANS_BOLD,
        fontSize=11,
        leading=14,
        spaceBefore=8,
        spaceAfter=3,
        keepWithNext=1,
    )

    def p(text: str, style: ParagraphStyle = cell) -> Paragraph:
        return data_paragraph(text, style)

    def table(
        header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...]
    ) -> object:
        total = sum(widths)
        t = splitting_table()(
            [[Paragraph(_(h), head) for h in header], *[[p(v) for v in row] for row in rows]],
            colWidths=[width * w / total for w in widths],
            repeatRows=1,
            hAlign="LEFT",
        )
        t.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E9ED")),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#B8BEC6")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    def section(title: str, rows: list, header: tuple[str, ...], widths: tuple[float, ...]) -> list:
        if not rows:
            return [Paragraph(_(title), h2), Paragraph(f"<i>{_(tpl.NONE_RECORDED)}</i>", body)]
        return [Paragraph(_(title), h2), table(header, rows, widths)]

    s = summary
    facts = [
        (_("Case reference"), s.reference),
        (_("Employee"), s.employee),
        (_("Department"), s.department),
        (_("Track"), s.track),
        (_("Current stage"), s.stage),
        (_("Status"), s.status),
        (_("Opened"), day(s.opened_on)),
        (_("Closed"), day(s.closed_on)),
        (_("Outcome"), s.outcome or NONE),
        (
            _("Free text included"),
            ", ".join(_(k.replace("_", " ")) for k in s.included) or _(tpl.NO_FREE_TEXT),
        ),
        ("Audit chain head", setup.chain_head_full()),
    ]
    story: list = [
        Paragraph(_(tpl.TITLE), h1),
        Paragraph(_(tpl.NOTE), body),
        Spacer(1, 3 * mm),
        table(("Fact", "Value"), facts, (1, 2.5)),
    ]
    story += section(
        "People (pseudonyms)", [(x, r) for x, r in s.people], ("Pseudonym", "Role"), (1, 1)
    )
    story += section(
        "Stage history",
        [
            (
                day(x.changed_on),
                f"{x.from_stage} → {x.to_stage}",
                x.decided_by,
                ", ".join(x.approvals) or NONE,
                x.reason,
            )
            for x in s.stage_history
        ],
        ("Date", "Stage", "Decided by", "Approved by", "Reason (if included)"),
        (1.3, 2.6, 1.4, 1.6, 3),
    )
    for title, events in (
        ("Decisions", s.decisions),
        ("Exceptions", s.exceptions),
        ("Review outcomes", s.reviews),
        ("Included free text", s.free_text),
    ):
        if title == "Included free text" and not s.included:
            continue
        story += section(
            title,
            [(day(e.on), e.what, e.who, e.detail) for e in events],
            ("Date", "What", "Who", "Details (if included)"),
            (1.6, 2.4, 1.4, 4.4),  # a date fits on one line
        )
    for title, counts in (
        ("Indicators by category", s.indicators),
        ("Conversations by kind", s.conversations),
        ("Root causes identified", s.root_causes),
        ("Plan objectives by category", s.objectives),
        ("Micro-goals by status", s.micro_goals),
        ("Resources by kind", s.resources),
    ):
        story += section(
            title,
            [(c.label, str(c.count), day(c.first_on), day(c.last_on)) for c in counts],
            ("Category", "Count", "First", "Last"),
            (3, 1, 1.5, 1.5),
        )
    return render(story, setup, redacted_metadata(setup.language), progress)
