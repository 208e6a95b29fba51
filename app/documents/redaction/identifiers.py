"""The redactor's matcher: finds people's identifiers in free text and replaces them.

`IdentifierIndex` holds every person in the vault with the forms `name_forms` derives for them;
`TextRedactor` walks a *folded view* of the text (each character folded on its own, so every
match maps back to the original span), and replaces:

- any e-mail-like string (with or without a top-level domain: "jan@hr") with "[e-mail]";
- any phone-like number (7 or more digits, with spaces, dashes, dots, brackets or "+"; dates
  are not phone numbers) with "[phone]";
- known employee numbers with "[employee number]";
- names in every form: a person in the export becomes their pseudonym, anyone else "[name]".

The verifier (`redaction_verifier`) checks the result with its own code, on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from app.documents.redaction.name_forms import (
    APOSTROPHES,
    SHORT,
    PersonForms,
    WordMemo,
    alt_latin,
    fold,
    forms_of,
    has_unspaced,
    is_word_char,
    latin,
)
from app.domain.identities import COMMON_SHORT_WORDS, PersonIdentity

EMAIL = re.compile(r"[\w.+'’\-]*\w@\w[\w\-]*(?:\.[\w\-]+)*")
PHONE = re.compile(r"(?<![\w+\-/.])\+?\(?\d[\d \t().\-/]{5,}\d(?![\w])")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}")
_GAP = set(" \t\n-‐‑.,")
_ID_TOKEN = re.compile(r"[^\W_]+(?:[./\-][^\W_]+)*")
_ID_PART = re.compile(r"[^\W_]+")


def skeleton(text: str) -> str:
    """Folded form used as a person's key (case, diacritics, apostrophes, spacing)."""
    return fold(text)


def is_phone(candidate: str) -> bool:
    """7 or more digits once dates are taken out."""
    return sum(c.isdigit() for c in DATE.sub(" ", candidate)) >= 7


class IdentifierIndex:
    """Every person of the vault with their forms, prepared for matching."""

    def __init__(self, people: Iterable[PersonIdentity]) -> None:
        self.people: tuple[PersonIdentity, ...] = tuple(people)
        memo = WordMemo()  # shared name parts worked out once for this build, then dropped
        self.forms: list[PersonForms] = [forms_of(p, memo=memo) for p in self.people]
        self.by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.substrings: dict[str, set[int]] = {}
        self.numbers: dict[str, set[int]] = {}
        for i, f in enumerate(self.forms):
            for seq in f.sequences:
                if len(seq) == 1 and len(seq[0]) < 2:
                    continue  # a lone initial identifies no one
                self.by_first.setdefault(seq[0], []).append((seq, i))
            for sub in f.substrings:
                self.substrings.setdefault(sub, set()).add(i)
            for n in f.numbers:
                self.numbers.setdefault(n, set()).add(i)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self._substring_order = sorted(self.substrings, key=len, reverse=True)

    def __len__(self) -> int:
        return len(self.people)


def _fold_char(ch: str) -> str:
    if ch in APOSTROPHES:
        return ""
    return fold(ch) if not ch.isspace() else " "


class _View:
    """The folded text with, for each folded character, the original index it came from."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            for f in _fold_char(ch):
                chars.append(f)
                origin.append(i)
        self.text = "".join(chars)
        self.origin = origin
        self.source = text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of folded [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


def _tokens(source: str) -> list[tuple[int, int]]:
    """Spans of words in the original text: letters, marks, digits, joined by apostrophes."""
    out = []
    i, n = 0, len(source)
    while i < n:
        if is_word_char(source[i]):
            j = i + 1
            while j < n and (
                is_word_char(source[j])
                or (source[j] in APOSTROPHES and j + 1 < n and is_word_char(source[j + 1]))
            ):
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


class TextRedactor:
    """Replaces identifiers inside free text the user chose to include."""

    def __init__(self, index: IdentifierIndex, pseudonyms: dict[str, str]) -> None:
        """``pseudonyms`` maps skeleton full names of people in the export to pseudonyms."""
        self.index = index
        self.pseudonym_of = {
            i: pseudonyms[skeleton(p.name)]
            for i, p in enumerate(index.people)
            if skeleton(p.name) in pseudonyms
        }
        self.pseudonyms = dict(pseudonyms)

    def _say(self, owners: Iterable[int]) -> str:
        """A form owned by exactly one person of the export means that person."""
        named = {self.pseudonym_of[i] for i in owners if i in self.pseudonym_of}
        return named.pop() if len(named) == 1 else "[name]"

    def redact(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        spans: list[tuple[int, int, str]] = []
        for m in EMAIL.finditer(text):
            spans.append((m.start(), m.end(), "[e-mail]"))
        for m in PHONE.finditer(text):
            if is_phone(m.group(0)):
                spans.append((m.start(), m.end(), "[phone]"))
        spans += self._numbers(text)
        view = _View(text)
        spans += self._substrings(view)
        spans += self._names(text)
        out = self._apply(text, spans)
        # "Łukasz Żółć" became "Employee A Employee A": say it once.
        for pseudo in {*self.pseudonym_of.values(), "[name]"}:
            out = re.sub(rf"{re.escape(pseudo)}(?:[ \t\-'’]+{re.escape(pseudo)})+", pseudo, out)
        return out

    @staticmethod
    def _apply(text: str, spans: list[tuple[int, int, str]]) -> str:
        """Replace spans, earlier-listed (then longer) spans winning over overlapping ones."""
        taken: list[tuple[int, int, str]] = []
        for start, end, what in spans:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, what))
        for start, end, what in sorted(taken, reverse=True):
            text = text[:start] + what + text[end:]
        return text

    def _numbers(self, text: str) -> list[tuple[int, int, str]]:
        """Known employee numbers: any run of a token's parts ("TR-2019/44", or "2019" in it),
        looked up in a set, so a vault of 10,000 numbers costs no more than one."""
        out = []
        numbers = self.index.numbers
        if not numbers:
            return out
        for token in _ID_TOKEN.finditer(text):
            parts = [(m.start(), m.end()) for m in _ID_PART.finditer(token.group(0))]
            base = token.start()
            for i in range(len(parts)):
                for j in range(len(parts) - 1, i - 1, -1):
                    a, b = base + parts[i][0], base + parts[j][1]
                    if fold(text[a:b]) in numbers:
                        out.append((a, b, "[employee number]"))
                        break
        return out

    def _substrings(self, view: _View) -> list[tuple[int, int, str]]:
        out = []
        if not self.index.substrings or not has_unspaced(view.text):
            return out
        compact = []
        origin = []
        for k, ch in enumerate(view.text):
            if not ch.isspace():
                compact.append(ch)
                origin.append(k)
        squeezed = "".join(compact)
        for sub in self.index._substring_order:
            start = squeezed.find(sub)
            while start >= 0:
                a, b = origin[start], origin[start + len(sub) - 1] + 1
                s, e = view.span(a, b)
                out.append((s, e, self._say(self.index.substrings[sub])))
                start = squeezed.find(sub, start + len(sub))
        return out

    def _names(self, text: str) -> list[tuple[int, int, str]]:
        tokens = _tokens(text)
        candidates = [self._forms_of_token(text, s, e) for s, e in tokens]
        out = []
        i = 0
        while i < len(tokens):
            best: tuple[int, set[int]] | None = None  # (length, owners)
            for cand in candidates[i]:
                for seq, owner in self.index.by_first.get(cand, ()):
                    n = len(seq)
                    if best and n < best[0]:
                        break
                    if i + n > len(tokens) or not self._fits(text, tokens, candidates, i, seq):
                        continue
                    if best and best[0] == n:
                        best[1].add(owner)
                    else:
                        best = (n, {owner})
            if best:
                n, owners = best
                out.append((tokens[i][0], tokens[i + n - 1][1], self._say(owners)))
                i += n
            else:
                i += 1
        return out

    @staticmethod
    def _fits(
        text: str,
        tokens: list[tuple[int, int]],
        candidates: list[set[str]],
        i: int,
        seq: tuple[str, ...],
    ) -> bool:
        for k, word in enumerate(seq):
            if word not in candidates[i + k]:
                return False
            if k and not set(text[tokens[i + k - 1][1] : tokens[i + k][0]]) <= _GAP:
                return False
        if len(seq) == 1 and len(seq[0]) <= SHORT and seq[0] in COMMON_SHORT_WORDS:
            return text[tokens[i][0]].isupper()
        return True

    @staticmethod
    def _forms_of_token(text: str, start: int, end: int) -> set[str]:
        raw = text[start:end]
        word = fold(raw)
        out = {word}
        for extra in (latin(raw), alt_latin(raw)):
            if extra:
                out.add(extra.replace(" ", ""))
        # A possessive: "Kowalski's" is Kowalski.
        if len(raw) > 2 and raw[-1] in "sS" and raw[-2] in APOSTROPHES:
            out.add(fold(raw[:-2]))
        return out
