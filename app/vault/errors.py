"""Typed vault errors whose messages are written for the person at the keyboard.

The messages an officer meets at the unlock window are `Phrase`s: ``str(exc)`` is the English
the CLI prints, and the window says them again in its own language (``said_in``).
"""

from __future__ import annotations

from pathlib import Path

from app.domain.words.phrases import Phrase


class VaultError(Exception):
    """Base of every error the vault raises on purpose; ``str()`` is safe to show a user."""


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            Phrase(
                "The passphrase does not open this vault. Check it and try again. (If you are "
                "sure of it, the file's first bytes may be damaged instead: a wrong passphrase "
                "and that damage look the same. Try the passphrase on your latest backup with "
                "'casepath restore BACKUP --to NEW --check-only'; if the backup opens, this file "
                "is damaged and can be restored from it.)"
            )
        )


class PassphraseNotAllowed(VaultError):
    def __init__(self) -> None:
        super().__init__(
            Phrase(
                "A passphrase cannot contain a NUL character (check the passphrase file); "
                "nothing was changed."
            )
        )


class NotAVault(VaultError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            Phrase(
                "{name} is not a Casepath vault ({why}). Choose the .casepath file you created "
                "with Casepath.",
                name=path.name,
                why=why,
            )
        )


class DamagedVault(VaultError):
    def __init__(self, path: Path, detail: str) -> None:
        self.detail = detail
        super().__init__(
            Phrase(
                "{name} is damaged and cannot be read safely ({detail}). Nothing has been "
                "changed. Restore it from your latest backup; keep this copy for investigation.",
                name=path.name,
                detail=detail,
            )
        )


class VaultTooNew(VaultError):
    def __init__(self, found: int, supported: int) -> None:
        self.found, self.supported = found, supported
        super().__init__(
            Phrase(
                "This vault uses format version {found}, but this Casepath understands versions "
                "up to {supported}. Install the newer Casepath that wrote it; the vault is "
                "unchanged.",
                found=found,
                supported=supported,
            )
        )


class VaultMissing(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            Phrase(
                "There is no vault at {path}. Check the path, or create a new vault.",
                path=str(path),
            )
        )


class VaultExists(VaultError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            Phrase(
                "{path} already exists. Casepath never overwrites a file; choose another name.",
                path=str(path),
            )
        )


class VaultClosed(VaultError):
    def __init__(self) -> None:
        super().__init__(Phrase("The vault is locked. Unlock it to continue."))


class UnsupportedCrypto(VaultError):
    """The bundled SQLCipher is too old or has no crypto provider: refuse to run at all."""


class RekeyFailed(VaultError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            "The passphrase could not be changed; the old passphrase still opens the vault "
            f"({detail})."
        )


class NotFound(VaultError):
    """A record asked for by reference or id does not exist."""


class IntegrityError(VaultError):
    """A write broke a rule of the vault (duplicate reference, unknown employee, …)."""


class CannotWriteFile(VaultError):
    """A file the officer asked for could not be written; nothing partial is left behind."""

    def __init__(self, target: Path, why: str) -> None:
        super().__init__(f"Could not write {target}: {why}. Nothing was written there.")


class DiskFull(VaultError):
    def __init__(self) -> None:
        super().__init__(
            Phrase(
                "The disk is full, so nothing was saved. Free some space and try again; "
                "everything saved earlier is intact."
            )
        )


class BackupFailed(VaultError):
    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"The backup was not made: {detail}. Nothing was written under the backup's name; "
            "the vault itself is unchanged."
        )


class SourceDamaged(VaultError):
    """The vault failed its own integrity check, so a copy of it would not be a good backup."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"The vault was not backed up because it fails its own integrity check ({detail}). "
            "Copying it would make a damaged backup that looks like a good one. Keep your latest "
            "good backup safe, run 'casepath verify' for details, and restore from that backup "
            "('casepath restore BACKUP --to VAULT')."
        )


class BackupDamaged(VaultError):
    """A backup offered for restore failed its checks; nothing was restored."""

    def __init__(self, path: Path, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"{path.name} cannot be restored: it fails its checks ({detail}). Nothing was "
            "changed. Try an older backup."
        )


class VaultReadOnly(VaultError):
    """The vault failed its integrity check at open: it can be read, never written."""

    def __init__(self, path: Path, detail: str) -> None:
        self.detail = detail
        super().__init__(
            f"{path.name} is damaged ({detail}), so it is open read-only and nothing was saved. "
            "Copy out what you need, then restore the vault from your latest backup (File → "
            "Restore from backup…, or 'casepath restore BACKUP --to VAULT')."
        )
