"""The formatter for what the window shows: `app.domain.formats` in the interface locale."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from app.domain.formats import Formats, formats


def ui_formats() -> Formats:
    """Dates, numbers and counts as the interface language writes them (``QLocale().name()``,
    which follows the system locale or the language chosen in Preferences)."""
    return formats(QLocale().name())
