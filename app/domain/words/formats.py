"""Dates, times, numbers, counts and relative deadlines in one style, for one locale.

The single place the app turns a `date`, `datetime` or number into text for people: the window
(passing the interface locale, ``QLocale().name()``), packs, summaries, the calibration report,
calendar entries and CLI tables (passing the vault's document language). Babel holds the
locales' conventions (CLDR), so German reads "3. Dez. 2026, 14:30" and British English
"3 Dec 2026, 14:30" from the same call; plurals go through the gettext catalogue's plural rule
(`translation.translate_plural`), never "(s)".

The style, once: a day is "3 Dec 2026" (``yMMMd``), with its weekday "Thu, 3 Dec 2026"; a time
is the locale's short time; a moment is both, in local time, never an ISO stamp with ``T``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_interval, format_skeleton, format_time, get_datetime_format
from babel.numbers import format_decimal

from app.domain.words.translation import language_of, translate, translate_plural

if TYPE_CHECKING:  # business_days imports `holidays` (~190 ms): only `due` needs it
    from app.domain.business_days import DateRange, HolidayCalendar

NONE = "—"
# A language alone means its main region: documents in "en" follow the vault's British
# defaults (the default policy's holidays are England's), "de" reads as in Germany.
_REGION = {"en": "en_GB", "de": "de_DE"}
# CLDR puts thin and narrow no-break spaces in ranges and times; not every PDF font has them.
_SPACES = str.maketrans({"\u202f": "\u00a0", "\u2009": " "})


@lru_cache(maxsize=16)
def _locale(name: str | None) -> Locale:
    text = (name or "").replace("-", "_").split(".")[0]
    if text in ("", "C", "POSIX"):
        text = "en"
    if "_" not in text:
        text = _REGION.get(text.lower(), text)
    try:
        return Locale.parse(text)
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en_GB")


class Formats:
    """Formatting for one locale, e.g. ``Formats("de_DE")`` or ``Formats("en")``."""

    def __init__(self, locale: str | None = None) -> None:
        self.locale = _locale(locale)
        self.name = str(self.locale)  # e.g. "de_DE": pass it on to keep the same locale
        self.language = language_of(self.name)

    # -- words -----------------------------------------------------------------------------
    def tr(self, message: str) -> str:
        """A core message (English source) in this locale's language."""
        return translate(self.language, message)

    def count(self, n: int, singular: str, many: str) -> str:
        """``count(5, "{n} review", "{n} reviews")`` → "5 reviews" / "5 Überprüfungen"."""
        return translate_plural(self.language, singular, many, n).format(n=self.number(n))

    # -- numbers ---------------------------------------------------------------------------
    def number(self, value: float | None, decimals: int = 2) -> str:
        """12345.5 → "12,345.5" / "12.345,5"; whole numbers without decimals; None → —."""
        if value is None:
            return NONE
        pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    # -- days and times --------------------------------------------------------------------
    def date(self, value: date | None) -> str:
        """3 Dec 2026 / 3. Dez. 2026."""
        return self._skeleton("yMMMd", value)

    def weekday_date(self, value: date | None) -> str:
        """Thu, 3 Dec 2026 / Do., 3. Dez. 2026."""
        return self._skeleton("yMMMEd", value)

    def short_date(self, value: date | None) -> str:
        """3 Dec / 3. Dez. — for chart axes and lists within one year."""
        return self._skeleton("MMMd", value)

    def short_weekday_date(self, value: date | None) -> str:
        """Thu 3 Dec / Do., 3. Dez. — for lists of days within one year."""
        return self._skeleton("MMMEd", value)

    def spoken_date(self, value: date | None, this_year: int = 0) -> str:
        """3 March / 3. März — the month written out, the year only when not ``this_year``."""
        if value is not None and value.year != this_year:
            return self._skeleton("yMMMMd", value)
        return self._skeleton("MMMMd", value)

    def time(self, value: time | datetime | None) -> str:
        """14:30 (the locale's short time; 2:30 PM in the US)."""
        if value is None:
            return NONE
        return format_time(value, "short", locale=self.locale).translate(_SPACES)

    def datetime(self, value: datetime | None, zone: tzinfo | None = None) -> str:
        """3 Dec 2026, 14:30 — an aware moment in ``zone`` (default: this computer's zone)."""
        if value is None:
            return NONE
        if value.tzinfo is not None:
            value = value.astimezone(zone) if zone is not None else value.astimezone()
        return self._moment(value, self.date(value.date()))

    def weekday_datetime(self, value: datetime | None, zone: tzinfo | None = None) -> str:
        """Thu, 3 Dec 2026, 14:30."""
        if value is None:
            return NONE
        if value.tzinfo is not None:
            value = value.astimezone(zone) if zone is not None else value.astimezone()
        return self._moment(value, self.weekday_date(value.date()))

    def date_range(self, start: date | None, end: date | None) -> str:
        """3–5 Dec 2026 / 3.–5. Dez. 2026; an open end reads "from 3 Dec 2026"."""
        if start is None and end is None:
            return NONE
        if start is None or end is None:
            word = self.tr("from {date}") if start else self.tr("until {date}")
            return word.format(date=self.date(start or end))
        if start == end:
            return self.date(start)
        return format_interval(start, end, "yMMMd", locale=self.locale).translate(_SPACES)

    # -- relative --------------------------------------------------------------------------
    def days_from(self, day: date, today: date) -> str:
        """today / tomorrow / yesterday / in 5 days / 5 days ago (calendar days)."""
        delta = (day - today).days
        if delta == 0:
            return self.tr("today")
        if delta == 1:
            return self.tr("tomorrow")
        if delta == -1:
            return self.tr("yesterday")
        if delta > 0:
            return self.count(delta, "in {n} day", "in {n} days")
        return self.count(-delta, "{n} day ago", "{n} days ago")

    def due(
        self,
        due_on: date,
        today: date,
        calendar: HolidayCalendar | None = None,
        pauses: Iterable[DateRange] = (),
    ) -> str:
        """ "due today", "due in 3 business days", "2 business days overdue"."""
        from app.domain.business_days import HolidayCalendar, business_days_between

        if due_on == today:
            return self.tr("due today")
        calendar = calendar or HolidayCalendar()
        n = business_days_between(today, due_on, calendar, tuple(pauses))
        if due_on > today:
            if n == 0:  # only weekend or holidays between: name the day
                return self.tr("due on {date}").format(date=self.weekday_date(due_on))
            return self.count(n, "due in {n} business day", "due in {n} business days")
        late = max(1, -n)
        return self.count(late, "{n} business day overdue", "{n} business days overdue")

    # -- helpers ---------------------------------------------------------------------------
    def _skeleton(self, skeleton: str, value: date | None) -> str:
        if value is None:
            return NONE
        return format_skeleton(skeleton, value, locale=self.locale).translate(_SPACES)

    def _moment(self, value: datetime, day_text: str) -> str:
        pattern = get_datetime_format("medium", locale=self.locale)
        return pattern.replace("{1}", day_text).replace(
            "{0}", self.time(value.replace(tzinfo=None))
        )


@lru_cache(maxsize=16)
def formats(locale: str | None = None) -> Formats:
    """A shared `Formats` per locale (they hold no state beyond it)."""
    return Formats(locale)
