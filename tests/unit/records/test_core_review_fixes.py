"""Defects found in the headless-core review: each test failed before its fix."""

from __future__ import annotations

import contextlib

import pytest

from app.cli import main
from app.documents.pdf.pack_data import MeetingType
from app.documents.redaction.redaction import RedactionOptions
from app.domain.attachments import AttachmentOwner
from app.domain.records import Officer
from app.services.documents.document_service import MeetingDetails
from app.services.interchange.interchange import export_to_file
from app.services.services import create_vault
from app.vault.errors import DiskFull
from tests.conftest import PASSPHRASE
from tests.factories import conversation, open_case


@pytest.fixture
def vault_file(services, vault_path, monkeypatch):
    services.close()
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    return vault_path


def _failing_commit(real_write):
    """vault.write() whose commit fails (e.g. a full disk) after the body ran."""

    @contextlib.contextmanager
    def write():
        with real_write() as w:
            yield w
            raise DiskFull()

    return write


def _run(capsys, *args: object) -> tuple[int, str]:
    rc = main([str(a) for a in args])
    return rc, capsys.readouterr().err


def test_export_into_a_missing_folder_is_a_plain_message(vault_file, tmp_path, capsys):
    rc, err = _run(capsys, "export", vault_file, "--out", tmp_path / "nope" / "x.json")
    assert rc == 2, err
    assert "does not exist" in err and "unexpected error" not in err


def test_ics_into_a_missing_folder_is_a_plain_message(vault_file, tmp_path, capsys):
    rc, err = _run(capsys, "ics", vault_file, "--out", tmp_path / "nope" / "x.ics")
    assert rc == 2, err
    assert "does not exist" in err and "unexpected error" not in err


def test_backup_into_a_missing_folder_names_the_folder(vault_file, tmp_path, capsys):
    rc, err = _run(capsys, "backup", vault_file, "--out", tmp_path / "nope" / "b.casepath")
    assert rc == 2
    assert "does not exist" in err and "There is no vault" not in err


def test_agenda_with_an_absurd_horizon_is_refused_plainly(vault_file, capsys):
    with pytest.raises(SystemExit) as done:
        main(["agenda", str(vault_file), "--days", "99999999999"])
    assert done.value.code == 2
    assert "between 0 and" in capsys.readouterr().err


def test_failed_export_leaves_no_plaintext_file_behind(services, tmp_path, monkeypatch):
    """The audit event and the plaintext export stand or fall together."""
    out = tmp_path / "out" / "export.json"
    out.parent.mkdir()

    monkeypatch.setattr(services.vault, "write", _failing_commit(services.vault.write))
    with pytest.raises(DiskFull):
        export_to_file(services, out)
    assert list(out.parent.iterdir()) == []


def test_failed_ics_export_leaves_no_partial_file(services, tmp_path, monkeypatch):
    out = tmp_path / "cal"
    out.mkdir()

    monkeypatch.setattr(services.vault, "write", _failing_commit(services.vault.write))
    with pytest.raises(DiskFull):
        services.reviews.export_ics(out / "r.ics")
    assert list(out.iterdir()) == []


def test_init_in_a_missing_folder_names_the_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CASEPATH_PASSPHRASE", PASSPHRASE)
    rc, err = _run(capsys, "init", tmp_path / "nope" / "v.casepath", "--name", "Ana Officer")
    assert rc == 2
    assert "does not exist" in err and "There is no vault" not in err


def test_a_multi_character_csv_separator_is_a_plain_message(vault_file, tmp_path, capsys):
    csv_file = tmp_path / "staff.csv"
    csv_file.write_text("number,name,department\n1,A,B\n", "utf-8")
    rc, err = _run(capsys, "import-employees", vault_file, csv_file, "--delimiter", ";;")
    assert rc == 2, err
    assert "one character" in err and "unexpected error" not in err


def test_pack_into_a_missing_folder_stores_no_pack(vault_file, tmp_path, capsys):
    from app.services.services import open_vault

    svc = open_vault(vault_file, PASSPHRASE)
    try:
        case = open_case(svc)
    finally:
        svc.close()
    out = tmp_path / "nope" / "pack.pdf"
    rc, err = _run(capsys, "pack", vault_file, case.reference, "--meeting", "review", "--out", out)
    assert rc == 2 and "does not exist" in err
    svc = open_vault(vault_file, PASSPHRASE)
    try:
        assert svc.documents.packs(case.id) == []
    finally:
        svc.close()


@pytest.fixture
def doc_services(tmp_path, clock):
    # An officer whose surname is not a word the redacted output uses (see test_document_service).
    svc = create_vault(
        tmp_path / "docs.casepath", PASSPHRASE, Officer(name="Hana Kowalczyk"), clock=clock
    )
    yield svc
    if svc.vault.is_open:
        svc.close()


def test_pack_export_file_appears_only_with_its_audit_event(doc_services, tmp_path, monkeypatch):
    services = doc_services
    case = open_case(services)
    pack = services.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(services.vault, "write", _failing_commit(services.vault.write))
    with pytest.raises(DiskFull):
        services.documents.export_pack(pack.id, out / "pack.pdf")
    with pytest.raises(DiskFull):
        services.documents.export_redacted(case.id, out / "r.json", RedactionOptions())
    assert list(out.iterdir()) == []


def test_attachment_save_as_appears_only_with_its_audit_event(
    services, clock, tmp_path, monkeypatch
):
    case = open_case(services)
    conv = services.cases.add(conversation(case, clock.today()))
    att = services.attachments.add_bytes(
        AttachmentOwner.CONVERSATION, conv.id, "evidence.pdf", b"%PDF-1.7\nsecret\n%%EOF\n"
    )
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(services.vault, "write", _failing_commit(services.vault.write))
    with pytest.raises(DiskFull):
        services.attachments.save_as(att.id, out / "copy.pdf")
    assert list(out.iterdir()) == []


def test_a_nul_in_the_passphrase_file_is_a_plain_message(vault_file, tmp_path, capsys):
    pf = tmp_path / "pass.txt"
    pf.write_bytes(b"abcdefg\x00hijkl\n")
    rc, err = _run(capsys, "cases", vault_file, "--passphrase-file", pf)
    assert rc == 2, err
    assert "NUL" in err and "unexpected error" not in err


def test_a_passphrase_file_saved_with_a_bom_opens_the_vault(vault_file, tmp_path, capsys):
    pf = tmp_path / "pass.txt"
    pf.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")  # Notepad's UTF-8
    rc, err = _run(capsys, "cases", vault_file, "--passphrase-file", pf)
    assert rc == 0, err


def test_a_passphrase_file_in_another_encoding_is_a_plain_message(vault_file, tmp_path, capsys):
    pf = tmp_path / "pass.txt"
    pf.write_bytes("pässphrase longer".encode("latin-1"))
    rc, err = _run(capsys, "cases", vault_file, "--passphrase-file", pf)
    assert rc == 2, err
    assert "UTF-8" in err and "unexpected error" not in err
