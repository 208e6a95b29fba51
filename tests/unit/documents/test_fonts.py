"""Font fallback per run of text, and the check that refuses what cannot be printed."""

from __future__ import annotations

import pytest

from app.documents.pdf.fonts import (
    CJK,
    HANGUL,
    HANGUL_BOLD,
    UnprintableText,
    check_printable,
    coverage,
    hangul_coverage,
    has_cjk,
    markup,
    problems_in,
)


def test_latin_greek_and_cyrillic_use_dejavu_and_cjk_runs_switch_font():
    assert markup("Łukasz Αλέξανδρος Иван") == "Łukasz Αλέξανδρος Иван"
    assert markup("Met 李小龙 today") == f'Met <font face="{CJK}">李小龙 </font>today'
    assert markup("a < b & c\nnext") == "a &lt; b &amp; c<br/>next"


def test_every_test_script_is_covered_by_an_embedded_font():
    cov = coverage()
    for text in (
        "Nguyễn Thị Hương",
        "Şükrü Öztürk İğdır",
        "Łukasz Żółć",
        "Αλέξανδρος",
        "Иван Петров",
        "李小龙",
        "佐藤 花子",
        "–…€",
    ):
        assert all(cov.font_for(ch) for ch in text if ch != " "), text
    assert has_cjk("佐藤") and not has_cjk("Zoë")


def test_hangul_runs_use_nanum_gothic_even_where_droid_has_the_syllable():
    assert markup("Met 김민준 today") == f'Met <font face="{HANGUL}">김민준 </font>today'
    assert markup("金민준") == f'<font face="{CJK}">金</font><font face="{HANGUL}">민준</font>'
    cov = coverage()
    # Droid Sans Fallback has 가, 힢 and 힣: a name must not mix two designs.
    for text in ("김민준", "이서연", "가나다", "힣", "ㄱㄴ", "㈜"):
        assert {cov.font_for(ch) for ch in text} == {HANGUL}, text
    assert not has_cjk("김민준 이서연")  # Korean wraps at spaces, not anywhere
    # <font face> resets reportlab's bold flag: a bold paragraph names the bold face.
    assert markup("김 Zoë", bold=True) == f'<font face="{HANGUL_BOLD}">김 </font>Zoë'
    check_printable([("Employee name", "김민준"), ("Manager", "이서연 (팀장)")])


def test_nanum_gothic_is_read_only_when_text_holds_hangul():
    hangul_coverage.cache_clear()
    check_printable([("Name", "Zoë 李小龙 佐藤 Иван")])
    markup("Zoë 李小龙 佐藤 Иван")
    assert hangul_coverage.cache_info().currsize == 0
    check_printable([("Name", "김민준")])
    assert hangul_coverage.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Arabic, Hebrew, Devanagari and Thai are shaped (test_shaping.py); these are not.
        ("ܫܠܡܐ", "right-to-left text (Syriac"),
        ("ދިވެހި", "right-to-left text (Thaana"),
        ("বাংলা", "an Indic script other than Devanagari"),
        ("ພາສາລາວ", "Lao"),
        ("አበበ", "no embedded font can print"),  # Ethiopic: no shipped font
        ("\u1112\u119e", "Hangul jamo"),  # Old Korean jamo NFC cannot compose
        ("tab\tis fine but bell\u0007 is not", "control character (U+0007)"),
    ],
)
def test_problems_name_the_reason(text, reason):
    problems = problems_in(text, "Summary")
    assert problems and problems[0].field == "Summary"
    assert reason in problems[0].reason


def test_one_problem_per_kind_per_field_and_all_fields_at_once():
    assert len(problems_in("ܫܠܡܐ ܫܠܡܐ", "Name")) == 1
    with pytest.raises(UnprintableText) as caught:
        check_printable(
            [("Name", "ܫܠܡܐ"), ("Place", "Room 1"), ("Korean", "김민준"), ("Note", "አ")]
        )
    assert [p.field for p in caught.value.problems] == ["Name", "Note"]
    assert "transliteration" in str(caught.value)


def test_printable_text_passes():
    check_printable([("Name", "Zoë Ångström"), ("Note", "Line one\nLine two\ttabbed")])
