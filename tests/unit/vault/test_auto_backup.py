"""Automatic backups: once a day at most, 7 daily plus one a month for 12 months, with a fixed
clock; files are verified backups, private, and other files in the folder are never touched."""

from __future__ import annotations

import stat
from datetime import date, timedelta

from app.services.auto_backup import (
    KEEP_DAILY,
    auto_backup,
    backup_name,
    dated_backups,
    last_verified_backup,
    to_keep,
)
from app.vault.files.restore import inspect_backup
from tests.conftest import PASSPHRASE
from tests.factories import employee


def test_a_year_and_more_of_daily_backups_keeps_7_daily_and_12_monthly():
    start = date(2025, 1, 1)
    days: list[date] = []
    for n in range(500):  # every day for 500 days, pruning as the app does
        today = start + timedelta(days=n)
        days.append(today)
        days = sorted(to_keep(days, today))
    today = days[-1]
    daily = [today - timedelta(days=i) for i in range(KEEP_DAILY)]
    assert set(daily) <= set(days)
    monthly = sorted(set(days) - set(daily))
    # One per month for the 12 months back from this one (this month's newest is a daily one).
    assert len(monthly) == 11
    assert len({(d.year, d.month) for d in monthly}) == 11
    assert all((today - d).days < 366 for d in days)
    assert len(days) == 18


def test_to_keep_with_gaps_keeps_the_newest_seven_that_exist():
    days = [date(2026, 3, d) for d in (1, 3, 5, 7, 9, 11, 13, 15, 17)]
    keep = to_keep(days, date(2026, 3, 20))
    assert sorted(keep) == days[2:]  # 7 newest; March's monthly copy is among them


def test_auto_backup_once_a_day_prunes_and_leaves_other_files(services, vault_path, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "my-own-copy.casepath").write_bytes(b"the officer's")
    start = date(2026, 1, 20)
    made = []
    for n in range(0, 40, 3):  # every third day across two months
        services.employees.add(employee(f"E{n:04d}", f"Person {n}"))
        result = auto_backup(services, folder, start + timedelta(days=n))
        made.append(result.made)
        again = auto_backup(services, folder, start + timedelta(days=n))
        assert again.made is None  # at most once a day
    assert all(m is not None for m in made)
    kept = dated_backups(folder, vault_path)
    assert len(kept) == 8  # 7 daily + January's monthly copy
    assert (folder / "my-own-copy.casepath").read_bytes() == b"the officer's"
    newest = kept[max(kept)]
    summary = inspect_backup(newest, PASSPHRASE)
    assert summary.employees == 14
    assert stat.S_IMODE(newest.stat().st_mode) == 0o600
    assert last_verified_backup(folder, vault_path) is not None


def test_back_up_now_replaces_todays_copy_with_a_fresh_one(services, vault_path, tmp_path):
    today = date(2026, 3, 16)
    auto_backup(services, tmp_path / "b", today)
    services.employees.add(employee("E7777", "Late Addition"))
    result = auto_backup(services, tmp_path / "b", today, force=True)
    assert result.made == tmp_path / "b" / backup_name(vault_path, today)
    assert inspect_backup(result.made, PASSPHRASE).employees == 1
    assert stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o700


def test_no_folder_means_no_last_backup(vault_path):
    assert last_verified_backup(None, vault_path) is None
