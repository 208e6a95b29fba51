"""Small-group protection for count tables: primary and complementary suppression.

A table is shown with its row totals, column totals and grand total. A cell describing fewer
than ``k`` people is hidden (primary). Then every line of the table with its total — each row
including its row total, each column including its column total, the totals row and the totals
column — must hide either nothing or at least two values, otherwise the one hidden value could
be recovered by subtracting the shown ones from the total. The smallest shown value in such a
line is hidden too (complementary), until no line has exactly one hidden value.
"""

from __future__ import annotations

from dataclasses import dataclass

Cell = tuple[int, int]  # (row, column) in the table extended with its margins


@dataclass(frozen=True)
class ProtectedTable:
    """Counts with their margins; ``hidden`` holds the positions shown as "fewer than k"."""

    rows: list[str]
    columns: list[str]
    grid: list[list[int]]  # (len(rows) + 1) x (len(columns) + 1); last row/column are totals
    hidden: frozenset[Cell]
    k: int

    def value(self, r: int, c: int) -> int | str:
        return self.label() if (r, c) in self.hidden else self.grid[r][c]

    def label(self) -> str:
        return f"fewer than {self.k}"

    def as_json(self) -> dict:
        n, m = len(self.rows), len(self.columns)
        return {
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
    grid = [[counts.get((r, c), 0) for c in columns] for r in rows]
    for line in grid:
        line.append(sum(line))
    grid.append([sum(line[c] for line in grid) for c in range(len(columns) + 1)])
    return grid


def protect(
    counts: dict[tuple[str, str], int], rows: list[str], columns: list[str], k: int
) -> ProtectedTable:
    grid = build_grid(counts, rows, columns)
    hidden: set[Cell] = {
        (r, c) for r, line in enumerate(grid) for c, v in enumerate(line) if 0 < v < k
    }
    lines = [[(r, c) for c in range(len(grid[0]))] for r in range(len(grid))]
    lines += [[(r, c) for r in range(len(grid))] for c in range(len(grid[0]))]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(cell in hidden for cell in line) != 1:
                continue
            shown = [cell for cell in line if cell not in hidden]
            if not shown:
                continue
            # Prefer inner cells over totals, then the smallest value: it says the least.
            total_pos = line[-1]
            shown.sort(key=lambda cell: (cell == total_pos, grid[cell[0]][cell[1]]))
            hidden.add(shown[0])
            changed = True
    return ProtectedTable(rows, columns, grid, frozenset(hidden), k)


def small(n: int, k: int) -> bool:
    """A statistic over ``n`` people (median, rate, share) is withheld when 0 < n < k."""
    return 0 < n < k
