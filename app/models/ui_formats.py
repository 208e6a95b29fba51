"""The formatter for what the window shows: `app.domain.words.formats` in the interface locale."""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QLocale

from app.domain.words.formats import Formats, formats
from app.domain.words.labels import label
from app.domain.words.phrases import Phrase, as_said
from app.domain.words.translation import translate


def ui_formats() -> Formats:
    """Dates, numbers and counts as the interface language writes them (``QLocale().name()``,
    which follows the system locale or the language chosen in Preferences)."""
    return formats(QLocale().name())


def date_edit_format() -> str:
    """The display format of every date field, in the same style as the formatter's days
    ("3 Dec 2026", "3. Dez. 2026"): Qt names the month in the interface locale."""
    return "d. MMM yyyy" if QLocale().language() == QLocale.Language.German else "d MMM yyyy"


def ui_stage_name(policy: Any, key: str) -> str:
    """The name the policy gives a stage, in the interface language (the shipped names are in
    the core catalogue; a vault's own names come back as written)."""
    return ui_formats().tr(policy.stage_name(key))


def ui_said(text: str) -> str:
    """Core text in the interface language when the core worded it (a `Phrase`); the
    officer's own text as typed."""
    return as_said(text, ui_formats().language)


def ui_error(exc: BaseException) -> str:
    """An error's message in the interface language where the core worded it: a `Phrase` (the
    vault's refusals, the rules' refusals, validation) said again, a fixed catalogue message
    looked up; any other text (the system's OSError) as raised."""
    text = exc.args[0] if len(exc.args) == 1 else None
    if isinstance(text, Phrase):
        return text.said_in(ui_formats().language)
    if type(text) is str and not isinstance(exc, OSError):
        return translate(ui_formats().language, text)
    return str(exc)


def ui_label(member: Enum | None) -> str:
    """A domain value's words (stage, role, status …) in the interface language."""
    return label(member, ui_formats().language)
