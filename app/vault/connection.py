"""Opening, creating, re-keying and closing the one SQLCipher file that holds a vault.

Choices, and why:
- SQLCipher 4 defaults (AES-256-CBC, HMAC-SHA512 per page, PBKDF2-HMAC-SHA512 with 256,000
  iterations) are asserted at open; anything weaker refuses to run.
- ``journal_mode = DELETE``: while the vault is closed it is one file the officer can copy or
  back up, and the rollback journal written during a transaction is encrypted as well. The app
  keeps a single connection (key derivation costs ~120 ms per connection), so WAL's concurrent
  readers would buy nothing.
- ``temp_store = MEMORY`` so sorts and temp tables never reach disk in plaintext;
  ``secure_delete = ON`` so deleted text is overwritten; ``foreign_keys = ON``.
- ``cipher_log_level = NONE`` before keying, so a wrong passphrase prints nothing to stderr.
- ``cipher_memory_security`` stays OFF: it wipes and locks SQLCipher's own buffers, but the same
  plaintext already lives in Python strings, so it bought nothing here while making every write
  ~3x slower (measured: demo build 5.3 s -> 1.5 s, mostly system time).
- Opening never creates a file (``mode=rw`` URI) and writes nothing before the key is proven,
  so a wrong passphrase leaves the file's bytes unchanged.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import sqlcipher3
from sqlcipher3 import dbapi2

from app.domain.words.search_match import fold
from app.vault.errors import (
    CannotWriteFile,
    DamagedVault,
    DiskFull,
    NotAVault,
    PassphraseNotAllowed,
    RekeyFailed,
    UnsupportedCrypto,
    VaultClosed,
    VaultError,
    VaultExists,
    VaultMissing,
    WrongPassphrase,
)
from app.vault.files import safe_files

APPLICATION_ID = 0x43415350  # "CASP": tells a Casepath vault from any other SQLCipher file
PAGE_SIZE = 4096
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
MIN_KDF_ITER = 256_000


def _quote_passphrase(passphrase: str) -> str:
    if not passphrase:
        raise WrongPassphrase()
    if "\x00" in passphrase:
        raise PassphraseNotAllowed()
    return "'" + passphrase.replace("'", "''") + "'"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def sqlcipher_version() -> str:
    """The linked SQLCipher's version, read from a throwaway in-memory connection (no key)."""
    conn = dbapi2.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return str(row[0]) if row and row[0] else "unknown"
    finally:
        conn.close()


def check_sqlcipher(conn: dbapi2.Connection) -> None:
    """Refuse to run on a SQLCipher older than 4 or one built without a crypto provider."""
    row = conn.execute("PRAGMA cipher_version").fetchone()
    if not row or not row[0]:
        raise UnsupportedCrypto(
            "This build of sqlcipher3 has no encryption support; reinstall Casepath."
        )
    major = int(str(row[0]).split(".")[0])
    if major < 4:
        raise UnsupportedCrypto(
            f"SQLCipher {row[0]} is too old; Casepath needs version 4 or newer."
        )
    provider = conn.execute("PRAGMA cipher_provider").fetchone()
    if not provider or not provider[0]:
        raise UnsupportedCrypto("SQLCipher has no crypto provider; reinstall Casepath.")
    kdf = conn.execute("PRAGMA kdf_iter").fetchone()
    if kdf is None or int(kdf[0]) < MIN_KDF_ITER:
        raise UnsupportedCrypto("SQLCipher key derivation is weaker than Casepath requires.")


def _translate(exc: BaseException, path: Path) -> BaseException:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DamagedVault(path, str(exc))
    return exc


class Connection:
    """A keyed connection to one vault file, serialised by a lock for use from worker threads."""

    def __init__(self, path: Path, raw: dbapi2.Connection) -> None:
        self.path = path
        self._raw: dbapi2.Connection | None = raw
        self.lock = threading.RLock()
        self._depth = 0

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, passphrase: str) -> Connection:
        path = Path(path)
        if not path.exists():
            raise VaultMissing(path)
        if path.is_dir():
            raise NotAVault(path, "it is a folder")
        _check_file_shape(path)
        raw = _connect(path, create=False)
        try:
            _key(raw, passphrase)
            try:
                raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except dbapi2.DatabaseError as exc:
                raise explain_unreadable(raw, path, exc) from None
            app_id = raw.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise NotAVault(path, "it is an encrypted database made by another program")
            check_sqlcipher(raw)
            _configure(raw)
        except BaseException:
            raw.close()
            raise
        return cls(path, raw)

    @classmethod
    def create(cls, path: Path, passphrase: str) -> Connection:
        path = Path(path)
        if path.exists():
            raise VaultExists(path)
        if not path.parent.is_dir():
            raise CannotWriteFile(path, f"the folder {path.parent} does not exist")
        try:  # 0600 from the first byte, whatever the umask; SQLite's journal copies the mode
            os.close(safe_files.create_private(path))
        except FileExistsError:
            raise VaultExists(path) from None
        except OSError as exc:
            raise CannotWriteFile(path, (exc.strerror or "cannot create it").lower()) from None
        try:
            raw = _connect(path, create=True)
        except BaseException:
            safe_files.remove_quietly(path)
            raise
        try:
            _key(raw, passphrase)
            check_sqlcipher(raw)
            raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _configure(raw)
        except BaseException:
            raw.close()
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return cls(path, raw)

    # -- use ---------------------------------------------------------------------------
    @property
    def raw(self) -> dbapi2.Connection:
        if self._raw is None:
            raise VaultClosed()
        return self._raw

    @property
    def is_open(self) -> bool:
        return self._raw is not None

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        """Turn SQLCipher's generic errors into typed vault errors (disk full, damaged)."""
        try:
            yield
        except dbapi2.IntegrityError:
            raise
        except dbapi2.DatabaseError as exc:
            raise _translate(exc, self.path) from None

    def execute(self, sql: str, params: tuple | dict = ()) -> dbapi2.Cursor:
        with self.lock, self._translated():
            return self.raw.execute(sql, params)

    def query(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        with self.lock, self._translated():
            return self.raw.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()) -> object:
        with self.lock, self._translated():
            row = self.raw.execute(sql, params).fetchone()
            return row[0] if row else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (nothing half-written).

        Inside an outer transaction it becomes a SAVEPOINT, so a batch (the demo, an import)
        can wrap many audited writes in one commit — one fsync instead of hundreds — while
        each inner write still rolls back on its own.
        """
        with self.lock:
            raw = self.raw
            if raw.in_transaction:
                self._depth += 1
                name = f"casepath_sp{self._depth}"
                raw.execute(f"SAVEPOINT {name}")
                try:
                    yield self
                except BaseException:
                    raw.execute(f"ROLLBACK TO {name}")
                    raw.execute(f"RELEASE {name}")
                    raise
                finally:
                    self._depth -= 1
                raw.execute(f"RELEASE {name}")
                return
            raw.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                raw.execute("ROLLBACK")
                raise
            try:
                raw.execute("COMMIT")
            except dbapi2.DatabaseError as exc:
                with contextlib.suppress(dbapi2.DatabaseError):
                    raw.execute("ROLLBACK")
                raise _translate(exc, self.path) from None

    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def backup_to(
        self,
        target: Path,
        passphrase: str | None = None,
        check_source: bool = True,
        overwrite: bool = False,
    ) -> tuple[int, str]:
        """Copy the whole vault, encrypted with its own passphrase, to a new file, verified;
        returns the audit chain head (sequence, hash) the copy holds.

        See `app.vault.files.backup`: temp file in the target folder, fsync, reopen and check (with
        ``passphrase`` when given, else through the open key), digest of every table equal to
        this vault's, then an atomic link into place.
        """
        from app.vault.files.backup import HEAD_KEY, verified_copy

        done = verified_copy(
            self.raw, self.lock, Path(target), passphrase, overwrite, check_source=check_source
        )
        seq, _, digest = done[HEAD_KEY].partition(":")
        return int(seq), digest

    def rekey(self, old_passphrase: str, new_passphrase: str) -> None:
        """Re-encrypt with a new passphrase, then prove it by opening a second connection.

        SQLCipher's rekey rewrites every page inside one transaction, so a crash leaves exactly
        one of the two passphrases working. Its return code can claim success after a failed
        rewrite, hence the proof.
        """
        new_quoted = _quote_passphrase(new_passphrase)
        with self.lock:
            raw = self.raw
            try:
                raw.execute(f"PRAGMA rekey = {new_quoted}")
            except dbapi2.DatabaseError as exc:
                raise RekeyFailed(str(exc)) from None
            try:
                probe = Connection.open(self.path, new_passphrase)
            except WrongPassphrase:
                raise RekeyFailed("the new passphrase did not open the vault afterwards") from None
            probe.close()

    def close(self) -> None:
        with self.lock:
            if self._raw is not None:
                self._raw.close()
                self._raw = None


def explain_unreadable(raw: dbapi2.Connection, path: Path, exc: BaseException) -> VaultError:
    """Tell a wrong passphrase from damage after the first read failed.

    SQLCipher says "file is not a database" for both. Its page check tells them apart: with a
    wrong key *every* page fails its HMAC; with the right key and damage, only some do. Only
    when all pages fail (a wrong passphrase, or damage to the 16-byte salt every key is derived
    from) can the two not be told apart, and `WrongPassphrase` says both.
    """
    from app.vault.audit import integrity

    failures, unreadable = integrity.cipher_check(raw)
    total = max(1, path.stat().st_size // PAGE_SIZE) if path.exists() else 1
    if not unreadable and 0 < len(failures) < total:
        report = integrity.IntegrityReport(
            cipher_messages=failures,
            pages=sorted({int(p) for m in failures for p in m.split() if p.isdigit()}),
        )
        return DamagedVault(path, report.summary())
    if "not a database" in str(exc).lower() and failures and len(failures) >= total:
        return WrongPassphrase()
    if not failures and not unreadable:  # every page is intact: the structure is not
        report = integrity.IntegrityReport(unreadable=str(exc))
        return DamagedVault(path, report.summary())
    return DamagedVault(path, unreadable or str(exc))


def _connect(path: Path, create: bool) -> dbapi2.Connection:
    mode = "rwc" if create else "rw"
    if create and not path.parent.is_dir():
        raise CannotWriteFile(path, f"the folder {path.parent} does not exist")
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    try:
        raw = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except dbapi2.OperationalError as exc:
        raise VaultMissing(path) from exc
    # Before the key: silence SQLCipher's stderr logging of failed HMAC checks.
    raw.execute("PRAGMA cipher_log_level = NONE")
    return raw


def _key(raw: dbapi2.Connection, passphrase: str) -> None:
    raw.execute(f"PRAGMA key = {_quote_passphrase(passphrase)}")


def _configure(raw: dbapi2.Connection) -> None:
    raw.execute("PRAGMA temp_store = MEMORY")
    raw.execute("PRAGMA secure_delete = ON")
    raw.execute("PRAGMA foreign_keys = ON")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute("PRAGMA cache_size = -65536")  # 64 MB: repeated scans stay decrypted in memory
    raw.execute("PRAGMA cipher_memory_security = OFF")
    # Short searches compare through LIKE: fold(x) makes them case- and accent-blind like FTS.
    raw.create_function("fold", 1, fold, deterministic=True)


def _check_file_shape(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise NotAVault(path, "the file is empty")
    with path.open("rb") as fh:
        head = fh.read(16)
    if head == SQLITE_PLAIN_HEADER:
        raise NotAVault(path, "it is an unencrypted SQLite database")
    if size % PAGE_SIZE:
        raise NotAVault(path, "its size does not match an encrypted vault")
