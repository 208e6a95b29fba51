"""The interface language: which translation of the window Casepath loads when it starts.

The officer chooses under Preferences → Interface language (System, English, Deutsch); the
choice is a language code kept in QSettings ("" follows the system locale). Translations are
installed once, before the first window is built, so a new choice applies the next time
Casepath starts: widgets take their texts when they are made and are not re-translated live.

Besides Casepath's own catalogue (resources/translations/casepath_<code>.qm, built from the
.ts sources by tools/update_translations.py) Qt's ``qtbase_<code>.qm`` translates the standard
buttons and dialogs (OK, Cancel, Yes, file dialogs). English loads a catalogue too: it holds
only the singular and plural forms of the ``%n`` messages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from app.resource_paths import resource_path

SYSTEM = ""  # the stored value for "follow the system's language"
SHIPPED = ("en", "de")  # languages with a catalogue under resources/translations/
FALLBACK = "en"
# Shown in the Preferences choice; the languages by their own names (an officer who cannot
# read the current language still finds their own), "System" in the interface language.
CHOICES: tuple[tuple[str, str], ...] = (
    (SYSTEM, QT_TRANSLATE_NOOP("PreferencesDialog", "System")),
    ("en", "English"),
    ("de", "Deutsch"),
)


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The shipped language to load for a stored choice ("" = the system's first shipped one)."""
    if choice in SHIPPED:
        return choice
    for name in (system or QLocale.system()).uiLanguages():  # e.g. "de-CH", "en-GB"
        code = name.replace("_", "-").split("-")[0].lower()
        if code in SHIPPED:
            return code
    return FALLBACK


def catalogue_path(code: str) -> Path:
    return resource_path("translations", f"casepath_{code}.qm")


def qt_translation_folders() -> list[Path]:
    """Where Qt's own qtbase_<code>.qm may be: Qt's library path, or beside PySide6 (a bundle)."""
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return folders


class InstalledLanguage:
    """The translators installed on the application, and the locale before them."""

    def __init__(self, code: str, translators: list[QTranslator], previous: QLocale) -> None:
        self.code = code
        self.translators = translators
        self._previous = previous

    def remove(self) -> None:
        """Take the translators off again (tests start the next window in another language)."""
        app = QCoreApplication.instance()
        for translator in self.translators:
            if app is not None:
                app.removeTranslator(translator)
        self.translators = []
        QLocale.setDefault(self._previous)


def install(choice: str, app: QCoreApplication | None = None) -> InstalledLanguage:
    """Install Casepath's and Qt's translators for ``choice`` and make its locale the default
    (date edits, numbers); a missing catalogue leaves that part in English, never fails."""
    app = app or QCoreApplication.instance()
    code = resolve(choice)
    previous = QLocale()
    locale = QLocale(code)
    system = QLocale.system().language()
    same = system == locale.language() or (system == QLocale.Language.C and code == FALLBACK)
    if not same:
        # Another language than the system's: its dates and numbers too. The system's own
        # language keeps the system's regional variant (en_GB stays en_GB, de_AT de_AT).
        QLocale.setDefault(locale)

    translators: list[QTranslator] = []
    own = QTranslator(app)
    if own.load(str(catalogue_path(code))):
        translators.append(own)
    if code != FALLBACK:
        for folder in qt_translation_folders():
            qt = QTranslator(app)
            if qt.load(locale, "qtbase", "_", str(folder)):
                translators.append(qt)
                break
    for translator in translators:
        app.installTranslator(translator)
    return InstalledLanguage(code, translators, previous)
