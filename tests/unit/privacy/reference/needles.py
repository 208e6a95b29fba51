"""Frozen copy of the redaction verifier's needles (app/documents/redaction/redaction_verifier.py,
main at 7b13117: its tables, `_plain`, `_spaceless`, `_romanisations` and `_Needles`) as they
were before the per-word memo: the reference the faster build is checked against in
test_identifier_build_reference.py. Do not edit."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from anyascii import anyascii

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
