"""Redacted summaries name nobody, and the verifier proves it on the file itself."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date

import pytest

from app.documents.pdf.pack_data import ConversationEntry, ObservationEntry
from app.documents.pdf.page_template import PageSetup
from app.documents.redaction.identifiers import IdentifierIndex, TextRedactor, skeleton
from app.documents.redaction.redaction import (
    GENERALISED_DEPARTMENT,
    RedactionOptions,
    UnknownField,
    build_redacted_pdf,
    redact,
)
from app.documents.redaction.redaction_verifier import (
    RedactionRefused,
    require_clean,
    verify_export,
    verify_pdf,
    verify_texts,
)
from app.domain.identities import PersonIdentity
from tests.document_samples import SCRIPT_NAMES, pdf_text, sample_pack

# People whose identifiers are easy to miss: diacritics, non-Latin scripts, short parts,
# apostrophes and hyphens, e-mails and employee numbers with punctuation.
TRICKY = [
    PersonIdentity(SCRIPT_NAMES["polish"], "lukasz.zolc@example.com", "E1001", "employee"),
    PersonIdentity(SCRIPT_NAMES["turkish"], "sukru@example.com.tr", "TR-2019/44", "employee"),
    PersonIdentity(SCRIPT_NAMES["vietnamese"], "huong@example.vn", "E1002", "employee"),
    PersonIdentity(SCRIPT_NAMES["greek"], "", "E1003", "officer"),
    PersonIdentity(SCRIPT_NAMES["cyrillic"], "ivan@example.ru", "E1004", "employee"),
    PersonIdentity(SCRIPT_NAMES["chinese"], "", "E1005", "employee"),
    PersonIdentity(SCRIPT_NAMES["japanese"]),
    PersonIdentity("Li Na", "", "000123", "employee"),
    PersonIdentity("Seán O'Brien", "sean.obrien@example.ie", "E1006", "employee"),
    PersonIdentity("Maria Nowak", kind="officer"),
    PersonIdentity("Peer reviewer"),  # a role typed where a name goes: not a person
]
TODAY = date(2026, 3, 16)
KOREAN = [
    PersonIdentity("김민준", "", "E2001", "employee"),
    PersonIdentity("이서연", "", "E2002", "employee"),
    PersonIdentity("박지훈", kind="officer"),
]


@pytest.fixture(scope="module")
def index() -> IdentifierIndex:
    return IdentifierIndex(TRICKY)


def _setup() -> PageSetup:
    return PageSetup(
        reference="C-2026-0007",
        generated_on=TODAY,
        deterministic=True,
        marking="Confidential – redacted summary",
    )


def _names_free_text() -> ConversationEntry:
    return ConversationEntry(
        date(2026, 1, 12),
        "Coaching",
        "LUKASZ ZOLC said Nguyen Thi Huong moved his deadlines; Li Na agreed. Call him on "
        "+48 601 234 567 or mail lukasz.zolc@example.com (badge E1001, ref TR-2019/44). "
        "李小龙 and 佐藤花子 attended. O'Brien was told on 2026-01-12.",
        agreed_actions=("Seán to pair with Ivan Petrov", "Maria Nowak books training"),
    )


def test_structured_summary_names_nobody_in_any_format(index):
    summary = redact(sample_pack(), index, RedactionOptions(), TODAY)
    pdf = build_redacted_pdf(summary, _setup())
    for kind, payload in (
        ("pdf", pdf),
        ("csv", summary.to_csv().encode()),
        ("json", summary.to_json().encode()),
    ):
        report = verify_export(payload, kind, index)
        assert report.ok, (kind, [str(f) for f in report.findings])
        assert report.checked > 10
    text = pdf_text(pdf)
    assert "Employee A" in text and "Manager B" in text
    assert "Redacted case summary" in text
    for name in SCRIPT_NAMES.values():
        assert name not in text


def test_by_default_only_structured_facts_go_in(index):
    summary = redact(sample_pack(), index, RedactionOptions(), TODAY)
    text = summary.to_json()
    assert "targets missed" not in text and "Hand-overs" not in text
    assert "backlog" not in text.lower()
    assert [r.label for r in summary.indicators] == ["Missed target", "Quality gap"]
    assert [r.count for r in summary.indicators] == [5, 1]
    assert summary.stage_history[0].decided_by.startswith("HR officer")
    assert summary.reviews[0].what == "Formal review: Continue the plan"
    assert summary.exceptions and summary.objectives[0].label == "Output"
    assert summary.free_text == ()


def test_pseudonyms_are_stable_within_an_export(index):
    summary = redact(sample_pack(), index, RedactionOptions(), TODAY)
    assert summary.employee == "Employee A"
    sponsor = summary.stage_history[0].approvals[0]
    assert sponsor.startswith("Executive sponsor ")
    assert {s.approvals[0] for s in summary.stage_history} == {sponsor}
    assert summary.decisions[0].who == sponsor
    assert len({p for p, _ in summary.people}) == len(summary.people)


def test_included_free_text_has_names_contacts_and_numbers_replaced(index):
    data = sample_pack(conversations=(_names_free_text(),))
    options = RedactionOptions(include=frozenset({"conversation_summaries", "agreed_actions"}))
    summary = redact(data, index, options, TODAY)
    text = " ".join(e.detail for e in summary.free_text)
    for gone in (
        "LUKASZ",
        "ZOLC",
        "Nguyen",
        "Huong",
        "Li Na",
        "601 234",
        "example.com",
        "E1001",
        "TR-2019/44",
        "李小龙",
        "佐藤",
        "O'Brien",
        "Seán",
        "Maria",
        "Nowak",
    ):
        assert gone not in text, gone
    assert "Employee A said" in text  # the employee's name became their pseudonym
    assert "[phone]" in text and "[e-mail]" in text and "[employee number]" in text
    assert "2026-01-12" in text  # dates are not phone numbers
    pdf = build_redacted_pdf(summary, _setup())
    assert verify_pdf(pdf, index).ok
    require_clean(summary.to_csv().encode(), "csv", index)


def test_departments_can_be_generalised(index):
    summary = redact(sample_pack(), index, RedactionOptions(generalise_departments=True), TODAY)
    assert summary.department == GENERALISED_DEPARTMENT
    assert "Operations" not in summary.to_csv()
    kept = redact(sample_pack(), index, RedactionOptions(), TODAY)
    assert kept.department == "Operations"


def test_unknown_include_fields_are_refused_with_the_list():
    with pytest.raises(UnknownField, match="conversation_summaries"):
        RedactionOptions(include=frozenset({"salary"}))


# -- the verifier's own negative controls ------------------------------------------------


def _pdf_with(draw) -> bytes:  # noqa: ANN001 - a canvas callback
    from reportlab.pdfgen.canvas import Canvas

    from app.documents.pdf.fonts import SANS, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont(SANS, 11)
    canvas.drawString(72, 720, "Redacted case summary: Employee A, Manager B.")
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_negative_control_a_name_under_a_black_box_is_caught(index):
    def hide_name(canvas) -> None:  # noqa: ANN001
        canvas.drawString(72, 700, "Escalated by Maria Nowak on 2026-01-05")
        canvas.setFillColorRGB(0, 0, 0)
        canvas.rect(140, 695, 90, 16, stroke=0, fill=1)  # "redacted" by drawing over it

    report = verify_pdf(_pdf_with(hide_name), index)
    assert not report.ok
    assert {f.kind for f in report.findings} == {"name"}
    with pytest.raises(RedactionRefused, match="nothing was written"):
        require_clean(_pdf_with(hide_name), "pdf", index)


def test_a_clean_control_pdf_passes(index):
    assert verify_pdf(_pdf_with(lambda canvas: None), index).ok


@pytest.mark.parametrize("where", ["title", "annotation", "outline", "white text"])
def test_names_outside_the_page_text_are_caught(index, where):
    def draw(canvas) -> None:  # noqa: ANN001
        if where == "title":
            canvas.setTitle("Summary for Иван Петров")
        elif where == "annotation":
            canvas.textAnnotation("Ask lukasz.zolc@example.com", Rect=(72, 600, 200, 640))
        elif where == "outline":
            canvas.bookmarkPage("p1")
            canvas.addOutlineEntry("Case of 李小龙", "p1")
        else:
            canvas.setFillColorRGB(1, 1, 1)
            canvas.drawString(72, 650, "E1003")

    report = verify_pdf(_pdf_with(draw), index)
    assert not report.ok, where


def _found(index: IdentifierIndex, text: str) -> bool:
    """Whether the redactor replaces something in ``text``; the verifier must agree."""
    redacted = TextRedactor(index, {}).redact(text) != text
    verified = not verify_texts([("test", text)], index).ok
    assert redacted == verified, (text, redacted, verified)
    return redacted


def test_diacritic_free_and_differently_cased_spellings_are_caught(index):
    for text in (
        "lukasz zolc",
        "ŁUKASZ",
        "Sukru Ozturk",
        "nguyen",
        "PETROV",
        "o'brien",
        "li na",
        "LUKASZ.ZOLC@EXAMPLE.COM",
        "e1001",
        "tr-2019/44",
    ):
        assert _found(index, text), text


def test_words_that_merely_contain_a_name_are_not_names(index):
    for text in (
        "annual review",
        "Petrovich Street",
        "renowned",
        "E10010",
        "Lina",
        "peer reviewer feedback",
        "page 1 of 3",
    ):
        assert not _found(index, text), text


def test_the_printed_chain_head_is_not_a_phone_number_however_it_wraps(index):
    # Seen in CI: the head's 64 hex digits wrapped as 16 + 16 + 32, whose last group begins with
    # eight digits; the old pattern knew only 64 or 16 together and refused a clean summary.
    digest = "98af174e991e3e810bc01495ff23324170465949fb80914eb1d2c1c60610d6de"
    groups = [digest[i : i + 16] for i in range(0, 64, 16)]
    for text in (
        f"event 30, hash {digest}",
        f"event 30, hash {digest[:16]}",
        "event 30, hash " + " ".join(groups),
        f"event 30, hash {groups[0]} {groups[1]} {groups[2]}{groups[3]}",
        f"event 30, hash {groups[0]}\n{groups[1]}\n{groups[2]}{groups[3]}",
    ):
        assert verify_texts([("footer", text)], index).ok, text
    # A phone number beside the head, or hex of another length, is still found.
    assert not verify_texts([("footer", f"hash {digest} +44 20 7946 0958")], index).ok
    assert not verify_texts([("footer", "ref 70465949fb80914")], index).ok


def test_json_escapes_and_csv_cells_are_checked_after_decoding(index):
    escaped = json.dumps({"note": "met Иван Петров"}, ensure_ascii=True).encode()
    assert "Иван".encode() not in escaped  # the raw bytes hide the name ...
    assert not verify_export(escaped, "json", index).ok  # ... the parser does not
    assert not verify_export(b"who\nHuong\n", "csv", index).ok


def test_the_verifier_refuses_to_vouch_without_identifiers():
    with pytest.raises(ValueError, match="no identifiers"):
        require_clean(b"{}", "json", IdentifierIndex([]))


def test_text_redactor_collapses_repeated_pseudonyms(index):
    redactor = TextRedactor(index, {skeleton(SCRIPT_NAMES["polish"]): "Employee A"})
    assert redactor.redact("Łukasz Żółć-Wiśniewski agreed") == "Employee A agreed"


def test_observer_written_as_a_role_is_not_treated_as_a_person(index):
    data = sample_pack(
        observations=(
            ObservationEntry(
                date(2026, 2, 3), "Peer reviewer", "peer", "Peer reviewer notes: fine."
            ),
        )
    )
    summary = redact(data, index, RedactionOptions(include=frozenset({"observations"})), TODAY)
    assert verify_pdf(build_redacted_pdf(summary, _setup()), index).ok
    assert "Peer reviewer notes" in summary.free_text[0].detail


def test_a_record_that_still_names_someone_is_refused(index):
    data = sample_pack()
    data = replace(data, case=replace(data.case, department="Team Kowalski"))
    people = [*TRICKY, PersonIdentity("Jan Kowalski", kind="employee")]
    strict = IdentifierIndex(people)
    summary = redact(data, strict, RedactionOptions(), TODAY)
    assert summary.department == "Team [name]"  # redacted even in a kept department
    assert verify_pdf(build_redacted_pdf(summary, _setup()), strict).ok


# -- Korean: names carry particles ("김민준은"), so they match inside words -------------------


def test_korean_names_match_with_a_particle_attached_and_nowhere_else():
    index = IdentifierIndex(KOREAN)
    # A given name alone is how colleagues speak of each other: it identifies too.
    for text in (
        "김민준은 왔다",
        "이서연과 함께",
        "박지훈 씨",
        "김 민준",
        "민준",
        "서연이",
        "Minjun",
    ):
        assert _found(index, text), text
    for text in ("김치와 이야기", "주간 점검 회의", "민속 박물관"):
        assert not _found(index, text), text


def test_korean_summary_prints_korean_and_names_nobody():
    index = IdentifierIndex([*TRICKY, *KOREAN])
    talk = ConversationEntry(
        date(2026, 1, 12),
        "Coaching",
        "김민준은 이서연과 주간 점검 회의를 했다. 박지훈 씨도 참석했다.",
        agreed_actions=("김민준 님이 매주 금요일에 보고서를 제출한다",),
    )
    data = sample_pack(employee="김민준", conversations=(talk,))
    data = replace(data, case=replace(data.case, department="영업부", manager="이서연"))
    options = RedactionOptions(include=frozenset({"conversation_summaries", "agreed_actions"}))
    summary = redact(data, index, options, TODAY)
    pdf = build_redacted_pdf(summary, _setup())
    text = " ".join(pdf_text(pdf).split())
    for gone in ("김민준", "이서연", "박지훈"):
        assert gone not in text, gone
    for kept in (
        "영업부",
        "Employee A은 Manager B과 주간 점검 회의를 했다. [name] 씨도 참석했다.",
        "Employee A 님이 매주 금요일에 보고서를 제출한다",
    ):
        assert kept in text, kept
    assert verify_pdf(pdf, index).ok
    require_clean(summary.to_csv().encode(), "csv", index)


def test_negative_control_a_korean_name_drawn_in_nanum_gothic_is_caught():
    from app.documents.pdf.fonts import HANGUL, hangul_coverage

    hangul_coverage()  # reads and registers Nanum Gothic

    def korean(line: str):  # noqa: ANN202 - a canvas callback
        def draw(canvas) -> None:  # noqa: ANN001
            canvas.setFont(HANGUL, 11)
            canvas.drawString(72, 700, line)

        return draw

    index = IdentifierIndex(KOREAN)
    assert verify_pdf(_pdf_with(korean("주간 점검: Employee A은 참석했다")), index).ok
    report = verify_pdf(_pdf_with(korean("주간 점검: 김민준은 참석했다")), index)
    assert not report.ok
    assert {f.kind for f in report.findings} == {"name"}


def test_the_verifier_does_not_use_the_redactors_matcher():
    """It may take the list of people from the index, nothing else of the redactor."""
    import ast
    import inspect

    from app.documents.redaction import redaction_verifier

    tree = ast.parse(inspect.getsource(redaction_verifier))
    imported = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    from_redactor = {(m, n) for m, n in imported if m and ("identifiers" in m or "name_forms" in m)}
    assert from_redactor == {("app.documents.redaction.identifiers", "IdentifierIndex")}
    source = inspect.getsource(redaction_verifier)
    assert ".forms" not in source and "by_first" not in source and "TextRedactor" not in source


def test_a_refusal_names_the_field_and_the_class_never_the_identifier(index):
    data = sample_pack()
    data = replace(data, case=replace(data.case, department="Team of Jan Kowalski"))
    people = [*TRICKY, PersonIdentity("Jan Kowalski", "jan.k@example.pl", kind="employee")]
    strict = IdentifierIndex(people)
    summary = redact(data, strict, RedactionOptions(), TODAY)
    leaked = replace(summary, department="Team of Jan Kowalski (jan.k@hr)")  # planted
    with pytest.raises(RedactionRefused) as refused:
        require_clean(build_redacted_pdf(leaked, _setup()), "pdf", strict)
    message = str(refused.value)
    assert "a name of an employee in 'Department' (page 1)" in message
    assert "an e-mail address in 'Department' (page 1)" in message
    for secret in ("Jan", "Kowalski", "jan.k", "@hr"):
        assert secret not in message


def test_a_name_broken_over_two_lines_is_still_caught():
    """Negative control: reportlab breaks a word too long for its column anywhere."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate, Table

    from app.documents.pdf.fonts import SANS, data_paragraph, register_fonts

    register_fonts()
    style = ParagraphStyle("narrow", fontName=SANS, fontSize=9, leading=11)
    buffer = io.BytesIO()
    cell = data_paragraph("Wojciechowski-Szczepańska", style)
    table = Table([[cell]], colWidths=[40])
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), SANS)])
    SimpleDocTemplate(buffer).build([table])
    assert "Wojciechowski" not in pdf_text(buffer.getvalue()).replace("-", " ").split()
    strict = IdentifierIndex([PersonIdentity("Ewa Wojciechowski", kind="employee")])
    report = verify_pdf(buffer.getvalue(), strict)
    assert not report.ok and {f.kind for f in report.findings} == {"name"}


def test_the_calibration_report_passes_for_people_named_like_its_words(services):
    from app.documents.pdf.calibration_report import render_calibration_pdf
    from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report
    from tests.factories import open_case

    for number, name in enumerate(("Al Xu", "Anna Total", "Mark Small", "Root Cases"), 1):
        open_case(services, name=name, number=f"C{number:04d}")
    report = calibration_report(
        services.vault.conn, Request(date(2025, 1, 1), TODAY), CalibrationPolicy(1, 1.5)
    )
    pdf = render_calibration_pdf(report)
    require_clean(pdf, "pdf", services.documents.identifier_index())
    assert "Root causes in closed cases" in " ".join(pdf_text(pdf).split())


def test_a_name_in_the_calibration_reports_data_is_still_caught(services):
    """Negative control: its headings are template text, a group written as a name is not."""
    from app.documents.pdf.calibration_report import render_calibration_pdf
    from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report
    from tests.factories import open_case

    for number, name in enumerate(("Al Xu", "Anna Total", "Mark Small", "Root Cases"), 1):
        open_case(services, name=name, number=f"C{number:04d}")
    report = calibration_report(
        services.vault.conn, Request(date(2025, 1, 1), TODAY), CalibrationPolicy(1, 1.5)
    )
    report["root_causes"]["rows"][0]["group"] = "Root Cases"
    found = verify_pdf(render_calibration_pdf(report), services.documents.identifier_index())
    assert [(f.kind, f.person_kind) for f in found.findings] == [("name", "employee")]
