"""The short crash run: 54 kill -9 at random moments across writes, passphrase change, backup
(CLI and app), restore and import; every one must leave a whole, verifiable vault."""

from __future__ import annotations

import os

import pytest

from tests import crash_harness

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def test_kill_9_at_random_moments_never_loses_or_damages_anything(tmp_path):
    outcomes = crash_harness.run(54, tmp_path, seed=12)
    report = crash_harness.summary(outcomes)
    assert len(outcomes) >= 50
    assert [o for o in outcomes if o.problems] == [], report
    # The kills landed inside the operations, not only after them.
    interrupted = [o for o in outcomes if not o.finished]
    assert len(interrupted) >= 27, report
