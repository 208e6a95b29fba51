"""Redacted summaries of a whole demo vault: how many export, and how long they take.

    python bench/bench_redaction.py [--officer root] [--officer "Hana Officer"]

Builds the demo vault with each officer name (the demo names its officer after the account
on some set-ups: "root" sits next to "Root causes" in every summary), then exports every case
as PDF, CSV and JSON, once with structured facts only and once with every free-text field.
Prints exports, refusals (with their reasons, which never hold the identifier) and seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

import app.services.demo as demo  # noqa: E402
from app.documents.pdf.fonts import UnprintableText  # noqa: E402
from app.documents.redaction.redaction import INCLUDABLE, RedactionOptions  # noqa: E402
from app.documents.redaction.redaction_verifier import RedactionRefused  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--officer", action="append")
    officers = parser.parse_args().officer or ["root", "Hana Officer", demo.DEMO_OFFICER]
    for officer in officers:
        demo.DEMO_OFFICER = officer
        with tempfile.TemporaryDirectory() as folder:
            svc = demo.build_demo(Path(folder) / "demo.casepath")
            ids = [c.id for c in svc.cases.all()]
            reasons: Counter[str] = Counter()
            start = time.perf_counter()
            for options in (RedactionOptions(), RedactionOptions(include=frozenset(INCLUDABLE))):
                for case_id in ids:
                    for kind in ("pdf", "csv", "json"):
                        try:
                            svc.documents.redacted(case_id, kind, options)
                        except (RedactionRefused, UnprintableText) as exc:
                            reasons[str(exc).splitlines()[1].strip()] += 1
            seconds = time.perf_counter() - start
            svc.close()
        exports = len(ids) * 6
        print(
            f"officer {officer!r}: {len(ids)} cases, {exports} exports, "
            f"{sum(reasons.values())} refused, {seconds:.1f} s ({seconds / exports * 1000:.0f} ms "
            f"each){'; ' + str(reasons.most_common(3)) if reasons else ''}"
        )


if __name__ == "__main__":
    main()
