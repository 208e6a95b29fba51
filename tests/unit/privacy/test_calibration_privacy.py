"""An attacker with the JSON report tries to work out a withheld figure, and fails.

The attacker knows every identity between the published figures — each table's rows,
columns and totals, the same population counted in several tables (open cases by stage and
by track; new cases, response times, formal escalations, drift notes; headcounts and the
escalation table), the pilot's four sides adding up to the department and the organisation,
shares times their case counts — and solves the whole system exactly (rational Gaussian
elimination). A withheld figure is recovered when the system pins it to one value.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date
from fractions import Fraction

from app.services.calibration.calibration import CalibrationPolicy, Request, calibration_report
from app.services.calibration.small_groups import GroupCounts, protect
from tests.unit.plans.test_calibration import PERIOD, _seed

POLICY = CalibrationPolicy(k=5, drift_factor=1.5)
ONE = "1"  # the constant term of an equation


class Attacker:
    def __init__(self) -> None:
        self.known: dict[str, Fraction] = {}
        self.hidden: set[str] = set()
        self.eqs: list[dict[str, Fraction]] = []

    def fig(self, name: str, value: object) -> str:
        if isinstance(value, str):
            assert value.startswith("fewer than"), (name, value)
            self.hidden.add(name)
        elif value is not None:
            self.known[name] = Fraction(value).limit_denominator(1000)
        return name

    def equal(self, plus: list[str], minus: list[str], constant: Fraction = Fraction(0)) -> None:
        eq: dict[str, Fraction] = {ONE: constant}
        for name in plus:
            eq[name] = eq.get(name, Fraction(0)) + 1
        for name in minus:
            eq[name] = eq.get(name, Fraction(0)) - 1
        self.eqs.append(eq)

    def recovered(self) -> dict[str, Fraction]:
        unknown = sorted(self.hidden)
        col = {n: j for j, n in enumerate(unknown)}
        rows = []
        for eq in self.eqs:
            coef = [Fraction(0)] * len(unknown)
            rhs = -eq.get(ONE, Fraction(0))
            for name, c in eq.items():
                if name == ONE:
                    continue
                if name in col:
                    coef[col[name]] += c
                elif name in self.known:
                    rhs -= c * self.known[name]
                else:
                    raise AssertionError(f"figure {name} was never published")
            rows.append(coef + [rhs])
        pivots: list[int] = []
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
        out = {}
        for i, j in enumerate(pivots):
            if all(v == 0 for jj, v in enumerate(rows[i][:-1]) if jj != j):
                out[unknown[j]] = rows[i][-1]
        return out


def _table(a: Attacker, name: str, t: dict) -> None:
    cols = t["columns"]
    for row in t["rows"]:
        g = row["group"]
        cells = [a.fig(f"{name}/{g}/{c}", row["cells"][c]) for c in cols]
        a.equal(cells, [a.fig(f"{name}/{g}/total", row["total"])])
    totals = [a.fig(f"{name}/all/{c}", t["totals"][c]) for c in cols]
    a.equal(totals, [a.fig(f"{name}/all/total", t["total"])])
    for c in cols:
        a.equal([f"{name}/{r['group']}/{c}" for r in t["rows"]], [f"{name}/all/{c}"])
    a.equal([f"{name}/{r['group']}/total" for r in t["rows"]], [f"{name}/all/total"])


def attack(report: dict, every_case_had_a_conversation: bool = True) -> Attacker:
    a = Attacker()
    tables = ("open_by_stage", "open_by_track", "new_cases", "closed_by_outcome")
    for name in (*tables, "exceptions_granted", "root_causes"):
        _table(a, name, report[name])
    groups = [r["group"] for r in report["new_cases"]["rows"]]
    for g in [*groups, "all"]:
        a.equal([f"open_by_stage/{g}/total"], [f"open_by_track/{g}/total"])
    heads = report["headcount"]
    a.equal(
        [a.fig(f"heads/{g}", v) for g, v in heads["groups"].items()],
        [a.fig("heads/all", heads["total"])],
    )
    esc = {r["group"]: r for r in report["escalation"]["groups"]} | {
        "all": report["escalation"]["overall"]
    }
    for g, line in esc.items():
        a.equal([a.fig(f"esc/{g}/employees", line["employees"])], [f"heads/{g}"])
        formal = a.fig(f"esc/{g}/formal", line["formal_cases"])
        a.fig(f"esc/{g}/plans", line["closed_plans"])
        rate = line["per_100_employees"]
        if isinstance(rate, float | int) and isinstance(line["employees"], int):
            a.equal([formal], [], -Fraction(round(rate * line["employees"] / 100)))
    a.equal([f"esc/{g}/formal" for g in groups], ["esc/all/formal"])
    a.equal([f"esc/{g}/plans" for g in groups], ["esc/all/plans"])
    resp = {r["group"]: r for r in report["response_time"]["groups"]}
    for key in ("to_first_conversation", "to_coaching"):
        for g in groups:
            a.fig(f"resp/{g}/{key}", resp[g][key]["cases"])
        a.equal(
            [f"resp/{g}/{key}" for g in groups],
            [a.fig(f"resp/all/{key}", report["response_time"]["overall"][key]["cases"])],
        )
    if every_case_had_a_conversation:
        for g in [*groups, "all"]:
            a.equal([f"resp/{g}/to_first_conversation"], [f"new_cases/{g}/total"])
    stays = {r["group"]: r["stages"] for r in report["time_in_stage"]["groups"]}
    for st in report["time_in_stage"]["stages"]:
        parts = [a.fig(f"stay/{g}/{st}", stays[g][st]["cases"]) for g in groups]
        a.equal(parts, [a.fig(f"stay/all/{st}", report["time_in_stage"]["overall"][st]["cases"])])
    for d in report["drift"]:
        n = int(re.search(r"(\d+) cases", d["confidence_note"]).group(1))
        a.equal([f"new_cases/{d['group']}/total"], [], -Fraction(n))
    if "pilot" in report:
        p = report["pilot"]
        dept = p["department"]
        sides = ("pilot_before", "pilot_after", "rest_before", "rest_after")
        for s in sides:
            a.fig(f"pilot/{s}/cases", p[s]["cases"])
            share = p[s]["formal_share"]
            formal = f"pilot/{s}/formal"
            if p[s]["cases"] == 0:
                a.fig(formal, 0)
            elif isinstance(share, float | int) and isinstance(p[s]["cases"], int):
                a.fig(formal, round(share * p[s]["cases"]))
            else:
                a.fig(formal, "fewer than 5")
        a.equal(
            ["pilot/pilot_before/cases", "pilot/pilot_after/cases"], [f"new_cases/{dept}/total"]
        )
        a.equal([f"pilot/{s}/cases" for s in sides], ["new_cases/all/total"])
        a.equal(["pilot/pilot_before/formal", "pilot/pilot_after/formal"], [f"esc/{dept}/formal"])
        a.equal(
            ["pilot/rest_before/formal", "pilot/rest_after/formal", f"esc/{dept}/formal"],
            ["esc/all/formal"],
        )
        for who, dist in p["satisfaction"].items():
            for s, side in dist.items():
                scores = [a.fig(f"sat/{who}/{s}/{v}", n) for v, n in side["scores"].items()]
                a.equal(scores, [a.fig(f"sat/{who}/{s}/answers", side["answers"])])
    return a


def _report(services, **kw) -> dict:
    req = Request(PERIOD.start, PERIOD.end, **kw)
    return json.loads(json.dumps(calibration_report(services.vault.conn, req, POLICY)))


def test_no_withheld_figure_falls_to_any_difference(services):
    _seed(services)
    report = _report(services, pilot="Ops", pilot_since=date(2026, 1, 1))
    a = attack(report)
    assert len(a.hidden) > 50  # Legal and Support are withheld everywhere; Ops by track
    assert a.recovered() == {}
    # The attacker is able: publish Support's 3 new cases and Legal's 2 falls out at once
    # (27 - 10 - 12 - 3), and so do both groups' conversation counts.
    leaky = json.loads(json.dumps(report))
    next(r for r in leaky["new_cases"]["rows"] if r["group"] == "Support")["total"] = 3
    got = attack(leaky).recovered()
    assert got["new_cases/Legal/total"] == 2 and got["resp/Legal/to_first_conversation"] == 2


def test_by_manager_and_pilots_after_the_start(services):
    _seed(services)
    assert attack(_report(services, by="manager")).recovered() == {}
    later = _report(services, pilot="Sales", pilot_since=date(2026, 1, 5))
    assert attack(later).recovered() == {}


def test_one_small_group_takes_the_next_smallest_with_it(services):
    """Without Support, Legal would be the only withheld group: Ops (10 cases) goes with it."""
    _seed(services)
    conn = services.vault.conn
    with conn.transaction():
        conn.execute(
            "DELETE FROM cases WHERE employee_id IN "
            "(SELECT id FROM employees WHERE department = 'Support')"
        )
    report = _report(services, pilot="Sales", pilot_since=date(2026, 1, 1))
    rows = {r["group"]: r["total"] for r in report["new_cases"]["rows"]}
    assert rows == {"Legal": "fewer than 5", "Ops": "fewer than 5", "Sales": 12, "Support": 0}
    assert report["new_cases"]["total"] == 24
    assert [d["group"] for d in report["drift"]] == ["Sales"]  # Ops is withheld now
    assert attack(report).recovered() == {}


def test_group_counts_never_withhold_exactly_one():
    gc = GroupCounts.build(5, {"new": {"a": 2, "b": 9, "c": 30, "d": 0}}, ["a", "b", "c", "d"])
    assert gc.withheld("new") == {"a", "b"}  # b is the smallest non-empty group
    assert gc.shown("new", "c") == 30 and gc.shown_total("new") == 41
    lone = GroupCounts.build(5, {"new": {"a": 3}}, ["a"])
    assert lone.shown_total("new") == "fewer than 5"


def test_random_tables_keep_every_hidden_cell_unsolvable():
    rng = random.Random(16)
    for _ in range(200):
        rows = [f"g{i}" for i in range(rng.randint(1, 5))]
        cols = [f"c{j}" for j in range(rng.randint(1, 4))]
        counts = {(r, c): rng.choice([0, 0, 1, 2, 3, 4, 5, 8, 13]) for r in rows for c in cols}
        withheld = frozenset(rng.sample(rows, rng.choice([0, 0, 2])) if len(rows) > 2 else ())
        column_totals = rng.random() < 0.7
        table = protect(counts, rows, cols, 5, withheld, column_totals=column_totals)
        a = Attacker()
        if column_totals:
            _table(a, "t", table.as_json())
        else:  # only the rows and their totals are published (the satisfaction tables)
            for row in table.as_json()["rows"]:
                cells = [a.fig(f"t/{row['group']}/{c}", row["cells"][c]) for c in cols]
                a.equal(cells, [a.fig(f"t/{row['group']}/total", row["total"])])
        assert a.recovered() == {}, (counts, withheld, table.as_json())
        for (r, c), n in counts.items():
            if 0 < n < 5:
                assert table.is_hidden(r, c)


def test_open_new_and_closed_tables_do_not_give_each_other_away(services):
    """Every case was opened in the period and the period ends today, so for each group
    open now = new − closed: a group withheld in one of the three is withheld in all."""
    _seed(services)
    conn = services.vault.conn
    with conn.transaction():  # two Sales cases close as improved
        conn.execute(
            "UPDATE cases SET status = 'closed', closed_on = '2026-03-01', outcome = 'improved' "
            "WHERE reference IN ('C-Sales-6', 'C-Sales-7')"
        )
    report = _report(services, pilot="Ops", pilot_since=date(2026, 1, 1))
    a = attack(report)
    _whole_history(a, report)
    assert "closed_by_outcome/Sales/total" in a.hidden
    assert a.recovered() == {}


def _whole_history(a: Attacker, report: dict) -> None:
    """Identities that hold when every case was opened in the period and it ends today."""
    groups = [r["group"] for r in report["new_cases"]["rows"]]
    for g in [*groups, "all"]:
        a.equal(
            [f"open_by_stage/{g}/total", f"closed_by_outcome/{g}/total"], [f"new_cases/{g}/total"]
        )
    if "pilot" in report:
        p, sides = report["pilot"], ("pilot_before", "pilot_after", "rest_before", "rest_after")
        for s in sides:
            a.fig(f"pilot/{s}/closed", p[s]["closed"])
        a.equal([f"pilot/{s}/closed" for s in sides], ["closed_by_outcome/all/total"])
        a.equal(
            ["pilot/pilot_before/closed", "pilot/pilot_after/closed"],
            [f"closed_by_outcome/{p['department']}/total"],
        )


def test_nearly_everything_closed_hides_the_closed_total_everywhere(services):
    """3 cases open organisation-wide: the open total is small, so the closed total goes too —
    and the pilot's closed counts, which add up to it, with it."""
    _seed(services)
    conn = services.vault.conn
    with conn.transaction():
        conn.execute(
            "UPDATE cases SET status = 'closed', closed_on = '2026-03-01', outcome = 'improved' "
            "WHERE reference NOT IN ('C-Ops-0', 'C-Ops-1', 'C-Sales-0')"
        )
    report = _report(services, pilot="Sales", pilot_since=date(2026, 1, 1))
    assert (
        report["open_by_stage"]["total"] == report["closed_by_outcome"]["total"] == "fewer than 5"
    )
    a = attack(report)
    _whole_history(a, report)
    assert a.recovered() == {}
