"""Policy versions for the escalation service, and the state its parts share.

A new vault stores the default policy (`AFTER_CREATE` hook); a vault upgraded from before
policies existed gets it on first use (audited), and its older cases adopt it. Each case
keeps the id of the policy it was opened under; importing an edited policy stores a new
version that only new cases use.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.clock import Clock
from app.domain.escalation.policy import Policy, PolicyError, load_policy
from app.domain.records import Case
from app.resource_paths import resource_path
from app.services.action_guard import ActionGuard
from app.vault.audit import audit_log
from app.vault.connection import utc_now
from app.vault.repositories.escalation_repository import EscalationRepository, StoredPolicy
from app.vault.vault import Vault


def default_policy_text() -> str:
    return resource_path("policy", "default.toml").read_text(encoding="utf-8")


def _store_policy(vault: Vault, policy: Policy, inside_transaction: bool = False) -> int:
    repo = EscalationRepository(vault.conn)
    change = {
        "name": policy.name,
        "version": policy.version,
        "sha256": policy.sha256,
        "source": policy.source_name,
    }
    if inside_transaction:
        pid = repo.add_policy(policy.name, policy.source_text, policy.sha256, utc_now())
        audit_log.append(vault.conn, vault.officer.name, "policy.import", "policy", pid, change)
        return pid
    with vault.write() as w:
        pid = repo.add_policy(policy.name, policy.source_text, policy.sha256, utc_now())
        adopted = repo.adopt_cases_without_policy(pid)
        w.audit("policy.import", "policy", pid, {**change, "adopted_cases": adopted})
    return pid


def store_default_policy(vault: Vault) -> None:
    """`AFTER_CREATE` hook: a new vault carries the default policy from the start."""
    _store_policy(vault, load_policy(default_policy_text(), "default.toml"))


class EscalationCore:
    """The state every part of `EscalationService` shares, and the policy versions.

    The parts (stage moves, sign-offs, exceptions, schedules) are mixins over this class;
    `_facts` and `_store_schedule` are provided by `EscalationService` and `Schedules`.
    """

    def __init__(self, vault: Vault, clock: Clock, services: object | None = None) -> None:
        self.vault = vault
        self.guard: ActionGuard | None = None  # set by Services: the policy's rights
        self.clock = clock
        self.services = services  # handed to FACT_SOURCES (plans, reviews …)
        self.repo = EscalationRepository(vault.conn)
        self._policies: dict[int, Policy] = {}
        self._latest: int | None = None
        self._flag_cache: dict[date, tuple[frozenset[int], frozenset[int]]] = {}

    # -- policy --------------------------------------------------------------------------
    def _ensure_policy(self) -> int:
        if self._latest is not None:
            return self._latest
        pid = self.repo.latest_policy_id()
        if pid is None:  # a vault upgraded from before policies: store the default now
            policy = load_policy(default_policy_text(), "default.toml")
            if self.vault.conn.raw.in_transaction:
                pid = _store_policy(self.vault, policy, inside_transaction=True)
                self.repo.adopt_cases_without_policy(pid)
            else:
                pid = _store_policy(self.vault, policy)
        self._latest = pid
        return pid

    def policy(self, policy_id: int) -> Policy:
        if policy_id not in self._policies:
            stored = self.repo.policy(policy_id)
            self._policies[policy_id] = load_policy(stored.source, f"policy version {stored.id}")
        return self._policies[policy_id]

    def current_policy_id(self) -> int:
        return self._ensure_policy()

    def current_policy(self) -> Policy:
        return self.policy(self._ensure_policy())

    def policy_for(self, case: Case) -> Policy:
        """The rules the case is worked under (its stored version, else the current one)."""
        if case.policy_id is not None:
            return self.policy(case.policy_id)
        return self.current_policy()

    def policy_versions(self) -> list[StoredPolicy]:
        self._ensure_policy()
        return self.repo.policies()

    def import_policy(self, path: Path) -> Policy:
        """Validate a policy file and store it as the new current version (audited).

        Raises `PolicyError` naming the file, the line or key, and what is wrong. Cases
        already open keep the version they were opened under.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PolicyError(path.name, [("file", f"cannot be read ({exc.strerror})")]) from None
        except UnicodeDecodeError:
            raise PolicyError(path.name, [("file", "is not UTF-8 text")]) from None
        policy = load_policy(text, path.name)
        self._ensure_policy()
        pid = _store_policy(self.vault, policy)
        self._policies[pid] = policy
        self._latest = pid
        return policy

    def _changed(self) -> None:
        self._flag_cache.clear()

    def _facts(self, case: Case, policy: Policy) -> dict[str, int | bool]:
        raise NotImplementedError  # EscalationService (where FACT_SOURCES live)

    def _store_schedule(self, case_id: int) -> date | None:
        raise NotImplementedError  # Schedules
