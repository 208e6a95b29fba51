"""The 20-page pack and its bare-reportlab baseline, for bench/run.py's pack rows.

    python bench/pack_child.py pack|bare      # one build in a fresh process (whole-process rows)
    python bench/pack_child.py bare FILE.json # the bare build of a vault case's content
                                              # (`vault_content`; the `casepath pack` row)

Run as its own script so a whole-process build imports what that build needs and nothing of
the bench harness (run.py imports the vault generator, and with it every service).

The baseline (`bench/pack_bare.py`) is the same document built like for like with reportlab
alone: the same flowables (tables with the same cell texts, column widths and styles,
paragraphs, lists, charts, contents page, page frame with "page X of Y") in the same four
embedded fonts, from the pack's already-fetched content. That content (`PackData.to_json()`
with the page setup's date and code) and the font paths are cached in a 0600 file, so the bare
process imports nothing of Casepath.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGE_CHANGES = 210  # the sample pack with 210 stage changes runs to about 20 pages
CONTENT_CACHE = Path(tempfile.gettempdir()) / "casepath-bench-pack-content-v4.json"


def pack() -> bytes:
    """The 20-page pack through Casepath's documents layer."""
    from app.documents.pdf.documentation_pack import build_pack
    from tests.document_samples import sample_pack, setup_for

    data = sample_pack(many_stage_changes=STAGE_CHANGES)
    return build_pack(data, setup_for(data))


def content() -> dict:
    """The pack's content as plain JSON and the files of the fonts it embeds (cached)."""
    if CONTENT_CACHE.exists():
        cached = json.loads(CONTENT_CACHE.read_text("utf-8"))
        if isinstance(cached, dict) and cached.get("stage_changes") == STAGE_CHANGES:
            return cached
    from app.documents.pdf.fonts import CJK, SANS, SANS_BOLD, SANS_ITALIC, font_path
    from tests.document_samples import sample_pack, setup_for

    data = sample_pack(many_stage_changes=STAGE_CHANGES)
    setup = setup_for(data)
    fonts = {
        "BareSans": font_path(SANS),
        "BareBold": font_path(SANS_BOLD),
        "BareOblique": font_path(SANS_ITALIC),
        "BareCJK": font_path(CJK),
    }
    pack_json = json.loads(data.to_json())
    pack_json |= {
        "generated_on": setup.generated_on.isoformat(),
        "integrity_code": setup.integrity_code,
    }
    cached = {"stage_changes": STAGE_CHANGES, "fonts": fonts, "content": pack_json}
    CONTENT_CACHE.write_text(json.dumps(cached, ensure_ascii=False), "utf-8")
    os.chmod(CONTENT_CACHE, 0o600)
    return cached


def vault_content(vault: Path, reference: str, passphrase: str, out: Path) -> None:
    """What `casepath pack VAULT REFERENCE --meeting review` lays out, written to ``out`` (0600)
    in the form `bare` reads, so the bare build and the command draw the same content."""
    from app.documents.pdf.fonts import CJK, SANS, SANS_BOLD, SANS_ITALIC, font_path
    from app.documents.pdf.pack_data import MeetingType
    from app.services.documents.document_service import MeetingDetails
    from app.services.services import open_vault

    svc = open_vault(vault, passphrase)
    try:
        case = svc.cases.by_reference(reference)
        data = svc.documents.assemble(case.id, MeetingDetails(MeetingType.REVIEW))
        today = svc.clock.today()
    finally:
        svc.close()
    fonts = {
        "BareSans": font_path(SANS),
        "BareBold": font_path(SANS_BOLD),
        "BareOblique": font_path(SANS_ITALIC),
        "BareCJK": font_path(CJK),
    }
    pack_json = json.loads(data.to_json())
    pack_json |= {"generated_on": today.isoformat(), "integrity_code": "CP-705-Q2WW-MK90"}
    out.write_text(json.dumps({"fonts": fonts, "content": pack_json}, ensure_ascii=False), "utf-8")
    os.chmod(out, 0o600)


def bare(tuned: bool = False, source: Path | None = None) -> bytes:
    """The same flowables through bare reportlab (bench/pack_bare.py); ``tuned`` with the
    pack's two layout shortcuts (line-break reuse, one measure per split); ``source`` a file
    written by `vault_content` instead of the bench pack's content."""
    from types import SimpleNamespace

    from bench.pack_bare import build

    cached = json.loads(source.read_text("utf-8")) if source else content()
    # Plain objects from JSON, as a reportlab script would read its content.
    data = json.loads(json.dumps(cached["content"]), object_hook=lambda d: SimpleNamespace(**d))
    return build(data, cached["fonts"], tuned)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:] == ["pack"]:
        pack()
    else:
        bare(source=Path(sys.argv[2]) if len(sys.argv) > 2 else None)
