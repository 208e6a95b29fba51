"""Embedded fonts, per-run font fallback, and the check that every character can be printed.

The 14 built-in PDF fonts turn Polish, Turkish, Greek, Cyrillic, CJK and Korean letters into
boxes, and DejaVu Sans silently writes NUL glyphs for them. So every piece of data goes through
two steps:

1. `check_printable` (before anything is laid out): each character must be covered by one of
   the shipped TrueType fonts; Arabic, Hebrew, Devanagari and Thai are shaped (`shaping`), and
   other text that needs shaping or right-to-left layout (Syriac, Thaana, Bengali, Tamil, Lao,
   Tibetan, Myanmar, Khmer, ...) is refused, naming the field. Nothing is ever printed as boxes
   or in the wrong order.
2. `markup` (while building): the text becomes reportlab paragraph markup in which each run of
   characters uses the first font that covers it: DejaVu Sans for Latin, Greek and Cyrillic,
   Nanum Gothic for Hangul (Droid Sans Fallback has only a handful of Hangul syllables, and a
   Korean name must not mix two designs), Droid Sans Fallback for Chinese and Japanese, and
   the Noto font of its script for Arabic, Hebrew, Devanagari and Thai, shaped by HarfBuzz.

reportlab is imported only inside functions, so importing this module stays cheap, and the two
large Nanum Gothic files are read only once some text actually holds Hangul (`font_files`
holds the files, their registration and character maps; every name is re-exported here).

Most data is Latin, Greek or Cyrillic set in DejaVu Sans alone. Both steps answer that case
from a per-character memo (whether a character prints in DejaVu with no font tag, whether it
is printable at all) without walking the text character by character: a 20-page pack holds
~1,500 fields and ~1,200 table cells.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from app.documents.pdf.font_files import (
    CJK,
    HANGUL,
    HANGUL_BOLD,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    FontCoverage,
    coverage,
    font_path,
    hangul_coverage,
    is_hangul,
    register_fonts,
)
from app.documents.pdf.shaping import coverage as script_coverage
from app.documents.pdf.shaping import is_shaped_font, script_of, shape

__all__ = [
    "CJK",
    "HANGUL",
    "HANGUL_BOLD",
    "SANS",
    "SANS_BOLD",
    "SANS_ITALIC",
    "FontCoverage",
    "TextProblem",
    "UnprintableText",
    "check_printable",
    "coverage",
    "data_paragraph",
    "font_path",
    "hangul_coverage",
    "has_cjk",
    "is_hangul",
    "markup",
    "normalise",
    "problems_in",
    "register_fonts",
]

# Scripts written left to right that still need a shaping engine (reordering, conjuncts,
# stacked vowels) to look right; reportlab without HarfBuzz would print them wrongly.
_NEEDS_SHAPING = (
    (0x0980, 0x0DFF, "an Indic script other than Devanagari"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    # Conjoining jamo NFC could not compose into a syllable (Old Korean, stray parts).
    (0x1100, 0x11FF, "Hangul jamo"),
    (0xA960, 0xA97F, "Hangul jamo"),
    (0xD7B0, 0xD7FF, "Hangul jamo"),
    (0x1780, 0x18AF, "Khmer or Mongolian"),
    (0xA8E0, 0xA8FF, "an Indic script"),
)
_RTL_CLASSES = {"R", "AL", "RLE", "RLO", "RLI"}
_ALLOWED_CONTROLS = {"\n"}


@dataclass(frozen=True)
class TextProblem:
    """One field whose text cannot be printed faithfully, and why."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class UnprintableText(ValueError):
    """Raised before rendering when some field holds text no shipped font can print."""

    def __init__(self, problems: list[TextProblem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(
            "The document was not created because some text cannot be printed faithfully:\n"
            f"{shown}{more}\nCorrect these fields (for example with a Latin transliteration "
            "of a name) and try again."
        )


def normalise(text: str) -> str:
    """NFC (so 'e' + combining acute prints as one 'é'), tabs as spaces, CRLF as LF."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0].capitalize() if name else "an unknown script"


def _problem(ch: str, cov: FontCoverage) -> tuple[str, str] | None:
    """Why ``ch`` cannot be printed, as (kind, reason), or None when it can."""
    cp = ord(ch)
    if ch in _ALLOWED_CONTROLS or ch == " ":
        return None
    if unicodedata.bidirectional(ch) in _RTL_CLASSES and script_of(ch) is None:
        return "rtl", (
            f"contains right-to-left text ({_script_of(ch)}, U+{cp:04X}), which "
            "Casepath cannot lay out in a PDF yet"
        )
    shaping = next((label for lo, hi, label in _NEEDS_SHAPING if lo <= cp <= hi), None)
    if shaping:
        return "shaping", (
            f"contains {shaping} (U+{cp:04X}), which needs text shaping that "
            "Casepath's PDF output does not support"
        )
    if unicodedata.category(ch) == "Cc":
        return "control", f"contains an invisible control character (U+{cp:04X}); remove it"
    if cov.font_for(ch) is None:
        return f"glyph{cp}", (
            f"contains '{ch}' (U+{cp:04X}, {unicodedata.name(ch, 'unnamed')}), "
            "which no embedded font can print"
        )
    return None


def problems_in(text: str, field: str) -> list[TextProblem]:
    """Every reason `text` cannot be printed; empty when it can. One problem per kind."""
    cov = coverage()
    found: dict[str, TextProblem] = {}
    # Each distinct character once, in order of first appearance: the same problems, in the
    # same order, as walking every character (one problem per kind, the first one found).
    for ch in dict.fromkeys(normalise(text)):
        if ch in cov.printable:
            continue
        problem = _problem(ch, cov)
        if problem is None:
            if not is_hangul(ord(ch)):  # asking about Hangul is what loads Nanum Gothic
                cov.printable.add(ch)
        else:
            found.setdefault(problem[0], TextProblem(field, problem[1]))
    return list(found.values())


def check_printable(
    fields: Iterable[tuple[str, str]], label: Callable[[str], str] | None = None
) -> None:
    """Raise `UnprintableText` listing every (field, text) pair that cannot be printed.

    ``label`` turns a field's key into the words the message shows, only for fields with a
    problem (a pack has ~1,500 fields, nearly always all printable).
    """
    printable = coverage().printable
    problems: list[TextProblem] = []
    for key, text in fields:
        if text and not printable.issuperset(normalise(text)):
            found = problems_in(text, key)
            if found and label is not None:
                found = [TextProblem(label(key), p.reason) for p in found]
            problems.extend(found)
    if problems:
        raise UnprintableText(problems)


def has_cjk(text: str) -> bool:
    """True when some letter is set in the Chinese/Japanese font (text may wrap anywhere).

    Korean separates words with spaces, so Hangul text wraps at spaces like Latin text.
    """
    cov = coverage()
    if cov.plain(text):
        return False
    return any(cov.font_for(ch) == CJK for ch in dict.fromkeys(text))


def data_paragraph(text: str, style: object) -> object:
    """A reportlab Paragraph of already-checked data text: fonts chosen per run, and text in
    CJK scripts (no spaces to break at) allowed to wrap anywhere. Packs and redacted
    summaries both build their data cells with it."""
    from reportlab.lib.styles import ParagraphStyle

    text = normalise(text)
    if coverage().plain(text):  # the common case: the paragraph's own face, no tags
        return _wrap_once_paragraph()(_escaped(text), style)
    if has_cjk(text):
        style = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
    return _wrap_once_paragraph()(markup(text, bold=style.fontName == SANS_BOLD), style)


def _escaped(text: str) -> str:
    """The markup of normalised text set wholly in DejaVu Sans: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


@functools.cache
def _wrap_once_paragraph() -> type:
    from reportlab.platypus import Paragraph

    class WrapOnceParagraph(Paragraph):
        """A Paragraph that keeps its line breaks for the width it was last wrapped at.

        A table cell is wrapped about five times per layout pass (measured, measured again by
        each split, placed, drawn) and the pack lays out twice: a 20-page pack broke the
        same ~1,200 cells into lines ~12,000 times. A paragraph's lines depend on the width
        only (reportlab's ``Paragraph.wrap`` ignores the height), so the same width gives
        the same lines, height and state for ``draw``.
        """

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            # Reused only while the lines it made are still the paragraph's own (a split
            # that found no room deletes them; a KeepInFrame sets others).
            kept = self.__dict__.get("_wrapped")
            lines = self.__dict__.get("blPara")
            if kept is not None and kept[0] == availWidth and lines is kept[1]:
                self.width, self.height = kept[2]
                return kept[2]
            size = super().wrap(availWidth, availHeight)
            self._wrapped = (availWidth, self.blPara, size)
            return size

    return WrapOnceParagraph


def markup(text: str, bold: bool = False) -> str:
    """Paragraph markup for already-checked text: escaped, line breaks kept, one font per run.

    Spaces and line breaks stay in the run they fall in, so a CJK name followed by a space
    does not switch fonts twice; spaces and signs between two letters of a shaped script
    (Arabic, Hebrew, Devanagari, Thai) stay in its run, so "عبد الله" is shaped (and ordered)
    as one. The paragraph's own font (regular or bold DejaVu) is the default; only runs needing
    another font get a ``<font>`` tag (a Hangul run's font was registered when
    `hangul_coverage` first found it). A ``<font face>`` tag resets reportlab's bold flag, so in
    a bold paragraph (`bold`) a Hangul run names the bold face.
    """
    cov = coverage()
    text = normalise(text)
    if cov.plain(text):
        return _escaped(text)
    fonts = [None if _neutral(ch) else (cov.font_for(ch) or SANS) for ch in text]
    following: list[str | None] = [None] * len(text)
    nxt = None
    for i in range(len(text) - 1, -1, -1):
        following[i] = nxt
        nxt = fonts[i] or nxt
    out: list[str] = []
    run: list[str] = []
    run_font = SANS

    def flush() -> None:
        if not run:
            return
        body = "".join(run)
        run.clear()
        if is_shaped_font(run_font):
            for k, line in enumerate(body.split("\n")):
                if k:
                    out.append("<br/>")
                core = line.strip(" ")
                head, tail = (
                    line[: len(line) - len(line.lstrip(" "))],
                    line[len(line.rstrip(" ")) :],
                )
                script = script_of(next(c for c in core if script_of(c))) if core else None
                if script is None:
                    shaped = escape(core)
                elif script.rtl:  # shaped whole, so its words keep their right-to-left order
                    shaped = shape(core, script)
                else:  # word by word, so the line may break at its spaces
                    shaped = " ".join(shape(w, script) if w else "" for w in core.split(" "))
                out.append(escape(head) + f'<font face="{run_font}">{shaped}</font>' + escape(tail))
            return
        face = HANGUL_BOLD if bold and run_font == HANGUL else run_font
        body = escape(body).replace("\n", "<br/>")
        out.append(body if face == SANS else f'<font face="{face}">{body}</font>')

    for i, ch in enumerate(text):
        font = fonts[i]
        if font is None:  # a space or sign: stays in a shaped run only between its letters
            keep = is_shaped_font(run_font) and following[i] == run_font and ch != "\n"
            keep = keep and ord(ch) in script_coverage(script_of_font(run_font))
            if keep or (ch in (" ", "\n") and not is_shaped_font(run_font)):
                font = run_font
            else:
                own = cov.font_for(ch) or SANS
                font = SANS if is_shaped_font(own) else own
        if font != run_font:
            flush()
            run_font = font
        run.append(ch)
    flush()
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _neutral(ch: str) -> bool:
    """Spaces, punctuation and digits: they take the font of the letters around them."""
    return ch in (" ", "\n") or unicodedata.bidirectional(ch) in {
        "WS",
        "ON",
        "CS",
        "ES",
        "ET",
        "EN",
        "BN",
        "S",
        "B",
    }


def script_of_font(name: str) -> object:
    from app.documents.pdf.shaping import SCRIPTS

    return next(s for s in SCRIPTS if s.font == name)
