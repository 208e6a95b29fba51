"""Dates in HR exports, never guessed.

ISO dates (2024-03-31, with or without a time), dates with a month name (31 Mar 2024,
Mar 31, 2024, 31. März 2024) and Excel serial numbers (45382) are unambiguous and always read.
Numeric dates such as 03/04/2024 are read day/month or month/day only when the column shows
which (a value with a day above 12), or when the officer says (``--date-order dmy|mdy|ymd``,
the dialog's choice). A column whose every value fits both orders stops the import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.words.phrases import Phrase

DATE_ORDERS = ("dmy", "mdy", "ymd")
ORDER_LABELS = {"dmy": "day/month/year", "mdy": "month/day/year", "ymd": "year/month/day"}

_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}$")
_NUMERIC = re.compile(rf"^(\d{{1,4}})[/.\-](\d{{1,2}})[/.\-](\d{{1,4}})\.?{_TIME}$")
_SERIAL = re.compile(r"^(\d{5})(?:\.\d+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)

_MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "jän": 1, "jänner": 1,
    "feb": 2, "february": 2, "februar": 2,
    "mar": 3, "march": 3, "mär": 3, "märz": 3, "maerz": 3,
    "apr": 4, "april": 4,
    "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6,
    "jul": 7, "july": 7, "juli": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "okt": 10, "oktober": 10,
    "nov": 11, "november": 11,
    "dec": 12, "december": 12, "dez": 12, "dezember": 12,
}  # fmt: skip
_DAY_MONTH = re.compile(r"^(\d{1,2})\.?[\s\-]+([^\W\d_]+)\.?,?[\s\-]+(\d{4})$")
_MONTH_DAY = re.compile(r"^([^\W\d_]+)\.?[\s\-]+(\d{1,2}),?[\s\-]+(\d{4})$")


class DateOrderNeeded(ValueError):
    """Every numeric date of the column fits both day/month and month/day."""


@dataclass(frozen=True)
class DateColumn:
    """What the values of one column say about their order."""

    order: str | None  # "dmy", "mdy" or None when the column cannot tell
    ambiguous: bool  # numeric dates that fit both orders and nothing decides
    mixed: bool  # some values are day-first only and others month-first only
    example: str = ""


def normalise_order(order: str | bool | None) -> str | None:
    """Accept 'dmy'/'mdy'/'ymd' and, for older callers, True (day first) / False."""
    if order is None or order == "":
        return None
    if order is True:
        return "dmy"
    if order is False:
        return "mdy"
    text = str(order).strip().lower()
    if text not in DATE_ORDERS:
        raise ValueError(f"The date order must be one of {', '.join(DATE_ORDERS)}, not '{order}'.")
    return text


def classify_dates(values: Iterable[str]) -> DateColumn:
    day_first = month_first = False
    numeric_both: list[str] = []
    for v in values:
        m = _NUMERIC.match(v.strip())
        if not m or len(m.group(1)) > 2:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 and b <= 12:
            day_first = True
        elif b > 12 and a <= 12:
            month_first = True
        elif a <= 12 and b <= 12 and a != b:
            numeric_both.append(v.strip())
    if day_first and month_first:
        return DateColumn(None, False, True)
    if day_first:
        return DateColumn("dmy", False, False)
    if month_first:
        return DateColumn("mdy", False, False)
    return DateColumn(None, bool(numeric_both), False, numeric_both[0] if numeric_both else "")


def detect_day_first(values: Iterable[str]) -> bool | None:
    """True for 31/12/2024 style, False for 12/31/2024, None if the column cannot tell."""
    order = classify_dates(values).order
    return None if order is None else order == "dmy"


def _year(y: int, text: str) -> int:
    if y < 100:
        return y + (2000 if y < 70 else 1900)
    if y < 1000:
        raise ValueError(Phrase("'{text}' has no clear year.", text=text))
    return y


def parse_date(text: str, order: str | bool | None = "dmy", day_first: bool | None = None) -> date:
    """ISO, month-name and Excel serial dates always; numeric ones in the order given.

    With ``order=None`` a numeric date that fits both orders raises `DateOrderNeeded`.
    """
    if day_first is not None:
        order = day_first
    wanted = normalise_order(order)
    t = text.strip()
    try:
        m = _ISO.match(t)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return date(y, mo, d)
        m = _SERIAL.match(t)
        if m:
            return _EXCEL_EPOCH + timedelta(days=int(m.group(1)))
        m = _DAY_MONTH.match(t) or _MONTH_DAY.match(t)
        if m:
            groups = m.groups()
            day, month_word = (groups[0], groups[1]) if m.re is _DAY_MONTH else groups[1::-1]
            month = _MONTHS.get(month_word.lower())
            if month is None:
                raise ValueError(
                    Phrase(
                        "'{text}' is not a date: '{month}' is not a month.",
                        text=text,
                        month=month_word,
                    )
                )
            return date(int(groups[2]), month, int(day))
        m = _NUMERIC.match(t)
        if not m:
            raise ValueError(
                Phrase("'{text}' is not a date; write it as 2024-03-31 or 31/03/2024.", text=text)
            )
        a, b, c = (int(g) for g in m.groups())
        if len(m.group(1)) == 4 or wanted == "ymd":
            return date(_year(a, text), b, c)
        if wanted is None:
            if a > 12 >= b:
                wanted = "dmy"
            elif b > 12 >= a or a == b:
                wanted = "mdy"
            else:
                raise DateOrderNeeded(
                    Phrase(
                        "'{text}' could be day/month or month/day; choose the date order.",
                        text=text,
                    )
                )
        d, mo = (a, b) if wanted == "dmy" else (b, a)
        return date(_year(c, text), mo, d)
    except DateOrderNeeded:
        raise
    except (ValueError, OverflowError) as exc:
        if "is not" in str(exc) or "no clear year" in str(exc):
            raise
        raise ValueError(Phrase("'{text}' is not a real date.", text=text)) from None
