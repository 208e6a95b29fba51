"""Calibration figures on a small vault whose every figure is worked out by hand below."""

from __future__ import annotations

import json
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest

from app.services.calibration.calibration import (
    CalibrationError,
    CalibrationPolicy,
    Request,
    calibration_report,
    p90,
)
from app.services.calibration.small_groups import protect

SCHEMA = json.loads(
    (Path(__file__).parents[3] / "docs" / "calibration.schema.json").read_text("utf-8")
)
OPENED = date(2026, 1, 5)
PERIOD = Request(date(2026, 1, 1), date(2026, 3, 16))
POLICY = CalibrationPolicy(k=5, drift_factor=1.5)
HIDDEN = "fewer than 5"


def _seed(svc) -> None:
    """Ops 40 employees, 10 cases; Sales 20 / 12; Legal 6 / 2; Support 30 / 3.

    Ops: first conversation 1..10 days after the indicator; cases 1-5 stay in early
    conversation, cases 6-10 move to formal concern after 28 days; cases 1-2 are high-stakes.
    Sales: all start in coaching; 6 move to formal concern after 14 days; conversations after 3.
    Legal: two cases in early conversation, conversation after 1 day.
    Support: three cases in early conversation, conversation after 2 days.
    Legal and Support have fewer than 5 cases: both are withheld in every case figure.
    """
    conn = svc.vault.conn
    serial = iter(range(1, 10_000))

    def uid() -> str:
        return f"u{next(serial)}"

    with conn.transaction():
        for dept, size, manager in (
            ("Ops", 40, "Mona Lindqvist"),
            ("Sales", 20, "Samir Haddad"),
            ("Legal", 6, "Lee Tanaka"),
            ("Support", 30, "Sunniva Okafor"),
        ):
            for i in range(size):
                conn.execute(
                    "INSERT INTO employees(employee_number, name, department, manager) "
                    "VALUES (?, ?, ?, ?)",
                    (f"{dept}{i}", f"Zed{i}{dept[0]} Quorn{i}", dept, manager),
                )

        def case(
            dept: str,
            i: int,
            stage: str,
            conv_days: int,
            moves: list[tuple[str, int]],
            track: str = "standard",
        ):
            emp = conn.scalar("SELECT id FROM employees WHERE employee_number = ?", (f"{dept}{i}",))
            ref = f"C-{dept}-{i}"
            conn.execute(
                "INSERT INTO cases(reference, employee_id, owner_id, track, stage, status, "
                "opened_on, stage_entered_on) VALUES (?, ?, 1, ?, ?, 'open', ?, ?)",
                (ref, emp, track, stage, OPENED.isoformat(), OPENED.isoformat()),
            )
            cid = conn.scalar("SELECT id FROM cases WHERE reference = ?", (ref,))
            conn.execute(
                "INSERT INTO indicators(uid, case_id, category, metric, observed_on) "
                "VALUES (?, ?, 'missed_target', 'Tickets', ?)",
                (uid(), cid, OPENED.isoformat()),
            )
            conn.execute(
                "INSERT INTO conversations(uid, case_id, held_on, kind, summary) "
                "VALUES (?, ?, ?, 'informal', 'Talked')",
                (uid(), cid, (OPENED + timedelta(days=conv_days)).isoformat()),
            )
            for to_stage, after in moves:
                conn.execute(
                    "INSERT INTO stage_changes(uid, case_id, to_stage, changed_at, actor, role, "
                    "reason) VALUES (?, ?, ?, ?, 'Hana Officer', 'hr_officer', 'policy')",
                    (uid(), cid, to_stage, f"{OPENED + timedelta(days=after)}T09:00:00"),
                )

        for i in range(10):
            formal = i >= 5
            moves = [("early_conversation", 0)] + ([("formal_concern", 28)] if formal else [])
            track = "high_stakes" if i < 2 else "standard"
            stage = "formal_concern" if formal else "early_conversation"
            case("Ops", i, stage, i + 1, moves, track)
        for i in range(12):
            formal = i < 6
            moves = [("coaching", 0)] + ([("formal_concern", 14)] if formal else [])
            case("Sales", i, "formal_concern" if formal else "coaching", 3, moves)
        for i in range(2):
            case("Legal", i, "early_conversation", 1, [("early_conversation", 0)])
        for i in range(3):
            case("Support", i, "early_conversation", 2, [("early_conversation", 0)])


@pytest.fixture
def report(services):
    _seed(services)
    return calibration_report(services.vault.conn, PERIOD, POLICY)


def _row(table: dict, group: str) -> dict:
    return next(r for r in table["rows"] if r["group"] == group)


def test_counts_worked_out_by_hand(report):
    stage = report["open_by_stage"]
    assert _row(stage, "Ops")["cells"]["early_conversation"] == 5
    assert _row(stage, "Ops")["cells"]["formal_concern"] == 5
    assert _row(stage, "Sales")["cells"]["formal_concern"] == 6
    assert _row(stage, "Sales")["cells"]["coaching"] == 6
    # Legal (2 cases) and Support (3) are withheld whole, in every table.
    for group in ("Legal", "Support"):
        assert set(_row(stage, group)["cells"].values()) == {HIDDEN}
        assert _row(stage, group)["total"] == HIDDEN
        assert _row(report["new_cases"], group)["total"] == HIDDEN
    # 5 (Ops) + 2 (Legal) + 3 (Support): minus Ops it gives only the two withheld groups' sum.
    assert stage["totals"]["early_conversation"] == 10
    assert stage["total"] == 27
    assert report["new_cases"]["total"] == 27
    assert _row(report["new_cases"], "Ops")["total"] == 10
    assert _row(report["new_cases"], "Sales")["total"] == 12
    track = report["open_by_track"]
    # Ops has 2 high-stakes cases: hidden, so its 8 standard cases are hidden too (10 - 8);
    # the high-stakes total (2) is small and the standard total (27 - 2) would give it away.
    assert _row(track, "Ops")["cells"] == {"standard": HIDDEN, "high_stakes": HIDDEN}
    assert _row(track, "Ops")["total"] == 10
    assert track["totals"] == {"standard": HIDDEN, "high_stakes": HIDDEN}
    assert _row(track, "Sales")["cells"] == {"standard": 12, "high_stakes": 0}
    assert report["headcount"] == {
        "groups": {"Legal": 6, "Ops": 40, "Sales": 20, "Support": 30},
        "total": 96,
    }


def test_response_time_and_time_in_stage_by_hand(report):
    groups = {g["group"]: g for g in report["response_time"]["groups"]}
    ops = groups["Ops"]["to_first_conversation"]
    assert (ops["cases"], ops["median_days"], ops["p90_days"]) == (10, 5.5, 9)
    sales = groups["Sales"]
    assert sales["to_first_conversation"]["median_days"] == 3
    assert sales["to_coaching"] == {"cases": 12, "median_days": 0, "p90_days": 0}
    assert groups["Ops"]["to_coaching"] == {"cases": 0, "median_days": None, "p90_days": None}
    for group in ("Legal", "Support"):
        assert set(groups[group]["to_first_conversation"].values()) == {HIDDEN}
    overall = report["response_time"]["overall"]["to_first_conversation"]
    # 27 values: 1×3 (Legal 2, Ops 1), 2×4 (Support 3, Ops 1), 3×13 (Sales 12, Ops 1), 4..10.
    # Median = 14th value = 3; nearest-rank p90 = 25th value (ceil(24.3)) = 8.
    assert (overall["cases"], overall["median_days"], overall["p90_days"]) == (27, 3, 8)
    stays = {g["group"]: g["stages"] for g in report["time_in_stage"]["groups"]}
    assert stays["Ops"]["early_conversation"] == {"cases": 5, "median_days": 28, "p90_days": 28}
    assert stays["Sales"]["coaching"] == {"cases": 6, "median_days": 14, "p90_days": 14}


def test_escalation_rate_and_drift_by_hand(report):
    esc = {g["group"]: g for g in report["escalation"]["groups"]}
    assert esc["Ops"]["per_100_employees"] == 12.5  # 5 of 40
    assert esc["Sales"]["per_100_employees"] == 30.0  # 6 of 20
    assert esc["Legal"]["employees"] == 6  # 6 people: shown; its case figures are not
    assert esc["Legal"]["per_100_employees"] == esc["Legal"]["formal_cases"] == HIDDEN
    assert report["escalation"]["overall"]["per_100_employees"] == 11.46  # 11 of 96
    drift = {d["group"]: d for d in report["drift"]}
    # Sales: 30 / 11.46 = 2.62 > 1.5.  Ops: 28 days to formal concern vs the median 14 = 2.0
    # (the 11 formal cases: 6 after 14 days, 5 after 28).
    assert set(drift) == {"Sales", "Ops"}
    assert drift["Sales"]["differences"][0]["ratio"] == 2.62
    ops = drift["Ops"]["differences"]
    assert [d["measure"] for d in ops] == ["median days to formal concern"]
    assert ops[0]["group_value"] == 28 and ops[0]["organisation_value"] == 14
    assert "Small group (10 cases" in drift["Ops"]["confidence_note"]


def test_pilot_before_and_after(services):
    _seed(services)
    req = Request(PERIOD.start, PERIOD.end, pilot="Ops", pilot_since=date(2026, 1, 1))
    pilot = calibration_report(services.vault.conn, req, POLICY)["pilot"]
    assert pilot["pilot_after"]["cases"] == 10
    assert pilot["pilot_after"]["median_days_to_conversation"] == 5.5
    assert pilot["pilot_after"]["formal_share"] == 0.5
    # 17 values: 1,1 (Legal), 2,2,2 (Support), 3×12 (Sales): the 9th is 3.
    assert pilot["rest_after"]["median_days_to_conversation"] == 3
    assert pilot["rest_after"]["formal_share"] == 0.353  # 6 of 17
    assert pilot["pilot_before"]["cases"] == 0
    with pytest.raises(CalibrationError, match="no department 'Opz'; the departments: Legal, Ops"):
        calibration_report(
            services.vault.conn,
            Request(PERIOD.start, PERIOD.end, pilot="Opz", pilot_since=date(2026, 1, 1)),
            POLICY,
        )
    with pytest.raises(CalibrationError, match="group by department"):
        calibration_report(
            services.vault.conn,
            Request(PERIOD.start, PERIOD.end, "manager", "Ops", date(2026, 1, 1)),
            POLICY,
        )


def test_report_matches_the_schema(report):
    jsonschema.validate(report, SCHEMA)
    bad = json.loads(json.dumps(report))
    bad["new_cases"]["total"] = "about 20"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)


def _determined(grid: list[list[int]], hidden: set) -> set:
    """Hidden cells an attacker can solve exactly from every row and column equation."""
    n, m = len(grid) - 1, len(grid[0]) - 1
    unknown = sorted(hidden)
    col = {cell: j for j, cell in enumerate(unknown)}
    eqs = []
    lines = [[(r, c) for c in range(m)] + [(r, m)] for r in range(n + 1)]
    lines += [[(r, c) for r in range(n)] + [(n, c)] for c in range(m + 1)]
    for line in lines:  # inner cells sum to the line's total
        row = [Fraction(0)] * len(unknown)
        rhs = Fraction(0)
        for pos, cell in enumerate(line):
            sign = -1 if pos == len(line) - 1 else 1
            if cell in col:
                row[col[cell]] += sign
            else:
                rhs -= sign * grid[cell[0]][cell[1]]
        eqs.append(row)
    # Row-reduce; a cell is determined when its unit vector lies in the row space.
    rows, pivots = [r[:] for r in eqs], []
    for j in range(len(unknown)):
        p = next((i for i in range(len(pivots), len(rows)) if rows[i][j] != 0), None)
        if p is None:
            continue
        i0 = len(pivots)
        rows[i0], rows[p] = rows[p], rows[i0]
        rows[i0] = [v / rows[i0][j] for v in rows[i0]]
        for i in range(len(rows)):
            if i != i0 and rows[i][j] != 0:
                f = rows[i][j]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[i0], strict=True)]
        pivots.append(j)
    solved = set()
    for i in range(len(pivots)):
        nonzero = [j for j, v in enumerate(rows[i]) if v != 0]
        if len(nonzero) == 1:
            solved.add(unknown[nonzero[0]])
    return solved


def test_differencing_recovers_no_suppressed_cell(report):
    counts = {
        ("Legal", "a"): 2,
        ("Ops", "a"): 5,
        ("Ops", "b"): 5,
        ("Sales", "b"): 6,
        ("Sales", "c"): 2,
        ("Ops", "c"): 9,
    }
    table = protect(counts, ["Legal", "Ops", "Sales"], ["a", "b", "c"], 5)
    assert (0, 0) in table.hidden and (2, 2) in table.hidden
    assert _determined(table.grid, set(table.hidden)) == set()
    # Without the complementary cells the primary ones fall to one subtraction.
    primary = {(r, c) for r, line in enumerate(table.grid) for c, v in enumerate(line) if 0 < v < 5}
    assert _determined(table.grid, primary)
    for name in ("open_by_stage", "open_by_track", "new_cases"):
        shown = report[name]
        groups = [r["group"] for r in shown["rows"]]
        cols = shown["columns"]
        hidden = {
            (r, c)
            for r, g in enumerate(groups)
            for c, col in enumerate(cols)
            if _row(shown, g)["cells"][col] == HIDDEN
        }
        hidden |= {
            (r, len(cols)) for r, g in enumerate(groups) if _row(shown, g)["total"] == HIDDEN
        }
        hidden |= {(len(groups), c) for c, col in enumerate(cols) if shown["totals"][col] == HIDDEN}
        grid = [[0] * (len(cols) + 1) for _ in range(len(groups) + 1)]
        for r, g in enumerate(groups):
            for c, col in enumerate(cols):
                v = _row(shown, g)["cells"][col]
                grid[r][c] = v if isinstance(v, int) else 0
        assert hidden, name
        assert _determined(grid, hidden) == set(), name


def test_bad_requests_are_refused(services):
    with pytest.raises(CalibrationError, match="starts after"):
        calibration_report(services.vault.conn, Request(date(2026, 3, 1), date(2026, 1, 1)), POLICY)
    with pytest.raises(CalibrationError, match="department or manager"):
        calibration_report(services.vault.conn, Request(PERIOD.start, PERIOD.end, by="x"), POLICY)
    with pytest.raises(CalibrationError, match="small_group_k"):
        CalibrationPolicy.from_toml("[calibration]\nsmall_group_k = 1\n")
    assert CalibrationPolicy.default() == CalibrationPolicy(5, 1.5)
    assert p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == 9


def test_pdf_names_nobody_embeds_fonts_and_draws_vector_charts(report, services):
    import io

    from pypdf import PdfReader

    from app.documents.pdf.calibration_report import render_calibration_pdf
    from app.documents.redaction.redaction_verifier import require_clean

    pdf = render_calibration_pdf(report)
    require_clean(pdf, "pdf", services.documents.identifier_index())
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "fewer than 5" in text and "Formal escalations per 100 employees" in text
    flat = " ".join(text.split())
    assert "Sales: formal escalations per 100 employees: 30.0 vs 11.46" in flat
    # Stored keys are printed in words (app.domain.words.labels), never as keys.
    for words in ("Formal concern", "Early conversation", "High-stakes", "Deadline extension"):
        assert words in flat, words
    assert "formal_concern" not in flat and "high_stakes" not in flat
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            desc = (descendant[0].get_object() if descendant else font)["/FontDescriptor"]
            assert "/FontFile2" in desc.get_object(), font["/BaseFont"]
        assert not any(
            x.get_object()["/Subtype"] == "/Image" for x in resources.get("/XObject", {}).values()
        )


def test_cli_writes_pdf_and_json(services, tmp_path, monkeypatch, passphrase):
    from app.cli import main

    _seed(services)
    services.close()
    monkeypatch.setenv("CASEPATH_PASSPHRASE", passphrase)
    out, data = tmp_path / "cal.pdf", tmp_path / "cal.json"
    vault = str(services.vault.path)
    argv = ["calibration", vault, "--from", "2026-01-01", "--to", "2026-03-16"]
    assert main([*argv, "--out", str(out), "--json", str(data), "--by", "manager"]) == 0
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_mode & 0o777 == 0o600
    figures = json.loads(data.read_text("utf-8"))
    jsonschema.validate(figures, SCHEMA)
    assert {g["group"] for g in figures["escalation"]["groups"]} == {
        "Manager 1",
        "Manager 2",
        "Manager 3",
        "Manager 4",
    }
    assert "Lindqvist" not in data.read_text("utf-8")
    assert main([*argv, "--out", str(out)]) != 0  # never overwrites
    assert main(["calibration", vault, "--from", "2026-03-01", "--to", "2026-01-01", "--json"]) != 0
