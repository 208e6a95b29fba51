"""kill -9 at random moments during writes, passphrase change, backup, restore and import.

After each kill: the vault opens with exactly one of the passphrases, verify is clean, every
acknowledged write is present, an import is all there or not at all, and a backup target is
either absent or a verified backup. Used by tests/unit/vault/test_crash_harness.py (a short run) and
bench/bench_crash.py (a long one).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.records import Officer
from app.services.interchange.interchange import export_document
from app.services.services import create_vault, open_vault
from app.vault.errors import WrongPassphrase
from app.vault.files import safe_files
from app.vault.files.restore import inspect_backup
from tests.factories import UNICODE_NAMES, employee, open_case

ROOT = Path(__file__).resolve().parents[1]
OLD = "crash harness passphrase"
NEW = "the new crash passphrase"
OPS = ("write", "passwd", "backup", "backup-app", "restore", "import")
# How long after READY each operation typically runs (s): kills land uniformly within it.
# Measured unkilled on a 2-core machine, READY to exit: passwd 0.63, backup 0.40, app backup
# 0.16, restore 0.95, import 0.22; the work itself is about half of that.
WINDOW = {
    "write": 0.6,
    "passwd": 0.4,
    "backup": 0.3,
    "backup-app": 0.12,
    "restore": 0.5,
    "import": 0.15,
}


@dataclass
class Templates:
    folder: Path
    vault: Path
    backup: Path
    import_doc: Path
    import_numbers: list[str]


@dataclass
class Outcome:
    op: str
    delay: float
    finished: bool
    problems: list[str] = field(default_factory=list)


def build_templates(folder: Path, employees: int = 300) -> Templates:
    """A vault big enough that each operation takes a while, its backup, and an import file."""
    folder.mkdir(parents=True, exist_ok=True)
    vault = folder / "template.casepath"
    svc = create_vault(vault, OLD, Officer(name="Hana Officer"))
    with svc.vault.batch():
        for i in range(employees):
            svc.employees.add(employee(f"T{i:05d}", f"{UNICODE_NAMES[i % 6]} {i}"))
    open_case(svc, name=f"{UNICODE_NAMES[0]} 0", number="T00000")
    backup = folder / "template-backup.casepath"
    svc.backup(backup, OLD)
    svc.close()
    other = folder / "source.casepath"
    src = create_vault(other, OLD, Officer(name="Ida Officer"))
    with src.vault.batch():
        for i in range(150):
            src.employees.add(employee(f"I{i:05d}", f"Imported {i}"))
    doc = export_document(src)
    src.close()
    import_doc = folder / "import.json"
    import_doc.write_text(json.dumps(doc), "utf-8")
    numbers = [e["employee_number"] for e in doc["employees"]]
    return Templates(folder, vault, backup, import_doc, numbers)


def run_trial(t: Templates, work: Path, op: str, rng: random.Random, code: Path = ROOT) -> Outcome:
    """One kill; ``code`` is the checkout whose worker runs (another one to measure "before")."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    vault = work / "vault.casepath"
    shutil.copy(t.vault, vault)
    target = work / "out" / "backup.casepath"
    target.parent.mkdir()
    arg = {
        "passwd": NEW,
        "backup": str(target),
        "backup-app": str(target),
        "restore": str(t.backup),
        "import": str(t.import_doc),
    }.get(op, "")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_worker", op, str(vault), OLD, arg],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    ready = proc.stdout.readline().strip()
    delay = rng.uniform(0, WINDOW[op])
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    lines = [ready, *rest.splitlines()]
    acked = [int(x.split()[1]) for x in lines if x.startswith("ACK ")]
    outcome = Outcome(op, delay, "DONE" in lines)
    if ready != "READY":
        outcome.problems.append(f"worker did not start: {ready!r}")
        return outcome
    _check(t, work, vault, target, op, acked, outcome)
    return outcome


def _check(
    t: Templates, work: Path, vault: Path, target: Path, op: str, acked: list[int], o: Outcome
) -> None:
    opens = []
    for passphrase in (OLD, NEW):
        try:
            svc = open_vault(vault, passphrase)
        except WrongPassphrase:
            continue
        except Exception as exc:  # noqa: BLE001 - any other failure is what we look for
            o.problems.append(f"open with a passphrase failed: {type(exc).__name__}: {exc}")
            continue
        opens.append(passphrase)
        try:
            report = svc.vault.verify()
            if not report.ok:
                o.problems.append(f"verify not clean: {report.damage} {report.chain}")
            if svc.vault.read_only:
                o.problems.append("vault opened read-only")
            numbers = {e.employee_number for e in svc.employees.all()}
            missing = [i for i in acked if f"K{i:05d}" not in numbers]
            if missing:
                o.problems.append(f"acknowledged writes missing: {missing[:5]}")
            if op == "import":
                got = sum(1 for n in t.import_numbers if n in numbers)
                if got not in (0, len(t.import_numbers)):
                    o.problems.append(f"partial import: {got} of {len(t.import_numbers)}")
                if o.finished and got == 0:
                    o.problems.append("import acknowledged but absent")
            if op == "passwd" and o.finished and passphrase != NEW:
                o.problems.append("passphrase change acknowledged but the old one still opens")
        finally:
            svc.close()
    if len(opens) != 1:
        o.problems.append(f"{len(opens)} passphrases open the vault")
    if op.startswith("backup"):
        if target.exists():
            try:
                inspect_backup(target, OLD)
            except Exception as exc:  # noqa: BLE001
                o.problems.append(f"backup target exists but is not good: {exc}")
        elif o.finished:
            o.problems.append("backup acknowledged but absent")
        leftovers = [p.name for p in target.parent.iterdir() if p.name != target.name]
        if any(not safe_files.is_casepath_temp(n) for n in leftovers):
            o.problems.append(f"unexpected files beside the backup: {leftovers}")
        safe_files.sweep_stale_temp_files(target.parent)
        if any(p.name != target.name for p in target.parent.iterdir()):
            o.problems.append("stale temp files survived the sweep")
    if op == "restore":
        for kept in work.glob("vault.before-restore-*"):
            if kept.name.endswith("-journal"):
                continue
            try:
                inspect_backup(kept, OLD)
            except Exception as exc:  # noqa: BLE001
                o.problems.append(f"the kept vault is not whole: {exc}")


def run(
    trials: int, folder: Path, seed: int = 12, code: Path = ROOT, ops: tuple[str, ...] = OPS
) -> list[Outcome]:
    rng = random.Random(seed)
    t = build_templates(folder / "templates")
    outcomes = []
    for n in range(trials):
        op = ops[n % len(ops)]
        outcomes.append(run_trial(t, folder / "trial", op, rng, code))
    return outcomes


def summary(outcomes: list[Outcome]) -> str:
    bad = [o for o in outcomes if o.problems]
    per_op = Counter(o.op for o in outcomes)
    finished = Counter(o.op for o in outcomes if o.finished)
    lines = [f"{len(outcomes)} kill -9 trials, {len(bad)} bad results"]
    for op in OPS:
        lines.append(
            f"  {op:<10} {per_op[op]:>4} trials, {finished[op]:>4} finished before the kill"
        )
    for o in bad[:10]:
        lines.append(f"  BAD {o.op} after {o.delay:.3f}s: {'; '.join(o.problems)}")
    return "\n".join(lines)
