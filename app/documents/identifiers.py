"""Finding people's identifiers in text: the shared core of redaction and its verifier.

Matching works on a *skeleton* of the text: NFKC, letters without diacritics (so "Zolc" and
"ŻÓŁĆ" both match "Żółć"), case-folded, whitespace collapsed. Latin, Greek and Cyrillic names
match as whole words (so "Ann" does not fire inside "annual"); CJK names (Chinese, Japanese,
Korean), written without spaces or with a Korean particle attached ("김민준은"), match as
substrings. Both the redactor (which replaces) and the verifier (which
refuses) use the same rules, so whatever the redactor leaves is exactly what the verifier
accepts.

Identifiers checked: full names, name parts of 3 or more letters, e-mail addresses and
employee numbers (numbers made only of digits count from 4 digits, so page numbers and
counts do not collide with them).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from app.domain.identities import PersonIdentity

# Letters that do not decompose into base + mark under NFKD.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "þ": "th",
        "Þ": "th",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "Ŧ": "t",
    }
)
_WORD = re.compile(r"\w+")
_ID_TOKEN = re.compile(r"[\w][\w./\-]*")
EMAIL = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+")
MIN_PART = 3
MIN_DIGIT_NUMBER = 4

# Names typed on records are sometimes role descriptions ("Customer", "Peer reviewer", "QA
# team"), not people. For such free-typed names only, these words are not name parts; the
# names of employees and officers are always checked word for word.
_ROLE_TEXT = """
    academy advisor adviser analyst anonymous assurance auditor board client colleague
    colleagues committee compliance contractor coordinator council customer customers
    department desk director employee engineer engineering executive external finance head
    internal junior lead leader logistics manager member mentor operations other others panel
    partner peer peers person provider qa representative reviewer safety sales senior service
    specialist sponsor staff stakeholder supervisor supplier support team trainer training
    union unknown vendor works officer observer coach learning assistant administrator
    attendee reviewers hr and the for with from development group human resources office
    services company agency dept
"""
ROLE_WORDS = frozenset(_ROLE_TEXT.split())


# One common romanisation each for Cyrillic and Greek, so "Ivan Petrov" typed in a note is
# caught for a person stored as "Иван Петров" (and the other way round for the redactor).
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэіґ", "abvgdeziyklmnoprstufyeig", strict=True)),
        "ё": "e",
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ь": "",
        "ю": "yu",
        "я": "ya",
        "ї": "yi",
        "є": "ye",
        **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdezikklmnxoprstyfo", strict=True)),
        "θ": "th",
        "χ": "ch",
        "ψ": "ps",
        "ς": "s",
    }
)


def romanised(word: str) -> str:
    """The Latin spelling of a Cyrillic or Greek skeleton word ('' if it has neither)."""
    out = word.replace("ου", "ou").translate(_LATIN)
    return out if out != word and out.isascii() else ""


def skeleton(text: str) -> str:
    """Diacritic-free, case-folded, whitespace-collapsed form used for every comparison.

    NFKD splits each Hangul syllable into jamo; the final NFC joins them again (no marks are
    left for it to put back), so a Korean name stays a CJK name of the same length.
    """
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", " ".join(text.casefold().split()))


def is_cjk(text: str) -> bool:
    for ch in text:
        cp = ord(ch)
        if (
            0x3040 <= cp <= 0x30FF
            or 0x3400 <= cp <= 0x4DBF
            or 0x4E00 <= cp <= 0x9FFF
            or 0xAC00 <= cp <= 0xD7AF
            or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x2FA1F
        ):
            return True
    return False


def name_parts(name: str) -> list[str]:
    """Skeleton words of a name (split on spaces, hyphens, apostrophes)."""
    return _WORD.findall(skeleton(name))


@dataclass(frozen=True)
class Finding:
    """One identifier found: what kind, a masked hint, and where."""

    kind: str
    hint: str
    where: str
    person_kind: str = "person"

    def __str__(self) -> str:
        return (
            f"{self.kind} {self.hint} of a{'n' if self.person_kind[0] in 'aeio' else ''} "
            f"{self.person_kind} ({self.where})"
        )


def mask(value: str) -> str:
    """Enough for the officer to recognise the identifier, not the whole of it."""
    value = value.strip()
    keep = 1 if is_cjk(value) else 2
    return f"'{value[:keep]}…'" if len(value) > keep else "'…'"


class IdentifierIndex:
    """Every identifier of every person, prepared for fast whole-text checks."""

    def __init__(self, people: Iterable[PersonIdentity]) -> None:
        self.parts: dict[str, PersonIdentity] = {}  # skeleton word -> first owner
        self.cjk_names: dict[str, PersonIdentity] = {}  # skeleton (no spaces) -> owner
        # Names whose every part is shorter than MIN_PART ("Li Na"): matched as a sequence.
        self.short_names: dict[str, tuple[re.Pattern, PersonIdentity, tuple[str, ...]]] = {}
        self.emails: dict[str, PersonIdentity] = {}
        self.numbers: dict[str, PersonIdentity] = {}
        for person in people:
            self._add(person)

    def _add(self, person: PersonIdentity) -> None:
        full = skeleton(person.name)
        # Digits are never part of a name; and in a name typed on a record, role words are
        # not either ("Peer reviewer" names nobody, "Senior engineer Bo Li" names Bo Li).
        parts = [
            w
            for w in _WORD.findall(full)
            if not any(c.isdigit() for c in w) and not (person.kind == "person" and w in ROLE_WORDS)
        ]
        if full and parts:
            if is_cjk(full):
                self.cjk_names.setdefault(full.replace(" ", ""), person)
                for p in parts:
                    if len(p) >= MIN_PART:
                        self.cjk_names.setdefault(p, person)
            else:
                for p in parts:
                    for form in (p, romanised(p)):
                        if len(form) >= MIN_PART:
                            self.parts.setdefault(form, person)
                if parts and all(len(p) < MIN_PART for p in parts):
                    pattern = re.compile(
                        r"(?<!\w)" + r"\W+".join(map(re.escape, parts)) + r"(?!\w)"
                    )
                    self.short_names.setdefault(full, (pattern, person, tuple(parts)))
        if person.email.strip():
            self.emails.setdefault(skeleton(person.email), person)
        number = person.employee_number.strip()
        if number and not (number.isdigit() and len(number) < MIN_DIGIT_NUMBER):
            self.numbers.setdefault(skeleton(number), person)

    def __len__(self) -> int:
        return len(self.parts) + len(self.cjk_names) + len(self.emails) + len(self.numbers)

    def find(self, text: str, where: str) -> Iterator[Finding]:
        """Every identifier in ``text`` (one finding per identifier)."""
        sk = skeleton(text)
        if not sk:
            return
        for email in {e.rstrip(".") for e in EMAIL.findall(sk)}:
            if email in self.emails:
                yield Finding("e-mail", mask(email), where, self.emails[email].kind)
        for token in {t.strip("./-") for t in _ID_TOKEN.findall(sk)}:
            if token in self.numbers:
                yield Finding("employee number", mask(token), where, self.numbers[token].kind)
        for word in set(_WORD.findall(sk)):
            if word in self.parts:
                yield Finding("name", mask(word), where, self.parts[word].kind)
        if self.cjk_names and is_cjk(sk):
            compact = sk.replace(" ", "")
            for name, person in self.cjk_names.items():
                if name in compact:
                    yield Finding("name", mask(name), where, person.kind)
        for full, (pattern, person, _) in self.short_names.items():
            if pattern.search(sk):
                yield Finding("name", mask(full), where, person.kind)


@dataclass(frozen=True)
class Replacement:
    """What a known person's name becomes in one export."""

    name: str
    pseudonym: str


class TextRedactor:
    """Replaces identifiers inside free text the user chose to include.

    Names of people in the export become their pseudonym; names of anyone else in the vault,
    e-mail addresses, phone numbers and employee numbers become a bracketed placeholder.
    """

    PHONE = re.compile(r"(?<![\w+])\+?\d[\d ()./\-]{5,}\d(?!\w)")
    DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")

    def __init__(self, index: IdentifierIndex, pseudonyms: dict[str, str]) -> None:
        """``pseudonyms`` maps skeleton full names of people in the export to pseudonyms."""
        self.index = index
        self.by_full = dict(pseudonyms)
        self.by_part: dict[str, str] = {}
        owners: dict[str, set[str]] = {}
        for full in pseudonyms:
            words = _WORD.findall(full)
            for part in words + [romanised(w) for w in words]:
                if len(part) >= MIN_PART:
                    owners.setdefault(part, set()).add(full)
        # A first name in a case's notes means the person of that name in the case, even if
        # others in the vault share it; shared by two people in the case, it says neither.
        for part, fulls in owners.items():
            self.by_part[part] = pseudonyms[next(iter(fulls))] if len(fulls) == 1 else "[name]"

    def redact(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        text = EMAIL.sub("[e-mail]", text)
        text = self.PHONE.sub(self._phone, text)
        text = self._numbers(text)
        text = self._cjk(text)
        text = self._short_names(text)
        text = _WORD.sub(self._word, text)
        # "Łukasz Żółć" became "Employee A Employee A": say it once.
        for pseudo in {*self.by_full.values(), *self.by_part.values(), "[name]"}:
            text = re.sub(rf"{re.escape(pseudo)}(?:[ \t\-'’]+{re.escape(pseudo)})+", pseudo, text)
        return text

    def _phone(self, m: re.Match) -> str:
        digits = sum(c.isdigit() for c in m.group(0))
        if digits < 7 or self.DATE.match(m.group(0).strip()):
            return m.group(0)
        return "[phone]"

    def _numbers(self, text: str) -> str:
        def sub(m: re.Match) -> str:
            token = m.group(0)
            core = token.strip("./-")
            if skeleton(core) in self.index.numbers:
                return token.replace(core, "[employee number]")
            return token

        return _ID_TOKEN.sub(sub, text)

    def _cjk(self, text: str) -> str:
        if not self.index.cjk_names or not is_cjk(text):
            return text
        for name in sorted(self.index.cjk_names, key=len, reverse=True):
            pseudo = self.by_full.get(name) or next(
                (p for full, p in self.by_full.items() if full.replace(" ", "") == name), "[name]"
            )
            # CJK letters have no case or diacritics; NFKC is enough to match the original.
            text = _replace_loose_spaces(text, name, pseudo)
        return text

    def _short_names(self, text: str) -> str:
        """Replace names made only of short parts, matched as consecutive words."""
        if not self.index.short_names:
            return text
        tokens = list(_WORD.finditer(text))
        words = [skeleton(t.group(0)) for t in tokens]
        spans: list[tuple[int, int, str]] = []
        for full, (_, _, parts) in self.index.short_names.items():
            n = len(parts)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) == parts:
                    spans.append(
                        (
                            tokens[i].start(),
                            tokens[i + n - 1].end(),
                            self.by_full.get(full, "[name]"),
                        )
                    )
        for start, end, pseudo in sorted(spans, reverse=True):
            text = text[:start] + pseudo + text[end:]
        return text

    def _word(self, m: re.Match) -> str:
        word = m.group(0)
        sk = skeleton(word)
        if sk in self.index.parts:
            return self.by_part.get(sk, "[name]")
        return word


def _replace_loose_spaces(text: str, name: str, replacement: str) -> str:
    pattern = r"\s*".join(re.escape(c) for c in name)
    return re.sub(pattern, replacement, unicodedata.normalize("NFKC", text))
