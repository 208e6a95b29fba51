"""Bench only: the vault's schema and data in a plain (unencrypted) SQLite file, to measure
what the encryption costs the app's reads (bench/run.py's read-mix row).

`unencrypted()` makes the vault layer skip ``PRAGMA key`` (and the checks that a cipher is
keyed and that the file is not plain SQLite) in this process and nothing else: the same
sqlcipher3 build, page size, cache size, pragmas, migrations and triggers. The plain file is
built from scratch by ``bench/make_vault.py --plain`` with the same seed, never exported from
an encrypted vault (an ``ATTACH … KEY ''`` export is what the project forbids). It holds
generated data only; never use this on a real vault.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def unencrypted() -> Iterator[None]:
    from app.vault import connection

    saved = connection._key, connection.check_sqlcipher, connection._check_file_shape
    connection._key = lambda raw, passphrase: None  # no key: SQLCipher reads and writes plain
    connection.check_sqlcipher = lambda raw: None  # an unkeyed file has no cipher provider
    connection._check_file_shape = lambda path: None  # it starts "SQLite format 3"
    try:
        yield
    finally:
        connection._key, connection.check_sqlcipher, connection._check_file_shape = saved
