"""The vault's user-readable errors, for layers that may not import ``app.vault`` (the GUI).

``str(exc)`` of each is written for the person at the keyboard; show it, never a traceback.
"""

from __future__ import annotations

from app.vault.errors import (
    CannotWriteFile,
    DamagedVault,
    DiskFull,
    IntegrityError,
    NotAVault,
    NotFound,
    PassphraseNotAllowed,
    RekeyFailed,
    UnsupportedCrypto,
    VaultClosed,
    VaultError,
    VaultExists,
    VaultMissing,
    VaultTooNew,
    WrongPassphrase,
)

__all__ = [
    "CannotWriteFile",
    "DamagedVault",
    "DiskFull",
    "IntegrityError",
    "NotAVault",
    "NotFound",
    "PassphraseNotAllowed",
    "RekeyFailed",
    "UnsupportedCrypto",
    "VaultClosed",
    "VaultError",
    "VaultExists",
    "VaultMissing",
    "VaultTooNew",
    "WrongPassphrase",
]
