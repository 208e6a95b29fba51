"""Core sentences that can be said again in another language: English text that keeps its words.

The core builds sentences ("2 compliance risks since 3 March (…)", "Moved from Coaching to
Formal review") long before anyone knows who will read them: the CLI and the English documents
print them as they are, the German window needs them in German. A `Phrase` is that English
sentence as a ``str`` — so every caller that prints, joins or JSON-encodes it keeps working — and
also the catalogue message and the values it was made from, so `said_in` can build it again in
any language: enum values as their labels, `Term`s (stage names, trigger names) through the
catalogue, days in the reader's locale, nested phrases in the same language. Text the officer
typed (a metric, an objective's title) is a plain ``str`` value and is never translated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from app.domain.words.translation import translate, translate_plural


class Term(str):
    """A value that is core wording (a stage or trigger name), not the user's text: translated."""

    __slots__ = ()


class ShortDay(date):
    """A day said without its year ("3 Dec", "3. Dez."), for lists within the current year."""

    @classmethod
    def of(cls, day: date) -> ShortDay:
        return cls(day.year, day.month, day.day)


class LongDay(date):
    """A day with its month written out and the year only when it is not ``today``'s year
    ("3 March", "3. März", "30 December 2025"), as people say it in a sentence."""

    this_year: int = 0

    @classmethod
    def of(cls, day: date, today: date) -> LongDay:
        made = cls(day.year, day.month, day.day)
        made.this_year = today.year
        return made


@dataclass(frozen=True)
class Moment:
    """A moment said with its weekday ("Thu, 3 Dec 2026, 14:30"), in the computer's zone."""

    at: datetime

    def __str__(self) -> str:
        return value_in(self, "en")


class Labels(tuple):
    """Enum members in a sentence: "workload, skills gap" (lower case in English, where labels
    inside a sentence are not capitalised; German nouns keep their capitals)."""

    __slots__ = ()

    def said_in(self, language: str | None) -> str:
        from app.domain.words.labels import label
        from app.domain.words.translation import language_of

        words = [label(m, language) for m in self]
        if language_of(language) == "en":
            words = [w.lower() for w in words]
        return ", ".join(words)


class Phrase(str):
    """An English sentence that remembers its catalogue message and values."""

    message: str
    many: str | None
    n: int | None
    values: Mapping[str, Any]

    def __new__(
        cls, message: str, many: str | None = None, n: int | None = None, **values: Any
    ) -> Phrase:
        made = super().__new__(cls, _say("en", message, many, n, values))
        made.message, made.many, made.n, made.values = message, many, n, values
        return made

    def said_in(self, language: str | None) -> str:
        """The sentence in ``language`` ("en", "de", "de_DE"); English as it was made."""
        return _say(language, self.message, self.many, self.n, self.values)

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle keep the words
        return (_rebuild, (self.message, self.many, self.n, dict(self.values)))


class Rendered(str):
    """A text some record renders itself in a language (``describe(language)``): English as made,
    `said_in` asks the record again."""

    render: Callable[[str], str]

    def __new__(cls, render: Callable[[str], str]) -> Rendered:
        made = super().__new__(cls, render("en"))
        made.render = render
        return made

    def said_in(self, language: str | None) -> str:
        return self.render(language or "en")

    def __reduce__(self) -> tuple[Any, ...]:  # a copy keeps the English words
        return (str, (str(self),))


def _rebuild(message: str, many: str | None, n: int | None, values: dict[str, Any]) -> Phrase:
    return Phrase(message, many, n, **values)


def counted(n: int, singular: str, many: str, **values: Any) -> Phrase:
    """A phrase with a count, in the plural form the language's rule picks (``{n}`` is the count):
    ``counted(2, "{n} missed target", "{n} missed targets")``."""
    return Phrase(singular, many, n, **values)


_LISTED = "{items}"  # no words of its own, so not a catalogue message


def listed(parts: Any) -> Phrase:
    """Phrases joined as a list ("a, b and c"), each said in the reader's language."""
    return Phrase(_LISTED, items=tuple(parts))


class Joined(tuple):
    """Values joined with commas only ("Ola Nordmann (manager), Sam Lee (HR observer)")."""

    __slots__ = ()
    separator = ", "


class SemicolonJoined(Joined):
    """Values joined with semicolons (sentences that hold commas themselves)."""

    __slots__ = ()
    separator = "; "


def joined(parts: Any, kind: type[Joined] = Joined) -> Phrase:
    """Phrases joined with commas (or ``kind``'s separator), each in the reader's language."""
    return Phrase(_LISTED, items=kind(parts))


def as_said(text: Any, language: str | None) -> Any:
    """Core-worded text (a `Phrase`, a `Rendered`) in ``language``; any other text untouched
    (the officer's words are never looked up in the catalogue)."""
    said_in = getattr(text, "said_in", None)
    return said_in(language) if said_in is not None else text


def said(text: Any, language: str | None) -> str:
    """Any core text in ``language``: a `Phrase` rebuilt, a `Term` or plain message translated."""
    if isinstance(text, Phrase):
        return text.said_in(language)
    if isinstance(text, str):
        return translate(language, text)
    return "" if text is None else str(text)


def value_in(value: Any, language: str | None) -> str:
    """One value of a phrase in ``language``."""
    from app.domain.words.formats import formats
    from app.domain.words.labels import label

    f = formats(language)
    if isinstance(value, Phrase):
        return value.said_in(language)
    if isinstance(value, Term):
        return translate(language, value)
    if isinstance(value, Enum):
        return label(value, language)
    if isinstance(value, Joined):
        return value.separator.join(value_in(v, language) for v in value)
    if isinstance(value, Labels):
        return value.said_in(language)
    if isinstance(value, Moment):
        return f.weekday_datetime(value.at)
    if isinstance(value, ShortDay):
        return f.short_date(value)
    if isinstance(value, LongDay):
        return f.spoken_date(value, value.this_year)
    if isinstance(value, datetime):
        return f.datetime(value)
    if isinstance(value, date):
        return f.date(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return f.number(value)
    if isinstance(value, list | tuple):
        return and_list([value_in(v, language) for v in value], language)
    return "" if value is None else str(value)


def and_list(parts: list[str], language: str | None) -> str:
    """'a', 'a and b', 'a, b and c' in ``language``."""
    if len(parts) <= 1:
        return "".join(parts)
    return translate(language, "{items} and {last}").format(
        items=", ".join(parts[:-1]), last=parts[-1]
    )


def _say(
    language: str | None, message: str, many: str | None, n: int | None, values: Mapping[str, Any]
) -> str:
    from app.domain.words.formats import formats

    shown = {key: value_in(v, language) for key, v in values.items()}
    if many is not None and n is not None:
        shown["n"] = formats(language).number(n)
        return translate_plural(language, message, many, n).format(**shown)
    return translate(language, message).format(**shown)
