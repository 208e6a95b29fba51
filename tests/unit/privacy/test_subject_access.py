"""Subject access: the export holds every record kind about the employee, names no one else,
is audited without content, and is written 0600 in a 0700 folder with the files themselves."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pytest
from pypdf import PdfReader

from app.domain.attachments import AttachmentOwner
from app.domain.records import Decision, Role
from app.services.demo import DEMO_PASSPHRASE, build_demo
from tests.factories import conversation, employee, indicator, observation, open_case


def _pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def test_every_record_kind_and_no_other_name(services, tmp_path):
    services.employees.add(employee("E2002", "Brygida Wiśniewska", manager="Ola Nordmann"))
    case = open_case(services, "Zoë Ångström", "E1001")
    other = open_case(services, "Brygida Wiśniewska", "E2002")
    conv = services.cases.add(
        conversation(
            case,
            date(2026, 3, 3),
            summary="Zoë said Brygida Wiśniewska covers her Friday calls; agreed on a new rota.",
            attendees=("Zoë Ångström", "Ola Nordmann", "Brygida Wiśniewska"),
        )
    )
    services.cases.add(indicator(case, date(2026, 3, 4), metric="Calls answered"))
    services.cases.add(
        observation(case, date(2026, 3, 5), author="Brygida Wiśniewska", text="Rota works.")
    )
    services.cases.add(
        Decision(
            case_id=case.id,
            decided_on=date(2026, 3, 6),
            decided_by="Ola Nordmann",
            role=Role.MANAGER,
            summary="Keep the new rota for a month.",
        )
    )
    services.cases.add(observation(other, date(2026, 3, 5), text="About someone else entirely."))
    services.attachments.add_bytes(
        AttachmentOwner.CONVERSATION, conv.id, "rota notes.txt", b"rota: Mon Tue Wed"
    )
    folder = tmp_path / "sar"
    result = services.subject_access.export(case.employee_id, folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in folder.rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path
    (copied,) = (folder / "attachments").rglob("*.txt")
    assert copied.read_bytes() == b"rota: Mon Tue Wed"

    text = _pdf_text(result.pdf)
    data = json.loads(result.json.read_text("utf-8"))
    whole = json.dumps(data, ensure_ascii=False)
    for words in ("Zoë Ångström", "E1001", "Calls answered", "Rota works.",
                  "Keep the new rota for a month.", "agreed on a new rota", "rota notes.txt",
                  "Conversations", "Performance indicators", "Observations", "Decisions",
                  "Stage history"):  # fmt: skip
        assert words in text, words
        assert words in whole, words
    for name in ("Brygida", "Wiśniewska", "Ola", "Nordmann", "Hana", "E2002"):
        assert name not in text, name
        assert name not in whole, name
    assert "About someone else entirely." not in whole  # another employee's case
    assert result.cases == 1 and result.files == 1
    (event,) = [e for e in services.vault.audit_events() if e.action == "employee.subject_access"]
    assert event.entity_id == str(case.employee_id)
    assert services.vault.verify().ok


def test_fonts_are_embedded_and_every_table_appears(tmp_path_factory):
    svc = build_demo(tmp_path_factory.mktemp("demo") / "demo.casepath", DEMO_PASSPHRASE)
    try:
        conn = svc.vault.conn
        emp_id = conn.scalar(
            "SELECT employee_id FROM cases c ORDER BY (SELECT count(*) FROM reviews r"
            " WHERE r.case_id = c.id) + (SELECT count(*) FROM attachments a"
            " WHERE a.case_id = c.id) DESC LIMIT 1"
        )
        result = svc.subject_access.export(int(emp_id), tmp_path_factory.mktemp("out") / "sar")
        reader = PdfReader(io.BytesIO(result.pdf.read_bytes()))
        fonts = set()
        for page in reader.pages:
            for f in (page["/Resources"].get("/Font") or {}).values():
                font = f.get_object()
                descriptor = font.get("/FontDescriptor")
                assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font
                fonts.add(str(font["/BaseFont"]))
        assert fonts
        text = _pdf_text(result.pdf)
        for title in ("Coaching plans", "Formal reviews", "Review outcomes", "Attached files"):
            assert title in text
        assert result.files >= 1 and result.records > 10
        assert not re.search(r"\d{4}-\d{2}-\d{2}T\d", text)
    finally:
        svc.close()


def test_a_folder_that_is_not_empty_is_refused(services, tmp_path):
    case = open_case(services)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    from app.services.privacy.subject_access_service import SubjectAccessError

    with pytest.raises(SubjectAccessError, match="not an empty folder"):
        services.subject_access.export(case.employee_id, tmp_path / "full")
