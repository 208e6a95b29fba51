"""The building blocks of the bare baseline (paragraphs, tables, lists, the indicator chart),
written as a reportlab user would, with the pack's sizes and styles."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from bench.pack_bare_style import (
    ACCENT,
    CJK_RUN,
    DARK,
    HEADER_BG,
    MARGINS,
    RULE,
    SANS,
    num,
    short,
    styles,
)


class ReusingParagraph(Paragraph):
    """For the "tuned" baseline only: keeps its lines for the width it was wrapped at (the
    same shortcut as the pack's data paragraphs, written here with reportlab alone)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        kept = self.__dict__.get("_kept")
        if kept is not None and kept[0] == availWidth and self.__dict__.get("blPara") is kept[1]:
            self.width, self.height = kept[2]
            return kept[2]
        size = super().wrap(availWidth, availHeight)
        self._kept = (availWidth, self.blPara, size)
        return size


class MeasureOnceTable(Table):
    """For the "tuned" baseline only: `split` does not measure the rows a second time for the
    space `wrap` just measured them for (the pack's table does the same)."""

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
        self._calc(availWidth, availHeight)
        self._skip = (availWidth, availHeight)
        try:
            return super().split(availWidth, availHeight)
        finally:
            self._skip = None

    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
        if self.__dict__.get("_skip") == (availWidth, availHeight):
            self._skip = None
            return
        super()._calc(availWidth, availHeight)


class Blocks:
    """Paragraphs and tables; ``tuned`` uses the two layout shortcuts above for data cells
    and data tables, as the pack does (bench/run.py reports that build for information)."""

    def __init__(self, d: object, tuned: bool = False) -> None:
        self.d = d
        self.para = ReusingParagraph if tuned else Paragraph
        self.data_table = MeasureOnceTable if tuned else Table
        self.s = styles()
        self.width = A4[0] - MARGINS[0] - MARGINS[1]
        self.section = 0

    def p(self, text: str, style: str = "body") -> Paragraph:
        markup = CJK_RUN.sub(r'<font face="BareCJK">\1</font>', escape(text))
        st = self.s[style]
        if markup != escape(text):
            st = ParagraphStyle(f"{st.name}-cjk", st, wordWrap="CJK")
        return self.para(markup.replace("\n", "<br/>"), st)

    def label(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, self.s[style])

    def heading(self, title: str) -> Paragraph:
        self.section += 1
        para = self.label(f"{self.section}. {title}", "h1")
        para.toc_key = f"section-{self.section}"
        return para

    def table(self, header, rows, widths, zebra: bool = True) -> Table:
        head = [self.label(h, "head") for h in header]
        body = [[self.p(c, "cell") if isinstance(c, str) else c for c in row] for row in rows]
        col = [self.width * w / sum(widths) for w in widths]
        t = self.data_table([head, *body], colWidths=col, repeatRows=1, hAlign="LEFT")
        style = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, DARK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
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

    def facts(self, pairs) -> Table:
        rows = [[self.label(k, "head"), self.p(v or "—", "cell")] for k, v in pairs]
        t = self.data_table(rows, colWidths=[self.width * 0.3, self.width * 0.7], hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return t

    def bullets(self, items, numbered: bool = False) -> ListFlowable:
        return ListFlowable(
            [ListItem(self.p(i), leftIndent=14) for i in items],
            bulletType="1" if numbered else "bullet",
            start=1 if numbered else "•",
            leftIndent=14,
            bulletFontName=SANS,
            bulletFontSize=9,
        )

    def chart(self, metric: str, unit: str, points: list, lead: list) -> KeepTogether:
        height = 150
        drawing = Drawing(self.width, height)
        drawing.initialFontName = SANS
        plot = LinePlot()
        plot.x, plot.y = 40, 30
        plot.width, plot.height = self.width - 150, height - 45
        xs = [date.fromisoformat(p.observed_on).toordinal() for p in points]
        plot.data = [
            list(zip(xs, [p.expected for p in points], strict=True)),
            list(zip(xs, [p.actual for p in points], strict=True)),
        ]
        ys = [p.expected for p in points] + [p.actual for p in points]
        lo_x, hi_x = min(xs), max(xs)
        plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = lo_x, hi_x
        ticks = sorted(set(xs))
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        if not (len(ticks) <= 6 and (not gaps or min(gaps) >= (hi_x - lo_x) / 8)):
            ticks = [lo_x + round((hi_x - lo_x) * k / 5) for k in range(6)]
        plot.xValueAxis.valueSteps = ticks
        plot.xValueAxis.labelTextFormat = lambda v: short(date.fromordinal(int(v)))
        lo_y, hi_y = min(ys), max(ys)
        pad = (hi_y - lo_y) * 0.15 or max(1.0, abs(hi_y) * 0.1)
        plot.yValueAxis.valueMin = lo_y - pad if lo_y - pad < 0 or lo_y < 0 else max(0, lo_y - pad)
        plot.yValueAxis.valueMax = hi_y + pad
        plot.yValueAxis.labelTextFormat = num
        for axis in (plot.xValueAxis, plot.yValueAxis):
            axis.labels.fontName, axis.labels.fontSize = SANS, 7
        plot.yValueAxis.visibleGrid = 1
        plot.yValueAxis.gridStrokeColor = colors.HexColor("#E0E3E7")
        plot.lines[0].strokeColor = colors.HexColor("#6B7785")
        plot.lines[0].strokeDashArray = [3, 2]
        plot.lines[0].symbol = makeMarker("Square", size=3.5)
        plot.lines[1].strokeColor, plot.lines[1].strokeWidth = ACCENT, 1.5
        plot.lines[1].symbol = makeMarker("FilledCircle", size=4)
        drawing.add(plot)
        legend = Legend()
        legend.x, legend.y = self.width - 95, height - 25
        legend.fontName, legend.fontSize, legend.alignment = SANS, 8, "right"
        legend.colorNamePairs = [(colors.HexColor("#6B7785"), "Expected"), (ACCENT, "Measured")]
        drawing.add(legend)
        title = metric + (f" ({unit})" if unit else "")
        return KeepTogether([*lead, self.p(title, "small"), drawing, Spacer(1, 2 * mm)])
