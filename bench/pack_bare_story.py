"""The sections of the bare baseline, in the pack's order and with its wording."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents, defaultTableStyle

from bench.pack_bare_blocks import Blocks
from bench.pack_bare_style import ACCENT, DARK, HEADER_BG, MEETINGS, SANS, day, num, short


class Story(Blocks):
    def story(self) -> list:
        out = [*self.cover(), PageBreak(), self.label("Contents", "h1")]
        style = TableStyle([*defaultTableStyle.getCommands(), ("FONTNAME", (0, 0), (-1, -1), SANS)])
        out += [TableOfContents(levelStyles=self.s["toc"], dotsMinLevel=0, tableStyle=style)]
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
        return [*out, PageBreak(), *self.attendance()]

    def cover(self) -> list:
        d = self.d
        banner = Table([[self.label("CONFIDENTIAL – HR", "marking")]], colWidths=[self.width])
        banner.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        facts = [
            ("Case reference", d.reference),
            ("Meeting", MEETINGS[d.meeting_type]),
            ("Date", day(d.meeting_date)),
            ("Place", d.meeting_place or "To be confirmed"),
            ("Current stage", d.case.stage or "—"),
            ("Track", d.case.track),
            ("Pack generated", day(d.generated_on)),
            ("Integrity code", d.integrity_code or "—"),
            ("Audit chain head", "—"),
        ]
        people = self.table(
            ("Participant", "Role in this meeting"),
            [(x.name, x.role) for x in d.participants],
            (3, 2),
        )
        notice = (
            "This pack holds confidential personal information about one employee. It is for "
            "the participants of this meeting only: do not copy, forward or leave it "
            "unattended, and return it to HR after the meeting. The integrity code on every "
            "page ties it to the case record as it stood when the pack was generated; "
            "<i>casepath verify-pack</i> checks a copy against the vault."
        )
        return [
            banner,
            Spacer(1, 10 * mm),
            self.label("Documentation pack", "title"),
            self.label(MEETINGS[d.meeting_type], "h1"),
            Spacer(1, 4 * mm),
            self.facts(facts),
            Spacer(1, 6 * mm),
            self.label("Participants", "h2"),
            people,
            Spacer(1, 8 * mm),
            self.label(notice, "small"),
        ]

    def summary(self) -> list:
        c = self.d.case
        pairs = [
            ("Employee", c.employee_name),
            ("Employee number", c.employee_number),
            ("Role", c.job_title),
            ("Department", c.department),
            ("Manager", c.manager),
            ("Employed since", day(c.employee_start_date)),
            ("Track", c.track),
            ("Current stage", c.stage or "—"),
            ("In this stage since", day(c.stage_entered_on)),
            ("Status", c.status),
            ("Case opened", day(c.opened_on)),
            ("Case owner (HR)", c.case_owner),
        ]
        return [self.heading("Case summary"), self.facts(pairs), Spacer(1, 4 * mm)]

    def timeline(self) -> list:
        d = self.d
        rows = [
            (
                day(e.changed_on),
                f"{e.from_stage or 'Opened'} → {e.to_stage or '—'}",
                f"{e.decided_by} ({e.decided_role})" if e.decided_role else e.decided_by,
                ", ".join(f"{a.name} ({a.role})" if a.role else a.name for a in e.approvals) or "—",
                e.reason,
            )
            for e in d.stage_changes
        ]
        head = ("Date", "Stage", "Decided by", "Approved by", "Reason")
        out = [self.heading("Escalation timeline"), self.p("Stage changes", "h2")]
        out += [self.table(head, rows, (1.6, 2.6, 2.4, 2.4, 3.6)), self.p("Decisions", "h2")]
        rows = [
            (
                day(x.decided_on),
                f"{x.decided_by} ({x.role})",
                x.summary + (f"\nRationale: {x.rationale}" if x.rationale else ""),
            )
            for x in d.decisions
        ]
        out.append(self.table(("Date", "Decided by", "Decision"), rows, (1.6, 3, 8)))
        out.append(self.p("Exceptions to the escalation policy", "h2"))
        rows = [
            (
                day(x.recorded_on),
                x.kind,
                x.description,
                (f"{x.approved_by} ({x.approver_role})" if x.approver_role else x.approved_by)
                or "—",
                x.status or "—",
            )
            for x in d.exceptions
        ]
        head = ("Date", "Exception", "Details", "Approved by", "Status")
        return [*out, self.table(head, rows, (1.6, 2.2, 5, 2.2, 1.6))]

    def conversations(self) -> list:
        out = [self.heading("Conversations")]
        for c in self.d.conversations:
            out.append(self.p(f"{day(c.held_on)} · {c.kind}", "h2"))
            if c.attendees:
                out.append(self.p(f"Attendees: {', '.join(c.attendees)}", "small"))
            out.append(self.p(c.summary))
            if c.expectations:
                out += [self.label("<b>Expectations</b>", "small"), self.p(c.expectations)]
            if c.constraints:
                out += [self.label("<b>Constraints raised</b>", "small"), self.p(c.constraints)]
            out.append(self.p(f"Root causes: {', '.join(c.root_causes) or 'None identified'}"))
            if c.root_cause_notes:
                out.append(self.p(f"Root-cause notes: {c.root_cause_notes}", "small"))
            out.append(self.label("<b>Agreed actions</b>", "small"))
            out.append(self.bullets(c.agreed_actions))
        return out

    def indicators(self) -> list:
        ind = self.d.indicators
        rows = [
            (
                day(i.observed_on),
                i.category,
                i.metric + (f" ({i.unit})" if i.unit else ""),
                num(i.expected),
                num(i.actual),
                i.source + (f"\n{i.note}" if i.note else ""),
            )
            for i in ind
        ]
        head = ("Date", "Category", "Metric (unit)", "Expected", "Measured", "Source and note")
        out = [self.heading("Indicators"), self.table(head, rows, (2.0, 2.4, 2.8, 1.5, 1.6, 3.3))]
        groups: dict = {}
        for i in ind:
            if i.expected is not None and i.actual is not None:
                groups.setdefault((i.metric, i.unit), []).append(i)
        lead = [self.p("Measured against expected over time", "h2")]
        for (metric, unit), points in groups.items():
            points.sort(key=lambda x: x.observed_on)
            out.append(self.chart(metric, unit, points, lead))
            lead = []
        return out

    def observations(self) -> list:
        out = [self.heading("Observations")]
        for o in self.d.observations:
            who = o.author + (f", {o.author_role}" if o.author_role else "")
            out += [self.p(f"{day(o.observed_on)} · {who}", "h2"), self.p(o.text)]
        return out

    def plan(self) -> list:
        plan = self.d.plan
        start, end = date.fromisoformat(plan.starts_on), date.fromisoformat(plan.ends_on)
        period = f"{short(start)} – {short(end)} {end.year}"
        agreed = f"{day(plan.agreed_on)} — {plan.employee_agreed or 'recorded'}"
        pairs = [
            ("Version", str(plan.version)),
            ("Period", period),
            ("Manager", plan.manager),
            ("HR officer", plan.hr_officer),
            ("Executive sponsor", plan.executive_sponsor or "—"),
            ("Agreement", agreed),
        ]
        out = [self.heading("Coaching plan"), self.facts(pairs)]
        for n, obj in enumerate(plan.objectives, start=1):
            unit = f" {obj.unit}" if obj.unit else ""
            stretch = (
                f" (stretch {num(obj.stretch_target)})" if obj.stretch_target is not None else ""
            )
            out.append(self.p(f"Objective {n}: {obj.title}", "h2"))
            goal = f"{num(obj.target)}{unit}{stretch}"
            target = f"{obj.measure}: from {num(obj.baseline)} to {goal} by {day(obj.due_on)}"
            out.append(self.p(f"{obj.category} · {target}", "small"))
            goals = [(g.title, day(g.due_on), g.status, g.note) for g in obj.micro_goals]
            out.append(self.table(("Micro-goal", "Due", "Status", "Note"), goals, (4, 1.6, 1.4, 4)))
            out.append(Spacer(1, 2 * mm))
            rows = [
                (day(x.recorded_on), num(x.value), "Yes" if x.milestone else "", x.note)
                for x in obj.progress
            ]
            head = ("Progress on", "Value", "Milestone", "What happened")
            out.append(self.table(head, rows, (1.6, 1.2, 1.3, 6.9)))
        out.append(self.p("Resources committed", "h2"))
        rows = [(r.kind, r.description, r.provider, day(r.by_date)) for r in plan.resources]
        out.append(
            self.table(("Resource", "Details", "Provided by", "By"), rows, (2.2, 5, 2.6, 1.6))
        )
        return out

    def reviews(self) -> list:
        rows = [
            (day(r.held_on), r.kind, r.outcome, ", ".join(r.reviewers) or "—", r.summary)
            for r in self.d.reviews
        ]
        head = ("Date", "Review", "Outcome", "Reviewers", "Summary")
        return [
            self.heading("Earlier review outcomes"),
            self.table(head, rows, (1.6, 2, 2.4, 2.6, 4.4)),
        ]

    def agenda(self) -> list:
        return [self.heading("Agenda for this meeting"), self.bullets(self.d.agenda, numbered=True)]

    def attendance(self) -> list:
        d = self.d
        where = f" at {d.meeting_place}" if d.meeting_place else ""
        out = [
            self.heading("Attendance and signatures"),
            self.p(f"{MEETINGS[d.meeting_type]} on {day(d.meeting_date)}{where}"),
            self.label(
                "By signing, each participant confirms they attended this meeting "
                "and received a copy of the agreed actions.",
                "small",
            ),
            Spacer(1, 3 * mm),
        ]
        rows = [[self.p(x.name, "cell"), self.p(x.role, "cell"), "", ""] for x in d.participants]
        rows += [["", "", "", ""] for _ in range(max(2, 6 - len(rows)))]
        head = [self.label(h, "head") for h in ("Name", "Role", "Signature", "Date")]
        w = self.width
        t = Table(
            [head, *rows],
            colWidths=[w * 0.3, w * 0.22, w * 0.32, w * 0.16],
            rowHeights=[None] + [13 * mm] * len(rows),
            repeatRows=1,
            hAlign="LEFT",
        )
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                    ("GRID", (0, 0), (-1, -1), 0.5, DARK),
                    ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return [*out, t]
