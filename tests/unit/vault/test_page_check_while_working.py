"""The background page check while the officer works (issue 18): it runs at background CPU
and I/O priority on its own thread only, and failures it read while the app was committing are
read again before the vault is called damaged; damage that stands is still reported."""

from __future__ import annotations

import os
import shutil
import sys
import threading

import pytest

from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.vault import background_priority, page_check
from app.vault.audit import integrity
from tests import damage
from tests.conftest import PASSPHRASE
from tests.factories import employee

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice: Linux")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    path = tmp_path_factory.mktemp("working") / "pristine.casepath"
    svc = create_vault(path, PASSPHRASE, Officer(name="Hana Officer"))
    for i in range(40):
        svc.employees.add(employee(f"E{i:04d}", f"Person {i}"))
    svc.close()
    return path


@pytest.fixture
def clean(pristine, tmp_path):
    path = tmp_path / "v.casepath"
    shutil.copy(pristine, path)
    return path


def _in_thread(fn):
    out: list = []
    worker = threading.Thread(target=lambda: out.append(fn()))
    worker.start()
    worker.join(30)
    return out[0]


@linux
def test_lowering_touches_the_calling_thread_only():
    main_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def lowered():
        applied = background_priority.lower_this_thread()
        nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return applied, nice, background_priority.io_class_of_this_thread()

    applied, nice, io_class = _in_thread(lowered)
    assert "nice 19" in applied and nice == 19
    if "idle I/O" in applied:
        assert io_class == 3  # IOPRIO_CLASS_IDLE
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == main_nice


@linux
def test_the_windows_check_runs_in_the_background_and_still_checks_every_page(clean):
    svc = open_vault(clean, PASSPHRASE, defer_page_check=True)
    try:
        check = svc.vault.page_check
        assert _in_thread(lambda: check.run(background=True)) is None
        assert "nice 19" in check.priority and check.finished
    finally:
        svc.close()


def test_failures_read_while_the_app_committed_are_read_again(clean, monkeypatch):
    """A commit during the read (data_version moved) and a second pass that finds the pages
    sound: no damage, and the vault stays writable."""
    svc = open_vault(clean, PASSPHRASE, defer_page_check=True)
    real = integrity.cipher_check
    passes: list[int] = []

    def racing(raw, schema="main"):
        passes.append(1)
        if len(passes) == 1:  # the officer saves while the first pass reads
            svc.employees.add(employee("E9999", "Saved Meanwhile"))
            return ["HMAC verification failed for page 7"], ""
        return real(raw, schema)

    monkeypatch.setattr(integrity, "cipher_check", racing)
    try:
        assert svc.vault.page_check.run() is None
        assert len(passes) == 2 and not svc.vault.read_only
    finally:
        svc.close()


def test_failures_with_nothing_committed_meanwhile_are_damage_at_once(clean, monkeypatch):
    monkeypatch.setattr(
        integrity, "cipher_check", lambda raw, schema="main": (["HMAC … for page 3"], "")
    )
    calls: list[int] = []
    real = page_check.damage_of
    monkeypatch.setattr(page_check, "damage_of", lambda raw: calls.append(1) or real(raw))
    svc = open_vault(clean, PASSPHRASE, defer_page_check=True)
    try:
        report = svc.vault.page_check.run()
        assert report is not None and report.pages == [3] and calls == [1]
    finally:
        svc.close()


def test_real_damage_stands_through_every_recheck(clean, monkeypatch):
    """Damaged on disk, and the app commits during every pass: still reported."""
    n = damage.pages(clean)
    damage.damage_page(clean, n - 1)
    svc = open_vault(clean, PASSPHRASE, defer_page_check=True)
    real = integrity.cipher_check
    passes: list[int] = []

    def busy(raw, schema="main"):
        passes.append(1)
        svc.employees.add(employee(f"E9{len(passes):03d}", f"Busy {len(passes)}"))
        return real(raw, schema)

    monkeypatch.setattr(integrity, "cipher_check", busy)
    try:
        report = svc.vault.page_check.run()
        assert report is not None and n - 1 in report.pages
        assert len(passes) == 1 + page_check.RECHECKS
    finally:
        svc.close()
