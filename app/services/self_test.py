"""`casepath --self-test`: is this installation sound? The checks that need no Qt.

Support staff run it on a laptop (a pip install or the bundle) and get a short pass/fail list.
Everything happens in a private (0700) temporary folder holding a throwaway vault with an
invented employee and a one-page PDF; the folder is removed at the end, and the report says
so. The Qt checks (platform plug-in, printers, the Qt modules the app needs) live in
`app/qt_self_test.py` and are handed in as ``extra`` so this module stays Qt-free.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app import __version__

PREFIX = "casepath-self-test-"
SAMPLE = "Casepath self-test: Zoë Łukasz Αλέξανδρος Иван 李小龙"


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    name: str
    ok: bool
    detail: str


ExtraChecks = Callable[[Path], Iterable[Check]]


def run_self_test(extra: ExtraChecks | None = None, base: Path | None = None) -> list[Check]:
    """Run every check; ``extra(folder)`` adds more while the scratch folder (with the PDF)
    still exists. Never raises for a failed check: a failure is a line of the report."""
    checks: list[Check] = []
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=base))  # mode 0700
    try:
        checks.append(_private_folder(folder))
        checks.extend(_guarded("Vault", lambda: _vault_checks(folder)))
        checks.extend(_guarded("PDF", lambda: [_pdf_check(folder)]))
        if extra is not None:
            checks.extend(_guarded("Qt", lambda: list(extra(folder))))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    checks.append(
        Check(
            "Clean-up",
            not folder.exists(),
            "scratch folder removed" if not folder.exists() else f"could not remove {folder}",
        )
    )
    return checks


def format_report(checks: list[Check], seconds: float | None = None) -> str:
    width = max(len(c.name) for c in checks)
    lines = [f"Casepath {__version__} self-test"]
    lines += [f"  {'PASS' if c.ok else 'FAIL'}  {c.name:<{width}}  {c.detail}" for c in checks]
    failed = sum(not c.ok for c in checks)
    took = f" in {seconds:.1f} s" if seconds is not None else ""
    lines.append(
        f"All {len(checks)} checks passed{took}."
        if not failed
        else f"{failed} of {len(checks)} checks FAILED{took}."
    )
    return "\n".join(lines)


def main(extra: ExtraChecks | None = None) -> int:
    """Print the report; exit status 0 when every check passed, else 1."""
    start = time.perf_counter()
    checks = run_self_test(extra)
    print(format_report(checks, time.perf_counter() - start))
    return 0 if all(c.ok for c in checks) else 1


def _guarded(name: str, run: Callable[[], list[Check]]) -> list[Check]:
    """A check that crashes is a failed check, named by the error's type only (no text: it
    could hold a path or a name)."""
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - the report must always be printed
        return [Check(name, False, f"failed with {type(exc).__name__}")]


def _private_folder(folder: Path) -> Check:
    if os.name != "posix":
        return Check("Private temp folder", folder.is_dir(), "created (per-user temp)")
    mode = stat.S_IMODE(folder.stat().st_mode)
    return Check("Private temp folder", mode == 0o700, f"mode {mode:o} (0700 expected)")


def _vault_checks(folder: Path) -> list[Check]:
    from app.domain.clock import SystemClock
    from app.domain.records import Employee, Officer
    from app.services.services import create_vault, open_vault

    path = folder / "self-test.casepath"
    passphrase = secrets.token_urlsafe(24)
    services = create_vault(path, passphrase, Officer(name="Self-test Officer"), SystemClock())
    try:
        emp = services.employees.add(
            Employee(employee_number="ST-1", name="Zoë Self-test", department="Self-test")
        )
        case = services.cases.open_case(emp.id, stage="early_conversation")
    finally:
        services.close()
    encrypted = not path.read_bytes()[:16].startswith(b"SQLite format 3")
    services = open_vault(path, passphrase, SystemClock())
    try:
        again = services.cases.by_reference(case.reference)
        name = services.cases.employee_of(again).name
        conn = services.vault.conn
        version = conn.scalar("PRAGMA cipher_version")
        provider = conn.scalar("PRAGMA cipher_provider")
        provider_version = conn.scalar("PRAGMA cipher_provider_version")
    finally:
        services.close()
    read_back = again.stage == case.stage and name == "Zoë Self-test"
    return [
        Check(
            "Vault write and read",
            read_back and encrypted,
            f"case {case.reference} written, reopened and read back"
            + ("" if encrypted else "; the file is NOT encrypted"),
        ),
        Check(
            "SQLCipher",
            bool(version) and bool(provider),
            f"SQLCipher {version}, crypto provider {provider} {provider_version}",
        ),
    ]


def _pdf_check(folder: Path) -> Check:
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    from app.documents.pdf.fonts import CJK, SANS, register_fonts

    register_fonts()
    path = folder / "self-test.pdf"
    pdf = Canvas(str(path), invariant=1, initialFontName=SANS)
    latin, cjk = SAMPLE.rsplit(" ", 1)
    pdf.setFont(SANS, 14)
    pdf.drawString(72, 720, latin)
    pdf.setFont(CJK, 14)
    pdf.drawString(72 + pdf.stringWidth(latin + " ", SANS, 14), 720, cjk)
    pdf.showPage()
    pdf.save()

    reader = PdfReader(path)
    page = reader.pages[0]
    fonts = page["/Resources"]["/Font"]
    embedded = sorted(
        str(font["/BaseFont"]).split("+")[-1]
        for font in (ref.get_object() for ref in fonts.values())
        if _is_embedded(font)
    )
    text_ok = all(word in page.extract_text() for word in ("self-test", "Łukasz", "Иван"))
    ok = len(reader.pages) == 1 and len(embedded) == len(fonts) >= 2 and text_ok
    return Check(
        "PDF with embedded fonts",
        ok,
        f"{len(reader.pages)} page, fonts embedded: {', '.join(embedded) or 'none'}"
        + ("" if text_ok else "; text did not read back"),
    )


def _is_embedded(font: object) -> bool:
    """A simple TrueType font carries FontFile2 in its descriptor; a Type0 font in its
    descendant's."""
    fonts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]  # type: ignore[attr-defined]
    for f in fonts:
        descriptor = f.get("/FontDescriptor")
        if descriptor is not None and any(
            key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            return True
    return False
