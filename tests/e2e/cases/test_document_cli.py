"""pack, packs, verify-pack and redact as a script would run them."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.clock import FixedClock
from app.domain.records import Officer
from app.services.services import create_vault
from tests.document_samples import pdf_pages, pdf_text
from tests.e2e.cli_runner import run_casepath
from tests.factories import conversation, indicator, observation, open_case

ROOT = Path(__file__).resolve().parents[3]
PASS = "document cli passphrase"


def casepath(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return run_casepath(*args, passphrase=PASS, check=check)


@pytest.fixture(scope="module")
def vault(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docs") / "cases.casepath"
    today = date.today()
    svc = create_vault(path, PASS, Officer(name="Morgan Reyes"), clock=FixedClock(today))
    try:
        case = open_case(svc, name="Αλέξανδρος Παπαδόπουλος", opened_on=today - timedelta(days=20))
        svc.cases.add(
            conversation(
                case, today - timedelta(days=10), summary="Met Αλέξανδρος about the backlog."
            )
        )
        svc.cases.add(indicator(case, today - timedelta(days=9)))
        svc.cases.add(observation(case, today - timedelta(days=8)))
    finally:
        svc.close()
    return path


def test_pack_writes_a_pdf_that_verify_pack_accepts(vault, tmp_path):
    out = tmp_path / "review.pdf"
    done = casepath(
        "pack",
        str(vault),
        "C-" + str(date.today().year) + "-0001",
        "--meeting",
        "review",
        "--out",
        str(out),
        "--letter",
        "--place",
        "Room 1",
    )
    assert "integrity code CP-" in done.stdout
    pages = pdf_pages(out.read_bytes())
    assert "Αλέξανδρος Παπαδόπουλος" in "\n".join(pages)
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]
    verified = casepath("verify-pack", str(vault), str(out))
    assert "MATCHES" in verified.stdout
    listed = casepath("packs", str(vault), "C-" + str(date.today().year) + "-0001")
    assert "Formal review meeting" in listed.stdout and "1 pack" in listed.stdout


def test_a_protected_pack_needs_its_password_to_verify(vault, tmp_path):
    secret = tmp_path / "pdf-password.txt"
    secret.write_text("printer password 42\n", encoding="utf-8")
    out = tmp_path / "outcome.pdf"
    reference = f"C-{date.today().year}-0001"
    casepath(
        "pack",
        str(vault),
        reference,
        "--meeting",
        "outcome",
        "--out",
        str(out),
        "--password-file",
        str(secret),
    )
    refused = casepath("verify-pack", str(vault), str(out), check=False)
    assert refused.returncode == 2 and "password" in refused.stderr
    done = casepath("verify-pack", str(vault), str(out), "--password-file", str(secret))
    assert "MATCHES" in done.stdout


def test_verify_pack_fails_for_a_foreign_pdf(vault, tmp_path):
    from app.documents.pdf.documentation_pack import build_pack
    from tests.document_samples import sample_pack, setup_for

    data = sample_pack()
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(build_pack(data, setup_for(data)))
    done = casepath("verify-pack", str(vault), str(fake), check=False)
    assert done.returncode == 1 and "not known to this vault" in done.stdout


def test_redact_writes_each_format_and_names_nobody(vault, tmp_path):
    reference = f"C-{date.today().year}-0001"
    for suffix in ("pdf", "csv", "json"):
        out = tmp_path / f"summary.{suffix}"
        casepath(
            "redact",
            str(vault),
            reference,
            "--out",
            str(out),
            "--include",
            "conversation_summaries",
            "--generalise-departments",
        )
        text = pdf_text(out.read_bytes()) if suffix == "pdf" else out.read_text("utf-8")
        assert "Employee A" in text
        for gone in ("Αλέξανδρος", "Παπαδόπουλος", "Alexandros", "Operations", "E1001"):
            assert gone not in text, (suffix, gone)
    assert json.loads((tmp_path / "summary.json").read_text("utf-8"))["included"] == [
        "conversation_summaries"
    ]


def test_bad_requests_get_clear_errors(vault, tmp_path):
    reference = f"C-{date.today().year}-0001"
    existing = tmp_path / "exists.pdf"
    existing.write_bytes(b"keep me")
    done = casepath(
        "pack", str(vault), reference, "--meeting", "review", "--out", str(existing), check=False
    )
    assert done.returncode == 2 and "already exists" in done.stderr
    assert existing.read_bytes() == b"keep me"
    done = casepath(
        "pack",
        str(vault),
        reference,
        "--meeting",
        "lunch",
        "--out",
        str(tmp_path / "x.pdf"),
        check=False,
    )
    assert done.returncode == 2 and "review, formal_concern, outcome" in done.stderr
    done = casepath("redact", str(vault), reference, "--out", str(tmp_path / "x.docx"), check=False)
    assert done.returncode == 2 and ".pdf, .csv or .json" in done.stderr
    done = casepath(
        "pack",
        str(vault),
        "C-1999-0001",
        "--meeting",
        "review",
        "--out",
        str(tmp_path / "y.pdf"),
        check=False,
    )
    assert done.returncode == 2 and "no case C-1999-0001" in done.stderr
