"""The full page check of a vault (every page's HMAC), now or later on its own connection.

`PRAGMA cipher_integrity_check` decrypts every page: 0.2 s on a 65 MB vault, 12 s on a 3.9 GB
one. Headless commands and any open that would migrate run it before anything else (a damaged
vault is never upgraded). The window opens with the cheap checks only (the key works, page 1
and the schema read, the officers read) and runs the full check in the background through a
`DeferredPageCheck`; damage found there makes the open vault read-only (`Vault.mark_damaged`).

The deferred check's connection is keyed at open, on the thread that holds the passphrase;
its key derivation waits for the first statement, on the checking thread. So the passphrase
string is never kept after unlock: SQLCipher holds the key in the connection, as it does for
the main one, and closing the connection wipes it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from urllib.parse import quote

import sqlcipher3
from sqlcipher3 import dbapi2

from app.vault.audit import integrity
from app.vault.audit.integrity import IntegrityReport


def damage_of(raw: dbapi2.Connection) -> IntegrityReport | None:
    """Every page's HMAC (one sequential read of the file); None when all check out."""
    failures, unreadable = integrity.cipher_check(raw)
    if not failures and not unreadable:
        return None
    pages = sorted({int(w) for m in failures for w in m.split() if w.isdigit()})
    roots = integrity.root_pages(raw)
    tables = sorted({roots[p] for p in pages if p in roots})
    return IntegrityReport(failures, [], pages, tables, unreadable)


class DeferredPageCheck:
    """A keyed, read-only second connection to a vault file whose pages are checked later.

    `run()` may be called once, on any thread; `cancel()` (on any thread, e.g. at lock) makes
    a pending or running check return None and close its connection, and `report_if_live`
    lets the caller hand on a result only while the check was not cancelled.
    """

    def __init__(self, path: Path, passphrase: str) -> None:
        from app.vault.connection import _key

        self.path = Path(path)
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        raw = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        try:
            raw.execute("PRAGMA cipher_log_level = NONE")
            _key(raw, passphrase)  # no key derivation yet: that waits for the first statement
        except BaseException:
            raw.close()
            raise
        self._raw: dbapi2.Connection | None = raw
        self._lock = threading.Lock()
        self._cancelled = False
        self.started = False
        self.finished = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> IntegrityReport | None:
        """Derive the key, check every page, close; None when clean or cancelled."""
        with self._lock:
            if self.started:
                raise RuntimeError("a page check runs once")
            self.started = True
            raw = self._raw
        try:
            if raw is None or self._cancelled:
                return None
            try:
                raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except dbapi2.DatabaseError as exc:  # it opened a moment ago: page 1 went bad
                return IntegrityReport(unreadable=str(exc))
            if self._cancelled:
                return None
            report = damage_of(raw)
            return None if self._cancelled else report
        finally:
            with self._lock:
                self._close()
                self.finished = True

    def cancel(self) -> None:
        """Stop caring about the result; a check that has not started never will."""
        with self._lock:
            self._cancelled = True
            if not self.started:
                self._close()

    def report_if_live(self, deliver: object, report: IntegrityReport | None) -> bool:
        """Call ``deliver(report)`` unless cancelled, atomically with `cancel()`."""
        with self._lock:
            if self._cancelled:
                return False
            deliver(report)  # type: ignore[operator]
            return True

    def _close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None
