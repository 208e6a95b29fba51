"""Arabic, Hebrew, Devanagari and Thai names are shaped in packs and summaries and read back
with pypdf exactly as typed (conjuncts, ligatures, marks and right-to-left order included)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.documents.pdf.documentation_pack import build_pack
from app.documents.pdf.fonts import SANS, markup, problems_in, register_fonts
from app.documents.pdf.pack_data import ConversationEntry
from app.documents.pdf.page_template import PageSetup
from app.documents.pdf.shaping import SCRIPTS, script_of, shape, shaped_font
from app.documents.redaction.identifiers import IdentifierIndex
from app.documents.redaction.redaction import RedactionOptions, build_redacted_pdf, redact
from app.documents.redaction.redaction_verifier import verify_pdf
from app.domain.identities import PersonIdentity
from tests.document_samples import pdf_text, sample_pack
from tests.unit.documents.test_pdf_fonts import unembedded

TODAY = date(2026, 3, 16)
NAMES = {
    "arabic": "محمد عبد الله",
    "arabic-lam-alef": "فاطمة الزهراء، لا",
    "hebrew": "דוד כהן",
    "devanagari": "राजेश कुमार क्षत्रिय",  # a conjunct (क्ष) and a pre-base vowel (ि)
    "thai": "สุดารัตน์ วงศ์ไทย",  # stacked vowel and mark
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _setup() -> PageSetup:
    return PageSetup(reference="C-2026-0007", generated_on=TODAY, deterministic=True)


def test_these_scripts_are_printable_now_and_others_still_refused():
    for name in NAMES.values():
        assert problems_in(name, "Name") == [], name
    assert "Syriac" in problems_in("ܫܠܡܐ", "Name")[0].reason


def test_shaping_really_substitutes_and_reorders_glyphs():
    register_fonts()
    arabic = next(s for s in SCRIPTS if s.font == "CasepathArabic")
    devanagari = next(s for s in SCRIPTS if s.font == "CasepathDevanagari")
    assert len(shape("لا", arabic)) == 1  # lam-alef ligature: one glyph for two letters
    assert len(shape("क्ष", devanagari)) == 1  # conjunct
    # The short i is drawn before its consonant: two glyphs, the first maps to both letters.
    font = shaped_font(devanagari)
    first, second = (ord(c) for c in shape("कि", devanagari))
    assert font.texts[first] == "कि" and font.texts[second] == ""


@pytest.mark.parametrize("key", list(NAMES))
def test_a_pack_for_such_an_employee_reads_back_as_typed(key):
    name = NAMES[key]
    pdf = build_pack(sample_pack(employee=name), _setup())
    text = _flat(pdf_text(pdf))
    assert name in text
    assert not any(ord(c) >= 0xF0000 for c in text)  # no private codes leak into the text
    assert unembedded(pdf) == []


def test_punctuation_stays_in_a_font_that_has_it():
    register_fonts()
    out = markup("דוד (Ali) محمد، علي")
    assert "(Ali)" in out  # Latin brackets and letters stay in the paragraph's DejaVu
    for chunk in out.split('<font face="')[1:]:
        face = chunk.split('"')[0]
        assert face != SANS
    assert script_of("،") is not None  # the Arabic comma is shaped with the Arabic font


def test_a_summary_prints_shaped_free_text_and_names_nobody():
    people = [PersonIdentity(n, kind="employee") for n in ("محمد عبد الله", "राजेश कुमार")]
    index = IdentifierIndex(people)
    data = sample_pack(employee="محمد عبد الله")
    talk = ConversationEntry(
        date(2026, 1, 12),
        "Coaching",
        "محمد عبد الله agreed; राजेश कुमार attended. ยินดีต้อนรับ สู่ทีม. קבוצת המכירות",
    )
    data = replace(data, conversations=(talk,))
    data = replace(data, case=replace(data.case, department="قسم المبيعات"))
    options = RedactionOptions(include=frozenset({"conversation_summaries"}))
    summary = redact(data, index, options, TODAY)
    pdf = build_redacted_pdf(summary, _setup())
    text = _flat(pdf_text(pdf))
    for kept in ("قسم المبيعات", "ยินดีต้อนรับ สู่ทีม.", "קבוצת המכירות", "Employee A agreed"):
        assert kept in text, kept
    for gone in ("محمد", "राजेश", "कुमार"):
        assert gone not in text
    assert verify_pdf(pdf, index).ok
    assert unembedded(pdf) == []


def test_the_verifier_reads_a_shaped_name_that_was_left_in():
    """Negative control: a shaped name in the PDF is still text the verifier can read."""
    people = [PersonIdentity("राजेश कुमार", kind="employee")]
    pdf = build_pack(sample_pack(employee="राजेश कुमार"), _setup())
    report = verify_pdf(pdf, IdentifierIndex(people))
    assert not report.ok and {f.kind for f in report.findings} == {"name"}


def test_long_devanagari_text_wraps_at_its_spaces():
    from reportlab.lib.styles import ParagraphStyle

    from app.documents.pdf.fonts import data_paragraph

    register_fonts()
    sentence = " ".join(["राजेश कुमार ने समय पर काम पूरा किया"] * 6)
    para = data_paragraph(sentence, ParagraphStyle("t", fontName=SANS, fontSize=9, leading=12))
    width, height = para.wrap(200, 1000)
    assert height > 12 * 3  # several lines, none wider than the cell
    lines = para.blPara.lines
    spare = [line[0] if isinstance(line, tuple) else line.extraSpace for line in lines]
    assert len(lines) >= 4 and min(spare) >= 0  # no line overflows the 200-point cell


def test_the_script_fonts_are_read_only_when_text_holds_their_script():
    from app.documents.pdf import shaping

    shaping.shaped_font.cache_clear()
    shaping.coverage.cache_clear()
    markup("Zoë 李小龙 Иван (x) 2026-03-16")
    problems_in("Zoë 李小龙 Иван", "Name")
    assert shaping.shaped_font.cache_info().currsize == 0
    markup("สมชาย")
    assert shaping.shaped_font.cache_info().currsize == 1  # Thai only


def test_horizontal_mark_offsets_go_into_the_widths_and_the_run_keeps_its_length():
    import uharfbuzz as hb

    register_fonts()
    hebrew = next(s for s in SCRIPTS if s.font == "CasepathHebrew")
    font = shaped_font(hebrew)
    word = "שָׁלוֹם"  # shin dot and holam sit off their letters' origin
    buf = hb.Buffer()
    buf.add_codepoints([ord(c) for c in word])
    buf.guess_segment_properties()
    hb.shape(font.hb_font, buf, {"kern": True, "liga": True})
    assert any(p.x_offset for p in buf.glyph_positions)
    advances = sum(p.x_advance for p in buf.glyph_positions) * 1000 / font.upem
    widths = [font.face.charWidths[ord(c)] for c in shape(word, hebrew)]
    assert abs(sum(widths) - advances) <= len(widths)  # rounding only
    plain = [round(p.x_advance * 1000 / font.upem) for p in buf.glyph_positions]
    assert widths != plain  # the offsets moved glyphs
