"""Printing a stored pack so that the printer gets the pack's own pages: vector where possible.

The route depends on where the standard print dialog sends the job:

* **A CUPS queue** (Linux, `lp` on PATH, the printer in its native format): the PDF itself goes
  to ``lp -d QUEUE``, from a 0600 file in a private 0700 folder that is removed as soon as `lp`
  has spooled it. CUPS rasterises at the printer's own resolution (or passes the PDF through):
  text stays text and the job is the size of the PDF.
* **Print to file (PDF)**: the chosen pages are written unchanged to the chosen file (0600,
  through a hidden file in the same folder, then renamed): vector and searchable.
* **Any other printer** (Windows, macOS, Linux without `lp`): each page is rendered through
  QtPdf at the printer's resolution (up to 600 dpi), full page and 1:1 (no shrink to the
  printable area). (QtPdf's clip-rect rendering drifts by a few per cent down the page, so
  pages are not rendered in bands.)

The functions never show a widget except `choose_printer`, which runs the print dialog.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from app.services.documents import export_file
from app.services.documents.document_service import PageSize
from app.services.documents.private_temp_dir import PrivateTempDir
from app.services.errors import CannotWriteFile

MAX_RENDER_DPI = 600  # an A4 page image at 600 dpi is 139 MB; pages are rendered one by one
JOB_TITLE = "Casepath documentation pack"  # a print queue shows it: never a name
LP_TIMEOUT_S = 60

_PAGE_SIZES = {PageSize.A4: QPageSize.PageSizeId.A4, PageSize.LETTER: QPageSize.PageSizeId.Letter}
_LP_MEDIA = {QPageSize.PageSizeId.A4: "A4", QPageSize.PageSizeId.Letter: "Letter"}
_LP_SIDES = {
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}


def prepare_printer(printer: QPrinter, page_size: PageSize) -> QPrinter:
    """Give the printer the pack's paper, portrait, no margins, the whole sheet as the page."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(_PAGE_SIZES[page_size]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    printer.setFullPage(True)
    printer.setDocName(JOB_TITLE)
    return printer


def choose_printer(parent: QWidget, page_size: PageSize, page_count: int) -> QPrinter | None:
    """The standard print dialog, preset to the pack's paper; None if the officer cancels."""
    printer = prepare_printer(QPrinter(QPrinter.PrinterMode.HighResolution), page_size)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printPackDialog")
    dialog.setWindowTitle(QCoreApplication.translate("PackPrinting", "Print documentation pack"))
    dialog.setMinMax(1, max(1, page_count))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    """The 1-based pages the dialog asked for (all of them when it asked for none)."""
    first = max(1, printer.fromPage() or 1)
    last = min(count, printer.toPage() or count)
    return first, last


def cups_queue(printer: QPrinter) -> str | None:
    """The CUPS queue name when the job can go to `lp`, else None."""
    if not sys.platform.startswith("linux"):
        return None
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return None
    if not printer.printerName() or shutil.which("lp") is None:
        return None
    return printer.printerName()


def route(printer: QPrinter) -> str:
    """Which way a job to this printer goes: "lp", "pdf-file" or "render"."""
    if cups_queue(printer) is not None:
        return "lp"
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return "pdf-file"
    return "render"


def print_pack(pdf: bytes, document: QPdfDocument, printer: QPrinter) -> int:
    """Send the pack to ``printer`` by the best route; returns the number of pages sent.

    ``document`` is the same PDF loaded for the preview (the render route paints from it).
    Raises OSError with a message for the officer when the job cannot be sent.
    """
    count = document.pageCount()
    first, last = page_range(printer, count)
    if count == 0 or first > last:
        return 0
    way = route(printer)
    if way == "lp":
        return send_to_lp(pdf, printer, first, last, count)
    if way == "pdf-file":
        return write_pdf_file(pdf, Path(printer.outputFileName()), first, last, count)
    return render_pages(document, printer, first, last)


def lp_arguments(printer: QPrinter, path: Path, first: int, last: int, count: int) -> list[str]:
    """``lp`` command line for the job: queue, neutral title, copies, pages, paper, sides."""
    args = [shutil.which("lp") or "lp", "-d", printer.printerName(), "-t", JOB_TITLE]
    args += ["-n", str(max(1, printer.copyCount()))]
    if (first, last) != (1, count):
        args += ["-P", f"{first}-{last}"]
    media = _LP_MEDIA.get(printer.pageLayout().pageSize().id())
    if media:
        args += ["-o", f"media={media}"]
    sides = _LP_SIDES.get(printer.duplex())
    if sides:
        args += ["-o", f"sides={sides}"]
    if printer.copyCount() > 1 and printer.collateCopies():
        args += ["-o", "collate=true"]
    return [*args, "--", str(path)]


def send_to_lp(
    pdf: bytes, printer: QPrinter, first: int, last: int, count: int, base: Path | None = None
) -> int:
    """Spool the PDF with `lp`; the private temp file is gone when this returns."""
    temp = PrivateTempDir(base)
    try:
        path = temp.write("print-job.pdf", pdf)  # a neutral name: a queue lists file names
        try:
            done = subprocess.run(
                lp_arguments(printer, path, first, last, count),
                capture_output=True,
                text=True,
                timeout=LP_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OSError(
                QCoreApplication.translate(
                    "PackPrinting",
                    "The print queue %1 did not take the job (%2). "
                    "Check the printer and try again.",
                )
                .replace("%1", printer.printerName())
                .replace("%2", type(exc).__name__)
            ) from None
        if done.returncode != 0:
            why = (done.stderr or done.stdout or "").strip().splitlines()
            raise OSError(
                QCoreApplication.translate(
                    "PackPrinting",
                    "The print queue %1 refused the job%2. Check the printer and try again.",
                )
                .replace("%1", printer.printerName())
                .replace("%2", ": " + why[-1] if why else "")
            )
    finally:
        temp.cleanup()
    return last - first + 1


def write_pdf_file(pdf: bytes, target: Path, first: int, last: int, count: int) -> int:
    """ "Print to file": the chosen pages, unchanged, into ``target`` (0600, all or nothing)."""
    data = pdf
    if (first, last) != (1, count):
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        reader = PdfReader(io.BytesIO(pdf))
        for number in range(first - 1, last):
            writer.add_page(reader.pages[number])
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    try:
        tmp = export_file.write_partial(target, data)
        export_file.publish(tmp, target)
    except CannotWriteFile as exc:
        raise OSError(str(exc)) from None
    return last - first + 1


def render_pages(document: QPdfDocument, printer: QPrinter, first: int, last: int) -> int:
    """Paint pages ``first``..``last`` (1-based) over the whole sheet, no shrink.

    Each page is rendered at the printer's resolution (at most `MAX_RENDER_DPI`: a 1200 dpi A4
    page image would need 0.5 GB) and drawn onto the full paper rectangle.
    """
    printer.setFullPage(True)
    dpi = min(printer.resolution(), MAX_RENDER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(
            QCoreApplication.translate(
                "PackPrinting", "The printer could not be started. Check it and try again."
            )
        )
    sent = 0
    try:
        for number in range(first, last + 1):
            if sent:
                printer.newPage()
            points = document.pagePointSize(number - 1)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(number - 1, size)
            # The paper in device pixels: the page lands 1:1 on it (points to points).
            scale = printer.resolution() / 72
            target = QRectF(0, 0, points.width() * scale, points.height() * scale)
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent
