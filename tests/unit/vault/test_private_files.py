"""Files on disk: every file Casepath writes is 0600, every folder 0700, crashes leave nothing
named like the target, and the next start sweeps what a crash left; core dumps are off."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.hardening import sweep_beside
from app.services.documents.document_service import _new_file
from app.services.documents.private_temp_dir import PrivateTempDir
from app.services.interchange import interchange
from app.vault.files import safe_files
from tests.conftest import PASSPHRASE
from tests.factories import employee

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def loose_umask():
    """Prove the modes are explicit: a umask of 022 would otherwise give 0644 files."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_every_kind_of_file_is_created_0600(loose_umask, tmp_path):
    from app.domain.records import Officer
    from app.services.services import create_vault

    vault = tmp_path / "v.casepath"
    services = create_vault(vault, PASSPHRASE, Officer(name="Hana Officer"))
    try:
        services.employees.add(employee())
        out = tmp_path / "out"
        out.mkdir()
        services.backup(out / "backup.casepath", PASSPHRASE)
        interchange.export_to_file(services, out / "export.json")
        services.reviews.export_ics(out / "reviews.ics")
        with _new_file(out / "pack.pdf", b"%PDF-1.7 pack", overwrite=False):
            pass  # the writer every pack and redacted summary goes through
        temp = PrivateTempDir(base=tmp_path)
        viewing = temp.write("attachment-1.pdf", b"secret")
        modes = {p.name: _mode(p) for p in out.iterdir()}
        modes["vault"] = _mode(vault)
        modes["viewing copy"] = _mode(viewing)
        assert _mode(temp.path) == 0o700
        temp.cleanup()
    finally:
        services.close()
    assert modes == {
        "backup.casepath": 0o600,
        "export.json": 0o600,
        "reviews.ics": 0o600,
        "pack.pdf": 0o600,
        "vault": 0o600,
        "viewing copy": 0o600,
    }


def test_a_new_folder_is_0700(loose_umask, tmp_path):
    folder = safe_files.make_private_folder(tmp_path / "a" / "backups")
    assert _mode(folder) == 0o700


def test_a_crash_mid_export_leaves_nothing_under_the_target_and_next_start_sweeps(tmp_path):
    target = tmp_path / "export.json"
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from app.services.documents.export_file import write_partial
        write_partial(Path({str(target)!r}), b'{{"plaintext": "Zoe"}}')
        print("written", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "written"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    left = [p.name for p in tmp_path.iterdir()]
    assert "export.json" not in left
    assert len(left) == 1 and safe_files.is_casepath_temp(left[0]) and left[0].startswith(".")
    assert _mode(tmp_path / left[0]) == 0o600
    other = tmp_path / ".notes.txt.partial-by-someone-else"
    other.write_text("not ours")
    removed = sweep_beside(tmp_path / "vault.casepath")
    assert [p.name for p in removed] == left
    assert [p.name for p in tmp_path.iterdir()] == [other.name]


def test_temp_files_of_a_running_process_are_left_alone(tmp_path):
    tmp = safe_files.temp_path_for(tmp_path / "x.pdf")
    safe_files.write_private(tmp, b"in progress")
    assert safe_files.sweep_stale_temp_files(tmp_path) == []
    assert tmp.exists()


def test_viewing_copies_of_a_killed_process_are_wiped_at_next_start(tmp_path):
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from app.services.documents.private_temp_dir import PrivateTempDir
        t = PrivateTempDir(base=Path({str(tmp_path)!r}))
        print(t.write("attachment-3.pdf", b"decrypted"), flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    copy = Path(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert copy.exists()  # the crash left it
    PrivateTempDir(base=tmp_path).path  # noqa: B018 - the next start creates its own folder
    assert not copy.exists() and not copy.parent.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_core_dumps_are_off_in_a_started_casepath_process():
    script = textwrap.dedent(
        """
        import ctypes, os, resource, sys, time
        def libc_check():
            return ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)

        # Undo what this process may have inherited from the test run, so only the entry
        # point can set it (dumpable is reset by exec anyway).
        os.umask(0o022)
        soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
        assert libc_check() == 1
        import app.cli
        try:
            app.cli.main(["--version"])
        except SystemExit:
            pass
        libc = ctypes.CDLL(None)
        print(resource.getrlimit(resource.RLIMIT_CORE), libc.prctl(3, 0, 0, 0, 0),
              oct(os.umask(0o077)), flush=True)
        time.sleep(30)
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().startswith("casepath ")  # --version ran main()
        line = proc.stdout.readline().strip()
        limits = Path(f"/proc/{proc.pid}/limits").read_text()
    finally:
        proc.kill()
        proc.wait(10)
    assert line == "(0, 0) 0 0o77"
    core = next(x for x in limits.splitlines() if x.startswith("Max core file size"))
    assert core.split()[4:6] == ["0", "0"]
