"""What may be attached and opened: the size limit, media types from a file's first bytes,
the suffixes never handed to the desktop's viewer, and the errors that say so.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from app.domain.attachments import size_label
from app.vault.errors import VaultError

DEFAULT_MAX_BYTES = 25 * 1024 * 1024

# Opening these with the desktop's default handler could run them; they can still be saved.
UNSAFE_TO_OPEN = frozenset(
    {
        ".exe",
        ".com",
        ".bat",
        ".cmd",
        ".scr",
        ".pif",
        ".msi",
        ".msp",
        ".js",
        ".jse",
        ".vbs",
        ".vbe",
        ".wsf",
        ".wsh",
        ".ps1",
        ".psm1",
        ".sh",
        ".bash",
        ".zsh",
        ".command",
        ".app",
        ".desktop",
        ".jar",
        ".lnk",
        ".reg",
        ".hta",
        ".cpl",
        ".py",
        ".pyw",
        ".pl",
        ".rb",
        ".run",
        ".appimage",
        ".deb",
        ".rpm",
        ".dmg",
        ".pkg",
        ".iso",
        ".html",
        ".htm",
        ".svg",
        ".xhtml",
    }
)

_EXTRA_TYPES = {
    ".msg": "application/vnd.ms-outlook",
    ".eml": "message/rfc822",
    ".heic": "image/heic",
    ".webp": "image/webp",
    ".md": "text/markdown",
}
_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


class AttachmentError(VaultError):
    """A file cannot be attached, opened or saved as asked; the message says what to do."""


class AttachmentTooLarge(AttachmentError):  # noqa: N818 - named like the vault errors
    def __init__(self, filename: str, size: int, limit: int) -> None:
        self.size, self.limit = size, limit
        super().__init__(
            f"{filename} is {size_label(size)}; each attachment may be at most "
            f"{size_label(limit)}. Compress it (for a scan: save it at a lower resolution) or "
            "split it into parts, then attach the parts."
        )


def guess_media_type(filename: str, head: bytes = b"") -> str:
    """From the first bytes for the common evidence formats, else from the extension."""
    for magic, media in _MAGIC:
        if head.startswith(magic):
            return media
    suffix = Path(filename).suffix.lower()
    if suffix in _EXTRA_TYPES:
        return _EXTRA_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(f"x{suffix}", strict=False)
    return guessed or "application/octet-stream"
