"""The vault facade: one open, keyed file with its repositories and the current officer.

Every write goes through `Vault.write()`, which opens a transaction and refuses to commit
unless an audit event was appended in it: no change without its trail. Before it commits, every
audited row the transaction touched is sealed into the chain (`record_check.seal`), so the
chain's newest event about each record carries that record's hash.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.records import Officer
from app.domain.words.wording import plural
from app.vault import migrations, page_check
from app.vault.audit import audit_log, audit_receipt, integrity, record_check, version_check
from app.vault.audit.audit_log import AuditEvent, ChainReport
from app.vault.audit.integrity import IntegrityReport
from app.vault.audit.record_check import RecordProblem
from app.vault.audit.version_check import VersionProblem
from app.vault.connection import Connection
from app.vault.errors import DamagedVault, VaultError, VaultReadOnly
from app.vault.page_check import DeferredPageCheck
from app.vault.privacy import handover_store
from app.vault.repositories.case_record_repository import CaseRecordRepository
from app.vault.repositories.case_repository import CaseRepository


class UnknownOfficer(VaultError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            f"No active officer named '{name}' in this vault; nothing was done. "
            f"Officers: {', '.join(known)}."
        )
        self.known = known


class CaseHandedOver(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "This case was handed over to another office and is read-only here; nothing was "
            "changed. The receiving office keeps it up to date now."
        )


class WriteScope:
    """Handed to the body of `Vault.write()`; collects the audit events of one transaction."""

    def __init__(self, conn: Connection, officer: str) -> None:
        self.conn = conn
        self.officer = officer
        self.events: list[AuditEvent] = []

    def audit(
        self,
        action: str,
        entity_type: str,
        entity_id: object,
        change: Mapping[str, object] | None = None,
    ) -> AuditEvent:
        ev = audit_log.append(self.conn, self.officer, action, entity_type, entity_id, change)
        self.events.append(ev)
        return ev


@dataclass(frozen=True)
class VerifyReport:
    integrity_ok: bool
    integrity_messages: list[str] = field(default_factory=list)
    chain: ChainReport | None = None
    schema_version: int = 0
    damage: str = ""  # which pages and tables are damaged, in words ("" when none)
    chain_problem: str = ""  # why the audit chain could not be walked at all
    records: list[RecordProblem] = field(default_factory=list)
    records_checked: int = 0
    receipt_problems: list[str] = field(default_factory=list)
    versions: list[VersionProblem] = field(default_factory=list)
    versions_checked: int = 0

    @property
    def ok(self) -> bool:
        return (
            self.integrity_ok
            and bool(self.chain and self.chain.ok)
            and not self.records
            and not self.versions
            and not self.receipt_problems
        )

    def lines(self, limit: int = 20) -> list[str]:
        """What `casepath verify` prints: ids and sequence numbers, never a record's content."""
        out = [
            str(self.chain)
            if self.chain is not None
            else f"Audit chain: not checked: {self.chain_problem}."
        ]
        if self.records:
            out.append(f"Records: {len(self.records)} do not match the audit chain:")
            out += [f"  {p}" for p in self.records[:limit]]
            if len(self.records) > limit:
                out.append(f"  … and {len(self.records) - limit} more")
        else:
            out.append(f"Records: all {self.records_checked} match the audit chain.")
        if self.versions:
            out.append(f"Earlier versions: {plural(len(self.versions), 'problem')} with the chain:")
            out += [f"  {p}" for p in self.versions[:limit]]
            if len(self.versions) > limit:
                out.append(f"  … and {len(self.versions) - limit} more")
        elif self.versions_checked:
            out.append(
                f"Earlier versions: all {self.versions_checked} match the events that wrote them."
            )
        out += [f"Receipt: {p}" for p in self.receipt_problems]
        return out


class Vault:
    def __init__(
        self,
        conn: Connection,
        officer: Officer,
        upgraded_from: int | None = None,
        upgrade_backup: Path | None = None,
    ) -> None:
        self.conn = conn
        self.officer = officer
        self.upgraded_from = upgraded_from
        self.upgrade_backup = upgrade_backup
        # Set when the file failed its page check at open: then every write is refused.
        self.damage: IntegrityReport | None = None
        # Set when the full page check was left for later (the window runs it in the background).
        self.page_check: DeferredPageCheck | None = None
        self._refusal = handover_store.RefusalFlag()
        from app.vault.repositories.people_repository import EmployeeRepository, OfficerRepository

        self.employees = EmployeeRepository(conn)
        self.officers = OfficerRepository(conn)
        self.cases = CaseRepository(conn)
        self.records = CaseRecordRepository(conn)
        if not conn.scalar("PRAGMA query_only"):  # a damaged vault opens read-only: no writes
            record_check.install_touch_triggers(conn)
            handover_store.install_guard(conn, self._refusal)  # handed over: read-only

    @property
    def path(self) -> Path:
        return self.conn.path

    @property
    def is_open(self) -> bool:
        return self.conn.is_open

    # -- lifecycle ---------------------------------------------------------------------
    @classmethod
    def create(
        cls, path: Path, passphrase: str, officer: Officer, after_create: list | None = None
    ) -> Vault:
        """Create a new vault file; the officer becomes its first user. Never overwrites."""
        report = officer.validate()
        if not report.ok:
            raise VaultError(str(report))
        conn = Connection.create(Path(path), passphrase)
        try:
            migrations.upgrade(conn, passphrase)
            from app.vault.repositories.people_repository import OfficerRepository

            with conn.transaction():
                stored = OfficerRepository(conn).add(officer)
                audit_log.append(
                    conn, stored.name, "vault.create", "vault", "", {"schema": conn.user_version()}
                )
                audit_log.append(
                    conn,
                    stored.name,
                    "officer.add",
                    "officer",
                    stored.id,
                    {"name": stored.name, "role": stored.role.value},
                )
            vault = cls(conn, stored)
            for hook in after_create or ():
                hook(vault)
        except BaseException:
            conn.close()
            with contextlib.suppress(OSError):
                Path(path).unlink()
            raise
        return vault

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: str,
        officer_name: str | None = None,
        defer_page_check: bool = False,
    ) -> Vault:
        """Open a vault; one whose pages fail their HMAC check opens read-only (`damage`).

        By default every page is checked before anything else (headless commands). With
        ``defer_page_check`` only the cheap checks run now (the key, page 1, the schema and
        the officers read) and `page_check` holds the full check for the caller to run in the
        background; an open that would migrate checks every page first all the same.
        """
        conn = Connection.open(Path(path), passphrase)
        deferred: DeferredPageCheck | None = None
        try:
            before = conn.user_version()
            defer = defer_page_check and before >= migrations.latest_version()
            damage = None if defer else _page_check(conn)
            if damage is not None:
                conn.execute("PRAGMA query_only = ON")
                if before < migrations.latest_version():
                    raise DamagedVault(
                        Path(path),
                        f"{damage.summary()}; a damaged vault is not upgraded",
                    )
                backup = None
            else:
                backup = migrations.upgrade(conn, passphrase)
            from app.vault.repositories.people_repository import OfficerRepository

            officers = OfficerRepository(conn)
            active = officers.active()
            if not active:
                raise DamagedVault(Path(path), "it has no officers")
            chosen = active[0]
            if officer_name:
                found = officers.by_name(officer_name)
                if found is None or found not in active:
                    raise UnknownOfficer(officer_name, [o.name for o in active])
                chosen = found
            if defer:
                deferred = DeferredPageCheck(Path(path), passphrase)
        except BaseException:
            conn.close()
            raise
        vault = cls(conn, chosen, before if backup else None, backup)
        vault.damage = damage
        vault.page_check = deferred
        return vault

    def mark_damaged(self, damage: IntegrityReport) -> None:
        """The background page check found damage: from now on the vault is read-only."""
        with self.conn.lock:
            self.damage = damage
            if self.conn.is_open:
                self.conn.execute("PRAGMA query_only = ON")

    @property
    def read_only(self) -> bool:
        return self.damage is not None

    def close(self) -> None:
        if self.page_check is not None:
            self.page_check.cancel()  # a check still running is ignored, its connection closed
        self.conn.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------
    def _refuse_if_damaged(self) -> None:
        if self.damage is not None:
            raise VaultReadOnly(self.path, self.damage.summary())

    def require_writable(self) -> None:
        """Raise `VaultReadOnly` when the vault is damaged (before a service reads anything)."""
        self._refuse_if_damaged()

    @contextlib.contextmanager
    def write(self) -> Iterator[WriteScope]:
        self._refuse_if_damaged()
        outermost = not self.conn.raw.in_transaction
        with self.conn.transaction():
            if outermost:  # rows touched outside a write are not ours to seal
                record_check.forget_touched(self.conn)
            scope = WriteScope(self.conn, self.officer.name)
            self._refusal.hit = False
            try:
                yield scope
            except Exception:
                if self._refusal.hit:  # the repository's own message would mislead
                    raise CaseHandedOver() from None
                raise
            if not scope.events:
                raise RuntimeError("every write must append an audit event")
            scope.events += record_check.seal(self.conn, self.officer.name)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many audited writes, one commit: all of them or none (imports, the demo)."""
        self._refuse_if_damaged()
        outermost = not self.conn.raw.in_transaction
        with self.conn.transaction():
            if outermost:
                record_check.forget_touched(self.conn)
            yield
            record_check.seal(self.conn, self.officer.name)

    # -- checks ------------------------------------------------------------------------
    def verify(self, receipt: Mapping[str, object] | None = None) -> VerifyReport:
        """Page HMACs, structure, the chain, every record against the chain, and (given one) a
        receipt kept outside the vault, which catches a chain re-hashed from end to end.
        Damage is reported, never raised."""
        records: list[RecordProblem] = []
        versions: list[VersionProblem] = []
        checked = versions_checked = 0
        receipt_problems: list[str] = []
        with self.conn.lock:
            report = integrity.check(self.conn.raw)
            chain: ChainReport | None = None
            problem = ""
            try:
                chain = audit_log.verify_chain(self.conn)
                records = record_check.verify_records(self.conn)
                records += handover_store.verify_received(self.conn)  # bundles' events
                checked = record_check.count_rows(self.conn)
                versions = version_check.verify_versions(self.conn)
                versions_checked = version_check.count_versions(self.conn)
                if receipt is not None:
                    receipt_problems = audit_receipt.check(self.conn, receipt)
            except Exception as exc:  # noqa: BLE001 - verify reports damage, never raises it
                problem = f"the audit log cannot be read ({getattr(exc, 'detail', exc)})"
            try:
                version = self.conn.user_version()
            except Exception:  # noqa: BLE001
                version = 0
        bad = report.cipher_messages + report.btree_messages
        if report.unreadable:
            bad.append(report.unreadable)
        return VerifyReport(
            integrity_ok=report.ok,
            integrity_messages=bad,
            chain=chain,
            schema_version=version,
            damage="" if report.ok else report.summary(),
            chain_problem=problem,
            records=records,
            records_checked=checked,
            receipt_problems=receipt_problems,
            versions=versions,
            versions_checked=versions_checked,
        )

    def audit_receipt(self) -> dict[str, object]:
        """Record that a receipt was issued, then describe the chain head including it."""
        with self.write() as w:
            w.audit("audit.receipt", "vault", "", {})
        return audit_receipt.make(self.conn)

    def change_passphrase(self, old: str, new: str) -> None:
        self._refuse_if_damaged()
        self.conn.rekey(old, new)
        with self.write() as w:
            w.audit("vault.rekey", "vault", "", {})

    def audit_events(
        self, entity_type: str | None = None, entity_id: object | None = None
    ) -> list[AuditEvent]:
        return audit_log.events(self.conn, entity_type, entity_id)

    def audit_head(self) -> tuple[int, str]:
        return audit_log.head(self.conn)


def _page_check(conn: Connection) -> IntegrityReport | None:
    """Every page's HMAC (one sequential read of the file); None when all check out."""
    with conn.lock:
        return page_check.damage_of(conn.raw)
