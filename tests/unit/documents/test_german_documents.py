"""A vault set to German writes its packs, summaries, calibration report and calendar in German.

Read back as an officer would: pypdf for the PDFs (headings and dates), icalendar for the .ics.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from icalendar import Calendar

from app.documents.pdf.calibration_report import render_calibration_pdf
from app.documents.pdf.documentation_pack import SECTIONS
from app.documents.pdf.pack_data import MeetingType
from app.documents.pdf.summary_template import SECTIONS as SUMMARY_SECTIONS
from app.documents.redaction.redaction import INCLUDABLE, RedactionOptions
from app.documents.redaction.redaction_verifier import require_clean
from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report
from app.services.documents.document_service import MeetingDetails
from tests.document_samples import pdf_text
from tests.unit.documents.test_document_service import TODAY, full_case, vault_services  # noqa: F401

GERMAN_DATE = re.compile(
    r"\b\d{1,2}\. (Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.? 20\d\d\b"
)
ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
ENGLISH_DATE = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b")
GERMAN_SECTIONS = (
    "Fallübersicht", "Verlauf der Eskalation", "Gespräche", "Indikatoren", "Beobachtungen",
    "Coaching-Plan", "Ergebnisse früherer Überprüfungen", "Tagesordnung dieses Termins",
    "Anwesenheit und Unterschriften",
)  # fmt: skip


@pytest.fixture
def german(vault_services, full_case):  # noqa: F811 - the fixtures imported above
    assert vault_services.vault_settings.set_document_language("Deutsch") == "de"
    return vault_services, full_case


def test_the_language_is_kept_in_the_vault_and_its_change_audited(vault_services, tmp_path):  # noqa: F811
    svc = vault_services
    assert svc.vault_settings.document_language() == "en"
    svc.vault_settings.set_document_language("de")
    svc.vault_settings.set_document_language("de")  # unchanged: no second event
    events = [e for e in svc.vault.audit_events() if e.action == "vault.settings"]
    assert len(events) == 1
    with pytest.raises(ValueError, match="not a language"):
        svc.vault_settings.set_document_language("Klingon")
    assert svc.vault_settings.document_language() == "de"


def test_a_german_pack_has_german_headings_and_dates_and_no_english_ones(german):
    svc, case = german
    pack = svc.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW))
    text = pdf_text(pack.pdf)
    for heading in GERMAN_SECTIONS:
        assert heading in text
    for heading in SECTIONS:
        assert f". {heading}" not in text  # numbered English headings
    for word in ("Documentation pack", "Case summary", "Participants", "Integrity code", "page 1"):
        assert word not in text
    assert "Dokumentationsmappe" in text and "Seite 1 von" in text and "Prüfcode" in text
    assert "Förmliche Beanstandung" in text or "Coaching" in text
    assert "Fristverlängerung" in text and "Personalleitung" in text
    assert "Frist um 5 Arbeitstage verlängert" in text
    assert GERMAN_DATE.search(text), text[:400]
    assert not ISO_DATE.search(text)
    assert not ENGLISH_DATE.search(text)
    # The pack still verifies, and is unchanged whatever the vault's language is now.
    assert svc.documents.verify_pack(pack.pdf).matches
    svc.vault_settings.set_document_language("en")
    assert svc.documents.verify_pack(pack.pdf).changed_since is False


def test_a_german_summary_is_german_and_still_passes_the_verifier(german):
    svc, case = german
    options = RedactionOptions(include=frozenset(INCLUDABLE))
    pdf = svc.documents.redacted(case.id, "pdf", options)  # verified inside
    text = pdf_text(pdf)
    assert "Geschwärzte Fallübersicht" in text and "Phasenverlauf" in text
    assert "Beschäftigte Person A" in text
    for heading in SUMMARY_SECTIONS:
        assert heading not in text
    assert "Redacted case summary" not in text
    assert GERMAN_DATE.search(text)
    assert not ISO_DATE.search(text) and not ENGLISH_DATE.search(text)
    assert "Łukasz" not in text and "Żółć" not in text
    require_clean(pdf, "pdf", svc.documents.identifier_index())


def test_the_german_calibration_report(german):
    svc, _case = german
    report = calibration_report(
        svc.vault.conn, Request(date(2025, 1, 1), date(2026, 12, 31)), CalibrationPolicy(1, 1.5)
    )
    text = pdf_text(render_calibration_pdf(report, svc.vault_settings.document_language()))
    assert "Kalibrierungszahlen" in text and "Zeitraum 1. Jan. 2025 bis 31. Dez. 2026" in text
    assert "Calibration figures" not in text and "Open cases by stage" not in text
    assert "Offene Fälle nach Phase" in text


def test_the_calendar_in_german(german, tmp_path):
    svc, case = german
    out = tmp_path / "reviews.ics"
    svc.reviews.export_ics(out, case_id=case.id, reminders=True)
    cal = Calendar.from_ical(out.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    summaries = [str(e["summary"]) for e in events]
    assert f"Formelle Überprüfung – {case.reference}" in summaries
    descriptions = " ".join(str(e["description"]) for e in events)
    assert (
        f"Fall {case.reference}." in descriptions
        and "Einzelheiten stehen in Casepath." in descriptions
    )
    assert "Formal review" not in " ".join(summaries) and "Details are in" not in descriptions
    named = tmp_path / "named.ics"
    svc.reviews.export_ics(named, case_id=case.id, include_names=True)
    text = " ".join(
        str(e["description"]) for e in Calendar.from_ical(named.read_bytes()).walk("VEVENT")
    )
    assert "Tagesordnung" in text and "Fragen" in text and "Questions" not in text


def test_german_json_and_csv_summaries_pass_the_verifier(german):
    svc, case = german
    options = RedactionOptions(include=frozenset(INCLUDABLE))
    for kind in ("json", "csv"):
        payload = svc.documents.redacted(case.id, kind, options).decode("utf-8")
        assert "Phase" in payload or "Coaching" in payload
        assert "Beschäftigte Person A" in payload
        assert "Łukasz" not in payload


def test_a_german_pack_has_a_german_audit_appendix(german):
    svc, case = german
    pack = svc.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW, with_audit=True))
    text = pdf_text(pack.pdf)
    appendix = " ".join(text[text.rindex("Prüfprotokoll dieses Falls") :].split())
    assert f"Fall {case.reference} – eröffnet." in appendix
    assert f"(Fall {case.reference}) – erfasst." in appendix
    assert re.search(r"\d{1,2}\. \w+\.? 20\d\d, \d\d:\d\d UTC", appendix), appendix[:600]
    for english in ("recorded", " on case ", "opened", "Audit trail"):
        assert english not in appendix, english
    assert not ENGLISH_DATE.search(appendix)


def test_an_english_pack_keeps_its_english_audit_appendix(vault_services, full_case):  # noqa: F811
    pack = vault_services.documents.generate(
        full_case.id, MeetingDetails(MeetingType.REVIEW, with_audit=True)
    )
    appendix = " ".join(pdf_text(pack.pdf).split("Audit trail of this case")[-1].split())
    assert f"opened case {full_case.reference}." in appendix
    assert f"on case {full_case.reference}." in appendix and "UTC" in appendix
