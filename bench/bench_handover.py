"""What handover bundles and subject access exports cost on the demo vault. Prints figures.

    python bench/bench_handover.py [--cases 30]

Builds the demo vault (30 cases with plans, reviews, packs and attachments), then times a
bundle of N cases (export: read, hash, compress, age-encrypt; import: decrypt, check every
event and row, write), the acknowledgement round, `verify` on the receiver, and a subject
access export of the employee with the most records.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from app.domain.records import Officer  # noqa: E402
from app.services.demo import DEMO_PASSPHRASE, build_demo  # noqa: E402
from app.services.services import create_vault  # noqa: E402


def timed(label: str, fn) -> object:  # noqa: ANN001
    start = time.perf_counter()
    out = fn()
    print(f"{label:<52} {1000 * (time.perf_counter() - start):8.0f} ms")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=30)
    n = parser.parse_args().cases
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        sender = build_demo(d / "a.casepath", DEMO_PASSPHRASE)
        receiver = create_vault(d / "b.casepath", DEMO_PASSPHRASE, Officer(name="Bench B"))
        refs = [c.reference for c in sender.cases.all()][:n]
        key = receiver.handover.key()
        result = timed(
            f"export a bundle of {len(refs)} cases",
            lambda: sender.handover.export(refs, key, d / "x.bundle"),
        )
        size = (d / "x.bundle").stat().st_size
        print(f"{'bundle size / audit events carried':<52} {size / 1024:8.0f} KB  {result.events}")
        timed("import it (checks, then one write)", lambda: receiver.handover.import_bundle(
            d / "x.bundle", d / "x.ack"))  # fmt: skip
        timed("import the acknowledgement", lambda: sender.handover.import_ack(d / "x.ack"))
        report = timed("verify the receiver", receiver.vault.verify)
        print(f"{'receiver verifies':<52} {report.ok!s:>8}")
        emp = max(
            {c.employee_id for c in sender.cases.all()},
            key=lambda e: sum(1 for c in sender.cases.all() if c.employee_id == e),
        )
        sar = timed("subject access export (PDF, JSON, files)",
                    lambda: sender.subject_access.export(emp, d / "sar"))  # fmt: skip
        print(f"{'subject access records / files':<52} {sar.records:8}  {sar.files}")
        sender.close()
        receiver.close()


if __name__ == "__main__":
    main()
