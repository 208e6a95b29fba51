"""The embedded font files: their names, registration with reportlab, and their character maps.

Split from `fonts` (which re-exports every name here) so the run and printability logic
stays readable. reportlab is imported only inside functions, and the two large Nanum Gothic
files are read only once some text actually holds Hangul.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from app.documents.pdf.shaping import coverage as script_coverage
from app.documents.pdf.shaping import script_of
from app.resource_paths import resource_path

SANS = "CasepathSans"
SANS_BOLD = "CasepathSans-Bold"
SANS_ITALIC = "CasepathSans-Oblique"  # only for our own fixed wording, never for data
CJK = "CasepathCJK"
HANGUL = "CasepathHangul"
HANGUL_BOLD = "CasepathHangul-Bold"  # names in bold headings (observation authors) stay bold

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    CJK: "DroidSansFallbackFull.ttf",
    HANGUL: "NanumGothic.ttf",
    HANGUL_BOLD: "NanumGothicBold.ttf",
}

# Korean letters that stand alone once NFC has composed them: syllables, compatibility jamo,
# parenthesised and circled Hangul, half-width Hangul. They go to Nanum Gothic.
_HANGUL = (
    (0x3130, 0x318F),
    (0x3200, 0x321E),
    (0x3260, 0x327E),
    (0xAC00, 0xD7A3),
    (0xFFA0, 0xFFDC),
)


@dataclass(frozen=True)
class FontCoverage:
    """The code points each embedded font has glyphs for."""

    sans: frozenset[int]
    cjk: frozenset[int]
    # ch -> font, filled as characters are met: a 20-page pack asks ~90k times for ~100
    # distinct characters, and the answer per character never changes in a process. Hangul
    # is not kept: asking `hangul_coverage` is what loads (and registers) Nanum Gothic.
    _memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # Characters known to print in DejaVu Sans with no font tag (`plain`), and characters
    # `fonts.check_printable` found printable. Hangul is never kept, for the same reason.
    _plain: set[str] = field(default_factory=set, compare=False, repr=False)
    printable: set[str] = field(default_factory=set, compare=False, repr=False)

    def plain(self, text: str) -> bool:
        """True when every character of ``text`` is set in DejaVu Sans (a character no font
        has falls back to it too), so its markup is the escaped text with no font tags."""
        if self._plain.issuperset(text):
            return True
        for ch in set(text).difference(self._plain):
            if self.font_for(ch) not in (SANS, None):
                return False
            if not is_hangul(ord(ch)):
                self._plain.add(ch)
        return True

    def font_for(self, ch: str) -> str | None:
        """The first font in the fallback chain with a glyph for `ch`, or None."""
        try:
            return self._memo[ch]
        except KeyError:
            font = self._lookup(ch)
            if not is_hangul(ord(ch)):
                self._memo[ch] = font
            return font

    def _lookup(self, ch: str) -> str | None:
        cp = ord(ch)
        script = script_of(ch)
        if script is not None:
            return script.font if cp in script_coverage(script) else None
        if cp in self.sans:
            return SANS
        if is_hangul(cp) and cp in hangul_coverage():
            return HANGUL
        if cp in self.cjk:
            return CJK
        return None


def is_hangul(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _HANGUL)


def font_path(name: str) -> str:
    path = resource_path("fonts", _FILES[name])
    if not path.is_file():
        raise FileNotFoundError(
            f"The font file {path.name} is missing from resources/fonts; reinstall Casepath."
        )
    return str(path)


@functools.cache
def coverage() -> FontCoverage:
    """Each font's character map, read from the fonts as registered with reportlab, so every
    file is parsed once per process (parsing them again here cost as much as registering)."""
    from reportlab.pdfbase import pdfmetrics

    register_fonts()

    def glyphs(name: str) -> set[int]:
        return set(pdfmetrics.getFont(name).face.charToGlyph)

    # A run may be set in bold, so Latin needs a glyph in both weights.
    return FontCoverage(
        sans=frozenset(glyphs(SANS) & glyphs(SANS_BOLD)), cjk=frozenset(glyphs(CJK))
    )


@functools.cache
def hangul_coverage() -> frozenset[int]:
    """The Hangul code points Nanum Gothic prints in both weights, loaded on first need.

    Only text holding Hangul calls this, so documents without Korean never open the two
    4.6 MB files. Each file is parsed once (about 90 ms for both) and registered with reportlab
    right away, so any run `markup` sets in Nanum Gothic already has its font registered.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular = TTFont(HANGUL, font_path(HANGUL))
    bold = TTFont(HANGUL_BOLD, font_path(HANGUL_BOLD))
    for font in (regular, bold):
        pdfmetrics.registerFont(font)
    # No italic Nanum Gothic: an italic Hangul run keeps the upright face of its weight.
    pdfmetrics.registerFontFamily(
        HANGUL, normal=HANGUL, bold=HANGUL_BOLD, italic=HANGUL, boldItalic=HANGUL_BOLD
    )
    both = set(regular.face.charToGlyph) & set(bold.face.charToGlyph)
    return frozenset(cp for cp in both if is_hangul(cp))


@functools.cache
def register_fonts() -> None:
    """Register the embedded fonts with reportlab (idempotent; reportlab's registry is global)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in (SANS, SANS_BOLD, SANS_ITALIC, CJK):
        pdfmetrics.registerFont(TTFont(name, font_path(name)))
    pdfmetrics.registerFontFamily(
        SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD
    )
    # Droid Sans Fallback has one weight; a bold CJK run keeps the regular face.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CJK, bold, italic, CJK)
