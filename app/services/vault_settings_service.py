"""Use cases for the vault's own settings: the language its documents are written in."""

from __future__ import annotations

from app.domain.words.formats import Formats, formats
from app.domain.words.translation import DEFAULT_LANGUAGE, LANGUAGES, language_of, parse_language
from app.vault.repositories.vault_settings import DOCUMENT_LANGUAGE, read_setting, write_setting
from app.vault.vault import Vault


class VaultSettingsService:
    """Reads and changes per-vault settings; each change is one audited write."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def document_language(self) -> str:
        """'en' or 'de': packs, summaries, the calibration report and calendar texts."""
        stored = read_setting(self.vault.conn, DOCUMENT_LANGUAGE, DEFAULT_LANGUAGE)
        return language_of(stored)

    def document_formats(self) -> Formats:
        """The formatter for documents of this vault (dates in the document language)."""
        return formats(self.document_language())

    def set_document_language(self, text: str) -> str:
        """Change the document language ('de', 'Deutsch', …); returns the code stored."""
        language = parse_language(text)
        before = self.document_language()
        if language == before:
            return language
        with self.vault.write() as w:
            write_setting(self.vault.conn, DOCUMENT_LANGUAGE, language)
            w.audit("vault.settings", "vault", 0, {DOCUMENT_LANGUAGE: language, "was": before})
        return language

    @staticmethod
    def languages() -> dict[str, str]:
        """Code → name in its own language, for a choice."""
        return dict(LANGUAGES)
