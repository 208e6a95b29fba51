"""The shortcuts for text set wholly in DejaVu Sans give the same markup and the same
refusals as walking every character, and never hide a font change or a problem."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from app.documents.pdf.fonts import (
    CJK,
    HANGUL,
    UnprintableText,
    check_printable,
    coverage,
    data_paragraph,
    has_cjk,
    markup,
)
from app.documents.pdf.page_template import splitting_table

PLAIN = [
    "Łukasz Żółć-Wiśniewski <b>not a tag</b> & co",
    "Αλέξανδρος Παπαδόπουλος (HR officer)\nsecond line",
    "Nguyễn Thị Hương — 3 Nov 2025 · 12,5 %",
    "Иван Петров, Şükrü Öztürk İğdır",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_its_escaped_self(text):
    assert coverage().plain(text)
    assert markup(text) == escape(text).replace("\n", "<br/>")
    assert markup(text, bold=True) == markup(text)
    assert not has_cjk(text)


@pytest.mark.parametrize(
    ("text", "face"),
    [("Met 李小龙 today", CJK), ("Met 김민준 today", HANGUL), ("佐藤。", CJK)],
)
def test_text_in_another_font_is_not_plain_and_keeps_its_font_tags(text, face):
    assert not coverage().plain(text)
    assert f'<font face="{face}">' in markup(text)
    assert f'<font face="{face}">' in data_paragraph(text, _style()).text


def test_a_memoised_printable_character_does_not_hide_an_unprintable_one():
    check_printable([("Name", "Zoë Ab")])  # every character now known printable
    with pytest.raises(UnprintableText) as exc:
        check_printable([("Name", "Zoë Ab"), ("Note", "Zoë\u0007")])
    assert [p.field for p in exc.value.problems] == ["Note"]


def test_labels_are_made_only_for_fields_that_cannot_be_printed():
    asked: list[str] = []

    def label(key: str) -> str:
        asked.append(key)
        return key.upper()

    check_printable([("a", "fine"), ("b", "also fine")], label)
    assert asked == []
    with pytest.raises(UnprintableText) as exc:
        check_printable([("a", "fine"), ("b", "ܫܠܡܐ")], label)
    assert asked == ["b"] and exc.value.problems[0].field == "B"


def test_a_split_measures_the_table_once_for_its_space():
    from reportlab.platypus import Paragraph

    calls: list[tuple[float, float]] = []
    base = splitting_table().__mro__[1]

    class Counting(splitting_table()):
        pass

    original = base._calc

    def counting_calc(self, w, h):
        calls.append((w, h))
        return original(self, w, h)

    rows = [[Paragraph(f"row {i}", _style())] for i in range(80)]
    table = Counting(rows, colWidths=[200], repeatRows=0)
    try:
        base._calc = counting_calc
        parts = table.split(200, 300)
    finally:
        base._calc = original
    assert len(parts) == 2  # it did split
    assert calls.count((200, 300)) == 1


def _style():
    from reportlab.lib.styles import ParagraphStyle

    from app.documents.pdf.fonts import SANS, register_fonts

    register_fonts()
    return ParagraphStyle("t", fontName=SANS, fontSize=9, leading=11)
