"""Every piece of text a reader could get out of a PDF, as blocks with where they came from.

pypdf reports each line a reportlab paragraph draws with the paragraph's origin (the current
matrix), so consecutive lines with the same origin are one paragraph (one table cell, one
heading), given as its lines joined by newlines: two cells never run together.
Besides the pages: the document information, the text nodes of the XMP packet, annotations
(contents, titles, link targets), outlines and embedded file names.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator

_TAG = re.compile(r"<[^>]*>")
_PDF_DATE = re.compile(r"D:\d{4,14}(?:Z|[+\-]\d\d'?\d\d'?)?")  # a date, not a phone number


def _page_blocks(page: object) -> list[str]:
    blocks: list[list[str]] = []
    last: tuple | None = None

    def visit(text: str, cm: list, tm: list, *_args: object) -> None:
        nonlocal last
        if not text:
            return
        origin = tuple(round(v, 1) for v in cm)
        if origin == (1, 0, 0, 1, 0, 0):  # drawn on the canvas itself: one block a line
            origin += (round(tm[5], 1),)
        if origin != last or not blocks:
            blocks.append([])
            last = origin
        blocks[-1].append(text)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    out = []
    for parts in blocks:
        lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        out.append("\n".join(lines))  # the reader decides how wrapped lines join
    return out


def pdf_blocks(
    pdf: bytes,
    sections: Iterable[str] = (),
    fields: Iterable[str] = (),
    password: str | None = None,
) -> Iterator[tuple[str, str]]:
    """(where, text) for every block; ``where`` names the section heading above it, or before
    the first section the field label (in ``fields``) beside it."""
    from pypdf import PdfReader

    titles = {" ".join(s.split()) for s in sections}
    labels = {" ".join(s.split()) for s in fields}
    reader = PdfReader(io.BytesIO(pdf))
    if reader.is_encrypted and (password is None or not reader.decrypt(password)):
        raise ValueError("The PDF is encrypted; give its password to check it.")
    for key, value in (reader.metadata or {}).items():
        yield f"the document information ({key.lstrip('/')})", _PDF_DATE.sub(" ", str(value))
    root = reader.trailer["/Root"]
    if "/Metadata" in root:
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
        for node in _TAG.split(xmp):
            if node.strip():
                yield "the XMP metadata", node.strip()
    for number, page in enumerate(reader.pages, start=1):
        section = label = ""
        for block in _page_blocks(page):
            if block in titles:
                section = block
            elif block in labels and not section:
                label = block
            place = section or label
            where = f"'{place}' (page {number})" if place else f"page {number}"
            yield where, block
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            for key in ("/Contents", "/T", "/TU", "/RC", "/NM"):
                if key in obj:
                    yield f"an annotation on page {number}", str(obj[key])
            action = obj.get("/A")
            if action is not None:
                uri = action.get_object().get("/URI")
                if uri:
                    yield f"a link on page {number}", str(uri)
    yield from _outline_titles(reader.outline)
    names = root.get("/Names")
    if names is not None:
        files = names.get_object().get("/EmbeddedFiles")
        if files is not None:
            for key in files.get_object().get("/Names", [])[::2]:
                yield "an embedded file name", str(key)


def _outline_titles(items: list) -> Iterator[tuple[str, str]]:
    for item in items:
        if isinstance(item, list):
            yield from _outline_titles(item)
        else:
            yield "the outline", str(item.get("/Title", ""))
