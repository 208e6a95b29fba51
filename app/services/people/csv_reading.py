"""Reading an HR system's CSV export: encoding, ``sep=`` line, delimiter, rows.

Exports come from Excel and HR systems in many code pages. The order of trust:

1. the encoding the officer asked for (``--encoding``, the dialog's choice);
2. a byte-order mark (UTF-8, UTF-16, UTF-32);
3. strict UTF-8 (a non-UTF-8 file almost never decodes as UTF-8 by chance);
4. a single-byte code page: charset-normalizer proposes, and every candidate (its proposals
   plus the Windows code pages officers meet: 1252, 1250, 1251, 1253, 1257, ISO-8859-2) is
   scored by whether its non-ASCII words read as words (letters of one script, not ``£ukasz``
   or ``Èâàíîâ``). When another code page reads as well but gives other text, the table is
   marked *uncertain* and lists the alternatives with sample words, so the preview can say so.

Excel's ``sep=;`` first line names the delimiter and is not the header. Every cell is
NFC-normalised, so a name typed on a Mac (NFD) matches the same name typed on Windows.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.words.phrases import Phrase

MAX_CSV_BYTES = 50 * 1024 * 1024


class CsvImportError(ValueError):
    """The file cannot be imported as asked; the message says what to do."""


@dataclass(frozen=True)
class EncodingAlternative:
    """Another code page the file could be in, with words that read differently in it."""

    encoding: str
    samples: tuple[str, ...]

    def __str__(self) -> str:
        return f"{encoding_label(self.encoding)} ({', '.join(self.samples)})"


@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV file: its header names and the data rows (row 2 onwards)."""

    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]  # the spreadsheet row number of each data row
    alternatives: tuple[EncodingAlternative, ...] = ()  # non-empty: the code page is a guess
    samples: tuple[str, ...] = ()  # words with non-ASCII letters as read

    def column(self, header: str) -> int:
        return self.headers.index(header)

    @property
    def encoding_uncertain(self) -> bool:
        return bool(self.alternatives)

    def encoding_note(self) -> str:
        """One sentence for the preview when the code page is a guess; empty otherwise."""
        if not self.alternatives:
            return ""
        shown = ", ".join(self.samples[:3])
        others = "; ".join(str(a) for a in self.alternatives)
        return (
            f"The encoding is a guess: read as {encoding_label(self.encoding)} ({shown}). "
            f"It could also be {others}. Check the names, or choose the encoding."
        )


_ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp1253": "Windows-1253",
    "cp1257": "Windows-1257",
    "iso8859_2": "ISO-8859-2",
    "latin-1": "ISO-8859-1",
}


def encoding_label(encoding: str) -> str:
    return _ENCODING_LABELS.get(encoding, encoding)


# The single-byte code pages always tried, most common first (the tie-break order).
SAMPLE_BYTES = 256 * 1024
SINGLE_BYTE = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1257", "iso8859_2")
_WORD = re.compile(r"[^\s,;|\t\"'()/\\0-9]+")
_WORD_PUNCT = set("-.'’")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "?"


def _word_reads(word: str) -> bool:
    """True when a word with non-ASCII characters looks like a word of one script."""
    letters = [c for c in word if c not in _WORD_PUNCT]
    if not letters or not all(unicodedata.category(c)[0] in "LM" for c in letters):
        return False
    scripts = {_script(c) for c in letters if unicodedata.category(c)[0] == "L"}
    if len(scripts) != 1:
        return False
    if "ς" in word.rstrip(".-'’")[:-1]:
        return False  # Greek final sigma inside a word: Cyrillic bytes read as Greek
    bare = "".join(letters)
    if not (bare.islower() or bare.isupper() or word.istitle()):
        return False  # "ÈâàÍ", "ЃЌЏђяю": capitals and small letters in no usual order
    if scripts == {"LATIN"}:  # Latin names carry a few accents, not a word of them
        accented = sum(1 for c in letters if ord(c) > 127)
        return accented * 2 <= len(letters) or len(letters) <= 2
    return True


def _plausibility(text: str) -> tuple[float, tuple[str, ...]]:
    words = [
        w
        for w in _WORD.findall(text)
        if any(ord(c) > 127 for c in w)
        and len(w) > 1  # a lone sign ("€", "Ђ") says nothing about the code page
        and not all(unicodedata.category(c)[0] in "SPN" for c in w)
    ]
    if not words:
        return 1.0, ()
    good = sum(1 for w in words if _word_reads(w))
    return good / len(words), tuple(dict.fromkeys(words))


def _single_byte(data: bytes) -> tuple[str, str, tuple[EncodingAlternative, ...], tuple[str, ...]]:
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 files need it

    # Score on the lines that hold non-ASCII bytes (at most ~256 KB of them): the rest
    # reads the same in every candidate, and a 50 MB export must not be scanned nine times.
    sample = b"\n".join(line for line in data.splitlines() if max(line, default=0) > 127)
    sample = sample[:SAMPLE_BYTES]
    proposed = [
        m.encoding
        for m in from_bytes(sample, cp_exclusion=["utf_8"])
        if m.encoding.startswith(("cp125", "iso8859_", "koi8_"))  # the code pages offices use
    ][:3]
    candidates = list(dict.fromkeys([*SINGLE_BYTE, *proposed]))
    scored: list[tuple[float, int, str, str, tuple[str, ...]]] = []
    for rank, enc in enumerate(candidates):
        try:
            text = sample.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score, words = _plausibility(text)
        if any(unicodedata.category(c) == "Cc" and c not in "\r\n\t" for c in text):
            score -= 1  # control characters: not this code page
        scored.append((score, rank, enc, text, words))
    scored.sort(key=lambda s: (-s[0], s[1]))  # ties: the most common code page first
    full = ""
    while scored:  # the whole file must decode too (the sample may stop mid-line)
        try:
            full = data.decode(scored[0][2])
            break
        except UnicodeDecodeError:
            scored.pop(0)
    if not scored:
        raise CsvImportError(
            Phrase(
                "The file is not text in any code page Casepath knows. Save it from the "
                "spreadsheet as 'CSV UTF-8' and try again."
            )
        )
    best_score, _r, enc, text, words = scored[0]
    if best_score < 0.5:
        raise CsvImportError(
            "The file is not UTF-8 and its letters read as nonsense in every code page tried "
            f"(e.g. {', '.join(words[:3])}). Save it from the spreadsheet as 'CSV UTF-8', "
            "or choose its encoding."
        )
    alternatives: list[EncodingAlternative] = []
    seen_texts = {text}
    for score, _r2, other, other_text, other_words in scored[1:]:
        if score < best_score - 0.1 or score <= 0 or other_text in seen_texts:
            continue
        seen_texts.add(other_text)
        differing = tuple(w for w in other_words if w not in words)[:3]
        if differing:
            alternatives.append(EncodingAlternative(other, differing))
    return full, enc, tuple(alternatives[:3]), words[:5]


def decode_csv(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding used: the one asked for, or the one detected."""
    text, used, _alt, _samples = _decode(data, encoding)
    return text, used


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


def _decode(
    data: bytes, encoding: str | None
) -> tuple[str, str, tuple[EncodingAlternative, ...], tuple[str, ...]]:
    if encoding:
        enc = encoding.strip().lower().replace("windows-", "cp")
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError) as exc:
            raise CsvImportError(
                f"The file cannot be read as {encoding}: {exc}. Try another encoding, or save "
                "it from the spreadsheet as 'CSV UTF-8'."
            ) from None
        return text.lstrip("\ufeff"), enc, (), ()
    bom = _bom(data)
    if bom:
        try:
            return data.decode(bom).lstrip("\ufeff"), bom, (), ()
        except UnicodeDecodeError:
            raise CsvImportError(
                "The file starts with a Unicode mark but is not valid Unicode text. "
                "Save it again as 'CSV UTF-8', or choose its encoding."
            ) from None
    try:
        return data.decode("utf-8"), "utf-8", (), ()
    except UnicodeDecodeError:
        return _single_byte(data)


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        counts = {d: first.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


_SEP_LINE = re.compile(r"^\s*\"?sep=(.)\"?[ \t]*\r?\n", re.IGNORECASE)


def read_csv(data: bytes, encoding: str | None = None, delimiter: str | None = None) -> CsvTable:
    """Decode and split a CSV export; empty lines are skipped but keep row numbering."""
    if not data.strip():
        raise CsvImportError(Phrase("The file is empty. Export the employee list again."))
    if len(data) > MAX_CSV_BYTES:
        raise CsvImportError(
            Phrase("The file is larger than 50 MB; split it and import the parts.")
        )
    if b"\x00" in data and not encoding and not (_bom(data) or "").startswith("utf-"):
        raise CsvImportError(
            Phrase(
                "This is not a text CSV file (it holds binary data). Export the list from the "
                "HR system as CSV and try again."
            )
        )
    if b"\x00" in data and _bom(data) == "utf-8-sig":
        raise CsvImportError(Phrase("This is not a text CSV file (it holds binary data)."))
    text, used, alternatives, samples = _decode(data, encoding)
    if delimiter is not None and len(delimiter) != 1:
        raise CsvImportError(
            f"The separator must be one character, such as ',' or ';' (not {delimiter!r})."
        )
    first_line = 0
    sep = _SEP_LINE.match(text)
    if sep:  # Excel's "sep=;" line: the delimiter, not the header
        text = text[sep.end() :]
        first_line = 1
        delimiter = delimiter or sep.group(1)
    delim = delimiter or _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    headers: list[str] | None = None
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    try:
        for values in reader:
            line = reader.line_num + first_line
            if not any(v.strip() for v in values):
                continue
            if headers is None:
                headers = _clean_headers(values)
                continue
            rows.append(tuple(unicodedata.normalize("NFC", v.strip()) for v in values))
            numbers.append(line)
    except csv.Error as exc:
        raise CsvImportError(f"Row {reader.line_num + first_line} cannot be read: {exc}.") from None
    if headers is None:
        raise CsvImportError(Phrase("The file has no header row."))
    return CsvTable(used, delim, tuple(headers), tuple(rows), tuple(numbers), alternatives, samples)


def _clean_headers(values: Sequence[str]) -> list[str]:
    out: list[str] = []
    for i, v in enumerate(values, start=1):
        name = unicodedata.normalize("NFC", v.strip().lstrip("\ufeff")) or f"Column {i}"
        while name in out:
            name = f"{name} ({i})"
        out.append(name)
    return out
