"""A 10,000-character note with no space in it still makes a pack and a summary (no layout
error, no lost text): officers paste whole e-mails into conversations."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

from pypdf import PdfReader

from app.services.documents.document_service import (
    MeetingDetails,
    MeetingType,
    PageSize,
    RedactionOptions,
)
from tests.factories import conversation, open_case


def test_an_unbroken_10000_character_note_lays_out(services, clock, tmp_path):
    case = open_case(services)
    talk = conversation(case, clock.today() - timedelta(days=1))
    services.cases.add(replace(talk, summary="x" * 10_000, agreed_actions=("y" * 10_000,)))
    pack = services.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW), PageSize.A4)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pack.pdf)).pages)
    assert text.replace("\n", "").count("x") >= 10_000
    out = tmp_path / "summary.pdf"
    services.documents.export_redacted(case.id, out, RedactionOptions())
    assert out.stat().st_size > 0
