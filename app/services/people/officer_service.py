"""The officers of a vault: who may act in it, each audit event naming one.

Officers are never deleted (the audit trail names them); a retired officer can no longer be
chosen with ``--officer`` or in the window, and the last active officer cannot be retired.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.clock import Clock
from app.domain.records import Officer, Role
from app.domain.validation import InvalidRecord
from app.vault.errors import VaultError
from app.vault.vault import Vault


@dataclass(frozen=True)
class OfficerEntry:
    officer: Officer
    retired_on: str | None

    @property
    def active(self) -> bool:
        return self.retired_on is None


class OfficerService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock

    def entries(self) -> list[OfficerEntry]:
        repo = self.vault.officers
        return [OfficerEntry(o, repo.retired_on(o.id)) for o in repo.all()]

    def add(self, name: str, email: str = "", role: Role = Role.HR_OFFICER) -> Officer:
        officer = Officer(name=name.strip(), email=email.strip(), role=Role(role))
        report = officer.validate()
        if not report.ok:
            raise InvalidRecord(report, "officer")
        taken = {e.officer.name.casefold() for e in self.entries()}
        if officer.name.casefold() in taken:
            raise VaultError(f"There is already an officer named '{officer.name}'; nothing added.")
        with self.vault.write() as w:
            stored = self.vault.officers.add(officer)
            w.audit("officer.add", "officer", stored.id, {"name": stored.name, "role": role.value})
        return stored

    def retire(self, name: str) -> OfficerEntry:
        entries = self.entries()
        found = next((e for e in entries if e.officer.name == name), None)
        active = [e.officer.name for e in entries if e.active]
        if found is None or not found.active:
            raise VaultError(
                f"No active officer named '{name}'; nothing changed. Officers: {', '.join(active)}."
            )
        if len(active) == 1:
            raise VaultError(f"'{name}' is the vault's only active officer; add another first.")
        on = self.clock.today().isoformat()
        with self.vault.write() as w:
            self.vault.officers.retire(found.officer.id, on)
            w.audit("officer.retire", "officer", found.officer.id, {"retired_on": on})
        return OfficerEntry(found.officer, on)
