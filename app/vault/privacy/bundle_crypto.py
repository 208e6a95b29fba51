"""Encryption of handover bundles and acknowledgements: age (pyrage), X25519 recipients.

Why age rather than Argon2id + AES-GCM of our own: age is a published, reviewed format
(age-encryption.org/v1) whose payload is chunked STREAM encryption (ChaCha20-Poly1305) with an
authenticated header, so a flipped bit, a truncated file or a wrong key is refused by the
library itself, and nothing of our own invention guards the case content. Recipient keys mean
no secret has to be read out over the phone: the receiving vault keeps its identity (secret
key) inside itself, encrypted with the vault, and gives out only its public key (``age1…``).
Any age tool (`age`, `rage`) can open a bundle with that identity, years from now.
"""

from __future__ import annotations

import pyrage
from pyrage import x25519

from app.vault.connection import Connection

IDENTITY_KEY = "handover_identity"  # meta key; the secret never leaves the vault
MAGIC = b"age-encryption.org/v1\n"


class BundleKeyError(ValueError):
    """A key that is not an age public key, or a file this vault's key cannot open."""


def identity(conn: Connection) -> x25519.Identity | None:
    text = conn.scalar("SELECT value FROM meta WHERE key = ?", (IDENTITY_KEY,))
    return x25519.Identity.from_str(str(text)) if text else None


def create_identity(conn: Connection) -> x25519.Identity:
    """Inside a write: a new key pair for this vault (its secret stored in ``meta``)."""
    ident = x25519.Identity.generate()
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (IDENTITY_KEY, str(ident)))
    return ident


def public_key(ident: x25519.Identity) -> str:
    return str(ident.to_public())


def recipient(text: str) -> x25519.Recipient:
    key = "".join(text.split())
    try:
        return x25519.Recipient.from_str(key)
    except Exception:  # noqa: BLE001 - pyrage raises RecipientError or ValueError
        raise BundleKeyError(
            "That is not a handover key: a key starts with 'age1' and is 62 characters long. "
            "Ask the receiving officer for the key their Casepath shows."
        ) from None


def encrypt(data: bytes, to: str) -> bytes:
    return pyrage.encrypt(data, [recipient(to)])


def decrypt(data: bytes, ident: x25519.Identity, what: str = "bundle") -> bytes:
    if not data.startswith(MAGIC):
        raise BundleKeyError(f"This file is not a Casepath handover {what} (not age-encrypted).")
    try:
        return pyrage.decrypt(data, [ident])
    except pyrage.DecryptError as exc:
        if "No matching keys" in str(exc):
            raise BundleKeyError(
                f"This {what} was not encrypted for this vault's handover key: ask the sender "
                f"to export it again with the key this vault shows."
            ) from None
        raise BundleKeyError(
            f"This {what} is damaged or incomplete (it fails its authentication check); "
            "ask for it to be sent again."
        ) from None
