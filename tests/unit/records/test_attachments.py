"""Attachments: stored encrypted in the vault, size-limited, audited, opened privately."""

from __future__ import annotations

import hashlib
import os
import stat
import sys

import pytest

from app.domain.attachments import AttachmentOwner
from app.services.documents.attachment_service import (
    DEFAULT_MAX_BYTES,
    AttachmentError,
    AttachmentService,
    AttachmentTooLarge,
    guess_media_type,
)
from app.services.documents.private_temp_dir import PREFIX, PrivateTempDir, sweep_stale
from app.services.services import open_vault
from app.vault.errors import IntegrityError, NotFound
from tests.factories import conversation, indicator, observation, open_case

PDF = b"%PDF-1.7\n" + b"evidence of missed deadlines " * 100 + b"\n%%EOF\n"
CONV = AttachmentOwner.CONVERSATION


@pytest.fixture
def conv(services, clock):
    case = open_case(services)
    return services.cases.add(conversation(case, clock.today()))


@pytest.fixture
def attachments(services, tmp_path):
    svc = AttachmentService(
        services.vault, services.clock, temp_dir=PrivateTempDir(base=tmp_path / "private")
    )
    (tmp_path / "private").mkdir()
    yield svc
    svc.cleanup()


def test_services_offer_attachments(services):
    assert isinstance(services.attachments, AttachmentService)
    assert services.attachments.max_bytes == DEFAULT_MAX_BYTES == 25 * 1024 * 1024


def test_attach_file_lists_and_reads_back(services, attachments, conv, tmp_path):
    src = tmp_path / "Zoë notes 2026.pdf"
    src.write_bytes(PDF)
    att = attachments.add_file(CONV, conv.id, src)
    assert att.id is not None
    assert (att.case_id, att.filename, att.size) == (conv.case_id, "Zoë notes 2026.pdf", len(PDF))
    assert att.media_type == "application/pdf"
    assert att.sha256 == hashlib.sha256(PDF).hexdigest()
    assert att.added_by == "Hana Officer"
    assert attachments.for_owner(CONV, conv.id) == [att]
    assert attachments.for_case(conv.case_id) == [att]
    assert attachments.counts_for_case(conv.case_id) == {(CONV, conv.id): 1}
    assert attachments.content(att.id) == PDF
    event = services.vault.audit_events("attachment", att.id)[-1]
    assert event.action == "attachment.add"


def test_every_owner_kind(services, attachments, conv, clock):
    case = services.cases.get(conv.case_id)
    ind = services.cases.add(indicator(case, clock.today()))
    obs = services.cases.add(observation(case, clock.today()))
    a = attachments.add_bytes(
        AttachmentOwner.INDICATOR, ind.id, "report.png", b"\x89PNG\r\n\x1a\n..."
    )
    b = attachments.add_bytes(AttachmentOwner.OBSERVATION, obs.id, "mail.eml", b"From: x\n")
    assert a.media_type == "image/png"
    assert b.media_type == "message/rfc822"
    assert len(attachments.for_case(case.id)) == 2


def test_content_is_encrypted_at_rest(services, attachments, conv, vault_path, passphrase):
    marker = b"UNIQUE-EVIDENCE-MARKER-7f3a" * 50
    attachments.add_bytes(CONV, conv.id, "marker.txt", marker)
    services.close()
    raw = vault_path.read_bytes()
    assert b"UNIQUE-EVIDENCE-MARKER" not in raw
    assert b"marker.txt" not in raw
    reopened = open_vault(vault_path, passphrase)
    try:
        (att,) = reopened.attachments.for_case(conv.case_id)
        assert reopened.attachments.content(att.id) == marker
    finally:
        reopened.close()


def test_size_limit_has_a_clear_message(services, conv, tmp_path):
    small = AttachmentService(services.vault, services.clock, max_bytes=1000)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(AttachmentTooLarge) as info:
        small.add_file(CONV, conv.id, big)
    message = str(info.value)
    assert "scan.pdf is 1001 bytes" in message
    assert "at most 1000 bytes" in message
    assert "Compress" in message
    with pytest.raises(AttachmentTooLarge, match="at most 25.0 MB"):
        services.attachments.check_size("video.mp4", 25 * 1024 * 1024 + 1)
    services.attachments.check_size("ok.pdf", 25 * 1024 * 1024)  # exactly the limit is fine
    assert small.for_case(conv.case_id) == []


def test_bad_inputs_are_refused_plainly(attachments, conv, tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(AttachmentError, match="empty"):
        attachments.add_file(CONV, conv.id, empty)
    with pytest.raises(AttachmentError, match="not a file"):
        attachments.add_file(CONV, conv.id, tmp_path)
    with pytest.raises(NotFound, match="No conversation with id 999"):
        attachments.add_bytes(CONV, 999, "x.pdf", PDF)


def test_closed_case_refuses_new_attachments(services, attachments, conv):
    from dataclasses import replace

    from app.domain.records import CaseStatus

    case = services.cases.get(conv.case_id)
    with services.vault.write() as w:
        services.vault.cases.update(
            replace(case, status=CaseStatus.CLOSED, closed_on=services.clock.today())
        )
        w.audit("case.close", "case", case.id, {})
    with pytest.raises(IntegrityError, match="closed"):
        attachments.add_bytes(CONV, conv.id, "late.pdf", PDF)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_open_for_viewing_is_private_and_cleaned_up(attachments, conv):
    att = attachments.add_bytes(CONV, conv.id, "Zoë Ångström warning.pdf", PDF)
    path = attachments.open_for_viewing(att.id)
    assert path.read_bytes() == PDF
    assert path.name == f"attachment-{att.id}.pdf"  # no names in file names
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.parent.name.startswith(PREFIX)
    again = attachments.open_for_viewing(att.id)
    assert again == path
    attachments.close_case(conv.case_id)
    assert not path.exists()
    path = attachments.open_for_viewing(att.id)
    folder = path.parent
    attachments.cleanup()
    assert not path.exists() and not folder.exists()
    attachments.cleanup()  # twice is harmless


def test_lock_removes_viewing_copies(services, conv, tmp_path):
    services.attachments.temp = PrivateTempDir(base=tmp_path)
    att = services.attachments.add_bytes(CONV, conv.id, "evidence.pdf", PDF)
    path = services.attachments.open_for_viewing(att.id)
    assert path.exists()
    services.close()  # locking closes the services
    assert not path.exists()


def test_scripts_are_not_opened_but_can_be_saved(attachments, conv, tmp_path):
    att = attachments.add_bytes(CONV, conv.id, "run-me.sh", b"#!/bin/sh\necho hi\n")
    with pytest.raises(AttachmentError, match="Save as"):
        attachments.open_for_viewing(att.id)
    out = attachments.save_as(att.id, tmp_path / "copy.sh")
    assert out.read_bytes() == b"#!/bin/sh\necho hi\n"


def test_save_as_writes_where_asked_and_is_audited(services, attachments, conv, tmp_path):
    att = attachments.add_bytes(CONV, conv.id, "evidence.pdf", PDF)
    target = tmp_path / "out" / "evidence copy.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    assert attachments.save_as(att.id, target) == target
    assert target.read_bytes() == PDF
    assert [p.name for p in target.parent.iterdir()] == ["evidence copy.pdf"]
    assert services.vault.audit_events("attachment", att.id)[-1].action == "attachment.save_as"
    with pytest.raises(AttachmentError, match="does not exist"):
        attachments.save_as(att.id, tmp_path / "missing" / "x.pdf")
    with pytest.raises(AttachmentError, match="is a folder"):
        attachments.save_as(att.id, tmp_path)


def test_tampered_content_is_refused(services, attachments, conv):
    att = attachments.add_bytes(CONV, conv.id, "evidence.pdf", PDF)
    services.vault.conn.execute(
        "UPDATE attachments SET content = ? WHERE id = ?", (b"%PDF forged", att.id)
    )
    with pytest.raises(IntegrityError, match="does not match its checksum"):
        attachments.content(att.id)
    with pytest.raises(IntegrityError):
        attachments.open_for_viewing(att.id)


def test_remove_is_audited_and_follows_the_owner(services, attachments, conv):
    att = attachments.add_bytes(CONV, conv.id, "a.pdf", PDF)
    attachments.remove(att.id)
    assert attachments.for_case(conv.case_id) == []
    assert services.vault.audit_events("attachment", att.id)[-1].action == "attachment.remove"
    with pytest.raises(NotFound):
        attachments.remove(att.id)
    # Deleting the owning record (e.g. a future "delete conversation") takes its files along.
    attachments.add_bytes(CONV, conv.id, "b.pdf", PDF)
    with services.vault.write() as w:  # an audited delete: the cascade is sealed too
        services.vault.conn.execute("DELETE FROM conversations WHERE id = ?", (conv.id,))
        w.audit("conversation.delete", "conversation", conv.id, {})
    assert attachments.for_case(conv.case_id) == []
    assert services.vault.audit_events()[-1].action == "record.delete"
    assert services.vault.verify().ok


def test_export_and_import_round_trip(services, attachments, conv, tmp_path, clock):
    from app.domain.records import Officer
    from app.services.services import create_vault

    att = attachments.add_bytes(CONV, conv.id, "evidence.pdf", PDF)
    exported = attachments.export_case(conv.case_id)
    assert exported[0]["owner_uid"] == conv.uid
    assert attachments.check_entry(exported[0]) == []
    other = create_vault(
        tmp_path / "other.casepath", "another long passphrase", Officer(name="Ola"), clock=clock
    )
    try:
        case = open_case(other)
        with pytest.raises(AttachmentError, match="import the case's records first"):
            other.attachments.import_entry(exported[0])
        other.cases.add(conversation(case, clock.today(), uid=conv.uid))
        stored = other.attachments.import_entry(exported[0])
        assert stored.uid == att.uid and stored.filename == "evidence.pdf"
        assert other.attachments.content(stored.id) == PDF
        assert other.attachments.import_entry(exported[0]) is None  # re-import: no duplicate
        damaged = dict(exported[0], content="JVBERi0=")
        assert "does not match its checksum" in other.attachments.check_entry(damaged)[0]
        assert other.attachments.check_entry({"uid": "x"})[0] == "owner_type is missing"
    finally:
        other.close()


def test_stale_private_dirs_from_dead_processes_are_swept(tmp_path):
    if os.name != "posix":
        pytest.skip("the sweep runs on POSIX only")
    dead = tmp_path / f"{PREFIX}999999999-abc"
    dead.mkdir()
    (dead / "attachment-1.pdf").write_bytes(b"left over")
    alive = tmp_path / f"{PREFIX}{os.getpid()}-abc"
    alive.mkdir()
    unrelated = tmp_path / "other-dir"
    unrelated.mkdir()
    assert sweep_stale(tmp_path) == [dead]
    assert not dead.exists() and alive.exists() and unrelated.exists()


def test_media_type_guessing():
    assert guess_media_type("scan", b"%PDF-1.4") == "application/pdf"
    assert guess_media_type("photo.JPG") == "image/jpeg"
    assert guess_media_type("mail.msg") == "application/vnd.ms-outlook"
    assert guess_media_type("letter.docx").startswith("application/vnd.openxmlformats")
    assert guess_media_type("unknown.zzz") == "application/octet-stream"
