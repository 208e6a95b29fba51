"""Frozen copy of app/documents/redaction/name_forms.py as it was before the per-word memo
(main at 7b13117, docstring left out): the reference the faster index build is checked
against in test_identifier_build_reference.py. Do not edit: it is what "exactly as strict"
means."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from anyascii import anyascii

from app.domain.identities import ROLE_WORDS, PersonIdentity

APOSTROPHES = "'’ʼ`‘´ʹ′"
SHORT = 3
# Chinese surnames of two characters: the given name is what follows them.
_COMPOUND_SURNAMES_TEXT = "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 夏侯 轩辕 令狐 宇文"
_COMPOUND_SURNAMES = frozenset(_COMPOUND_SURNAMES_TEXT.split())

# Letters that do not decompose into base + mark under NFKD.
_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th",
        "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t",
    }
)  # fmt: skip
_NO_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
# A second common romanisation (anyascii writes "Papadopoylos", people write "Papadopoulos").
_ALT_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіґ", "abvgdeziyklmnoprstufyeig", strict=True)),
        "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
        "ь": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye",
        **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo", strict=True)),
        "θ": "th", "χ": "ch", "ψ": "ps", "ς": "s",
    }
)  # fmt: skip


# German and Scandinavian spellings without the letter: "Müller" is also written "Mueller".
_EXPANDED = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "å": "aa", "Å": "Aa",
     "ø": "oe", "Ø": "Oe", "æ": "ae", "Æ": "Ae"}
)  # fmt: skip


def expanded(text: str) -> str:
    """``text`` with umlauts and å/ø written out ('' when it has none)."""
    out = unicodedata.normalize("NFC", text).translate(_EXPANDED)
    return out if out != unicodedata.normalize("NFC", text) else ""


def fold(text: str) -> str:
    """Case, diacritics, apostrophes and compatibility forms folded away (NFC at the end)."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.casefold().translate(_NO_APOSTROPHES)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def latin(text: str) -> str:
    """The folded anyascii transliteration ('' when it adds nothing)."""
    out = fold(anyascii(unicodedata.normalize("NFC", text)))
    return "" if out == fold(text) else out


def alt_latin(word: str) -> str:
    """The folded word in the second Greek/Cyrillic romanisation ('' if it has neither)."""
    out = fold(word).replace("ου", "ou").translate(_ALT_LATIN)
    return out if out.isascii() and out != fold(word) else ""


def is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def unspaced(ch: str) -> bool:
    """Letters of scripts written without spaces between words (names match as substrings)."""
    cp = ord(ch)
    return (
        0x0E00 <= cp <= 0x0EFF  # Thai, Lao
        or 0x1000 <= cp <= 0x109F  # Myanmar
        or 0x1780 <= cp <= 0x17FF  # Khmer
        or 0x1100 <= cp <= 0x11FF  # Hangul jamo
        or 0x3040 <= cp <= 0x30FF  # kana
        or 0x3130 <= cp <= 0x318F  # Hangul compatibility jamo
        or 0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x2FA1F
    )


def has_unspaced(text: str) -> bool:
    return any(unspaced(c) for c in text)


def _is_han(text: str) -> bool:
    return all(0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF for c in text)


def _is_hangul(text: str) -> bool:
    return all(0xAC00 <= ord(c) <= 0xD7AF for c in text)


_TOKEN_SPLIT = re.compile(r"[\s\-‐‑–—.,;:/()]+")
_CAMEL = re.compile(r"[A-Z][a-z]*|[a-z]+|\d+")


@dataclass
class PersonForms:
    """What the redactor looks for, for one person."""

    person: PersonIdentity
    sequences: set[tuple[str, ...]] = field(default_factory=set)  # folded word sequences
    substrings: set[str] = field(default_factory=set)  # folded, spaces removed
    emails: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)


def _words(name: str) -> list[str]:
    """Folded parts of a name, split on spaces, hyphens and dots; apostrophes folded away."""
    return [w for w in _TOKEN_SPLIT.split(fold(name)) if w]


def _pieces_after_apostrophe(name: str) -> list[str]:
    out = []
    for raw in _TOKEN_SPLIT.split(unicodedata.normalize("NFKC", name)):
        bits = [b for b in re.split(f"[{APOSTROPHES}]", raw) if b]
        if len(bits) > 1:
            out += [fold(b) for b in bits[1:] if len(fold(b)) > SHORT]
    return out


def _pinyin(name: str) -> list[list[str]]:
    """Each Han part of the name as its list of folded pinyin syllables."""
    out = []
    for part in name.split():
        if _is_han(part) or _is_hangul(part):
            out.append([s.casefold() for s in _CAMEL.findall(anyascii(part))])
    return out


def _add_latin_name(forms: PersonForms, parts: list[str], role_words: frozenset[str]) -> None:
    parts = [p for p in parts if p and not any(c.isdigit() for c in p) and p not in role_words]
    if not parts:
        return
    for p in parts:
        forms.sequences.add((p,))
        alt = alt_latin(p)
        if alt:
            forms.sequences.add((alt,))
    forms.sequences.add(tuple(parts))
    if len(parts) > 1:
        # Initials before the last part: "J. Smith", "J Smith".
        initials = tuple(p[0] for p in parts[:-1] if p[0].isalpha())
        if initials:
            forms.sequences.add((*initials, parts[-1]))
            forms.sequences.add((initials[0], parts[-1]))


def forms_of(person: PersonIdentity, role_words: frozenset[str] = ROLE_WORDS) -> PersonForms:
    """Every form of ``person``'s identifiers. ``role_words`` are words that, in a name typed
    on a record ("Peer reviewer", "QA team"), do not name anyone; employees' and officers'
    names are always taken word for word."""
    forms = PersonForms(person)
    skip = role_words if person.kind == "person" else frozenset()
    names = [person.name, *person.aliases]
    names += [e for e in map(expanded, names) if e]
    for name in names:
        if not name.strip():
            continue
        if has_unspaced(name):
            compact = fold(name).replace(" ", "")
            forms.substrings.add(compact)
            for part in fold(name).split():
                if len(part) >= 2:
                    forms.substrings.add(part)
            if " " not in name.strip() and 3 <= len(compact) <= 4:
                head = 2 if compact[:2] in _COMPOUND_SURNAMES else 1
                if _is_han(compact) or _is_hangul(compact):
                    forms.substrings.add(compact[head:])  # given name alone: 小龙, 민준
        _add_latin_name(forms, _words(name), skip)
        for piece in _pieces_after_apostrophe(name):
            forms.sequences.add((piece,))
        translit = latin(name)
        if translit:
            _add_latin_name(forms, _words(translit), skip)
        for syllables in _pinyin(name):
            _add_pinyin(forms, syllables, name)
    if person.email.strip():
        email = fold(person.email)
        forms.emails.add(email)
        local, _, domain = email.partition("@")
        if domain:
            forms.emails.add(f"{local}@{domain.split('.')[0]}")
    number = person.employee_number.strip()
    if number and not (number.isdigit() and len(number) < 4):
        forms.numbers.add(fold(number))
    return forms


def _add_pinyin(forms: PersonForms, syllables: list[str], name: str) -> None:
    if not syllables:
        return
    whole = "".join(syllables)
    forms.sequences.add((whole,))
    forms.sequences.add(tuple(syllables))
    if " " in name.strip() or len(syllables) < 2:
        return
    head = 2 if name.strip()[:2] in _COMPOUND_SURNAMES else 1
    surname, given = "".join(syllables[:head]), syllables[head:]
    joined = "".join(given)
    forms.sequences.update(
        {(surname,), (joined,), tuple(given), (surname, joined), (joined, surname)}
    )
    forms.sequences.add((*given, surname))
