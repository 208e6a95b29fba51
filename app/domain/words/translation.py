"""The core's words in the reader's language, without Qt: stdlib gettext over committed catalogues.

The window translates its own strings with Qt (`tr()`, `.qm` files); the core's words — the
labels of stages, roles and outcomes, and everything printed in packs, summaries, the
calibration report, calendar entries and CLI tables — are read by people who may never see the
window, so they are translated here with `gettext`. English is the source language: an
English ``msgid`` is its own translation.

The catalogues are ``resources/translations/core/<lang>/LC_MESSAGES/casepath.po`` with the
compiled ``.mo`` beside each, committed. A test recompiles every ``.po`` with Babel and fails
when a ``.mo`` is stale, so an edited catalogue cannot ship with old words; committing the
``.mo`` keeps the editable install, the wheel and the PyInstaller bundle free of a build step.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

from app.resource_paths import resource_path

DOMAIN = "casepath"
LANGUAGES = {"en": "English", "de": "Deutsch"}
DEFAULT_LANGUAGE = "en"


def catalogue_dir() -> str:
    return str(resource_path("translations", "core"))


def language_of(locale: str | None) -> str:
    """'de_DE', 'de-AT', 'de' → 'de'; anything we have no catalogue for → 'en'."""
    lang = (locale or "").replace("-", "_").split("_")[0].lower()
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def parse_language(text: str) -> str:
    """A language the user typed ('de', 'Deutsch', 'german') → its code, or ValueError."""
    key = (text or "").strip().lower()
    aliases = {"english": "en", "englisch": "en", "german": "de", "deutsch": "de"}
    key = aliases.get(key, key.replace("-", "_").split("_")[0])
    if key not in LANGUAGES:
        choices = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        raise ValueError(f"'{text}' is not a language Casepath writes; choose {choices}.")
    return key


@lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    """The catalogue of one language (English: the identity)."""
    lang = language_of(language)
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    # fallback: a build without the catalogue writes English rather than failing
    return gettext.translation(DOMAIN, catalogue_dir(), languages=[lang], fallback=True)


def translate(language: str | None, message: str) -> str:
    """``message`` (English) in ``language``; unknown messages come back unchanged. A
    `~app.domain.words.phrases.Phrase` is built again in ``language`` from its own words."""
    if not message:
        return message
    said_in = getattr(message, "said_in", None)
    if said_in is not None:
        return said_in(language)
    return translations(language_of(language)).gettext(message)


def translate_plural(language: str | None, singular: str, many: str, count: int) -> str:
    """The form of ``singular``/``many`` that fits ``count`` under the language's plural rule."""
    return translations(language_of(language)).ngettext(singular, many, count)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """Marks a message for extraction where it is translated later, by `translate`."""
    return message


def NP_(singular: str, many: str) -> tuple[str, str]:  # noqa: N802 - as `N_`, for plurals
    """Marks a singular and plural pair for extraction, translated later by `translate_plural`."""
    return singular, many
