"""Reads that matter leave an event naming the record, never its content."""

from __future__ import annotations

from app.domain.attachments import AttachmentOwner
from app.services.documents.attachment_service import AttachmentService
from app.services.documents.private_temp_dir import PrivateTempDir
from tests.factories import conversation, open_case

PDF = b"%PDF-1.7\nconfidential words\n%%EOF\n"


def test_opening_an_attachment_is_audited(services, tmp_path):
    (tmp_path / "private").mkdir()
    attachments = AttachmentService(
        services.vault, services.clock, temp_dir=PrivateTempDir(base=tmp_path / "private")
    )
    case = open_case(services)
    conv = services.cases.add(conversation(case, services.clock.today()))
    att = attachments.add_bytes(AttachmentOwner.CONVERSATION, conv.id, "notes.pdf", PDF)
    before = services.vault.audit_head()[0]
    path = attachments.open_for_viewing(att.id)
    assert path.read_bytes() == PDF
    opened = services.vault.audit_events()[before:]
    assert [(e.action, e.entity_type, e.entity_id, e.officer) for e in opened] == [
        ("attachment.open", "attachment", str(att.id), "Hana Officer")
    ]
    rows = services.vault.conn.query("SELECT * FROM audit_events")
    assert not any("confidential" in str(v) or "notes.pdf" in str(v) for r in rows for v in r)
    assert services.vault.verify().ok
    attachments.cleanup()


def test_case_view_print_and_summary_reads(services):
    case = open_case(services)
    reads = services.reads
    events = [
        reads.case_opened(case.id),
        reads.summary_viewed(case.id),
        reads.pack_printed(7, "cups", 3),
        reads.pack_viewed(7),
    ]
    assert [e.action for e in events] == [
        "case.view",
        "case.redacted_view",
        "pack.print",
        "pack.view",
    ]
    assert events[0].record_hash is not None  # it names the case as it stood when read
    assert events[2].record_hash == "deleted"  # no pack 7: the event still says which
    assert [e.action for e in services.vault.audit_events()[-4:]] == [e.action for e in events]
