"""Versions of Casepath and what it runs on, for Help → About and support questions.

Qt-free: the GUI adds Qt's own version. SQLCipher's version is read from a throwaway in-memory
connection, so no vault (and no passphrase) is needed.
"""

from __future__ import annotations

import platform
from importlib import metadata


def _package(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def sqlcipher_version() -> str:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return str(row[0]) if row else "unknown"
    finally:
        conn.close()


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
