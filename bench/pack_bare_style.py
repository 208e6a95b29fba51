"""Constants, fonts, date and number forms and paragraph styles of the bare baseline
(`bench/pack_bare.py`): reportlab only, no Casepath code."""

from __future__ import annotations

import re
from datetime import date

from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS, BOLD, OBLIQUE, CJK = "BareSans", "BareBold", "BareOblique", "BareCJK"
DARK, ACCENT, RULE, HEADER_BG = (
    colors.HexColor(c) for c in ("#1F2A36", "#8B1A1A", "#B8BEC6", "#E6E9ED")
)
MEETINGS = {
    "review": "Formal review meeting",
    "formal_concern": "Formal-concern meeting",
    "outcome": "Outcome meeting",
}
CJK_RUN = re.compile("([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+(?: [\u2e80-\u9fff]+)*)")
MARGINS = (18 * mm, 18 * mm, 24 * mm, 20 * mm)  # left right top bottom


def register(fonts: dict[str, str]) -> None:
    """The four fonts, once per process (reportlab's registry is global)."""
    if SANS in pdfmetrics.getRegisteredFontNames():
        return
    for name, path in fonts.items():
        pdfmetrics.registerFont(TTFont(name, path))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=BOLD, italic=OBLIQUE, boldItalic=BOLD)
    for b in (0, 1):
        for i in (0, 1):
            addMapping(CJK, b, i, CJK)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec")


def short(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}"


def day(text: str | None) -> str:
    if not text:
        return "—"
    d = date.fromisoformat(text)
    return f"{short(d)} {d.year}"


def num(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def styles() -> dict:
    body = ParagraphStyle(
        "body", fontName=SANS, fontSize=9.5, leading=13, spaceAfter=4, textColor=DARK
    )
    s = {"body": body}
    s["title"] = ParagraphStyle("title", body, fontName=BOLD, fontSize=22, leading=27, spaceAfter=6)
    s["h1"] = ParagraphStyle(
        "h1",
        body,
        fontName=BOLD,
        fontSize=14,
        leading=18,
        spaceBefore=6,
        spaceAfter=8,
        keepWithNext=1,
    )
    s["h2"] = ParagraphStyle(
        "h2",
        body,
        fontName=BOLD,
        fontSize=10.5,
        leading=14,
        spaceBefore=8,
        spaceAfter=3,
        keepWithNext=1,
    )
    s["small"] = ParagraphStyle(
        "small", body, fontSize=8, leading=10.5, textColor=colors.HexColor("#555555")
    )
    s["cell"] = ParagraphStyle("cell", body, fontSize=8.5, leading=11, spaceAfter=0)
    s["head"] = ParagraphStyle("head", body, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0)
    s["marking"] = ParagraphStyle(
        "marking", body, fontName=BOLD, fontSize=11, leading=14, textColor=colors.white
    )
    s["toc"] = [
        ParagraphStyle("toc0", body, fontSize=10.5, leading=16, leftIndent=0),
        ParagraphStyle("toc1", body, fontSize=9.5, leading=13, leftIndent=14),
    ]
    return s
