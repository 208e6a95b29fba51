"""Small-group protection: one protected count per group, then tables that respect it.

Two layers, so that no figure can be worked out by subtracting one table from another:

1. `GroupCounts` holds, for every group, the size of each population the report describes
   (employees, cases opened in the period, cases open now, cases closed in the period). A
   group with fewer than ``k`` in a population is *withheld*; when exactly one group would be
   withheld, the next smallest is withheld with it, so the total minus the shown groups never
   gives one group away. The three case populations are linked (when the period covers the
   vault's whole history and ends today, open now = new − closed), so a group withheld in
   one of them is withheld in all three (`cases_withheld`). Every figure of a withheld group
   — counts, medians, shares, drift notes — is withheld too.
2. `protect` lays out one count table (groups × columns, with row totals, column totals and a
   grand total). Withheld groups' rows are hidden whole; cells describing fewer than ``k`` are
   hidden (primary); then complementary cells are hidden until no hidden cell can be solved
   from the row and column equations. Exact test: draw the hidden cells as edges between row
   and column nodes; a hidden cell is solvable exactly when its edge lies on no cycle (a
   bridge). A bridge is closed into a four-cycle with the cheapest other cells.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

Cell = tuple[int, int]  # (row, column) in the table extended with its margins
MARGIN_COST = 10**9
CASE_POPULATIONS = (
    "new",
    "open",
    "closed",
)  # totals are hidden as complements only when no inner cell will do


def small(n: int, k: int) -> bool:
    """A count of ``n`` people is withheld when 0 < n < k (zero says nothing about anyone)."""
    return 0 < n < k


def hidden_label(k: int) -> str:
    return f"fewer than {k}"


@dataclass(frozen=True)
class GroupCounts:
    """Each group's size in each population, with the withheld groups per population."""

    k: int
    sizes: dict[str, dict[str, int]]  # population -> group -> count
    withheld_sets: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, k: int, sizes: dict[str, dict[str, int]], groups: list[str]) -> GroupCounts:
        full = {pop: {g: int(by.get(g, 0)) for g in groups} for pop, by in sizes.items()}
        return cls(k, full, {pop: _withheld(by, k) for pop, by in full.items()})

    def withheld(self, *populations: str) -> frozenset[str]:
        """Groups withheld in any of ``populations`` (closed again so never exactly one)."""
        out: set[str] = set()
        for pop in populations:
            out |= self.withheld_sets[pop]
        return _withheld(self.sizes[populations[0]], self.k, forced=out)

    def cases_withheld(self) -> frozenset[str]:
        """The groups withheld in every case figure (new, open and closed cases)."""
        present = [p for p in CASE_POPULATIONS if p in self.sizes]
        return self.withheld(*present) if present else frozenset()

    def total_hidden(self, population: str) -> bool:
        """Whether the organisation-wide total of ``population`` is withheld.

        A small total is. Among the linked case totals (open = new − closed when the period
        covers the whole history), one small total takes a second with it: closed goes with
        open, and open or new with closed — the cheapest partners for the reader.
        """
        n = self.total(population)
        everyone = set(self.sizes[population])
        if small(n, self.k) or (len(everyone) == 1 and everyone <= self.withheld_sets[population]):
            return True
        if population not in CASE_POPULATIONS:
            return False
        lone = [p for p in CASE_POPULATIONS if p in self.sizes and small(self.total(p), self.k)]
        partner = {"closed": "open", "open": "closed", "new": "closed"}
        return len(lone) == 1 and partner[lone[0]] == population

    def total(self, population: str) -> int:
        return sum(self.sizes[population].values())

    def shown(self, population: str, group: str) -> int | str:
        linked = population in CASE_POPULATIONS
        if group in (self.cases_withheld() if linked else self.withheld_sets[population]):
            return hidden_label(self.k)
        return self.sizes[population][group]

    def shown_total(self, population: str) -> int | str:
        return hidden_label(self.k) if self.total_hidden(population) else self.total(population)


def _withheld(by: dict[str, int], k: int, forced: set[str] | None = None) -> frozenset[str]:
    out = set(forced or ()) | {g for g, n in by.items() if small(n, k)}
    if len(out) == 1:
        rest = sorted((n == 0, n, g) for g, n in by.items() if g not in out)
        if rest:
            out.add(rest[0][2])  # the smallest non-empty group goes with it
    return frozenset(out)


@dataclass(frozen=True)
class ProtectedTable:
    """Counts with their margins; ``hidden`` holds the positions shown as "fewer than k"."""

    rows: list[str]
    columns: list[str]
    grid: list[list[int]]  # (len(rows) + 1) x (len(columns) + 1); last row/column are totals
    hidden: frozenset[Cell]
    k: int

    def value(self, r: int, c: int) -> int | str:
        return hidden_label(self.k) if (r, c) in self.hidden else self.grid[r][c]

    def cell(self, group: str, column: str) -> int | str:
        return self.value(self.rows.index(group), self.columns.index(column))

    def total_of(self, column: str) -> int | str:
        return self.value(len(self.rows), self.columns.index(column))

    def is_hidden(self, group: str, column: str) -> bool:
        return (self.rows.index(group), self.columns.index(column)) in self.hidden

    def as_json(self) -> dict:
        n, m = len(self.rows), len(self.columns)
        return {
            "columns": list(self.columns),
            "rows": [
                {
                    "group": self.rows[r],
                    "cells": {self.columns[c]: self.value(r, c) for c in range(m)},
                    "total": self.value(r, m),
                }
                for r in range(n)
            ],
            "totals": {self.columns[c]: self.value(n, c) for c in range(m)},
            "total": self.value(n, m),
        }


def build_grid(counts: dict[tuple[str, str], int], rows: list[str], columns: list[str]) -> list:
    grid = [[int(counts.get((r, c), 0)) for c in columns] for r in rows]
    for line in grid:
        line.append(sum(line))
    grid.append([sum(line[c] for line in grid) for c in range(len(columns) + 1)])
    return grid


def protect(
    counts: dict[tuple[str, str], int],
    rows: list[str],
    columns: list[str],
    k: int,
    withheld: frozenset[str] = frozenset(),
    column_totals: bool = True,
    hide_total: bool = False,
) -> ProtectedTable:
    """``column_totals=False``: the table's column totals are never published, so they are
    unknowns to an attacker (and printed as hidden) rather than equations. ``hide_total``:
    the grand total is withheld whatever its size (`GroupCounts.total_hidden`)."""
    grid = build_grid(counts, rows, columns)
    n, m = len(rows), len(columns)
    hidden: set[Cell] = {
        (r, c) for r, line in enumerate(grid) for c, v in enumerate(line) if small(v, k)
    }
    hidden |= {(r, c) for r, g in enumerate(rows) if g in withheld for c in range(m + 1)}
    unpublished: set[Cell] = set()
    if not column_totals:
        unpublished = {(n, c) for c in range(m + 1)}
        hidden |= unpublished
    elif n == 1 and hidden:  # a lone group: the totals are its own figures
        hidden |= {(n, c) for c in range(m + 1)}
    if hide_total:
        hidden.add((n, m))
    whole = [r for r, g in enumerate(rows) if g in withheld]  # rows hidden cell by cell
    while True:
        solvable = [b for b in _bridges(hidden, n + 1, m + 1) if b not in unpublished]
        if not solvable:
            break
        # A bridge at a node with no other hidden cell stays a bridge whatever else is
        # hidden, so all of those are closed in one pass; otherwise one at a time (closing one
        # may close others, and each extra hidden cell costs the reader a figure).
        degree: dict[tuple[str, int], int] = {}
        for r, c in hidden:
            degree[("r", r)] = degree.get(("r", r), 0) + 1
            degree[("c", c)] = degree.get(("c", c), 0) + 1
        leaves = [b for b in solvable if degree[("r", b[0])] == 1 or degree[("c", b[1])] == 1]
        for bridge in leaves or solvable[:1]:
            hidden |= _cheapest_cycle(bridge, grid, hidden, n, m, whole)
    return ProtectedTable(list(rows), list(columns), grid, frozenset(hidden), k)


def _cost(cell: Cell, grid: list[list[int]], hidden: set[Cell], n: int, m: int) -> int:
    if cell in hidden:
        return 0
    v = grid[cell[0]][cell[1]]
    margin = cell[0] == n or cell[1] == m
    # Prefer inner cells, then small non-zero ones (a hidden zero shields little).
    return (MARGIN_COST if margin else 0) + (v if v else grid[n][m] + 1) + 1


def _cheapest_cycle(
    bridge: Cell, grid: list[list[int]], hidden: set[Cell], n: int, m: int, whole: list[int]
) -> set[Cell]:
    """Cells (r, c2), (r2, c2), (r2, c) that put the bridge (r, c) on a four-cycle.

    Rows r2 tried: those already hidden in column c (free), and the three cheapest others —
    tables are long (hundreds of managers) and narrow (a few columns).
    """
    r, c = bridge
    through = next((x for x in whole if x != r), None)
    if through is not None:  # a withheld row: only (r, c2) costs anything
        c2 = min(
            (y for y in range(m + 1) if y != c),
            key=lambda y: _cost((r, y), grid, hidden, n, m),
            default=None,
        )
        if c2 is not None:
            return {(r, c2), (through, c2), (through, c)}
    free = {x for x, y in hidden if y == c and x != r}
    others = (x for x in range(n + 1) if x != r and x not in free)
    cheap = heapq.nsmallest(3, others, key=lambda x: _cost((x, c), grid, hidden, n, m))
    best: tuple[int, set[Cell]] | None = None
    for r2 in sorted(free | set(cheap)):
        for c2 in range(m + 1):
            if c2 == c:
                continue
            cells = {(r, c2), (r2, c2), (r2, c)}
            cost = sum(_cost(x, grid, hidden, n, m) for x in cells)
            if best is None or cost < best[0]:
                best = (cost, cells)
    if best is None:  # a table of one line: hide the whole line
        return {(r, x) for x in range(m + 1)} | {(x, c) for x in range(n + 1)}
    return best[1]


def _bridges(hidden: set[Cell], n_rows: int, n_cols: int) -> list[Cell]:
    """Hidden cells an attacker could solve: bridges of the row/column incidence graph."""
    adj: dict[int, list[tuple[int, Cell]]] = {}
    for r, c in hidden:
        a, b = r, n_rows + c
        adj.setdefault(a, []).append((b, (r, c)))
        adj.setdefault(b, []).append((a, (r, c)))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    found: list[Cell] = []
    counter = 0
    for root in sorted(adj):
        if root in order:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, None, iter(adj[root]))]
        while stack:
            node, via, edges = stack[-1]
            advanced = False
            for nxt, edge in edges:
                if edge == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append((nxt, edge, iter(adj[nxt])))
                    advanced = True
                    break
            if not advanced:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.append(via)  # type: ignore[arg-type]
    return sorted(found)
