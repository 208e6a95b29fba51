"""The calibration report as a PDF: tables and vector bar charts, fonts embedded, no names.

Charts are reportlab.graphics drawings (vector, not images). Every cell style names the
embedded Casepath fonts; the figures come already protected from the services layer, and
every stored key is printed in words through the report's ``labels`` (`app.domain.words.labels`).
Landscape A4: the widest table (seven root causes) keeps its headings on at most two lines.
"""

from __future__ import annotations

import io
import re
from datetime import date

from app.documents.pdf.fonts import SANS, SANS_BOLD, data_paragraph, register_fonts
from app.domain.escalation.policy import STAGE_KEYS
from app.domain.words.formats import formats
from app.domain.words.labels import key_words, value_labels
from app.domain.words.translation import translate

CHART_BAR = "#4a6fa5"
NONE = "–"  # a statistic over no cases
MARGIN = 36  # points: half an inch
GROUP_WIDTH = 118  # the first column (department or "Manager 12")
SIDES = {
    "pilot_before": "Pilot, before",
    "pilot_after": "Pilot, after",
    "rest_before": "Others, before",
    "rest_after": "Others, after",
}
PILOT_FIELDS = {
    "cases": "Cases",
    "median_days_to_conversation": "Median days to first conversation",
    "formal_share": "Share reaching formal concern",
    "closed": "Closed",
    "improved_share": "Share of closed that improved",
}

# Every fixed word the report prints, declared once: the redaction verifier takes these as
# template text (`fixed_wording`), so a person called "Total" or "Cases" does not make a
# heading a refusal. ``{…}`` marks where data goes.
DOC_TITLE = "Casepath calibration figures"
DOC_AUTHOR = "Casepath"
DOC_SUBJECT = "Calibration"
TITLE = "Calibration figures"
INTRO = (
    "Period {start} to {end}, by {group}. Figures describing fewer than {k} people are shown "
    "as “fewer than {k}”, and so are the figures from which they could be worked out. Drift "
    "is a prompt for discussion, never a verdict."
)
GROUP_HEADINGS = {"department": "Department", "manager": "Manager"}
ALL = "All"  # the row over every group
TOTAL = "Total"  # the column over every column
ESCALATION_HEADING = "Formal escalations per 100 employees"
ESCALATION_CHART = "Formal concern or improvement plan per 100 employees"
ESCALATION_COLUMNS = (
    "Employees", "Formal cases", "Per 100 employees", "Closed plans", "Share improved",
)  # fmt: skip
STAGE_HEADING = "Time in stage (all groups)"
STAGE_CHART = "90th percentile, days"
STAGE_COLUMNS = ("Stage", "Finished stays", "Median days", "90th percentile, days")
RESPONSE_HEADING = "Response time (days from the first indicator)"
RESPONSE_COLUMNS = (
    "Cases with a conversation", "Median to conversation", "90th percentile",
    "Cases coached", "Median to coaching", "90th percentile",
)  # fmt: skip
COUNT_TABLES = {
    "open_by_stage": "Open cases by stage",
    "open_by_track": "Open cases by track",
    "new_cases": "New cases",
    "closed_by_outcome": "Closed cases by outcome",
    "exceptions_granted": "Exceptions granted",
    "root_causes": "Root causes in closed cases",
}
DRIFT_HEADING = "Drift: for the calibration meeting"
NO_DRIFT = "No group differs from the organisation by more than the factor {factor}."
DRIFT_DIFFERENCE = "{measure}: {group_value} vs {organisation_value} (×{ratio})"
PILOT_HEADING = "Pilot: {department} from {since}"
SATISFACTION_WHO = {"employee": "Employee", "manager": "Manager"}
SATISFACTION_HEADING = "{who} satisfaction at close (1 = low, 5 = high)"
SATISFACTION_COLUMNS = ("1", "2", "3", "4", "5", "Answers")
# Wording the services layer writes into the report's figures and this module prints as it
# comes: `small_groups.hidden_label`, the measures and notes of `calibration_figures.drift`,
# the new-cases table's one column (key ``new``, printed through `key_words`).
REPORTED_WORDING = (
    "fewer than", key_words("new"), "formal escalations per 100 employees",
    "median days to formal concern", "Small group", "cases in the period",
    "one case moves these figures a lot", "Based on",
)  # fmt: skip
_PLACEHOLDER_OR_STOP = re.compile(r"\{[^}]*\}|[.,;:“”()×=]")


def fixed_wording() -> tuple[str, ...]:
    """Every phrase above, and each run of words between a format string's placeholders and
    punctuation; with the labels (`app.domain.words.labels`) the report prints for stored keys."""
    texts = [
        DOC_TITLE, DOC_AUTHOR, DOC_SUBJECT, TITLE, INTRO, ALL, TOTAL, ESCALATION_HEADING,
        ESCALATION_CHART, STAGE_HEADING, STAGE_CHART, RESPONSE_HEADING, DRIFT_HEADING,
        NO_DRIFT, DRIFT_DIFFERENCE, PILOT_HEADING, SATISFACTION_HEADING,
        *GROUP_HEADINGS.values(), *(g.lower() for g in GROUP_HEADINGS.values()),
        *ESCALATION_COLUMNS, *STAGE_COLUMNS, *RESPONSE_COLUMNS, *COUNT_TABLES.values(),
        *SATISFACTION_WHO.values(), *SATISFACTION_COLUMNS, *SIDES.values(),
        *PILOT_FIELDS.values(), *REPORTED_WORDING,
        *value_labels().values(), *(key_words(k) for k in STAGE_KEYS),
    ]  # fmt: skip
    from app.domain.words.translation import LANGUAGES

    texts += [translate(lang, t) for lang in LANGUAGES for t in texts]
    out: dict[str, None] = {}
    for text in texts:
        if "{" not in text:
            out[text] = None
        for part in _PLACEHOLDER_OR_STOP.split(text):
            if part.strip():
                out[" ".join(part.split())] = None
    return tuple(out)


def _styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle

    return {
        "title": ParagraphStyle("cal-title", fontName=SANS_BOLD, fontSize=16, leading=20),
        "h": ParagraphStyle(
            "cal-h", fontName=SANS_BOLD, fontSize=12, leading=16, spaceBefore=10, keepWithNext=1
        ),
        "body": ParagraphStyle("cal-body", fontName=SANS, fontSize=9, leading=12),
        "cell": ParagraphStyle("cal-cell", fontName=SANS, fontSize=8, leading=10),
        "head": ParagraphStyle("cal-head", fontName=SANS_BOLD, fontSize=8, leading=10),
    }


def _grid(header: list[str], rows: list[list[object]], st: dict, width: float) -> object:
    """A table whose first column holds the group and the others share the page width."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    rest = max(1, len(header) - 1)
    other = min(96.0, (width - GROUP_WIDTH) / rest)
    data = [[data_paragraph(str(h), st["head"]) for h in header]]
    data += [[data_paragraph(NONE if v is None else str(v), st["cell"]) for v in r] for r in rows]
    table = Table(data, colWidths=[GROUP_WIDTH] + [other] * rest, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf4")),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _bars(labels: list[str], values: list[float], title: str, width: float) -> object:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    drawing = Drawing(width, 170)
    drawing.initialFontName = SANS  # reportlab would otherwise set Helvetica (not embedded)
    drawing.initialFontSize = 8
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, width - 60, 110
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or [""]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.barLabels.fontName = SANS
    chart.barLabelFormat = "%g"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    chart.bars[0].fillColor = colors.HexColor(CHART_BAR)
    drawing.add(chart)
    drawing.add(String(40, 155, title, fontName=SANS_BOLD, fontSize=9))
    return drawing


class _Words:
    """Stored keys in words: the report's labels, else the key written out."""

    def __init__(self, report: dict, language: str = "en") -> None:
        self.labels = report.get("labels", {})
        self.language = language
        self.group = self.tr(
            GROUP_HEADINGS["department" if report["grouped_by"] == "department" else "manager"]
        )

    def __call__(self, key: str) -> str:
        return self.tr(self.labels.get(key) or key_words(key))

    def tr(self, message: str) -> str:
        return translate(self.language, message)

    def all(self, messages: object) -> list[str]:
        return [self.tr(m) for m in messages]


def _count_table(report: dict, key: str, words: _Words, st: dict, width: float) -> object:
    table = report[key]
    header = [words.group, *(words(c) for c in table["columns"]), words.tr(TOTAL)]
    rows = [
        [r["group"], *(r["cells"][c] for c in table["columns"]), r["total"]] for r in table["rows"]
    ]
    rows.append([words.tr(ALL), *(table["totals"][c] for c in table["columns"]), table["total"]])
    if len(table["columns"]) == 1:  # one column: its total says the same again
        header, rows = header[:-1], [r[:-1] for r in rows]
    return _grid(header, rows, st, width)


def _escalation(report: dict, words: _Words, st: dict, width: float) -> list:
    from reportlab.platypus import Paragraph

    esc = report["escalation"]
    shown = [g for g in esc["groups"] if isinstance(g["per_100_employees"], int | float)]
    keys = ("employees", "formal_cases", "per_100_employees", "closed_plans", "improved_share")
    header = [words.group, *words.all(ESCALATION_COLUMNS)]
    rows = [[g["group"], *(g[k] for k in keys)] for g in esc["groups"]]
    rows.append([words.tr(ALL), *(esc["overall"][k] for k in keys)])
    return [
        Paragraph(words.tr(ESCALATION_HEADING), st["h"]),
        _bars(
            [g["group"] for g in shown],
            [g["per_100_employees"] for g in shown],
            words.tr(ESCALATION_CHART),
            width,
        ),
        _grid(header, rows, st, width),
    ]


def _timing(report: dict, words: _Words, st: dict, width: float) -> list:
    from reportlab.platypus import Paragraph

    tis = report["time_in_stage"]
    stays = tis["overall"]
    with_p90 = [s for s in tis["stages"] if isinstance(stays[s]["p90_days"], int | float)]
    resp = report["response_time"]

    def line(name: str, g: dict) -> list:
        conv, coach = g["to_first_conversation"], g["to_coaching"]
        return [name, conv["cases"], conv["median_days"], conv["p90_days"]] + [
            coach["cases"],
            coach["median_days"],
            coach["p90_days"],
        ]

    return [
        Paragraph(words.tr(STAGE_HEADING), st["h"]),
        _bars(
            [words(s) for s in with_p90],
            [stays[s]["p90_days"] for s in with_p90],
            words.tr(STAGE_CHART),
            width,
        ),
        _grid(
            words.all(STAGE_COLUMNS),
            [
                [words(s), stays[s]["cases"], stays[s]["median_days"], stays[s]["p90_days"]]
                for s in tis["stages"]
            ],
            st,
            width,
        ),
        Paragraph(words.tr(RESPONSE_HEADING), st["h"]),
        _grid(
            [words.group, *words.all(RESPONSE_COLUMNS)],
            [line(g["group"], g) for g in resp["groups"]] + [line(words.tr(ALL), resp["overall"])],
            st,
            width,
        ),
    ]


def _pilot(report: dict, words: _Words, st: dict, width: float) -> list:
    from reportlab.platypus import Paragraph

    p = report["pilot"]
    since = _day(p["since"], words.language)
    heading = words.tr(PILOT_HEADING).format(department=p["department"], since=since)
    story = [
        Paragraph(heading, st["h"]),
        _grid(
            ["", *words.all(PILOT_FIELDS.values())],
            [
                [words.tr(label), *(p[side][f] for f in PILOT_FIELDS)]
                for side, label in SIDES.items()
            ],
            st,
            width,
        ),
    ]
    for who, title in SATISFACTION_WHO.items():
        dist = p.get("satisfaction", {}).get(who)
        if not dist:
            continue
        story += [
            Paragraph(words.tr(SATISFACTION_HEADING).format(who=words.tr(title)), st["h"]),
            _grid(
                ["", *words.all(SATISFACTION_COLUMNS)],
                [
                    [words.tr(label), *dist[side]["scores"].values(), dist[side]["answers"]]
                    for side, label in SIDES.items()
                ],
                st,
                width,
            ),
        ]
    return story


def _day(text: str, language: str) -> str:
    """An ISO day of the report's figures in the document language's style."""
    try:
        return formats(language).date(date.fromisoformat(str(text)))
    except ValueError:
        return str(text)


def render_calibration_pdf(report: dict, language: str = "en") -> bytes:
    """The whole report in ``language`` (the vault's document language); withheld figures
    read "fewer than k" and are left out of the charts."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    st = _styles()
    words = _Words(report, language)
    _ = words.tr
    k = report["small_group_k"]
    out = io.BytesIO()
    page = landscape(A4)
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=_(DOC_TITLE),
        author=DOC_AUTHOR,
        subject=_(DOC_SUBJECT),
        creator=DOC_AUTHOR,
        initialFontName=SANS,
    )
    width = page[0] - 2 * MARGIN
    period = report["period"]
    story: list = [
        Paragraph(_(TITLE), st["title"]),
        Paragraph(
            _(INTRO).format(
                start=_day(period["from"], language),
                end=_day(period["to"], language),
                group=words.group.lower() if language == "en" else words.group,
                k=k,
            ),
            st["body"],
        ),
    ]
    story += _escalation(report, words, st, width)
    story += _timing(report, words, st, width)
    for key, title in COUNT_TABLES.items():
        story += [Paragraph(_(title), st["h"]), _count_table(report, key, words, st, width)]
    story.append(Paragraph(_(DRIFT_HEADING), st["h"]))
    if not report["drift"]:
        story.append(Paragraph(_(NO_DRIFT).format(factor=report["drift_factor"]), st["body"]))
    for d in report["drift"]:
        lines = "; ".join(
            _(DRIFT_DIFFERENCE).format(
                measure=_(x["measure"]),
                group_value=x["group_value"],
                organisation_value=x["organisation_value"],
                ratio=x["ratio"],
            )
            for x in d["differences"]
        )
        story.append(Paragraph(f"{d['group']}: {lines}. {d['confidence_note']}", st["body"]))
    if "pilot" in report:
        story += _pilot(report, words, st, width)
    story.append(Spacer(1, 6))
    doc.build(story)
    return out.getvalue()
