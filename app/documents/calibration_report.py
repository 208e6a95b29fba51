"""The calibration report as a PDF: tables and vector bar charts, fonts embedded, no names.

Charts are reportlab.graphics drawings (vector, not images). Every cell style names the
embedded Casepath fonts; the figures come already protected from the services layer.
"""

from __future__ import annotations

import io

from app.documents.fonts import SANS, SANS_BOLD, data_paragraph, register_fonts

CHART_BAR = "#4a6fa5"


def _styles() -> dict:
    from reportlab.lib.styles import ParagraphStyle

    return {
        "title": ParagraphStyle("cal-title", fontName=SANS_BOLD, fontSize=16, leading=20),
        "h": ParagraphStyle("cal-h", fontName=SANS_BOLD, fontSize=12, leading=16, spaceBefore=10),
        "body": ParagraphStyle("cal-body", fontName=SANS, fontSize=9, leading=12),
        "cell": ParagraphStyle("cal-cell", fontName=SANS, fontSize=8, leading=10),
        "head": ParagraphStyle("cal-head", fontName=SANS_BOLD, fontSize=8, leading=10),
    }


def _grid(header: list[str], rows: list[list[object]], st: dict) -> object:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    data = [[data_paragraph(str(h), st["head"]) for h in header]]
    data += [[data_paragraph("" if v is None else str(v), st["cell"]) for v in r] for r in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SANS),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf4")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _table_rows(table: dict) -> tuple[list[str], list[list[object]]]:
    header = ["Group", *table["columns"], "Total"]
    rows = [
        [r["group"], *(r["cells"][c] for c in table["columns"]), r["total"]] for r in table["rows"]
    ]
    rows.append(["All", *(table["totals"][c] for c in table["columns"]), table["total"]])
    return header, rows


def _bars(labels: list[str], values: list[float], title: str) -> object:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    drawing = Drawing(440, 170)
    drawing.initialFontName = SANS  # reportlab would otherwise set Helvetica (not embedded)
    drawing.initialFontSize = 8
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, 380, 110
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


def render_calibration_pdf(report: dict) -> bytes:
    """The whole report; withheld figures read "fewer than k" and are left out of the charts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    st = _styles()
    k = report["small_group_k"]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title="Casepath calibration figures",
        author="Casepath",
        subject="Calibration",
        creator="Casepath",
        initialFontName=SANS,
    )
    period = report["period"]
    story: list = [
        Paragraph("Calibration figures", st["title"]),
        Paragraph(
            f"Period {period['from']} to {period['to']}, by {report['grouped_by']}. Figures "
            f"describing fewer than {k} people are shown as “fewer than {k}”, and so are the "
            "figures from which they could be worked out. Drift is a prompt for discussion, "
            "never a verdict.",
            st["body"],
        ),
    ]
    esc = report["escalation"]
    shown = [g for g in esc["groups"] if isinstance(g["per_100_employees"], int | float)]
    story += [
        Paragraph("Formal escalations per 100 employees", st["h"]),
        _bars(
            [g["group"] for g in shown],
            [g["per_100_employees"] for g in shown],
            "Formal concern or improvement plan per 100 employees",
        ),
        _grid(
            ["Group", "Employees", "Formal cases", "Per 100", "Closed plans", "Improved"],
            [
                [
                    g["group"],
                    g["employees"],
                    g["formal_cases"],
                    g["per_100_employees"],
                    g["closed_plans"],
                    g["improved_share"],
                ]
                for g in esc["groups"]
            ]
            + [
                [
                    "All",
                    *(
                        esc["overall"][key]
                        for key in (
                            "employees",
                            "formal_cases",
                            "per_100_employees",
                            "closed_plans",
                            "improved_share",
                        )
                    ),
                ]
            ],
            st,
        ),
    ]
    stays = report["time_in_stage"]["overall"]
    with_p90 = [
        s
        for s in report["time_in_stage"]["stages"]
        if isinstance(stays[s]["p90_days"], int | float)
    ]
    story += [
        Paragraph("Time in stage (all groups)", st["h"]),
        _bars(with_p90, [stays[s]["p90_days"] for s in with_p90], "90th percentile, days"),
        _grid(
            ["Stage", "Stays", "Median days", "90th percentile"],
            [
                [s, stays[s]["cases"], stays[s]["median_days"], stays[s]["p90_days"]]
                for s in report["time_in_stage"]["stages"]
            ],
            st,
        ),
    ]
    resp = report["response_time"]
    story += [
        Paragraph("Response time (days from first indicator)", st["h"]),
        _grid(
            ["Group", "Cases", "Median to conversation", "p90", "Median to coaching"],
            [
                [
                    g["group"],
                    g["to_first_conversation"]["cases"],
                    g["to_first_conversation"]["median_days"],
                    g["to_first_conversation"]["p90_days"],
                    g["to_coaching"]["median_days"],
                ]
                for g in resp["groups"]
            ],
            st,
        ),
    ]
    for key, title in (
        ("open_by_stage", "Open cases by stage"),
        ("open_by_track", "Open cases by track"),
        ("new_cases", "New cases"),
        ("closed_by_outcome", "Closed cases by outcome"),
        ("exceptions_granted", "Exceptions granted"),
        ("root_causes", "Root causes in closed cases"),
    ):
        header, rows = _table_rows(report[key])
        story += [Paragraph(title, st["h"]), _grid(header, rows, st)]
    story.append(Paragraph("Drift: for the calibration meeting", st["h"]))
    if not report["drift"]:
        story.append(
            Paragraph(
                "No group differs from the organisation by more than the "
                f"factor {report['drift_factor']}.",
                st["body"],
            )
        )
    for d in report["drift"]:
        lines = "; ".join(
            f"{x['measure']}: {x['group_value']} vs {x['organisation_value']} (×{x['ratio']})"
            for x in d["differences"]
        )
        story.append(Paragraph(f"{d['group']}: {lines}. {d['confidence_note']}", st["body"]))
    if "pilot" in report:
        p = report["pilot"]
        fields = (
            "cases",
            "median_days_to_conversation",
            "formal_share",
            "closed",
            "improved_share",
        )
        story += [
            Paragraph(f"Pilot: {p['department']} from {p['since']}", st["h"]),
            _grid(
                ["", *fields],
                [
                    [name, *(p[name][f] for f in fields)]
                    for name in ("pilot_before", "pilot_after", "rest_before", "rest_after")
                ],
                st,
            ),
        ]
    story.append(Spacer(1, 6))
    doc.build(story)
    return out.getvalue()
