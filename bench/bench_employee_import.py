"""How many rows of HR-system-shaped exports import correctly without options: prints figures.

    python bench/bench_employee_import.py [--before OLD_employee_import.py]

Runs every sample of tests/hr_export_samples.py (BambooHR, Workday, Personio, SuccessFactors,
HiBob, Sage HR, Factorial, generic Excel) through read -> guess mapping -> plan, with no option
given, and counts per row: *correct* (would be written with every expected value), *stopped*
(refused or marked as an error, so the officer is told), *silent* (would be written with a
wrong value and no error). ``--before`` runs the same through an older copy of the module, e.g.
``git show 9c944df:app/services/people/employee_import.py > /tmp/old.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from tests.hr_export_samples import SAMPLES  # noqa: E402

TODAY = date(2026, 12, 3)


def _load(path: str | None) -> ModuleType:
    if path is None:
        import app.services.people.employee_import as current

        return current
    spec = importlib.util.spec_from_file_location("before_employee_import", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def measure(mod: ModuleType) -> dict[str, tuple[int, int, int, int]]:
    out = {}
    for sample in SAMPLES:
        n = len(sample.expected)
        try:
            table = mod.read_csv(sample.data)
            plan = mod.plan_import(table, mod.guess_mapping(table.headers), {}, TODAY)
        except Exception:  # noqa: BLE001  (a refusal: the officer is told)
            out[sample.name] = (n, 0, n, 0)
            continue
        blocked = bool(plan.mapping_errors or getattr(plan, "date_stop", ""))
        correct = stopped = silent = 0
        by_number = {r.employee.employee_number: r for r in plan.rows if r.employee is not None}
        for number, fields in sample.expected.items():
            row = by_number.get(number)
            if blocked or row is None or row.action.value == "skip":
                stopped += 1
            elif all(getattr(row.employee, k) == v for k, v in fields.items()):
                correct += 1
            else:
                silent += 1
        out[sample.name] = (n, correct, stopped, silent)
    return out


def _time_reading(rows: int = 300_000) -> None:
    """Code-page detection on a large Windows-1250 export (scored on a sample, not all of it)."""
    import time

    from app.services.people.csv_reading import read_csv

    lines = ["Personalnummer;Vorname;Nachname;Abteilung"]
    lines += [f"P{i};Łukasz;Żółć{i};Technik" for i in range(rows)]
    text = "\n".join(lines) + "\n"
    for enc in ("cp1250", "utf-8"):
        data = text.encode(enc)
        start = time.perf_counter()
        table = read_csv(data)
        took = time.perf_counter() - start
        print(f"read_csv {len(data) // 1024} KB {enc}: {took:.2f} s -> {table.encoding}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", help="an older employee_import.py to compare with")
    args = ap.parse_args()
    runs = [("after", _load(None))]
    if args.before:
        runs.insert(0, ("before", _load(args.before)))
    _time_reading()
    for label, mod in runs:
        result = measure(mod)
        print(f"{label}:")
        for name, (n, ok, stopped, silent) in result.items():
            print(f"  {name:<22} rows {n}  correct {ok}  stopped {stopped}  silent {silent}")
        tot = [sum(v[i] for v in result.values()) for i in range(4)]
        print(f"  TOTAL rows {tot[0]}  correct {tot[1]}  stopped {tot[2]}  silently wrong {tot[3]}")


if __name__ == "__main__":
    main()
