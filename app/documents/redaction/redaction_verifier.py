"""The last gate before a redacted export reaches the disk: read it back, find no one.

Independent of the redactor on purpose: it shares only the list of people and two word lists
(`app.domain.identities`), and matches with its own code, so one bug cannot both leave a name in
and wave it through. A PDF is parsed with pypdf (raw bytes prove nothing: content streams are
compressed, and a name drawn under a black box is still text): every paragraph of every page
(pypdf reports each line with its paragraph's origin, so wrapped lines are joined back), the
document information, the XMP packet, annotations, outlines and embedded file names. CSV and
JSON exports are checked cell by cell and value by value (escapes undone).

The app's own template prints words that may also be someone's name ("Root causes", "HR
officer", "Review"). A block of text made *only* of the template's phrases, the vocabulary of
labels, pseudonyms, dates and numbers is the template's and is skipped; any other block is
checked whole, so "Root agreed to…" in a note is still caught for an officer called Root.

Checked: every name part (case, diacritics and apostrophes folded; Latin transliterations;
syllables of Chinese and Korean names written apart), names in scripts without spaces as
substrings, any e-mail-like string, any phone-like number, known employee numbers. A refusal
names the place and the class of identifier, never the identifier.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from anyascii import anyascii

from app.documents.pdf.pdf_text import pdf_blocks
from app.documents.redaction.identifiers import IdentifierIndex
from app.domain.identities import COMMON_SHORT_WORDS, ROLE_WORDS, PersonIdentity

_QUOTES = "'’ʼ`‘´ʹ′"
_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
     "þ": "th", "ħ": "h", "ŧ": "t"}
)  # fmt: skip
_GREEK_CYRILLIC = str.maketrans(
    {**dict(zip("абвгдезийклмнопрстуфыэіґ", "abvgdeziyklmnoprstufyeig", strict=True)),
     "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
     "ь": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye",
     **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo", strict=True)),
     "θ": "th", "χ": "ch", "ψ": "ps", "ς": "s"}
)  # fmt: skip
_UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "å": "aa", "Å": "Aa",
     "ø": "oe", "Ø": "Oe", "æ": "ae", "Æ": "Ae"}
)  # fmt: skip
_EMAIL = re.compile(r"[^\s@<>()\[\]]*[^\W_]@[^\W_][^\s@<>()\[\]]*")
_DIGITS = re.compile(r"(?<![\w\-+/.])\+?[\d(][\d\s().\-/]*\d")
_DATES = re.compile(r"\b\d{4}-\d\d-\d\d\b|\b\d\d?[./\-]\d\d?[./\-]\d{2,4}\b")
# The audit chain head every summary prints (a SHA-256 in full, or its first 16 hex digits):
# a run of digits inside it is not a phone number. Exactly those lengths, lower-case hex only.
_CHAIN_HASH = re.compile(r"(?<![0-9A-Za-z])(?:[0-9a-f]{64}|[0-9a-f]{16})(?![0-9A-Za-z])")
_PLACEHOLDERS = re.compile(r"\[(?:name|e-mail|phone|employee number)\]")
_REFERENCE = re.compile(r"\b[A-Z]{1,5}-\d{4}-\d{2,6}\b")


def _plain(text: str, keep_case: bool = False) -> str:
    """Compatibility forms, diacritics and apostrophes gone; case folded unless asked."""
    text = unicodedata.normalize("NFKC", text)
    text = text if keep_case else text.casefold()
    text = text.translate(_LETTERS).translate(str.maketrans("", "", _QUOTES))
    kept = (c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", "".join(kept))


def _wordy(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _spaceless(ch: str) -> bool:
    cp = ord(ch)
    return any(
        lo <= cp <= hi
        for lo, hi in (
            (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1100, 0x11FF), (0x1780, 0x17FF),
            (0x3040, 0x30FF), (0x3130, 0x318F), (0x3400, 0x9FFF), (0xAC00, 0xD7AF),
            (0xF900, 0xFAFF), (0x20000, 0x2FA1F),
        )
    )  # fmt: skip


def _words_with_gaps(text: str) -> list[tuple[str, str, str]]:
    """(word as written, folded word, text before the next word) for each word of ``text``."""
    out: list[list[str]] = []
    i, n = 0, len(text)
    while i < n:
        if not _wordy(text[i]):
            if out:
                out[-1][2] += text[i]
            i += 1
            continue
        j = i
        while j < n and (
            _wordy(text[j]) or (text[j] in _QUOTES and j + 1 < n and _wordy(text[j + 1]))
        ):
            j += 1
        out.append([text[i:j], _plain(text[i:j]), ""])
        i = j
    return [tuple(w) for w in out]  # type: ignore[misc]


def _romanisations(word: str) -> set[str]:
    forms = {_plain(anyascii(word)).replace(" ", "")}
    alt = _plain(word).replace("ου", "ou").translate(_GREEK_CYRILLIC)
    if alt.isascii():
        forms.add(alt)
    return {f for f in forms if f}


@dataclass(frozen=True)
class Finding:
    """One identifier found: its class, whose kind of person, and where (never the value)."""

    kind: str
    where: str
    person_kind: str = ""

    def __str__(self) -> str:
        article = "an" if self.kind[0] in "aeio" else "a"
        whose = f" of {'an' if self.person_kind[:1] in 'aeio' else 'a'} {self.person_kind}"
        return f"{article} {self.kind}{whose if self.person_kind else ''} in {self.where}"


class _Needles:
    """What the verifier looks for, derived from the people with its own rules."""

    def __init__(self, people: Iterable[PersonIdentity]) -> None:
        self.words: dict[str, str] = {}
        self.joined: dict[str, str] = {}  # syllables written apart: "Xiao Long"
        self.inside: dict[str, str] = {}  # names of scripts without spaces
        self.numbers: dict[str, str] = {}
        for p in people:
            for name in (p.name, *p.aliases):
                self._name(name, p.kind)
                written_out = unicodedata.normalize("NFC", name).translate(_UMLAUTS)
                if written_out != unicodedata.normalize("NFC", name):
                    self._name(written_out, p.kind)
            number = p.employee_number.strip()
            if number and not (number.isdigit() and len(number) < 4):
                self.numbers.setdefault(_plain(number), p.kind)

    def _name(self, name: str, kind: str) -> None:
        ignore = ROLE_WORDS if kind == "person" else frozenset()
        name = unicodedata.normalize("NFKC", name).strip()
        raw_words = [w for w in re.split(r"[\s\-‐‑–—.,;:/()]+", name) if w]
        for raw in raw_words:
            if any(_spaceless(c) for c in raw):
                self._spaceless_word(raw, kind, alone=len(raw_words) == 1)
                continue
            pieces = [raw, *re.split(f"[{_QUOTES}]", raw)[1:]]
            for k, piece in enumerate(pieces):
                word = _plain(piece)
                if len(word) < 2 or any(c.isdigit() for c in word) or word in ignore:
                    continue
                if k and len(word) <= 3:
                    continue  # the "O" of O'Brien, the "D" of D'Angelo
                self.words.setdefault(word, kind)
                for form in _romanisations(piece):
                    if len(form) >= 2 and form not in ignore:
                        self.words.setdefault(form, kind)

    def _spaceless_word(self, raw: str, kind: str, alone: bool) -> None:
        """A name in Chinese, Japanese, Korean, Thai...: inside any text, and romanised."""
        if len(_plain(raw)) >= 2:
            self.inside.setdefault(_plain(raw), kind)
        for form in _romanisations(raw):
            self.words.setdefault(form, kind)
        han_or_hangul = all(0x3400 <= ord(c) <= 0x9FFF or 0xAC00 <= ord(c) <= 0xD7AF for c in raw)
        syllables = [s.lower() for s in re.findall(r"[A-Z][a-z]*", anyascii(raw))]
        if not han_or_hangul or len(syllables) < 2:
            return
        self.joined.setdefault("".join(syllables), kind)
        if not alone:
            return
        head = 2 if raw[:2] in _TWO_CHAR_SURNAMES else 1
        if 3 <= len(raw) <= 4:
            self.inside.setdefault(_plain(raw[head:]), kind)  # the given name alone
        for part in ("".join(syllables[:head]), "".join(syllables[head:])):
            if len(part) >= 2:
                self.words.setdefault(part, kind)
        self.joined.setdefault("".join(syllables[head:]), kind)

    def find(self, text: str, where: str) -> Iterator[Finding]:
        if _EMAIL.search(text):
            yield Finding("e-mail address", where)
        for m in _DIGITS.finditer(_DATES.sub(" ", _CHAIN_HASH.sub(" ", text))):
            if sum(c.isdigit() for c in m.group(0)) >= 7:
                yield Finding("phone number", where)
        folded = _plain(text)
        if self.numbers:
            for token in re.findall(r"[^\W_]+(?:[./\-][^\W_]+)*", folded):
                pieces = re.split(r"([./\-])", token)  # words and the signs between them
                for i in range(0, len(pieces), 2):
                    for j in range(i, len(pieces), 2):
                        kind = self.numbers.get("".join(pieces[i : j + 1]))
                        if kind:
                            yield Finding("employee number", where, kind)
        if self.inside and any(_spaceless(c) for c in folded):
            squeezed = "".join(folded.split())
            for name, kind in self.inside.items():
                if name in squeezed:
                    yield Finding("name", where, kind)
        words = _words_with_gaps(text)
        for i, (raw, word, gap) in enumerate(words):
            forms = {word, *(_romanisations(raw) if not raw.isascii() else ())}
            if len(raw) > 2 and raw[-1] in "sS" and raw[-2] in _QUOTES:
                forms.add(_plain(raw[:-2]))
            for form in forms:
                kind = self.words.get(form)
                if kind is None:
                    continue
                if len(form) <= 3 and form in COMMON_SHORT_WORDS and not raw[0].isupper():
                    continue
                yield Finding("name", where, kind)
            joined = word
            for _raw2, word2, gap2 in words[i + 1 : i + 4]:
                if not set(gap) <= set(" -‐‑.,\n\t"):
                    break
                joined += word2
                gap = gap2
                if joined in self.joined:
                    yield Finding("name", where, self.joined[joined])


_TWO_CHAR_SURNAMES_TEXT = "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 夏侯 轩辕 令狐 宇文"
_TWO_CHAR_SURNAMES = frozenset(_TWO_CHAR_SURNAMES_TEXT.split())


class Template:
    """What the document itself prints: fixed phrases, label vocabulary, pseudonym roles."""

    def __init__(
        self,
        phrases: Iterable[str],
        roles: Iterable[str],
        sections: Iterable[str] = (),
        fields: Iterable[str] = (),
    ) -> None:
        self.sections = tuple(sections)
        self.fields = tuple(fields)
        folded = {" ".join(_plain(p).replace("_", " ").split()) for p in phrases}
        self.phrases = sorted((p for p in folded if p), key=len, reverse=True)
        alternatives = "|".join(re.escape(r) for r in sorted(set(roles), key=len, reverse=True))
        self.pseudonym = re.compile(rf"\b(?:{alternatives}) (?:[A-Z]{{1,3}}|\d{{1,4}})\b")
        self._phrase = re.compile(
            r"(?<![^\W_])(?:" + "|".join(re.escape(p) for p in self.phrases) + r")(?![^\W_])"
        )
        long = [p.split() for p in self.phrases if len(p.split()) > 1 and p.isascii()]
        self._long_phrase = (
            re.compile(
                r"(?<![^\W_])(?:"
                + "|".join(r"[\W_]+".join(map(re.escape, words)) for words in long)
                + r")(?![^\W_])",
                re.IGNORECASE,
            )
            if long
            else None
        )

    def readings(self, block: str) -> list[str]:
        """A wrapped block read with its lines spaced, and read with every line that breaks
        between two letters joined.

        reportlab breaks a word too long for its column anywhere ("Tot" / "al"): where the two
        halves make one of the template's words the first reading joins them, so the halves
        are not taken for names; the second reading finds a name broken over lines
        ("Wojci" / "echo" / "wski"). A block whose first reading is all template text is
        the template's, however its lines broke: gluing its ordinary wraps ("Cases with a" /
        "conversation") would only make non-words of its phrases and leave their one-word
        parts ("Cases") to be taken for names.
        """
        lines = block.split("\n")
        if len(lines) == 1:
            return [block]
        spaced, glued = lines[0], lines[0]
        for line in lines[1:]:
            broken = spaced[-1:].isalpha() and line[:1].isalpha()  # a word may run on
            pair = spaced.rsplit(" ", 1)[-1] + line.split(" ", 1)[0]
            spaced += ("" if broken and self.covers(pair) else " ") + line
            glued += ("" if broken else " ") + line
        return [spaced, glued] if glued != spaced and not self.covers(spaced) else [spaced]

    def masked(self, text: str) -> str:
        """The text with pseudonyms and redaction placeholders taken out."""
        return _PLACEHOLDERS.sub(" ", self.pseudonym.sub(" ", text))

    def checked_part(self, text: str) -> str:
        """What is matched in a block that mixes template and data: pseudonyms and phrases of
        two or more words ("Root causes in closed cases", "Small group") are taken out; a
        one-word phrase stays, as the same word may be a name in the data."""
        return self._long_phrase.sub(" ", self.masked(text)) if self._long_phrase else text

    def covers(self, text: str) -> bool:
        """True when ``text`` is made only of the template's own words."""
        rest = _REFERENCE.sub(" ", self.masked(text))
        rest = " ".join(_plain(rest).replace("_", " ").split())
        rest = self._phrase.sub(" ", rest)
        return not any(_wordy(c) and not c.isdigit() for c in rest)


@dataclass(frozen=True)
class VerificationReport:
    checked: int  # how many pieces of text were examined
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not self.findings


class RedactionRefused(Exception):
    """The produced export still identifies someone; nothing was written."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        shown = "\n".join(f"  - {f}" for f in findings[:15])
        more = f"\n  … and {len(findings) - 15} more" if len(findings) > 15 else ""
        super().__init__(
            "The redacted export was refused and nothing was written: it still contains "
            f"identifiers of people in the vault:\n{shown}{more}\nLeave out the free-text "
            "fields that hold them (or correct the text in the case), then export again."
        )


def json_texts(text: str) -> Iterator[tuple[str, str]]:
    def walk(value: object, path: str) -> Iterator[tuple[str, str]]:
        top = path.strip("/").split("/")[0] or "the top level"
        if isinstance(value, dict):
            for k, v in value.items():
                yield f"the JSON field '{top}'", str(k)
                yield from walk(v, f"{path}/{k}")
        elif isinstance(value, list):
            for v in value:
                yield from walk(v, path)
        elif value is not None:
            yield f"the JSON field '{top}'", str(value)

    yield from walk(json.loads(text), "")


def csv_texts(text: str) -> Iterator[tuple[str, str]]:
    for row_number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
        section = row[0] if row and row_number > 1 else "header"
        for cell in row:
            yield f"the CSV section '{section}' (row {row_number})", cell


# The verifier's own needles per index (the index's people are a tuple, fixed once built), so an
# index kept between exports (DocumentService.identifier_index) is not re-derived each time
# (~1 s for 20k people). Weak: the needles go when the index does (on lock, or once rebuilt).
_NEEDLES: weakref.WeakKeyDictionary[IdentifierIndex, _Needles] = weakref.WeakKeyDictionary()


def _needles_of(index: IdentifierIndex) -> _Needles:
    needles = _NEEDLES.get(index)
    if needles is None:
        needles = _NEEDLES[index] = _Needles(index.people)
    return needles


def verify_texts(
    texts: Iterable[tuple[str, str]], index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    template = template or default_template()
    needles = _needles_of(index)
    findings: dict[tuple[str, str], Finding] = {}
    checked = 0
    for where, block in texts:
        # Pseudonyms go first, so a line joined onto one ("theHR officer C") cannot hide it.
        for text in template.readings(template.masked(block)):
            checked += 1
            if not text.strip() or template.covers(text):
                continue
            for f in needles.find(template.checked_part(text), where):
                findings.setdefault((f.kind, f.where), f)
    ordered = sorted(findings.values(), key=lambda f: (f.where, f.kind))
    return VerificationReport(checked, tuple(ordered))


def verify_pdf(
    pdf: bytes, index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    template = template or default_template()
    return verify_texts(pdf_blocks(pdf, template.sections, template.fields), index, template)


def verify_export(
    payload: bytes, kind: str, index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    """Check one export (``kind`` is pdf, csv or json) and return what was found."""
    if kind == "pdf":
        return verify_pdf(payload, index, template)
    text = payload.decode("utf-8")
    if kind == "json":
        return verify_texts(json_texts(text), index, template)
    if kind == "csv":
        return verify_texts(csv_texts(text), index, template)
    raise ValueError(f"Unknown export kind '{kind}': use pdf, csv or json.")


def require_clean(
    payload: bytes, kind: str, index: IdentifierIndex, template: Template | None = None
) -> VerificationReport:
    """Raise `RedactionRefused` unless the export names nobody in ``index``."""
    if len(index) == 0:
        raise ValueError(
            "The verifier has no identifiers to check against; refusing to "
            "vouch for an export it cannot check."
        )
    report = verify_export(payload, kind, index, template)
    if not report.ok:
        raise RedactionRefused(list(report.findings))
    return report


def default_template(extra_phrases: Iterable[str] = ()) -> Template:
    """The redacted summary's template with every label of the domain's vocabulary, plus
    ``extra_phrases`` (such as the stage names of the case's own policy)."""
    from app.documents.pdf import summary_template as t

    return Template(
        [*t.phrases(), *extra_phrases],
        t.in_every_language(t.PSEUDONYM_ROLES),
        t.in_every_language(t.SECTIONS),
        t.in_every_language(t.FACT_LABELS),
    )
