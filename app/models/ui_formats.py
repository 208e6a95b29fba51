"""The formatter for what the window shows: `app.domain.words.formats` in the interface locale."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QLocale

from app.domain.words.formats import Formats, formats
from app.domain.words.labels import label


def ui_formats() -> Formats:
    """Dates, numbers and counts as the interface language writes them (``QLocale().name()``,
    which follows the system locale or the language chosen in Preferences)."""
    return formats(QLocale().name())


def date_edit_format() -> str:
    """The display format of every date field, in the same style as the formatter's days
    ("3 Dec 2026", "3. Dez. 2026"): Qt names the month in the interface locale."""
    return "d. MMM yyyy" if QLocale().language() == QLocale.Language.German else "d MMM yyyy"


def ui_label(member: Enum | None) -> str:
    """A domain value's words (stage, role, status …) in the interface language."""
    return label(member, ui_formats().language)
