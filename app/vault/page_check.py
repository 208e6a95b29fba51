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
from app.vault.background_priority import lower_this_thread


def damage_of(raw: dbapi2.Connection) -> IntegrityReport | None:
    """Every page's HMAC (one sequential read of the file); None when all check out."""
    failures, unreadable = integrity.cipher_check(raw)
    return _report(raw, failures, unreadable)


def _report(raw: dbapi2.Connection, failures: list[str], unreadable: str) -> IntegrityReport | None:
    if not failures and not unreadable:
        return None
    pages = sorted({int(w) for m in failures for w in m.split() if w.isdigit()})
    roots = integrity.root_pages(raw)
    tables = sorted({roots[p] for p in pages if p in roots})
    return IntegrityReport(failures, [], pages, tables, unreadable)


RECHECKS = 2  # passes after the first, when the app wrote while the check read


def confirmed_damage_of(raw: dbapi2.Connection) -> IntegrityReport | None:
    """`damage_of` for a check that runs while the app writes: only what stands.

    The page check reads the file without a lock (SQLCipher reads it directly), so a commit
    of the officer's during the read can hand it a page half rewritten, or shorten the file
    under it (an erasure's VACUUM): failures that are not damage. When a pass finds failures
    and ``PRAGMA data_version`` says something was committed while it read, the file is
    read again, and only failures found by every pass are kept; a pass during which nothing
    was committed is the answer as it stands. Damage on disk fails every pass (unless the
    app rewrote that very page, which mends it), so nothing real is lost this way.
    """
    before = _data_version(raw)
    report = damage_of(raw)
    for _ in range(RECHECKS):
        if report is None:
            return None
        after = _data_version(raw)
        if after is not None and after == before:
            return report  # nothing committed during that pass: its findings are the file's
        before = after
        again, unreadable = integrity.cipher_check(raw)
        seen = set(again)
        failures = [f for f in report.cipher_messages if f in seen]
        report = _report(raw, failures, report.unreadable if unreadable else "")
    return report


def _data_version(raw: dbapi2.Connection) -> int | None:
    """Changes when another connection committed (None if it cannot be read)."""
    try:
        return int(raw.execute("PRAGMA data_version").fetchone()[0])
    except dbapi2.DatabaseError:
        return None


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
        self.priority: list[str] = []  # what lowering the checking thread applied

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self, background: bool = False) -> IntegrityReport | None:
        """Derive the key, check every page, close; None when clean or cancelled.
        ``background`` (the window's checking thread) first lowers the calling thread's CPU
        and I/O priority, so the officer's own reads and clicks come first."""
        with self._lock:
            if self.started:
                raise RuntimeError("a page check runs once")
            self.started = True
            raw = self._raw
        if background:
            self.priority = lower_this_thread()
        try:
            if raw is None or self._cancelled:
                return None
            try:
                raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except dbapi2.DatabaseError as exc:  # it opened a moment ago: page 1 went bad
                return IntegrityReport(unreadable=str(exc))
            if self._cancelled:
                return None
            report = confirmed_damage_of(raw)
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
