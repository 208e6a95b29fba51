"""Every way a person's identifiers may be written in a note: the redactor's vocabulary.

A name in free text is rarely typed as it is stored. From each `PersonIdentity` this module
derives the *forms* the redactor looks for:

- each name part and the whole name, case and diacritics folded ("Żółć" ~ "zolc", "ŁUKASZ");
- apostrophe variants (’ ' ʼ ` or none: "O'Brien" ~ "O’Brien" ~ "OBrien"), and the piece after
  an apostrophe ("Brien", "Angelo" of "D'Angelo");
- hyphenated names as their parts and as the hyphen-free sequence ("Żółć Wiśniewski");
- initials before a surname ("J. Smith", "J Smith");
- preferred names (`PersonIdentity.aliases`);
- Latin transliterations of every script, by anyascii: Cyrillic ("Ivan Petrov"), Greek, Arabic,
  Hebrew, Devanagari, Thai, and Chinese as pinyin ("Li Xiaolong", "Xiaolong", "Xiao-long",
  "Xiaolong Li"), with a second common romanisation for Greek and Cyrillic;
- names in scripts written without spaces (Chinese, Japanese, Korean, Thai...) as substrings,
  with a Chinese or Korean given name alone ("小龙", "민준") when it has at least two letters.

anyascii (ISC licence, no dependencies, one table for every script, maintained) was chosen over
Unidecode (GPL-2.0: not something to ship inside a proprietary program) and pypinyin (MIT, but
Chinese only).

Parts of up to three letters ("Li", "Bo", "Ng") are matched as whole words only; when such a
part is also a common English word ("An", "Do", "To") it is matched only when written with a
capital letter, or free text would lose every "an" and "to".
"""

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


# The ranges of `unspaced` as one character class: a name is scanned in C, not per character.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u1100-\u11ff\u3040-\u30ff\u3130-\u318f"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]"
)
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
_HAN_OR_HANGUL = re.compile("[\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def has_unspaced(text: str) -> bool:
    return _UNSPACED.search(text) is not None


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


class WordMemo:
    """`fold`, `latin` and `alt_latin` computed once per distinct word inside one build.

    20k people share a few hundred name parts ("Zoë", "Ångström", "Manager"); one build of
    the index folded and transliterated each part again for every person (~1.5 s at 20k).
    A string is cut at its plain spaces and each piece is worked out once: every step of
    `fold` (NFKC, the letter table, NFKD without marks, casefold, apostrophes, NFC) acts on
    one character, or (normalisation) never across U+0020, which neither composes nor
    reorders with its neighbours; anyascii transliterates character by character. So
    ``fold(a + " " + b)`` is ``fold(a)`` and ``fold(b)`` joined by one space (an empty side
    dropped), and the same for the transliteration. An ASCII string folds as it lowercases.
    The memo lives only as long as one build: no name outlives the index it went into.
    """

    def __init__(self) -> None:
        self._fold: dict[str, str] = {}
        self._translit: dict[str, str] = {}
        self._alt: dict[str, str] = {}
        self._sequences: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        self.names: dict[tuple, tuple[tuple, tuple]] = {}  # see `_shape_key`

    def fold(self, text: str) -> str:
        out = self._fold.get(text)
        if out is None:
            if text.isascii():
                out = " ".join(text.lower().translate(_NO_APOSTROPHES).split())
            elif " " in text:
                out = " ".join([p for p in map(self.fold, text.split(" ")) if p])
            else:
                out = fold(text)
            self._fold[text] = out
        return out

    def _folded_translit(self, text: str) -> str:
        """``fold(anyascii(NFC(text)))``, piece by piece."""
        out = self._translit.get(text)
        if out is None:
            if " " in text:
                out = " ".join(p for p in map(self._folded_translit, text.split(" ")) if p)
            else:
                out = self.fold(anyascii(unicodedata.normalize("NFC", text)))
            self._translit[text] = out
        return out

    def latin(self, text: str) -> str:
        """`latin` (the folded transliteration, '' when it adds nothing)."""
        out = self._folded_translit(text)
        return "" if out == self.fold(text) else out

    def alt_latin(self, word: str) -> str:
        out = self._alt.get(word)
        if out is None:
            out = self._alt[word] = alt_latin(word)
        return out

    def latin_sequences(self, parts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        """A name's sequences once its numbers are dropped: "Zoë Ångström 17" and
        "Zoë Ångström 4711" share them."""
        out = self._sequences.get(parts)
        if out is None:
            out = self._sequences[parts] = tuple(_latin_sequences(parts, self))
        return out


def _words(name: str, memo: WordMemo) -> list[str]:
    """Folded parts of a name, split on spaces, hyphens and dots; apostrophes folded away."""
    return [w for w in _TOKEN_SPLIT.split(memo.fold(name)) if w]


def _pieces_after_apostrophe(name: str) -> list[str]:
    out: list[str] = []
    name = unicodedata.normalize("NFKC", name)
    if _APOSTROPHE.search(name) is None:
        return out
    for raw in _TOKEN_SPLIT.split(name):
        bits = [b for b in _APOSTROPHE.split(raw) if b]
        if len(bits) > 1:
            out += [fold(b) for b in bits[1:] if len(fold(b)) > SHORT]
    return out


def _pinyin(name: str) -> list[list[str]]:
    """Each Han part of the name as its list of folded pinyin syllables."""
    out: list[list[str]] = []
    if _HAN_OR_HANGUL.search(name) is None:
        return out
    for part in name.split():
        if _is_han(part) or _is_hangul(part):
            out.append([s.casefold() for s in _CAMEL.findall(anyascii(part))])
    return out


def _no_digit(part: str) -> bool:
    # No character is both alphabetic and a digit, so the letters-only case is decided in C.
    return part.isalpha() or not any(c.isdigit() for c in part)


def _add_latin_name(
    forms: PersonForms, parts: list[str], role_words: frozenset[str], memo: WordMemo
) -> None:
    kept = tuple(p for p in parts if p and _no_digit(p) and p not in role_words)
    if kept:
        forms.sequences.update(memo.latin_sequences(kept))


def _latin_sequences(parts: tuple[str, ...], memo: WordMemo) -> list[tuple[str, ...]]:
    """The word sequences of a Latin name's parts, in the order they were always added."""
    out: list[tuple[str, ...]] = []
    for p in parts:
        out.append((p,))
        alt = memo.alt_latin(p)
        if alt:
            out.append((alt,))
    out.append(parts)
    if len(parts) > 1:
        # Initials before the last part: "J. Smith", "J Smith".
        initials = tuple(p[0] for p in parts[:-1] if p[0].isalpha())
        if initials:
            out.append((*initials, parts[-1]))
            out.append((initials[0], parts[-1]))
    return out


class _Recorder:
    """Stands in for a set while a person's names are worked out: notes every add and every
    update with a set as made, so they can be made again, alike, on the person's own set
    (a set's order depends on how it grew, not only on what it holds)."""

    def __init__(self) -> None:
        self.ops: list[tuple[bool, object]] = []  # (an update with a set?, what)

    def add(self, item: object) -> None:
        self.ops.append((False, item))

    def update(self, items) -> None:
        if isinstance(items, (set, frozenset)):
            self.ops.append((True, items))
        else:
            self.ops += [(False, item) for item in items]  # set.update adds these one by one


def _replay(ops: tuple[tuple[bool, object], ...], target: set) -> None:
    for bulk, what in ops:
        if bulk:
            target.update(what)  # type: ignore[arg-type]
        else:
            target.add(what)


def _shape_key(names: list[str], skip: frozenset[str]) -> tuple | None:
    """What a person's name forms depend on: the names without their digits-only parts.

    "Zoë Ångström 17" and "Zoë Ångström 4711" have the same forms (a part with a digit is no
    name part; folding and transliterating go piece by piece between plain spaces, and a
    digits-only piece is a word of its own), so a build works them out once. Names in
    scripts written without spaces, or with Han or Hangul, also match as substrings and by
    their length, so they are never shared (None).
    """
    shapes = []
    for name in names:
        if _UNSPACED.search(name) or _HAN_OR_HANGUL.search(name):
            return None
        shapes.append(" ".join(p for p in name.split(" ") if not (p.isdigit() and p.isascii())))
    return (tuple(shapes), skip)


def forms_of(
    person: PersonIdentity, role_words: frozenset[str] = ROLE_WORDS, memo: WordMemo | None = None
) -> PersonForms:
    """Every form of ``person``'s identifiers. ``role_words`` are words that, in a name typed
    on a record ("Peer reviewer", "QA team"), do not name anyone; employees' and officers'
    names are always taken word for word. Pass one ``memo`` for a whole population."""
    memo = WordMemo() if memo is None else memo
    forms = PersonForms(person)
    skip = role_words if person.kind == "person" else frozenset()
    names = [person.name, *person.aliases]
    key = _shape_key(names, skip)
    found = memo.names.get(key) if key is not None else None
    if found is None:
        sequences, substrings = _Recorder(), _Recorder()
        _add_names(PersonForms(person, sequences, substrings), names, skip, memo)  # type: ignore[arg-type]
        found = (tuple(sequences.ops), tuple(substrings.ops))
        if key is not None:
            memo.names[key] = found
    _replay(found[0], forms.sequences)
    _replay(found[1], forms.substrings)
    if person.email.strip():
        email = memo.fold(person.email)
        forms.emails.add(email)
        local, _, domain = email.partition("@")
        if domain:
            forms.emails.add(f"{local}@{domain.split('.')[0]}")
    number = person.employee_number.strip()
    if number and not (number.isdigit() and len(number) < 4):
        forms.numbers.add(memo.fold(number))
    return forms


def _add_names(forms: PersonForms, names: list[str], skip: frozenset[str], memo: WordMemo) -> None:
    """The sequences and substrings of a person's names (and their umlauts written out)."""
    names = names + [e for e in map(expanded, names) if e]
    for name in names:
        if not name.strip():
            continue
        if has_unspaced(name):
            compact = memo.fold(name).replace(" ", "")
            forms.substrings.add(compact)
            for part in memo.fold(name).split():
                if len(part) >= 2:
                    forms.substrings.add(part)
            if " " not in name.strip() and 3 <= len(compact) <= 4:
                head = 2 if compact[:2] in _COMPOUND_SURNAMES else 1
                if _is_han(compact) or _is_hangul(compact):
                    forms.substrings.add(compact[head:])  # given name alone: 小龙, 민준
        _add_latin_name(forms, _words(name, memo), skip, memo)
        for piece in _pieces_after_apostrophe(name):
            forms.sequences.add((piece,))
        translit = memo.latin(name)
        if translit:
            _add_latin_name(forms, _words(translit, memo), skip, memo)
        for syllables in _pinyin(name):
            _add_pinyin(forms, syllables, name)


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
