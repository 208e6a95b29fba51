"""The documentation pack an HR officer prints and takes into a formal meeting.

Built from a `PackData` snapshot only (no SQL, no Qt). Order: cover, contents, case summary,
escalation timeline, conversations, indicators (table and chart), observations, coaching plan,
earlier reviews, agenda, attendance and signatures. Empty sections say so in words ("No
coaching plan recorded") rather than disappearing, so a reader can tell "none" from "missing".

Text goes through `fonts.check_printable` before anything is laid out, and through
`fonts.markup` while it is, so every run uses an embedded font that has its glyphs. Tables
repeat their header row on each page and may split inside a tall row, so long text wraps
rather than overflowing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.documents.pdf.fonts import (
    SANS,
    SANS_BOLD,
    check_printable,
    data_paragraph,
    register_fonts,
)
from app.documents.pdf.pack_data import (
    ConversationEntry,
    IndicatorEntry,
    PackData,
    PlanSection,
    field_label,
)
from app.documents.pdf.page_template import (
    PageSetup,
    PdfMetadata,
    Progress,
    render,
    splitting_table,
)
from app.domain.words.formats import NONE, formats
from app.domain.words.translation import N_, translate

# Fixed wording is written in English and marked with N_ for the catalogue; `label`, `none`,
# `heading` and the table headers translate it into the setup's language when laid out.
SECTIONS = (
    N_("Case summary"),
    N_("Escalation timeline"),
    N_("Conversations"),
    N_("Indicators"),
    N_("Observations"),
    N_("Coaching plan"),
    N_("Earlier review outcomes"),
    N_("Agenda for this meeting"),
    N_("Attendance and signatures"),
)

DARK = "#1F2A36"
ACCENT = "#8B1A1A"
RULE = "#B8BEC6"
HEADER_BG = "#E6E9ED"


def pack_metadata(data: PackData, language: str = "en") -> PdfMetadata:
    """Generic on purpose: no name, no reference, no case content."""
    return PdfMetadata(
        title=translate(language, "Documentation pack"),
        subject=translate(language, data.meeting_type.label),
        keywords=("Casepath", "HR", "confidential", "documentation pack"),
    )


def build_pack(data: PackData, setup: PageSetup, progress: Progress | None = None) -> bytes:
    """Check every text field, then lay out the pack; returns the PDF bytes.

    Raises `fonts.UnprintableText` naming each field that cannot be printed faithfully.
    """
    if progress:
        progress(0.0, "Checking that every name and note can be printed")
    check_printable(data.text_paths(), field_label)
    register_fonts()
    story = _PackStory(data, setup).story()
    return render(story, setup, pack_metadata(data, setup.language), progress)


def number(value: float | None) -> str:
    """English figures (kept for callers outside a pack; the pack uses its locale's)."""
    return formats("en").number(value)


def day(value: date | None) -> str:
    return formats("en").date(value)


@dataclass
class _Styles:
    """Paragraph styles, built once reportlab is imported."""

    title: object
    h1: object
    h2: object
    body: object
    small: object
    cell: object
    head: object
    marking: object
    toc: list


def _styles() -> _Styles:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle(
        "body",
        fontName=SANS,
        fontSize=9.5,
        leading=13,
        spaceAfter=4,
        textColor=colors.HexColor(DARK),
    )
    return _Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=SANS_BOLD, fontSize=22, leading=27, spaceAfter=6
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=6,
            spaceAfter=8,
            keepWithNext=1,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        body=body,
        small=ParagraphStyle(
            "small", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#555555")
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        head=ParagraphStyle(
            "head", parent=body, fontName=SANS_BOLD, fontSize=8.5, leading=11, spaceAfter=0
        ),
        marking=ParagraphStyle(
            "marking",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=11,
            leading=14,
            textColor=colors.white,
        ),
        toc=[
            ParagraphStyle("toc0", parent=body, fontSize=10.5, leading=16, leftIndent=0),
            ParagraphStyle("toc1", parent=body, fontSize=9.5, leading=13, leftIndent=14),
        ],
    )


class _PackStory:
    """Turns a `PackData` into a list of platypus flowables."""

    def __init__(self, data: PackData, setup: PageSetup) -> None:
        from reportlab.lib.units import mm

        self.data = data
        self.setup = setup
        self.s = _styles()
        page_w, _ = setup.size.points
        self.width = page_w - (setup.margins_mm[0] + setup.margins_mm[1]) * mm
        self.mm = mm
        self._section = 0
        self.f = formats(setup.language)
        self._ = self.f.tr
        self.day = self.f.date
        self.number = self.f.number

    # -- building blocks --------------------------------------------------------------------
    def p(self, text: str, style: object | None = None) -> object:
        """A paragraph of data text: checked fonts per run; CJK text may wrap anywhere."""
        return data_paragraph(text, style or self.s.body)

    def label(self, text: str, style: object | None = None) -> object:
        """A paragraph of fixed wording (our own markup allowed), in the pack's language."""
        from reportlab.platypus import Paragraph

        return Paragraph(self._(text), style or self.s.body)

    def heading(self, title: str) -> object:
        self._section += 1
        para = self.label(f"{self._section}. {self._(title)}", self.s.h1)
        para.toc_level = 0
        para.toc_key = f"section-{self._section}"
        return para

    def subheading(self, text: str) -> object:
        return self.p(text, self.s.h2)

    def none(self, text: str) -> object:
        return self.label(f"<i>{self._(text)}</i>", self.s.small)

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[object]],
        widths: Sequence[float],
        zebra: bool = True,
    ) -> object:
        """A table whose header repeats on every page and whose rows may split."""
        from reportlab.lib import colors
        from reportlab.platypus import TableStyle

        head = [self.label(h, self.s.head) for h in header]
        body = [
            [c if not isinstance(c, str) else self.p(c, self.s.cell) for c in row] for row in rows
        ]
        total = sum(widths)
        col_widths = [self.width * w / total for w in widths]
        t = splitting_table()([head, *body], colWidths=col_widths, repeatRows=1, hAlign="LEFT")
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_BG)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(DARK)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(RULE)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if zebra:
            style.append(
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F7F8FA")])
            )
        t.setStyle(TableStyle(style))
        return t

    def facts(self, pairs: Sequence[tuple[str, str]]) -> object:
        """Two-column label/value table for summaries."""
        from reportlab.lib import colors
        from reportlab.platypus import TableStyle

        rows = [[self.label(k, self.s.head), self.p(v or "—", self.s.cell)] for k, v in pairs]
        t = splitting_table()(rows, colWidths=[self.width * 0.3, self.width * 0.7], hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor(RULE)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return t

    def bullets(self, items: Sequence[str], numbered: bool = False) -> object:
        from reportlab.platypus import ListFlowable, ListItem

        return ListFlowable(
            [ListItem(self.p(i, self.s.body), leftIndent=14) for i in items],
            bulletType="1" if numbered else "bullet",
            start=1 if numbered else "•",
            leftIndent=14,
            bulletFontName=SANS,
            bulletFontSize=9,
        )

    def spacer(self, height_mm: float = 3) -> object:
        from reportlab.platypus import Spacer

        return Spacer(1, height_mm * self.mm)

    # -- the document -----------------------------------------------------------------------
    def story(self) -> list:
        from reportlab.platypus import PageBreak

        out: list = []
        out += self.cover()
        out.append(PageBreak())
        out += self.contents()
        out.append(PageBreak())
        for part in (
            self.summary,
            self.timeline,
            self.conversations,
            self.indicators,
            self.observations,
            self.plan,
            self.reviews,
            self.agenda,
        ):
            out += part()
        out.append(PageBreak())
        out += self.attendance()
        if self.data.audit is not None:
            out.append(PageBreak())
            out += self.audit_appendix()
        return out

    def audit_appendix(self) -> list:
        """Appendix: every audit event of the case up to the chain head on the cover."""
        out = [
            self.heading(N_("Audit trail of this case")),
            self.label(
                N_(
                    "Every recorded action on this case and its records, oldest first, up to "
                    "the audit chain head printed on the cover. Events name who did what and "
                    "when; they never hold what was written."
                ),
                self.s.small,
            ),
        ]
        if not self.data.audit:
            return [*out, self.none(N_("No events recorded for this case."))]
        rows = [(str(e.seq), e.when, e.officer, e.detail) for e in self.data.audit]
        return [
            *out,
            self.table(
                (N_("No."), N_("When"), N_("Officer"), N_("What happened")),
                rows,
                (0.6, 1.6, 1.6, 4),
            ),
        ]

    def cover(self) -> list:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        d = self.data
        banner = Table(
            [[self.label(self._(self.setup.marking).upper(), self.s.marking)]],
            colWidths=[self.width],
        )
        banner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),  # not Helvetica (never embedded)
                    ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(ACCENT)),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        facts = [
            (N_("Case reference"), d.reference),
            (N_("Meeting"), self._(d.meeting_type.label)),
            (N_("Date"), self.day(d.meeting_date)),
            (N_("Place"), d.meeting_place or self._("To be confirmed")),
            (N_("Current stage"), d.case.stage or NONE),
            (N_("Track"), d.case.track),
            (N_("Pack generated"), self.day(self.setup.generated_on)),
            (N_("Integrity code"), self.setup.integrity_code or NONE),
            (N_("Audit chain head"), self.setup.chain_head_full()),
        ]
        participants = (
            self.table(
                (N_("Participant"), N_("Role in this meeting")),
                [(x.name, x.role) for x in d.participants],
                (3, 2),
            )
            if d.participants
            else self.none(N_("No participants recorded yet."))
        )
        notice = N_(
            "This pack holds confidential personal information about one employee. It is for "
            "the participants of this meeting only: do not copy, forward or leave it "
            "unattended, and return it to HR after the meeting. The integrity code on every "
            "page ties it to the case record as it stood when the pack was generated; "
            "<i>casepath verify-pack</i> checks a copy against the vault."
        )
        return [
            banner,
            self.spacer(10),
            self.label(N_("Documentation pack"), self.s.title),
            self.label(d.meeting_type.label, self.s.h1),
            self.spacer(4),
            self.facts(facts),
            self.spacer(6),
            self.label(N_("Participants"), self.s.h2),
            participants,
            self.spacer(8),
            self.label(notice, self.s.small),
        ]

    def contents(self) -> list:
        from reportlab.platypus import TableStyle
        from reportlab.platypus.tableofcontents import TableOfContents, defaultTableStyle

        # The contents table's cells would otherwise select Helvetica (never embedded).
        style = TableStyle([*defaultTableStyle.getCommands(), ("FONTNAME", (0, 0), (-1, -1), SANS)])
        toc = TableOfContents(levelStyles=self.s.toc, dotsMinLevel=0, tableStyle=style)
        return [self.label(N_("Contents"), self.s.h1), toc]

    def summary(self) -> list:
        c = self.data.case
        pairs = [
            (N_("Employee"), c.employee_name),
            (N_("Employee number"), c.employee_number),
            (N_("Role"), c.job_title),
            (N_("Department"), c.department),
            (N_("Manager"), c.manager),
            (N_("Employed since"), self.day(c.employee_start_date)),
            (N_("Track"), c.track),
            (N_("Current stage"), c.stage or NONE),
            (N_("In this stage since"), self.day(c.stage_entered_on)),
            (N_("Status"), c.status),
            (N_("Case opened"), self.day(c.opened_on)),
            (N_("Case owner (HR)"), c.case_owner),
        ]
        if c.closed_on:
            pairs.append((N_("Case closed"), self.day(c.closed_on)))
        if c.outcome:
            pairs.append((N_("Outcome"), c.outcome))
        return [self.heading(SECTIONS[0]), self.facts(pairs), self.spacer(4)]

    def timeline(self) -> list:
        d = self.data
        out = [self.heading(SECTIONS[1]), self.subheading(self._("Stage changes"))]
        if d.stage_changes:
            rows = [
                (
                    self.day(e.changed_on),
                    f"{e.from_stage or self._('Opened')} → {e.to_stage or NONE}",
                    f"{e.decided_by} ({e.decided_role})" if e.decided_role else e.decided_by,
                    ", ".join(f"{a.name} ({a.role})" if a.role else a.name for a in e.approvals)
                    or NONE,
                    e.reason,
                )
                for e in d.stage_changes
            ]
            out.append(
                self.table(
                    (N_("Date"), N_("Stage"), N_("Decided by"), N_("Approved by"), N_("Reason")),
                    rows,
                    (1.6, 2.6, 2.4, 2.4, 3.6),
                )
            )
        else:
            out.append(
                self.none(N_("No stage changes recorded: the case is in the stage it opened in."))
            )
        out.append(self.subheading(self._("Decisions")))
        rationale = self._("Rationale: {text}")
        if d.decisions:
            rows = [
                (
                    self.day(x.decided_on),
                    f"{x.decided_by} ({x.role})",
                    x.summary + ("\n" + rationale.format(text=x.rationale) if x.rationale else ""),
                )
                for x in d.decisions
            ]
            head = (N_("Date"), N_("Decided by"), N_("Decision"))
            out.append(self.table(head, rows, (1.6, 3, 8)))
        else:
            out.append(self.none(N_("No decisions recorded.")))
        out.append(self.subheading(self._("Exceptions to the escalation policy")))
        if d.exceptions:
            rows = [
                (
                    self.day(x.recorded_on),
                    x.kind,
                    x.description,
                    (f"{x.approved_by} ({x.approver_role})" if x.approver_role else x.approved_by)
                    or NONE,
                    x.status or NONE,
                )
                for x in d.exceptions
            ]
            out.append(
                self.table(
                    (N_("Date"), N_("Exception"), N_("Details"), N_("Approved by"), N_("Status")),
                    rows,
                    (1.6, 2.2, 5, 2.2, 1.6),
                )
            )
        else:
            out.append(self.none(N_("No exceptions recorded: every step followed the policy.")))
        return out

    def conversations(self) -> list:
        out = [self.heading(SECTIONS[2])]
        if not self.data.conversations:
            return [*out, self.none(N_("No conversations documented."))]
        for conv in self.data.conversations:
            out += self._conversation(conv)
        return out

    def _conversation(self, c: ConversationEntry) -> list:
        _ = self._
        out = [self.subheading(f"{self.day(c.held_on)} · {c.kind}")]
        if c.attendees:
            people = ", ".join(c.attendees)
            out.append(self.p(_("Attendees: {names}").format(names=people), self.s.small))
        out.append(self.p(c.summary))
        if c.expectations:
            out += [self.label(N_("<b>Expectations</b>"), self.s.small), self.p(c.expectations)]
        if c.constraints:
            out += [
                self.label(N_("<b>Constraints raised</b>"), self.s.small),
                self.p(c.constraints),
            ]
        causes = ", ".join(c.root_causes) if c.root_causes else _("None identified")
        out.append(self.p(_("Root causes: {causes}").format(causes=causes), self.s.body))
        if c.root_cause_notes:
            notes = _("Root-cause notes: {notes}").format(notes=c.root_cause_notes)
            out.append(self.p(notes, self.s.small))
        out.append(self.label(N_("<b>Agreed actions</b>"), self.s.small))
        if c.agreed_actions:
            out.append(self.bullets(c.agreed_actions))
        else:
            out.append(self.none(N_("No actions agreed.")))
        return out

    def indicators(self) -> list:
        d = self.data
        out = [self.heading(SECTIONS[3])]
        if not d.indicators:
            return [*out, self.none(N_("No indicators recorded."))]
        rows = [
            (
                self.day(i.observed_on),
                i.category,
                i.metric + (f" ({i.unit})" if i.unit else ""),
                self.number(i.expected),
                self.number(i.actual),
                i.source + (f"\n{i.note}" if i.note else ""),
            )
            for i in d.indicators
        ]
        out.append(
            self.table(
                (
                    N_("Date"),
                    N_("Category"),
                    N_("Metric (unit)"),
                    N_("Expected"),
                    N_("Measured"),
                    N_("Source and note"),
                ),
                rows,
                (2.0, 2.4, 2.8, 1.5, 1.6, 3.3),
            )
        )
        chart_heading = self.subheading(self._("Measured against expected over time"))
        charted = 0
        for (metric, unit), points in _series(d.indicators):
            lead = [chart_heading] if not charted else []
            out.append(self._chart(metric, unit, points, lead))
            charted += 1
        if not charted:
            out += [
                chart_heading,
                self.none(N_("No indicator has figures to chart; see the table above.")),
            ]
        return out

    def _chart(self, metric: str, unit: str, points: list[IndicatorEntry], lead: list) -> object:
        from reportlab.graphics.charts.legends import Legend
        from reportlab.graphics.charts.lineplots import LinePlot
        from reportlab.graphics.shapes import Drawing
        from reportlab.graphics.widgets.markers import makeMarker
        from reportlab.lib import colors
        from reportlab.platypus import KeepTogether

        height = 150
        drawing = Drawing(self.width, height)
        drawing.initialFontName = SANS  # reportlab would otherwise set Helvetica (not embedded)
        plot = LinePlot()
        plot.x, plot.y = 40, 30
        plot.width, plot.height = self.width - 150, height - 45
        expected = [(p.observed_on.toordinal(), p.expected) for p in points]
        measured = [(p.observed_on.toordinal(), p.actual) for p in points]
        plot.data = [expected, measured]
        xs = [x for x, _ in expected]
        ys = [v for _, v in expected + measured]
        lo_x, hi_x = min(xs), max(xs)
        if lo_x == hi_x:
            lo_x, hi_x = lo_x - 7, hi_x + 7
        plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = lo_x, hi_x
        plot.xValueAxis.valueSteps = _date_ticks(sorted(set(xs)), lo_x, hi_x)
        plot.xValueAxis.labelTextFormat = lambda v: self.f.short_date(date.fromordinal(int(v)))
        lo_y, hi_y = min(ys), max(ys)
        pad = (hi_y - lo_y) * 0.15 or max(1.0, abs(hi_y) * 0.1)
        plot.yValueAxis.valueMin = lo_y - pad if lo_y - pad < 0 or lo_y < 0 else max(0, lo_y - pad)
        plot.yValueAxis.valueMax = hi_y + pad
        plot.yValueAxis.labelTextFormat = self.number
        for axis in (plot.xValueAxis, plot.yValueAxis):
            axis.labels.fontName = SANS
            axis.labels.fontSize = 7
        plot.yValueAxis.visibleGrid = 1
        plot.yValueAxis.gridStrokeColor = colors.HexColor("#E0E3E7")
        plot.lines[0].strokeColor = colors.HexColor("#6B7785")
        plot.lines[0].strokeDashArray = [3, 2]
        plot.lines[0].symbol = makeMarker("Square", size=3.5)
        plot.lines[1].strokeColor = colors.HexColor(ACCENT)
        plot.lines[1].strokeWidth = 1.5
        plot.lines[1].symbol = makeMarker("FilledCircle", size=4)
        drawing.add(plot)
        legend = Legend()
        legend.x, legend.y = self.width - 95, height - 25
        legend.fontName, legend.fontSize = SANS, 8
        legend.alignment = "right"
        legend.colorNamePairs = [
            (colors.HexColor("#6B7785"), self._("Expected")),
            (colors.HexColor(ACCENT), self._("Measured")),
        ]
        drawing.add(legend)
        title = metric + (f" ({unit})" if unit else "")
        return KeepTogether([*lead, self.p(title, self.s.small), drawing, self.spacer(2)])

    def observations(self) -> list:
        out = [self.heading(SECTIONS[4])]
        if not self.data.observations:
            return [*out, self.none(N_("No observations recorded."))]
        for o in self.data.observations:
            who = o.author + (f", {o.author_role}" if o.author_role else "")
            out += [self.p(f"{self.day(o.observed_on)} · {who}", self.s.h2), self.p(o.text)]
        return out

    def plan(self) -> list:
        out = [self.heading(SECTIONS[5])]
        plan = self.data.plan
        if plan is None:
            return [*out, self.none(N_("No coaching plan recorded for this case."))]
        return out + self._plan(plan)

    def _plan(self, plan: PlanSection) -> list:
        _ = self._
        agreed = _("Not yet walked through with the employee")
        if plan.agreed_on:
            agreed = f"{self.day(plan.agreed_on)} — {plan.employee_agreed or _('recorded')}"
        pairs = [
            (N_("Version"), str(plan.version)),
            (N_("Period"), self.f.date_range(plan.starts_on, plan.ends_on)),
            (N_("Manager"), plan.manager),
            (N_("HR officer"), plan.hr_officer),
            (N_("Executive sponsor"), plan.executive_sponsor or NONE),
            (N_("Agreement"), agreed),
        ]
        if plan.employee_comment:
            pairs.append((N_("Employee's comment"), plan.employee_comment))
        out = [self.facts(pairs)]
        if not plan.objectives:
            out.append(self.none(N_("The plan has no objectives.")))
        for n, obj in enumerate(plan.objectives, start=1):
            unit = f" {obj.unit}" if obj.unit else ""
            stretch = (
                " " + _("(stretch {target})").format(target=self.number(obj.stretch_target))
                if obj.stretch_target is not None
                else ""
            )
            title = _("Objective {n}: {title}").format(n=n, title=obj.title)
            out.append(self.subheading(title))
            target = _("{measure}: from {baseline} to {target} by {due}").format(
                measure=obj.measure,
                baseline=self.number(obj.baseline),
                target=f"{self.number(obj.target)}{unit}{stretch}",
                due=self.day(obj.due_on),
            )
            out.append(self.p(f"{obj.category} · {target}", self.s.small))
            if obj.micro_goals:
                goals = [(g.title, self.day(g.due_on), g.status, g.note) for g in obj.micro_goals]
                out.append(
                    self.table(
                        (N_("Micro-goal"), N_("Due"), N_("Status"), N_("Note")),
                        goals,
                        (4, 1.6, 1.4, 4),
                    )
                )
            else:
                out.append(self.none(N_("No micro-goals.")))
            out.append(self.spacer(2))
            if obj.progress:
                out.append(
                    self.table(
                        (N_("Progress on"), N_("Value"), N_("Milestone"), N_("What happened")),
                        [
                            (
                                self.day(x.recorded_on),
                                self.number(x.value),
                                _("Yes") if x.milestone else "",
                                x.note,
                            )
                            for x in obj.progress
                        ],
                        (1.6, 1.2, 1.3, 6.9),
                    )
                )
            else:
                out.append(self.none(N_("No progress recorded yet.")))
        out.append(self.subheading(_("Resources committed")))
        if plan.resources:
            out.append(
                self.table(
                    (N_("Resource"), N_("Details"), N_("Provided by"), N_("By")),
                    [
                        (r.kind, r.description, r.provider, self.day(r.by_date))
                        for r in plan.resources
                    ],
                    (2.2, 5, 2.6, 1.6),
                )
            )
        else:
            out.append(self.none(N_("No resources committed.")))
        return out

    def reviews(self) -> list:
        out = [self.heading(SECTIONS[6])]
        if not self.data.reviews:
            return [*out, self.none(N_("No earlier reviews recorded."))]
        rows = [
            (self.day(r.held_on), r.kind, r.outcome, ", ".join(r.reviewers) or NONE, r.summary)
            for r in self.data.reviews
        ]
        head = (N_("Date"), N_("Review"), N_("Outcome"), N_("Reviewers"), N_("Summary"))
        out.append(self.table(head, rows, (1.6, 2, 2.4, 2.6, 4.4)))
        return out

    def agenda(self) -> list:
        out = [self.heading(SECTIONS[7])]
        if not self.data.agenda:
            return [*out, self.none(N_("No agenda set."))]
        return [*out, self.bullets(self.data.agenda, numbered=True)]

    def attendance(self) -> list:
        from reportlab.lib import colors
        from reportlab.platypus import Table, TableStyle

        d = self.data
        out = [
            self.heading(SECTIONS[8]),
            self.p(
                self._("{meeting} on {date}").format(
                    meeting=self._(d.meeting_type.label), date=self.day(d.meeting_date)
                )
                + (
                    " " + self._("at {place}").format(place=d.meeting_place)
                    if d.meeting_place
                    else ""
                ),
                self.s.body,
            ),
            self.label(
                N_(
                    "By signing, each participant confirms they attended this meeting "
                    "and received a copy of the agreed actions."
                ),
                self.s.small,
            ),
            self.spacer(3),
        ]
        rows = [
            [self.p(x.name, self.s.cell), self.p(x.role, self.s.cell), "", ""]
            for x in d.participants
        ]
        rows += [["", "", "", ""] for _ in range(max(2, 6 - len(rows)))]
        head = [
            self.label(h, self.s.head)
            for h in (N_("Name"), N_("Role"), N_("Signature"), N_("Date"))
        ]
        w = self.width
        t = Table(
            [head, *rows],
            colWidths=[w * 0.3, w * 0.22, w * 0.32, w * 0.16],
            rowHeights=[None] + [13 * self.mm] * len(rows),
            repeatRows=1,
            hAlign="LEFT",
        )
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),  # not Helvetica (never embedded)
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_BG)),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(DARK)),
                    ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ]
            )
        )
        out.append(t)
        return out


def _date_ticks(days: list[int], lo: int, hi: int) -> list[int]:
    """The observation dates themselves when few and apart, else six even steps."""
    gaps = [b - a for a, b in zip(days, days[1:], strict=False)]
    if len(days) <= 6 and (not gaps or min(gaps) >= (hi - lo) / 8):
        return days
    return [lo + round((hi - lo) * k / 5) for k in range(6)]


def _series(indicators: Sequence[IndicatorEntry]) -> list[tuple[tuple[str, str], list]]:
    """Indicators with both figures, grouped by (metric, unit) in first-seen order."""
    groups: dict[tuple[str, str], list[IndicatorEntry]] = {}
    for i in indicators:
        if i.expected is None or i.actual is None:
            continue
        groups.setdefault((i.metric, i.unit), []).append(i)
    return [(k, sorted(v, key=lambda x: x.observed_on)) for k, v in groups.items()]
