"""The audit chain head leaves the vault on every pack, redacted summary and backup."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.documents.pdf.pack_data import MeetingType
from app.documents.pdf.page_template import grouped_hash
from app.documents.redaction.redaction import RedactionOptions
from app.domain.records import Officer
from app.services.documents.document_service import MeetingDetails
from app.services.services import create_vault
from app.vault.files.restore import inspect_backup
from tests.document_samples import pdf_pages, pdf_text
from tests.factories import conversation, indicator, open_case

PASS = "anchor tests passphrase"


@pytest.fixture
def svc(tmp_path, clock):
    s = create_vault(tmp_path / "a.casepath", PASS, Officer(name="Hana Kowalczyk"), clock=clock)
    yield s
    if s.vault.is_open:
        s.close()


@pytest.fixture
def case(svc):
    c = open_case(svc, opened_on=svc.clock.today() - timedelta(days=20))
    svc.cases.add(conversation(c, svc.clock.today() - timedelta(days=10)))
    svc.cases.add(indicator(c, svc.clock.today() - timedelta(days=9)))
    return c


def test_every_pack_page_prints_the_chain_head_beside_the_integrity_code(svc, case):
    seq, head = svc.vault.audit_head()
    pack = svc.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW))
    pages = pdf_pages(pack.pdf)
    assert pages and all(f"Audit chain event {seq} · {head[:16]}" in p for p in pages)
    assert all(f"Integrity code {pack.integrity_code}" in p for p in pages)  # kept
    # The cover carries the whole hash, which a receipt or a third party compares.
    assert f"event {seq}, hash {grouped_hash(head)}" in pages[0].replace("\n", " ")


def test_the_redacted_summary_prints_the_chain_head(svc, case):
    seq, head = svc.vault.audit_head()
    pdf = svc.documents.redacted(case.id, "pdf", RedactionOptions())
    text = pdf_text(pdf).replace("\n", " ")
    assert f"Audit chain event {seq} · {head[:16]}" in text
    assert f"event {seq}, hash {grouped_hash(head)}" in text


def test_a_backup_holds_records_and_shows_its_chain_head(svc, case, tmp_path):
    before = svc.vault.audit_head()
    seq, head = svc.backup(tmp_path / "copy.casepath", PASS)
    assert (seq, head) == before  # the head the copy holds, read under the copy's lock
    event = svc.vault.audit_events()[-1]
    assert event.action == "vault.backup" and event.seq == seq + 1
    svc.close()
    summary = inspect_backup(tmp_path / "copy.casepath", PASS)
    assert summary.audit_head_seq == seq and summary.audit_head == head
    assert f"head at event {seq}, hash {head}" in "\n".join(summary.lines())


def test_a_chain_head_that_starts_with_digits_is_not_taken_for_a_phone_number(
    svc, case, monkeypatch
):
    """A hash such as 2204981… printed on a summary once made the verifier refuse it."""
    digits_first = "2204981" + "4" * 9 + "ab" * 24
    monkeypatch.setattr(svc.vault, "audit_head", lambda: (42, digits_first))
    pdf = svc.documents.redacted(case.id, "pdf", RedactionOptions())
    text = pdf_text(pdf).replace("\n", " ")
    assert f"event 42, hash {grouped_hash(digits_first)}" in text
    assert f"Audit chain event 42 · {digits_first[:16]}" in text  # 16 digits, not a phone
