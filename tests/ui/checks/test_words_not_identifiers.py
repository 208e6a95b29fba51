"""Words, not identifiers: nothing on screen looks like a value from the code.

Opens every case of the demo vault in the real window and reads every item model's display
and tooltip text and every label, and fails on anything shaped like an identifier: snake_case
words (`formal_concern`), ISO timestamps with a `T` or a `+00:00` offset, MIME types, raw
record dumps (`Case(reference=…`), time-zone ids (`Europe/London`) and "(s)" plurals. The
same check reads the text of packs, redacted summaries and the calibration report.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QLabel

from app.services.demo import DEMO_PASSPHRASE, build_demo
from app.views.main_window import MainWindow
from app.views.settings_store import SettingsStore

PATTERNS = {
    "snake_case": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "ISO timestamp": re.compile(r"\d{4}-\d\d-\d\dT\d\d|[+-]\d\d:\d\d\b"),
    "MIME type": re.compile(r"\b(application|text|image)/[a-z0-9.+-]+\b"),
    "record dump": re.compile(r"\b[A-Z][A-Za-z]+\([a-z_]+="),
    "time-zone id": re.compile(r"\b(Europe|America|Asia|Africa|Australia)/[A-Z][a-z_]+\b"),
    "(s) plural": re.compile(r"\w\(s\)"),
}


def offenders(text: str) -> list[str]:
    return [name for name, rx in PATTERNS.items() if rx.search(text)]


def test_the_patterns_catch_what_they_should():
    assert offenders("formal_concern") == ["snake_case"]
    assert offenders("2026-03-16T09:00:00+00:00") == ["ISO timestamp"]
    assert offenders("application/pdf") == ["MIME type"]
    assert offenders("Case(reference='C-1')") == ["record dump"]
    assert offenders("Europe/London") == ["time-zone id"]
    assert offenders("1 review(s)") == ["(s) plural"]
    assert offenders("Formal concern since 16 Mar 2026 — 3 reviews") == []


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.casepath"
    services = build_demo(path, DEMO_PASSPHRASE)
    yield services
    services.close()


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # list models keep columnCount private
        return 1


def _model_texts(model: QAbstractItemModel) -> list[str]:
    out = []
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        for c in range(_columns(model)):
            head = model.headerData(c, Qt.Orientation.Horizontal, role)
            if isinstance(head, str):
                out.append(head)
        for r in range(min(model.rowCount(), 300)):
            for c in range(_columns(model)):
                value = model.index(r, c).data(role)
                if isinstance(value, str):
                    out.append(value)
    return out


def test_every_model_and_label_speaks_words(qtbot, demo, tmp_path):
    window = MainWindow(demo, SettingsStore.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    found: dict[str, set[str]] = {}
    seen = 0
    for row in range(window.case_list.model.rowCount()):
        case_id = window.case_list.model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)
        case_id = case_id if isinstance(case_id, int) else None
        if case_id is None:
            from app.models.roles import IdRole

            case_id = window.case_list.model.index(row, 0).data(IdRole)
        ws = window.open_case(case_id)
        for i in range(ws.tabs.count()):
            ws.tabs.setCurrentIndex(i)
        texts = []
        for model in window.findChildren(QAbstractItemModel):
            texts += _model_texts(model)
        texts += [label.text() for label in window.findChildren(QLabel)]
        for title in ("Timeline", "Decisions and exceptions", "Conversations"):
            tab = ws.tab(title)
            view = getattr(tab, "view", None) or getattr(
                getattr(tab, "section", None), "view", None
            )
            if view is None:
                continue
            for r in range(min(view.model().rowCount(), 60)):
                view.selectRow(r)
                texts.append(tab.detail.toPlainText())
        for text in texts:
            seen += 1
            for kind in offenders(text):
                found.setdefault(kind, set()).add(text[:120])
        window.close_current_tab()
    assert seen > 1000
    assert not found, "\n".join(f"{k}: {sorted(v)[:8]}" for k, v in found.items())


def test_every_pdf_speaks_words(demo, tmp_path):
    """Packs, redacted summaries and the calibration report of the demo vault."""
    texts = _pdf_texts(demo, tmp_path, "en")
    found = {kind for t in texts for kind in offenders(t)}
    shown = {
        kind: sorted({m.group(0) for t in texts for m in PATTERNS[kind].finditer(t)})[:8]
        for kind in found
    }
    assert len(texts) >= 11
    assert not shown, shown


def test_every_german_pdf_speaks_german_words(demo, tmp_path):
    """The same documents from the vault set to German: no identifiers, no ISO dates, and
    none of the English headings."""
    from app.documents.pdf.documentation_pack import SECTIONS
    from app.documents.pdf.summary_template import SECTIONS as SUMMARY_SECTIONS

    demo.vault_settings.set_document_language("de")
    try:
        texts = _pdf_texts(demo, tmp_path, "de")
    finally:
        demo.vault_settings.set_document_language("en")
    found = {kind for t in texts for kind in offenders(t)}
    shown = {
        kind: sorted({m.group(0) for t in texts for m in PATTERNS[kind].finditer(t)})[:8]
        for kind in found
    }
    assert len(texts) >= 11
    assert not shown, shown
    joined = "\n".join(texts)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", joined)
    english = [h for h in (*SECTIONS, *SUMMARY_SECTIONS, "Calibration figures") if h in joined]
    assert not english, english
    assert "Fallübersicht" in joined and "Phasenverlauf" in joined
    assert "Kalibrierungszahlen" in joined


def _pdf_texts(demo, tmp_path, language: str) -> list[str]:
    import io
    from datetime import date

    from pypdf import PdfReader

    from app.documents.pdf.calibration_report import render_calibration_pdf
    from app.documents.redaction.redaction import INCLUDABLE
    from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report
    from app.services.documents.document_service import (
        MeetingDetails,
        MeetingType,
        PageSize,
        RedactionOptions,
    )

    def text(pdf: bytes) -> str:
        return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)

    texts = []
    for case in demo.cases.all()[::6]:
        pack = demo.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW), PageSize.A4)
        texts.append(text(pack.pdf))
        out = tmp_path / f"summary-{language}-{case.id}.pdf"
        demo.documents.export_redacted(
            case.id, out, RedactionOptions(include=frozenset(INCLUDABLE))
        )
        texts.append(text(out.read_bytes()))
    report = calibration_report(
        demo.vault.conn, Request(date(2025, 1, 1), date(2026, 12, 31)), CalibrationPolicy(5, 1.5)
    )
    texts.append(text(render_calibration_pdf(report, language)))
    return texts
