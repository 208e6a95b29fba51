"""What the redaction verifier looks for, and how it reads text: its own rules, its own code.

`Needles` derives, from the list of people only, the words, joined syllables, unspaced names
and employee numbers the verifier refuses to see in an export, and `Needles.find` reports
where they are. Nothing here comes from the redactor (`identifiers`, `name_forms`): one bug
must not both leave a name in and wave it through (see `redaction_verifier`).

Building the needles of 20k people worked every name part out again for every person (~1 s);
a build now works each distinct word out once (`Needles._name`) and replays what it adds, in
the same order, so the result is the same dictionaries, entry for entry.
"""

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
# The audit chain head every summary prints (a SHA-256 in full, or its first 16 hex digits),
# which a page may show in groups of 16 and wrap anywhere between them ("…3e81 0bc0…" or two
# groups run together): a run of digits inside it is not a phone number. Whole 16-digit groups
# only, up to four, lower-case hex only.
_CHAIN_HASH = re.compile(r"(?<![0-9A-Za-z])[0-9a-f]{16}(?:\s?[0-9a-f]{16}){0,3}(?![0-9A-Za-z])")


_NO_QUOTES = str.maketrans("", "", _QUOTES)
_SPLIT = re.compile(r"[\s\-‐‑–—.,;:/()]+")
_QUOTE = re.compile(f"[{_QUOTES}]")
_SPACELESS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f"
    "\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]"
)


def plain(text: str, keep_case: bool = False) -> str:
    """Compatibility forms, diacritics and apostrophes gone; case folded unless asked."""
    if text.isascii():  # every step but the two below leaves ASCII as it is
        return (text if keep_case else text.lower()).translate(_NO_QUOTES)
    text = unicodedata.normalize("NFKC", text)
    text = text if keep_case else text.casefold()
    text = text.translate(_LETTERS).translate(_NO_QUOTES)
    kept = (c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", "".join(kept))


def wordy(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _has_spaceless(text: str) -> bool:
    """A letter of a script written without spaces (Thai, Myanmar, Khmer, Hangul, kana, Han)."""
    return _SPACELESS.search(text) is not None


def _words_with_gaps(text: str) -> list[tuple[str, str, str]]:
    """(word as written, folded word, text before the next word) for each word of ``text``."""
    out: list[list[str]] = []
    i, n = 0, len(text)
    while i < n:
        if not wordy(text[i]):
            if out:
                out[-1][2] += text[i]
            i += 1
            continue
        j = i
        while j < n and (
            wordy(text[j]) or (text[j] in _QUOTES and j + 1 < n and wordy(text[j + 1]))
        ):
            j += 1
        out.append([text[i:j], plain(text[i:j]), ""])
        i = j
    return [tuple(w) for w in out]  # type: ignore[misc]


def _romanisations(word: str) -> set[str]:
    forms = {plain(anyascii(word)).replace(" ", "")}
    alt = plain(word).replace("ου", "ou").translate(_GREEK_CYRILLIC)
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


_Adds = tuple[tuple[dict[str, str], str], ...]  # (which table, what) in the order added


class Needles:
    """What the verifier looks for, derived from the people with its own rules."""

    def __init__(self, people: Iterable[PersonIdentity]) -> None:
        self.words: dict[str, str] = {}
        self.joined: dict[str, str] = {}  # syllables written apart: "Xiao Long"
        self.inside: dict[str, str] = {}  # names of scripts without spaces
        self.numbers: dict[str, str] = {}
        # What each distinct word of a name adds, worked out once in this build: 20k people
        # share a few hundred name parts. Dropped with the build.
        memo: dict[tuple[str, bool, bool], _Adds] = {}
        for p in people:
            for name in (p.name, *p.aliases):
                self._name(name, p.kind, memo)
                written_out = unicodedata.normalize("NFC", name).translate(_UMLAUTS)
                if written_out != unicodedata.normalize("NFC", name):
                    self._name(written_out, p.kind, memo)
            number = p.employee_number.strip()
            if number and not (number.isdigit() and len(number) < 4):
                self.numbers.setdefault(plain(number), p.kind)

    def _name(self, name: str, kind: str, memo: dict[tuple[str, bool, bool], _Adds]) -> None:
        """Each word's additions, the first person to bring a form giving it its kind."""
        person = kind == "person"
        name = unicodedata.normalize("NFKC", name).strip()
        raw_words = [w for w in _SPLIT.split(name) if w]
        alone = len(raw_words) == 1
        for raw in raw_words:
            key = (raw, person, alone)
            adds = memo.get(key)
            if adds is None:
                adds = memo[key] = tuple(self._word(raw, person, alone))
            for table, form in adds:
                table.setdefault(form, kind)

    def _word(self, raw: str, person: bool, alone: bool) -> Iterator[tuple[dict[str, str], str]]:
        """What one word of a name adds (role words do not name anyone typed on a record)."""
        if _has_spaceless(raw):
            yield from self._spaceless_word(raw, alone)
            return
        ignore = ROLE_WORDS if person else frozenset()
        pieces = [raw, *_QUOTE.split(raw)[1:]]
        for k, piece in enumerate(pieces):
            word = plain(piece)
            if len(word) < 2 or any(c.isdigit() for c in word) or word in ignore:
                continue
            if k and len(word) <= 3:
                continue  # the "O" of O'Brien, the "D" of D'Angelo
            yield self.words, word
            for form in _romanisations(piece):
                if len(form) >= 2 and form not in ignore:
                    yield self.words, form

    def _spaceless_word(self, raw: str, alone: bool) -> Iterator[tuple[dict[str, str], str]]:
        """A name in Chinese, Japanese, Korean, Thai...: inside any text, and romanised."""
        if len(plain(raw)) >= 2:
            yield self.inside, plain(raw)
        for form in _romanisations(raw):
            yield self.words, form
        han_or_hangul = all(0x3400 <= ord(c) <= 0x9FFF or 0xAC00 <= ord(c) <= 0xD7AF for c in raw)
        syllables = [s.lower() for s in re.findall(r"[A-Z][a-z]*", anyascii(raw))]
        if not han_or_hangul or len(syllables) < 2:
            return
        yield self.joined, "".join(syllables)
        if not alone:
            return
        head = 2 if raw[:2] in _TWO_CHAR_SURNAMES else 1
        if 3 <= len(raw) <= 4:
            yield self.inside, plain(raw[head:])  # the given name alone
        for part in ("".join(syllables[:head]), "".join(syllables[head:])):
            if len(part) >= 2:
                yield self.words, part
        yield self.joined, "".join(syllables[head:])

    def find(self, text: str, where: str) -> Iterator[Finding]:
        if _EMAIL.search(text):
            yield Finding("e-mail address", where)
        for m in _DIGITS.finditer(_DATES.sub(" ", _CHAIN_HASH.sub(" ", text))):
            if sum(c.isdigit() for c in m.group(0)) >= 7:
                yield Finding("phone number", where)
        folded = plain(text)
        if self.numbers:
            for token in re.findall(r"[^\W_]+(?:[./\-][^\W_]+)*", folded):
                pieces = re.split(r"([./\-])", token)  # words and the signs between them
                for i in range(0, len(pieces), 2):
                    for j in range(i, len(pieces), 2):
                        kind = self.numbers.get("".join(pieces[i : j + 1]))
                        if kind:
                            yield Finding("employee number", where, kind)
        if self.inside and _has_spaceless(folded):
            squeezed = "".join(folded.split())
            for name, kind in self.inside.items():
                if name in squeezed:
                    yield Finding("name", where, kind)
        words = _words_with_gaps(text)
        for i, (raw, word, gap) in enumerate(words):
            forms = {word, *(_romanisations(raw) if not raw.isascii() else ())}
            if len(raw) > 2 and raw[-1] in "sS" and raw[-2] in _QUOTES:
                forms.add(plain(raw[:-2]))
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
