"""Versions of Casepath and what it runs on, for Help → About and support questions.

Qt-free: the GUI adds Qt's own version. SQLCipher's version comes from the vault layer, which
reads it without opening a vault (no passphrase needed).
"""

from __future__ import annotations

import platform
from importlib import metadata

from app.vault.connection import sqlcipher_version


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    """Name → version, in the order an About box lists them."""
    import reportlab

    from app import __version__

    return {
        "Casepath": __version__,
        "SQLCipher": sqlcipher_version(),
        "reportlab": reportlab.Version,
        "pypdf": _package("pypdf"),
        "Python": platform.python_version(),
    }
