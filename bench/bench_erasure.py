"""What an erasure costs on a large vault: prints figures, asserts nothing.

    python bench/bench_erasure.py [--scale 0.05]

Builds the bench vault (bench/make_vault.py; 0.05 = 5k cases, 50k timeline entries), then
erases case 1 (one of the 500-entry cases) the way `casepath erase --case` does, timing each
phase apart: counting what goes, the audited delete (with the search index merge), the VACUUM
that rewrites the file, and `verify` afterwards.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from app.services.services import open_vault  # noqa: E402
from app.vault.privacy import erasure  # noqa: E402
from bench.make_vault import PASSPHRASE, Builder  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.05)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.casepath"
        b = Builder(path, args.scale, 18)
        b.build()
        b.svc.close()
        size = path.stat().st_size / 2**20
        svc = open_vault(path, PASSPHRASE)
        conn = svc.vault.conn
        t0 = time.perf_counter()
        preview = svc.erasure.preview_case(1)
        t1 = time.perf_counter()
        with svc.vault.write() as w:
            eid = erasure.erase(conn, preview.plan, preview.rule)
            w.audit("erasure.case", "erasure", eid, {"counts": preview.plan.counts})
        t2 = time.perf_counter()
        erasure.compact(conn)
        t3 = time.perf_counter()
        ok = svc.vault.verify().ok
        t4 = time.perf_counter()
        svc.close()
        print(f"vault: {b.n_cases:,} cases, {b.n_entries:,} entries, {size:.0f} MB")
        print(f"erased case 1: {preview.plan.total:,} rows ({preview.plan.counts})")
        print(f"  count what goes     {1000 * (t1 - t0):8.0f} ms")
        print(f"  delete + FTS merge  {1000 * (t2 - t1):8.0f} ms")
        print(f"  VACUUM              {1000 * (t3 - t2):8.0f} ms")
        print(f"  verify afterwards   {1000 * (t4 - t3):8.0f} ms  (ok: {ok})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
