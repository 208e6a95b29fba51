"""Every kind of file that leaves the vault leaves an event: pack, redacted summary (PDF, CSV,
JSON), calendar, JSON interchange, calibration report, audit CSV, backup, and an import."""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest

from app.documents.pdf.pack_data import MeetingType
from app.documents.redaction.redaction import RedactionOptions
from app.domain.records import Officer
from app.services.audit.audit_listing import AuditFilter, export_audit_csv
from app.services.calibration.calibration import export_calibration
from app.services.documents.document_service import MeetingDetails
from app.services.interchange.interchange import export_to_file, import_file
from app.services.services import create_vault
from tests.factories import conversation, open_case

PASS = "export audit passphrase"


@pytest.fixture
def svc(tmp_path, clock):
    s = create_vault(tmp_path / "x.casepath", PASS, Officer(name="Hana Kowalczyk"), clock=clock)
    yield s
    if s.vault.is_open:
        s.close()


def _last(svc) -> tuple[str, str]:
    e = svc.vault.audit_events()[-1]
    return e.action, e.officer


def test_every_export_kind_is_audited_and_private(svc, tmp_path):
    case = open_case(svc, opened_on=svc.clock.today() - timedelta(days=9))
    svc.cases.add(conversation(case, svc.clock.today() - timedelta(days=3)))
    out = tmp_path / "out"
    out.mkdir()
    pack = svc.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW))
    written = {}

    svc.documents.export_pack(pack.id, out / "pack.pdf")
    written["pack.pdf"] = _last(svc)
    for kind in ("pdf", "csv", "json"):
        svc.documents.export_redacted(case.id, out / f"summary.{kind}", RedactionOptions())
        written[f"summary.{kind}"] = _last(svc)
    svc.reviews.export_ics(out / "reviews.ics", case_id=case.id)
    written["reviews.ics"] = _last(svc)
    export_to_file(svc, out / "cases.json")
    written["cases.json"] = _last(svc)
    export_calibration(svc.vault, out / "calibration.json", b"{}\n", "json")
    written["calibration.json"] = _last(svc)
    export_audit_csv(svc.vault, out / "audit.csv", AuditFilter(case_reference=case.reference))
    written["audit.csv"] = _last(svc)
    svc.backup(out / "backup.casepath", PASS)
    written["backup.casepath"] = _last(svc)

    who = "Hana Kowalczyk"
    assert written == {
        "pack.pdf": ("pack.export", who),
        "summary.pdf": ("case.redacted_export", who),
        "summary.csv": ("case.redacted_export", who),
        "summary.json": ("case.redacted_export", who),
        "reviews.ics": ("review.export_ics", who),
        "cases.json": ("vault.export", who),
        "calibration.json": ("calibration.export", who),
        "audit.csv": ("audit.export", who),
        "backup.casepath": ("vault.backup", who),
    }
    for name in written:
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600, name

    # An import is audited too (the import itself, besides each record it writes).
    other = create_vault(tmp_path / "y.casepath", PASS, Officer(name="Lee Other"))
    try:
        import_file(other, out / "cases.json")
        actions = [e.action for e in other.vault.audit_events()]
        assert "vault.import" in actions and all(
            e.officer == "Lee Other" for e in other.vault.audit_events()
        )
    finally:
        other.close()
    assert svc.vault.verify().ok
