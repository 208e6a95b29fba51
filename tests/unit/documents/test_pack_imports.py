"""Building a pack in a fresh process imports the documents layer and reportlab, nothing the
pack does not use: no Qt, no holiday calendars, no schema validator, no vault driver, no PDF
reader (a whole-process build pays for every import)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NEVER = ("PySide6", "shiboken6", "holidays", "jsonschema", "sqlcipher3", "pypdf", "icalendar")


def test_a_pack_build_imports_only_what_it_uses():
    script = (
        "import sys\n"
        "from app.documents.pdf.documentation_pack import build_pack\n"
        "from tests.document_samples import sample_pack, setup_for\n"
        "data = sample_pack()\n"
        "assert build_pack(data, setup_for(data)).startswith(b'%PDF')\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    loaded = set(out.stdout.split())
    assert {"reportlab", "app", "babel"} <= loaded  # the build really ran
    assert not loaded & set(NEVER), sorted(loaded & set(NEVER))
