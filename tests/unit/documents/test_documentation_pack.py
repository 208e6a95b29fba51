"""The documentation pack read back with pypdf: what a reader of the PDF actually gets."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace

import pytest

from app.documents.pdf.documentation_pack import SECTIONS, build_pack
from app.documents.pdf.fonts import UnprintableText
from app.documents.pdf.pack_data import (
    ConversationEntry,
    MeetingType,
    ObservationEntry,
    Participant,
)
from app.documents.pdf.page_template import PageSize
from app.services.documents.document_service import DocumentError, encrypt_pdf
from tests.document_samples import (
    LONG_TEXT,
    SCRIPT_NAMES,
    pdf_pages,
    pdf_text,
    sample_pack,
    setup_for,
)


@pytest.fixture(scope="module")
def pack_pdf() -> bytes:
    data = sample_pack()
    return build_pack(data, setup_for(data))


def test_every_section_is_present_in_order(pack_pdf):
    pages = pdf_pages(pack_pdf)
    assert "Contents" in pages[1]
    body = "\n".join(pages[2:])  # after the cover and the contents page
    positions = [body.find(f"{i}. {title}") for i, title in enumerate(SECTIONS, start=1)]
    assert all(p >= 0 for p in positions), dict(zip(SECTIONS, positions, strict=True))
    assert positions == sorted(positions)
    text = "\n".join(pages)
    for words in (
        "Documentation pack",
        "Formal review meeting",
        "Contents",
        "Stage changes",
        "Exceptions to the escalation policy",
        "Agreed actions",
        "Measured against expected over time",
        "Resources committed",
        "Signature",
    ):
        assert words in text


def test_names_in_every_script_come_back_unchanged(pack_pdf):
    text = pdf_text(pack_pdf)
    for script, name in SCRIPT_NAMES.items():
        assert name in text, f"{script} name {name!r} did not survive extraction"
    assert "\x00" not in text and "\ufffd" not in text


def test_every_page_is_marked_and_numbered_page_x_of_y(pack_pdf):
    pages = pdf_pages(pack_pdf)
    total = len(pages)
    assert total >= 5
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {total}" in text
        assert "Confidential – HR" in text
        assert "Case C-2026-0007" in text
        assert "Generated 16 Mar 2026" in text
        assert "Integrity code CP-41-K3QF-9XZA" in text


def test_contents_and_bookmarks_point_at_the_right_pages(pack_pdf):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pack_pdf))
    pages = pdf_pages(pack_pdf)
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    assert list(outline) == [f"{i}. {t}" for i, t in enumerate(SECTIONS, start=1)]
    for title, index in outline.items():
        assert title in pages[index], f"{title} is not on page {index + 1}"
    # The contents page prints the same page numbers, in section order.
    printed = [int(n) for n in re.findall(r"\.\s(\d+)\n", pages[1])]
    assert printed == [index + 1 for index in outline.values()]


def test_metadata_names_nobody_and_is_set_by_the_app(pack_pdf):
    from pypdf import PdfReader

    meta = PdfReader(io.BytesIO(pack_pdf)).metadata
    assert meta["/Producer"].startswith("Casepath")
    assert meta["/Creator"].startswith("Casepath")
    assert meta["/Author"] == "Casepath"
    blob = " ".join(str(v) for v in meta.values())
    for name in [*SCRIPT_NAMES.values(), "C-2026-0007", "Operations", "E1001"]:
        assert name not in blob
    for part in ["Łukasz", "Żółć", "Nguyễn", "Αλέξανδρος", "Иван", "李小龙"]:
        assert part not in blob


@pytest.mark.parametrize(("size", "width"), [(PageSize.A4, 595.3), (PageSize.LETTER, 612.0)])
def test_a4_and_us_letter(size, width):
    from pypdf import PdfReader

    data = sample_pack()
    pdf = build_pack(data, setup_for(data, size))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert all(abs(float(p.mediabox.width) - width) < 0.5 for p in pages)
    assert SCRIPT_NAMES["chinese"] in pdf_text(pdf)


def test_deterministic_mode_gives_identical_bytes():
    data = sample_pack()
    assert build_pack(data, setup_for(data)) == build_pack(data, setup_for(data))


def test_normal_mode_stamps_the_real_creation_date():
    data = sample_pack()
    from pypdf import PdfReader

    pdf = build_pack(data, setup_for(data, deterministic=False))
    assert not PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"].startswith("D:2000")


@pytest.mark.parametrize("name", ["ܫܠܡܐ ܐܚܐ", "Ali ܫܠܡܐ"])  # Syriac: no shipped font
def test_right_to_left_names_are_refused_naming_the_field(name):
    data = sample_pack(employee=name)
    with pytest.raises(UnprintableText) as caught:
        build_pack(data, setup_for(data))
    message = str(caught.value)
    assert "Employee name" in message
    assert "right-to-left" in message
    assert name not in message  # the message names the field, not the confidential text


def test_a_letter_no_font_covers_is_refused_never_boxed():
    data = sample_pack(employee="አበበ በቀለ")  # Ethiopic: in none of the embedded fonts
    with pytest.raises(UnprintableText) as caught:
        build_pack(data, setup_for(data))
    assert "no embedded font can print" in str(caught.value)
    assert "Employee name" in str(caught.value)


def _font_names(pdf: bytes) -> set[str]:
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"].get("/Font", {})
        names |= {str(f.get_object()["/BaseFont"]).split("+")[-1] for f in fonts.values()}
    return names


def test_korean_names_come_back_unchanged_in_nanum_gothic():
    data = sample_pack(
        employee="김민준",
        participants=(Participant("김민준", "Employee"), Participant("이서연", "Manager")),
        observations=(  # an observation's author is set in a bold sub-heading
            ObservationEntry(
                sample_pack().meeting_date, "이서연", "팀장", "김민준 씨와 주간 점검 회의를 했다."
            ),
        ),
    )
    data = replace(data, case=replace(data.case, manager="이서연", department="영업부"))
    pdf = build_pack(data, setup_for(data))
    text = pdf_text(pdf)
    for words in (
        "김민준",
        "이서연",
        "영업부",
        "이서연, 팀장",
        "김민준 씨와 주간 점검 회의를 했다.",
    ):
        assert words in text, words
    assert "\x00" not in text and "\ufffd" not in text
    assert {"NanumGothic", "NanumGothicBold"} <= _font_names(pdf)


def test_problems_are_reported_for_every_field_at_once():
    data = sample_pack(meeting_place="Büro \u0007", agenda=("Welcome", "ܢܩܫ"))
    with pytest.raises(UnprintableText) as caught:
        build_pack(data, setup_for(data))
    fields = [p.field for p in caught.value.problems]
    assert "Meeting place" in fields
    assert "Agenda 2" in fields


def test_decomposed_diacritics_print_as_the_composed_letters():
    nfd = "Zoe\u0308 A\u030angstro\u0308m"
    data = sample_pack(employee=nfd)
    assert "Zoë Ångström" in pdf_text(build_pack(data, setup_for(data)))


def test_long_text_wraps_and_long_tables_repeat_their_header():
    huge = ConversationEntry(
        sample_pack().conversations[0].held_on,
        "Coaching",
        LONG_TEXT * 3,
        agreed_actions=(LONG_TEXT,),
    )
    data = sample_pack(many_stage_changes=90, conversations=(huge,))
    data = replace(
        data, indicators=tuple(replace(i, note=LONG_TEXT * 2) for i in data.indicators)
    )  # cells taller than a page
    pages = pdf_pages(build_pack(data, setup_for(data)))
    timeline_pages = [p for p in pages if "Reason 4" in p or "Reason 60" in p or "Reason 89" in p]
    assert len(timeline_pages) >= 2
    header_pages = [p for p in pages if "Decided by" in p and "Approved by" in p]
    assert len(header_pages) >= 3  # the stage-change table's header repeats on each page
    text = "\n".join(pages)
    assert "Reason 89: targets missed three weeks running." in text.replace("\n", " ")


def test_empty_sections_say_so_in_words():
    data = sample_pack(
        many_stage_changes=0,
        decisions=(),
        exceptions=(),
        conversations=(),
        indicators=(),
        observations=(),
        plan=None,
        reviews=(),
        agenda=(),
    )
    text = pdf_text(build_pack(data, setup_for(data)))
    for words in (
        "No stage changes recorded",
        "No exceptions recorded",
        "No conversations documented",
        "No indicators recorded",
        "No coaching plan recorded",
        "No earlier reviews recorded",
        "No agenda set",
    ):
        assert words in text


def test_the_chart_plots_measured_against_expected():
    data = sample_pack()
    text = pdf_text(build_pack(data, setup_for(data)))
    chart = text[text.find("Measured against expected over time") :]
    assert "Tickets closed (tickets/week)" in chart
    assert "Expected" in chart and "Measured" in chart
    assert "5 Jan" in chart  # date axis labels


def test_every_meeting_type_titles_the_cover():
    for meeting in MeetingType:
        data = sample_pack(meeting=meeting)
        assert meeting.label in pdf_pages(build_pack(data, setup_for(data)))[0]


def test_aes256_protection_opens_only_with_the_password(pack_pdf):
    from pypdf import PdfReader

    protected = encrypt_pdf(pack_pdf, "a long pdf password")
    reader = PdfReader(io.BytesIO(protected))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"]
    assert encrypt["/V"] == 5 and encrypt["/R"] == 6  # AES-256 (PDF 2.0 / ISO 32000-2)
    assert not PdfReader(io.BytesIO(protected)).decrypt("wrong password")
    assert pdf_pages(protected, "a long pdf password") == pdf_pages(pack_pdf)


def test_a_short_pdf_password_is_refused(pack_pdf):
    with pytest.raises(DocumentError, match="at least 8"):
        encrypt_pdf(pack_pdf, "short")


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_no_structural_errors(tmp_path, pack_pdf):
    plain = tmp_path / "pack.pdf"
    plain.write_bytes(pack_pdf)
    protected = tmp_path / "protected.pdf"
    protected.write_bytes(encrypt_pdf(pack_pdf, "a long pdf password"))
    for path, extra in ((plain, []), (protected, ["--password=a long pdf password"])):
        done = subprocess.run(
            ["qpdf", *extra, "--check", str(path)], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "No syntax or stream encoding errors" in done.stdout
