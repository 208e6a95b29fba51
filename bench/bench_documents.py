"""How long packs and redacted summaries take: prints figures, asserts nothing.

    python bench/bench_documents.py [--stage-changes 200] [--employees 10000]

Times building a documentation pack (a small one and one with a long stage history), the
first font load, AES-256 protection, reading a pack back with pypdf, and the redaction
verifier against an identifier index of N employees (building the index, then checking a
summary PDF). Medians of a few runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from app.documents.pdf.documentation_pack import build_pack  # noqa: E402
from app.documents.pdf.fonts import coverage, hangul_coverage, register_fonts  # noqa: E402
from app.documents.redaction.identifiers import IdentifierIndex  # noqa: E402
from app.documents.redaction.redaction import RedactionOptions, build_redacted_pdf, redact  # noqa: E402
from app.documents.redaction.redaction_verifier import verify_pdf  # noqa: E402
from app.domain.identities import PersonIdentity  # noqa: E402
from app.services.documents.document_service import encrypt_pdf  # noqa: E402
from tests.document_samples import pdf_pages, sample_pack, setup_for  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stage-changes", type=int, default=200)
    parser.add_argument("--employees", type=int, default=10_000)
    args = parser.parse_args()

    start = time.perf_counter()
    coverage()
    register_fonts()
    print(f"first font load (cmaps + registration): {(time.perf_counter() - start) * 1000:.0f} ms")
    start = time.perf_counter()
    hangul_coverage()
    ms = (time.perf_counter() - start) * 1000
    print(f"first Hangul font load (Nanum Gothic, Korean text only): {ms:.0f} ms")

    small = sample_pack()
    ms, pdf = median_ms(lambda: build_pack(small, setup_for(small)))
    pages = len(pdf_pages(pdf))
    print(
        f"sample pack: {pages} pages, {len(pdf) // 1024} KiB, {ms:.0f} ms "
        f"({pages / ms * 1000:.0f} pages/s)"
    )
    big = sample_pack(many_stage_changes=args.stage_changes)
    ms, big_pdf = median_ms(lambda: build_pack(big, setup_for(big)), runs=3)
    pages = len(pdf_pages(big_pdf))
    print(
        f"pack with {args.stage_changes} stage changes: {pages} pages, {ms:.0f} ms "
        f"({pages / ms * 1000:.0f} pages/s)"
    )
    ms, _ = median_ms(lambda: encrypt_pdf(pdf, "a long password"))
    print(f"AES-256 protection (pypdf): {ms:.0f} ms")
    ms, _ = median_ms(lambda: pdf_pages(pdf))
    print(f"pypdf text extraction of the sample pack: {ms:.0f} ms")

    people = [
        PersonIdentity(f"Given{i} Family{i}", f"p{i}@example.org", f"E{i:06d}", "employee")
        for i in range(args.employees)
    ]
    ms, index = median_ms(lambda: IdentifierIndex(people), runs=3)
    print(f"identifier index of {args.employees} employees: {ms:.0f} ms")
    summary = redact(small, index, RedactionOptions(), small.meeting_date)
    ms, summary_pdf = median_ms(lambda: build_redacted_pdf(summary, setup_for(small)))
    print(f"redacted summary PDF: {ms:.0f} ms")
    ms, report = median_ms(lambda: verify_pdf(summary_pdf, index))
    print(
        f"verifier on it ({report.checked} text pieces, {args.employees} people): "
        f"{ms:.0f} ms, ok={report.ok}"
    )


if __name__ == "__main__":
    main()
