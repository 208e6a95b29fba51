"""Checks that the pack and its bare-reportlab baseline print the same document.

    python bench/pack_compare.py      # page counts, embedded fonts, text similarity per page

The baseline is only fair if it prints what the pack prints: this compares the two PDFs with
pypdf (pages, the fonts each embeds, and the extracted text page by page).
"""

from __future__ import annotations

import difflib
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def fonts(pdf: bytes) -> set[str]:
    """Base names of every embedded font, without the subset tag or our own prefix."""
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            base = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(base.split("+")[-1])
    return names


def main() -> int:
    from bench.pack_child import bare, pack
    from tests.document_samples import pdf_pages

    a, b = pack(), bare()
    pa, pb = pdf_pages(a), pdf_pages(b)
    print(f"pages: pack {len(pa)}, bare {len(pb)}")
    print(f"fonts: pack {sorted(fonts(a))}\n       bare {sorted(fonts(b))}")
    ratios = [difflib.SequenceMatcher(None, x, y).ratio() for x, y in zip(pa, pb, strict=False)]
    print("text similarity per page:", " ".join(f"{r:.3f}" for r in ratios))
    whole = difflib.SequenceMatcher(None, "\n".join(pa), "\n".join(pb)).ratio()
    chars = f"characters pack {sum(map(len, pa))}, bare {sum(map(len, pb))}"
    print(f"whole text similarity {whole:.4f}; {chars}")
    for k, (x, y) in enumerate(zip(pa, pb, strict=False), start=1):
        diff = [d for d in difflib.ndiff(x.splitlines(), y.splitlines()) if d[:1] in "+-"]
        if diff:
            print(f"-- page {k}: {len(diff)} differing lines, first: {diff[:4]}")
    return 0 if len(pa) == len(pb) else 1


if __name__ == "__main__":
    raise SystemExit(main())
