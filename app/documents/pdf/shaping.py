"""Arabic, Hebrew, Devanagari and Thai in PDFs: shaped by HarfBuzz, read back as typed.

These scripts need a shaping engine: Arabic letters join (initial, medial, final forms and
lam-alef), Devanagari forms conjuncts and moves the short i before its consonant, Thai stacks
vowels and tone marks, and Arabic and Hebrew run right to left. Each run of such text is shaped
by HarfBuzz (uharfbuzz) with a bundled Noto font, and becomes a string of private code points,
one per glyph, that reportlab lays out and embeds like any other text (the glyph's HarfBuzz
advance is its width). Right-to-left runs come out in visual order and do not break inside.

The text layer: each glyph's ToUnicode entry gives back the letters of its *cluster* (the first
glyph of a cluster carries them all, the others map to nothing), so a conjunct, a ligature or a
mark reads back as the letters typed, in logical order. In a right-to-left run the leftmost
glyph carries the whole run in logical order and the others map to nothing, so a reader gets
the run as typed, spaces and signs included.

Horizontal mark offsets (GPOS) are applied through the glyph widths. What this does not do:
vertical mark offsets (some Arabic vowel marks) are not applied, such marks sit at the font's
default height; a right-to-left run does not break across lines, and a paragraph written
wholly right to left is still laid out left-aligned.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from app.resource_paths import resource_path


@dataclass(frozen=True)
class Script:
    font: str  # reportlab font name
    file: str
    ranges: tuple[tuple[int, int], ...]
    rtl: bool


SCRIPTS = (
    Script(
        "CasepathArabic",
        "NotoSansArabic-Regular.ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        True,
    ),
    Script(
        "CasepathHebrew", "NotoSansHebrew-Regular.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), True
    ),
    Script(
        "CasepathDevanagari",
        "NotoSansDevanagari-Regular.ttf",
        ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
        False,
    ),
    Script("CasepathThai", "NotoSansThai-Regular.ttf", ((0x0E00, 0x0E7F),), False),
)  # fmt: skip
_FIRST_CODE = 0xF0000  # Supplementary Private Use Area-A: 65,534 codes, never typed text


def script_of(ch: str) -> Script | None:
    cp = ord(ch)
    for s in SCRIPTS:
        if any(lo <= cp <= hi for lo, hi in s.ranges):
            return s
    return None


def is_shaped_font(name: str) -> bool:
    return any(s.font == name for s in SCRIPTS)


@functools.cache
def shaped_font(script: Script) -> object:
    """The registered reportlab font for ``script`` (read once, on first need)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    path = resource_path("fonts", script.file)
    if not path.is_file():
        raise FileNotFoundError(
            f"The font file {path.name} is missing from resources/fonts; reinstall Casepath."
        )
    font = _font_class()(script.font, str(path))
    pdfmetrics.registerFont(font)
    for bold in (0, 1):  # one weight: bold and italic runs keep the regular face
        for italic in (0, 1):
            addMapping(script.font, bold, italic, script.font)
    return font


@functools.cache
def coverage(script: Script) -> frozenset[int]:
    return frozenset(shaped_font(script).face.charToGlyph)


@functools.cache
def _font_class() -> type:
    import uharfbuzz as hb
    from reportlab.pdfbase.ttfonts import TTFont

    class ShapedTTFont(TTFont):
        """A TrueType font whose private codes stand for shaped glyphs, with a ToUnicode map
        that gives each back the letters it was shaped from."""

        def __init__(self, name: str, path: str) -> None:
            # reportlab's own shaping is off: the runs arrive shaped.
            super().__init__(name, path, shapable=False)
            self.texts: dict[int, str] = {}
            self.codes: dict[tuple[int, str, int], int] = {}
            with open(path, "rb") as fh:
                self.hb_font = hb.Font(hb.Face(hb.Blob(fh.read())))
            self.upem = self.hb_font.face.upem

        def code_for(self, gid: int, text: str, advance: int) -> str:
            key = (gid, text, advance)
            code = self.codes.get(key)
            if code is None:
                code = _FIRST_CODE + len(self.codes)
                if code > 0xFFFFD:
                    raise ValueError("Too many distinct shaped glyphs in one session.")
                self.codes[key] = code
                self.texts[code] = text
                self.face.charToGlyph[code] = gid
                self.face.glyphToChar.setdefault(gid, []).append(code)
                self.face.charWidths[code] = advance
            return chr(code)

        def addObjects(self, doc: object) -> None:  # noqa: N802 - reportlab API
            state = self.state.get(doc)
            subsets = [list(s) for s in state.subsets] if state else []
            super().addObjects(doc)
            for n, subset in enumerate(subsets):
                if not any(code in self.texts for code in subset):
                    continue
                base = _base_name(self, n)
                stream = doc.idToObject.get("toUnicodeCMap:" + base)
                if stream is not None:
                    stream.content = _to_unicode(base, subset, self.texts)

    return ShapedTTFont


def _base_name(font: object, n: int) -> str:
    from reportlab.pdfbase.ttfonts import SUBSETN

    return b"".join((SUBSETN(n), b"+", font.face.name, font.face.subfontNameX)).decode("pdfdoc")


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode(base: str, subset: list[int], texts: dict[int, str]) -> str:
    entries = [
        f"<{i:02X}> <{_utf16_hex(texts[code] if code in texts else chr(code))}>"
        for i, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({base}) /Ordering ({base}) /Supplement 0 >> def",
            f"/CMapName /{base} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def shape(run: str, script: Script) -> str:
    """``run`` (letters of ``script`` with the spaces and signs between them) as glyph codes."""
    import uharfbuzz as hb

    font = shaped_font(script)
    run = unicodedata.normalize("NFC", run)
    buf = hb.Buffer()
    buf.add_codepoints([ord(c) for c in run])
    buf.guess_segment_properties()
    hb.shape(font.hb_font, buf, {"kern": True, "liga": True})
    starts = sorted({info.cluster for info in buf.glyph_infos})
    ends = dict(zip(starts, [*starts[1:], len(run)], strict=True))
    seen: set[int] = set()
    out = []
    positions = buf.glyph_positions
    # A glyph drawn x_offset away from the pen (a mark over its base) is placed through the
    # widths: each glyph's width is its advance plus the next glyph's offset less its own, so
    # the next glyph lands where HarfBuzz put it and the run still ends at the sum of advances.
    shifts = [p.x_offset for p in positions] + [0]
    shifts[0] = 0
    for k, (info, pos) in enumerate(zip(buf.glyph_infos, positions, strict=True)):
        cluster = info.cluster
        if script.rtl:
            # The leftmost glyph carries the whole run in logical order: pypdf keeps a
            # multi-letter entry as it is, so neutral signs inside cannot be reordered.
            text = run if k == 0 else ""
        else:
            text = "" if cluster in seen else run[cluster : ends[cluster]]
        seen.add(cluster)
        advance = round((pos.x_advance + shifts[k + 1] - shifts[k]) * 1000 / font.upem)
        out.append(font.code_for(info.codepoint, text, advance))
    return "".join(out)
