"""Redacted summaries from the Documents tab: choose what goes in, where it goes, and see a
verifier refusal instead of a file."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QFileDialog

import app.services.documents.document_service as document_service
from app.domain.records import Officer
from app.services.documents.document_service import INCLUDABLE, RedactionOptions
from app.services.services import create_vault
from app.views.documents.documents_tab import DocumentsTab
from app.views.documents.redaction_dialog import RedactionDialog
from tests.factories import conversation, open_case

SUMMARY = (
    "Zoë Ångström agreed to send weekly status notes to zoe.angstrom@example.com "
    "and to call +44 20 7946 0958 when a deadline slips."
)


@pytest.fixture
def redaction_services(tmp_path, clock):
    svc = create_vault(
        tmp_path / "redact.casepath",
        "redaction dialog passphrase",
        Officer(name="Hana Kowalczyk"),
        clock=clock,
    )
    yield svc
    if svc.vault.is_open:
        svc.close()


@pytest.fixture
def tab(qtbot, redaction_services, clock):
    case = open_case(redaction_services, opened_on=clock.today() - timedelta(days=9))
    redaction_services.cases.add(
        conversation(case, clock.today() - timedelta(days=2), summary=SUMMARY)
    )
    widget = DocumentsTab(redaction_services, case.id)
    qtbot.addWidget(widget)
    widget.warnings = []
    widget.warn = lambda title, text: widget.warnings.append((title, text))
    widget.refresh()
    return widget


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a chosen path; records the filter it was offered."""
    asked: list[str] = []

    def choose(path):
        def answer(parent, caption, name, filters):
            asked.append(filters)
            return str(path), filters

        monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
        return asked

    return choose


def _export(qtbot, tab, kind, include=(), generalise=False):
    """Drive the tab's button flow: dialog, then (patched) file dialog, then the worker."""
    dialog = tab.export_redacted()
    assert dialog is not None and dialog.isVisible()
    dialog.set_choice(kind, RedactionOptions(frozenset(include), generalise))
    dialog.accept()
    op = tab.operation
    assert op is not None
    if op.running:
        with qtbot.waitSignal(op.finished, timeout=60_000):
            pass
    return op


def test_the_dialog_returns_the_chosen_options(qtbot):
    dialog = RedactionDialog()
    qtbot.addWidget(dialog)
    assert dialog.kind() == "pdf" and dialog.options() == RedactionOptions()
    assert set(dialog.field_boxes) == set(INCLUDABLE)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.field_boxes["conversation_summaries"].setChecked(True)
    dialog.field_boxes["observations"].setChecked(True)
    dialog.generalise.setChecked(True)
    assert dialog.kind() == "json"
    assert dialog.options() == RedactionOptions(
        frozenset({"conversation_summaries", "observations"}), generalise_departments=True
    )


def test_each_field_explains_the_replacement_and_the_verifier_is_mentioned(qtbot):
    from PySide6.QtWidgets import QLabel

    dialog = RedactionDialog(kind="csv", options=RedactionOptions(frozenset({"decisions"})))
    qtbot.addWidget(dialog)
    assert dialog.kind() == "csv" and dialog.field_boxes["decisions"].isChecked()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    # One line over the fields says identifiers are replaced; each field explains itself and
    # repeats the replacement in its tooltip.
    assert any("e-mails, phone and employee numbers in them are replaced" in t for t in texts)
    for key, holds in INCLUDABLE.items():
        assert any(t.lower() == f"{holds}." for t in texts), key
        assert "phone numbers and employee numbers" in dialog.field_boxes[key].toolTip()
    assert any("verifier" in t and "nothing is written" in t for t in texts)
    with pytest.raises(ValueError, match="PDF, CSV or JSON"):
        dialog.set_choice("docx", RedactionOptions())


def test_pdf_export_includes_the_chosen_field_with_names_replaced(qtbot, tab, tmp_path, save_to):
    from pypdf import PdfReader

    asked = save_to(tmp_path / "summary.pdf")
    op = _export(qtbot, tab, "pdf", include=["conversation_summaries"])
    assert op.error is None, op.error
    assert asked == ["PDF documents (*.pdf)"]
    reader = PdfReader(io.BytesIO((tmp_path / "summary.pdf").read_bytes()))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "weekly status notes" in text and "deadline slips" in text
    assert "Employee A agreed" in text
    assert "[e-mail]" in text and "[phone]" in text
    assert "Ångström" not in text and "example.com" not in text and "7946" not in text
    assert "written to" in tab.export_status.text() and not tab.warnings


def test_json_export_with_generalised_departments(qtbot, tab, tmp_path, save_to):
    save_to(tmp_path / "summary")  # no suffix typed: the chosen format's is added
    op = _export(qtbot, tab, "json", include=["conversation_summaries"], generalise=True)
    assert op.error is None, op.error
    data = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert data["included"] == ["conversation_summaries"]
    assert data["department"] == "Withheld (generalised)"
    details = " ".join(e["detail"] for e in data["free_text"])
    assert "weekly status notes" in details and "Employee A" in details
    assert "Zoë" not in details and "example.com" not in details


def test_left_out_fields_stay_out(qtbot, tab, tmp_path, save_to):
    save_to(tmp_path / "facts.csv")
    op = _export(qtbot, tab, "csv")
    assert op.error is None, op.error
    text = (tmp_path / "facts.csv").read_text("utf-8")
    assert "Employee A" in text and "weekly status notes" not in text


def test_a_refusal_is_shown_and_nothing_is_written(qtbot, tab, tmp_path, save_to, monkeypatch):
    real_redact = document_service.redact

    def leaky(data, index, options, generated_on, language="en"):
        # A redaction bug that lets the employee's name through: the verifier must catch it.
        summary = real_redact(data, index, options, generated_on, language)
        return dataclasses.replace(summary, department=data.case.employee_name)

    monkeypatch.setattr(document_service, "redact", leaky)
    out = tmp_path / "out"
    out.mkdir()
    save_to(out / "summary.pdf")
    op = _export(qtbot, tab, "pdf", include=["conversation_summaries"])
    assert isinstance(op.error, document_service.RedactionRefused)
    assert list(out.iterdir()) == []
    assert len(tab.warnings) == 1
    title, message = tab.warnings[0]
    assert "refused" in title.lower()
    assert "nothing was written" in message and "Leave out the free-text" in message
    assert not tab.export_status.isVisible()
    assert tab.redact_button.isEnabled()  # the officer can try again


def test_cancelling_either_dialog_writes_nothing(qtbot, tab, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    dialog = tab.export_redacted()
    dialog.accept()
    assert tab.operation is None
    dialog = tab.export_redacted()
    dialog.reject()
    assert tab.operation is None and list(tmp_path.glob("*.pdf")) == []


def test_an_existing_file_under_an_added_suffix_is_not_replaced(tab, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "s"), ""))
    assert tab.ask_redacted_path("csv") == (tmp_path / "s.csv", False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "s.CSV"), ""))
    assert tab.ask_redacted_path("csv") == (tmp_path / "s.CSV", True)
