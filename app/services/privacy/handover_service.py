"""Handing cases over to another vault: export a bundle, import it, acknowledge it.

A bundle is one age-encrypted file (`app.vault.privacy.bundle_crypto`) for the receiving vault's
handover key. Inside, zlib-compressed canonical JSON: ``{"contents": …, "digest": sha256}``
where ``contents`` holds the sender (vault id, officer, public key, chain head, time), each
case's full records (`app.vault.privacy.bundle_rows`) and earlier versions
(`app.vault.privacy.bundle_versions`),
its employee and policy, and every audit event about those rows. The receiver checks the
digest, every event's own hash, every row against its newest event and every earlier version
against the event that wrote it before writing anything, then writes it all in one audited
transaction and produces an acknowledgement (encrypted for the sender's key) naming the
bundle's digest; once the sender imports it, the sender's copy of each case is read-only
("handed over").
Format and audit design: docs/FORMAT.md and docs/AUDIT.md, "Handover bundles".
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from app.domain.clock import Clock
from app.services.documents import export_file
from app.vault.audit import audit_log
from app.vault.audit.audit_log import AuditEvent, canonical_json
from app.vault.audit.audit_receipt import vault_id
from app.vault.errors import NotFound, VaultError
from app.vault.privacy import bundle_crypto, bundle_rows, bundle_versions, handover_store
from app.vault.privacy.bundle_crypto import BundleKeyError
from app.vault.privacy.bundle_rows import BundleRefused
from app.vault.privacy.bundle_versions import VersionRefused
from app.vault.privacy.case_tables import count_case_rows
from app.vault.vault import Vault

FORMAT = "casepath-handover"
ACK_FORMAT = "casepath-handover-ack"
VERSION = 1
MAX_BUNDLE = 2 * 1024**3  # a bundle larger than the attachment limits allow is not ours


class HandoverError(VaultError):
    """A bundle or acknowledgement refused; nothing was imported or changed."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    digest: str
    references: tuple[str, ...]
    events: int


@dataclass(frozen=True)
class ImportResult:
    digest: str
    references: tuple[str, ...]
    case_ids: tuple[int, ...]
    events: int
    employees_matched: int
    employees_created: int
    sender_officer: str
    ack_path: Path | None


def _now(clock: Clock) -> str:
    return clock.now().astimezone().isoformat(timespec="seconds")


class HandoverService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock

    # -- this vault's key --------------------------------------------------------------
    def key(self) -> str:
        """This vault's public handover key, made on first use (its secret stays inside)."""
        ident = bundle_crypto.identity(self.vault.conn)
        if ident is None:
            with self.vault.write() as w:
                ident = bundle_crypto.create_identity(self.vault.conn)
                w.audit("handover.key_created", "vault", "", {})
        return bundle_crypto.public_key(ident)

    def _identity(self):  # noqa: ANN202 - an x25519.Identity
        ident = bundle_crypto.identity(self.vault.conn)
        if ident is None:
            raise HandoverError(
                "This vault has no handover key yet, so nothing can have been encrypted for it. "
                "Show this vault's handover key, give it to the sender, and ask them to export "
                "the bundle again."
            )
        return ident

    # -- export ------------------------------------------------------------------------
    def export(self, references: list[str], recipient: str, target: Path) -> ExportResult:
        """Write the bundle for ``recipient`` (an age1… key); audited, content-free."""
        target = Path(target)
        if target.exists():
            raise HandoverError(f"{target} already exists; choose another name.")
        export_file.check_target(target)
        try:
            bundle_crypto.recipient(recipient)
        except BundleKeyError as exc:
            raise HandoverError(str(exc)) from None
        conn = self.vault.conn
        refs = list(dict.fromkeys(r.strip() for r in references if r.strip()))
        if not refs:
            raise HandoverError("Name at least one case to hand over.")
        ids = []
        for ref in refs:
            found = handover_store.case_id_of(conn, ref)
            if found is None:
                raise NotFound(f"No case with reference {ref}; nothing was exported.")
            if handover_store.handed_over_on(conn, int(found)):
                raise HandoverError(f"Case {ref} was handed over already; nothing was exported.")
            ids.append(int(found))
        own_key = self.key()
        cases, employees, policies = bundle_rows.collect(conn, ids)
        events = bundle_rows.events_about(conn, bundle_rows.row_keys(cases, employees, policies))
        seq, head = audit_log.head(conn)
        contents = {
            "format": FORMAT,
            "version": VERSION,
            "sender": {
                "vault_id": vault_id(conn),
                "officer": self.vault.officer.name,
                "key": own_key,
                "exported_at": _now(self.clock),
                "head": f"{seq}:{head}",
                "schema": conn.user_version(),
            },
            "cases": cases,
            "employees": employees,
            "policies": policies,
            "events": [audit_log.vars_of(e) for e in events],
        }
        digest = _digest(contents)
        plain = zlib.compress(canonical_json({"contents": contents, "digest": digest}).encode())
        data = bundle_crypto.encrypt(plain, recipient)
        with export_file.new_file(target, data), self.vault.write() as w:
            hid = handover_store.record(
                conn,
                "sent",
                digest,
                "".join(recipient.split()),
                contents["sender"]["exported_at"],
                _now(self.clock),
                list(zip(ids, refs, strict=True)),
            )
            w.audit(
                "handover.export",
                "handover",
                hid,
                {"cases": len(ids), "events": len(events), "digest": digest},
            )
        return ExportResult(target, digest, tuple(refs), len(events))

    # -- import ------------------------------------------------------------------------
    def read_bundle(self, path: Path) -> dict:
        """Decrypt and check a bundle without writing anything; HandoverError says why not."""
        data = _read(path, "bundle")
        try:
            plain = bundle_crypto.decrypt(data, self._identity(), "bundle")
        except BundleKeyError as exc:
            raise HandoverError(str(exc)) from None
        doc = _unpack(plain, "bundle")
        contents = doc.get("contents")
        if not isinstance(contents, dict) or contents.get("format") != FORMAT:
            raise HandoverError("This file is not a Casepath handover bundle.")
        if contents.get("version") != VERSION:
            raise HandoverError(
                "This bundle was made by another version of Casepath; update Casepath, then "
                "import it again."
            )
        if doc.get("digest") != _digest(contents):
            raise HandoverError(
                "This bundle does not match its own digest: it was altered. Nothing was imported."
            )
        return doc

    def import_bundle(self, path: Path, ack_target: Path | None = None) -> ImportResult:
        """Check everything, then write the cases in one audited transaction and, given
        ``ack_target``, the acknowledgement for the sender (after the import commits)."""
        doc = self.read_bundle(path)
        contents, digest = doc["contents"], doc["digest"]
        conn = self.vault.conn
        if handover_store.received(conn, digest):
            raise HandoverError("This bundle was imported into this vault already.")
        try:
            cases, employees = list(contents["cases"]), list(contents["employees"])
            policies, sender = list(contents["policies"]), dict(contents["sender"])
            events = [AuditEvent(*row) for row in contents["events"]]
            refs = [str(c["reference"]) for c in cases]
            bundle_rows.check_against_events(cases, employees, policies, events)
            bundle_versions.check(cases, events)
            versions = [list(v) for c in cases for v in c.get("versions", [])]
        except (BundleRefused, VersionRefused) as exc:
            raise HandoverError(str(exc)) from None
        except (KeyError, TypeError, ValueError):
            raise HandoverError(
                "This bundle's contents are not laid out as Casepath writes them; nothing was "
                "imported."
            ) from None
        for ref in refs:
            if handover_store.case_id_of(conn, ref) is not None:
                raise HandoverError(
                    f"This vault already has a case {ref}; nothing was imported. (A case "
                    "handed back is imported into a vault that no longer holds it.)"
                )
        if ack_target is not None:
            ack_target = Path(ack_target)
            if ack_target.exists():
                raise HandoverError(f"{ack_target} already exists; choose another name.")
            export_file.check_target(ack_target)
        try:
            with self.vault.write() as w:
                written, remap = bundle_rows.write_cases(
                    conn, cases, employees, policies, self.vault.officer.id
                )
                hid = handover_store.record(
                    conn,
                    "received",
                    digest,
                    str(sender.get("key", "")),
                    str(sender.get("exported_at", "")),
                    _now(self.clock),
                    written,
                    peer_vault=str(sender.get("vault_id", "")),
                    peer_officer=str(sender.get("officer", "")),
                    sender_head=str(sender.get("head", "")),
                    events=events,
                    versions=versions,
                )
                bundle_versions.write(conn, hid, cases, remap.ids)
                w.audit(
                    "handover.import",
                    "handover",
                    hid,
                    {
                        "cases": len(written),
                        "events": len(events),
                        "versions": len(versions),
                        "digest": digest,
                    },
                )
        except BundleRefused as exc:
            raise HandoverError(str(exc)) from None
        ack = None
        if ack_target is not None:
            ack = self.write_ack(digest, refs, str(sender.get("key", "")), ack_target)
        return ImportResult(
            digest,
            tuple(refs),
            tuple(cid for cid, _ in written),
            len(events),
            remap.employees_matched,
            remap.employees_created,
            str(sender.get("officer", "")),
            ack,
        )

    def write_ack(self, digest: str, refs: list[str], sender_key: str, target: Path) -> Path:
        body = {
            "format": ACK_FORMAT,
            "version": VERSION,
            "bundle_digest": digest,
            "references": refs,
            "receiver_vault": vault_id(self.vault.conn),
            "receiver_officer": self.vault.officer.name,
            "received_at": _now(self.clock),
        }
        try:
            data = bundle_crypto.encrypt(zlib.compress(canonical_json(body).encode()), sender_key)
        except BundleKeyError as exc:
            raise HandoverError(f"The bundle names no usable sender key: {exc}") from None
        with export_file.new_file(Path(target), data), self.vault.write() as w:
            w.audit("handover.ack_written", "vault", "", {"digest": digest})
        return Path(target)

    # -- acknowledgement ---------------------------------------------------------------
    def import_ack(self, path: Path) -> tuple[str, ...]:
        """Mark the sent handover acknowledged: its cases become read-only here."""
        data = _read(path, "acknowledgement")
        try:
            plain = bundle_crypto.decrypt(data, self._identity(), "acknowledgement")
        except BundleKeyError as exc:
            raise HandoverError(str(exc)) from None
        body = _unpack(plain, "acknowledgement")
        if body.get("format") != ACK_FORMAT:
            raise HandoverError("This file is not a Casepath handover acknowledgement.")
        conn = self.vault.conn
        found = handover_store.sent(conn, str(body.get("bundle_digest", "")))
        if found is None:
            raise HandoverError(
                "This acknowledgement is for a bundle this vault did not send; nothing changed."
            )
        hid, done = found
        refs = tuple(str(r) for r in body.get("references", []))
        if done:
            return refs
        with self.vault.write() as w:
            handover_store.acknowledge(conn, hid, _now(self.clock))
            w.audit("handover.acknowledged", "handover", hid, {"cases": len(refs)})
        return refs

    # -- what the case view shows ------------------------------------------------------
    def provenance(self, case_id: int) -> list[handover_store.Provenance]:
        return handover_store.provenance(self.vault.conn, case_id)

    def handed_over_on(self, case_id: int) -> str | None:
        return handover_store.handed_over_on(self.vault.conn, case_id)

    def row_counts(self) -> dict[str, int]:
        """Rows per case table (tests check that a refused import wrote none)."""
        return count_case_rows(self.vault.conn)


def _digest(contents: dict) -> str:
    return hashlib.sha256(canonical_json(contents).encode("utf-8")).hexdigest()


def _read(path: Path, what: str) -> bytes:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BUNDLE:
            raise HandoverError(f"{path.name} is too large to be a Casepath handover {what}.")
        return path.read_bytes()
    except OSError as exc:
        raise HandoverError(f"Cannot read {path}: {(exc.strerror or 'error').lower()}.") from None


def _unpack(plain: bytes, what: str) -> dict:
    try:
        doc = json.loads(zlib.decompress(plain).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        raise HandoverError(f"This {what} is damaged: its contents cannot be read.") from None
    if not isinstance(doc, dict):
        raise HandoverError(f"This file is not a Casepath handover {what}.")
    return doc
