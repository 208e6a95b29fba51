"""The Qt-free half of `casepath --self-test`: real checks in a private folder that then goes."""

from __future__ import annotations

from pathlib import Path

from app.services.self_test import Check, format_report, main, run_self_test


def test_every_core_check_passes_and_the_scratch_folder_is_removed(tmp_path):
    seen: list[Path] = []

    def extra(folder: Path) -> list[Check]:
        seen.append(folder)
        assert (folder / "self-test.pdf").is_file() and (folder / "self-test.casepath").is_file()
        return [Check("Extra", True, "looked at the scratch folder")]

    checks = run_self_test(extra, base=tmp_path)
    by_name = {c.name: c for c in checks}
    assert all(c.ok for c in checks), format_report(checks)
    assert "SQLCipher 4." in by_name["SQLCipher"].detail
    assert "openssl" in by_name["SQLCipher"].detail.lower()
    assert "DejaVuSans" in by_name["PDF with embedded fonts"].detail
    assert seen and seen[0].parent == tmp_path and not seen[0].exists()
    assert list(tmp_path.iterdir()) == []


def test_a_crashing_check_is_a_failed_line_naming_only_the_error_type(tmp_path):
    def extra(folder: Path) -> list[Check]:
        raise RuntimeError("Zoë Ångström's case")  # text that must not reach the report

    checks = run_self_test(extra, base=tmp_path)
    report = format_report(checks)
    assert "FAIL  Qt" in report and "RuntimeError" in report and "Zoë" not in report
    assert report.splitlines()[-1] == "1 of 6 checks FAILED."
    assert list(tmp_path.iterdir()) == []


def test_exit_status_is_one_when_any_check_fails(capsys):
    assert main(extra=lambda folder: [Check("Broken", False, "on purpose")]) == 1
    out = capsys.readouterr().out
    assert "FAIL  Broken" in out and "1 of 6 checks FAILED" in out
    assert main(extra=lambda folder: []) == 0
    assert "All 5 checks passed" in capsys.readouterr().out
